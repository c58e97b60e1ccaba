"""The exchange as new users meet it: an expert registers and completes a profile, a public body submits a need with
its self-assessment, and the coordinator screens both, runs the batch, reads why, and confirms the match. Due
diligence follows: both parties declare, the coordinator works the checklist and asks for a waiver, and a second
member of programme staff approves it. Then the Terms of Reference: refused once for their statement of success,
saved, signed by all three sides (the public body in French), printed to PDF, and the engagement started; the body
logs the first meeting in French and the expert reads it in the workspace. Both sides answer the baseline and the
closing questionnaires, the coordinator closes; the closing report, consent and the redacted public page follow, and
the evaluator reads the KPIs on the dashboard."""
import io
import re
import unicodedata
import urllib.request

from pypdf import PdfReader
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "integrity-demo-2026"
EXPERT_EMAIL = "walker.browser@example.org"
EXPERT_PASSWORD = "a long walkthrough passphrase"
NEED_TITLE = "Registre des bénéficiaires effectifs (parcours)"


def register_expert(visitor):
    visitor.open("/register")
    visitor.fill(displayName="Walker Browser", email=EXPERT_EMAIL, organisationName="Example Analytics Ltd (fictional)",
                 password=EXPERT_PASSWORD, passwordConfirmation=EXPERT_PASSWORD)
    Select(visitor.field("role")).select_by_value("expert")
    visitor.submit("/register")


def approve_registration(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/people")
    row = visitor.driver.find_element(By.XPATH, "//li[@class='decision'][.//h3[contains(., 'Walker Browser')]]")
    Select(row.find_element(By.CSS_SELECTOR, 'select[name="organisationID"]')).select_by_visible_text("Example Analytics Ltd (fictional)")
    visitor.click_and_wait(row.find_element(By.CSS_SELECTOR, 'form[action$="/approve"] button'))
    visitor.check_accessibility()
    visitor.log_out()


def complete_profile(visitor):
    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    visitor.switch_language("en")
    visitor.open("/profile")
    # Three years is under the preferred five: screening leaves it for a coordinator.
    visitor.fill_expert_profile(country="BE", years="3", hours="6", field="compliance", skill="beneficial-ownership", language="fr",
                                motivation="I build beneficial-ownership registers and want integrity bodies to use their own data well.")
    visitor.submit("/profile")
    visitor.submit("/profile/submit")
    assert "a coordinator will review some points" in visitor.driver.page_source
    visitor.log_out()


def submit_participation(visitor):
    """The body attests its authorisations and mandate; with a member account it passes screening by itself."""
    visitor.open("/organisations/mine")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/participation"]'))
    for name in ("proBono", "workHours", "publicCommunication", "integrityMandate"):
        box = visitor.driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"]')
        if not box.is_selected():
            box.click()
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/participation"] button'))
    visitor.check_accessibility()
    assert "Éligible" in visitor.driver.find_element(By.CSS_SELECTOR, "p.lead").text


def submit_need(visitor):
    visitor.log_in("agent.public@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("fr")
    submit_participation(visitor)
    visitor.open("/needs/new")
    visitor.fill(title=NEED_TITLE, problemStatement="Nous recevons des déclarations de bénéficiaires sans pouvoir les recouper.",
                 whyPrivateSector="Les entreprises rapprochent ces registres tous les jours.",
                 expectedOutputs="Une méthode de rapprochement documentée.")
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="supportAreas[]"][value="3"]').click()
    Select(visitor.field("requiredSkills")).select_by_value("beneficial-ownership")
    Select(visitor.field("languages")).select_by_value("fr")
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="fields[]"][value="compliance"]').click()
    Select(visitor.field("sector")).select_by_value("public_administration")
    visitor.driver.execute_script("document.getElementById('preferredStart').value = '2027-02-01'")
    for index, select in enumerate(visitor.driver.find_elements(By.CSS_SELECTOR, 'select[id^="readiness_"]')):
        Select(select).select_by_value(str((index + 1) % 4))
    # Limited access to real data is for a coordinator to review.
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="dataAccess"][value="limited"]').click()
    visitor.fill(dataRules="Extraits anonymisés, consultés dans nos locaux uniquement.")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form.form button[type="submit"]'))
    visitor.check_accessibility()
    assert visitor.driver.find_element(By.CSS_SELECTOR, 'figure.chart svg[role="img"]'), "the self-assessment chart"
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/submit"] button'))
    visitor.check_accessibility()
    visitor.log_out()


def decide(visitor, reason):
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="decision"][value="eligible"]').click()
    visitor.fill(reason=reason)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/decision"] button[type="submit"]'))
    visitor.check_accessibility()


QUESTIONS = ("employment", "financial_interests", "contracts_or_bids", "personal_relations", "oversight",
             "contractual_restrictions", "other")


def open_match(visitor):
    visitor.open("/matches")
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, NEED_TITLE))
    visitor.check_accessibility()


def declare(visitor, yes=None, details=""):
    """Files the signed-in party's declaration: the first try forgets the confirmation and is refused."""
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/declaration"]'))
    visitor.check_accessibility()
    for question in QUESTIONS:
        visitor.driver.find_element(By.CSS_SELECTOR, f'input[name="{question}"][value="{"yes" if question == yes else "no"}"]').click()
    if yes:
        visitor.fill(**{f"{yes}_details": details})
    visitor.submit(visitor.driver.find_element(By.CSS_SELECTOR, "form.form").get_attribute("action").removeprefix(visitor.base))
    assert visitor.driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "the confirmation is required"
    visitor.field("attested").click()
    visitor.submit(visitor.driver.find_element(By.CSS_SELECTOR, "form.form").get_attribute("action").removeprefix(visitor.base))
    assert visitor.driver.find_elements(By.CSS_SELECTOR, "p.flash")


def work_the_checklist(visitor):
    links = [a.get_attribute("href") for a in visitor.driver.find_elements(By.CSS_SELECTOR, 'a[href*="/due-diligence/items/"]')]
    assert len(links) == 5
    for href in links:
        visitor.driver.get(href)
        visitor.check_accessibility()
        concern = href.endswith("/references")
        Select(visitor.field("status")).select_by_value("concern" if concern else "done")
        visitor.fill(notes="A referee now works for the body's IT supplier." if concern else "Checked; nothing of note.",
                     links="https://registry.example.org/walker")
        visitor.submit(href.removeprefix(visitor.base))


def due_diligence_with_a_waiver(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.submit(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/due-diligence/open"]').get_attribute("action").removeprefix(visitor.base))
    assert visitor.heading() == "Due diligence and conflicts of interest"
    visitor.log_out()

    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    declare(visitor, yes="personal_relations", details="My brother-in-law audits the agency's accounts.")
    visitor.log_out()
    visitor.log_in("agent.public@demo.integrity.invalid", PASSWORD)
    declare(visitor)
    assert "Votre déclaration est déposée" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Open the due-diligence review"))
    visitor.check_accessibility()
    assert "Declared by the expert — family or personal relations: My brother-in-law" in visitor.driver.page_source
    work_the_checklist(visitor)
    decision = visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/due-diligence/decision"]').get_attribute("action").removeprefix(visitor.base)
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="outcome"][value="cleared"]').click()
    visitor.fill(text="Nothing that matters.")
    visitor.submit(decision)
    assert "can only be cleared with mitigation" in visitor.driver.page_source
    visitor.driver.find_element(By.CSS_SELECTOR, 'input[name="outcome"][value="mitigated"]').click()
    visitor.fill(text="The relation is declared and the work touches no audit.",
                 mitigation="The expert stays out of anything the relative audits.")
    visitor.submit(decision)
    assert "Another coordinator must approve it" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in("admin@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Open the due-diligence review"))
    visitor.check_accessibility()
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'button[name="answer"][value="approve"]'))
    visitor.check_accessibility()
    assert "the match is cleared with mitigation" in visitor.driver.page_source
    open_match(visitor)
    assert "Terms of Reference in drafting" in visitor.driver.find_element(By.CSS_SELECTOR, 'li[aria-current="step"]').text
    assert "The relation is declared and the work touches no audit." in visitor.driver.page_source
    visitor.log_out()


def test_from_registration_to_a_confirmed_match(visitor):
    register_expert(visitor)
    approve_registration(visitor)
    complete_profile(visitor)
    submit_need(visitor)

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/experts")
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, "Walker Browser"))
    visitor.check_accessibility()
    decide(visitor, "Three years, but built two national ownership registers.")
    assert "Eligible" in visitor.driver.page_source
    visitor.open("/needs")
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, NEED_TITLE))
    visitor.check_accessibility()
    decide(visitor, "The data rules keep access on site and anonymised.")

    visitor.open("/matching")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action="/matching/runs"] button'))
    # The run page shows progress and reloads itself when the run is done.
    WebDriverWait(visitor.driver, 60).until(lambda d: d.find_elements(By.ID, "proposals-heading") or d.find_elements(By.CSS_SELECTOR, "[role=alert]"))
    assert visitor.driver.find_elements(By.ID, "proposals-heading"), visitor.driver.find_element(By.TAG_NAME, "main").text
    visitor.check_accessibility()
    card = visitor.driver.find_element(By.XPATH, f"//article[.//h3[contains(., '{NEED_TITLE}')]]")
    assert "Proposed: Walker Browser" in card.text
    card.find_element(By.TAG_NAME, "summary").click()
    assert "Skills" in card.find_element(By.TAG_NAME, "details").text
    visitor.click_and_wait(card.find_element(By.CSS_SELECTOR, 'input[value="confirm"] + button'))
    visitor.check_accessibility()
    assert "both parties have been told" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    visitor.open("/matches")
    visitor.click_and_wait(visitor.driver.find_element(By.LINK_TEXT, NEED_TITLE))
    visitor.check_accessibility()
    assert visitor.heading() == "Why you were matched"
    assert "Required skills covered: Beneficial ownership" in visitor.driver.page_source
    assert "Fields of experience the need hopes for that the expert has: Compliance." in visitor.driver.page_source
    assert "The need's sector, Public administration, is new to the expert." in visitor.driver.page_source
    visitor.log_out()

    due_diligence_with_a_waiver(visitor)
    terms_refused_once_then_signed_by_all(visitor)


def open_terms(visitor):
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/terms"]'))
    visitor.check_accessibility()


def draft_terms(visitor, success):
    visitor.fill(person_role_0="Owns the register and decides for the agency", person_role_1="Designs the data model",
                 person_role_2="Follows the exchange for the programme", meeting_cadence="Every two weeks, online", decision_making="The two leads agree; the programme office breaks ties",
                 escalation="To the programme office within a week", goal_text_0="A register the agency can query itself",
                 deliverable_goal_0="1", deliverable_title_0="Data model and import scripts", milestone_title_0="Data received",
                 success_statement=success, communication_what="Lessons learned and the data model",
                 communication_channels="The programme website", communication_consent="Both parties, item by item")
    visitor.driver.execute_script("document.getElementById('deliverable_due_0').value = '2027-04-01';"
                                  "document.getElementById('milestone_due_0').value = '2027-02-15';")
    Select(visitor.field("data_access")).select_by_value("synthetic")
    terms = visitor.driver.find_element(By.CSS_SELECTOR, "form.terms-form").get_attribute("action").removeprefix(visitor.base)
    visitor.submit(terms)


def sign_terms(visitor):
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/terms/sign"] button'))
    visitor.check_accessibility()


def terms_refused_once_then_signed_by_all(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_terms(visitor)
    assert "Walker Browser" in visitor.driver.page_source, "the first draft names the matched expert"
    draft_terms(visitor, success="Success is a register in use.")
    summary = visitor.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Statement of success: must begin “We will know we are successful when we have”" in summary
    draft_terms(visitor, success="We will know we are successful when we have the agency querying its own register.")
    assert "Version 1 is saved" in visitor.driver.page_source, visitor.driver.find_element(By.TAG_NAME, "main").text[:600]
    sign_terms(visitor)
    visitor.log_out()

    visitor.log_in("agent.public@demo.integrity.invalid", PASSWORD)
    open_terms(visitor)
    assert "Signer la version 1" in visitor.driver.page_source
    sign_terms(visitor)
    assert "Votre signature est enregistrée" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    open_terms(visitor)
    sign_terms(visitor)
    assert "All three sides have signed" in visitor.driver.page_source
    pdf_link = visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/export.pdf"]').get_attribute("href")
    text = download_pdf_text(visitor, pdf_link)
    assert "Terms of Reference" in text and NEED_TITLE.split(" (")[0] in text
    assert "We will know we are successful when we have the agency querying its own register." in text
    assert "Expert — signed by Walker Browser" in text
    visitor.log_out()

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/start"] button'))
    visitor.check_accessibility()
    assert "The engagement has started" in visitor.driver.page_source
    visitor.log_out()
    a_meeting_in_french(visitor)


def a_meeting_in_french(visitor):
    """The public body logs the kick-off meeting in French, forgetting the agenda first, and the expert sees it."""
    visitor.log_in("agent.public@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/work"]'))
    visitor.check_accessibility()
    assert "Données reçues" not in visitor.driver.page_source and "Data received" in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/meetings/new"]'))
    visitor.check_accessibility()
    visitor.fill(attendees="Amélie Exemple, Walker Browser, Cora Ordinator", decisions="Le modèle de données suit BODS 0.4.",
                 action_description_0="Envoyer un extrait anonymisé du registre", action_owner_0="Amélie Exemple")
    visitor.driver.execute_script("document.getElementById('action_due_0').value = '2099-12-31';")
    meetings = visitor.driver.find_element(By.CSS_SELECTOR, "form.form").get_attribute("action").removeprefix(visitor.base)
    visitor.submit(meetings)
    assert "Ordre du jour: Ce champ est obligatoire." in visitor.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    visitor.fill(agenda="Lancement : périmètre, données, calendrier")
    visitor.submit(meetings)
    assert "La réunion est consignée" in visitor.driver.page_source
    visitor.log_out()

    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/work"]'))
    visitor.check_accessibility()
    assert "Le modèle de données suit BODS 0.4." in visitor.driver.page_source
    assert "meeting recorded" in visitor.driver.page_source
    visitor.log_out()
    evaluations_then_closing(visitor)


def answer_evaluation(visitor, email, password, likert, texts, choices=None):
    """Answers the open questionnaire: every Likert question from `likert` by id prefix, then the texts and choices."""
    visitor.log_in(email, password)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/evaluations"]'))
    visitor.check_accessibility()
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a.button[href*="/evaluations/"]'))
    visitor.check_accessibility()
    for fieldset in visitor.driver.find_elements(By.CSS_SELECTOR, "form fieldset[id]"):
        question = fieldset.get_attribute("id")
        value = next((v for prefix, v in likert.items() if question.startswith(prefix)), None) or (choices or {}).get(question)
        if value:
            fieldset.find_element(By.CSS_SELECTOR, f'input[value="{value}"]').click()
    visitor.fill(**texts)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form.form button[type="submit"]'))
    visitor.check_accessibility()
    visitor.log_out()


def evaluations_then_closing(visitor):
    answer_evaluation(visitor, "agent.public@demo.integrity.invalid", PASSWORD, {"knowledge_": "2"},
                      {"expectations": "Un registre que l’agence interroge elle-même."})
    answer_evaluation(visitor, EXPERT_EMAIL, EXPERT_PASSWORD, {}, {"expectations": "A register the agency owns."})

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/closing"] button'))
    visitor.check_accessibility()
    assert "Closing has begun" in visitor.driver.page_source
    visitor.log_out()

    answer_evaluation(visitor, "agent.public@demo.integrity.invalid", PASSWORD, {"knowledge_": "4", "needs_met": "5", "satisfaction": "5"},
                      {"recommendations": "Commencer par des données synthétiques."}, choices={"recommend": "yes"})
    answer_evaluation(visitor, EXPERT_EMAIL, EXPERT_PASSWORD, {"needs_met": "4", "satisfaction": "4"}, {}, choices={"recommend": "yes"})

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    assert not visitor.driver.find_elements(By.ID, "overrideReason"), "both sides answered: no override needed"
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/close"] button'))
    visitor.check_accessibility()
    assert "The engagement is closed" in visitor.driver.page_source
    visitor.log_out()

    report_consent_and_the_public_page(visitor)

    visitor.log_in("evaluator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("en")
    visitor.open("/programme")
    visitor.check_accessibility()
    assert re.search(r"\d+ of \d+ evaluated exchanges \(\d+%\)", visitor.driver.page_source)
    assert "<svg" in visitor.driver.page_source
    visitor.log_out()


def download_pdf_text(visitor, url):
    """The PDF as the signed-in browser would download it, turned back into text."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in visitor.driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookies}), timeout=90) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        data = response.read()
    assert data.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    # Fonts set "fi" and "ff" as ligatures; NFKC spells them out again.
    return " ".join(unicodedata.normalize("NFKC", text).split())


def report_consent_and_the_public_page(visitor):
    """The body writes the closing report in French; both sides consent to some items; the coordinator redacts a
    name, previews and publishes; a visitor without an account reads exactly that."""
    visitor.log_in("agent.public@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/report"]'))
    visitor.check_accessibility()
    visitor.fill(outcome="Le registre est interrogé chaque semaine par Amélie Exemple et son équipe.",
                 lessons="Commencer par des données synthétiques a levé les blocages juridiques.")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/report"] button'))
    visitor.check_accessibility()
    consent(visitor, ["summary", "outcome", "lessons"])
    visitor.log_out()

    visitor.log_in(EXPERT_EMAIL, EXPERT_PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/report"]'))
    consent(visitor, ["summary", "outcome", "lessons"])
    visitor.log_out()

    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    open_match(visitor)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/report"]'))
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href$="/publication"]'))
    visitor.check_accessibility()
    visitor.fill(text_outcome="Le registre est interrogé chaque semaine par l’équipe de l’agence.")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'button[value="preview"]'))
    visitor.check_accessibility()
    preview = visitor.driver.find_element(By.CSS_SELECTOR, "section.preview").text
    assert "chaque semaine par l’équipe de l’agence" in preview and "Amélie" not in preview
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'button[value="publish"]'))
    visitor.check_accessibility()
    public_path = visitor.driver.current_url.removeprefix(visitor.base)
    visitor.log_out()

    visitor.open(public_path)
    visitor.check_accessibility()
    page = visitor.driver.find_element(By.TAG_NAME, "main").text
    assert "Commencer par des données synthétiques" in page
    assert "chaque semaine par l’équipe de l’agence" in page and "Amélie" not in page


def consent(visitor, items):
    for box in visitor.driver.find_elements(By.CSS_SELECTOR, 'input[name="items"]'):
        if (box.get_attribute("value") in items) != box.is_selected():
            box.click()
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'form[action$="/report/consent"] button'))
    visitor.check_accessibility()
