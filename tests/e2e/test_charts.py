"""Every chart is legible in every language: no label leaves its drawing, each chart has a visible title, and a
chart keeps its natural size (never stretched), shrinking on a phone with no sideways scroll."""
import pytest
from selenium.webdriver.common.by import By

PASSWORD = "integrity-demo-2026"

# For each text element of each chart on the page, how far it reaches outside the SVG's viewBox (0 when inside).
OVERFLOW = """
const found = [];
for (const svg of document.querySelectorAll('figure.chart svg')) {
  const box = svg.viewBox.baseVal;
  for (const text of svg.querySelectorAll('text')) {
    const b = text.getBBox();
    const outside = Math.max(box.x - b.x, b.x + b.width - (box.x + box.width), box.y - b.y, b.y + b.height - (box.y + box.height), 0);
    if (outside > 0.5) found.push(text.textContent + ' (' + outside.toFixed(1) + ' px)');
  }
}
return found;
"""

SIZES = """
return [...document.querySelectorAll('figure.chart')].map(f => ({
  caption: (f.querySelector('figcaption') || {}).textContent || '',
  width: f.querySelector('svg').getBoundingClientRect().width,
  natural: f.querySelector('svg').viewBox.baseVal.width,
}));
"""


def charts_hold(visitor, path):
    visitor.open(path)
    assert visitor.driver.find_elements(By.CSS_SELECTOR, "figure.chart svg"), f"{path} has charts"
    assert visitor.driver.execute_script(OVERFLOW) == [], f"labels leave their chart on {path} in {visitor.language()}"
    for chart in visitor.driver.execute_script(SIZES):
        assert chart["caption"].strip(), f"every chart on {path} has a visible title"
        assert chart["width"] <= chart["natural"] + 0.5, f"a chart on {path} is stretched past its natural size"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_programme_charts_keep_their_labels_titles_and_size(visitor, language):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language(language)
    charts_hold(visitor, "/programme")


def test_charts_shrink_on_a_phone_without_sideways_scroll(visitor):
    visitor.log_in("coordinator@demo.integrity.invalid", PASSWORD)
    visitor.switch_language("fr")
    visitor.driver.set_window_size(375, 800)
    visitor.open("/programme")
    widths = visitor.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways at 375 px: {widths}"
    for chart in visitor.driver.execute_script(SIZES):
        assert chart["width"] <= widths[1]
