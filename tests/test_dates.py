"""Dates as sites write them, in English, Russian and Kazakh."""

from __future__ import annotations

import time

import pytest

from pamphlet.dates import find_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 January, 2022 - 3:25", "2022-01-11T03:25"),
        ("Submitted by AWL on 11 January, 2022 - 3:25 Author: Dan Katz", "2022-01-11T03:25"),
        ("Mon, 10/01/2022 - 13:22", "2022-01-10T13:22"),
        ("June 5, 2021 at 9:14 am", "2021-06-05T09:14"),
        ("June 5, 2021 at 9:14 pm", "2021-06-05T21:14"),
        ("June 5, 2021 at 12:05 am", "2021-06-05T00:05"),
        ("January 3rd, 2022", "2022-01-03"),
        ("3 Jan 2022", "2022-01-03"),
        ("2022-01-11", "2022-01-11"),
        ("2022-01-11T03:25:00+00:00", "2022-01-11T03:25"),
        ("2022-01-11 03:25", "2022-01-11T03:25"),
        ("12/25/2022", "2022-12-25"),  # only one reading is a date
        ("25.12.2022", "2022-12-25"),
    ],
)
def test_english_and_numeric_formats(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 января 2022, 09:30", "2022-01-07T09:30"),
        ("1 январь 2022", "2022-01-01"),
        ("в январе 2022", None),  # no day: not a date we can place
        ("3 марта 2022 г. в 14:05", "2022-03-03T14:05"),
        ("5 мая 2020", "2020-05-05"),
        ("9 Мая 2020", "2020-05-09"),
        ("12 июня 2021 года", "2021-06-12"),
        ("1 сентября 2021", "2021-09-01"),
        ("31 дек. 2021", "2021-12-31"),
        ("13:22, 10 января 2022", "2022-01-10T13:22"),
        ("пн, 10.01.2022 13:22", "2022-01-10T13:22"),
        ("2022 жылғы 7 қаңтар", "2022-01-07"),
        ("5 қаңтар 2022", "2022-01-05"),
    ],
)
def test_russian_and_kazakh_months(text, expected):
    assert parse_date(text, language="ru") == expected


def test_weekday_settles_day_and_month():
    # 10 January 2022 was a Monday; 1 October 2022 a Saturday.
    assert parse_date("Mon, 10/01/2022") == "2022-01-10"
    assert parse_date("Sat, 10/01/2022") == "2022-10-01"
    assert parse_date("Saturday 10/01/2022", language="en-US") == "2022-10-01"
    assert parse_date("Monday 10/01/2022", language="en-US") == "2022-01-10"
    assert parse_date("Mon, 10/01/2022", day_first=False) == "2022-01-10"
    assert parse_date("10/01/2022 (Sat)") == "2022-10-01"
    assert parse_date("Пн, 10.01.2022", language="ru") == "2022-01-10"


def test_without_weekday_day_first_then_language():
    assert parse_date("10/01/2022") == "2022-01-10"
    assert parse_date("10/01/2022", language="en-US") == "2022-10-01"
    assert parse_date("10/01/2022", day_first=False) == "2022-10-01"
    assert parse_date("10/01/2022", language="en-US", day_first=True) == "2022-01-10"


def test_invalid_and_missing_dates():
    assert parse_date("") is None
    assert parse_date("no date here") is None
    assert parse_date("31/02/2022") is None
    assert parse_date("30 February 2022") is None
    assert parse_date("25:99 on 1 Jan 2022") == "2022-01-01"


def test_find_date_span_covers_weekday_and_time():
    line = "Submitted by AWL on Mon, 10/01/2022 - 13:22"
    iso, (start, end) = find_date(line)
    assert iso == "2022-01-10T13:22"
    assert line[start:end] == "Mon, 10/01/2022 - 13:22"
    line = "Maria says: June 5, 2021 at 9:14 am"
    iso, (start, end) = find_date(line)
    assert line[start:end] == "June 5, 2021 at 9:14 am"
    assert find_date("nothing to see") is None


def test_find_date_skips_non_dates_to_the_real_one():
    iso, (start, _) = find_date("Room 7 Foo 2022, then 8 March 2022")
    assert iso == "2022-03-08" and start == 22


def test_long_inputs_are_linear():
    start = time.process_time()
    for text in ("1 " * 200_000, "January " * 50_000, "10/" * 100_000, "12:30 " * 50_000):
        assert find_date(text) is None
    assert time.process_time() - start < 10
