"""The id a new source row gets from its publisher's name: the slug the record already uses for a
publisher written in Korean (데일리NK: dailynk, 자유아시아방송: rfa-ko, 미국의소리: voakorea, 연합뉴스: yonhap)
or for a few in English ("Daily NK": dailynk), else the name romanized (Revised Romanization for Hangul) and slugged. The record's other ids follow
`<publisher-slug>-<yyyy-mm-dd>` (data/README.md, "Adding a record")."""

from __future__ import annotations

import re
import unicodedata

from geo.ingest.hangul import romanize

#: Publishers written in Korean, by the slug the record's ids give them (spaces ignored).
KNOWN: dict[str, str] = {
    "데일리nk": "dailynk", "데일리엔케이": "dailynk", "연합뉴스": "yonhap", "자유아시아방송": "rfa-ko",
    "자유아시아(rfa)방송": "rfa-ko", "미국의소리": "voakorea", "미국의소리방송": "voakorea", "조선일보": "chosun",
    "중앙일보": "joongang", "동아일보": "donga", "한겨레": "hankyoreh", "한국경제": "hankyung", "서울경제": "sedaily",
    "아시아경제": "asiae", "뉴시스": "newsis", "뉴스1": "news1", "로동신문": "rodong", "노동신문": "rodong",
    "조선중앙통신": "kcna", "아시아프레스": "asiapress", "nk조선": "nkchosun", "뉴데일리": "newdaily",
    # papers whose own spelling is not the Revised Romanization (한국일보: Hankook Ilbo, not hangukilbo)
    "한국일보": "hankookilbo", "경향신문": "kyunghyang", "한겨레신문": "hankyoreh", "국민일보": "kukmin",
    # and in English, where the record's slug is not the name slugged ("Daily NK": dailynk, not daily-nk)
    "dailynk": "dailynk", "nknews": "nknews", "38north": "38north", "yonhapnewsagency": "yonhap",
    "northkoreaeconomywatch": "nkeconwatch", "nkeconomywatch": "nkeconwatch", "koreancentralnewsagency": "kcna",
    "voiceofamerica": "voa", "radiofreeasia": "rfa",
}


def publisher_slug(publisher: str) -> str:
    """The slug of a source id for ``publisher`` ('' when its name has no letter to romanize)."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFC", publisher)).lower()
    if key in KNOWN:
        return KNOWN[key]
    # a known name with a note after it: "데일리NK (연합뉴스 전재)", "Daily NK / Yonhap"
    if (known := max((k for k in KNOWN if key.startswith(k) and key[len(k):len(k) + 1] in "(/[-,·|"), key=len, default="")):
        return KNOWN[known]
    # a Korean name with its own Latin name beside it ("에포크타임스 (The Epoch Times Korea)"): that name, not a romanization
    if re.search(r"[\uac00-\ud7a3]", publisher) and (latin := _LATIN_NAME.search(publisher)):
        return slug(latin.group(0))[:40].strip("-")
    return slug(romanize(publisher))[:40].strip("-")


#: A run of Latin words ending in two letters at least, not written onto a Korean word before or after it (a publisher's own
#: Latin name: "The Epoch Times Korea", "KBS"; not the NK of "데일리NK 북한", nor the TV of "TV조선").
_LATIN_NAME = re.compile(r"(?<![\uac00-\ud7a3A-Za-z])[A-Za-z][A-Za-z&'.]*(?:\s+[A-Za-z][A-Za-z&'.]*)*(?<=[A-Za-z.]{2})"
                         r"(?=[^A-Za-z\uac00-\ud7a3]|$)")  # (nor the TV of "TV조선": "TV조선 (TV Chosun)" is tv-chosun)


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, accents dropped: the record's ids."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
