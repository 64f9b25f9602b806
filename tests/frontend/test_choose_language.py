"""The portal's languages are the translation catalogues present: a parent picks one (stored on them, used
for pages and e-mails), and adding a language is adding its catalogue — no code, no migration."""
from django.conf import settings

from config.languages import languages_in


def test_the_languages_are_the_catalogues_with_the_default_first():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.LANGUAGES == [("nl", "Nederlands"), ("en", "English"), ("nl-be", "Nederlands (België)")]


def test_a_new_catalogue_is_a_new_language(tmp_path):
    for code in ("en", "pl", "tr", "pt_BR"):
        (tmp_path / code / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / code / "LC_MESSAGES" / "django.po").write_text('msgid ""\nmsgstr ""\n')
    (tmp_path / "de").mkdir()  # no catalogue inside: not a language yet
    assert languages_in(tmp_path, default="nl") == [
        ("nl", "Nederlands"), ("en", "English"), ("pl", "polski"), ("pt-br", "Português Brasileiro"),
        ("tr", "Türkçe")]


def test_the_switcher_offers_every_other_language_under_its_own_name(world, client_for):
    client = client_for(world.two_location_parent)
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    world.two_location_parent.language = "nl"
    world.two_location_parent.save(update_fields=["language"])
    html = client.get("/").content.decode()
    assert '<button type="submit" name="language" value="en" class="link" lang="en">English</button>' in html
    assert 'value="nl" class="link"' not in html, "not the language the page is in"


def test_a_parent_chooses_english_and_it_is_kept(world, client_for):
    client = client_for(world.two_location_parent)
    response = client.post("/account/language/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    world.two_location_parent.refresh_from_db()
    assert world.two_location_parent.language == "en"
    page = client.get("/")
    assert page.headers["Content-Language"] == "en"
    assert "Your children" in page.content.decode()


def test_a_language_without_a_catalogue_is_refused(world, client_for):
    client = client_for(world.two_location_parent)
    world.two_location_parent.refresh_from_db()
    before = world.two_location_parent.language
    client.post("/account/language/", {"language": "xx", "next": "/"})
    world.two_location_parent.refresh_from_db()
    assert world.two_location_parent.language == before
