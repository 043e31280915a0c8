"""The static HTML report: mark layout (nested, equal, crossing), escaping, pages on the corpus."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import ingest
from pipeline.report import Highlight, layout, mark_text, page_name, write_report
from pipeline.store import open_db

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _h(item_id: str, start: int, end: int) -> Highlight:
    kind = {"T": "target", "L": "legal_ref", "F": "figure", "D": "date"}[item_id[0]]
    return Highlight(item_id, kind, start, end, f"note {item_id}")


@pytest.mark.parametrize(
    ("highlights", "pieces"),
    [
        # "đạt trên 45%": target holding its figure → nested.
        ([_h("F4", 4, 12), _h("T4", 0, 12)], [("T4", 0, 12), ("F4", 4, 12)]),
        # "200 tổ hợp tác" as figure and target over the same span: target outside.
        ([_h("F2", 0, 14), _h("T2", 0, 14)], [("T2", 0, 14), ("F2", 0, 14)]),
        # Two separate figures.
        ([_h("F2", 20, 25), _h("F1", 0, 5)], [("F1", 0, 5), ("F2", 20, 25)]),
        # A citation whose date is inside it.
        ([_h("L1", 0, 40), _h("D1", 30, 40)], [("L1", 0, 40), ("D1", 30, 40)]),
        # Crossing: the later one is cut at the end of the first.
        ([_h("T1", 0, 10), _h("D1", 5, 15)], [("T1", 0, 10), ("D1", 5, 10), ("D1", 10, 15)]),
        # Crossing two levels deep.
        (
            [_h("T1", 0, 20), _h("F1", 5, 10), _h("D1", 8, 25)],
            [("T1", 0, 20), ("F1", 5, 10), ("D1", 8, 10), ("D1", 10, 20), ("D1", 20, 25)],
        ),
        # Empty spans are left out.
        ([_h("F1", 3, 3)], []),
    ],
)
def test_layout(highlights: list[Highlight], pieces: list[tuple[str, int, int]]) -> None:
    laid = layout(highlights)
    assert [(p.highlight.id, p.start, p.end) for p in laid] == pieces
    open_ends: list[int] = []
    for piece in laid:  # every piece nests inside the open ones
        while open_ends and open_ends[-1] <= piece.start:
            open_ends.pop()
        assert not open_ends or piece.end <= open_ends[-1]
        open_ends.append(piece.end)


def _marks(html: str):
    return BeautifulSoup(html, "html.parser").find_all("mark")


@pytest.mark.parametrize(
    ("text", "highlights"),
    [
        ("phấn đấu đạt trên 45% trong năm 2025", [_h("T1", 9, 21), _h("F1", 13, 21)]),
        ("Quyết định <b>số</b> 12 & 13", [_h("L1", 0, 20), _h("F1", 21, 23)]),
        ("dòng 1\ndòng 2 có 3 HTX\n", [_h("F1", 15, 20)]),
        ("từ 2016 đến 2020 đạt 5 HTX", [_h("D1", 3, 16), _h("T1", 12, 26), _h("F1", 21, 26)]),
    ],
)
def test_mark_text_keeps_text_and_offsets(text: str, highlights: list[Highlight]) -> None:
    html = str(mark_text(text, highlights))
    assert "<b>" not in html
    assert BeautifulSoup(html, "html.parser").get_text() == text
    pieces: dict[str, list[str]] = defaultdict(list)
    for mark in _marks(html):
        start, end = int(mark["data-start"]), int(mark["data-end"])
        assert mark.get_text() == text[start:end]
        assert mark["tabindex"] == "0" and mark["aria-describedby"] == f"note-{mark['data-id']}"
        pieces[mark["data-id"]].append(mark.get_text())
    for highlight in highlights:
        assert "".join(pieces[highlight.id]) == text[highlight.start : highlight.end]


def test_split_marks_carry_parts_and_one_anchor() -> None:
    html = str(mark_text("abcdefghijklmnop", [_h("T1", 0, 10), _h("D1", 5, 15)]))
    parts = [m for m in _marks(html) if m["data-id"] == "D1"]
    assert [m["data-part"] for m in parts] == ["1/2", "2/2"]
    assert parts[0]["id"] == "D1" and not parts[1].has_attr("id")
    assert not parts[0].has_attr("data-label") and parts[1]["data-label"] == "D1"


@pytest.mark.parametrize(
    ("path", "document_id", "name"),
    [
        ("000_595f9fad5b9cea4c.txt", 1, "000_595f9fad5b9cea4c.txt.1.html"),
        ("2024/Quyết định 12.pdf", 7, "2024_Quy_t_nh_12.pdf.7.html"),
        ("../x", 3, "x.3.html"),
    ],
)
def test_page_name(path: str, document_id: int, name: str) -> None:
    assert page_name(path, document_id) == name


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("report")
    db_path = base / "chitieu.db"
    ingest(BUNDLED_CORPUS, db_path)
    db = open_db(db_path, create=False)
    write_report(db, base / "out")
    db.close()
    return db_path, base / "out"


def test_report_pages_highlight_every_stored_item(report_dir: tuple[Path, Path]) -> None:
    db_path, out = report_dir
    conn = sqlite3.connect(db_path)
    documents = conn.execute("SELECT id, path, text FROM documents WHERE status = 'ok'").fetchall()
    assert len(list(out.glob("*.html"))) == len(documents) + 1
    for document_id, path, text in documents:
        html = (out / page_name(path, document_id)).read_text(encoding="utf-8")
        stored = {}
        for table, prefix in (
            ("figures", "F"),
            ("dates", "D"),
            ("legal_refs", "L"),
            ("targets", "T"),
        ):
            for item_id, item_text in conn.execute(
                f"SELECT id, text FROM {table} WHERE document_id = ?", [document_id]
            ):
                stored[f"{prefix}{item_id}"] = item_text
        soup = BeautifulSoup(html, "html.parser")
        assert soup.html["lang"] == "vi" and soup.find("meta", charset="utf-8")
        assert soup.find(class_="text").get_text() == text
        pieces: dict[str, list[str]] = defaultdict(list)
        for mark in soup.find_all("mark"):
            start, end = int(mark["data-start"]), int(mark["data-end"])
            assert mark.get_text() == text[start:end]
            pieces[mark["data-id"]].append(mark.get_text())
        assert {item: "".join(parts) for item, parts in pieces.items()} == stored
        for item_id in stored:  # each item has a note the mark points at
            assert soup.find(id=f"note-{item_id}") is not None


def test_report_is_self_contained(report_dir: tuple[Path, Path]) -> None:
    _, out = report_dir
    for page in out.glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all(["script", "link", "img", "iframe"])
        hrefs = [a["href"] for a in soup.find_all("a")]
        assert all(not href.startswith(("http:", "https:", "//")) for href in hrefs)
        for href in hrefs:
            assert href.startswith("#") or (out / href.split("#")[0]).is_file()


def test_report_index_lists_documents_targets_and_errors(report_dir: tuple[Path, Path]) -> None:
    db_path, out = report_dir
    conn = sqlite3.connect(db_path)
    soup = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    text = soup.get_text()
    for (path,) in conn.execute("SELECT path FROM documents"):
        assert path in text
    target_count = conn.execute("SELECT count(*) FROM targets").fetchone()[0]
    assert f"Targets ({target_count})" in text
    assert "Ingest errors (0)" in text


def test_report_index_shows_ingest_errors(seed_corpus: Path, db_path: Path, tmp_path: Path) -> None:
    (seed_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    ingest(seed_corpus, db_path)
    result = CliRunner().invoke(
        main, ["report", "--db", str(db_path), "--out", str(tmp_path / "r")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Wrote 5 document page(s)")
    index = BeautifulSoup(
        (tmp_path / "r" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert "Ingest errors (1)" in index.get_text() and "broken.pdf" in index.get_text()


def test_report_command_named_documents(report_dir: tuple[Path, Path], tmp_path: Path) -> None:
    db_path, _ = report_dir
    out = tmp_path / "one"
    result = CliRunner().invoke(
        main, ["report", "000_595f9fad5b9cea4c.txt", "--db", str(db_path), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "000_595f9fad5b9cea4c.txt.1.html",
        "index.html",
    ]
    missing = CliRunner().invoke(
        main, ["report", "nope.txt", "--db", str(db_path), "--out", str(out)]
    )
    assert missing.exit_code == 1 and "no document 'nope.txt'" in missing.output
