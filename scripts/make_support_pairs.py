"""Build the support evaluation set (eval/support-pairs.json) from the annotated news in
../shared/eval: statement/evidence pairs, each statement a rewrite of one real sentence, faithful
or unfaithful, with how it was made.

The rewrites are mechanical and driven by the gold annotations, not by the checker: a name is
swapped for another gold entity of the same article, a date for a shifted gold TIMEX, an alias
for another gold mention of the same entity. Run: python scripts/make_support_pairs.py"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.documents import Document
from summarizer.evaluation import load_articles
from summarizer.text import split_sentences

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "eval" / "support-pairs.json"
HANDWRITTEN = ROOT / "eval" / "support-handwritten.json"  # statements written by hand, merged in
PER_KIND = 70  # unfaithful pairs per kind; as many faithful ones in all
CORPORA = ("meantime", "timebank", "ecbplus")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
SMALL = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
AUXILIARIES = r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do)\b"
SYNONYMS = {
    "said": "stated", "says": "states", "announced": "revealed", "bought": "purchased",
    "company": "firm", "plans": "intends", "began": "started", "ended": "finished",
    "killed": "slain", "injured": "wounded", "rose": "increased", "fell": "decreased",
    "help": "assist", "buy": "purchase", "big": "large", "biggest": "largest", "shows": "indicates",
    "received": "got", "arrested": "detained", "expected": "anticipated", "order": "purchase order",
}  # fmt: skip
STANCE_FLIPS = {"said": "denied", "says": "denies", "denied": "confirmed", "denies": "confirms",
                "confirmed": "denied", "admitted": "denied", "claimed": "denied", "announced": "denied"}  # fmt: skip


@dataclass
class Sentence:
    article: dict[str, Any]
    corpus: str
    text: str
    start: int
    names: list[
        tuple[int, int, str, str]
    ]  # (start, end, text, entity) of named mentions, in sentence offsets
    timexes: list[tuple[int, int, str, str]]  # (start, end, text, value)


def sentences(corpus: str) -> Iterator[Sentence]:
    for article in load_articles(EVAL / corpus).articles:
        text = article["text"]
        document = Document(name=str(article["id"]), text=text)
        for s in split_sentences(document):
            words = s.text.split()
            if not 8 <= len(words) <= 45 or "\n" in s.text or not s.text.rstrip().endswith((".", '"')):
                continue
            names = [
                (m["start"] - s.start, m["end"] - s.start, m["text"], e["instance_id"])
                for e in article.get("entities", [])
                if e.get("type") in ("PER", "ORG", "LOC")
                for m in e["mentions"]
                if m.get("syntactic_type") == "NAM" and s.start <= m["start"] and m["end"] <= s.end
                and text[m["start"] : m["end"]] == m["text"] and re.match(r"[A-Z][^\d]*$", m["text"])
            ]  # fmt: skip
            timexes = [
                (t["start"] - s.start, t["end"] - s.start, t["text"], t["value"])
                for t in article.get("timexes", [])
                if t["type"] == "DATE" and not t.get("dct") and s.start <= t["start"] and t["end"] <= s.end
                and re.match(r"\d{4}", t["value"])
            ]  # fmt: skip
            yield Sentence(article, corpus, s.text, s.start, sorted(names), timexes)


def actor_table(article: dict[str, Any]) -> list[list[str]]:
    """Every named PER/ORG/LOC entity of the article: the names its mentions use."""
    table = []
    for entity in article.get("entities", []):
        names = sorted({m["text"] for m in entity["mentions"] if m.get("syntactic_type") == "NAM"})
        if entity.get("type") in ("PER", "ORG", "LOC") and names:
            table.append(names)
    return table


def replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


# Faithful rewrites ------------------------------------------------------------------------------


def shortened(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    parts = re.split(r" ?, (?=[^,]*$)", s.text.rstrip(" ."), maxsplit=1)
    adjunct = r"(?:which|who|whose|where|when|according to|including|as|after|before|while|with|a|an|the|in|on|at|for|than|though|although)\b"
    if (
        len(parts) == 2
        and len(parts[0].split()) >= 6
        and not re.search("[\"'`]", s.text)
        and re.match(adjunct, parts[1])
    ):
        return parts[0] + ".", f"shortened: dropped the closing phrase ', {parts[1]}'"
    return None


def reordered(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    said = re.fullmatch(r"(.+), ((?:[A-Z][\w.'-]*\s?)+|he|she|they|it) (said|says|added|stated)\.", s.text)
    if said and '"' not in s.text:
        body = said.group(1)
        return (
            f"{said.group(2)[0].upper()}{said.group(2)[1:]} {said.group(3)} that {body[0].lower()}{body[1:]}.",
            ("reordered: the reporting clause moved to the front"),
        )
    lead = re.fullmatch(r"((?:On|In|Last|Earlier|Since|After|During) [^,]{3,40}), ([a-zA-Z].+)\.", s.text)
    if lead:
        rest = lead.group(2)
        return f"{rest[0].upper()}{rest[1:]} {lead.group(1)[0].lower()}{lead.group(1)[1:]}.", (
            "reordered: the opening phrase moved to the end"
        )
    return None


def synonyms(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    for word, synonym in SYNONYMS.items():
        if m := re.search(rf"\b{word}\b", s.text):
            return replace(s.text, m.start(), m.end(), synonym), f"synonym: '{word}' -> '{synonym}'"
    return None


def aliased(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    table = {tuple(names) for names in actor_table(s.article)}
    for start, end, name, entity in s.names:
        others = [
            m["text"]
            for e in s.article["entities"]
            if e["instance_id"] == entity
            for m in e["mentions"]
            if m.get("syntactic_type") == "NAM" and m["text"] != name and name not in m["text"]
        ]
        others = [o for o in dict.fromkeys(others) if any(o in names for names in table)]
        if others:
            alias = rng.choice(others)
            return replace(s.text, start, end, alias), f"alias: '{name}' -> '{alias}' (the same gold entity)"
    return None


# Unfaithful rewrites ----------------------------------------------------------------------------


def number_changed(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    taken = [(a, b) for a, b, _, _ in s.timexes]
    for m in re.finditer(
        r"(?<![\w.,-])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w-])|\b(?:" + "|".join(SMALL) + r")\b", s.text
    ):
        if any(a <= m.start() < b for a, b in taken) or re.fullmatch(r"(19|20)\d\d", m.group()):
            continue
        old = m.group()
        if old.lower() in SMALL:
            i = SMALL.index(old.lower())
            new = SMALL[(i + rng.choice([1, 2, 3])) % len(SMALL)]
            new = new.capitalize() if old[0].isupper() else new
        else:
            value = float(old.replace(",", ""))
            changed = value * rng.choice([2, 3]) if value > 10 else value + rng.choice([1, 2])
            new = f"{changed:,.{len(old.split('.')[1]) if '.' in old else 0}f}"
            if "," not in old:
                new = new.replace(",", "")
        return replace(s.text, m.start(), m.end(), new), f"number changed: '{old}' -> '{new}'"
    return None


def name_swapped(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    here = {entity for _, _, _, entity in s.names}
    for start, end, name, entity in s.names:
        kind = next(e["type"] for e in s.article["entities"] if e["instance_id"] == entity)
        others = [
            m["text"]
            for e in s.article["entities"]
            if e["type"] == kind and e["instance_id"] not in here
            for m in e["mentions"]
            if m.get("syntactic_type") == "NAM" and m["text"].lower() not in s.text.lower()
        ]
        if others:
            other = rng.choice(sorted(set(others)))
            return replace(
                s.text, start, end, other
            ), f"name swapped: '{name}' -> '{other}' (another {kind} in the article)"
    return None


def date_moved(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    for start, end, text, value in s.timexes:
        new = None
        if w := re.search("|".join(WEEKDAYS), text):
            other = WEEKDAYS[(WEEKDAYS.index(w.group()) + rng.choice([2, 3, 4])) % 7]
            new = text.replace(w.group(), other)
        elif (m := re.search("|".join(MONTHS), text)) and (d := re.search(r"\b([12]?\d|3[01])\b", text)):
            day = (int(d.group()) + rng.choice([2, 3, 5])) % 28 + 1  # a day that every month has
            new = replace(text, d.start(), d.end(), str(day))
        elif m := re.search("|".join(MONTHS), text):
            other = MONTHS[(MONTHS.index(m.group()) + rng.choice([2, 3, 5])) % 12]
            new = text.replace(m.group(), other)
        elif y := re.search(r"\b(19|20)\d\d\b", text):
            new = text.replace(y.group(), str(int(y.group()) - rng.choice([2, 3, 4])))
        elif text.lower() in ("today", "yesterday", "tomorrow"):
            new = {"today": "last week", "yesterday": "last month", "tomorrow": "next month"}[text.lower()]
        if new and new != text:
            return replace(s.text, start, end, new), f"date moved: '{text}' ({value}) -> '{new}'"
    return None


def polarity_flipped(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    if m := re.search(r"\b(not|n't|never)\b ?", s.text):
        if m.group(1) == "n't":
            return None
        return replace(s.text, m.start(), m.end(), ""), f"polarity flipped: removed '{m.group(1)}'"
    for word, flip in STANCE_FLIPS.items():
        if m := re.search(rf"\b{word}\b", s.text):
            return replace(s.text, m.start(), m.end(), flip), f"polarity flipped: '{word}' -> '{flip}'"
    if m := re.search(AUXILIARIES, s.text):
        return replace(s.text, m.end(), m.end(), " not"), f"polarity flipped: 'not' after '{m.group()}'"
    return None


def role_swapped(s: Sentence, rng: random.Random) -> tuple[str, str] | None:
    for (a0, a1, a, ea), (b0, b1, b, eb) in zip(s.names, s.names[1:], strict=False):
        between = s.text[a1:b0]
        if ea == eb or a.lower() in b.lower() or b.lower() in a.lower():
            continue
        if re.search(r"[,;:()\"]|\b(and|or|with|of|between|versus|vs)\b", between) or not re.search(
            r"[a-z]{3,}", between
        ):
            continue
        if len(between.split()) > 6:
            continue
        text = s.text[:a0] + b + between + a + s.text[b1:]
        return text, f"role swapped: '{a}' and '{b}' traded places around '{between.strip()}'"
    return None


FAITHFUL: dict[str, Callable[[Sentence, random.Random], tuple[str, str] | None]] = {
    "shortened": shortened,
    "reordered": reordered,
    "synonym": synonyms,
    "alias": aliased,
}
UNFAITHFUL: dict[str, Callable[[Sentence, random.Random], tuple[str, str] | None]] = {
    "number": number_changed,
    "name": name_swapped,
    "date": date_moved,
    "polarity": polarity_flipped,
    "role": role_swapped,
}


def main() -> int:
    rng = random.Random(20261130)
    pool = [s for corpus in CORPORA for s in sentences(corpus)]
    rng.shuffle(pool)
    pairs: list[dict[str, Any]] = []
    counts = {kind: 0 for kind in UNFAITHFUL}
    faithful_counts = {kind: 0 for kind in FAITHFUL}
    # as many faithful pairs as unfaithful ones in all, counting those written by hand
    written = json.loads(HANDWRITTEN.read_text(encoding="utf-8"))["pairs"]
    target_faithful = PER_KIND * len(UNFAITHFUL) + sum(1 if not w["faithful"] else -1 for w in written)
    for s in pool:
        made = []
        for kind, rewrite in UNFAITHFUL.items():
            if counts[kind] < PER_KIND and (found := rewrite(s, rng)):
                made.append((kind, False, *found))
                counts[kind] += 1
                break
        share = -(-target_faithful // len(FAITHFUL))  # each kind its share, rounded up
        faithful = [
            k
            for k in FAITHFUL
            if faithful_counts[k] < share and sum(faithful_counts.values()) < target_faithful
        ]
        rng.shuffle(faithful)
        for kind in faithful:
            if found := FAITHFUL[kind](s, rng):
                made.append((kind, True, *found))
                faithful_counts[kind] += 1
                break
        for kind, is_faithful, statement, how in made:
            pairs.append(
                {
                    "id": f"S{len(pairs) + 1}",
                    "faithful": is_faithful,
                    "kind": kind,
                    "made": how,
                    "statement": statement,
                    "evidence": s.text,
                    "reference_date": s.article.get("dct"),
                    "actors": actor_table(s.article),
                    "from": f"{s.corpus}/{s.article['id']}",
                }
            )
    articles = {
        f"{corpus}/{article['id']}": article
        for corpus in CORPORA
        for article in load_articles(EVAL / corpus).articles
    }
    for hand in written:
        article = articles[hand["from"]]
        assert hand["evidence"] in article["text"], f"{hand['from']}: evidence is not in the article"
        pairs.append(
            {
                "id": f"S{len(pairs) + 1}",
                **{k: hand[k] for k in ("faithful", "kind")},
                "made": "written by hand",
                "statement": hand["statement"],
                "evidence": hand["evidence"],
                "reference_date": article.get("dct"),
                "actors": actor_table(article),
                "from": hand["from"],
            }
        )
    header = {
        "about": "Statement/evidence pairs for `summarizer eval support`. Each statement rewrites one sentence "
        "of the annotated news in ../shared/eval by a mechanical rule driven by its gold annotations "
        "(scripts/make_support_pairs.py), or was written by hand (eval/support-handwritten.json); 'made' says "
        "how. 'actors' lists the article's named gold entities "
        "by the names its mentions use, as a briefing's actor table would.",
        "faithful": sum(p["faithful"] for p in pairs),
        "unfaithful": sum(not p["faithful"] for p in pairs),
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(
        json.dumps({**header, "pairs": pairs}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{OUT}: {len(pairs)} pairs; unfaithful {counts}; faithful {faithful_counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
