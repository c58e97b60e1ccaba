"""Pages in a real browser, as new users meet them, with axe on every page visited."""
import json
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait


PASSWORD = "integrity-demo-2026"

# Each demo login, with a page the role may not see.
ROLES = [
    ("coordinator@demo.integrity.invalid", "/outbox"),
    ("admin@demo.integrity.invalid", None),
    ("agent.public@demo.integrity.invalid", "/people"),
    ("participante@demo.integrity.invalid", "/audit"),
    ("expert@demo.integrity.invalid", "/organisations"),
    ("experta@demo.integrity.invalid", "/invitations"),
    ("evaluator@demo.integrity.invalid", "/organisations/new"),
    ("analyst@demo.integrity.invalid", "/outbox"),
]

WELCOME = {"en": "Welcome,", "fr": "Bienvenue,", "es": "Le damos la bienvenida,"}
FORBIDDEN = {"en": "You do not have permission", "fr": "Vous n'avez pas l'autorisation", "es": "No tiene permiso"}


@pytest.mark.parametrize("email,forbidden_page", ROLES)
def test_each_role_signs_in_switches_language_meets_a_refusal_and_signs_out(visitor, email, forbidden_page):
    visitor.log_in(email, PASSWORD)
    assert visitor.driver.current_url.rstrip("/") == visitor.base, visitor.driver.page_source[:500]
    start = visitor.language()
    assert visitor.heading().startswith(WELCOME[start])

    for code in ("en", "fr", "es"):
        visitor.switch_language(code)
        assert visitor.language() == code
        assert visitor.heading().startswith(WELCOME[code])

    # Every page the navigation offers this role opens and passes axe.
    links = [a.get_attribute("href") for a in visitor.driver.find_elements(By.CSS_SELECTOR, "nav ul.nav a")]
    for link in links:
        visitor.open(link.replace(visitor.base, ""))
        assert "Something went wrong" not in visitor.driver.page_source

    if forbidden_page:
        visitor.open(forbidden_page)
        assert FORBIDDEN["es"] in visitor.driver.page_source
        assert "403" in visitor.heading()

    visitor.log_out()
    visitor.open("/account")
    assert "/login" in visitor.driver.current_url


def test_the_skip_link_is_the_first_stop_and_reaches_main(visitor):
    visitor.open("/")
    body = visitor.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = visitor.driver.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link"
    focused.send_keys(Keys.ENTER)
    assert visitor.driver.switch_to.active_element.get_attribute("id") == "main"


def test_registration_errors_are_shown_per_field_then_the_registration_is_received(visitor):
    visitor.open("/register")
    visitor.switch_language("fr")
    visitor.fill(displayName="Zoé Essai", email="pas-une-adresse", organisationName="Entreprise fictive",
                 password="court", passwordConfirmation="court")
    visitor.submit("/register")
    page = visitor.driver.page_source
    assert "Veuillez corriger les points suivants" in page
    assert visitor.field("email").get_attribute("aria-invalid") == "true"
    assert "Saisissez une adresse e-mail" in visitor.field("email-error").text
    assert visitor.field("displayName").get_attribute("value") == "Zoé Essai", "what was typed is kept"

    visitor.fill(email="zoe.essai@example.org", password="une phrase de passe longue", passwordConfirmation="une phrase de passe longue")
    visitor.field("role").find_element(By.CSS_SELECTOR, 'option[value="expert"]').click()
    visitor.submit("/register")
    assert visitor.heading() == "Inscription reçue"


def test_a_coordinator_adds_an_organisation_and_sees_its_history(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.open("/organisations/new")
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="company"]').click()
    visitor.fill(name="Browser Test Analytics (fictional)")
    visitor.field("country").find_element(By.CSS_SELECTOR, 'option[value="IE"]').click()
    visitor.field("sector").find_element(By.CSS_SELECTOR, 'option[value="technology"]').click()
    visitor.submit("/organisations")
    assert visitor.heading() == "Browser Test Analytics (fictional)"
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href^="/audit?subjectType=organisation"]'))
    visitor.check_accessibility()
    assert "organisation.create" in visitor.driver.page_source


def test_a_coordinator_imports_a_roster_file(visitor, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employer,country,areas\n"
                      "Browser Roster One,Example Analytics Ltd (fictional),Kenya,network analysis\n"
                      "Browser Roster Two,Example Analytics Ltd (fictional),Nairobi,OCDS\n")
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/experts")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href="/roster"]'))
    visitor.check_accessibility()
    visitor.field("file").send_keys(str(roster))
    visitor.submit("/roster/preview")
    assert "Line 3: “Nairobi” is not a country" in visitor.driver.page_source
    visitor.field("skipFlagged").click()
    visitor.submit("/roster/import")
    assert visitor.driver.current_url.endswith("/experts")
    assert "1 expert imported as invited." in visitor.driver.page_source
    assert "Browser Roster One" in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Browser Roster One"))
    visitor.check_accessibility()
    assert visitor.heading() == "Browser Roster One"


def test_a_public_participant_drafts_and_submits_a_need_with_its_readiness(visitor):

    visitor.log_in("participante@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("es")
    visitor.open("/needs/new")
    visitor.fill(title="Alertas en nuestras licitaciones (navegador)", problemStatement="Publicamos OCDS pero no sabemos analizarlo.",
                 whyPrivateSector="El sector privado lo hace a diario.", expectedOutputs="Un cuaderno reproducible.")
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="supportAreas[]"][value="3"]').click()
    Select(visitor.field("requiredSkills")).select_by_value("procurement-red-flags")
    Select(visitor.field("languages")).select_by_value("es")
    visitor.driver.execute_script("document.getElementById('preferredStart').value = '2027-02-01'")
    for index, select in enumerate(visitor.driver.find_elements(By.CSS_SELECTOR, 'select[id^="readiness_"]')):
        Select(select).select_by_value(str(index % 4))
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form.form button[type="submit"]'))
    visitor.check_accessibility()
    assert visitor.heading() == "Alertas en nuestras licitaciones (navegador)"
    assert visitor.driver.find_element(By.CSS_SELECTOR, 'figure.chart svg[role="img"]')
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/submit"] button'))
    visitor.check_accessibility()
    assert "lista para el emparejamiento" in visitor.driver.page_source


def test_an_expert_completes_and_submits_their_profile(visitor):
    visitor.log_in("expert-33@demo.integrity.invalid", PASSWORD)  # signed up, profile not yet filled in
    visitor.switch_language("es")
    visitor.open("/profile")
    visitor.fill_expert_profile(country="MX", years="7", field="fraud", skill="procurement-red-flags", language="es",
                                motivation="Quiero ayudar a las instituciones de integridad a aprovechar sus datos de contratación.")
    visitor.submit("/profile")
    main = visitor.driver.find_element(By.TAG_NAME, "main").text
    assert "Su perfil se ha guardado." in visitor.driver.page_source, main[:600]
    visitor.submit("/profile/submit")
    assert "Su perfil cumple todos los criterios mínimos" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.open("/experts")
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Gabriel Haddad (demo)"))
    visitor.check_accessibility()
    assert visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/decision"] textarea#reason')


def test_an_administrator_adds_a_skill_renames_it_and_finds_it_by_a_synonym(visitor):
    visitor.log_in("admin@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/skills")
    add = 'form[method="post"][action="/skills"] button'
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, add))  # empty: every label is required
    assert "Name in English: This field is required." in visitor.driver.page_source
    visitor.check_accessibility()
    Select(visitor.field("group")).select_by_index(1)
    visitor.fill(labelEN="Record linkage", labelFR="Appariement d'enregistrements", labelES="Vinculación de registros",
                 synonyms="entity resolution")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, add))
    visitor.check_accessibility()
    assert "Skill added: Record linkage." in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href="/skills/record-linkage/edit"]'))
    visitor.check_accessibility()
    visitor.fill(labelEN="Record linkage and deduplication", reason="Clearer for experts")
    visitor.submit("/skills/record-linkage")
    visitor.open("/skills?q=ENTITY%20resolution")
    assert "Record linkage and deduplication" in visitor.driver.find_element(By.TAG_NAME, "main").text
    visitor.check_accessibility()


def test_an_analyst_uploads_ocds_follows_the_run_and_reads_a_process(visitor, tmp_path):
    package = tmp_path / "package.json"
    package.write_text(json.dumps({"releases": [
        {"ocid": "ocds-browser-A", "id": "1", "date": "2024-01-01T00:00:00Z", "tag": ["tender"], "buyer": {"id": "BUY-1"},
         "tender": {"id": "A", "procurementMethod": "open", "numberOfTenderers": 1}},
        {"ocid": "ocds-browser-B", "id": "2", "date": "2024-01-02T00:00:00Z", "tag": ["tender"], "buyer": {"id": "BUY-2"},
         "tender": {"id": "B", "procurementMethod": "open", "numberOfTenderers": 4}},
    ]}))
    visitor.log_in("analyst@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/red-flags")
    assert "not evidence of corruption" in visitor.driver.page_source
    visitor.field("file").send_keys(str(package))
    visitor.fill(settings="[R038]\ntreshold = 1\n")
    visitor.submit("/red-flags")
    assert "R038.treshold: unknown setting" in visitor.driver.page_source
    visitor.field("file").send_keys(str(package))
    visitor.fill(settings="[R018]\n")
    visitor.submit("/red-flags")
    WebDriverWait(visitor.driver, 30).until(lambda d: "Flags per indicator" in d.page_source)
    visitor.check_accessibility()
    assert "Single bid received" in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "ocds-browser-A"))
    visitor.check_accessibility()
    assert "procurement_methods = open|selective (default)" in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "R018"))
    visitor.check_accessibility()
    assert visitor.heading() == "R018 Single bid received"
