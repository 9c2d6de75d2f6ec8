"""Counts with their noun ("40 joint ventures", "1.2 million visitors"): the words between a number
and its noun qualify the noun, so they never include another number or a noun a number counts
on its own ("the two presidents")."""

import pytest
from extract_fixtures import extractor

from amity.extract.model import Document


def facts(sentence: str):
    text = f"Title\nKazakhstan and Uzbekistan held talks in Astana. {sentence}\n"
    return extractor().extract(Document("t", text, "Title", published="2023-05-01"))


def test_a_count_does_not_reach_over_another_number_to_its_noun():
    result = facts("The two presidents signed two agreements on trade.")
    assert [(f.value, f.unit) for f in result.figures] == [(2.0, "agreements")]
    assert "Agreement" in [e.type for e in result.events]


@pytest.mark.parametrize("sentence, count", [
    ("Two presidents opened 12 joint ventures.", (12.0, "joint ventures")),
    ("Three ministers attended 30 events.", (30.0, "events")),
])
def test_the_people_a_number_counts_are_not_words_before_a_later_noun(sentence, count):
    assert [(f.value, f.unit) for f in facts(sentence).figures] == [count]


def test_qualifying_words_still_join_a_number_to_its_noun():
    result = facts("The sides created 40 new joint ventures in 2023.")
    assert [(f.value, f.unit) for f in result.figures] == [(40.0, "joint ventures")]


def test_two_qualifiers_joined_by_and_qualify_one_count():
    result = facts("More than 150 Kazakh and Uzbek companies took part in the forum.")
    assert [(f.value, f.unit) for f in result.figures] == [(150.0, "companies")]
    result = facts("Later, 12 intergovernmental and interagency documents were signed.")
    assert [(f.value, f.unit) for f in result.figures] == [(12.0, "documents")]
    assert not facts("Two presidents and 40 ministers attended.").figures


def test_a_determiner_starts_another_phrase_so_a_year_before_it_counts_nothing():
    result = facts("Since 2005 its companies have invested more than 3 billion dollars in Uzbekistan.")
    assert [(f.value, f.unit) for f in result.figures] == [(3e9, "USD")]
