"""Finding gazetteer actors in text: names two people share are read by the document's states."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def facts_of(text: str, published: str = "2022-06-01"):
    return extractor().extract(document_from_text("t", text, published))


def people(text: str) -> set[str]:
    return {a.name for a in facts_of(text).actors if a.type == "Person"}


def test_a_title_two_leaders_bear_is_read_by_the_states_the_text_names():
    assert "Emomali Rahmon" in people("Tajikistan and Iran: the Leader of the Nation held talks in Tehran.")
    assert "Nursultan Nazarbayev" in people("In Kazakhstan, the Leader of the Nation met students in Astana.")
    assert "Nursultan Nazarbayev" not in people("Tajikistan and Iran: the Leader of the Nation held talks in Tehran.")


def test_a_discovered_name_does_not_run_on_across_a_line_break():
    text = ("Telephone conversation between the Foreign Minister of Saudi Arabia and India\n"
            "Ministry of External Affairs\nThe ministers discussed the Kerala Development Board in Riyadh.")
    orgs = {a.name for a in extractor().extract(document_from_text("t", text, "2022-06-01")).actors
            if a.type == "Organization"}
    assert not any("\n" in name or name.startswith("Foreign Minister") for name in orgs), orgs
    assert "Kerala Development Board" in orgs


def test_a_year_of_cultural_exchange_is_no_organisation_but_a_cultural_year():
    facts = extractor().extract(document_from_text(
        "t", "Mongolia and South Korea.\nThe leaders declared 2025 the Mongolia–Korea Year of Cultural Exchange.",
        "2024-10-14"))
    assert not [a for a in facts.actors if "Year of" in a.name]
    assert [e.type for e in facts.events] == ["CulturalYear"]


def test_a_joint_body_named_with_a_spaced_hyphen_keeps_both_states():
    text = "The 45th meeting of the Vietnam - Laos Intergovernmental Committee was held in Hanoi."
    orgs = {a.name for a in facts_of(text, "2023-01-10").actors if a.type == "Organization"}
    assert orgs == {"Vietnam - Laos Intergovernmental Committee"}


def test_an_organisation_introduced_with_its_abbreviation_is_named_by_it_later():
    text = ("Nigeria and South Africa.\nThe Nigeria–South Africa Bi-National Commission (BNC) should meet on "
            "schedule. The presidents want to convene the 11th BNC in Abuja in 2024.")
    facts = facts_of(text, "2023-06-01")
    [body] = [a for a in facts.actors if a.type == "Organization"]
    assert "BNC" in body.aliases
    assert any(e.place == "Abuja" and body.name in e.participants for e in facts.events)


def test_letters_that_do_not_abbreviate_the_name_teach_nothing():
    from amity.extract.mentions import _abbreviates
    assert _abbreviates("BNC", "Nigeria–South Africa Bi-National Commission")
    assert _abbreviates("SCO", "Shanghai Cooperation Organisation")
    assert not _abbreviates("USD", "Joint Commission")


def test_a_title_abbreviation_alone_is_the_one_person_introduced_with_that_role():
    text = ("External Affairs Minister Dr. S. Jaishankar paid an official visit to Muscat.\n"
            "EAM called on His Majesty Sultan Haitham bin Tarik in Muscat.")
    facts = facts_of(text, "2023-12-27")
    [meeting] = [e for e in facts.events if e.type == "Meeting"]
    assert "S. Jaishankar" in meeting.participants


def test_a_title_abbreviation_two_people_bear_names_neither():
    text = ("Foreign Minister Ararat Mirzoyan met Foreign Minister Ilia Darchiashvili in Tbilisi.\n"
            "The FM then left for the airport.")
    facts = facts_of(text, "2024-01-10")
    people = {a.name for a in facts.actors if a.type == "Person"}
    assert people == {"Ararat Mirzoyan", "Ilia Darchiashvili"}


def test_a_town_the_gazetteer_does_not_know_is_named_as_a_town():
    text = ("Colombia and Ecuador.\nForeign Minister Luis Gilberto Murillo met Foreign Minister Gabriela Sommerfeld "
            "in the border city of Ipiales on Thursday.")
    facts = facts_of(text, "2024-09-14")
    [meeting] = [e for e in facts.events if e.type == "Meeting"]
    assert meeting.place == "Ipiales" and ("Ipiales", "City") in {(a.name, a.type) for a in facts.actors}


def test_a_known_surname_after_another_given_name_is_someone_else():
    found = people("Azerbaijani Minister of Culture Anar Karimov opened the festival. Karimov also visited Samarkand.")
    assert found == {"Anar Karimov"}


def test_a_known_surname_after_a_title_a_place_or_a_variant_spelling_stays_the_known_person():
    assert people("President Karimov visited Moscow in 1994.") == {"Islam Karimov"}
    assert people("The President of Mongolia Battulga met the delegation.") == {"Khaltmaagiin Battulga"}
    assert people("Kasym-Zhomart Tokayev arrived in Baku.") == {"Kassym-Jomart Tokayev"}
    assert people("In May Putin visited Beijing.") == {"Vladimir Putin"}


def test_a_name_after_a_leading_article_is_not_hidden_by_a_shorter_form_with_the_article():
    def found(text: str) -> set[str]:
        return {m.name for m in extractor().actor_matcher.find(text)}

    assert found("Angola and Portugal discussed piracy in the Gulf of Guinea.") == {"Angola", "Portugal",
                                                                                    "Gulf of Guinea"}
    assert found("Oil from the Gulf reaches Asia.") == {"Persian Gulf", "Asia"}


def test_a_given_name_spelled_otherwise_before_a_known_surname_is_that_person():
    assert people("Prime Minister of Mongolia Luvsannamsrai Oyun-Erdene met the delegation.") == {
        "Luvsannamsrain Oyun-Erdene"}


def test_a_ministry_named_as_a_list_of_portfolios_is_a_title_not_a_name():
    assert people("The Uzbek side was represented by Minister of Investment, Industry and Trade Laziz Kudratov.") == {
        "Laziz Kudratov"}


def test_a_person_named_with_bin_is_also_called_by_style_and_first_name():
    text = ("Saudi Foreign Minister Prince Faisal bin Farhan met his Iranian counterpart in Beijing. "
            "Prince Faisal travelled to Tehran in June 2023 and was received by President Ebrahim Raisi.")
    [visit] = [e for e in facts_of(text, "2023-07-01").events if e.type == "Visit"]
    assert "Faisal bin Farhan Al Saud" in visit.participants


def orgs_of(text: str) -> set[str]:
    return {a.name for a in facts_of(text).actors if a.type == "Organization"}


def test_two_states_bodies_joined_by_and_are_two_organisations():
    found = orgs_of("Ghana's Federal Police and Togo's National Customs Service seized the cargo.")
    assert found == {"Federal Police of Ghana", "National Customs Service of Togo"}


def test_a_body_named_with_a_state_adjective_is_named_of_that_state_whatever_follows():
    found = orgs_of("The memorandum was signed with the Kenyan Ministry of Communication and Digital Economy.")
    assert found == {"Ministry of Communication and Digital Economy of Kenya"}


def test_a_list_of_bodies_is_cut_where_a_head_word_opens_the_next():
    found = orgs_of("The delegation included the State Committee for Tourism, Chamber of Commerce and Industry "
                    "and businessmen.")
    assert found == {"State Committee for Tourism", "Chamber of Commerce and Industry"}


def test_an_ambiguous_surname_inside_another_name_is_no_one():
    assert "Ban Ki-moon" not in people("Thailand and Cambodia will open the Ban Nong Ian crossing in 2024.")
    assert "Ban Ki-moon" in people("South Korea and Japan. Former Secretary-General Ban said the talks went well.")


def test_papua_new_guineans_are_of_papua_new_guinea_not_guinea():
    found = extractor().actor_matcher.find("Some 3,000 Papua New Guineans work in Australia.")
    assert [m.name for m in found] == ["Papua New Guinea", "Australia"]


def test_a_known_name_after_bin_is_a_fathers_inside_another_name():
    found = people("Oman and Saudi Arabia. Prince Faisal bin Salman bin Abdulaziz Al Saud visited Muscat.")
    assert "King Salman" not in found
    assert "Mohammed bin Salman" in people("Oman and Saudi Arabia. Sultan Haitham bin Tarik received Prince "
                                           "Mohammed bin Salman bin Abdulaziz Al Saud in Muscat.")
