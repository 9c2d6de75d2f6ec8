"""How goal hits become goals: coordinated aims split, boilerplate dropped, quantified text tight."""

import pytest
from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def goals(text: str):
    return extractor().extract(document_from_text("g", text, "2024-03-01")).goals


def test_coordinated_aims_are_separate_goals():
    found = goals("Georgia and Armenia agreed to reopen the Sadakhlo crossing and to restore the Tbilisi railway.")
    assert {g.text for g in found} == {"reopen the Sadakhlo crossing", "restore the Tbilisi railway"}


def test_boilerplate_is_not_a_goal():
    assert goals("Armenia is ready to keep developing ties in all areas of cooperation with Georgia.") == []
    assert goals("Armenia is ready to import more fruit from Georgia.") != []


def test_a_quantified_goal_is_worded_from_its_own_clause():
    [quantified] = [g for g in goals("The sides agreed to reopen the border and to triple exports of grain "
                                     "within three years.") if g.target is not None]
    assert quantified.text.startswith("triple exports") and quantified.deadline == "2027"


def test_a_number_of_things_takes_the_counted_noun_as_unit():
    [goal] = goals("Both airlines plan to raise the number of weekly passenger flights to 21 by 2026.")
    assert (goal.target, goal.unit, goal.deadline) == (21, "flights", "2026")


def test_a_quoted_name_stays_whole_in_the_goal():
    [goal] = goals('Georgia and Armenia decided to elevate their ties to a "Strategic Partnership for Peace".')
    assert goal.text == 'elevate their ties to a "Strategic Partnership for Peace"'


def test_a_dash_between_two_names_does_not_end_the_goal():
    [goal] = goals("Moldova and Romania agreed to complete the Vulcanesti – Chisinau power line by 2026.")
    assert goal.text == "complete the Vulcanesti – Chisinau power line by 2026"


def test_a_coordinated_event_is_not_an_aim():
    found = goals("Georgia and Armenia plan to resume direct flights between the capitals and to hold "
                  "Days of Culture of Armenia in Georgia this year.")
    assert {g.text for g in found} == {"resume direct flights between the capitals"}


def test_each_coordinated_aim_keeps_its_own_deadline():
    found = goals("Georgia and Armenia want to reopen the Sadakhlo crossing next month and to double "
                  "trade by 2030.")
    deadlines = {g.text.split()[0]: g.deadline for g in found}
    assert deadlines.get("reopen") is None and deadlines.get("double") == "2030"


def test_a_list_of_aims_without_to_is_several_goals():
    found = goals("Georgia and Armenia agreed to diversify the trade basket, raise the share of processed goods "
                  "and facilitate payments in national currencies.")
    assert {g.text for g in found} == {"diversify the trade basket", "raise the share of processed goods",
                                       "facilitate payments in national currencies"}


def test_a_verb_that_is_a_noun_before_of_does_not_split_an_aim():
    found = goals("Georgia and Armenia agreed to expand trade and increase of transit cargo through Poti.")
    assert len(found) == 1


def test_an_aim_coordinated_after_a_quantified_one_is_a_goal_too():
    found = goals("Chile and Peru set the goal of doubling bilateral trade by 2028 and of concluding a new "
                  "agreement on fisheries.")
    assert {(g.text, g.target) for g in found} == {("goal of doubling bilateral trade by 2028", 2),
                                                   ("concluding a new agreement on fisheries", None)}


def test_two_quantified_aims_keep_their_own_deadlines_and_are_not_repeated_as_text():
    found = goals("Chile and Peru agreed to double trade by 2030 and to triple investment by 2035.")
    assert sorted((g.target, g.deadline) for g in found) == [(2, "2030"), (3, "2035")]



def test_an_aim_whose_object_is_only_a_pronoun_is_no_goal():
    assert goals("Laos and Russia.\nWe will certainly consider this.") == []


def test_a_targets_future_year_is_its_deadline_and_decimals_do_not_end_its_text():
    [goal] = goals("Georgia and Armenia.\nThe sides expect mutual trade to exceed $3 billion in 2025.")
    assert goal.deadline == "2025"
    [goal] = goals("Georgia and Armenia.\nWe want trade to reach $2 billion, up from $1.5 billion in 2022.")
    assert goal.deadline is None and goal.text.endswith("$1.5 billion in 2022")


def test_a_goal_ends_at_a_line_break_but_not_at_a_dash_between_names():
    found = goals("Vietnam, Cambodia pledge to lift trade to 20 billion USD\n\nPhnom Penh (VNA) – The two PMs agreed "
                  "to raise trade to 20 billion USD, and to speed up the construction of the Ho Chi Minh City – "
                  "Phnom Penh expressway.")
    texts = {g.text for g in found}
    assert not any("\n" in t or "VNA" in t for t in texts)
    assert any(t.endswith("Phnom Penh expressway") for t in texts)


def test_a_goal_of_they_is_the_pairs_not_a_state_named_on_the_way():
    [aim] = goals("Egypt and Greece.\nThey welcomed the interconnector, which will carry power from Egypt to "
                  "Europe, and agreed to step up cooperation in tourism and shipping.")
    assert set(aim.holders) == {"Egypt", "Greece"}


def test_a_goal_after_a_named_subject_is_the_subjects():
    [safety] = goals("Pakistan and China.\nPakistan pledged to ensure the safety of Chinese personnel and projects.")
    assert safety.holders == ("Pakistan",)
    [support] = goals("Pakistan and China.\nChina agreed to support Pakistan's efforts to stabilise its economy.")
    assert set(support.holders) == {"China", "Pakistan"}  # a possessive state in the aim holds it too
    [both] = goals("Indonesia and Kazakhstan.\nPresident Joko Widodo and President Kassym-Jomart Tokayev met in "
                   "Jakarta and agreed to open a direct flight.")
    assert set(both.holders) == {"Indonesia", "Kazakhstan"}


def test_what_a_named_person_said_is_held_by_whom_the_quote_names():
    [quoted] = goals("Mongolia and China.\nMinister Battsetseg Batmunkh said that China would raise its "
                     "investment in Mongolian mining.")
    assert "China" in quoted.holders


def test_we_in_an_interview_is_the_interviewees_state():
    text = ("Kazakhstan and Uzbekistan.\nPresident Kassym-Jomart Tokayev gave an interview to Kazinform.\n"
            "We are determined to complete the modernization of our checkpoints.\n"
            "We will strengthen cooperation between our law enforcement agencies.")
    held = {g.text: set(g.holders) for g in goals(text)}
    assert held["complete the modernization of our checkpoints"] == {"Kazakhstan"}
    assert held["strengthen cooperation between our law enforcement agencies"] == {"Kazakhstan", "Uzbekistan"}


def test_the_interviewee_is_whom_the_outlet_talked_to_not_the_first_person_named():
    text = ("Kazakhstan and Uzbekistan.\nA day after President Shavkat Mirziyoyev left Astana, Steppe Weekly "
            "talked to Yerzhan Ashikbayev, Ambassador of Kazakhstan to Uzbekistan.\n"
            "We are determined to complete the modernization of our checkpoints.")
    [goal] = goals(text)
    assert set(goal.holders) == {"Kazakhstan"}


def test_the_pair_as_subject_of_a_reported_aim_holds_it():
    [goal] = goals("Kenya and Ethiopia.\nRuto said both governments were aiming to lift trade to 100 billion "
                   "shillings by 2028, urging Ethiopian firms to invest.")
    assert set(goal.holders) == {"Kenya", "Ethiopia"}


@pytest.mark.parametrize(("text", "deadline"), [
    ("Georgia and Armenia plan to sign the visa agreement by the end of the year.", "2024"),
    ("Georgia and Armenia plan to sign the visa agreement before the end of the year.", "2024"),
    ("Georgia and Armenia aim to double mutual trade by the end of the decade.", "2030"),
    ("Georgia and Armenia plan to finish the bridge by December.", "2024-12"),
])
def test_a_deadline_led_by_by_or_before_is_the_goals(text, deadline):
    assert [g.deadline for g in goals(text)] == [deadline]


def test_a_relative_clause_between_metric_and_target_is_a_figure_not_the_target():
    text = ("Georgia and Armenia.\nThe sides intend to raise trade, which reached $700 million in 2023, "
            "to $1 billion by 2027.")
    doc = extractor().extract(document_from_text("g", text, "2024-03-01"))
    assert [(g.target, g.deadline) for g in doc.goals] == [(1e9, "2027")]
    assert [(f.value, f.date) for f in doc.figures] == [(7e8, "2023")]


def test_a_target_of_services_a_week_is_counted_and_per_week_is_its_rate():
    [weekly] = goals("Georgia and Armenia will increase direct flights between their capitals to 10 a week by 2026.")
    assert (weekly.target, weekly.unit, weekly.deadline) == (10, "flights", "2026")
    [rate] = goals("Georgia and Armenia plan to raise the number of flights from 7 to 14 per week.")
    assert (rate.target, rate.unit) == (14, "flights per week")


def test_a_change_from_about_a_current_level_takes_the_later_amount_as_target():
    [goal] = goals("Georgia and Armenia aim to raise trade from about $400 million in 2024 to $2 billion by 2027.")
    assert (goal.target, goal.deadline) == (2e9, "2027")


def test_this_year_in_a_quantified_aim_is_its_deadline():
    [goal] = goals("Georgia and Armenia agreed to open two new border crossings this year.")
    assert (goal.target, goal.deadline) == (2, "2024")


def test_an_aim_coordinated_after_a_quantified_one_with_ease_is_its_own_goal():
    found = goals("Georgia and Armenia will increase direct flights to 10 a week by 2026 and ease visa procedures "
                  "for students.")
    assert {g.text for g in found if g.target is None} == {"ease visa procedures for students"}


def test_a_third_state_named_in_a_route_is_no_holder():
    [goal] = goals("China and Uzbekistan\nWang Yi said that China is willing to work with Uzbekistan to push for "
                   "new progress in the China-Kyrgyzstan-Uzbekistan railway.")
    assert "China" in goal.holders and "Kyrgyzstan" not in goal.holders


def test_each_of_two_coordinated_targets_takes_its_own_deadline_and_an_economys_growth_is_no_goal():
    found = goals("Georgia and Armenia agreed to bring trade to 10 billion dollars by 2025 and 15 billion by 2030.")
    assert {(g.target, g.deadline) for g in found if g.target} == {(1e10, "2025"), (1.5e10, "2030")}
    assert not goals("Georgia and Armenia.\nThe IMF expects Armenia's economy, home to 3 million people, to grow "
                     "by 5 percent this year.")



def test_a_decision_after_a_quantified_aim_is_its_own_goal_from_its_action():
    found = goals("Georgia and Armenia agreed to bring trade to 500 million dollars by 2030 and instructed the "
                  "intergovernmental commission to prepare a roadmap by the end of 2025.")
    qualitative = {(g.text, g.deadline) for g in found if g.target is None}
    assert qualitative == {("prepare a roadmap by the end of 2025", "2025")}


def test_convening_the_next_meeting_is_an_event_not_a_goal():
    text = ("Ghana and Togo agreed to convene the Joint Cooperation Commission in Lomé before the end of the year "
            "and to build a new border post.")
    found = extractor().extract(document_from_text("g", text, "2024-03-01"))
    assert [g.text for g in found.goals] == ["build a new border post"]
    assert "Meeting" in {e.type for e in found.events}
