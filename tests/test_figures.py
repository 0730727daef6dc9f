"""Sources that report one event with different figures: the note shows a discrepancy, found by
code, each source's figure citing its own sentences; figures that can both hold, or that count
different things, are not one."""

from typing import Any

from summarizer import Document, FakeModel, FillRequest, Settings, check_briefing, sources_of, summarize
from summarizer.testing import prompt_sentences

SETTINGS = Settings(model="fake", cache_dir=None)
FIRST = Document(
    name="first.txt",
    text="An earthquake struck the coast of Chile on Sunday. The earthquake killed 14 people in Valparaiso.",
    title="Quake in Chile",
)
SECOND = Document(
    name="second.txt",
    text="A strong earthquake hit Chile on Sunday. The earthquake killed 21 people in Valparaiso, officials said.",
    title="Chile earthquake",
)


def answering(counts: dict[str, str], what: str = "people killed") -> Any:
    """Each source reports the earthquake that killed people, with the count it gives (of
    ``what``)."""

    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        lines = prompt_sentences(request)
        if request.step != "extraction":
            sid, text = lines[0]
            cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:4])}]
            return {
                "title": "Quake",
                "bottom_line": [{"text": text, "evidence": cite}],
                "key_points": [],
                "claims": [],
                "discrepancies": [],
            }
        sid, text = lines[1]
        source = sid.rstrip("0123456789")
        return {
            "actors": [],
            "events": [
                {
                    "what": "The earthquake killed people in Valparaiso.",
                    "act": "killed",
                    "when": "Sunday",
                    "where": "Valparaiso",
                    "quantities": [{"value": counts[source], "what": what}],
                    "evidence": [{"sentence_id": sid, "quote": "The earthquake killed"}],
                }
            ],
            "claims": [],
        }

    return respond


def test_two_counts_of_one_event_are_a_discrepancy_each_citing_its_source() -> None:
    sources = sources_of([FIRST, SECOND])
    note = summarize(sources, settings=SETTINGS, model=FakeModel(answering({"A": "14", "B": "21"})))
    (event,) = [e for e in note.timeline if len(e.sources) == 2]  # one row for the event
    (found,) = [d for d in note.discrepancies if d.topic.startswith("Figures for")]
    assert found.topic == f"Figures for {event.id}: {event.what}"
    assert [(p.source, p.says, [c.sentence_id for c in p.citations]) for p in found.positions] == [
        ("A", "14 people killed", ["A2"]),
        ("B", "21 people killed", ["B2"]),
    ]
    assert all(p.support is not None and p.support.verdict == "supported" for p in found.positions)
    assert check_briefing(note, [s.document for s in sources]) == []


def test_counts_that_can_both_hold_are_no_discrepancy() -> None:
    for counts in ({"A": "at least 14", "B": "21"}, {"A": "14", "B": "14"}):
        note = summarize(sources_of([FIRST, SECOND]), settings=SETTINGS, model=FakeModel(answering(counts)))
        assert not [d for d in note.discrepancies if d.topic.startswith("Figures for")], counts


def test_a_figure_in_m_may_be_metres_as_well_as_millions() -> None:
    """'10m' is 10 metres as well as 10 million: no discrepancy with '10 metres'; one with '12 metres',
    and one with a bare '10', which is no length."""
    for second, clash in (("10 metres", False), ("12 metres", True), ("10", True)):
        waves = [
            Document(
                name=f"{n}.txt",
                text=f"{first} on Sunday. The earthquake killed people in Valparaiso with a {height} high wave.",
            )
            for n, (first, height) in enumerate(
                [("An earthquake struck Chile", "10m"), ("A strong earthquake hit Chile", second)]
            )
        ]
        model = FakeModel(answering({"A": "10m", "B": second}, "high wave"))
        note = summarize(sources_of(waves), settings=SETTINGS, model=model)
        assert [len(e.sources) for e in note.timeline] == [2]
        assert bool([d for d in note.discrepancies if d.topic.startswith("Figures for")]) is clash, second
