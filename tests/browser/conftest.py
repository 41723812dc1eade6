"""Playwright (sync API) on Debian's Chromium, against pytest-django's live_server.

Every test under tests/browser is marked `browser` (`pytest -m "not browser"` skips them).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

# Playwright's sync API keeps an event loop running in the test thread; without this Django
# refuses ORM calls from that thread (SynchronousOnlyOperation).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_FAILING_IMPACTS = {"serious", "critical"}
BROWSER_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    # A conftest hook sees the whole session's items, so mark only those under this folder.
    for item in items:
        if BROWSER_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative URLs resolve against the live server."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


# Everything the browser refused under the page's Content-Security-Policy so far (buffered
# reports include those from before the observer was made).
CSP_VIOLATIONS_JS = """() => {
    const observer = new ReportingObserver(() => {}, {types: ["csp-violation"], buffered: true});
    observer.observe();
    return observer.takeRecords().map(
        r => `${r.body.effectiveDirective} refused ${r.body.blockedURL} (${r.body.sourceFile})`
    );
}"""


def run_axe(page):
    """Run axe-core on the page; return its serious and critical WCAG 2.x A/AA violations."""
    # Check the page as a person sees it: scripts done, so the rich text editor has built its
    # toolbar, and its icon font loaded, or axe reads the icons' ligature names ("format_bold")
    # as visible text.
    page.wait_for_load_state("networkidle")
    if page.locator(".prose-editor").count():
        page.locator(".prose-menubar__button").first.wait_for()
        page.evaluate("document.fonts.load('24px \"Material Icons\"')")
    page.evaluate("document.fonts.ready.then(() => true)")
    # Evaluated, not added as a <script> tag: the page's CSP refuses inline scripts without its
    # nonce, while Playwright's evaluation is outside the page's policy.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [v for v in results["violations"] if v["impact"] in AXE_FAILING_IMPACTS]


@pytest.fixture
def axe_check():
    """`axe_check(page)` fails the test if the page has serious or critical violations, or if
    the browser refused anything under the Content-Security-Policy (a script, style or image
    the page needs)."""

    def check(page):
        violations = run_axe(page)
        refused = page.evaluate(CSP_VIOLATIONS_JS)
        assert not refused, f"Refused by the Content-Security-Policy on {page.url}: {refused}"
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(f"    {node['target']}" for node in v["nodes"])
            for v in violations
        )
        assert not violations, f"Accessibility violations on {page.url}:\n{report}"

    return check
