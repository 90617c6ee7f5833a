"""Body lines to an `Edition`: summary entries, detail records, intro.

A small state machine walks the lines in reading order. Banners open detail
records; large headings close them and may title a summary list; lines that
end with a `[label …]` tag close a summary entry. Nothing here opens a PDF.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from extract import grammar, intro, names
from extract.entries import is_tagged, join_wrapped_tags, lines_to_entries
from extract.headings import join_headings
from extract.model import Document, Edition, Laureate, Line, Page, SummaryEntry, word_spaces
from extract.read.lines import is_frame
from extract.text import Metrics, collapse, join_wrapped, lines_to_text

HEADING_RATIO = 1.25


@dataclass
class _Record:
    banner: Line
    tier: str
    category: list[str]
    statement: Line | None = None
    tier_statement: str | None = None
    territory: list[str] = field(default_factory=list)
    project: list[str] = field(default_factory=list)
    subtitle: list[str] = field(default_factory=list)
    sections: dict[str, list[Line]] = field(default_factory=dict)
    slot: str = "banner"
    last_page: int = 0


@dataclass
class _Summary:
    title: list[Line]
    lines: list[Line] = field(default_factory=list)


@dataclass
class _State:
    body_size: float
    records: list[_Record] = field(default_factory=list)
    summaries: list[_Summary] = field(default_factory=list)
    intro: list[Line] = field(default_factory=list)
    record: _Record | None = None
    summary: _Summary | None = None
    seen_structure: bool = False
    # Pages that hold summary entries and no banner, and the first line of each page.
    summary_pages: frozenset[int] = frozenset()
    page_heads: frozenset[int] = frozenset()
    right_margin: float = 0.0  # where the document's widest lines end


def _body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _is_heading(line: Line, state: _State) -> bool:
    return line.size >= HEADING_RATIO * state.body_size or _opens_summary_page(line, state)


def _opens_summary_page(line: Line, state: _State) -> bool:
    """A summary list's title printed no larger than the text: the first line of a
    page of entries, in bold, after a page that was no summary (on a page that goes
    on with a list, a bold first line is an entry's title)."""
    return (
        id(line) in state.page_heads
        and line.page in state.summary_pages
        and line.page - 1 not in state.summary_pages
        and (line.bold or line.size >= 1.1 * state.body_size)
        and not is_tagged(line)
    )


def _page_facts(lines: list[Line]) -> tuple[frozenset[int], frozenset[int]]:
    tagged = {line.page for line in lines if is_tagged(line)}
    bannered = {line.page for line in lines if grammar.BANNER.match(line.text)}
    heads: dict[int, int] = {}
    for line in lines:
        heads.setdefault(line.page, id(line))
    return frozenset(tagged - bannered), frozenset(heads.values())


def _open_record(line: Line, state: _State) -> None:
    found = grammar.BANNER.match(line.text)
    assert found is not None
    state.record = _Record(line, grammar.tier_of(found), [found.group("category")])
    state.record.last_page = line.page
    state.records.append(state.record)
    state.summary = None
    state.seen_structure = True


def _feed_record(line: Line, record: _Record) -> None:
    statement = grammar.STATEMENT.match(line.text)
    project = grammar.PROJECT.match(line.text)
    section = grammar.section_of(line.text)
    if statement and record.statement is None:
        record.statement, record.tier_statement = line, grammar.tier_of(statement)
        record.slot = "territory"
        record.territory.append(statement.group("territory"))
    elif project and not record.project:
        record.slot = "project"
        record.project.append(project.group("project"))
    elif section and (not section[1] or line.bold or _run_in(line, section[1])):
        record.slot = section[0]
        record.sections.setdefault(section[0], [])
        if section[1] and section[0] != "partners":
            record.sections[section[0]].append(_rest_line(line, section[1]))
    else:
        _append_to_slot(line, record)
    record.last_page = max(record.last_page, line.page)


def _run_in(line: Line, rest: str) -> bool:
    """A heading printed in bold, the section's text going on after it on its line."""
    return line.bold_lead > 0 and line.bold_lead >= len(line.text) - len(rest) - 1


def _rest_line(line: Line, rest: str) -> Line:
    return replace(line, text=rest, bold=line.bold and not _run_in(line, rest), bold_lead=0)


def _append_to_slot(line: Line, record: _Record) -> None:
    if record.slot == "banner":
        if line.bold and abs(line.size - record.banner.size) < 0.6:
            record.category.append(line.text)  # a banner wrapped on two lines
    elif record.slot == "territory":
        record.territory.append(line.text)
    elif record.slot == "project":
        if record.subtitle or line.text.lstrip().startswith("("):
            record.subtitle.append(line.text)
        else:
            record.project.append(line.text)
    elif record.slot != "partners":
        if line.bold and line.text.strip() == ":":
            return  # its heading's colon, wrapped alone (to the next column's top)
        record.sections.setdefault(record.slot, []).append(line)


def _feed_summary(line: Line, state: _State) -> None:
    if state.summary is None:
        state.summary = _Summary(title=[])
        state.summaries.append(state.summary)
    state.summary.lines.append(line)
    if is_tagged(line):
        state.seen_structure = True


def _same_style(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) < 0.3 and a.bold == b.bold


def _is_record_part(line: Line) -> bool:
    """Statement, project and section headings belong to the open record even
    when they are printed larger than the body text."""
    return bool(
        grammar.STATEMENT.match(line.text)
        or grammar.PROJECT.match(line.text)
        or grammar.section_of(line.text)
    )


def _continues_title(summary: _Summary | None, line: Line) -> bool:
    if summary is None or summary.lines or not summary.title:
        return False
    last = summary.title[-1]
    return last.page == line.page and _same_style(last, line)


def _wraps_title(summary: _Summary | None, line: Line, right_margin: float = 0.0) -> bool:
    """A line right under a summary's title, in its style, in the title's block or
    where the title's line could not end (`… PUBLIQUE ET` / `RELATION AUX
    USAGERS`, spaced wider than a block's lines) or where it filled the measure up
    to the text's right margin (a justified title, its lines spaced wide), or
    atop the next page, in its style, before any entry: the title goes on."""
    if summary is None or summary.lines or not summary.title or is_tagged(line):
        return False
    last = summary.title[-1]
    if line.page == last.page + 1 and _same_style(last, line):
        # The page broke the title after a line that could not end it, or before
        # one that goes on with it (`… de l’action publique` / `et relation aux
        # usagers`), or it broke it at all: no entry follows the title on its page
        # (it would be in the list) and the next page opens in its style, with no
        # title's prefix of its own.
        return (
            grammar.OPEN_END.search(last.text) is not None
            or line.text[:1].islower()
            or not grammar.CATEGORY_PREFIX.match(line.text)
        )
    # Full: up to the text's right margin, or too far along for the next line's
    # first word to have followed on it (`… ET RESSOURCES` / `NATURELLES`), after
    # a space as wide as the line's own (small capitals shrink letters, not spaces).
    room = right_margin - last.bbox.x1
    full = right_margin > 0 and (room <= last.size or room < _space(last) + line.first_word_width)
    return (
        last.page == line.page
        and _same_style(last, line)
        and 0 <= line.bbox.top - last.bbox.bottom <= 1.5 * last.size
        and (
            line.block == last.block >= 0 or grammar.OPEN_END.search(last.text) is not None or full
        )
    )


def _space(line: Line) -> float:
    """A word space of the line: its narrowest, or 0.3 em for a line of one word."""
    return min(word_spaces(line.words), default=0.3 * line.size)


def _wraps_banner(record: _Record | None, line: Line) -> bool:
    """A line under a banner in its style: the rest of a category the block missed."""
    if record is None or record.slot != "banner":
        return False
    banner = record.banner
    return (
        line.page == banner.page
        and line.bold == banner.bold
        and abs(line.size - banner.size) < 0.6
        and 0 < line.bbox.top - banner.bbox.bottom < banner.size
    )


def _feed_heading(line: Line, state: _State) -> None:
    """A heading opens a summary list, unless it is the next line of its title."""
    if not state.seen_structure:
        state.intro.append(line)
    if _wraps_title(state.summary, line, state.right_margin):
        assert state.summary is not None
        state.summary.title.append(line)
        return
    state.record = None
    if _continues_title(state.summary, line):
        assert state.summary is not None
        state.summary.title.append(line)  # a title wrapped on two lines
        return
    state.summary = _Summary(title=[line])
    state.summaries.append(state.summary)


def _feed(line: Line, state: _State) -> None:
    if grammar.BANNER.match(line.text):
        _open_record(line, state)
    elif state.record is not None and (_is_record_part(line) or _wraps_banner(state.record, line)):
        _feed_record(line, state.record)
    elif _wraps_title(state.summary, line, state.right_margin) or _is_heading(line, state):
        _feed_heading(line, state)
    elif state.record is not None:
        _feed_record(line, state.record)
    elif state.summary is not None or is_tagged(line):
        if not state.seen_structure:
            state.intro.append(line)
        _feed_summary(line, state)
    elif not state.seen_structure:
        state.intro.append(line)


def _laureate(record: _Record, order: int, metrics: Metrics) -> Laureate:
    statement = record.statement or record.banner
    sections = {
        name: lines_to_text(lines, metrics)
        for name, lines in record.sections.items()
        if name != "partners"
    }
    return Laureate(
        category=names.canonical_category(join_wrapped(record.category)),
        tier=record.tier,
        tier_statement=record.tier_statement,
        territory=join_wrapped(record.territory),
        project=join_wrapped(record.project),
        project_subtitle=join_wrapped(record.subtitle) or None,
        description=sections.get("description", ""),
        innovation=sections.get("innovation", ""),
        contributions=sections.get("contributions", ""),
        has_partners="partners" in record.sections,
        page_start=record.banner.page,
        page_end=record.last_page,
        banner_bbox=record.banner.bbox,
        statement_page=statement.page,
        statement_bbox=statement.bbox,
        order=order,
    )


def _summary_entries(state: _State, categories: list[str]) -> tuple[SummaryEntry, ...]:
    entries: list[SummaryEntry] = []
    for summary in state.summaries:
        printed = collapse(" ".join(line.text for line in summary.title))
        category = names.match_category(grammar.summary_category(printed), categories)
        for position, raw in enumerate(lines_to_entries(summary.lines), start=1):
            entries.append(
                SummaryEntry(
                    category=category,
                    category_printed=printed,
                    position=position,
                    project=raw.project,
                    territory=raw.territory,
                    tier=raw.tier,
                    page=raw.page,
                    bbox=raw.bbox,
                )
            )
    return tuple(entries)


def _run_over_textless_pages(
    records: list[_Record], body: tuple[Page, ...], texted: set[int]
) -> None:
    """A record goes on over the pages without text after it: pages of figures
    when it ends on its partners' heading (its logos went over the page), and
    blank pages before more text (a page a word processor left empty before the
    next record; blank pages at the end of the document are nobody's)."""
    figured = {page.number for page in body if any(is_frame(s) for s in page.shapes)}
    last_text = max(texted, default=0)
    for record in records:
        while record.last_page + 1 not in texted:
            page = record.last_page + 1
            logos = page in figured and record.slot == "partners"
            if not (logos or (page not in figured and page < last_text)):
                break
            record.last_page = page


def body_lines(pages: tuple[Page, ...]) -> list[Line]:
    return join_headings(join_wrapped_tags([line for page in pages for line in page.lines]))


def segment(document: Document, body: tuple[Page, ...], furniture: tuple[Line, ...]) -> Edition:
    """The edition a document's body lines describe."""
    lines = body_lines(body)
    state = _State(body_size=_body_size(lines))
    state.right_margin = max((line.bbox.x1 for line in lines), default=0.0)
    state.summary_pages, state.page_heads = _page_facts(lines)
    for line in lines:
        _feed(line, state)
    _run_over_textless_pages(state.records, body, {line.page for line in lines})
    # A summary's entries are set on a measure of their own (cards, cells) and
    # are never read as paragraphs: they say nothing of where the text's lines
    # end. (The introduction's headings open lists of text, with no entry.)
    listed = {
        id(line)
        for summary in state.summaries
        if any(is_tagged(line) for line in summary.lines)
        for line in summary.lines
    }
    metrics = Metrics.of([line for line in lines if id(line) not in listed])
    laureates = tuple(_laureate(r, i, metrics) for i, r in enumerate(state.records))
    categories = list(dict.fromkeys(lau.category for lau in laureates))
    intro_text = intro.read_intro(state.intro, metrics)
    year = intro.edition_year(body, furniture, document.metadata_title, lines)
    entries = _summary_entries(state, categories)
    return Edition(
        year=year or 0,
        source_file=document.path,
        source_sha256=document.sha256,
        pages=len(document.pages),
        summary_entries=entries,
        laureates=laureates,
        stated=intro_text.stated,
        jury=intro_text.jury,
        criteria=intro_text.criteria,
        warnings=_warnings(entries, categories, intro_text),
    )


def _warnings(
    entries: tuple[SummaryEntry, ...],
    categories: list[str],
    intro_text: intro.IntroText,
) -> tuple[str, ...]:
    """What was read but looks incomplete and concerns no record: worth a look, not an
    inconsistency (a record read in part is one: see `extract.reading`)."""
    found: list[str] = []
    for title in dict.fromkeys(e.category_printed for e in entries if e.category not in categories):
        found.append(f"summary title '{title}' names no category of the banners")
    if intro_text.stated.labelled is None:
        found.append("no stated number of labelled territories found in the introduction")
    return tuple(found)
