"""summarizer check on the golden briefing, and on tampered copies of it."""

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from summarizer import Briefing, Document, check_briefing, load_document
from summarizer.actors import name_key
from summarizer.cli import main
from summarizer.dates import is_value
from summarizer.store import load_briefing, read_sources

GOLDEN = Path(__file__).parent / "snapshots" / "seeds_briefing.json"


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    monkeypatch.chdir(root)  # the briefing names its sources relative to where it was made


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def tampered(tmp_path: Path, change: Any) -> str:
    data = json.loads(GOLDEN.read_text())
    change(data)
    path = tmp_path / "briefing.json"
    path.write_text(json.dumps(data))
    return str(path)


def test_golden_briefing_passes(seeds: list[Path]) -> None:
    assert run(str(GOLDEN)) == (0, "", f"{GOLDEN}: ok\n")
    assert run(str(GOLDEN), *map(str, seeds))[0] == 0


def test_a_briefing_saved_before_quotations_were_split_is_checked_as_it_was_split(
    tmp_path: Path, seeds: list[Path]
) -> None:
    """A version 3 briefing records no splitting: its articles are split as they were then
    (sentencex alone, '“It’s worrisome. It doesn’t look...” Kirby said.' one sentence, A7), so
    its citations hold; read as articles are split now, they would point at other sentences."""
    saved = Path(__file__).parent / "data" / "seeds_briefing_v3.json"
    assert json.loads(saved.read_text())["schema_version"] == "3"
    assert run(str(saved), *map(str, seeds)) == (0, "", f"{saved}: ok\n")
    briefing, base = load_briefing(saved)
    sources = {s.id: s for s in read_sources(briefing, [], base)[0]}
    assert {s.splitting for s in sources.values()} == {1}
    assert sources["A"].sentences[6].text.startswith("“It’s worrisome. It doesn’t look")
    # the same briefing told its sources were split as now fails: its ids are off by one
    data = json.loads(saved.read_text())
    for record in data["sources"]:
        record["splitting"] = 2
    now = tmp_path / "now.json"
    now.write_text(json.dumps(data))
    code, out, _ = run(str(now), *map(str, seeds))
    assert code == 1 and "cited_sentences[4] A7: differs from the sentence in the source" in out
    # an extraction carried that says it was made from another splitting than its source's
    data = json.loads(GOLDEN.read_text())
    data["extractions"][0]["source"]["splitting"] = 1
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps(data))
    code, out, _ = run(str(mixed), *map(str, seeds))
    assert code == 1
    assert out.startswith(
        "extractions[0] (A): was made from the text split into sentences another way (splitting 1) than "
        "the source's (splitting 5)"
    )


def test_edited_quote(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["claims"][2]["citations"][0]["quote"] = "categorically confirmed"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.startswith("claims[2].citations[0]: quote 'categorically confirmed' is not at ")


def test_changed_source_text(tmp_path: Path, seeds: list[Path]) -> None:
    edited = tmp_path / "seed.txt"
    edited.write_text(seeds[0].read_text().replace("categorically denied", "flatly denied"))
    code, out, _ = run(str(GOLDEN), str(edited), str(seeds[1]))
    assert code == 1
    assert out == (
        "source A (seeds/000_03079551f3923d2c.txt): none of the given files has this source's text (sha256 differs)\n"
    )


def test_dangling_actor_and_bad_date(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["claims"][0]["made_by"] = ["P99"]
        data["timeline"][1]["date"]["value"] = "2023-09-31x"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.splitlines() == [
        "claims[0].made_by: refers to actor 'P99', which the briefing does not list",
        "timeline[1] E2: date '2023-09-31x' is not a TIMEX3 value of a day, week or period on the calendar",
    ]


def test_unknown_sentence_and_schema_violation(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["bottom_line"][0]["citations"][0]["sentence_id"] = "A99"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1 and "bottom_line[0].citations[0]: cites A99, which cited_sentences does not list" in out
    assert "bottom_line[0].citations[0]: sentence A99 does not exist in its source" in out

    code, out, _ = run(tampered(tmp_path, lambda data: data.pop("title")), "--format", "json")
    assert code == 1
    assert json.loads(out) == {
        "ok": False,
        "problems": [{"where": "title", "what": "Field required (schema)"}],
    }


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(str(tmp_path / "missing.json"))[0] == 2
    code, _, err = run(str(GOLDEN), str(tmp_path / "missing.txt"))
    assert code == 2 and err == f"summarizer: error: {tmp_path / 'missing.txt'}: no such file\n"


def test_an_uncited_statement_is_a_problem(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["key_points"][1]["citations"] = []
        data["discrepancies"][0]["positions"][0]["citations"] = []

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.splitlines() == [
        "key_points[1]: cites nothing; every statement must cite the sentences it rests on",
        "discrepancies[0].positions[0]: cites nothing; every statement must cite the sentences it rests on",
    ]


@pytest.mark.parametrize(
    ("version", "splitting"),
    [
        ("4", 2),  # kept a quotation mark that opens a sentence at the end of the one before
        ("5", 3),  # read an apostrophe before a year's digits ('11) as a quotation mark
        ("6", 4),  # let a word in small letters open a sentence ('Wash. company's')
        ("7", 5),  # knew no fault of the rule 'wording'
    ],
)
def test_a_briefing_saved_at_an_earlier_version_is_read_and_checked_as_it_was_split(
    seeds: list[Path], version: str, splitting: int
) -> None:
    """Each version records the splitting of its day; it is read, and its sources split as they
    were then, so its citations still hold."""
    saved = Path(__file__).parent / "data" / f"seeds_briefing_v{version}.json"
    assert json.loads(saved.read_text())["schema_version"] == version
    assert run(str(saved), *map(str, seeds)) == (0, "", f"{saved}: ok\n")
    briefing, base = load_briefing(saved)
    assert {s.splitting for s in read_sources(briefing, [], base)[0]} == {splitting}


def test_unknown_fields_are_reported_and_an_unknown_version_refused(tmp_path: Path) -> None:
    code, out, _ = run(tampered(tmp_path, lambda data: data["claims"][0].update({"verified_by": "me"})))
    assert (code, out) == (1, "claims.0.verified_by: Extra inputs are not permitted (schema)\n")
    path = tampered(tmp_path, lambda data: data.update({"schema_version": "10"}))
    code, out, err = run(path)
    assert (code, out) == (2, "")
    assert (
        err
        == f"summarizer: error: {path}: is a briefing of schema version '10'; this summarizer reads versions 1, 2, 3, 4, 5, 6, 7, 8\n"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02\x03" * 100, "looks like binary data, not text"),
        (b"[" * 100_000, "is not usable JSON (nested too deeply)"),
    ],
)
def test_an_unreadable_briefing_is_told_as_brief_tells_it(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "briefing.json"
    path.write_bytes(content)
    assert run(str(path)) == (2, "", f"summarizer: error: {path}: {problem}\n")


def test_a_briefing_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["check", "-"], input=GOLDEN.read_bytes())
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_render_a_saved_briefing_without_a_model(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"note.{fmt}"
    result = CliRunner().invoke(main, ["render", str(GOLDEN), "--format", fmt, "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    text = out.read_text()
    if fmt == "md":
        assert text == (GOLDEN.parent / "seeds_briefing.md").read_text()  # the same note as brief wrote
    elif fmt == "json":
        assert text == GOLDEN.read_text()
    else:
        assert text.startswith("<!DOCTYPE html>") and 'id="s-B20"' in text  # every sentence of the articles


def test_the_output_files_suffix_names_the_format_unless_one_is_given(tmp_path: Path) -> None:
    """A note written to note.json is JSON, to note.html a page, to note.md or notes.txt Markdown;
    --format, where given, wins."""
    expected = {
        "note.json": GOLDEN.read_text(),
        "note.md": (GOLDEN.parent / "seeds_briefing.md").read_text(),
        "notes.txt": (GOLDEN.parent / "seeds_briefing.md").read_text(),
    }
    for name, text in expected.items():
        result = CliRunner().invoke(main, ["render", str(GOLDEN), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).read_text() == text, name
    assert CliRunner().invoke(main, ["render", str(GOLDEN), "-o", str(tmp_path / "page.HTML")]).exit_code == 0
    assert (tmp_path / "page.HTML").read_text().startswith("<!DOCTYPE html>")
    given = tmp_path / "given.json"
    assert (
        CliRunner().invoke(main, ["render", str(GOLDEN), "--format", "md", "-o", str(given)]).exit_code == 0
    )
    assert given.read_text() == expected["note.md"]


def test_render_shows_cited_sentences_only_when_a_source_is_not_at_hand(tmp_path: Path) -> None:
    data = json.loads(GOLDEN.read_text())
    data["sources"][1]["name"] = "gone.txt"
    path = tmp_path / "briefing.json"
    path.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["render", str(path), "--format", "html"])
    assert result.exit_code == 0
    assert "source B (gone.txt): cannot be read to verify it" in result.stderr
    assert 'id="s-B8"' in result.stdout and 'id="s-B1"' not in result.stdout  # B1 is not cited
    assert "The article&#39;s text is not at hand" in result.stdout


def test_the_shipped_example_is_the_seeds_briefing(root: Path) -> None:
    assert (root / "examples" / "seeds_briefing.json").read_text() == GOLDEN.read_text()


@pytest.mark.parametrize(
    ("where", "old", "new", "rule"),
    [
        ("key_points[3]", "about 20 vehicles", "about 30 vehicles", 'number "30"'),
        ("key_points[0]", "Antony Blinken", "Jake Sullivan", 'name "Jake Sullivan"'),
        ("bottom_line[1]", "24 September", "25 September", 'date "25 September"'),
        ("claim C3 explanation", "Vucic denies", "Vucic confirms", 'polarity "confirms"'),
        ("claim C1 explanation", "Kosovo accuses Serbia", "Serbia accuses Kosovo", 'role "Serbia"'),
    ],
)
def test_a_statement_edited_to_say_what_its_citations_do_not_fails(
    tmp_path: Path, where: str, old: str, new: str, rule: str
) -> None:
    def change(data: dict) -> None:
        if where.startswith("claim "):
            claim = next(c for c in data["claims"] if c["id"] == where.split()[1])
            assert old in claim["explanation"]
            claim["explanation"] = claim["explanation"].replace(old, new)
            return
        section, index = where.rstrip("]").split("[")
        statement = data[section][int(index)]
        assert old in statement["text"]
        statement["text"] = statement["text"].replace(old, new)

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith(f"{where}: '") and new in line
    assert f"is not supported by its citations: {rule}" in line


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "2023-W99", "2023-W53", "2023-13"])
def test_a_date_off_the_calendar(tmp_path: Path, value: str) -> None:
    def change(data: dict) -> None:
        data["timeline"][1]["date"]["value"] = value

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out.splitlines()) == (
        1,
        [f"timeline[1] E2: date {value!r} is not a TIMEX3 value of a day, week or period on the calendar"],
    )


def extraction_of(data: dict, source: str) -> dict:
    return next(e for e in data["extractions"] if e["source"]["id"] == source)


def test_a_rewritten_event_of_an_extraction(tmp_path: Path) -> None:
    """What an update merges again is checked as the note is: an event rewritten to say what its
    sentence does not is caught, though no statement of the note changed."""

    def change(data: dict) -> None:
        extraction_of(data, "A")["events"][0]["what"] = "NATO troops shelled Belgrade on 3 March 2021."

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.startswith("extractions[0] (A).events[0].what: 'NATO troops shelled Belgrade")
    assert "is not supported by its citations" in out


def test_an_act_that_its_event_does_not_cite(tmp_path: Path) -> None:
    """The act joins reports of one event in the merge: one its sentences lack is caught."""

    def change(data: dict) -> None:
        extraction_of(data, "A")["events"][0]["act"] = "invasion"

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out) == (
        1,
        "extractions[0] (A).events[0].act: 'invasion' is in none of the sentences it cites\n",
    )


def test_a_place_that_no_cited_sentence_names(tmp_path: Path) -> None:
    """The note shows an event's place: one its sentences do not name is caught, in the note's
    timeline and in the extraction an update merges again; one they name in other small words is not."""

    def change(data: dict) -> None:
        row = next(e for e in data["timeline"] if e["id"] == "E3")
        assert row["where"] == "northeastern region of Kosovo"
        row["where"] = "Belgrade"
        extraction_of(data, "A")["events"][0]["where"] = "the Serbian capital"
        data["timeline"][1]["where"] = "Kosovo border"  # 'border with Kosovo', as its sentence has it

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out.splitlines()) == (
        1,
        [
            "timeline E3: place 'Belgrade' is named in none of its cited sentences",
            "extractions[0] (A).events[0].where: 'the Serbian capital' is named in none of the sentences it cites",
        ],
    )


def test_a_participant_that_no_cited_sentence_names(tmp_path: Path) -> None:
    """The note shows who took part in an event: a participant its sentences do not name is
    caught, in the note's timeline and in the extraction an update merges again."""

    def change(data: dict) -> None:
        row = next(e for e in data["timeline"] if e["id"] == "E8")
        row["participants"].append({"actor": "P15", "role": "listened in"})  # Jens Stoltenberg
        extraction_of(data, "A")["events"][0]["participants"].append(
            {"actor": "Antony Blinken", "role": "watched"}
        )

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out.splitlines()) == (
        1,
        [
            "timeline E8: participant 'Jens Stoltenberg' (P15) is named in none of its cited sentences",
            "extractions[0] (A).events[0].participants[2]: 'Antony Blinken' is named in none of the sentences "
            "it cites",
        ],
    )


def test_a_name_the_article_does_not_use_is_caught(tmp_path: Path) -> None:
    """Resolution joins actors by their names: another name an extraction gives must be the
    article's, and every name the actor table lists one its source's extraction gives."""

    def change(data: dict) -> None:
        extraction_of(data, "A")["actors"][0]["aliases"].append("the Butcher")
        data["actors"][0]["surface_forms"].append({"text": "Uncle Sam", "sources": ["B"]})

    code, out, _ = run(tampered(tmp_path, change))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    assert lines[0] == "actors P1: name 'Uncle Sam' is no name source B's extraction gives"
    assert lines[1].startswith("extractions[0] (A).actors[0].aliases[") and lines[1].endswith(
        "]: 'the Butcher' is not in A's text"
    )


def test_a_renamed_actor_of_an_extraction(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        actor = extraction_of(data, "B")["actors"][0]
        actor["name"], actor["aliases"] = "Vladimir Putin", []

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert "extractions[1] (B).actors[0]: 'Vladimir Putin' is named in none of the sentences it cites" in out


def test_an_extraction_quote_moved(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        citation = extraction_of(data, "A")["claims"][0]["citations"][0]
        citation["start"] += 3

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.startswith("extractions[0] (A).claims[0].citations[0]: quote ")


def test_a_party_that_is_no_actor(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        extraction_of(data, "A")["claims"][0]["made_by"] = "Someone Unlisted"

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out) == (1, "extractions[0] (A).claims[0].made_by: 'Someone Unlisted' is no actor of A\n")


@pytest.mark.parametrize("edit", ["missing", "twice", "foreign"])
def test_extractions_that_do_not_match_the_sources(tmp_path: Path, edit: str) -> None:
    def change(data: dict) -> None:
        if edit == "missing":
            data["extractions"] = [e for e in data["extractions"] if e["source"]["id"] != "B"]
        elif edit == "twice":
            data["extractions"].append(extraction_of(data, "A"))
        else:
            extraction_of(data, "B")["source"]["id"] = "Z"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    expected = {
        "missing": "source B: was extracted, but the briefing carries no extraction of it",
        "twice": "extractions[2] (A): is one of 2 extractions of source A; a source has one",
        "foreign": "extractions[1] (Z): is the extraction of 'Z', which no extracted source of the briefing is",
    }[edit]
    assert expected in out.splitlines()


EDITS = ["offset", "sentence id", "quote", "actor name", "party", "date", "extraction dropped"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(edit="party", pick=0, text="AK")  # initials that name a party of the claim's source
@example(edit="party", pick=0, text="JOK")  # letters of each of John Kirby's names: no name of his
@given(
    edit=st.sampled_from(EDITS),
    pick=st.integers(min_value=0, max_value=10_000),
    text=st.text(min_size=1, max_size=30),
)
def test_check_flags_every_edit_that_matters(seeds: list[Path], edit: str, pick: int, text: str) -> None:
    """A valid briefing edited at random (what its citations point at, an extraction's actor or
    party, a date, the extractions themselves): ``check`` flags it, or the edit changed nothing
    that it vouches for (the text drawn happens to be what was there, or to hold as well)."""
    data = json.loads(GOLDEN.read_text())
    extraction = data["extractions"][pick % len(data["extractions"])]
    citations = [c for item in data["claims"] + data["timeline"] for c in item["citations"]]
    citation = citations[pick % len(citations)]
    harmless = False
    if edit == "offset":
        shift = 1 + pick % 7
        citation["start"] += shift
        citation["end"] += shift
    elif edit == "sentence id":
        other = [s["id"] for s in data["cited_sentences"] if s["id"] != citation["sentence_id"]]
        citation["sentence_id"] = other[pick % len(other)]
    elif edit == "quote":
        harmless = text == citation["quote"]
        citation["quote"] = text
    elif edit == "actor name":
        actor = extraction["actors"][pick % len(extraction["actors"])]
        cited = {c["sentence_id"] for c in actor["citations"]}
        texts = [s["text"].casefold() for s in data["cited_sentences"] if s["id"] in cited]
        harmless = bool(text.strip()) and any(text.strip().casefold() in t for t in texts)  # named there too
        actor["name"] = text
    elif edit == "party":
        claim = extraction["claims"][pick % len(extraction["claims"])]
        known = {name_key(form) for a in extraction["actors"] for form in (a["name"], *a["aliases"])}
        initials = {
            "".join(w[0] for w in form.split()).upper()
            for a in extraction["actors"]
            for form in (a["name"], *a["aliases"])
            if len(form.split()) > 1
        }
        harmless = name_key(text) in known or text.strip() in initials  # 'AK' for Albin Kurti
        claim["made_by"] = text
    elif edit == "date":
        harmless = is_value(text)
        data["timeline"][pick % len(data["timeline"])]["date"]["value"] = text
    else:
        data["extractions"].remove(extraction)
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError:
        return  # not a briefing at all: check says so in its schema problems
    problems = check_briefing(briefing, [load_document(p) for p in seeds])
    assert problems or harmless, f"{edit} went unnoticed"


@pytest.mark.parametrize("device", ["fifo", "/dev/zero"])
def test_a_source_named_as_a_pipe_or_device_is_a_problem_not_a_hang(tmp_path: Path, device: str) -> None:
    """A briefing names the files it was made from; one that names a FIFO or a device would make
    check and render wait for input forever."""
    name = str(tmp_path / "fifo") if device == "fifo" else device
    if device == "fifo":
        os.mkfifo(name)

    def change(data: dict) -> None:
        data["sources"][0]["name"] = name

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 2  # a source that cannot be read: the briefing could not be checked whole
    assert f"source A ({name}): {name} is not a regular file, so not the article it names" in out.splitlines()
    briefing = tampered(tmp_path, change)
    rendered = CliRunner().invoke(main, ["render", briefing, "--format", "md"])
    assert rendered.exit_code == 0 and "is not a regular file" in rendered.stderr


def test_a_source_that_is_missing_exits_2(tmp_path: Path) -> None:
    """As the README says: 2 when a source cannot be read; what could be checked is listed."""

    def change(data: dict) -> None:
        data["sources"][1]["name"] = "gone/article.txt"

    code, out, err = run(tampered(tmp_path, change))
    assert code == 2
    assert out.startswith("source B (gone/article.txt): cannot be read to verify it (")
    assert err.endswith(": 1 problem\n")


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ("number", 'has schema_version 3, a number: a briefing writes it as a string, "3"'),
        (
            "missing",
            "is not a briefing: it has no schema_version (this summarizer reads 1, 2, 3, 4, 5, 6, 7, 8)",
        ),
        ("array", "is not a briefing: a briefing is a JSON object (`summarizer schema` shows it)"),
    ],
)
def test_a_briefing_without_a_readable_version_says_what_is_wrong(
    tmp_path: Path, edit: str, said: str
) -> None:
    data = json.loads(GOLDEN.read_text())
    if edit == "number":
        data["schema_version"] = 3
    elif edit == "missing":
        del data["schema_version"]
    path = tmp_path / "b.json"
    path.write_text(json.dumps([data] if edit == "array" else data))
    assert run(str(path)) == (2, "", f"summarizer: error: {path}: {said}\n")


def test_a_date_its_expressions_do_not_say(tmp_path: Path) -> None:
    """A timeline value on the calendar, but not the day its expression names where it is said."""

    def change(data: dict) -> None:
        event = next(e for e in data["timeline"] if e["date"]["expressions"].get("A") == "Sunday (Sep 24)")
        event["date"]["value"] = "2023-09-25"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert "date '2023-09-25' is not what its expressions say ('Sunday (Sep 24)' is 2023-09-24)" in out


def test_a_briefing_larger_than_an_article_may_be_is_read(tmp_path: Path) -> None:
    """A briefing of a few hundred articles passes the articles' 5 MB: the tool reads its own
    output (render, check, --since) all the same."""

    def change(data: dict) -> None:
        data["warnings"] += [f"note {i}: " + "x" * 1000 for i in range(6000)]  # some 6 MB

    big = tampered(tmp_path, change)
    assert Path(big).stat().st_size > 5 * 1024 * 1024
    code, out, err = run(big)
    assert (code, out) == (0, ""), out
    rendered = CliRunner().invoke(main, ["render", big, "--format", "md"])
    assert rendered.exit_code == 0 and "note 5999" in rendered.stdout


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("claim", "claim C1: lists sources ['A', 'B'] but cites sources ['A']"),
        ("event", "timeline E1: lists sources ['A', 'B'] but cites sources ['B']"),
    ],
)
def test_a_source_listed_but_not_cited_is_a_problem(tmp_path: Path, item: str, expected: str) -> None:
    """An event or claim lists the sources that report it, and so says how well it is
    corroborated: the list must be the sources of its citations."""

    def change(data: dict) -> None:
        (data["claims"] if item == "claim" else data["timeline"])[0]["sources"] = ["A", "B"]

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1 and expected in out.splitlines()


def test_a_status_given_by_rule_must_be_the_rules(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        claim = data["claims"][0]  # one source, nobody against it: single_source by rule
        claim.update(status="corroborated", status_by="rule", explanation=None, explanation_citations=[])

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1 and "claim C1: status corroborated is not the rule's (single_source)" in out.splitlines()


def test_a_figure_its_sentences_do_not_state_is_a_problem(tmp_path: Path) -> None:
    """An event's figures, each source's, are what the sentences it cites from that source state:
    in the note, and in the extraction an update merges again."""

    def change(data: dict) -> None:
        event = next(e for e in data["timeline"] if e["quantities"])
        source = next(iter(event["quantities"]))
        event["quantities"][source][0] = "400 people killed"
        extraction_of(data, "A")["events"][0]["quantities"][0]["value"] = "forty"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert "timeline E3: source A's figure '400 people killed': 400 is in none of its cited sentences" in out
    assert "extractions[0] (A).events[0].quantities[0]: 'forty' is in none of the sentences it cites" in out


def test_what_a_source_record_says_of_its_article_is_vouched_for(tmp_path: Path) -> None:
    """A note that credits an article to another outlet, retitles it, redates it (so its relative
    dates would be read from another day) or names outlets its claims do not report through is
    caught; what the user gave instead of the article (--title, ...) is the user's word."""

    def forged(data: dict) -> None:
        a, b = data["sources"]
        a["outlet"] = "Reuters"
        a["title"] = "Serbia invades Kosovo"
        b["published"] = "2023-10-02"
        b["cited_outlets"] = ["BBC"]
        a["reference_date"] = "2023-09-28"

    code, out, _ = run(tampered(tmp_path, forged))
    assert code == 1
    lines = out.splitlines()
    for said in (
        "source A (seeds/000_03079551f3923d2c.txt): outlet 'Reuters' is not the article's ('Wions')",
        "source A (seeds/000_03079551f3923d2c.txt): title 'Serbia invades Kosovo' is not the article's "
        "('US urges Serbia to withdraw forces from Kosovo border, NATO bolsters forces')",
        "source B (seeds/002_6f4a12cc5c38a6ff.txt): published '2023-10-02' is not the article's ('2023-09-30')",
        "source B (seeds/002_6f4a12cc5c38a6ff.txt): cited outlets ['BBC'] are not those its claims report through",
        "source A (seeds/000_03079551f3923d2c.txt): reference date '2023-09-28' is not its dates' ('2023-09-29')",
    ):
        assert any(said in line for line in lines), said

    def given_by_the_user(data: dict) -> None:
        a = data["sources"][0]
        a["outlet"], a["read"] = "Reuters", ["title", "published", "url"]  # as --outlet records it

    assert run(tampered(tmp_path, given_by_the_user))[0] == 0


def test_metadata_the_user_gives_is_not_read_from_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Harbour closes\nBy Tom Hale\n\nThe harbour closed on Monday.\n")
    assert load_document(article).read == ("title", "outlet", "published", "url")
    given = load_document(article, outlet="Reuters", published=date(2024, 5, 6))
    assert (given.outlet, given.read) == ("Reuters", ("title", "url"))
    assert Document(name="a.txt", text="The harbour closed.", title="Harbour").read == ()  # all the caller's


def test_what_the_actor_table_records_is_what_the_extractions_give(tmp_path: Path) -> None:
    """An actor's sources, kind, titles, affiliations and citations are made from the carried
    extractions' actors of its names: a table that makes Serbia a person, gives it a title or an
    ally no source gives, or cites a sentence no extraction cites for it, is caught."""
    golden = json.loads(GOLDEN.read_text())
    serbia = next(a for a in golden["actors"] if a["name"] == "Serbia")
    named = {c["sentence_id"] for c in serbia["citations"]}
    elsewhere = next(c for e in golden["timeline"] for c in e["citations"] if c["sentence_id"] not in named)

    def change(data: dict) -> None:
        actor = next(a for a in data["actors"] if a["id"] == serbia["id"])
        actor.update(kind="person", titles=["President"], affiliations=["NATO"], sources=["A"])
        actor["citations"].append(elsewhere)

    code, out, _ = run(tampered(tmp_path, change))
    where = f"actors {serbia['id']}"
    assert code == 1
    assert set(out.splitlines()) >= {
        f"{where}: lists sources ['A'] but its names are used by ['A', 'B']",
        f"{where}: kind 'person' is none its sources give it (['state'])",
        f"{where}: title 'President' is none its sources give it",
        f"{where}: affiliation 'NATO' is none its sources give it",
        f"{where}: cites {elsewhere['sentence_id']}, where its sources do not name it",
    }


def test_the_date_an_event_is_known_by_is_its_own(tmp_path: Path) -> None:
    """A dated event's precision is its value's, and it is reported by no date; an undated one is
    known by the date of its earliest source."""

    def change(data: dict) -> None:
        dated = next(e for e in data["timeline"] if e["date"]["value"] == "2023-W38-WE")
        dated["date"]["precision"] = "year"
        undated = next(e for e in data["timeline"] if e["date"]["value"] is None)
        undated["date"]["reported_by"] = "2020-01-01"
        ids.extend([dated["id"], undated["id"]])

    ids: list[str] = []
    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert "date precision 'year' is not its value's ('2023-W38-WE' is a weekend)" in out
    assert (
        f"timeline {ids[1]}: reported by '2020-01-01', but it is known by the date of its earliest source"
        in out
    )


def test_a_headline_naming_what_the_note_does_not_cite_is_a_problem(tmp_path: Path) -> None:
    """The note's title is the model's headline: its names and figures must stand in the sentences
    the note cites (or an article's title); the golden headline does, a forged one does not."""
    assert run(str(GOLDEN))[0] == 0  # 'US urges Serbia to pull forces back from the Kosovo border...'

    def change(data: dict) -> None:
        data["title"] = "Kosovo says Russia sent 5,000 troops to the border"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    (line,) = [line for line in out.splitlines() if line.startswith("title:")]
    assert (
        "'Kosovo says Russia sent 5,000 troops to the border' is not supported by the sentences the note cites"
        in line
    )
    assert 'number "5,000"' in line and 'name "Russia"' in line


def test_a_disagreement_headed_by_what_its_positions_do_not_cite_is_a_problem(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["discrepancies"][0]["topic"] = "How firmly Vucic denied that Moscow sent tanks"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    (line,) = [line for line in out.splitlines() if line.startswith("discrepancies[0] topic:")]
    assert 'name "Moscow"' in line


def test_a_role_naming_what_its_event_does_not_cite_is_a_problem(tmp_path: Path) -> None:
    """A row shows each actor with its role ('spoke for the White House'): the role's names, dates
    and figures must stand in the sentences its event cites, as a heading's."""

    def change(data: dict) -> None:
        event = next(e for e in data["timeline"] if e["participants"])
        event["participants"][0]["role"] = "spoke for the Kremlin"

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    (line,) = [line for line in out.splitlines() if "role:" in line]
    assert line.startswith("timeline[") and "participants[0] role:" in line
    assert "'spoke for the Kremlin' is not supported by its event's citations" in line
    assert 'name "Kremlin"' in line


def test_a_forged_statement_of_any_length_is_one_problem_of_one_short_line(tmp_path: Path) -> None:
    """A statement longer than any may be is refused unread (reading it costs the square of its
    names), and the problem quotes its start and says how long it is."""
    forged = " ".join(["Vucic and Kurti met Blinken"] * 5000)

    def change(data: dict) -> None:
        data["key_points"][0]["text"] = forged

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith("key_points[0]: 'Vucic and Kurti met Blinken")
    assert f"... ({len(forged):,} characters) is not supported by its citations" in line
    assert line.endswith(f"is {len(forged):,} characters long; a statement says one thing, in at most 2,000")
    assert len(line) < 2400


def test_an_actor_is_shown_under_one_of_the_names_its_sources_use(tmp_path: Path) -> None:
    """The note shows each actor by its name: a name none of its sources uses is forged."""
    code, out, _ = run(tampered(tmp_path, lambda data: data["actors"][0].update({"name": "Zebulon Quark"})))
    assert code == 1
    assert out.splitlines() == ["actors P1: name 'Zebulon Quark' is none of its names the sources use"]


def test_a_forged_quote_of_any_length_is_quoted_by_its_start(tmp_path: Path) -> None:
    forged = "x" * 200_000
    code, out, _ = run(
        tampered(tmp_path, lambda data: data["key_points"][0]["citations"][0].update({"quote": forged}))
    )
    assert code == 1
    (line,) = out.splitlines()
    assert "... (200,000 characters) is not at " in line and len(line) < 2400


def test_a_timeline_date_no_cited_sentence_writes_is_a_problem(tmp_path: Path) -> None:
    """A row's date is read from how its sources write it: a date made up and read consistently
    ('Tuesday (Sep 26)', 2023-09-26) is vouched for by no sentence the row cites."""

    def change(data: dict) -> None:
        row = next(r for r in data["timeline"] if r["date"]["expressions"].get("A") == "Thursday (Sep 28)")
        row["date"].update({"value": "2023-09-26", "expressions": {"A": "Tuesday (Sep 26)"}})

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert out.splitlines() == [
        "timeline E5: date 'Tuesday (Sep 26)' (source A) is written in none of its cited sentences from A"
    ]


def test_a_cited_sentence_is_checked_under_the_source_its_id_names(tmp_path: Path) -> None:
    """The page shows each cited sentence as evidence: one listed under another source than its
    id's would be checked against no text, so its words could be anyone's."""

    def change(data: dict) -> None:
        data["cited_sentences"][0].update({"source": "Z", "text": "Serbia invaded Kosovo."})

    code, out, _ = run(tampered(tmp_path, change))
    assert code == 1
    assert "cited_sentences[0] A2: is listed under source 'Z'; its id is source A's" in out.splitlines()


def test_a_source_records_how_many_sentences_its_text_splits_into(tmp_path: Path) -> None:
    code, out, _ = run(tampered(tmp_path, lambda data: data["sources"][0].update({"sentences": 99})))
    assert (code, out) == (1, "source A: records 99 sentences, but its text splits into 20\n")


def test_a_claim_said_to_be_told_differently_by_its_sources_has_several(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        claim = next(c for c in data["claims"] if c["id"] == "C1")
        claim["status"] = "sources_disagree"

    code, out, _ = run(tampered(tmp_path, change))
    assert (code, out) == (1, "claim C1: status sources disagree, but only source A tells of it\n")
