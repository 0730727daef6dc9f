"""Events the model reads as one happening: joined when code finds nothing against it (other
sources, dates one within the other, a participant in common, figures and names that agree),
kept apart otherwise, and the note's warnings say which and why."""

from datetime import date
from typing import Any

from summarizer import Document, FakeModel, FillRequest, Settings, check_briefing, sources_of, summarize
from summarizer.testing import PROMPT_SENTENCE

SETTINGS = Settings(model="fake", cache_dir=None)
ARMY = Document(
    name="army.txt",
    text="Border tension rises. The army moved its tanks to the border on Monday.",
    title="Tension",
    published=date(2024, 3, 8),
)
COLUMNS = Document(
    name="columns.txt",
    text="Frontier report. Armoured columns reached the frontier on Monday, witnesses said.",
    title="Frontier",
    published=date(2024, 3, 8),
)
LATER = Document(
    name="later.txt",
    text="Frontier report. Armoured columns reached the frontier on Friday, witnesses said.",
    title="Frontier",
    published=date(2024, 3, 15),
)


def answering(proposal: list[list[str]], when: dict[str, str] | None = None) -> Any:
    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        content = request.messages[1]["content"]
        lines = PROMPT_SENTENCE.findall(content)
        if request.step == "extraction":
            sid, text = lines[1]
            source = sid.rstrip("0123456789")
            return {
                "actors": [],
                "events": [
                    {
                        "what": text,
                        "when": (when or {}).get(source, "Monday"),
                        "evidence": [{"sentence_id": sid, "quote": " ".join(text.split()[:4])}],
                    }
                ],
                "claims": [],
            }
        sid, text = lines[0]
        cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:3])}]
        return {
            "title": "Tanks at the border",
            "bottom_line": [{"text": text, "evidence": cite}],
            "key_points": [],
            "claims": [],
            "discrepancies": [],
            "same_events": [{"events": group} for group in proposal],
        }

    return respond


def test_two_rows_the_model_reads_as_one_are_joined_when_nothing_disagrees() -> None:
    apart = summarize(sources_of([ARMY, COLUMNS]), settings=SETTINGS, model=FakeModel(answering([])))
    assert [e.sources for e in apart.timeline] == [["A"], ["B"]]  # the merge alone keeps them apart
    sources = sources_of([ARMY, COLUMNS])
    note = summarize(sources, settings=SETTINGS, model=FakeModel(answering([["E1", "E2"]])))
    (row,) = note.timeline
    assert row.id == "E1" and row.sources == ["A", "B"]
    assert [c.sentence_id for c in row.citations] == ["A2", "B2"]
    assert "synthesis: E2 joined into E1, read as one event; nothing in them disagrees" in note.warnings
    assert check_briefing(note, [s.document for s in sources]) == []


def test_a_proposed_join_that_dates_refuse_is_kept_apart_and_said() -> None:
    note = summarize(
        sources_of([ARMY, LATER]),
        settings=SETTINGS,
        model=FakeModel(answering([["E1", "E2"]], {"B": "Friday"})),
    )
    assert len(note.timeline) == 2
    (said,) = [w for w in note.warnings if "kept apart" in w]
    assert said.startswith("synthesis: E1 and E2 kept apart though read as one event: their dates differ")


def test_a_proposed_join_of_events_different_people_took_part_in_is_refused_and_said() -> None:
    from summarizer.stages.joining import join_proposed
    from summarizer.stages.merge import merge
    from tests.test_matching import extraction

    people = frozenset({"Ana Ruiz", "Lena Cole", "Mia Stone"})
    story = merge(
        [
            extraction(
                "A",
                [("Ana Ruiz beat Lena Cole in the final.", None, ["Ana Ruiz", "Lena Cole"])],
                people=people,
            ),
            extraction(
                "B",
                [("Ana Ruiz took the title against Mia Stone.", None, ["Ana Ruiz", "Mia Stone"])],
                people=people,
            ),
        ]
    )
    assert [e.id for e in story.timeline] == ["E1", "E2"]
    joined, warnings = join_proposed(story, [["E1", "E2"]])
    assert len(joined.timeline) == 2
    assert warnings == [
        "synthesis: E1 and E2 kept apart though read as one event: each names a participant the other does not "
        "(Lena Cole; Mia Stone)"
    ]
