"""Normalisation keys for comparing printed names.

The same laureate is printed differently in two places of one directory:
abbreviations, `Ville de`, punctuation, accents, case, small typos. These
keys remove what does not distinguish two territories or two projects, so
that the fuzzy scorer only sees what does.
"""

from __future__ import annotations

import functools

import regex
from rapidfuzz import fuzz

from extract.grammar import fold
from extract.text import collapse

# Longest forms first so that a longer phrase is replaced before its prefix.
_ABBREVIATIONS: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(rf"\b{long}\b"), short)
    for long, short in (
        ("communaute d agglomeration", "ca"),
        ("communaute urbaine", "cu"),
        ("communaute de communes", "cc"),
        ("centre communal d action sociale", "ccas"),
        ("saint", "st"),
        ("sainte", "ste"),
    )
)
_FILLERS = regex.compile(r"\b(?:ville|commune|de|du|des|d|la|le|les|l|et|en|a|au|aux)\b")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def canonical_category(printed: str) -> str:
    """Banner categories are canonical as printed, in upper case with accents."""
    return collapse(printed).upper()


def category_key(text: str) -> str:
    return _NON_WORD.sub(" ", fold(text)).strip()


def match_category(printed: str, categories: list[str]) -> str:
    """The banner category a summary title names, tolerating case and accents."""
    key = category_key(printed)
    for category in categories:
        if category_key(category) == key:
            return category
    best = max(categories, key=lambda c: fuzz.ratio(category_key(c), key), default=None)
    if best is not None and fuzz.ratio(category_key(best), key) >= 90:
        return best
    return canonical_category(printed)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Territory or project key: folded, abbreviations unified, fillers dropped."""
    key = " " + _NON_WORD.sub(" ", fold(text)).replace("'", " ") + " "
    for long, short in _ABBREVIATIONS:
        key = long.sub(short, key)
    kept = collapse(_FILLERS.sub(" ", key))
    return kept or collapse(key)  # a name made only of fillers keeps them


def same_name(a: str, b: str) -> bool:
    """Equal once normalised: a difference that is not worth reporting."""
    return name_key(a) == name_key(b)


def light_key(text: str) -> str:
    """Only case, accents, punctuation and spacing removed: what still differs
    under this key is a real printed variant worth telling."""
    return collapse(_NON_WORD.sub(" ", fold(text)))
