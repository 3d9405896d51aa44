"""Stage 1, text: checking and decoding a report (size, encoding, binary content), its publication date and headline."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from geo.ingest.drafts import IngestError

MAX_REPORT_BYTES = 5 * 1024 * 1024


def check_text(text: str, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """The report text, NFC-normalised; IngestError if it is empty, binary or too large."""
    if not isinstance(text, str):
        raise IngestError("the report must be text")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise IngestError(f"the report is larger than {max_bytes // (1024 * 1024)} MB; is it really one news report?")
    if "\x00" in text:
        raise IngestError("the report contains NUL bytes: it looks like a binary file, not text")
    if not text.strip():
        raise IngestError("the report is empty")
    return unicodedata.normalize("NFC", text).translate(_UNIT_SIGNS)


#: Unit signs of East Asian typesetting written as the letters the amount rules read ("6만2천662㎏" is 62,662 kg):
#: NFKC's letters for each sign, the rest of the text left as written. Korean papers also type the middle dot as the
#: letter ㆍ (U+318D: "2ㆍ8직동청년탄광", "석탄ㆍ전력"): it is read as the middle dot the names and lists are written with.
_UNIT_SIGNS = str.maketrans({**{c: unicodedata.normalize("NFKC", c) for c in "㎏㎎㎍㎞㎝㎜㎡㎥㎘ℓ㏊㎾㎿"}, "\u318d": "\u00b7"})


def read_report(path: str | Path, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """Read a report file as UTF-8 text, refusing what is not a plain-text report."""
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"{path}: {size / 1024 / 1024:.1f} MB is larger than the "
                          f"{max_bytes // (1024 * 1024)} MB limit for one report")
    return decode_report(path.read_bytes(), str(path), max_bytes)


def decode_report(raw: bytes, name: str = "the report", max_bytes: int = MAX_REPORT_BYTES) -> str:
    """A report's bytes (a file read or uploaded) as UTF-8 text, with the same checks as a file."""
    if len(raw) > max_bytes:
        raise IngestError(f"{name}: {len(raw) / 1024 / 1024:.1f} MB is larger than the "
                          f"{max_bytes // (1024 * 1024)} MB limit for one report")
    if b"\x00" in raw:
        raise IngestError(f"{name}: contains NUL bytes; it looks like a binary file, not a text report")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); "
                          "save the report as UTF-8") from None
    if not text.strip():
        raise IngestError(f"{name}: the report is empty")
    return check_text(text, max_bytes)


def parse_published(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise IngestError(f"publication date {value!r} is not a date (YYYY-MM-DD)") from None


#: A headline in a script without capitals starts with a Hangul syllable or a Chinese character
#: (北, "North", opens many Korean headlines).
_HEADLINE_START = re.compile(r"[\uac00-\ud7a3\u4e00-\u9fff]")
#: … or with a number that counts or names something ("18호 관리소 …", "3 North Korean ships …"), not a date.
_NUMBER_START = re.compile(r"(?!.*\b\d{1,2}:\d\d)\d{1,3}(?:,\d{3})*\s*(?!(?:년|월|일|시|분)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                            r"[a-z]*\b)(?:[\uac00-\ud7a3]|[A-Za-z])")


def detail_problems(published, publisher: str, url: str) -> list[str]:
    """Every problem with a report's details at once ('' when none): no publication date, no
    publisher, a URL that is not http(s). ``extract`` raises the first; the Add report page shows
    them all."""
    out = []
    if published is None or published == "":
        out.append("enter the publication date: relative dates in the report depend on it")
    if not " ".join((publisher or "").split()):
        out.append("the publisher is required: every event cites its source")
    url = (url or "").strip()
    if url and not re.fullmatch(r"https?://\S+", url):
        out.append(f"URL {url!r} must start with http:// or https:// (or be left empty)")
    return out


_HEAD_REACH = 4000  # characters: the report's top, where its headline is (after a masthead, tags or a dateline)


def guess_title(text: str) -> str:
    """The first line that reads like a headline (five words or more, three in Korean or on a first line a blank line
    sets apart; no colon, no final stop; starting with a capital, with Hangul or a Chinese character, or with a number
    that counts something)."""
    lines = text[:_HEAD_REACH].splitlines()  # a headline is at the top: a long report is not read for it
    first = next((k for k, x in enumerate(lines) if x.strip()), 0)
    for k, line in enumerate(lines):
        line = line.strip()
        # the first line, set apart by a blank line, is a headline of three words too ("DPRK-Chinese mining deal")
        alone = k == first and k + 1 < len(lines) and not lines[k + 1].strip()
        # a headline in quotes, as Korean papers print a source's words ('"말레이시아, … 입항 막아"'): read inside them
        inner = line[1:-1].strip() if len(line) > 2 and line[0] in "\"“" and line[-1] in "\"”" else line
        words, core = inner.split(), inner.lstrip("\"“‘'").rstrip("\"”’'")  # 밤에만 … "북한 석탄, 中으로 나간다"
        core = _AGENCY_END.sub("", _LABEL_START.sub("", core))  # a paragraph ending "… in value terms. (Yonhap)" still ends with a stop
        if line.endswith(".") and (len(line) > _BODY_LINE or line.endswith("다.")):
            break  # the body has begun: a headline is above it (not a later paragraph that lacks its stop)
        if len(words) >= (3 if _KO_HEADLINE.search(core) or alone else 5) and not _colon(inner) and not core.endswith(".") and not _BYLINE.match(core) and not _CREDIT.search(core) and not is_caption(line) \
                and (core[:1].isupper() or _HEADLINE_START.match(core) or _NUMBER_START.match(core)) and len(line) <= 200:
            return line
    return ""


_BODY_LINE = 100  # characters: a longer line ending with a stop is a paragraph of the body (so is a Korean one ending "다.")
_AGENCY_END = re.compile(r"\s*\([^()]{1,40}\)$")
#: A section label before a headline ("[Debriefing] North Korea's smuggled coal", "[단독] …").
_LABEL_START = re.compile(r"^[\[【]\s*[^\]】]{1,20}[\]】]\s*")
#: A date or byline line, not a headline ("Published Sep 21, 2017 8:21 PM by The Maritime Executive").
_BYLINE = re.compile(r"(?:Published|Posted|Updated|Last updated|First published|By)\b|.*\b\d{1,2}:\d\d\s*(?:[AP]M|GMT|UTC|KST)\b")


#: A Korean headline is short in words ("북한산 석탄·철광석 중국으로 운송": the forty-seventh trial's source was titled by
#: its second line): three words do, when Hangul leads and the line is no byline ("양연희 기자", an e-mail).
_KO_HEADLINE = re.compile(r"^(?=[^@]*$)(?!.*(?:기자|특파원)\s*$)[\"“‘']?[\uac00-\ud7a3]")
#: A credit or a link, not a headline: "This article is reproduced at www.argusmedia.com" (the forty-eighth trial's
#: source was titled so), "© 2020 …", "All rights reserved".
_CREDIT = re.compile(r"\b(?:reproduced|republished|originally (?:published|appeared)|all rights reserved|copyright)\b|©|\bwww\.|https?://",
                     re.IGNORECASE)


def _colon(line: str) -> bool:
    """A colon after a label ("Photo: …", "Reporter: …", "Updated: Nov 5, 10:35"): three words or fewer before
    the first colon, a label's word or a short tail after it. A headline may have a colon after four words or more:
    who said it ("… fall to zero in April: UN", "…: VOA") or a second part ("Russia, North Korea agree deal: railway
    upgrade for minerals"), and after a topic told first, with a headline's length after it ("North Korea: China sets
    date to comply with UN import sanctions": the seventy-sixth trial's source was left untitled)."""
    head, sep, tail = line.partition(":")
    if not sep or len(head.split()) > 3:
        return False
    return bool(_LABEL_WORD.search(head)) or len(tail.split()) < 5 or bool(re.search(r"\d{1,2}:\d\d", tail))


#: Words a label before a colon is made of (not a headline's topic).
_LABEL_WORD = re.compile(r"\b(?:photo|picture|image|video|reporter|writer|author|editor|by|source|sources|updated|posted|published"
                         r"|date|time|tags?|category|categories|filed|section|contact|email|e-mail|tel|phone|caption|credit|note"
                         r"|translated|translation|read|see|related|more|comments?)\b|사진|기자|출처|입력|수정|제공", re.IGNORECASE)


#: A photo's caption: "사진은 …", "(사진=…)", "▲ …", "FILE PHOTO - …", "Photo: …".
_CAPTION = re.compile(r"^\s*(?:[(\[]?\s*사진\s*(?:은|=|:|제공)|▲|△|FILE PHOTO\b|(?:Photo|Picture|Image)\s*(?::|-|–|by\b))", re.IGNORECASE)


#: … or a line that ends with the photo's credit ("… 석탄을 선적한다고 한다. / 사진=데일리NK", "… 채광 모습(사진=노동신문)",
#: "… (Photo: Reuters)"): not a headline either (the sixty-fourth trial's source title was a caption).
_CREDIT_END = re.compile(r"(?:[/|(]\s*|\s)사진\s*[=:]\s*[^.]{1,60}$|\((?:Photo|Picture|Image)s?\s*(?::|=|-|–|by\b)[^()]{1,60}\)\s*$"
                         r"|\b(?:Photo|Picture|Image)\s*(?::|by\b)\s*[^.]{1,60}$|/\s*(?:File\s+)?Photo\s*$", re.IGNORECASE)


def title_case(text: str) -> bool:
    """A headline or heading in title case ("North Korea Trades Rare Earth Mine Rights…"): its
    capitals say nothing of names, so it is not read for unknown mine names (the body names them)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return 4 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def is_caption(line: str) -> bool:
    """Is ``line`` a photo's caption (:data:`_CAPTION`, :data:`_CREDIT_END`)?"""
    return _CAPTION.match(line) is not None or _CREDIT_END.search(line[-80:]) is not None


class CaptionLines(dict):
    """A report's paragraph number (its line) → is that line a photo's caption (:func:`is_caption`), read once, when
    first asked: only paragraphs that may hold an event are."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._lines = text.splitlines()

    def __missing__(self, para: int) -> bool:
        self[para] = found = para < len(self._lines) and is_caption(self._lines[para])
        return found


def guess_language(text: str, sample: int = 20000) -> str:
    """ISO 639-1 code of the report's main script: ``ko`` when most letters are Hangul, ``zh``
    when most are Han ideographs, ``ja`` for kana, else ``en`` (the reviewer can change it)."""
    counts = {"ko": 0, "zh": 0, "ja": 0, "latin": 0}
    for c in text[:sample]:
        o = ord(c)
        if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF:
            counts["ko"] += 1
        elif 0x3040 <= o <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif c.isalpha():
            counts["latin"] += 1
    total = sum(counts.values()) or 1
    if counts["ja"] > 0.1 * total:
        return "ja"
    best = max(("ko", "zh"), key=counts.get)
    return best if counts[best] > 0.3 * total else "en"
