from datetime import date

import pytest

from summarizer.dates import normalise, sort_key

SEED_A = date(
    2023, 9, 29
)  # the anchor of the first seed: its date line (6 December 2023) is not when events happened
SEED_B = date(2023, 9, 30)


@pytest.mark.parametrize(
    ("expression", "reference", "sentence", "value", "precision"),
    [
        ("Friday (Sep 29)", date(2023, 12, 6), None, "2023-09-29", "day"),
        ("on Sunday (Sep 24)", date(2023, 12, 6), None, "2023-09-24", "day"),
        (
            "over the last weekend",
            SEED_A,
            "He claimed that the buildup took place over the last weekend",
            "2023-W38-WE",
            "weekend",
        ),
        (
            "On Wednesday",
            SEED_B,
            "On Wednesday, Serbia said that the defence minister had gone to visit",
            "2023-09-27",
            "day",
        ),
        ("Sep 30, 2023", SEED_B, None, "2023-09-30", "day"),
        ("October 1", SEED_B, None, "2023-10-01", "day"),
        ("6 December 2023", SEED_B, None, "2023-12-06", "day"),
        ("2008", SEED_B, None, "2008", "year"),
        ("Monday", date(2007, 2, 6), "Apple said on Monday it had sold", "2007-02-05", "day"),
        ("Monday", date(2007, 2, 6), "Apple will unveil the phone on Monday", "2007-02-12", "day"),
        (
            "Friday",
            date(2010, 7, 17),
            "Apple Inc. announced Friday that it will give owners a free case",
            "2010-07-16",
            "day",
        ),
        ("last week", date(2004, 11, 24), None, "2004-W47", "week"),
        ("this weekend", date(2010, 1, 25), None, "2010-W04-WE", "weekend"),
        ("February", date(2008, 4, 9), "sales fell in February", "2008-02", "month"),
        ("November 2006", date(2005, 11, 5), None, "2006-11", "month"),
        ("the fourth quarter of 2006", date(2007, 1, 18), None, "2006-Q4", "quarter"),
        ("the last quarter", date(2007, 1, 18), None, "2006-Q4", "quarter"),
        ("the 1970s", date(2007, 1, 18), None, "197", "decade"),
        ("the past decade", date(2011, 1, 17), None, "200", "decade"),
        ("summer 2008", date(2007, 1, 18), None, "2008-SU", "season"),
        ("this morning", date(2008, 1, 9), None, "2008-01-09TMO", "day"),
        ("yesterday", date(2008, 1, 9), None, "2008-01-08", "day"),
        ("two years ago", date(2008, 1, 9), None, "2006", "year"),
        ("7/8/07", date(2007, 7, 9), None, "2007-07-08", "day"),
        ("recently", date(2010, 6, 16), None, "PAST_REF", "reference"),
        ("currently", date(2010, 6, 16), None, "PRESENT_REF", "reference"),
    ],
)
def test_normalise(
    expression: str, reference: date, sentence: str | None, value: str, precision: str
) -> None:
    found = normalise(expression, reference, sentence)
    assert found is not None
    assert (found.value, found.precision, found.expression) == (value, precision, expression)


def test_unknown_expressions_give_none() -> None:
    assert normalise("the Joint Strike Fighter program", date(2008, 3, 1)) is None
    assert normalise("two or three months ago", date(2008, 3, 1)) is None


def test_sort_key_puts_undated_last() -> None:
    values = [None, "2023-09-29", "PAST_REF", "2023-W38-WE", "2023"]
    assert sorted(values, key=sort_key) == ["2023", "2023-W38-WE", "2023-09-29", None, "PAST_REF"]


def test_one_historical_date_does_not_move_the_reading_date() -> None:
    from datetime import date

    from summarizer.dates import anchor

    published = date(2024, 3, 7)
    # a story of this week that recalls an old event: 'Thursday' is this Thursday
    assert anchor(published, ["October 9, 2002", "Thursday"]).reference == published
    assert anchor(published, ["October 9, 2002", "March 1, 2019"]).reference == published
    # a page stamped months after the events it dates explicitly, several times
    moved = anchor(published, ["Sunday (Nov 5)", "Friday (Nov 10, 2023)", "November 8, 2023"])
    assert moved.reference == date(2023, 11, 10) and moved.moved
