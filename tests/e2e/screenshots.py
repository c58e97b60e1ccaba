"""Pictures for the role guides (scripts/screenshots): each demo role's main pages at desktop and phone widths."""
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from browser import make_driver, Visitor
from conftest import start_demo_server

PASSWORD = "integrity-demo-2026"
# Role, demo login, language of the pictures, and (name, path) of the pages the role's guide walks through; a path
# written "PAGE >> SELECTOR" is the first link SELECTOR finds on PAGE, for pages whose address the demo makes.
ROLES = [
    ("coordinator", "coordinator@demo.integrity.invalid", "en",
     [("dashboard", "/"), ("needs", "/needs"), ("matching", "/matching"), ("programme", "/programme"), ("report-oversight", "/report-oversight")]),
    ("public-participant", "participante@demo.integrity.invalid", "es", [("dashboard", "/"), ("new-need", "/needs/new"), ("matches", "/matches")]),
    ("expert", "expert@demo.integrity.invalid", "en", [("dashboard", "/"), ("profile", "/profile"), ("matches", "/matches")]),
    ("evaluator", "evaluator@demo.integrity.invalid", "fr", [("dashboard", "/"), ("matches", "/matches")]),
    ("analyst", "analyst@demo.integrity.invalid", "es",
     [("dashboard", "/"), ("red-flags", "/red-flags"), ("red-flag-run", "/red-flags >> a[href*='/red-flags/runs/']")]),
]
PUBLIC = [("home", "/"), ("published", "/public"), ("reporting", "/reporting?lang=fr"),
          ("report-form", "/reporting/new/official-misconduct?lang=fr"), ("report-statistics", "/statistics/reports")]
WIDTHS = {"desktop": 1280, "phone": 375}


def resolve(driver, base, path):
    if ">>" not in path:
        return base + path
    page, selector = (part.strip() for part in path.split(">>"))
    driver.get(base + page)
    return driver.find_element(By.CSS_SELECTOR, selector).get_attribute("href")


def shoot(driver, base, path, target, width):
    driver.set_window_size(width, 900)
    driver.get(resolve(driver, base, path))
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height, 600), 2400))
    driver.save_screenshot(str(target))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp())
    process, base, log = start_demo_server(data)
    driver = make_driver()
    try:
        for name, path in PUBLIC:
            for label, width in WIDTHS.items():
                shoot(driver, base, path, out / f"public-{name}-{label}.png", width)
        for role, email, language, pages in ROLES:
            driver.delete_all_cookies()
            visitor = Visitor(driver, base)
            driver.set_window_size(1280, 900)
            visitor.log_in(email, PASSWORD)
            visitor.switch_language(language)
            for name, path in pages:
                for label, width in WIDTHS.items():
                    shoot(driver, base, path, out / f"{role}-{name}-{label}.png", width)
        print(f"pictures written to {out}")
    finally:
        driver.quit()
        process.terminate()
        log.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
