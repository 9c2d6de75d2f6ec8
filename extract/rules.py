"""Rule files: the extraction patterns as data an analyst can read and extend.

A rule file is YAML with `rules:` (and optionally `lists:` of named word lists). Each rule has a
stable `id`, a `kind` (person, event, goal, figure, relation, topic, threat), a `pattern` and what
it emits. Patterns are Python regular expressions over the sentence with three additions:

* `{slot}` or `{slot:name}` stands for something recognised before the rules run: an actor
  (`{state}`, `{person}`, `{org}`, `{place}`…), a quantity (`{money}`, `{percent}`, `{count}`…),
  a time (`{year}`, `{date}`), a word from a lexicon (`{metric}`, `{title}`, or any list under
  `lists:`), a person-shaped `{name}`, or a `{clause}` (words up to the end of the clause);
* `...` is a gap of up to eight words;
* a space matches any run of whitespace. Matching ignores case.

Rules are validated when loaded: an unknown key, an unknown slot, a bad regular expression or an
emit field naming a slot the pattern lacks is a `DataError` naming the file, the line and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .lead import Scan, compiled
from .model import EVENT_TYPES, TOPICS
from .trie import trie_regex
from .yaml_lines import DataError, LineDict, line_of, load_yaml

KINDS = ("person", "event", "goal", "figure", "relation", "topic", "threat")

OPEN, CLOSE = "\ue000", "\ue001"
"""Private-use characters around each placeholder in a masked sentence (stripped from input)."""

MENTION_CODES: dict[str, str] = {
    "country": "S", "capital": "K", "adj": "A", "state": "SKA", "person": "P", "org": "OG", "igo": "G",
    "region": "R", "city": "IK", "place": "SKIR", "actor": "SKAPOGRI", "party": "SKAPOG",
    "money": "MU", "amount": "U", "percent": "Q", "multiple": "X", "count": "C", "number": "N",
    "quantity": "MUQXC", "year": "Y", "date": "YD",
}
"""Slot type -> placeholder letters it accepts. Letters: S country named, K capital, A adjective or
demonym, P person, O organisation, G intergovernmental organisation, R region, I city, M money,
U amount without currency, Q percent, X multiple, C count (number + countable noun), N other
number, Y year, D finer date."""

HONORIFICS_RE = (r"(?:Mr|Mrs|Ms|Dr|Prof|Shri|Smt|Sheikh|Sheikha|Sir|Madam|Dame|Lord|Lady|H\.\s?E|His Excellency|"
                 r"Her Excellency|His Majesty|Her Majesty|His Highness|Her Highness|His Royal Highness|Samdech|Moha|"
                 r"Borvor|Thipadei|Tun|Tan Sri|Dato['’]? Seri|Dato['’]?|Datuk|Pehin|Gen|General|Lt|Lieutenant|Col|"
                 r"Colonel|Maj|Major|Adm|Admiral|Marshal)")
"""Honorifics and ranks written before a name; they are not part of it."""
NAME_RE = (
    rf"(?:{HONORIFICS_RE}\.?\s+){{0,4}}"
    r"(?:[A-Z][a-z]{0,2}\.\s?)?"
    r"[A-Z][\w'’\-]*(?:\s+(?:(?:bin|ibn|bint|al|el|de|da|del|der|dos|das|do|van|von|la|le|du|di|ul|ud|y)[\s\-]+)?"
    r"(?:[A-Z][a-z]{0,2}\.\s?)?[A-Z][\w'’\-]*){0,4}"
)
"""A person's name as written: capitalised words with particles and initials ("Kh.Battulga")."""

CLAUSE_RE = (
    r"(?:(?!,\s+(?:which|who|whom|where|while|when|said|says|adding|added|noting|noted|stressing|he|she|it|"
    r"as|because|so that|thus|thereby|according|whose|but|and (?:will|said|added|noted|stressed)|"
    r"and (?:the|this|these|our|their|its) (?:\S+ ){0,9}?(?:will|would|shall|is|are|was|were|has|have)|"
    r"the (?:president|minister|ambassador|leader))\b)(?!\s[\u2013\u2014]\s(?!(?-i:[A-Z])|\ue000))"
    r"(?:[^.;!?\u201c\u201d\"«»:]|(?<=\s)[\u201c«\"][^.;!?\u201c\u201d\"«»]+[\u201d»\"]))*"
    r"(?:[^\s.;!?\u201c\u201d\"«»\u2013\u2014:,]|(?<=\s)[\u201c«\"][^.;!?\u201c\u201d\"«»]+[\u201d»\"])"
)
"""Words up to the end of a clause: stops at sentence punctuation, closing quotes, ", which …" and
a dash between spaces ("infrastructure – from food stuffs"). A dash inside a compound
("Mumbai–Ahmedabad") or between two names ("the Vulcanesti – Chisinau line") does not end it, nor
does a quoted name or phrase within it, kept whole ("to a "Comprehensive Strategic Partnership"")."""

EVENT_VERBS = (
    r"(?:meet|met|hold|held|visit|pay (?:a|an|his|her|their|its) (?:\w+ )?(?:visit|tribute|respects|homage)|"
    r"attend|arrive|travel|host|participate|take part|celebrate|commemorate|mark|"
    r"address (?:an? |the )?(?:\S+ )?(?:forum|conference|summit|meeting|session|audience|parliament|students))\b"
)
"""Verbs of taking part in, hosting, celebrating or addressing an event: what they open is an
event, not an aim."""
ACTION_RE = (
    r"(?-i:(?!(?:be|become|becomes|have|has|had|remain|remains|say|said|tell|told|not|never|also|the|"
    r"a|an|this|that|these|those|it|its|their|our|his|her|serve|allow|help|enable|take place|emphasi[sz]e|stress|"
    r"note|underline|mention|point|recall|express|thank|ask|add|consider|see|know|think|believe|hope|expect|seem|"
    r"appear|need|like|happen|coincide|depend|look forward|get|go|come|do so|mean|feel|find|show|"
    r"open (?:up )?(?:new|a new) (?:horizons?|pages?|chapters?|eras?|stages?)|turn (?:a|the) (?:new )?page)\b|"
    + EVENT_VERBS + r")[a-z][a-z\-]*)\b" + CLAUSE_RE
)
"""An action: a lower-case verb and the rest of its clause. Copulas, verbs of saying and thinking,
negations and "serve"/"allow" (what a thing does, not what an actor intends) are not actions, nor
are the EVENT_VERBS."""
EVENT_VERB_START = re.compile(r"(?-i:" + EVENT_VERBS + r")")
"""For assembly: a coordinated part of an aim that opens with an event verb ("… and to hold Days
of Culture") is no aim either."""

BUILTIN_TEXT_SLOTS = {"name": NAME_RE, "clause": CLAUSE_RE, "action": ACTION_RE}

COMMON_KEYS = {"id", "kind", "pattern", "when", "unless", "description", "examples", "enabled"}
KIND_KEYS: dict[str, set[str]] = {
    "person": {"name", "role", "state", "org", "resolve"},
    "event": {"type", "label", "participants", "place", "date", "each", "part_of", "occasion"},
    "goal": {"target", "text", "metric", "deadline", "holders", "unit", "extend"},
    "figure": {"value", "text", "metric", "date", "subjects", "unit"},
    "relation": {"relation", "subjects"},
    "topic": {"topic"},
    "threat": {"threat"},
}
SPECIAL_REFERENCES = {"sentence", "states", "speaker", "pair", "match", "none", "document", "before"}
"""Values an emit field may name instead of a slot: all actors (or only the states) in the sentence, the person
speaking in an interview, the document's main pair of states, the matched text, nothing, the
document's own date, or (for a date) only a time expression standing before the match ends."""
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?\}")
GAP = r"\s+(?:\S+\s+){0,8}?"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    expect: dict[str, Any] | None  # None for a sentence the rule must not match
    line: int | None = None


@dataclass(slots=True)
class Rule:
    """One compiled rule. `slots` maps each named group to its slot type."""

    id: str
    kind: str
    pattern: str
    regex: re.Pattern[str]
    emit: dict[str, Any]
    slots: dict[str, str]
    unless: re.Pattern[str] | None = None
    when: re.Pattern[str] | None = None
    """A pattern the sentence must also contain somewhere (context without position)."""
    examples: list[Example] = field(default_factory=list)
    source: str = ""
    line: int | None = None
    scan: Scan = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    """What to scan a sentence with for `regex`'s matches (extract.lead), made with `regex`."""
    unless_scan: Scan | None = field(default=None, repr=False, compare=False)
    when_scan: Scan | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Scans for a rule made from compiled patterns rather than by compile_pattern."""
        if self.scan is None:
            self.scan = Scan.of(self.regex)
        if self.unless_scan is None and self.unless is not None:
            self.unless_scan = Scan.of(self.unless)
        if self.when_scan is None and self.when is not None:
            self.when_scan = Scan.of(self.when)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(slots=True)
class RuleSet:
    """All rules by kind, in load order, plus the word lists their patterns may use."""

    rules: list[Rule] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    metrics: dict[str, list[str]] = field(default_factory=dict)
    count_nouns: list[str] = field(default_factory=list)
    currencies: dict[str, dict[str, str]] = field(default_factory=dict)
    """Currency words several states use ("dirham") -> state -> ISO code, read in the light of the
    states the document is about."""

    def of_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def by_id(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def words_regex(words: Iterable[str]) -> str:
    """An alternation of phrases (longest wins, flexible whitespace), folded into a trie because a
    flat alternation of hundreds of titles is tried word by word at every position."""
    return "(?:" + trie_regex(w.lower() for w in words if w and w.strip()) + ")"


def _spaces_to_whitespace(pattern: str) -> str:
    """Literal spaces outside character classes and look-behinds become \\s+ (a run counts once);
    a space made optional (" ?", " *") becomes \\s*.

    Look-behinds must have a fixed width, so a space inside one stays a single space."""
    out: list[str] = []
    in_class = escaped = False
    behind_depth = 0  # >0 while inside a look-behind: the depth of parentheses in it
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            if ch == "]":
                in_class = False
        elif ch == "[":
            out.append(ch)
            in_class = True
        elif ch == "(":
            if behind_depth:
                behind_depth += 1
            elif pattern.startswith(("(?<=", "(?<!"), i):
                behind_depth = 1
            out.append(ch)
        elif ch == ")":
            if behind_depth:
                behind_depth -= 1
            out.append(ch)
        elif ch == " " and not behind_depth:
            while i + 1 < len(pattern) and pattern[i + 1] == " ":
                i += 1
            if i + 1 < len(pattern) and pattern[i + 1] in "?*":
                i += 1  # "under ?way", "cyber ?security": an optional space, not a lazy \s+?
                out.append(r"\s*")
            else:
                out.append(r"\s+")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def compile_pattern(pattern: str, lexicons: dict[str, str], where: str) -> tuple[Scan, dict[str, str]]:
    """Turn a rule pattern into a regex over masked sentences; returns it with its named slots.
    The regex comes with what to scan for its matches with (extract.lead.compiled: an
    equivalent that opens with its first characters)."""
    slots: dict[str, str] = {}
    counts: dict[str, int] = {}

    def slot(m: re.Match[str]) -> str:
        kind, name = m.group(1), m.group(2)
        if kind in MENTION_CODES:
            body = f"{OPEN}[{MENTION_CODES[kind]}]\\d+{CLOSE}"
        elif kind == "name":
            body = f"(?:{OPEN}P\\d+{CLOSE}|(?-i:{NAME_RE}))"
        elif kind in BUILTIN_TEXT_SLOTS:
            body = BUILTIN_TEXT_SLOTS[kind]
        elif kind in lexicons:
            body = lexicons[kind]
        else:
            known = sorted(set(MENTION_CODES) | set(BUILTIN_TEXT_SLOTS) | set(lexicons))
            raise ValueError(f"unknown slot {{{kind}}}; known slots: {', '.join(known)}")
        if name is None:
            counts[kind] = counts.get(kind, 0) + 1
            name = kind if counts[kind] == 1 else f"{kind}{counts[kind]}"
        if name in slots:
            raise ValueError(f"slot name {name!r} used twice")
        slots[name] = kind
        return f"(?P<{name}>{body})"

    text = re.sub(r"\s*\.\.\.\s*", "\x00GAP\x00", pattern.strip())
    text = _spaces_to_whitespace(text)
    text = _SLOT.sub(slot, text)
    text = text.replace("\x00GAP\x00", GAP)
    try:
        scan = compiled(rf"(?<![\w\-])(?:{text})(?![\w])", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"bad pattern: {exc}") from None
    del where
    for raw_name in scan.regex.groupindex:
        slots.setdefault(raw_name, "text")
    return scan, slots


def _check_reference(value: Any, slots: dict[str, str], key: str, allow_literal: bool) -> None:
    refs = value if isinstance(value, list) else [value]
    for ref in refs:
        if not isinstance(ref, str):
            raise ValueError(f"{key} must name slots, not {ref!r}")
        if ref in slots or ref in SPECIAL_REFERENCES or allow_literal:
            continue
        raise ValueError(f"{key} names slot {ref!r}, which the pattern does not have "
                         f"(slots: {', '.join(slots) or 'none'})")


SLOT_DEFAULTS = {
    "person": ("name", "role", "state", "org"),
    "event": ("place", "date"),
    "goal": ("target", "deadline"),
    "figure": ("value", "date"),
}
"""An emit field left out takes the slot of the same name, when the pattern has one."""


SINGLE_REFERENCES = {"event": ("place", "date"), "goal": ("deadline",), "figure": ("date",),
                     "person": ("name", "state", "org")}
"""Emit fields that name one slot (or special reference): a list there has no meaning."""


def _validate_emit(kind: str, emit: dict[str, Any], slots: dict[str, str]) -> None:
    for key in SLOT_DEFAULTS.get(kind, ()):
        if key not in emit and key in slots:
            emit[key] = key
    for key in SINGLE_REFERENCES.get(kind, ()):
        if key in emit and not isinstance(emit[key], str):
            raise ValueError(f"{key} names one slot, not {emit[key]!r}")
    if kind == "event":
        if emit.get("type") not in EVENT_TYPES:
            raise ValueError(f"type must be one of {', '.join(EVENT_TYPES)}, not {emit.get('type')!r}")
        for key in ("participants", "place", "date", "each"):
            if key in emit:
                _check_reference(emit[key], slots, key, allow_literal=False)
        if not isinstance(emit.get("occasion", ""), str):
            raise ValueError(f"occasion must be a word, not {emit['occasion']!r}")
        part_of = emit.get("part_of", [])
        if not isinstance(part_of, list) or any(t not in EVENT_TYPES for t in part_of):
            raise ValueError(f"part_of must list event types ({', '.join(EVENT_TYPES)}), not {part_of!r}")
    elif kind == "goal":
        for key in ("target", "deadline", "holders", "text"):
            if key in emit:
                _check_reference(emit[key], slots, key, allow_literal=False)
    elif kind == "figure":
        if "value" not in emit:
            raise ValueError("a figure rule needs value: <slot>")
        for key in ("value", "date", "subjects", "text"):
            if key in emit:
                _check_reference(emit[key], slots, key, allow_literal=False)
    elif kind == "person":
        if "name" not in emit and not emit.get("resolve"):
            raise ValueError("a person rule needs name: <slot> (or resolve: true for a title without a name)")
        for key in ("name", "state", "org"):
            if key in emit:
                _check_reference(emit[key], slots, key, allow_literal=False)
    elif kind == "relation":
        if not isinstance(emit.get("relation"), str):
            raise ValueError("a relation rule needs relation: <words>")
        if "subjects" in emit:
            _check_reference(emit["subjects"], slots, "subjects", allow_literal=False)
    elif kind == "topic":
        if emit.get("topic") not in TOPICS:
            raise ValueError(f"topic must be one of {', '.join(TOPICS)}, not {emit.get('topic')!r}")
    elif kind == "threat" and not isinstance(emit.get("threat"), str):
        raise ValueError("a threat rule needs threat: <canonical name>")
    if "metric" in emit and not isinstance(emit["metric"], str):
        raise ValueError("metric must be words or a slot name")


def _parse_examples(raw: Any, where: str) -> list[Example]:
    if raw is None:
        return []
    if not isinstance(raw, dict) or set(raw) - {"match", "no_match"}:
        raise ValueError("examples must have match: and/or no_match: lists")
    out: list[Example] = []
    for item in raw.get("match") or []:
        if isinstance(item, str):
            out.append(Example(item, {}, line_of(raw)))
        elif isinstance(item, dict) and isinstance(item.get("text"), str) and set(item) <= {"text", "expect"}:
            expect = item.get("expect") or {}
            if not isinstance(expect, dict):
                raise ValueError("expect must be a mapping of field: value")
            out.append(Example(item["text"], dict(expect), line_of(item)))
        else:
            raise ValueError("each match example is a sentence or {text: ..., expect: {...}}")
    for item in raw.get("no_match") or []:
        if not isinstance(item, str):
            raise ValueError("each no_match example is a sentence")
        out.append(Example(item, None, line_of(raw)))
    del where
    return out


def _lexicon_regexes(ruleset: RuleSet, titles: dict[str, Sequence[str]]) -> dict[str, str]:
    lexicons = {name: words_regex(words) for name, words in ruleset.lists.items()}
    lexicons["metric"] = words_regex(w for forms in ruleset.metrics.values() for w in forms)
    lexicons["count_noun"] = words_regex(ruleset.count_nouns)
    lexicons["title"] = words_regex(w for forms in titles.values() for w in forms)
    return lexicons


def _load_data_sections(data: LineDict, path: Path, ruleset: RuleSet) -> None:
    allowed = {"rules", "lists", "metrics", "count_nouns", "currencies", "kind", "version", "description"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise DataError(path, line_of(data), f"unknown top-level key(s): {', '.join(unknown)}")
    for section in ("lists", "metrics"):
        block = data.get(section) or {}
        if not isinstance(block, dict):
            raise DataError(path, line_of(block), f"{section} must map names to word lists")
        for name, words in block.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise DataError(path, line_of(words, line_of(block)), f"{section}.{name} must be a list of words")
            if section == "lists" and (not re.fullmatch(r"[a-z_][a-z0-9_]*", str(name)) or name in MENTION_CODES):
                raise DataError(path, line_of(block), f"list name {name!r} must be a lowercase word, not a slot type")
            getattr(ruleset, section).setdefault(str(name), []).extend(words)
    currencies = data.get("currencies") or {}
    if not isinstance(currencies, dict) or not all(
            isinstance(v, dict) and all(isinstance(c, str) for c in v.values()) for v in currencies.values()):
        raise DataError(path, line_of(currencies), "currencies must map a word to {state: ISO code}")
    for word, by_state in currencies.items():
        ruleset.currencies.setdefault(str(word).lower(), {}).update(by_state)
    nouns = data.get("count_nouns") or []
    if not isinstance(nouns, list) or not all(isinstance(w, str) for w in nouns):
        raise DataError(path, line_of(nouns), "count_nouns must be a list of words")
    ruleset.count_nouns.extend(nouns)


def _rule_files(folder: Path | resources.abc.Traversable) -> list[Any]:
    files = [p for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")) and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.name)


def packaged_rules_dir() -> Any:
    return resources.files("amity.extract") / "rules"


def load_rules(extra_dirs: Sequence[str | Path] = (), titles: Mapping[str, Sequence[str]] | None = None,
               include_packaged: bool = True) -> RuleSet:
    """Load the packaged rules and then each extra folder; a later rule with the same id replaces one
    from an earlier folder (so an analyst can override or disable a packaged rule)."""
    sources: list[tuple[str, Any]] = []
    if include_packaged:
        sources.extend(("amity/extract/rules/" + p.name, p) for p in _rule_files(packaged_rules_dir()))
    for folder in extra_dirs:
        d = Path(folder)
        if not d.is_dir():
            raise DataError(d, None, "rules folder not found")
        sources.extend((str(p), p) for p in _rule_files(d))
    ruleset = RuleSet()
    documents: list[tuple[str, LineDict]] = []
    for label, p in sources:
        data = load_yaml(label, p.read_text(encoding="utf-8-sig"))
        if data is None:
            continue
        if not isinstance(data, dict):
            raise DataError(label, line_of(data), "a rule file is a mapping with rules: (and lists:)")
        _load_data_sections(data, Path(label), ruleset)
        documents.append((label, data))
    lexicons = _lexicon_regexes(ruleset, titles or {})
    by_id: dict[str, Rule] = {}
    origin: dict[str, str] = {}
    for label, data in documents:
        default_kind = data.get("kind")
        rules = data.get("rules") or []
        if not isinstance(rules, list):
            raise DataError(label, line_of(rules, line_of(data)), "rules must be a list")
        for raw in rules:
            rule = _build_rule(raw, default_kind, lexicons, label)
            if rule.id in by_id and origin[rule.id] == _folder_of(label):
                raise DataError(label, rule.line, f"rule {rule.id}: duplicate id (also at {by_id[rule.id].where})")
            if raw.get("enabled", True) is False:
                by_id.pop(rule.id, None)
                continue
            by_id[rule.id] = rule
            origin[rule.id] = _folder_of(label)
    ruleset.rules = list(by_id.values())
    return ruleset


def _folder_of(label: str) -> str:
    return label.rsplit("/", 1)[0] if "/" in label else ""


def _build_rule(raw: Any, default_kind: Any, lexicons: dict[str, str], label: str) -> Rule:
    line = line_of(raw)
    if not isinstance(raw, dict):
        raise DataError(label, line, "each rule is a mapping with id, kind, pattern …")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise DataError(label, line, f"rule id {rule_id!r} must be lowercase words joined by . - _")
    kind = raw.get("kind", default_kind)
    if kind not in KINDS:
        raise DataError(label, line, f"rule {rule_id}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    unknown = sorted(set(raw) - COMMON_KEYS - KIND_KEYS[kind])
    if unknown:
        allowed = ", ".join(sorted(COMMON_KEYS | KIND_KEYS[kind]))
        raise DataError(label, line, f"rule {rule_id}: unknown key(s) {', '.join(unknown)} (allowed: {allowed})")
    pattern = raw.get("pattern")
    if not isinstance(pattern, str) or not pattern.strip():
        raise DataError(label, line, f"rule {rule_id}: pattern is required")
    try:
        scan, slots = compile_pattern(pattern, lexicons, label)
        unless = when = None
        if raw.get("unless") is not None:
            if not isinstance(raw["unless"], str):
                raise ValueError("unless must be a pattern")
            unless = compile_pattern(raw["unless"], lexicons, label)[0]
        if raw.get("when") is not None:
            if not isinstance(raw["when"], str):
                raise ValueError("when must be a pattern")
            when = compile_pattern(raw["when"], lexicons, label)[0]
        emit = {k: v for k, v in raw.items() if k in KIND_KEYS[kind]}
        _validate_emit(kind, emit, slots)
        examples = _parse_examples(raw.get("examples"), label)
    except ValueError as exc:
        raise DataError(label, line, f"rule {rule_id}: {exc}") from None
    return Rule(rule_id, kind, pattern, scan.regex, emit, slots, unless.regex if unless else None,
                when.regex if when else None, examples, label, line, scan, unless, when)
