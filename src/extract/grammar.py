"""Every pattern of the directory's vocabulary, in one place.

Patterns tolerate case, accents, dash and apostrophe variants, spacing and
optional colons, because each edition's designer prints them differently.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

DASH = r"[\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]"
APOS = r"['\u2019\u02bc`\u00b4]"
_I = regex.IGNORECASE | regex.VERSION1
TIER_WORDS = r"or|argent|bronze"

BANNER = regex.compile(
    rf"^\s*label\s+(?P<tier>{TIER_WORDS})\s*(?:{DASH}+|:)\s*(?P<category>\S.*?)\s*$", _I
)
STATEMENT = regex.compile(
    rf"^\s*label\s+(?:d{APOS}\s*(?P<tier>or|argent)|(?:de\s+)?(?P<tier>{TIER_WORDS}))"
    rf"\s+(?:est\s+)?(?:attribu|d[ée]cern)[ée]e?s?\s+[àa]\s*:?\s*(?P<territory>.*?)\s*$",
    _I,
)
PROJECT = regex.compile(r"^\s*pour\s+le\s+projet\s*:?\s*(?P<project>.*?)\s*$", _I)
SECTIONS: dict[str, regex.Pattern[str]] = {
    "description": regex.compile(r"^\s*description\s+du\s+projet\s*:?\s*(?P<rest>.*?)\s*$", _I),
    "innovation": regex.compile(r"^\s*innovations?\s+du\s+projet\s*:?\s*(?P<rest>.*?)\s*$", _I),
    "contributions": regex.compile(
        r"^\s*(?:les\s+)?apports\s+du\s+projet\s*:?\s*(?P<rest>.*?)\s*$", _I
    ),
    "partners": regex.compile(r"^\s*partenaires\s*:?\s*(?P<rest>.*?)\s*$", _I),
}
# The first line of a section heading wrapped in a narrow column ("DESCRIPTION DU").
SECTION_START = regex.compile(
    r"^\s*(?:description|innovations?|les|(?:les\s+)?apports)(?:\s+du)?\s*$", _I
)
SUMMARY_TAG = regex.compile(rf"\s*[\[(]\s*label\s+(?P<tier>{TIER_WORDS})\s*[\])]\s*$", _I)
# The same tag opening a line, before the text it belongs with.
SUMMARY_TAG_LEAD = regex.compile(rf"^\s*[\[(]\s*label\s+(?P<tier>{TIER_WORDS})\s*[\])]\s*", _I)
# A tag wrapped by a narrow cell: its opening at a line's end ("… Maritime [LABEL"),
# its close at the next line's start ("ARGENT]").
SUMMARY_TAG_OPEN = regex.compile(rf"[\[(]\s*label(?:\s+(?:{TIER_WORDS}))?\s*$", _I)
SUMMARY_TAG_CLOSE = regex.compile(rf"^\s*(?:(?:{TIER_WORDS})\s*)?[\])]", _I)
# A banner's first line when the category stands on the next one ("LABEL OR", "LABEL OR –").
BANNER_HEAD = regex.compile(rf"^\s*label\s+(?P<tier>{TIER_WORDS})\s*(?:{DASH}+|:)?\s*$", _I)
# "LABEL" alone: a banner's head wrapped before its tier in a very narrow box.
LABEL_WORD = regex.compile(r"^\s*label\s*$", _I)
CATEGORY_PREFIX = regex.compile(rf"^\s*cat[ée]gorie\s*(?:{DASH}+|:)?\s*", _I)
_GLYPHS = r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7]"
BULLET = regex.compile(rf"^\s*(?:{_GLYPHS}|[\-\u2013]\s)")
# A bullet that is a glyph and never a dash: a dash opening a line may be the
# " – subtitle" of a wrapped title as well as an item's mark.
GLYPH_BULLET = regex.compile(rf"^\s*{_GLYPHS}")
YEAR = regex.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")

# Stated counts of the introduction, read from whole paragraphs.
_NUM = r"(?P<n>\d{1,4})"
_UNIT = r"(?:territoires|collectivit[ée]s|projets|dossiers|candidatures|laur[ée]ats)"
STATED_APPLICATIONS = regex.compile(
    rf"{_NUM}\s+(?:dossiers|candidatures)\b[^.;]{{0,60}}?\b(?:soumis|re[çc]us|d[ée]pos[ée]s)",
    _I,
)
STATED_AUDITIONED = regex.compile(
    rf"{_NUM}\s+{_UNIT}\s+ont\s+[ée]t[ée]\s+\w+\s+et\s+invit[ée]s?\s+[àa]\s+auditionner", _I
)
STATED_LABELLED = regex.compile(
    rf"seul(?:e)?s\s+{_NUM}\s+{_UNIT}|{_NUM}\s+{_UNIT}\s+(?:ont\s+[ée]t[ée]\s+)?labellis[ée]s", _I
)
# A heading's line ending in one of these words, a dash or an elided article
# (`L’`, `D’`) cannot end it: the phrase goes on on the next line.
OPEN_END = regex.compile(
    rf"(?:\b(?:et|de|des|du|la|le|les|aux|au|à|en|pour|sur|par)|{DASH}|,|\b[ld]{APOS})\s*$", _I
)
JURY_HEADING = regex.compile(r"^\s*(?:le\s+|les\s+membres\s+du\s+)?jury\s*:?\s*$", _I)
CRITERIA_HEADING = regex.compile(r"crit[èe]res", _I)


_DASH_RE = regex.compile(DASH)
_APOS_RE = regex.compile(APOS)
_SPACE_RE = regex.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, dash- and apostrophe-insensitive key of a heading."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = _DASH_RE.sub("-", _APOS_RE.sub("'", stripped))
    return _SPACE_RE.sub(" ", stripped).strip()


def tier_of(match: regex.Match[str]) -> str:
    return str(match.group("tier")).casefold()


def section_of(text: str) -> tuple[str, str] | None:
    """(section name, text after the heading) when the line opens a section."""
    for name, pattern in SECTIONS.items():
        found = pattern.match(text)
        if found:
            return name, str(found.group("rest"))
    return None


def is_structural(text: str) -> bool:
    """Lines that repeat by design and must never be taken for furniture."""
    return bool(
        BANNER.match(text)
        or STATEMENT.match(text)
        or PROJECT.match(text)
        or section_of(text)
        or SUMMARY_TAG.search(text)
        or SUMMARY_TAG_LEAD.match(text)
        or BANNER_HEAD.match(text)
    )


def summary_category(printed: str) -> str:
    """A summary title without its optional 'CATÉGORIE –' prefix."""
    return CATEGORY_PREFIX.sub("", printed).strip()
