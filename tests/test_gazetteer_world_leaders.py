"""World leaders beyond the core states: dated offices resolve, and surnames name the person."""

import pytest

from amity.extract.engine import Extractor
from amity.extract.model import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("role, state, on, who", [
    ("President", "Uganda", "2024-06-01", "Yoweri Museveni"),
    ("President", "Rwanda", "2024-06-01", "Paul Kagame"),
    ("Prime Minister", "Canada", "2024-06-01", "Justin Trudeau"),
    ("Prime Minister", "Canada", "2025-05-01", "Mark Carney"),
    ("President", "Mexico", "2020", "Andrés Manuel López Obrador"),
    ("President", "Mexico", "2025-01-01", "Claudia Sheinbaum"),
    ("President", "Argentina", "2024-06-01", "Javier Milei"),
    ("Prime Minister", "Australia", "2024-06-01", "Anthony Albanese"),
    ("Prime Minister", "Hungary", "2024-06-01", "Viktor Orbán"),
    ("President", "Serbia", "2024-06-01", "Aleksandar Vučić"),
    ("Sultan", "Oman", "2024-06-01", "Haitham bin Tariq"),
    ("Emir", "Kuwait", "2024-06-01", "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("Emir", "Kuwait", "2022", "Nawaf Al-Ahmad Al-Jaber Al-Sabah"),
    ("King", "Morocco", "2024-06-01", "Mohammed VI of Morocco"),
    ("Prime Minister", "Bangladesh", "2023", "Sheikh Hasina"),
    ("President", "Syria", "2024-06-01", "Bashar al-Assad"),
    ("Chancellor", "Austria", "2024-06-01", "Karl Nehammer"),
    ("Head of State", "Thailand", "2024-06-01", "Maha Vajiralongkorn"),
    ("Leader", "Ugandan", "2024-06-01", "Yoweri Museveni"),
])
def test_holder(extractor, role, state, on, who):
    assert extractor.gazetteer.holder(role, state, on) == who


@pytest.mark.parametrize("text, person", [
    ("President Museveni met the Kenyan delegation in Entebbe on Monday.", "Yoweri Museveni"),
    ("Kagame received the visiting minister in Kigali.", "Paul Kagame"),
])
def test_a_surname_names_the_leader(extractor, text, person):
    facts = extractor.extract(Document("d", text, "t", published="2024-06-01"))
    assert person in {a.name for a in facts.actors}
