"""The rules that find cited legal and party documents, as data.

Everything the legal-reference extractor knows about Vietnamese citation practice lives here:
the type words that open a citation and the document type each one means, the symbol codes
inside document numbers (``QĐ`` in ``3351/QĐ-UBND``, ``NQ`` in ``13-NQ/TW``), issuers that a
symbol names unambiguously, and the words that end an issuer or a law's name. Patterns are
compiled once at import; each has a name that a stored item carries as its ``rule``.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Type words → doc_type. Longest first, so "Thông tư liên tịch" wins over "Thông tư".
# Matched case-insensitively ("nghị quyết số 47", "CHỈ THỊ SỐ 27/CT-TTG").
TYPE_WORDS: dict[str, str] = {
    "Chương trình hành động": "chuong_trinh",
    "Kế hoạch hành động": "ke_hoach",
    "Thông tư liên tịch": "thong_tu",
    "Nghị quyết liên tịch": "nghi_quyet",
    "Thông báo kết luận": "thong_bao",
    "Chương trình": "chuong_trinh",
    "Nghị quyết": "nghi_quyet",
    "Quyết định": "quyet_dinh",
    "Nghị định": "nghi_dinh",
    "Hiến pháp": "luat",
    "Pháp lệnh": "other",
    "Thông tư": "thong_tu",
    "Công văn": "cong_van",
    "Công điện": "other",
    "Văn bản": "cong_van",
    "Kế hoạch": "ke_hoach",
    "Thông báo": "thong_bao",
    "Hướng dẫn": "huong_dan",
    "Báo cáo": "bao_cao",
    "Kết luận": "ket_luan",
    "Chỉ thị": "chi_thi",
    "Tờ trình": "other",
    "Phương án": "other",
    "Quy định": "other",
    "Quy chế": "other",
    "Đề án": "other",
    "Bộ luật": "luat",
    "Luật": "luat",
}

# Symbol codes that say what kind of document a number belongs to ("QĐ" in "3351/QĐ-UBND",
# "NQ" in "13-NQ/TW", "NĐ" in "30/2020/NĐ-CP"). Compared upper-cased.
SYMBOL_TYPES: dict[str, str] = {
    "QĐ": "quyet_dinh",
    "QD": "quyet_dinh",
    "NQ": "nghi_quyet",
    "NQLT": "nghi_quyet",
    "NĐ": "nghi_dinh",
    "ND": "nghi_dinh",
    "CT": "chi_thi",
    "CTTG": "chi_thi",  # "27/CTTg": a typo for CT-TTg seen in real text
    "KL": "ket_luan",
    "KH": "ke_hoach",
    "TB": "thong_bao",
    "HD": "huong_dan",
    "BC": "bao_cao",
    "CTR": "chuong_trinh",
    "TT": "thong_tu",
    "TTLT": "thong_tu",
    "CĐ": "other",
    "TTR": "other",
    "PA": "other",
    "ĐA": "other",
    "QĐI": "other",  # party regulation (Quy định), "08-QĐi/TW"
    "QYĐ": "other",
    "QC": "other",
    "QH": "luat",
    "L": "luat",
    "PL": "other",
    "UBTVQH": "other",
}

# Issuers that a symbol names without doubt. "/TW" is left out on purpose: a party number
# ending in TW may come from the Central Committee, the Politburo or the Secretariat.
SYMBOL_ISSUERS: dict[str, str] = {
    "TTG": "Thủ tướng Chính phủ",
    "CP": "Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
}

# ---------------------------------------------------------------------------------------------
# Whitespace. Citations wrap across lines in PDFs and legal-site text ("Nghị quyết số\n21-NQ/TW",
# "Chỉ\nthị"), so a run of spaces in a pattern may hold one line break, never a blank line.
_BLANK = r"[ \u00a0]"
_S = r"(?:[ \u00a0]+\n?[ \u00a0]*|\n[ \u00a0]*)"
_S_OPT = r"[ \u00a0]*\n?[ \u00a0]*"


def _flex(pattern: str) -> str:
    """``pattern`` with its runs of spaces (``[ \\u00a0]+``, ``[ \\u00a0]*``) allowed to break a line."""
    return pattern.replace(_BLANK + "+", _S).replace(_BLANK + "*", _S_OPT)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(_flex(pattern))


def _phrase(words: str) -> str:
    """A literal phrase whose spaces may be any run of spaces or one line break."""
    return _S.join(re.escape(word) for word in words.split())


# ---------------------------------------------------------------------------------------------
# Number grammars. A symbol segment starts with a capital letter (Đ included) and may hold
# lower case letters and a trailing term number: TTg, CTr, QyĐ, HĐND, QH14, UBTVQH15.
_SEG = r"[A-ZĐ][A-Za-zĐđ]*\d{0,2}"
_SP = r"[ \u00a0]?"  # one stray space around "/" or "-": "13 -NQ/TW", "3351/QĐ- UBND"
_HYPHEN = r"[-–]"
_SEGS = rf"{_SEG}(?:{_SP}{_HYPHEN}{_SP}{_SEG})*"
_NUM = r"\d{1,5}(?:\.\d{1,2})?"

NUMBER_GRAMMARS: dict[str, str] = {
    # 30/2020/NĐ-CP, 45/2019/QH14, 55/2005/TTLT-BNV-VPCP, 66.2/2025/NQ-CP
    "normative": rf"{_NUM}{_SP}/{_SP}(?:19|20)\d\d{_SP}/{_SP}{_SEGS}",
    # 13-NQ/TW, 36-HD/VPTW, 32-CT/TU, 13 -NQ/TW
    "party": rf"{_NUM}{_SP}{_HYPHEN}{_SP}{_SEG}{_SP}/{_SP}{_SEGS}",
    # 538/UBND-KTTH, 3351/QĐ-UBND, 977/QĐ-TTg
    "administrative": rf"{_NUM}{_SP}/{_SP}{_SEGS}",
}

_FULL_NUMBER = "|".join(f"(?:{NUMBER_GRAMMARS[name]})" for name in NUMBER_GRAMMARS)
# A number must stand alone: not inside a URL, a longer code or a date.
FULL_NUMBER_RE = re.compile(rf"(?=\d)(?<![\w/.\-–])(?:{_FULL_NUMBER})(?![\w/])")
NUMBER_GRAMMAR_RES: dict[str, re.Pattern[str]] = {
    name: re.compile(rf"(?:{pattern})\Z") for name, pattern in NUMBER_GRAMMARS.items()
}

# After a type word: a full number, a partial normative one ("Nghị định 131/2025"), or a bare
# number ("Nghị quyết số 47", "Quyết định số 2846").
_PARTIAL_NUMBER = rf"{_NUM}/(?:19|20)\d\d"
_BARE_NUMBER = r"\d{1,5}"

_TYPE_ALTERNATION = "|".join(_phrase(word) for word in TYPE_WORDS)
# "số", "Số:", "số hiệu"
_SO = r"(?:số(?:\s*hiệu)?\s*:?)"

# Type word, optional "số", then the number. The number must not be followed by letters,
# a slash or a unit that would make it a quantity ("Kế hoạch 5 năm").
# The first letters of the type words, checked first so the scan skips other positions fast.
_TYPE_INITIALS = "".join(sorted({word[0].lower() + word[0].upper() for word in TYPE_WORDS}))
TYPED_NUMBER_RE = _compile(
    rf"(?=[{_TYPE_INITIALS}])(?<!\w)(?P<type>(?i:{_TYPE_ALTERNATION}))"
    rf"(?:[ \u00a0]+(?P<so>(?i:{_SO})))?[ \u00a0]*"
    rf"(?P<num>(?:{_FULL_NUMBER})|{_PARTIAL_NUMBER}|{_BARE_NUMBER})(?![\w/])"
)

# What may follow a bare number cited without "số" ("Nghị quyết 66 của Chính phủ"): otherwise
# "Kế hoạch 5 năm" or "Chương trình 135" would be taken for citations.
BARE_WITHOUT_SO_FOLLOW_RE = re.compile(r"\s*(?:[,;.)]|$|(?:ngày|của|về|do|đã|được)\b)")

# A further number in a list that inherits the type word: "và số 02/NQ-CP", ", 456/QĐ-UBND".
LIST_CONTINUATION_RE = _compile(
    rf"[ \u00a0]*(?:,|;|và|hoặc|,[ \u00a0]*và)[ \u00a0]*"
    rf"(?:(?P<so>{_SO})[ \u00a0]*)?"
    rf"(?P<num>(?:{_FULL_NUMBER})|{_PARTIAL_NUMBER}|{_BARE_NUMBER})(?![\w/])"
)

# A type word with a few lower-case words between it and "số": "Báo cáo thẩm tra số
# 165/BC-KTNS", "Báo cáo tiếp thu, giải trình số 507/UBND-KT". Searched before a full number.
MODIFIED_TYPE_BEFORE_RE = _compile(
    rf"(?<!\w)(?P<type>{_TYPE_ALTERNATION})(?P<words>(?:,?[ \u00a0]+\w+){{1,4}})"
    rf"[ \u00a0]+(?:{_SO})[ \u00a0]*\Z"
)
MODIFIED_TYPE_LOOKBACK = 90

# The document's own number in its header ("Số: 165/KH-UBND"), not a citation.
OWN_NUMBER_PREFIX_RE = re.compile(r"(?:^|\n|\|)[ \t*]*Số[ \t]*:\s*\Z")
# In the document's head the label may lack its colon or share a line ("UBND TỈNH X Số 12/KH-UBND").
OWN_NUMBER_HEAD_PREFIX_RE = re.compile(r"(?<!\w)Số[ \t]*:?\s*\Z")
HEAD_CHARS = 1000

# ---------------------------------------------------------------------------------------------
# Signing date: what may stand between a number and the date mention that follows it.
DATE_AFTER_GAP_RE = _compile(
    r"[ \u00a0]*[,(]?\s*(?:(?:được\s+)?(?:ban hành|ký|thông qua)\s+)?(?:(?i:ngày)\s*)?\Z"
)
# News form: "Ngày 30.11, UBND tỉnh ban hành Quyết định 3351/QĐ-UBND": the date opens the clause
# and a verb of issuing stands between it and the citation.
DATE_BEFORE_GAP_RE = re.compile(
    r"\A[^.;!?\n]{0,100}?\b(?:ban hành|ký|thông qua)\b(?P<object>[^.;!?\n]{0,40})\Z"
)
# ... unless the verb's object is another document ("ban hành kế hoạch triển khai Quyết định
# số 123/QĐ-TTg": the date is the plan's, not the decision's).
OTHER_DOCUMENT_RE = re.compile(rf"(?i:{_TYPE_ALTERNATION})(?!\w)")
DATE_BEFORE_MAX_GAP = 140
DATE_AFTER_MAX_GAP = 30

# A bare year written after a number stands for its signing year when no full date is given:
# "Kế hoạch 279/KH-UBND năm 2025". Not a period ("năm 2021 - 2025", "năm 2025/2026").
NUMBER_YEAR_RE = _compile(
    r"[ \u00a0]+(?i:năm)[ \u00a0]+(?P<year>(?:19|20)\d\d)(?![\w/]|[ \u00a0]*[-–][ \u00a0]*\d)"
)

# Issuer right after the number (and its date): "của Bộ Chính trị", "của UBND tỉnh".
ISSUER_LEAD_RE = _compile(r"[ \u00a0]*,?\s*(?i:của|do)\s+")
# Words that end an issuer's name (matched at a word start, case-insensitively, since issuers
# are also written in capitals in titles: "CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC ...").
ISSUER_STOP_WORDS = (
    "về",
    "ban hành",
    "phê duyệt",
    "quy định",
    "hướng dẫn",
    "thông qua",
    "sửa đổi",
    "thực hiện",
    "triển khai",
    "khoảng",
    "giai đoạn",
    "nhiệm kỳ",
    "đã",
    "được",
    "trong",
    "tại",
    "nhằm",
    "để",
    "thì",
    "là",
    "với",
    "cho",
    "theo",
    "đến",
    "từ",
    "trên",
    "này",
    "đó",
    "số",
    "ngày",
)
ISSUER_STOP_RE = re.compile(
    r"(?i:"
    + "|".join(ISSUER_STOP_WORDS)
    + r")(?!\w)"
    # the next citation: "của Chính phủ và Kế hoạch số 12/KH-UBND", but "Bộ Kế hoạch và Đầu tư"
    + r"|(?i:"
    + _TYPE_ALTERNATION
    + r")(?:\s+(?i:số))?\s*\d"
    # "và" joins two issuers ("Bộ Tài chính và Bộ Y tế"), not an issuer and a clause.
    r"|và(?![ \u00a0]+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ])"
    # digits, footnote marks and emphasis end a name: "Chính phủ khoảng 21 tỷ", "Chính phủ[1]"
    r"|[\d*\[]"
)
ISSUER_MAX_WORDS = 14
# An issuer runs at most to punctuation or a blank line.
ISSUER_STRETCH_RE = re.compile(r"[^,;().:!?\[*\n]*(?:\n(?!\s*\n)[^,;().:!?\[*\n]*)?")

# ---------------------------------------------------------------------------------------------
# Documents cited by name.
# Laws: "Luật Hợp tác xã năm 2012", "Luật HTX", "Bộ luật Lao động năm 2019", "Hiến pháp năm 2013".
LAW_HEAD_RE = _compile(
    r"(?<!\w)(?P<type>[Bb]ộ[ \u00a0]+[Ll]uật|[Ll]uật|Pháp[ \u00a0]+lệnh|Hiến[ \u00a0]+pháp)(?=\s)"
)
# Words that make "luật" part of a common noun rather than a law's head: "pháp luật", "kỷ
# luật", "quy luật", "định luật", "điều luật", "dự luật" (a draft), "đạo luật".
LAW_HEAD_REJECT_BEFORE_RE = _compile(
    r"(?i:pháp|kỷ|kỉ|quy|qui|định|điều|dự|đạo|văn[ \u00a0]+bản)[ \u00a0]+\Z"
)

# Names of Vietnamese laws and ordinances (their first words), lower case. A name written in
# lower case ("Luật thương mại", "theo luật đất đai", "Luật ngân sách nhà\nnước") is taken for
# a citation only when it opens with one of these; a capitalised name needs no table.
LAW_NAME_HEADS: tuple[str, ...] = (
    "an ninh mạng",
    "an ninh quốc gia",
    "an toàn thông tin mạng",
    "an toàn thực phẩm",
    "an toàn, vệ sinh lao động",
    "ban hành văn bản quy phạm pháp luật",
    "bảo hiểm tiền gửi",
    "bảo hiểm xã hội",
    "bảo hiểm y tế",
    "bảo vệ môi trường",
    "bảo vệ và phát triển rừng",
    "bảo vệ quyền lợi người tiêu dùng",
    "bảo vệ sức khỏe nhân dân",
    "bảo vệ và kiểm dịch thực vật",
    "bầu cử",
    "biên giới quốc gia",
    "bình đẳng giới",
    "bưu chính",
    "cán bộ, công chức",
    "các tổ chức tín dụng",
    "căn cước",
    "cạnh tranh",
    "chăn nuôi",
    "chất lượng sản phẩm",
    "chứng khoán",
    "chuyển giao công nghệ",
    "công an nhân dân",
    "công chứng",
    "công đoàn",
    "công nghệ thông tin",
    "công nghiệp công nghệ số",
    "cư trú",
    "dân quân tự vệ",
    "dân số",
    "dân sự",
    "di sản văn hóa",
    "du lịch",
    "dữ liệu",
    "dược",
    "đa dạng sinh học",
    "đất đai",
    "đầu tư",
    "đấu giá tài sản",
    "đấu thầu",
    "đê điều",
    "điện lực",
    "đo lường",
    "đường bộ",
    "đường sắt",
    "giá",
    "giáo dục",
    "giao dịch điện tử",
    "giao thông đường bộ",
    "hải quan",
    "hàng hải",
    "hàng không dân dụng",
    "hóa chất",
    "hoá chất",
    "hôn nhân và gia đình",
    "hộ tịch",
    "hợp tác xã",
    "hỗ trợ doanh nghiệp nhỏ và vừa",
    "hình sự",
    "kế toán",
    "khám bệnh, chữa bệnh",
    "khí tượng thủy văn",
    "khiếu nại",
    "khoa học và công nghệ",
    "khoa học, công nghệ và đổi mới sáng tạo",
    "khoáng sản",
    "kiểm toán",
    "kinh doanh bảo hiểm",
    "kinh doanh bất động sản",
    "lao động",
    "lâm nghiệp",
    "lưu trữ",
    "mặt trận tổ quốc việt nam",
    "ngân sách nhà nước",
    "người cao tuổi",
    "người khuyết tật",
    "nghĩa vụ quân sự",
    "nhà ở",
    "phá sản",
    "phí và lệ phí",
    "phòng cháy",
    "phòng thủ dân sự",
    "phòng, chống",
    "phòng, chống bạo lực gia đình",
    "phòng, chống mua bán người",
    "phòng, chống tác hại của rượu, bia",
    "phòng, chống tác hại của thuốc lá",
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "bảo vệ, chăm sóc và giáo dục trẻ em",
    "bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân",
    "hoạt động giám sát của quốc hội và hội đồng nhân dân",
    "người lao động việt nam đi làm việc ở nước ngoài theo hợp đồng",
    "phổ biến, giáo dục pháp luật",
    "quản lý nợ công",
    "quản lý thuế",
    "quản lý, sử dụng tài sản công",
    "quảng cáo",
    "quốc phòng",
    "quốc tịch",
    "quy hoạch",
    "sở hữu trí tuệ",
    "tài nguyên nước",
    "tài nguyên, môi trường biển và hải đảo",
    "thanh niên",
    "thanh tra",
    "thi đua, khen thưởng",
    "thi hành án",
    "thống kê",
    "thú y",
    "thủ đô",
    "thuế",
    "thủy lợi",
    "thủy sản",
    "thư viện",
    "thương mại",
    "thực hiện dân chủ ở cơ sở",
    "tiếp cận thông tin",
    "tiếp công dân",
    "tiết kiệm năng lượng",
    "tiêu chuẩn và quy chuẩn kỹ thuật",
    "tín ngưỡng, tôn giáo",
    "tố cáo",
    "tố tụng",
    "tổ chức chính quyền địa phương",
    "tổ chức chính phủ",
    "tổ chức quốc hội",
    "trẻ em",
    "trật tự, an toàn giao thông đường bộ",
    "trồng trọt",
    "trợ giúp pháp lý",
    "ưu đãi người có công với cách mạng",
    "viên chức",
    "viễn thông",
    "việc làm",
    "xây dựng",
    "xử lý vi phạm hành chính",
    "xuất bản",
    "báo chí",
)
LAW_NAME_HEAD_RE = _compile(
    r"(?i:"
    + "|".join(
        _phrase(head).replace(",", ",?") for head in sorted(LAW_NAME_HEADS, key=len, reverse=True)
    )
    + r")(?!\w)"
)
# A word of a name: letters and digits, with inner hyphens ("Luật Phòng, chống..." ends at ",").
NAME_WORD_RE = _compile(r"[ \u00a0]*(?P<word>[^\W\d_][\w\-]*)")
# Pairs joined by a comma inside a law's name: "Luật Phòng, chống ma túy".
NAME_COMMA_JOINS: dict[str, str] = {"phòng": "chống"}
NAME_COMMA_JOIN_RE = _compile(r",[ \u00a0]*(?P<word>\w+)")
# An amending law carries the amended law's name: "Luật sửa đổi, bổ sung một số điều của Luật
# Bảo hiểm y tế số 46/2014/QH13" is one citation.
AMENDING_LAW_RE = _compile(
    r"[ \u00a0]+(?i:sửa[ \u00a0]+đổi),?[ \u00a0]+(?:bổ[ \u00a0]+sung[ \u00a0]+)?"
    r"(?:một[ \u00a0]+số[ \u00a0]+điều[ \u00a0]+)?(?:của[ \u00a0]+)?(?:các[ \u00a0]+)?(?=Luật\s)"
)
# Words that end a law's name: function words and verbs that follow a citation. Matched in
# lower case only, so "Luật Quy hoạch" keeps "Quy" while "quy định" ends a name.
LAW_NAME_STOP_WORDS = (
    "của",
    "và",
    "về",
    "để",
    "được",
    "đã",
    "trong",
    "với",
    "tại",
    "cho",
    "có",
    "thì",
    "theo",
    "là",
    "đến",
    "tới",
    "từ",
    "trên",
    "dưới",
    "các",
    "những",
    "này",
    "đó",
    "nhằm",
    "khi",
    "sẽ",
    "đang",
    "vẫn",
    "ước",
    "nêu",
    "quy định",
    "hiện hành",
    "sau",
    "trước",
    "ban hành",
    "thông qua",
    "sửa đổi",
    "bổ sung",
    "thi hành",
    "hướng dẫn",
    "cũng như",
    "hoặc",
    "hay",
    "số",
    "năm",
    "ngày",
    "tháng",
    "lần",
    "nay",
    "thuộc",
    "nhưng",
    "vì",
    "do",
    "bằng",
    "như",
    "đối với",
    "qua",
    "hiệu lực",
    "còn",
    "chưa",
    "không",
    "phải",
    "cần",
    "nên",
    "mà",
)
LAW_NAME_STOP_RE = re.compile(r"(?:" + "|".join(LAW_NAME_STOP_WORDS) + r")(?!\w)")
# The first word of a name must be capitalised ("pháp luật", "luật sư" are not citations); these
# capitalised words are not names either.
LAW_NAME_REJECT_FIRST = frozenset({"Sư", "Gia"})
LAW_NAME_MAX_WORDS = 10
# An amending law may amend several laws: "Luật sửa đổi, bổ sung một số điều của Luật Phòng,
# chống thiên tai và Luật Đê điều" is one citation; its passing date follows the last name.
AMENDED_LAW_MORE_RE = _compile(r"(?:[ \u00a0]*,|[ \u00a0]+và)[ \u00a0]+(?=Luật\s)")
AMENDING_LAW_MAX_WORDS = 24
# A name that runs on past a function word to its number: "Pháp lệnh Ưu đãi người có công với
# cách mạng số 02/2020/UBTVQH14", "Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14".
# Only words and commas may stand between, and no other document's type word.
NAME_TO_NUMBER_RE = _compile(
    r"(?P<gap>(?:,?[ \u00a0]+[^\W\d_][\w\-]*){1,8}?)"
    rf"[ \u00a0]+(?:{_SO})[ \u00a0]*(?P<num>{_FULL_NUMBER})(?![\w/])"
)
LAW_YEAR_RE = _compile(r"[ \u00a0]*(?:năm[ \u00a0]+)?(?P<year>(?:19|20)\d\d)(?![\w/])")
LAW_NUMBER_RE = _compile(
    rf"[ \u00a0]*,?[ \u00a0]*(?:{_SO})[ \u00a0]*(?P<num>{_FULL_NUMBER})(?![\w/])"
)

# Party resolutions by name: "Nghị quyết Trung ương 5 (khóa IX)", "Nghị quyết Hội nghị Trung
# ương 4 khóa XII", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", "Nghị quyết Đại hội XIII".
_ROMAN = r"[IVXLC]+"
_KHOA = _flex(
    rf"(?:(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]*\([ \u00a0]*|[ \u00a0]+)[Kk]h(?:óa|oá)[ \u00a0]+{_ROMAN}\)?)"
)
NAMED_RESOLUTION_RES: dict[str, re.Pattern[str]] = {
    "named.nq_trung_uong": _compile(
        r"(?=N)(?<!\w)(?P<type>Nghị[ \u00a0]+quyết)[ \u00a0]+(?:Hội[ \u00a0]+nghị[ \u00a0]+)?(?:lần[ \u00a0]+thứ[ \u00a0]+\w+[ \u00a0]+"
        r"(?:Ban[ \u00a0]+Chấp[ \u00a0]+hành[ \u00a0]+)?)?Trung[ \u00a0]+ương[ \u00a0]+(?:\d{1,2}|"
        + _ROMAN
        + r")(?![\w/])"
        rf"(?:{_KHOA})?"
    ),
    "named.nq_dai_hoi": _compile(
        r"(?=N)(?<!\w)(?P<type>Nghị[ \u00a0]+quyết)[ \u00a0]+Đại[ \u00a0]+hội(?:[ \u00a0]+(?!lần\b)[^\s,.;:()]+){0,8}?"
        rf"[ \u00a0]+(?:lần[ \u00a0]+thứ[ \u00a0]+(?:{_ROMAN}|\d{{1,2}})|{_ROMAN})(?![\w/])"
        r"(?:[ \u00a0]+của[ \u00a0]+Đảng)?"
    ),
}

# Rule names carried by stored items.
RULE_TYPED = "typed_number"
RULE_LIST = "list_continuation"
RULE_SYMBOL = "symbol_only"
RULE_MODIFIED = "typed_modified"
RULE_LAW = "named.law"

# ---------------------------------------------------------------------------------------------
# Documents cited by title. A capitalised planning type word that no number follows names a
# document when its title shows it: a period or horizon ("Quy hoạch tỉnh X thời kỳ 2021 - 2030,
# tầm nhìn đến năm 2050", "Chiến lược ... đến năm 2030", "Chương trình mục tiêu quốc gia ...
# giai đoạn 2021 - 2025"), a quoted title (Đề án “…”), or for a project a capitalised title.
TITLE_TYPES: dict[str, str] = {
    "Quy hoạch": "other",
    "Chiến lược": "other",
    "Đề án": "other",
    "Chương trình": "chuong_trinh",
}
TITLE_HEAD_RE = _compile(
    r"(?=[QCĐ])(?<!\w)(?P<type>" + "|".join(_phrase(word) for word in TITLE_TYPES) + r")(?=\s)"
)
# Type words whose title may be written without a horizon when it opens with a capital
# ("Đề án Nghiên cứu, xây dựng mô hình ..."); "Chương trình Mỗi xã ..." is too often a slogan.
TITLE_CAPITALISED_TYPES = frozenset({"Đề án"})
_YEAR = r"(?:19|20)\d\d"
_PERIOD = rf"{_YEAR}(?:[ \u00a0]*[-–][ \u00a0]*{_YEAR})?"
TITLE_HORIZON = rf"(?:thời[ \u00a0]+kỳ|giai[ \u00a0]+đoạn|đến[ \u00a0]+năm|nhiệm[ \u00a0]+kỳ)[ \u00a0]+{_PERIOD}"
# A project is often named for the year it is to be met: "Đề án ... đạt chuẩn ... vào năm 2025".
PROJECT_HORIZON = rf"(?:{TITLE_HORIZON}|(?:vào[ \u00a0]+)?năm[ \u00a0]+{_YEAR})"
_VISION = (
    rf"(?:[ \u00a0]*,?[ \u00a0]*(?:và[ \u00a0]+)?(?:tầm[ \u00a0]+nhìn|định[ \u00a0]+hướng)"
    rf"[ \u00a0]+(?:đến[ \u00a0]+)?(?:năm[ \u00a0]+)?{_YEAR})?"
)
# A title's words; a lone dash joins halves ("kinh tế - xã hội").
_TITLE_WORD = r"(?:,?[ \u00a0]+(?:[^\W\d_][\w\-&]*|[-–]))"
TITLE_WORDS_MAX = 25
TITLE_TO_HORIZON_RE = _compile(
    rf"(?P<words>{_TITLE_WORD}{{1,{TITLE_WORDS_MAX}}}?)[ \u00a0]+{TITLE_HORIZON}{_VISION}"
)
PROJECT_TO_HORIZON_RE = _compile(
    rf"(?P<words>{_TITLE_WORD}{{1,{TITLE_WORDS_MAX}}}?)[ \u00a0]+{PROJECT_HORIZON}{_VISION}"
)
# A title in quotation marks, possibly wrapped over a line: Đề án “Nâng cao nhận thức ...”.
QUOTED_TITLE_RE = _compile(
    r"[ \u00a0]*(?:“(?:[^”\n]|\n(?![ \u00a0]*\n)){3,300}”|\"[^\"\n]{3,200}\")"
)
# A capitalised title runs over words and inner commas to the end of the clause.
CAPITALISED_TITLE_RE = _compile(
    r"(?P<words>[ \u00a0]+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝ][\w\-]*"
    rf"(?:(?:,[ \u00a0]*(?=[^\W\d_A-ZĐ])|[ \u00a0]+)[^\W\d_][\w\-&]*){{1,{TITLE_WORDS_MAX}}})"
)
# Words a title never holds: the verbs and particles of the clause around it ("Chương trình
# đặt mục tiêu đến năm 2030", "Đề án được phê duyệt năm 2024").
TITLE_STOP_WORDS = (
    "là",
    "được",
    "bị",
    "đã",
    "sẽ",
    "đang",
    "đặt",
    "phấn đấu",
    "nhằm",
    "cần",
    "phải",
    "có",
    "theo",
    "tại",
    "thì",
    "mà",
    "nên",
    "này",
    "đó",
    "khi",
    "ban hành",
    "phê duyệt",
)
TITLE_STOP_RE = re.compile(r"(?<!\w)(?:" + "|".join(TITLE_STOP_WORDS) + r")(?!\w)")
# Making a plan or project is not citing it: "lập Điều chỉnh Quy hoạch tỉnh ...", "đang xây
# dựng Đề án ...", "Dự thảo Quy hoạch ...".
TITLE_MAKING_BEFORE_RE = _compile(
    r"(?i:lập|điều[ \u00a0]+chỉnh|xây[ \u00a0]+dựng|dự[ \u00a0]+thảo|soạn[ \u00a0]+thảo|nghiên[ \u00a0]+cứu"
    r"|đề[ \u00a0]+xuất|thẩm[ \u00a0]+định|hoàn[ \u00a0]+thiện|các|những)[ \u00a0]+\Z"
)

# A document cited by its issuer and subject, without number: "Quyết định của Tỉnh ủy về chỉ
# định Ban Chấp hành Đảng bộ xã", "Nghị quyết của Bộ Chính trị về phát triển ...". The type
# word must be capitalised: "quyết định của tỉnh về ..." is a decision, not a document.
_ISSUER_TITLE_TYPES = [word for word in TYPE_WORDS if word not in ("Luật", "Bộ luật")]
ISSUER_TITLE_HEAD_RE = _compile(
    rf"(?=[{''.join(sorted({word[0] for word in _ISSUER_TITLE_TYPES}))}])(?<!\w)(?P<type>"
    + "|".join(_phrase(word) for word in _ISSUER_TITLE_TYPES)
    + r")(?=[ \u00a0]+của[ \u00a0])"
)
ABOUT_RE = _compile(r"[ \u00a0]+về[ \u00a0]+(?:việc[ \u00a0]+)?(?=[^\W\d_])")
# A subject runs to the end of its clause: punctuation, a blank line, or a comma before a
# capital or a digit. A single line break (a wrapped PDF line) does not end it.
_SUBJECT_CHUNK = r"(?:[^.;:!?()\[\]“”\"\n,]|\n(?![ \u00a0]*\n))+"
SUBJECT_RE = re.compile(rf"{_SUBJECT_CHUNK}(?:,(?=[ \u00a0]*[^\W\d_A-ZĐ]){_SUBJECT_CHUNK})*")
SUBJECT_MAX_WORDS = 30
SUBJECT_HORIZON_RE = _compile(rf"{TITLE_HORIZON}{_VISION}")

# A quantity inside a title or subject: digits that are not a year.
TITLE_QUANTITY_RE = re.compile(r"(?<![\w/.,])(?!(?:19|20)\d\d(?!\d))\d")

RULE_TITLE = "named.title"
RULE_ISSUER_SUBJECT = "named.issuer_subject"
