"""Sentence splitting: exact offsets, and the traps of edited diplomatic prose."""

from amity.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_original_text():
    text = "Title line\n\n– Thanks to you. Mr. Smith met Dr. Jones.\n«Quote one.» Next one."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_abbreviations_initials_and_acronyms_do_not_end_sentences():
    assert texts("Mr. Smith met Dr. Jones on Sept. 6 in the U.S. capital. Then he left.") == [
        "Mr. Smith met Dr. Jones on Sept. 6 in the U.S. capital.", "Then he left."]
    assert texts("Foreign Minister D. Tsend and Kh.Bat met. They agreed.") == [
        "Foreign Minister D. Tsend and Kh.Bat met.", "They agreed."]


def test_decimals_and_quotes():
    assert texts("Trade reached $1.4 billion. «We agreed.» He said “It is done.” Then 3.5 percent.") == [
        "Trade reached $1.4 billion.", "«We agreed.»", "He said “It is done.”", "Then 3.5 percent."]


def test_interview_dashes_and_list_numbers_are_not_part_of_the_sentence():
    assert texts("– What are the goals?\n– First, trade.\n1. At the invitation of Mongolia. 2. The talks.") == [
        "What are the goals?", "First, trade.", "At the invitation of Mongolia.", "The talks."]


def test_a_dotted_acronym_ends_a_sentence_before_a_sentence_starter():
    assert texts("They met in the U.S. The talks went well.") == ["They met in the U.S.", "The talks went well."]


def test_every_line_is_at_least_one_sentence_and_long_runs_are_cut():
    long = "word " * 1000
    pieces = split_sentences("Headline without stop\n" + long)
    assert pieces[0].text == "Headline without stop"
    assert all(len(p.text) <= 2000 for p in pieces)
    assert len(pieces) >= 3


def test_a_day_after_its_month_ends_the_sentence_but_a_paragraph_number_does_not():
    text = "They met on May 5. Trade grew. They met on Jan. 5. Ties deepened. The talks ended. 2. The sides agreed."
    assert [s.text for s in split_sentences(text)] == [
        "They met on May 5.", "Trade grew.", "They met on Jan. 5.", "Ties deepened.", "The talks ended.",
        "The sides agreed."]
