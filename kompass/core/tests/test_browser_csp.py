"""The strict Content-Security-Policy in a real browser: pages and their scripts work, nothing is refused.

The `page` and `phone_page` fixtures fail any browser test whose pages report a CSP violation; this test
also checks that a violation is noticed at all (an inline script is refused).
"""

import pytest

from conftest import watch_csp


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_inline_script_is_refused_and_our_own_scripts_run(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    violations = watch_csp(page)
    page.goto("/uk/screening/")
    # Our own script runs: the quick exit is wired up from static/js/quick-exit.js.
    assert page.evaluate("document.scripts.length") >= 1
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned") is None
    assert violations and "script-src" in violations[0]
    context.close()
