"""Find every printed date or date-time in a string: where it is, what it says, its label and whether it is a trap.

``find_dates`` reports the fields exactly as printed (no zone is resolved, no clock is read):
the resolver decides which hit is the story's stamp, and ``feeder.dates`` turns a hit into an
aware datetime. Vocabulary lives in the tables below, grouped by what it is; the patterns are
built from them. Lines without a digit or a relative-time word cost one regex search.

Documented readings:
- a dotted numeric date (15.09.2021) is day-first wherever it is written, unless its second number
  is above 12 (07.18.2012, a US site's dotted stamp): then it is month-first, and evidence for the page;
- a slashed or dashed numeric date whose two leading numbers are both <= 12 and differ
  (03/04/2021) is ``order_ambiguous``: ``month``/``day`` hold the month-first reading and
  ``read_as(day_first=True)`` gives the other; one above 12 decides the order (and is evidence
  for the rest of the page, see ``numeric_order_evidence``);
- two-digit years are read only where the shape says so (02-Jun-21, 12/25/21, 25.12.21):
  00-69 are 2000-2069, 70-99 are 1970-1999;
- a meridiem that contradicts a 24-hour clock ("13:02 PM") is dropped; 12 a.m. is 00:xx;
- relative stamps ("3 hours ago", "yesterday") are hits with ``trap="relative"``, no year and
  ``month == day == 0``: they cannot be dated without the capture time.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from feeder.extract import lazy_re as re

Precision = Literal["day", "minute", "second"]
Order = Literal["ymd", "dmy", "mdy", "named", "relative"]

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

# Month spellings per language, January first; abbreviations may be printed with a dot.
MONTHS_BY_LANGUAGE: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
           ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
           ("october", "oct"), ("november", "nov"), ("december", "dec")),
    "fr": (("janvier", "janv"), ("février", "fevrier", "févr", "fevr", "fév", "fev"), ("mars",),
           ("avril", "avr"), ("mai",), ("juin",), ("juillet", "juil"), ("août", "aout"),
           ("septembre", "sept"), ("octobre", "oct"), ("novembre", "nov"),
           ("décembre", "decembre", "déc")),
    "de": (("januar", "jänner", "jan"), ("februar", "feb"), ("märz", "maerz", "mär", "mrz"),
           ("april", "apr"), ("mai",), ("juni", "jun"), ("juli", "jul"), ("august", "aug"),
           ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"), ("dezember", "dez")),
    "es": (("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo", "may"),
           ("junio", "jun"), ("julio", "jul"), ("agosto", "ago"), ("septiembre", "setiembre", "sep", "sept"),
           ("octubre", "oct"), ("noviembre", "nov"), ("diciembre", "dic")),
    "pt": (("janeiro", "jan"), ("fevereiro", "fev"), ("março", "marco", "mar"), ("abril", "abr"),
           ("maio", "mai"), ("junho", "jun"), ("julho", "jul"), ("agosto", "ago"), ("setembro", "set"),
           ("outubro", "out"), ("novembro", "nov"), ("dezembro", "dez")),
    "it": (("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"), ("maggio", "mag"),
           ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "set"),
           ("ottobre", "ott"), ("novembre", "nov"), ("dicembre", "dic")),
    "ru": (("января", "январь", "янв"), ("февраля", "февраль", "фев"), ("марта", "март", "мар"),
           ("апреля", "апрель", "апр"), ("мая", "май"), ("июня", "июнь", "июн"), ("июля", "июль", "июл"),
           ("августа", "август", "авг"), ("сентября", "сентябрь", "сент", "сен"),
           ("октября", "октябрь", "окт"), ("ноября", "ноябрь", "нояб", "ноя"),
           ("декабря", "декабрь", "дек")),
    "id": (("januari",), ("februari", "pebruari"), ("maret",), ("april",), ("mei",), ("juni",), ("juli",),
           ("agustus", "agu", "agt"), ("september",), ("oktober", "okt"), ("november", "nopember"),
           ("desember",)),
    "ms": (("januari",), ("februari",), ("mac",), ("april",), ("mei",), ("jun",), ("julai",), ("ogos",),
           ("september",), ("oktober",), ("november",), ("disember",)),
    "nl": (("januari",), ("februari",), ("maart", "mrt"), ("april",), ("mei",), ("juni",), ("juli",),
           ("augustus",), ("september",), ("oktober", "okt"), ("november",), ("december",)),
    "tr": (("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",), ("temmuz",), ("ağustos",),
           ("eylül",), ("ekim",), ("kasım",), ("aralık",)),
    "sv": (("januari",), ("februari",), ("mars",), ("april",), ("maj",), ("juni",), ("juli",), ("augusti",),
           ("september",), ("oktober",), ("november",), ("december",)),
    "da": (("januar",), ("februar",), ("marts",), ("april",), ("maj",), ("juni",), ("juli",), ("august",),
           ("september",), ("oktober",), ("november",), ("december",)),
    "nb": (("januar",), ("februar",), ("mars",), ("april",), ("mai",), ("juni",), ("juli",), ("august",),
           ("september",), ("oktober",), ("november",), ("desember",)),
    # Polish, Finnish and Greek print the month's genitive after the day; full names only (their short forms
    # are common words elsewhere).
    "pl": (("stycznia", "styczeń"), ("lutego", "luty"), ("marca", "marzec"), ("kwietnia", "kwiecień"),
           ("maja", "maj"), ("czerwca", "czerwiec"), ("lipca", "lipiec"), ("sierpnia", "sierpień"),
           ("września", "wrzesień"), ("października", "październik"), ("listopada", "listopad"),
           ("grudnia", "grudzień")),
    "fi": (("tammikuuta",), ("helmikuuta",), ("maaliskuuta",), ("huhtikuuta",), ("toukokuuta",), ("kesäkuuta",),
           ("heinäkuuta",), ("elokuuta",), ("syyskuuta",), ("lokakuuta",), ("marraskuuta",), ("joulukuuta",)),
    "el": (("ιανουαρίου",), ("φεβρουαρίου",), ("μαρτίου",), ("απριλίου",), ("μαΐου", "μαίου"), ("ιουνίου",),
           ("ιουλίου",), ("αυγούστου",), ("σεπτεμβρίου",), ("οκτωβρίου",), ("νοεμβρίου",), ("δεκεμβρίου",)),
    "ro": (("ianuarie", "ian"), ("februarie",), ("martie",), ("aprilie",), ("mai",), ("iunie", "iun"),
           ("iulie", "iul"), ("august",), ("septembrie",), ("octombrie",), ("noiembrie",), ("decembrie",)),
    # Hungarian prints the year first ("2022. március 25."); its short forms end with a dot.
    "hu": (("január",), ("február", "febr"), ("március", "márc"), ("április", "ápr"), ("május", "máj"),
           ("június", "jún"), ("július", "júl"), ("augusztus",), ("szeptember", "szept"), ("október",),
           ("november",), ("december",)),
    # Czech and Slovak: the month's genitive after the day and its dot ("4. března 2021", "4. marca 2021").
    "cs": (("ledna",), ("února",), ("března",), ("dubna",), ("května",), ("června",), ("července",), ("srpna",),
           ("září",), ("října",), ("listopadu",), ("prosince",)),
    "sk": (("januára",), ("februára",), ("marca",), ("apríla",), ("mája",), ("júna",), ("júla",), ("augusta",),
           ("septembra",), ("októbra",), ("novembra",), ("decembra",)),
    # Serbian, Bosnian and Montenegrin in Latin script (Croatian's own names are left out: its "listopad" is
    # October, Polish's November).
    "sr": (("januar",), ("februar",), ("mart",), ("april",), ("maj",), ("jun",), ("jul",), ("avgust",),
           ("septembar",), ("oktobar",), ("novembar",), ("decembar",)),
    "uk": (("січня", "січень"), ("лютого", "лютий"), ("березня", "березень"), ("квітня", "квітень"),
           ("травня", "травень"), ("червня", "червень"), ("липня", "липень"), ("серпня", "серпень"),
           ("вересня", "вересень"), ("жовтня", "жовтень"), ("листопада", "листопад"), ("грудня", "грудень")),
    "bg": (("януари",), ("февруари",), ("март",), ("април",), ("май",), ("юни",), ("юли",), ("август",),
           ("септември",), ("октомври",), ("ноември",), ("декември",)),
    # Arabic: the names Egypt and the Gulf print, the Levant's and Iraq's (كانون الثاني …), and the Maghreb's
    # (Morocco: يوليوز، غشت …; Algeria and Tunisia: جانفي، جويلية …), each with its common spellings of hamza.
    "ar": (("يناير", "كانون الثاني", "جانفي"), ("فبراير", "شباط", "فيفري", "فبرير"), ("مارس", "آذار", "اذار"),
           ("أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"), ("مايو", "أيار", "ايار", "ماي"),
           ("يونيو", "يونيه", "حزيران", "جوان"), ("يوليو", "يوليه", "تموز", "يوليوز", "جويلية"),
           ("أغسطس", "اغسطس", "آب", "اب", "غشت", "أوت", "اوت"), ("سبتمبر", "أيلول", "ايلول", "شتنبر"),
           ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"), ("نوفمبر", "تشرين الثاني", "نونبر"),
           ("ديسمبر", "كانون الأول", "كانون الاول", "دجنبر")),
}

# Weekday names (full and common abbreviations) that may stand before a date or, in brackets, after it.
WEEKDAYS_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
           "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
    "es": ("lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo"),
    "pt": ("segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "segunda", "terça", "quarta", "quinta", "sexta"),
    "it": ("lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
           "venerdì", "venerdi", "sabato", "domenica"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
    "id": ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"),
    "ms": ("isnin", "selasa", "rabu", "khamis", "jumaat", "sabtu", "ahad"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "tr": ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"),
    "uk": ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"),
    "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
# Which day of the week (Monday 0) a weekday word names, where its table lists the seven days Monday first (and
# English's abbreviations): a printed weekday settles a numeric date whose day and month could be swapped.
_EN_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                     "sun": 6}
WEEKDAY_NUMBER: dict[str, int] = {
    **{word: number for names in WEEKDAYS_BY_LANGUAGE.values() if len(names) == 7 for number, word in enumerate(names)},
    **{word: number for number, word in enumerate(WEEKDAYS_BY_LANGUAGE["en"][:7])}, **_EN_ABBREVIATIONS,
}
# CJK weekdays: 星期二, 周二, 礼拜二, 火曜日, 화요일; one character only in brackets: (火), (화).
CJK_WEEKDAY = r"(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]|[月火水木金土日]曜日|[월화수목금토일]요일"
CJK_WEEKDAY_SHORT = r"[月火水木金土日]|[월화수목금토일]"

# Words printed right before a stamp, by what they say about it.
LABELS: dict[str, tuple[str, ...]] = {
    "published": ("published", "published on", "published at", "first published", "originally published",
                  "publication date", "publish date", "date published", "pub date", "release date", "released",
                  "发布时间", "发布日期", "发表时间", "发表日期", "发布于", "发表于", "发布", "發布時間", "發表時間",
                  "刊发时间", "公開日", "掲載日", "投稿日", "입력", "기사입력", "등록", "등록일",
                  "veröffentlicht", "veröffentlicht am", "publié le", "publié", "publicado", "publicado el",
                  "publicado em", "pubblicato", "pubblicato il", "опубликовано", "تاريخ النشر", "نشر في", "نشر"),
    "updated": ("updated", "last updated", "updated on", "updated at", "update", "last update",
                "更新时间", "更新於", "更新于", "更新日期", "更新日", "更新", "수정", "최종수정",
                "aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "mis à jour", "mis à jour le",
                "actualizado", "actualizado el", "atualizado", "atualizado em", "aggiornato", "aggiornato il",
                "обновлено", "آخر تحديث", "اخر تحديث", "تحديث"),
    "posted": ("posted", "posted on", "posted at", "submitted", "submitted on", "added", "added on", "shared on",
               "投稿", "发帖时间", "发表"),
    "created": ("created", "created on", "created at", "date created", "创建时间", "erstellt", "erstellt am"),
    "modified": ("modified", "last modified", "modified on", "date modified", "修改时间", "geändert",
                 "geändert am"),
    "date": ("date", "dated", "日期", "时间", "時間", "日付", "날짜", "datum", "fecha", "data", "дата"),
    "time": ("time",),
    "source": ("source", "来源", "來源", "出典", "출처", "quelle", "fuente", "fonte", "источник"),
}

# Zone abbreviations -> UTC offset in hours. "CST" is China Standard Time in China context and
# US Central otherwise; feeder.dates decides. Printed upper case only ("ist" is not a zone).
ZONE_ABBREVIATIONS: dict[str, float] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1,
    "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "PKT": 5, "NPT": 5.75, "ICT": 7, "WIB": 7,
    "HKT": 8, "SGT": 8, "AWST": 8, "PHT": 8, "PHST": 8, "MYT": 8, "BJT": 8, "JST": 9, "KST": 9,
    "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3,
    "NST": -3.5, "NDT": -2.5, "BRT": -3, "ART": -3,
    # Africa, the Gulf, West and South Asia, Indonesia's other clocks
    "WAT": 1, "CAT": 2, "SAST": 2, "EAT": 3, "TRT": 3, "IRST": 3.5, "GST": 4, "AFT": 4.5, "SLST": 5.5, "BTT": 6,
    "MMT": 6.5, "WITA": 8, "WIT": 9, "ACDT": 10.5,
}
AMBIGUOUS_ZONES = ("CST",)
# Words that name a region's clock, summer or winter alike: they resolve through the IANA zone.
REGIONAL_ZONES: dict[str, str] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
    "beijing time": "Asia/Shanghai", "北京时间": "Asia/Shanghai", "北京時間": "Asia/Shanghai",
    "hong kong time": "Asia/Hong_Kong", "moscow time": "Europe/Moscow", "japan time": "Asia/Tokyo",
    "eastern time": "America/New_York", "central time": "America/Chicago",
    "mountain time": "America/Denver", "pacific time": "America/Los_Angeles",
}

# Meridiem words: which half of the day each names.
MERIDIEM: dict[str, str] = {"am": "am", "pm": "pm", "noon": "noon", "midnight": "midnight",
                            "上午": "am", "早上": "am", "凌晨": "am", "午前": "am", "오전": "am",
                            "下午": "pm", "晚上": "pm", "午後": "pm", "오후": "pm", "中午": "noon"}

# Relative stamps: a number and a unit followed by "ago", or a word for a recent day.
RELATIVE_UNITS = ("s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
                  "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks", "mo", "mos", "month",
                  "months", "y", "yr", "yrs", "year", "years")
RELATIVE_DAY_WORDS = ("yesterday", "today", "just now", "gestern", "heute", "aujourd'hui", "ayer", "hoy",
                      "ontem", "hoje", "ieri", "oggi", "вчера", "сегодня")
RELATIVE_CJK_UNITS = (r"(?:秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週|个月|個月|ヶ月|年)前"
                      r"|(?:초|분|시간|일|주|개월|년)\s*전")  # the space before the unit is the caller's
RELATIVE_CJK_WORDS = ("昨天", "今天", "刚刚", "剛剛", "昨日", "今日")


def _alternation(words: Iterable[str]) -> str:
    """A pattern for any of ``words``, built as a trie so the engine reads each character once.

    Longer words win ("september" over "sep"); a printed space may be any run of spaces.
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _any_case(words: Iterable[str]) -> str:
    """``_alternation`` of each word lower case, capitalized and upper case: a case-sensitive pattern
    lets the regex engine skip a failing branch on its first character, which (?i) does not."""
    return _alternation(form for word in words for form in (word, word.capitalize(), word.upper()))


def _trie_pattern(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char).replace(r"\ ", r"\s+") + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if "" not in node:
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{'|'.join(branches)})?" if branches else ""


MONTH_NUMBER: dict[str, int] = {
    spelling: number
    for spellings in MONTHS_BY_LANGUAGE.values()
    for number, names in enumerate(spellings, 1)
    for spelling in names
}
_MONTH_ENDINGS = frozenset(spelling[-3:] for spelling in MONTH_NUMBER)  # "mar", "rch", "ber": a cheap first test
# Full month names outside English: safe to read lower case without a year ("2 mars").
_FULL_FOREIGN_MONTHS = frozenset(
    names[0] for lang, months in MONTHS_BY_LANGUAGE.items() if lang != "en" for names in months
) - {"may"}
WEEKDAY_WORDS = frozenset(w for names in WEEKDAYS_BY_LANGUAGE.values() for w in names)
_WEEKDAY_WORDS = _alternation(WEEKDAY_WORDS)
LABEL_OF: dict[str, str] = {spelling: label for label, spellings in LABELS.items() for spelling in spellings}

# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

_YEAR4 = r"(?:1[89]|2[01])\d\d"

# (The class of every month word's first letter goes first: one test spares a digit followed by no month word the
# trie's many branches.)
_MONTH_INITIALS = "".join(sorted({form[0] for word in MONTH_NUMBER for form in (word, word.upper())}))
# ... and of every relative unit's, in Latin or CJK script ("3 hours ago", "3小时前", "3시간 전").
_RELATIVE_INITIALS = re.escape("".join(sorted(
    {form[0] for unit in RELATIVE_UNITS for form in (unit, unit.upper())}
    | {part[0] for part in re.sub(r"\(\?:|[()]|\\s\*", "|", RELATIVE_CJK_UNITS).split("|") if part})))
_MONTH_WORD = rf"(?=[{re.escape(_MONTH_INITIALS)}]){_any_case(MONTH_NUMBER)}(?![^\W\d_])\.?"
# After a day number, "2nd of", "2. ", "2 de ", "2-": what may stand between the day and the month.
_DAY_MONTH_GAP = rf"(?:{_any_case(('st', 'nd', 'rd', 'th', 'er'))}|ᵉʳ|º|°)?(?:\s*\.\s*|\s+(?:of|de|di)\s+|\s*-\s*|\s+)"
_MONTH_YEAR_GAP = r"(?:\s*,\s*|\s+(?:de|del|of)\s+|\s*[-/.]\s*|\s+)"

# Every date core that holds a digit, in one pattern that starts with the digit so the regex
# engine skips ahead to digits on its own (a line of prose costs one scan). Each branch is what
# follows that first digit; its name says the shape and _read_core takes the fields back out.
# The lookbehinds look at the character before the first digit.
_DIGIT_CORE = re.compile(
    r"\d(?<![\d.,]\d)(?:"  # a digit inside a number ("2021", "1,234", "3.5") starts nothing
    # 2021-03-02, 2021/3/2, 2021.03.02, 2021. 3. 2. (year first is never ambiguous)
    r"(?P<ymd>(?<![\d.,/-]\d)\d{3}(?P<ymd_sep>[-/.])(?P<ymd_sp>\s?)(?P<ymd_m>\d{1,2})(?P=ymd_sep)(?P=ymd_sp)"
    r"(?P<ymd_d>\d{1,2})(?!\d|[-/.,]\d))"
    # 2021年3月2日, 2021년 3월 2일
    r"|(?P<cjky>(?<!\d\d)\d{3}\s*[年년]\s*(?P<cjky_m>\d{1,2})\s*[月월]\s*(?P<cjky_d>\d{1,2})\s*[日일号號])"
    # 3月2日 (yearless)
    r"|(?P<cjk>(?<!\d\d)(?P<cjk_mr>\d?)\s*[月월]\s*(?P<cjk_d>\d{1,2})\s*[日일号號])"
    # 03/04/2021, 15.09.2021, 12/25/21, 25.12.21 (two-digit years only after a slash or a dot)
    r"|(?P<num>(?<![A-Za-z\d.,/-]\d)(?P<num_ar>\d?)(?P<num_sep>[-/.])(?P<num_b>\d{1,2})(?P=num_sep)"
    rf"(?P<num_y>{_YEAR4}|(?<=[/.])\d\d)(?!\d|[-/.:]\d))"
    # 02-Jun-21, 02/Jun/21 (RFC 850 and logs)
    r"|(?P<dmy2>(?<![\d.:/]\d)(?P<dmy2_dr>\d?)(?P<dmy2_sep>[-/])(?P<dmy2_mon>[A-Za-z]{3})(?P=dmy2_sep)"
    r"(?P<dmy2_y>\d\d)(?![\d:]))"
    # 2 March 2021, 2. März 2021, 2 de marzo de 2021, 2nd of March, 2021, 2 марта 2021, 2 March (yearless)
    rf"|(?P<dmy>(?<![\d.:/]\d)(?P<dmy_dr>\d?){_DAY_MONTH_GAP}(?P<dmy_mon>{_MONTH_WORD})"
    rf"(?:{_MONTH_YEAR_GAP}(?P<dmy_y>{_YEAR4})(?!\d)(?:\s*(?:года|г\.|г\b))?)?)"
    # 2021-Mar-02, 2021 March 2; Hungarian's 2022. március 25., 2022. márc. 25. (the year's dot, no separator after)
    rf"|(?P<ynd>(?<![\d.]\d)\d{{3}}(?:(?P<ynd_sep>[-/ ])(?P<ynd_mon>{_MONTH_WORD})(?P=ynd_sep)"
    rf"|\.\s*(?P<yhd_mon>{_MONTH_WORD})\s*)(?P<ynd_d>\d{{1,2}})(?![\d:]))"
    # Mar-07-2016, Mar-07-16 (a month word, then the day and the year, dashed; the year is required)
    r"|(?P<mdd>(?<=[^\W\d_]-\d)(?P<mdd_dr>\d?)-(?P<mdd_y>(?:1[89]|2[01])\d\d|\d\d)(?![\d:-]))"
    # 3 hours ago, 5 mins ago, 3小时前, 3시간 전
    rf"|(?P<rel>(?<!\d\d)\d*\s*(?=[{_RELATIVE_INITIALS}])(?:{_any_case(RELATIVE_UNITS)}\.?\s+(?:ago|Ago|AGO)\b"
    rf"|{RELATIVE_CJK_UNITS}))"
    # the day of "March 2, 2021", "Mar. 02 2021", "March 2nd", "Mar  2": the month word before it is checked
    r"|(?P<mdy>(?:(?<=[^\W\d_]\s\d)|(?<=[^\W\d_]\.\s\d)|(?<=[^\W\d_]\s\s\d)|(?<=[^\W\d_]\d)|(?<=[^\W\d_]\.\d))"
    rf"(?P<mdy_dr>\d?)(?:{_any_case(('st', 'nd', 'rd', 'th'))})?(?!\d|[:.]\d)"
    rf"(?:(?:\s*,\s*|\s+|,)(?P<mdy_y>{_YEAR4})(?!\d))?)"
    r")"
)
# "an hour ago", "yesterday", "昨天": relative stamps without a digit.
_RELATIVE_WORDS = re.compile(
    rf"(?i:\b(?:an?|one)\s+{_alternation(RELATIVE_UNITS)}\.?\s+ago\b"
    rf"|(?<![^\W\d_])(?:{_alternation(RELATIVE_DAY_WORDS)})(?![^\W\d_]))|{_alternation(RELATIVE_CJK_WORDS)}")
# Substrings without which an ASCII line, lower-cased, holds no relative word (cheaper than the pattern above).
_RELATIVE_MARKERS = ("ago", "yesterday", "today", "just now", "heute", "gestern", "ayer", "hoy", "ontem", "hoje",
                     "ieri", "oggi", "aujourd")

_NUMERIC_ZONE = r"[+\-−]\d{2}(?::?\d{2})?(?![\d:])"
_ZONE_WORDS = (*ZONE_ABBREVIATIONS, *AMBIGUOUS_ZONES, *(z for z in REGIONAL_ZONES if z.isupper()))
_ZONE = (rf"(?P<zone>(?:GMT|UTC|UT)\s*[+\-−]\s*\d{{1,2}}(?::?\d{{2}})?(?!\d)|{_NUMERIC_ZONE}"
         rf"|(?:{_alternation(_ZONE_WORDS)})(?![A-Za-z])"
         rf"|(?i:{_alternation(z for z in REGIONAL_ZONES if not z.isupper())}))")
_ZONE_AFTER = re.compile(rf"[ \t]*[(\[]?{_ZONE}[)\]]?")
# A day's stamp closed by universal time's name alone: nothing but the line's end or a separator follows.
_UNIVERSAL_AFTER = re.compile(r"[ \t]+(?P<zone>GMT|UTC)\s*(?:$|[|·•\n])")
_ZONE_BEFORE = re.compile(r"(?P<zone>北京时间|北京時間|(?i:beijing\s+time))\s*[:：]?\s*$")

# The Nordic clock word right before an hour of one or two digits ("kl. 13", "kl 9", "klo 10"), as lookbehinds of fixed
# width, one per spelling and hour length.
_AFTER_CLOCK_WORD = "(?:" + "|".join(
    f"(?<={word}{gap}{digits})" for word in ("kl\\.", "Kl\\.", "kl", "Kl", "klo", "Klo") for gap in (r"\s", "")
    for digits in (r"\d", r"\d\d") if gap or word.endswith(".")) + ")"
_MERIDIEM = r"(?P<ap>[AaPp]\.?\s?[Mm]\b\.?|(?i:noon|midnight))"
_CJK_MERIDIEM = rf"(?P<pre>{_alternation(w for w in MERIDIEM if not w.isascii())})"
_TIME = (
    rf"(?:{_CJK_MERIDIEM}\s*)?(?<![\d:.])(?P<h>[01]?\d|2[0-4])"
    r"(?:\s*[:：]\s*(?P<mi>[0-5]\d)(?:\s*[:：]\s*(?P<s>[0-5]\d|60)(?:[.,]\d{1,9})?)?(?![\d:])"
    r"|h(?P<mi_h>[0-5]\d)(?!\d)"
    # "4.05 pm", "16.05 Uhr", "15.26 GMT": a dotted time only where a meridiem, Uhr or a zone says it is one
    rf"|\.(?P<mi_dot>[0-5]\d)(?=\s*(?:[AaPp]\.?\s?[Mm]\b|(?i:uhr|h)\b|(?:{_alternation(_ZONE_WORDS)})(?![A-Za-z])))"
    # "kl. 13.02", "klo 9.05": after the Nordic clock word a dotted time is always one
    rf"|(?=\.\d){_AFTER_CLOCK_WORD}\.(?P<mi_kl>[0-5]\d)(?![\d:])"
    r"|\s*[时時시点點]\s*(?:(?P<mi_cjk>[0-5]?\d)\s*[分분]?(?:\s*(?P<s_cjk>[0-5]?\d)\s*[秒초])?)?"
    r"|(?=\s*(?:[AaPp]\.?\s?[Mm]\b|(?i:noon|midnight|uhr)\b)))"
    rf"(?:\s*{_MERIDIEM})?(?:\s*(?i:uhr|hrs|h)\b\.?)?"
    r"|(?P<word>(?i:noon|midnight)\b)"
)
_WEEKDAY_AFTER = re.compile(rf"\s*(?:[(（]\s*(?P<wd>{CJK_WEEKDAY}|{CJK_WEEKDAY_SHORT}|(?i:{_WEEKDAY_WORDS}))\.?\s*[)）]"
                            rf"|(?P<bare>{CJK_WEEKDAY}))")
# A weekday word printed between the date and its time: "August 28, 2020, Friday at 12:02 PM".
_WORD_WEEKDAY_AFTER = re.compile(rf"\s*,?\s*(?i:{_WEEKDAY_WORDS})\.?(?![^\W\d_])")
# Between a date and its time: "T", or a separator and/or a word ("2021-03-02, at 3pm", "2 mars 2021 à 16h05").
_CONNECTOR = (r"(?:\.?\s*(?:[,،|/·•@–—-]\s*)?(?:(?i:at|um|à|a las|às|alle|ore|в|klo|kl\.?)(?![^\W\d_])\s*)?|T)")
_AFTER = re.compile(rf"{_CONNECTOR}(?:{_TIME})")
_BEFORE = re.compile(rf"(?:{_TIME})(?:{_ZONE_AFTER.pattern})?\s*(?:,|\||-|–|—|·|(?i:on))?\s*$")
_YEAR_AFTER_TIME = re.compile(rf"\s+(?P<y>{_YEAR4})(?!\d)")  # asctime: "Tue Mar  2 16:05:00 2021"
_NOTHING_BUT_PUNCTUATION = re.compile(r"[\W_]*\Z")
_LOOKBACK = 48
# Arabic-Indic and Eastern Arabic-Indic (Persian, Urdu) digits, each to the Western digit of the same value.
_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


@dataclass(frozen=True, slots=True)
class DateHit:
    """One printed date or date-time: its span, its fields as printed, the label before it and any trap."""

    start: int  # text[start:end] == raw: weekday, date, time and zone as printed, without the label
    end: int
    raw: str
    year: int | None  # None: no year printed (trap "yearless") or a relative stamp
    month: int  # 0 only for a relative stamp
    day: int
    hour: int | None = None  # 24-hour clock, meridiem applied
    minute: int | None = None
    second: int | None = None
    zone: str | None = None  # as printed: "+08:00", "GMT+8", "EDT", "CST", "Z", "Beijing time"
    precision: Precision = "day"
    order: Order = "named"  # how the numbers were read: year first, day first, month first, month word
    order_ambiguous: bool = False  # 03/04/2021: month/day hold the month-first reading, see read_as
    order_decisive: bool = False  # a slashed/dashed (or month-first dotted) date with a number above 12: evidence
    label: str | None = None  # normalized: published, updated, posted, created, modified, date, time, source
    label_start: int = -1  # where the label begins; equals start when there is none
    trap: str | None = None  # "relative" (3 hours ago, yesterday) or "yearless" (March 2)
    weekday_named: bool = False  # a weekday is printed with it (capture-day widgets are)
    line_is_only_date: bool = False  # nothing but the label, the date and punctuation on its line

    def read_as(self, *, day_first: bool) -> DateHit:
        """This hit with an ambiguous numeric order settled; unambiguous hits come back unchanged."""
        if not self.order_ambiguous:
            return self
        if day_first:
            return replace(self, month=self.day, day=self.month, order="dmy", order_ambiguous=False)
        return replace(self, order_ambiguous=False)


@lru_cache(maxsize=4096)
def find_dates(text: str) -> tuple[DateHit, ...]:
    """Every date or date-time expression in ``text``, left to right; never raises.

    Cached (the hits are frozen): extraction tests a stamp's text, then normalization reads it again."""
    first = _DIGIT_CORE.search(text)
    if first is None and not _may_be_relative(text):
        return ()  # the common case, a line of prose: one scan and a few substring tests
    if first is not None and not text[first.start()].isascii() and (
            western := text.translate(_WESTERN_DIGITS)) != text:
        # Arabic-Indic or Persian digits ("٤ مارس ٢٠٢١"): read as Western digits, one for one, so every span holds.
        return tuple(replace(hit, raw=text[hit.start:hit.end]) for hit in find_dates(western))
    cores = _cores(text, first)
    if not cores:
        return ()
    hits: list[DateHit] = []
    floor = 0  # nothing before the previous hit's end belongs to the next one
    for core in sorted(cores, key=lambda c: (c.start, -c.end)):  # longest first at one start
        if core.start < floor:
            continue
        hit = _extend(text, core, floor)
        if hit.start < floor:
            continue
        hits.append(hit)
        floor = hit.end
    return tuple(hits)


def numeric_order_evidence(hits: Iterable[DateHit]) -> bool | None:
    """True when the page prints unambiguous day-first slashed/dashed dates, False for month-first, else None."""
    orders = {h.order for h in hits if h.order_decisive}
    return None if len(orders) != 1 else orders == {"dmy"}


class _Core(NamedTuple):
    """A date without what is printed around it (a tuple: built for every candidate, so cheap)."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    order: Order
    ambiguous: bool = False
    relative: bool = False
    decisive: bool = False  # a slashed/dashed date whose numbers fix the day/month order


def _cores(text: str, match: re.Match[str] | None) -> list[_Core]:
    """Date cores from the first _DIGIT_CORE match on, then relative words; sorted by the caller."""
    cores: list[_Core] = []
    while match is not None:
        core = _read_core(text, match)
        if core is not None:
            cores.append(core)
        match = _DIGIT_CORE.search(text, match.start() + 1 if core is None else match.end())
    if _may_be_relative(text):
        cores.extend(_Core(match.start(), match.end(), None, 0, 0, "relative", relative=True)
                     for match in _RELATIVE_WORDS.finditer(text))
    return cores


def _may_be_relative(text: str) -> bool:
    """Whether a relative word could be in ``text``: a few substring tests, cheaper than the pattern."""
    if not text.isascii():
        return True
    low = text.lower()
    for marker in _RELATIVE_MARKERS:  # noqa: SIM110 - a plain loop beats any() over a generator, on every line
        if marker in low:
            return True
    return False


def _read_core(text: str, m: re.Match[str]) -> _Core | None:
    """The date in one _DIGIT_CORE match, or None when its numbers or its month word say it is not one."""
    shape, lead = m.lastgroup, m.start()
    if shape in ("ymd", "cjky"):
        year = _year(text, lead)
        return None if year is None else _valid(m, year, int(m[f"{shape}_m"]), int(m[f"{shape}_d"]), "ymd")
    if shape == "cjk":
        return _valid(m, None, int(text[lead:m.end("cjk_mr")]), int(m["cjk_d"]), "ymd")
    if shape == "num":
        return _read_numeric(int(text[lead:m.end("num_ar")]), int(m["num_b"]), m, _full_year(m["num_y"]))
    if shape == "rel":
        return _Core(lead, m.end(), None, 0, 0, "relative", relative=True)
    return _read_month_word(text, m, shape)


def _year(text: str, lead: int) -> int | None:
    year = int(text[lead:lead + 4])
    return year if 1800 <= year < 2200 else None


def _read_numeric(a: int, b: int, m: re.Match[str], year: int) -> _Core | None:
    if m["num_sep"] == ".":
        if len(m["num_y"]) == 2 and m.end("num_ar") - m.start() + len(m["num_b"]) < 4:
            return None  # "3.10.12" is a version number; a short dotted date prints "25.12.21"
        if b > 12 >= a:  # "07.18.2012": only month-first reads; evidence for the page as a slashed one is
            return _valid(m, year, a, b, "mdy", decisive=True)
        return _valid(m, year, b, a, "dmy")
    if a > 12 >= b:
        return _valid(m, year, b, a, "dmy", decisive=True)
    if b > 12 >= a:
        return _valid(m, year, a, b, "mdy", decisive=True)
    return _valid(m, year, a, b, "mdy", ambiguous=a != b)


def _read_month_word(text: str, m: re.Match[str], shape: str | None) -> _Core | None:
    start = lead = m.start()
    year: int | None
    if shape == "ynd":
        printed, day, year = m["ynd_mon"] or m["yhd_mon"], int(m["ynd_d"]), _year(text, lead)
        if year is None:
            return None
    elif shape == "mdd":
        if text[max(0, lead - 4):lead - 1].lower() not in _MONTH_ENDINGS:
            return None
        printed, start = _word_before(text, lead - 1, max(0, lead - 16))
        day, year = int(text[lead:m.end("mdd_dr")]), _full_year(m["mdd_y"])
    elif shape == "mdy":
        end = _skip_back(text, lead, max(0, lead - 3), " \t")
        end -= text[end - 1:end] == "."
        if text[max(0, end - 3):end].lower() not in _MONTH_ENDINGS:
            return None  # "for 31 years", "about 1,200": the word before the number is no month
        printed, start = _word_before(text, end + (text[end:end + 1] == "."), max(0, lead - 16))
        day, year = int(text[lead:m.end("mdy_dr")]), _full_year(m["mdy_y"]) if m["mdy_y"] else None
    else:  # dmy, dmy2
        printed, day = m[f"{shape}_mon"], int(text[lead:m.end(f"{shape}_dr")])
        year = _full_year(m[f"{shape}_y"]) if m[f"{shape}_y"] else None
    word = printed.lower().rstrip(".")
    month = MONTH_NUMBER.get(word)
    if month is None or (year is None and not (printed[0].isupper() or word in _FULL_FOREIGN_MONTHS)):
        return None  # "5 may be", "march 3 miles": a yearless month word must look like one
    return _valid(m, year, month, day, "named", start=start)


def _full_year(printed: str) -> int:
    year = int(printed)
    if len(printed) == 2:
        return year + (2000 if year < 70 else 1900)
    return year


_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(m: re.Match[str], year: int | None, month: int, day: int, order: Order, *, start: int = -1,
           ambiguous: bool = False, decisive: bool = False) -> _Core | None:
    if not 1 <= month <= 12 or day < 1 or day > _DAYS_IN_MONTH[month] or (
            month == 2 and day == 29 and year is not None and not calendar.isleap(year)):
        return None
    return _Core(m.start() if start < 0 else start, m.end(), year, month, day, order, ambiguous, False, decisive)


@dataclass(slots=True)
class _Reading:
    """What is known so far about one hit while the text around its date core is read."""

    start: int
    end: int
    year: int | None
    weekday: bool = False
    weekday_word: str = ""  # the weekday as printed, lower-cased, when it is a word
    clock: re.Match[str] | None = None
    zone: str | None = None


def _extend(text: str, core: _Core, floor: int) -> DateHit:
    """Read the weekday, time, zone and label printed around a date core."""
    floor = max(floor, text.rfind("\n", 0, core.start) + 1)  # nothing on an earlier line belongs to it
    reading = _Reading(core.start, core.end, core.year)
    _read_after(text, core, reading)
    _read_before(text, core, reading, floor)
    _read_zone_and_late_year(text, core, reading, floor)
    hour, minute, second = _clock(reading.clock)
    start, end = reading.start, reading.end
    label, label_start = _label_before(text, start, floor)
    core = _settled_by_weekday(core, reading)
    return DateHit(
        start=start, end=end, raw=text[start:end], year=reading.year, month=core.month, day=core.day,
        hour=hour, minute=minute, second=second, zone=reading.zone,
        precision="day" if hour is None else "minute" if second is None else "second",
        order=core.order, order_ambiguous=core.ambiguous, order_decisive=core.decisive,
        label=label, label_start=label_start,
        trap="relative" if core.relative else "yearless" if reading.year is None else None,
        weekday_named=reading.weekday,
        line_is_only_date=_alone(text, label_start, end),
    )


def _settled_by_weekday(core: _Core, reading: _Reading) -> _Core:
    """An ambiguous numeric date ("Mon, 03/10/2025") read the way that falls on its printed weekday, when only
    one of the two readings does (a weekday is the page's own check on its day and month)."""
    number = WEEKDAY_NUMBER.get(reading.weekday_word.rstrip("."))
    if not core.ambiguous or number is None or reading.year is None:
        return core
    month_first = calendar.weekday(reading.year, core.month, core.day) == number
    day_first = _valid_day(reading.year, core.day, core.month) and calendar.weekday(
        reading.year, core.day, core.month) == number
    if month_first == day_first:
        return core
    if month_first:
        return core._replace(order="mdy", ambiguous=False)
    return core._replace(month=core.day, day=core.month, order="dmy", ambiguous=False)


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _read_after(text: str, core: _Core, reading: _Reading) -> None:
    """A bracketed or CJK weekday, then a time: "2021年3月2日 星期二 16:05", "March 2, 2021 at 4 pm"."""
    named = None if core.relative else _WEEKDAY_AFTER.match(text, reading.end)
    if named is not None:
        reading.weekday, reading.end = True, named.end()
        reading.weekday_word = (named["wd"] or "").lower()
    after = _AFTER.match(text, reading.end)
    if after is None and named is None and not core.relative and (
            word := _WORD_WEEKDAY_AFTER.match(text, reading.end)) is not None:
        # A weekday word is the stamp's only when its time follows it (else "Sun" may be a paper's name).
        after = _AFTER.match(text, word.end())
        if after is not None and _is_time(after):
            reading.weekday, reading.weekday_word = True, word[0].strip(" \t,.").lower()
    if after is not None and _is_time(after):
        reading.clock, reading.end = after, after.end()


def _read_before(text: str, core: _Core, reading: _Reading, floor: int) -> None:
    """A weekday, and a time when none follows: "Tue, 02 Mar 2021", "4:05 PM EDT, Tue March 2, 2021"."""
    _take_weekday_before(text, reading, floor)
    if reading.clock is not None or core.relative:
        return
    edge = _skip_back(text, reading.start, floor, " \t,|-–—·")
    if edge == floor or not (text[edge - 1].isalnum() or text[edge - 1] in ".)]"):
        return  # nothing a time could end with ("16:05", "PM", "p.m.", "EST", "(GMT+8)")
    before = _BEFORE.search(text, max(floor, reading.start - _LOOKBACK), reading.start)
    if before is None or not _is_time(before):
        return
    reading.clock, reading.start, reading.zone = before, before.start(), before["zone"]
    _take_weekday_before(text, reading, floor)


def _take_weekday_before(text: str, reading: _Reading, floor: int) -> None:
    word, start = _word_before(text, _skip_back(text, reading.start, floor, " \t,،"), floor)
    if word.rstrip(".").lower() in WEEKDAY_WORDS:
        reading.weekday, reading.start, reading.weekday_word = True, start, word.rstrip(".").lower()


def _read_zone_and_late_year(text: str, core: _Core, reading: _Reading, floor: int) -> None:
    """A zone after the time, asctime's year after it ("Tue Mar  2 16:05:00 2021"), "北京时间" before."""
    if reading.clock is not None and reading.zone is None:
        _take_zone_after(text, reading)
    elif reading.clock is None and not core.relative and (zoned := _UNIVERSAL_AFTER.match(text, reading.end)):
        # "May 25, 2019 GMT": a day printed in universal time ends the line with the zone's name.
        reading.zone, reading.end = zoned["zone"], zoned.end("zone")
    if reading.year is None and reading.clock is not None and core.order == "named" and (
            late := _YEAR_AFTER_TIME.match(text, reading.end)) is not None:
        reading.year, reading.end = int(late["y"]), late.end()
        if reading.zone is None:
            _take_zone_after(text, reading)
    if reading.zone is None and _may_name_zone(text, max(floor, reading.start - 12), reading.start) and (
            named := _ZONE_BEFORE.search(text, max(floor, reading.start - 12), reading.start)) is not None:
        reading.zone, reading.start = named["zone"], named.start()


def _may_name_zone(text: str, start: int, end: int) -> bool:
    return text.find("北京", start, end) >= 0 or text.find("eijing", start, end) >= 0


def _skip_back(text: str, end: int, floor: int, chars: str) -> int:
    """Where the run of ``chars`` that ends at ``end`` begins (never before ``floor``)."""
    while end > floor and text[end - 1] in chars:
        end -= 1
    return end


def _word_before(text: str, end: int, floor: int) -> tuple[str, int]:
    """The word (letters, inner hyphens and a final dot) that ends at ``end``, and where it starts."""
    start = end - 1 if end > floor and text[end - 1] == "." else end
    lowest = max(floor, end - 16)
    while start > lowest and (text[start - 1].isalpha() or (
            text[start - 1] == "-" and start - 2 >= lowest and text[start - 2].isalpha())):
        start -= 1
    return text[start:end], start


def _label_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    """The label word or words printed right before a date ("Last updated:", "Veröffentlicht am")."""
    end = _skip_back(text, _skip_back(text, _skip_back(text, start, floor, " \t"), floor, ":：-–—|"), floor, " \t")
    words: list[tuple[str, int]] = []
    while len(words) < 4 and end > floor:
        word, word_start = _word_before(text, end, floor)
        if not word or word_start == end:
            break
        words.append((word.lower(), word_start))
        end = _skip_back(text, word_start, floor, " \t")
        if end == word_start:
            break
    for count in range(len(words), 0, -1):
        phrase = " ".join(w for w, _ in reversed(words[:count]))
        if phrase in LABEL_OF:
            return LABEL_OF[phrase], words[count - 1][1]
    if words and not words[0][0].isascii():  # CJK labels run into the words before them: "新闻发布时间"
        run, run_start = words[0]
        for size in range(min(len(run), 6), 1, -1):
            if run[-size:] in LABEL_OF:
                return LABEL_OF[run[-size:]], run_start + len(run) - size
    return None, start


def _take_zone_after(text: str, reading: _Reading) -> None:
    if (zoned := _ZONE_AFTER.match(text, reading.end)) is not None:
        reading.zone, reading.end = zoned["zone"], zoned.end()


def _is_time(m: re.Match[str]) -> bool:
    """Hours past 23 are not times (the pattern already wants a meridiem after a bare hour: "4 pm")."""
    return bool(m["word"]) or int(m["h"]) <= 23


def _clock(m: re.Match[str] | None) -> tuple[int | None, int | None, int | None]:
    if m is None:
        return None, None, None
    if m["word"]:
        return (12 if m["word"].lower() == "noon" else 0), 0, None
    hour = int(m["h"])
    minute = int(m["mi"] or m["mi_h"] or m["mi_dot"] or m["mi_kl"] or m["mi_cjk"] or 0)
    second = m["s"] or m["s_cjk"]
    half = MERIDIEM.get(m["pre"] or "") or _meridiem(m["ap"])
    return _twelve_hour(hour, half), minute, int(second) if second is not None else None


def _meridiem(printed: str | None) -> str | None:
    if printed is None:
        return None
    word = "".join(ch for ch in printed.lower() if ch.isalpha())
    return MERIDIEM.get(word)


def _twelve_hour(hour: int, half: str | None) -> int:
    """Apply a meridiem; one that contradicts a 24-hour clock ("13:02 PM") is dropped."""
    if half is None or hour > 12:
        return hour
    if half == "noon":
        return hour + 12 if hour < 11 else hour
    if half == "midnight":
        return 0 if hour == 12 else hour
    if half == "am":
        return 0 if hour == 12 else hour
    return hour if hour == 12 else hour + 12


def _alone(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return _NOTHING_BUT_PUNCTUATION.match(text, line_start, start) is not None and (
        _NOTHING_BUT_PUNCTUATION.match(text, end, line_end) is not None)
