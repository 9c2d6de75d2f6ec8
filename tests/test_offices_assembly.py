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


def test_a_portfolio_the_gazetteer_does_not_list_is_the_office_as_written_and_no_organisation():
    text = ("Portugal and Cape Verde.\nThe concert was attended by the Minister of Culture and Creative Industries, "
            "Augusto Veiga, and by the Portuguese Minister of Culture, Youth and Sport, Margarida Balseiro Lopes.")
    facts = extractor().extract(document_from_text("o", text, "2025-06-20"))
    assert {(o.person, o.role) for o in facts.offices} == {
        ("Augusto Veiga", "Minister of Culture and Creative Industries"),
        ("Margarida Balseiro Lopes", "Minister of Culture, Youth and Sport of Portugal")}
    assert not [a for a in facts.actors if a.type == "Organization"]


def test_a_style_before_a_known_name_is_no_person():
    text = "Singapore and Malaysia.\nWong received a call from Malaysian Prime Minister Dato' Seri Anwar Ibrahim."
    names = {a.name for a in extractor().extract(document_from_text("o", text, "2024-05-20")).actors}
    assert "Anwar Ibrahim" in names and not any("Dato" in n for n in names)
