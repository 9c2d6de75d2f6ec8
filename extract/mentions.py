"""Recognising actors in text: gazetteer names, discovered organisations and regions.

Everything here works on the whole document text at once (one regex pass, not one per sentence),
which is what makes extraction fast. A `Mention` is a span with a placeholder letter (see
rules.MENTION_CODES) and the canonical actor it names; the rule engine sees mentions as typed
slots and never the raw names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .lead import compiled
from .trie import FOLD_EXCEPTIONS, LOWERED_SCANS, trie_regex

_NAME_GOES_ON = re.compile(r"[ \t]+(?!(?:And|On|In|At|The|To|For|With|By|From|Of)\b)[A-Z][a-z]")
_LINEAGE_GOES_ON = re.compile(r"[ \t]+(?:bin|ibn|bint)[ \t]+[A-Z]")
"""A known short form ("Sheikh Khalifa") followed by "bin <father>" is the start of someone else's
longer name ("Sheikh Khalifa bin Ali Al Harthy"); the known person's own long form is longer still."""
_LINEAGE_BEFORE = re.compile(r"\b(?:bin|ibn|bint)[ \t]+$")
"""A known name right after "bin" is a father's or grandfather's inside someone else's name."""
_GIVEN_NAME_BEFORE = re.compile(r"(?<![\w.\-'’])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+$")
_NOT_GIVEN_NAMES = frozenset("""
    mr mrs ms dr prof sir madam lady lord his her comrade president presidents minister ministers premier prime
    chancellor secretary ambassador envoy governor mayor speaker chairman chairwoman chair king queen prince
    princess crown emir amir sheikh sultan shah general marshal admiral colonel senator deputy vice elbasy
    leader counterpart head commissioner director spokesman spokesperson spokeswoman excellency majesty highness
    the a an and but or so as if when while after before since then thus yet also however meanwhile earlier later
    in on at by for from of to with without about over under between among during that this these those there
    here today yesterday tomorrow said says told asked added noted stressed according dear welcome thank thanks
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
""".split())
"""Capitalised words before a surname that are not someone's given name ("President Karimov",
"In May Putin ...")."""
_EVENT_SERIES = re.compile(r"\b(?:Summit|Forum|Conference|Meeting|Dialogue|Expo|Games|Olympiad|Festival)$")
TYPE_CODES = {"Country": "S", "Person": "P", "Organization": "O", "Region": "R", "City": "I"}
_WS = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011]+")
_FIRST_WORD = re.compile(r"(\S+)\s+")
_POSSESSIVE = re.compile(r"(.+?)['’]s\s+(.+)$")
_POSSESSIVE_END = re.compile(r"['’]s$")


@dataclass(slots=True)
class Mention:
    """A recognised span. `name` is the canonical actor (a state for capitals and adjectives)."""

    start: int
    end: int
    code: str
    name: str = ""
    type: str | None = None
    surface: str = ""
    value: Any = None
    city: str | None = None
    """For a capital (code K): the city's canonical name, used when the capital is a place."""
    country: str | None = None
    """The state an organisation, city or region belongs to, where known."""
    kind: str | None = None
    """Organisation kind from the gazetteer (media, intergovernmental, …)."""


@dataclass(slots=True)
class Candidate:
    name: str
    type: str
    code: str
    surface: str
    exact_case: bool
    city: str | None = None
    country: str | None = None
    kind: str | None = None
    auto: bool = False
    """A surname derived automatically: only matched for persons already named in the document."""
    states: frozenset[str] = frozenset()
    """For a person: the states they held office for, which settle a name two people share."""
    ambiguous: bool = False
    """A form the gazetteer marks as needing context (a person's surname that is also a word
    or another name: "Ban", "Moon")."""


@dataclass(slots=True)
class ActorMatcher:
    """Finds gazetteer actors in text with one trie regex."""

    candidates: dict[str, list[Candidate]]
    source: str
    """The trie of every surface form, led by a look-behind: matched case-insensitively (see `find`)."""
    entries: dict[tuple[str, str], Any] = field(default_factory=dict)
    lowered: re.Pattern[str] | None = None
    """The same trie for the lower-cased text (trie_regex's `lowered`): the IGNORECASE trie,
    led by a look-behind, makes the engine try every name at every character."""
    regex: re.Pattern[str] | None = None
    """`source` under IGNORECASE, compiled when first needed: only a text that cannot be
    lower-cased in its place (trie.FOLD_EXCEPTIONS) needs it, and it is the largest pattern
    of the extractor (about a sixth of a second to compile)."""
    accepted: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)
    """Surface form as found -> the candidates its case admits, in order: a pure function of
    the form, asked for every name of every document, worked out once per form."""

    def find(self, text: str) -> list[Mention]:
        """Longest names first; when the longest fails its case check ("consultative meeting of ..."
        in lower case), the search resumes one character later so shorter names inside it count."""
        out: list[Mention] = []
        shared: list[tuple[int, list[Candidate]]] = []
        pos = 0
        if self.lowered is not None and FOLD_EXCEPTIONS.search(text) is None:
            search, subject = self.lowered.search, text.lower()  # same length, same offsets
        else:
            if self.regex is None:
                self.regex = re.compile(self.source, re.IGNORECASE)
            search, subject = self.regex.search, text
        accepted = self.accepted
        while (m := search(subject, pos)) is not None:
            start, end = m.span()
            found = text[start:end]
            if found[:4].lower() == "the " and self._longer_inside(search, subject, start + 4, end):
                pos = start + 4  # "the Gulf of Guinea": the name after the article is the longer one
                continue
            fitting = accepted.get(found)
            if fitting is None:
                fitting = self._fitting(found)
            for cand in fitting:
                if cand.code in "KI" and _NAME_GOES_ON.match(text, end):
                    continue  # "Victoria Falls", "Washington Post": the city is part of another name
                if cand.code == "P" and _LINEAGE_GOES_ON.match(text, end):
                    continue
                if cand.code == "P" and _LINEAGE_BEFORE.search(text, max(0, start - 8), start):
                    continue  # "Mohammed bin Salman bin Abdulaziz": the father's name inside the son's
                if cand.ambiguous and cand.code == "P" and " " not in found and _NAME_GOES_ON.match(text, end):
                    continue  # "the Ban Nong Ian crossing": an ambiguous surname inside another name
                if cand.code == "P" and found.isalpha() and self._another_given_name(text, start, cand.name):
                    continue
                out.append(_mention(start, end, cand, found))
                if cand.type == "Person" and len(fitting) > 1:
                    people = [c for c in fitting if c.type == "Person"]
                    if len(people) > 1:
                        shared.append((len(out) - 1, people))
                pos = end
                break
            else:
                pos = start + 1
        if shared:
            _settle_shared_names(out, shared)
        return out

    @staticmethod
    def _longer_inside(search: Callable[[str, int], re.Match[str] | None], subject: str, inner: int,
                       end: int) -> bool:
        """Whether a name starting after a leading article runs past a form that includes the
        article: "the Gulf" (the Persian Gulf) must not hide "Gulf of Guinea", which the
        leftmost match would otherwise win over."""
        m = search(subject, inner)
        return m is not None and m.start() == inner and m.end() > end

    def _another_given_name(self, text: str, start: int, known: str) -> bool:
        """Whether a known person's surname alone is preceded by someone else's given name
        ("Minister of Culture Anar Karimov" is not Islam Karimov): a capitalised word that is no
        title or function word, no name the gazetteer knows ("President of Mongolia Battulga"),
        no part of the known person's name, and not a spelling of its first name (so
        "Kasym-Zhomart Tokayev" stays Kassym-Jomart Tokayev)."""
        m = _GIVEN_NAME_BEFORE.search(text, max(0, start - 30), start)
        if m is None:
            return False
        word = m.group(1)
        lowered = word.lower()
        if lowered in _NOT_GIVEN_NAMES or _key(word) in self.candidates:
            return False
        tokens = known.lower().replace("-", " ").split()
        return not any(t in tokens for t in lowered.split("-")) and word[0] != known[0]

    def _fitting(self, found: str) -> tuple[Candidate, ...]:
        """The candidates a surface form may stand for as written, remembered (bounded)."""
        if len(self.accepted) >= 50_000:
            self.accepted.clear()
        fitting = self.accepted[found] = tuple(
            cand for cand in self.candidates.get(_key(found), ()) if not cand.auto and _case_ok(found, cand))
        return fitting


def _mention(start: int, end: int, cand: Candidate, found: str) -> Mention:
    return Mention(start, end, cand.code, cand.name, cand.type, found, city=cand.city, country=cand.country,
                   kind=cand.kind)


def _settle_shared_names(found: list[Mention], shared: list[tuple[int, list[Candidate]]]) -> None:
    """A name two people bear ("Leader of the Nation": Nazarbayev in Kazakhstan, Rahmon in
    Tajikistan) is the one whose states the document names most; ties keep the gazetteer's order."""
    named = Counter(m.name for m in found if m.code in "SKA")
    for index, people in shared:
        best = max(people, key=lambda c: sum(named[state] for state in c.states))
        if best is not people[0]:
            m = found[index]
            found[index] = _mention(m.start, m.end, best, m.surface)


def _key(surface: str) -> str:
    return _SEPARATORS.sub(" ", surface.replace("\u2019", "'").replace("\u2013", "-")).lower()


def _case_ok(found: str, cand: Candidate) -> bool:
    """Capitalised names match as written, in title case or in capitals; never in lower case."""
    found_n = _SEPARATORS.sub(" ", found.replace("\u2019", "'").replace("\u2013", "-"))
    surface = _SEPARATORS.sub(" ", cand.surface.replace("\u2019", "'").replace("\u2013", "-"))
    if found_n == surface:
        return True
    if cand.exact_case:
        return False
    if surface.islower():
        capitalised = found_n[:1].upper() + found_n[1:].lower()
        return found_n.lower() == surface or capitalised == surface[:1].upper() + surface[1:]
    if found_n.isupper() and len(found_n) > 3:
        return True
    # "Republic Of Kazakhstan" in a headline, "The Kingdom" at a sentence start
    return found_n.title() == surface.title() and found_n[:1].isupper()


def _plain_words(entry: Any, attr: str) -> tuple[str, ...]:
    return tuple(getattr(entry, attr, ()) or ())


def build_matcher(entries: Iterable[Any], global_words: Iterable[str] = (),
                  person_states: Mapping[str, frozenset[str]] | None = None) -> ActorMatcher:
    """Index every surface form of every gazetteer entry; countries win over same-named cities.
    `person_states` gives each person's states, used when two people share a name.

    Intergovernmental bodies and initiatives get their own placeholder letter (G) so that rules
    can tell a regional grouping from a ministry; bodies whose names start with one of
    `global_words` ("United Nations", "World", "International") are worldwide and stay O."""
    global_words = tuple(global_words)
    candidates: dict[str, list[Candidate]] = {}
    index: dict[tuple[str, str], Any] = {}
    priority = {"Country": 0, "Organization": 1, "Region": 2, "City": 3, "Person": 4}

    def add(surface: str, cand: Candidate) -> None:
        if not surface or not surface.strip():
            return
        candidates.setdefault(_key(surface), []).append(cand)

    city_of_capital: dict[str, str] = {}
    entries = list(entries)
    for e in entries:
        if e.type == "City" and getattr(e, "country", None):
            city_of_capital[_key(e.name)] = e.name
            for a in _plain_words(e, "aliases"):
                city_of_capital[_key(a)] = e.name
    for e in sorted(entries, key=lambda e: priority.get(e.type, 9)):
        index[(e.type, e.name)] = e
        if e.type == "Organization" and _EVENT_SERIES.search(e.name):
            continue  # "China–Central Asia Summit" is read as an event by the rules, not masked as an actor
        code = TYPE_CODES.get(e.type, "O")
        if e.type == "Organization" and getattr(e, "kind", None) in ("intergovernmental", "initiative") \
                and not any(e.name.startswith(word) for word in global_words):
            code = "G"
        exact = set(_plain_words(e, "case_sensitive_aliases"))
        country = getattr(e, "country", None)
        kind = getattr(e, "kind", None)
        states = (person_states or {}).get(e.name, frozenset()) if e.type == "Person" else frozenset()
        ambiguous = set(getattr(e, "ambiguous_aliases", ()))
        for surface in (e.name, *_plain_words(e, "aliases")):
            add(surface, Candidate(e.name, e.type, code, surface, surface in exact, country=country, kind=kind,
                                   states=states, ambiguous=surface in ambiguous))
        if e.type == "Country":
            for surface in _plain_words(e, "capitals"):
                add(surface, Candidate(e.name, "Country", "K", surface, False,
                                       city=city_of_capital.get(_key(surface), surface)))
            for surface in (*_plain_words(e, "adjectives"), *_plain_words(e, "demonyms")):
                add(surface, Candidate(e.name, "Country", "A", surface, surface in exact))
    source = r"(?<![\w])(?:" + trie_regex(candidates) + r")(?![\w])"
    lowered = re.compile(r"(?<![\w])(?:" + trie_regex(candidates, lowered=True) + r")(?![\w])") \
        if LOWERED_SCANS else None
    return ActorMatcher(candidates, source, index, lowered)


# --- organisations and regions named in the text but absent from the gazetteer -------------------

_CULTURAL_YEAR = re.compile(r"\b(?:Years?|Days|Weeks?|Decade) of\b")
"""A "Year of Cultural Exchange" or "Days of Culture" that ends in an organisation word is a
cultural year (an event the rules read), not a body."""
_SP = r"[^\S\n]+"
"""Spaces within a line: a name never runs on across a line break, where sentences always end
(extract.sentences), as a headline ends before the line naming the ministry that issued it."""
_CAP = r"[A-Z][\w&'’\-–]*"
_CAP_LED = r"[A-Z](?<![\w\-][A-Z])[\w&'’\-–]*"
r"""(?<![\w\-]){_CAP} with the look-behind after the capital, testing the same character: a
pattern opening with it opens with a character set, which the regex engine skips to in C
instead of trying the whole pattern at every position of the document."""
_ORG_TAIL = (rf"(?:{_SP}(?:of|for|on){_SP}(?:the{_SP})?{_CAP}"
             rf"(?:(?:,{_SP}|{_SP}and{_SP}|{_SP})(?:the{_SP})?{_CAP}){{0,6}})?")
_STOP_START = {"The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "His", "Her", "Its", "In", "On",
               "At", "By", "For", "And", "But", "Both", "Each", "Every", "During", "After", "Before", "Following",
               "According", "Under", "With", "From", "To", "As", "If", "When", "Since", "While", "It", "We", "They"}
_TITLE_START = {"Minister", "Ministers", "Secretary"}
"""A capitalised run that opens with a title ("Minister of Culture and Creative Industries") names a
person's office, not a body, even when it ends in an organisation word."""


def org_regex(heads: Iterable[str], tail_words: Iterable[str] = ()) -> re.Pattern[str]:
    """Capitalised names ending in an organisation word ("State Committee for Investments").

    After the head word, "of …" continues only with words that name a field or a state
    ("Ministry of Foreign Affairs of the Republic of Kazakhstan"), so the name of the person who
    heads the body ("Cabinet of Ministers Khojamyrat Geldimyradov") is not swallowed.

    The pattern opens with a look-behind and optional words, so the engine would run it at
    every position: it is compiled from its twin (extract.lead: same matches and groups,
    opening with the capital letters and organisation words a name can start with)."""
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    words = [w for w in tail_words if w and w[0].isupper()]
    if not words:
        tail = _ORG_TAIL
    else:
        word = f"(?:{trie_regex(words)})(?![\\w\\-])"
        tail = (rf"(?:{_SP}(?:of|for|on){_SP}(?:the{_SP})?{word}"
                rf"(?:(?:,{_SP}|{_SP}and{_SP}|{_SP}&{_SP}|{_SP}|{_SP}of{_SP}(?:the{_SP})?){word}){{0,8}})?")
    return compiled(
        rf"(?<![\w\-])(?P<org>(?:{_CAP}{_SP}(?:(?:of|for|and|on|&|-|–){_SP})?){{0,6}}(?:{head})(?![\w\-]){tail})").regex


def media_regex(heads: Iterable[str]) -> re.Pattern[str]:
    """Capitalised names followed by a lowercase media word ("Neytralnyi Turkmenistan newspaper"),
    or ending in a word newspapers and magazines are named with ("Korea Economic Monitor")."""
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?P<org>{_CAP_LED}(?:{_SP}{_CAP}){{0,4}}){_SP}(?:{head})\b")


_MASTHEAD = re.compile(r"(?:Monitor|Times|Herald|Gazette|Tribune|Journal|Observer|Telegraph|Chronicle|Courier|"
                       r"Dispatch|Review|Digest|Bulletin|Weekly|Magazine|Express|Inquirer)(?![\w\-])")
"""Words a newspaper's or magazine's own name ends in: "Korea Economic Monitor", "The Astana Times"."""
_CAPITALISED_BEFORE = re.compile(rf"(?:{_CAP}{_SP}){{1,4}}$")


def _mastheads(text: str) -> Iterator[tuple[int, int]]:
    """Spans of names ending in a masthead word, found from the (rare) word backwards: a scan for
    capitalised runs at every capital letter would cost every document."""
    for word in _MASTHEAD.finditer(text):  # led by literal letters, so the engine skips ahead to them
        if word.start() and (text[word.start() - 1].isalnum() or text[word.start() - 1] in "-_"):
            continue  # inside a longer word
        run = _CAPITALISED_BEFORE.search(text, max(0, word.start() - 80), word.start())
        if run is not None:
            yield run.start(), word.end()


def region_regex(heads: Iterable[str]) -> re.Pattern[str]:
    """A capitalised name followed by a lowercase region word ("Mangistau region")."""
    head = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"(?P<region>{_CAP_LED}(?:{_SP}{_CAP})?{_SP}(?:{head}))\b")


def _strip_leading(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-initial function words that a capitalised-word regex swallowed."""
    while True:
        m = _FIRST_WORD.match(text[start:end])
        if not m or m.group(1) not in _STOP_START:
            return start, end
        start += m.end()


def discover_orgs(text: str, org_re: re.Pattern[str], media_re: re.Pattern[str],
                  state_forms: dict[str, str], adjectives: dict[str, str] | None = None) -> list[Mention]:
    """Organisations the gazetteer does not know. "Uzbekistan's Chamber of Commerce" becomes
    "Chamber of Commerce of Uzbekistan" so that it merges with the same body named the other way.
    A list ("the Ministry of Trade, State Committee for Investments") is cut at the comma where a
    new organisation starts."""
    out: list[Mention] = []
    pos = 0
    while True:
        m = org_re.search(text, pos)
        if not m:
            break
        start, end = _strip_leading(text, *m.span("org"))
        pos = max(m.end(), start + 1)
        joined = _AND_STATE_POSSESSIVE.search(text, start, end)
        if joined and _key(joined.group(1)) in state_forms:  # "Brazil's Police and Paraguay's Secretariat": two
            pos = joined.start(1)  # the second is found next
            if not org_re.fullmatch(text, start, joined.start()):
                continue
            end = joined.start()
        cut = _NEW_ORG_AFTER_COMMA.search(text, start)
        if cut and cut.start() < end:
            end = cut.start()
            pos = cut.start() + 1
            inner = org_re.match(text, cut.end())
            if inner is None:
                pos = cut.end()
        while adjectives and " " in text[start:end]:  # "Centre for Training Afghan (students)"
            head, last = text[start:end].rsplit(" ", 1)
            if last not in adjectives:
                break
            end = start + len(head)
        dash = _SPACED_DASH.search(text, start, end)
        if dash and org_re.fullmatch(text, start, dash.start()):  # "Hellenic Parliament – Press Office": two bodies
            end = pos = dash.start()
        if end <= start or (" " not in text[start:end].strip()):
            continue
        name = _WS.sub(" ", text[start:end]).strip(" ,")
        first = name.split(" ", 1)[0]
        if first in _STOP_START or first in _TITLE_START or _CULTURAL_YEAR.search(name):
            continue
        of_state = _OF_STATE_END.search(name)
        named_state = state_forms.get(_key(of_state.group(1))) if of_state is not None else None
        if of_state is not None and named_state:  # "... of the Republic of Cyprus" is "... of Cyprus"
            name = f"{name[:of_state.start()]} of {named_state}"
        mention = Mention(start, end, "O", name, "Organization", text[start:end], kind="discovered")
        poss = _POSSESSIVE.match(name)
        first_word, _, rest = name.partition(" ")
        if poss and _key(poss.group(1)) in state_forms:
            state = state_forms[_key(poss.group(1))]
            mention.name = f"{poss.group(2)} of {state}"
            mention.country = state
        elif adjectives and first_word in adjectives and rest and not named_state:
            # "Tajik Ministry of Internal Affairs" is named as "Ministry ... of Tajikistan" elsewhere
            mention.name = f"{rest} of {adjectives[first_word]}"
            mention.country = adjectives[first_word]
        out.append(mention)
    for span in [*(m.span("org") for m in media_re.finditer(text)), *_mastheads(text)]:
        start, end = _strip_leading(text, *span)
        if _POSSESSIVE_END.search(text[start:end]) or _key(text[start:end]) in state_forms:
            continue  # "Russia's news agency TASS": the agency is named after the words
        if end > start:
            name = _WS.sub(" ", text[start:end])
            out.append(Mention(start, end, "O", name, "Organization", text[start:end], kind="media"))
    return out


_AND_STATE_POSSESSIVE = re.compile(r"\s(?:and|&)\s+([A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?)['’]s\s")
"""A second state's body joined to the first's in one capitalised run ("Brazil's Federal Police and
Paraguay's National Anti-Drug Secretariat"): two organisations, not one."""
_SPACED_DASH = re.compile(r"\s[\u2013\u2014-]\s")
_OF_STATE_END = re.compile(r" of (?:the )?((?:Republic|Kingdom|State|Federal Republic|People's Republic|Islamic "
                           r"Republic|Democratic Republic|United Republic|Sultanate|Principality) of [\w' -]+)$")
"""A discovered name ending in a state's official name, which merges with the short name."""
_NEW_ORG_AFTER_COMMA = re.compile(r",\s+(?=(?:[A-Z][\w'’\-]*\s+){0,3}(?:Committee|Ministry|Chamber|Agency|Council|"
                                  r"Bank|Fund|Authority|Organi[sz]ation|Union|Commission|Corporation|Company|Institute|"
                                  r"Association|Service|Office|Department)\b)")


def merge_org_names(mentions: list[Mention]) -> None:
    """Within a document, "Chamber of Commerce and Industry" and "Chamber of Commerce and Industry
    of Uzbekistan" are one body: the shorter discovered name takes the longer one's identity."""
    discovered = [m for m in mentions if m.code == "O" and m.kind == "discovered"]
    longer = {m.name for m in discovered}
    for m in discovered:
        for other in longer:
            if other != m.name and other.startswith(m.name + " of "):
                m.name = other
                break


def prefer_gazetteer_orgs(discovered: list[Mention], known: list[Mention]) -> list[Mention]:
    """A discovered name that merely wraps a known organisation ("Seven-nation East African
    Community") gives way to the known one."""
    known_orgs = [k for k in known if k.code in "OG"]
    keep = []
    for d in discovered:
        if any(d.start <= k.start and k.end == d.end for k in known_orgs):
            continue
        keep.append(d)
    return keep


def discover_regions(text: str, region_re: re.Pattern[str], adjectives: dict[str, str] | None = None
                     ) -> list[Mention]:
    """Regions the gazetteer does not know ("Mangistau region"); not a state's or a bloc's own
    land named by its adjective ("Mauritanian territory", "the Nordic region")."""
    out = []
    for m in region_re.finditer(text):
        start, end = _strip_leading(text, *m.span("region"))
        qualifier = text[start:end].rsplit(" ", 1)[0]
        if qualifier in _BLOC_ADJECTIVES or (adjectives and qualifier in adjectives):
            continue
        if end > start and " " in text[start:end]:
            out.append(Mention(start, end, "R", _WS.sub(" ", text[start:end]), "Region", text[start:end]))
    return out


_BLOC_ADJECTIVES = frozenset({"Nordic", "Baltic", "Arab", "European", "African", "Asian", "Latin American",
                              "Central Asian", "Caucasian", "Gulf"})
_NAMED_TOWN = re.compile(r"\b(?:city|town|port|village|settlement)[^\S\n]+of[^\S\n]+"
                         r"(?P<name>(?-i:[A-Z][\w'’\-]*[a-z][\w'’\-]*)(?:[^\S\n]+(?-i:[A-Z][\w'’\-]*[a-z][\w'’\-]*))?)",
                         re.IGNORECASE)


def discover_towns(text: str) -> list[Mention]:
    """Towns the gazetteer does not know, named as such: "the border city of Ipiales", "the Iraqi
    town of Al-Rutba". A known name at the same place wins (see resolve_overlaps)."""
    out = []
    for m in _NAMED_TOWN.finditer(text):
        name = m.group("name")
        out.append(Mention(m.start("name"), m.end("name"), "I", name, "City", name))
    return out


_ABBREVIATION_IN_BRACKETS = re.compile(r"[^\S\n]*\(([A-Z][A-Za-z&]{1,7})\)")


def _abbreviates(abbreviation: str, name: str) -> bool:
    """Whether the letters of an abbreviation occur in order in the name, each one starting
    a word or part of a word (Schwartz and Hearst's test): "BNC" for "Bi-National Commission"."""
    starts = [m.group(0).lower() for m in re.finditer(r"(?<![A-Za-z])[A-Za-z]|(?<=[a-z])[A-Z]", name)]
    i = 0
    for letter in abbreviation.lower():
        if letter == "&":
            continue
        while i < len(starts) and starts[i] != letter:
            i += 1
        if i == len(starts):
            return False
        i += 1
    return True


def abbreviated_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation the text introduces with its abbreviation ("the Bi-National Commission
    (BNC)") is the same organisation wherever the abbreviation recurs in the document."""
    taught: dict[str, Mention] = {}
    for m in mentions:
        if m.code in "OG" and (b := _ABBREVIATION_IN_BRACKETS.match(text, m.end)) is not None:
            abbreviation = b.group(1)
            if abbreviation != m.surface and _abbreviates(abbreviation, m.name):
                taught.setdefault(abbreviation, m)
    out: list[Mention] = []
    for abbreviation, org in taught.items():
        for found in re.finditer(rf"(?<![\w\-]){re.escape(abbreviation)}(?![\w\-])", text):
            out.append(Mention(found.start(), found.end(), org.code, org.name, org.type, abbreviation,
                               country=org.country, kind=org.kind))
    return out


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; on equal spans the earlier (gazetteer) one."""
    ranked = sorted(enumerate(mentions), key=lambda p: (-(p[1].end - p[1].start), p[0]))
    occupied = bytearray(max((m.end for m in mentions), default=0) + 1)
    kept: list[Mention] = []
    for _, mention in ranked:
        if not any(occupied[mention.start:mention.end]):
            kept.append(mention)
            occupied[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
    return sorted(kept, key=lambda x: x.start)
