"""The briefing page in a real browser: Debian's Chromium, headless, driven by Playwright (nothing
downloaded). The page loads with no console error and no request but its own file; a citation
lights its sentence up and brings it into view; hostile strings run nothing; a 30-source page
stays small and navigable. A screenshot of the seeds' page is left in tests/artifacts/."""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    Briefing,
    Document,
    FakeModel,
    FillRequest,
    Settings,
    load_document,
    render_briefing,
    sources_of,
    summarize,
)
from summarizer.testing import prompt_sentences

CHROMIUM = os.environ.get("SUMMARIZER_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
GOLDEN = Path(__file__).parent / "snapshots" / "seeds_briefing.json"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        message = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI the browser tests never skip
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Opens HTML from disk; records console errors, page errors, dialogs and requests."""
    opened = []

    def open_html(html: str, name: str = "page.html") -> Any:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.problems, page.requests = [], []
        page.on(
            "console",
            lambda m: (
                page.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))
        page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        opened.append(page)
        return page

    yield open_html
    for page in opened:
        page.close()


def seeds_page(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(root)
    note = Briefing.model_validate_json(GOLDEN.read_text())
    return render_briefing(note, "html", sources_of([load_document(s.name) for s in note.sources]))


def in_view(page: Any, selector: str, container: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            """(el, container) => {
                const box = el.getBoundingClientRect(), pane = document.querySelector(container).getBoundingClientRect();
                return box.top >= pane.top && box.bottom <= pane.bottom;
            }""",
            container,
        )
    )


def test_the_seeds_page_loads_clean_and_lights_up_evidence(
    open_page: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(seeds_page(root, monkeypatch))
    assert page.problems == []
    assert [url for url in page.requests if not url.startswith("file://")] == []
    assert len(page.requests) == 1  # the page itself, nothing else
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").count() == 1
    assert not in_view(page, "#s-B9", "aside.sources")  # further down the source pane at first
    page.click("#st-bl3 a.cite[data-sentences='B9']")
    assert page.get_attribute("#s-B9", "class") == "sentence cited lit"
    assert in_view(page, "#s-B9", "aside.sources")
    assert page.inner_text("#s-B9 mark") == "While Vucic did not directly deny the recent military buildup"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seeds_page.png"))
    # the quote is highlighted inside its sentence, and the sentence links back to its statements
    assert page.locator("#s-B9 + .backlinks a[href='#st-bl3']").count() == 1
    assert page.problems == []


def test_citations_work_from_the_keyboard(
    open_page: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(seeds_page(root, monkeypatch))
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-sentences')")
        if focused:
            break
    assert focused == "A2"  # the first chip of the bottom line
    assert "lit" in page.get_attribute("#s-A2", "class")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.hover("a.cite[data-sentences='B17']")  # pointing is enough
    assert "lit" in page.get_attribute("#s-B17", "class") and in_view(page, "#s-B17", "aside.sources")


def off_the_loop(*args: Any, **kwargs: Any) -> Briefing:
    """``summarize`` in a thread of its own: Playwright's sync API keeps an event loop running here."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(summarize, *args, **kwargs).result()


def hostile_briefing() -> tuple[Briefing, list[Any]]:
    script = "<script>window.pwned = 1</script><img src=x onerror=alert(1)>"
    document = Document(
        name="evil.json",
        text=f"Minister quits</style>\nThe minister {script} said on Monday that she quit.\nThe party denied it javascript:alert(1).",
        title=f"</style><script>alert(document.domain)</script>{script}",
        outlet="<a href=javascript:alert(1) id=injected>Wire</a>",
    )

    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        if request.step == "extraction":
            cite = [{"sentence_id": "A2", "quote": f"The minister {script}"}]
            return {
                "actors": [{"name": f"{script} Minister", "kind": "person", "evidence": cite}],
                "events": [{"what": f"{script} quit", "evidence": cite}],
                "claims": [
                    {
                        "statement": "</style><b id=injected>x</b>",
                        "evidence": [{"sentence_id": "A3", "quote": "The party denied it"}],
                    }
                ],
            }
        return {
            "title": f"<svg onload=alert(1)>{script}",
            "bottom_line": [
                {"text": f"{script} happened", "evidence": [{"sentence_id": "A2", "quote": "said on Monday"}]}
            ],
            "key_points": [],
            "claims": [],
            "discrepancies": [],
        }

    sources = sources_of([document])
    note = off_the_loop(sources, settings=Settings(model="fake", cache_dir=None), model=FakeModel(respond))
    return note, sources


def test_hostile_strings_run_nothing(open_page: Any) -> None:
    note, sources = hostile_briefing()
    page = open_page(render_briefing(note, "html", sources))
    assert page.problems == []  # no dialog, no error
    assert page.evaluate("window.pwned") is None
    assert page.locator("script").count() == 1 and page.locator("img, svg, #injected").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    # the model's headline names what no cited sentence does ('svg', 'onload'): the article's
    # title, as hostile, stands in for it, shown as text
    assert page.inner_text("h1").startswith("</style><script>alert(document.domain)</script>")
    page.click("a.cite[data-sentences='A2']")  # the page's own script still works under its policy
    assert "lit" in page.get_attribute("#s-A2", "class")


def test_a_thirty_source_page_stays_small_and_navigable(open_page: Any) -> None:
    documents = [
        Document(
            name=f"{i:02d}.txt",
            text=f"Story {i}\nThe council met on Monday and {i} people came.\nThe mayor denied it.",
            outlet=f"Outlet {i % 7}",
        )
        for i in range(30)
    ]

    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:

        lines = prompt_sentences(request)
        sid, text = lines[1] if request.step == "extraction" else lines[0]
        cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:4])}]
        if request.step == "extraction":
            return {"actors": [], "events": [{"what": text, "evidence": cite}], "claims": []}
        return {
            "title": "Council meetings",
            "bottom_line": [{"text": text, "evidence": cite}],
            "key_points": [],
            "claims": [],
            "discrepancies": [],
        }

    sources = sources_of(documents)
    note = off_the_loop(
        sources, settings=Settings(model="fake", cache_dir=None, concurrency=8), model=FakeModel(respond)
    )
    html = render_briefing(note, "html", sources)
    assert len(html.encode()) < 2 * 1024 * 1024
    page = open_page(html)
    assert page.problems == []
    assert page.locator("nav.source-index a").count() == 30
    page.click("nav.source-index a[href='#src-AD']")
    assert in_view(page, "#h-src-AD", "aside.sources")


def test_the_page_prints_as_one_column_with_every_source_whole(
    open_page: Any, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(seeds_page(root, monkeypatch))
    page.emulate_media(media="print")
    style = page.eval_on_selector(
        "aside.sources",
        "el => [getComputedStyle(el).position, getComputedStyle(el).overflowY, getComputedStyle(el.parentElement).display]",
    )
    assert style == ["static", "visible", "block"]
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_the_stories_index_page_is_clean_and_runs_nothing_it_reads(open_page: Any) -> None:
    from datetime import date

    from summarizer.stories import Story, StoryArticle, StoryIndex
    from summarizer.stories.page import index_page

    hostile = "<script>window.pwned = 1</script><img src=x onerror=alert(1)>"
    article = StoryArticle(path="a.json", sha256="0" * 64, outlet=hostile, published=date(2025, 3, 3))
    index = StoryIndex(
        similarity=0.16,
        stories=[
            Story(id="S1", title=hostile, articles=[article], status="briefed", briefed=["0" * 64]),
            Story(id="S2", title="Waiting", articles=[article.model_copy(update={"sha256": "1" * 64})]),
        ],
    )
    page = open_page(index_page(index), "index.html")
    assert page.problems == [] and page.evaluate("window.pwned") is None
    assert page.locator("script, img").count() == 0
    assert page.locator("tbody tr").count() == 2 and page.inner_text("tbody tr td").startswith("<script>")
    assert [page.get_attribute(a, "href") for a in ("tbody a >> nth=0",)] == ["S1/briefing.html"]
    assert page.locator("tr#S2 .pending").inner_text() == "pending"
