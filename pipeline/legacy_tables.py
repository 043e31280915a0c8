"""Character tables for the legacy Vietnamese font encodings TCVN3 (ABC) and VNI-Windows.

Both encodings put Vietnamese letters into the upper half of an 8-bit code page; a legacy file read
as cp1252 (or latin-1) therefore shows the characters used as keys here.

Sources, cross-checked entry by entry:
- TCVN3: the TCVN 5712 table of XFree86's X-TrueType ``TCVN/TCVNtoUCS2.c`` (Shiozaki/Saratxaga)
  and xvnkb's ``tcvn.h`` (Dao Hai Lam). TCVN 5712 "VN1" also puts toned capitals in 0x80-0x9F,
  0xAF-0xFF gaps and C0 controls; the ABC font set (.VnTime, .VnArial...; "VN3") that real
  documents use keeps only the 7 capitals Ă Â Ê Ô Ơ Ư Đ and draws the other capitals with the
  lowercase codes in an all-capitals font (.VnTimeH). Only those 74 VN3 positions are mapped;
  every other character passes through unchanged (cp1252 punctuation such as “ ” – … stays).
- VNI: xvnkb's ``vni.h`` letter list and its ``utf.h`` Unicode order. VNI writes a base ASCII
  letter then one mark character (tone, or hat/breve fused with the tone); ơ ư đ and the toned i
  and ỵ are single characters.
"""

from __future__ import annotations

# TCVN3 (ABC / VN3): cp1252-decoded character -> Unicode letter. 7 capitals, 7 lowercase
# modified letters, and the 60 toned lowercase vowels (12 vowels x 5 tones).
TCVN3_TO_UNICODE: dict[str, str] = {
    "\xa1": "Ă",  # 0xA1 ¡
    "\xa2": "Â",  # 0xA2 ¢
    "\xa3": "Ê",  # 0xA3 £
    "\xa4": "Ô",  # 0xA4 ¤
    "\xa5": "Ơ",  # 0xA5 ¥
    "\xa6": "Ư",  # 0xA6 ¦
    "\xa7": "Đ",  # 0xA7 §
    "\xa8": "ă",  # 0xA8 ¨
    "\xa9": "â",  # 0xA9 ©
    "\xaa": "ê",  # 0xAA ª
    "\xab": "ô",  # 0xAB «
    "\xac": "ơ",  # 0xAC ¬
    "\xad": "ư",  # 0xAD soft hyphen
    "\xae": "đ",  # 0xAE ®
    "\xb5": "à",  # 0xB5 µ
    "\xb6": "ả",  # 0xB6 ¶
    "\xb7": "ã",  # 0xB7 ·
    "\xb8": "á",  # 0xB8 ¸
    "\xb9": "ạ",  # 0xB9 ¹
    "\xbb": "ằ",  # 0xBB »
    "\xbc": "ẳ",  # 0xBC ¼
    "\xbd": "ẵ",  # 0xBD ½
    "\xbe": "ắ",  # 0xBE ¾
    "\xc6": "ặ",  # 0xC6 Æ
    "\xc7": "ầ",  # 0xC7 Ç
    "\xc8": "ẩ",  # 0xC8 È
    "\xc9": "ẫ",  # 0xC9 É
    "\xca": "ấ",  # 0xCA Ê
    "\xcb": "ậ",  # 0xCB Ë
    "\xcc": "è",  # 0xCC Ì
    "\xce": "ẻ",  # 0xCE Î
    "\xcf": "ẽ",  # 0xCF Ï
    "\xd0": "é",  # 0xD0 Ð
    "\xd1": "ẹ",  # 0xD1 Ñ
    "\xd2": "ề",  # 0xD2 Ò
    "\xd3": "ể",  # 0xD3 Ó
    "\xd4": "ễ",  # 0xD4 Ô
    "\xd5": "ế",  # 0xD5 Õ
    "\xd6": "ệ",  # 0xD6 Ö
    "\xd7": "ì",  # 0xD7 ×
    "\xd8": "ỉ",  # 0xD8 Ø
    "\xdc": "ĩ",  # 0xDC Ü
    "\xdd": "í",  # 0xDD Ý
    "\xde": "ị",  # 0xDE Þ
    "\xdf": "ò",  # 0xDF ß
    "\xe1": "ỏ",  # 0xE1 á
    "\xe2": "õ",  # 0xE2 â
    "\xe3": "ó",  # 0xE3 ã
    "\xe4": "ọ",  # 0xE4 ä
    "\xe5": "ồ",  # 0xE5 å
    "\xe6": "ổ",  # 0xE6 æ
    "\xe7": "ỗ",  # 0xE7 ç
    "\xe8": "ố",  # 0xE8 è
    "\xe9": "ộ",  # 0xE9 é
    "\xea": "ờ",  # 0xEA ê
    "\xeb": "ở",  # 0xEB ë
    "\xec": "ỡ",  # 0xEC ì
    "\xed": "ớ",  # 0xED í
    "\xee": "ợ",  # 0xEE î
    "\xef": "ù",  # 0xEF ï
    "\xf1": "ủ",  # 0xF1 ñ
    "\xf2": "ũ",  # 0xF2 ò
    "\xf3": "ú",  # 0xF3 ó
    "\xf4": "ụ",  # 0xF4 ô
    "\xf5": "ừ",  # 0xF5 õ
    "\xf6": "ử",  # 0xF6 ö
    "\xf7": "ữ",  # 0xF7 ÷
    "\xf8": "ứ",  # 0xF8 ø
    "\xf9": "ự",  # 0xF9 ù
    "\xfa": "ỳ",  # 0xFA ú
    "\xfb": "ỷ",  # 0xFB û
    "\xfc": "ỹ",  # 0xFC ü
    "\xfd": "ý",  # 0xFD ý
    "\xfe": "ỵ",  # 0xFE þ
}

# VNI-Windows: base letter + mark (or single character) -> Unicode letter; lowercase then
# uppercase, 67 letters each (66 vowels with hat/breve/horn/tone, plus đ).
VNI_TO_UNICODE: dict[str, str] = {
    "aù": "á",  # á U+00E1
    "aø": "à",  # à U+00E0
    "aû": "ả",  # ả U+1EA3
    "aõ": "ã",  # ã U+00E3
    "aï": "ạ",  # ạ U+1EA1
    "aê": "ă",  # ă U+0103
    "aé": "ắ",  # ắ U+1EAF
    "aè": "ằ",  # ằ U+1EB1
    "aú": "ẳ",  # ẳ U+1EB3
    "aü": "ẵ",  # ẵ U+1EB5
    "aë": "ặ",  # ặ U+1EB7
    "aâ": "â",  # â U+00E2
    "aá": "ấ",  # ấ U+1EA5
    "aà": "ầ",  # ầ U+1EA7
    "aå": "ẩ",  # ẩ U+1EA9
    "aã": "ẫ",  # ẫ U+1EAB
    "aä": "ậ",  # ậ U+1EAD
    "eù": "é",  # é U+00E9
    "eø": "è",  # è U+00E8
    "eû": "ẻ",  # ẻ U+1EBB
    "eõ": "ẽ",  # ẽ U+1EBD
    "eï": "ẹ",  # ẹ U+1EB9
    "eâ": "ê",  # ê U+00EA
    "eá": "ế",  # ế U+1EBF
    "eà": "ề",  # ề U+1EC1
    "eå": "ể",  # ể U+1EC3
    "eã": "ễ",  # ễ U+1EC5
    "eä": "ệ",  # ệ U+1EC7
    "í": "í",  # í U+00ED
    "ì": "ì",  # ì U+00EC
    "æ": "ỉ",  # ỉ U+1EC9
    "ó": "ĩ",  # ĩ U+0129
    "ò": "ị",  # ị U+1ECB
    "où": "ó",  # ó U+00F3
    "oø": "ò",  # ò U+00F2
    "oû": "ỏ",  # ỏ U+1ECF
    "oõ": "õ",  # õ U+00F5
    "oï": "ọ",  # ọ U+1ECD
    "oâ": "ô",  # ô U+00F4
    "oá": "ố",  # ố U+1ED1
    "oà": "ồ",  # ồ U+1ED3
    "oå": "ổ",  # ổ U+1ED5
    "oã": "ỗ",  # ỗ U+1ED7
    "oä": "ộ",  # ộ U+1ED9
    "ô": "ơ",  # ơ U+01A1
    "ôù": "ớ",  # ớ U+1EDB
    "ôø": "ờ",  # ờ U+1EDD
    "ôû": "ở",  # ở U+1EDF
    "ôõ": "ỡ",  # ỡ U+1EE1
    "ôï": "ợ",  # ợ U+1EE3
    "uù": "ú",  # ú U+00FA
    "uø": "ù",  # ù U+00F9
    "uû": "ủ",  # ủ U+1EE7
    "uõ": "ũ",  # ũ U+0169
    "uï": "ụ",  # ụ U+1EE5
    "ö": "ư",  # ư U+01B0
    "öù": "ứ",  # ứ U+1EE9
    "öø": "ừ",  # ừ U+1EEB
    "öû": "ử",  # ử U+1EED
    "öõ": "ữ",  # ữ U+1EEF
    "öï": "ự",  # ự U+1EF1
    "yù": "ý",  # ý U+00FD
    "yø": "ỳ",  # ỳ U+1EF3
    "yû": "ỷ",  # ỷ U+1EF7
    "yõ": "ỹ",  # ỹ U+1EF9
    "î": "ỵ",  # ỵ U+1EF5
    "ñ": "đ",  # đ U+0111
    "AÙ": "Á",  # Á U+00C1
    "AØ": "À",  # À U+00C0
    "AÛ": "Ả",  # Ả U+1EA2
    "AÕ": "Ã",  # Ã U+00C3
    "AÏ": "Ạ",  # Ạ U+1EA0
    "AÊ": "Ă",  # Ă U+0102
    "AÉ": "Ắ",  # Ắ U+1EAE
    "AÈ": "Ằ",  # Ằ U+1EB0
    "AÚ": "Ẳ",  # Ẳ U+1EB2
    "AÜ": "Ẵ",  # Ẵ U+1EB4
    "AË": "Ặ",  # Ặ U+1EB6
    "AÂ": "Â",  # Â U+00C2
    "AÁ": "Ấ",  # Ấ U+1EA4
    "AÀ": "Ầ",  # Ầ U+1EA6
    "AÅ": "Ẩ",  # Ẩ U+1EA8
    "AÃ": "Ẫ",  # Ẫ U+1EAA
    "AÄ": "Ậ",  # Ậ U+1EAC
    "EÙ": "É",  # É U+00C9
    "EØ": "È",  # È U+00C8
    "EÛ": "Ẻ",  # Ẻ U+1EBA
    "EÕ": "Ẽ",  # Ẽ U+1EBC
    "EÏ": "Ẹ",  # Ẹ U+1EB8
    "EÂ": "Ê",  # Ê U+00CA
    "EÁ": "Ế",  # Ế U+1EBE
    "EÀ": "Ề",  # Ề U+1EC0
    "EÅ": "Ể",  # Ể U+1EC2
    "EÃ": "Ễ",  # Ễ U+1EC4
    "EÄ": "Ệ",  # Ệ U+1EC6
    "Í": "Í",  # Í U+00CD
    "Ì": "Ì",  # Ì U+00CC
    "Æ": "Ỉ",  # Ỉ U+1EC8
    "Ó": "Ĩ",  # Ĩ U+0128
    "Ò": "Ị",  # Ị U+1ECA
    "OÙ": "Ó",  # Ó U+00D3
    "OØ": "Ò",  # Ò U+00D2
    "OÛ": "Ỏ",  # Ỏ U+1ECE
    "OÕ": "Õ",  # Õ U+00D5
    "OÏ": "Ọ",  # Ọ U+1ECC
    "OÂ": "Ô",  # Ô U+00D4
    "OÁ": "Ố",  # Ố U+1ED0
    "OÀ": "Ồ",  # Ồ U+1ED2
    "OÅ": "Ổ",  # Ổ U+1ED4
    "OÃ": "Ỗ",  # Ỗ U+1ED6
    "OÄ": "Ộ",  # Ộ U+1ED8
    "Ô": "Ơ",  # Ơ U+01A0
    "ÔÙ": "Ớ",  # Ớ U+1EDA
    "ÔØ": "Ờ",  # Ờ U+1EDC
    "ÔÛ": "Ở",  # Ở U+1EDE
    "ÔÕ": "Ỡ",  # Ỡ U+1EE0
    "ÔÏ": "Ợ",  # Ợ U+1EE2
    "UÙ": "Ú",  # Ú U+00DA
    "UØ": "Ù",  # Ù U+00D9
    "UÛ": "Ủ",  # Ủ U+1EE6
    "UÕ": "Ũ",  # Ũ U+0168
    "UÏ": "Ụ",  # Ụ U+1EE4
    "Ö": "Ư",  # Ư U+01AF
    "ÖÙ": "Ứ",  # Ứ U+1EE8
    "ÖØ": "Ừ",  # Ừ U+1EEA
    "ÖÛ": "Ử",  # Ử U+1EEC
    "ÖÕ": "Ữ",  # Ữ U+1EEE
    "ÖÏ": "Ự",  # Ự U+1EF0
    "YÙ": "Ý",  # Ý U+00DD
    "YØ": "Ỳ",  # Ỳ U+1EF2
    "YÛ": "Ỷ",  # Ỷ U+1EF6
    "YÕ": "Ỹ",  # Ỹ U+1EF8
    "Î": "Ỵ",  # Ỵ U+1EF4
    "Ñ": "Đ",  # Đ U+0110
}

# The mark characters VNI places after a base vowel (lowercase forms; uppercase are .upper()).
VNI_MARKS = "ùøûõïâáàåãäêéèúüë"

# Bytes 0x80-0x9F as cp1252 shows them; a latin-1 decode leaves C1 controls there instead.
CP1252_HIGH_CONTROLS: dict[str, str] = {
    chr(code): bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

# Vietnamese syllable shape, used to judge whether a conversion produced real words.
# A syllable is an optional onset, a vowel nucleus and an optional coda (tone marks removed).
SYLLABLE_ONSETS = [
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
]
SYLLABLE_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "yê",
    "oai",
    "oao",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "ươi",
    "ươu",
    "iêu",
    "yêu",
    "uya",
    "uyê",
    "uyu",
]
SYLLABLE_CODAS = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]

# TCVN3 writes a capital toned vowel with its lowercase code, so "Ủy ban" arrives as "ủy ban".
# These names are always capitalised in Vietnamese official text; the lowercase shapes that a
# TCVN3 conversion yields are restored as whole words.
TCVN3_CAPITALISED_NAMES: dict[str, str] = {
    "ủy ban": "Ủy ban",
    "ấn Độ": "Ấn Độ",
    "châu á": "châu Á",
    "Châu á": "Châu Á",
    "Đông á": "Đông Á",
    "Nam á": "Nam Á",
    "Tây á": "Tây Á",
    "ả Rập": "Ả Rập",
    "ả-rập": "Ả-rập",
}

# Characters that give each encoding away: codes a Unicode (latin-1 range) Vietnamese or Western
# text would not hold inside a word. TCVN3's are symbols (¸ = á, µ = à, ® = đ, soft hyphen = ư);
# VNI's are the marks no Vietnamese or common Western word puts after a vowel, and ñ/ö (đ/ư).
TCVN3_TELLTALES = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×÷"
VNI_TELLTALES = "ñÑöÖøØïÏûÛëËüÜåÅäÄæÆîÎ"
