"""scripts/convert_frank.py on a small repository laid out as FRANK's is (English examples written
here, not FRANK's data): which sentences become pairs, with what label and evidence, and what
`summarizer eval support` prints of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import main

ARTICLE = {
    "hash": "a1",
    "article_lines": [
        "Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday.",
        "The club's board met on Thursday.",
        "Locke replaced Allan Johnston in February.",
        "The weather in Ayrshire was mild.",
        "Locke, 39, paid tribute to his players.",
        "Fans cheered when Johnston's name was read.",
    ],
    "bart_lines": ["Gary Locke will be confirmed as Kilmarnock 's permanent manager on Friday ."],
    "pgn_lines": ["Locke replaced Allan Johnston in March .", "Locke , 40 , paid tribute to his players ."],
    "s2s_lines": ["Locke is 39 .", "Locke replaced UNK in February ."],
    "bus_lines": ["the club 's UNK met on thursday ."],
    "entity_counter": {
        "Gary Locke": 1,
        "Locke": 3,
        "Kilmarnock's permanent manager": 1,
        "The Club": 1,
        "Allan Johnston's": 1,
        "Ayrshire": 1,
    },  # fmt: skip
}


def judged(model: str, factuality: float, **errors: float) -> dict[str, object]:
    types = {
        t: errors.get(t, 1.0) for t in ("RelE", "EntE", "CircE", "OutE", "GramE", "CorefE", "LinkE", "Other")
    }
    return {
        "hash": "a1",
        "model_name": model,
        "dataset": "cnndm",
        "Factuality": factuality,
        "split": "test",
        **types,
    }


@pytest.fixture
def frank(tmp_path: Path) -> Path:
    repo = tmp_path / "frank"
    (repo / "data" / "articles-wmetrics-reference-json").mkdir(parents=True)
    (repo / "data" / "articles-wmetrics-reference-json" / "a1.json").write_text(json.dumps(ARTICLE))
    annotations = [
        judged("bart", 1.0),
        judged("pgn", 0.0, CircE=0.0, EntE=0.5),
        judged("s2s", 0.5),  # one sentence right, one wrong: which is not said, so left out
        judged("bus", 1.0),  # its one sentence has a word its summariser lacked
    ]
    (repo / "data" / "human_annotations.json").write_text(json.dumps(annotations))
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "data"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repo), *command],
            check=True,
        )
    return repo


def convert(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "convert_frank.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_each_sentence_of_a_summary_judged_whole_is_a_pair(root: Path, frank: Path, tmp_path: Path) -> None:
    out = tmp_path / "frank-pairs.json"
    done = convert(root, str(frank), "-o", str(out), "--articles-at", "HEAD", "--annotations-at", "HEAD")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 pairs (1 consistent, 2 not)" in done.stdout
    assert "1 summaries of mixed judgement" in done.stdout and "1 sentences with a word" in done.stdout
    pairs = json.loads(out.read_text())["pairs"]
    first, moved, aged = pairs
    # the tokenised summary reads as the article writes it
    assert first["statement"] == "Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday."
    assert first["faithful"] and first["errors"] == [] and first["kind"] == "cnndm"
    assert not moved["faithful"] and moved["errors"] == ["EntE", "CircE"]
    # the article's named actors, resolved: 'Club' is a word the article writes in lower case too;
    # "Allan Johnston's" is Allan Johnston, whom the article also names by his surname alone
    assert first["actors"] == [["Gary Locke", "Locke"], ["Allan Johnston", "Johnston"], ["Ayrshire"]]
    # the three sentences with most words in common, in the article's order
    assert aged["evidence"] == [
        ARTICLE["article_lines"][0],
        ARTICLE["article_lines"][2],
        ARTICLE["article_lines"][4],
    ]

    table = CliRunner().invoke(main, ["eval", "support", str(out)])
    assert table.exit_code == 0, table.output
    row = next(line for line in table.stdout.splitlines() if line.startswith("cnndm ") and "/" in line)
    # 'March' and '40' are in none of the evidence; the consistent sentence is not flagged
    assert row.split()[:4] == ["cnndm", "1.000", "(2/2)", "0.000"]
    assert "CircE 1.000 (2/2)" in table.stdout and "EntE 1.000 (2/2)" in table.stdout
    assert "published detectors on FRANK" in table.stdout


def test_whole_article_as_evidence(root: Path, frank: Path, tmp_path: Path) -> None:
    out = tmp_path / "frank-article.json"
    done = convert(root, str(frank), "-o", str(out), "--evidence", "article", "--articles-at", "HEAD",
                   "--annotations-at", "HEAD")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert all(p["evidence"] == ARTICLE["article_lines"] for p in json.loads(out.read_text())["pairs"])


def test_without_the_data_one_line_says_where_to_get_it(root: Path, frank: Path, tmp_path: Path) -> None:
    out = tmp_path / "frank-pairs.json"
    missing = convert(root, str(tmp_path / "nowhere"), "-o", str(out))
    assert missing.returncode == 2 and "git clone https://github.com/artidoro/frank" in missing.stdout
    # a clone without the commit that held the articles (FRANK's head no longer has them)
    shallow = convert(root, str(frank), "-o", str(out))
    assert shallow.returncode == 2
    assert shallow.stdout.count("\n") == 1 and "clone FRANK with its history" in shallow.stdout
    assert "Traceback" not in shallow.stdout + shallow.stderr and not out.exists()
