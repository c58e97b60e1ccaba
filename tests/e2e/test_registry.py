"""The ownership registry in a real browser, with axe on every page, in three languages: the public finds a company
and sees who is behind it, and an analyst imports a file (a bad one is refused line by line)."""
import json

import pytest
from selenium.webdriver.common.by import By

PASSWORD = "integrity-demo-2026"
TITLES = {"en": "Beneficial-ownership registry", "fr": "Registre des bénéficiaires effectifs", "es": "Registro de beneficiarios finales"}
OWNER = {"en": "Beneficial owner", "fr": "Bénéficiaire effectif", "es": "Beneficiario final"}
WIDTH = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_public_finds_a_supplier_and_sees_its_owners_and_chain(visitor, language):
    visitor.driver.delete_all_cookies()
    visitor.open("/")
    visitor.switch_language(language)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'nav a[href="/registry"]'))
    visitor.check_accessibility()
    assert visitor.heading() == TITLES[language]
    visitor.fill(q="proveedora")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[role="search"] button[type="submit"]'))
    visitor.check_accessibility()
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Proveedora Ficticia SL"))
    visitor.check_accessibility()
    owners = {row.find_element(By.TAG_NAME, "a").text: row.text
              for row in visitor.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="owners-heading"] tbody tr')}
    assert set(owners) == {"Marta Ejemplo", "Jorge Muestra", "Lucía Consejera"}
    assert OWNER[language] in owners["Marta Ejemplo"]
    assert len(visitor.driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")) == 1, "the chain is drawn on the server"
    assert len(visitor.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="chain-heading"] tbody tr')) == 4
    assert "1975" not in visitor.driver.page_source


def test_the_record_page_fits_a_phone_and_the_cycle_and_undisclosed_owner_show(visitor):
    visitor.driver.set_window_size(375, 800)
    for record in ("ix-demo-proveedora", "ix-demo-inversiones", "ix-demo-servicios", "ix-demo-marta"):
        visitor.open(f"/registry/records/{record}")
        scroll, client = visitor.driver.execute_script(WIDTH)
        assert scroll <= client, f"{record} scrolls sideways at 375 px: {scroll} > {client}"
    visitor.driver.set_window_size(1280, 900)
    visitor.open("/registry/records/ix-demo-servicios")
    assert "Owner's identity withheld under a court order (fictional)" in visitor.driver.page_source


def test_an_analyst_imports_a_file_and_a_bad_one_is_refused_line_by_line(visitor, tmp_path):
    visitor.log_in("analyst@demo.integrity.invalid", PASSWORD)
    visitor.open("/registry/import")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"statementId": "too-short"}\n')
    visitor.field("file").send_keys(str(bad))
    visitor.submit("/registry/import")
    summary = visitor.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "1" in summary and "recordId" in summary
    good = tmp_path / "good.json"
    statement = {"statementId": "ix-e2e-statement-000000000000000000000001", "statementDate": "2026-02-01", "recordId": "ix-e2e-company",
                 "recordType": "entity", "recordStatus": "new", "declarationSubject": "ix-e2e-company",
                 "recordDetails": {"isComponent": False, "entityType": {"type": "registeredEntity"}, "name": "Empresa de Prueba E2E"}}
    good.write_text(json.dumps([statement], indent=2))
    visitor.field("file").send_keys(str(good))
    visitor.submit("/registry/import")
    imports = [row.text for row in visitor.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="imports-heading"] tbody tr')]
    assert any("good.json" in row for row in imports), imports
    visitor.open("/registry?q=prueba+e2e")
    assert visitor.driver.find_elements(By.LINK_TEXT, "Empresa de Prueba E2E")
