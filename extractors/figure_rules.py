"""Word tables and named patterns the figures extractor reads.

Every table is data a reader can check against Vietnamese official usage; the extractor names
the rule that produced each figure (``Figure.rule``) after the tables below.

Decisions written down here:

- Fractions "5/9 tiêu chí", "22/63", "419/419 căn nhà": ``value`` is the numerator, ``unit``
  the counted noun after the fraction ("tiêu chí"); kind is ``count`` when a noun follows and
  ``ratio`` when the fraction stands alone ("xếp thứ 22/63" is excluded as an ordinal, "đạt
  22/63" is a ratio with value 22). The whole "a/b" is the span. A slash pair that is a valid
  day/month ("26/6") with no counted noun after it is a date, never a fraction.
- Bare scale money: a number with a scale word and no unit is money in "đồng" when the scale is
  "tỷ"/"tỉ" (Vietnamese reports drop "đồng" after "tỷ" all the time: "doanh thu 655,44 tỷ"), or
  when a money word (thu, chi, ngân sách, vốn, doanh thu, kinh phí...) comes shortly before it.
  Otherwise it is kind ``other`` with no unit.
- Number words are read only when they carry a quantity: a run of two or more number words
  ("hai mươi", "một trăm", "ba nghìn"), or one digit word from "hai" to "mười" directly before a
  unit of the lexicon below ("hai năm", "ba hợp tác xã"). "một" alone is never read: it is the
  indefinite article ("một số", "một cách", "một trong", "Mỗi xã một sản phẩm").
- A small bare integer with no unit, scale or qualifier is not reported (list numbers, table
  indexes, codes); a bare number with thousands or decimals ("13.000", "2,5") is reported as
  kind ``other``.
- Measures (ha, km, kg, tấn, m2...) are kind ``other``; counted nouns are ``count``.
"""

from __future__ import annotations

# Qualifiers written before the number, longest first so "ước đạt" wins over "ước".
QUALIFIERS_BEFORE: dict[str, str] = {
    "hơn khoảng": "approx",
    "trên dưới": "approx",
    "ước đạt": "approx",
    "ước tính đạt": "approx",
    "ước tính": "approx",
    "ước khoảng": "approx",
    "xấp xỉ": "approx",
    "khoảng": "approx",
    "chừng": "approx",
    "gần": "approx",
    "ước": "approx",
    "không vượt quá": "le",
    "không quá": "le",
    "tối đa": "le",
    "nhiều nhất": "le",
    "ít nhất": "ge",
    "tối thiểu": "ge",
    "chưa đến": "lt",
    "chưa tới": "lt",
    "dưới": "lt",
    "trên": "gt",
    "hơn": "gt",
    "vượt": "gt",
    "vượt trên": "gt",
    "vượt hơn": "gt",
}
# Comparison signs written before the number ("≥ 95%").
QUALIFIER_SIGNS: dict[str, str] = {
    "≥": "ge",
    ">=": "ge",
    "≤": "le",
    "<=": "le",
    ">": "gt",
    "<": "lt",
}
# Qualifiers written after the figure.
QUALIFIERS_AFTER: dict[str, str] = {
    "trở lên": "ge",
    "trở xuống": "le",
}
# Words allowed between a qualifier and its number ("ước đạt 45 triệu" is a single qualifier;
# "khoảng đạt" is not Vietnamese). Only "đạt" is taken, as the brief of the gold format says.
QUALIFIER_LINKS = ("đạt",)
# Qualifiers that still qualify the number across one verb of change or result ("ước tăng
# 6,91%", "ước thu 50 tỷ đồng", "ít nhất tăng 5%", "tối thiểu đạt 90%"). "trên", "dưới",
# "hơn", "vượt" are left out: before a verb they are prepositions or verbs themselves.
QUALIFIERS_ACROSS_VERB: dict[str, str] = {
    "ước": "approx",
    "ước tính": "approx",
    "khoảng": "approx",
    "xấp xỉ": "approx",
    "ít nhất": "ge",
    "tối thiểu": "ge",
    "tối đa": "le",
    "không quá": "le",
}
# The verbs a qualifier above may reach across (one or two syllables).
QUALIFIER_VERBS = (
    "tăng",
    "giảm",
    "đạt",
    "thu",
    "chi",
    "nộp",
    "chiếm",
    "còn",
    "có",
    "lên",
    "tăng trưởng",
    "tăng thêm",
    "giảm thêm",
    "thu được",
    "đạt được",
)
# Adverbs that may stand between such a qualifier and its verb ("ước vẫn tăng 6,91%").
QUALIFIER_ADVERBS = ("vẫn", "đã", "sẽ", "cũng", "đều")
# Words between a qualifier and the number that open a range: "khoảng từ 30% đến 40%".
RANGE_OPENERS = ("từ",)

# Words that, right before a number, make it a date, an ordinal, a section, a name or a code.
# Matched case-insensitively against the words just before the number.
EXCLUDING_WORDS_BEFORE: dict[str, str] = {
    # calendar
    "năm": "date",
    "tháng": "date",
    "ngày": "date",
    "quý": "date",
    "tuần": "date",
    "niên độ": "date",
    "nhiệm kỳ": "date",
    "giai đoạn": "date",
    "thời kỳ": "date",
    "mùa vụ": "date",
    "vụ": "date",
    "sáng": "date",
    "chiều": "date",
    "tối": "date",
    "đêm": "date",
    "trưa": "date",
    "lúc": "time",
    # ordinals and names
    "thứ": "ordinal",
    "lần": "ordinal",
    "khóa": "ordinal",
    "khoá": "ordinal",
    "kỳ": "ordinal",
    "đợt": "ordinal",
    "trung ương": "ordinal",
    "đại hội": "ordinal",
    "hạng": "ordinal",
    "loại": "ordinal",
    "cấp": "ordinal",
    "bậc": "ordinal",
    "top": "ordinal",
    "mức độ": "ordinal",
    "cấp độ": "ordinal",
    "nhóm": "ordinal",
    "khu vực": "ordinal",
    "vùng": "ordinal",
    # sections of a document
    "số": "number",
    "điều": "section",
    "khoản": "section",
    "mục": "section",
    "tiểu mục": "section",
    "điểm": "section",
    "chương": "section",
    "phần": "section",
    "phụ lục": "section",
    "biểu": "section",
    "mẫu": "section",
    "bảng": "section",
    "hình": "section",
    "bước": "section",
    "trang": "section",
    "tiết": "section",
    # cited documents without "số"
    "luật": "legal",
    "nghị quyết": "legal",
    "nghị định": "legal",
    "quyết định": "legal",
    "thông tư": "legal",
    "chỉ thị": "legal",
    "kết luận": "legal",
    "công văn": "legal",
    "kế hoạch": "legal",
    "chương trình": "legal",
    "thông báo": "legal",
    "hướng dẫn": "legal",
    "tờ trình": "legal",
    "báo cáo": "legal",
    "đề án": "legal",
    "văn bản": "legal",
    "công điện": "legal",
    # places and codes
    "quốc lộ": "code",
    "tỉnh lộ": "code",
    "đường tỉnh": "code",
    "hương lộ": "code",
    "ql": "code",
    "đt": "code",
    "dt": "code",
    "iso": "code",
    "tcvn": "code",
    "qcvn": "code",
    "phiên bản": "code",
    "version": "code",
    "covid": "code",
    "thôn": "code",
    "ấp": "code",
    "tổ": "code",
    "xóm": "code",
    "khối": "code",
    "khu phố": "code",
    "phường": "code",
    "quận": "code",
    "lô": "code",
    "tầng": "code",
    "phòng": "code",
    "thửa": "code",
    "tờ": "code",
    "tờ bản đồ": "code",
    "km": "code",
    "ĐT": "code",
    "điện thoại": "phone",
    "hotline": "phone",
    "fax": "phone",
    "sđt": "phone",
    "tel": "phone",
    "zalo": "phone",
}
# Phrases before "số" that make "số N" a count ("tổng số 3.469 người"), not a document number.
COUNT_BEFORE_SO = ("tổng", "với tổng", "có tổng")

# Exclusions a percentage after the number overrides: "cùng thời điểm 25%", "đạt số 75%",
# "tăng trưởng năm 7%" are quantities, whatever word comes before. Codes, phones, times and
# cited documents keep their exclusion.
PERCENT_KEEPS_EXCLUSION = ("code", "phone", "time", "legal")
# Exclusions a money or measure unit after the number overrides ("số 120 tỷ đồng",
# "khoản 30 triệu đồng"); "số" also yields to a counted noun ("số 27 đồng chí").
UNIT_OVERRIDES_EXCLUSION = ("number", "section")
# Counted nouns that after "số N" are still part of an address or a name ("nhà số 5 thôn ...").
NOT_COUNT_AFTER_SO = ("thôn", "bản", "làng", "xã", "phường", "huyện", "tỉnh", "nhà", "tổ")
# Words naming a span of time: before "N năm" they announce a length, not a year
# ("giai đoạn 10 năm 2010-2020", "nhiệm kỳ 5 năm", "thời kỳ 10 năm").
SPAN_WORDS = ("giai đoạn", "nhiệm kỳ", "thời kỳ")

# Scale words; "tỷ"/"tỉ" before these words is "ratio" (tỷ lệ, tỷ trọng), not a billion.
SCALE_WORDS = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ")
NOT_SCALE_AFTER = ("lệ", "trọng", "suất", "giá", "số")

# Money units as written → stored unit.
MONEY_UNITS: dict[str, str] = {
    "đồng": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "đ": "đồng",
    "usd": "USD",
    "đô la mỹ": "USD",
    "đô-la mỹ": "USD",
    "đô la": "USD",
    "đôla": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "yên": "JPY",
    "nhân dân tệ": "CNY",
}
# Words after "đồng" that make it another word (comrade, compatriot, at the same time...).
NOT_MONEY_AFTER_DONG = ("chí", "bào", "thời", "bằng", "ý", "hành", "nghiệp", "tâm", "bộ", "đều")

# Words shortly before a bare "N triệu"/"N nghìn" that make it money ("thu ngân sách 4.290,3").
MONEY_CONTEXT_WORDS = (
    "thu",
    "chi",
    "ngân sách",
    "doanh thu",
    "doanh số",
    "vốn",
    "kinh phí",
    "giá trị",
    "tổng mức",
    "đầu tư",
    "lợi nhuận",
    "lãi",
    "nộp",
    "dự toán",
    "thu nhập",
    "lương",
    "giá",
    "tiền",
    "kim ngạch",
    "hỗ trợ",
    "cho vay",
    "dư nợ",
    "giải ngân",
    "chi phí",
    "mức",
    "triệu đồng",
    "tỷ đồng",
)

# Denominators of a rate written with "/": "đồng/tháng", "đồng/người/năm", "tấn/ha".
RATE_DENOMINATORS = (
    "người",
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "quý",
    "giờ",
    "ha",
    "hộ",
    "kg",
    "tấn",
    "lít",
    "m2",
    "m²",
    "m3",
    "m³",
    "km",
    "con",
    "lao động",
    "suất",
    "lượt",
    "công",
    "sào",
    "vụ",
    "hợp tác xã",
    "HTX",
    "xã",
    "thôn",
    "dự án",
    "hồ sơ",
    "sản phẩm",
    "học sinh",
    "trẻ",
    "cháu",
    "gia đình",
    "đơn vị",
    "doanh nghiệp",
    "cơ sở",
    "bệnh nhân",
    "giường",
    "lớp",
    "trường",
    "đầu người",
    "chiếc",
    "căn",
    "mô hình",
    "km²",
)

# Duration units. "N tháng" followed by a year phrase is a date period ("6 tháng đầu năm 2020").
DURATION_UNITS = (
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "giờ",
    "phút",
    "giây",
    "quý",
    "thập kỷ",
    "thập niên",
    "thế kỷ",
    "ngày làm việc",
    "năm học",
)
# Words after "N tháng" / "N năm" / "N quý" that make the phrase a date period, not a duration.
# "N năm qua", "N tháng nay" have no calendar anchor: they stay durations.
PERIOD_AFTER_DURATION = ("đầu năm", "cuối năm", "năm", "đầu", "cuối")

# Ratio words: "gấp 3 lần", "3 lần" after gấp/tăng/giảm.
RATIO_MARKERS_BEFORE = ("tăng gấp", "gấp")
RATIO_UNIT = "lần"

# Measures: counted as kind "other" (a quantity of matter or land, not a number of things).
MEASURE_UNITS = (
    "ha",
    "héc-ta",
    "hecta",
    "héc ta",
    "km",
    "km2",
    "km²",
    "m",
    "m2",
    "m²",
    "m3",
    "m³",
    "kg",
    "tấn",
    "tạ",
    "lít",
    "mw",
    "kw",
    "kwh",
    "gw",
    "mwh",
    "gb",
    "mbps",
    "cm",
    "mm",
    "sào",
    "mẫu",
    "độ",
    "°c",
    "tỷ kwh",
    "triệu kwh",
)
# Measure units that may be written glued to the digits ("100ha", "3km").
GLUED_UNITS = ("ha", "km", "km2", "m2", "m3", "kg", "m", "mw", "kw", "kwh", "cm", "mm", "gb", "đ")

# Counted nouns (expanded, lower case). Longest match wins; anything else falls back to the
# noun phrase after the number, cut at a stop word.
COUNTED_UNITS = (
    "hợp tác xã",
    "liên hiệp hợp tác xã",
    "tổ hợp tác",
    "doanh nghiệp",
    "doanh nghiệp nhỏ và vừa",
    "hộ",
    "hộ gia đình",
    "hộ nghèo",
    "hộ cận nghèo",
    "hộ dân",
    "người",
    "người lao động",
    "lao động",
    "thành viên",
    "đơn vị",
    "đơn vị hành chính",
    "xã",
    "phường",
    "thị trấn",
    "huyện",
    "tỉnh",
    "thành phố",
    "thôn",
    "bản",
    "làng",
    "dự án",
    "công trình",
    "sản phẩm",
    "sản phẩm OCOP",
    "tiêu chí",
    "chỉ tiêu",
    "nhiệm vụ",
    "giải pháp",
    "cơ sở",
    "cơ quan",
    "tổ chức",
    "trường",
    "trường học",
    "lớp",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "trẻ",
    "trẻ em",
    "cháu",
    "bệnh nhân",
    "giường bệnh",
    "bác sĩ",
    "căn nhà",
    "căn hộ",
    "ngôi nhà",
    "nhà",
    "lượt",
    "lượt khách",
    "lượt người",
    "lượt xem",
    "khách",
    "du khách",
    "hồ sơ",
    "thủ tục",
    "thủ tục hành chính",
    "dịch vụ công",
    "dịch vụ công trực tuyến",
    "văn bản",
    "vụ",
    "vụ việc",
    "đối tượng",
    "đại biểu",
    "đồng chí",
    "đảng viên",
    "cán bộ",
    "công chức",
    "viên chức",
    "hội viên",
    "đoàn viên",
    "chi bộ",
    "mô hình",
    "chuỗi",
    "chuỗi liên kết",
    "cửa hàng",
    "chợ",
    "siêu thị",
    "khu công nghiệp",
    "cụm công nghiệp",
    "khu kinh tế",
    "tờ khai",
    "doanh nghiệp",
    "xe",
    "chiếc",
    "cây",
    "việc làm",
    "ý kiến",
    "cuộc",
    "buổi",
    "lớp tập huấn",
    "sáng kiến",
    "đề tài",
    "sáng chế",
    "tấn hàng",
    "điểm",
    "điểm phần trăm",
    "bậc",
    "lần",
    "bộ",
    "gói",
    "gói thầu",
    "nhóm",
    "trạm",
    "hecta",
    "ha",
    "km",
    "kg",
    "tấn",
)
# Nouns that head a counted phrase and take a qualifying noun after them: "81.845 bộ tờ khai",
# "342 hộ kinh doanh", "1 vụ án hình sự", "3 đơn vị cấp xã", "8 nhóm nhiệm vụ". The qualifying
# noun is a counted noun of the lexicon or one of QUALIFYING_NOUNS; a verb, a preposition or a
# new clause after the head is never taken.
CLASSIFIER_HEADS = (
    "bộ",
    "nhóm",
    "vụ",
    "đơn vị",
    "hộ",
    "lượt",
    "loại",
    "cụm",
    "đoàn",
    "đội",
    "cơ sở",
    "điểm",
    "mô hình",
    "gói",
    "cuộc",
    "lớp",
    "trường",
    "khu",
)
# Qualifying nouns (lower case) that complete a classifier head above.
QUALIFYING_NOUNS = (
    "kinh doanh",
    "sản xuất",
    "sản xuất kinh doanh",
    "chăn nuôi",
    "trồng trọt",
    "án",
    "án hình sự",
    "án dân sự",
    "án kinh tế",
    "án hành chính",
    "vi phạm",
    "tai nạn",
    "tai nạn giao thông",
    "cháy",
    "buôn lậu",
    "cấp xã",
    "cấp huyện",
    "cấp tỉnh",
    "cấp thôn",
    "sự nghiệp",
    "sự nghiệp công lập",
    "hành chính",
    "công lập",
    "ngoài công lập",
    "mầm non",
    "tiểu học",
    "trung học cơ sở",
    "trung học phổ thông",
    "du lịch",
    "dịch vụ",
    "thương mại",
    "kiểm tra",
    "thanh tra",
    "tập huấn",
    "bồi dưỡng",
    "y tế",
    "giáo dục",
)
# Administrative units that pair up in a list naming one kind of place: "7 xã, thị trấn",
# "30 tỉnh, thành", "45 xã, phường, thị trấn".
ADMIN_UNITS = (
    "xã",
    "phường",
    "thị trấn",
    "thị xã",
    "huyện",
    "quận",
    "thành phố",
    "tỉnh",
    "thành",
    "thôn",
    "bản",
    "làng",
    "ấp",
    "khu phố",
    "tổ dân phố",
)
# Organisation units that take "thành viên" as part of the noun ("13 HTX thành viên").
MEMBER_TAKING_UNITS = ("hợp tác xã", "liên hiệp hợp tác xã", "tổ hợp tác", "doanh nghiệp")
MEMBER_TAIL = "thành viên"

# Words that end a counted noun phrase: verbs, prepositions, conjunctions, determiners.
NOUN_STOP_WORDS = frozenset(
    [
        "với",
        "được",
        "là",
        "của",
        "trong",
        "đạt",
        "tăng",
        "giảm",
        "so",
        "và",
        "có",
        "thuộc",
        "cho",
        "từ",
        "đến",
        "tới",
        "tại",
        "trên",
        "dưới",
        "hơn",
        "gần",
        "khoảng",
        "này",
        "đó",
        "các",
        "những",
        "mỗi",
        "đã",
        "đang",
        "sẽ",
        "bị",
        "do",
        "bằng",
        "theo",
        "về",
        "vào",
        "ra",
        "lên",
        "xuống",
        "nhằm",
        "để",
        "mà",
        "thì",
        "hoặc",
        "hay",
        "nhưng",
        "như",
        "khi",
        "nếu",
        "ở",
        "năm",
        "tháng",
        "ngày",
        "trở",
        "còn",
        "chiếm",
        "gồm",
        "bao",
        "đi",
        "không",
        "chưa",
        "cũng",
        "đều",
        "vẫn",
        "rất",
        "nhất",
        "làm",
        "nên",
        "vì",
        "qua",
        "sau",
        "trước",
        "giữa",
        "cùng",
        "mới",
        "tổng",
        "số",
        "đồng",
        "vượt",
        "riêng",
        "gấp",
        "lần",
        "chỉ",
        "toàn",
        "cả",
        "mọi",
        "nhiều",
        "ít",
        "đây",
        "kia",
        "ấy",
        "thêm",
        "nữa",
        "luôn",
        "nêu",
    ]
)
# Two-word verbs that end a counted noun phrase ("100 HTX tham gia", "30 tổ hợp tác thành lập").
NOUN_STOP_PHRASES = frozenset(
    {
        "tham gia",
        "thành lập",
        "thực hiện",
        "hoạt động",
        "tương ứng",
        "trực thuộc",
        "đăng ký",
        "được",
        "bao gồm",
        "hiện có",
        "đi vào",
    }
)
# Generic (non-lexicon) noun phrases are at most this many words, as the word segmenter reads
# them ("bệnh bẩm sinh" is two words); the second must carry one of these part-of-speech tags
# (noun, classifier noun, unit noun), so "nhà máy xử lý" stops before its verb. Without word
# boundaries (segmenter unavailable, or a first word running past a stop word) the phrase is
# at most GENERIC_NOUN_MAX_SYLLABLES syllables.
GENERIC_NOUN_MAX_WORDS = 2
GENERIC_NOUN_TAGS = frozenset({"N", "Nc", "Nu"})
GENERIC_NOUN_MAX_SYLLABLES = 2
# How many characters after the number the word segmenter reads.
GENERIC_NOUN_WINDOW = 40

# Single digit words read before a lexicon unit ("hai năm", "ba hợp tác xã"); "một" excluded.
SINGLE_NUMBER_WORDS = ("hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười")
# Words that start a number-word run of two or more words.
NUMBER_WORD_STARTS = (
    "một",
    "hai",
    "ba",
    "bốn",
    "năm",
    "sáu",
    "bảy",
    "tám",
    "chín",
    "mười",
)

# Rule names stored on each figure.
RULE_PERCENT = "figure.percent"
RULE_MONEY = "figure.money"
RULE_MONEY_BARE_SCALE = "figure.money_bare_scale"
RULE_RATIO = "figure.ratio_gap"
RULE_DURATION = "figure.duration"
RULE_COUNT = "figure.count_lexicon"
RULE_COUNT_GENERIC = "figure.count_noun_phrase"
RULE_MEASURE = "figure.measure"
RULE_FRACTION = "figure.fraction"
RULE_BARE = "figure.bare_number"
RULE_WORDS = "figure.number_words"

# --- tables -------------------------------------------------------------------------------
# A number alone in a table cell takes its unit from the table: a unit cell earlier in its row
# ("| Diện tích | Ha | 26.120 |"), a unit in parentheses closing the row label ("Tỷ lệ hộ nghèo
# (%)"), a unit in parentheses closing its column's header ("Số lượng (HTX)"), or the table's
# caption ("Đơn vị tính: tỷ đồng"). Money is scaled ("172.033" under "tỷ đồng" is
# 172033000000 đồng). Cells of a numbering column (first in their row: "1", "2") and rows that
# only number the columns ("| A | B | 1 | 2 | 3=1/2 |") are not figures; years are dates.
RULE_TABLE_CELL = "figure.table_cell"
# Captions stating a table's unit, read in the lines just before the table.
TABLE_CAPTION_WORDS = ("đơn vị tính", "đơn vị", "đvt")
# How far before a table its caption may stand (characters).
TABLE_CAPTION_REACH = 400
# How many cells from a table's top are read as its header when looking for a "(%)" column.
TABLE_HEADER_REACH = 40
# Header words announcing a column of percentages or ratios inside a money table.
RATIO_HEADER_WORDS = ("so sánh", "tỷ lệ", "tỷ trọng", "tốc độ", "%")
# Cells meaning "no value" that a row walk steps over like numbers.
EMPTY_VALUE_CELLS = ("-", "–", "—", "x")
