"""Time expressions resolved against the publication date."""

import pytest

from amity.extract.timex import find_timexes


@pytest.mark.parametrize(("text", "published", "value"), [
    ("In March 2018, they met.", "2019", "2018-03"),
    ("on 26th September", "2011-09-28", "2011-09-26"),
    ("June 21, 2022", None, "2022-06-21"),
    ("DUSHANBE, 17.05.2023 /NIAT Khovar/", None, "2023-05-17"),
    ("The council will meet in Baku next spring.", "2024-05-20", "2025"),
    ("in the summer of 2022", None, "2022"),
    ("In May, a business delegation visited Nairobi.", "2023-06-01", "2023-05"),
    ("trade in January-October amounted to", "2023-11-20", "2023"),
    ("trade in January-October amounted to", "2023-06-01", "2022"),
    ("on Tuesday", "2022-05-11", "2022-05-10"),
    ("tomorrow", "2022-10-08", "2022-10-09"),
    ("last year", "2022-05-11", "2021"),
    ("Over the past year", "2019", "2018"),
    ("in 1H17", "2017-09-06", "2017"),
    ("In the first quarter of 2019", None, "2019"),
    ("in January–September 2023", None, "2023"),
    ("the 2020-2021 financial year", None, "2021"),
    ("in the next five years", "2022", "2027"),
    ("within three years", "2011-09-28", "2014"),
    ("the first five months of this year", "2022", "2022"),
    ("today (28th September)", "2011-09-28", "2011-09-28"),
])
def test_resolution(text, published, value):
    found = find_timexes(text, published)
    assert found and found[0].value == value


def test_relative_times_need_a_document_date():
    assert find_timexes("last year and on Tuesday", None) == []


@pytest.mark.parametrize("text", [
    "They held their first government consultations in six years.",
    "Exports reached their highest level in ten years.",
])
def test_in_n_years_after_a_superlative_looks_back(text):
    assert find_timexes(text, "2024-07-03") == []


def test_in_n_years_alone_looks_ahead():
    assert [t.value for t in find_timexes("The line will open in five years.", "2024-07-03")] == ["2029"]


def test_numbers_that_are_not_years_are_left_alone():
    assert find_timexes("2.7 Billion and 5,000 tons and 2019 percent", None) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Duda will address a business forum on Wednesday.", "2022-11-23"),
    ("Talks will be held on Wednesday.", "2022-11-23"),
    ("The talks were held on Wednesday.", "2022-11-16"),
    ("He said on Monday that the ministers will meet.", "2022-11-21"),
    ("On Tuesday, the leaders are due to join the summit.", "2022-11-22"),
])
def test_a_weekday_in_a_sentence_about_the_future_is_the_coming_one(text, value):
    assert [t.value for t in find_timexes(text, "2022-11-22")] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("Days of culture will be held in September.", "2023-09"),
    ("The presidents will meet on 20 September.", "2023-09-20"),
    ("Days of culture were held in September.", "2022-09"),
    ("The presidents met on 20 September.", "2022-09-20"),
    ("The presidents will meet in May.", "2023-05"),
    ("In September, Tashkent will host the forum.", "2023-09"),
    ("In November, President Marcelo Rebelo de Sousa will travel to Mindelo.", "2023-11"),
    ("The summit to be held in July opens the season.", "2023-07"),
    ("The ministers agreed to convene the border commission in September.", "2023-09"),
    ("In September, trade grew and it will keep growing.", "2022-09"),
])
def test_a_month_later_in_the_year_in_a_sentence_about_the_future_is_this_years(text, value):
    assert [t.value for t in find_timexes(text, "2023-06-01")] == [value]


def test_a_dotted_date_is_no_decimal_and_no_version_number():
    assert [t.value for t in find_timexes("it rose 12.5 percent, release 1.05.2023.4", None)] == []


@pytest.mark.parametrize(("text", "value"), [
    ("The commission will meet in the autumn.", "2024"),
    ("We are preparing the president's visit to Hanoi in the autumn.", "2024"),
    ("The minister looks forward to the upcoming session in the autumn.", "2024"),
    ("The Days of Culture are scheduled for the autumn.", "2024"),
    ("Trade grew in the autumn.", "2023"),
    ("They met in the summer of 2021.", "2021"),
])
def test_the_season_in_a_sentence_is_the_coming_one_only_when_it_speaks_of_the_future(text, value):
    assert [t.value for t in find_timexes(text, "2024-02-14")] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("The presidents will meet on 20 March.", "2025-03-20"),
    ("The forum will be held in March.", "2025-03"),
    ("The consultations are scheduled for 12 March.", "2025-03-12"),
    ("The presidents met on 20 March.", "2024-03-20"),
    ("The ministers met in the spring.", "2024"),
])
def test_a_month_well_before_the_documents_is_next_years_in_a_sentence_about_the_future(text, value):
    assert [t.value for t in find_timexes(text, "2024-08-14")] == [value]


def test_a_quarter_of_next_year_is_next_years():
    assert [t.value for t in find_timexes("in the first quarter of next year", "2024-09-25")] == ["2025"]


@pytest.mark.parametrize(("text", "value"), [
    ("in August last year", "2023-08"), ("in March of next year", "2025-03"), ("last August", "2024-08"),
])
def test_a_month_of_a_relative_year_is_one_date(text, value):
    assert [t.value for t in find_timexes(text, "2024-11-21")] == [value]


@pytest.mark.parametrize("text", ["received a call this afternoon", "This morning we were received"])
def test_a_part_of_today_is_the_documents_day(text):
    assert [t.value for t in find_timexes(text, "2024-05-20")] == ["2024-05-20"]


@pytest.mark.parametrize(("text", "value"), [
    ("in the first half of the year", "2025"), ("in the second half of next year", "2026"),
    ("in the first half of 2024", "2024"),
])
def test_a_half_of_a_year_is_that_year(text, value):
    assert [t.value for t in find_timexes(text, "2025-07-31")] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("In the first six months, exports doubled.", "2024"),
    ("In the first eleven months, exports doubled.", "2023"),
    ("Since the beginning of the year, exports doubled.", "2024"),
])
def test_the_first_months_and_the_year_so_far_are_the_latest_such_period(text, value):
    assert [t.value for t in find_timexes(text, "2024-07-10")] == [value]


def test_the_first_months_after_an_event_are_no_calendar_period():
    assert find_timexes("In the first two months after the deal, exports doubled.", "2024-07-10") == []
