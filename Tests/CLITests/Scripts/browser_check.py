#!/usr/bin/env python3
"""Checks HTML reports in headless Chromium through WebDriver (selenium + chromedriver).

usage: browser_check.py FILE.html ...
For each page, at a 390×844 phone screen and on A4 paper (print media, 718 px: 210 mm less two
12 mm margins, plus the scrollbar): nothing is wider than the page, the text is readable (no
text under 12 px), the safety boxes (referral, then an incomplete screen) and a report's plan
come before the assessments, on paper everything before the program fits one A4 page (273 mm
tall inside the margins), a report follows the system's dark mode, and printing gives a PDF with
pages (two or more when there is a program); each page has one main landmark, and the status
words keep a 4.5:1 contrast with the page, light and dark. Prints one JSON line per page; exits 1 with the
reasons when any check fails.
"""
import base64, json, os, sys, tempfile

# Selenium Manager sends usage statistics unless told not to; a test run sends nothing.
os.environ.setdefault("SE_AVOID_STATS", "true")
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

A4_INNER_HEIGHT = 273 / 25.4 * 96  # CSS px inside 12 mm margins

# The status and verdict words (good, fair, poor, refer; improved, worse) against the page: WCAG's 4.5:1 for text.
CONTRAST = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function lum(colour) { const [r, g, b] = colour.match(/[0-9.]+/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); }
function ratio(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
const page = getComputedStyle(document.body).backgroundColor;
const lowContrast = Array.from(document.querySelectorAll('[class*="status-"], [class*="verdict-"], .badge'))
  .filter(e => e.textContent.trim() && ratio(getComputedStyle(e).color, page) < 4.5)
  .slice(0, 3).map(e => e.className + ':' + e.textContent.trim().slice(0, 20) + ' ' + ratio(getComputedStyle(e).color, page).toFixed(2));
"""

PROBE = CONTRAST + """
const width = document.documentElement.clientWidth;
const wide = Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + e.className);
const tiny = Array.from(document.querySelectorAll('body *'))
  .filter(e => e.childNodes.length && Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(e => e.getBoundingClientRect().height > 0)
  .filter(e => e.tagName.toLowerCase() === 'text' ? e.getBoundingClientRect().height < 12 : parseFloat(getComputedStyle(e).fontSize) < 12)
  .slice(0, 3).map(e => e.tagName.toLowerCase() + ':' + e.textContent.trim().slice(0, 20));
const order = Array.from(document.querySelectorAll('.referral, .screening-incomplete, section h2'))
  .map(e => e.classList.contains('referral') ? 'referral' : e.classList.contains('screening-incomplete') ? 'screening' : e.textContent.trim());
const program = document.querySelector('section.program');
return {summaryHeight: program ? program.getBoundingClientRect().top + window.scrollY : null, scrollWidth: document.documentElement.scrollWidth, width: width, wide: wide, tiny: tiny, order: order,
        text: document.body.innerText.length, mains: document.querySelectorAll('main').length, lowContrast: lowContrast};
"""


DARK = CONTRAST + """
const style = getComputedStyle(document.body);
return {report: document.querySelector('section.plan') !== null, background: style.backgroundColor, text: style.color, lowContrast: lowContrast};
"""


def luminance(colour):
    """0 for black to 1 for white, from an rgb()/rgba() string."""
    red, green, blue = [int(float(part)) for part in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def check(driver, path, failures):
    result = {"file": path}
    for name, width, height, media in [("phone", 390, 844, "screen"), ("paper", 718, 1000, "print")]:
        driver.set_window_size(width, height)
        driver.get("file://" + path)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
        probe = driver.execute_script(PROBE)
        result[name] = probe
        if probe["scrollWidth"] > probe["width"] or probe["wide"]:
            failures.append(f"{path} ({name}): wider than the page: {probe['wide']}")
        if probe["tiny"]:
            failures.append(f"{path} ({name}): text under 12 px: {probe['tiny']}")
        if probe["text"] < 200:
            failures.append(f"{path} ({name}): (nearly) no text")
        if probe["mains"] != 1:
            failures.append(f"{path} ({name}): {probe['mains']} main landmarks; a screen reader jumps to the one")
        if name == "phone" and probe["lowContrast"]:
            failures.append(f"{path} ({name}): status text under 4.5:1 against the page: {probe['lowContrast']}")
        order = probe["order"]
        if "Assessments" in order:
            first_assessments = order.index("Assessments")
            for box in ("referral", "screening"):
                if box in order and order.index(box) > first_assessments:
                    failures.append(f"{path} ({name}): the {box} box comes after the assessments")
            plan = next((i for i, h in enumerate(order) if h in ("Do these first", "Plan")), None)
            if plan is not None and plan > first_assessments:
                failures.append(f"{path} ({name}): the plan does not come before the assessments: {order}")
        if name == "paper" and probe["summaryHeight"] is not None and probe["summaryHeight"] > A4_INNER_HEIGHT:
            failures.append(f"{path} (paper): the summary before the program is {probe['summaryHeight']:.0f} px, more than one A4 page ({A4_INNER_HEIGHT:.0f} px)")
    # A report follows the system's dark mode: light text on a dark page.
    driver.set_window_size(390, 844)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    colours = driver.execute_script(DARK)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    if colours["report"]:
        result["dark"] = colours
        if luminance(colours["background"]) > 0.2 or luminance(colours["text"]) < 0.6:
            failures.append(f"{path}: dark mode is not dark: {colours}")
        if colours["lowContrast"]:
            failures.append(f"{path} (dark): status text under 4.5:1 against the page: {colours['lowContrast']}")
    pdf = base64.b64decode(driver.print_page())
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    result["pdf_pages"] = pages
    if not pdf.startswith(b"%PDF") or pages < 1:
        failures.append(f"{path}: printing gave no PDF pages")
    if result["paper"]["summaryHeight"] is not None and pages < 2:
        failures.append(f"{path}: the program should start a new printed page, but the PDF has {pages}")
    return result


def main():
    # A profile folder of our own, removed afterwards: Chromium's default one is left behind
    # in the temporary folder at every run.
    with tempfile.TemporaryDirectory(prefix="backcheck-chromium-") as profile:
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         f"--user-data-dir={profile}"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        failures = []
        try:
            for path in sys.argv[1:]:
                print(json.dumps(check(driver, path, failures)))
        finally:
            driver.quit()
    for failure in failures:
        print("FAIL: " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
