"""The briefing as one self-contained web page: the note on one side, the sources on the other,
each article's full text with every cited sentence marked and its quotes highlighted. Pointing
at, focusing or clicking a citation lights its sentences up; each cited sentence links back to
the statements that cite it. Every string from an article or a model goes through Jinja2's
autoescaping; the page's own style and script are inline and the only code its
Content-Security-Policy allows (by hash): it fetches nothing and runs nothing else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..schema.briefing import Briefing
from ..schema.extraction import Citation
from ..support import Support
from ..text import Sentence, Source, source_of, stands
from . import pages, view

if TYPE_CHECKING:
    import jinja2

TRUST = {
    True: "Every citation was checked by code: the sentence exists and the quote stands in it.",
    False: "A citation could not be checked against its source text here.",
}


@dataclass
class Chip:
    id: str
    verified: bool


@dataclass
class Item:
    """A statement of the note, as the page shows it: its text, its citation chips, its place."""

    dom: str
    text: str
    chips: list[Chip] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    support: Support | None = None  # whether the statement says what its citations say

    @property
    def verified(self) -> bool:
        return all(c.verified for c in self.chips)

    @property
    def trust(self) -> str:
        return TRUST[self.verified]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["extra"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class ShownSentence:
    id: str
    pieces: list[tuple[str, bool]]  # (text, inside a quote)
    cited: bool
    backlinks: list[tuple[str, str]]  # (statement's DOM id, its label)


class _Page:
    """Builds the template's values: statements with chips, and sources with marked sentences."""

    def __init__(self, note: Briefing, sources: Sequence[Source]) -> None:
        self.note = note
        self.texts = {
            s.id: s
            for s in sources
            if any(r.id == s.id and r.sha256 == s.document.sha256 for r in note.sources)
        }
        self.sentences = {s.id: s for source in self.texts.values() for s in source.sentences}
        self.backlinks: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.quotes: dict[str, list[tuple[int, int]]] = defaultdict(list)

    def verified(self, citation: Citation) -> bool:
        """Whether the citation holds in the source text this page shows (offsets and quote)."""
        sentence = self.sentences.get(citation.sentence_id)
        if sentence is None:
            return False
        text = self.texts[source_of(citation.sentence_id)].document.text
        return stands(citation.quote, citation.start, citation.end, text, sentence) is None

    def item(self, said: view.Said, **extra: Any) -> Item:
        dom, label = f"st-{said.key}", said.label
        chips: dict[str, Chip] = {}
        for citation in said.citations:
            ok = self.verified(citation)
            if ok:
                self.quotes[citation.sentence_id].append((citation.start, citation.end))
            known = chips.get(citation.sentence_id)
            chips[citation.sentence_id] = Chip(citation.sentence_id, ok and (known is None or known.verified))
        for sentence_id in chips:
            if (dom, label) not in self.backlinks[sentence_id]:
                self.backlinks[sentence_id].append((dom, label))
        return Item(dom, said.text, list(chips.values()), extra, said.support)

    def claim(self, claim: view.Claim) -> Item:
        names = claim.names
        explanation = self.item(claim.explanation) if claim.explanation else None
        return self.item(
            claim.said,
            id=claim.id,
            status=claim.status,
            status_label=claim.status_label,
            by_rule=claim.by_rule,
            asserts=", ".join(v for v in (names["made_by"], names["supported_by"]) if v),
            denies=names["denied_by"],
            disputes=names["disputed_by"],
            reported_via=", ".join(claim.reported_via),
            corroboration=claim.corroboration,
            explanation=explanation,
        )

    def source(self, record: view.Source) -> dict[str, Any]:
        shown: dict[str, Any] = {
            "id": record.id,
            "title": record.title,
            "facts": " · ".join([*record.facts, record.name]),
            "failed": record.failed,
            "url": record.url,
            "missing": None,
        }
        source = self.texts.get(record.id)
        if source is None:  # only the cited sentences travel in the briefing
            cited = [s for s in self.note.cited_sentences if s.source == record.id]
            sentences = [Sentence(s.id, s.start, s.end, s.text) for s in cited]
            shown["missing"] = "The article's text is not at hand: only its cited sentences are shown."
            shown["paragraphs"] = [[self.shown(s) for s in sentences]] if sentences else []
            return shown
        paragraphs: dict[int, list[ShownSentence]] = defaultdict(list)
        text = source.document.text
        for sentence in source.sentences:
            paragraphs[text.count("\n", 0, sentence.start)].append(self.shown(sentence))
        shown["paragraphs"] = list(paragraphs.values())
        return shown

    def shown(self, sentence: Sentence) -> ShownSentence:
        spans = sorted(
            (max(start, sentence.start) - sentence.start, min(end, sentence.end) - sentence.start)
            for start, end in self.quotes.get(sentence.id, [])
        )
        pieces: list[tuple[str, bool]] = []
        at = 0
        for start, end in spans:
            if end <= at:
                continue
            start = max(start, at)
            if start > at:
                pieces.append((sentence.text[at:start], False))
            pieces.append((sentence.text[start:end], True))
            at = end
        if at < len(sentence.text):
            pieces.append((sentence.text[at:], False))
        backlinks = self.backlinks.get(sentence.id, [])
        return ShownSentence(sentence.id, pieces, bool(backlinks), backlinks)


@lru_cache(maxsize=1)
def _assets() -> tuple[jinja2.Template, str, str, str]:
    """The template, the style, the script and the policy that allows exactly those two."""
    css, js = pages.asset("page.css"), pages.asset("page.js")
    return pages.environment().get_template("page.html.j2"), css, js, pages.policy(css, js)


def briefing(note: Briefing, sources: Sequence[Source] = ()) -> str:
    """The page. ``sources`` (the articles the briefing was made from, matched by id and hash)
    give the source pane their full text; without them it shows the cited sentences only."""
    shown = view.view(note)
    page = _Page(note, sources)
    template, css, js, policy = _assets()
    changes = None
    if shown.since is not None:
        changes = {"since": shown.since, "entries": [page.item(said) for said in shown.changes]}
    bottom_line = [page.item(s) for s in shown.bottom_line]
    key_points = [page.item(s) for s in shown.key_points]
    events = [
        page.item(e.said, when=e.value, reported=e.reported, written=e.written, numbers=e.numbers)
        for e in shown.timeline
    ]
    actors = [
        page.item(a.said, kind=a.kind, role=a.role, named=a.named, sources=a.sources) for a in shown.actors
    ]
    claims = {c.id: page.claim(c) for c in shown.claims}
    claim_groups = [
        {"slug": g.slug, "heading": g.heading, "claims": [claims[c.id] for c in g.claims]}
        for g in shown.claim_groups
    ]
    discrepancies: list[dict[str, Any]] = [
        {"topic": d.topic, "positions": [page.item(p.said, source=p.source) for p in d.positions]}
        for d in shown.disagreements
    ]
    everything = [*bottom_line, *key_points, *events, *actors, *claims.values()]
    everything += [c.explanation for c in claims.values() if c.explanation]
    everything += [p for d in discrepancies for p in d["positions"]]
    cost = f"; estimated cost ${shown.cost:.4f}" if shown.cost is not None else ""
    return template.render(
        title=shown.title,
        changes=changes,
        byline=shown.byline,
        csp=policy,
        css=css,
        js=js,
        bottom_line=bottom_line,
        key_points=key_points,
        dated=[e for e in events if e.when],
        undated=[e for e in events if not e.when],
        actors=actors,
        claim_groups=claim_groups,
        discrepancies=discrepancies,
        notes=list(shown.notes),
        made=f"{shown.made}{cost}.",
        trust_note=TRUST[all(item.verified for item in everything)],
        sources=[page.source(record) for record in shown.sources],
    )
