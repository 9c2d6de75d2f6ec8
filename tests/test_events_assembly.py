"""How event hits become events: dates, merging and what counts as an agreement."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def events(text: str, published: str = "2022-11-22"):
    return extractor().extract(document_from_text("e", text, published)).events


def test_a_possessive_time_dates_only_its_own_noun():
    [visit] = [e for e in events("Trade is roughly double last year's level, as President Andrzej Duda of Poland "
                                 "opened a state visit to South Korea on Tuesday.") if e.type == "Visit"]
    assert visit.date == "2022-11-22"
    [summit] = [e for e in events("Kazakhstan and Uzbekistan prepared last year's summit in Astana.")
                if e.type == "Summit"]
    assert summit.date == "2021"
