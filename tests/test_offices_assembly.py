"""Offices read from titles: what a title written without its state still tells."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def offices(text: str, published: str = "2025-03-13"):
    facts = extractor().extract(document_from_text("o", text, published))
    return {(o.person, o.role, o.state) for o in facts.offices}


def test_a_title_without_its_state_takes_the_state_the_gazetteer_has_the_person_hold_it_for():
    found = offices("Kyrgyzstan and Tajikistan.\nPresident Sadyr Japarov and President Emomali Rahmon signed "
                    "the treaty on the state border in Dushanbe.")
    assert found == {("Sadyr Japarov", "President of Kyrgyzstan", "Kyrgyzstan"),
                     ("Emomali Rahmon", "President of Tajikistan", "Tajikistan")}


def test_a_title_is_left_without_a_state_when_the_document_names_none_the_person_holds_it_for():
    assert offices("President Sadyr Japarov opened the session.") == {("Sadyr Japarov", "President", None)}


def test_a_bare_title_that_shortens_the_full_office_given_earlier_is_the_same_office():
    found = offices("Kazakhstan and Uzbekistan.\nForeign Minister of Kazakhstan Murat Nurtleu met the delegation. "
                    "Minister Nurtleu said trade had grown.", "2023-05-01")
    assert found == {("Murat Nurtleu", "Foreign Minister of Kazakhstan", "Kazakhstan")}
