"""Property tests: random text and random bytes through reading, normalisation, segmentation
and every extractor. Nothing but ReadError may escape, and every item quotes its offsets."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.nlp import extract_document
from pipeline.errors import ReadError
from pipeline.normalise import canonical_text, normalise_text
from pipeline.readers import read_file
from pipeline.segment import split_passages

# Pieces official text is made of: words, keywords of the extractors' rules, numbers in
# Vietnamese notation and the separators between them.
KEYWORDS = [
    "năm", "ngày", "tháng", "quý", "Quyết định số", "Nghị quyết", "Kế hoạch số", "HTX",
    "trở lên", "đạt", "tăng", "giảm", "khoảng", "trên", "dưới", "tối thiểu", "phấn đấu",
    "đến năm", "tỷ đồng", "triệu", "ha", "người", "hộ", "%", "giai đoạn", "Uỷ ban", "Ủy ban",
    "hoà", "thuỷ", "khoá", "/QĐ-UBND", "-NQ/TW", "/2025/NĐ-CP", "UBND tỉnh", "đồng",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ".", ",", "/", "-", "%", "\n", "\n\n", ":", ";", "(", ")", " - "]
VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐ"
)
pieces = st.one_of(
    st.sampled_from(KEYWORDS),
    st.sampled_from(SEPARATORS),
    st.integers(min_value=0, max_value=10**9).map(str),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,2}(,\d{1,2})?", fullmatch=True),
    st.from_regex(r"\d{1,2}/\d{1,2}/\d{4}", fullmatch=True),
    st.text(alphabet=VIETNAMESE, min_size=1, max_size=8),
    st.text(max_size=3),
)
texts = st.lists(pieces, max_size=40).map("".join)
forms = st.sampled_from(["NFC", "NFD", None])
SETTINGS = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def check_extraction(text: str) -> None:
    found = extract_document(text)
    for item in (*found.figures, *found.dates, *found.legal_refs, *found.targets):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
    figures = {(figure.start, figure.end) for figure in found.figures}
    for target in found.targets:
        assert target.start <= target.figure_start < target.figure_end <= target.end
        assert (target.figure_start, target.figure_end) in figures
    if found.document_date is not None:
        date = found.document_date
        assert 0 <= date.start <= date.end <= len(text)


@SETTINGS
@given(texts, forms)
def test_random_text_through_normalisation_segmentation_and_extractors(text, form) -> None:
    if form:
        text = unicodedata.normalize(form, text)
    canonical = normalise_text(text)
    assert unicodedata.is_normalized("NFC", canonical)
    for passage in split_passages(canonical, ()):
        assert canonical[passage.start : passage.end] == passage.text
    check_extraction(canonical)


@SETTINGS
@given(
    st.one_of(
        st.binary(max_size=400),
        texts.map(lambda text: text.encode("utf-8")),
        texts.map(lambda text: text.encode("utf-16")),
    ),
    st.sampled_from([".txt", ".html", ".pdf", ".docx", "", ".doc"]),
)
def test_random_bytes_through_reading(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"tệp{suffix}"
        path.write_bytes(data)
        try:
            result = read_file(path)
        except ReadError as error:
            assert error.stage and error.reason and "\n" not in error.reason
            return
    text, pages = canonical_text(result)
    for page in pages:
        assert 0 <= page.start <= page.end <= len(text)
    check_extraction(text)
