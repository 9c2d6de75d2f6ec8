"""How event hits become events: dates, merging and what counts as an agreement."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def events(text: str, published: str = "2022-11-22"):
    return extractor().extract(document_from_text("e", text, published)).events


def the_event(type_: str, text: str, published: str = "2022-11-22"):
    """The one event of a type the text gives (the unpacking fails when there are none or several)."""
    [event] = [e for e in events(text, published) if e.type == type_]
    return event


def test_a_possessive_time_dates_only_its_own_noun():
    visit = the_event("Visit", "Trade is roughly double last year's level, as President Andrzej Duda of Poland "
                               "opened a state visit to South Korea on Tuesday.")
    assert visit.date == "2022-11-22"
    summit = the_event("Summit", "Kazakhstan and Uzbekistan prepared last year's summit in Astana.")
    assert summit.date == "2021"


def test_what_the_sides_also_discussed_is_part_of_the_meeting():
    found = events("President Sadyr Japarov met President Shavkat Mirziyoyev in Tashkent on 9 November 2023. "
                   "The presidents also discussed water issues.", "2023-11-10")
    assert [e.type for e in found] == ["Meeting"]
    assert len(found[0].evidence) == 2


def test_a_discussion_with_no_other_event_is_talks():
    found = events("Both sides also discussed water issues between Kyrgyzstan and Uzbekistan.", "2023-11-10")
    assert [e.type for e in found] == ["Talks"]


def test_decisions_and_signed_documents_are_two_agreements():
    found = events("Kazakhstan and Kyrgyzstan signed 12 documents in Astana. The two countries also agreed "
                   "to open a new border crossing.", "2023-10-10")
    assert len([e for e in found if e.type == "Agreement"]) == 2


def test_an_agreement_of_leaders_binds_their_states():
    found = events("Kazakhstan and Tajikistan open a new chapter.\n"
                   "Kassym-Jomart Tokayev and Emomali Rahmon agreed to boost trade.", "2023-05-10")
    [agreement] = [e for e in found if e.type == "Agreement"]
    assert {"Kazakhstan", "Tajikistan"} <= set(agreement.participants)


def test_a_time_in_another_clause_or_after_since_does_not_date_the_event():
    meeting = the_event("Meeting", "Days of Kyrgyz culture will be held in Uzbekistan in October, and the "
                                   "next session of the intergovernmental commission will take place in "
                                   "Tashkent in 2023.", "2022-09-06")
    assert meeting.date == "2023" and meeting.place == "Tashkent"
    visit = the_event("Visit", "On Monday, 22 January, Foreign Minister Radoslaw Sikorski of Poland paid a "
                               "working visit to Ukraine, his first since taking office in December.",
                               "2024-01-22")
    assert visit.date == "2024-01-22"


def test_a_since_clause_dates_the_agreement_it_names():
    for text in ("Since the EPA between Mongolia and Japan came into force in 2016, trade has grown 1.4-fold.",
                 "Trade will grow with the Preferential Trade Agreement between Azerbaijan and Turkey, "
                 "which entered into force in 2021.",
                 "The free trade agreement between South Korea and Chile took effect in 2004."):
        agreement = the_event("Agreement", text, "2023-03-01")
        assert agreement.date in {"2016", "2021", "2004"} and agreement.date in text


def test_the_place_of_an_event_is_a_city_in_its_clause():
    talks = the_event("Talks", "Chancellor Olaf Scholz of Germany will be in Astana on 16 September for talks "
                               "with President Kassym-Jomart Tokayev.", "2024-09-10")
    assert talks.place == "Astana"


def test_two_agreements_of_one_meeting_carry_keys_that_tell_them_apart():
    found = events("Kazakhstan and Kyrgyzstan signed 12 documents in Astana. The two "
                   "countries also agreed to open a new border crossing.", "2023-10-10")
    assert sorted(str(e.key) for e in found if e.type == "Agreement") == ["None", "decision"]


def test_a_time_in_the_premise_of_a_declaration_does_not_date_its_decision():
    agreed = the_event("Agreement", "Noting that 400,000 Chilean tourists visited Peru last year, 46 per cent more "
                                    "than in 2021, Chile and Peru agreed to add direct flights.", "2023-12-18")
    assert agreed.date is None
    dated = the_event("Agreement", "Welcoming the new railway, on 5 June Chile and Peru agreed to add direct "
                                   "flights.", "2023-12-18")
    assert dated.date == "2023-06-05"
    plain = the_event("Agreement", "Last year Chile and Peru agreed to add direct flights.", "2023-12-18")
    assert plain.date == "2022"


def test_a_visit_from_one_day_to_another_is_dated_by_its_first_day():
    visit = the_event("Visit", "Kenya's foreign minister paid a working visit to Uganda from 3 to 5 May.",
                               "2023-06-01")
    assert visit.date == "2023-05-03"
    since = the_event("Visit", "It was the first visit of a Kenyan minister to Uganda since May.",
                               "2023-06-01")
    assert since.date is None


def test_a_session_of_a_joint_commission_is_a_meeting_of_the_pair():
    [meeting] = events("Ghana and Nigeria renew ties.\nThe fifth session of the Joint Commission took place in Accra.")
    assert meeting.type == "Meeting" and {"Ghana", "Nigeria"} <= set(meeting.participants)


def test_the_next_session_is_another_occasion_than_the_reported_meeting():
    found = events("Ghana and Nigeria renew ties.\nFinance Minister Ken Ofori-Atta received the High Commissioner "
                   "of Nigeria in Accra. They discussed preparations for the next session of the Joint Commission, "
                   "to be held in Abuja in the second half of 2022.")
    assert sorted((e.type, e.place) for e in found) == [("Meeting", "Abuja"), ("Meeting", "Accra")]


def test_an_agreement_with_one_named_party_binds_the_documents_pair():
    text = ("Azerbaijan and Turkey: trade grows.\n"
            '"With the Preferential Trade Agreement, which entered into force in 2021, we will reach the target," '
            "Mikayil Jabbarov said.")
    agreement = the_event("Agreement", text, "2023-03-01")
    assert {"Azerbaijan", "Turkey"} <= set(agreement.participants)


def test_talks_with_one_named_side_are_talks_of_the_pair():
    found = events("Azerbaijan and Turkey: energy ties.\nAzerbaijan also held talks on gas supplies.", "2023-03-01")
    [talks] = [e for e in found if e.type == "Talks"]
    assert {"Azerbaijan", "Turkey"} <= set(talks.participants)


def test_a_meeting_agreed_to_be_held_is_another_occasion_than_the_one_held():
    found = events("Colombia and Ecuador.\nForeign Minister Luis Gilberto Murillo met his Ecuadorean counterpart "
                   "Gabriela Sommerfeld on Thursday. They agreed to hold a binational cabinet meeting in Quito.",
                   "2024-09-14")
    meetings = [e for e in found if e.type == "Meeting"]
    assert len(meetings) == 2 and {m.place for m in meetings} == {None, "Quito"}


def test_a_meeting_to_be_convened_later_does_not_merge_with_the_meeting_held():
    found = events("Vietnam and Australia.\nThe two prime ministers met at the summit on 7 March 2024. "
                   "They agreed to deepen trade ties and to convene the economic dialogue in Canberra later in 2024.",
                   "2024-03-07")
    meetings = sorted((e.date, e.place) for e in found if e.type == "Meeting")
    assert meetings == [("2024", "Canberra"), ("2024-03-07", None)]


def test_documents_signed_after_the_talks_take_the_date_of_the_talks():
    found = events("Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Astana on "
                   "Tuesday. After the talks, the two heads of state witnessed the signing of more than 30 "
                   "cooperation documents.", "2024-07-02")
    [agreement] = [e for e in found if e.type == "Agreement"]
    assert agreement.date == "2024-07-02"


def test_days_of_a_states_culture_name_that_state_as_a_party():
    days = the_event("CulturalYear", "Kenya and Uganda.\nThe Days of Kenyan Culture were held in Kampala in October.",
                                     "2023-11-01")
    assert {"Kenya", "Uganda"} <= set(days.participants)


def test_states_named_after_the_pair_as_subject_are_not_its_parties():
    text = ("Turkey and Iraq.\nDuring the visit the two governments signed 26 memoranda of understanding, "
            "including one with Qatar and the United Arab Emirates on the Development Road.")
    signed = the_event("Agreement", text)
    assert set(signed.participants) == {"Turkey", "Iraq"}
    [talks] = events("Turkey and Iraq.\nThe two sides exchanged views on cooperation within the UN and the SCO.")
    assert set(talks.participants) == {"Turkey", "Iraq"}
    [named] = events("Turkey and Iraq.\nTurkey and Iraq signed a memorandum with Qatar.")
    assert set(named.participants) == {"Turkey", "Iraq", "Qatar"}


def test_a_third_capital_where_the_pair_meets_is_the_venue_not_a_party():
    [talks] = events("Armenia and Azerbaijan.\nThe talks between Armenia and Azerbaijan continued in Berlin in May.")
    assert talks.place == "Berlin" and set(talks.participants) == {"Armenia", "Azerbaijan"}


def test_a_cultural_year_named_by_adjective_and_by_state_is_one_event():
    found = events("Days of Uzbek culture open in Astana\nThe Days of Culture of Uzbekistan opened in Astana on "
                   "3 May 2024.", "2024-05-03")
    assert [(e.type, e.date) for e in found] == [("CulturalYear", "2024-05-03")]


def test_a_place_after_an_opening_phrase_belongs_to_the_main_clause_not_to_the_occasion():
    found = events("Pakistan and China\nPrime Minister Shehbaz Sharif paid an official visit to China from 4 to 8 June "
                   "2024. During the visit, Sharif addressed a business forum in Shenzhen.", "2024-06-09")
    assert sorted((e.type, e.place) for e in found) == [("Forum", "Shenzhen"), ("Visit", "China")]


def test_a_state_the_pair_acts_against_or_borders_on_is_not_a_party():
    agreement = the_event("Agreement", "Kenya and Ethiopia.\nKenya and Ethiopia agreed to step up joint efforts "
                                       "against al-Shabaab along the border with Somalia.")
    assert set(agreement.participants) == {"Kenya", "Ethiopia"}


def test_a_visit_under_way_is_dated_by_the_document():
    visit = the_event("Visit", "Kenya and Ethiopia.\nAbiy Ahmed, who is on a two-day state visit to Kenya, met "
                               "President William Ruto.", "2024-02-28")
    assert visit.date == "2024-02-28"


def test_a_meeting_told_as_another_one_does_not_merge_into_the_first():
    found = events("Brazil and China.\nPresident Lula met President Xi Jinping in Beijing on 14 April 2023. "
                   "President Lula also met Premier Li Qiang.", "2023-04-15")
    assert len([e for e in found if e.type == "Meeting"]) == 2


def test_a_region_a_summit_is_about_is_not_its_party():
    summit = the_event("Summit", "Saudi Arabia and Iran.\nRaisi came to Riyadh for a joint Arab-Islamic summit on "
                                 "the war in Gaza.", "2023-11-12")
    assert "Gaza Strip" not in summit.participants


def test_a_state_adjective_inside_a_proper_name_is_not_a_party():
    talks = the_event("Talks", "Egypt and Sudan.\nThe talks between Egypt and Sudan focused on the Grand Ethiopian "
                               "Renaissance Dam.")
    assert set(talks.participants) == {"Egypt", "Sudan"}


def test_the_two_speakers_are_the_documents_two_most_named_persons():
    text = ("Cyprus and Greece\nSpeaker Konstantinos Tasoulas received Annita Demetriou, President of the House "
            "of Representatives of Cyprus. Tasoulas and Demetriou spoke of Europe. "
            "The two Speakers signed a memorandum of cooperation.")
    agreement = the_event("Agreement", text)
    assert {"Konstantinos Tasoulas", "Annita Demetriou"} <= set(agreement.participants)


def test_signings_of_different_counts_are_different_events_and_a_restatement_merges():
    text = ("Zambia and Zimbabwe.\nSince independence the two countries have signed 45 cooperation agreements. "
            "In Livingstone the ministers signed three memoranda of understanding. "
            "The three memoranda were signed in the presence of the press.")
    signings = [e for e in events(text) if e.type == "Agreement"]
    assert len(signings) == 2


def test_a_meeting_still_to_come_is_dated_by_its_deadline():
    text = ("Colombia and Ecuador.\nThe ministers agreed to convene the binational security commission "
            "before the end of the year.")
    assert [e.date for e in events(text, "2024-09-25") if e.type == "Meeting"] == ["2024"]


def test_the_documents_own_meeting_without_a_place_took_place_where_the_dateline_says():
    text = ("Colombia and Ecuador\nNew York, 25 September 2024\n\nColombian Foreign Minister Luis Gilberto "
            "Murillo met his Ecuadorian counterpart Gabriela Sommerfeld on Tuesday. Later Murillo spoke by "
            "telephone with Sommerfeld.")
    found = {e.type: e.place for e in events(text, "2024-09-25")}
    assert found["Meeting"] == "New York City"
    assert found.get("Talks") is None


def test_the_city_a_summit_is_held_in_is_its_place_not_a_participant():
    text = ("India and Indonesia\nOn the margins of the G20 summit in Rio de Janeiro, Prime Minister Narendra Modi "
            "met President Prabowo Subianto.")
    summit = the_event("Summit", text)
    assert summit.place == "Rio de Janeiro" and "Rio de Janeiro" not in summit.participants


def test_an_outlet_named_like_a_newspaper_that_spoke_with_someone_interviewed_them():
    text = ("Vietnam and South Korea\nKorea Economic Monitor spoke with the Ambassador of Vietnam to the "
            "Republic of Korea, Vu Ho, at the embassy in Seoul.")
    interview = the_event("Interview", text, "2024-11-20")
    assert {"Korea Economic Monitor", "Vu Ho"} <= set(interview.participants)


def test_a_state_named_after_an_invasion_of_is_no_party():
    text = ("India and Russia\nNarendra Modi wrapped up a two-day visit to Moscow, his first since Russia launched "
            "its full-scale invasion of Ukraine in February 2022.")
    visit = the_event("Visit", text, "2024-07-09")
    assert "Ukraine" not in visit.participants


def test_a_visitor_named_without_a_state_brings_the_state_the_gazetteer_has_them_lead():
    visit = the_event("Visit", "Chile and Vietnam mark 50 years of ties. President Gabriel Boric will visit Hanoi "
                               "in November.", "2023-06-01")
    assert {"Gabriel Boric", "Chile", "Vietnam"} <= set(visit.participants)


def test_calls_of_different_people_stay_two_though_their_states_are_the_same():
    found = [e for e in events("India and Saudi Arabia spoke again. S. Jaishankar held a phone call with Prince "
                               "Faisal bin Farhan Al Saud on Tuesday. Prime Minister Narendra Modi spoke by phone "
                               "with Crown Prince Mohammed bin Salman in March.", "2024-01-18") if e.type == "Talks"]
    assert len(found) == 2
    assert all({"India", "Saudi Arabia"} <= set(e.participants) for e in found)


def test_a_meeting_on_the_sidelines_of_a_ministers_meeting_is_one_meeting():
    found = [e for e in events("Vietnam and Laos. The two ministers also met on the sidelines of the ASEAN Foreign "
                               "Ministers' Meeting in Jakarta in July.", "2023-08-01") if e.type == "Meeting"]
    assert len(found) == 1


def test_a_visitor_takes_the_state_of_the_office_the_document_gives_them():
    visit = the_event("Visit", "Poland and Mongolia. On 3 June, Minister of Foreign Affairs of Mongolia Dorj Bat, who "
                               "is in Poland on an official visit, held talks in Warsaw.", "2024-06-03")
    assert {"Dorj Bat", "Poland", "Mongolia"} <= set(visit.participants)


def test_the_interview_a_document_opens_with_is_dated_by_the_document():
    interview = the_event("Interview", "Ambassador: ties are strong\nThe Ambassador of Chile, Ana Soto, answered "
                                       "questions from Kazinform.", "2024-03-20")
    assert interview.date == "2024-03-20"
