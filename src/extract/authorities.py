"""Printed territory names read as the authorities they name.

A laureate is printed as a string: `CA du Val Vert / Agence X`, `X, Ville et
Métropole`, `CCAS de X`. Linking it to the official
geography needs the authorities behind that string: each with the kind its
words say (a `Ville`, a `CA`…) and the rest of its name reduced to a key that
abbreviations, accents, dashes, `Saint`/`St` and articles do not change. Only
generic French administrative vocabulary lives here.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import regex

VILLE, CCAS = "ville", "ccas"
CC, CA, CU = "communauté de communes", "communauté d'agglomération", "communauté urbaine"
METROPOLE, DEPARTEMENT, REGION = "métropole", "département", "région"
SYNDICAT, OTHER, JOINT = "syndicat", "other", "joint"
KINDS: tuple[str, ...] = (
    VILLE, CCAS, CC, CA, CU, METROPOLE, DEPARTEMENT, REGION, SYNDICAT, OTHER, JOINT
)  # fmt: skip
EPCI_KINDS = frozenset({CC, CA, CU, METROPOLE})
# `Communauté` alone says an EPCI without saying which kind: its type will.
_EPCI_ANY = "epci"

# The level of the official geography each kind may be linked to; None: any.
# Syndicats and other bodies are not in the geography: never linked (a wrong
# link is worse than none).
LEVEL_OF: dict[str, str | None] = {
    VILLE: "commune",
    CCAS: "commune",
    CC: "epci",
    CA: "epci",
    CU: "epci",
    METROPOLE: "epci",
    _EPCI_ANY: "epci",
    DEPARTEMENT: "departement",
    REGION: "region",
}
UNLINKABLE = frozenset({SYNDICAT, OTHER})

# Folded word sequences naming a kind, longest first where one extends another.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(words.split()), kind)
    for words, kind in (
        ("centre communal d action sociale", CCAS),
        ("ccas", CCAS),
        ("communaute d agglomeration", CA),
        ("agglomeration", CA),
        ("agglo", CA),
        ("ca", CA),
        ("communaute de communes", CC),
        ("communaute des communes", CC),
        ("cc", CC),
        ("communaute urbaine", CU),
        ("cu", CU),
        ("eurometropole", METROPOLE),
        ("metropole", METROPOLE),
        ("communaute", _EPCI_ANY),
        ("conseil departemental", DEPARTEMENT),
        ("conseil general", DEPARTEMENT),
        ("departement", DEPARTEMENT),
        ("conseil regional", REGION),
        ("region", REGION),
        ("ville", VILLE),
        ("commune", VILLE),
        ("mairie", VILLE),
        ("syndicat mixte", SYNDICAT),
        ("syndicat intercommunal", SYNDICAT),
        ("syndicat", SYNDICAT),
        ("sivu", SYNDICAT),
        ("sivom", SYNDICAT),
        ("societe publique locale", OTHER),
        ("spl", OTHER),
        ("sem", OTHER),
        ("gip", OTHER),
        ("association", OTHER),
        ("agence", OTHER),
    )
)
_PREPOSITIONS = frozenset({"de", "du", "des", "d"})
FILLERS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "a", "au", "aux"})
# Words that continue a place name (`Saint-Germain en Laye`): what follows
# a commune's name after one of them is not a locality added to it.
LINKING_WORDS = FILLERS | {"sur", "sous", "lez", "les", "pres"}
_NUMBERS = {
    str(n): word
    for n, word in enumerate(
        ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"), start=1
    )
}
_SYNONYMS = {"saint": "st", "sainte": "ste", **_NUMBERS}
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae"})
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
# An acronym of a syndicat (SIVOM, SMICTOM, SYDEV…), read only when nothing else says.
_SYNDICAT_ACRONYM = regex.compile(r"\b(?:SI|SY|SM)[A-Z]{1,6}\b")
_PARENTHESES = regex.compile(r"\(([^()]*)\)")
SEPARATORS = regex.compile(r"\s*[/,;&+]\s*|\s+et\s+|\s+[\-–—−]+\s+", regex.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Folded words: no case, accents, punctuation; `Saint` as `st`, small numbers spelt."""
    return fold(text)


def fold(text: str) -> tuple[str, ...]:
    """`tokens` without its cache, for names folded once (the official geography's)."""
    # Accents go with the ASCII encoding of the decomposed text (French names are Latin).
    spaced = _NON_WORD.sub(" ", text.translate(_LIGATURES).casefold())
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    return tuple(_SYNONYMS.get(w, w) for w in plain.split())


def loose(words: tuple[str, ...]) -> str:
    """The words that tell two names apart: articles and prepositions dropped."""
    kept = [w for w in words if w not in FILLERS]
    return " ".join(kept or words)


def _phrase_at(words: tuple[str, ...], end: bool) -> tuple[int, str] | None:
    for phrase, kind in _PHRASES:
        n = len(phrase)
        if len(words) >= n and (words[-n:] if end else words[:n]) == phrase:
            return n, kind
    return None


def strip_kinds(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kinds named at either end, the rest): `CA de La Roche-sur-Yon` → (CA,),
    `la roche sur yon`."""
    kinds: list[str] = []
    while words:
        head, tail = _phrase_at(words, end=False), _phrase_at(words, end=True)
        if head is not None:
            kinds.append(head[1])
            words = words[head[0] :]
            while words and words[0] in _PREPOSITIONS:
                words = words[1:]
        elif tail is not None and len(words) > tail[0]:
            kinds.append(tail[1])
            words = words[: -tail[0]]
        else:
            break
    return tuple(kinds), words


def kinds_anywhere(words: tuple[str, ...]) -> set[str]:
    found: set[str] = set()
    for i in range(len(words)):
        hit = _phrase_at(words[i:], end=False)
        if hit is not None:
            found.add(hit[1])
    return found


@dataclass(frozen=True)
class Member:
    """One authority named by (part of) a printed name."""

    text: str  # as printed
    kind: str | None  # from its words; None when they name no kind
    words: tuple[str, ...]  # its name without the kind words
    mixed: bool = False  # words of two levels in one run: not one authority

    @property
    def level(self) -> str | None:
        return LEVEL_OF.get(self.kind) if self.kind else None

    @property
    def linkable(self) -> bool:
        return bool(self.words) and not self.mixed and self.kind not in UNLINKABLE

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def loose_key(self) -> str:
        return loose(self.words)


def _levels(kinds: set[str]) -> set[str | None]:
    return {LEVEL_OF.get(k, k) for k in kinds}


def member(text: str, borrowed: tuple[str, ...] = ()) -> Member:
    words = tokens(text)
    kinds, core = strip_kinds(words)
    mixed = len(_levels(kinds_anywhere(words))) > 1
    kind = next((k for k in kinds if k != _EPCI_ANY), kinds[0] if kinds else None)
    return Member(text, kind, core or borrowed, mixed)


def syndicat_acronym(text: str) -> bool:
    return _SYNDICAT_ACRONYM.search(text) is not None


def split_hints(text: str) -> tuple[str, tuple[str, ...]]:
    """The name without its parentheses, and what they held (`SPL X (Y Métropole)`):
    a parent body or a place that may tell an ambiguous name apart, never a member."""
    hints = tuple(h.strip() for h in _PARENTHESES.findall(text) if h.strip())
    return " ".join(_PARENTHESES.sub(" ", text).split()), hints


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    separator: str  # what precedes it ("" for the first)


def segments(text: str) -> list[Segment]:
    found: list[Segment] = []
    position, separator = 0, ""
    for match in SEPARATORS.finditer(text):
        if match.start() > position:
            found.append(Segment(position, match.start(), separator))
        position, separator = match.end(), match.group().strip()
    if position < len(text):
        found.append(Segment(position, len(text), separator))
    return found
