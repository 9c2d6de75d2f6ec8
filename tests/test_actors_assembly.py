"""Every actor a fact names is one of the document's actors (the mapping relies on it)."""

import pytest

from amity.extract.engine import Extractor
from amity.extract.model import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def referenced(facts):
    return {name for e in facts.events for name in (*e.participants, e.place) if name} | {
        h for g in facts.goals for h in g.holders} | {s for f in facts.figures for s in f.subjects}


@pytest.mark.parametrize("text", [
    # the state is named only by an adjective, in a sentence of its own, and the event takes the
    # document's pair as its party
    "signed 12 agreements \n the Uzbek leader President Shavkat Mirziyoyev",
    "Five documents were signed. The Kazakh and Kyrgyz delegations then left for the airport.",
])
def test_a_state_named_only_by_an_adjective_becomes_an_actor_when_a_fact_names_it(extractor, text):
    facts = extractor.extract(Document("d", text, "t", published="2020-05-01"))
    assert facts.events, "the example must produce an event"
    assert referenced(facts) <= {a.name for a in facts.actors}


def test_adjectives_alone_still_make_no_actor(extractor):
    facts = extractor.extract(Document("d", "The Uzbek cuisine is famous.", "t", published="2020-05-01"))
    assert not facts.events and "Uzbekistan" not in {a.name for a in facts.actors}



def test_a_statistics_office_cited_as_a_source_is_no_actor(extractor):
    text = ("Trade\nTrade between Laos and Vietnam grew, according to the National Statistics Office. "
            "The Ministry of Trade of Laos will open an office in Hanoi.")
    actors = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-05-01")).actors}
    assert "National Statistics Office" not in actors
    assert any(name.startswith("Ministry of Trade") for name in actors)


def test_a_body_named_only_by_its_kind_counts_when_a_fact_names_it(extractor):
    text = ("Trade\nThe Ministry of Commerce said trade between Laos and Vietnam grew. "
            "The Ministry of Foreign Affairs of Laos welcomed the news.")
    actors = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-05-01")).actors}
    assert "Ministry of Commerce" not in actors
    assert "Ministry of Foreign Affairs of Laos" in actors


def test_an_initiative_or_a_route_is_no_actor_and_no_party(extractor):
    text = ("Kazakhstan and Azerbaijan signed an agreement on cargo along the Middle Corridor and the "
            "Belt and Road Initiative.")
    facts = extractor.extract(Document("d", text, "t", published="2024-05-01"))
    actors = {a.name for a in facts.actors}
    assert {"Kazakhstan", "Azerbaijan"} <= actors
    assert not actors & {"Middle Corridor", "Belt and Road Initiative"}
    assert facts.events and all("Middle Corridor" not in e.participants for e in facts.events)


def test_a_known_short_form_before_bin_is_someone_elses_longer_name(extractor):
    text = ("The committee was co-chaired by Secretary-General of the Ministry of Foreign Affairs of Oman "
            "Sheikh Khalifa bin Ali Al Harthy.")
    people = {a.name for a in extractor.extract(Document("d", text, "t", published="2023-05-01")).actors
              if a.type == "Person"}
    assert people == {"Khalifa bin Ali Al Harthy"}


def test_a_monarch_of_a_state_has_no_surname_alias_naming_the_state(extractor):
    text = "His Majesty King Abdullah II received a phone call about Jordan and Iraq."
    actors = extractor.extract(Document("d", text, "t", published="2023-02-08")).actors
    king = next(a for a in actors if a.type == "Person")
    assert "Jordan" not in king.aliases and "King Abdullah II" in king.aliases


def test_an_ascii_alias_keeps_the_dash_as_a_hyphen(extractor):
    text = "The Ukraine–Poland Intergovernmental Commission met in Kyiv and agreed to cooperate in trade."
    actors = extractor.extract(Document("d", text, "t", published="2023-02-08")).actors
    body = next(a for a in actors if a.name.startswith("Ukraine–Poland"))
    assert "Ukraine-Poland Intergovernmental Commission" in body.aliases
    assert not any("UkrainePoland" in alias for alias in body.aliases)


@pytest.mark.parametrize(("text", "person"), [
    ("He received the Minister of Public Security of the People's Republic of China Wang Xiaohong.", "Wang Xiaohong"),
    ("It was co-chaired by Minister of State for Foreign Affairs Dr. Mohammed bin Abdulaziz Al Khulaifi.",
     "Mohammed bin Abdulaziz Al Khulaifi"),
    ("Timor-Leste Ambassador to Indonesia Filomeno Aleixo da Cruz said so in an interview.", "Filomeno Aleixo da Cruz"),
])
def test_portfolio_titles_and_a_state_name_before_a_title_introduce_people(extractor, text, person):
    actors = extractor.extract(Document("d", text, "t", published="2023-05-17")).actors
    assert person in {a.name for a in actors if a.type == "Person"}


def test_family_names_alone_join_the_full_name(extractor):
    text = ("President Andrés Manuel López Obrador welcomed Prime Minister Justin Trudeau. "
            "Trudeau invited President López Obrador to visit Canada.")
    people = {a.name for a in extractor.extract(Document("d", text, "t", published="2023-01-11")).actors
              if a.type == "Person"}
    assert people == {"Andrés Manuel López Obrador", "Justin Trudeau"}


def test_a_surname_two_known_people_share_is_the_one_in_office_on_the_documents_date(extractor):
    text = "In 2022 President Erdogan visited Baku, where President Aliyev received him."
    people = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-05-20")).actors
              if a.type == "Person"}
    assert "Ilham Aliyev" in people and "Heydar Aliyev" not in people


def test_a_house_of_parliament_is_an_organisation_named_with_the_states_short_name(extractor):
    text = ("Cyprus and Greece\nA delegation of the House of Representatives of the Republic of Cyprus visited "
            "Athens. The Government House hosted a dinner.")
    names = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-11-14")).actors}
    assert "House of Representatives of Cyprus" in names
    assert not any("Government House" in n for n in names)


def test_a_body_and_its_office_joined_by_a_dash_are_two_organisations(extractor):
    text = ("Greece and Cyprus\nHellenic Parliament – Foreign Affairs Committee\nThe Speaker met "
            "members of the Parliamentary Assembly of the Council of Europe.")
    names = {a.name for a in extractor.extract(Document("d", text, "t", published="2024-11-14")).actors}
    assert "Foreign Affairs Committee" in names and not any(" – " in n for n in names)
    assert "Parliamentary Assembly of the Council of Europe" in names


def test_organisations_named_with_a_state_adjective_and_a_states_own_territory(extractor):
    text = ("Morocco and Mauritania\nThe General Confederation of Moroccan Enterprises and the National Union "
            "of Employers of Mauritania signed a charter. Trucks crossed Mauritanian territory. The Centre for "
            "Training Afghan students opened.")
    actors = {(a.name, a.type) for a in extractor.extract(Document("d", text, "t", published="2025-10-22")).actors}
    names = {n for n, _ in actors}
    assert {"General Confederation of Moroccan Enterprises", "National Union of Employers of Mauritania"} <= names
    assert not [n for n, t in actors if t == "Person"]
    assert not [n for n in names if "territory" in n or n.endswith("Afghan")]


def test_bodies_named_only_in_a_contact_footer_or_as_a_press_office_are_no_actors(extractor):
    text = ("Ghana and Togo agreed to reopen the border.\n"
            "Communication Office of the Ministry of Trade\n"
            "Press Office | Ministry of Foreign Affairs of Ghana | Tel. +233 30 266 4951 | info@mfa.gov.gh")
    found = extractor.extract(Document("a", text, "t", published="2024-01-10"))
    assert {a.name for a in found.actors if a.type == "Organization"} <= {"Ministry of Trade"}
