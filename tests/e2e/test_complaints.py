"""Issue 6 in a real browser: a parent files a complaint, the entrepreneur acknowledges and judges it, the
parent reads the judgement (and its letter); a meldcode concern leads to the meldcode and is not stored."""
import re
import secrets

from frontend.browser import login

DEMO = "@demo.opvangkring.nl"
PARENT = "ouder.jansen" + DEMO
ENTREPRENEUR = "marieke" + DEMO


def test_parent_files_entrepreneur_acknowledges_and_judges_parent_reads_the_judgement(new_page, server):
    kikker = server.url("kikker")
    marker = f"E2E-{secrets.token_hex(4)}"

    parent = new_page()
    login(parent, kikker, PARENT)
    parent.goto(f"{kikker}complaints/new/")
    parent.locator("input[name=subject][value=method]").check()
    parent.locator("#id_child").select_option(label="Mila Jansen")
    parent.locator("#id_description").fill(f"{marker}: de wenperiode was te kort.")
    parent.locator("main form[enctype] button[type=submit]").click()
    parent.wait_for_url(re.compile(r".*/complaints/\d+/$"))
    complaint_url = parent.url
    assert marker in parent.locator("main").inner_text()

    owner = new_page()
    login(owner, kikker, ENTREPRENEUR)
    owner.goto(f"{kikker}complaints/")
    owner.locator(f"main a[href='{complaint_url.replace(kikker, '/')}']").click()
    owner.wait_for_url(complaint_url)
    owner.locator("form[action$='/acknowledge/'] button").click()
    owner.wait_for_url(complaint_url)
    assert owner.locator("a[href*='/letters/']").count() == 1
    owner.locator("#id_judgement").fill(f"{marker}: gegrond, we plannen een langere wenperiode.")
    owner.locator("#id_outcome").select_option("founded")
    owner.locator("#id_measure_1").fill("Wenperiode van twee weken")
    owner.locator("#id_measure_1_on").fill("2026-12-01")
    owner.locator("form[action$='/judge/'] button").click()
    owner.wait_for_url(complaint_url)
    assert owner.locator("a[href*='/letters/']").count() == 2

    parent.reload()
    judgement = parent.locator("#judgement").inner_text()
    assert f"{marker}: gegrond" in judgement and "Wenperiode van twee weken" in judgement
    assert "Geschillencommissie Kinderopvang" in judgement
    letter = parent.locator("a[href*='/letters/']").last.get_attribute("href")
    assert letter.startswith("/complaints/")
    status, content_type = parent.evaluate("url => fetch(url).then(r => [r.status, r.headers.get('content-type')])",
                                           letter)
    assert (status, content_type) == (200, "application/pdf")


def test_a_meldcode_concern_goes_to_the_meldcode_and_not_into_the_register(new_page, server):
    kikker = server.url("kikker")
    marker = f"E2E-{secrets.token_hex(4)}"
    parent = new_page()
    login(parent, kikker, PARENT)
    parent.goto(f"{kikker}complaints/new/")
    assert parent.locator("main a[href*='meldcode']").count() >= 1
    parent.locator("input[name=subject][value=meldcode]").check()
    parent.locator("#id_description").fill(marker)
    parent.locator("main form[enctype] button[type=submit]").click()
    parent.wait_for_url(re.compile(r".*/meldcode/.*"))
    parent.goto(f"{kikker}complaints/")
    assert marker not in parent.locator("main").inner_text()
