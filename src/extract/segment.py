"""Body lines to an `Edition`: summary entries, detail records, intro.

A small state machine walks the lines in reading order. Banners open detail
records; large headings close them and may title a summary list; lines that
end with a `[label …]` tag close a summary entry. Nothing here opens a PDF.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from extract import grammar, intro, names
from extract.model import Document, Edition, Laureate, Line, Page, SummaryEntry
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
    pending: list[Line] = field(default_factory=list)
    entries: list[SummaryEntry] = field(default_factory=list)


@dataclass
class _State:
    body_size: float
    records: list[_Record] = field(default_factory=list)
    summaries: list[_Summary] = field(default_factory=list)
    intro: list[Line] = field(default_factory=list)
    record: _Record | None = None
    summary: _Summary | None = None
    seen_structure: bool = False


def _body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _is_heading(line: Line, state: _State) -> bool:
    return line.size >= HEADING_RATIO * state.body_size


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
    elif section and (not section[1] or line.bold):
        record.slot = section[0]
        record.sections.setdefault(section[0], [])
        if section[1] and section[0] != "partners":
            record.sections[section[0]].append(_rest_line(line, section[1]))
    else:
        _append_to_slot(line, record)
    record.last_page = max(record.last_page, line.page)


def _rest_line(line: Line, rest: str) -> Line:
    return Line(rest, line.page, line.bbox, line.size, line.bold, line.first_word_width)


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
        record.sections.setdefault(record.slot, []).append(line)


def _feed_summary(line: Line, state: _State) -> None:
    if state.summary is None:
        state.summary = _Summary(title=[])
        state.summaries.append(state.summary)
    summary = state.summary
    if grammar.BULLET.match(line.text):
        summary.pending = [line]
    else:
        summary.pending.append(line)
    if grammar.SUMMARY_TAG.search(line.text):
        summary.entries.append(_entry(summary, summary.pending))
        summary.pending = []
        state.seen_structure = True


def _entry(summary: _Summary, lines: list[Line]) -> SummaryEntry:
    tag_line = lines[-1]
    found = grammar.SUMMARY_TAG.search(tag_line.text)
    assert found is not None
    split = len(lines) - 1
    while split > 0 and _same_style(lines[split - 1], tag_line):
        split -= 1
    if split == 0:  # one style for both: the first line is the project
        split = 1 if len(lines) > 1 else 0
    project = join_wrapped(line.text for line in lines[:split])
    territory_lines = [line.text for line in lines[split:]]
    territory_lines[-1] = tag_line.text[: found.start()]
    box = lines[0].bbox
    for line in lines[1:]:
        if line.page == lines[0].page:
            box = box.union(line.bbox)
    title = collapse(" ".join(line.text for line in summary.title))
    return SummaryEntry(
        category=title,
        category_printed=title,
        position=len(summary.entries) + 1,
        project=grammar.BULLET.sub("", project, count=1).strip(),
        territory=join_wrapped(territory_lines),
        tier=grammar.tier_of(found),
        page=lines[0].page,
        bbox=box,
    )


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
    if summary is None or summary.entries or summary.pending or not summary.title:
        return False
    last = summary.title[-1]
    return last.page == line.page and _same_style(last, line)


def _feed(line: Line, state: _State) -> None:
    if grammar.BANNER.match(line.text):
        _open_record(line, state)
    elif state.record is not None and _is_record_part(line):
        _feed_record(line, state.record)
    elif _is_heading(line, state):
        state.record = None
        if not state.seen_structure:
            state.intro.append(line)
        if _continues_title(state.summary, line):
            assert state.summary is not None
            state.summary.title.append(line)  # a title wrapped on two lines
            return
        state.summary = _Summary(title=[line])
        state.summaries.append(state.summary)
    elif state.record is not None:
        _feed_record(line, state.record)
    elif state.summary is not None or grammar.SUMMARY_TAG.search(line.text):
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
        for entry in summary.entries:
            printed = grammar.summary_category(entry.category_printed)
            entries.append(
                SummaryEntry(
                    category=names.match_category(printed, categories),
                    category_printed=entry.category_printed,
                    position=entry.position,
                    project=entry.project,
                    territory=entry.territory,
                    tier=entry.tier,
                    page=entry.page,
                    bbox=entry.bbox,
                )
            )
    return tuple(entries)


def body_lines(pages: tuple[Page, ...]) -> list[Line]:
    return _join_wrapped_headings([line for page in pages for line in page.lines])


def _join_wrapped_headings(lines: list[Line]) -> list[Line]:
    """One line for a section heading a narrow column wrapped in two."""
    out: list[Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and grammar.SECTION_START.match(last.text)
            and last.page == line.page
            and _same_style(last, line)
            and 0 < line.bbox.top - last.bbox.top < 2 * line.size
            and grammar.section_of(f"{last.text} {line.text}")
        ):
            text = f"{last.text} {line.text}"
            out[-1] = replace(last, text=text, bbox=last.bbox.union(line.bbox))
        else:
            out.append(line)
    return out


def segment(document: Document, body: tuple[Page, ...], furniture: tuple[Line, ...]) -> Edition:
    """The edition a document's body lines describe."""
    lines = body_lines(body)
    state = _State(body_size=_body_size(lines))
    for line in lines:
        _feed(line, state)
    metrics = Metrics.of(lines)
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
        warnings=_warnings(laureates, entries, categories, intro_text),
    )


def _warnings(
    laureates: tuple[Laureate, ...],
    entries: tuple[SummaryEntry, ...],
    categories: list[str],
    intro_text: intro.IntroText,
) -> tuple[str, ...]:
    """What was read but looks incomplete: worth a look, not an inconsistency."""
    found: list[str] = []
    for lau in laureates:
        empty = [n for n in ("description", "innovation", "contributions") if not getattr(lau, n)]
        if empty:
            found.append(f"p.{lau.page_start} {lau.territory}: no text under {', '.join(empty)}")
    for title in dict.fromkeys(e.category_printed for e in entries if e.category not in categories):
        found.append(f"summary title '{title}' names no category of the banners")
    if intro_text.stated.labelled is None:
        found.append("no stated number of labelled territories found in the introduction")
    return tuple(found)
