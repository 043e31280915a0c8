"""Tables: the pipe tables of a canonical text, with exact cell spans, header rows and labels.

Legal texts crawled into "markdown" carry tables in two layouts: ordinary pipe rows
(``| a | b |``, one row a line) and one cell per line, where each cell stands on its own line
between lines holding a lone ``|`` and an empty cell (two pipe lines in a row) closes a row. In
the second layout an empty cell and the end of a row look alike, so rows are cut by fitting the
table's data width (the usual length of its numeric rows): the cut that leaves the fewest short
rows, and numeric rows shortest of all, wins. Cells a header spans over several rows are left
out of the rows below it; a header row with fewer cells than the data rows is spread over them
(a group cell "Kế hoạch 2027" over "Lượng (Tấn)" and "Giá trị (Nghìn USD)"), so each data cell
knows its column's header path, its row's label and the caption lines above the table.

Pure functions of the text: no I/O, every span exact (``text[cell.start:cell.end]`` is the
cell as written, emphasis included; ``cell.text`` is it without emphasis, blanks folded).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from math import comb

# A paragraph break ends a table.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A line holding a lone pipe (one-cell-per-line layout) or a pipe row (markdown layout).
_PIPE_LINE = re.compile(r"^[ \t]*\|[ \t]*$", re.MULTILINE)
_ROW_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
# A markdown rule row: "|---|:---:|".
_RULE_ROW = re.compile(r"^[\s|:\-–=]*$")
_EMPHASIS = re.compile(r"[*_]+")
# A cell holding one number ("26.120", "98,5", "45%", "(12)"): numeric rows set the data width.
NUMBER_CELL = re.compile(r"^[(]?[-+]?\d+(?:[.,]\d+)*[)]?\s*%?$")
# Cells of a row that numbers the columns: "1", "(2)", "A", "B", "3=1/2", "4=2-3".
_COLUMN_CODE = re.compile(r"^\(?[A-Za-z0-9IVX=+/\-*]{1,7}\)?$")
# A year standing in a header ("Năm 2027", "Kế hoạch 2027", "ƯTH 2025", "2027").
YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# How far before a table its caption lines may start (characters), and how many lines.
CAPTION_REACH = 400
CAPTION_LINES = 4
# Header cells that head one column each and never group others.
_SINGLE_COLUMN_HEADS = re.compile(
    r"^(?:s?tt|số tt|ttt|chỉ tiêu|nội dung|đvt|đơn vị tính|đơn vị|ghi chú|tên .*|danh mục|"
    r"sản phẩm|mặt hàng|hạng mục|lĩnh vực|nhiệm vụ|địa bàn|đơn vị thực hiện)$",
    re.IGNORECASE,
)
# Row cuts in the one-cell layout: the cost of a row of data width, and of each missing cell
# (thrice that in a row holding numbers, whose columns must not shift).
_ROW_COST = 2
_MISSING_CELL_COST = 1
_MISSING_NUMERIC_CELL_COST = 3
# How many ways of sharing sub-headers out among group cells are tried before an even share.
_MAX_SHARES = 2000


@dataclass(frozen=True)
class Cell:
    """One cell: its span as written (blanks trimmed), its text without emphasis, its column
    (after header expansion for header cells: the first column it covers) and how many columns
    it covers."""

    start: int
    end: int
    text: str
    column: int
    span: int = 1
    bold: bool = False

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def numeric(self) -> bool:
        return bool(NUMBER_CELL.match(self.text))


@dataclass(frozen=True)
class Row:
    """A table row; ``kind`` is "header", "numbering" (a row that numbers the columns:
    "1 | 2 | 3", "A | B | 1 | 2") or "data"."""

    index: int
    cells: tuple[Cell, ...]
    kind: str

    @property
    def start(self) -> int:
        return self.cells[0].start if self.cells else 0

    def cell_in(self, column: int) -> Cell | None:
        """The cell covering ``column``, if any."""
        for cell in self.cells:
            if cell.column <= column < cell.column + cell.span:
                return cell
        return None


@dataclass(frozen=True)
class Table:
    """A table: its span, layout ("pipe" or "cell_per_line"), rows, data width, and the caption
    lines standing just above it (title, "Đơn vị tính: ..."), emphasis removed."""

    start: int
    end: int
    layout: str
    rows: tuple[Row, ...]
    width: int
    caption: tuple[str, ...] = ()

    @property
    def header_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.kind == "header")

    @property
    def data_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.kind == "data")

    def header_path(self, column: int) -> tuple[str, ...]:
        """The header texts over ``column``, top level first ("Kế hoạch 2027", "Lượng (Tấn)")."""
        path: list[str] = []
        for row in self.header_rows:
            cell = row.cell_in(column)
            if cell is not None and cell.text and (not path or path[-1] != cell.text):
                path.append(cell.text)
        return tuple(path)

    def row_label(self, row: Row, before: int | None = None) -> str:
        """The row's label: its first text cell (not a number, not a numbering mark) left of
        column ``before`` ("Diện tích", "Tổng I + II")."""
        for cell in row.cells:
            if before is not None and cell.column >= before:
                break
            if cell.text and not cell.numeric and not _is_row_mark(cell.text):
                return cell.text
        return ""

    def caption_text(self) -> str:
        return " ".join(self.caption)


@dataclass(frozen=True)
class CellAt:
    """Where a span sits: its table, row and cell."""

    table: Table
    row: Row
    cell: Cell


class TableIndex:
    """The tables of a text, with a lookup from a span to the cell holding it."""

    def __init__(self, text: str) -> None:
        self.tables = find_tables(text)
        self._cells: list[CellAt] = [
            CellAt(t, r, c) for t in self.tables for r in t.rows for c in r.cells if c.text
        ]
        self._cells.sort(key=lambda at: at.cell.start)
        self._starts = [at.cell.start for at in self._cells]

    def cell_at(self, start: int, end: int) -> CellAt | None:
        """The cell whose span holds [start, end), if that span lies inside a table cell."""
        i = bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        at = self._cells[i]
        return at if at.cell.start <= start and end <= at.cell.end else None


@lru_cache(maxsize=8)
def find_tables(text: str) -> tuple[Table, ...]:
    """Every pipe table of ``text``, in order, in either layout (kept for the last few texts:
    figures and targets read the same document's tables)."""
    if "|" not in text:
        return ()
    tables: list[Table] = []
    for start, end in _table_blocks(text):
        table = _read_table(text, start, end, tables[-1].end if tables else 0)
        if table is not None:
            tables.append(table)
    return tuple(tables)


def _table_blocks(text: str) -> list[tuple[int, int]]:
    """Spans from a paragraph's first table line to its last pipe."""
    blocks: list[tuple[int, int]] = []
    cursor = 0
    while True:
        first = _first_table_line(text, cursor)
        if first < 0:
            return blocks
        brk = _BLANK_LINE.search(text, first)
        para_end = brk.start() if brk else len(text)
        last = text.rfind("|", first, para_end)
        blocks.append((first, last + 1))
        cursor = para_end


def _first_table_line(text: str, cursor: int) -> int:
    lone = _PIPE_LINE.search(text, cursor)
    row = _ROW_LINE.search(text, cursor)
    found = [m.start() + m.group().index("|") for m in (lone, row) if m]
    return min(found) if found else -1


def _read_table(text: str, start: int, end: int, floor: int) -> Table | None:
    block = text[start:end]
    markdown = any(
        line.count("|") >= 2 and not _RULE_ROW.match(line)
        for line in block.split("\n")
        if line.strip()
    )
    if markdown:
        raw_rows = _pipe_rows(text, start, end)
        layout = "pipe"
    else:
        raw_rows = _cell_per_line_rows(text, start, end)
        layout = "cell_per_line"
    raw_rows = [r for r in raw_rows if r]
    if len(raw_rows) < 2:
        return None
    width = max(len(r) for r in raw_rows)
    rows = _classify(raw_rows, width)
    return Table(start, end, layout, rows, width, _caption(text, start, floor))


def _cell(text: str, start: int, end: int, column: int) -> Cell:
    """The cell written in text[start:end], blanks trimmed."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    trimmed = raw.strip()
    plain = " ".join(_EMPHASIS.sub(" ", trimmed).split())
    bold = trimmed.startswith("**") and trimmed.endswith("**") and bool(plain)
    return Cell(start + lead, start + lead + len(trimmed), plain, column, 1, bold)


def _pipe_rows(text: str, start: int, end: int) -> list[list[Cell]]:
    """Markdown layout: one row a line, cells between the pipes; rule rows dropped."""
    rows: list[list[Cell]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        if "|" in line and not _RULE_ROW.match(line):
            bars = [pos + i for i, c in enumerate(line) if c == "|"]
            if line.strip().startswith("|"):
                edges = bars if line.rstrip().endswith("|") else [*bars, line_end]
            else:
                edges = [pos - 1, *bars] + ([] if line.rstrip().endswith("|") else [line_end])
            rows.append(
                [
                    _cell(text, a + 1, b, k)
                    for k, (a, b) in enumerate(zip(edges, edges[1:], strict=False))
                ]
            )
        pos = line_end + 1
    return rows


def _cell_per_line_rows(text: str, start: int, end: int) -> list[list[Cell]]:
    """One-cell-per-line layout: pieces between pipes, cut into rows to fit the data width."""
    bars = [start + i for i, c in enumerate(text[start:end]) if c == "|"]
    pieces = [_cell(text, a + 1, b, 0) for a, b in zip(bars, bars[1:], strict=False)]
    if not pieces:
        return []
    widths = [len(run) for run in _runs(pieces) if sum(c.numeric for c in run) >= 2]
    if not widths:
        widths = [len(run) for run in _runs(pieces)]
    common = Counter(widths).most_common(1)[0][0] if widths else 1
    first_run = next(iter(_runs(pieces)), [])
    if pieces[0].text and len(first_run) > common and not any(c.numeric for c in first_run):
        common = len(first_run)  # a full header row: data rows with empty cells are as wide
    best: tuple[float, list[tuple[int, int]]] | None = None
    for width in (common, common + 1):
        cost, cuts = _cut_rows(pieces, width)
        if best is None or cost < best[0]:
            best = (cost, cuts)
    assert best is not None
    return [
        [Cell(c.start, c.end, c.text, k, 1, c.bold) for k, c in enumerate(pieces[a:b])]
        for a, b in best[1]
    ]


def _runs(pieces: list[Cell]) -> list[list[Cell]]:
    runs: list[list[Cell]] = [[]]
    for piece in pieces:
        if piece.empty:
            runs.append([])
        else:
            runs[-1].append(piece)
    return [r for r in runs if r]


def _cut_rows(pieces: list[Cell], width: int) -> tuple[float, list[tuple[int, int]]]:
    """The cheapest cut of ``pieces`` into rows of at most ``width`` cells, each closed by an
    empty piece: (cost, [(first, end) piece ranges])."""
    n = len(pieces)
    numeric_before = [0]
    for p in pieces:
        numeric_before.append(numeric_before[-1] + (1 if p.numeric else 0))
    inf = float("inf")
    best = [inf] * (n + 2)
    choice = [0] * (n + 2)
    best[n] = best[n + 1] = 0.0
    for s in range(n - 1, -1, -1):
        for e in range(s, min(n, s + width) + 1):
            if e < n and not pieces[e].empty:
                continue
            length = e - s
            numeric = numeric_before[e] - numeric_before[s] > 0
            missing = width - length
            cost = _ROW_COST + missing * (
                _MISSING_NUMERIC_CELL_COST if numeric else _MISSING_CELL_COST
            )
            total = cost + best[e + 1]
            if total < best[s]:
                best[s], choice[s] = total, e
        if best[s] == inf:  # a run longer than the width: take it whole
            e = s
            while e < n and not pieces[e].empty:
                e += 1
            best[s], choice[s] = _ROW_COST + best[e + 1], e
    cuts: list[tuple[int, int]] = []
    s = 0
    while s < n:
        e = choice[s]
        cuts.append((s, e))
        s = e + 1
    return best[0], cuts


def _classify(raw_rows: list[list[Cell]], width: int) -> tuple[Row, ...]:
    """Rows told apart (header / numbering / data), header cells spread over their columns."""
    kinds: list[str] = []
    seen_data = False
    for cells in raw_rows:
        if _numbering(cells):
            kinds.append("numbering")
            seen_data = seen_data or bool(kinds[:-1])
        elif not seen_data and _header_like(cells) and not (kinds and _section(cells, width)):
            kinds.append("header")
        else:
            kinds.append("data")
            seen_data = True
    header_at = [i for i, k in enumerate(kinds) if k == "header"]
    if header_at and not seen_data:
        return tuple(Row(i, tuple(c), "data") for i, c in enumerate(raw_rows))
    spread = _spread_headers([raw_rows[i] for i in header_at], width)
    for i, cells in zip(header_at, spread, strict=False):
        raw_rows[i] = cells
    return tuple(Row(i, tuple(c), k) for i, (c, k) in enumerate(zip(raw_rows, kinds, strict=False)))


def _numbering(cells: list[Cell]) -> bool:
    """A row that only numbers the columns: "1 | 2 | 3", "A | B | 1 | 2 | 3=1/2"."""
    texts = [c.text for c in cells if c.text]
    if len(texts) < 3 or not all(_COLUMN_CODE.match(t) for t in texts):
        return False
    if any("." in t or "," in t for t in texts):
        return False
    digits = [int(t.strip("()*")) for t in texts if t.strip("()*").isdigit()]
    return len(digits) >= 2 and digits == sorted(digits) and len(set(digits)) == len(digits)


def _section(cells: list[Cell], width: int) -> bool:
    """A row naming a section of the table ("| | I. Kinh tế số | |"): one text cell in a
    table of more than two columns."""
    return width > 2 and sum(1 for c in cells if c.text) == 1


def _header_like(cells: list[Cell]) -> bool:
    """A row heading the table: no number cell (years in words like "Năm 2027" are words)."""
    texts = [c for c in cells if c.text]
    if not texts:
        return True
    if _is_row_mark(texts[0].text) and texts[0] is cells[0]:
        return False  # a section row: "I | CÂY CÔNG NGHIỆP | | |"
    return not any(c.numeric and not YEAR.fullmatch(c.text) for c in texts)


def _spread_headers(rows: list[list[Cell]], width: int) -> list[list[Cell]]:
    """Header rows with their cells' columns and spans set: a row as wide as the data is read
    one to one; a top row with fewer cells spreads its group cells over the row below it."""
    out = [list(r) for r in rows]
    for level in range(len(out) - 1):
        top, below = out[level], out[level + 1]
        if len(top) >= width:
            out[level] = _merge_empty_right(top, below)
            continue
        below_cells = _strip_trailing_empty(below)
        if len(below_cells) >= width:
            out[level] = _spread_over_full(top, below_cells, width)
        else:
            spread = _spread_over_partial(top, below_cells, width)
            if spread is not None:
                out[level], out[level + 1] = spread
    return out


def _merge_empty_right(top: list[Cell], below: list[Cell]) -> list[Cell]:
    """A full-width header row whose merged cell is written once and then left empty
    ("| Năm 2026 | |" over "| Kế hoạch | Ước thực hiện |"): the empty cells over sub-headers
    belong to the group cell on their left."""
    subs = {c.column for c in below if c.text}
    merged: list[Cell] = []
    for cell in top:
        left = merged[-1] if merged else None
        if cell.empty and left and left.text and cell.column in subs and left.column in subs:
            merged[-1] = _at(left, left.column, left.span + 1)
            continue
        merged.append(cell)
    return merged


def _strip_trailing_empty(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end > 0 and cells[end - 1].empty:
        end -= 1
    return cells[:end]


def _spread_over_full(top: list[Cell], below: list[Cell], width: int) -> list[Cell]:
    """A top row over a full-width row ("| | | Lượng | Giá trị | Lượng | Giá trị |"): its cells
    over the row's leading and trailing empty cells take one column each; the others share the
    columns between evenly."""
    lead = 0
    while lead < len(below) and below[lead].empty:
        lead += 1
    trail = 0
    while trail < len(below) - lead and below[len(below) - 1 - trail].empty:
        trail += 1
    middle = top[lead : len(top) - trail] if trail else top[lead:]
    columns = width - lead - trail
    if not middle or columns % len(middle):
        return top
    k = columns // len(middle)
    spread = [_at(c, i, 1) for i, c in enumerate(top[:lead])]
    spread += [_at(c, lead + j * k, k) for j, c in enumerate(middle)]
    spread += [
        _at(c, width - trail + j, 1) for j, c in enumerate(top[len(top) - trail :] if trail else [])
    ]
    return spread


def _spread_over_partial(
    top: list[Cell], below: list[Cell], width: int
) -> tuple[list[Cell], list[Cell]] | None:
    """One-cell layout: cells a header spans over rows are missing below it, so ``g`` group
    cells of the top row cover the ``len(below)`` cells under them, where
    ``width = len(top) - g + len(below)``; the cells under each group are shared out so that no
    year under a group contradicts the group's year, as evenly as possible."""
    n0, n1 = len(top), len(below)
    g = n1 - (width - n0)
    if g < 1 or g > n0 or n1 < g:
        return None
    first, sizes = _group_window(top, below, g)
    spread_top: list[Cell] = []
    spread_below: list[Cell] = []
    column = 0
    taken = 0
    for i, cell in enumerate(top):
        if first <= i < first + g:
            k = sizes[i - first]
            spread_top.append(_at(cell, column, k))
            for j in range(k):
                spread_below.append(_at(below[taken + j], column + j, 1))
            taken += k
            column += k
        else:
            spread_top.append(_at(cell, column, 1))
            column += 1
    return spread_top, spread_below


def _share_out(groups: list[Cell], below: list[Cell]) -> tuple[int, list[int]]:
    """How many of the ``below`` cells each group cell covers (each at least one), and how
    many sub-headers then name a year outside their group's years: the fewest such, then the
    most even share."""
    n, g = len(below), len(groups)
    if comb(n - 1, g - 1) > _MAX_SHARES:
        return 0, [n // g] * (g - 1) + [n - (n // g) * (g - 1)]
    best: tuple[int, int, list[int]] | None = None
    for sizes in _compositions(n, g):
        conflicts = 0
        taken = 0
        for group, k in zip(groups, sizes, strict=False):
            years = [int(y) for y in YEAR.findall(group.text)]
            for sub in below[taken : taken + k]:
                for y in YEAR.findall(sub.text):
                    if years and not min(years) <= int(y) <= max(years):
                        conflicts += 1
            taken += k
        score = (conflicts, max(sizes) - min(sizes), sizes)
        if best is None or score[:2] < best[:2]:
            best = score
    assert best is not None
    return best[0], best[2]


def _compositions(n: int, parts: int) -> list[list[int]]:
    """Every way to write ``n`` as an ordered sum of ``parts`` positive integers."""
    if parts == 1:
        return [[n]]
    return [[k, *rest] for k in range(1, n - parts + 2) for rest in _compositions(n - k, parts - 1)]


def _group_window(top: list[Cell], below: list[Cell], g: int) -> tuple[int, list[int]]:
    """Where the ``g`` group cells of a top header row start and how many sub-headers each
    covers: the window under which fewest sub-headers name a year outside their group's
    ("Năm 2027" sits under "Giai đoạn 2026 - 2030", not under "ƯTH 2025"), then with fewest
    single-column heads ("TT", "ĐVT", "Ghi chú"), then with most years (groups are years and
    periods), then the first (sub-headers "Kế hoạch | Ước thực hiện" split the current year)."""
    best: tuple[tuple[int, int, int], int, list[int]] | None = None
    for first in range(len(top) - g + 1):
        window = top[first : first + g]
        conflicts, sizes = _share_out(window, below)
        heads = sum(1 for c in window if _SINGLE_COLUMN_HEADS.match(c.text))
        yearless = sum(1 for c in window if not YEAR.search(c.text))
        if best is None or (conflicts, heads, yearless) < best[0]:
            best = ((conflicts, heads, yearless), first, sizes)
    assert best is not None
    return best[1], best[2]


def _at(cell: Cell, column: int, span: int) -> Cell:
    return Cell(cell.start, cell.end, cell.text, column, span, cell.bold)


def _is_row_mark(text: str) -> bool:
    """A numbering mark opening a row: "1", "1.2", "II", "a", "-", "+"."""
    return bool(re.fullmatch(r"[-+•–]|[IVXLC]{1,6}\.?|[a-zđ][.)]?|\d{1,3}(?:\.\d{1,3})*\.?", text))


def _caption(text: str, start: int, floor: int) -> tuple[str, ...]:
    """The non-empty lines just above the table (after the previous one), emphasis removed."""
    window_start = max(floor, start - CAPTION_REACH)
    window = text[window_start:start]
    lines = [" ".join(_EMPHASIS.sub(" ", line).split()) for line in window.split("\n")]
    lines = [line for line in lines if line]
    if window_start > floor and lines:
        lines = lines[1:]  # the first line may be cut
    return tuple(lines[-CAPTION_LINES:])
