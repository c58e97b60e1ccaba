"""At 375 px wide no page scrolls sideways, and the navigation folds into a menu that opens without JavaScript."""
import pytest
from selenium.webdriver.common.by import By

PASSWORD = "integrity-demo-2026"
WIDTH = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
ROLES = ["coordinator@demo.integrity.invalid", "admin@demo.integrity.invalid", "participante@demo.integrity.invalid",
         "expert@demo.integrity.invalid", "evaluator@demo.integrity.invalid", "analyst@demo.integrity.invalid"]


@pytest.mark.parametrize("email", ROLES)
def test_no_page_of_the_role_scrolls_sideways_at_375_px(visitor, email):
    visitor.log_in(email, PASSWORD)
    links = [a.get_attribute("href") for a in visitor.driver.find_elements(By.CSS_SELECTOR, "nav a")]
    visitor.driver.set_window_size(375, 800)
    wide = []
    for href in dict.fromkeys([visitor.base + "/"] + links):
        visitor.driver.get(href)
        scroll, client = visitor.driver.execute_script(WIDTH)
        if scroll > client:
            wide.append(f"{href[len(visitor.base):]} ({scroll} > {client} px)")
    assert wide == [], "pages wider than the screen: " + ", ".join(wide)


def test_the_navigation_folds_into_a_menu_that_opens_without_javascript(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.driver.set_window_size(375, 800)
    visitor.driver.get(visitor.base + "/")
    menu = visitor.driver.find_element(By.CSS_SELECTOR, "nav details summary")
    assert menu.is_displayed()
    inside = visitor.driver.find_elements(By.CSS_SELECTOR, "nav details a")
    assert inside and not any(a.is_displayed() for a in inside), "the links wait behind the menu"
    menu.click()
    assert all(a.is_displayed() for a in inside)
    visitor.check_accessibility()
    visitor.driver.set_window_size(1280, 900)
    visitor.driver.get(visitor.base + "/")
    assert not visitor.driver.find_element(By.CSS_SELECTOR, "nav details summary").is_displayed(), "wide screens show every link"
