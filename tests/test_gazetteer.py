"""The gazetteer: its packaged data is complete and consistent, and its loader validates.

Country codes are checked against pycountry, which has no UN-membership flag: the 193 member
states are listed here (ISO 3166-1 alpha-2) and every one must be in countries.yaml.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import pytest

from amity.extract.gazetteer import (
    ACTOR_TYPES,
    Gazetteer,
    GazetteerError,
    KnownOffice,
    cache_dir,
)

UN_MEMBERS = set(re.findall(r"[A-Z]{2}", """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA
CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE
DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR
LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG KP MK
NO OM PK PW PA PG PY PE PH PL PT QA KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO
ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM
ZW
"""))
UN_OBSERVERS = {"VA", "PS"}
LINE_ERROR = re.compile(r"^(?P<path>.+):(?P<line>\d+): (?P<problem>.+)$")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never touch the user's cache folder."""
    monkeypatch.setenv("AMITY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load(cache=False)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _error(folder: Path) -> tuple[str, int, str]:
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load([folder], cache=False)
    message = str(info.value)
    assert "\n" not in message
    m = LINE_ERROR.match(message)
    assert m, message
    return m["path"], int(m["line"]), m["problem"]


# ------------------------------------------------------------------ countries


def test_the_un_member_list_itself_is_sound():
    assert len(UN_MEMBERS) == 193
    assert all(pycountry.countries.get(alpha_2=code) for code in UN_MEMBERS | UN_OBSERVERS)


def test_all_un_members_and_observers_are_present(gaz):
    countries = gaz.by_type("Country")
    by_code = Counter(e.iso_code for e in countries if e.iso_code)
    assert [c for c, n in by_code.items() if n > 1] == []
    assert UN_MEMBERS - set(by_code) == set()
    assert UN_OBSERVERS - set(by_code) == set()
    status = {e.iso_code: e.status for e in countries if e.iso_code}
    assert {c for c in UN_MEMBERS if status[c] != "member"} == set()
    assert {c for c in UN_OBSERVERS if status[c] != "observer"} == set()
    assert sum(1 for e in countries if e.status == "member") == 193
    others = {e.name for e in countries if e.status == "other"}
    assert {"Kosovo", "Taiwan"} <= others


def _pycountry_names(pc) -> set[str]:
    names = set()
    for attr in ("name", "official_name", "common_name"):
        value = getattr(pc, attr, None)
        if not value:
            continue
        value = re.sub(r"\s*\(.*?\)", "", value)  # "Holy See (Vatican City State)"
        if ", " in value:  # "Congo, The Democratic Republic of the" -> "The Democratic ... Congo"
            head, tail = value.split(", ", 1)
            value = f"{tail} {head}"
        names.add(re.sub(r"^the ", "", value.strip(), flags=re.I).casefold())
    return names


def test_iso_codes_and_names_agree_with_pycountry(gaz):
    for e in gaz.by_type("Country"):
        if e.iso_code is None:
            assert e.status == "other", e.name
            continue
        pc = pycountry.countries.get(alpha_2=e.iso_code)
        assert pc is not None, e.name
        assert pc.alpha_3 == e.iso3, e.name
        ours = {n.casefold() for n in e.names}
        assert ours & _pycountry_names(pc), (e.name, pc.name)


def test_news_names_are_canonical_and_common_aliases_resolve(gaz):
    expected = {
        "USA": "United States", "U.S.": "United States", "America": "United States",
        "UK": "United Kingdom", "Britain": "United Kingdom", "Türkiye": "Turkey",
        "Turkiye": "Turkey", "PRC": "China", "People's Republic of China": "China",
        "People’s Republic of China": "China", "DPRK": "North Korea", "ROK": "South Korea",
        "Republic of Korea": "South Korea", "UAE": "United Arab Emirates",
        "KSA": "Saudi Arabia", "Kyrgyz Republic": "Kyrgyzstan", "Kazakstan": "Kazakhstan",
        "Republic of Kazakhstan": "Kazakhstan", "Russian Federation": "Russia",
        "Czechia": "Czech Republic", "Ivory Coast": "Côte d'Ivoire", "Cote d'Ivoire": "Côte d'Ivoire",
        "East Timor": "Timor-Leste",
        "Burma": "Myanmar", "Viet Nam": "Vietnam", "Islamic Republic of Iran": "Iran",
        "Republic of China": "Taiwan", "DRC": "Democratic Republic of the Congo",
    }
    for form, name in expected.items():
        entry = gaz.get(form, "Country")
        assert entry is not None and entry.name == name, form
    assert gaz.get("England", "Country") is None  # a Region of the United Kingdom
    assert gaz.get("England").type == "Region"
    assert gaz.get("Congo", "Country") is None  # deliberately nobody's alias


def test_abbreviations_are_case_sensitive(gaz):
    us = gaz.get("United States")
    assert "US" in us.case_sensitive_aliases
    assert gaz.get("us") is None and gaz.get("Us") is None
    forms = {(f.text, f.kind): f for f in gaz.surface_forms() if f.entry is us}
    assert forms[("US", "abbreviation")].case_sensitive
    assert not forms[("America", "alias")].case_sensitive
    assert forms[("America", "alias")].ambiguous


def test_ambiguous_country_names_are_flagged(gaz):
    for name in ("Georgia", "Jordan", "Chad", "Niger", "Guinea"):
        entry = gaz.get(name, "Country")
        assert entry.ambiguous and name in entry.ambiguous_aliases, name
    assert not gaz.get("Kazakhstan").ambiguous


def test_adjectives_and_capitals(gaz):
    kz = gaz.get("Kazakhstan")
    assert {"Kazakh", "Kazakhstani"} <= set(kz.adjectives)
    assert {"Astana", "Nur-Sultan"} <= set(kz.capitals)
    assert "Astana" not in kz.aliases
    assert gaz.country_of_adjective("Uzbek").name == "Uzbekistan"
    assert gaz.country_of_adjective("Emirati").name == "United Arab Emirates"
    assert gaz.country_of_adjective("Kenyans").name == "Kenya"


def test_country_wikidata_ids_are_unique(gaz):
    qids = Counter(e.wikidata for e in gaz.by_type("Country") if e.wikidata)
    assert [q for q, n in qids.items() if n > 1] == []
    assert gaz.get("Kazakhstan").wikidata == "Q232"
    assert gaz.get("Uzbekistan").wikidata == "Q265"


# ------------------------------------------------------------------ consistency


def test_no_duplicate_canonical_names_within_a_type(gaz):
    seen = Counter((e.type, e.name) for e in gaz.entries)
    assert [k for k, n in seen.items() if n > 1] == []
    assert {e.type for e in gaz.entries} == set(ACTOR_TYPES)


def test_every_city_is_in_a_known_country_and_capitals_match(gaz):
    countries = {e.name: e for e in gaz.by_type("Country")}
    cities = gaz.by_type("City")
    for city in cities:
        assert city.country in countries, city.name
        if city.capital:
            country = countries[city.country]
            assert set(city.names) & set(country.capitals) or country.name in city.names, city.name
    for country in countries.values():
        for cap in country.capitals:
            assert any(cap in c.names and c.country == country.name and c.capital for c in cities), \
                (country.name, cap)


def test_regions_refer_to_known_countries(gaz):
    countries = {e.name for e in gaz.by_type("Country")}
    for region in gaz.by_type("Region"):
        assert set(region.members) <= countries, region.name
        assert region.country is None or region.country in countries, region.name
    assert set(gaz.get("Central Asia").members) == {
        "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}


def test_every_office_has_a_known_state_and_a_dated_role(gaz):
    states = {e.name for e in gaz.entries if e.type in ("Country", "Organization")}
    persons = {e.name for e in gaz.by_type("Person")}
    for o in gaz.offices:
        assert o.state in states, o
        assert o.person in persons, o
        assert gaz.title_kinds[o.role] == "dated", o


def test_exactly_dated_terms_of_one_office_do_not_overlap(gaz):
    exact = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    terms: dict[tuple[str, str | None], list[KnownOffice]] = defaultdict(list)
    for o in gaz.offices:
        terms[(o.role, o.state)].append(o)
    for key, offices in terms.items():
        offices.sort(key=lambda o: o.start or "")
        for a, b in zip(offices, offices[1:], strict=False):
            if a.end and b.start and exact.match(a.end) and exact.match(b.start):
                assert a.end <= b.start, (key, a.person, b.person)


def test_organizations_and_media(gaz):
    ots = gaz.get("Turkic Council")
    assert ots.name == "Organization of Turkic States" and ots.kind == "intergovernmental"
    assert gaz.get("SCO").name == "Shanghai Cooperation Organisation"
    assert gaz.get("UzA").kind == "media" and gaz.get("UzA").country == "Uzbekistan"
    assert gaz.get("TASS").country == "Russia"
    assert gaz.get("Belt and Road Initiative").kind == "initiative"
    assert gaz.get("World Health Organization").case_sensitive_aliases == ("WHO",)


def test_persons_have_aliases_and_a_derived_nationality(gaz):
    nazarbayev = gaz.get("Elbasy", "Person")
    assert nazarbayev.name == "Nursultan Nazarbayev" and nazarbayev.country == "Kazakhstan"
    assert gaz.get("Erdoğan").name == "Recep Tayyip Erdogan"
    assert gaz.get("MBS").name == "Mohammed bin Salman"
    assert gaz.get("Abdel-Fattah el-Sissi").name == "Abdel Fattah el-Sisi"
    assert gaz.get("Emomali Rahmonov").name == "Emomali Rahmon"
    assert gaz.get("Arkadag", "Person").name == "Gurbanguly Berdimuhamedov"
    assert gaz.get("Ban Ki-moon").country == "South Korea"  # from his offices


# ------------------------------------------------------------------ dated offices


@pytest.mark.parametrize(("role", "state", "on", "who"), [
    ("President", "Kazakhstan", "2019-06", "Kassym-Jomart Tokayev"),
    ("President", "Kazakhstan", "2018", "Nursultan Nazarbayev"),
    ("President", "Kazakhstan", "2019-03-19", "Nursultan Nazarbayev"),
    ("President", "Kazakhstan", "2019-03-20", "Kassym-Jomart Tokayev"),
    ("President", "Uzbekistan", "2017", "Shavkat Mirziyoyev"),
    ("President", "Uzbekistan", "2016-06", "Islam Karimov"),
    ("President", "Turkmenistan", "2022-08", "Serdar Berdimuhamedov"),
    ("President", "Tajikistan", "2010", "Emomali Rahmon"),
    ("President", "Kyrgyzstan", "2022", "Sadyr Japarov"),
    ("President", "Russia", "2010", "Dmitry Medvedev"),
    ("President", "China", "2015", "Xi Jinping"),
    ("Prime Minister", "China", "2015", "Li Keqiang"),
    ("Prime Minister", "Turkey", "2010", "Recep Tayyip Erdogan"),
    ("Chancellor", "Germany", "2010", "Angela Merkel"),
    ("Foreign Minister", "Russia", "2020", "Sergey Lavrov"),
    ("Minister of Foreign Affairs", "China", "2023-03", "Qin Gang"),
    ("Secretary of State", "United States", "2014", "John Kerry"),
    ("Head of State", "Uzbekistan", "2020", "Shavkat Mirziyoyev"),
    ("Head of Government", "Germany", "2020", "Angela Merkel"),
    ("Leader", "Uzbek", "2019", "Shavkat Mirziyoyev"),
    ("Leader", "Japanese", "2015", "Shinzo Abe"),
    ("Secretary-General", "UN", "2010", "Ban Ki-moon"),
])
def test_holder(gaz, role, state, on, who):
    assert gaz.holder(role, state, on) == who


def test_holder_partial_dates_pick_most_of_the_period(gaz):
    # 2019: Nazarbayev until 20 March, Tokayev for the rest of the year.
    assert gaz.holder("President", "Kazakhstan", "2019") == "Kassym-Jomart Tokayev"
    # March 2019: Nazarbayev 19 days, Tokayev 12.
    assert gaz.holder("President", "Kazakhstan", "2019-03") == "Nursultan Nazarbayev"


def test_holder_without_a_date_is_the_latest(gaz):
    assert gaz.holder("President", "Kazakhstan", None) == "Kassym-Jomart Tokayev"
    assert gaz.holder("President", "Kazakhstan", "1985") is None
    assert gaz.holder("President", "Atlantis", "2020") is None
    with pytest.raises(ValueError):
        gaz.holder("President", "Kazakhstan", "last year")


def test_offices_of(gaz):
    roles = [(o.role, o.start) for o in gaz.offices_of("Tokayev")]
    assert ("President", "2019-03-20") in roles
    assert roles == sorted(roles, key=lambda r: r[1])
    assert gaz.offices_of("Nobody Atall") == ()


def test_titles_map_surface_forms_to_roles(gaz):
    assert "Minister of Foreign Affairs" in gaz.titles["Foreign Minister"]
    assert gaz.role_of("minister of foreign affairs") == "Foreign Minister"
    assert gaz.role_of("Premier") == "Prime Minister"
    assert gaz.role_of("PM") == "Prime Minister" and gaz.role_of("pm") is None
    assert gaz.role_of("Foreign Secretary", "United Kingdom") == "Foreign Minister"
    assert gaz.role_of("Foreign Secretary") is None  # UK-only form without a state
    assert gaz.role_of("Chairman of the Cabinet of Ministers", "Turkmenistan") == "President"
    assert gaz.role_of("Chairman of the Cabinet of Ministers", "Kyrgyzstan") == "Prime Minister"
    assert gaz.role_of("Ambassador") == "Ambassador"


# ------------------------------------------------------------------ user folders and errors


def test_user_folder_adds_overrides_and_extends(tmp_path):
    _write(tmp_path, "countries.yaml", """
        - name: Kazakhstan
          extend: true
          aliases: [Qazaqstan Respublikasy]
        """)
    _write(tmp_path, "persons.yaml", """
        - name: Ayana Testova
          aliases: [Testova]
          offices:
            - {role: Foreign Minister, state: Kazakhstan, start: 2030-01-15}
        """)
    _write(tmp_path, "cities.yaml", """
        - {name: Almaty, country: Kazakhstan, aliases: [Southern Capital]}
        """)
    g = Gazetteer.load([tmp_path], cache=False)
    kz = g.get("Qazaqstan Respublikasy")
    assert kz.name == "Kazakhstan" and kz.iso_code == "KZ" and "Kazakstan" in kz.aliases
    assert g.holder("Foreign Minister", "Kazakhstan", "2030-06") == "Ayana Testova"
    almaty = g.get("Almaty", "City")
    assert almaty.aliases == ("Southern Capital",) and almaty.wikidata is None  # replaced


def test_people_may_share_a_title_both_mark_ambiguous(tmp_path):
    _write(tmp_path, "persons.yaml", """
        - name: Ayana Testova
          aliases: [Mother of the Nation, Testova]
          ambiguous: [Mother of the Nation]
        - name: Dana Probova
          aliases: [Mother of the Nation, Probova]
          ambiguous: [Mother of the Nation]
        """)
    g = Gazetteer.load([tmp_path], cache=False)
    assert g.get("Testova").name == "Ayana Testova" and g.get("Probova").name == "Dana Probova"
    _write(tmp_path, "persons.yaml", """
        - name: Ayana Testova
          aliases: [Mother of the Nation]
          ambiguous: [Mother of the Nation]
        - name: Dana Probova
          aliases: [Mother of the Nation]
        """)
    assert "also names" in _error(tmp_path)[2]


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("- name: Atlantis\n  iso: AT\n  colour: blue\n", 3, "unknown key 'colour'"),
    ("- name: Atlantis\n- aliases: [X]\n", 2, "needs a 'name'"),
    ("- name: Atlantis\n  iso: ATL\n", 2, "alpha-2"),
    ("- name: Atlantis\n  wikidata: 232\n", 2, "Wikidata id"),
    ("- name: Atlantis\n  status: colony\n", 2, "'status' must be one of"),
    ("- name: Atlantis\n  aliases: {a: b}\n", 2, "list of texts"),
    ("- name: Atlantis\n- name: Atlantis\n", 2, "duplicate Country name 'Atlantis'"),
    ("- name: Atlantis\n  aliases: [Kazakstan]\n", 1, "also names 'Kazakhstan'"),
    ("- name: Atlantis\n  aliases: [a, b\n", 3, "YAML syntax"),
    ("name: Atlantis\n", 1, "must be a list of entries"),
])
def test_malformed_country_file_errors_name_file_line_and_problem(tmp_path, text, line, problem):
    (tmp_path / "countries.yaml").write_text(text, encoding="utf-8")
    path, got_line, got_problem = _error(tmp_path)
    assert path == str(tmp_path / "countries.yaml")
    assert got_line == line
    assert problem in got_problem


def test_unknown_key_in_an_office_names_its_line(tmp_path):
    _write(tmp_path, "persons.yaml", """
        - name: Ayana Testova
          offices:
            - role: Foreign Minister
              state: Kazakhstan
              begin: 2030-01-01
        """)
    path, line, problem = _error(tmp_path)
    assert path.endswith("persons.yaml") and line == 5
    assert "unknown key 'begin'" in problem


@pytest.mark.parametrize(("office", "problem"), [
    ("{role: Foreign Minister, state: Kazakhstan, start: 2030-02-30}", "'start' must be a date"),
    ("{role: Foreign Minister, state: Kazakhstan, start: 30 January 2030}", "'start' must be a date"),
    ("{role: Foreign Minister, state: Kazakhstan, start: 2030, end: 2029}", "ends (2029) before it starts"),
    ("{role: Foreign Minister, state: Atlantis, start: 2030}", "'Atlantis' is not a known country"),
    ("{role: Grand Vizier, state: Kazakhstan, start: 2030}", "'Grand Vizier' is not a dated role"),
    ("{state: Kazakhstan, start: 2030}", "needs a 'role'"),
])
def test_bad_office_errors(tmp_path, office, problem):
    _write(tmp_path, "persons.yaml", f"""
        # a comment line first
        - name: Ayana Testova
          offices:
            - {office}
        """)
    path, line, got = _error(tmp_path)
    assert path == str(tmp_path / "persons.yaml")
    assert line == 4
    assert problem in got


def test_city_with_unknown_country(tmp_path):
    _write(tmp_path, "cities.yaml", "- {name: Poseidonia, country: Atlantis}\n")
    path, line, problem = _error(tmp_path)
    assert (Path(path).name, line) == ("cities.yaml", 1)
    assert "unknown country 'Atlantis'" in problem


def test_bad_encoding_and_missing_folder(tmp_path):
    (tmp_path / "regions.yaml").write_bytes(b"- name: Ok\n- name: \xff\xfe\n")
    path, line, problem = _error(tmp_path)
    assert (Path(path).name, line, problem) == ("regions.yaml", 2, "not valid UTF-8")
    with pytest.raises(GazetteerError, match="gazetteer folder not found"):
        Gazetteer.load([tmp_path / "missing"], cache=False)


def test_empty_user_files_are_fine(tmp_path):
    _write(tmp_path, "countries.yaml", "# nothing yet\n")
    (tmp_path / "titles.yaml").write_text("", encoding="utf-8")
    assert len(Gazetteer.load([tmp_path], cache=False).entries) > 1000


# ------------------------------------------------------------------ cache


def test_cache_round_trip_equals_a_fresh_load(tmp_path, gaz):
    assert cache_dir() is not None
    first = Gazetteer.load()
    assert list(cache_dir().glob("gazetteer-*.json"))
    second = Gazetteer.load()
    for g in (first, second):
        assert g.entries == gaz.entries
        assert g.offices == gaz.offices
        assert g.titles == gaz.titles
        assert g.title_forms == gaz.title_forms
    assert second.holder("President", "Kazakhstan", "2019-06") == "Kassym-Jomart Tokayev"


def test_corrupt_cache_is_ignored_and_a_change_is_a_new_key(tmp_path):
    Gazetteer.load()
    for p in cache_dir().glob("gazetteer-*.json"):
        p.write_text("{not json", encoding="utf-8")
    assert Gazetteer.load().get("Kazakhstan").iso_code == "KZ"
    _write(tmp_path, "countries.yaml", "- {name: Kazakhstan, extend: true, aliases: [KZ-test]}\n")
    assert Gazetteer.load([tmp_path]).get("KZ-test").name == "Kazakhstan"
    assert Gazetteer.load().get("KZ-test") is None


def test_airlines_named_without_an_organisation_word_are_known(gaz):
    assert gaz.get("Qantas").type == "Organization" and gaz.get("TAP").name == "TAP Air Portugal"
