"""Word boundaries from underthesea as exact spans, and the generic counted-noun unit built on
them: one real phrase per case, the expected words or figure beside it.

Decisions the cases pin down: a generic unit is at most two words as the segmenter reads them
("bệnh bẩm sinh", "tập dữ liệu"); its second word must be a noun, so a verb right after the head
noun ends it ("02 vùng nuôi thủy sản" → "vùng", "40 chuyên gia chuyển đổi số" → "chuyên gia");
without underthesea the unit is at most two syllables, as before.
"""

from __future__ import annotations

import logging
import logging.config
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extractors import wordseg
from extractors.figure_rules import RULE_COUNT_GENERIC
from extractors.figures import extract_figures
from extractors.wordseg import syllable_spans, tagged_word_spans, word_spans

ROOT = Path(__file__).resolve().parent.parent


def words(text: str, start: int = 0, limit: int = 40) -> list[str]:
    spans = word_spans(text, start, limit)
    return [text[s:e] for s, e in spans]


@pytest.fixture
def without_underthesea(monkeypatch):
    """underthesea cannot be imported (as on an install without it); caches reset around."""
    wordseg._load_tagger.cache_clear()
    wordseg._tag_window.cache_clear()
    monkeypatch.setitem(sys.modules, "underthesea", None)
    yield
    wordseg._load_tagger.cache_clear()
    wordseg._tag_window.cache_clear()


@pytest.fixture
def tagger_returning(monkeypatch):
    """Replace underthesea's tagger with ``fake`` for one test; caches reset around."""

    def install(fake):
        wordseg._tag_window.cache_clear()
        monkeypatch.setattr(wordseg, "_tagger", lambda: fake)

    yield install
    wordseg._tag_window.cache_clear()


# --- word_spans: compounds are one span ------------------------------------------------------

WORD_CASES = [
    ("bệnh bẩm sinh phổ biến", ["bệnh", "bẩm sinh", "phổ biến"]),
    ("tập dữ liệu mở phục vụ", ["tập", "dữ liệu", "mở", "phục vụ"]),
    ("nông dân tham gia liên kết", ["nông dân", "tham gia", "liên kết"]),
    ("gian hàng, bao gồm", ["gian hàng", ",", "bao gồm"]),
    ("nhân lực. Để thực hiện", ["nhân lực", "."]),
    ("gà con/năm và", ["gà", "con", "/", "năm", "và"]),
    ("7.500 nhân lực", ["7.500", "nhân lực"]),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_word_spans_keep_compounds_whole(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Uỷ ban nhân dân tỉnh ban hành", "Uỷ"),  # underthesea writes "Ủy"
        ("mở 3 khoá học bồi dưỡng", "khoá"),  # underthesea writes "khóa"
        ("xây dựng công trình thuỷ lợi", "thuỷ lợi"),  # underthesea writes "thủy lợi"
        ("tuyến ÐT 640 đi qua", "ÐT"),  # Icelandic eth in PDF text; underthesea writes "ĐT"
    ],
)
def test_respelled_syllables_keep_their_written_form(text, written):
    found = words(text)
    assert written in found
    assert "".join(found).replace(" ", "") == "".join(text.split())


def test_spans_are_offsets_into_the_whole_text():
    text = "Phấn đấu đến năm 2030, có ít nhất 20 tập dữ liệu mở."
    start = text.index("tập")
    spans = word_spans(text, start)
    assert [text[s:e] for s, e in spans] == ["tập", "dữ liệu", "mở", "."]
    assert spans[0][0] == start


def test_a_wrapped_line_stays_inside_the_window():
    text = "ít nhất 5 bệnh bẩm\nsinh phổ biến nhất"
    found = words(text, text.index("bệnh"))
    assert found[:2] == ["bệnh", "bẩm\nsinh"]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("vùng sản xuất\n\nPhát triển thêm", "sản xuất"),  # blank line: a new paragraph
        ("lĩnh vực | 1,5% | 1,5%", "lĩnh vực"),  # table cell border
        ("03 bên: doanh nghiệp công nghệ số", ":"),  # clause end
        ("2 cấp; đồng thời hỗ trợ", ";"),
    ],
)
def test_window_stops_at_the_paragraph_cell_or_sentence_end(text, last):
    assert words(text)[-1] == last


def test_window_never_ends_inside_a_syllable():
    text = "trung tâm logistics bảo quản"
    assert words(text, 0, 14) == ["trung tâm"]  # "logistics" cut at 14 is dropped whole


def test_tags_come_with_the_words():
    text = "40 chuyên gia chuyển đổi số"
    tagged = {text[s:e]: tag for s, e, tag in tagged_word_spans(text, 0)}
    assert tagged["chuyên gia"] == "N"
    assert tagged["chuyển đổi"] == "V"


# --- falling back to syllables ---------------------------------------------------------------


def test_without_underthesea_words_are_syllables(without_underthesea):
    text = "bệnh bẩm sinh, phổ biến"
    assert words(text) == ["bệnh", "bẩm", "sinh", ",", "phổ", "biến"]
    assert word_spans(text, 0) == syllable_spans(text, 0)
    assert all(tag is None for _, _, tag in tagged_word_spans(text, 0))


def test_a_failing_tagger_falls_back_to_syllables(tagger_returning):
    def broken(window):
        raise RuntimeError("model file missing")

    tagger_returning(broken)
    assert words("tập dữ liệu mở") == ["tập", "dữ", "liệu", "mở"]


def test_words_that_do_not_line_up_fall_back_to_syllables(tagger_returning):
    tagger_returning(lambda window: [("hoàn toàn", "N"), ("khác", "A")])
    assert words("tập dữ liệu") == ["tập", "dữ", "liệu"]


def test_figures_without_underthesea_keep_two_syllables(without_underthesea):
    text = "phấn đấu tầm soát ít nhất 5 bệnh bẩm sinh phổ biến nhất"
    (figure,) = extract_figures(text)
    assert (figure.text, figure.unit) == ("ít nhất 5 bệnh bẩm", "bệnh bẩm")
    assert text[figure.start : figure.end] == figure.text


# --- the generic counted-noun unit -----------------------------------------------------------


def U(surface, value, unit, qualifier=None):
    """One expected generic-noun figure."""
    return (surface, value, unit, qualifier)


UNIT_CASES = [
    (
        "phấn đấu tầm soát ít nhất 5 bệnh bẩm sinh phổ biến nhất",
        U("ít nhất 5 bệnh bẩm sinh", 5, "bệnh bẩm sinh", "ge"),
    ),
    (
        "công bố ít nhất 20 tập dữ liệu mở phục vụ phát triển kinh tế số",
        U("ít nhất 20 tập dữ liệu", 20, "tập dữ liệu", "ge"),
    ),
    # the verb "nuôi" ends the phrase: the unit is the head noun
    (
        "hình thành ít nhất 02 vùng nuôi thủy sản thông minh",
        U("ít nhất 02 vùng", 2, "vùng", "ge"),
    ),
    (
        "sàng lọc ít nhất 4 loại bệnh tật bẩm sinh phổ biến",
        U("ít nhất 4 loại bệnh tật", 4, "loại bệnh tật", "ge"),
    ),
    (
        "xây dựng ít nhất 01 trung tâm logistics, bảo quản, chế biến",
        U("ít nhất 01 trung tâm", 1, "trung tâm", "ge"),
    ),
    ("Nghị quyết xác định 3 hướng đột phá chính.", U("3 hướng đột phá", 3, "hướng đột phá")),
    ("thị trấn có 2 tuyến tỉnh lộ đi qua", U("2 tuyến tỉnh lộ", 2, "tuyến tỉnh lộ")),
    ("đào tạo 40 chuyên gia chuyển đổi số", U("40 chuyên gia", 40, "chuyên gia")),
    ("phát hành 2.000 tờ rơi tuyên truyền về giảm nghèo", U("2.000 tờ rơi", 2000, "tờ rơi")),
    ("trang bị 120 máy tính bảng cho học sinh", U("120 máy tính bảng", 120, "máy tính bảng")),
    (
        "duy trì 8 câu lạc bộ gia đình phát triển bền vững",
        U("8 câu lạc bộ gia đình", 8, "câu lạc bộ gia đình"),
    ),
    ("tổ chức 3 phiên chợ nông sản an toàn", U("3 phiên chợ", 3, "phiên chợ")),
    ("có 2 đầu mối liên hệ", U("2 đầu mối", 2, "đầu mối")),
    ("616 nông dân tham gia thực hiện liên kết", U("616 nông dân", 616, "nông dân")),
    ("bố trí 100 gian hàng, bao gồm khu giới thiệu", U("100 gian hàng", 100, "gian hàng")),
    (
        "cung ứng gần 10 triệu gà con/năm",
        U("gần 10 triệu gà con/năm", 10_000_000, "gà con/năm", "approx"),
    ),
    ("khoảng 7.500 nhân lực. Để thực hiện", U("khoảng 7.500 nhân lực", 7500, "nhân lực", "approx")),
    ("chính quyền địa phương 2 cấp; đồng thời", U("2 cấp", 2, "cấp")),
    ("ký kết thỏa thuận giữa 03 bên: doanh nghiệp", U("03 bên", 3, "bên")),
    ("lắp đặt 15 camera giám sát giao thông", U("15 camera", 15, "camera")),
    # a compound wrapped over two lines is still one word
    (
        "tầm soát ít nhất 5 bệnh bẩm\nsinh phổ biến nhất",
        U("ít nhất 5 bệnh bẩm\nsinh", 5, "bệnh bẩm sinh", "ge"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_CASES)
def test_generic_unit_takes_whole_words(text, expected):
    (figure,) = [f for f in extract_figures(text) if f.rule == RULE_COUNT_GENERIC]
    assert text[figure.start : figure.end] == figure.text
    assert (figure.text, figure.value, figure.unit, figure.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("có 08 KH được ban hành", "kh"),  # an upper-case abbreviation alone, as before
        ("đạt 3 sạch”; chỉnh trang khuôn viên", "sạch"),
        ("dưới 109 bé trai/100 bé gái sinh ra sống", "bé trai"),
    ],
)
def test_generic_unit_keeps_its_other_rules(text, unit):
    units = [f.unit for f in extract_figures(text) if f.rule == RULE_COUNT_GENERIC]
    assert units[:1] == [unit]


# --- logging is left as it was ---------------------------------------------------------------


def test_logging_untouched_undoes_an_imports_configuration():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    other = logging.getLogger("chitieu.test_wordseg")
    other.setLevel(logging.ERROR)
    dict_config, basic_config = logging.config.dictConfig, logging.basicConfig
    with wordseg._logging_untouched():
        logging.basicConfig(level=logging.DEBUG)
        logging.config.dictConfig({"version": 1, "root": {"level": "DEBUG"}})
        root.setLevel(logging.DEBUG)
        root.addHandler(logging.StreamHandler())
        other.setLevel(logging.DEBUG)
        other.propagate = False
    assert (list(root.handlers), root.level) == (handlers, level)
    assert (other.level, other.propagate) == (logging.ERROR, True)
    assert logging.config.dictConfig is dict_config
    assert logging.basicConfig is basic_config


_FRESH_PROCESS = """
import logging, logging.config, sys
log_file = sys.argv[1]
root = logging.getLogger()
root.setLevel(logging.WARNING)
stream = logging.StreamHandler(sys.stderr)
root.addHandler(stream)
app = logging.FileHandler(log_file, mode="w")
logging.getLogger("chitieu").addHandler(app)
dict_config = logging.config.dictConfig
from extractors.wordseg import word_spans
assert "underthesea" not in sys.modules  # imported lazily, on first use
spans = word_spans("ít nhất 5 bệnh bẩm sinh phổ biến", 0)
assert "underthesea" in sys.modules
assert (10, 14) in spans and (15, 23) in spans, spans  # bệnh, bẩm sinh
assert root.handlers == [stream] and root.level == logging.WARNING, root.handlers
assert app.stream is not None and not app.stream.closed  # dictConfig would close it
assert logging.getLogger("chitieu").handlers == [app]
assert logging.config.dictConfig is dict_config
assert logging.root.manager.disable == 0
logging.getLogger("chitieu").warning("still logging")
print("ok")
"""


def test_first_use_imports_underthesea_without_touching_logging(tmp_path):
    log_file = tmp_path / "app.log"
    run = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_FRESH_PROCESS), str(log_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == "ok\n"  # nothing from underthesea's own console handler
    assert log_file.read_text(encoding="utf-8") == "still logging\n"
