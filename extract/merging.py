"""One fact stated several times in a document becomes one fact with every sentence as evidence.

News repeats itself: the visit is announced in the lead, dated in the second paragraph and
placed in the fourth. Events merge when their type, occasion, year (and month, where both have
one), key, place and participants agree; an event that is usually part of another (the
discussion at a meeting) joins it; goals merge by target or by wording, figures by value and
unit. Merging happens per document only: across documents, equal IRIs do the joining
(graph.iris).
"""

from __future__ import annotations

from .drafts import ActorBook, Draft, norm_text, year_of


def compatible_events(a: Draft, b: Draft, book: ActorBook, doc_year: str | None) -> bool:
    fa, fb = a.fields, b.fields
    if fa["type"] != fb["type"] or a.occasion != b.occasion:
        return False
    ya, yb = year_of(fa["date"]), year_of(fb["date"])
    if ya and yb and ya != yb:
        return False
    if bool(ya) != bool(yb) and (ya or yb) != doc_year:
        return False  # an undated mention is the current occasion, not one dated in another year
    da, db = fa["date"] or "", fb["date"] or ""
    if len(da) >= 7 and len(db) >= 7 and da[:7] != db[:7]:
        return False  # April and January of one year are two occasions
    if a.key and b.key and a.key != b.key and _quantified(a.key) == _quantified(b.key):
        return False  # a signing's count or value tells it only from another signing's count or value
    for keyed, other in ((a, b), (b, a)):
        if keyed.key and not other.key and keyed.key.startswith("actor:") \
                and keyed.key[6:] not in other.fields["participants"]:
            return False
    pa, pb = fa["place"], fb["place"]
    if pa and pb and pa != pb:
        country_a = book.extra.get(pa, {}).get("country", pa)
        country_b = book.extra.get(pb, {}).get("country", pb)
        if country_a != country_b:
            return False
    if a.inferred_participants or b.inferred_participants:
        return True
    return bool(set(fa["participants"]) & set(fb["participants"]))


def _quantified(key: str) -> bool:
    return key.startswith(("count:", "amount:"))


def merge_events(drafts: list[Draft], book: ActorBook, doc_year: str | None) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        for m in merged:
            if compatible_events(m, d, book, doc_year):
                fm, fd = m.fields, d.fields
                if not m.inferred_participants or d.inferred_participants:
                    fm["participants"] = list(dict.fromkeys([*fm["participants"], *fd["participants"]]))
                else:
                    fm["participants"] = list(dict.fromkeys(fd["participants"]))
                    m.inferred_participants = False
                if fd["date"] and (not fm["date"] or len(fd["date"]) > len(fm["date"])):
                    fm["date"] = fd["date"]
                if fd["place"] and (not fm["place"] or book.types.get(fd["place"]) == "City"):
                    fm["place"] = fd["place"]
                if len(fd["label"]) > len(fm["label"]) and not d.inferred_participants:
                    fm["label"] = fd["label"]
                if d.key and not m.key:
                    m.key = d.key
                m.evidence.extend(d.evidence)
                break
        else:
            merged.append(d)
    return merged


def absorb_parts(events: list[Draft]) -> list[Draft]:
    """An event that is usually part of another ("the sides discussed …", part_of) joins an event
    of those types in the document that shares a participant and has no other date: the
    discussion at the meeting is the meeting, not talks of their own. Alone, it stays."""
    kept: list[Draft] = []
    for d in events:
        whole = next((e for e in events if e is not d and not e.part_of and e.fields["type"] in d.part_of
                      and same_occasion(e, d)), None) if d.part_of else None
        if whole is None:
            kept.append(d)
        else:
            whole.evidence.extend(d.evidence)
    return kept


def same_occasion(whole: Draft, part: Draft) -> bool:
    date = part.fields["date"]
    if date and whole.fields["date"] and whole.fields["date"][:len(date)] != date[:len(whole.fields["date"])]:
        return False
    return bool(set(whole.fields["participants"]) & set(part.fields["participants"]))


def merge_goals(drafts: list[Draft]) -> list[Draft]:
    merged: dict[str, Draft] = {}
    for d in drafts:
        key = d.key or ""
        if d.fields["target"] is None:
            for other in merged.values():
                mine, theirs = norm_text(d.fields["text"]), norm_text(other.fields["text"])
                if other.fields["target"] is None and (mine in theirs or theirs in mine):
                    key = other.key or ""
                    break
        elif d.fields["unit"] is None:
            for other in merged.values():
                if other.fields["target"] == d.fields["target"]:
                    key = other.key or ""
                    break
        if key in merged:
            m = merged[key]
            m.evidence.extend(d.evidence)
            for f in ("deadline", "metric", "unit"):
                if not m.fields[f] and d.fields[f]:
                    m.fields[f] = d.fields[f]
        else:
            merged[key] = d
    return list(merged.values())


def merge_figures(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        for m in merged:
            fm, fd = m.fields, d.fields
            if fm["value"] == fd["value"] and fm["unit"] == fd["unit"] and (
                    fm["metric"] == fd["metric"] or not fm["metric"] or not fd["metric"]
                    or fm["unit"].isupper() or fm["unit"] not in ("percent", "times")):
                m.evidence.extend(d.evidence)
                for f in ("metric", "date"):
                    if not fm[f] and fd[f]:
                        fm[f] = fd[f]
                break
        else:
            merged.append(d)
    return merged


def merge_by_key(drafts: list[Draft]) -> list[Draft]:
    merged: dict[str, Draft] = {}
    for d in drafts:
        if d.key in merged:
            merged[d.key].evidence.extend(d.evidence)
        else:
            merged[d.key or str(len(merged))] = d
    return list(merged.values())
