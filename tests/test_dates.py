from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.dates import normalise, sort_key, span_of

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
    # a day no month has is no date, not its month ('42 October 2011' is not October 2011)
    assert normalise("42 October 2011", date(2008, 3, 1)) is None


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


# Each class of expression, on examples written for it. REF is a Wednesday in the fourth quarter.
REF = date(2024, 10, 30)


def value(expression: str, sentence: str | None = None, previous: str | None = None) -> str | None:
    found = normalise(expression, REF, sentence, previous)
    return found.value if found else None


def test_quarters_halves_and_fiscal_years() -> None:
    assert value("third-quarter") == "2024-Q3"  # the latest third quarter
    assert value("first-quarter") == "2024-Q1"
    assert value("first-quarter", "Profit will rise in the first quarter") == "2025-Q1"
    assert value("the fiscal second quarter") == "2024-Q2"
    assert value("Q4 2023") == "2023-Q4"
    assert value("the 2022 second quarter") == "2022-Q2"
    assert value("the first half") == "2024-H1"
    assert value("the second half of 2023") == "2023-H2"
    assert value("fiscal 2023") == "2023"
    assert value("the current fiscal year") == "2024"
    assert value("year-end") == "2024"


def test_periods_said_again_refer_back() -> None:
    assert value("the quarter", previous="2024-Q3") == "2024-Q3"
    assert value("the quarter") == "2024-Q3"  # none named: the last one completed
    assert value("the current quarter", previous="2024-Q3") == "2024-Q4"
    assert value("the latest quarter", previous="2021-Q2") == "2024-Q3"  # an old one is not 'latest'
    assert value("that quarter", previous="2021-Q2") == "2021-Q2"
    assert value("the year-earlier quarter", previous="2024-Q3") == "2023-Q3"
    assert value("the year-ago period", previous="2024-09") == "2023-09"
    assert value("a year earlier", previous="2024-Q3") == "2023-Q3"  # at the precision of what it modifies
    assert value("a year earlier") == "2023"
    assert value("the year-earlier period", previous="2023-Q3") == "2023-Q3"  # already a year back
    assert value("the year-ago third quarter") == "2023-Q3"
    assert value("the 2022 quarter", previous="2024-Q3") == "2022-Q3"
    assert value("that year", previous="2019-05") == "2019"
    assert value("the following year", previous="2019") == "2020"
    assert value("the same day", previous="2024-10-02") == "2024-10-02"
    assert value("the next day", previous="2024-10-02") == "2024-10-03"
    assert value("the day before", previous="2024-10-02") == "2024-10-01"
    assert value("the day") is None  # which day, nothing says


def test_last_this_and_next_with_months_and_modifiers() -> None:
    assert value("last November") == "2023-11"
    assert value("last February") == "2024-02"
    assert value("this September") == "2024-09"
    assert value("next May") == "2025-05"
    assert value("early next year") == "2025"
    assert value("late last year") == "2023"
    assert value("the end of this month") == "2024-10"
    assert value("late yesterday") == "2024-10-29"
    assert value("nearly four years ago") == "2020"
    assert value("the weekend") == "2024-W43-WE"  # the one just gone
    assert value("the weekend", "The talks will resume over the weekend") == "2024-W44-WE"


def test_years_in_words_and_with_an_apostrophe() -> None:
    assert value("nineteen ninety-six") == "1996"
    assert value("the year two thousand") == "2000"
    assert value("two thousand and eight") == "2008"
    assert value("the winter of nineteen ninety-four") == "1994-WI"
    assert value("'98") == "1998"
    assert value("'19") == "2019"
    assert value("the nineties") == "199"
    assert value("the twenties") == "202"  # the latest to have begun


def test_named_days() -> None:
    # the fourth Thursday of November: the last one in the past tense, the coming one close ahead
    assert value("Thanksgiving", "Families gathered at Thanksgiving") == "2023-11-23"
    assert value("Thanksgiving") == "2024-11-28"
    assert value("Thanksgiving", "Families will gather at Thanksgiving") == "2024-11-28"
    assert value("Christmas 2019") == "2019-12-25"
    assert value("last Christmas") == "2023-12-25"
    assert value("Easter") == "2024-03-31"
    assert value("Good Friday") == "2024-03-29"
    assert value("Labor Day") == "2024-09-02"
    assert value("Memorial Day") == "2024-05-27"


def test_the_tense_of_the_clause_sets_the_direction() -> None:
    assert value("December", "The crew will be named for a mission in December") == "2024-12"
    assert value("December", "Sales fell in December") == "2023-12"
    assert value("April", "The summit set for Brussels in April") == "2025-04"
    assert value("Tuesday", "The envoy could arrive as early as Tuesday") == "2024-11-05"
    assert value("Tuesday", "The envoy arrived on Tuesday") == "2024-10-29"


def test_an_expression_without_a_value_says_why() -> None:
    from summarizer.dates import why_undated

    assert normalise("that day", REF) is None
    assert why_undated("that day") == "refers back to a date the text does not give"
    assert why_undated("three weeks") == "a length of time, not a date"
    assert why_undated("the Joint Strike Fighter program") == "not an expression these rules read"


def test_a_bare_month_close_ahead_is_the_coming_one_unless_the_verb_is_past() -> None:
    """Said on 30 October, a 'December' whose clause gives no tense is more likely the one two
    months off than the one ten months back; a past verb says it is the one back, a verb in the
    infinitive that it is still to come. A month further ahead is the latest one past, unless the
    clause speaks of the future."""
    assert value("December", "Record shipments in December") == "2024-12"
    assert value("December", "Talks on the merger began in December") == "2023-12"
    assert value("December", "The company changed its auditor in December") == "2023-12"
    assert value("December", "The board agreed to sell the unit in December") == "2024-12"
    assert value("December", "The unit was sold in December") == "2023-12"
    assert value("December", "The report is to be published in December") == "2024-12"
    assert value("March", "Record shipments in March") == "2024-03"
    assert value("March", "The merger will close in March") == "2025-03"
    assert value("February", "Talks began in February this year") == "2024-02"  # the year said after it
    assert value("May", "The talks began in May last year") == "2023-05"


def test_months_of_a_named_year_and_weekdays_and_months_counted_from_the_last_date() -> None:
    assert value("June last year") == "2023-06"
    assert value("January this year") == "2024-01"
    assert value("March of next year") == "2025-03"
    assert value("the previous Friday", previous="2024-10-25") == "2024-10-18"
    assert value("the following Monday", previous="2024-10-25") == "2024-10-28"
    assert value("the previous Friday") is None  # before which day, nothing says
    assert value("the following month", previous="2024-12-15") == "2025-01"
    assert value("the previous month", previous="2024-03") == "2024-02"


def test_the_past_year_the_latest_period_and_a_named_year_period() -> None:
    assert value("the past year", "Hate crimes rose over the past year") == "2023"
    assert value("the past month") == "2024-09"
    assert value("the latest period") == "2024-Q3"  # the last reporting period completed
    assert value("the period") is None  # a period of what, nothing says
    assert value("the 2023 period", previous="2024-H1") == "2023-H1"
    assert value("the 2023 period") == "2023"


def test_future_cues_that_are_not_the_future() -> None:
    """'lower-than-expected' and 'next to' say nothing of tense; 'ahead of' does."""
    assert value("Wednesday", "Shares fell after lower-than-expected earnings on Wednesday") == "2024-10-30"
    assert value("Tuesday", "Shares fell after lower-than-expected earnings on Tuesday") == "2024-10-29"
    assert value("Friday", "Two people died in the blast next to the embassy on Friday") == "2024-10-25"
    assert value("the weekend", "Traders sold ahead of the weekend") == "2024-W44-WE"
    assert value("Friday's", "Friday's ceremony was moved") == "2024-10-25"


def test_the_latest_quarter_has_ended_and_a_year_earlier_keeps_the_day() -> None:
    # a forecast for the quarter under way was the last date said: the latest quarter is still Q3
    assert value("the latest quarter", previous="2024-Q4") == "2024-Q3"
    assert value("the latest quarter", previous="2025-Q1") == "2024-Q3"
    assert value("the latest quarter", previous="2024-Q2") == "2024-Q2"  # one that has ended
    assert value("a year earlier", previous="2024-09-30") == "2023-09-30"  # 'the quarter ended Sept. 30'
    assert value("a year earlier", previous="2024-02-29") == "2023-02-28"


def test_periods_a_year_back_of_a_quarter_not_named_and_weeks_of_a_day() -> None:
    assert value("the corresponding period last year") == "2023-Q3"  # the latest quarter reported
    assert value("the corresponding period last year", previous="2024-H1") == "2023-H1"
    assert value("last year's quarter", previous="2023") == "2023-Q3"  # a quarter, not the year said
    assert value("the last half of 2023") == "2023-H2"
    assert value("the week of March 6", "The hearing is set for the week of March 6") == "2025-W10"
    assert value("the week of Oct. 7", "Talks were held the week of Oct. 7") == "2024-W41"


def test_a_period_that_ended_on_a_date_and_hedges_at_the_end() -> None:
    # said on 30 October: a year that 'ended' on a date still to come ended the year before
    assert value("March 31", "Revenue for the year ended March 31 rose") == "2024-03-31"
    assert value("Jan. 31", "In the fiscal year ended Jan. 31, sales fell") == "2024-01-31"
    assert value("Dec. 31", "Revenue for the year ended Dec. 31 rose") == "2023-12-31"
    assert value("Dec. 31", "The offer was extended to Dec. 31") == "2024-12-31"  # a deadline, not a period
    assert value("the next year or so") == "2025"
    assert value("2026 or later") == "2026"
    assert value("2025 and beyond") == "2025"


def test_days_written_as_ordinal_words() -> None:
    assert value("March eighth", "The vote is on March eighth") == "2025-03-08"
    assert value("the twenty-first of October") == "2024-10-21"
    assert value("this coming Sunday, November third") == "2024-11-03"
    assert value("January nineteen ninety-seven") == "1997-01"  # a year in words, not a day


def test_later_and_earlier_this_year_are_the_part_of_the_year_they_leave() -> None:
    def said_on(day: date, expression: str) -> str | None:
        found = normalise(expression, day)
        return found.value if found else None

    assert said_on(date(2024, 10, 30), "later this year") == "2024-Q4"  # the rest of the year is Q4
    assert said_on(date(2024, 8, 1), "later this year") == "2024-H2"
    assert said_on(date(2024, 3, 1), "later this year") == "2024"
    assert said_on(date(2024, 2, 10), "earlier this year") == "2024-Q1"
    assert said_on(date(2024, 5, 10), "earlier this year") == "2024-H1"
    assert said_on(date(2024, 10, 30), "earlier this year") == "2024"


def test_a_limit_set_a_few_months_ahead_is_the_coming_month() -> None:
    """'by', 'until' and 'through' set a limit ahead of what the clause tells, even in the past
    tense; further than half a year ahead, the latest month past is still the likelier."""
    assert value("February", "The group plans a sale of assets to pay down its debt by February") == "2025-02"
    assert value("January", "Lenders have extended the credit line through January") == "2025-01"
    assert value("mid-November", "Regulators gave the bidder until mid-November to reply") == "2024-11"
    assert value("February", "Lenders have extended credit in February") == "2024-02"
    assert value("August", "Lenders have extended the credit line through August") == "2024-08"


def test_a_day_months_ahead_in_a_past_clause_is_the_one_a_year_before() -> None:
    """Said on 30 October 2024, 'March 3' is nearer in the coming March, but a past verb puts it
    in the March gone; a day close ahead stays the coming one whatever the tense, since a past
    clause often announces it ('set the Nov. 12 deadline')."""
    assert value("March 3", "The suspect was last seen March 3") == "2024-03-03"
    assert value("March 3", "The banker was shot to death on March 3") == "2024-03-03"
    assert value("March 3", "The chairman will step down March 3") == "2025-03-03"
    assert value("March 3", "A new director will succeed her March 3") == "2025-03-03"
    assert value("Nov. 12", "The regulator set the Nov. 12 deadline") == "2024-11-12"


def test_the_tense_is_read_in_the_expression_s_own_clause() -> None:
    """A relative or subordinate clause ('who was rescued', 'since it was founded') has its own
    tense: a future verb before it does not govern the date inside it."""
    sentence = "The agency will hand over the boy who was rescued at sea in late May"
    assert value("late May", sentence) == "2024-05"
    assert value("late May", "The agency will hand the boy to his father in late May") == "2025-05"


def test_a_year_earlier_than_a_span_of_months_is_the_year_before() -> None:
    """A span that is no calendar period ('the nine months', 'the year to date') compared with a
    year before is the year before at calendar precision, whatever quarter was said last; a
    date said between them is what 'a year earlier' is said of."""
    sentence = "For the nine months, net income rose to $5 million from $4 million a year earlier"
    assert value("a year earlier", sentence, previous="2024-Q3") == "2023"
    assert value("year-earlier", "Year to date, sales beat year-earlier levels", previous="2024-Q3") == "2023"
    sentence = "For the nine months ended Sept. 30, net rose from a year earlier"
    assert value("a year earlier", sentence, previous="2024-09-30") == "2023-09-30"
    assert value("a year earlier", "Net rose from $4 million a year earlier", previous="2024-Q3") == "2023-Q3"
    assert value("a year earlier", "Sales rose from a year earlier", previous="2024") == "2023"


def test_holidays_close_ahead_their_weeks_and_election_day() -> None:
    """A holiday named a month or two ahead, in a clause whose tense says nothing, is the coming
    one; a past verb makes it the last. '<holiday> week' is the week the day falls in, come once
    that week has begun."""
    assert value("Election Day", "The campaign runs from now to Election Day") == "2024-11-05"
    assert value("Christmas", "Shops hire extra staff before Christmas") == "2024-12-25"
    assert value("Christmas", "Sales fell at Christmas") == "2023-12-25"
    assert value("Thanksgiving week", "Flights fill up in Thanksgiving week") == "2024-W48"
    monday = date(2000, 4, 17)  # in the week of Easter 2000 (23 April)
    found = normalise("Easter week", monday, "Crowds prayed on Sunday as Easter week began")
    assert found is not None and found.value == "2000-W16"


def test_a_holidays_own_apostrophe_is_no_possessive() -> None:
    """'New Year's Eve' is 31 December, not New Year's Day with something of it; a possessive
    after the name still gives the day ('Christmas Day's parade')."""
    assert value("New Year's Eve", "Fireworks were banned on New Year's Eve") == "2023-12-31"
    assert value("last New Year's Eve") == "2023-12-31"
    assert value("Washington's Birthday", "Markets were closed for Washington's Birthday") == "2024-02-19"
    assert value("last year's Christmas", "Sales beat last year's Christmas") == "2023-12-25"
    assert value("Christmas Day's parade", "Crowds lined Christmas Day's parade") == "2023-12-25"
    assert value("New Year's Eve party") is None  # not New Year's Day


def test_over_a_period_and_a_week_or_month_before_or_after_the_one_just_said() -> None:
    weekend = value("the weekend", "Talks went on")
    assert weekend is not None and value("over the weekend", "Talks went on over the weekend") == weekend
    assert value("the week before", "He had arrived the week before", previous="2024-03-05") == "2024-W09"
    assert value("the week after", "He left the week after", previous="2024-03-05") == "2024-W11"
    assert value("the month before", "Prices had risen the month before", previous="2024-03-05") == "2024-02"
    assert value("the month after", "Prices fell the month after", previous="2024-03") == "2024-04"


def test_decades_centuries_and_halves_ago() -> None:
    """Counted in the unit below as far as it is said: 'a decade ago' is a year, 'a year and a
    half ago' a month; 'a week and a half ago' is left unvalued rather than guessed."""
    assert value("a decade ago") == "2014"
    assert value("more than two decades ago") == "2004"
    assert value("a century ago") == "1924"
    assert value("a decade later", "A decade later the plant closed", previous="2001") == "2011"
    assert value("a year and a half ago") == "2023-04"
    assert value("two and a half years ago") == "2022-04"
    assert value("a week and a half ago") is None


@pytest.mark.parametrize(
    ("expression", "vague"),
    [
        ("in the next few days", "FUTURE_REF"),
        ("in the weeks ahead", "FUTURE_REF"),
        ("in the near future", "FUTURE_REF"),
        ("in the short term", "FUTURE_REF"),
        ("at a later date", "FUTURE_REF"),
        ("coming quarters", "FUTURE_REF"),
        ("in years to come", "FUTURE_REF"),
        ("over the past few months", "PAST_REF"),
        ("in the past", "PAST_REF"),
        ("the other day", "PAST_REF"),
        ("years ago", "PAST_REF"),
        ("recent weeks and months", "PAST_REF"),
        ("current", "PRESENT_REF"),
    ],
)
def test_vague_times_are_the_past_present_or_future(expression: str, vague: str) -> None:
    assert value(expression) == vague


def test_two_dates_of_a_kind_read_as_the_first_and_weeks_ended_on_a_day() -> None:
    """A pair or range of one kind dates what began on its first; 'the week ended Friday' is the
    week that day is in."""
    assert value("Saturday and Sunday", "Crowds marched on Saturday and Sunday") == "2024-10-26"
    assert value("Monday through Wednesday", "Talks ran Monday through Wednesday") == "2024-10-28"
    assert value("between 2019 and 2021", "Prices doubled between 2019 and 2021") == "2019"
    assert value("Saturday and next week") is None  # not two of a kind
    assert value("the week ended Friday", "Shares fell in the week ended Friday") == "2024-W43"
    assert value("the week to Friday", "Shares fell in the week to Friday") == "2024-W43"
    assert value("October the 30th", "The vote took place on October the 30th") == "2024-10-30"


def test_what_is_scheduled_is_told_in_the_present() -> None:
    """News tells what is set to happen in the present tense: 'the committee meets Tuesday' is
    the coming Tuesday. A verb that reports ('says'), a past verb, an infinitive or a noun leaves
    the past reading."""
    assert value("Tuesday", "The committee meets Tuesday to vote on the bill") == "2024-11-05"
    assert value("Monday", "Talks resume Monday in Geneva") == "2024-11-04"
    assert value("Sunday", "Voters go to the polls Sunday") == "2024-11-03"
    assert value("March", "Shipments resume in March") == "2025-03"  # not ten months back
    assert value("Tuesday", "Polls close at 8 p.m. Tuesday") == "2024-11-05"
    assert value("Friday", "The deadline is Friday") == "2024-11-01"
    assert value("Friday", "The deadline was Friday") == "2024-10-25"
    assert value("Friday", "He is accused of killing two people on Friday") == "2024-10-25"
    assert value("March", "The company plans a listing in March") == "2025-03"
    # a day more than a month gone is next year's in the future tense; one just gone stays
    assert value("Sept. 1", "The new law takes effect Sept. 1") == "2025-09-01"
    assert value("Oct. 29", "They said they would repay the loan by Oct. 29") == "2024-10-29"
    assert value("Oct. 27", "He will be remembered for what happened on Oct. 27") == "2024-10-27"
    assert value("Monday", "The company says Monday that profits fell") == "2024-10-28"
    assert value("Monday", "The president travelled to Paris on Monday") == "2024-10-28"
    assert value("Monday", "It was hard for the firm to meet demand on Monday") == "2024-10-28"
    assert value("Monday", "The visits on Monday drew crowds") == "2024-10-28"


def test_market_shorthand_time_zones_small_hours_and_years_that_name_things() -> None:
    """'1H24' and '3Q24' carry their year in two digits; a time zone or 'the early hours of' does
    not change the day; 'the 2008 financial crisis' is of 2008."""
    assert value("1H24") == "2024-H1"
    assert value("3Q23") == "2023-Q3"
    assert value("Q3'24") == "2024-Q3"
    assert (
        value("the early hours of Tuesday", "Police raided the house in the early hours of Tuesday")
        == "2024-10-29"
    )
    assert (
        value("Tuesday evening local time", "The quake struck Tuesday evening local time") == "2024-10-29TEV"
    )
    assert value("2 p.m. ET Tuesday", "The market closed early at 2 p.m. ET Tuesday") == "2024-10-29"
    assert (
        value("Tuesday night into Wednesday", "Storms raged Tuesday night into Wednesday") == "2024-10-29TNI"
    )
    assert value("10-Mar-2024") == "2024-03-10"
    assert value("the 2008 financial crisis") == "2008"
    assert value("the 2028 Olympics") == "2028"


def test_a_season_is_valued_by_the_year_it_begins_in() -> None:
    """'2023-WI' is the winter that begins in December 2023, as the timeline reads it: said on
    30 October 2024, last winter is 2023-WI; this winter, the one coming in December."""
    assert value("last winter") == "2023-WI"
    assert value("this winter") == "2024-WI"
    assert value("the summer", "Sales fell over the summer") == "2024-SU"
    january = normalise("winter", date(2024, 1, 10), "It was a mild winter")
    assert january is not None and january.value == "2023-WI"  # under way since December
    span = span_of("2023-WI")
    assert span is not None and span[0] == date(2023, 12, 1) and span[1] == date(2024, 2, 29)


def test_parts_of_a_period_pairs_of_days_and_days_counted_from_a_named_day() -> None:
    assert value("post-1959") == "1959"
    assert value("a good part of next year") == "2025"
    assert value("most of 2023") == "2023"
    assert value("the rest of the year") == "2024"
    assert value("the first two quarters of 2025") == "2025-H1"
    assert value("the day before last Tuesday") == "2024-10-28"
    assert value("25", "The summit will be held on April 24 and 25") == "2025-04-25"
    assert value("25") is None  # a number alone names no day


def test_the_quarter_ended_on_a_day_and_the_full_year() -> None:
    """'the quarter ended July 31' ran from May to July: the second quarter's months mostly,
    whatever quarter was said before; 'the full year' is one reported on, not one a forecast
    looks to."""
    assert value("the quarter", "In the quarter ended July 31, sales rose", previous="2024-Q3") == "2024-Q2"
    assert value("the quarter", "In the quarter ended Sept. 30, sales rose") == "2024-Q3"
    assert value("the full year", "It forecast a rise for the full year", previous="2026") == "2024"


def test_a_date_against_its_plan_is_the_date_beside_it() -> None:
    """'three days later than planned' beside a date tells how it stands to the plan; its value
    is that date. Beside none, it names no date."""
    sentence = "The ship arrives on November 11, three days later than originally planned"
    assert value("three days later than originally planned", sentence, previous="2024-11-11") == "2024-11-11"
    assert value("a week ahead of schedule", previous="2024-12-02") == "2024-12-02"
    assert value("three days later than planned") is None


def test_since_tells_of_the_past_and_a_plan_after_an_opening_date_of_the_future() -> None:
    """'since' opens a clause about the past; a sentence that opens with its date takes the tense
    of a plan said after it, but a plan made then ('planned to') is no future."""
    assert (
        value("March 3", "Police have searched for him since shortly after the March 3 attack")
        == "2024-03-03"
    )
    assert value("Tuesday", "On Tuesday, the league plans to hold a news conference") == "2024-11-05"
    assert value("Friday", "On Friday, the government planned to pay the first claims") == "2024-10-25"
    assert value("Tuesday", "On Tuesday, the league held a news conference") == "2024-10-29"


def test_everyday_news_expressions_beyond_the_evaluation_sets() -> None:
    """Said on Wednesday 30 October 2024."""
    assert value("this Thursday") == "2024-10-31"  # the one of this week, gone or to come
    assert value("this Monday") == "2024-10-28"
    assert value("last night") == "2024-10-29TNI"
    assert value("the 25th", "The vote was held on the 25th") == "2024-10-25"
    assert value("the 3rd", "The board will meet on the 3rd") == "2024-11-03"
    assert value("a fortnight ago") == "2024-W42"
    assert value("a couple of weeks ago") == "2024-W42"
    assert value("in the coming weeks") == "FUTURE_REF"
    assert value("recent weeks") == "PAST_REF"
    assert value("this past weekend") == "2024-W43-WE"
    assert value("the end of the week") == "2024-W44"
    assert value("the first week of November") == "2024-W45"
    assert value("the last week of September") == "2024-W39"


def test_financial_shorthand_times_of_day_and_periods_of_a_relative_year() -> None:
    assert value("3Q") == "2024-Q3"
    assert value("H1 2024") == "2024-H1"
    assert value("2H") == "2024-H2"
    assert value("the second half of next year") == "2025-H2"
    assert value("the fourth quarter of last year") == "2023-Q4"
    assert value("noon Friday") == "2024-10-25"
    assert value("3 p.m. Tuesday") == "2024-10-29"


def test_counted_from_the_date_just_spoken_of() -> None:
    """'two days later' counts from the date the text spoke of last; 'ago' from the reference."""
    assert value("two days later", previous="2024-03-03") == "2024-03-05"
    assert value("three years earlier", previous="2020") == "2017"
    assert value("two weeks ago", previous="2020-01-01") == "2024-W42"
    assert value("the following week", previous="2024-03-03") == "2024-W10"
    assert value("that week", previous="2024-03-03") == "2024-W09"
    assert value("the week", "For the week, the index fell 3 percent", previous="2024-10-25") == "2024-W43"
    assert value("the week") is None  # which week, nothing says
    assert value("the same month", previous="2024-03-03") == "2024-03"


def test_market_news_forms() -> None:
    """Said on Wednesday 30 October 2024: the thing a date belongs to is dropped ("Friday's
    close"), unless it is a period of it ("this year's third quarter"); a session is a weekday."""
    assert value("Friday's close") == "2024-10-25"
    assert value("Monday's session") == "2024-10-28"
    assert value("this year's third quarter") == "2024-Q3"
    assert value("so far this year") == "2024"
    assert value("the year to date") == "2024"
    assert value("earlier in the week") == "2024-W44"
    assert value("the previous session", previous="2024-10-28") == "2024-10-25"  # a Monday's: Friday
    assert value("the next session", previous="2024-10-29") == "2024-10-30"


DATE_WORDS = (
    "the last first second week weekend month year quarter half day of in on by until since next this "
    "ago earlier later before after Monday Friday March May December Christmas Easter week 3 25th 31 "
    "2024 1990s fiscal Q4 H1 noon p.m. 's - , . and a two fortnight session period year-ago end "
    "decade century half New Year's Eve through between into early hours local time 1H24 3Q23 "
    "10-Mar-2024 few next ahead past recent current"
).split()


@given(
    words=st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=6), max_size=7),
    reference=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    previous=st.sampled_from(
        [None, "2024-02-29", "2024-W01", "2024-Q4", "2024", "199", "PRESENT_REF", "2024-H2"]
    ),
    sentence=st.sampled_from([None, "", "Officials said they will meet", "Sales fell sharply since"]),
)
def test_any_expression_gets_a_well_formed_value_or_none(
    words: list[str], reference: date, previous: str | None, sentence: str | None
) -> None:
    from summarizer.dates import is_value

    expression = " ".join(words)
    found = normalise(
        expression, reference, None if sentence is None else f"{sentence} {expression}", previous
    )
    assert found is None or is_value(found.value)


def test_a_limit_set_on_a_weekday_is_the_coming_one() -> None:
    """Unless the clause is in the past tense: 'the talks lasted until Tuesday'."""
    assert value("Tuesday", "Officials have given the family until Tuesday to respond") == "2024-11-05"
    assert value("9 a.m. Tuesday", "Officials have given the family until 9 a.m. Tuesday") == "2024-11-05"
    assert value("Tuesday", "The talks lasted until Tuesday") == "2024-10-29"
    assert value("Thursday", "Until Thursday, they had not called him a suspect") == "2024-10-24"


def test_a_length_of_time_the_words_around_make_a_date() -> None:
    """'a year' marked apart from 'earlier', 'five years' after 'in', 'the eighth day' of something
    under way today; 'ten days before the vote' counts from an event the rules do not date."""
    assert value("a year", "Profit fell from a year earlier") == "2023"
    assert value("a couple of weeks", "The plant closed a couple of weeks ago") == "2024-W42"
    assert value("five years", "The bonds will be redeemed in five years") == "2029"
    assert value("the eighth day", "Today is the eighth day of the strike") == "2024-10-30"
    assert value("ten days", "A car was seen ten days before the vote") is None
    assert value("five years", "The plant was built in five years") is None  # how long, in the past


def test_more_written_forms_of_dates_and_fiscal_years() -> None:
    assert value("05.06.2024") == "2024-06-05"  # dots: day first, as Europe writes it
    assert value("2024/06/05") == "2024-06-05"
    assert value("end-June") == "2024-06"
    assert value("FY24") == "2024"
    assert value("FY'99") == "1999"
    assert value("the 2024 fiscal year") == "2024"
    assert value("the year before", previous="2020") == "2019"
    assert value("the year after", previous="2020-06") == "2021"


def test_may_and_march_in_lower_case_are_words_not_months() -> None:
    from summarizer.dates import find_dates

    assert [f.text for f in find_dates("The union said this may delay the works.")] == []
    assert [f.text for f in find_dates("Crowds will march next week.")] == ["next week"]
    assert [f.text for f in find_dates("The vote is due this May, officials said.")] == ["this May"]
    # with a day or a year they are dates whatever their case (summaries written in lower case)
    assert [f.text for f in find_dates("he was hit in podgorica on march 27.")] == ["march 27"]
    assert [f.text for f in find_dates("voters on may 7 and from 27 march to march 2015")] == [
        "may 7",
        "27 march",
        "march 2015",
    ]
