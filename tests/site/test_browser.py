"""
The site in a real browser: headless Chromium (Debian's package, started by `make test`)
driven by Playwright against Django's live server on the test database.

- a visitor's journey: home, directory, two filters, a company, an inquiry, the language
  switch on the same company, an event's .ics;
- axe-core (from npm, `make test` installs it) on every page type in every language:
  zero WCAG 2.1 A/AA violations;
- keyboard only: skip link, visible focus, the directory's filters;
- what each page ships: JavaScript under 30 KB and CSS under 50 KB.

Screenshots of the key pages at phone and desktop widths go to test-artifacts/screenshots/
(git-ignored) for people to look at; nothing compares them.
"""

import io
import re
from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse
from django.utils import translation
from playwright import sync_api as playwright_api

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
JS_BUDGET = 30 * 1024
CSS_BUDGET = 50 * 1024

# The live server runs in a thread and needs committed data; the flush after each test
# would also remove what the migrations made (locales, home page), which serialized
# rollback puts back for the tests that follow.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("database_restored_afterwards"),
]


@pytest.fixture
def browser():
    """A browser per test: Playwright's event loop, once running, gives Django fresh
    database connections in this thread, which would miss the serialized rollback that
    restores the next test's database. Launching takes about a second."""
    for needed, how in ((Path(CHROMIUM), "apt-get install chromium"), (AXE, "npm ci")):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: `make test` installs it ({how}).")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
        # The connections this test's code opened while the loop ran (see above).
        connections.close_all()


@pytest.fixture
def page(browser):
    """A tab that fails the test if the Content-Security-Policy blocks anything the page
    itself wanted to load or run."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    assert not blocked, "The Content-Security-Policy blocked: " + "\n".join(blocked)


@pytest.fixture
def visitor_site(two_companies):
    """Two companies (tests/conftest.py), with pictures on the first and the indexes in
    the main navigation."""
    from wagtail.models import Page

    tree = two_companies
    add_pictures(tree["company"])
    # In the main navigation, in every language, as the demo content has them.
    indexes = [tree[name].translation_key for name in ("directory", "news_index", "event_index")]
    Page.objects.filter(translation_key__in=indexes).update(show_in_menus=True)
    return tree


def add_pictures(company):
    """A logo, a hero picture and a gallery photo on every language's page."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from home.demo.images import hero_png, logo_png

    def image(title, png):
        picture = get_image_model()(title=title, file=ImageFile(io.BytesIO(png), f"{title}.png"))
        picture._set_image_file_metadata()
        picture.save()
        return picture

    logo = image("aurora-logo", logo_png(company.title, "#0b5d7a"))
    hero = image("aurora-hero", hero_png("aurora", "#0b5d7a"))
    photo = image("aurora-plant", hero_png("plant", "#2f6b3a", width=1200, height=800))
    for version in company.get_translations(inclusive=True).specific():
        version.logo, version.hero_image = logo, hero
        version.gallery = [
            {
                "type": "image",
                "value": {
                    "image": {"image": photo.pk, "alt_text": "Wind farm", "decorative": False},
                    "caption": "Our first installation",
                },
            }
        ]
        version.save_revision().publish()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=SCREENSHOTS / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def heading(page):
    return page.locator("h1").first.inner_text()


def page_weight(page, url):
    """Bytes of JavaScript and CSS the page at `url` loads."""
    sizes = {"script": 0, "stylesheet": 0}

    def count(response):
        kind = response.request.resource_type
        if kind in sizes:
            sizes[kind] += len(response.body())

    page.on("response", count)
    page.goto(url)
    page.wait_for_load_state("load")
    page.remove_listener("response", count)
    return sizes["script"], sizes["stylesheet"]


def test_visitor_journey(page, live_server, visitor_site, locales, monkeypatch):
    from companies.models import Inquiry

    # A person needs more than the bot trap's three seconds to write; this script doesn't.
    monkeypatch.setattr("companies.inquiries.models.MIN_SECONDS_TO_FILL", 0)
    company = visitor_site["company"]
    swedish = locales["sv"]

    page.goto(live_server.url + "/en/")
    assert "Cleantech Kvarken" in page.title()
    screenshot(page, "home-en")

    page.locator(".main-nav a", has_text="Companies").first.click()
    assert heading(page) == "Companies"
    cards = page.locator(".cards > li")
    assert cards.count() == 2
    screenshot(page, "directory-en")

    # Two filters, applied by the script without a page load: the marker set on the first
    # document survives only if it is never replaced.
    page.evaluate("window.stillSamePage = true")
    page.get_by_role("checkbox", name=re.compile(r"^Energy")).check()
    page.wait_for_url(re.compile(r"sector=energy"))
    page.get_by_role("checkbox", name=re.compile(r"^Finland")).check()
    page.wait_for_url(re.compile(r"country=FI"))
    page.wait_for_function("document.querySelectorAll('.cards > li').length === 1")
    assert page.evaluate("window.stillSamePage") is True
    assert "Aurora Grid Oy" in cards.first.inner_text()
    assert page.get_by_role("checkbox", name=re.compile(r"^Energy")).is_checked()
    screenshot(page, "directory-filtered-en")

    # The shared address gives the same result to someone else.
    other_tab = page.context.new_page()
    other_tab.goto(page.url)
    assert other_tab.locator(".cards > li").count() == 1
    other_tab.close()

    page.locator(".cards a", has_text="Aurora Grid Oy").first.click()
    assert heading(page) == "Aurora Grid Oy"
    screenshot(page, "company-en")

    form = page.locator("form.inquiry-form")
    form.get_by_label("Your name").fill("Ingrid Buyer")
    form.get_by_label("Organisation").fill("Nordic Grid AS")
    form.get_by_label("Country").select_option("NO")
    form.get_by_label("Email").fill("ingrid@example.com")
    form.get_by_label("Message").fill("Do you deliver grid automation to Norway?")
    form.get_by_label(re.compile("I agree")).check()
    form.get_by_role("button", name="Send message").click()
    page.get_by_role("status").filter(has_text="Thank you").wait_for()
    inquiry = Inquiry.objects.get()
    assert (inquiry.company_id, inquiry.email) == (company.pk, "ingrid@example.com")

    page.locator(".language-switcher a[hreflang=sv]").click()
    assert heading(page) == "[sv] Aurora Grid Oy"
    assert page.url == live_server.url + company.get_translation(swedish).url
    assert page.locator("html").get_attribute("lang") == "sv"

    event = visitor_site["event"].get_translation(swedish)
    page.goto(live_server.url + event.url)
    with page.expect_download() as download_info:
        page.locator(f"a[href$='{event.url}ics/']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    ics = Path(download.path()).read_text()
    assert "BEGIN:VEVENT" in ics and "SUMMARY:[sv] Matchmaking day" in ics
    screenshot(page, "event-sv")


def public_pages(tree, locale):
    """One URL of each public page type in that language, plus the states a visitor can
    reach: filters with no result, a search, the 404 page."""
    pages = {
        name: tree[name].get_translation(locale).url
        for name in ("home", "standard", "directory", "company", "news_index", "news")
        + ("event_index", "event")
    }
    directory = pages["directory"]
    pages["directory filtered"] = directory + "?sector=energy&country=SE"
    pages["directory no match"] = directory + "?sector=energy&country=SE&size=large"
    pages["directory bad filter"] = directory + "?sector=no-such-sector"
    with translation.override(locale.language_code):
        pages["search"] = reverse("search") + "?q=grid"
    pages["not found"] = f"/{locale.language_code}/no-such-page/"
    return pages


def inject_axe(page):
    """Load axe-core into the page through the DevTools protocol, which the page's own
    Content-Security-Policy (no inline scripts) doesn't restrict."""
    page.evaluate(AXE.read_text() + "\n;void 0")


AXE_RUN = """() => axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
}).then(result => result.violations.map(v => ({
    id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))
})))"""


@pytest.mark.parametrize("language", ["en", "sv", "fi"])
def test_every_page_type_passes_axe_and_ships_little_code(
    page, live_server, visitor_site, locales, language
):
    found = []
    for name, path in public_pages(visitor_site, locales[language]).items():
        page.set_viewport_size(DESKTOP)
        javascript, css = page_weight(page, live_server.url + path)
        assert javascript < JS_BUDGET, f"{name} loads {javascript} bytes of JavaScript"
        assert css < CSS_BUDGET, f"{name} loads {css} bytes of CSS"
        inject_axe(page)
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            for violation in page.evaluate(AXE_RUN):
                found.append(f"{name} ({path}, {size['width']} px): {violation}")
        if language == "en" or name.startswith(("company", "directory")):
            screenshot(page, f"{name.replace(' ', '-')}-{language}")
    assert not found, "axe found WCAG 2.1 AA violations:\n" + "\n".join(found)


def test_the_axe_check_reports_violations(page):
    """The check above passes only because the pages pass: an unlabelled field and
    low-contrast text are reported."""
    page.set_content(
        '<html lang="en"><title>Check</title><main><input type="text">'
        '<p style="color:#bbb;background:#fff">Faint</p></main></html>'
    )
    inject_axe(page)
    found = {violation["id"] for violation in page.evaluate(AXE_RUN)}
    assert {"label", "color-contrast"} <= found


def focus_ring_visible(page):
    """Whether the focused element draws an outline or a box shadow."""
    return page.evaluate(
        """() => {
        const style = getComputedStyle(document.activeElement);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
        return outline || style.boxShadow !== "none";
    }"""
    )


def test_keyboard_only(page, live_server, visitor_site):
    directory = visitor_site["directory"]
    page.goto(live_server.url + directory.url)

    # The first Tab shows the skip link; following it moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    assert focus_ring_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # From the content, Tab reaches the filters; Space ticks one and the results follow,
    # with focus kept on the same box.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "sector":
            break
    else:
        pytest.fail("Tab never reached the sector filter")
    assert focus_ring_visible(page)
    value = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(f"sector={value}"))
    page.wait_for_function("document.querySelectorAll('.cards > li').length === 1")
    assert page.evaluate("[document.activeElement.name, document.activeElement.checked]") == [
        "sector",
        True,
    ]

    # Every link and control on the way is visibly focused.
    page.goto(live_server.url + visitor_site["company"].url)
    unringed = []
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body"):
            break  # past the last link
        if not focus_ring_visible(page):
            unringed.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    assert not unringed, f"focus is invisible on: {unringed}"


def test_on_a_phone_the_filters_fold_away_until_used(page, live_server, site_tree):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + site_tree["directory"].url)
    panel = page.locator("#directory-filter-panel")
    assert panel.get_attribute("open") is None
    assert page.locator(".cards > li").first.bounding_box()["y"] < PHONE["height"]

    page.get_by_text("Filters", exact=True).click()
    page.get_by_role("checkbox", name=re.compile(r"^Energy")).check()
    page.wait_for_url(re.compile("sector=energy"))
    assert "(1 selected)" in page.locator("summary").inner_text()

    page.reload()  # a shared link with filters shows them
    assert panel.get_attribute("open") is not None


def test_the_policy_blocks_injected_inline_script(browser, live_server, site_tree):
    """What the Content-Security-Policy is for: a script smuggled into a public page (say,
    through a flaw in some template) doesn't run, and the browser says so."""
    context = browser.new_context()
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(live_server.url + site_tree["company"].url)

    page.evaluate(
        """() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
    }"""
    )

    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in text for text in messages)
    context.close()


def test_editors_work_in_the_admin_under_a_policy_without_inline_scripts(
    page, live_server, two_companies, django_user_model
):
    """The admin's widgets start from data, not inline scripts (site/core/admin_csp.py): a
    date-time picker opens, a page chooser in a multiple-chooser panel adds a participant,
    an inline form added later gets its chooser started, an image chooser opens; then the
    event publishes. The `page` fixture fails on anything the policy blocks."""
    from events.models import EventPage

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    django_user_model.objects.create_superuser("editor", "editor@example.com", "editor-pw")
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "editor-pw")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile("/admin/$"))

    event = two_companies["event"]
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    page.click("#id_start")
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    page.click("#id_title")  # closes the picker

    # "Add participating companies": the page chooser modal, then the chosen company.
    page.click("#id_participants-OPEN_MODAL")
    modal = page.locator(".modal-dialog")
    modal.get_by_label("Search term").fill("Botnia")
    modal.get_by_role("checkbox", name="Botnia Heat AB", exact=True).check()
    modal.get_by_role("button", name=re.compile("Confirm selection")).click()
    chosen = page.locator("#id_participants-FORMS [data-chooser-title]")
    chosen.first.wait_for()
    assert "Botnia Heat AB" in chosen.all_inner_texts()

    # The new form's own chooser was started: its "choose another" button opens a modal.
    chooser = page.locator("#id_participants-FORMS .chooser").last
    chooser.get_by_role("button", name="Actions").click()
    chooser.locator("[data-chooser-action-choose]:visible").click()
    modal.get_by_label("Search term").wait_for()
    modal.get_by_role("button", name="Close").click()
    modal.wait_for(state="hidden")

    page.locator("button.dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile("/admin/pages/"))
    published = EventPage.objects.get(pk=event.pk)
    assert [p.company.title for p in published.participants.all()] == ["Botnia Heat AB"]

    company = two_companies["company"]
    page.goto(f"{live_server.url}/admin/pages/{company.pk}/edit/")
    page.locator(
        "#id_logo-chooser button.action-choose, #id_logo-chooser .chooser__choose-button"
    ).first.click()
    page.locator(".modal-dialog").get_by_text("Choose an image").first.wait_for()

    assert not errors, errors


def test_a_keyboard_user_on_a_phone_searches_from_the_header(
    page, live_server, visitor_site, locales
):
    """On a phone-width page, Tab reaches the header's search box (visibly focused, within
    the screen); typing brings the autocomplete's company names; Enter lands on that
    language's results."""
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + visitor_site["home"].get_translation(locales["sv"]).url)

    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "header-search-q":
            break
    else:
        pytest.fail("Tab never reached the header search box")
    assert focus_ring_visible(page)
    box = page.locator("#header-search-q").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_role("search", name="Sök på webbplatsen").is_visible()

    page.keyboard.type("Aurora")
    page.locator("#header-search-suggestions option[value='[sv] Aurora Grid Oy']").wait_for(
        state="attached"
    )
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/sv/sok/\?q=Aurora$"))
    assert heading(page) == "Sök"
    assert page.locator(".results h2 a").all_inner_texts() == ["[sv] Aurora Grid Oy"]
    screenshot(page, "header-search-results-sv")
