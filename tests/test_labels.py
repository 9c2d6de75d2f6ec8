"""Event labels written from the event: who, what and where, not the fragment a rule matched."""

from amity.extract.engine import Extractor
from amity.extract.labels import describe_event
from amity.extract.model import Document

TYPES = {"Kassym-Jomart Tokayev": "Person", "Shavkat Mirziyoyev": "Person", "Kazakhstan": "Country",
         "Uzbekistan": "Country", "Turkey": "Country", "Tashkent": "City", "Commonwealth of Independent States":
         "Organization"}
OFFICES = {"Kassym-Jomart Tokayev": {"Kazakhstan"}, "Shavkat Mirziyoyev": {"Uzbekistan"}}


def label(type_, matched, participants, place=None, host=None, sentence=""):
    return describe_event(type_, matched, participants, place, TYPES.get, lambda p: OFFICES.get(p, set()),
                          host, sentence)


def test_bare_verbs_give_way_to_the_parties():
    assert label("Agreement", "Agreed to", ["Kazakhstan", "Uzbekistan"]) \
        == "Agreement between Kazakhstan and Uzbekistan"
    assert label("Talks", "The sides discussed", ["Shavkat Mirziyoyev", "Kassym-Jomart Tokayev", "Uzbekistan"]) \
        == "Talks of Shavkat Mirziyoyev and Kassym-Jomart Tokayev"


def test_matched_words_that_say_more_are_kept():
    assert label("Agreement", "Signed 15 agreements", ["Kazakhstan", "Turkey"],
                 sentence="The two countries signed 15 agreements.") \
        == "Agreement between Kazakhstan and Turkey: signed 15 agreements"


def test_the_visitor_is_not_the_host():
    participants = ["Shavkat Mirziyoyev", "Kassym-Jomart Tokayev", "Kazakhstan", "Uzbekistan"]
    assert label("Visit", "A state visit", participants, "Tashkent", host="Uzbekistan") \
        == "State visit of Kassym-Jomart Tokayev to Tashkent"


def test_a_phone_call_is_named_so():
    assert label("Talks", "Held talks", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"],
                 sentence="The presidents held talks by telephone.") \
        == "Phone call of Kassym-Jomart Tokayev and Shavkat Mirziyoyev"


def test_named_happenings_keep_their_name():
    assert label("CulturalYear", "Year of Kazakhstan in Uzbekistan", ["Kazakhstan", "Uzbekistan"], "Uzbekistan") \
        == "Year of Kazakhstan in Uzbekistan"
    assert label("Summit", "The summit", ["Commonwealth of Independent States", "Kazakhstan"]) \
        == "Summit of Commonwealth of Independent States"
    assert label("Forum", "The first forum", ["Kazakhstan"], "Tashkent") == "Forum in Tashkent"


def test_long_lists_of_names_are_cut():
    names = ["Kazakhstan", "Uzbekistan", "Turkey", "Commonwealth of Independent States"]
    assert label("Meeting", "Met", names) == "Meeting of Kazakhstan, Uzbekistan and Turkey"


def test_the_extractor_labels_events_this_way():
    text = "Talks in Tashkent\nKassym-Jomart Tokayev held talks with Shavkat Mirziyoyev in Tashkent on 5 May 2024.\n"
    doc = Document("d", text, "Talks in Tashkent", published="2024-05-06")
    events = Extractor().extract(doc).events
    assert [e.label for e in events if e.type == "Talks"] == [
        "Talks of Kassym-Jomart Tokayev and Shavkat Mirziyoyev in Tashkent"]


def test_the_visitor_named_in_the_matched_words_comes_first():
    participants = ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Uzbekistan"]
    assert label("Visit", "the official visit of President Mirziyoyev to Turkey", participants, "Turkey") \
        == "Official visit of Shavkat Mirziyoyev to Turkey"
    assert label("Visit", "the visit of the Head of State to Turkey", participants, "Turkey").startswith("Visit of")


def test_a_visit_where_only_the_host_is_named_is_the_guest_states():
    assert label("Visit", "paid an official visit to Tashkent",
                 ["Kazakhstan", "Uzbekistan", "Shavkat Mirziyoyev"], place="Tashkent", host="Uzbekistan") \
        == "Official visit of Kazakhstan to Tashkent"


def test_a_host_alone_is_never_named_the_visitor():
    assert label("Visit", "to visit Tashkent", ["Shavkat Mirziyoyev", "Uzbekistan"], place="Tashkent",
                 host="Uzbekistan") == "Visit to Tashkent"


def test_the_visit_a_possessive_makes_someones_is_theirs():
    sentence = "Tokayev's trip follows Shavkat Mirziyoyev's visit to Turkey last year."
    assert label("Visit", "visit to Turkey", ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Turkey"],
                 place="Turkey", sentence=sentence) == "Visit of Shavkat Mirziyoyev to Turkey"
