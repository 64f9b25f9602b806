"""A forgotten password: from the login page, an e-mail in the person's language with a link on the main domain
that works once and for an hour; the same answer, and no e-mail, for an unknown address."""
import re
from datetime import datetime, timedelta
from unittest import mock
from urllib.parse import urlsplit

from django.core import mail

from accounts.models import User
from tests.accounts.browser import MAIN, Browser, text
from tests.conftest import PASSWORD

NEW_PASSWORD = "een-nieuw-wachtwoord-42"


def ask_for_reset(browser: Browser, email: str):
    login = browser.get(f"http://{MAIN}/accounts/login/")
    assert 'href="/accounts/password/reset/"' in login.content.decode()
    return browser.post(f"http://{MAIN}/accounts/password/reset/", {"email": email})


def link_in(message) -> str:
    return re.search(r"(http://\S+/accounts/password/reset/key/\S+/)", message.body).group(1)


def test_reset_link_sets_a_new_password_and_the_old_one_fails(world):
    parent = world.a.parent
    browser = Browser()
    answer = ask_for_reset(browser, parent.email)
    assert answer.final_url == f"http://{MAIN}/accounts/password/reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [parent.email]
    assert "wachtwoord" in message.subject.lower() and "uur" in message.body  # Dutch, the parent's language
    link = link_in(message)
    assert link.startswith(f"http://{MAIN}:8000/accounts/password/reset/key/")

    form = browser.get(link)
    assert form.status_code == 200
    done = browser.post(form.final_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert urlsplit(done.final_url).path == "/accounts/password/reset/key/done/"

    assert Browser().log_in(parent.email, PASSWORD).final_url == f"http://{MAIN}/accounts/login/"
    fresh = Browser()
    assert fresh.log_in(parent.email, NEW_PASSWORD).final_url == f"http://{MAIN}/"
    assert fresh.user_id(MAIN) == str(parent.pk)


def test_the_link_works_once(world):
    browser = Browser()
    ask_for_reset(browser, world.a.staff.email)
    link = link_in(mail.outbox[0])
    form = browser.get(link)
    browser.post(form.final_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    again = Browser().get(link)
    assert again.status_code == 200
    assert 'name="password1"' not in again.content.decode()


def test_the_link_expires_after_an_hour(world):
    from allauth.account.forms import default_token_generator  # our generator (settings), once allauth is loaded

    assert type(default_token_generator).__module__ == "accounts.tokens"
    browser = Browser()
    ask_for_reset(browser, world.a.staff.email)
    link = link_in(mail.outbox[0])
    later = datetime.now() + timedelta(seconds=3601)
    with mock.patch.object(type(default_token_generator), "_now", return_value=later):
        page = Browser().get(link)
    assert 'name="password1"' not in page.content.decode()


def test_unknown_address_gets_the_same_answer_and_no_email(world):
    known, unknown = Browser(), Browser()
    answer_known = ask_for_reset(known, world.a.parent.email)
    mail.outbox.clear()
    answer_unknown = ask_for_reset(unknown, "nobody@nowhere.test")
    assert mail.outbox == []
    assert answer_unknown.final_url == answer_known.final_url
    assert answer_unknown.status_code == answer_known.status_code == 200
    strip = lambda response: re.sub(r'value="[^"]+"', "", text(response))  # noqa: E731 - CSRF tokens differ
    assert strip(answer_unknown) == strip(answer_known)


def test_the_email_is_in_the_persons_language(world):
    parent = world.a.parent
    User.objects.filter(pk=parent.pk).update(language="en")  # not on `world`'s shared object
    ask_for_reset(Browser(), parent.email)
    assert "hour" in mail.outbox[0].body
    assert "password" in mail.outbox[0].subject.lower()


def test_a_location_hosts_login_leads_to_the_reset_page(world):
    page = Browser().get(f"http://{world.a.host}/accounts/login/")
    assert page.final_url.startswith(f"http://{MAIN}:8000/accounts/login/") or \
        page.final_url.startswith(f"http://{MAIN}/accounts/login/")
    assert "/accounts/password/reset/" in page.content.decode()
