"""HTML articles: visible text only (``visibility`` says what a reader never sees), block elements
as lines; metadata from ``og:`` tags, ``<title>`` and ``<time>``."""

from __future__ import annotations

from ..lazy import deferred
from .document import Document, is_ambiguous_date, parse_date
from .visibility import hidden_elements

bs4 = deferred("bs4")  # loaded with the first page read

_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "title",
)


def read_html(raw: str, name: str) -> Document:
    """Visible text only; block elements become lines so that sentences never run across them."""
    soup = bs4.BeautifulSoup(raw, "html.parser")

    def meta(*keys: str) -> str | None:
        for key in keys:
            tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
            content = tag.get("content") if tag else None
            if isinstance(content, str) and content.strip():
                return content.strip()
        return None

    title = meta("og:title") or (soup.title.get_text(strip=True) if soup.title else None) or None
    outlet = meta("og:site_name", "publisher")
    url = meta("og:url")
    published_raw = meta("article:published_time", "date", "pubdate")
    if published_raw is None and (time_tag := soup.find("time")) is not None:
        value = time_tag.get("datetime")
        published_raw = value if isinstance(value, str) else None
    published = parse_date(published_raw) if published_raw else None
    ambiguous = published_raw if published_raw and is_ambiguous_date(published_raw) else None

    hidden = hidden_elements(soup)  # read while the stylesheets are still in the page
    for tag in [*hidden, *soup(["script", "style", "noscript", "template", "svg", "head", "iframe"])]:
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    text = "\n".join(line for line in lines if line)
    return Document(
        name=name,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        ambiguous_date=ambiguous,
    )
