"""Match the people named in a survey (id, email or name as typed) to the roster's students."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

from teamtool.model import Roster
from teamtool.names import email_key, fold, name_key

#: Fuzzy candidates at or above this similarity are offered for confirmation.
CANDIDATE_THRESHOLD = 0.7
MAX_CANDIDATES = 5
_EMAIL = re.compile(r"[^\s<>()\[\],;\"']+@[^\s<>()\[\],;\"']+\.[^\s<>()\[\],;\"']+")
_PUNCT = re.compile(r"[^\w\s]|_")


@dataclass(frozen=True)
class Match:
    """How a text was matched: ``student_id`` is set only when the match is certain."""

    text: str
    student_id: str | None
    certain: bool
    candidates: tuple[tuple[str, float], ...]  # (student id, similarity), best first
    how: str  # id, email, name, name-reordered, ambiguous, fuzzy, team, none


def loose_key(name: str) -> str:
    """Name key without punctuation: ``D'Angelo`` ~ ``DAngelo``, ``Jean-Luc`` ~ ``Jean Luc``."""
    key = name_key(name).replace("-", " ")
    return " ".join(_PUNCT.sub("", key).split())


def _token_key(name: str) -> str:
    return " ".join(sorted(loose_key(name).split()))


def similarity(query: str, candidate: str) -> float:
    """0..1: how alike two names are (keys already loose). Nickname prefixes score 0.9."""
    if not query or not candidate:
        return 0.0
    ratio = SequenceMatcher(None, query, candidate, autojunk=False).ratio()
    if _prefixes(query, candidate):
        ratio = max(ratio, 0.9)
    return min(ratio, 0.99)  # a fuzzy match is never as good as an exact one


def _prefixes(query: str, candidate: str) -> bool:
    """Every word of a query of 2 or more words begins a different word of the candidate, or
    is begun by one (``Sam Adey`` ~ ``Samuel Adeyemi``)."""
    q_tokens, c_tokens = query.split(), candidate.split()
    if not 2 <= len(q_tokens) <= len(c_tokens):
        return False
    free = list(c_tokens)
    for token in q_tokens:
        hit = next((c for c in free if c.startswith(token) or token.startswith(c)), None)
        if hit is None or min(len(hit), len(token)) < 2:
            return False
        free.remove(hit)
    return True


class PeopleMatcher:
    """Index a roster by id, email and name keys; match texts, never guessing silently."""

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self._names: dict[str, str] = {}
        self._by_id: dict[str, str] = {}
        self._by_email: dict[str, str] = {}
        self._by_key: dict[str, list[str]] = {}
        self._by_loose: dict[str, list[str]] = {}
        self._by_tokens: dict[str, list[str]] = {}
        self._loose_of: dict[str, str] = {}
        for s in roster.students:
            self._names[s.id] = s.name
            self._by_id.setdefault(s.id.strip().casefold(), s.id)
            for mail in (s.email, s.login_id):
                if mail and "@" in mail:
                    self._by_email.setdefault(email_key(mail), s.id)
            if s.name.strip():
                _add(self._by_key, name_key(s.name), s.id)
                _add(self._by_loose, loose_key(s.name), s.id)
                _add(self._by_tokens, _token_key(s.name), s.id)
                self._loose_of[s.id] = loose_key(s.name)
        self._search = _NameSearch(list(self._by_loose))

    def match(self, text: str, *, fuzzy: bool = True) -> Match:
        """Match one text: an id, an email, a name, or a mix like ``Name <email>``.

        Without ``fuzzy``, a text that matches nobody exactly gives ``how="none"`` at once
        (the caller looks among fewer students first: :meth:`close_among`)."""
        raw = text.strip()
        if not raw:
            return Match(text, None, False, (), "none")
        sid = self._by_id.get(raw.casefold()) or self._by_id.get(raw.lstrip("#").casefold())
        if sid is not None:
            return Match(text, sid, True, ((sid, 1.0),), "id")
        emails = _EMAIL.findall(raw)
        for mail in emails:
            sid = self._by_email.get(email_key(mail))
            if sid is not None:
                return Match(text, sid, True, ((sid, 1.0),), "email")
        for token in re.split(r"[\s(),;<>\[\]]+", raw):
            sid = self._by_id.get(token.casefold()) if len(token) >= 3 else None
            if sid is not None and token != raw:
                return Match(text, sid, True, ((sid, 1.0),), "id")
        name = _EMAIL.sub(" ", raw).strip(" <>()[],;")
        if name:
            found = self._exact_name(text, name)
            if found is not None:
                return found
        if (not name and not emails) or not fuzzy:
            return Match(text, None, False, (), "none")
        return self._fuzzy(text, _query(raw))

    def close_among(self, text: str, student_ids: Iterable[str]) -> list[tuple[str, float]]:
        """The students of ``student_ids`` whose name is like the name in ``text`` (at the
        candidate threshold), best first: the fuzzy match within one team."""
        query = _query(text.strip())
        key, tokens = loose_key(query), _token_key(query)
        scored = []
        for sid in student_ids:
            loose = self._loose_of.get(sid, "")
            score = max(similarity(key, loose), similarity(tokens, " ".join(sorted(loose.split()))))
            if score >= CANDIDATE_THRESHOLD:
                scored.append((sid, round(score, 3)))
        return sorted(scored, key=lambda c: (-c[1], c[0]))

    def name_of(self, student_id: str) -> str:
        return self._names.get(student_id, "")

    def _exact_name(self, text: str, name: str) -> Match | None:
        for index, how in (
            (self._by_key.get(name_key(name)), "name"),
            (self._by_loose.get(loose_key(name)), "name"),
            (self._by_tokens.get(_token_key(name)), "name-reordered"),
        ):
            if not index:
                continue
            if len(index) == 1:
                return Match(text, index[0], True, ((index[0], 1.0),), how)
            return Match(text, None, False, tuple((sid, 1.0) for sid in index), "ambiguous")
        return None

    def _fuzzy(self, text: str, query: str) -> Match:
        key = loose_key(query)
        scored: list[tuple[str, float]] = []
        for loose in self._search.could_reach(key, _token_key(query)):
            ids = self._by_loose[loose]
            score = max(
                similarity(key, loose),
                similarity(_token_key(query), " ".join(sorted(loose.split()))),
            )
            if score >= CANDIDATE_THRESHOLD:
                scored.extend((sid, round(score, 3)) for sid in ids)
        scored.sort(key=lambda c: (-c[1], c[0]))
        candidates = tuple(scored[:MAX_CANDIDATES])
        return Match(text, None, False, candidates, "fuzzy" if candidates else "none")


class _NameSearch:
    """Which roster names could reach the candidate threshold, found without comparing the
    query with every name in Python (5,000 names: ~3 ms instead of ~65 ms a query).

    ``difflib``'s ratio counts the letters of matching blocks, which form a common subsequence;
    RapidFuzz's ``fuzz.ratio`` counts the longest common subsequence, so it is never lower and
    bounds the ratio from above. Names it puts under the threshold cannot reach it; nickname
    prefixes (0.9) are found through the first two letters of each word. The scores themselves
    are still difflib's (:func:`similarity`), as before.
    """

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.sorted_names = [" ".join(sorted(n.split())) for n in names]
        self.by_start: dict[str, set[str]] = {}
        for name in names:
            for word in name.split():
                self.by_start.setdefault(word[:2], set()).add(name)

    def could_reach(self, key: str, token_key: str) -> list[str]:
        cutoff = CANDIDATE_THRESHOLD * 100 - 1e-6  # a bound: never skip a name at the threshold
        found: set[str] = set()
        for query, names in ((key, self.names), (token_key, self.sorted_names)):
            hits = process.extract(query, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
            found.update(self.names[index] for _, _, index in hits)
        words = key.split()
        if len(words) >= 2 and all(len(w) >= 2 for w in words):
            starts = [self.by_start.get(w[:2], set()) for w in words]
            found.update(set.intersection(*starts))
        return [name for name in self.names if name in found]  # in roster order, as before


def _query(raw: str) -> str:
    """The name to look for in a text: the text without emails, else an email's local part."""
    name = _EMAIL.sub(" ", raw).strip(" <>()[],;")
    if name:
        return name
    emails = _EMAIL.findall(raw)
    return re.sub(r"[._\d]+", " ", emails[0].split("@")[0]) if emails else ""


def _add(index: dict[str, list[str]], key: str, student_id: str) -> None:
    if key:
        ids = index.setdefault(key, [])
        if student_id not in ids:
            ids.append(student_id)


__all__ = ["Match", "PeopleMatcher", "fold", "loose_key", "similarity"]
