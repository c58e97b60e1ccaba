"""Reports in numbers and complaint routing in a real browser, with axe on every page, in three languages."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PASSWORD = "integrity-demo-2026"
TITLES = {"en": "Reports in numbers", "fr": "Les signalements en chiffres", "es": "Las denuncias en cifras"}


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_public_sees_the_demos_complaints_in_numbers_without_signing_in(visitor, language):
    visitor.driver.delete_all_cookies()
    visitor.open("/")
    visitor.switch_language(language)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'footer a[href="/statistics/reports"]'))
    visitor.check_accessibility()
    assert visitor.heading() == TITLES[language]
    assert visitor.language() == language
    svgs = visitor.driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")
    assert len(svgs) == 5, "four bar charts and the region map, drawn on the server"
    regions = [row.text for row in visitor.driver.find_elements(By.CSS_SELECTOR, ".map-with-table tbody th")]
    assert len(regions) >= 2, regions
    counts = [cell.text for cell in visitor.driver.find_elements(By.CSS_SELECTOR, ".map-with-table tbody td:nth-child(2)")]
    assert any(c.isdigit() and int(c) >= 5 for c in counts), f"a region with at least five reports is shown: {counts}"


def test_the_dashboard_fits_a_phone(visitor):
    visitor.driver.set_window_size(375, 800)
    visitor.open("/statistics/reports")
    widths = visitor.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways at 375 px: {widths}"
    visitor.driver.set_window_size(1280, 900)


def test_a_coordinator_sees_the_surge_and_routes_a_subject_to_another_authority(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("es")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'nav a[href="/report-oversight"]'))
    visitor.check_accessibility()
    surges = visitor.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="surges-heading"] tbody tr')
    assert len(surges) == 1, "this month's surge from Western Europe"
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'main a[href="/complaint-routing"]'))
    visitor.check_accessibility()
    def removals():
        return {form.get_attribute("action").replace(visitor.base, "") for form in visitor.driver.find_elements(By.CSS_SELECTOR, 'main table form[action$="/remove"]')}
    before = removals()
    Select(visitor.field("category")).select_by_value("bribery-in-public-services")
    Select(visitor.field("region")).select_by_value("039")
    Select(visitor.field("authority")).select_by_index(1)
    visitor.submit("/complaint-routing")
    added = removals() - before
    assert len(added) == 1
    Select(visitor.field("category")).select_by_value("bribery-in-public-services")
    Select(visitor.field("region")).select_by_value("039")
    Select(visitor.field("authority")).select_by_index(1)
    visitor.submit("/complaint-routing")
    assert "ya tienen una fila" in visitor.driver.page_source, "the same subject and region twice is refused"
    visitor.open("/complaint-routing")
    visitor.submit(added.pop())
    assert removals() == before
    visitor.log_out()
