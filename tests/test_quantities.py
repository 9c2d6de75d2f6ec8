"""Money, percentages, multiples and counts in their usual written forms."""

import pytest

from amity.extract.quantities import find_quantities, parse_number


def one(text: str):
    found = [q for q in find_quantities(text) if q.kind != "number"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("$3 bn", 3e9, "USD"), ("USD 5 billion", 5e9, "USD"), ("3 billion dollars", 3e9, "USD"),
    ("1.2 trillion tenge", 1.2e12, "KZT"), ("€500 million", 5e8, "EUR"), ("18 billion riyals", 18e9, "SAR"),
    ("$2bln", 2e9, "USD"), ("USD8 billion", 8e9, "USD"), ("10 bln USD", 1e10, "USD"),
    ("260 million US dollars", 2.6e8, "USD"), ("12 billion U.S. dollars", 1.2e10, "USD"),
    ("$317.4 Million", 3.174e8, "USD"),
    ("US$ 5 bn", 5e9, "USD"), ("$500M", 5e8, "USD"), ("R85 billion", 8.5e10, "ZAR"), ("R 12,500", 12500, "ZAR"),
    ("12 billion Kenya shillings", 1.2e10, "KES"), ("5 billion Uganda shillings", 5e9, "UGX"),
])
def test_money(text, value, unit):
    q = one(f"Trade reached {text} last year.")
    assert q.kind == "money" and q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize(("text", "value", "kind", "unit"), [
    ("50 percent", 50, "percent", "percent"), ("46 per cent", 46, "percent", "percent"),
    ("62%", 62, "percent", "percent"),
    ("1.5-fold", 1.5, "multiple", "times"), ("twofold", 2, "multiple", "times"), ("doubled", 2, "multiple", "times"),
    ("100 times", 100, "multiple", "times"), ("twice", 2, "multiple", "times"),
])
def test_percentages_and_multiples(text, value, kind, unit):
    q = one(f"It grew {text} in 2023.".replace(" in 2023", ""))
    assert (q.kind, q.value, q.unit) == (kind, value, unit)


@pytest.mark.parametrize(("text", "approx"), [
    ("about 50 percent", True), ("more than $11 billion", True), ("exceeded 5.3 billion dollars", True),
    ("nearly double", True), ("12 percent", False), ("at least $2 billion", True),
])
def test_approximate_qualifiers(text, approx):
    assert one(f"It {text} then.").approx is approx


def test_amount_without_currency_is_kept_for_inference():
    q = one("The agreed benchmark of 7 billion is close.")
    assert (q.kind, q.value, q.unit) == ("amount", 7e9, None)


@pytest.mark.parametrize(("text", "value"), [("1,500", 1500), ("3.55", 3.55), ("fifty", 50), ("twenty-five", 25),
                                             ("Fourteen", 14), ("abc", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_a_bare_r_before_a_small_number_is_no_rand():
    from amity.extract.quantities import find_quantities

    assert [q.kind for q in find_quantities("The R2 road to the border was rebuilt.")] != ["money"]


def test_cedi_naira_and_kip_amounts():
    def money(text):
        return [(q.value, q.unit) for q in find_quantities(text) if q.kind == "money"]
    assert money("exports totalled GH¢ 1.2 billion") == [(1_200_000_000, "GHS")]
    assert money("trade was estimated at over N200 billion annually") == [(200_000_000_000, "NGN")]
    assert money("trade hit 1.6 trillion kip") == [(1_600_000_000_000, "LAK")]
    assert money("the N95 masks were donated") == []


@pytest.mark.parametrize(("text", "unit"), [
    ("330 billion kronor", "SEK"), ("12 billion Danish kroner", "DKK"), ("95 million escudos", "CVE"),
])
def test_nordic_and_other_currency_words_are_read(text, unit):
    [q] = find_quantities(text)
    assert q.unit == unit


def test_a_number_word_with_a_scale_is_one_amount():
    found = [(q.kind, q.value) for q in find_quantities("the line should handle five million tonnes a year")]
    assert found == [("amount", 5e6)]
    assert [(q.kind, q.value) for q in find_quantities("twenty-five thousand students")] == [("amount", 25000.0)]
    assert [(q.kind, q.value) for q in find_quantities("one of the million")] == [("number", 1.0)]


def test_double_taxation_is_no_multiple():
    assert find_quantities("an agreement on the avoidance of double taxation") == []
    assert [q.kind for q in find_quantities("trade doubled")] == ["multiple"]


@pytest.mark.parametrize(("text", "value"), [
    ("Kenya accounts for a third of Uganda's imports.", 100 / 3),
    ("Trade rose by almost a quarter in 2023.", 25.0),
    ("Two-thirds of the tourists came by rail.", 200 / 3),
    ("Half of the total trade is grain.", 50.0),
])
def test_a_fraction_of_a_whole_is_a_percentage(text, value):
    [q] = [q for q in find_quantities(text) if q.kind == "percent"]
    assert (q.kind, round(q.value, 2)) == ("percent", round(value, 2))


@pytest.mark.parametrize("text", ["in the first quarter of 2025", "in the first half of the year",
                                  "a quarter of a century ago"])
def test_a_part_of_a_year_or_a_century_is_no_percentage(text):
    assert not [q for q in find_quantities(text) if q.kind == "percent"]


def test_lakh_crore_is_ten_to_the_twelfth():
    [q] = [q for q in find_quantities("trade reached Rs 1.2 lakh crore") if q.kind == "money"]
    assert (q.value, q.unit) == (1.2e12, "INR")


def test_a_decimal_comma_before_a_scale_is_a_decimal():
    [q] = [q for q in find_quantities("Trade reached 1,2 billion euros in 2023.") if q.kind == "money"]
    assert (q.value, q.unit) == (1.2e9, "EUR")
    assert [q.value for q in find_quantities("1,200 tonnes")] == [1200.0]
