"""Named cue tables that decide whether a figure is a goal (target) or a report (actual).

Each table maps a rule name to a regular expression over lower-cased canonical text. The
extractor in :mod:`extractors.targets` reads them; a stored target carries the name of the rule
that made it, so every decision can be traced back to one row here.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

# Verbs that adopt goals: "đã đề ra 18 chỉ tiêu" reports a decision, not a result.
ADOPTION_VERBS = (
    r"đề ra|đặt ra|thông qua|biểu quyết thông qua|xác định|thống nhất|phê duyệt|ban hành"
)

# Words that set out a goal. They govern the figures after them in the same sentence.
GOAL_CUES: dict[str, re.Pattern[str]] = {
    "goal.phan_dau": re.compile(r"\bphấn đấu\b", _FLAGS),
    # "mục tiêu" as a noun of intent; not the programme name "Chương trình mục tiêu quốc gia",
    # and not a report that a goal was met ("đạt mục tiêu", "vượt mục tiêu", "so với mục tiêu").
    "goal.muc_tieu": re.compile(
        r"(?<!chương trình )(?<!đạt )(?<!vượt )(?<!với )\bmục tiêu\b(?! quốc gia)(?! nghị quyết)(?! đại hội)",
        _FLAGS,
    ),
    "goal.chi_tieu": re.compile(
        r"(?<!đạt )(?<!vượt )(?<!với )\bchỉ tiêu\b(?! (?:được giao|đề ra|nghị quyết))", _FLAGS
    ),
    "goal.den_nam": re.compile(r"\b(?:từ nay )?(?:đến|tới) (?:năm|hết năm|cuối năm) \d{4}", _FLAGS),
    "goal.khi_hoach_nam": re.compile(r"\bkế hoạch (?:năm|giai đoạn) \d{4}", _FLAGS),
    "goal.quyet_tam": re.compile(r"\bquyết tâm\b", _FLAGS),
    "goal.dat_ra": re.compile(r"\b(?:đề ra|đặt ra) (?:\d+ )?(?:mục tiêu|chỉ tiêu)", _FLAGS),
    "goal.dinh_huong": re.compile(r"\bđịnh hướng\b.*\bđến năm \d{4}", _FLAGS),
    # "bảo đảm/đảm bảo" sets a goal when a verb of result or a share follows it: "đảm bảo cắt
    # giảm tối thiểu 30% thời gian", "bảo đảm 100% hồ sơ được số hóa"; not "đảm bảo an toàn".
    "goal.bao_dam": re.compile(
        r"\b(?:bảo đảm|đảm bảo)\s+(?:(?:cắt giảm|giảm|tăng|đạt|hoàn thành|duy trì|có|"
        r"tối thiểu|ít nhất|trên|không dưới)\b|(?=\d|$))",
        _FLAGS,
    ),
}

# Documents that set out tasks (plans, programmes, directives, schemes, strategies, and the
# decisions that issue them): in one, a floor on a figure ("tối thiểu 30%", "ít nhất 2 lớp")
# is a goal even with no other cue.
PLAN_TITLE = re.compile(
    r"^[\s*_#]*(?:KẾ HOẠCH|CHƯƠNG TRÌNH|CHỈ THỊ|ĐỀ ÁN|CHIẾN LƯỢC)[\s*_#]*$"
    r"|\b(?:ban hành|phê duyệt)\s+(?:kế hoạch|chương trình|đề án|chiến lược)\b",
    re.MULTILINE,
)
FLOOR_WORDS = re.compile(r"^(?:tối thiểu|ít nhất|không dưới)\b", _FLAGS)

# A year reached "by the end of" with no goal word is a report when the document's own date is
# unknown ("Đến cuối năm 2018, thu nhập bình quân đạt 36 triệu đồng").
YEAR_END_LEAD = re.compile(r"\b(?:đến|tới) (?:hết|cuối) (?:năm )?(?:19|20)\d{2}", _FLAGS)
# Words that report a year as done, for the floor of an undated document's deadlines.
# The year leads a clause of results: "Tính đến hết năm 2018, ...", "Đến cuối năm 2019 ...",
# "Năm 2018, toàn xã đã ..." (with "đã" later in the sentence).
REPORT_YEAR_LEADS = re.compile(
    r"(?:\btính (?:đến|tới)(?: hết| cuối)?|\b(?:đến|tới) (?:hết|cuối))(?: năm)?\s*(?:19|20)\d{2}$",
    _FLAGS,
)
REPORT_DONE = re.compile(r"\bđã\b(?! (?:qua|được|" + ADOPTION_VERBS + r"))|\bđạt được\b", _FLAGS)
# Words that make a sentence about the future, or adopt its figures as goals: a year-end with
# one of these is a deadline ("Đại hội thống nhất điều chỉnh ... đến cuối năm 2025 đạt ...").
FUTURE_WORDS = re.compile(
    r"\b(?:phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|quyết tâm|sẽ|cần|phải|dự kiến|dự báo|định hướng|"
    r"điều chỉnh|yêu cầu|đề nghị|" + ADOPTION_VERBS + r")\b",
    _FLAGS,
)

# Heading words that put the figures of a whole section under a goal ("II. MỤC TIÊU",
# "Chỉ tiêu cụ thể", "Mục tiêu đến năm 2030", "PHỤ LỤC ... CHỈ TIÊU ... 2026-2030").
HEADING_GOAL_CUES: dict[str, re.Pattern[str]] = {
    "heading.muc_tieu": re.compile(r"\bmục tiêu\b(?! quốc gia)", _FLAGS),
    "heading.chi_tieu": re.compile(r"\bchỉ tiêu\b", _FLAGS),
    "heading.dinh_huong": re.compile(r"\bđịnh hướng\b", _FLAGS),
    "heading.ke_hoach": re.compile(r"\bkế hoạch (?:năm|giai đoạn) \d{4}", _FLAGS),
    "heading.du_bao": re.compile(r"\bdự báo\b", _FLAGS),
}

# Words that report what is or was. Before a figure in its clause they make it an actual.
PAST_CUES: dict[str, re.Pattern[str]] = {
    "past.tinh_den": re.compile(r"\btính (?:đến|tới)\b", _FLAGS),
    "past.hien_co": re.compile(
        r"\bhiện (?:nay )?(?:có|còn|đã|đang)\b|\bhiện nay\b|(?:^|[,:;]\s*)hiện\b", _FLAGS
    ),
    # "đã" reports, except inside a measured phrase ("lao động đã qua đào tạo", "đã được số hóa")
    # and when it reports that goals were adopted ("Đại hội đã đề ra 18 chỉ tiêu, trong đó ...").
    "past.da": re.compile(r"\bđã\b(?! (?:qua|được|" + ADOPTION_VERBS + r"))", _FLAGS),
    "past.dat_duoc": re.compile(r"\bđạt được\b", _FLAGS),
    "past.qua": re.compile(r"\b(?:sau|qua) \d+ năm\b|\bnhiệm kỳ qua\b|\btrong năm qua\b", _FLAGS),
    "past.uoc_thuc_hien": re.compile(r"\bước (?:thực hiện|đạt|tính)\b", _FLAGS),
    "past.ket_qua": re.compile(r"\bkết quả\b|\bthực hiện được\b", _FLAGS),
    "past.bang": re.compile(r"\bbằng \S+% (?:dự toán|kế hoạch|chỉ tiêu)", _FLAGS),
    "past.cung_ky": re.compile(r"\bcùng kỳ\b", _FLAGS),
    "past.theo_bao_cao": re.compile(r"\btheo báo cáo\b", _FLAGS),
    # A forecast of how a year will end, or a result called small ("chỉ tăng 1,3%"), is a report.
    "past.du_bao": re.compile(r"\bdự báo\b|\bước (?:cả năm|năm)\b", _FLAGS),
    "past.chi_dat": re.compile(r"(?<!chứng )\bchỉ (?:tăng|tăng trưởng|đạt)\b", _FLAGS),
    "past.toan_tinh_co": re.compile(
        r"\b(?:toàn tỉnh|toàn thành phố|toàn huyện|cả nước|trên địa bàn (?:tỉnh|huyện|xã)?) có\b",
        _FLAGS,
    ),
}

# In a plan, forecast indicators are the plan's goals ("Dự báo các chỉ tiêu kinh tế - xã hội
# chủ yếu đến năm 2026: GRDP đạt ..."); elsewhere "dự báo" predicts.
FORECAST_GOALS = re.compile(r"dự báo\s+(?:(?:một số|các)\s+)?chỉ tiêu\b", _FLAGS)
# Cues that commit to meeting a plan in full ("phấn đấu đạt 100% kế hoạch", "quyết tâm hoàn
# thành 100% nhiệm vụ"): a goal, where a bare "đạt 100% kế hoạch" reports.
PLAN_COMMITMENT = re.compile(
    r"\b(?:phấn đấu|quyết tâm|bảo đảm|đảm bảo)\s+(?:[^\s\d,;:.]+\s+){0,4}$", _FLAGS
)

# A figure followed by these words measures a change against a past state, not a goal or state.
CHANGE_AFTER = re.compile(r"^\s*(?:[^\s,;]+\s+){0,6}?so (?:với|cùng)\b", _FLAGS)
# A share of a plan or estimate ("bằng 112,1% chỉ tiêu", "đạt 16,97% kế hoạch năm 2025") reports
# how far a goal was met; a change against the same period last year reports, too.
PLAN_SHARE_AFTER = re.compile(
    r"^\s*(?:của\s+)?(?:chỉ tiêu|kế hoạch|dự toán|mục tiêu|nhiệm vụ)\b", _FLAGS
)
ACHIEVEMENT_AFTER = re.compile(
    PLAN_SHARE_AFTER.pattern + r"|^\s*(?:[^\s,;]+\s+){0,6}?so (?:với )?cùng kỳ\b",
    _FLAGS,
)
# Dates that a figure is compared against, not dated by ("so với năm 2003", "so cùng kỳ năm 2019").
COMPARISON_LEAD = re.compile(
    r"\bso (?:với|cùng)(?: cùng)?(?: kỳ)?(?: (?:đầu|cuối|hết))?\s*$", _FLAGS
)

# A year that closes a full date ("ngày 15 tháng 8 năm 2024") dates a day, usually a cited
# document's signing; it is a deadline only after "đến/trước ngày" ("trước ngày 31 tháng 12 năm 2025").
DAY_DATE_LEAD = re.compile(r"\btháng\s+\d{1,2}\s+$", _FLAGS)
# A year that belongs to a noun ("số thu tăng của năm 2020") names what is measured, not when.
OF_YEAR_LEAD = re.compile(r"\bcủa\s+$", _FLAGS)
DAY_DEADLINE_LEAD = re.compile(
    r"\b(?:đến|tới|trước|hết|cuối|vào|chậm nhất)\s+(?:hết\s+)?ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+$",
    _FLAGS,
)

# Clause openers for "as of" dates ("Tính đến hết năm 2018", "hết năm 2018", "năm 2024").
AS_OF_LEADS = re.compile(
    r"(?:tính (?:đến|tới)(?: hết| cuối)?|(?:đến|tới) (?:hết|cuối|ngày)|hết|cuối|trong|năm|quý|tháng|"
    r"đầu năm|đầu|ngày)\s*$",
    _FLAGS,
)

# Frequencies that make a figure a rate, not a state at the clause's date.
FREQUENCY_CUES = re.compile(r"\b(?:hàng|hằng|mỗi) (?:năm|tháng|quý)\b", _FLAGS)

# Years listed before the last one ("năm 2025 và 2026", "năm 2024, 2025"): the last governs.
_YEAR_LIST = r"(?:(?:19|20)\d{2}\s*(?:,\s*và|,|và)\s*(?=(?:19|20)\d{2}\b))*"

# Deadline phrases: (rule name, pattern). Group "year" (or "end") holds the deadline year.
DEADLINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "deadline.period",
        re.compile(
            r"\b(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch|trong)\s+(?:\d{2}\s+năm\s+)?"
            r"(?P<start>(?:19|20)\d{2})\s*[-–—/]\s*(?P<end>(?:19|20)\d{2})",
            _FLAGS,
        ),
    ),
    (
        "deadline.den_nam",
        re.compile(
            r"\b(?:từ nay |phấn đấu )?(?:đến|tới|trước|vào|trong)\s+(?:hết |cuối |năm |hết năm |cuối năm |giữa năm )*"
            r"(?:năm\s+)?" + _YEAR_LIST + r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–—]\s*\d{4})",
            _FLAGS,
        ),
    ),
    (
        "deadline.quarter",
        re.compile(
            r"\bquý\s+(?P<quarter>iv|iii|ii|i|[1-4])\s*/\s*(?P<year>(?:19|20)\d{2})", _FLAGS
        ),
    ),
    (
        "deadline.nam",
        re.compile(
            r"\bnăm\s+" + _YEAR_LIST + r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–—]\s*\d{4})", _FLAGS
        ),
    ),
    (
        "deadline.bare_period",
        re.compile(r"(?<![\d/.])(?P<start>(?:19|20)\d{2})\s*[-–—]\s*(?P<end>(?:19|20)\d{2})\b"),
    ),
)

# Verbs that report what someone said: a sentence with one is not a goal by continuation.
REPORT_VERBS = re.compile(
    r"\bcho biết\b|\b(?:nhận định|khẳng định|nhấn mạnh|chia sẻ|thông tin|dẫn chứng)"
    r"(?:\s+(?:thêm|rằng))?\s*[,:]",
    _FLAGS,
)

# The term or period a whole document is about, named in its title or lead.
DOCUMENT_TERM = re.compile(
    r"\b(?:nhiệm kỳ|giai đoạn)\s+(?P<start>(?:19|20)\d{2})\s*[-–—]\s*(?P<end>(?:19|20)\d{2})",
    _FLAGS,
)

# Link verbs between a subject and its figure ("tỷ lệ ... đạt 50%", "số HTX yếu kém giảm dưới 10%").
LINK_VERBS = re.compile(
    r"(?:đạt|đạt mức|đạt tỷ lệ|giảm|giảm còn|giảm xuống|giảm xuống còn|tăng|tăng lên|tăng thêm|còn|"
    r"là|chiếm|ở mức|bằng|duy trì|duy trì ở mức|không quá|không vượt quá|có|thu hút|tạo ra|tạo|"
    r"đào tạo|hoàn thành|xây dựng|phát triển|thành lập|thành lập mới|hỗ trợ|trồng mới|bảo đảm|đảm bảo)"
    r"(?:\s+(?:từ|khoảng|trên|dưới|tối thiểu|ít nhất|tối đa|hơn|gần|ước|bình quân))*\s*$",
    _FLAGS,
)

# The verb that links a measured subject to its value at the end of the stretch between a figure
# inside the subject and the value ("tỷ lệ người dùng băng rộng tốc độ 1 Gb/s đạt 100%").
SUBJECT_LINK = re.compile(
    r"\b(?:đạt|đạt mức|chiếm|giảm còn|giảm xuống(?: còn)?|tăng lên|ở mức|duy trì ở mức|"
    r"không quá|không vượt quá)"
    r"(?:\s+(?:khoảng|trên|dưới|tối thiểu|ít nhất|tối đa|hơn|gần|bình quân))*\s*$",
    _FLAGS,
)
# Words that, right before a figure, make it the value a clause states rather than part of its
# subject ("có 20 xã đạt ...", "phấn đấu 15 xã đạt ...").
VALUE_LEADS = re.compile(
    r"(?:\b(?:có|là|gồm|thêm|mới|phấn đấu|đến năm \d{4}|tối thiểu|ít nhất|khoảng|trên|hơn)"
    r"|[,:;])\s*$",
    _FLAGS,
)

# Verbs that tie an amount to a goal in a series item ("thu ngân sách đạt 5.000 tỷ đồng"); a
# bare "có" ("Hội nghị có 120 đại biểu") does not.
SERIES_LINKS = re.compile(
    r"(?:đạt|đạt mức|giảm|giảm còn|tăng|tăng lên|tăng thêm|còn|chiếm|ở mức|duy trì|không quá|"
    r"thành lập mới|trồng mới|xây dựng mới|phát triển mới)"
    r"(?:\s+(?:từ|khoảng|trên|dưới|tối thiểu|ít nhất|tối đa|hơn|gần|bình quân))*\s*$",
    _FLAGS,
)

# Leading words of a verb phrase that say how, not what ("hỗ trợ thành lập mới" → "thành lập mới").
HELPER_VERBS = (
    "tiếp tục",
    "phấn đấu",
    "hỗ trợ",
    "vận động",
    "tuyên truyền",
    "sẽ",
    "cần",
    "phải",
    "tập trung",
    "đẩy mạnh",
    "bảo đảm",
    "đảm bảo",
    "có",
    "đạt",
    "hướng dẫn",
    "khuyến khích",
)

# Qualifier words left at the end of a subject ("... đạt trên" → dropped with the verb).
QUALIFIER_WORDS = ("từ", "khoảng", "trên", "dưới", "tối thiểu", "ít nhất", "tối đa", "hơn", "gần")

# Things a regulation allocates: money and rates that are not goals unless a cue in the same
# sentence governs them (a section heading alone is not enough).
ALLOCATION_CUES = re.compile(
    r"\b(?:kinh phí|ngân sách|dự toán|vốn|mức hỗ trợ|mức chi|định mức|tỷ lệ điều tiết|phân bổ|"
    r"mức phạt|lệ phí|phí)\b",
    _FLAGS,
)

# A share is allocated only when it is a share of the money handed out ("bố trí 20% kinh phí",
# "mức hỗ trợ 50%", "tỷ lệ điều tiết 70%"); a share measured against money ("kinh phí R&D/GRDP
# tối thiểu 2%", "tỷ trọng vốn xã hội đạt 60%") is an outcome like any other.
ALLOCATED_SHARE_AFTER = re.compile(
    r"^\s*(?:tổng\s+)?(?:kinh phí|ngân sách|vốn|dự toán|chi phí|học phí|số thu|nguồn thu|"
    r"tiền|giá trị hợp đồng|mức lương)\b",
    _FLAGS,
)
ALLOCATED_SHARE_BEFORE = re.compile(
    r"\b(?:hỗ trợ|mức hỗ trợ|tỷ lệ hỗ trợ|điều tiết|tỷ lệ điều tiết|phân chia|tỷ lệ phân chia|"
    r"phân bổ|bố trí|trích|trích lập|để lại|giữ lại|mức chi|định mức|mức phạt|lệ phí|phí|"
    r"đối ứng|chi trả|thanh toán|tạm ứng)"
    r"(?:\s+(?:tối đa|tối thiểu|không quá|bằng|là|khoảng|đến|từ|ít nhất|được))*\s*$",
    _FLAGS,
)
# Nouns naming a rate that is handed out: anywhere before the share in its clause ("Tỷ lệ điều
# tiết về ngân sách huyện 70%", "Mức hỗ trợ từ ngân sách tỉnh 50%").
ALLOCATED_RATE_NOUNS = re.compile(
    r"\b(?:tỷ lệ|tỉ lệ|mức) (?:điều tiết|phân chia|hỗ trợ|để lại|trích|đối ứng|chi)\b"
    r"|\bđịnh mức\b|\bmức hỗ trợ\b",
    _FLAGS,
)
# "đạt" before an amount states an outcome to reach ("Tổng vốn đầu tư xã hội đạt khoảng 270.000
# tỷ đồng"): money or shares handed out are given ("bố trí", "phân bổ", "là"), never reached.
OUTCOME_LINK = re.compile(
    r"\bđạt(?:\s+(?:mức|khoảng|trên|hơn|tối thiểu|ít nhất|từ|gần|bình quân))*\s*$", _FLAGS
)

# Words before a figure that make it per-unit or part of a duration ("bình quân 1 HTX",
# "trong 5 năm") rather than a measured quantity.
NOT_MEASURED_BEFORE = re.compile(
    r"(?:\b(?:bình quân|mỗi|của|trên|/)\s*$)|(?:\b(?:trong|sau|qua|thời hạn|thời gian)\s*$)",
    _FLAGS,
)

# Verbs after which a subject starts anew ("Đại hội cũng thống nhất điều chỉnh GRDP bình quân
# đầu người đạt ..." measures "GRDP bình quân đầu người").
SUBJECT_OPENERS = re.compile(
    r"\b(?:thống nhất|điều chỉnh|đề ra|đặt ra|xác định|quyết tâm|yêu cầu|đề nghị)\s+(?:lại\s+)?",
    _FLAGS,
)

# Words a metric never ends with ("... liên quan tới", "... của").
DANGLING_WORDS = frozenset(
    {
        "của",
        "tới",
        "đến",
        "và",
        "với",
        "các",
        "ở",
        "tại",
        "trên",
        "khi",
        "để",
        "là",
        "thì",
        "những",
        "về",
        "cho",
        "theo",
        "trong",
        "từ",
        "hoặc",
        "liên quan",
        "đối",
        "đối với",
        "như",
    }
)

# Words that end a metric phrase taken from after a figure.
METRIC_STOP = re.compile(
    r"[;:.()]|\s(?:trong đó|đồng thời|nhằm|để|đến năm|vào năm|năm \d{4}|trở lên|trở xuống|so với|"
    r"vào quý|trong quý|vào tháng|trong năm|ngay trong)\b",
    _FLAGS,
)

# Words that close a table's header: years in column heads ("Năm 2026", "ƯTH Năm 2025", "2027").
TABLE_YEAR_HEADER = re.compile(r"^(?P<prefix>.*?)\b(?:năm\s+)?(?P<year>(?:19|20)\d{2})\s*$", _FLAGS)
# Column headers opening with a plan word ("Kế hoạch 2027", "Mục tiêu năm 2030", "Kế hoạch"
# under "Năm 2028"): their cells are goals even in a table with no goal title; "Dự toán" (a
# budget estimate) and "Dự kiến 03 năm kế hoạch" (the plan's years) are not.
TABLE_GOAL_HEADER = re.compile(
    r"^(?:kế hoạch|mục tiêu|chỉ tiêu|phấn đấu|định hướng|dự báo)\b", _FLAGS
)
# A forecast table ("DỰ BÁO MỘT SỐ CHỈ TIÊU ...") of a budget plan projects, beside its economic
# outcomes, the population the budget serves and its service network, as inputs for costing:
# rows counted in people or facilities (dân số, học sinh, đối tượng; trường, giường bệnh) are
# projections, not goals, unless their label names a result ("được" giải quyết, "mới", "việc
# làm"); "được hưởng" names who benefits.
TABLE_FORECAST_TITLE = re.compile(r"\bdự báo\b", _FLAGS)
PLANNING_INPUT_UNITS = re.compile(
    r"^(?:nghìn |ngàn |triệu |vạn )?(?:người|học sinh|sinh viên|trẻ|trường|cơ sở|giường|lớp|"
    r"phòng|phòng học|trạm|bệnh viện|cán bộ|giáo viên)$",
    _FLAGS,
)
RESULT_ROW_WORDS = re.compile(
    r"\b(?:được(?! hưởng)|mới|việc làm|thoát nghèo|đạt|tỷ lệ|tỉ lệ|lượt|khách|tốt nghiệp|"
    r"đào tạo|tuyển)\b",
    _FLAGS,
)

# Headers of a row's unit column.
TABLE_UNIT_HEADER = re.compile(r"^(?:đvt|đơn vị tính|đơn vị)\s*:?$", _FLAGS)
TABLE_ACTUAL_HEADER = re.compile(
    r"\b(?:ước|ưth|uth|thực hiện|hiện hành|kết quả|đã|ước thực hiện)\b", _FLAGS
)

# Units that count the parts of a plan or a structure, not a result: "chia làm 3 giai đoạn",
# "thực hiện qua 2 bước", "mô hình chính quyền địa phương 2 cấp".
STRUCTURE_UNITS = frozenset({"giai đoạn", "bước", "cấp", "kỳ", "thời kỳ", "nhiệm kỳ"})

# A figure followed by these words is an age that says who is measured, not a result: "trẻ em
# từ 06 tháng đến 36 tháng tuổi", "nhóm trẻ dưới 24 tháng tuổi", "người từ 65 tuổi trở lên".
AGE_AFTER = re.compile(
    r"^\s*(?:tuổi\b|(?:đến|tới|[-–])\s*(?:dưới\s+)?\d{1,3}\s*(?:tháng|năm)?\s*tuổi\b)", _FLAGS
)

# A duration that names a plan ("kế hoạch tài chính - ngân sách 03 năm", "chương trình 10 năm",
# "kế hoạch đầu tư công trung hạn 5 năm 2021-2025") says which plan, not what it reaches.
DURATION_UNITS = frozenset({"năm", "tháng", "quý"})
PLAN_NAME_BEFORE = re.compile(
    r"\b(?:kế hoạch|chương trình|chiến lược|quy hoạch|đề án|lộ trình|giai đoạn|thời kỳ)"
    r"(?:\s+[^\s\d,;:.()]+){0,8}\s*$",
    _FLAGS,
)
YEAR_RANGE_AFTER = re.compile(r"^\s*(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}\b")

# Units that count goals themselves ("26 chỉ tiêu", "5/9 tiêu chí" is measured, "3 nhiệm vụ" not).
META_UNITS = frozenset(
    {"chỉ tiêu", "mục tiêu", "nhiệm vụ", "giải pháp", "nhóm nhiệm vụ", "đột phá"}
)
