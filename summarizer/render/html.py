"""The briefing as one self-contained web page: the note on one side, the sources on the other,
each article's full text with every cited sentence marked and its quotes highlighted. Pointing
at, focusing or clicking a citation lights its sentences up; each cited sentence links back to
the statements that cite it. Every string from an article or a model goes through Jinja2's
autoescaping; the page's own style and script are inline and the only code its
Content-Security-Policy allows (by hash): it fetches nothing and runs nothing else."""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..schema.briefing import Briefing, BriefingClaim, SourceRecord
from ..schema.extraction import Citation
from ..support import Support
from ..text import Sentence, Source, source_of, stands
from ..vocabulary import CLAIM_ROLES, DISPUTED, parties, status_label
from ..wording import count, made, outlets, since

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"
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
        self.names = {a.id: a.name for a in note.actors}

    def verified(self, citation: Citation) -> bool:
        """Whether the citation holds in the source text this page shows (offsets and quote)."""
        sentence = self.sentences.get(citation.sentence_id)
        if sentence is None:
            return False
        text = self.texts[source_of(citation.sentence_id)].document.text
        return stands(citation.quote, citation.start, citation.end, text, sentence) is None

    def item(
        self,
        dom: str,
        text: str,
        citations: Iterable[Citation],
        label: str,
        support: Support | None = None,
        **extra: Any,
    ) -> Item:
        chips: dict[str, Chip] = {}
        for citation in citations:
            ok = self.verified(citation)
            if ok:
                self.quotes[citation.sentence_id].append((citation.start, citation.end))
            known = chips.get(citation.sentence_id)
            chips[citation.sentence_id] = Chip(citation.sentence_id, ok and (known is None or known.verified))
        for sentence_id in chips:
            if (dom, label) not in self.backlinks[sentence_id]:
                self.backlinks[sentence_id].append((dom, label))
        return Item(dom, text, list(chips.values()), extra, support)

    def who(self, ids: Iterable[str]) -> str:
        return ", ".join(self.names.get(i, i) for i in ids)

    def claim(self, claim: BriefingClaim) -> Item:
        role = {r.field: self.who(parties(claim, r)) for r in CLAIM_ROLES}
        explanation = None
        if claim.explanation:
            explanation = self.item(
                f"st-{claim.id}-why",
                claim.explanation,
                claim.explanation_citations,
                f"{claim.id} why",
                claim.explanation_support,
            )
        return self.item(
            f"st-{claim.id}",
            claim.statement,
            claim.citations,
            claim.id,
            claim.support,
            id=claim.id,
            status=claim.status or "unassessed",
            status_label=status_label(claim.status),
            by_rule=claim.status_by == "rule",
            asserts=", ".join(v for v in (role["made_by"], role["supported_by"]) if v),
            denies=role["denied_by"],
            disputes=role["disputed_by"],
            reported_via=", ".join(claim.reported_via),
            explanation=explanation,
        )

    def source(self, record: SourceRecord) -> dict[str, Any]:
        facts = [
            v for v in (record.outlet, record.published and f"published {record.published.isoformat()}") if v
        ]
        facts.append(record.name)
        shown: dict[str, Any] = {
            "id": record.id,
            "title": record.title or record.name,
            "facts": " · ".join(facts),
            "failed": record.status == "failed",
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
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = (TEMPLATES / "page.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "page.js").read_text(encoding="utf-8")

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    policy = (
        f"default-src 'none'; style-src '{digest(css)}'; script-src '{digest(js)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return environment.get_template("page.html.j2"), css, js, policy


def briefing(note: Briefing, sources: Sequence[Source] = ()) -> str:
    """The page. ``sources`` (the articles the briefing was made from, matched by id and hash)
    give the source pane their full text; without them it shows the cited sentences only."""
    page = _Page(note, sources)
    template, css, js, policy = _assets()
    changes = None
    if note.changes is not None:
        found = note.changes
        changes = {
            "since": since(found),
            "entries": [
                page.item(f"st-ch{i}", change.summary, change.citations, f"change {i}")
                for i, change in enumerate(found.items, 1)
            ],
        }
    bottom_line = [
        page.item(f"st-bl{i}", s.text, s.citations, f"bottom line {i}", s.support)
        for i, s in enumerate(note.bottom_line, 1)
    ]
    key_points = [
        page.item(f"st-kp{i}", s.text, s.citations, f"key point {i}", s.support)
        for i, s in enumerate(note.key_points, 1)
    ]
    events = []
    for event in note.timeline:
        written = "; ".join(f"{k}: “{v}”" for k, v in event.date.expressions.items())
        numbers = "; ".join(q for qs in event.quantities.values() for q in qs)
        events.append(
            page.item(
                f"st-{event.id}",
                event.what,
                event.citations,
                event.id,
                event.support,
                when=event.date.value,
                reported=event.date.reported_by.isoformat() if event.date.reported_by else None,
                written=written,
                numbers=numbers,
            )
        )
    actors = [
        page.item(
            f"st-{a.id}",
            a.name,
            a.citations,
            a.id,
            kind=a.kind.replace("_", " "),
            role="; ".join([*a.titles, *a.affiliations]),
            named="; ".join(
                f"{f.text} ({', '.join(f.sources)})" for f in a.surface_forms if f.text != a.name
            ),
            sources=", ".join(a.sources),
        )
        for a in note.actors
    ]
    claims = [page.claim(c) for c in note.claims]
    labels = {s.id: f"{s.id} ({s.outlet})" if s.outlet else s.id for s in note.sources}
    discrepancies = [
        {
            "topic": d.topic,
            "positions": [
                page.item(
                    f"st-d{i}-{p.source}",
                    p.says,
                    p.citations,
                    f"disagreement {i}",
                    p.support,
                    source=labels.get(p.source, p.source),
                )
                for p in d.positions
            ],
        }
        for i, d in enumerate(note.discrepancies, 1)
    ]
    cost = f"; estimated cost ${note.generation.cost_usd:.4f}" if note.generation.cost_usd is not None else ""
    ok = [s for s in note.sources if s.status == "ok"]
    everything = [*bottom_line, *key_points, *events, *actors, *claims]
    everything += [c.explanation for c in claims if c.explanation] + [
        p for d in discrepancies for p in d["positions"]
    ]
    return template.render(
        title=note.title,
        changes=changes,
        byline=f"{count(len(ok), 'source')} ({outlets(ok)})",
        csp=policy,
        css=css,
        js=js,
        bottom_line=bottom_line,
        key_points=key_points,
        dated=[e for e in events if e.when],
        undated=[e for e in events if not e.when],
        actors=actors,
        claim_groups=[
            group
            for group in (
                {
                    "slug": "disputed",
                    "heading": "Disputed claims",
                    "claims": [c for c in claims if c.status in DISPUTED],
                },
                {
                    "slug": "claims",
                    "heading": "Other claims",
                    "claims": [c for c in claims if c.status not in DISPUTED],
                },
            )
            if group["claims"]
        ],
        discrepancies=discrepancies,
        notes=note.warnings,
        made=f"{made(note.generation)}{cost}.",
        trust_note=TRUST[all(item.verified for item in everything)],
        sources=[page.source(record) for record in note.sources],
    )
