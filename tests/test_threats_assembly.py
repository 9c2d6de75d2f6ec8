"""How threat hits become threats: a threat named in its own words is one threat, not two."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def threats(text: str) -> list[str]:
    return sorted(t.name for t in extractor().extract(document_from_text("t", text, "2024-05-01")).threats)


def test_a_threat_inside_a_longer_worded_one_is_not_a_second_threat():
    assert threats("Belarus and Russia. The leaders spoke of the sanctions pressure of the collective West.") == [
        "sanctions pressure of the collective West"]
    assert threats("Japan and Korea condemned North Korea's nuclear and missile programmes.") == [
        "North Korea's nuclear and missile programmes"]


def test_a_named_threat_inside_a_worded_one_still_counts_apart():
    found = threats("Kenya and Uganda will fight the financing of terrorism.")
    assert "terrorism" in found and "terrorist financing" in found
