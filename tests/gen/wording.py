"""How the fixed wordings (headings, banners, statements, tags) are printed for a layout."""

from __future__ import annotations

import unicodedata

from .layout import Layout

SMALL_WORDS = frozenset(
    {"et", "de", "du", "des", "la", "le", "les", "aux", "au", "à", "en", "pour", "sur", "d’", "l’"}
)

TIER_ELIDED = {"or": "d’or", "argent": "d’argent", "bronze": "de bronze"}


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def sentence_case(text: str) -> str:
    low = text.lower()
    return low[:1].upper() + low[1:]


def title_case(text: str) -> str:
    words = text.lower().split(" ")
    out = [w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(out)


def apply_case(text: str, case: str) -> str:
    if case == "upper":
        return text.upper()
    if case == "upper_noaccent":
        return strip_accents(text.upper())
    if case == "title":
        return title_case(text)
    return sentence_case(text)


def _colon(text: str, layout: Layout) -> str:
    return {"space": text + " :", "tight": text + ":", "none": text}[layout.heading_colon]


def section_heading(key: str, layout: Layout) -> str:
    """Printed heading for a section key: description, innovation, contributions, partners."""
    base = {
        "description": "DESCRIPTION DU PROJET",
        "innovation": "INNOVATION DU PROJET",
        "contributions": "LES APPORTS DU PROJET"
        if layout.apports_form == "les"
        else "APPORTS DU PROJET",
        "partners": "PARTENAIRES",
    }[key]
    if layout.heading_case == "title":  # "Description Du Projet"
        return _colon(" ".join(w.capitalize() for w in base.split()), layout)
    return _colon(apply_case(base, layout.heading_case), layout)


def banner_text(tier: str, category: str, layout: Layout) -> str:
    text = f"LABEL {tier.upper()} {layout.banner_dash} {category}"
    return text if layout.banner_case == "upper" else title_case(text)


def banner_parts(tier: str, category: str, layout: Layout) -> tuple[str, str]:
    """A split banner's two lines: "LABEL OR" above the category (no dash between them)."""
    label = f"LABEL {tier.upper()}"
    if layout.banner_case == "upper":
        return label, category
    return title_case(label), title_case(category)


def statement_prefix(tier: str, layout: Layout) -> str:
    named = TIER_ELIDED[tier] if layout.statement_form == "elided" else tier
    return f"Label {named} {layout.statement_verb}{layout.statement_colon}"


def project_prefix(layout: Layout) -> str:
    return f"Pour le projet{layout.statement_colon}"


def summary_title(category: str, layout: Layout) -> str:
    name = apply_case(category, layout.summary_case)
    if layout.summary_title == "plain":
        return name
    prefix = apply_case("CATÉGORIE", layout.summary_case)
    return f"{prefix} – {name}"


def summary_tag(tier: str, layout: Layout) -> str:
    tag = f"label {tier}"
    if layout.summary_tag_case == "title":
        tag = title_case(tag)
    elif layout.summary_tag_case == "upper":
        tag = tag.upper()
    return f"[{tag}]"


def page_number(n: int, total: int, layout: Layout) -> str:
    return {
        "plain": str(n),
        "page": f"Page {n}",
        "of_total": f"{n} / {total}",
        "dashes": f"– {n} –",
        "none": "",
    }[layout.page_number_style]
