"""When two sources report the same event or claim: joined only when nothing they both state is at
odds (dates, figures, reporting periods, participants, what it happened to) and their words say the
same happening. Examples written from English, not from an evaluation set."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.schema.extraction import (
    Actor,
    Citation,
    Claim,
    Event,
    Extraction,
    Generation,
    Participant,
    SourceInfo,
)
from summarizer.stages.matching import compatible, gist, judge
from summarizer.stages.merge import merge
from summarizer.text.quantities import stated
from summarizer.text.words import act_key


def cite(source: str, text: str) -> list[Citation]:
    return [Citation(sentence_id=f"{source}1", quote=text, start=0, end=len(text))]


def extraction(
    source: str,
    events: list[tuple[str, str | None, list[str]]] = (),  # type: ignore[assignment]
    claims: list[tuple[str, str | None]] = (),  # type: ignore[assignment]
    published: date = date(2024, 5, 6),
    acts: list[str | None] | None = None,
    people: frozenset[str] = frozenset(),
    places: list[str | None] | None = None,
) -> Extraction:
    """One source's extraction: events as (what, when, participants), claims as (statement, made by);
    the actors named in ``people`` are persons, the others of no kind said."""
    named = {n for _, _, people in events for n in people} | {by for _, by in claims if by}
    return Extraction(
        source=SourceInfo(id=source, name=f"{source}.txt", published=published, sha256="0", sentences=1),
        actors=[
            Actor(name=n, kind="person" if n in people else "other", citations=cite(source, n))
            for n in sorted(named)
        ],
        events=[
            Event(
                what=what,
                act=act,
                when=when,
                where=where,
                participants=[Participant(actor=p, role="participant") for p in people],
                citations=cite(source, what),
            )
            for (what, when, people), act, where in zip(
                events, acts or [None] * len(events), places or [None] * len(events), strict=True
            )
        ],
        claims=[Claim(statement=s, made_by=by, citations=cite(source, s)) for s, by in claims],
        generation=Generation(model="test", mode="none", templates={}),
    )


def joined_events(
    first: tuple[str, str | None, list[str]], second: tuple[str, str | None, list[str]]
) -> bool:
    story = merge([extraction("A", [first]), extraction("B", [second], published=date(2024, 5, 7))])
    return len(story.timeline) == 1


def test_two_wordings_of_one_event_by_the_same_participant_are_joined() -> None:
    assert joined_events(
        ("Rebels captured the town of Kessa on Monday.", "Monday", ["Rebels"]),
        ("The town of Kessa was captured by the rebels on Monday.", "Monday", ["Rebels"]),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # figures of one kind far apart: an infusion and a loan
        ("The government injected $30bn into the banks.", "The government lent $1.5m to the banks."),
        # a quarterly result and an annual one
        ("The company posted a quarterly profit.", "The company posted an annual profit."),
        # a sales drop and a loss: no word of what happened in common
        ("The company's sales dropped sharply.", "The company reported a quarterly loss."),
        # the same verb about different things
        ("The company unveiled the X200 phone.", "The company unveiled the Z9 tablet."),
    ],
)
def test_reports_at_odds_or_about_other_things_stay_apart(first: str, second: str) -> None:
    assert not joined_events((first, None, ["Globex"]), (second, None, ["Globex"]))


def test_different_participants_make_different_events() -> None:
    assert not joined_events(
        ("Acme won a contract to build tankers.", None, ["Acme"]),
        ("Globex won a contract to build tankers.", None, ["Globex"]),
    )


def test_dates_apart_make_different_events() -> None:
    assert not joined_events(
        ("Acme opened a factory in March 2023.", "March 2023", ["Acme"]),
        ("Acme opened a factory in May 2024.", "May 2024", ["Acme"]),
    )


def test_an_event_reported_as_past_is_not_one_dated_after_its_report() -> None:
    """Reported on 6 May as done, it cannot be the one a later source dates in June."""
    assert not joined_events(
        ("The first aircraft was delivered to the airline.", None, ["Acme"]),
        ("The first aircraft will be delivered to the airline in June.", "June", ["Acme"]),
    )


def test_a_revised_figure_still_joins_so_the_sources_can_disagree() -> None:
    """'Three' and 'five' dead can be one attack reported twice: the note then shows both counts."""
    assert joined_events(
        ("Three people were killed in the attack on the market.", "Monday", ["Police"]),
        ("Five people were killed in the attack on the market.", "Monday", ["Police"]),
    )


def test_a_claim_is_corroborated_only_by_a_report_that_agrees_with_it() -> None:
    story = merge(
        [
            extraction("A", claims=[("Serbia has massed 1,000 troops at the border.", "Kosovo")]),
            extraction("B", claims=[("Serbia has massed 50,000 troops at the border.", "Kosovo")]),
            extraction("C", claims=[("Serbia has massed about 1,000 troops at the border.", "Kosovo")]),
        ]
    )
    assert [c.sources for c in story.claims] == [["A", "C"], ["B"]]


def test_one_party_telling_of_one_event_in_other_words_is_one_claim() -> None:
    """The police of one source and the Kosovo police of another, each quoted in the sentence
    that tells of one ambush: one claim, corroborated, however differently worded; Serbian police
    are another party, and a claim told with another event is another claim."""
    ambush = ("Gunmen ambushed a police patrol near Zubin Potok on Sunday.", "Sunday", ["Gunmen"])
    ambushed = ("A police patrol was ambushed by gunmen near Zubin Potok on Sunday.", "Sunday", ["Gunmen"])
    fire = ("Fire destroyed a warehouse in Mitrovica on Sunday.", "Sunday", ["Firefighters"])

    def claims(*reports: tuple[str, tuple[str, str, list[str]], str]) -> list[list[str]]:
        story = merge([extraction(source, [event], claims=[said]) for source, event, said in reports])
        return [c.sources for c in story.claims]

    trained = ("The gunmen were trained fighters.", "police")
    drilled = ("The attackers had military training.", "Kosovo police")
    assert claims(("A", ambush, trained), ("B", ambushed, drilled)) == [["A", "B"]]
    serbian = ("The attackers had military training.", "Serbian police")
    assert claims(
        ("A", ambush, ("The gunmen were trained fighters.", "Kosovo police")), ("B", ambushed, serbian)
    ) == [
        ["A"],
        ["B"],
    ]
    assert claims(("A", ambush, trained), ("B", fire, drilled)) == [["A"], ["B"]]


def test_a_report_joins_an_entry_only_if_at_odds_with_none_of_its_reports() -> None:
    story = merge(
        [
            extraction("A", [("Acme agreed to buy Globex for $2bn.", None, ["Acme"])]),
            extraction("B", [("Acme agreed to buy Globex for $2.1bn.", None, ["Acme"])]),
            extraction("C", [("Acme agreed to buy Globex for $9bn.", None, ["Acme"])]),
        ]
    )
    assert [e.sources for e in story.timeline] == [["A", "B"], ["C"]]


def test_the_gist_leaves_out_names_figures_and_dates() -> None:
    said = gist("Acme said on Monday that the A380 deliveries rose 20% to 45 planes.", frozenset({"acme"}))
    assert said.words == {"deliveri", "rose", "plane"}
    assert said.names == {"a380"}
    assert [q.text for q in said.figures] == ["20%", "45"]


def test_a_headline_in_title_case_is_read_by_its_words() -> None:
    headline = gist("Boeing Unveils New Jet Design", frozenset({"boeing"}))
    assert headline.words == {"unveil", "new", "jet", "design"} and not headline.names
    assert judge(headline, gist("Boeing unveils a new jet design", frozenset({"boeing"})), shared_actor=True)


def test_figures_of_different_kinds_are_not_compared() -> None:
    assert compatible(gist("They won a $40bn contract."), gist("They won an order for 179 tankers."))
    assert not compatible(gist("They won a $40bn contract."), gist("They won a €13bn contract."))


def test_counts_of_different_things_are_not_compared() -> None:
    """Two counts are at odds only when they count one thing: seconds and rounds, a rank and a
    tally, feet and metres are no contradiction; a figure followed by nothing it counts ('on day
    17') is still compared with the other's such figures."""
    assert compatible(
        gist("Klitschko stopped Rahman after 44 seconds of the seventh round."),
        gist("Klitschko stopped the former champion in seven rounds."),
    )
    assert not compatible(gist("Ruiz won in seven rounds."), gist("Ruiz won in twenty rounds."))
    assert compatible(gist("Diaz scored his 11th point of the game."), gist("Diaz scored 23 points."))
    assert not compatible(gist("The 81st awards were held."), gist("The 30th awards were held."))
    assert compatible(
        gist("He fell about 200ft from a ridge."), gist("He fell about 600 metres from a ridge.")
    )
    assert not compatible(
        gist("The council closed the bridge on day 17."), gist("The council closed the bridge on day 900.")
    )


def test_codes_and_model_numbers_are_not_amounts() -> None:
    assert [q.text for q in stated("Five orders for the 777-200LR and the A380 came in a 10-year deal.")] == [
        "Five",
        "10",
    ]


def test_a_chain_of_reports_each_like_the_next_does_not_join_the_first_to_the_last() -> None:
    """B tells of the strike and the closure together; A of the strike, C of the closure. C is
    like B but not like A: it stays apart from the entry that A and B make."""
    story = merge(
        [
            extraction("A", [("Dock workers walked out over pay.", None, ["Union"])]),
            extraction("B", [("Dock workers walked out over pay and the port closed.", None, ["Union"])]),
            extraction("C", [("The port closed.", None, ["Union"])]),
        ]
    )
    assert [e.sources for e in story.timeline] == [["A", "B"], ["C"]]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("was killed", "killing", True),
        ("shot", "shooting", True),
        ("fell", "falls", True),
        ("checked into", "checks into", True),
        ("checked in to", "checking in", True),
        ("checked into", "checked out of", False),  # a particle makes another act
        ("stepped down", "stepped up", False),
        ("earthquakes", "earthquake", True),
        ("stole", "stealing", True),
        ("resigned", "was killed", False),
        ("sold", "bought", False),
        ("checked herself in", "checked into", True),  # past the pronoun, the particle
        ("turned himself in", "turned in", True),
        ("passed away", "passes away", True),
        ("passed away", "passed", False),  # the particle makes it another act
    ],
)
def test_an_act_comes_to_the_dictionary_form_of_its_head(first: str, second: str, same: bool) -> None:
    assert (act_key(first) == act_key(second)) is same


def test_a_particle_or_pronoun_is_never_an_acts_head() -> None:
    assert [act_key(a) for a in ("passed away", "checked herself in", "blew up", "gave it back")] == [
        "pass away",
        "check in",
        "blow up",
        "give back",
    ]


def joined_acts(
    first: tuple[str, str, list[str]],
    second: tuple[str, str, list[str]],
    published: date = date(2024, 5, 7),
    whens: tuple[str | None, str | None] = (None, None),
) -> bool:
    """Whether the merge joins two sources' events given as (what, act, participants), the first
    source published on 6 May 2024, the second on ``published``."""
    story = merge(
        [
            extraction("A", [(first[0], whens[0], first[2])], acts=[first[1]]),
            extraction("B", [(second[0], whens[1], second[2])], published=published, acts=[second[1]]),
        ]
    )
    return len(story.timeline) == 1


def test_reports_of_one_act_join_on_fewer_words_than_reports_without_one() -> None:
    first = ("Gunmen shot the mayor of Riverton outside the town hall.", "shot", ["Riverton"])
    second = ("The mayor of Riverton was shot dead by two attackers.", "shot", ["Riverton"])
    assert joined_acts(first, second)
    assert not joined_events((first[0], None, first[2]), (second[0], None, second[2]))  # words alone


def test_one_act_told_far_apart_in_time_joins_only_on_words_beyond_the_act() -> None:
    """Boeing unveiling one jet and, two years later, another: one act by one company, but not
    in one news cycle, so the act is no word in common and the rest must say one happening."""
    jet = ("Boeing unveils long-range 777", "unveils", ["Boeing"])
    other = ("Boeing unveils new 787 Dreamliner", "unveils", ["Boeing"])
    assert joined_acts(jet, other, published=date(2024, 5, 8))  # the same week: one unveiling
    assert not joined_acts(jet, other, published=date(2026, 5, 8))
    again = ("Boeing unveils its long-range 777 freighter", "unveils", ["Boeing"])
    assert joined_acts(jet, again, published=date(2026, 5, 8))


def test_reports_of_one_act_stay_apart_when_what_they_state_is_at_odds() -> None:
    first = ("Gunmen shot four people outside the town hall of Riverton.", "shot", ["Riverton"])
    second = ("Gunmen shot twenty people outside the town hall of Riverton.", "shot", ["Riverton"])
    assert joined_acts(first, first)
    assert not joined_acts(first, second)  # four and twenty cannot be one count
    other = ("Gunmen shot a guard outside the harbour of Riverton.", "shot", ["Lakeside"])
    assert not joined_acts(first, other)  # nobody in common


def test_reports_of_different_acts_join_on_their_words_as_reports_naming_none() -> None:
    first = ("Serbia deployed tanks and artillery near the Kosovo border.", "deployed", ["Serbia"])
    second = ("Serbia massed tanks and artillery near the Kosovo border.", "massed", ["Serbia"])
    assert joined_acts(first, second)
    third = ("Serbia moved forces away from the frontier.", "moved", ["Serbia"])
    assert not joined_acts(first, third)


def test_reports_naming_different_people_in_one_part_are_different_events() -> None:
    """One player beating two opponents is two matches; a report that adds a witness is not."""
    people = frozenset({"Ana Ruiz", "Lena Cole", "Mia Stone", "Tom Hale"})
    final = ("Ana Ruiz beat Lena Cole in the final in Toledo.", "beat", ["Ana Ruiz", "Lena Cole"])
    other = ("Ana Ruiz beat Mia Stone in the final in Toledo.", "beat", ["Ana Ruiz", "Mia Stone"])
    witnessed = (
        "Ana Ruiz beat Lena Cole in the Toledo final, the umpire Tom Hale said.",
        "beat",
        ["Ana Ruiz", "Lena Cole", "Tom Hale"],
    )

    def joined(first: tuple[str, str, list[str]], second: tuple[str, str, list[str]]) -> bool:
        story = merge(
            [
                extraction("A", [(first[0], None, first[2])], acts=[first[1]], people=people),
                extraction("B", [(second[0], None, second[2])], acts=[second[1]], people=people),
            ]
        )
        return len(story.timeline) == 1

    assert not joined(final, other)  # Lena Cole and Mia Stone: different people played
    assert joined(final, witnessed)  # only one side names someone the other does not
    # a person on one side, a body or place on the other: other parts of one event told
    clinic = ("Lena Cole checked into the Hollins clinic.", "checked into", ["Lena Cole", "Hollins"])
    spokesman = ("Lena Cole checked into rehab, Tom Hale said.", "checked into", ["Lena Cole", "Tom Hale"])
    assert joined(clinic, spokesman)
    assert not joined(
        clinic, ("Lena Cole checked into the Mayfield clinic.", "checked into", ["Lena Cole", "Mayfield"])
    )
    # nobody in common, but a person on one side and only a place on the other: one shooting
    shot = ("Police shot Lena Cole outside her home on Friday.", "shot", ["Lena Cole"])
    assert joined(shot, ("Police shot a woman outside her home in Toledo.", "shot", ["Toledo"]))
    assert not joined(shot, ("Police shot Mia Stone outside her home on Friday.", "shot", ["Mia Stone"]))


def test_people_named_alone_on_two_sides_of_one_act_are_one_event() -> None:
    """With nobody in common, the person one report names and the person the other names may
    stand on the two sides of one act (who nominates, who is nominated), or be one person the
    actor table could not join; two people on the same side of it, or whose sides cannot be
    read, are two events."""
    people = frozenset({"Ana Ruiz", "Lena Cole", "Mia Stone", "Dan Rait", "Rob Hale", "Lena Ruiz", "Ruiz"})

    def joined(first: tuple[str, str, list[str]], second: tuple[str, str, list[str]]) -> bool:
        story = merge(
            [
                extraction("A", [(first[0], None, first[2])], acts=[first[1]], people=people),
                extraction("B", [(second[0], None, second[2])], acts=[second[1]], people=people),
            ]
        )
        return len(story.timeline) == 1

    nominates = ("Ana Ruiz nominates a rural doctor as health minister.", "nominates", ["Ana Ruiz"])
    nominated = ("Lena Cole was nominated as health minister on Friday.", "nominated", ["Lena Cole"])
    assert joined(nominates, nominated)  # who nominates, who was nominated
    also = ("Mia Stone was nominated as health minister on Friday.", "nominated", ["Mia Stone"])
    assert not joined(nominated, also)  # two people nominated: two nominations
    died = ("Dan Rait died after falling from a ridge near the glacier.", "died", ["Dan Rait"])
    dies = ("Rob Hale dies after a fall from a ridge near the glacier.", "dies", ["Rob Hale"])
    assert not joined(died, dies)  # two climbers died
    # a name with the other's surname may be the same person's, unless it says otherwise
    ruiz = ("Ruiz was nominated as health minister on Friday.", "nominated", ["Ruiz"])
    assert joined(ruiz, ("Lena Ruiz was nominated as health minister.", "nominated", ["Lena Ruiz"]))
    assert not joined(
        ("Ana Ruiz was nominated as health minister.", "nominated", ["Ana Ruiz"]),
        ("Lena Ruiz was nominated as health minister.", "nominated", ["Lena Ruiz"]),
    )
    # where a person's side cannot be read, the two stay apart: the reports may be of two deaths
    said = ("The coroner Rob Hale said Rait had died after a fall near the glacier.", "died", ["Rob Hale"])
    assert not joined(said, ("Dan Rait died after a fall near the glacier.", "died", ["Dan Rait"]))
    page = ("Lena Cole, the pinup model who inspired a generation, died on Friday.", "died", ["Lena Cole"])
    assert not joined(page, ("Mia Stone dies at 91 on Friday.", "dies", ["Mia Stone"]))
    # a side is read past what may stand between a name and its act
    believed = (
        "Rob Hale is believed to have nominated a doctor as health minister.",
        "nominated",
        ["Rob Hale"],
    )
    assert joined(believed, nominated)


def test_one_verb_with_another_particle_is_another_act_whatever_the_words() -> None:
    into = ("Lena Cole checked into a clinic in Leeds on Friday.", "checked into", ["Lena Cole"])
    out = ("Lena Cole checked out of the clinic in Leeds on Friday.", "checked out", ["Lena Cole"])
    assert not joined_acts(into, out)
    assert joined_acts(
        into, ("Lena Cole checked in to a Leeds clinic on Friday.", "checked in", ["Lena Cole"])
    )


def test_a_report_of_an_act_not_done_is_not_joined_with_one_of_it_done() -> None:
    done = ("The Rovers sacked coach Ana Ruiz on Monday.", "sacked", ["Rovers", "Ana Ruiz"])
    assert joined_acts(
        done, ("The Rovers sacked coach Ana Ruiz on Monday night.", "sacked", ["Rovers", "Ana Ruiz"])
    )
    assert not joined_acts(
        done, ("The Rovers have not sacked coach Ana Ruiz on Monday.", "sacked", ["Rovers", "Ana Ruiz"])
    )


def test_reports_naming_different_teams_or_places_in_one_part_are_different_events() -> None:
    """Who else took part, or where, tells two happenings of one kind apart, whatever kind of
    actor names it: one team beating two opponents, one chain's stores burning in two towns."""
    beat_harts = ("The Rovers beat the Harts 2-1 at home.", "beat", ["Rovers", "Harts"])
    beat_mills = ("The Rovers beat the Mills 2-1 at home.", "beat", ["Rovers", "Mills"])
    assert not joined_acts(beat_harts, beat_mills)
    assert joined_acts(beat_harts, ("The Rovers beat the Harts 2-1 in a home game.", "beat", ["Rovers"]))
    surrey = ("A fire destroyed a Fenwell supermarket in Surrey.", "fire", ["Fenwell", "Surrey"])
    wellington = ("A fire destroyed a Fenwell supermarket in Wellington.", "fire", ["Fenwell", "Wellington"])
    assert not joined_acts(surrey, wellington)


def test_a_place_or_body_whose_name_stands_within_the_others_may_be_the_same_one() -> None:
    """'Queens' and 'Richmond Hill, Queens': that place, or a part of it; 'Brooklyn' is another."""
    borough = ("A driver hit and killed a woman in Queens on Friday.", "killed", ["Queens"])
    street = (
        "A woman was killed by a hit-and-run driver in Richmond Hill.",
        "killed",
        ["Richmond Hill, Queens"],
    )
    assert joined_acts(borough, street)
    elsewhere = ("A driver hit and killed a woman in Brooklyn on Friday.", "killed", ["Brooklyn"])
    assert not joined_acts(elsewhere, street)


def test_a_town_and_the_country_or_state_it_lies_in_may_be_one_place() -> None:
    """'Palmer' lies in Alaska, 'Athens' in Greece: a report naming the town and one naming the
    state or country may tell of one event; two towns, or a town elsewhere, are two places."""
    palmer = ("Fire destroyed the old dairy warehouse in Palmer.", "destroyed", ["Palmer"])
    alaska = ("Fire destroyed a historic dairy warehouse in Alaska.", "destroyed", ["Alaska"])
    assert joined_acts(palmer, alaska)
    assert not joined_acts(alaska, ("Fire destroyed a dairy warehouse in Oregon.", "destroyed", ["Oregon"]))
    assert not joined_acts(palmer, ("Fire destroyed a dairy warehouse in Juneau.", "destroyed", ["Juneau"]))
    # where each says it happened, in place of a participant
    athens = ("Riots broke out after police shot a teenager.", "shot", [])
    greece = ("Riots broke out after police shot a teenager dead.", "shot", [])
    story = merge(
        [
            extraction("A", [(athens[0], None, [])], acts=["shot"], places=["in Athens"]),
            extraction("B", [(greece[0], None, [])], acts=["shot"], places=["in Greece"]),
            extraction("C", [(greece[0], None, [])], acts=["shot"], places=["in Lisbon"]),
        ]
    )
    assert [e.sources for e in story.timeline] == [["A", "B"], ["C"]]


def test_the_same_act_by_the_same_parties_is_one_event_in_other_words() -> None:
    sacked = (
        "The Rovers sacked Ana Ruiz on Monday after a run of six defeats.",
        "sacked",
        ["Rovers", "Ana Ruiz"],
    )
    told = (
        "Ana Ruiz was sacked as head coach by the Rovers, the club said.",
        "sacked",
        ["Ana Ruiz", "Rovers"],
    )
    assert joined_acts(sacked, told)
    assert joined_acts(sacked, told, published=date(2024, 7, 1))  # whenever it was reported
    # one party in common is not enough when the two were reported weeks apart: another sacking
    assert joined_acts((sacked[0], "sacked", ["Rovers"]), (told[0], "sacked", ["Rovers"]))
    assert not joined_acts(
        (sacked[0], "sacked", ["Rovers"]), (told[0], "sacked", ["Rovers"]), published=date(2024, 7, 1)
    )
    # nor the same parties doing another thing
    assert not joined_acts(
        sacked, ("Ana Ruiz signed a new contract with the Rovers.", "signed", ["Ana Ruiz", "Rovers"])
    )


def test_the_same_act_with_the_same_exact_figure_is_one_event_in_other_words() -> None:
    first = ("The coastguard rescued 23 fishermen from a sinking trawler off Kessa.", "rescued", [])
    second = ("Rescuers said 23 crew were rescued after their boat capsized in a storm.", "rescued", [])
    assert joined_acts(first, second)
    later = date(2024, 6, 20)  # reported weeks apart: only the same exact figure joins them
    assert joined_acts(first, second, published=later)
    assert not joined_acts(first, (second[0].replace("23", "31"), "rescued", []), published=later)
    sixty = ("Rescuers said 60 fishermen were rescued after their boat capsized in a storm.", "rescued", [])
    assert not joined_acts(first, sixty)  # at odds: 23 and 60 fishermen
    # a count worded as another thing ('crew', 'boats') is not compared: it may count something else
    assert joined_acts(first, (second[0].replace("23", "60"), "rescued", []))
    two_boats = ("Two boats rescued 23 fishermen after their trawler capsized.", "rescued", [])
    assert joined_acts(first, two_boats)
    lone = ("The coastguard rescued one fisherman from a sinking trawler off Kessa.", "rescued", [])
    other = ("Rescuers said one crew member was rescued after the boat capsized in a storm.", "rescued", [])
    assert not joined_acts(lone, other, published=later)  # 'one' is said of too much to tell an event


def test_news_of_one_act_in_one_week_is_one_event_whatever_its_words() -> None:
    """Within a story, two outlets telling of the same act within a week tell of one event, unless
    what they state tells them apart; a week or more apart, the act may have been done again."""
    beat = ("Luck threw two touchdowns as the Colts beat the Chiefs 20-13.", "beat", ["Colts"])
    beating = ("The Colts clinched a playoff spot by beating the Chiefs on Sunday.", "beating", ["Colts"])
    assert not joined_events((beat[0], None, beat[2]), (beating[0], None, beating[2]))  # words alone
    assert joined_acts(beat, beating)
    assert joined_acts(beat, beating, published=date(2024, 5, 12))
    assert not joined_acts(beat, beating, published=date(2024, 5, 20))
    # told as still to come, the act falls in the week after the article
    fly = ("The jet will fly for the first time from Toulouse.", "fly", [])
    flew = ("Crowds watched as the new jet flew over Toulouse.", "flew", [])
    assert joined_acts(fly, flew, published=date(2024, 5, 10))
    assert not joined_acts(fly, flew, published=date(2024, 5, 30))
    # a dated event and an undated one reported long after it
    first = ("The maiden flight of the prototype took place in 1994.", "flight", [])
    again = ("The jet makes a flight over the Alps with a full cabin.", "flight", [])
    assert not joined_acts(first, again, whens=("1994", None))
    assert joined_acts(first, again, whens=("2024", None))


def test_what_tells_one_act_at_one_time_apart_is_a_code_or_a_place_not_any_name() -> None:
    """Told in other words, the same act in one week stays apart for a code ('A380', 'A350') or
    a place ('where') the other does not share; other names in a description (who reported it, a
    people's name) do not tell the act apart."""
    indian = ("An Indian warship foiled a pirate attack on merchant ships.", "foiled", [])
    somali = ("The navy foiled an attack by Somali pirates, Newsday reported.", "foiled", [])
    assert joined_acts(indian, somali)
    a380 = ("The airline took delivery of its first A380 at the plant.", "delivery", [])
    a350 = ("Crowds cheered the delivery of the first A350 to the carrier.", "delivery", [])
    assert not joined_acts(a380, a350)
    fire = ("Fire destroyed a supermarket overnight.", "fire", [])
    blaze = ("A fire gutted the supermarket, leaving nothing standing.", "fire", [])
    both = [fire[0], blaze[0]]

    def joined_where(first: str | None, second: str | None) -> bool:
        a = extraction("A", [(both[0], None, [])], acts=["fire"], places=[first])
        b = extraction("B", [(both[1], None, [])], published=date(2024, 5, 7), acts=["fire"], places=[second])
        return len(merge([a, b]).timeline) == 1

    assert joined_where("in Surrey", "Surrey") and joined_where("in Surrey", None)
    assert not joined_where("in Surrey", "Wellington")


def test_acts_of_one_sense_in_other_words_are_one_act() -> None:
    """'issued' and 'released' a film, 'arrested' and 'nabbed' a man: one kind of act in other
    words, joined as the same act would be; what sets two events apart still does."""
    issued = ("The studio issued the director's new film in cinemas.", "issued", ["Hale Studios"])
    released = ("Hale Studios released the long-delayed thriller on Friday.", "released", ["Hale Studios"])
    assert joined_acts(issued, released)
    assert not joined_acts(issued, released, published=date(2024, 5, 20))  # weeks apart: again
    nabbed = ("Police nabbed Tom Reyes at a motel near the border.", "nabbed", ["Tom Reyes"])
    arrested = ("Tom Reyes was arrested by federal agents after a long search.", "arrested", ["Tom Reyes"])
    assert joined_acts(nabbed, arrested)
    other = ("Ben Ortiz was arrested by federal agents after a long search.", "arrested", ["Ben Ortiz"])
    assert not joined_acts(nabbed, other)  # someone else
    # acts that are related, not one: a killing and a death stay two rows unless their words join them
    killed = ("Gunmen killed a village elder near Kessa.", "killed", [])
    died = ("An elder died in hospital in the capital.", "died", [])
    assert not joined_acts(killed, died)


def test_sayings_of_one_party_are_one_event_only_by_what_was_said() -> None:
    said = ("The minister said the border would stay closed.", "said", ["Ruiz"])
    told = ("The minister said fuel prices would rise next month.", "said", ["Ruiz"])
    assert not joined_acts(said, told)
    denied = ("Ruiz denied that troops had crossed the border.", "denied", ["Ruiz"])
    rejected = ("Ruiz denied reports of a new tax on fuel.", "denied", ["Ruiz"])
    assert not joined_acts(denied, rejected)


_WORDS = [
    "rebels",
    "seized",
    "the",
    "port",
    "town",
    "army",
    "shelled",
    "bridge",
    "police",
    "fired",
    "on",
    "crowd",
    "23",
]
_ACTS = [None, "seized", "shelled", "fired"]
_PARTIES = ["Rebels", "Army", "Police"]


@settings(max_examples=60, deadline=None)
@given(
    reports=st.lists(
        st.tuples(
            st.sampled_from("ABCD"),
            st.lists(st.sampled_from(_WORDS), min_size=2, max_size=7),
            st.sampled_from(_ACTS),
            st.lists(st.sampled_from(_PARTIES), max_size=2, unique=True),
        ),
        min_size=2,
        max_size=9,
    )
)
def test_the_merge_is_what_comparing_every_entry_would_give(
    reports: list[tuple[str, list[str], str | None, list[str]]],
) -> None:
    """The merge compares a report only with entries whose words come near it (an index), which
    must find every join that comparing all entries would: no rule joins reports further apart.
    Each report is a claim of its first party too, joined through the rows its sentence is in."""
    by_source: dict[str, list[tuple[str, str | None, list[str]]]] = {}
    for source, words, act, parties in reports:
        by_source.setdefault(source, []).append((" ".join(words).capitalize() + ".", act, parties))
    extractions = [
        extraction(
            s,
            [(what, None, parties) for what, _, parties in events],
            claims=[(what, parties[0] if parties else None) for what, _, parties in events],
            acts=[a for _, a, _ in events],
        )
        for s, events in sorted(by_source.items())
    ]

    def rows() -> list[tuple[list[str], list[str]]]:
        story = merge(extractions)
        return [
            (e.sources, [c.sentence_id + c.quote for c in e.citations])
            for e in [*story.timeline, *story.claims]
        ]

    indexed = rows()
    with (
        pytest.MonkeyPatch.context() as patched
    ):  # an index that lets every report with a word in common through
        patched.setattr("summarizer.stages.merge.SAME_ACT_SHARED_ACTOR", 1e-9)
        patched.setattr("summarizer.stages.merge.SAME_WORDS_SHARED_ACTOR", 1e-9)
        assert rows() == indexed
