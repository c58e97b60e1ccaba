"""A headless Chromium driven by selenium, with axe-core checks on every page it visits."""
import os
import shutil

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

BLOCKING_IMPACTS = {"serious", "critical"}


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB"):
        options.add_argument(argument)
    service = Service(os.environ.get("CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


class Visitor:
    """Moves through pages as a person would, and fails on serious accessibility violations."""

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.checked = []

    def open(self, path):
        self.driver.get(self.base + path)
        self.check_accessibility()

    def check_accessibility(self):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]
        page = self.driver.current_url
        self.checked.append(page)
        assert not blocking, f"axe on {page}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}\n  {v['nodes'][0]['html']}\n  {v['nodes'][0]['failureSummary']}" for v in blocking)

    def field(self, field_id):
        return self.driver.find_element(By.ID, field_id)

    def fill(self, **fields):
        for field_id, value in fields.items():
            element = self.field(field_id)
            element.clear()
            element.send_keys(value)

    def submit(self, form_action):
        self.click_and_wait(self.driver.find_element(By.CSS_SELECTOR, f'form[action="{form_action}"] button[type="submit"]'))
        self.check_accessibility()

    def click_and_wait(self, element):
        """Clicks something that loads a page, and waits until the old page is gone (axe must run on the new one)."""
        old_page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, 20).until(lambda _: self.is_gone(old_page))
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

    @staticmethod
    def is_gone(element):
        """Chromedriver reports a node of an unloaded page either as stale or as "not in the document"."""
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def language(self):
        return self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")

    def switch_language(self, code):
        select = self.field("language-select")
        select.find_element(By.CSS_SELECTOR, f'option[value="{code}"]').click()
        self.submit("/language")

    def log_in(self, email, password):
        self.open("/login")
        self.fill(email=email, password=password)
        self.submit("/login")

    def log_out(self):
        self.submit("/logout")

    def fill_expert_profile(self, country, years, field, skill, language, motivation, hours="5"):
        """Completes /profile with one field, one skill at level 3, one native language, 2027 availability and
        every attestation; the caller saves it."""
        Select(self.field("country")).select_by_value(country)
        self.fill(years=years, hoursPerWeek=hours, capacity="1", motivation=motivation)
        self.driver.find_element(By.CSS_SELECTOR, f'input[name="fields[]"][value="{field}"]').click()
        Select(self.field(f"skill_{skill}")).select_by_value("3")
        Select(self.field("language_1")).select_by_value(language)
        Select(self.field("level_1")).select_by_value("3")
        self.driver.execute_script("document.getElementById('availableFrom').value = '2027-01-01';"
                                   "document.getElementById('availableUntil').value = '2027-12-31';")
        for name in ("proBono", "workHours", "publicCommunication", "valuesAlignment"):
            self.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"]').click()
