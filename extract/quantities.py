"""Finding and normalising quantities: money, percentages, multiples, counts and bare amounts.

News writes the same amount many ways ("$3 bn", "USD 5 billion", "3 billion dollars", "1.2 trillion
tenge", "€500 million", "29 billion riyals", "$2bln"). Each is normalised to a plain number and a
unit (an ISO 4217 code, "percent", "times", or the counted noun) so that figures from different
documents can be compared and goals checked against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .trie import exact_trie_regex, trie_regex

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "dozens": 24, "a dozen": 12, "dozen": 12, "hundreds": 200, "thousands": 2000,
}
"""Words read as numbers. "dozens", "hundreds" and "thousands" are deliberately conservative
readings (at least two dozen, two hundred, two thousand) and are always marked approximate."""
VAGUE_WORD_NUMBERS = {"dozens", "hundreds", "thousands"}
_WS = re.compile(r"\s+")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_GROUPED = re.compile(r"\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?")
_HYPHEN_OR_SPACE = re.compile(r"[- ]")

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "bil": 1e9,
    "trillion": 1e12, "trln": 1e12, "tn": 1e12, "tr": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}

CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD",
    "u.s. dollar": "USD", "american dollars": "USD", "us$": "USD",
    "euros": "EUR", "euro": "EUR",
    "rubles": "RUB", "ruble": "RUB", "roubles": "RUB", "rouble": "RUB",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY",
    "tenge": "KZT", "soums": "UZS", "soum": "UZS", "sum": "UZS",
    "som": "KGS", "soms": "KGS", "somoni": "TJS", "manat": "TMT",
    "riyals": "SAR", "riyal": "SAR",
    "dirhams": "AED", "dirham": "AED",
    "rupees": "INR", "rupee": "INR",
    "yen": "JPY", "won": "KRW",
    "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP",
    "lira": "TRY", "liras": "TRY",
    "tugriks": "MNT", "tugrik": "MNT", "dong": "VND",
    "shillings": "KES", "kenya shillings": "KES", "tanzania shillings": "TZS", "uganda shillings": "UGX",
    "hryvnias": "UAH", "hryvnia": "UAH",
    "lari": "GEL", "kip": "LAK", "riel": "KHR", "riels": "KHR", "kyat": "MMK", "kyats": "MMK",
    "dram": "AMD", "drams": "AMD",
    "francs": "CHF", "cfa francs": "XOF", "cfa franc": "XOF", "dinar": "DZD", "dinars": "DZD",
    "peso": "MXN", "pesos": "MXN", "rial": "IRR", "rials": "IRR", "reais": "BRL", "rand": "ZAR",
    "naira": "NGN", "cedi": "GHS", "cedis": "GHS", "birr": "ETB", "taka": "BDT", "baht": "THB", "ringgit": "MYR",
    "rupiah": "IDR", "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "afghani": "AFN", "afghanis": "AFN",
    "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "krone": "NOK", "lei": "RON", "leu": "RON", "leva": "BGN",
    "lev": "BGN", "koruna": "CZK", "kwacha": "ZMW", "kwanza": "AOA", "kwanzas": "AOA", "meticais": "MZN",
    "escudos": "CVE", "dalasi": "GMD", "leones": "SLE", "quetzales": "GTQ", "soles": "PEN", "bolivianos": "BOB",
    "guaranies": "PYG", "colones": "CRC", "lempiras": "HNL", "córdobas": "NIO",
}
# A state's adjective before a currency word names the currency ("3 billion Omani rials", "Indian rupees"):
# every "<adjective> <word>" form, and its singular, is made from this table
_NAMED_BY_ADJECTIVE = {
    "riyals": {"saudi": "SAR", "qatari": "QAR", "omani": "OMR", "yemeni": "YER", "iranian": "IRR"},
    "rials": {"omani": "OMR", "iranian": "IRR", "yemeni": "YER", "saudi": "SAR", "qatari": "QAR"},
    "dirhams": {"emirati": "AED", "uae": "AED", "moroccan": "MAD"},
    "dinars": {"algerian": "DZD", "tunisian": "TND", "libyan": "LYD", "iraqi": "IQD", "jordanian": "JOD",
               "kuwaiti": "KWD", "bahraini": "BHD", "serbian": "RSD"},
    "rupees": {"sri lankan": "LKR", "nepalese": "NPR", "nepali": "NPR", "mauritian": "MUR", "indian": "INR",
               "pakistani": "PKR"},
    "pesos": {"mexican": "MXN", "argentine": "ARS", "argentinian": "ARS", "chilean": "CLP", "colombian": "COP",
              "philippine": "PHP", "uruguayan": "UYU", "cuban": "CUP", "dominican": "DOP"},
    "pounds": {"sudanese": "SDG", "lebanese": "LBP", "syrian": "SYP", "british": "GBP", "egyptian": "EGP"},
    "francs": {"rwandan": "RWF", "burundian": "BIF", "guinean": "GNF", "congolese": "CDF", "djiboutian": "DJF",
               "comorian": "KMF", "swiss": "CHF"},
    "shillings": {"somali": "SOS", "kenyan": "KES", "tanzanian": "TZS", "ugandan": "UGX"},
    "dollars": {"namibian": "NAD", "taiwan": "TWD", "new taiwan": "TWD", "jamaican": "JMD", "fijian": "FJD",
                "zimbabwean": "ZWL", "liberian": "LRD", "trinidad and tobago": "TTD", "barbadian": "BBD",
                "bahamian": "BSD", "brunei": "BND", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
                "hong kong": "HKD", "singapore": "SGD"},
    "kwacha": {"zambian": "ZMW", "malawian": "MWK"}, "kronor": {"swedish": "SEK"},
    "manats": {"azerbaijani": "AZN", "turkmen": "TMT"}, "manat": {"azerbaijani": "AZN", "turkmen": "TMT"},
    "soms": {"kyrgyz": "KGS"}, "som": {"kyrgyz": "KGS"}, "soums": {"uzbek": "UZS"}, "sum": {"uzbek": "UZS"},
    "roubles": {"russian": "RUB", "belarusian": "BYN"}, "rubles": {"russian": "RUB", "belarusian": "BYN"},
    "won": {"korean": "KRW", "south korean": "KRW", "north korean": "KPW"},
    "yuan": {"chinese": "CNY"}, "yen": {"japanese": "JPY"}, "tenge": {"kazakh": "KZT", "kazakhstani": "KZT"},
    "lei": {"romanian": "RON", "moldovan": "MDL"}, "kroner": {"danish": "DKK", "norwegian": "NOK"},
    "lira": {"turkish": "TRY"}, "liras": {"turkish": "TRY"},
    "reais": {"brazilian": "BRL"}, "rand": {"south african": "ZAR"}, "naira": {"nigerian": "NGN"},
    "cedis": {"ghanaian": "GHS"}, "birr": {"ethiopian": "ETB"}, "rupiah": {"indonesian": "IDR"},
    "ringgit": {"malaysian": "MYR"}, "baht": {"thai": "THB"}, "dong": {"vietnamese": "VND"},
    "lari": {"georgian": "GEL"}, "drams": {"armenian": "AMD"}, "hryvnias": {"ukrainian": "UAH"},
    "zlotys": {"polish": "PLN"}, "forints": {"hungarian": "HUF"}, "leva": {"bulgarian": "BGN"},
    "taka": {"bangladeshi": "BDT"}, "afghanis": {"afghan": "AFN"}, "tugriks": {"mongolian": "MNT"},
    "riels": {"cambodian": "KHR"}, "kip": {"lao": "LAK", "laotian": "LAK"}, "kyats": {"myanmar": "MMK"},
    "somoni": {"tajik": "TJS"}, "quetzales": {"guatemalan": "GTQ"}, "soles": {"peruvian": "PEN"},
    "bolivianos": {"bolivian": "BOB"}, "guaranies": {"paraguayan": "PYG"}, "meticais": {"mozambican": "MZN"},
    "kwanzas": {"angolan": "AOA"}, "escudos": {"cape verdean": "CVE"},
}
for _word, _by_adjective in _NAMED_BY_ADJECTIVE.items():
    for _adjective, _code in _by_adjective.items():
        CURRENCY_WORDS.setdefault(f"{_adjective} {_word}", _code)
        if _word.endswith("s"):
            CURRENCY_WORDS.setdefault(f"{_adjective} {_word[:-1]}", _code)  # "one Omani rial"
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP",
                    "¥": "CNY", "₽": "RUB", "₹": "INR", "₸": "KZT",
                    "jpy": "JPY",
                    "₺": "TRY", "₩": "KRW", "r$": "BRL"}

APPROX_PHRASES = (
    "about", "around", "approximately", "approx.", "nearly", "almost", "roughly", "some", "over", "more than",
    "less than", "fewer than", "under", "close to", "up to", "at least", "above", "exceed", "exceeded", "exceeding",
    "exceeds", "surpass", "surpassed", "surpassing", "surpasses", "in excess of", "upwards of", "just over",
    "just under", "well over", "estimated", "an estimated", "почти", "около",
)
"""Qualifiers before a quantity that make it approximate ("more than 200 events"); the words of a
phrase may be apart by any whitespace."""
_APPROX_BEFORE = re.compile(
    r"\s*(?:" + "|".join(r"\s+".join(re.escape(word[::-1]) for word in reversed(phrase.split()))
                         for phrase in APPROX_PHRASES) + ")",
    re.IGNORECASE,
)
"""The qualifiers spelled backwards, after the whitespace that may follow them: read at the start of
the reversed words before a quantity, where a qualifier must end, in one attempt (a forward
search for "qualifier, whitespace, end" tries every position of the window)."""

_NUM = (r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?"
        r"|\d{1,3},\d{1,2}(?=\s?(?:thousand|millions?|billions?|trillions?|mln|bln|trln|mn|bn|tn)\b)|\d+(?:\.\d+)?)")
"""A number: grouped thousands ("1,200"), a decimal comma before a scale ("1,2 billion", as CIS
agencies write it), or plain digits."""
_WORDNUM = (r"(?:a\s+hundred|a\s+dozen|dozens|hundreds|thousands|one|two|three|four|five|six|seven|eight|nine|"
            r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
            r"thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
            r"eight|nine))?")
_SCALE = (r"(?:thousand|millions?|billions?|trillion|lakh\s+crores?|crores?|lakhs?|mln|bln|trln|mn|bn|tn|mil|bil|"
          r"[kmbKMB](?![a-zA-Z]))")
_CUR_WORD = exact_trie_regex(CURRENCY_WORDS)
"""The currency words as a trie (whitespace between words flexible): an alternation of them all,
longest first, was tried word by word after every number."""
ISO_CODES = frozenset("""USD EUR GBP JPY CNY RUB KZT UZS KGS TJS TMT AZN GEL AMD TRY SAR AED QAR KWD OMR BHD IRR PKR INR
BDT LKR NPR AFN MNT KRW KPW VND THB MYR IDR PHP SGD AUD NZD CAD MXN BRL ARS CLP PEN COP UYU BOB PYG ZAR NGN GHS KES TZS
UGX RWF ETB EGP MAD DZD TND LYD SDG CHF SEK NOK DKK ISK PLN CZK HUF RON BGN UAH BYN MDL RSD ILS JOD LBP IQD SYP YER
HKD TWD XOF XAF LAK KHR MMK""".split())
"""ISO 4217 codes recognised next to a number ("CAD 56 billion", "2.5 bln USD"); matched in capitals only."""
_CODES = exact_trie_regex(ISO_CODES)
LOCAL_SIGNS = {"QR": "QAR", "JD": "JOD", "KD": "KWD", "BD": "BHD", "RO": "OMR", "SR": "SAR", "Dh": "AED", "Dhs": "AED",
               "KSh": "KES", "Ksh": "KES", "KShs": "KES", "TSh": "TZS", "USh": "UGX", "₦": "NGN", "Tk": "BDT",
               "Rs": "INR", "RM": "MYR", "Rp": "IDR", "S$": "SGD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD",
               "HK$": "HKD", "₱": "PHP", "₴": "UAH", "GH₵": "GHS", "GH¢": "GHS", "₾": "GEL", "֏": "AMD", "₼": "AZN",
               "Br": "ETB", "R": "ZAR", "N": "NGN"}
"""Local currency signs written before the number ("QR 5.6 billion", "KSh 102.5 billion", the rand's
"R85 billion"); "Rs" is read by the document's states (see lists.yaml currencies)."""
_LOCAL = "|".join(sorted((re.escape(s) for s in LOCAL_SIGNS), key=len, reverse=True))
_CUR_SYM = rf"(?:US\$|U\.S\.\s*\$|(?-i:{_LOCAL})|\$|€|£|¥|₽|₹|₸|₺|₩|R\$|(?-i:{_CODES}))"

MONEY = re.compile(
    rf"(?P<sym>{_CUR_SYM})\s?(?P<n1>{_NUM})(?:\s?(?P<s1>{_SCALE}))?(?:\s+(?:US\s+)?dollars?)?"
    rf"|(?P<n2>{_NUM}|{_WORDNUM})(?:\s?(?P<s2>{_SCALE}))?\s*(?:of\s+)?(?P<cur>{_CUR_WORD}|(?-i:{_CODES}))\b",
    re.IGNORECASE,
)
PERCENT = re.compile(rf"(?P<n>{_NUM}|{_WORDNUM})\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage\s+points?\b)",
                     re.IGNORECASE)
FRACTION = re.compile(
    r"(?:(?<=\ba\s)|(?<=\bone\s))(?P<one>third|quarter|fifth|tenth)"
    r"(?!\s+of\s+(?:a|an|the|this|that|next|last)\s+(?:century|hour|mile|year|decade|day|month|way|season)\b)"
    r"(?=\s+of\b|\s*[.,;]|$)"
    r"|(?:(?<=\bby\sa\s)|(?<=\bby\salmost\sa\s)|(?<=\bby\sabout\sa\s)|(?<=\bby\snearly\sa\s)"
    r"|(?<=\bby\sroughly\sa\s)|(?<=\bby\sover\sa\s)|(?<=\bby\sjust\sover\sa\s)|(?<=\bby\smore\sthan\sa\s))"
    r"(?P<by>third|quarter|fifth|half)\b"
    r"|(?P<many>two[\s-]thirds|three[\s-]quarters|three[\s-]fifths|two[\s-]fifths)(?=\s+of\b)"
    r"|(?<!first\s)(?<!second\s)(?<!the\s)(?P<half>half)(?=\s+of\s+(?:the|its|their|all|our|this|total)\b)",
    re.IGNORECASE)
"""A share written as a fraction ("a third of Uganda's imports", "rose by almost a quarter",
"two-thirds of the total"): a percentage. Not the half or quarter of a year ("the first quarter
of 2024", "in the first half of the year"), which are times."""
_ARTICLE_BEFORE = re.compile(r"\b(?:a|one)\s+$", re.IGNORECASE)
_FRACTIONS = {"third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0, "half": 50.0,
              "two thirds": 200 / 3, "three quarters": 75.0, "three fifths": 60.0, "two fifths": 40.0}
MULTIPLE = re.compile(
    rf"(?P<n>{_NUM}|{_WORDNUM})[\s-]?(?:fold\b|times\b)"
    r"|(?P<w>twofold|threefold|fourfold|fivefold|tenfold|hundredfold|twice|doubl(?:e|ed|es|ing)|"
    r"tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing))\b"
    r"(?!\s+(?:taxation|tax|taxes|standards?|agents?|digits?|majority|edged|check)\b)",
    re.IGNORECASE,
)
_MULT_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "tenfold": 10, "hundredfold": 100,
               "twice": 2, "doubl": 2, "tripl": 3, "quadrupl": 4, "halv": 0.5}
_AMOUNT_SCALE = r"thousand|millions?|billions?|trillion|lakh\s+crores?|crores?|lakhs?|mln|bln|trln|mn|bn|tn"
AMOUNT = re.compile(rf"(?P<n>{_NUM}|{_WORDNUM}(?=\s))\s?(?P<s>{_AMOUNT_SCALE})\b",
                    re.IGNORECASE)
"""A scaled amount without a currency ("our target of 10 billion", "five million tonnes"): its
unit is inferred later."""
NUMBER = re.compile(rf"(?<![\w.,$€£¥-])(?P<n>{_NUM}|{_WORDNUM})(?![\w%])", re.IGNORECASE)
"""A bare number; counts are a number followed by a countable noun (see the count-noun lexicon)."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in text: kind is money | percent | multiple | amount | number."""

    kind: str
    start: int
    end: int
    value: float
    unit: str | None
    approx: bool = False
    word: str | None = None
    """The currency word as written ("dirhams"), which the document's states may disambiguate."""


def parse_number(text: str) -> float | None:
    """'1,500' -> 1500, '3.55' -> 3.55, 'fifty' -> 50, 'twenty-five' -> 25."""
    t = text.strip().lower().replace("\u202f", "").replace("\u00a0", "")
    if not t:
        return None
    if t[0].isdigit():
        if _DECIMAL_COMMA.fullmatch(t):  # "1,2" (billion): a decimal comma, never grouped thousands
            t = t.replace(",", ".")
        if _GROUPED.fullmatch(t):
            t = t.replace(",", "").replace(" ", "")
        try:
            return float(t)
        except ValueError:
            return None
    t = _WS.sub(" ", t)
    if t in WORD_NUMBERS:
        return float(WORD_NUMBERS[t])
    parts = _HYPHEN_OR_SPACE.split(t)
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return float(WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]])
    return None


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower()
    if w.startswith("lakh") and w.endswith(("crore", "crores")):  # "Rs 1.2 lakh crore": 1.2 × 10^12
        return 1e12
    if w in ("m", "b", "k") and word.islower() and len(word) == 1 and w != "k":
        # "$5m" is common; a lone lowercase "b" is rarer but still means billion in headlines
        return SCALES[w]
    return SCALES.get(w, 1.0)


def is_approx(text: str, start: int) -> bool:
    """Whether the 24 characters before `start` end with a qualifier that makes the quantity
    approximate (and whitespace): "more than 200", but also "awesome 5", as no word boundary is
    asked before the qualifier."""
    return _APPROX_BEFORE.match(text[max(0, start - 24):start][::-1]) is not None


def _approx_or_vague(approx: bool, number_text: str) -> bool:
    """Approximate by the words before it (`approx`) or by the number word itself ("dozens")."""
    return approx or number_text.strip().lower() in VAGUE_WORD_NUMBERS


def _clean(value: float) -> float:
    """Round away binary noise (1.13 * 1e9 -> 1130000000.0)."""
    return float(f"{value:.10g}")


_ANCHOR_WORDS = [w for w in WORD_NUMBERS if " " not in w] + [
    "twofold", "threefold", "fourfold", "fivefold", "tenfold", "hundredfold", "twice",
    "double", "doubled", "doubles", "doubling", "triple", "tripled", "triples", "tripling",
    "quadruple", "quadrupled", "halve", "halved", "halves", "halving",
    "third", "quarter", "fifth", "tenth", "half", "thirds", "quarters", "fifths"]
ANCHOR = re.compile(
    r"[$€£¥₽₹₸₺₩]|(?<![\w.,])\d|(?<![\w\-])(?:" + trie_regex(_ANCHOR_WORDS) + r")(?![\w])"
    r"|(?<!\w)(?:US|U\.S\.|R|" + _CODES + r")(?=\s?[\d$])"
    r"|(?<![\w$])(?:" + _LOCAL + r")(?=\s?\d)",
    re.IGNORECASE,
)
"""Where a quantity can start: a currency sign, a digit, a number word or a currency code. The
detailed patterns are tried only at these positions, which keeps the scan of a long document to
one pass of this small expression."""

_ANCHOR_SIGNS = re.escape("".join(sorted({*"$€£¥₽₹₸₺₩", *(s[0] for s in LOCAL_SIGNS if not re.match(r"\w", s[0]))})))
_CANDIDATE_RUN = (
    r"(?=[A-Za-z]*+[^\WA-Za-z]"
    rf"|(?ai:{trie_regex(w.lower() for w in _ANCHOR_WORDS)})(?!\w)"
    r"|[A-Za-z]{1,4}+(?!\w)[\s\S]{0,4}[\d$])"
)
"""At the start of a run of word characters: the run is a number word (case aside), holds a
character other than an ASCII letter (a digit: "5", "USD5"; non-ASCII runs, as case folding
differs there), or is a code of at most four letters ("US", "KShs", "NZ$") with a digit or "$"
at most five characters after it. ANCHOR can match at no other run."""
_SIGN_AT = re.compile(f"[{_ANCHOR_SIGNS}]")
_RUN_AFTER = re.compile(r"\W" + _CANDIDATE_RUN)
_RUN_AT = re.compile(_CANDIDATE_RUN)
"""ANCHOR's leading look-behinds leave the regex engine no shortcut: it would try all of its
alternatives at every character. These scans open with a character set instead (a sign; a
character that ends a run), so the engine passes over the letters of words by itself."""


def _anchors(text: str) -> list[int]:
    """The start of each match of ANCHOR.finditer(text), with ANCHOR tried only where it can match.

    Each alternative of ANCHOR either starts with a sign or refuses a word character before it,
    so a match starts at a sign or where a run of word characters starts, and only at the runs
    _CANDIDATE_RUN accepts. The scan resumes where the previous match ended, exactly as
    finditer does."""
    candidates = [m.start() for m in _SIGN_AT.finditer(text)]
    candidates += [m.end() for m in _RUN_AFTER.finditer(text)]
    if _RUN_AT.match(text):
        candidates.append(0)
    candidates.sort()
    starts: list[int] = []
    match = ANCHOR.match
    pos = 0
    for p in candidates:
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            starts.append(p)
            pos = m.end()
    return starts


def _money(m: re.Match[str], approx: bool) -> Quantity | None:
    if m.group("sym"):
        num, scale_word = m.group("n1"), m.group("s1")
        sym = m.group("sym")
        if sym in LOCAL_SIGNS:
            unit = LOCAL_SIGNS[sym]
        elif sym.upper().startswith(("US", "U.S")):
            unit = "USD"
        else:
            unit = CURRENCY_SYMBOLS.get(sym.lower(), sym.upper())
    else:
        num, scale_word = m.group("n2"), m.group("s2")
        word = _WS.sub(" ", m.group("cur").lower())
        unit = CURRENCY_WORDS.get(word, m.group("cur").upper())
    value = parse_number(num)
    if value is None or (m.group("sym") == "R" and not scale_word and value < 1000) or (
            m.group("sym") == "N" and not scale_word):
        return None  # "R85 billion" is the rand, "the R2 road" not; "N" is the naira only in "N200 billion"
    sign_word = m.group("sym").lower() if m.group("sym") in ("Rs", "¥") else None  # read by the document's states
    return Quantity("money", m.start(), m.end(), _clean(value * scale_of(scale_word)), unit,
                    _approx_or_vague(approx, num), sign_word if m.group("sym") else word)


def _at(text: str, pos: int) -> list[Quantity]:
    """Every kind of quantity that starts at pos (the caller keeps the longest). Whether the words
    before pos make it approximate is the same for every kind, so it is asked once."""
    out: list[Quantity] = []
    approx = is_approx(text, pos)
    m = MONEY.match(text, pos)
    if m:
        q = _money(m, approx)
        if q:
            out.append(q)
    m = PERCENT.match(text, pos)
    if m and (value := parse_number(m.group("n"))) is not None:
        out.append(Quantity("percent", m.start(), m.end(), _clean(value), "percent",
                            _approx_or_vague(approx, m.group("n"))))
    m = FRACTION.match(text, pos)
    if m:
        words = _WS.sub(" ", m.group(0).lower().replace("-", " "))
        article = _ARTICLE_BEFORE.search(text, max(0, pos - 5), pos)  # "almost a quarter": the qualifier is before "a"
        approx = approx or (article is not None and is_approx(text, article.start()))
        out.append(Quantity("percent", m.start(), m.end(), _clean(_FRACTIONS[words]), "percent", approx))
    m = MULTIPLE.match(text, pos)
    if m:
        if m.group("w"):
            word = m.group("w").lower()
            value = next(v for k, v in _MULT_WORDS.items() if word.startswith(k))
        else:
            value = parse_number(m.group("n"))
        if value is not None:
            out.append(Quantity("multiple", m.start(), m.end(), _clean(value), "times", approx))
    m = AMOUNT.match(text, pos)
    if m and (value := parse_number(m.group("n"))) is not None:
        out.append(Quantity("amount", m.start(), m.end(), _clean(value * scale_of(m.group("s"))), None, approx))
    m = NUMBER.match(text, pos)
    if m and (value := parse_number(m.group("n"))) is not None:
        out.append(Quantity("number", m.start(), m.end(), _clean(value), None, _approx_or_vague(approx, m.group("n"))))
    return out


def find_quantities(text: str) -> list[Quantity]:
    """All quantities in text, longest first where they overlap (money beats a bare number)."""
    found: list[Quantity] = []
    for start in _anchors(text):
        found.extend(_at(text, start))
    kept = non_overlapping(found)
    fractions = {q.start for q in kept if q.kind == "percent" and FRACTION.match(text, q.start)}
    if fractions:  # "one third": the "one" is the fraction's, not a number of its own
        kept = [q for q in kept if not (q.kind == "number" and q.end + 1 in fractions)]
    return kept


def non_overlapping(items: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping quantities; ties go to the earlier kind in the list."""
    ranked = sorted(enumerate(items), key=lambda p: (-(p[1].end - p[1].start), p[0]))
    taken: list[tuple[int, int]] = []
    kept: list[Quantity] = []
    for _, q in ranked:
        if all(q.end <= s or q.start >= e for s, e in taken):
            taken.append((q.start, q.end))
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)
