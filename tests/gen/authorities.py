"""Invented authorities printed in the ways directories print them, with the truth of
which authority each printing names.

Two editions drawn with one `Cast` print the same authorities, each time (and in
the summary and on the detail page) in a form drawn afresh: abbreviations,
`Ville de` or not, `Saint`/`St`, accents dropped, hyphens as spaces or dashes,
a co-signer after a slash.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from . import phrases as P
from .content import Edition

# Co-signers printed after a slash (invented; no kind words, as an agency's acronym).
COSIGNERS: tuple[str, ...] = ("ANTL", "ARNUM", "Lab’Orvanne")


@dataclass(frozen=True)
class Authority:
    ident: str  # its truth: one per authority
    kind: str  # ville, ccas, ca, cc, metropole, departement, syndicat
    stem: str  # a town, a `du Pays…` or a river


def _de(name: str) -> str:
    return f"d’{name}" if name[0] in "AEIOUÉÈÊH" else f"de {name}"


def _bare(pays: str) -> str:
    """`du Val Vert` → `Val Vert`: how an abbreviated form often drops the article."""
    for article in ("du ", "des ", "de la ", "de l’", "d’"):
        if pays.startswith(article):
            return pays[len(article) :]
    return pays


def _forms(a: Authority) -> tuple[str, ...]:
    s = a.stem
    if a.kind == "ville":
        return (f"Ville {_de(s)}", s, f"Commune {_de(s)}", f"Ville {_de(s)}".replace("’", "'"))
    if a.kind == "ccas":
        return (f"CCAS {_de(s)}", f"Centre Communal d’Action Sociale {_de(s)}", f"CCAS {s}")
    if a.kind == "ca":
        return (f"Communauté d’Agglomération {s}", f"CA {s}", f"CA {_bare(s)}",
                f"Communauté d'agglomération {s}")  # fmt: skip
    if a.kind == "cc":
        return (f"Communauté de Communes {s}", f"CC {s}", f"CC {_bare(s)}",
                f"Communauté de communes {s}")  # fmt: skip
    if a.kind == "metropole":
        return (f"{s} Métropole", f"Métropole {_de(s)}", f"Métropole {s}")
    if a.kind == "departement":
        return (f"Département de la {s}", f"Conseil départemental de la {s}")
    return (f"Syndicat mixte numérique {s}", f"Syndicat Mixte Numérique {s}")


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


def printing(a: Authority, rng: random.Random) -> str:
    """One printed form of `a`, drawn at random."""
    text = rng.choice(_forms(a))
    if rng.random() < 0.3:
        text = text.replace("Saint-", "St-").replace("Sainte-", "Ste-")
    if rng.random() < 0.25:
        text = _unaccented(text)
    if rng.random() < 0.25:
        text = text.replace("-", rng.choice((" ", "–")))
    if rng.random() < 0.15:
        text = f"{text} / {rng.choice(COSIGNERS)}"
    return text


def pool(rng: random.Random, size: int = 48) -> tuple[Authority, ...]:
    """`size` distinct authorities; the same stem under several kinds is several."""
    drawn: dict[tuple[str, str], Authority] = {}
    makers = (
        ("ville", P.TOWNS),
        ("ccas", P.TOWNS),
        ("metropole", P.TOWNS),
        ("ca", P.PAYS),
        ("cc", P.PAYS),
        ("syndicat", P.PAYS),
        ("departement", P.RIVERS),
    )
    while len(drawn) < size:
        kind, stems = rng.choice(makers)
        stem = rng.choice(stems)
        drawn.setdefault((kind, stem), Authority(f"{kind}:{stem}", kind, stem))
    return tuple(drawn.values())


@dataclass
class Cast:
    """Authorities shared by several editions; `printed` maps each printing to its truth."""

    authorities: tuple[Authority, ...]
    printed: dict[str, str] = field(default_factory=dict)

    def apply(self, ed: Edition, rng: random.Random) -> None:
        """Give each laureate of `ed` its own authority, printed anew in both places."""
        laureates = [lau for laus in ed.summary.values() for lau in laus]
        chosen = rng.sample(self.authorities, len(laureates))
        for lau, authority in zip(laureates, chosen, strict=True):
            lau.territory, lau.sum_territory = printing(authority, rng), printing(authority, rng)
            for text in (lau.territory, lau.sum_territory):
                if self.printed.setdefault(text, authority.ident) != authority.ident:
                    raise AssertionError(f"{text!r} prints two authorities")
