import pytest

from summarizer.actors import Mention, core_name, resolve


def names(clusters: list) -> list[list[str]]:
    return [sorted(c.surface_forms) for c in clusters]


@pytest.mark.parametrize(
    ("mention", "core"),
    [
        ("Serbian President Aleksandar Vucic", "Aleksandar Vucic"),
        ("US Secretary of State Antony Blinken", "Antony Blinken"),
        ("White House National Security Council spokesperson John Kirby", "John Kirby"),
        ("Britain’s Ministry of Defence", "Ministry of Defence"),
        ("National Security Council", "National Security Council"),
        ("the Prime Minister of Singapore, Mr. Lee Hsien Loong", "Lee Hsien Loong"),
        ("Ryanair CEO, Michael O' Leary", "Michael O'Leary"),
        ("Irish low cost airline, Ryanair", "Ryanair"),
        ("Singapore Airlines (SIA", "Singapore Airlines"),
        ("the Moscone West center in San Francisco", "Moscone West"),
        ("NATO’s Kosovo Force", "Kosovo Force"),
    ],
)
def test_core_name(mention: str, core: str) -> None:
    assert core_name(mention) == core


def test_seed_actors_resolve_across_sources() -> None:
    mentions = [
        ("A", "Serbian President Aleksandar Vucic"),
        ("A", "Vucic"),
        ("B", "Vučić"),
        ("A", "Kosovo Force"),
        ("B", "KFOR"),
        ("A", "NATO"),
        ("A", "White House National Security Council spokesperson John Kirby"),
        ("B", "Kirby"),
        ("B", "NSC"),
        ("A", "National Security Council"),
        ("A", "US"),
        ("B", "the United States"),
        ("A", "UK"),
        ("B", "Britain"),
        ("A", "Albin Kurti"),
        ("B", "Kosovo Prime Minister Albin Kurti"),
    ]
    clusters = resolve(mentions)
    assert names(clusters) == [
        ["Serbian President Aleksandar Vucic", "Vucic", "Vučić"],
        ["KFOR", "Kosovo Force"],
        ["NATO"],
        ["Kirby", "White House National Security Council spokesperson John Kirby"],
        ["NSC", "National Security Council"],
        ["US", "the United States"],
        ["Britain", "UK"],
        ["Albin Kurti", "Kosovo Prime Minister Albin Kurti"],
    ]
    assert clusters[0].name == "Aleksandar Vucic"
    assert clusters[0].sources == ["A", "B"]


def test_ambiguous_surnames_and_kinds_stay_apart() -> None:
    clusters = resolve(
        [
            Mention("A", "Presiding Judge Martin Mann", "PER"),
            Mention("B", "Mr Justice Anthony Mann", "PER"),
            Mention("B", "Mann", "PER"),
            Mention("A", "Singapore", "LOC"),
            Mention("A", "Singapore Airlines", "ORG"),
            Mention("A", "Apple Inc.", "ORG"),
            Mention("B", "Apple", "ORG"),
            Mention("C", "Apple Computer", "ORG"),
            Mention("C", "Apple Corps", "ORG"),
        ]
    )
    assert names(clusters) == [
        ["Presiding Judge Martin Mann"],
        ["Mr Justice Anthony Mann"],
        ["Mann"],
        ["Singapore"],
        ["Singapore Airlines"],
        ["Apple", "Apple Computer", "Apple Inc."],
        ["Apple Corps"],
    ]


def test_known_aliases_join_and_acronyms_defined_in_text() -> None:
    clusters = resolve(
        [
            ("A", "Singapore Airlines (SIA"),
            ("B", "SIA"),
            ("A", "the Serbian president"),
            ("A", "Aleksandar Vucic"),
        ],
        same_actor=[[2, 3]],
    )
    assert names(clusters) == [
        ["SIA", "Singapore Airlines (SIA"],
        ["Aleksandar Vucic", "the Serbian president"],
    ]


def test_a_title_word_in_a_company_name_is_part_of_the_name() -> None:
    assert core_name("General Electric", "ORG") == "General Electric"
    assert core_name("General Motors", "organisation") == "General Motors"
    assert core_name("General Mark Milley", "PER") == "Mark Milley"  # a person's title still goes
    clusters = resolve([Mention("A", "General Electric", "ORG"), Mention("B", "General Motors", "ORG")])
    assert len(clusters) == 2


def test_a_description_never_joins_two_actors() -> None:
    mentions = [
        Mention("A", "Ford", "ORG"),
        Mention("A", "the company", "ORG"),
        Mention("B", "Toyota", "ORG"),
        Mention("B", "the company", "ORG"),
        Mention("B", "the US car manufacturer", "ORG"),
    ]
    # each source's actor with its own description (as an extraction lists its aliases)
    clusters = resolve(mentions, same_actor=[[0, 1], [2, 3, 4]])
    assert sorted(sorted(m.text for m in c.mentions) for c in clusters) == [
        ["Ford", "the company"],
        ["Toyota", "the US car manufacturer", "the company"],
    ]
    assert (
        core_name("the US car manufacturer", "ORG") == ""
        and core_name("Heathrow airport", "LOC") == "Heathrow airport"
    )


def test_an_organisation_known_by_its_last_word_joins_it_but_a_kind_of_body_does_not() -> None:
    mentions = [
        Mention("A", "the San Diego Chargers", "ORG"),
        Mention("B", "Chargers", "ORG"),
        Mention("A", "the World Bank", "ORG"),
        Mention("B", "Bank", "ORG"),
    ]
    assert names(resolve(mentions)) == [["Chargers", "the San Diego Chargers"], ["the World Bank"], ["Bank"]]


def test_a_place_after_a_preposition_and_a_glued_title_are_the_same_name() -> None:
    mentions = [
        Mention("A", "Near Houston", "LOC"),
        Mention("B", "in Houston", "LOC"),
        Mention("A", "Gov.Sarah Palin", "PER"),
        Mention("B", "Sarah Palin", "PER"),
    ]
    assert names(resolve(mentions)) == [["Near Houston", "in Houston"], ["Gov.Sarah Palin", "Sarah Palin"]]


def test_british_and_american_spellings_of_a_name_are_one_name() -> None:
    mentions = [
        Mention("A", "the Betty Ford Centre", "ORG"),
        Mention("B", "Betty Ford Center", "ORG"),
        Mention("A", "Ministry of Defence", "ORG"),
        Mention("B", "the Ministry of Defense", "ORG"),
        Mention("B", "Betty Ford Clinic", "ORG"),
    ]
    assert names(resolve(mentions)) == [
        ["Betty Ford Center", "the Betty Ford Centre"],
        ["Ministry of Defence", "the Ministry of Defense"],
        ["Betty Ford Clinic"],
    ]


def test_full_names_of_one_person_written_differently_are_one_person() -> None:
    mentions = [
        Mention("A", "Fred LaRue", "PER"),
        Mention("B", "Frederick Cheney LaRue", "PER"),
        Mention("C", "Frederick C. LaRue", "PER"),
        Mention("C", "LaRue", "PER"),
        Mention("A", "W. Mark Felt Sr.", "PER"),
        Mention("B", "Mark Felt", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["Fred LaRue", "Frederick C. LaRue", "Frederick Cheney LaRue", "LaRue"],
        ["Mark Felt", "W. Mark Felt Sr."],
    ]


def test_names_that_fit_two_people_or_generations_stay_apart() -> None:
    mentions = [
        Mention("A", "John Smith", "PER"),
        Mention("B", "Jane Smith", "PER"),
        Mention("C", "J. Smith", "PER"),  # either of them
        Mention("A", "George W. Bush", "PER"),
        Mention("B", "George H. W. Bush", "PER"),
        Mention("C", "George Bush", "PER"),  # either of them
        Mention("A", "Albert Gore Jr.", "PER"),
        Mention("B", "Albert Gore Sr.", "PER"),
    ]
    clusters = names(resolve(mentions))
    assert len(clusters) == 8, clusters


def test_a_familiar_first_name_is_the_same_person() -> None:
    mentions = [
        Mention("A", "William Clinton", "PER"),
        Mention("B", "Bill Clinton", "PER"),
        Mention("A", "Kathryn Jenkin", "PER"),
        Mention("B", "Katie Jenkin", "PER"),
        Mention("C", "Hillary Clinton", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["Bill Clinton", "William Clinton"],
        ["Kathryn Jenkin", "Katie Jenkin"],
        ["Hillary Clinton"],
    ]


def test_web_names_hyphens_abbreviations_and_job_titles_are_the_same_name() -> None:
    mentions = [
        Mention("A", "Politico.com", "ORG"),
        Mention("B", "Politico", "ORG"),
        Mention("A", "Coca-Cola", "ORG"),
        Mention("B", "Coca Cola", "ORG"),
        Mention("A", "Mt Kenya", "LOC"),
        Mention("B", "Mount Kenya", "LOC"),
        Mention("A", "Attorney Dana Morel", "PER"),
        Mention("B", "Dana Morel", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["Politico", "Politico.com"],
        ["Coca Cola", "Coca-Cola"],
        ["Mount Kenya", "Mt Kenya"],
        ["Attorney Dana Morel", "Dana Morel"],
    ]


def test_a_given_name_alone_joins_the_one_person_it_fits() -> None:
    """A one-word mention known to name a person joins the one person with that given name; two
    people with it, or a mention of unknown kind, keep it apart. A surname joins across a
    generational suffix."""
    alone = [Mention("A", "Priya Raman", "PER"), Mention("B", "Priya", "PER")]
    assert names(resolve(alone)) == [["Priya", "Priya Raman"]]
    two = [*alone, Mention("C", "Priya Shah", "PER")]
    assert names(resolve(two)) == [["Priya Raman"], ["Priya"], ["Priya Shah"]]
    unknown = [Mention("A", "Priya Raman", "PER"), Mention("B", "Priya", None)]
    assert names(resolve(unknown)) == [["Priya Raman"], ["Priya"]]
    suffix = [Mention("A", "Arden James Hollis Jr", "PER"), Mention("B", "Hollis", "PER")]
    assert names(resolve(suffix)) == [["Arden James Hollis Jr", "Hollis"]]


def test_an_organisation_known_by_its_last_words_and_alike_names_that_differ_where_it_counts() -> None:
    mentions = [
        Mention("A", "the Detroit Red Wings", "ORG"),
        Mention("B", "Red Wings", "ORG"),
        Mention("A", "Kochi International Airport", "LOC"),
        Mention("B", "Kobe International Airport", "LOC"),
        Mention("A", "Duncan Rait", "PER"),
        Mention("B", "Duncan Raite", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["Red Wings", "the Detroit Red Wings"],
        ["Kochi International Airport"],
        ["Kobe International Airport"],
        ["Duncan Rait", "Duncan Raite"],
    ]


def test_longer_short_names_join_first_and_abbreviations_of_company_words() -> None:
    """'Dow Jones' joins the index before 'the Dow' looks for the one name it is short for; 'Co.'
    is 'Company'; 'St.' is 'Street' at the end of a name and 'Saint' at its start."""
    mentions = [
        Mention("A", "the Harlow Jones Composite Index", "ORG"),
        Mention("B", "Harlow Jones", "ORG"),
        Mention("C", "the Harlow", "ORG"),
        Mention("A", "Brandt Motor Co.", "ORG"),
        Mention("B", "Brandt Motor Company", "ORG"),
        Mention("C", "Brandt", "ORG"),
        Mention("A", "Bay St.", "LOC"),
        Mention("B", "Bay Street", "LOC"),
        Mention("A", "St. Albans", "LOC"),
        Mention("B", "Saint Albans", "LOC"),
    ]
    assert names(resolve(mentions)) == [
        ["Harlow Jones", "the Harlow", "the Harlow Jones Composite Index"],
        ["Brandt", "Brandt Motor Co.", "Brandt Motor Company"],
        ["Bay St.", "Bay Street"],
        ["Saint Albans", "St. Albans"],
    ]


def test_indexes_by_their_letters_and_titles_joined_by_a_hyphen() -> None:
    mentions = [
        Mention("A", "Keller & Moss 400 index", "ORG"),
        Mention("B", "K&M 400", "ORG"),
        Mention("A", "the KLX 50", "ORG"),
        Mention("B", "the KLX", "ORG"),
        Mention("A", "US Airways", "ORG"),
        Mention("B", "US", "LOC"),
        Mention("A", "President-elect Dana Morel", "PER"),
        Mention("B", "Dana Morel", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["K&M 400", "Keller & Moss 400 index"],
        ["the KLX", "the KLX 50"],
        ["US Airways"],
        ["US"],
        ["Dana Morel", "President-elect Dana Morel"],
    ]


def test_an_organisation_by_the_clipped_first_word_of_its_name() -> None:
    """Written as a common noun is ('the Fed'), a clipped word is the organisation; a name
    written alone that only begins the same way is not."""
    fed = [Mention("A", "Federal Reserve", "ORG"), Mention("B", "the Fed", "ORG"), Mention("C", "Fed", "ORG")]
    assert names(resolve(fed)) == [["Fed", "Federal Reserve", "the Fed"]]
    ford = [Mention("A", "Fordham University", "ORG"), Mention("B", "Ford", "ORG")]
    assert names(resolve(ford)) == [["Fordham University"], ["Ford"]]


def test_a_place_and_the_government_named_after_it_stay_apart() -> None:
    """One name is one actor, unless the mentions say one is the place and one the body named
    after it; a mention of no known kind then joins neither, and otherwise joins the one."""
    both = [
        Mention("A", "Britain", "LOC"),
        Mention("B", "Britain", "ORG"),
        Mention("C", "Britain", None),
        Mention("C", "the United Kingdom", "ORG"),
    ]
    assert names(resolve(both)) == [["Britain"], ["Britain", "the United Kingdom"], ["Britain"]]
    one = [Mention("A", "Britain", "LOC"), Mention("C", "Britain", None)]
    assert names(resolve(one)) == [["Britain"]]
    assert [len(c.mentions) for c in resolve(one)] == [2]


def test_a_place_is_not_the_place_named_after_it() -> None:
    """'London' is not 'London Heathrow' nor 'London City Airport'; a name followed only by a kind
    of place is that place, and a name of two words or more followed by a kind of site that site."""
    mentions = [
        Mention("A", "London", "LOC"),
        Mention("B", "London Heathrow", "LOC"),
        Mention("C", "London City Airport", "LOC"),
        Mention("A", "Harbor View", "LOC"),
        Mention("B", "the Harbor View Convention Center", "LOC"),
        Mention("A", "the Mediterranean", "LOC"),
        Mention("B", "the Mediterranean Sea", "LOC"),
        Mention("A", "Northrop", "ORG"),
        Mention("B", "Northrop Grumman", "ORG"),
    ]
    assert names(resolve(mentions)) == [
        ["London"],
        ["London Heathrow"],
        ["London City Airport"],
        ["Harbor View", "the Harbor View Convention Center"],
        ["the Mediterranean", "the Mediterranean Sea"],
        ["Northrop", "Northrop Grumman"],
    ]


def test_political_titles_and_a_department_of_something() -> None:
    mentions = [
        Mention("A", "House Speaker Dana Morel", "PER"),
        Mention("B", "Speaker Morel", "PER"),
        Mention("C", "Dana Morel", "PER"),
        Mention("A", "Senate Majority Leader Ray Tillis", "PER"),
        Mention("B", "Tillis", "PER"),
        Mention("A", "the Department of the Interior", "ORG"),
        Mention("B", "Interior Department", "ORG"),
    ]
    assert names(resolve(mentions)) == [
        ["Dana Morel", "House Speaker Dana Morel", "Speaker Morel"],
        ["Senate Majority Leader Ray Tillis", "Tillis"],
        ["Interior Department", "the Department of the Interior"],
    ]


def test_surnames_with_particles_later_given_names_and_religious_titles() -> None:
    """'da Silva', 'van Gogh' and 'de Gaulle' are surnames; one who goes by a later given name
    ('Lula da Silva') is the full name that holds it; 'Ayatollah' is a title; 'the Gaza Strip'
    is Gaza. Two first names for one surname stay two people."""
    mentions = [
        Mention("A", "Luiz Inácio Lula da Silva", "PER"),
        Mention("B", "Lula da Silva", "PER"),
        Mention("C", "Lula", "PER"),
        Mention("A", "Pieter van Dalen", "PER"),
        Mention("B", "van Dalen", "PER"),
        Mention("A", "Ayatollah Reza Tabari", "PER"),
        Mention("B", "Reza Tabari", "PER"),
        Mention("A", "the Gaza Strip", "LOC"),
        Mention("B", "Gaza", "LOC"),
        Mention("A", "John Okafor", "PER"),
        Mention("B", "Jane Okafor", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["Luiz Inácio Lula da Silva", "Lula", "Lula da Silva"],
        ["Pieter van Dalen", "van Dalen"],
        ["Ayatollah Reza Tabari", "Reza Tabari"],
        ["Gaza", "the Gaza Strip"],
        ["John Okafor"],
        ["Jane Okafor"],
    ]


def test_acronyms_with_the_letters_of_small_words_and_a_titles_country() -> None:
    """An acronym may take the letter of 'of' or of a surname's particle, and its small letters
    ('DOJ', 'MoD', 'MBS'); a body's acronym fits both ways news writes its name. 'Emmanuel
    Macron of France' after a title names the person; 'Joan of Arc' is a name whole."""
    mentions = [
        Mention("A", "the Department of Justice", "ORG"),
        Mention("B", "DOJ", "ORG"),
        Mention("A", "Britain's Defence Ministry", "ORG"),
        Mention("B", "the MoD", "ORG"),
        Mention("A", "Crown Prince Mohammed bin Salman", "PER"),
        Mention("B", "MBS", "PER"),
        Mention("A", "President Emmanuel Macron of France", "PER"),
        Mention("B", "Emmanuel Macron", "PER"),
        Mention("A", "Senator John McCain", "PER"),
        Mention("B", "McCain", "PER"),
    ]
    assert names(resolve(mentions)) == [
        ["DOJ", "the Department of Justice"],
        ["Britain's Defence Ministry", "the MoD"],
        ["Crown Prince Mohammed bin Salman", "MBS"],
        ["Emmanuel Macron", "President Emmanuel Macron of France"],
        ["McCain", "Senator John McCain"],
    ]
    assert core_name("Joan of Arc", "PER") == "Joan of Arc"
    assert core_name("King Charles III of Britain", "PER") == "Charles III"


def test_a_body_after_its_countrys_name_parties_by_their_members_and_older_spellings() -> None:
    """'Supreme Court' is 'U.S. Supreme Court' when only one country's court is named; beside
    two countries' defence ministries it fits neither. 'Democrats' are the Democratic Party;
    'Kiev' is Kyiv. ('Democrats' beside 'Liberal Democrats' too would fit two parties.)"""
    mentions = [
        Mention("A", "the U.S. Supreme Court", "ORG"),
        Mention("B", "the Supreme Court", "ORG"),
        Mention("A", "the Democrats", "ORG"),
        Mention("B", "Democratic Party", "ORG"),
        Mention("A", "Kyiv", "LOC"),
        Mention("B", "Kiev", "LOC"),
    ]
    assert names(resolve(mentions)) == [
        ["the Supreme Court", "the U.S. Supreme Court"],
        ["Democratic Party", "the Democrats"],
        ["Kiev", "Kyiv"],
    ]
    liberal = [Mention("A", "Liberal Democrats", "ORG"), Mention("B", "the Liberal Democratic Party", "ORG")]
    assert len(resolve(liberal)) == 1
    two = [
        Mention("A", "the UK Defence Ministry", "ORG"),
        Mention("B", "the US Defence Ministry", "ORG"),
        Mention("C", "the Defence Ministry", "ORG"),
    ]
    assert len(resolve(two)) == 3


def test_a_person_goes_by_initials_not_by_letters_of_each_name() -> None:
    """A body may take more than one letter of a word ('KFOR': Kosovo Force); a person goes by
    initials alone ('JK'), so 'JOK' is no name of John Kirby's (a forged party in a briefing)."""
    mentions = [
        Mention("A", "John Kirby", "PER"),
        Mention("B", "JK", "PER"),
        Mention("B", "JOK", "PER"),
        Mention("A", "Kosovo Force", "ORG"),
        Mention("B", "KFOR", "ORG"),
    ]
    assert names(resolve(mentions)) == [["JK", "John Kirby"], ["JOK"], ["KFOR", "Kosovo Force"]]
