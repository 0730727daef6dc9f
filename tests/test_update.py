"""A developing story on authored cassettes: seed A alone makes briefing 1; seed B added with
--since makes briefing 2 at the cost of B alone (one extraction, one synthesis), keeps the ids of
what continues, and says what changed; `diff` says the same; the same update again makes no
request."""

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Briefing
from summarizer.cli import main
from summarizer.testing import prompt_sentences

BRIEFING_1 = str(Path(__file__).resolve().parent.parent / "cassettes" / "authored" / "update_seed_a.yaml")
SEED_A = "seeds/000_03079551f3923d2c.txt"
SEED_B = "seeds/002_6f4a12cc5c38a6ff.txt"


@pytest.fixture
def first(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch, fake_key: str, played_all: Any
) -> Path:
    """Briefing 1, from seed A alone (its cassette is the test's extra one)."""
    monkeypatch.chdir(root)
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    path = tmp_path / "briefing_1.json"
    result = CliRunner().invoke(main, ["brief", SEED_A, "--format", "json", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    assert played_all.play_count == 2  # A's extraction and its synthesis
    return path


def saved_and_checked(tmp_path: Path, data: dict) -> tuple[Path, str]:
    """A briefing edited as an earlier version or a hand might leave it, saved, and what ``check``
    says of it: it must fail."""
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    checked = CliRunner().invoke(main, ["check", str(old)])
    assert checked.exit_code == 1
    return old, checked.stdout


def update(first: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(
        main, ["brief", SEED_B, "--since", str(first), "--format", "json", "-o", str(out), *extra]
    )


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_add_seed_b.yaml")
def test_an_update_costs_the_new_article_alone_and_says_what_changed(
    played_all: Any, first: Path, tmp_path: Path
) -> None:
    second = tmp_path / "briefing_2.json"
    result = update(first, second)
    assert result.exit_code == 0, result.stderr
    assert played_all.play_count == 4  # then B's extraction and one synthesis: A was not asked again
    sent = [json.loads(r.body)["messages"][1]["content"] for r in played_all.requests]
    assert sum("=====ARTICLE A " in b for b in sent) == 1 and sum("=====ARTICLE B " in b for b in sent) == 1
    old = Briefing.model_validate_json(first.read_text())
    new = Briefing.model_validate_json(second.read_text())
    assert [s.id for s in new.sources] == ["A", "B"] and new.generation.usage["extraction"].calls == 1
    # what continues keeps its id
    for before in old.actors:
        assert any(a.id == before.id and a.name == before.name for a in new.actors), before.name
    for claim in old.claims:
        assert next(c for c in new.claims if c.id == claim.id).statement == claim.statement
    for event in old.timeline:
        assert next(e for e in new.timeline if e.id == event.id).what == event.what
    # what changed, each change citing B's sentences
    assert new.changes is not None and new.changes.new_sources == ["B"]
    kinds = {}
    for change in new.changes.items:
        kinds.setdefault(change.kind, []).append(change)
        assert all(c.sentence_id.startswith("B") for c in change.citations), change
    statuses = {c.item: c.summary for c in kinds["claim_status"]}
    destabilising = next(c.id for c in old.claims if "destabilising" in c.statement)
    troops = next(c.id for c in old.claims if "half the troops" in c.statement)
    assert statuses[destabilising].startswith(
        f"{destabilising} is now corroborated by several sources (was single source)"
    )
    assert statuses[troops].startswith(f"{troops} is now corroborated by several sources (was single source)")
    new_events = {c.item for c in kinds["new_event"]}
    assert new_events == {e.id for e in new.timeline} - {e.id for e in old.timeline} and len(new_events) >= 4
    assert {c.item for c in kinds["new_claim"]} == {c.id for c in new.claims} - {c.id for c in old.claims}
    assert [c.item for c in kinds["new_source"]] == ["B"]
    # the note says it too, and `diff` says the same
    note = CliRunner().invoke(main, ["render", str(second)])
    assert "## What changed" in note.stdout and f"- {statuses[troops]}" in note.stdout.replace("\\", "")
    page = CliRunner().invoke(main, ["render", str(second), "--format", "html"])
    assert page.exit_code == 0 and page.stdout.count('id="st-ch') == len(new.changes.items)
    compared = CliRunner().invoke(main, ["diff", str(first), str(second), "--format", "json"])
    assert compared.exit_code == 1  # something changed
    assert json.loads(compared.stdout) == new.changes.model_dump(mode="json")
    same = CliRunner().invoke(main, ["diff", str(second), str(second)])
    assert (same.exit_code, same.stdout) == (
        0,
        "## What changed\n\n_Since the briefing from 2 sources (A, B); new: none._\n\n- Nothing.\n",
    )


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_add_seed_b.yaml")
def test_the_same_update_again_makes_no_request(played_all: Any, first: Path, tmp_path: Path) -> None:
    assert update(first, tmp_path / "one.json").exit_code == 0
    assert played_all.play_count == 4
    again = update(first, tmp_path / "two.json")
    assert again.exit_code == 0, again.stderr
    assert played_all.play_count == 4  # served from the cache: the cassette would refuse another request
    assert (tmp_path / "one.json").read_text() == (tmp_path / "two.json").read_text()
    assert (
        "answers from the cache, counted as first asked and not paid again: this run 0 calls" in again.stderr
    )


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_seed_a.yaml")
def test_an_article_already_in_the_briefing_is_not_added(first: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["brief", SEED_A, "--since", str(first), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 2
    assert f"{SEED_A} is already in the briefing as source A; not added again" in result.stderr
    assert (
        result.stderr.splitlines()[-1]
        == f"summarizer: error: {first}: already holds every input; there is nothing to add"
    )
    from summarizer import InputError, previous_briefing, summarize

    with pytest.raises(InputError) as caught:  # the library says it the same way
        summarize([SEED_A], since=previous_briefing(first))
    assert str(caught.value) == f"{first}: already holds every input; there is nothing to add"


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_seed_a.yaml")
def test_a_briefing_that_fails_check_is_not_updated(first: Path, tmp_path: Path) -> None:
    data = json.loads(first.read_text())
    data["claims"][0]["citations"][0]["quote"] = "words nobody wrote"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["brief", SEED_B, "--since", str(broken)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(
        f"summarizer: error: {broken}: cannot be updated: claims[0].citations[0]: quote 'words nobody wrote' is not at "
    )


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_seed_a.yaml")
@pytest.mark.parametrize("edit", ["event rewritten", "extraction missing", "extraction twice"])
def test_what_an_update_would_merge_is_checked_before_any_call(
    first: Path, tmp_path: Path, edit: str
) -> None:
    """The extractions a briefing carries are merged again as they are: one rewritten, missing or
    given twice stops the update in one line before anything is spent (no request: the cassette
    would refuse one)."""
    data = json.loads(first.read_text())
    if edit == "event rewritten":
        data["extractions"][0]["events"][0]["what"] = "NATO troops shelled Belgrade on 3 March 2021."
    elif edit == "extraction missing":
        data["extractions"] = []
    else:
        data["extractions"].append(data["extractions"][0])
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["brief", SEED_B, "--since", str(broken)])
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"summarizer: error: {broken}: cannot be updated: ")
    assert {
        "event rewritten": "extractions[0] (A).events[0].what: 'NATO troops shelled Belgrade",
        "extraction missing": "source A: was extracted, but the briefing carries no extraction of it",
        "extraction twice": "(A): is one of 2 extractions of source A",
    }[edit] in line


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_add_seed_b.yaml")
def test_an_update_resolves_the_new_names_against_the_saved_resolution(
    first: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counted, not timed: the merge of an update is handed each saved actor's names once, as one
    group, and the new source's names; no carried extraction's actors are read again. The actors
    come out as resolving every source again would make them."""
    from summarizer.stages import actor_table
    from summarizer.stages.merge import merge

    handed: list[list[Any]] = []
    resolve = actor_table.resolve

    def counting(mentions: Any, **known: Any) -> Any:
        handed.append(list(mentions))
        return resolve(handed[-1], **known)

    monkeypatch.setattr(actor_table, "resolve", counting)
    old = Briefing.model_validate_json(first.read_text())
    result = update(first, tmp_path / "second.json")
    assert result.exit_code == 0, result.stderr
    new = Briefing.model_validate_json((tmp_path / "second.json").read_text())
    (mentions,) = handed
    saved = [(form.sources[0], form.text) for actor in old.actors for form in actor.surface_forms]
    added = [(e.source.id, f) for e in new.extractions[1:] for a in e.actors for f in (a.name, *a.aliases)]
    assert [(m.source, m.text) for m in mentions] == saved + added
    assert {source for source, _ in added} == {"B"}

    handed.clear()
    again = merge(new.extractions)  # every source resolved again, from the extractions
    assert len(handed[0]) == sum(1 + len(a.aliases) for e in new.extractions for a in e.actors)

    def table(actors: Any) -> list[Any]:
        return [(a.name, a.kind, [(f.text, f.sources) for f in a.surface_forms], a.sources) for a in actors]

    assert sorted(table(new.actors)) == sorted(table(again.actors))


def test_a_saved_table_that_does_not_list_the_carried_names_is_not_reused(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor table that leaves out a name its extractions use cannot say whom it stands for:
    every source is resolved again."""
    from summarizer.stages import actor_table
    from summarizer.stages.merge import merge

    golden = Briefing.model_validate_json((root / "examples" / "seeds_briefing.json").read_text())
    handed: list[int] = []
    resolve = actor_table.resolve
    monkeypatch.setattr(
        actor_table,
        "resolve",
        lambda mentions, **known: resolve(handed.append(len(m := list(mentions))) or m, **known),
    )
    everything = sum(1 + len(a.aliases) for e in golden.extractions for a in e.actors)
    merge(golden.extractions, golden.actors)
    assert handed[-1] == sum(len(a.surface_forms) for a in golden.actors) < everything  # reused
    short = [a.model_copy(update={"surface_forms": a.surface_forms[1:]}) for a in golden.actors]
    merge(golden.extractions, short)
    assert handed[-1] == everything  # not reused


def test_a_source_that_failed_is_extracted_again_when_given_again(tmp_path: Path) -> None:
    """`brief B --since note.json` where B's extraction failed before: B is extracted now under
    its own id, listed once, and the note passes check (it was refused as already held)."""

    from summarizer import FakeModel, Settings, load_document, render_briefing, summarize
    from summarizer.check import check_briefing

    def answer(request: Any, _attempt: int, down: bool) -> dict[str, Any]:
        sid, text = prompt_sentences(request)[0]
        cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:4])}]
        if request.step == "extraction":
            if down and "=====ARTICLE B " in request.messages[1]["content"]:
                raise RuntimeError("the server fell over")
            return {"actors": [], "events": [{"what": text, "evidence": cite}], "claims": []}
        return {"title": "Port", "bottom_line": [{"text": text, "evidence": cite}], "key_points": [],
                "claims": [], "discrepancies": []}  # fmt: skip

    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Port closes\n\nThe port of Valmora closed on Friday after the storm.\n")
    two.write_text("Storm passes\n\nThe storm passed Valmora on Saturday morning.\n")
    settings = Settings(model="fake", cache_dir=None)
    first = summarize([one, two], settings=settings, model=FakeModel(lambda r, a: answer(r, a, True)))
    assert [(s.id, s.status) for s in first.sources] == [("A", "ok"), ("B", "failed")]
    saved = tmp_path / "note.json"
    saved.write_text(render_briefing(first, "json"))

    second = summarize(
        [two], settings=settings, model=FakeModel(lambda r, a: answer(r, a, False)), since=saved
    )
    assert [(s.id, s.status) for s in second.sources] == [("A", "ok"), ("B", "ok")]
    assert [e.source.id for e in second.extractions] == ["A", "B"]
    assert "source B: extracted again (its extraction failed before)" in second.warnings
    assert check_briefing(second, [load_document(one), load_document(two)]) == []


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_add_seed_b.yaml")
def test_a_briefing_saved_before_a_rule_is_updated_and_what_the_rule_drops_is_said(
    first: Path, tmp_path: Path
) -> None:
    """A briefing saved by an earlier version may carry what extraction now drops: another name
    its article never writes, a place or participant no cited sentence names. ``check`` reports them; an update
    drops them (and a title or an outlet no cited sentence states), says so among the warnings, and goes on (the same requests as ever)."""
    data = json.loads(first.read_text())
    extraction = data["extractions"][0]
    actor = extraction["actors"][0]
    actor["aliases"].append("the Butcher")
    listed = next(a for a in data["actors"] if any(f["text"] == actor["name"] for f in a["surface_forms"]))
    listed["surface_forms"].append({"text": "the Butcher", "sources": ["A"]})
    event = next(e for e in extraction["events"] if e.get("where") is None)
    event["where"] = "Belgrade"
    event["participants"].append({"actor": "Jens Stoltenberg", "role": "watched"})
    actor["title"] = "Grand Vizier"
    listed["titles"].append("Grand Vizier")
    claim = extraction["claims"][0]
    claim["reported_via"] = "Pravda"
    noted = next(c for c in data["claims"] if c["statement"] == claim["statement"])
    noted["reported_via"].append("Pravda")
    data["sources"][0]["cited_outlets"] = sorted({*data["sources"][0]["cited_outlets"], "Pravda"})
    old, found = saved_and_checked(tmp_path, data)
    assert "'the Butcher' is not in A's text" in found
    assert ".title: 'Grand Vizier' is stated in none of the sentences it cites" in found
    assert ".reported_via: 'Pravda' is named in none of the sentences it cites" in found
    assert f"claim {noted['id']}: reported via 'Pravda', whom none of its cited sentences names" in found
    assert "'Belgrade' is named in none of the sentences it cites" in found
    assert "'Jens Stoltenberg' is named in none of the sentences it cites" in found

    result = update(old, tmp_path / "second.json")
    assert result.exit_code == 0, result.stderr
    new = Briefing.model_validate_json((tmp_path / "second.json").read_text())
    assert (
        f"source A: actor {actor['name']!r}: dropped other name 'the Butcher', which the article does not use"
        in (new.warnings)
    )
    assert any(w.startswith("source A: event ") and "dropped place 'Belgrade'" in w for w in new.warnings)
    assert any(
        w.startswith("source A: event ") and "dropped participant 'Jens Stoltenberg'" in w
        for w in new.warnings
    )
    assert all(f.text != "the Butcher" for a in new.actors for f in a.surface_forms)
    assert (
        f"source A: actor {actor['name']!r}: dropped title 'Grand Vizier', stated in none of the sentences it cites"
        in new.warnings
    )
    assert all("Grand Vizier" not in a.titles for a in new.actors)
    assert any("dropped 'reported via' 'Pravda'" in w for w in new.warnings)
    assert all("Pravda" not in c.reported_via for c in new.claims)
    assert all("Pravda" not in s.cited_outlets for s in new.sources)
    assert CliRunner().invoke(main, ["check", str(tmp_path / "second.json")]).exit_code == 0


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_add_seed_b.yaml")
def test_a_source_record_is_read_again_from_its_article_on_update(first: Path, tmp_path: Path) -> None:
    """A title (or outlet, date, address) read from an article is the article's: a saved briefing
    that records another fails ``check``; an update reads it again, says so, and writes the
    article's, with the outlets and reference date worked out again from the extraction."""
    data = json.loads(first.read_text())
    article_title = data["sources"][0]["title"]
    data["sources"][0]["title"] = data["extractions"][0]["source"]["title"] = "Serbia invades Kosovo"
    data["sources"][0]["reference_date"] = "2020-01-01"
    old, found = saved_and_checked(tmp_path, data)
    assert "title 'Serbia invades Kosovo' is not the article's" in found
    assert "reference date '2020-01-01' is not its dates'" in found

    result = update(old, tmp_path / "second.json")
    assert result.exit_code == 0, result.stderr
    new = Briefing.model_validate_json((tmp_path / "second.json").read_text())
    assert new.sources[0].title == article_title
    assert (
        f"source A: title read again from the article: {article_title!r} (was 'Serbia invades Kosovo')"
        in (new.warnings)
    )
    assert CliRunner().invoke(main, ["check", str(tmp_path / "second.json")]).exit_code == 0


@pytest.mark.vcr(BRIEFING_1)
@pytest.mark.default_cassette("update_seed_a.yaml")
def test_a_date_no_cited_sentence_writes_is_dropped_from_a_saved_briefing(
    first: Path, tmp_path: Path
) -> None:
    """A timeline's date is read from the date as written: one that no cited sentence writes (as a
    model may make one up) is reported by ``check``, and an update takes it out before any call:
    from the extraction, said among its warnings, and from the row, which no source then dates."""
    from summarizer import previous_briefing

    data = json.loads(first.read_text())
    extraction = data["extractions"][0]
    dated = next(e for e in extraction["events"] if e.get("when") == "Thursday (Sep 28)")
    dated["when"] = "Tuesday (Sep 26)"
    row = next(r for r in data["timeline"] if r["date"]["expressions"].get("A") == "Thursday (Sep 28)")
    row["date"].update({"value": "2023-09-26", "expressions": {"A": "Tuesday (Sep 26)"}})
    old, found = saved_and_checked(tmp_path, data)
    assert ".when: 'Tuesday (Sep 26)' is written in none of the sentences it cites" in found
    said = f"timeline {row['id']}: date 'Tuesday (Sep 26)' (source A) is written in none of its cited sentences from A"
    assert said in found.splitlines()

    kept = previous_briefing(old).briefing
    (event,) = [e for e in kept.extractions[0].events if e.what == dated["what"]]
    assert event.when is None
    assert any("dropped date 'Tuesday (Sep 26)'" in w for w in kept.extractions[0].warnings)
    (undated,) = [r for r in kept.timeline if r.id == row["id"]]
    assert (undated.date.value, undated.date.expressions) == (None, {})
    assert undated.date.reported_by == (kept.sources[0].reference_date or kept.sources[0].published)
