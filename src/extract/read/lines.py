"""Words to lines, shared by every backend.

A backend only has to produce positioned words and the bounds of its drawn
shapes; grouping words into rows and cutting rows at column gutters is the same
problem whatever library read the characters, so it is solved once here. The
order in which lines are read is the layout stage's business (`extract.layout`).
"""

from __future__ import annotations

import bisect
import statistics
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from extract.model import BBox, Line, Word, word_spaces
from extract.read.columns import ALIGN_TOLERANCE, column_gutters

# A gap wider than this many font sizes between two words of one row is a
# column gutter, not a word space. Justified text stretches spaces to about
# 1.2 em at worst; gutters are several em wide.
GUTTER_EM = 1.8
# ...but a gap of this many font sizes is a gutter where a column is known to start.
NARROW_GUTTER_EM = 0.9
# ...or where the weight changes across it, if the rows around leave it blank.
RESTYLED_EM = 1.2

_DASHES = frozenset("–—-")
BULLETS = frozenset("•●▪■◦‣∙·-–")
_TOP_LEFT = attrgetter("top", "x0")
_LEFT = attrgetter("x0")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\xa0": " "})


def clean_text(text: str) -> str:
    """NFC with typographic ligatures spelled out and no-break spaces made plain."""
    return unicodedata.normalize("NFC", text.translate(_LIGATURES))


def rows_of(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into rows: each joins the recent row it overlaps most.

    A row's span is that of its first word and does not grow, so that two
    columns whose baselines are offset cannot chain lines together. (This
    runs for every word of every page: comparisons are spelled out rather
    than calling min and max.)
    """
    rows: list[list[Word]] = []
    spans: list[tuple[float, float, float]] = []  # top, bottom, height of each row
    for word in sorted(words, key=_TOP_LEFT):
        top, bottom = word.top, word.bottom
        height = bottom - top if bottom - top > 0.1 else 0.1
        best, best_share = -1, 0.5
        for index in range(len(rows) - 1, max(len(rows) - 5, -1), -1):
            row_top, row_bottom, row_height = spans[index]
            if row_bottom <= top:
                continue  # no overlap: a share of zero or less never wins
            overlap = (row_bottom if row_bottom < bottom else bottom) - (
                row_top if row_top > top else top
            )
            share = overlap / (height if height < row_height else row_height)
            if share >= best_share:
                best, best_share = index, share
        if best >= 0:
            rows[best].append(word)
        else:
            rows.append([word])
            spans.append((top, bottom, bottom - top if bottom - top > 0.1 else 0.1))
    return [sorted(row, key=_LEFT) for row in rows]


def _covers(row: list[Word], x: float) -> bool:
    return any(w.x0 < x < w.x1 for w in row)


class _Witness:
    """One row's words as inked stretches, asked about many points across a gap.

    `gutter_between` asks every row around a wide space about every point one
    point apart across it: asked word by word, that was a third of the reading
    time of a page of tables. The stretches are merged and sorted once, and each
    point is one bisection; the answers are `_covers` and `_flanks`' own.
    """

    __slots__ = ("starts", "ends", "first_end", "last_start")

    def __init__(self, row: list[Word]) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []
        for x0, x1 in sorted((w.x0, w.x1) for w in row if w.x1 > w.x0):
            if self.ends and x0 < self.ends[-1]:  # open stretches that overlap are one
                self.ends[-1] = max(self.ends[-1], x1)
            else:
                self.starts.append(x0)
                self.ends.append(x1)
        self.first_end = min((w.x1 for w in row), default=float("inf"))
        self.last_start = max((w.x0 for w in row), default=float("-inf"))

    def covers(self, x: float) -> bool:
        i = bisect.bisect_left(self.starts, x) - 1
        return i >= 0 and x < self.ends[i]

    def flanked(self, x: float) -> bool:
        """`flanks`, for a point already known not covered."""
        return self.first_end <= x <= self.last_start

    def flanks(self, x: float) -> bool:
        return self.flanked(x) and not self.covers(x)


def gutter_between(
    rows: list[list[Word]],
    index: int,
    left: Word,
    right: Word,
    strip_em: float = 0.8,
    tie: bool = False,
) -> bool:
    """Whether the rows around row `index` leave a strip of [left, right] blank,
    as they do along a gutter.

    A wide space of one justified line has words above and below it, or, now
    and then, the spaces between words of the lines around it (a river, a few
    points wide); a gutter runs on through the rows next to it, with words on
    both sides. The rows of the same run of text (up to five on each side, each
    within a line's pitch of the next) vote at points one point apart across
    the space (a row with words on one side only abstains): a strip of 0.8 em
    (`strip_em`) must have twice as many rows for a gutter as against it, or no vote at all (the
    gap decides then), or as many when `tie` (a gap wider than a gutter after a
    bold label: the text of the next section, whose labels are narrower or wider,
    may start inside the strip). Only words of the sizes printed in the row
    vote: a heading above is no part of the text, a heading run into it is.
    """
    em = min(left.size, right.size)
    # Words of the sizes in this row: a heading above is no part of its text, but
    # a heading run into it is (its justified spaces are the paragraph's).
    sizes = tuple({w.size for w in rows[index]})
    lo, hi = left.x0 - em, right.x1 + em  # a row's words further off say nothing here
    own_run = _run_rows(rows, index, sizes, 1.6 * em)
    near = [[w for w in row if w.x1 > lo and w.x0 < hi] for row in own_run]
    probes = list(_probes(left, right))
    witnesses = [_Witness(row) for row in near]
    if not any(w.flanks(x) or w.covers(x) for w in witnesses for x in probes):
        if sum(1 for row in near if row and abs(row[-1].x1 - left.x1) <= 1.0) >= 2:
            # The lines of its run end where `left` does: that is their column's
            # edge, and `right` stands beyond it (a heading of the next column
            # beside a paragraph's first line, a page number over them).
            return True
        # One such line will do for a heading in another weight a gutter away (a
        # justified line's stretched spaces keep the weight; a run-in heading's
        # space is no gutter).
        wide = right.x0 - left.x1 > GUTTER_EM * em
        enough = 1 if right.bold != left.bold and wide else 2
        if len(own_run) >= enough and all(
            max(w.x1 for w in row) <= left.x1 + 1.0 for row in own_run
        ):
            # Ragged lines of its run all end before `left` does: `right` stands
            # past their column (a heading beside a spilled record's first line).
            return True
        # Its own run has nothing on either side (a line set alone, justified
        # wide): the text just below or above it, a paragraph away and in the
        # same weight, says (a table's bold header is not judged by its cells).
        weights = {left.bold, right.bold}
        near = [
            [w for w in row if w.x1 > lo and w.x0 < hi and w.bold in weights]
            for row in _run_rows(rows, index, sizes, 2.5 * em)
        ]
        witnesses = [_Witness(row) for row in near]
    if not near:
        return True
    run = 0.0
    for x in probes:
        covered = beside = 0
        for witness in witnesses:
            if witness.covers(x):
                covered += 1
            elif witness.flanked(x):
                beside += 1
        ahead = covered <= beside if tie else 2 * covered < beside
        run = run + 1.0 if ahead or covered == beside == 0 else 0.0
        if run >= strip_em * em:
            return True
    return False


def _probes(left: Word, right: Word) -> Iterator[float]:
    x = left.x1 + 0.5
    while x < right.x0:
        yield x
        x += 1.0


def _run_rows(
    rows: list[list[Word]], index: int, sizes: tuple[float, ...], pitch: float
) -> list[list[Word]]:
    """Up to five rows on each side of row `index`, each within `pitch` of the
    next, keeping the words of the sizes given."""
    near = []
    for step in (-1, 1):  # the rows of the same run of text, up and down
        k = index
        while 0 <= k + step < len(rows) and abs(k + step - index) <= 5:
            if abs(rows[k + step][0].top - rows[k][0].top) > pitch:
                break  # a wider gap: another paragraph, heading or element
            k += step
            near.append([w for w in rows[k] if min(abs(w.size - s) for s in sizes) <= 0.6])
    return [row for row in near if row]


def _flanks(row: list[Word], x: float) -> bool:
    """A row with words on both sides of a blank `x`: a witness that a gutter runs
    there (a row that ends before it, or starts after it, says nothing)."""
    return not _covers(row, x) and any(w.x1 <= x for w in row) and any(w.x0 >= x for w in row)


def _ruled_between(left: Word, right: Word, rules: Sequence[BBox]) -> bool:
    """A vertical rule (a table's column border) stands between two words."""
    return any(
        left.x1 - 0.5 <= (r.x0 + r.x1) / 2 <= right.x0 + 0.5
        and r.top < max(left.bottom, right.bottom)
        and r.bottom > min(left.top, right.top)
        for r in rules
    )


@dataclass(frozen=True)
class _Drawn:
    """What a page's drawing says of its words' rows: vertical `rules` (a table's
    column borders), those `shown` by its horizontal rules drawn cell by cell,
    `weak` ones (the cell borders of a table's only row on a page), and
    `across`, the horizontal rules (a table's rows run between them)."""

    rules: Sequence[BBox] = ()
    weak: Sequence[BBox] = ()
    across: Sequence[BBox] = ()
    shown: Sequence[BBox] = ()

    def ruled_row(self, word: Word) -> bool:
        """A rule spans `word` within a few lines above it and another below it."""
        reach = 5 * word.size
        spans = [r for r in self.across if r.x0 <= word.x0 and r.x1 >= word.x1]
        return any(word.top - reach < r.bottom <= word.top for r in spans) and any(
            word.bottom <= r.top < word.bottom + reach for r in spans
        )


_NOTHING_DRAWN = _Drawn()


def _segments(
    rows: list[list[Word]], index: int, drawn: _Drawn = _NOTHING_DRAWN
) -> list[list[Word]]:
    """Cut a row where the gap between two words is a gutter, or a rule, or a
    weak rule (a lone table row's cell border) across more than half an em."""
    rules, weak = drawn.rules, drawn.weak
    row = rows[index]
    segments: list[list[Word]] = [[row[0]]]
    for k, (previous, word) in enumerate(zip(row, row[1:], strict=False), start=1):
        gap = word.x0 - previous.x1
        em = min(previous.size, word.size)
        # A change of type size across a wide space, or of weight across a wider
        # one (a bold label beside text), may be a column, not a phrase; one heading
        # in two sizes (small capitals, letter-spaced) is a phrase.
        larger = max(previous.size, word.size)
        resized = abs(previous.size - word.size) > 1.0
        reweighted = previous.bold != word.bold
        restyled = (resized and gap > (em if reweighted else larger)) or (
            reweighted and gap > RESTYLED_EM * larger
        )
        if len(segments[-1]) == 1 and previous.text in BULLETS:
            segments[-1].append(word)  # a bullet and its item's text
        elif (
            _opens_item(word, gap, em)
            or (
                (gap > GUTTER_EM * em or restyled)
                and gutter_between(
                    rows,
                    index,
                    previous,
                    word,
                    tie=_label_beside(rows, index, k, GUTTER_EM * larger),
                )
                and not justified_space(
                    rows, index, k, after_cut=len(segments[-1]) == 1 and segments[-1][0] is previous
                )
                and not _run_into_justified(rows, index, k)
            )
            or (rules and _ruled_between(previous, word, rules))
            or (
                # A border no line draws, reaching up over the table's first rule
                # for its header, cuts no line whose spaces are all alike (a title
                # just above the table).
                drawn.shown
                and not _justified(row, k - 1)
                and _ruled_between(previous, word, drawn.shown)
            )
            or (weak and gap > 0.5 * em and _ruled_between(previous, word, weak))
            or (len(segments[-1]) > 1 and _cell_printed_up_to(rows, index, k))
            or (
                len(segments[-1]) > 1
                and _cell_wrapped_beside(rows, index, k, segments[-1], drawn.ruled_row(word))
            )
            or _label_cell_up_to(rows, index, k)
            or _label_in_a_column_of_labels(rows, index, k)
            or _label_over_its_rest(rows, index, k)
            or _label_rest_beside_text(rows, index, k)
        ):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def usual_space(words: Sequence[Word]) -> float | None:
    """The median space between consecutive words (None for fewer than two)."""
    spaces = word_spaces(words)
    return statistics.median(spaces) if spaces else None


def _cell_printed_up_to(rows: list[list[Word]], index: int, k: int) -> bool:
    """A cell's words printed up to the next cell's, whose lines below show where it
    starts: after twice the row's usual space (half an em at least, and not one of
    a justified line's stretched spaces), `row[k]` starts right where the next
    row, its cell going on, starts (`[LABEL ARGENT] Communauté de` over
    `Communes des Portes du`), first in that row or after more than a word
    space that is none of its line's stretched ones (the cell before it going
    on too): running text's next line starts at its margin."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    gap = word.x0 - previous.x1
    if gap <= 0.5 * word.size or index + 1 >= len(rows):
        return False  # a word space: most pairs end here, before the row is measured
    below = rows[index + 1]
    going_on = [
        w
        for j, w in enumerate(below)
        if abs(w.x0 - word.x0) <= RIGHT_ON
        and (j == 0 or (w.x0 - below[j - 1].x1 > 0.5 * w.size and not _justified(below, j - 1)))
    ]
    if not going_on:
        return False
    if gap < 2 * (usual_space(row) or 0.0):
        return False
    if _justified(row, k - 1):
        return False
    on = going_on[0]
    return 0 < on.top - word.top <= 2 * word.size and abs(on.size - word.size) <= 0.6


def _run_into_justified(rows: list[list[Word]], index: int, k: int) -> bool:
    """A bold heading run into a justified line (`Les  apports  du  projet   Un
    service  public`): the spaces on both sides of the one before row[k] are
    stretched (wider than a word space, RUN_IN_STRETCHED of an em) and it is at
    most RUN_IN_SPACE times as wide as they are, and the word after it starts no
    column in the rows around (their spaces seen whole: a justified line's word
    starting there after one of its stretched spaces starts none)."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    if not previous.bold or word.bold:
        return False
    before, after = _gap(row, k - 2), _gap(row, k)
    if before is None or after is None:
        return False
    stretched = min(before, after)
    return (
        stretched > RUN_IN_STRETCHED * word.size
        and word.x0 - previous.x1 <= RUN_IN_SPACE * max(before, after)
        and not _column_starts_at(_near_words(rows, index, k, context=True), word)
    )


# A run-in heading's space is at most this many times its line's stretched ones,
# which are wider than this many ems (a word space is about a quarter).
RUN_IN_SPACE = 2.0
RUN_IN_STRETCHED = 0.3


def _cell_wrapped_beside(
    rows: list[list[Word]], index: int, k: int, cell: list[Word], ruled: bool
) -> bool:
    """A cell whose text wrapped, beside the next cell printed close to it
    (`… citoyenne de la   CCAS de …` over `métropole`): after three times the
    row's usual space (three quarters of an em at least; twice and half an em
    in a row between a table's rules, `ruled`), not one of a justified line's
    stretched spaces, the next row, the cell going on, starts where this cell
    starts and leaves the space and all after it blank. Running text has no such
    space; a cell's next line there says its text could not go on across it.
    The usual space is the `cell`'s so far (the row's other columns may be set
    tighter than a justified line's)."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    start = cell[0]
    gap = word.x0 - previous.x1
    least, times = (0.5, 2.0) if ruled else (0.75, 3.0)
    if gap <= least * word.size or index + 1 >= len(rows) or _justified(row, k - 1):
        return False
    space = usual_space(cell)
    if space is None or gap < times * space:
        return False
    below = [w for w in rows[index + 1] if w.x1 > start.x0 - 1.0]
    return (
        bool(below)
        and 0 < below[0].top - word.top <= 2 * word.size
        and abs(below[0].size - word.size) <= 0.6
        and abs(below[0].x0 - start.x0) <= 1.0
        and all(w.x1 < previous.x1 for w in below if w.x0 < word.x1)
    )


def _label_cell_up_to(rows: list[list[Word]], index: int, k: int) -> bool:
    """A bold label printed up to the text of the cell beside it (`Apports du`
    then `L’innovation au cœur des quartiers`, the label's cell full): after
    more than half an em and twice the label's own spaces (the row's, for a label
    of one word), not one of a justified line's stretched spaces, plain text
    starts where at least two rows of its block start, and none of them prints
    across the space. A heading run into its paragraph has the paragraph's next
    lines running under that space. (The row's other columns, and the label's
    text stretched wider than the space, say nothing of the label's own.)"""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    gap = word.x0 - previous.x1
    if not previous.bold or word.bold or gap <= 0.5 * word.size:
        return False
    start = _label_start(row, k)
    label = row[start:k]
    if gap < 2 * (usual_space(label if len(label) > 1 else row) or 0.0):
        return False
    if _justified(row, k - 1):
        return False
    near = _near_words(rows, index, k, block_from=row[start].x0)
    middle = (previous.x1 + word.x0) / 2
    starts = sum(1 for other in near if abs(other[0].x0 - word.x0) <= 1.0)
    return starts >= 2 and not any(_covers(other, middle) for other in near)


def _label_start(row: list[Word], k: int) -> int:
    """Where the bold label ending at row[k - 1] starts on its row: its words
    stand closer to each other than it stands to row[k]."""
    gap = row[k].x0 - row[k - 1].x1
    start = k - 1
    while start > 0 and row[start - 1].bold and row[start].x0 - row[start - 1].x1 < gap:
        start -= 1
    return start


def _label_in_a_column_of_labels(rows: list[list[Word]], index: int, k: int) -> bool:
    """A bold label opening its row where bold labels of the rows around start
    (a column of labels), then plain text after more than a restyle's space and
    three times the text's own spaces: the label's cell and its text's, however
    narrow the strip between them (a table's last row at a column's foot, its
    text going on in the next column, has no rows of its own to show where its
    text starts)."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    gap = word.x0 - previous.x1
    em = max(previous.size, word.size)
    if not previous.bold or word.bold or gap <= RESTYLED_EM * em:
        return False
    start = _label_start(row, k)
    if start > 0 and row[start].x0 - row[start - 1].x1 <= GUTTER_EM * em:
        return False  # the label does not open its row in its column
    text = [row[k]]
    for w in row[k + 1 :]:
        if w.bold or w.x0 - text[-1].x1 >= gap:
            break
        text.append(w)
    spaces = [b.x0 - a.x1 for a, b in zip(text, text[1:], strict=False)]
    if not spaces or gap < 3 * max(spaces):
        return False
    edge = row[start].x0
    return any(
        any(w.bold and abs(w.x0 - edge) <= 1.0 for w in other)
        for other in _run_rows(rows, index, tuple({w.size for w in row}), 2.5 * em)
    )


def _label_over_its_rest(rows: list[list[Word]], index: int, k: int) -> bool:
    """A bold label whose rest stands on the next row, alone in bold under its
    start (`APPORTS` then `DU`, then `PROJET :`), beside plain text after more
    than a restyle's space that is none of the line's stretched ones (the
    section's subtitle, in a cell of its own): the label's column, however wide
    other sections' labels reach into the strip. A heading run into its text
    has the text going on in the next row."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    gap = word.x0 - previous.x1
    larger = max(previous.size, word.size)
    if not previous.bold or word.bold or gap <= RESTYLED_EM * larger or _justified(row, k - 1):
        return False
    start = _label_start(row, k)
    if index + 1 >= len(rows):
        return False
    below = [w for w in rows[index + 1] if w.x1 > row[start].x0 - 1.0 and w.x0 < word.x1]
    return (
        bool(below)
        and 0 < below[0].top - previous.top <= 2 * larger
        and abs(below[0].x0 - row[start].x0) <= 1.0
        and all(w.bold and w.x1 < word.x0 - 0.5 * word.size for w in below)
    )


def _label_rest_beside_text(rows: list[list[Word]], index: int, k: int) -> bool:
    """The rest of a bold label (`Du Projet :` under `Apports`) opening its row,
    printed up to plain text that starts where the text beside the label's first
    line starts: the label's cell, then its text's, however narrow the space
    between them (a justified line's stretched spaces may be as wide)."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    if word.bold or word.x0 - previous.x1 <= 0.5 * word.size or index == 0:
        return False
    if not all(w.bold for w in row[:k]):
        return False
    above = rows[index - 1]
    if not 0 < row[0].top - above[0].top <= 2 * max(previous.size, word.size):
        return False
    return (
        above[0].bold
        and abs(above[0].x0 - row[0].x0) <= 1.0
        and any(
            not w.bold and abs(w.x0 - word.x0) <= 1.0 and w.x0 - v.x1 > 0.5 * w.size
            for v, w in zip(above, above[1:], strict=False)
        )
    )


def _label_beside(rows: list[list[Word]], index: int, k: int, wide: float) -> bool:
    """Bold words, then plain text after more than `wide`, or after a narrower
    space that is none of its line's stretched ones, starting where rows around
    start: a label in a margin beside its text's column, whose strip the next
    section's text may enter (its labels being narrower), not a heading run into
    a justified line. The narrower space is a label's second line (`du projet :`
    under `Innovation`), nearly as wide as the strip it stands in."""
    row = rows[index]
    previous, word = row[k - 1], row[k]
    gap = word.x0 - previous.x1
    return (
        previous.bold
        and not word.bold
        and (gap > wide or (gap > RESTYLED_EM * word.size and not _justified(row, k - 1)))
        and _column_starts_at(_near_words(rows, index, k), word)
    )


# Two spaces of one line within this many points are stretched alike.
STRETCHED_ALIKE = 0.5


def _gap(row: list[Word], k: int) -> float | None:
    return row[k + 1].x0 - row[k].x1 if 0 <= k < len(row) - 1 else None


def _justified(row: list[Word], k: int, after_cut: bool = False) -> bool:
    """The space after row[k] is as wide as a space next to it (not the one
    before, `after_cut`): the evenly stretched spaces of one justified line."""
    gap = _gap(row, k)
    assert gap is not None
    neighbours = (_gap(row, k + 1),) if after_cut else (_gap(row, k - 1), _gap(row, k + 1))
    return any(other is not None and abs(other - gap) <= STRETCHED_ALIKE for other in neighbours)


def _near_words(
    rows: list[list[Word]],
    index: int,
    k: int,
    context: bool = False,
    block_from: float | None = None,
) -> list[list[Word]]:
    """The words around the space before row[k] in the rows of its run of text;
    with `context`, each row's words also one word further on either side, so
    that a space at the window's edge is seen between its two words (a justified
    line's stretched space, not a column's start); with `block_from`, only the
    rows up to one blank from there to past the space, on either side (a blank
    line in that column: another paragraph or section of it)."""
    row = rows[index]
    em = row[k].size
    lo, hi = row[k - 1].x0 - em, row[k].x1 + em
    sizes = tuple({w.size for w in row})
    near = []
    ended = set()  # the directions (up, down) whose block has ended
    for other in _run_rows(rows, index, sizes, 2.5 * em):
        side = other[0].top > row[0].top
        if side in ended:
            continue
        inside = [j for j, w in enumerate(other) if w.x1 > lo and w.x0 < hi]
        if inside:
            first, last = inside[0], inside[-1] + 1
            if context:
                first, last = max(0, first - 1), min(len(other), last + 1)
            near.append(other[first:last])
        elif block_from is not None and not any(w.x1 > block_from and w.x0 < hi for w in other):
            ended.add(side)
    return near


def _column_starts_at(near: list[list[Word]], word: Word) -> bool:
    """Some row around starts a column where `word` starts: a word there, first
    in its row or after more than a word space that is not one of its line's
    stretched spaces, ending elsewhere (one as wide, the same short word at the
    end of two justified lines, is a coincidence, not a column)."""
    for other in near:
        for j, w in enumerate(other):
            if abs(w.x0 - word.x0) > 1.0 or abs(w.x1 - word.x1) <= 1.0:
                continue
            if j == 0 or (
                w.x0 - other[j - 1].x1 > NARROW_GUTTER_EM * w.size and not _justified(other, j - 1)
            ):
                return True
    return False


def _stretched_space(rows: list[list[Word]], index: int, k: int, after_cut: bool = False) -> bool:
    """The wide space before row[k] is one of its justified line's spaces, and
    the word after it starts no column in the rows around (a short line set
    justified, `Quand   le   numérique`, beside a column whose rows vote for a
    gutter). Across a change of weight it is no space of one line's text (a bold
    label beside a paragraph's line that its stretched spaces happen to match).
    `after_cut`: the space before row[k-1] was cut as a gutter, and is none of
    the line's spaces to be alike with (the equal gutters of a grid of cards of
    one width, each line ending on the same word: `Communauté`)."""
    row = rows[index]
    return (
        row[k - 1].bold == row[k].bold
        and _justified(row, k - 1, after_cut)
        and not _column_starts_at(_near_words(rows, index, k, context=True), row[k])
    )


def justified_space(rows: list[list[Word]], index: int, k: int, after_cut: bool = False) -> bool:
    """The wide space before row[k] is its justified line's: one of its stretched
    spaces (`_stretched_space`), or the one before its last word pushed to the
    column's edge (`_pushed_to_edge`). Neither is a gutter."""
    return _stretched_space(rows, index, k, after_cut) or _pushed_to_edge(rows, index, k)


def _pushed_to_edge(rows: list[list[Word]], index: int, k: int) -> bool:
    """The word after the wide space before row[k] ends the line at the column's
    right edge, where the rows around end, and starts where none of them starts a
    column: the last word of a justified line of two or three words in a narrow
    column (`accompagner        les`), pushed to the edge, not a column's start."""
    row = rows[index]
    word = row[k]
    # The next column, where the rows around start, may stand a narrow gutter away.
    beyond = k + 1 < len(row) and _column_starts_at(_near_words(rows, index, k + 1), row[k + 1])
    if (
        k + 1 < len(row)
        and row[k + 1].x0 - word.x1 <= GUTTER_EM * word.size
        and row[k + 1].bold == word.bold
        and not beyond
    ):
        return False  # the line goes on after it (not a heading's colon wrapped beside)
    if k >= 2 and 0 < row[k - 1].x0 - row[k - 2].x1 <= 0.5 * min(
        word.size, word.x0 - row[k - 1].x1
    ):
        return False  # a plain space before: no justified line stretched this one
    near = _near_words(rows, index, k)
    sizes = tuple({w.size for w in row})
    # Lines of the column that run on across the space and end at that edge (the
    # line goes on no further: the next word, if any, is a column away); a line
    # with the same space in it (a list's item wrapped the same way) says nothing.
    ends = 0
    for other in _run_rows(rows, index, sizes, 2.5 * word.size):
        for j, w in enumerate(other):
            if abs(w.x1 - word.x1) > 1.0 or abs(w.x0 - word.x0) <= 1.0:
                continue
            after = other[j + 1] if j + 1 < len(other) else None
            if (
                after is not None
                and after.x0 - w.x1 <= GUTTER_EM * word.size
                and not (beyond and abs(after.x0 - row[k + 1].x0) <= 1.0)
            ):
                continue
            if any(v.x1 > row[k - 1].x1 and v.x0 < word.x0 for v in other):
                ends += 1
    return ends >= 2 and not _column_starts_at(near, word)


def _opens_item(word: Word, gap: float, em: float) -> bool:
    """A bullet glyph after a wide space opens a list item in the next column:
    running text never holds one (a dash does, so dashes are not taken)."""
    return word.text in BULLETS and word.text not in _DASHES and gap > RESTYLED_EM * em


def _first_unit(words: list[Word]) -> Word:
    """Last word of the line's first unbreakable unit.

    French typography glues punctuation to its word with a no-break space
    (`« ambassadeurs`, `numérique –`, `projet :`), so the unit that could not
    fit at the end of the previous line includes such marks.
    """
    index = 0
    while index < len(words) - 1 and not _is_wordlike(words[index]):
        index += 1  # opening marks stick to the word after them
    last = words[index]
    for word in words[index + 1 :]:
        if _is_wordlike(word):
            if last.text in _DASHES:  # `numérique – une`: the dash holds on to both sides
                return word
            break
        last = word
    return last


def _is_wordlike(word: Word) -> bool:
    return any(ch.isalnum() for ch in word.text)


def _starts_column(segment: list[Word], gutter: float) -> bool:
    """Something starts on the gutter: the segment, or a word after more than a
    word space (a narrower gutter the first pass missed)."""
    if abs(segment[0].x0 - gutter) <= ALIGN_TOLERANCE:
        return True
    gaps = [word.x0 - previous.x1 for previous, word in zip(segment, segment[1:], strict=False)]
    spaced = statistics.median(gaps) if gaps else 0.0
    return any(
        _on_start(previous, word, gutter, spaced, _justified(segment, j))
        for j, (previous, word) in enumerate(zip(segment, segment[1:], strict=False))
    )


def _pushed_ends(word_rows: list[list[list[Word]]], gutter: float) -> bool:
    """What starts on the gutter is, in every row showing it, the last word of
    its segment, and those words end together, one at least after a space
    stretched as its line's others are: short words pushed to a narrow justified
    column's right edge (`en`, `du`, `les`), no column of their own."""
    ends = []
    stretched = False
    for row in word_rows:
        for seg in row:
            if not _starts_column(seg, gutter):
                continue
            if abs(seg[-1].x0 - gutter) > 1.5:
                return False
            ends.append(seg[-1].x1)
            stretched = stretched or (len(seg) > 2 and _justified(seg, len(seg) - 2))
    return stretched and max(ends) - min(ends) <= 1.0


# A word starts right on a column's start within this many points.
RIGHT_ON = 0.5


def _on_start(
    previous: Word, word: Word, gutter: float, spaced: float, stretched: bool = False
) -> bool:
    """A word after more than a word space starting on the gutter: a gutter's width
    near it; half an em right on it when that is twice the line's usual space (a
    cell printed up to the next; justified text spaces all its words alike). After
    a space `stretched` like the line's others, only right on it: the last word of
    a justified line pushed to the right edge may end a point from where a page
    number above starts, and is no column's start."""
    gap = word.x0 - previous.x1
    em = max(previous.size, word.size)
    offset = abs(word.x0 - gutter)
    if offset <= (RIGHT_ON if stretched else 1.5) and gap > NARROW_GUTTER_EM * em:
        return True
    return offset <= RIGHT_ON and gap > 0.5 * em and gap >= 2.0 * spaced


def _support(word_rows: list[list[list[Word]]], gutter: float) -> int:
    """Rows in which something starts on the gutter, counted in the longest run
    of them each within SUPPORT_PITCHES lines of the next: a column runs down
    the page row after row, and a page number at its top and a word at its foot
    that happen to start at one place are no column."""
    tops = [
        (row[0][0].top, row[0][0].size)
        for row in word_rows
        if any(_starts_column(seg, gutter) for seg in row)
    ]
    best = run = 0
    for k, (top, size) in enumerate(tops):
        run = run + 1 if k and top - tops[k - 1][0] <= SUPPORT_PITCHES * size else 1
        best = max(best, run)
    return best


# Rows that show a column stand at most this many of their sizes apart.
SUPPORT_PITCHES = 6.0


@dataclass(frozen=True)
class _Strip:
    """The blank strip left of a gutter, and the rows its column runs through."""

    lo: float  # right edge of the text left of it, in the rows where its column starts
    hi: float  # where its column starts
    top: float  # top of the first row where its column starts
    bottom: float  # top of the last
    size: float  # size of the words that start it


def _strip(word_rows: list[list[list[Word]]], gutter: float) -> _Strip:
    """The strip left of `gutter`: its left edge is where the text left of it ends
    in the rows its column runs through, those that show the column and those in
    between (a column set at another pitch than its neighbour shares few rows
    with it, and those may hold short lines: a subtitle, a paragraph's last)."""
    tops, sizes = [], []
    for row in word_rows:
        if any(_starts_column(seg, gutter) for seg in row):
            tops.append(row[0][0].top)
            sizes += [w.size for seg in row for w in seg if abs(w.x0 - gutter) <= 1.5]
    top, bottom = min(tops, default=0.0), max(tops, default=-1.0)
    ends = [
        w.x1
        for row in word_rows
        if top <= row[0][0].top <= bottom
        for seg in row
        for w in seg
        if w.x1 <= gutter - 1.0
    ]
    lo = max(ends, default=gutter - 1.0)
    size = statistics.median(sizes) if sizes else 0.0
    return _Strip(lo, gutter, top, bottom, size)


def _opens(previous: Word, word: Word, strip: _Strip, stretched: bool = False) -> bool:
    """Whether `word` opens the strip's column after `previous`: starting in the blank
    strip after a gutter's width, or, in the rows the column runs through, right on
    its start after more than a word space (a cell's text printed up to the next).
    A space `stretched` like the line's others opens a column only right on its start
    (a justified line's last word is pushed into the strip, not the column)."""
    em = max(previous.size, word.size)
    gap = word.x0 - previous.x1
    near = 4.0 * em  # its last row may be one whose start was not seen
    if not strip.top - near <= word.top <= strip.bottom + near:
        return False  # the strip is measured in these rows only
    if (
        abs(previous.x1 - strip.lo) <= 1.0
        and word.x0 >= strip.hi - 1.5
        and gap > NARROW_GUTTER_EM * em
    ):
        return True  # the line stopped at its column's edge: what follows is past it
    if abs(word.x0 - strip.hi) <= (RIGHT_ON if stretched else 1.5) and (
        abs(word.size - strip.size) <= 0.6
    ):
        return gap > 0.5 * em
    return (
        not stretched
        and previous.x1 <= strip.lo + 1.0
        and strip.lo + 0.5 * em <= word.x0 <= strip.hi + 1.5
        and gap > NARROW_GUTTER_EM * em
    )


def _cut_at_gutters(segment: list[Word], strips: list[_Strip]) -> list[list[Word]]:
    """Cut a segment where a word opens a known gutter's column.

    Gutters narrower than GUTTER_EM go unnoticed on a single row; once other
    rows have shown where the right column starts, a word starting there (or a
    little left of it, in the blank strip before it) after more than a word
    space begins that column.
    """
    parts: list[list[Word]] = [[segment[0]]]
    for k, (previous, word) in enumerate(zip(segment, segment[1:], strict=False)):
        # The text of an item after its bullet, not a column.
        after_bullet = len(parts[-1]) == 1 and previous.text in BULLETS
        stretched = _justified(segment, k)
        if not after_bullet and any(_opens(previous, word, s, stretched) for s in strips):
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def make_line(words: list[Word], page: int) -> Line:
    first = words[0]
    x0, top, x1, bottom, size = first.x0, first.top, first.x1, first.bottom, first.size
    chars = bold_chars = 0
    mixed = False
    for w in words:  # one pass: this runs for every word of every page
        x0 = w.x0 if w.x0 < x0 else x0
        top = w.top if w.top < top else top
        x1 = w.x1 if w.x1 > x1 else x1
        bottom = w.bottom if w.bottom > bottom else bottom
        mixed = mixed or w.size != size
        chars += len(w.text)
        bold_chars += len(w.text) if w.bold else 0
    if mixed:  # the median character's size
        size = statistics.median([w.size for w in words for _ in w.text])
    text = clean_text(" ".join(w.text for w in words))
    return Line(
        text=text,
        page=page,
        bbox=BBox(x0, top, x1, bottom),
        size=round(size, 2),
        bold=bold_chars * 2 > chars,
        first_word_width=_first_unit(words).x1 - first.x0,
        bold_lead=_bold_lead(words, text),
        words=tuple(words),
    )


def _bold_lead(words: list[Word], text: str) -> int:
    """Length of the text's leading run of bold words (0 when the first word is not bold)."""
    if not words[0].bold:
        return 0
    count = 0
    for w in words:
        if not w.bold:
            break
        count += 1
    if count == len(words):
        return len(text)
    return len(clean_text(" ".join(w.text for w in words[:count])))


def _clear(rows: list[list[Word]], word_rows: list[list[list[Word]]], gutter: float) -> bool:
    """Whether the rows from the first to the last that start a column at
    `gutter` leave the strip just left of it blank with words on both sides
    more often than they cross it (justified lines whose wide spaces happen to
    line up now and then do not)."""
    starts = [k for k, row in enumerate(word_rows) if any(_starts_column(s, gutter) for s in row)]
    if not starts:
        return False
    between = rows[starts[0] : starts[-1] + 1]
    crossed = sum(1 for row in between if _covers(row, gutter - 1.0))
    flanked = sum(1 for row in between if _flanks(row, gutter - 1.0))
    return crossed < flanked


# Two words closer than this are one: a reader split them only because their
# size or font changed (small capitals, a bold initial), never at a space.
GLUE = 1.0


def _glued(row: list[Word]) -> list[Word]:
    """A row with the pieces of a word printed in two sizes or fonts made one word."""
    out = [row[0]]
    for word in row[1:]:
        last = out[-1]
        if word.x0 - last.x1 < GLUE and (word.size != last.size or word.bold != last.bold):
            out[-1] = Word(
                last.text + word.text,
                last.x0,
                min(last.top, word.top),
                max(last.x1, word.x1),
                max(last.bottom, word.bottom),
                # The size of most of its letters, the later piece's on a tie:
                # `L`+`ES` is small capitals, and so is `PROJET`+`:` whose colon,
                # having no small form, is printed at full size.
                last.size if _letters(last.text) > _letters(word.text) else word.size,
                last.bold,
            )
        else:
            out.append(word)
    return out


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _glues(word: Word, piece: Word) -> bool:
    """`piece` is printed right against `word`, in another size or weight, level with it."""
    return (
        -0.5 < piece.x0 - word.x1 < GLUE
        and (piece.size != word.size or piece.bold != word.bold)
        and piece.top < word.bottom
        and word.top < piece.bottom
    )


def _on_baseline(word: Word, row: list[Word]) -> bool:
    return any(abs(w.bottom - word.bottom) <= 1.0 and abs(w.size - word.size) <= 0.6 for w in row)


def _baselines_joined(rows: list[list[Word]]) -> list[list[Word]]:
    """Rows with a few words set on the baseline of a row next to them joined to it.

    A row's span is its first word's: a taller heading in a margin, starting
    higher, leaves the bullet of an item beside it just short of half its
    height in the row, while the item's text joined it. A short row whose
    every word stands on the line of words of its size in a nearby row, beside
    them, or a row of any length whose first word stands on the baseline of the
    word right before it (the text after a run-in heading set larger), belongs
    there.
    """
    out = [list(row) for row in rows]
    for k, row in enumerate(out):
        if not row:
            continue
        for j in (k - 1, k + 1, k - 2, k + 2):
            if not 0 <= j < len(out) or not out[j]:
                continue
            other = out[j]
            # A row spaced wide (a justified line's end) may stand as far off.
            spaced = max((b.x0 - a.x1 for a, b in zip(row, row[1:], strict=False)), default=0.0)
            # A longer row joins only right after a word on its baseline: the
            # text after a run-in heading (`L’innovation au cœur des`).
            on_line = (len(row) <= 3 and all(_on_baseline(w, other) for w in row)) or (
                _beside_on_baseline(row[0], other, RUN_IN_SPACE * spaced if len(row) <= 3 else 0.0)
            )
            if on_line and not any(w.x0 < o.x1 and o.x0 < w.x1 for w in row for o in other):
                out[j] = sorted([*other, *row], key=_LEFT)
                out[k] = []
                break
    return [row for row in out if row]


# A word stands right before or after another within this many of their sizes
# (a run-in heading's space may be set wider than a word space).
BESIDE_EM = 1.5


def _beside_on_baseline(word: Word, row: list[Word], spaced: float = 0.0) -> bool:
    """A word of `row` stands on `word`'s baseline, right before or after it
    (within BESIDE_EM, or `spaced` when wider)."""
    return any(
        abs(w.bottom - word.bottom) <= 1.0
        and w is not word
        and (
            0 <= word.x0 - w.x1 <= max(BESIDE_EM * max(w.size, word.size), spaced)
            or 0 <= w.x0 - word.x1 <= max(BESIDE_EM * max(w.size, word.size), spaced)
        )
        for w in row
    )


def _stragglers_moved(rows: list[list[Word]]) -> list[list[Word]]:
    """Words moved to the row of the words they stand beside, on their baseline.

    A colon after a heading in small capitals (`PROJET :`), taller than the
    capitals, overlaps the row of another column as much as its own and joined
    it; off that row's baseline and right after a word of another row on its
    own, it belongs there.
    """
    out = [list(row) for row in rows]
    for k, row in enumerate(out):
        bottoms = sorted(w.bottom for w in row)
        alone = [
            w
            for w in row
            if bisect.bisect_right(bottoms, w.bottom + 1.0)
            - bisect.bisect_left(bottoms, w.bottom - 1.0)
            == 1
        ]
        for word in alone:
            for j in (k - 1, k + 1, k - 2, k + 2):
                if 0 <= j < len(out) and _beside_on_baseline(word, out[j]):
                    row.remove(word)
                    out[j] = sorted([*out[j], word], key=_LEFT)
                    break
    return [row for row in out if row]


def _glued_groups(rows: list[list[Word]]) -> list[list[Word]]:
    """Words printed right against each other in another size or weight, in
    different rows: groups of two or more."""
    starts: dict[int, list[tuple[int, Word]]] = {}
    for k, row in enumerate(rows):
        for word in row:
            starts.setdefault(int(word.x0), []).append((k, word))
    parent: dict[int, Word] = {}

    def root(word: Word) -> Word:
        while id(word) in parent:
            word = parent[id(word)]
        return word

    pairs = [
        (word, piece)
        for k, row in enumerate(rows)
        for word in row
        for key in (int(word.x1) - 1, int(word.x1), int(word.x1) + 1)
        for other, piece in starts.get(key, ())
        if other != k and _glues(word, piece)
    ]
    for word, piece in pairs:
        if root(word) is not root(piece):
            parent[id(root(word))] = root(piece)
    groups: dict[int, list[Word]] = {}
    for row in rows:
        for word in row:
            groups.setdefault(id(root(word)), []).append(word)
    return [members for members in groups.values() if len(members) > 1]


def _closing(rows: list[list[Word]], members: list[Word], small: list[Word]) -> list[Word]:
    """A mark after a word space that ends the small capitals of the glued words
    (`small`: their row), in the style of their taller pieces (`I` + `NNOVATION`
    `DU PROJET`, then ` :` in the initial's size, in the initial's row)."""
    tall = max(members, key=lambda w: w.size)
    smallest = min(members, key=lambda w: (w.size, w.x0))
    end = smallest.x1
    for word in sorted(small, key=_LEFT):
        if word.x0 < smallest.x1:
            continue
        if word.bold != smallest.bold or abs(word.size - smallest.size) > 0.1:
            break
        if word.x0 - end > 0.5 * tall.size:
            break
        end = word.x1
    return [
        word
        for row in rows
        if any(w is tall for w in row)
        for word in row
        if not _is_wordlike(word)
        and word.bold == tall.bold
        and abs(word.size - tall.size) <= 0.1
        and 0 <= word.x0 - end <= 0.5 * tall.size
    ]


def _initials_joined(rows: list[list[Word]]) -> list[list[Word]]:
    """Rows with the pieces of a word printed in two sizes put in one row.

    A taller initial (`L` + `ES APPORTS` in small capitals, `P` + `ARTENAIRES`
    + `:`) overlaps the row of another column beside it as much as its own, and
    may have joined that row. Pieces printed right against each other, in
    another size or weight, go together into the row of the smallest, whose
    short height left no doubt about its row.
    """
    groups = _glued_groups(rows)
    if not groups:
        return rows
    row_of = {id(word): k for k, row in enumerate(rows) for word in row}
    target: dict[int, int] = {}
    for members in groups:
        smallest = min(members, key=lambda w: (w.size, w.x0))
        small = rows[row_of[id(smallest)]]
        closing = _closing(rows, members, small)
        target.update((id(w), row_of[id(smallest)]) for w in [*members, *closing])
    out: list[list[Word]] = [[] for _ in rows]
    for k, row in enumerate(rows):
        for word in row:
            out[target.get(id(word), k)].append(word)
    return [sorted(row, key=_LEFT) for row in out if row]


def _lines(words: list[Word], page: int, drawn: _Drawn = _NOTHING_DRAWN) -> list[Line]:
    """Lines of some words, row by row from the top, each row left to right."""
    regrouped = _initials_joined(_baselines_joined(rows_of(words)))
    plain = [_glued(row) for row in _stragglers_moved(regrouped)]
    word_rows = [_segments(plain, k, drawn) for k in range(len(plain))]
    rows = [[make_line(seg, page) for seg in row] for row in word_rows]
    gutters = [
        g
        for g in column_gutters(rows)
        if _support(word_rows, g) >= 2
        and _clear(plain, word_rows, g)
        and not _pushed_ends(word_rows, g)
    ]
    if gutters:
        strips = [_strip(word_rows, g) for g in gutters]
        word_rows = [[p for seg in row for p in _cut_at_gutters(seg, strips)] for row in word_rows]
        rows = [[make_line(seg, page) for seg in row] for row in word_rows]
    return [line for row in rows for line in row]


# A frame holds text (a card, a band, a cell); a rule separates it (a table's lines).
FRAME_MIN_WIDTH = 40.0
FRAME_MIN_HEIGHT = 14.0
RULE_MIN_LENGTH = 20.0
RULE_MAX_THICKNESS = 3.0


def is_frame(box: BBox) -> bool:
    return box.x1 - box.x0 >= FRAME_MIN_WIDTH and box.bottom - box.top >= FRAME_MIN_HEIGHT


def shapes(boxes: Iterable[BBox], page_width: float) -> tuple[BBox, ...]:
    """Drawn shapes that may structure text: frames (cards, bands, panels, cells)
    and rules, in drawing order. Shapes as wide as the page are backgrounds."""
    kept = []
    for b in boxes:
        width, height = b.x1 - b.x0, b.bottom - b.top
        if width > 0.98 * page_width:
            continue
        if is_frame(b) or (
            max(width, height) >= RULE_MIN_LENGTH and min(width, height) <= RULE_MAX_THICKNESS
        ):
            kept.append(b)
    return tuple(kept)


def _boxes_of(words: Sequence[Word], boxes: Sequence[BBox]) -> list[int]:
    """Index of the smallest box around each word's centre, or -1 (the first on a tie).

    Every word of a page with frames is tested against every frame: numpy does it
    in one pass rather than a loop per word.
    """
    cx = np.array([(w.x0 + w.x1) / 2 for w in words])[:, None]
    cy = np.array([(w.top + w.bottom) / 2 for w in words])[:, None]
    frame = np.array([(b.x0, b.top, b.x1, b.bottom) for b in boxes]).T[:, None, :]
    x0, top, x1, bottom = frame
    inside = (x0 <= cx) & (cx <= x1) & (top <= cy) & (cy <= bottom)
    areas = np.where(inside, (x1 - x0) * (bottom - top), np.inf)
    best = areas.argmin(axis=1)
    best[~inside.any(axis=1)] = -1
    return [int(i) for i in best]


def _meets(rules: Sequence[BBox]) -> dict[float, list[float]]:
    """Where horizontal rules drawn piece by piece meet end to end: each x, and
    the heights (in order, once each) of the rules that meet there."""
    by_height: dict[float, list[BBox]] = {}
    for rule in rules:
        by_height.setdefault(round(rule.top * 2) / 2, []).append(rule)
    meets: dict[float, set[float]] = {}
    for y, row in by_height.items():
        row.sort(key=lambda r: r.x0)
        for a, b in zip(row, row[1:], strict=False):
            if abs(a.x1 - b.x0) <= 0.75:
                meets.setdefault(round((a.x1 + b.x0) / 2), set()).add(y)
    return {x: sorted(ys) for x, ys in meets.items()}


def _cell_edges(rules: Sequence[BBox]) -> list[BBox]:
    """Column borders a table shows without drawing them: its horizontal rules
    drawn cell by cell, whose segments meet end to end at the same columns on
    two rows or more. The border runs from half a row's height above the first
    such rule (the header row over it, not a heading further up) down to the
    last."""
    edges: list[BBox] = []
    for x, ys in sorted(_meets(rules).items()):
        if len(ys) < 2:
            continue
        pitch = min(b - a for a, b in zip(ys, ys[1:], strict=False))
        edges.append(BBox(x - 0.25, ys[0] - 0.5 * pitch, x + 0.25, ys[-1]))
    return edges


# A lone row's cell border runs up at most this far from its rule.
LONE_ROW_HEIGHT = 60.0


def _lone_row_edges(rules: Sequence[BBox]) -> list[BBox]:
    """The cell borders of a table's only row on a page (the last row of a table
    that spilled over), shown by its rule drawn cell by cell: segments meeting
    end to end once. The row stands over its rule, up to the rule above (or
    LONE_ROW_HEIGHT). One meeting is weaker evidence than a column of them, so
    these cut only a space wider than a word's (see `_segments`)."""
    edges: list[BBox] = []
    for x, ys in sorted(_meets(rules).items()):
        if len(ys) != 1:
            continue
        y = ys[0]
        above = [r.bottom for r in rules if r.bottom < y - 1.0 and r.x0 <= x <= r.x1]
        top = max([y - LONE_ROW_HEIGHT, *above])
        edges.append(BBox(x - 0.25, top, x + 0.25, y))
    return edges


def on_page(words: Iterable[Word], width: float, height: float) -> list[Word]:
    """The words that can show on a page of this size.

    A damaged text matrix can throw a word millions of points off the page,
    where it is never printed; the gap beside it, probed point by point for a
    gutter, then took minutes. Words within a page's size of the page are kept,
    whatever corner the page's coordinates start from. Both backends call this,
    so they keep the same words.
    """
    return [
        w
        for w in words
        if w.x1 > -width and w.x0 < 2 * width and w.bottom > -height and w.top < 2 * height
    ]


def words_to_lines(
    words: Iterable[Word], page: int, boxes: Sequence[BBox] = ()
) -> tuple[Line, ...]:
    """Lines of one page, from the top; the layout stage puts them in reading order.

    Words framed in different boxes (the cards of a grid) never share a line,
    however narrow the space between the boxes.
    """
    kept = [w for w in words if w.text.strip()]
    if not kept:
        return ()
    frames = [b for b in boxes if is_frame(b)]
    framed: dict[int, list[Word]] = {}
    loose: list[Word] = [] if frames else kept
    for word, index in zip(kept, _boxes_of(kept, frames) if frames else (), strict=False):
        if index < 0:
            loose.append(word)
        else:
            framed.setdefault(index, []).append(word)
    if len(framed) < 2:  # a lone box (a banner band) is no grid
        loose, framed = kept, {}
    # Vertical rules: a table's column borders, which words never cross.
    rules = [b for b in boxes if not is_frame(b) and b.bottom - b.top > b.x1 - b.x0]
    across = [b for b in boxes if not is_frame(b) and b.x1 - b.x0 > b.bottom - b.top]
    drawn = _Drawn(rules, _lone_row_edges(across), across, _cell_edges(across))
    lines = _lines(loose, page, drawn) if loose else []
    for index in sorted(framed):
        lines += _lines(framed[index], page, drawn)
    return tuple(sorted(lines, key=lambda line: (line.bbox.top, line.bbox.x0)))
