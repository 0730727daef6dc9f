"""The stages on the fake model, without HTTP: extraction's re-asks and lenient last attempt,
failures as typed outcomes, merge across sources, synthesis and its claim statuses, rendering
and the dry-run plan. What each asserts is structure, not wording."""

import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from summarizer import (
    Document,
    Extracted,
    Failed,
    FakeModel,
    FillRequest,
    Settings,
    extract_all,
    render_briefing,
    sources_of,
    summarize,
)
from summarizer.llm import Attempt
from summarizer.plan import plan
from summarizer.schema.briefing import Briefing, BriefingClaim
from summarizer.schema.extraction import Citation
from summarizer.stages.merge import merge
from summarizer.stages.synthesise import Assessment, settle_claims
from summarizer.testing import prompt_sentences
from summarizer.text.chunking import chunk

SETTINGS = Settings(model="fake", cache_dir=None, concurrency=2)
DAY_ONE = Document(
    name="one.txt",
    text=(
        "Talks collapse in Valmora\n"
        "Mayor Ana Petrov said on Monday that 300 workers had joined the strike.\n"
        "The union denied that the strike was illegal."
    ),
    published=__import__("datetime").date(2024, 3, 6),
)
DAY_TWO = Document(
    name="two.txt",
    text=(
        "Strike grows in Valmora\n"
        "Ana Petrov said on Monday that 300 workers had joined the strike in Valmora.\n"
        "Police said the strike was illegal."
    ),
    published=__import__("datetime").date(2024, 3, 7),
)


def sentences(request: FillRequest[Any]) -> list[tuple[str, str]]:
    return prompt_sentences(request)


def cite(sid: str, text: str, words: int = 4) -> list[dict[str, str]]:
    return [{"sentence_id": sid, "quote": " ".join(text.split()[:words])}]


def extraction_answer(request: FillRequest[Any]) -> dict[str, Any]:
    """A valid extraction built from the prompt: the mayor, the strike, the legality claim."""
    (first_id, first), (second_id, second) = sentences(request)[-2:]  # after the title
    return {
        "actors": [
            {
                "name": "Ana Petrov",
                "kind": "person",
                "aliases": ["Petrov"],
                "evidence": cite(first_id, first, 5),
            }
        ],
        "events": [
            {
                "what": "300 workers joined the strike.",
                "when": "on Monday",
                "participants": [{"actor": "Petrov", "role": "announced it"}],
                "evidence": cite(first_id, first, 6),
            }
        ],
        "claims": [{"statement": "The strike is illegal.", "evidence": cite(second_id, second)}],
    }


def synthesis_answer(request: FillRequest[Any]) -> dict[str, Any]:
    cited = sentences(request)
    first = cite(*cited[0])
    return {
        "title": "Strike in Valmora",
        "bottom_line": [{"text": "Workers joined the strike.", "evidence": first}],
        "key_points": [],
        "claims": [],  # no assessment: every claim gets its status by rule
        "discrepancies": [],
    }


def capable(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
    return extraction_answer(request) if request.step == "extraction" else synthesis_answer(request)


def test_an_invalid_quote_is_reasked_with_its_correction() -> None:
    """FakeModel goes through the one re-ask loop: its second attempt is the request instructor
    builds for any model (the answer sent back as a tool call, the corrections as the tool's
    reply), and the loop counts both calls."""
    bodies: list[dict[str, Any]] = []

    class Recording(FakeModel):
        async def complete(self, attempt: Attempt) -> Any:
            bodies.append(json.loads(json.dumps(attempt.body)))  # as sent, before the loop goes on
            return await super().complete(attempt)

    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        answer = extraction_answer(request)
        if attempt == 0:
            answer["claims"][0]["evidence"][0]["quote"] = "the strike was lawful"
        return answer

    model = Recording(respond)
    (outcome,) = asyncio.run(extract_all(sources_of([DAY_ONE]), settings=SETTINGS, model=model))
    assert isinstance(outcome, Extracted)
    assert (outcome.usage.calls, outcome.usage.reasks) == (2, 1)
    assert "The quote 'the strike was lawful' is not in sentence A3" in model.feedback[0]
    assert [c.statement for c in outcome.extraction.claims] == ["The strike is illegal."]
    first, second = bodies
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "tool"]
    assert second["messages"][:2] == first["messages"] and second["tools"] == first["tools"]
    assert model.feedback == [second["messages"][-1]["content"]]
    assert model.requests[0].messages == first["messages"]  # the request itself is left as asked


def test_the_last_attempt_keeps_what_holds_and_names_what_it_drops() -> None:
    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        answer = extraction_answer(request)
        answer["claims"][0]["evidence"][0]["quote"] = "the strike was lawful"
        return answer

    (outcome,) = asyncio.run(extract_all(sources_of([DAY_ONE]), settings=SETTINGS, model=FakeModel(respond)))
    assert isinstance(outcome, Extracted)
    assert outcome.usage.calls == 3
    assert [a.name for a in outcome.extraction.actors] == ["Ana Petrov"]
    assert outcome.extraction.claims == []
    assert "claim 'The strike is illegal.': dropped, no citation holds" in outcome.extraction.warnings


def test_a_failing_call_is_a_failed_outcome_with_its_cost() -> None:
    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        if "=====ARTICLE B " in request.messages[1]["content"]:
            raise RuntimeError("the server fell over")
        return extraction_answer(request)

    outcomes = asyncio.run(
        extract_all(sources_of([DAY_ONE, DAY_TWO]), settings=SETTINGS, model=FakeModel(respond))
    )
    assert [type(o) for o in outcomes] == [Extracted, Failed]
    failed = outcomes[1]
    assert isinstance(failed, Failed)
    assert str(failed.error) == "extraction failed for two.txt: the server fell over"
    assert failed.usage.calls == 1


def test_merge_joins_what_both_sources_report_and_keeps_each_source_apart() -> None:
    outcomes = asyncio.run(
        extract_all(sources_of([DAY_ONE, DAY_TWO]), settings=SETTINGS, model=FakeModel(capable))
    )
    story = merge([o.extraction for o in outcomes if isinstance(o, Extracted)])
    (petrov,) = story.actors
    assert petrov.sources == ["A", "B"]
    (strike,) = story.timeline  # one event, reported by both, dated from each one's own Monday
    assert strike.sources == ["A", "B"] and strike.date.value == "2024-03-04"
    assert [c.sentence_id for c in strike.citations] == ["A2", "B2"]
    (claim,) = story.claims  # worded alike by both: one claim, cited twice
    assert claim.sources == ["A", "B"]


def test_claims_get_the_models_status_or_the_rules() -> None:
    claims = [
        BriefingClaim(id="C1", statement="x", sources=["A", "B"], citations=[]),
        BriefingClaim(id="C2", statement="y", denied_by=["P1"], sources=["A"], citations=[]),
        BriefingClaim(id="C3", statement="z", sources=["A"], citations=[]),
    ]
    settled = settle_claims(claims, {"C3": Assessment("contested", "P2 rejects it.", [])})
    assert [(c.status, c.status_by) for c in settled] == [
        ("corroborated", "rule"),
        ("contested", "rule"),
        ("contested", "model"),
    ]
    assert settled[2].explanation == "P2 rejects it."
    assert claims[0].status is None  # the story's claims are left as they were


def test_a_briefing_on_the_fake_model_renders_and_round_trips() -> None:
    briefing = summarize([DAY_ONE, DAY_TWO], settings=SETTINGS, model=FakeModel(capable))
    assert briefing.title == "Strike in Valmora"
    assert [c.status for c in briefing.claims] == ["corroborated"]
    assert briefing.generation.model == "fake" and briefing.generation.usage["synthesis"].calls == 1
    assert {s.id for s in briefing.cited_sentences} == {c.sentence_id for _, c in briefing.citations()}
    note = render_briefing(briefing, "md")
    assert note.startswith("# Strike in Valmora\n")
    headings = [line for line in note.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Bottom line",
        "## Timeline",
        "## Actors",
        "## Other claims",
        "## Sources",
    ]  # none disputed
    assert type(briefing).model_validate(json.loads(render_briefing(briefing, "json"))) == briefing


def test_the_plan_counts_one_call_per_part_and_one_synthesis() -> None:
    sources = sources_of([DAY_ONE, DAY_TWO])
    calls = plan(sources, SETTINGS, synthesis=True)
    assert [(c.step, c.estimated) for c in calls] == [
        ("extraction", False),
        ("extraction", False),
        ("synthesis", True),
    ]
    small = plan(sources, Settings(model="fake", cache_dir=None, chunk_tokens=20), synthesis=False)
    parts = [len(chunk(s.sentences, 20)) for s in sources]
    assert len(small) == sum(parts) and parts == [3, 3]  # a part a sentence at 20 tokens a call
    assert all(c.prompt_tokens > 0 for c in small)
    assert [c.source for c in small[:3]] == [f"A one.txt part {n}/3 (A{n}-A{n})" for n in (1, 2, 3)]
    # the answer budget bounds the parts too: 3.5 answer tokens an article token
    assert len(plan(sources, Settings(model="fake", cache_dir=None, max_tokens=70), synthesis=False)) == 6


def test_a_document_without_sentences_stops_before_any_call() -> None:
    from summarizer import InputError

    with pytest.raises(InputError, match="empty.txt: has no sentences to extract from"):
        sources_of([Document(name="empty.txt", text="   ")])


def test_markdown_escapes_what_sources_and_models_write() -> None:
    hostile = Document(
        name="evil.json",
        text=DAY_ONE.text + " <script>alert(1)</script>",
        title="<img src=x onerror=alert(1)>\n# Injected heading",
        outlet="Wire](javascript:alert(1))",
        published=DAY_ONE.published,
    )

    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        answer = capable(request, attempt)
        if request.step == "synthesis":
            answer["title"] = "Strike\n## over pay <b onmouseover=x>"
        return answer

    note = render_briefing(summarize([hostile], settings=SETTINGS, model=FakeModel(respond)), "md")
    lines = note.splitlines()
    assert lines[0] == r"# Strike ## over pay \<b onmouseover=x\>"
    assert not any(line.startswith(("# Injected", "## over")) for line in lines)
    assert re.search(r"(?<!\\)[<>]", note) is None  # no raw angle bracket: no HTML at all
    assert re.search(r"(?<!\\)\]\(javascript:", note) is None and r"Wire\](javascript:alert(1))" in note


def test_a_headline_naming_what_no_cited_sentence_names_gives_way_to_the_articles_title() -> None:
    """The note's title is the model's headline: its names, dates and figures must stand in the
    sentences the note cites (a headline in title case is read without its capitals). One that
    names someone nobody cites gives way to the article's own title, and the warnings say so."""

    def respond(headline: str) -> Callable[[FillRequest[Any], int], dict[str, Any]]:
        def answer(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
            found = capable(request, attempt)
            if request.step == "synthesis":
                found["title"] = headline
            return found

        return answer

    titled = Document(name="one.txt", text=DAY_ONE.text, title="Dock strike", published=DAY_ONE.published)
    kept = summarize(
        [titled], settings=SETTINGS, model=FakeModel(respond("Workers Join Strike, Mayor Petrov Says"))
    )
    assert kept.title == "Workers Join Strike, Mayor Petrov Says"
    made_up = summarize([titled], settings=SETTINGS, model=FakeModel(respond("Strike called by Okafor")))
    assert made_up.title == "Dock strike"
    assert any(
        w.startswith("title 'Strike called by Okafor' is not supported by the note's cited sentences")
        and w.endswith("replaced by 'Dock strike'")
        for w in made_up.warnings
    )


def test_a_disagreement_headed_by_what_its_positions_do_not_say_gets_a_neutral_heading() -> None:
    """A disagreement's topic heads its positions: one that names what none of the sentences they
    cite names ('Okafor') gives way to a heading that says only which sources differ."""

    def respond(topic: str) -> Callable[[FillRequest[Any], int], dict[str, Any]]:
        def answer(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
            found = capable(request, attempt)
            if request.step == "synthesis":
                said = dict(sentences(request))
                legal = next(i for i, text in said.items() if "illegal" in text and i.startswith("A"))
                police = next(i for i, text in said.items() if "illegal" in text and i.startswith("B"))
                found["discrepancies"] = [
                    {
                        "topic": topic,
                        "positions": [
                            {
                                "source_id": "A",
                                "says": "The union denied that the strike was illegal.",
                                "evidence": cite(legal, said[legal]),
                            },
                            {
                                "source_id": "B",
                                "says": "Police said the strike was illegal.",
                                "evidence": cite(police, said[police]),
                            },
                        ],
                    }
                ]
            return found

        return answer

    kept = summarize(
        [DAY_ONE, DAY_TWO], settings=SETTINGS, model=FakeModel(respond("Whether the strike is legal"))
    )
    assert [d.topic for d in kept.discrepancies] == ["Whether the strike is legal"]
    made_up = summarize(
        [DAY_ONE, DAY_TWO],
        settings=SETTINGS,
        model=FakeModel(respond("Whether the strike broke a law of Okafor")),
    )
    assert [d.topic for d in made_up.discrepancies] == ["Where sources A, B differ"]
    assert any(
        w.startswith("discrepancies[0] topic 'Whether the strike broke a law of Okafor' is not supported")
        for w in made_up.warnings
    )


def test_a_role_that_names_what_its_event_does_not_cite_gives_way_to_a_neutral_one() -> None:
    """A row shows each participant with its role: one naming what none of the event's sentences
    names ('for Okafor') becomes 'participant', with a warning; one its sentences bear is kept."""

    def respond(role: str) -> Callable[[FillRequest[Any], int], dict[str, Any]]:
        def answer(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
            found = capable(request, attempt)
            if request.step == "extraction":
                for event in found["events"]:
                    for participant in event["participants"]:
                        participant["role"] = role
            return found

        return answer

    kept = summarize([DAY_ONE], settings=SETTINGS, model=FakeModel(respond("took part")))
    roles = [p.role for e in kept.timeline for p in e.participants]
    assert roles and set(roles) == {"took part"}
    made_up = summarize([DAY_ONE], settings=SETTINGS, model=FakeModel(respond("acted for Okafor")))
    roles = [p.role for e in made_up.timeline for p in e.participants]
    assert roles and set(roles) == {"participant"}
    assert any(
        "role 'acted for Okafor'" in w
        and "is not supported by its event's citations" in w
        and "replaced by 'participant'" in w
        for w in made_up.warnings
    )


def test_the_same_text_given_twice_is_one_source() -> None:
    copy = Document(name="copy.txt", text=DAY_ONE.text, published=DAY_ONE.published)
    sources = sources_of([DAY_ONE, copy, DAY_TWO])
    assert [(s.id, s.document.name, s.duplicates) for s in sources] == [
        ("A", "one.txt", ("copy.txt",)),
        ("B", "two.txt", ()),
    ]
    briefing = summarize([DAY_ONE, copy], settings=SETTINGS, model=FakeModel(capable))
    assert [c.status for c in briefing.claims] == ["single_source"]  # not corroborated by itself
    assert "source A: copy.txt has the same text as one.txt; read once" in briefing.warnings


WIRE = (
    "Flooding closed the main road into Ashford on Tuesday after the river burst its banks overnight. "
    "Emergency crews moved forty families from homes near the bridge to the town hall, the council said. "
    "The Environment Agency warned that more rain was expected on Wednesday and that levels could rise again. "
    "Schools in the valley will stay shut until the water goes down, the county education office said."
)


def test_a_near_copy_is_one_report_not_two_sources_agreeing() -> None:
    wire = Document(name="wire.txt", text=WIRE, outlet="Wire")
    syndicated = Document(
        name="local.txt", text=WIRE.replace("forty families", "40 families"), outlet="Local"
    )
    other = Document(
        name="other.txt", text="The mayor of Ashford visited the town hall. She thanked the crews."
    )
    sources = sources_of([wire, syndicated, other])
    assert [(s.id, s.document.name, s.near_copies) for s in sources] == [
        ("A", "wire.txt", ("local.txt",)),
        ("B", "other.txt", ()),
    ]
    assert "source A: local.txt is a near-copy of wire.txt" in sources[0].notes()[0]
    notes: list[str] = []
    assert sources_of([syndicated], sources, notes) == [] and "near-copy of source A" in notes[0]


def test_the_byline_names_each_outlet_once_and_the_first_few_only() -> None:
    outlets = ["Wire", "Wire", "Daily", None, "Post", "Times", "Herald", "Wire", "Globe"]
    documents = [
        Document(
            name=f"{i}.txt",
            text=DAY_ONE.text.replace("300", str(300 + i)),
            outlet=o,
            published=DAY_ONE.published,
        )
        for i, o in enumerate(outlets)
    ]
    note = render_briefing(summarize(documents, settings=SETTINGS, model=FakeModel(capable)), "md")
    byline = note.splitlines()[2]
    assert byline.startswith("_Briefing from 9 sources (Wire, Daily, source D, Post, Times and 2 others). ")


def test_an_event_the_text_does_not_date_is_reported_by_its_earliest_source() -> None:
    def undated(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        answer = capable(request, attempt)
        if request.step == "extraction":
            answer["events"][0].pop("when")
        return answer

    outcomes = asyncio.run(
        extract_all(sources_of([DAY_TWO, DAY_ONE]), settings=SETTINGS, model=FakeModel(undated))
    )
    story = merge([o.extraction for o in outcomes if isinstance(o, Extracted)])
    (strike,) = story.timeline
    assert strike.date.value is None and strike.sources == ["A", "B"]
    assert strike.date.reported_by == DAY_ONE.published  # the earlier of the two reports, never silence
    assert strike.date.shown() == "reported by 2024-03-06"


def overstated(attempts: int) -> Any:
    """A capable model whose bottom line says 500 workers (its sentence says 300) in its first
    ``attempts`` answers."""

    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        if request.step == "extraction":
            return extraction_answer(request)
        answer = synthesis_answer(request)
        if attempt < attempts:
            answer["bottom_line"][0]["text"] = "500 workers joined the strike."
        return answer

    return respond


def test_an_unsupported_statement_is_reasked_with_the_word_at_fault() -> None:
    model = FakeModel(overstated(1))
    briefing = summarize([DAY_ONE, DAY_TWO], settings=SETTINGS, model=model)
    assert briefing.generation.usage["synthesis"].reasks == 1
    assert "bottom_line[0].text: '500 workers joined the strike.'" in model.feedback[-1]
    assert 'number "500": the cited sentences state 300' in model.feedback[-1]
    assert [s.text for s in briefing.bottom_line] == ["Workers joined the strike."]
    assert (
        briefing.bottom_line[0].support is not None and briefing.bottom_line[0].support.verdict == "supported"
    )


def test_a_statement_still_unsupported_is_kept_and_marked_by_default() -> None:
    briefing = summarize([DAY_ONE, DAY_TWO], settings=SETTINGS, model=FakeModel(overstated(99)))
    (statement,) = briefing.bottom_line
    assert statement.support is not None and statement.support.verdict == "unsupported"
    assert [(f.rule, f.word) for f in statement.support.faults] == [("number", "500")]
    assert any(
        w.startswith("bottom_line[0] '500 workers") and w.endswith("kept, marked") for w in briefing.warnings
    )
    assert '500 workers joined the strike. ⚠ _unsupported: number "500"' in render_briefing(briefing, "md")
    assert 'class="support unsupported"' in render_briefing(briefing, "html")
    assert "summary" not in render_briefing(briefing, "json")  # the verdict is data, not prose
    assert (
        json.loads(render_briefing(briefing, "json"))["bottom_line"][0]["support"]["verdict"] == "unsupported"
    )


def test_a_statement_still_unsupported_is_dropped_when_asked() -> None:
    from dataclasses import replace

    briefing = summarize(
        [DAY_ONE, DAY_TWO], settings=replace(SETTINGS, unsupported="drop"), model=FakeModel(overstated(99))
    )
    assert briefing.bottom_line == []
    assert any(
        w.startswith("bottom_line[0] '500 workers") and w.endswith("dropped") for w in briefing.warnings
    )
    cited = {c.sentence_id for _, c in briefing.citations()}
    assert {s.id for s in briefing.cited_sentences} == cited  # nothing listed that nothing cites


def test_an_unknown_handling_of_unsupported_statements_is_refused() -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="unsupported statements 'hide': choose mark or drop"):
        Settings(unsupported="hide").validated()


def test_an_event_its_sentence_does_not_support_is_reasked_in_extraction() -> None:
    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        answer = extraction_answer(request)
        if attempt == 0:
            answer["events"][0]["what"] = "Petrov said 500 workers joined the strike on Friday."
        return answer

    model = FakeModel(respond)
    (outcome,) = asyncio.run(extract_all(sources_of([DAY_ONE]), settings=SETTINGS, model=model))
    assert isinstance(outcome, Extracted) and outcome.usage.reasks == 1
    assert "events[0].what" in model.feedback[0]
    assert 'number "500"' in model.feedback[0] and 'date "Friday"' in model.feedback[0]


def test_the_first_calls_go_out_before_the_later_stages_load(tmp_path: Any) -> None:
    """In a new process (as a user runs it), the support checker and the briefing's assembly are
    not yet loaded when the first calls are made; they load while those calls wait on the model,
    before any answer needs them."""
    import subprocess
    import sys

    script = tmp_path / "run.py"
    script.write_text(
        "import asyncio, sys\n"
        "from summarizer import Document, FakeModel, ModelError, Settings, summarize\n"
        "LATER = ('summarizer.assembly', 'summarizer.support.checker')\n"
        "def loaded(): return [m for m in LATER if m in sys.modules]\n"
        "seen = []\n"
        "def respond(request, attempt):\n"
        "    if request.step != 'extraction': raise RuntimeError('stop after extraction')\n"
        "    return {'actors': [], 'events': [], 'claims': []}\n"
        "class Slow(FakeModel):\n"
        "    async def complete(self, attempt):\n"
        "        seen.append(loaded())\n"
        "        await asyncio.sleep(0.5)\n"
        "        seen.append(loaded())\n"
        "        return await super().complete(attempt)\n"
        "article = Document(name='a.txt', text='Title\\n\\nThe strike began on Monday.')\n"
        "try:\n"
        "    summarize([article], settings=Settings(model='fake', cache_dir=None), model=Slow(respond))\n"
        "except ModelError as error:\n"
        "    print(error.cause)\n"
        "print(seen[:2])\n"
        "import gc\n"
        "print(gc.get_freeze_count(), gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "stop after extraction",
        "[[], ['summarizer.assembly', 'summarizer.support.checker']]",
        "0 True",  # a library user's collector is left as it was
    ]


def test_a_note_without_a_bottom_line_says_so() -> None:
    """A model that answers with no bottom line (or none its citations hold) gives a note that
    opens without one: the note's warnings and the progress say so, rather than nothing."""

    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        if request.step == "extraction":
            return extraction_answer(request)
        return {**synthesis_answer(request), "bottom_line": []}

    heard: list[str] = []
    briefing = summarize(
        [DAY_ONE, DAY_TWO], settings=SETTINGS, model=FakeModel(respond), progress=heard.append
    )
    said = "the model gave no bottom line that its citations hold: the note opens without one"
    assert briefing.bottom_line == [] and f"synthesis: {said}" in briefing.warnings
    assert f"warning: {said}" in heard


Sentences = tuple[tuple[str, str], tuple[str, str]]  # an article's two sentences: (id, text) each


def briefed_from(text: str, extraction: Callable[[Sentences], dict[str, Any]]) -> Briefing:
    """The briefing of one article of two sentences whose extraction the model answers as
    ``extraction`` makes it from them; ``check`` must find nothing in it, as
    what extraction keeps is what ``check`` vouches for."""
    from summarizer.check import check_briefing

    article = Document(name="article.txt", text=text, published=__import__("datetime").date(2024, 3, 6))

    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        if request.step != "extraction":
            return synthesis_answer(request)
        first, second = sentences(request)
        return extraction((first, second))

    briefing = summarize([article], settings=SETTINGS, model=FakeModel(respond))
    assert check_briefing(briefing, [article]) == []
    return briefing


def test_an_actor_named_in_none_of_its_sentences_is_dropped_as_check_would_refuse_it() -> None:
    """Extraction keeps an actor by the rule ``check`` applies to a saved briefing: its sentences
    name it. A name made of quotation marks, or one its cited sentence does not hold, is dropped
    (and named in the warnings), so the tool's own output passes its own check."""

    def answer(said: Sentences) -> dict[str, Any]:
        (first_id, _), (second_id, second) = said
        return {
            "actors": [
                {
                    "name": "’ ”",
                    "kind": "person",
                    "evidence": [{"sentence_id": first_id, "quote": "King recalled"}],
                },
                {"name": "Ana Petrov", "kind": "person", "evidence": cite(second_id, second, 3)},
                {"name": "King", "kind": "person", "evidence": cite(second_id, second, 3)},
            ],
            "events": [{"what": "King left the scene.", "evidence": cite(second_id, second)}],
            "claims": [],
        }

    text = "Moments later one officer said , “ ‘ Oh , God ! ’ ” King recalled .\nKing left the scene."
    briefing = briefed_from(text, answer)
    (extraction,) = briefing.extractions
    assert [a.name for a in extraction.actors] == ["King"]
    assert "actor '’ ”': dropped, named in none of the sentences it cites" in extraction.warnings
    assert "actor 'Ana Petrov': dropped, named in none of the sentences it cites" in extraction.warnings


def test_a_title_no_cited_sentence_states_is_dropped_at_extraction() -> None:
    """The note shows an actor's title as the sources' word: a title the sentences it cites do not
    state ('President' of a woman they call mayor) is dropped, and said; one they state is kept."""

    def answer(said: Sentences) -> dict[str, Any]:
        (first_id, first), (second_id, second) = said
        return {
            "actors": [
                {
                    "name": "Elena Marsh",
                    "kind": "person",
                    "title": "President",
                    "evidence": cite(first_id, first),
                },
                {
                    "name": "Tomas Brandt",
                    "kind": "person",
                    "title": "harbour chief",
                    "evidence": cite(second_id, second),
                },
            ],
            "events": [{"what": "Elena Marsh closed the port.", "evidence": cite(first_id, first)}],
            "claims": [],
        }

    text = "Valmora's mayor Elena Marsh closed the port.\nHarbour chief Tomas Brandt opposed it."
    briefing = briefed_from(text, answer)
    (extraction,) = briefing.extractions
    assert [(a.name, a.title) for a in extraction.actors] == [
        ("Elena Marsh", None),
        ("Tomas Brandt", "harbour chief"),
    ]
    assert (
        "actor 'Elena Marsh': dropped title 'President', stated in none of the sentences it cites"
        in extraction.warnings
    )
    assert {a.name: a.titles for a in briefing.actors} == {
        "Elena Marsh": [],
        "Tomas Brandt": ["harbour chief"],
    }


def test_an_outlet_no_cited_sentence_names_is_dropped_at_extraction() -> None:
    """A claim is credited to the outlet it is reported through ('according to Reuters') only
    where a sentence it cites names that outlet."""

    def answer(said: Sentences) -> dict[str, Any]:
        (first_id, first), (second_id, second) = said
        return {
            "actors": [
                {"name": "Elena Marsh", "kind": "person", "evidence": cite(first_id, first)},
                {"name": "Tomas Brandt", "kind": "person", "evidence": cite(second_id, second)},
            ],
            "events": [],
            "claims": [
                {
                    "statement": "The port would close.",
                    "made_by": "Elena Marsh",
                    "reported_via": "Valmora Herald",
                    "evidence": cite(first_id, first),
                },
                {
                    "statement": "The port would stay open.",
                    "made_by": "Tomas Brandt",
                    "reported_via": "Reuters",
                    "evidence": cite(second_id, second),
                },
            ],
        }

    text = (
        "Elena Marsh said the port would close, according to the Valmora Herald.\n"
        "Tomas Brandt said the port would stay open."
    )
    briefing = briefed_from(text, answer)
    (extraction,) = briefing.extractions
    assert [c.reported_via for c in extraction.claims] == ["Valmora Herald", None]
    assert (
        "claim 'The port would stay open.': dropped 'reported via' 'Reuters', named in none of the sentences it cites"
        in extraction.warnings
    )
    assert briefing.sources[0].cited_outlets == ["Valmora Herald"]


def test_a_figure_no_cited_sentence_states_is_dropped_at_extraction() -> None:
    def respond(request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        answer = capable(request, attempt)
        if request.step == "extraction":
            answer["events"][0]["quantities"] = [
                {"value": "300", "what": "workers"},
                {"value": "about 3,000", "what": "workers"},
            ]
        return answer

    briefing = summarize([DAY_ONE], settings=SETTINGS, model=FakeModel(respond))
    (extraction,) = briefing.extractions
    assert [(q.value, q.what) for q in extraction.events[0].quantities] == [("300", "workers")]
    assert any("dropped quantity 'about 3,000' (workers)" in w for w in extraction.warnings)


def test_a_status_that_speaks_of_several_sources_needs_them() -> None:
    """'Sources disagree' of a claim one source tells, explained by that source's sentences alone,
    cannot hold: the rule's status is kept, and the run says so."""
    claims = [
        BriefingClaim(id="C1", statement="x", sources=["A"], citations=[]),
        BriefingClaim(id="C2", statement="y", sources=["A"], citations=[]),
    ]
    one = [Citation(sentence_id="A2", quote="q", start=0, end=1)]
    two = [*one, Citation(sentence_id="B1", quote="q", start=0, end=1)]
    warnings: list[str] = []
    settled = settle_claims(
        claims,
        {
            "C1": Assessment("sources_disagree", "A says so.", one),
            "C2": Assessment("sources_disagree", "B differs.", two),
        },
        warnings,
    )
    assert [(c.status, c.status_by) for c in settled] == [
        ("single_source", "rule"),
        ("sources_disagree", "model"),
    ]
    assert warnings == [
        "claim C1: the model's status dropped (sources disagree, but only source A tells of it); the rule's kept"
    ]
