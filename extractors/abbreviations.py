"""Abbreviations of Vietnamese official text and their expansions, shared by every extractor.

Units are stored expanded ("448 HTX" → unit "hợp tác xã"), and metrics read better expanded, so
the map lives here as data, with :func:`expand` to apply it to a phrase.
"""

from __future__ import annotations

import re

# Upper-case abbreviation → what it stands for (lower case, as a unit or metric is written).
ABBREVIATIONS: dict[str, str] = {
    "HTX": "hợp tác xã",
    "LHHTX": "liên hiệp hợp tác xã",
    "THT": "tổ hợp tác",
    "KTTT": "kinh tế tập thể",
    "KTHT": "kinh tế hợp tác",
    "DN": "doanh nghiệp",
    "DNNN": "doanh nghiệp nhà nước",
    "DNNVV": "doanh nghiệp nhỏ và vừa",
    "DNVVN": "doanh nghiệp vừa và nhỏ",
    "NTM": "nông thôn mới",
    "HĐND": "hội đồng nhân dân",
    "UBND": "ủy ban nhân dân",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "MTTQ": "mặt trận tổ quốc",
    "KH&CN": "khoa học và công nghệ",
    "KHCN": "khoa học và công nghệ",
    "KH&ĐT": "kế hoạch và đầu tư",
    "CNTT": "công nghệ thông tin",
    "CĐS": "chuyển đổi số",
    "KCN": "khu công nghiệp",
    "CCN": "cụm công nghiệp",
    "KKT": "khu kinh tế",
    "OCOP": "OCOP",
    "TTHC": "thủ tục hành chính",
    "DVC": "dịch vụ công",
    "DVCTT": "dịch vụ công trực tuyến",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "ĐVHC": "đơn vị hành chính",
    "NSNN": "ngân sách nhà nước",
    "GRDP": "GRDP",
    "GDP": "GDP",
    "FDI": "FDI",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "CSSX": "cơ sở sản xuất",
    "SXKD": "sản xuất kinh doanh",
    "KT-XH": "kinh tế - xã hội",
    "KTXH": "kinh tế - xã hội",
    "ATTP": "an toàn thực phẩm",
    "BCĐ": "ban chỉ đạo",
    "BTV": "ban thường vụ",
    "TW": "trung ương",
}

_WORD = re.compile(r"[^\W_](?:[^\W_]|[&-](?=[^\W\d_]))*", re.UNICODE)


def expand_word(word: str) -> str:
    """The expansion of one abbreviation ("HTX" → "hợp tác xã"), or the word unchanged."""
    return ABBREVIATIONS.get(word, word)


def expand(text: str) -> str:
    """``text`` with every whole-word abbreviation replaced by its expansion.

    "1 liên hiệp HTX" → "1 liên hiệp hợp tác xã". Only upper-case words are looked up, so an
    ordinary lower-case word that happens to spell an abbreviation is left alone.
    """
    return _WORD.sub(lambda m: expand_word(m.group()) if m.group().isupper() else m.group(), text)
