"""Convert FRANK's human judgements of summaries (github.com/artidoro/frank, MIT licence) into the
statement/evidence pairs `summarizer eval support` reads.

FRANK labelled each sentence of 2,246 machine summaries of CNN/DM and XSum (BBC) articles as
consistent with its article or not, with the kind of error. The public file gives, per summary,
the share of its sentences judged consistent (`Factuality`) and, per error type, the share free
of it. So a sentence's own label is known where the summary is all consistent (1.0) or all
inconsistent (0.0); the summaries in between are left out, and the script says how many. An
inconsistent pair lists the error types its summary was marked with (exact for one-sentence
summaries, the summary's for longer ones).

The evidence stands in for citations: by default the three article sentences sharing the most
content words with the statement (`--evidence top3`), or the whole article (`--evidence article`),
each sentence a cited sentence of its own.

The data is not in this repository. Clone FRANK with its history (the articles were removed from
its head after commit 5860706) and point the script at the clone:

    git clone https://github.com/artidoro/frank /tmp/frank
    python scripts/convert_frank.py /tmp/frank -o eval/frank-pairs.json
    summarizer eval support eval/frank-pairs.json
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from summarizer.actors import Mention, resolve
from summarizer.evaluation.sentences import reattached
from summarizer.text.words import FUNCTION_WORDS, in_dictionary, opens_sentence, tokens

ARTICLES_COMMIT = "5860706bda0641136d10d27ead52c5f6ae79630e"  # articles and summaries, since removed
ANNOTATIONS_COMMIT = "80a88fb12cc0bfc17ff6ee2c5ebb0c4f4dd8a5f4"  # judgements with their split
ARTICLES = "data/articles-wmetrics-reference-json"
ANNOTATIONS = "data/human_annotations.json"
ERROR_TYPES = ("RelE", "EntE", "CircE", "OutE", "GramE", "CorefE", "LinkE", "Other")
HALVES = {"cnndm": "cnndm", "bbc": "xsum"}
EVIDENCE_SENTENCES = 3


class ConversionError(Exception):
    pass


def git_show(repo: Path, commit: str, path: str) -> Any:
    done = subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True, check=False
    )
    if done.returncode:
        raise ConversionError(
            f"{repo}: no {path} at {commit[:12]}; clone FRANK with its history "
            "(git clone https://github.com/artidoro/frank DIR)"
        )
    try:
        return json.loads(done.stdout)
    except ValueError as error:
        raise ConversionError(f"{repo}: {path} at {commit[:12]} is not JSON ({error})") from None


def git_files(repo: Path, commit: str, folder: str) -> list[str]:
    done = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "--name-only", f"{commit}:{folder}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise ConversionError(f"{repo}: no {folder} at {commit[:12]}; clone FRANK with its history")
    return done.stdout.split()


_DETERMINER = re.compile(r"^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\s+", re.I)
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-lrb-": "(", "-rrb-": ")"}
_SPLIT_THOUSANDS = re.compile(r"(?<=\d), (?=\d{3}\b)")  # "£50, 000" is £50,000
# Words a summariser's vocabulary lacked: the sentence no longer says what was judged readable
_UNKNOWN = re.compile(r"\[?\bUNK\b\]?")


def detokenised(line: str) -> str:
    """A tokenised summary ("Kilmarnock 's manager on Friday .") as the article that was judged
    writes it."""
    for bracket, mark in _BRACKETS.items():
        line = line.replace(bracket, mark)
    return reattached(_SPLIT_THOUSANDS.sub(",", line.replace("\\'", "'"))).strip()


def content_words(text: str) -> set[str]:
    return {w.text.casefold() for w in tokens(text)} - FUNCTION_WORDS


def evidence_for(statement: str, article: Sequence[str], mode: str) -> list[str]:
    """The whole article, or the sentences with the most content words in common, in article order."""
    if mode == "article":
        return list(article)
    words = content_words(statement)
    ranked = sorted(range(len(article)), key=lambda i: (-len(words & content_words(article[i])), i))
    return [article[i] for i in sorted(ranked[:EVIDENCE_SENTENCES])]


def actor_table(article: dict[str, Any]) -> list[list[str]]:
    """The article's named actors, as a briefing's actor table would hold them: the noun phrases
    FRANK lists for the article whose every word is capitalised (a lone word only if the article
    never writes it in lower case: 'Coaches' opening a sentence is no name; a determiner before it
    and a possessive ending after it are dropped), with a surname the article writes alone,
    resolved into actors by summarizer's own resolution ('Gary Locke' and 'Locke' are one)."""
    text = " ".join(article["article_lines"])
    words = tokens(text)
    lower = {_bare(w.text) for w in words if w.text.islower()}
    alone = {_bare(w.text) for w in words if w.text[:1].isupper() and not opens_sentence(text, w.start)}
    names = []
    for chunk in article.get("entity_counter", {}):
        name = _bare(_DETERMINER.sub("", chunk))  # 'The Spaniard' is 'Spaniard', a word like any other
        if all(word[:1].isupper() for word in name.split()) and (
            len(name.split()) > 1 or name.casefold() not in lower
        ):
            names.append(name)
            # a person's surname, where the article writes it alone ("Bouchard's serve"), is a
            # name the briefing's table gives them too; FRANK gives no kinds, so a last word that
            # no dictionary has stands for a surname ('Cup' of 'FA Cup' is none)
            last = name.split()[-1]
            if len(name.split()) > 1 and last in alone and not in_dictionary(last):
                names.append(last)
    return [
        cluster.surface_forms for cluster in resolve([Mention("A", name) for name in dict.fromkeys(names)])
    ]


def _bare(name: str) -> str:
    """A name without its possessive ending: "Eugenie Bouchard's" is the actor 'Eugenie Bouchard'."""
    return re.sub(r"['’]s$", "", name)


def pairs(
    annotations: list[dict[str, Any]], articles: dict[str, dict[str, Any]], mode: str, left: Counter[str]
) -> Iterator[dict[str, Any]]:
    """The pairs of every summary whose sentences share one label; ``left`` counts what is left out."""
    for judged in annotations:
        share = judged["Factuality"]
        article = articles.get(judged["hash"])
        if article is None:
            left["summaries without their article"] += 1
            continue
        if share not in (0.0, 1.0):
            left["summaries of mixed judgement"] += 1
            continue
        faithful = share == 1.0
        errors = [] if faithful else [t for t in ERROR_TYPES if judged[t] < 1.0]
        lines = [detokenised(line) for line in article[f"{judged['model_name']}_lines"]]
        sentences = [s for s in article["article_lines"] if s.strip()]
        actors = actor_table(article)
        for n, line in enumerate(lines, start=1):
            if _UNKNOWN.search(line):
                left["sentences with a word the summariser lacked (UNK)"] += 1
                continue
            if not line:
                continue
            yield {
                "faithful": faithful,
                "kind": HALVES[judged["dataset"]],
                "made": f"{judged['model_name']} summary, sentence {n}, {judged['split']} split",
                "statement": line,
                "evidence": evidence_for(line, sentences, mode),
                "actors": actors,
                "errors": errors,
                "split": judged["split"],
                "from": f"frank/{judged['hash']}",
            }


def convert(
    repo: Path, mode: str, articles_at: str = ARTICLES_COMMIT, annotations_at: str = ANNOTATIONS_COMMIT
) -> tuple[list[dict[str, Any]], Counter[str]]:
    annotations = git_show(repo, annotations_at, ANNOTATIONS)
    articles = {}
    for name in git_files(repo, articles_at, ARTICLES):
        article = git_show(repo, articles_at, f"{ARTICLES}/{name}")
        articles[str(article["hash"])] = article
    left: Counter[str] = Counter()
    made = [
        {"id": f"F{i}", **pair} for i, pair in enumerate(pairs(annotations, articles, mode, left), start=1)
    ]
    return made, left


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("frank", type=Path, help="a git clone of github.com/artidoro/frank, with its history")
    parser.add_argument("-o", "--output", type=Path, default=Path("eval/frank-pairs.json"))
    parser.add_argument("--evidence", choices=["top3", "article"], default="top3")
    parser.add_argument("--articles-at", default=ARTICLES_COMMIT, help="the commit that holds the articles")
    parser.add_argument("--annotations-at", default=ANNOTATIONS_COMMIT, help="the commit of the judgements")
    args = parser.parse_args(argv)
    if not (args.frank / ".git").exists() and not (args.frank / "HEAD").exists():
        print(f"{args.frank}: not a git clone of FRANK (git clone https://github.com/artidoro/frank DIR)")
        return 2
    try:
        made, left = convert(args.frank, args.evidence, args.articles_at, args.annotations_at)
    except ConversionError as error:
        print(error)
        return 2
    except (KeyError, TypeError) as error:
        print(f"{args.frank}: not FRANK's data as converted here (no field {error})")
        return 2
    about = (
        "Sentences of machine summaries judged consistent or not with their article by people "
        "(FRANK, github.com/artidoro/frank, MIT licence), converted by scripts/convert_frank.py. "
        f"Evidence: {args.evidence}. 'actors' are the article's named actors, resolved as a briefing's would be. Only summaries judged all consistent or all inconsistent are "
        "kept, so each sentence's label is known, and sentences with a word their summariser lacked "
        "(UNK) are left out; 'errors' are the error types of its summary."
    )
    faithful = sum(p["faithful"] for p in made)
    document = {"about": about, "faithful": faithful, "unfaithful": len(made) - faithful, "pairs": made}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    partial = args.output.with_name(args.output.name + ".partial")
    partial.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(args.output)
    print(
        f"{args.output}: {len(made)} pairs ({faithful} consistent, {len(made) - faithful} not); left out: "
        + (", ".join(f"{n} {what}" for what, n in sorted(left.items())) or "nothing")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
