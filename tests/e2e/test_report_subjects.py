"""The questionnaire builder in a real browser, with axe on every page: an administrator adds a subject, adds a
question, is shown what is missing, publishes, and the reporting form asks the new question."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

NEW_QUESTION = {"en": "Which ward were you in? (fictional)", "fr": "Dans quel service étiez-vous ? (fictif)", "es": "¿En qué servicio estaba? (ficticio)"}
ABOUT_YOU = {"en": "How often do you use this service? (fictional)", "fr": "À quelle fréquence utilisez-vous ce service ? (fictif)",
             "es": "¿Con qué frecuencia usa este servicio? (ficticio)"}


def press(visitor, action):
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, f'main button[name="action"][value="{action}"]'))
    visitor.check_accessibility()


def fill_the_blank_question(visitor, labels):
    """Writes the one question whose label is still blank in every language; returns its path."""
    blank = [e for e in visitor.driver.find_elements(By.CSS_SELECTOR, 'input[name$=".label.en"]') if not e.get_attribute("value")]
    assert len(blank) == 1, "the new question is the one left blank"
    path = blank[0].get_attribute("name")[: -len(".label.en")]
    for language, label in labels.items():
        for part, text in [("label", label), ("help", "(fictional help)"), ("why", "(fictional reason)")]:
            visitor.driver.find_element(By.NAME, f"{path}.{part}.{language}").send_keys(text)
    return path


def test_an_administrator_builds_a_subjects_questionnaire_and_reporters_are_asked_it(visitor):
    visitor.log_in("admin@demo.integrity.invalid", "integrity-demo-2026")
    visitor.switch_language("es")
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'nav a[href="/report-subjects"]'))
    visitor.check_accessibility()
    assert "Temas de denuncia" in visitor.heading()

    visitor.fill(key="bribery-in-health", title_en="Bribery in health services", title_fr="Corruption dans la santé", title_es="Soborno en la salud")
    Select(visitor.field("channel")).select_by_value("complaint")
    Select(visitor.field("start")).select_by_value("seed:bribery-in-public-services")
    visitor.submit("/report-subjects")
    assert "Editor del cuestionario" in visitor.heading()

    press(visitor, "add-question:1")
    press(visitor, "check")
    summary = visitor.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Paso 2, pregunta" in summary and "Pregunta (English)" in summary, summary

    path = fill_the_blank_question(visitor, NEW_QUESTION)
    press(visitor, "check")
    assert "11 de 10 preguntas como máximo" in visitor.driver.page_source, "one question too many on the longest path"
    assert "Acorte las ramas" in visitor.driver.find_element(By.CSS_SELECTOR, ".error-summary").text

    step, question = (int(part.split("[")[1].rstrip("]")) for part in path.split(".") if "[" in part)
    press(visitor, f"remove-question:{step}:{question}")
    press(visitor, "add-demographic")
    fill_the_blank_question(visitor, ABOUT_YOU)
    press(visitor, "check")
    assert "La verificación no encontró problemas" in visitor.driver.page_source, visitor.driver.find_element(By.CSS_SELECTOR, "main").text[:800]
    assert "10 de 10 preguntas como máximo" in visitor.driver.page_source, "questions about the reporter are not on the path"

    visitor.driver.set_window_size(375, 800)
    assert visitor.driver.execute_script("return document.documentElement.scrollWidth") <= 375, "the builder reflows at 375 px"
    visitor.check_accessibility()
    visitor.driver.set_window_size(1280, 900)

    press(visitor, "publish")
    assert "La versión 2 está publicada" in visitor.driver.page_source
    visitor.open("/reporting/new/bribery-in-health?lang=es")
    assert ABOUT_YOU["es"] in visitor.driver.page_source
    visitor.open("/report-subjects")
    visitor.log_out()
