"""What a reader of a page never sees: hidden text is a classic carrier of injected instructions,
so it never becomes article text. An element is hidden by its attributes (``hidden``,
``aria-hidden="true"``, a hidden input) or by its style, inline or from the page's stylesheets
(read with tinycss2, matched with soupsieve, later rules over earlier, inline style last):
``display: none``, ``visibility: hidden``, ``opacity: 0``, ``font-size: 0``, a clip to nothing,
no height or width with its overflow hidden, ``transform: scale(0)``, placed or indented far off
screen, or text the colour of its background (``color: transparent``; white on white, the page's
background being white unless it says otherwise)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..lazy import deferred

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

tinycss2 = deferred("tinycss2")  # loaded with the first page that has a style

Style = dict[str, str]  # property -> value, lower case, the last declaration winning

_ZERO = re.compile(r"^[+-]?0*\.?0+(?:px|em|rem|pt|%|vh|vw|ex|ch)?$")
_FAR_OFF = re.compile(r"^-\s*(?:\d{4,}|\d{3,}(?:\.\d+)?(?:px|pt)|\d{2,}(?:\.\d+)?(?:em|rem|vw|vh|%))")
_WHITE = {"white", "#fff", "#ffffff", "rgb(255,255,255)", "rgba(255,255,255,1)", "hsl(0,0%,100%)"}


def declarations(text: str) -> Style:
    """An inline style or a rule's body as a property -> value table."""
    style: Style = {}
    for item in tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            value = tinycss2.serialize(item.value).strip().lower()
            style[item.lower_name] = re.sub(r"\s*!important$", "", value)
    return style


def _rules(stylesheet: Iterable[Any]) -> Iterator[tuple[str, Style]]:
    """(selector, declarations) of every rule for the screen, inside @media and @supports too."""
    for rule in stylesheet:
        if rule.type == "qualified-rule":
            yield tinycss2.serialize(rule.prelude).strip(), declarations(tinycss2.serialize(rule.content))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            if rule.lower_at_keyword == "media" and "print" in tinycss2.serialize(rule.prelude).lower():
                continue
            yield from _rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            )


def styles(soup: BeautifulSoup) -> dict[int, Style]:
    """Each element's style from the page's stylesheets, by ``id`` of the tag: only the rules that
    can hide something, alone or with another (a background, a position, an overflow), are
    matched against the page, which is most of the work."""
    found: dict[int, Style] = {}
    rules = [
        rule
        for sheet in soup.find_all("style")
        for rule in _rules(
            tinycss2.parse_stylesheet(sheet.get_text(), skip_comments=True, skip_whitespace=True)
        )
    ]
    backgrounds = {PAGE_BACKGROUND} | {b for _, style in rules if (b := background_of(style))}
    for selector, style in rules:
        if not (
            any(hides(style, b) for b in backgrounds)
            or background_of(style)
            or style.get("position") in ("absolute", "fixed")
            or "hidden"
            in style.get("overflow", "") + style.get("overflow-x", "") + style.get("overflow-y", "")
        ):
            continue
        try:
            matched = soup.select(selector)
        except Exception:  # noqa: BLE001 (a selector soupsieve cannot read: a pseudo-state, say)
            continue
        for tag in matched:
            found.setdefault(id(tag), {}).update(style)
    return found


def hidden_by_attributes(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).strip().lower() == "true":
        return True
    return tag.name == "input" and str(tag.get("type", "")).lower() == "hidden"


def hides(style: Style, background: str) -> bool:
    """Whether a style keeps its element's text from a reader; ``background`` is the colour
    behind it (its own, or its nearest ancestor's)."""
    display, visibility = style.get("display", ""), style.get("visibility", "")
    if (
        display == "none"
        or visibility in ("hidden", "collapse")
        or style.get("content-visibility") == "hidden"
    ):
        return True
    if _ZERO.match(style.get("opacity", "1")) or _ZERO.match(style.get("font-size", "1em")):
        return True
    clip = re.sub(r"\s+", "", style.get("clip", ""))
    if re.fullmatch(r"rect\((0(px)?,?){4}\)|rect\((1px,?){4}\)", clip):
        return True
    clip_path = re.sub(r"\s+", "", style.get("clip-path", ""))
    if re.fullmatch(r"inset\((50|100)%\)|circle\(0(px|%)?\)", clip_path):
        return True
    overflow = style.get("overflow", "") + style.get("overflow-x", "") + style.get("overflow-y", "")
    if "hidden" in overflow and any(
        _ZERO.match(style.get(p, "auto")) for p in ("height", "max-height", "width", "max-width")
    ):
        return True
    if re.search(r"scale[xy]?\(\s*0(?:\.0+)?\s*[,)]", style.get("transform", "")):
        return True
    if style.get("position") in ("absolute", "fixed") and any(
        _FAR_OFF.match(style.get(side, "")) for side in ("left", "top", "right", "bottom")
    ):
        return True
    if _FAR_OFF.match(style.get("text-indent", "")):
        return True
    color = _colour(style.get("color", ""))
    return color == "transparent" or (color != "" and color == background)


def background_of(style: Style) -> str | None:
    """The colour a style paints behind its element's text, or None when it paints none."""
    for prop in ("background-color", "background"):
        value = _colour(style.get(prop, ""))
        if value and value not in ("transparent", "none", "inherit", "initial"):
            return value
    return None


def _colour(value: str) -> str:
    value = re.sub(r"\s+", "", value.lower())
    return "white" if value in _WHITE else value


def hidden_elements(soup: BeautifulSoup) -> list[Tag]:
    """The elements of the page that a reader never sees (their descendants go with them)."""
    sheet = styles(soup)
    found: list[Tag] = []
    stack: list[tuple[Any, str]] = [(soup, PAGE_BACKGROUND)]  # no recursion: pages nest deep
    while stack:
        parent, background = stack.pop()
        for child in parent.find_all(True, recursive=False):
            inline = child.get("style")
            style = {**sheet.get(id(child), {}), **(declarations(str(inline)) if inline else {})}
            behind = background_of(style) or background
            if hidden_by_attributes(child) or hides(style, behind):
                found.append(child)
            else:
                stack.append((child, behind))
    return found


PAGE_BACKGROUND = "white"  # what a page is drawn on unless it says otherwise
