"""Reporting in a real browser, with axe on every page, as a whistleblower meets it: no account, no cookie."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

DEMO_RECEIPT = "2026 1204 0000 0001"
TEXT = {
    "en": {"title": "Report wrongdoing", "receipt": "Your receipt", "thread": "Your report", "sent": "Your reply is sent"},
    "fr": {"title": "Signaler un abus", "receipt": "Votre reçu", "thread": "Votre signalement", "sent": "Votre réponse est envoyée"},
    "es": {"title": "Denunciar una irregularidad", "receipt": "Su recibo", "thread": "Su denuncia", "sent": "Su respuesta se ha enviado"},
}


def choose(visitor, name, value):
    visitor.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()


def send(visitor):
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'main form button[type="submit"]'))
    visitor.check_accessibility()


def test_a_whistleblower_reports_keeps_the_receipt_and_comes_back_in_each_language(visitor, tmp_path):
    evidence = tmp_path / "fictional-evidence.txt"
    evidence.write_text("A fictional document.\n")
    for language, words in TEXT.items():
        visitor.driver.delete_all_cookies()
        visitor.open(f"/reporting?lang={language}")
        assert visitor.heading() == words["title"]
        visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href^="/reporting/new/official-misconduct"]'))
        visitor.check_accessibility()
        assert visitor.language() == language

        choose(visitor, "kind", "abuse")
        visitor.fill(account=f"Fictional account written in {language}.", who="A fictional official")
        choose(visitor, "handlers-involved", "no")
        Select(visitor.field("where")).select_by_index(1)
        send(visitor)
        assert visitor.heading() == words["receipt"]
        receipt = re.search(r"\d{4} \d{4} \d{4} \d{4}", visitor.driver.page_source).group(0)
        assert visitor.driver.get_cookies() == [], "reporting leaves no cookie in the browser"

        visitor.open(f"/reporting/follow-up?lang={language}")
        visitor.fill(receipt=receipt)
        send(visitor)
        assert visitor.heading() == words["thread"]
        visitor.fill(message="A fictional answer.")
        visitor.driver.find_element(By.ID, "attachments").send_keys(str(evidence))
        send(visitor)
        assert words["sent"] in visitor.driver.page_source
        assert "A fictional answer." in visitor.driver.page_source
        assert "fictional-evidence.txt" in visitor.driver.page_source, "the file sent is listed under the reply"
        assert visitor.driver.get_cookies() == []


def test_the_demo_receipt_opens_a_question_from_the_office_and_a_wrong_one_opens_nothing(visitor):
    visitor.open("/reporting/follow-up?lang=es")
    visitor.fill(receipt=DEMO_RECEIPT)
    send(visitor)
    assert "Quienes tramitan su denuncia" in visitor.driver.page_source
    assert "which months" in visitor.driver.page_source
    assert "ledger-extract.csv" in visitor.driver.page_source, "the demo answer carries a file"

    visitor.open("/reporting/follow-up?lang=fr")
    visitor.fill(receipt="1111 2222 3333 4444")
    send(visitor)
    assert "Aucun signalement ne s’ouvre avec ce reçu" in visitor.driver.page_source


def test_missing_answers_are_named_and_someone_in_danger_is_sent_to_emergency_services(visitor):
    visitor.open("/reporting/new/bribery-in-public-services?lang=fr")
    choose(visitor, "danger", "no")
    send(visitor)
    assert visitor.driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#service']")
    choose(visitor, "danger", "yes")
    send(visitor)
    assert "112" in visitor.driver.page_source


def test_a_complainant_may_leave_an_address_for_updates_and_a_bad_one_is_named(visitor):
    visitor.open("/reporting/new/bribery-in-public-services?lang=es")
    choose(visitor, "danger", "no")
    choose(visitor, "service", "health")
    visitor.fill(account="Ficticio: me pidieron dinero para atenderme.", updates_email="no es una dirección")
    send(visitor)
    assert visitor.driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#updates_email']")
    assert "Ficticio: me pidieron dinero" in visitor.driver.page_source, "the answers are kept"
    visitor.fill(updates_email="quejosa@example.org")
    send(visitor)
    assert "Su recibo" in visitor.driver.page_source


def test_the_office_opens_its_key_reads_the_demo_report_and_asks(visitor):
    visitor.log_in("participante@demo.integrity.invalid", "integrity-demo-2026")
    visitor.open("/received-reports")
    visitor.fill(password="integrity-demo-2026")
    visitor.submit("/received-reports/unlock")
    assert "Su clave está abierta" in visitor.driver.page_source
    links = [a.get_attribute("href").replace(visitor.base, "") for a in visitor.driver.find_elements(By.CSS_SELECTOR, 'table a[href^="/received-reports/"]')]
    assert len(links) >= 3, "the demo's three reports, and any the other tests sent"
    for link in links:
        visitor.open(link)
        if "licensing desk" in visitor.driver.page_source:
            break
    assert "licensing desk" in visitor.driver.page_source
    visitor.fill(message="Could you say which office you work in? (fictional)")
    action = visitor.driver.find_element(By.CSS_SELECTOR, 'main form').get_attribute("action").replace(visitor.base, "")
    visitor.submit(action)
    assert "(fictional)" in visitor.driver.page_source
    visitor.log_out()


def test_the_custodian_opens_their_key_and_finds_the_offices_request_to_see_a_sealed_identity(visitor):
    visitor.log_in("admin@demo.integrity.invalid", "integrity-demo-2026")
    visitor.switch_language("fr")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'nav a[href="/received-reports/identity-requests"]'))
    visitor.check_accessibility()
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'main a[href="/received-reports"]'))
    visitor.fill(password="integrity-demo-2026")
    visitor.submit("/received-reports/unlock")
    visitor.open("/received-reports/identity-requests")
    visitor.check_accessibility()
    assert "hear the engineer as a witness" in visitor.driver.page_source
    assert visitor.driver.find_elements(By.CSS_SELECTOR, 'main form button[value="approve"]'), "with the key open, the custodian can decide"
    visitor.log_out()


def test_the_office_forwards_a_redacted_copy_and_the_agency_reads_only_that(visitor):
    visitor.log_in("participante@demo.integrity.invalid", "integrity-demo-2026")
    visitor.open("/received-reports")
    visitor.fill(password="integrity-demo-2026")
    visitor.submit("/received-reports/unlock")
    links = [a.get_attribute("href").replace(visitor.base, "") for a in visitor.driver.find_elements(By.CSS_SELECTOR, 'table a[href^="/received-reports/"]')]
    for link in links:
        visitor.open(link + "/forward")
        if visitor.driver.find_elements(By.ID, "organisation"):
            break
    assert visitor.driver.find_elements(By.ID, "organisation"), "a complaint routed to the office alone can go to the agency"
    Select(visitor.field("organisation")).select_by_index(1)
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="keep[]"]').click()
    visitor.fill(note="Forwarded in the browser walk. (fictional)")
    send(visitor)
    assert "La copia censurada se envió" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in("agent.public@demo.integrity.invalid", "integrity-demo-2026")
    visitor.open("/received-reports")
    visitor.fill(password="integrity-demo-2026")
    visitor.submit("/received-reports/unlock")
    copies = [a.get_attribute("href").replace(visitor.base, "") for a in visitor.driver.find_elements(By.CSS_SELECTOR, 'table a[href^="/received-reports/forwarded/"]')]
    assert len(copies) >= 2, "the demo's copy and the one just sent"
    notes = []
    for link in copies:
        visitor.open(link)
        notes.append(visitor.driver.page_source)
    assert any("Forwarded in the browser walk." in page for page in notes)
    assert any("Building permits are yours to inspect" in page for page in notes)
    assert not any("speed up a building permit" in page for page in notes), "the story was withheld from the demo's copy"
    visitor.open("/received-reports")
    assert "Licensing desk" in visitor.driver.page_source, "the agency's declared conflict is listed"
    visitor.fill(party="Port authority (fictional)")
    visitor.submit("/received-reports/conflicts")
    assert "Port authority (fictional)" in visitor.driver.page_source, "the new declaration is listed, in whatever language the session speaks"
    visitor.log_out()
