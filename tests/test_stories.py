"""Stories: a folder of articles into stories (near-copies folded, two events of one kind kept
apart), one briefing per story with an index; a job stopped half way goes on without asking again
what was answered; later articles join their story, whose briefing is updated, not rebuilt."""

import asyncio
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import (
    FakeModel,
    FillRequest,
    Settings,
    StoryIndex,
    brief_stories,
    check_file,
    load_document,
    plan_stories,
)
from summarizer.cli import main
from summarizer.stories import STORY_SIMILARITY, copy_groups, group, grow, load_index, save_index
from summarizer.testing import PROMPT_SENTENCE, prompt_sentences

DATA = Path(__file__).parent / "data" / "stories"
SETTINGS = Settings(model="fake", cache_dir=None)


def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
    """An extraction of each article's second sentence as an event; a synthesis whose bottom line
    is the first sentence it is shown."""
    lines = prompt_sentences(request)
    sid, text = lines[1] if request.step == "extraction" else lines[0]
    cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:5])}]
    if request.step == "extraction":
        return {"actors": [], "events": [{"what": text, "evidence": cite}], "claims": []}
    return {
        "title": f"Story of {text.split()[0]} {text.split()[1]}",
        "bottom_line": [{"text": text, "evidence": cite}],
        "key_points": [],
        "claims": [],
        "discrepancies": [],
    }


class Counting(FakeModel):
    """Counts what it is asked: the first line of each extraction's article, and syntheses."""

    def __init__(self, stop_after: int | None = None) -> None:
        super().__init__(respond)
        self.asked: list[str] = []
        self.stop_after = stop_after

    async def complete(self, attempt: Any) -> Any:
        if self.stop_after is not None and len(self.asked) >= self.stop_after:
            raise KeyboardInterrupt  # the job killed between two calls
        content = attempt.request.messages[1]["content"]
        first = PROMPT_SENTENCE.findall(content)
        self.asked.append(f"{attempt.request.step}: {first[0][1] if first else ''}")
        return await super().complete(attempt)


def titles(index: StoryIndex) -> list[set[str]]:
    return [{Path(a.path).stem for a in story.articles} for story in index.stories]


@pytest.fixture
def day1(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    shutil.copytree(DATA / "day1", folder)
    return folder


def test_near_copies_fold_and_other_articles_do_not() -> None:
    original = (
        "The council voted on Monday to close the old bridge over the river for repairs next spring. "
        "Engineers found cracks in two of its arches last year, and lorries have been kept off it since. "
        "A ferry will carry foot passengers while the work goes on, the council said, and the bridge "
        "should reopen before the end of the year if the weather allows the repairs to go on as planned."
    )
    edited = original.replace("Monday", "Tuesday")  # a syndicated copy, its day changed
    other = (
        "The mayor opened a new library in the north of the city on Friday, with a reading room for children."
    )
    assert copy_groups([original, other, edited]) == [[0, 2], [1]]
    assert copy_groups([original, other]) == [[0], [1]]


def test_two_events_of_one_kind_are_two_stories(day1: Path) -> None:
    plan = plan_stories([load_document(p) for p in sorted(day1.glob("*.json"))], day1.parent / "out")
    assert titles(plan.index) == [
        {"chile-quake-aid", "chile-quake-coast-syndicated", "chile-quake-toll"},
        {"nepal-quake-rescue", "nepal-quake-tents", "nepal-quake-village"},
        {"transfer-debut", "transfer-signing"},
    ]
    (kept,) = [a for a in plan.index.stories[0].articles if a.copies]
    assert [Path(c.path).stem for c in kept.copies] == ["chile-quake-coast"]
    assert plan.index.stories[0].outlets == ["Pacific Times", "Harbour Herald", "Daily Ledger", "Andes Wire"]
    assert plan.index.stories[0].reports == 4 and plan.folded == 1
    assert not (day1.parent / "out").exists()  # planning writes nothing


def test_grouping_is_average_link_and_growth_keeps_stories() -> None:
    quake = "earthquake Valparaiso Chile Boric toll rescue"
    texts = [quake, quake + " navy", "striker Alvarado Riverside signed", "Alvarado Riverside debut striker"]
    assert group(texts) == [[0, 1], [2, 3]]
    grown = grow([[0, 1]], [*texts, "Chile earthquake Valparaiso rebuild Boric"])
    assert grown == [[0, 1, 4], [2, 3]]


def test_a_desk_goes_on_grouping_at_the_similarity_it_began_with(day1: Path) -> None:
    """An index records the similarity its stories were grouped at: later articles are placed at
    that one unless another is given, which is then recorded. At 0.9 nothing joins anything."""
    out = day1.parent / "desk"
    first = plan_stories([load_document(p) for p in sorted(day1.glob("*.json"))], out, similarity=0.9)
    assert first.index.similarity == 0.9 and len(first.index.stories) == 8  # the syndicated copy folded
    out.mkdir()
    save_index(first)
    later = [load_document(DATA / "day2" / "chile-quake-rebuild.json")]
    assert len(plan_stories(later, out).index.stories) == 9  # at the index's 0.9, a story of its own
    joined = plan_stories(later, out, similarity=STORY_SIMILARITY)
    assert len(joined.index.stories) == 8 and joined.index.similarity == STORY_SIMILARITY


def test_a_folder_becomes_briefed_stories_with_an_index(day1: Path, tmp_path: Path) -> None:
    out = tmp_path / "stories"
    run = brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=FakeModel(respond))
    assert run.failed == [] and run.usage.calls == 3 + 3 + 2 + 3  # 8 articles and 3 syntheses
    index = load_index(out / "index.json")
    assert [s.status for s in index.stories] == ["briefed"] * 3
    for story in index.stories:
        assert {p.name for p in (out / story.id).iterdir()} == {
            "briefing.json",
            "briefing.md",
            "briefing.html",
        }
        assert check_file(out / story.id / "briefing.json") == []  # every citation verified from there
        briefing = json.loads((out / story.id / "briefing.json").read_text())
        assert story.title == briefing["title"] and len(briefing["sources"]) == len(story.articles)
    saved = json.loads((out / "index.json").read_text())["stories"][0]  # what a reader of the JSON gets
    assert saved["reports"] == 4 and saved["briefing"] == "S1/briefing.json"
    assert (saved["first_seen"], saved["last_seen"]) == ("2025-03-03", "2025-03-05")
    assert saved["outlets"] == ["Pacific Times", "Harbour Herald", "Daily Ledger", "Andes Wire"]
    page = (out / "index.html").read_text()
    assert page.count('href="S1/briefing.html"') == 1 and "Harbour Herald" in page
    assert "2025-03-03" in page and "2025-03-05" in page  # first and last seen


def test_a_killed_job_resumes_without_asking_again(day1: Path, tmp_path: Path) -> None:
    """One story at a time (``concurrency=1``), so that the kill falls after the first is briefed;
    side by side, the response cache is what spares a story in flight its answered calls."""
    out = tmp_path / "stories"
    first = Counting(stop_after=5)  # three extractions and the synthesis of S1, then one of S2
    one_at_a_time = replace(SETTINGS, concurrency=1)
    with pytest.raises(KeyboardInterrupt):
        brief_stories(sorted(day1.glob("*.json")), out, settings=one_at_a_time, model=first)
    index = load_index(out / "index.json")
    assert [s.status for s in index.stories] == ["briefed", "pending", "pending"]
    assert not (out / "S2").exists() or not (out / "S2" / "briefing.json").exists()
    again = Counting()
    run = brief_stories(sorted(day1.glob("*.json")), out, settings=one_at_a_time, model=again)
    assert run.failed == []
    assert not set(first.asked[:4]) & set(again.asked)  # the briefed story was not asked again
    assert len(again.asked) == 3 + 1 + 2 + 1
    third = Counting()
    brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=third)
    assert third.asked == []  # everything done: nothing asked


def test_later_articles_join_their_story_which_is_updated(day1: Path, tmp_path: Path) -> None:
    out = tmp_path / "stories"
    brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=FakeModel(respond))
    before = json.loads((out / "S1" / "briefing.json").read_text())
    model = Counting()
    run = brief_stories(sorted((DATA / "day2").glob("*.json")), out, settings=SETTINGS, model=model)
    assert [s.id for s in run.index.stories] == ["S1", "S2", "S3", "S4"]
    assert {Path(a.path).stem for a in run.index.stories[0].articles} >= {"chile-quake-rebuild"}
    assert [Path(a.path).stem for a in run.index.stories[3].articles] == ["court-fine"]
    extractions = [a for a in model.asked if a.startswith("extraction")]
    assert len(extractions) == 2  # the two new articles only
    after = json.loads((out / "S1" / "briefing.json").read_text())
    assert len(after["sources"]) == len(before["sources"]) + 1 and after["changes"]
    assert check_file(out / "S1" / "briefing.json") == []


def test_cli_dry_run_plans_and_writes_nothing(day1: Path, tmp_path: Path) -> None:
    out = tmp_path / "stories"
    result = CliRunner().invoke(main, ["stories", str(day1), "-o", str(out), "--dry-run"])
    assert result.exit_code == 0, result.stderr
    assert "9 new articles (1 near-copy folded) into 3 stories" in result.stderr
    assert "synthesis  S3" in result.stdout and "dry run: 11 calls" in result.stdout
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["-o", "{out}", "--batch", "--engine", "ray"], "choose one"),
        (["-o", "{out}"], "holds no article files"),
        (["--since", "{tmp}/index.json"], "does not exist"),
        (["--since", "{tmp}/notes.json"], "is not a stories index"),
    ],
)
def test_cli_bad_input_is_one_line_and_writes_nothing(tmp_path: Path, args: list[str], problem: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "notes.json").write_text("{}")
    filled = [a.format(out=tmp_path / "out", tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["stories", str(empty), *filled])
    assert result.exit_code == 2 and problem in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_a_broken_article_stops_the_run_before_any_call(day1: Path, tmp_path: Path) -> None:
    (day1 / "broken.json").write_text("{not json")
    result = CliRunner().invoke(main, ["stories", str(day1), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "broken.json" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_changed_article_of_the_index_is_refused(day1: Path, tmp_path: Path) -> None:
    out = tmp_path / "stories"
    brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=FakeModel(respond))
    changed = day1 / "transfer-debut.json"
    changed.write_text(changed.read_text().replace("twice", "three times"))
    result = CliRunner().invoke(main, ["stories", str(DATA / "day2"), "--since", str(out / "index.json")])
    assert (
        result.exit_code == 2 and "transfer-debut.json: changed since it was put in story S3" in result.stderr
    )


def test_eval_stories_scores_grouping_beside_the_baseline(tmp_path: Path) -> None:
    for number, path in enumerate(sorted((DATA / "day1").glob("*.json"))):
        article = json.loads(path.read_text())
        topic = "quake" if "quake" in path.stem else "football"  # chile and nepal: one kind, two stories
        subtopic = path.stem.split("-")[0]
        (tmp_path / f"{number}.json").write_text(
            json.dumps({"id": number, "topic": topic, "subtopic": subtopic, **article})
        )
    result = CliRunner().invoke(main, ["eval", "stories", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)["scores"]
    assert scores["gold_stories"] == 3 and scores["stories"] == 3 and scores["near_copies_folded"] == 1
    assert scores["b3"]["f1"] == 1.0 and 0 < scores["baseline_b3"]["f1"] <= 1.0


def test_a_story_that_fails_is_marked_the_others_go_on_and_a_rerun_retries_it(
    day1: Path, tmp_path: Path
) -> None:
    out = tmp_path / "stories"

    def refusing_transfers(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        if "Alvarado" in request.messages[1]["content"]:
            raise RuntimeError("the server is down")
        return respond(request, attempt)

    run = brief_stories(
        sorted(day1.glob("*.json")), out, settings=SETTINGS, model=FakeModel(refusing_transfers)
    )
    assert run.failed == ["S3"] and [s.status for s in run.index.stories] == ["briefed", "briefed", "failed"]
    assert "the server is down" in (run.index.stories[2].error or "")
    assert not (out / "S3" / "briefing.json").exists()
    model = Counting()
    again = brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=model)
    assert (
        again.failed == [] and len(model.asked) == 2 + 1
    )  # the failed story's two articles and its synthesis


def test_an_index_larger_than_an_article_may_be_is_read(tmp_path: Path) -> None:
    """A desk of thousands of articles writes an index past the articles' 5 MB: it is the tool's
    own file, read as briefings are."""
    from summarizer.documents import MAX_BYTES
    from summarizer.stories.index import StoryIndex

    path = tmp_path / "index.json"
    path.write_text(StoryIndex(similarity=0.11).model_dump_json() + " " * (MAX_BYTES + 1))
    assert load_index(path).similarity == 0.11


def test_pairs_larger_than_an_article_may_be_are_read(tmp_path: Path) -> None:
    from summarizer.documents import MAX_BYTES
    from summarizer.evaluation import load_pairs

    pair = {"id": "P1", "faithful": True, "kind": "k", "statement": "It rained.", "evidence": ["It rained."]}
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps({"pairs": [pair]}) + " " * (MAX_BYTES + 1))
    assert [p.id for p in load_pairs(path)] == ["P1"]


def test_stories_are_briefed_side_by_side_within_the_concurrency(day1: Path, tmp_path: Path) -> None:
    """The stories of a day are briefed at once, and their calls together never pass
    ``concurrency``: a model that is slow to answer costs the day the time of its slowest
    stories, not the sum of them all."""

    class Slow(FakeModel):
        def __init__(self) -> None:
            super().__init__(respond)
            self.flying = self.most = 0
            self.steps: list[str] = []  # the step of each call, as it starts

        async def complete(self, attempt: Any) -> Any:
            self.steps.append(attempt.request.step)
            self.flying += 1
            self.most = max(self.most, self.flying)
            try:
                await asyncio.sleep(0.02)
                return await super().complete(attempt)
            finally:
                self.flying -= 1

    model = Slow()
    run = brief_stories(
        sorted(day1.glob("*.json")), tmp_path / "out", settings=replace(SETTINGS, concurrency=2), model=model
    )
    assert run.failed == [] and len(run.index.stories) == 3
    assert model.most == 2  # two calls in flight at once, never more
    one = Slow()
    brief_stories(
        sorted(day1.glob("*.json")), tmp_path / "one", settings=replace(SETTINGS, concurrency=1), model=one
    )
    assert one.most == 1
    # one at a time, the first story's articles alone are extracted before its synthesis; side
    # by side, the other stories' extractions have begun too
    assert model.steps.index("synthesis") > one.steps.index("synthesis")


def test_a_source_left_out_of_a_story_is_extracted_again_by_the_next_run(
    day1: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One article of a story fails: the story is briefed without it and says so (naming the file
    as the user gave it, not from the story's folder), and the article stays waiting; the next run
    extracts it alone and adds it to the story's briefing under the id it had, which then passes
    check."""
    out = tmp_path / "stories"
    monkeypatch.chdir(tmp_path)

    def refusing_tents(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        if request.step == "extraction" and "wait for tents" in request.messages[1]["content"]:
            raise RuntimeError("the server is down")
        return respond(request, attempt)

    said: list[str] = []
    run = brief_stories(
        sorted(Path("news").glob("*.json")),
        out,
        settings=SETTINGS,
        model=FakeModel(refusing_tents),
        progress=said.append,
    )
    nepal = next(s for s in run.index.stories if any("nepal" in a.path for a in s.articles))
    assert run.incomplete == [nepal.id] and "could not be extracted" in (nepal.error or "")
    failed = [line for line in said if "extraction failed for" in line]
    assert len(failed) == 1 and "failed for news/" in failed[0] and "../" not in failed[0], failed
    saved = json.loads((out / nepal.id / "briefing.json").read_text())
    left_out = next(s for s in saved["sources"] if s["status"] == "failed")

    model = Counting()
    again = brief_stories(sorted(day1.glob("*.json")), out, settings=SETTINGS, model=model)
    assert again.failed == [] and again.incomplete == []
    assert len(model.asked) == 1 + 1  # the article left out, and the story's synthesis
    briefing = json.loads((out / nepal.id / "briefing.json").read_text())
    assert [(s["id"], s["status"]) for s in briefing["sources"]] == [
        (s["id"], "ok") for s in saved["sources"]
    ]  # the same ids, each once, all extracted now
    assert left_out["id"] in {e["source"]["id"] for e in briefing["extractions"]}
    checked = CliRunner().invoke(main, ["check", str(out / nepal.id / "briefing.json")])
    assert checked.exit_code == 0, checked.output


def test_particulars_are_the_names_and_years_a_text_gives() -> None:
    from summarizer.text.grouping import particulars

    text = (
        "Harbour Rovers defender Tom Ellery was arrested in Dunmore on 4 March 2019. The club said "
        "it knew. Police questioned Ellery, Mara Quist and the BBC about Ellery's car."
    )
    assert particulars(text).split() == [
        "harbour_rovers",
        "tom_ellery",
        "dunmore",
        "march",
        "y2019",  # 'The' opening a sentence is no name; 'Police' alone opening one is none either
        "ellery",
        "mara_quist",
        "bbc",
        "ellery",  # a possessive is the name it is of
    ]


def test_the_names_a_report_opens_with_count_more_than_those_it_gives_later() -> None:
    """A report tells who, where and when first, in its opening sentences (``lede``: four, which
    for grouping are the headline, read twice, and the two after it): a report that opens on Jack
    Obi is nearer another that does than one that names him only later, even five times, as a
    word count alone would have it."""
    from summarizer.text.grouping import lede, story_vectors

    texts = [
        "Jack Obi held in Kelso. Police held Jack Obi on Saturday night. Officers said he had been "
        "driving. The club said nothing.",
        "Jack Obi arrested. Police arrested Jack Obi near Kelso. Officers said the striker had been "
        "driving. The club declined to comment. Supporters gathered.",
        "Striker arrested. Police arrested a striker near Kelso. Officers said the striker had been "
        "driving. The club declined to comment. Supporters gathered for Jack Obi, and Jack Obi waved. "
        "Jack Obi smiled at Jack Obi fans and Jack Obi left.",
    ]
    assert lede(texts[2]) == (
        "Striker arrested. Police arrested a striker near Kelso. Officers said the striker had been "
        "driving. The club declined to comment."
    )
    assert lede("One line. Two.") == "One line. Two."  # a text shorter than a lede is all lede
    rows = story_vectors(texts)
    alike = (rows @ rows.T).toarray()
    assert alike[0, 1] > alike[0, 2] + 0.05


def test_an_article_reads_alike_to_grouping_whether_or_not_its_text_repeats_its_headline() -> None:
    """A plain-text file opens with its headline; a JSON article's title stands apart: grouping
    reads the headline twice in both, so a desk's files of mixed formats group alike."""
    from summarizer.text.grouping import texts_of

    apart, repeated = texts_of(
        [("Port closes", "The port closed."), ("Port closes", "Port closes\n\nThe port closed.")]
    )
    assert apart == repeated == "Port closes\nPort closes\nThe port closed."
    assert texts_of([(None, "The port closed.")]) == ["\nThe port closed."]


def test_the_default_similarity_the_commands_give_is_the_one_grouping_uses() -> None:
    for command in (["stories", "--help"], ["eval", "stories", "--help"]):
        shown = " ".join(CliRunner().invoke(main, command).output.split())
        assert f"[default {STORY_SIMILARITY}" in shown


def test_stories_of_one_kind_are_told_apart_by_who_where_and_when() -> None:
    """Two arrests of players of one club, years apart, each told by several outlets in their own
    words: the words of their kind are shared ('arrested', 'drink-driving', 'the club'); the
    names, places and years are not."""
    first = [
        "Tom Ellery arrested in Dunmore. Harbour Rovers defender Tom Ellery was arrested on suspicion of "
        "drink-driving in Dunmore on Saturday night, police said in March 2019.",
        "Rovers say they are aware of Ellery arrest. The club said it was aware that Tom Ellery had been "
        "arrested in Dunmore and would not comment further during the investigation.",
        "Ellery released on bail. Tom Ellery was released on bail after his arrest in Dunmore, and Harbour "
        "Rovers said the defender would train this week.",
        "Dunmore police charge Ellery. Police in Dunmore charged Tom Ellery with drink-driving; the Rovers "
        "defender will appear in court in April 2019.",
        "Fans react to Ellery news. Harbour Rovers supporters reacted with dismay to the arrest of Tom Ellery "
        "in Dunmore, the club's second arrest in March 2019.",
    ]
    second = [
        "Jack Obi held in Kelso. Harbour Rovers striker Jack Obi was held for driving over the limit "
        "in Kelso in 2023, officers said.",
        "Obi arrest: Rovers silent. Harbour Rovers said they knew that Jack Obi had been arrested in Kelso "
        "and would make no comment while police investigate.",
        "Obi freed pending inquiry. Jack Obi was freed pending an inquiry in Kelso; the striker is "
        "expected to play for Harbour Rovers on Sunday.",
        "Kelso court date for Obi. Jack Obi will appear before magistrates in Kelso in 2023 charged with "
        "drink-driving, Kelso police said.",
        "Obi apologises to Rovers fans. Jack Obi apologised to Harbour Rovers supporters after his arrest "
        "in Kelso and said he would accept the court's decision.",
    ]
    found = group(first + second)
    assert sorted(map(sorted, found)) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]
