"""From rule hits to facts: filling arguments, resolving references, merging repeats.

Rules say *that* something was stated and point at its parts; this module decides what the fact
is. It fills what a rule leaves open from the sentence (the states named in it, its date), from
the document (the person speaking in an interview, the pair the text is about), and it merges the
same fact stated twice in one document — "the visit" mentioned in five sentences is one visit —
so that each fact appears once with all its evidence.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from .documents import DATELINE_REACH
from .drafts import ActorBook, Draft, evidence_of, norm_text, year_of
from .hits import Hit
from .labels import describe_event
from .lead import compiled
from .mentions import Mention
from .merging import absorb_parts, merge_by_key, merge_events, merge_figures, merge_goals
from .model import Actor, DocumentFacts, Event, Evidence, Figure, Goal, Office, Relation, Threat, Topic
from .persons import NOT_NAMES
from .rules import EVENT_VERB_START, OPEN, RuleSet
from .trie import exact_trie_regex

if TYPE_CHECKING:
    from .engine import DocumentContext
    from .gazetteer import Gazetteer

ACTOR_CODES = frozenset("SKAPOGRI")
STATE_CODES = frozenset("SKA")
_SUBJECT_PRONOUN = re.compile(
    r"(?:^|[,;]\s+|^(?:In|At|On|During|There|Later|Then|Afterwards|Subsequently|Earlier|Meanwhile|Also|"
    r"The same day|The next day)\b[^,.;:]{0,40}?,?\s+)(?-i:he|she|He|She)\s")
"""A subject "he" or "she" opening the sentence or a clause ("In Yerevan he held talks")."""
_PRONOUN_ACTS = re.compile(r"(?:(?:also|then|later|subsequently|separately|further|briefly|again|had|has|have|"
                           r"will|would|was|were|is)\s+){0,3}|(?:\S+\s+){1,2}?(?:his|her)\s+(?:\S+\s+){0,2}?"
                           r"|(?:(?!\bthat\b)[^;:])*?,?\s+and\s+(?:also\s+|later\s+|then\s+)?",
                           re.IGNORECASE)
"""What may stand between the pronoun and the event's words for the pronoun to take part: at most
a few auxiliaries and adverbs ("he also met", "she was received"), or "his"/"her" before the
event ("he recalled his visit to Abidjan"), or the words of a first verb the event's verb is
coordinated with ("he held talks with X and was received by Y")."""
_OPENING_TIME = re.compile(r"\W*(?:(?:in|on|at|during|since|by|early|late|later|then|back) ){0,2}(?:the )?", re.I)
"""The words a sentence may open with before the time that dates it."""
_FIRST_PERSON = re.compile(r"\b(?:I|my|me|we|our|us)\b", re.IGNORECASE)
_BOTH_OF_US = re.compile(r"\b(?:between our|our two|both our|each of our|our (?:common|joint|shared|mutual)|"
                        r"we both|both of us|together we)\b", re.IGNORECASE)
"""First person plural that means both sides ("cooperation between our law enforcement agencies",
"our common task is …")."""
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\btill|\bbefore|\bwithin|\bthrough)\s+(?:the\s+end\s+of\s+)?$", re.I)
_AMOUNT_AHEAD = (r"[\d$€£¥]|(?:USD|EUR|about|around|some|over|nearly|almost|at\s+least|more\s+than|"
                 r"the\s+(?:level|mark|target))\b")
_PER_PERIOD = re.compile(r"(?:\s+of(?:\s+[a-z-]+){1,2}?)?\s+per\s+(day|hour|week|month)\b", re.I)
"""After a count, a rate: "10,000 barrels of crude oil per day" counts barrels per day. Only
"per": "two flights a week" is as often written down as plain flights."""
_DATELINE = re.compile(r"(?:^|\n)(?P<city>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})(?: \([^)\n]{1,30}\))?,? "
                       r"(?:\d{1,2} [A-Z][a-z]+|[A-Z][a-z]{2,8}\.? \d{1,2}\b)")
"""A dateline: a city at the start of a line, then the day ("New York, 25 September 2024",
"NAIROBI, March 14 (Reuters)")."""


def _day_before(day: str) -> str | None:
    try:
        return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return None


_ROUTE_NAME = re.compile(r"(?:[A-Z][\w'’]*(?: [A-Z][\w'’]*)?[-–—]){1,4}[A-Z][\w'’]*(?: [A-Z][\w'’]*)?"
                         r"\s+(?:railway|railroad|rail line|road|highway|motorway|corridor|gas pipeline|oil pipeline|"
                         r"pipeline|route|power line|transmission line|interconnector|bridge|canal)s?\b")
"""A route named by the states it crosses ("the China–Kyrgyzstan–Uzbekistan railway")."""


def _in_a_route_name(text: str, m: Mention) -> bool:
    """Whether a state is only one of the names of a railway, pipeline or corridor: a third state
    so named is no party to the pair's plans for it."""
    return any(r.start() <= m.start and m.end <= r.end()
               for r in _ROUTE_NAME.finditer(text, max(0, m.start - 80), min(len(text), m.end + 80)))


_COUNTED_BEFORE = re.compile(r"\b(visitors|tourists|students|workers|passengers|migrants|pilgrims|arrivals|"
                             r"travellers|travelers|holidaymakers)\b[^.;:\n]{0,40}?\b(?:numbered|reached|totall?ed|"
                             r"amounted to|stood at|exceeded|rose to|grew to|increased to|fell to|were|was)\s+"
                             r"(?:about |some |around |nearly |almost |over |more than |roughly |an estimated |"
                             r"approximately |just over |just under )?$", re.IGNORECASE)
"""People counted just before an amount with no currency ("tourist arrivals reached 2.1 million")."""
_SAME_COUNT = {"firms": "companies", "kilometres": "km", "kilometers": "km",
               "kilometre": "km", "kilometer": "km",
               "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gigawatts": "GW", "gigawatt": "GW",
               "gw": "GW", "mile": "miles"}
"""Count nouns that name the same thing, under one unit."""
_POPULATION_UNITS = frozenset({"people", "inhabitants", "residents", "citizens"})
_POPULATION_BEFORE = re.compile(r"(?:home to|population of|country of|nation of|a market of|populated by|"
                                r"(?-i:[A-Z][a-z]+) (?:has|had)|(?:has|is) a population of)\s+"
                                r"(?:about |some |around |nearly |almost |over |more than |roughly |an estimated |"
                                r"approximately )?$", re.IGNORECASE)
_DEADLINE_OPENINGS = ("within", "in the next", "over the next", "in the coming", "by ", "before ")
"""How a time expression that is a deadline may itself begin ("by the end of the year")."""
_NOT_EVENT_DATE = re.compile(
    r"(?:\bby|\buntil|\btill|\bbefore|\bsince|\bfrom|\bthan(?:\s+in)?|\bas\s+(?:many|much)\s+as(?:\s+in)?|"
    r"\bcompared\s+(?:with|to)|\bagainst|(?:%|\bper\s?cent|\bup|\bdown|\bhigher|\blower)\s+(?:on|over)|"
    r"\bversus|\bvs\.?)\s+(?:the\s+end\s+of\s+|in\s+|the\s+same\s+(?:period|months?|quarter|half(?:-year)?)\s+"
    r"(?:of|in)\s+)?$", re.I)
_BILATERAL = re.compile(r"\b(?:bilateral|mutual|two-way|reciprocal) (?:trade|commodity|turnover)", re.I)
_ANAPHORIC_AIM = re.compile(
    r"(?:\S+ ){0,2}\S+ (?:this|that|it|them|so|these|those)(?: (?:issue|matter|question|proposal))?", re.IGNORECASE)
"""An aim whose object is only a pronoun ("certainly consider this", "do so") names nothing."""
_CULTURE_AFTER = re.compile(r"[\s\-]+(?:culture|cinema|literature|music|art|cuisine)\b", re.I)
_NOT_AGENT = re.compile(
    r"[\s\-]+(?:crisis|conflict|war|issue|question|problem|settlement|economy|market|markets|products|goods|proverb|"
    r"language|cuisine|culture|history|territory|soil|border|airspace|capital|independence|side of)\b", re.I)
_NEEDS_A_PARTY = frozenset({"Meeting", "Talks", "Visit", "Congratulation"})
_TWO_SIDES = {"Agreement": ("Country",), "Talks": ("Country", "Person"), "Meeting": ("Country", "Person")}
"""Event types that take two sides, and what counts as a side: with fewer named, the document's
pair are the sides (an agreement binds two states; "Azerbaijan held talks" are talks of the pair)."""
_NEXT = re.compile(r"\b(?:next|upcoming|forthcoming|coming) (?:\S+ ){0,2}?"
                   r"(?:session|meeting|round|sitting|summit|forum|commission|committee|council|cabinet)s?\b",
                   re.IGNORECASE)
_TO_BE_HELD = re.compile(r"[^.;]{0,30}?,? (?:to be|will be|would be|is to be|are to be) (?:held|convened)\b")
_TO_HOLD_BEFORE = re.compile(r"\b(?:agreed|decided|plan|plans|planned|intend|intends|want|wants|proposed|proposes|"
                             r"offered|offers|will|would|are to|is to) (?:to )?(?:hold|convene|organi[sz]e|host)\s+"
                             r"(?:\S+\s+){0,4}$", re.IGNORECASE)


_SEPARATELY = re.compile(r"\b(?:also|separately|later|afterwards|subsequently|then)\s+(?:\S+\s+)?$|^\S+\s+separately\b",
                         re.IGNORECASE)


def _separate_meeting(text: str, hit: Hit) -> str | None:
    """A meeting told as another one ("Lula also met Premier Li Qiang", "the foreign ministers met
    separately"): its own occasion, so it does not merge into the meeting reported before it."""
    if hit.rule.emit.get("type") != "Meeting":
        return None
    if _SEPARATELY.search(text, max(hit.sentence.start, hit.start - 20), hit.start) or _SEPARATELY.match(
            text, hit.start, min(hit.end + 12, hit.sentence.end)):
        return f"separate@{hit.start}"
    return None


_HOLDING_VERB = re.compile(r"(?:hold|convene|co-?chair|chair|organi[sz]e|host)\b", re.IGNORECASE)
_INFINITIVE_BEFORE = re.compile(r"\b(?:to|will|would|shall)\s+$", re.IGNORECASE)
"""An event whose words open with a verb of holding in the infinitive ("... and to convene the
economic dialogue in Canberra later in 2024"): planned, as with _TO_HOLD_BEFORE."""


def _next_occasion(text: str, hit: Hit) -> str | None:
    """"next" for the next session of a body, or a meeting still to be held: another occasion than
    the one the document reports, whatever its date, so it does not absorb the undated mentions."""
    if _NEXT.search(text, max(hit.sentence.start, hit.start - 30), hit.end + 1) or _TO_BE_HELD.match(
            text, hit.end, hit.sentence.end) or _TO_HOLD_BEFORE.search(
            text, max(hit.sentence.start, hit.start - 60), hit.start) or (_HOLDING_VERB.match(
            text, hit.start) and _INFINITIVE_BEFORE.search(text, max(hit.sentence.start, hit.start - 8), hit.start)):
        return "next"  # "agreed to hold a cabinet meeting in Quito": not the meeting that was held
    return None


_JOINT_BODY = re.compile(r"\b(?:joint|intergovernmental|inter-governmental|bi-?national|bilateral|mixed)\b"
                         r"(?:\s+\S+){0,3}?\s+(?:commission|committee|council)\b", re.IGNORECASE)
"""A joint commission or committee of the document's two states ("the Joint Permanent Commission"):
its sessions are meetings of the pair."""
EVENT_DATE_REACH = 90
"""How far (in characters) from an event's words its date may stand, unless it opens the sentence."""
CLAUSE_PENALTY = 100
"""What a clause boundary between a fact's words and a time expression adds to their distance."""
CURRENCY_REACH = 300
"""How far back (in characters, whole sentences) an amount without a currency looks for one:
"exports were $2 billion and imports 1.5 billion" shares it, a "1.5 million" tourists three
paragraphs after a dollar figure does not."""
_YEAR_RANGE = re.compile(r"\d{4}\s*[-–/]\s*\d{2,4}")
_LEADERS = re.compile(r"\b(?:two|both|the) (?:leaders|presidents|heads of state|prime ministers|ministers|"
                      r"speakers)\b", re.I)
_WS = re.compile(r"\s+")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
PLACE_REACH = 80
"""How far after an event's words (in the masked sentence) "in <city>" may stand to be its place."""
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\b|;|\s[\u2013\u2014]\s")
"""Where a clause ends: a place or a date beyond it belongs to another fact."""
_UNDER_WAY = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:on|paying|making|in\s+\S+(?:\s+\S+)?\s+(?:for|on))"
                        r"\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:\S+\s+){0,3}?\S?$", re.IGNORECASE)
"""A visit told in the present progressive: it is under way on the document's date."""
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)")
_NOT_NAME_WORDS = NOT_NAMES | {"Ministers", "Leader", "Embassy", "Side", "Delegation"}
"""An adjective between two capitalised words is part of a proper name."""
_OPPOSED_BEFORE = re.compile(r"\b(?:against|counter|countering|border with|borders with|ahead of|behind|"
                             r"sanctions (?:on|against)|pressure (?:on|from)|threats? from|"
                             r"(?:war|conflict|crisis|fighting|violence|hostilities|situation) (?:in|on|over|around)|"
                             r"(?:invasion|occupation|annexation|bombing|shelling) of|"
                             r"(?:attacks?|aggression) (?:on|against))"
                             r"\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a third state or region: one the parties act against, border on, compare with or talk
about ("a summit on the war in Gaza"), not a party."""
_PAIR_NOUNS = "sides|countries|states|governments|leaders|presidents|ministers|delegations|nations|parties"
"""What the document's two sides are called together ("both governments", "the two delegations")."""
_PAIR_AS_SUBJECT = re.compile(
    r"\b(?:(?:both|the two) (?:" + _PAIR_NOUNS + r")|the (?:sides|parties))(?: \S+){0,4}? ?$", re.IGNORECASE)
"""The pair as the subject of the clause an aim opens in ("the sides set a goal of ...")."""
_REPORTED_ON = re.compile(r"\b(?:said|says|reported|announced|stated|told \S+(?: \S+)?|noted|added)\s+(?:on\s+)?$",
                          re.IGNORECASE)
"""Before a time: the day a figure was reported, not the period it measures."""
_AT_PLACE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
"""Before a capital: the city is where something happens, and its state, when not one of the
document's pair, is the venue's host, not a party ("talks ... continued in Berlin")."""
_NOT_PARTIES = frozenset({"media", "initiative"})
"""Gazetteer kinds never taken as a fact's party for being named in its sentence: a newspaper
reports, an initiative or a route is what the parties work on."""
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
_RANGE = re.compile(r"\d\s*(?:[-\u2013\u2014]|\bto\b|\btill\b|\buntil\b|\bthrough\b)\s*\d")
"""A time expression that spans days ("3 to 5 May", "12-15 April 2023")."""
_PREAMBLE = re.compile(
    r"\W*(?:\d+[.)]\s*)?(?:Noting|Recalling|Welcoming|Recogni[sz]ing|Acknowledging|Stressing|Underlining|"
    r"Emphasi[sz]ing|Highlighting|Reaffirming|Considering|Bearing in mind|Taking (?:note|into account)|"
    r"Guided by|Having|Building on|Following)\b")
"""A sentence opening with a participle, as joint declarations do ("Noting that tourism grew by
46 per cent last year, the Parties agreed to …"): up to its last comma before a fact's match it
is the premise, and a time named there is not the date of what the main clause reports."""
_SINCE_BEFORE = re.compile(r"\bsince\b[^,.;:]{0,30}$", re.IGNORECASE)
"""A time after "since" ("his first visit since taking office in December") is no event's date,
unless the event itself is what the since-clause dates."""
_PLACE_AFTER = re.compile(rf"\b(?:in|at)\s+(?:the\s+(?:[\w\-]+\s+){{0,2}}?(?:capital|city|town|port)\s+(?:of\s+)?)?"
                          rf"{OPEN}([IK])(\d+)", re.IGNORECASE)
_TEMPLATE_SLOT = re.compile(r"\{([a-z_0-9]+)\}")
_SOURCE_BODY = re.compile(r"\b(?:Statistic|Press (?:Service|Office|Secretariat)|Information (?:Service|Department)|"
                          r"Communications? (?:Office|Department|Service)|Media (?:Office|Centre|Center)|"
                          r"(?:Press and )?Public Relations (?:Office|Department))", re.IGNORECASE)
"""Bodies that texts cite as the source of a figure or a statement, not as a party to it."""
_CONTACT_LINE = re.compile(r"\b(?:Tel|Phone|Fax|E-?mail)\b\.?\s*:?\s*[+(\d]|@[\w-]+\.\w|\bwww\.", re.IGNORECASE)
"""A contact block (telephone, e-mail, web address): the bodies it names published the text."""
_GENERIC_BODY = re.compile(
    r"(?:Ministry|Cabinet|Council|Committee|Commission|Office|Department|Agency|Service|Government)"
    r"(?: of (?:Ministers|Foreign Affairs|the Economy|Economy|Commerce|Trade|Finance|Defen[cs]e|Justice|Culture|"
    r"Health|Education|Energy|Transport|Agriculture|Industry|Investments?|Interior|Labou?r|Tourism))?|"
    r"(?:Joint|Intergovernmental|Bilateral|Permanent|Binational|Bi-National) (?:\w+ )?"
    r"(?:Commission|Committee|Council|Cabinet)")
"""A body named only by its kind ("the Ministry of Commerce", "the Joint Commission"), with no
state in its name: which state's it is, the text says elsewhere; it counts when a fact names it."""
_COUNT_NUMBER = re.compile(r"^[^\s\-]+(?:\s+|-)(?:(?:thousand|million|billion|mln|bn)\s+)?", re.IGNORECASE)
"""The number that opens a count ("1.6 million arrivals" -> "arrivals": the metric is the noun;
"2,000-kilometre" -> "kilometre")."""
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_NON_SPACE = re.compile(r"\S+")
"""Patterns used per hit, compiled once: re.sub with a string pattern pays a cache lookup a call."""


class Assembler:
    def __init__(self, gazetteer: Gazetteer, ruleset: RuleSet) -> None:
        self.gazetteer = gazetteer
        self.metric_of: dict[str, str] = {}
        for canonical, forms in ruleset.metrics.items():
            for form in (canonical, *forms):
                self.metric_of[norm_text(form)] = canonical
        # word lists as tries (the words that can match at one place are prefixes of one another,
        # tried longest first as in an alternation sorted by length), scanned with their twins
        self.metric_re = compiled(
            r"(?<![\w\-])(?:" + exact_trie_regex(self.metric_of) + r")(?![\w\-])", re.IGNORECASE).twin \
            if self.metric_of else None
        self._metric_cache: dict[str, list[tuple[int, int, str]]] = {}
        vague = ruleset.lists.get("vague_goal_markers", ())
        self.vague_goal = compiled(r"\b(?:" + exact_trie_regex(v.lower() for v in vague) + r")\b",
                                   re.IGNORECASE).twin if vague else None
        self.role_of_title: dict[str, str] = {}
        for role, title_forms in gazetteer.titles.items():
            for form in title_forms:
                self.role_of_title.setdefault(norm_text(form), role)
        self.count_heads = _count_heads(ruleset.count_nouns)
        verbs = ruleset.lists.get("coordinated_aim_verbs", ())
        self.coordination = re.compile(
            _COORDINATION.pattern + r"|(?:,\s+(?:and\s+)?|\s+and\s+)(?=(?:"
            + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(verbs, key=len, reverse=True))
            + r")\s(?!of\b))") if verbs else _COORDINATION
        """Where a list of aims splits: ", and to", "and of <-ing>", ";", and a listed verb after
        ", " or "and" (not its -ing form: "the expansion of ties and deepening cooperation" is
        one task as often as two)."""

    # --- references ----------------------------------------------------------------------------------
    def _actor_of(self, m: Mention, as_place: bool = False) -> tuple[str, str] | None:
        if m.code not in ACTOR_CODES:
            return None
        if m.code == "K" and as_place:
            return (m.city or m.surface), "City"
        return m.name, m.type or "Organization"

    def _refs(self, ctx: DocumentContext, hit: Hit, refs: Any, book: ActorBook,
              states_only: bool = False, skip_codes: str = "") -> tuple[list[str], bool]:
        """Names for an emit field that lists slots and special references; bool = inferred."""
        names: list[str] = []
        inferred = False
        for ref in refs if isinstance(refs, list) else [refs]:
            if ref in ("sentence", "states"):
                only_states = states_only or ref == "states"
                subject = _pair_subject(ctx, hit)
                subject_end = subject.end() if subject is not None else None
                if subject is not None:  # "The two governments signed 26 memoranda, including one with Qatar"
                    names.extend(ctx.pair)
                    if len(ctx.leaders) == 2 and _LEADERS.search(subject.group("subject")):
                        names.extend(ctx.leaders)  # "the two leaders discussed": the pair's two leaders
                for m in hit.masked.mentions:
                    if subject_end is not None and m.start >= subject_end and _acted_on(m):
                        continue  # a state or body named after "the two sides" is what they act on
                    if self._aside(ctx, m):
                        continue
                    if m.code == "A" and _NOT_AGENT.match(ctx.text, m.end) and not (
                            hit.rule.emit.get("type") == "CulturalYear" and _CULTURE_AFTER.match(ctx.text, m.end)):
                        continue  # "the Ukrainian crisis" names a topic, not a party; "Days of Kyrgyz culture" do
                    if m.code in skip_codes:
                        continue
                    if m.code in ACTOR_CODES and m.kind not in _NOT_PARTIES and (
                            not only_states or m.code in STATE_CODES):
                        ref_actor = self._actor_of(m)
                        if ref_actor:
                            names.append(ref_actor[0])
                            book.add(ref_actor[0], ref_actor[1], m.surface, m.start)
            elif ref == "speaker":
                if ctx.speaker and _FIRST_PERSON.search(hit.sentence.text):
                    names.append(ctx.speaker)
            elif ref == "pair":
                names.extend(ctx.pair)
                inferred = True
            elif ref in hit.slots:
                slot_m = hit.mention(ref)
                if slot_m is not None:
                    ref_actor = self._actor_of(slot_m)
                    if ref_actor:
                        names.append(ref_actor[0])
                        book.add(ref_actor[0], ref_actor[1], slot_m.surface, slot_m.start)
        unique = list(dict.fromkeys(n for n in names if n))
        return unique, inferred and len(unique) == len(set(ctx.pair))

    def _antecedent(self, ctx: DocumentContext, hit: Hit, book: ActorBook) -> tuple[str | None, int | None]:
        """The person "he" or "she" stands for when the pronoun is the subject of the clause an
        event is told in ("In Yerevan he held talks with …"): the first person named in the
        nearest of the two sentences before that names one. Not in first-person speech, and not
        when a person is named before the pronoun."""
        text = hit.sentence.text
        pronoun = _SUBJECT_PRONOUN.search(text, 0, max(0, hit.start - hit.sentence.start))
        if pronoun is None or _FIRST_PERSON.search(text):
            return None, None
        between = text[pronoun.end():hit.start - hit.sentence.start]
        if not _PRONOUN_ACTS.fullmatch(between):
            return None, None  # "He noted that the visit of …": the pronoun says, it does not take part
        if any(m.code == "P" and m.start < hit.sentence.start + pronoun.start() for m in hit.masked.mentions):
            return None, None
        for index in (hit.sentence.index - 1, hit.sentence.index - 2):
            if index < 0:
                break
            person = next((m for m in ctx.masks[index].mentions if m.code == "P"), None)
            if person is not None:
                actor = self._actor_of(person)
                if not actor:
                    break
                book.add(actor[0], actor[1], person.surface, person.start)
                return actor[0], index
        return None, None

    @staticmethod
    def _aside(ctx: DocumentContext, m: Mention) -> bool:
        """Whether a mention names no party to the facts of its sentence, whatever the fact: a
        state adjective inside a proper name ("the Grand Ethiopian Renaissance Dam"), a third
        state or region the parties act against, border on or talk about ("to counter China's
        assertiveness", "the war in Gaza"), or a third capital that is only the venue ("the talks
        ... continued in Berlin"). Remembered per document: every hit of the sentence asks."""
        known = ctx.aside.get(m.start)
        if known is None:
            text, third = ctx.text, m.name not in ctx.pair
            known = ctx.aside[m.start] = bool(
                (m.code == "A" and _inside_a_name(text, m))
                or (third and (m.code in STATE_CODES or m.code == "R")
                    and _OPPOSED_BEFORE.search(text, max(0, m.start - 24), m.start))
                or (third and m.code == "K" and len(ctx.pair) == 2
                    and _AT_PLACE.search(text, max(0, m.start - 4), m.start))
                or (third and m.code in STATE_CODES and _in_a_route_name(text, m)))
        return known

    def _place(self, hit: Hit, slot: str | None, book: ActorBook) -> str | None:
        if slot == "none":
            return None
        m = hit.mention(slot) if slot and slot != "before" else None
        if m is None:
            m = _place_near(hit, ahead=slot != "before")
        if m is None:
            return None
        actor = self._actor_of(m, as_place=True)
        if actor is None:
            return None
        book.add(actor[0], actor[1], m.surface if actor[1] != "City" or m.code != "K" else None, m.start)
        if actor[1] == "City" and m.code == "K":
            book.add(m.name, "Country", m.surface, m.start)
            book.extra.setdefault(actor[0], {})["country"] = m.name
        return actor[0]

    def _time(self, hit: Hit, slot: str | None, ctx: DocumentContext, *, deadline: bool = False,
              near: int | None = None, other_possessives: bool = True,
              within: tuple[int, int] | None = None, measured: bool = False, own: Mention | None = None
              ) -> str | None:
        """The date a fact refers to: its slot, else the nearest time expression in the sentence
        (within `near` characters of the match, or opening the sentence: "On 8 June, ..."), or
        only one inside the span `within` (one coordinated part of a goal).
        Without `other_possessives`, a possessive time ("last year's level") counts only when the
        noun it qualifies is part of the match ("last year's summit"). A `measured` fact (a
        figure) lies in the past: a time the document's date puts after it ("next year") is
        another clause's ("investment already exceeds $14 billion ... the expo next year"). `own`
        is a figure's amount: the year written right after it dates it ("1.2 billion in 2021"),
        and a year written after another amount the figure is compared with does not."""
        if slot == "document":
            return ctx.doc.published
        m = hit.mention(slot) if slot else None
        if m is not None and m.value is not None:
            return m.value.value
        if slot == "none":
            return None
        if measured and own is not None:  # "1.2 billion in 2021": the year written right after the amount
            right_after = next((tm for tm in hit.masked.mentions if tm.code in "YD" and tm.value is not None
                                and 0 < tm.start - own.end <= 5 and _just_in(ctx.text, own.end, tm.start)), None)
            if right_after is not None and not right_after.value.relative:
                return right_after.value.value
        best: tuple[int, str] | None = None
        until = hit.end if slot == "before" else None  # "agreed on Monday to hold a forum in 2025"
        text = ctx.text
        premise = _premise_end(text, hit)
        for tm in hit.masked.mentions:
            if tm.code not in "YD" or tm.value is None or (until is not None and tm.start >= until):
                continue
            if tm.start < premise:
                continue
            if within is not None and not within[0] <= tm.start < within[1]:
                continue
            if measured and tm.value.relative and _after(tm.value.value, ctx.doc.published):
                continue
            if measured and _REPORTED_ON.search(text, max(0, tm.start - 30), tm.start):
                continue  # "grew by 20% to $6.5 billion, the embassy said on Friday": when it was said
            if measured and own is not None and _baseline_time(text, hit, tm, own):
                continue  # "stood at $1.9 billion, up from 1.2 billion in 2021": the baseline's year
            before = text[max(0, tm.start - 48):tm.start]
            written = text[tm.start:tm.end].lower()
            if not deadline and _YEAR_RANGE.search(written):
                continue  # "the 2019-2020 Cooperation Plan" names a period, not when something happened
            if not other_possessives and text.startswith(("'s", "’s"), tm.end) and not (
                    hit.start <= tm.end + 3 < hit.end):
                continue  # "last year's level" dates the level, not the visit in the same sentence
            is_deadline = bool(_DEADLINE_BEFORE.search(before)) or written.startswith(_DEADLINE_OPENINGS)
            if deadline != is_deadline or (not deadline and _NOT_EVENT_DATE.search(before)
                                           and not (_FROM_BEFORE.search(before) and _RANGE.search(written))):
                continue  # "since May" dates no event; "from 3 to 5 May" is when it took place
            if not deadline and ((written.startswith(("since ", "until ", "till "))
                                  and not (measured and written.startswith(_SO_FAR_THIS_YEAR))) or (
                    (since := _SINCE_BEFORE.search(text, max(0, tm.start - 40), tm.start)) is not None
                    and since.start() >= hit.end)):
                continue  # but "Since the FTA came into force in 2016": the event is in the since-clause
            distance = min(abs(tm.start - hit.start), abs(tm.start - hit.end))
            if hit.start <= tm.start < hit.end:
                distance = 0
            elif _CLAUSE_BREAK.search(text, min(tm.end, hit.end), max(tm.start, hit.start)):
                distance += CLAUSE_PENALTY  # "… in October, and the next session …": another clause's time
            if near is not None and distance > near and tm.start - hit.sentence.start > 30:
                continue
            if best is None or distance < best[0]:
                best = (distance, tm.value.value)
        return best[1] if best else None

    def _metric(self, hit: Hit, literal: str | None, value_pos: int | None) -> str | None:
        if literal and literal in hit.slots:
            words = hit.words(literal)
            return self.metric_of.get(norm_text(words or ""), norm_text(words or "")) if words else None
        if literal:
            return literal
        if self.metric_re is None:
            return None
        sentence = hit.sentence
        best: tuple[int, str] | None = None
        anchor = (value_pos if value_pos is not None else hit.start) - sentence.start
        for start, end, metric in self._metric_words(sentence.text):
            distance = anchor - end if end <= anchor else (start - anchor) * 3
            if best is None or distance < best[0]:
                best = (distance, metric)
        return best[1] if best else None

    def _metric_words(self, text: str) -> list[tuple[int, int, str]]:
        """The metric words of a sentence, (start, end, metric): a sentence with several
        figures and goals is asked for them once per hit, and the scan (an alternation of
        every metric word) is the costly part. Cached by sentence text, kept bounded."""
        found = self._metric_cache.get(text)
        if found is None:
            assert self.metric_re is not None
            found = [(m.start(), m.end(), self.metric_of.get(norm_text(m.group(0)), norm_text(m.group(0))))
                     for m in self.metric_re.finditer(text)]
            if len(self._metric_cache) >= 4096:
                self._metric_cache.clear()
            self._metric_cache[text] = found
        return found

    # --- kinds ----------------------------------------------------------------------------------------
    def _offices(self, ctx: DocumentContext, hits: list[Hit], book: ActorBook) -> list[Draft]:
        drafts: list[Draft] = []
        for hit in hits:
            person = hit.extra.get("person")
            if not person:
                continue
            name_slot = hit.rule.emit.get("name", "name")
            m = hit.mention(name_slot)
            book.add(person, "Person", (m.surface if m else hit.words(name_slot)), hit.start)
            role_words = hit.extra.get("role") or hit.rule.emit.get("role")
            if role_words in hit.slots:
                role_words = hit.words(role_words)
            if not role_words:
                continue
            role = self.role_of_title.get(norm_text(role_words)) or _as_title(role_words)
            state_m = hit.mention(hit.rule.emit.get("state", "state"))
            org_m = hit.mention(hit.rule.emit.get("org", "org"))
            state = state_m.name if state_m is not None and state_m.code in STATE_CODES else None
            if state_m is not None and state:
                book.add(state, "Country", state_m.surface, state_m.start)
            holder_of = state or (org_m.name if org_m is not None else None)
            if holder_of is None:  # "President Sadyr Japarov": the state the gazetteer has him hold it for
                holder_of = state = self._state_of_title(person, role, ctx)
            if org_m is not None:
                book.add(org_m.name, org_m.type or "Organization", org_m.surface, org_m.start)
            full_role = f"{role} of {holder_of}" if holder_of else role
            if any(d.fields["person"] == person and d.fields["role"].split(" of ")[0] == role
                   and d.fields["role"] != full_role and " of " in d.fields["role"] for d in drafts):
                continue  # the title written next to the name wins over a later appositive
            drafts.append(Draft("office", {"person": person, "role": full_role, "state": state},
                                [evidence_of(hit, ctx.doc.id)], key=f"{person}|{full_role}"))
        return [d for d in drafts if not _said_in_full(d, drafts)]

    def _events(self, ctx: DocumentContext, hits: list[Hit], book: ActorBook) -> list[Draft]:
        drafts: list[Draft] = []
        kept_spans: dict[int, list[tuple[int, int]]] = {}
        for hit in hits:
            spans = kept_spans.setdefault(hit.sentence.index, [])
            if any(s < hit.end and hit.start < e for s, e in spans):
                continue  # an earlier, more specific rule already read this part of the sentence
            spans.append((hit.start, hit.end))
            emit = hit.rule.emit
            each_slots = emit.get("each") or []
            each_slots = each_slots if isinstance(each_slots, list) else [each_slots]
            groups: list[str | None] = [s for s in each_slots if hit.slots.get(s)] or [None]
            for group in groups:
                refs = list(emit.get("participants", ["sentence"]))
                place_slot = emit.get("place")
                exclude: set[str] = set()
                if group:
                    others = [s for s in each_slots if s != group]
                    exclude = {m.name for s in others if (m := hit.mention(s)) is not None}
                    refs = [r for r in refs if r not in each_slots]
                    if hit.mention(group) is not None:
                        refs.append(group)
                    if place_slot in each_slots:
                        place_slot = group if hit.mention(group) is not None else None
                skip = "" if emit["type"] in ("Summit", "CulturalYear", "Forum") else "RI"
                participants, inferred = self._refs(ctx, hit, refs, book, skip_codes=skip)
                participants = [p for p in participants if p not in exclude]
                told_in = None  # the sentence whose person "he" or "she" stands for
                if emit["type"] in _NEEDS_A_PARTY and "sentence" in refs:
                    antecedent, told_in = self._antecedent(ctx, hit, book)
                    if antecedent and antecedent not in participants:
                        participants.insert(0, antecedent)
                named = [p for p in participants if p != ctx.speaker or _names(hit, p)]
                if not named and "pair" not in refs:
                    leaders = _LEADERS.search(hit.sentence.text)
                    fallback = ctx.leaders if leaders and ctx.leaders else list(ctx.pair)
                    participants, inferred = list(dict.fromkeys([*participants, *fallback])), True
                place = self._place(hit, place_slot, book)
                if place and place not in participants and place in book.types and book.types[place] != "City":
                    participants.append(place)
                elif place and book.types.get(place) == "City" and place in participants:
                    participants.remove(place)  # "the G20 summit in Rio de Janeiro": the venue takes no part
                    if not participants:
                        participants, inferred = list(ctx.pair), True
                if emit["type"] == "Agreement":
                    participants += self._states_of_people(participants, ctx, book)
                sides = _TWO_SIDES.get(emit["type"])
                if sides and len(ctx.pair) == 2 and (participants or emit["type"] == "Agreement") \
                        and sum(book.types.get(p) in sides for p in participants) < 2:
                    participants += [s for s in ctx.pair if s not in participants]
                if not participants:
                    continue
                if emit["type"] == "Meeting" and any(book.types.get(p) == "Organization" and _JOINT_BODY.search(p)
                                                     for p in participants):
                    participants += [s for s in ctx.pair if s not in participants]
                if emit["type"] in _NEEDS_A_PARTY and not inferred and not any(
                        p in ctx.pair or book.types.get(p) == "Person" for p in participants):
                    continue  # "the OPEC+ meeting in Vienna": no one the text is about takes part
                label = self._label(hit, emit.get("label"))
                obj = hit.words(group) if group else hit.words("object")
                key = None
                group_m = hit.mention(group) if group else None
                if group_m is not None:
                    key = "actor:" + (group_m.name or "")
                elif obj:
                    obj_m = None if group else hit.mention("object")
                    # "Days of Uzbek culture" and "Days of Culture of Uzbekistan": one object, one state
                    key = "object:" + (obj_m.name if obj_m is not None and obj_m.name else norm_text(obj))
                    if group:
                        label = obj
                elif emit["type"] == "Other":
                    key = "rule:" + hit.rule.id  # different happenings of type Other never merge
                elif emit["type"] == "Agreement":
                    key = _signed_quantity(hit)
                date = None
                if group_m is not None and len(groups) > 1 and emit.get("date") is None:
                    # "met in Kampala in December and in Mombasa last month": each place its own time
                    date = self._time(hit, None, ctx, within=_own_stretch(hit, group_m, groups))
                if date is None:
                    date = self._time(hit, emit.get("date"), ctx, near=EVENT_DATE_REACH, other_possessives=False)
                if date is None and told_in is not None:
                    date = _opening_date(ctx, told_in)  # "In October 2021, X visited … In Yerevan he met …"
                if date is None and emit["type"] == "Visit" and ctx.doc.published and _UNDER_WAY.search(
                        ctx.text, max(hit.sentence.start, hit.start - 40), hit.start + 1):
                    date = ctx.doc.published  # "Abiy Ahmed, who is on a state visit to Kenya": under way that day
                if date is None and emit["type"] == "Interview" and ctx.doc.published and hit.sentence.index <= 3:
                    date = ctx.doc.published  # the interview the document opens with is the one it prints
                occasion = emit.get("occasion") or _next_occasion(ctx.text, hit) or _separate_meeting(ctx.text, hit)
                if date is None and occasion == "next":  # "to convene the commission before the end of the year"
                    date = self._time(hit, emit.get("date"), ctx, deadline=True, near=EVENT_DATE_REACH)
                drafts.append(Draft("event", {
                    "type": emit["type"], "label": label,
                    "date": date,
                    "place": place, "participants": participants,
                }, [evidence_of(hit, ctx.doc.id)], inferred_participants=inferred,
                    key=key, span=(hit.start, hit.end), part_of=tuple(emit.get("part_of", ())),
                    occasion=occasion))
        events = _dated_by_the_talks(absorb_parts(merge_events(drafts, book, year_of(ctx.doc.published))))
        self._placed_by_dateline(ctx, events, book)
        for event in events:  # after merging, which reads who took part as the sentences name them
            if event.fields["type"] != "Agreement":  # an agreement took them before merging
                event.fields["participants"] += self._states_of_people(event.fields["participants"], ctx, book)
        return events

    def _placed_by_dateline(self, ctx: DocumentContext, events: list[Draft], book: ActorBook) -> None:
        """A meeting or talks the document reports on its own day, with no place of their own, took
        place where the dateline says ("New York, 25 September 2024" over a sidelines meeting)."""
        if not ctx.doc.published:
            return
        dateline = _DATELINE.search(ctx.text, 0, DATELINE_REACH)
        if dateline is None:
            return
        city = next((m for m in ctx.mentions if m.start == dateline.start("city") and m.code in "KI"), None)
        actor = self._actor_of(city, as_place=True) if city is not None else None
        if actor is None:
            return
        day_before = _day_before(ctx.doc.published)
        for event in events:
            f = event.fields
            if f["type"] in ("Meeting", "Talks") and not f["place"] and event.occasion is None \
                    and f["date"] in (ctx.doc.published, day_before) \
                    and not any(ev.rule.endswith("phone-call") for ev in event.evidence):  # a call has no venue
                f["place"] = actor[0]
                book.add(actor[0], actor[1], None, city.start)
                if city.code == "K":
                    book.extra.setdefault(actor[0], {})["country"] = city.name

    def _subject_states(self, ctx: DocumentContext, hit: Hit) -> list[str]:
        """The states of a sentence's named subject, when the goal comes after it: "Pakistan
        pledged to ensure the safety of Chinese personnel" is Pakistan's aim, "President Widodo
        and President Tokayev agreed to ..." is Indonesia's and Kazakhstan's. Empty when the
        sentence opens otherwise, or a person in the subject has no known state."""
        masked = hit.masked
        m = _NAMED_SUBJECT.match(masked.text)
        if m is None or masked.to_original(m.end()) >= hit.end or _SPEECH_VERB.match(masked.text, m.end()):
            return []  # what someone "said" is the aim of whoever the quote names
        states: list[str] = []
        for placeholder in _PLACEHOLDER.finditer(m.group("subject")):
            mention = masked.mentions[int(placeholder.group(2))]
            if placeholder.group(1) == "P":
                own = self._states_held(mention.name, ctx)
                if not own:
                    return []
                states.extend(own[:1])
            else:
                states.append(mention.name)
        for mention in masked.mentions:  # "China supports Brazil's candidacy": Brazil's aim too
            if mention.code in STATE_CODES and hit.start <= mention.start < hit.end \
                    and ctx.text.startswith(("'s", "’s"), mention.end):
                states.append(mention.name)
        return list(dict.fromkeys(states))

    def _state_of_title(self, person: str, role: str, ctx: DocumentContext) -> str | None:
        """The one state, among those the document names, for which the gazetteer has the person
        hold this role: a title written without its state ("President Emomali Rahmon") is then
        complete, as an analyst querying offices by state expects. None when there are several."""
        states = {o.state for o in self.gazetteer.offices_of(person) if o.role == role and o.state in ctx.named_states}
        return states.pop() if len(states) == 1 else None

    def _states_held(self, person: str, ctx: DocumentContext) -> list[str]:
        """The states a person holds office for, as the document gives them ("Ambassador of
        Kazakhstan to Uzbekistan") and as the gazetteer knows them, among those the document names."""
        stated = ctx.office_states.get(person, [])
        known = [o.state for o in self.gazetteer.offices_of(person)]
        return list(dict.fromkeys(s for s in (*stated, *known) if s in ctx.named_states))

    def _states_of_people(self, participants: list[str], ctx: DocumentContext, book: ActorBook) -> list[str]:
        """The states the people party to an event hold office for, where the document names them:
        an agreement of Tokayev and Rahmon binds Kazakhstan and Tajikistan, and "President Gabriel
        Boric will visit Hanoi" is a visit by Chile, which a query for the visits of a state asks.
        An agreement takes them before merging (its parties decide which signing it is); other
        events after, so that two calls or congratulations of different people stay two."""
        named = set(ctx.pair) | {n for n, t in book.types.items() if t == "Country"}
        out: list[str] = []
        for person in participants:
            if book.types.get(person) != "Person":
                continue  # states and bodies hold no office
            states = [*ctx.office_states.get(person, ()), *(o.state for o in self.gazetteer.offices_of(person))]
            for state in states:
                if state in named and state not in participants and state not in out:
                    out.append(state)
        return out

    def _label(self, hit: Hit, template: str | None) -> str:
        if template:
            def fill(m: re.Match[str]) -> str:
                value = hit.slots.get(m.group(1))
                if isinstance(value, Mention):
                    return value.city if value.code == "K" and m.group(1) == "place" and value.city else value.name
                return value or ""
            return _WS.sub(" ", _TEMPLATE_SLOT.sub(fill, template)).strip()
        words = _WS.sub(" ", hit.text).strip(" ,.;:–—-\"'«»“”")
        return words[:1].upper() + words[1:] if words else hit.rule.emit.get("type", "Event")

    def _goals(self, ctx: DocumentContext, hits: list[Hit], book: ActorBook, claimed: set[int]) -> list[Draft]:
        drafts: list[Draft] = []
        quantified_spans: list[tuple[int, int]] = []
        ordered = sorted(hits, key=lambda h: 0 if h.rule.emit.get("target") else 1)
        for hit in ordered:
            emit = hit.rule.emit
            targets = emit.get("target") or []
            targets = targets if isinstance(targets, list) else [targets]
            found = [m for t in targets if (m := hit.mention(t)) is not None and id(m) not in claimed]
            if targets and not found:
                continue
            each_target: list[Mention | None] = [*found] if found else [None]
            for target_m in each_target:
                self._goal(ctx, hit, target_m, book, claimed, drafts, quantified_spans)
        return merge_goals(drafts)

    def _goal(self, ctx: DocumentContext, hit: Hit, target_m: Mention | None, book: ActorBook, claimed: set[int],
              drafts: list[Draft], quantified_spans: list[tuple[int, int]]) -> None:
        """One goal per target, or one per coordinated part of a qualitative goal ("to A, and to B")."""
        emit = hit.rule.emit
        holders, _ = self._refs(ctx, hit, emit.get("holders", ["sentence"]), book, states_only=True)
        if "holders" not in emit:
            holders = self._subject_states(ctx, hit) or holders
            if len(ctx.pair) == 2 and _PAIR_AS_SUBJECT.search(ctx.text, max(hit.sentence.start, hit.start - 60),
                                                              hit.start + 1):
                holders = list(ctx.pair)  # "Ruto said both governments were aiming to lift ...": the pair's aim
        if not holders and ctx.interviewee and _FIRST_PERSON.search(ctx.text, hit.sentence.start, hit.end) \
                and not _BOTH_OF_US.search(ctx.text, hit.sentence.start, hit.sentence.end):
            holders = self._states_held(ctx.interviewee, ctx)[:1]  # "we will ..." in an interview
        if not holders:
            holders = list(ctx.pair)
        deadline = self._time(hit, emit.get("deadline"), ctx, deadline=True)
        evidence = [evidence_of(hit, ctx.doc.id)]
        if target_m is not None:
            q = target_m.value
            claimed.add(id(target_m))
            quantified_spans.append((target_m.start, target_m.end))
            part = _target_clause(ctx.text, hit.start, target_m, self.coordination)
            quantified_spans.append(part)
            text = _clean_goal_text(ctx.text[part[0]:part[1]])
            if emit.get("deadline") is None:  # "to double trade by 2030 and to triple investment by 2035"
                deadline = _deadline_after(ctx.text, hit, target_m) or self._time(
                    hit, None, ctx, deadline=True, within=part) or deadline
                deadline = deadline or _future_year(ctx, hit, part)
            fields = {"text": text, "holders": holders, "deadline": deadline, "target": q.value,
                      "unit": (_rate(ctx.text, target_m, _counted_unit(hit, emit.get("unit")))
                               or self._unit(target_m, ctx)),
                      "metric": self._metric(hit, emit.get("metric"), target_m.start)}
            key = f"q|{fields['target']}|{fields['unit']}"
            drafts.append(Draft("goal", fields, evidence, key=key, span=(hit.start, hit.end)))
            quantities = [(m.start, m.end) for m in hit.masked.mentions if m.code in _QUANTITY_CODES]
            further = [(s, e) for s, e in _further_aims(ctx.text, target_m.end, self.coordination)
                       if not any(s <= qs and qe <= e for qs, qe in quantities)]  # each target is its own goal
            self._qualitative(ctx, hit, further, holders, evidence, drafts, quantified_spans)
            return
        slot = emit.get("text") or next((s for s in ("text", "clause", "action") if s in hit.slots), "match")
        start, end = hit.extra.get(f"{slot}.span", (hit.start, hit.end))
        if emit.get("extend") == "left":  # the words before the match that name its subject
            start = _clause_start(ctx.text, hit.sentence.start, start)
        parts = _coordinated_parts(ctx.text, start, end, self.coordination)
        self._qualitative(ctx, hit, parts, holders, evidence, drafts, quantified_spans, deadline)

    def _qualitative(self, ctx: DocumentContext, hit: Hit, parts: list[tuple[int, int]], holders: list[str],
                     evidence: list[Evidence], drafts: list[Draft], quantified_spans: list[tuple[int, int]],
                     deadline: str | None = None) -> None:
        """One goal per coordinated part (`parts`: spans of the text) that is neither a quantified
        goal already read, nor boilerplate, nor an event."""
        emit = hit.rule.emit
        for i, (part_start, part_end) in enumerate(parts):
            if _DECISION_START.match(ctx.text, part_start):  # "… and instructed the commission to prepare …"
                action = _TO_ACTION.search(ctx.text, part_start, part_end)
                if action is None:
                    continue  # "… and agreed that the project …": no aim of its own here
                part_start = action.start(1)
            if any(part_start <= qs and qe <= part_end or qs <= part_start and part_end <= qe
                   for qs, qe in quantified_spans):
                continue  # this part is (or is inside) the quantified goal already read from the sentence
            text = _clean_goal_text(ctx.text[part_start:part_end])
            if len(text.split()) < 3 or (self.vague_goal and self.vague_goal.search(text)) \
                    or _ANAPHORIC_AIM.fullmatch(text):
                continue  # too short, boilerplate ("cooperation in all areas") or no aim of its own ("consider this")
            if i and EVENT_VERB_START.match(text):
                continue  # "… and to hold Days of Culture": an event, not an aim
            if _CONVENING.match(text):
                continue  # "convene the Joint Commission in Dakar before the end of 2024": a planned meeting, an event
            if len(parts) > 1:  # "to convene the commission in 2024 and to double trade by 2030"
                deadline = self._time(hit, emit.get("deadline"), ctx, deadline=True, within=(part_start, part_end))
            fields = {"text": text, "holders": holders, "deadline": deadline, "target": None, "unit": None,
                      "metric": self._metric(hit, emit.get("metric"), None) if emit.get("metric") else None}
            drafts.append(Draft("goal", fields, list(evidence), key=f"t|{norm_text(text)}",
                                span=(part_start, part_end)))

    def _figures(self, ctx: DocumentContext, hits: list[Hit], book: ActorBook, claimed: set[int]) -> list[Draft]:
        drafts: list[Draft] = []
        for hit in hits:
            emit = hit.rule.emit
            value_m = hit.mention(emit["value"])
            if value_m is None or value_m.value is None or id(value_m) in claimed:
                continue
            claimed.add(id(value_m))
            q = value_m.value
            unit = _counted_unit(hit, emit.get("unit")) or self._unit(value_m, ctx)
            if not unit or (unit in _POPULATION_UNITS and _POPULATION_BEFORE.search(
                    ctx.text, max(0, value_m.start - 40), value_m.start)):
                continue  # "Iraq, home to some 46 million people": a population, not a fact of the relations
            subjects, _ = self._refs(ctx, hit, emit.get("subjects", ["sentence"]), book, states_only=True)
            if value_m.code == "C":  # "300 Kenyan companies": the count's own adjective names a party
                subjects = list(dict.fromkeys([*subjects, *self._states_in_count(value_m.surface)]))
            if not subjects:
                subjects = list(ctx.pair)
            text_slot = emit.get("text")
            text = (hit.words(text_slot) or "") if text_slot and text_slot in hit.slots else hit.text
            metric = self._metric(hit, emit.get("metric"), value_m.start)
            if value_m.code == "C" and not emit.get("metric"):
                metric = _COUNT_NUMBER.sub("", _WS.sub(" ", value_m.surface)).lower()
            if metric == "trade turnover" and len(subjects) < 2 and _BILATERAL.search(hit.sentence.text):
                subjects = list(dict.fromkeys([*ctx.pair, *subjects]))  # "bilateral trade" is the pair's
            elif metric in ("exports", "imports") and len(subjects) == 1 and len(ctx.pair) == 2 \
                    and subjects[0] in ctx.pair and not _names_another_party(hit, ctx.pair):
                subjects = list(ctx.pair)  # "exports to China rose" in a Serbia–China text: Serbia's to China
            fields = {
                "text": _WS.sub(" ", text).strip(" ,.;:–—-\"'«»“”"),
                "metric": metric,
                "value": q.value, "unit": unit, "approx": bool(q.approx),
                "date": _year_before(ctx.text, value_m, self._time(hit, emit.get("date"), ctx, measured=True,
                                                                   own=value_m)),
                "subjects": subjects,
            }
            drafts.append(Draft("figure", fields, [evidence_of(hit, ctx.doc.id)],
                                key=f"{q.value}|{unit}", span=(hit.start, hit.end)))
        return merge_figures(drafts)

    def _states_in_count(self, surface: str) -> list[str]:
        """States a count's noun phrase names by adjective: the count is one placeholder in the
        masked sentence, so the state mentions inside it are not among the sentence's."""
        names: list[str] = []
        for run in _CAPITALISED.findall(surface):  # "Cape Verdean" whole, else word by word
            whole = self.gazetteer.country_of_adjective(run)
            found = [whole] if whole is not None else map(self.gazetteer.country_of_adjective, run.split())
            names.extend(e.name for e in found if e is not None)
        return names

    def _simple(self, ctx: DocumentContext, hits: list[Hit], book: ActorBook) -> tuple[list, list, list]:
        topics: dict[str, list[Evidence]] = {}
        threats: dict[str, tuple[list[str], list[Evidence]]] = {}
        relations: dict[tuple[str, tuple[str, ...]], list[Evidence]] = {}
        for hit in _outside_worded_threats(hits):
            kind = hit.rule.kind
            ev = evidence_of(hit, ctx.doc.id)
            if kind == "topic":
                topics.setdefault(hit.rule.emit["topic"], []).append(ev)
            elif kind == "threat":
                name = hit.rule.emit["threat"]
                if name == "match":
                    name = _ARTICLE.sub("", _WS.sub(" ", hit.text).strip())
                surfaces, evs = threats.setdefault(name, ([], []))
                surface = _WS.sub(" ", hit.text).strip().lower()
                if not surfaces:
                    surfaces.append(surface)  # the words first used name the threat in this document
                evs.append(ev)
            elif kind == "relation":
                subjects, _ = self._refs(ctx, hit, hit.rule.emit.get("subjects", ["sentence"]), book, states_only=True)
                if len(subjects) < 2:
                    subjects = list(dict.fromkeys([*subjects, *ctx.pair]))[:2] if ctx.pair else subjects
                label = hit.rule.emit["relation"]
                if label == "match":
                    label = _WS.sub(" ", hit.text).strip().lower()
                key = (label, tuple(sorted(subjects)))
                relations.setdefault(key, []).append(ev)
        return (
            [Topic(t, tuple(_unique(evs))) for t, evs in topics.items()],
            [Threat(n, tuple(s), tuple(_unique(evs))) for n, (s, evs) in threats.items()],
            [Relation(k, subj, tuple(_unique(evs))) for (k, subj), evs in relations.items()],
        )

    # --- the document ---------------------------------------------------------------------------------
    def assemble(self, ctx: DocumentContext, person_hits: list[Hit], hits: dict[str, list[Hit]]) -> DocumentFacts:
        book = ActorBook()
        claimed: set[int] = set()
        offices = self._offices(ctx, person_hits, book)
        for office in offices:  # "Minister of Foreign Affairs of Mongolia Battsetseg Batmunkh": Mongolia's
            if office.fields["state"]:
                ctx.office_states.setdefault(office.fields["person"], []).append(office.fields["state"])
        events = self._events(ctx, hits["event"], book)
        goals = self._goals(ctx, hits["goal"], book, claimed)
        figures = self._figures(ctx, hits["figure"], book, claimed)
        topics, threats, relations = self._simple(ctx, hits["topic"] + hits["threat"] + hits["relation"], book)
        self._mentioned_actors(ctx, book)
        facts = DocumentFacts(ctx.doc, sentence_count=len(ctx.sentences))
        offices = merge_by_key(offices)
        full_roles = {(d.fields["person"], d.fields["role"]) for d in offices}
        offices = [d for d in offices if not any(p == d.fields["person"] and r.startswith(d.fields["role"] + " of ")
                                                 for p, r in full_roles)]
        facts.offices = [Office(d.fields["person"], d.fields["role"], d.fields["state"], evidence=tuple(d.evidence))
                         for d in offices]
        facts.events = [Event(d.fields["type"], self._describe(d, book, facts.offices), d.fields["date"],
                              d.fields["place"], tuple(d.fields["participants"]), tuple(_unique(d.evidence)),
                              d.occasion) for d in events]
        facts.goals = [Goal(d.fields["text"], d.fields["metric"], d.fields["target"], d.fields["unit"],
                            d.fields["deadline"], tuple(d.fields["holders"]), tuple(_unique(d.evidence)))
                       for d in goals]
        facts.figures = [Figure(d.fields["text"], d.fields["metric"], d.fields["value"], d.fields["unit"],
                                d.fields["approx"], d.fields["date"], tuple(d.fields["subjects"]),
                                tuple(_unique(d.evidence))) for d in figures]
        facts.topics, facts.threats, facts.relations = topics, threats, relations
        _referenced_actors(ctx, book, facts)
        facts.actors = self._actors(ctx, book, facts)
        return facts

    def _unit(self, m: Mention, ctx: DocumentContext) -> str | None:
        """A quantity's unit; for a count, the head noun ("investment agreements" -> agreements)."""
        unit = _unit_of(m, ctx)
        if m.code != "C" or not unit:
            return unit
        return _rate(ctx.text, m, _SAME_COUNT.get(unit, self.count_heads.get(unit, unit)))

    def _describe(self, draft: Draft, book: ActorBook, offices: list[Office]) -> str:
        """The event's label, written from its type, participants and place (see labels)."""
        def states_of(person: str) -> set[str]:
            held = {o.state for o in offices if o.person == person and o.state}
            return held | {o.state for o in self.gazetteer.offices_of(person) if o.state}

        f = draft.fields
        place = f["place"]
        host = place
        if place and book.types.get(place) == "City":
            entry = self.gazetteer.get(place, "City")
            host = book.extra.get(place, {}).get("country") or (getattr(entry, "country", None) if entry else None)
        return describe_event(f["type"], f["label"], f["participants"], place, book.types.get, states_of, host,
                              draft.evidence[0].text if draft.evidence else "")

    def _mentioned_actors(self, ctx: DocumentContext, book: ActorBook) -> None:
        """Named states, people and organisations count even outside facts. Not so cities (a
        dateline is no actor), initiatives and routes (the Belt and Road, the Middle Corridor:
        projects, not parties), bare adjectives, news media, statistics offices and press services
        cited as sources, or continents, seas
        and other broad regions named in passing: those count only when a fact involves them.
        Provinces and other regions inside one state are named for a reason and count."""
        footers = [(sent.start, sent.end) for sent in ctx.sentences if _CONTACT_LINE.search(sent.text)]
        for m in ctx.mentions:
            if m.code == "O" and m.name not in book.types and any(a <= m.start < b for a, b in footers):
                continue  # "Press Office | Ministry of Foreign Affairs of Romania | Tel. ...": who published it
            named_actor = (m.code in "SKPG" and m.kind != "initiative") or (
                m.code == "O" and m.kind != "media" and not _SOURCE_BODY.search(m.name)
                and not _GENERIC_BODY.fullmatch(m.name))
            if m.name in book.types or named_actor or (m.code == "R" and self._local(m)):
                book.add(m.name, m.type or "Organization", m.surface, m.start)

    def _local(self, m: Mention) -> bool:
        entry = self.gazetteer.get(m.name, "Region")
        return entry is None or bool(getattr(entry, "country", None))

    def _actors(self, ctx: DocumentContext, book: ActorBook, facts: DocumentFacts) -> list[Actor]:
        for office in facts.offices:
            book.add(office.person, "Person", None, 10**9)
        naming: dict[str, list[int]] = {}
        for i, masked in enumerate(ctx.masks):
            for m in masked.mentions:
                for name in {m.name, m.city}:
                    if name and (not naming.get(name) or naming[name][-1] != i):
                        naming.setdefault(name, []).append(i)
        out = []
        for name in sorted(book.types, key=lambda n: (book.first[n], n)):
            type_ = book.types[name]
            entry = self.gazetteer.get(name, type_)
            evidence = tuple(Evidence(ctx.doc.id, s.start, s.end, s.text, "mention")
                             for s in (ctx.sentences[i] for i in naming.get(name, ())[:5]))
            aliases = set(book.aliases.get(name, ()))
            aliases |= {folded for form in (name, *aliases) if (folded := ascii_fold(form)) != form}
            aliases.discard(name)
            out.append(Actor(name, type_, tuple(sorted(aliases)),
                             getattr(entry, "iso_code", None) if entry else None,
                             getattr(entry, "wikidata", None) if entry else None, evidence))
        return out


def _referenced_actors(ctx: DocumentContext, book: ActorBook, facts: DocumentFacts) -> None:
    """Every actor a fact names is an actor of the document. A fact can name one through the
    document's pair ("signed 12 agreements" with no party in the sentence) when the state itself
    was only named by an adjective, which alone does not make an actor: the fact makes it one."""
    referenced = [*(p for e in facts.events for p in (*e.participants, e.place) if p),
                  *(h for g in facts.goals for h in g.holders),
                  *(s for f in facts.figures for s in f.subjects),
                  *(s for r in facts.relations for s in r.subjects)]
    missing = {name for name in referenced if name not in book.types}
    for m in ctx.mentions:
        if m.name in missing:
            book.add(m.name, m.type or "Organization", m.surface, m.start)
            missing.discard(m.name)


def _outside_worded_threats(hits: list[Hit]) -> list[Hit]:
    """The hits but the threats inside a longer threat that keeps its own words ("sanctions
    pressure" within "the sanctions pressure of the collective West"): one threat, not two."""
    worded = [h for h in hits if h.rule.kind == "threat" and h.rule.emit["threat"] == "match"]
    if not worded:
        return hits
    return [h for h in hits if h.rule.kind != "threat" or not any(
        w is not h and w.sentence is h.sentence and w.start <= h.start and h.end <= w.end
        and w.end - w.start > h.end - h.start for w in worded)]


_CONVENING = re.compile(
    r"(?:to\s+)?(?:convene|convening|hold|holding|prepare|preparing|organi[sz]e|organi[sz]ing)\s+(?:the|a|an|its|their)\s+"
    r"(?:\S+\s+){0,4}?(?:meeting|session|summit|round|commission|committee|council|cabinet|working\s+group|BNC)s?\b",
    re.IGNORECASE)
"""A goal that is only to convene or prepare a meeting ("prepare the next joint meeting of the
Governments", "convene the 11th BNC"): the meeting is a planned event, and the gold of every
corpus here records it as one, not as an aim."""


_SO_FAR_THIS_YEAR = ("since the beginning of", "since the start of")
"""A figure measured "since the beginning of the year" is this year's so far: the time dates it."""


_AFTER_THE_TALKS = re.compile(r"\b(?:after|following|during|at the end of|in the course of|on the sidelines of) "
                              r"(?:the|their|these|his|her) (?:\S+ )?(?:talks|meeting|visit|negotiations|summit)\b",
                              re.IGNORECASE)
_OCCASIONS = frozenset({"Talks", "Meeting", "Visit", "Summit"})


def _dated_by_the_talks(events: list[Draft]) -> list[Draft]:
    """"After the talks, the presidents witnessed the signing of 30 documents": an undated event
    told as part of the talks, meeting or visit just reported takes that occasion's date."""
    for event in events:
        if event.fields["date"] or not event.evidence or not _AFTER_THE_TALKS.search(event.evidence[0].text):
            continue
        start = event.evidence[0].start
        earlier = [e for e in events if e.fields["type"] in _OCCASIONS and e.fields["date"] and e.evidence
                   and e.evidence[0].start <= start and e is not event and e.occasion is None]
        if earlier:
            event.fields["date"] = max(earlier, key=lambda e: e.evidence[0].start).fields["date"]
    return events


def _just_in(text: str, start: int, end: int) -> bool:
    """Whether only "in" or "for" stands between an amount and a time ("1.2 billion in 2021")."""
    return text[start:end].strip() in ("in", "for")


def _baseline_time(text: str, hit: Hit, tm: Mention, own: Mention) -> bool:
    """Whether a time dates another amount the figure is compared with: "from 1.2 billion in 2021"."""
    for q in hit.masked.mentions:
        if q is not own and q.code in _QUANTITY_CODES and 0 <= tm.start - q.end <= 5 \
                and _just_in(text, q.end, tm.start) \
                and _FROM_BEFORE_AMOUNT.search(text, max(0, q.start - 12), q.start):
            return True
    return False


_FROM_BEFORE_AMOUNT = re.compile(r"\bfrom\s+(?:(?:about|around|some|nearly|almost|roughly|over|just over|just under)"
                                 r"\s+)?$", re.IGNORECASE)
"""Before the amount a change starts from ("up from about 1.2 billion")."""


def _names_another_party(hit: Hit, pair: tuple[str, ...]) -> bool:
    """Whether the sentence names a state or body beyond the document's pair (then a one-sided
    export figure may be with that third party)."""
    return any(m.code in "SKAOG" and m.name not in pair for m in hit.masked.mentions)


def _deadline_after(text: str, hit: Hit, target: Mention) -> str | None:
    """The deadline written right after a target ("to $100 billion by 2025 and $150 billion by
    2030": each target its own)."""
    for tm in hit.masked.mentions:
        if tm.code in "YD" and tm.value is not None and 0 < tm.start - target.end <= 16 \
                and _DEADLINE_BEFORE.search(text, target.end, tm.start):
            return tm.value.value
    return None


def _future_year(ctx: DocumentContext, hit: Hit, part: tuple[int, int]) -> str | None:
    """A target's year when no "by" gives one: "expect trade to exceed $3 billion in 2025", a year
    after the document's, in the target's own clause."""
    doc_year = year_of(ctx.doc.published)
    if not doc_year:
        return None
    for tm in hit.masked.mentions:
        if tm.code != "Y" or tm.value is None or not part[0] <= tm.start < part[1] + 12:
            continue
        if ctx.text[max(0, tm.start - 3):tm.start].lower() == "in " and tm.value.value > doc_year:
            return tm.value.value
        if tm.value.value >= doc_year and _THIS_OR_NEXT_YEAR.match(ctx.text, tm.start):
            return tm.value.value  # "to open two new crossings this year"
    return None


_THIS_OR_NEXT_YEAR = re.compile(r"(?:this|next|the coming|the current)\s+year\b", re.I)


_PAIR_SUBJECT = re.compile(
    r"(?:(?:during|at|after|following|in the course of|on the sidelines of) (?:the )?[\w\s-]{1,40}?,? )?"
    r"(?P<subject>they|the (?:two|both) (?:" + _PAIR_NOUNS + r"|heads of state|prime ministers|foreign ministers)|"
    r"both (?:" + _PAIR_NOUNS + r")|the (?:sides|parties))\b", re.I)
"""A clause whose subject is the document's two sides, at the sentence's start after an opening
phrase ("During the visit, the two governments signed ...")."""

_SPEECH_VERB = re.compile(r" (?:said|says|told|noted|stressed|added|stated|announced|emphasi[sz]ed|declared|"
                          r"underlined|pointed out|recalled)\b")
_PLACEHOLDER = re.compile("\ue000([A-Z])(\\d+)\ue001")
_SUBJECT_NAME = "(?:(?:[A-Z][\\w'-]*|of|the) ){0,4}(?:\ue000[SKP]\\d+\ue001|\ue000A\\d+\ue001(?: [a-z]+){1,2})"
_NAMED_SUBJECT = re.compile(
    "[«“\"‘']?(?:[^,\ue000\ue001]{1,60}, )?(?:[Tt]he )?(?P<subject>" + _SUBJECT_NAME + "(?:(?:,| and|, and) (?:the )?"
    + _SUBJECT_NAME + ")*)(?= (?!(?:of|and|or|in|on|at|to|for|with|from|by|as|who|which|that)\\b)[a-z]+\\b)")
"""A sentence that opens with named states or people (titles allowed) and then a word in
lower case that does not carry the name on (a verb, mostly): the subject of what follows."""

_STATE_OR_REGION_CODES = frozenset("SKAGR")


def _acted_on(m: Mention) -> bool:
    """A state, region or intergovernmental body: what a pair named as subject acts with or on
    ("cooperation within the UN and the SCO"); bilateral bodies and people stay parties."""
    return m.code in _STATE_OR_REGION_CODES or (m.code == "O" and m.kind == "intergovernmental")


def _pair_subject(ctx: DocumentContext, hit: Hit) -> re.Match[str] | None:
    """The subject, when a sentence's subject is the pair ("They", "the two sides")
    and no state or body is named before it: the states and bodies named later are then what
    the pair acts on or with ("the two governments signed 26 memoranda, including one with
    Qatar"), not its parties. None otherwise, or when the document has no pair."""
    if len(ctx.pair) != 2:
        return None
    m = _PAIR_SUBJECT.match(ctx.text, hit.sentence.start)
    if m is None or hit.end <= m.start("subject"):
        return None  # the opening phrase's own fact ("During the visit")
    if any(x.start < m.end() and _acted_on(x) for x in hit.masked.mentions):
        return None
    return m


_YEAR_BEFORE_AFTER = re.compile(r"[^.;,]{0,20}?\b(?:the year before|a year earlier|the previous year|a year before)\b",
                                re.IGNORECASE)


def _year_before(text: str, value: Mention, date: str | None) -> str | None:
    """The year before the sentence's year for the baseline of a change ("1.4 billion dollars in
    2023, down from about 1.6 billion the year before": 1.6 billion is 2022's)."""
    if not date or not date[:4].isdigit():
        return date
    if _FROM_BEFORE_AMOUNT.search(text, max(0, value.start - 16), value.start) and _YEAR_BEFORE_AFTER.match(
            text, value.end):
        return str(int(date[:4]) - 1)
    return date


def _inside_a_name(text: str, m: Mention) -> bool:
    """Whether a mention stands between two capitalised words that are no titles, months or
    function words (persons.NOT_NAMES): part of a proper name."""
    before = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
    after = _WORD_AFTER.match(text, m.end)
    return bool(before and after and before.group(1) not in _NOT_NAME_WORDS and after.group(1) not in _NOT_NAME_WORDS)


def _said_in_full(office: Draft, drafts: list[Draft]) -> bool:
    """Whether a bare title ("Minister Gomes Cravinho thanked ...") shortens an office the
    document gives the same person in full ("Foreign Minister of Portugal"): one office, not two."""
    role = office.fields["role"]
    if " of " in role:
        return False
    for d in drafts:
        head = d.fields["role"].split(" of ")[0]
        if d.fields["person"] == office.fields["person"] and " of " in d.fields["role"] and (
                head == role or head.endswith(" " + role)):
            return True
    return False


def _after(value: str, published: str | None) -> bool:
    """Whether a date lies after the document's date, at the coarser of their two precisions."""
    if not published:
        return False
    common = min(len(value), len(published))
    return value[:common] > published[:common]


def _premise_end(text: str, hit: Hit) -> int:
    """Where the participle premise opening the hit's sentence ends (see _PREAMBLE): the last
    comma before the match; the sentence start when there is none."""
    start = hit.sentence.start
    head = text[start:hit.start]
    if not _PREAMBLE.match(head):
        return start
    comma = head.rfind(",")
    return start + comma if comma > 0 else start


_OPENING_PHRASE = re.compile(r"\W*(?:during|in the course of|on the sidelines of|after|following|at the end of|"
                             r"on the eve of|ahead of|before|at|on the occasion of)\b", re.IGNORECASE)
"""A sentence opening with a phrase that names an occasion ("During the visit, ..."): what comes
after its comma is the main clause, whose places are not the occasion's."""


def _place_near(hit: Hit, ahead: bool = True) -> Mention | None:
    """The city in the match's clause: "... in Nairobi", "... in the capital Ankara" right after
    the match (which may end on the "in"), else the nearest one before it ("will be in Astana on
    16 September for talks"). Not `ahead`: only one before it (a decision's place, not where what
    was decided is to happen: "In Tashkent they agreed to meet again in Osh")."""
    text = hit.masked.text
    start, end = hit.masked_span if hit.masked_span is not None else (0, 0)
    after = _PLACE_AFTER.search(text, max(0, end - 3), end + PLACE_REACH) if ahead else None
    if after is not None and _OPENING_PHRASE.match(text) and "," in text[end:after.start()] \
            and "," not in text[:end]:
        after = None  # "During the visit, Sharif addressed a forum in Shenzhen": the forum's place
    if after is not None and not _CLAUSE_BREAK.search(text, end, after.start()):
        return hit.masked.mentions[int(after.group(2))]
    before = None
    for pm in _PLACE_AFTER.finditer(text, max(0, start - PLACE_REACH), start):
        before = pm
    if before is not None and not _CLAUSE_BREAK.search(text, before.end(), start):
        return hit.masked.mentions[int(before.group(2))]
    return None


def _names(hit: Hit, name: str) -> bool:
    """Whether the sentence itself names the actor (not only through "I" or "we")."""
    return any(m.name == name for m in hit.masked.mentions)


_DECISION_VERBS = (r"(?:agreed|decided|instructed|pledged|resolved|called|urged|asked|invited|expressed|welcomed|"
                   r"noted|stressed|directed|tasked|committed)")
"""Finite verbs that open a new decision in a sentence ("… by 2030 and instructed the commission to …")."""
_DECISION_START = re.compile(r"(?:also\s+)?" + _DECISION_VERBS + r"\b")
_TO_ACTION = re.compile(r"\bto\s+((?-i:[a-z])[\w-]+)")
"""Where the action of a decision begins: "instructed the commission to prepare a roadmap"."""
_COORDINATION = re.compile(r",?\s+and\s+to\s+|,\s+(?:and\s+)?to\s+(?!" + _AMOUNT_AHEAD + r")|;\s+(?:and\s+)?(?:to\s+)?"
                           r"|,?\s+and\s+of\s+(?=[a-z]+ing\b)|,?\s+and\s+(?=(?:also\s+)?" + _DECISION_VERBS + r"\b)")
"""Where coordinated aims split. ", to" before an amount is no new aim: it is the target after a
relative clause ("to raise trade, which reached $1 billion in 2023, to $2 billion")."""


def _coordinated_parts(text: str, start: int, end: int, coordination: re.Pattern[str] = _COORDINATION
                       ) -> list[tuple[int, int]]:
    """Spans of "A, and to B; C" as separate goals: coordinated infinitives name separate aims."""
    parts = []
    pos = start
    for m in coordination.finditer(text, start, end):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, end))
    return [(s, e) for s, e in parts if e > s]


def _clause_end(stops: str, joins: str) -> re.Pattern[str]:
    """Where a goal's words end: a full stop that is no decimal point, a line break, a quote, one of
    `stops`, a comma before one of `joins`, or a dash that does not join two names."""
    return re.compile(rf"(?<!\d)\.|\.(?!\d)|[{stops}\u201c\u201d\"«»\n]|,\s+(?:{joins})\b|\s[\u2013\u2014]\s(?![A-Z])")


_CLAUSE_END = _clause_end(";!?", "which|who|while|and|but|said|adding")


_QUANTITY_CODES = frozenset("MUQXNC")


def _target_clause(text: str, start: int, target: Mention, coordination: re.Pattern[str] = _COORDINATION
                   ) -> tuple[int, int]:
    """The span of a quantified goal's words: from the coordinated part holding the target ("… and to
    triple exports") to the end of its clause, so the deadline after the target is kept."""
    parts = _coordinated_parts(text, start, target.end, coordination)
    part_start = next((s for s, e in reversed(parts) if s <= target.start), start)
    end = _CLAUSE_END.search(text, target.end)
    stop = end.start() if end and end.start() - target.end < 120 else min(len(text), target.end + 60)
    further = coordination.search(text, target.end, stop)  # "… by 2027 and of concluding …": the next aim
    return part_start, further.start() if further else stop


_AIMS_END = _clause_end("!?", "which|who|while|but|said|adding")


def _further_aims(text: str, target_end: int, coordination: re.Pattern[str]) -> list[tuple[int, int]]:
    """The aims coordinated after a quantified one, up to the end of the list: "to double trade by
    2027 and to conclude a fisheries agreement" names a second, qualitative goal."""
    end = _AIMS_END.search(text, target_end)
    stop = end.start() if end else len(text)
    return _coordinated_parts(text, target_end, stop, coordination)[1:]


_CLAUSE_OPENING = re.compile(r"(?:^|[,;:(«“\"]|\s[\u2013\u2014])\s*(?:and |but |while |as |that )?")


def _clause_start(text: str, floor: int, start: int, max_words: int = 10) -> int:
    """Where the clause holding `start` begins (at most `max_words` words back, not before `floor`)."""
    window = text[floor:start]
    last = 0
    for m in _CLAUSE_OPENING.finditer(window):
        last = m.end()
    words = list(_NON_SPACE.finditer(window[last:]))
    if len(words) > max_words:
        last += words[-max_words].start()
    return floor + last


_QUOTE_PAIRS = (("\u201c", "\u201d"), ("«", "»"), ('"', '"'))


def _clean_goal_text(text: str) -> str:
    """The words without the punctuation around them, but a quoted name at the end keeps its
    closing quote ("… to a "Comprehensive Strategic Partnership"")."""
    cleaned = _WS.sub(" ", text).strip(" ,.;:–—-\"'«»“”")
    last = text.rstrip(" ,.;:")[-1:]
    for opening, closing in _QUOTE_PAIRS:
        if last == closing and _left_open(cleaned, opening, closing):
            return cleaned + closing
    return cleaned


def _left_open(text: str, opening: str, closing: str) -> bool:
    if opening == closing:
        return text.count(opening) % 2 == 1
    return text.count(opening) > text.count(closing)


_ASCII_PUNCTUATION = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2019": "'", "\u2018": "'",
                                    "\u201c": '"', "\u201d": '"'})


def ascii_fold(text: str) -> str:
    """"Chișinău" -> "Chisinau": texts and tools spell names with and without diacritics; a dash
    becomes a hyphen rather than nothing ("Ukraine–Poland Commission")."""
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_PUNCTUATION))
    return folded.encode("ascii", "ignore").decode("ascii") or text


def _unique(items):
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def _signed_quantity(hit: Hit) -> str | None:
    """What tells one signing from another in a document: how many documents ("12 documents were
    signed") or what they are worth ("agreements worth $2.3 billion"). Two signings with different
    counts or values are two events; the restatement of one ("the 12 documents") merges."""
    for m in hit.masked.mentions:
        if hit.start <= m.start < hit.end and m.value is not None and m.code in "CM":
            return f"{'count' if m.code == 'C' else 'amount'}:{m.value.value}"
    return None


def _as_title(words: str) -> str:
    """A title the gazetteer does not list, as written but capitalised: "Minister of Culture,
    Youth and Sport" keeps its small words small."""
    words = _WS.sub(" ", words).strip()
    return words[:1].upper() + words[1:]


def _opening_date(ctx: DocumentContext, index: int) -> str | None:
    """The time a sentence opens with ("In October 2021, …"), which the story told in the next
    sentences keeps until it names another."""
    sentence = ctx.sentences[index]
    first = next((m for m in ctx.masks[index].mentions if m.code in "YD" and m.value is not None), None)
    if first is None or not _OPENING_TIME.fullmatch(ctx.text, sentence.start, first.start):
        return None
    return first.value.value


def _own_stretch(hit: Hit, group_m: Mention, groups: list[str | None]) -> tuple[int, int]:
    """The words from one `each` slot's mention to the next one's (or the sentence's end): where
    a time that belongs to that part alone is written."""
    starts = sorted(m.start for g in groups if g and (m := hit.mention(g)) is not None)
    end = next((s for s in starts if s > group_m.start), hit.sentence.end)
    return group_m.start, end


def _rate(text: str, quantity: Mention, unit: str | None) -> str | None:
    """A unit as a rate when "per" follows the quantity ("60 per week": flights per week)."""
    rate = _PER_PERIOD.match(text, quantity.end) if unit else None
    return f"{unit} per {rate.group(1).lower()}" if rate else unit


def _counted_unit(hit: Hit, unit: str | None) -> str | None:
    """A rule's unit: literal words, or a slot holding the counted noun ("the number of direct
    flights to 30": flights), whose last word is the unit."""
    if unit and unit in hit.slots:
        words = (hit.words(unit) or "").split()
        return words[-1].lower() if words else None
    return unit


def _count_heads(nouns: list[str]) -> dict[str, str]:
    """Each countable noun's head: what it ends with that is itself countable ("investment
    agreements" -> agreements, "border checkpoints" -> checkpoints), or what comes before "of"
    ("memoranda of understanding" -> memoranda). "cubic metres" stays whole: "metres" alone is
    not listed. Figures of one kind of thing then share a unit across documents."""
    listed = {n.lower() for n in nouns}
    heads: dict[str, str] = {}
    for noun in listed:
        head = noun.split(" of ", 1)[0]
        words = head.split()
        shorter = [" ".join(words[i:]) for i in range(1, len(words))
                   if " ".join(words[i:]) in listed and words[-1] != "people"]  # "young people" is its own
        heads[noun] = shorter[-1] if shorter else head
    return heads


def _unit_of(m: Mention, ctx: DocumentContext) -> str | None:
    """A quantity's unit; an amount without currency takes the nearest currency named before it in
    the sentences around it (CURRENCY_REACH), and a currency word several states use ("dirhams")
    is read as the currency of the document's states when one of them uses it."""
    q = m.value
    if m.code == "C":
        return m.kind
    if q.word and q.word in ctx.currencies:
        by_state = ctx.currencies[q.word]
        for state in ctx.pair:
            if state in by_state:
                return by_state[state]
    if q.unit:
        return q.unit
    if m.code != "U":
        return None
    counted = _COUNTED_BEFORE.search(ctx.text, max(0, m.start - 60), m.start)
    if counted and not any(o.code == "M" and counted.start() <= o.start < m.start for o in ctx.mentions):
        return counted.group(1).lower()  # "Korean visitors to Vietnam numbered 3.6 million": visitors, not dollars
    sentences = [s for s in ctx.sentences if s.end > m.start - CURRENCY_REACH and s.start <= m.end]
    start = sentences[0].start if sentences else m.start
    end = sentences[-1].end if sentences else m.end
    best = None
    for other in ctx.mentions:
        if other.code == "M" and other.value is not None and other.value.unit and start <= other.start < end:
            if other.start < m.start:
                best = other.value.unit
            elif best is None:
                return other.value.unit
    return best
