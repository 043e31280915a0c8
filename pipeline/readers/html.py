"""HTML pages: the article's main text, its title and its publication date.

The main block is found the way readability-style extractors do: an explicit article marker
(``itemprop=articleBody``, ``<article>``, a content class name), else the element holding the
most paragraph text. Boilerplate (scripts, menus, footers, forms, share bars) is dropped and the
block structure kept as lines: paragraphs and headings apart by a blank line, list items and table
rows one per line with cells joined by " | ".
"""

from __future__ import annotations

import codecs
import re
import warnings

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, Tag
from bs4 import ProcessingInstruction as SoupPI

from pipeline.errors import ReadError
from pipeline.legacy import decode_legacy_bytes, encoding_for_font, font_is_all_caps, to_unicode
from pipeline.models import ReadResult
from pipeline.readers.txt import decode_single_byte, reject_binary

# Tags whose content is never article text.
DROP_TAGS = (
    "script", "style", "noscript", "template", "form", "nav", "header", "footer", "aside",
    "iframe", "svg", "button", "select", "input", "textarea", "label", "menu", "dialog",
    "object", "embed", "canvas", "audio", "video", "map", "head",
)  # fmt: skip
# class/id words marking boilerplate blocks (menus, footers, share bars, related links, ads).
BOILERPLATE_PATTERN = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|breadcrumbs?|sidebar|side-bar|share|sharing|"
    r"social|comments?|related|relate|tags?|banner|advert\w*|ads?|quangcao|cookie|popup|modal|"
    r"pagination|pager|widget|toolbar|login|search|subscribe|newsletter|copyright|top-?bar)"
    r"(?:$|[\s_-])",
    re.I,
)
# class/id words marking the article's own content block.
CONTENT_PATTERN = re.compile(
    r"(?:^|[\s_-])(?:article[-_]?(?:body|content|detail|text)|entry[-_]?content|post[-_]?(?:body|content)|"
    r"news[-_]?(?:content|detail|body)|detail[-_]?(?:content|body|news)|content[-_]?(?:detail|news|body|main)|"
    r"fck_detail|story[-_]?body|main[-_]?content|noidung|chitiet|the-article-body|singular-content)"
    r"(?:$|[\s_-])",
    re.I,
)
# Tags that start a new paragraph (blank line before and after).
PARAGRAPH_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dl",
        "address",
        "center",
        "hr",
    ]
)
# Tags that start a new line without a blank line.
LINE_TAGS = frozenset(["li", "dt", "dd", "tr", "caption"])
CELL_TAGS = frozenset(("td", "th"))
CELL_SEPARATOR = " | "
# Server-side template code left in saved pages (<?php ... ?>, <% ... %>).
TEMPLATE_CODE_PATTERN = re.compile(r"<\?(?!xml).*?\?>|<%.*?%>", re.S)
# Declared charsets under which TCVN3/VNI pages were saved (their bytes read as Western text).
EIGHT_BIT_WESTERN_CHARSETS = frozenset(("cp1252", "iso8859-1", "iso8859-15", "cp1258"))
FONT_FAMILY_PATTERN = re.compile(r"font-family\s*:\s*([^,;]+)", re.I)
# The characters cp1252 puts at 0x80-0x9F: 8-bit text, not Unicode Vietnamese.
CP1252_SPECIALS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))
META_CHARSET_PATTERN = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w:.-]+)", re.I)
ISO_DATE_PATTERN = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
DMY_DATE_PATTERN = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
# Where pages state their publication date, most specific first.
PUBLISHED_SELECTORS = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    '[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="article:published_time"]',
    'meta[property="og:published_time"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    "time[datetime]",
)
SPACE_PATTERN = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
MIN_MAIN_CHARS = 200


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding used: BOM > declared charset > UTF-8 > TCVN3/VNI > cp1258.

    A declared charset that fails on the bytes, or that disagrees with bytes which are valid
    UTF-8 with non-ASCII content, loses to what actually decodes.
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    reject_binary(data)
    utf8_text = _try_decode(data, "utf-8")
    declared = _declared_charset(data)
    if declared in EIGHT_BIT_WESTERN_CHARSETS:
        legacy = decode_legacy_bytes(data)  # TCVN3/VNI pages were often saved as windows-1252
        if legacy is not None:
            return legacy
    if declared and declared not in ("utf-8", "utf8"):
        declared_text = _try_decode(data, declared)
        has_non_ascii = any(byte > 127 for byte in data)
        if declared_text is not None and not (utf8_text is not None and has_non_ascii):
            return declared_text, declared
    if utf8_text is not None:
        return utf8_text, "utf-8"
    return decode_single_byte(data)


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET_PATTERN.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def read_html(data: bytes) -> ReadResult:
    """An HTML page as one chunk of article text, with title and published date when given."""
    text, encoding = decode_html(data)
    text = TEMPLATE_CODE_PATTERN.sub(" ", text)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # noqa: BLE001 - any parser failure is a read error
        raise ReadError("html", f"HTML could not be parsed: {exc}") from exc
    encoding = convert_legacy_font_text(soup) or encoding
    title = page_title(soup)
    published = published_date(soup)
    for node in soup.find_all(
        string=lambda s: isinstance(s, Comment | SoupPI | Declaration | Doctype)
    ):
        node.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    main = main_block(soup)
    _drop_boilerplate(main)
    lines = render_blocks(main)
    heading = _first_heading(soup)
    if heading and not any(heading in line for line in lines[:3]):
        lines.insert(0, heading)
    body = "\n".join(lines).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    found = () if body.strip() else ("no article text found in the page",)
    return ReadResult(
        chunks=(body,),
        format="html",
        encoding=encoding,
        title=title,
        published=published,
        warnings=found,
    )


def convert_legacy_font_text(soup: BeautifulSoup) -> str | None:
    """Convert, in place, text inside elements set in a legacy font (``<font face=".VnTime">``,
    ``style="font-family: VNI-Times"``) to Unicode; returns the first legacy encoding met."""
    found: str | None = None
    for tag in soup.find_all(True):
        font = _declared_font(tag)
        encoding = encoding_for_font(font) if font else None
        if encoding is None:
            continue
        for node in tag.find_all(string=True):
            if isinstance(node, Comment | SoupPI | Declaration | Doctype):
                continue
            text = str(node)
            if any(ord(char) > 0xFF and char not in CP1252_SPECIALS for char in text):
                continue  # already Unicode Vietnamese, whatever the font says
            converted = to_unicode(text, encoding, uppercase=font_is_all_caps(font))
            if converted != text:
                node.replace_with(NavigableString(converted))
                found = found or encoding
    return found


def _declared_font(tag: Tag) -> str | None:
    if tag.attrs is None:
        return None
    face = tag.get("face")
    if face:
        return str(face).split(",")[0].strip(" '\"")
    match = FONT_FAMILY_PATTERN.search(str(tag.get("style") or ""))
    return match.group(1).strip(" '\"") if match else None


def page_title(soup: BeautifulSoup) -> str | None:
    """The page's title: first ``<h1>``, else og:title, else ``<title>``."""
    candidates = []
    h1 = soup.find("h1")
    if h1:
        candidates.append(h1.get_text(" "))
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        candidates.append(str(og["content"]))
    if soup.title and soup.title.string:
        candidates.append(soup.title.string)
    for candidate in candidates:
        cleaned = _collapse(candidate)
        if cleaned:
            return cleaned
    return None


def _first_heading(soup: BeautifulSoup) -> str | None:
    h1 = soup.find("h1")
    return _collapse(h1.get_text(" ")) or None if h1 else None


def published_date(soup: BeautifulSoup) -> str | None:
    """The publication date the page declares, as ISO "YYYY-MM-DD", or None."""
    for selector in PUBLISHED_SELECTORS:
        for tag in soup.select(selector):
            raw = tag.get("content") or tag.get("datetime") or tag.get_text(" ")
            value = iso_date(str(raw))
            if value:
                return value
    return None


def iso_date(raw: str) -> str | None:
    """ "2019-06-11T08:00" or "11/06/2019" as "2019-06-11"; None when no valid date is found."""
    match = ISO_DATE_PATTERN.search(raw)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = DMY_DATE_PATTERN.search(raw)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def main_block(soup: BeautifulSoup) -> Tag:
    """The element holding the article: an explicit marker, else the densest paragraph block."""
    root = soup.body or soup
    marked = root.select('[itemprop="articleBody"]') + root.find_all("article")
    marked += [tag for tag in root.find_all(True) if CONTENT_PATTERN.search(_class_id(tag))]
    marked = [tag for tag in marked if _text_len(tag) >= MIN_MAIN_CHARS]
    if marked:
        return max(marked, key=_text_len)
    scores: dict[int, tuple[int, Tag]] = {}
    for paragraph in root.find_all(["p", "br"]):
        parent = paragraph.parent
        if parent is None:
            continue
        length = len(_collapse(paragraph.get_text(" "))) if paragraph.name == "p" else 0
        key = id(parent)
        scores[key] = (scores.get(key, (0, parent))[0] + length, parent)
    if scores:
        best_score, best = max(scores.values(), key=lambda item: item[0])
        if best_score >= MIN_MAIN_CHARS and best_score >= 0.5 * _text_len(root):
            return best
    return root


def _drop_boilerplate(main: Tag) -> None:
    for tag in main.find_all(True):
        if tag.decomposed or tag is main:
            continue
        if BOILERPLATE_PATTERN.search(_class_id(tag)) and not CONTENT_PATTERN.search(
            _class_id(tag)
        ):
            tag.decompose()


def _class_id(tag: Tag) -> str:
    if tag.attrs is None:
        return ""
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = [classes]
    return " ".join([*classes, str(tag.get("id") or "")])


def _text_len(tag: Tag) -> int:
    return len(_collapse(tag.get_text(" ")))


def _collapse(text: str) -> str:
    return SPACE_PATTERN.sub(" ", text).strip()


def render_blocks(root: Tag) -> list[str]:
    """The visible text under ``root`` as lines; "" entries are paragraph breaks."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _collapse("".join(buffer))
        buffer.clear()
        if line:
            lines.append(line)

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, Comment | SoupPI | Declaration | Doctype):
                    buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name
            if name == "br":
                flush()
            elif name == "tr":
                flush()
                row = [
                    _collapse(cell.get_text(" "))
                    for cell in child.find_all(CELL_TAGS, recursive=False)
                ]
                row = [cell for cell in row if cell]
                if row:
                    lines.append(CELL_SEPARATOR.join(row))
            elif name in PARAGRAPH_TAGS:
                flush()
                lines.append("")
                walk(child)
                flush()
                lines.append("")
            elif name in LINE_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(root)
    flush()
    return _squeeze_breaks(lines)


def _squeeze_breaks(lines: list[str]) -> list[str]:
    squeezed: list[str] = []
    for line in lines:
        if line == "" and (not squeezed or squeezed[-1] == ""):
            continue
        squeezed.append(line)
    while squeezed and squeezed[-1] == "":
        squeezed.pop()
    return squeezed
