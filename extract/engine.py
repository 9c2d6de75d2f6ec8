"""The extractor: one document in, its facts out.

The stages, each a pass over the whole document so that the cost stays linear:
1. sentences (offsets), gazetteer actors, discovered organisations and regions, times, quantities;
2. people: title rules discover names and roles, which are then looked for everywhere in the text,
   and titles without a name ("the Uzbek leader") are resolved to whoever held the office;
3. fact rules run on masked sentences; `assemble` turns their hits into deduplicated facts.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .assemble import STATE_CODES, Assembler
from .gazetteer import Gazetteer
from .hits import Hit
from .masking import Masked, mask
from .matcher import match_rules, topics_in_counts
from .mentions import (
    Mention,
    abbreviated_orgs,
    build_matcher,
    discover_orgs,
    discover_regions,
    discover_towns,
    media_regex,
    merge_org_names,
    org_regex,
    prefer_gazetteer_orgs,
    region_regex,
    resolve_overlaps,
)
from .model import Document, DocumentFacts, Sentence
from .persons import (
    PATRONYMIC_AFTER_NAME,
    Person,
    PersonIndex,
    clean_name,
    find_words,
    link_to_gazetteer,
    name_forms,
    same_person,
)
from .prefilter import Prefilter
from .quantities import WORD_NUMBERS, find_quantities
from .rules import CLOSE, OPEN, Rule, RuleSet, load_rules, words_regex
from .sentences import split_sentences
from .timex import find_timexes

QUANTITY_CODES = {"money": "M", "amount": "U", "percent": "Q", "multiple": "X", "number": "N"}
FACT_KINDS = ("event", "goal", "figure", "relation", "topic", "threat")
_PRIVATE = re.compile("[\ue000\ue001]")
_WS = re.compile(r"\s+")
_ABBREVIATION = re.compile(r"['’]?s?\s*\(([A-Z]{2,5})\)")
_NAME_AFTER = re.compile(r",?\s*(?:Mr\.?\s+|Mrs\.?\s+)?[A-Z][a-z]")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_SPEECH = re.compile(
    rf"{OPEN}P(\d+){CLOSE}\s+(?:said|says|told|added|noted|stressed|stated|emphasized|emphasised|underlined)\b"
    rf"|\b(?:said|says|told|added|noted|stressed|stated)\s+{OPEN}P(\d+){CLOSE}",
    re.IGNORECASE,
)


_JOINED_MEASURES = r"kilometres?|kilometers?|km|megawatts?|MW|gigawatts?|GW|miles?"
"""Measures written joined to their number by a hyphen ("a 2,000-kilometre frontier")."""

class Extractor:
    """Holds the compiled gazetteer and rules; `extract` is then a pure function of a document."""

    def __init__(self, gazetteer: Gazetteer | None = None, ruleset: RuleSet | None = None,
                 rules_dirs: Sequence[str | Path] = (), gazetteer_dirs: Sequence[str | Path] = ()) -> None:
        """Loading makes a quarter of a million objects that live as long as the extractor: with the
        cyclic collector paused meanwhile, start-up takes about a third less, and `gc.freeze`
        afterwards spares every later full collection from walking them again (a few percent of
        extraction time; objects frozen are still freed by reference counting)."""
        with _collector_paused():
            self._load(gazetteer, ruleset, rules_dirs, gazetteer_dirs)
        gc.freeze()

    @classmethod
    def load(cls, rules_dirs: Sequence[str | Path] = (), gazetteer_dirs: Sequence[str | Path] = ()) -> Extractor:
        """Extractor(rules_dirs=..., gazetteer_dirs=...), taken from the snapshot a previous process
        left in the cache folder when there is one (extract.snapshot): a new process starts in about
        0.15 s instead of 2 s, which every worker of a parallel build pays before its first document."""
        from .snapshot import cached, snapshot_path

        with _collector_paused():
            extractor = cached(lambda: cls(rules_dirs=rules_dirs, gazetteer_dirs=gazetteer_dirs),
                               snapshot_path(rules_dirs, gazetteer_dirs))
        gc.freeze()
        return extractor

    def _load(self, gazetteer: Gazetteer | None, ruleset: RuleSet | None,
              rules_dirs: Sequence[str | Path], gazetteer_dirs: Sequence[str | Path]) -> None:
        self.gazetteer = gazetteer or Gazetteer.load(gazetteer_dirs)
        self.ruleset = ruleset or load_rules(rules_dirs, titles=self.gazetteer.titles)
        self.actor_matcher = build_matcher(self.gazetteer.entries, self.ruleset.lists.get("global_org_words", ()),
                                           _person_states(self.gazetteer))
        lists = self.ruleset.lists
        tail_words = list(lists.get("org_tail_words", ()))
        for e in self.gazetteer.entries:
            if e.type == "Country":  # "... of Uzbekistan", "Confederation of Moroccan Enterprises"
                tail_words.extend((e.name, *e.aliases, *getattr(e, "adjectives", ())))
        self.org_re = org_regex(lists.get("org_heads", ["Ministry", "Committee"]), tail_words)
        self.media_re = media_regex(lists.get("media_heads", ["newspaper"]))
        self.region_re = region_regex(lists.get("region_heads", ["region", "province"]))
        nouns = words_regex(self.ruleset.count_nouns) if self.ruleset.count_nouns else r"(?!x)x"
        # The words between a number and its noun qualify the noun ("40 joint ventures"): never
        # another number ("two presidents signed two agreements" counts agreements once) or a
        # noun that a number counts on its own ("two leaders"); two qualifiers may be joined by
        # "and" ("150 Brazilian and Angolan companies", "12 intergovernmental and interagency
        # documents"). The search is lazy, so "5 agreements and memoranda" counts agreements. A
        # determiner starts another phrase: "since 1996 its companies" counts no companies.
        numbers = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
        not_qualifier = (r"(?!(?:of|the|and|in|to|for|with|from|by|at|on|a|an|than|per|or|its|their|our|his|her|"
                         r"these|those|this|that|which|who|countries|states|sides|"
                         r"nations|governments|leaders|presidents|ministers|heads|delegations|parties|years|days|"
                         rf"months|weeks|{numbers})\b|\d)")
        # a measure joined to its number ("the 1,365-kilometre border", "a 2,000-MW line") counts too
        self.count_tail = re.compile(
            rf"(?:\s+(?:{not_qualifier}[\w\-]+\s+(?:and\s+{not_qualifier})?){{0,3}}?(?P<noun>{nouns})"
            rf"|-(?P<noun2>{_JOINED_MEASURES}))(?![\w\-])", re.IGNORECASE)
        self.state_forms: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        for e in self.gazetteer.entries:
            if e.type == "Country":
                for form in (e.name, *e.aliases, *getattr(e, "capitals", ())):
                    self.state_forms[_norm(form)] = e.name
                for adjective in getattr(e, "adjectives", ()):
                    self.adjectives.setdefault(adjective, e.name)
        self.role_of_title: dict[str, str] = {}
        for role, forms in self.gazetteer.titles.items():
            for form in forms:
                self.role_of_title.setdefault(_norm(form), role)
        self.abbreviated_roles = {tf.text: (tf.role, tf.state) for tf in self.gazetteer.title_forms
                                  if tf.text.isupper() and 2 <= len(tf.text) <= 4}
        """Title abbreviations ("EAM", "PM", "FM") and the roles they stand for."""
        self.rules = {kind: self.ruleset.of_kind(kind) for kind in ("person", *FACT_KINDS)}
        ordered = [r for kind in ("person", *FACT_KINDS) for r in self.rules[kind]]
        self.prefilter = Prefilter(ordered)
        self.person_rules = frozenset(i for i, r in enumerate(ordered)
                                      if r.kind == "person" and not r.emit.get("resolve"))
        self.resolve_rules = frozenset(i for i, r in enumerate(ordered) if r.kind == "person" and r.emit.get("resolve"))
        self.fact_rules = frozenset(i for i, r in enumerate(ordered) if r.kind != "person")
        self.assembler = Assembler(self.gazetteer, self.ruleset)
        self.person_index = PersonIndex(self.gazetteer.entries)

    # --- stage 1: what is in the text --------------------------------------------------------
    def _base_mentions(self, text: str, published: str | None) -> list[Mention]:
        actors = self.actor_matcher.find(text)
        discovered = discover_orgs(text, self.org_re, self.media_re, self.state_forms, self.adjectives)
        discovered = prefer_gazetteer_orgs(discovered, actors)
        merge_org_names(discovered)
        discovered += discover_regions(text, self.region_re, self.adjectives)
        discovered += discover_towns(text)
        times = [Mention(t.start, t.end, "Y" if t.granularity == "year" else "D", surface=text[t.start:t.end],
                         value=t) for t in find_timexes(text, published)]
        quantities: list[Mention] = []
        for q in find_quantities(text):
            code = QUANTITY_CODES[q.kind]
            end, unit = q.end, q.unit
            if q.kind in ("number", "amount"):  # "40 companies", "1.2 million Emirati visitors"
                tail = self.count_tail.match(text, q.end)
                if tail and not _names_no_count(text, q.start, q.end):
                    code, end, unit = "C", tail.end(), (tail.group("noun") or tail.group("noun2")).lower()
            quantities.append(Mention(q.start, end, code, surface=text[q.start:end], value=q, kind=unit))
        found = actors + discovered
        return resolve_overlaps(found + abbreviated_orgs(text, found) + times + quantities)

    # --- stage 2: people ------------------------------------------------------------------------
    def _people(self, doc: Document, text: str, sentences: list[Sentence], mentions: list[Mention],
                by_sentence: list[list[Mention]], masks: SentenceMasks
                ) -> tuple[list[Mention], dict[str, Person], list[Hit]]:
        persons: dict[str, Person] = {}
        for m in mentions:
            if m.code == "P":
                persons.setdefault(m.name, Person(m.name)).forms.add(m.surface)
        hits: list[Hit] = []
        discovered: list[tuple[str, Hit]] = []
        for sentence, sent_mentions in zip(sentences, by_sentence, strict=True):
            masked, rules = masks.rules(sentence, sent_mentions, self.person_rules)
            for hit in match_rules(rules, sentence, masked, text):
                name_value = hit.slots.get(hit.rule.emit.get("name", "name"))
                if isinstance(name_value, Mention):
                    hits.append(hit)
                    hit.extra["person"] = name_value.name
                elif isinstance(name_value, str):
                    cleaned = clean_name(name_value)
                    if cleaned:
                        discovered.append((cleaned, hit))
        known_at = {m.start: m for m in mentions if m.code == "P"} if discovered else {}
        # longer names first, so "President Samia" joins "Samia Suluhu Hassan" named elsewhere
        for cleaned, hit in sorted(discovered, key=lambda p: -len(p[0])):
            state_m = hit.mention("state")
            state = state_m.name if state_m is not None else None
            known = _surname_after(text, hit, known_at)
            canonical = known or self._canonical_person(cleaned, persons, state, doc.published)
            person = persons.setdefault(canonical, Person(canonical))
            person.forms |= name_forms(cleaned) | name_forms(canonical)
            abbreviation = _ABBREVIATION.match(text[hit.end:hit.end + 10])
            if abbreviation:
                person.forms.add(abbreviation.group(1))
            hit.extra["person"] = canonical
            hits.append(hit)
        for name, person in persons.items():
            entry = self.gazetteer.get(name, "Person")
            if entry is not None:
                person.forms |= {a for a in entry.aliases if len(a) > 3}
                person.forms |= name_forms(name)
                person.wikidata = entry.wikidata
        # a surname alone goes first to someone the document names in full ("Minister of Culture
        # Anar Karimov ... Karimov said"), not to a known person it names only by that surname
        in_full = {m.name for m in mentions if m.code == "P" and " " in m.surface.strip()}
        in_full.update(hit.extra["person"] for hit in hits)
        ranked = dict(sorted(persons.items(), key=lambda item: item[0] not in in_full))
        rescanned = self._rescan_people(text, ranked)
        mentions = resolve_overlaps(rescanned + mentions)
        return mentions, persons, hits

    def _canonical_person(self, name: str, persons: dict[str, Person], state: str | None, on: str | None) -> str:
        for known, person in persons.items():
            if same_person(name, known, person.forms):
                return known
        entry = link_to_gazetteer(name, self.gazetteer, self.person_index, state, on)
        return entry.name if entry is not None else name

    def _rescan_people(self, text: str, persons: dict[str, Person]) -> list[Mention]:
        forms: dict[str, str] = {}
        for name, person in persons.items():
            for form in person.forms:
                forms.setdefault(form, name)
        if not forms:
            return []
        out = [Mention(start, start + len(form), "P", name, "Person", form)
               for form, name in forms.items() for start in find_words(text, form)]
        firsts = {name.split()[0]: name for name in persons if " " in name}
        for m in PATRONYMIC_AFTER_NAME.finditer(text):
            if m.group("first") in firsts:
                out.append(Mention(m.start(), m.end(), "P", firsts[m.group("first")], "Person", m.group(0)))
        return out

    def _resolve_titles(self, doc: Document, text: str, sentences: list[Sentence], by_sentence: list[list[Mention]],
                        persons: dict[str, Person], masks: SentenceMasks) -> tuple[list[Mention], list[Hit]]:
        """Titles without a name ("the Head of Uzbekistan") -> the office holder at the doc date."""
        found: list[Mention] = []
        hits: list[Hit] = []
        for sentence, sent_mentions in zip(sentences, by_sentence, strict=True):
            masked, rules = masks.rules(sentence, sent_mentions, self.resolve_rules)
            for hit in match_rules(rules, sentence, masked, text):
                after = text[hit.end:hit.end + 40]
                if _NAME_AFTER.match(after) or any(
                        m.code == "P" and 0 <= m.start - hit.end <= 3 for m in sent_mentions):
                    continue
                state_m = hit.mention("state")
                role = self.role_of_title.get(_norm(hit.words("role") or ""))
                if state_m is None or role is None:
                    continue
                holder = self.gazetteer.holder(role, state_m.name, doc.published)
                if holder is None and role == "President":
                    for alt in ("King", "Emir", "Sultan", "Supreme Leader"):
                        holder = self.gazetteer.holder(alt, state_m.name, doc.published)
                        if holder:
                            break
                if holder is None:
                    continue
                held = [o.role for o in self.gazetteer.offices_of(holder) if o.state == state_m.name]
                role = held[-1] if held and role not in held else role
                surface = _LEADING_THE.sub("", hit.text)
                start = hit.end - len(surface)
                found.append(Mention(start, hit.end, "P", holder, "Person", surface))
                persons.setdefault(holder, Person(holder)).forms.add(surface)
                hit.extra["person"] = holder
                hit.extra["role"] = role
                hits.append(hit)
        return found, hits

    def _abbreviated_titles(self, text: str, person_hits: list[Hit]) -> list[Mention]:
        """A title abbreviation standing alone ("EAM called on the Sultan", "the PM said") is the one
        person the document has introduced with that role; with two or none it names no one."""
        holders: dict[str, set[str]] = {}
        for hit in person_hits:
            role = self.role_of_title.get(_norm(hit.words("role") or ""))
            if role and hit.extra.get("person"):
                holders.setdefault(role, set()).add(hit.extra["person"])
        out: list[Mention] = []
        for abbreviation, (role, state) in self.abbreviated_roles.items():
            if abbreviation not in text:
                continue
            people = holders.get(role, set())
            if state:  # "EAM" is India's foreign minister only
                people = {p for p in people if any(o.state == state and o.role == role
                                                   for o in self.gazetteer.offices_of(p))}
            if len(people) != 1:
                continue
            person = next(iter(people))
            for m in re.finditer(rf"(?<![\w\-.]){re.escape(abbreviation)}(?![\w\-])", text):
                if not _NAME_AFTER.match(text, m.end()):
                    out.append(Mention(m.start(), m.end(), "P", person, "Person", abbreviation))
        return out

    # --- the whole document -------------------------------------------------------------------------
    def extract(self, doc: Document) -> DocumentFacts:
        """The facts of one document (a pure function of the document and the loaded rules).

        The cyclic collector is paused meanwhile: a document makes tens of thousands of short-lived
        objects (mentions, masks, matches, hits, drafts), all freed by reference counting, and
        while they are alive each young-generation collection walks them in vain (about one a
        document, and the older generations' with them: some 8% of extraction time). Counted
        allocations are net of frees, so afterwards the collector sees only what survives."""
        with _collector_paused():
            return self._extract(doc)

    def _extract(self, doc: Document) -> DocumentFacts:
        text = _PRIVATE.sub(" ", doc.text)  # same length: offsets into `text` are offsets into the document
        sentences = split_sentences(text)
        if text != doc.text:  # evidence quotes the document as it is, placeholder characters and all
            sentences = [Sentence(s.index, s.start, s.end, doc.text[s.start:s.end]) for s in sentences]
        mentions = self._base_mentions(text, doc.published)
        by_sentence = _by_sentence(sentences, mentions)
        cache = SentenceMasks(text, sentences, self.prefilter)
        mentions, persons, person_hits = self._people(doc, text, sentences, mentions, by_sentence, cache)
        by_sentence = _by_sentence(sentences, mentions)
        resolved, title_hits = self._resolve_titles(doc, text, sentences, by_sentence, persons, cache)
        resolved += self._abbreviated_titles(text, person_hits)
        if resolved:
            mentions = resolve_overlaps(resolved + mentions)
            by_sentence = _by_sentence(sentences, mentions)
        masks: list[Masked] = []
        hits: dict[str, list[Hit]] = {kind: [] for kind in FACT_KINDS}
        for sentence, sent_mentions in zip(sentences, by_sentence, strict=True):
            masked, rules = cache.rules(sentence, sent_mentions, self.fact_rules)
            masks.append(masked)
            for hit in match_rules(rules, sentence, masked, text):
                hits[hit.rule.kind].append(hit)
            hits["topic"].extend(topics_in_counts(rules, sentence, masked))
        interviewee = _interviewee(hits["event"])
        context = DocumentContext(doc, text, sentences, masks, mentions, persons,
                                  speaker=interviewee or _most_quoted(masks),
                                  pair=_pair(mentions), leaders=_leaders(mentions), interviewee=interviewee)
        context.currencies = self.ruleset.currencies
        return self.assembler.assemble(context, person_hits + title_hits, hits)


class DocumentContext:
    """What assembly needs to know about the document beyond the hits themselves."""

    def __init__(self, doc: Document, text: str, sentences: list[Sentence], masks: list[Masked],
                 mentions: list[Mention], persons: dict[str, Person], speaker: str | None,
                 pair: tuple[str, ...], leaders: tuple[str, ...] = (), interviewee: str | None = None) -> None:
        self.doc = doc
        self.text = text
        self.sentences = sentences
        self.masks = masks
        self.mentions = mentions
        self.persons = persons
        self.speaker = speaker
        self.pair = pair
        self.leaders = leaders
        """The two persons named most often: who "the two leaders" are."""
        self.interviewee = interviewee
        """Whom the document interviews: "we" and "our" in an interview are that person's state."""
        self.currencies: dict[str, dict[str, str]] = {}
        self.named_states = frozenset(m.name for m in mentions if m.code in STATE_CODES)
        """The states the document names, which a person's gazetteer offices are read against."""
        self.office_states: dict[str, list[str]] = {}
        """Person -> the states of the offices the document gives them (assemble fills it first)."""
        self.aside: dict[int, bool] = {}
        """Mention start -> whether the mention is no party to a fact of its sentence (assemble's
        `_aside`), worked out once per document rather than once per hit."""


class SentenceMasks:
    """The masked sentences of one document and the rules worth running on each.

    The stages (people, titles, facts) ask for the same sentence with the same mentions more
    often than not: its mask and the prefilter's verdict on it (which rules of any kind may
    match) are made once per set of mentions, and each stage takes the rules of its kind."""

    def __init__(self, text: str, sentences: list[Sentence], prefilter: Prefilter) -> None:
        self.text = text
        self.prefilter = prefilter
        # the text the masks are made of: a space in a required string stands for whitespace
        # there, where the document may have a placeholder character (see Extractor.extract)
        self.plain = [prefilter.plain(text[s.start:s.end]) for s in sentences]
        self._made: dict[tuple[int, tuple[int, ...]], tuple[Masked, frozenset[int]]] = {}

    def rules(self, sentence: Sentence, mentions: list[Mention], allowed: frozenset[int]
              ) -> tuple[Masked, list[Rule]]:
        """The sentence masked with its mentions, and the rules among `allowed` worth running on it."""
        key = (sentence.start, tuple(map(id, mentions)))
        made = self._made.get(key)
        if made is None:
            masked = mask(self.text, sentence.start, sentence.end, mentions)
            passing = self.prefilter.passing(self.plain[sentence.index], masked.text, masked.letters)
            made = self._made[key] = (masked, passing)
        masked, passing = made
        return masked, self.prefilter.ordered(passing & allowed)


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _names_no_count(text: str, start: int, end: int) -> bool:
    """Whether the number text[start:end], though a countable noun follows, counts nothing: a
    number word after a definite ("the two regions"), a year after a preposition ("for 2022
    projects a deficit")."""
    number, window = text[start:end], max(0, start - 8)
    return bool((number.isalpha() and _DEFINITE_BEFORE.search(text, window, start))
                or (_YEARLIKE.fullmatch(number) and _PREPOSITION_BEFORE.search(text, window, start)))


_YEARLIKE = re.compile(r"(?:19|20)\d\d")
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|in|since|by|until|till|from|of|during|before|after|to)\s+$", re.IGNORECASE)
"""Before a number that reads as a year ("the budget for 2022 projects a deficit"), these make it
the year, not a count of 2,022 projects."""
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|our|all)\s+$", re.IGNORECASE)
"""Before a number word, these make "the two regions" a reference to known things, not a count."""


def _norm(text: str) -> str:
    return _WS.sub(" ", text.replace("\u2019", "'")).strip().lower()


def _surname_after(text: str, hit: Hit, known_at: dict[int, Mention]) -> str | None:
    """The known person whose surname directly follows a title's name when the name caught is
    their given name spelled another way ("Prime Minister Luvsannamsrai Oyun-Erdene", where the
    gazetteer has Luvsannamsrain Oyun-Erdene and the surname was already found): one person,
    not a second one called by the given name alone. Same initial, as `_another_given_name` asks."""
    span = hit.extra.get(f"{hit.rule.emit.get('name', 'name')}.span")
    if not span:
        return None
    start, end = span
    rest = text[end:end + 3]
    spaces = len(rest) - len(rest.lstrip(" "))
    after = known_at.get(end + spaces) if spaces else None
    if after is None or not text[start:end].strip():
        return None
    return after.name if text[start] == after.name[0] else None


def _person_states(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """Each known person's states: those of their offices, and their nationality."""
    return {e.name: frozenset({o.state for o in gazetteer.offices_of(e.name) if o.state}
                              | ({e.country} if e.country else set()))
            for e in gazetteer.entries if e.type == "Person"}


def _by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by the sentence that wholly contains them (both lists sorted)."""
    out: list[list[Mention]] = [[] for _ in sentences]
    i = 0
    for si, s in enumerate(sentences):
        while i < len(mentions) and mentions[i].start < s.start:
            i += 1
        j = i
        while j < len(mentions) and mentions[j].start < s.end:
            if mentions[j].end <= s.end:
                out[si].append(mentions[j])
            j += 1
        i = j
    return out


def _interviewee(event_hits: list[Hit]) -> str | None:
    """The person an interview is with: the one the interview's words name ("… talked to
    Dovletgeldi Annayev"), else the first named in its sentence (not "Two days after President
    Yoon left Ashgabat, …")."""
    for hit in event_hits:
        if hit.rule.emit.get("type") == "Interview":
            people = [m for m in hit.masked.mentions if m.code == "P"]
            named = hit.mention("person")
            inside = [m for m in people if hit.start <= m.start < hit.end]
            chosen = named if named is not None and named.code == "P" else (inside or people or [None])[0]
            if chosen is not None:
                return chosen.name
    return None


def _most_quoted(masks: list[Masked]) -> str | None:
    """Who speaks in the first person where no one is interviewed: the person most often quoted."""
    said: Counter[str] = Counter()
    for masked in masks:
        if "P" not in masked.letters:
            continue  # both ways of quoting name a person's placeholder: no scan needed without one
        for m in _SPEECH.finditer(masked.text):
            index = m.group(1) or m.group(2)
            said[masked.mentions[int(index)].name] += 1
    if said:
        return said.most_common(1)[0][0]
    return None


def _pair(mentions: list[Mention]) -> tuple[str, ...]:
    """The document's main pair: the two states named most often (first named wins ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.type == "Country" and m.code in "SKA":
            counts[m.name] += 1
            first.setdefault(m.name, m.start)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return tuple(ranked[:2])


def _leaders(mentions: list[Mention]) -> tuple[str, ...]:
    counts: Counter[str] = Counter(m.name for m in mentions if m.code == "P")
    return tuple(name for name, _ in counts.most_common(2))

