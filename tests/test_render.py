"""What the renderers make of text from outside: Markdown shows markup as text (emphasis,
strikethrough, links a renderer would make by itself), and every format shows an article's web
address, and no other kind of address."""

import json
from pathlib import Path

from summarizer import Briefing, render_briefing


def briefing(root: Path, title: str, outlet: str, urls: tuple[str, str]) -> Briefing:
    data = json.loads((root / "examples" / "seeds_briefing.json").read_text())
    data["title"] = title
    data["sources"][0]["outlet"] = outlet
    for source, url in zip(data["sources"], urls, strict=True):
        source["url"] = url
    return Briefing.model_validate(data)


def test_markdown_shows_markup_from_outside_as_text(root: Path) -> None:
    title = "**Bold** ~~struck~~ _leaning_ at https://evil.example or www.evil.example, ask me@evil.example"
    note = render_briefing(briefing(root, title, "~~Daily~~ **Post**", ("", "")), "md")
    assert note.startswith(
        "# \\*\\*Bold\\*\\* \\~\\~struck\\~\\~ \\_leaning\\_ at https\\://evil.example or www\\.evil.example, "
        "ask me\\@evil.example\n"
    )
    assert "\\~\\~Daily\\~\\~ \\*\\*Post\\*\\*" in note
    assert "armed force or group" in note  # words joined by '_' inside a value are left alone


def test_the_article_address_is_shown_and_only_a_web_one(root: Path) -> None:
    note = briefing(root, "Kosovo", "Wions", ("https://news.example/kosovo?id=1", "javascript:alert(1)"))
    markdown = render_briefing(note, "md")
    assert "https\\://news.example/kosovo?id=1" in markdown
    assert "javascript" not in markdown
    page = render_briefing(note, "html")
    assert '<a href="https://news.example/kosovo?id=1" rel="noopener noreferrer">' in page
    assert "javascript:alert" not in page
