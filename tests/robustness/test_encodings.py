"""Legacy font encodings (TCVN3, VNI) in every format, Unicode normal forms, tone placement."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest

from extractors.nlp import extract_document, tone_on_first_vowel
from pipeline.legacy import detect_legacy_encoding, from_unicode
from pipeline.normalise import normalise_text
from pipeline.readers import read_file
from robustness.builders import (
    BODY,
    FONT,
    docx_bytes,
    html_page,
    legacy_bytes,
    needs_font,
    run_ingest,
    seed_sentences,
    text_pdf,
)

ENCODINGS = ("tcvn3", "vni")
PDF_BODY = BODY.replace("Trung ương ", "")


def legacy_file(kind: str, encoding: str) -> tuple[str, bytes]:
    """A file of kind ``kind`` holding BODY typed in a legacy font."""
    legacy = from_unicode(BODY, encoding)
    font = ".VnTime" if encoding == "tcvn3" else "VNI-Times"
    if kind == "txt":
        return "van-ban.txt", legacy_bytes(BODY, encoding)
    if kind == "html-declared-1252":
        return "trang.html", legacy_bytes(html_page(BODY, "windows-1252"), encoding)
    if kind == "html-declared-latin1":
        return "trang.html", legacy_bytes(html_page(BODY, "iso-8859-1"), encoding)
    if kind == "html-font-face":
        body = f'Tin mới (Unicode). <font face="{font}">{legacy}</font>'
        return "trang.html", html_page(body, "utf-8").encode("utf-8")
    if kind == "docx-run-font":
        return "van-ban.docx", docx_bytes([("Tin mới (Unicode).", None), (legacy, font)])
    if kind == "docx-style-font":
        return "van-ban.docx", docx_bytes([(legacy, None)], normal_font=font)
    if kind == "pdf-text-layer":
        # fpdf2 never draws U+00AD, TCVN3's "ư", so the PDF's text avoids that letter.
        return "van-ban.pdf", text_pdf([from_unicode(PDF_BODY, encoding)])
    raise ValueError(kind)


KINDS = (
    "txt",
    "html-declared-1252",
    "html-declared-latin1",
    "html-font-face",
    "docx-run-font",
    "docx-style-font",
    "pdf-text-layer",
)


@pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans.ttf not installed")
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("kind", KINDS)
def test_legacy_text_is_converted_and_recorded(tmp_path, kind: str, encoding: str) -> None:
    name, data = legacy_file(kind, encoding)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / name).write_bytes(data)
    summary = run_ingest(corpus, tmp_path / "db.sqlite")
    assert summary.errors == 0
    with sqlite3.connect(tmp_path / "db.sqlite") as connection:
        stored_encoding, text = connection.execute(
            "SELECT encoding, text FROM documents"
        ).fetchone()
        cited = connection.execute("SELECT number FROM legal_refs ORDER BY start").fetchall()
    assert stored_encoding == encoding
    expected = PDF_BODY if kind.startswith("pdf") else BODY
    assert " ".join(expected.split()) in " ".join(text.split())
    assert ("125/KH-UBND",) in cited and ("20-NQ/TW",) in cited


@pytest.mark.parametrize("sentence", seed_sentences())
def test_real_unicode_sentences_are_never_taken_for_legacy(sentence: str) -> None:
    assert detect_legacy_encoding(sentence) is None
    assert detect_legacy_encoding(unicodedata.normalize("NFD", sentence)) is None
    assert normalise_text(sentence) == unicodedata.normalize("NFC", sentence)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("sentence", seed_sentences(12))
def test_real_sentences_typed_in_legacy_fonts_are_detected(sentence: str, encoding: str) -> None:
    assert detect_legacy_encoding(from_unicode(sentence, encoding)) == encoding
    assert normalise_text(from_unicode(sentence, encoding)).lower() == sentence.lower()


@pytest.mark.parametrize(
    "form",
    [
        pytest.param(lambda text: unicodedata.normalize("NFD", text), id="nfd"),
        pytest.param(
            lambda text: "".join(
                unicodedata.normalize("NFD" if index % 2 else "NFC", word)
                for index, word in enumerate(text.split(" "))
                for word in (word + " ",)
            ).rstrip(" "),
            id="mixed",
        ),
    ],
)
def test_nfd_and_mixed_forms_read_as_nfc_with_the_same_items(tmp_path, form) -> None:
    (tmp_path / "a.txt").write_text(form(BODY), encoding="utf-8")
    text = normalise_text(read_file(tmp_path / "a.txt").chunks[0])
    assert text == BODY
    found = extract_document(text)
    expected = extract_document(BODY)
    assert found == expected


# Each phrase in both tone placements, and what must be found in it.
TONE_PAIRS = [
    (
        "Khánh Hoà ban hành Nghị quyết khoá XIV về phát triển",
        "Khánh Hòa ban hành Nghị quyết khóa XIV về phát triển",
    ),
    (
        "Uỷ ban nhân dân tỉnh ban hành Quyết định số 12/QĐ-UBND",
        "Ủy ban nhân dân tỉnh ban hành Quyết định số 12/QĐ-UBND",
    ),
    (
        "diện tích mặt nước nuôi trồng thuỷ sản đạt 1.200 ha",
        "diện tích mặt nước nuôi trồng thủy sản đạt 1.200 ha",
    ),
    (
        "Trong nhiệm kỳ khoá XIII, tỷ lệ hộ nghèo giảm còn dưới 2%",
        "Trong nhiệm kỳ khóa XIII, tỷ lệ hộ nghèo giảm còn dưới 2%",
    ),
    (
        "Phấn đấu đến năm 2025 có tối thiểu 80% người dân khoẻ mạnh",
        "Phấn đấu đến năm 2025 có tối thiểu 80% người dân khỏe mạnh",
    ),
    (
        "Chỉ thị số 05/CT-UBND ngày 3/2/2020 về hoà giải ở cơ sở",
        "Chỉ thị số 05/CT-UBND ngày 3/2/2020 về hòa giải ở cơ sở",
    ),
]


def _summary(text: str) -> list[tuple]:
    found = extract_document(text)
    return (
        [(f.start, f.end, f.value, f.unit, f.kind, f.qualifier) for f in found.figures]
        + [(d.start, d.end, d.value, d.kind) for d in found.dates]
        + [(r.start, r.end, r.doc_type, r.number, r.date) for r in found.legal_refs]
        + [(t.start, t.end, t.value, t.comparator, t.deadline) for t in found.targets]
    )


@pytest.mark.parametrize(("new_style", "old_style"), TONE_PAIRS)
def test_both_tone_placements_give_the_same_items(new_style: str, old_style: str) -> None:
    assert _summary(new_style) == _summary(old_style)
    for item in extract_document(new_style).figures + extract_document(new_style).legal_refs:
        assert new_style[item.start : item.end] == item.text


@pytest.mark.parametrize(
    ("written", "matched"),
    [
        ("hoà", "hòa"),
        ("Hoà", "Hòa"),
        ("HOÀ", "HÒA"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("khoá", "khóa"),
        ("khoẻ", "khỏe"),
        ("tuỳ", "tùy"),
        ("quý", "quý"),  # "qu" is an onset: never moved
        ("hoạch", "hoạch"),  # a coda follows: one placement only
        ("toàn", "toàn"),
        ("thuyết", "thuyết"),
        ("huỳnh", "huỳnh"),
    ],
)
def test_tone_folding_for_matching(written: str, matched: str) -> None:
    assert tone_on_first_vowel(written) == matched
    assert len(tone_on_first_vowel(written)) == len(written)


@needs_font
def test_legacy_font_names_in_docx_never_touch_unicode_runs(tmp_path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(docx_bytes([(BODY, ".VnTime")]))  # Unicode text left in a legacy font
    result = read_file(path)
    assert result.chunks[0] == BODY and result.encoding is None
