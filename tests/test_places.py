"""Whether one named place lies within another, as GeoNames knows them."""

from summarizer.text.places import nested


def test_a_town_lies_within_its_state_and_country_and_neither_within_another_town() -> None:
    assert nested("Palmer", "in Alaska")
    assert nested("the United States", "Palmer")  # either way round
    assert nested("in Athens", "Greece")
    assert not nested("Athens", "Portugal")
    assert not nested("Paris", "Lyon")
    assert not nested("Mount Sefton", "Banstead High Street")  # unknown to the gazetteer: no answer


def test_a_name_followed_by_where_it_lies_is_the_place_there() -> None:
    """'Huntsville, Texas' is the Huntsville in Texas, not the one in Alabama, and not Houston,
    which also lies in Texas; a street the gazetteer does not know lies in the town it names."""
    assert nested("Huntsville, Texas", "Texas")
    assert not nested("Huntsville, Texas", "Alabama")
    assert nested("Huntsville", "Alabama")
    assert not nested("Huntsville, Texas", "near Houston")
    assert nested("117th Street, Queens", "in Queens")
    assert not nested("117th Street, Queens", "Brooklyn")
