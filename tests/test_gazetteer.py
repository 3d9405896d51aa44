"""The gazetteer finds every mine, province and mineral under the spellings reports use."""

import pytest

from geo.ingest.gazetteer import Gazetteer, fold, phonetic_key


@pytest.fixture(scope="module")
def gaz(ds):
    return Gazetteer.from_dataset(ds)


# Revised Romanization, McCune–Reischauer with and without breves and apostrophes (straight
# and curly), press spellings, case, hyphenation and Hangul. Many are not in the data's alias
# lists and are found only through the romanization key.
MINE_SPELLINGS = {
    "musan": ["Musan", "MUSAN", "Musan mine", "Musan county", "Musan-gun", "Musan Mining Complex", "무산"],
    "hyesan": ["Hyesan", "Hyesan mine", "Hyesan Youth Mine", "Hyesan Ch'ŏngnyŏn", "Hyesan Cheongnyeon", "혜산"],
    "daebong": ["Daebong", "Taebong", "Tae-bong", "Tae bong", "Daebong mine", "T'aebong", "Taepong"],
    "yonghwa": ["Yonghwa", "Yŏnghwa", "Yeonghwa", "Yonghwa mine", "Yong-hwa"],
    "dancheon": ["Tanchon", "Tanch'ŏn", "Tanch’ŏn", "Tanchŏn", "Dancheon", "TANCHON", "Dancheon-si",
                 "단천", "단천시", "Taehung mine", "Taehŭng mine", "Daeheung mine", "Ryongyang mine",
                 "Ryong-yang mine", "Yongyang mine"],
    "hoeryeong": ["Hoeryong", "Hoeryŏng", "Hoeryeong", "HOERYONG", "Hoeryŏng-si", "Hoeryeong-si", "회령시"],
    "cholsan": ["Cholsan", "Ch'ŏlsan", "Ch’olsan", "Cheolsan", "Chŏlsan-gun", "Cheolsan-gun", "철산", "철산군"],
    "jongju": ["Jongju", "Jeongju", "Chŏngju", "Chongju", "Ch'ŏngju", "정주"],
}

PROVINCE_SPELLINGS = {
    "north_hamgyong": ["North Hamgyong", "North Hamgyŏng", "North Hamgyeong", "N. Hamgyong",
                       "Hamgyŏng-pukto", "Hamgyong-bukto", "Hamgyeongbuk-do", "함경북도"],
    "south_hamgyong": ["South Hamgyong", "South Hamgyŏng", "South Hamgyeong", "Hamgyŏng-namdo",
                       "Hamgyeongnam-do", "함경남도"],
    "ryanggang": ["Ryanggang", "Yanggang", "YANGGANG", "Ryanggang-do", "Yanggang-do", "Ryanggang Province",
                  "Yanggang province", "양강도"],
    "north_pyongan": ["North Pyongan", "North P'yŏngan", "North Pyeongan", "North Pyonagan",
                      "P'yŏngan-pukto", "Pyeonganbuk-do", "평안북도"],
    "south_pyongan": ["South Pyongan", "South P'yŏngan", "South Pyeongan", "Pyeongannam-do", "평안남도"],
}

MINERAL_SPELLINGS = {
    "rare_earths": ["rare earth ore", "rare earth minerals", "Rare earths", "REE"],
    "copper": ["copper concentrate", "copper concentration", "Copper"],
    "zinc": ["zinc concentration", "zinc concentrate"],
    "magnesia": ["magnesia clinker", "magnesite", "Magnesia"],
    "iron_ore": ["iron ore", "Iron ore", "iron"],
    "cobalt": ["cobalt minerals", "cobalt"],
    "tungsten": ["Tungsten", "wolfram"],
    "molybdenum": ["molybdenum", "moly"],
}


def _cases(table):
    return [(key, spelling) for key, spellings in table.items() for spelling in spellings]


def test_every_mine_and_province_has_a_spelling_table(ds):
    assert set(MINE_SPELLINGS) == set(ds.mines["mine_id"])
    assert set(PROVINCE_SPELLINGS) == set(ds.provinces["province_id"])


@pytest.mark.parametrize("mine_id, spelling", _cases(MINE_SPELLINGS))
def test_mine_spellings(gaz, mine_id, spelling):
    hit = gaz.lookup(spelling)
    assert hit is not None and (hit.kind, hit.id) == ("mine", mine_id), f"{spelling!r} → {hit}"


@pytest.mark.parametrize("province_id, spelling", _cases(PROVINCE_SPELLINGS))
def test_province_spellings(gaz, province_id, spelling):
    hit = gaz.lookup(spelling)
    assert hit is not None and (hit.kind, hit.id) == ("province", province_id), f"{spelling!r} → {hit}"


@pytest.mark.parametrize("mineral_id, spelling", _cases(MINERAL_SPELLINGS))
def test_mineral_synonyms(gaz, mineral_id, spelling):
    hit = gaz.lookup(spelling)
    assert hit is not None and (hit.kind, hit.id) == ("mineral", mineral_id), f"{spelling!r} → {hit}"


@pytest.mark.parametrize("name, crossing_id", [
    ("Changbai–Hyesan", "changbai_hyesan"), ("Changbai-Hyesan bridge", "changbai_hyesan"),
    ("Friendship Bridge", "dandong_sinuiju"), ("Dandong-Sinuiju", "dandong_sinuiju"),
    ("Ji'an–Manpo", "jian_manpo"), ("Jian-Manpo", "jian_manpo"),
])
def test_border_crossings(gaz, name, crossing_id):
    hit = gaz.lookup(name)
    assert hit is not None and (hit.kind, hit.id) == ("crossing", crossing_id)


@pytest.mark.parametrize("a, b", [
    ("Tanch'ŏn", "tanchon"), ("Hoeryŏng", "hoeryong"), ("Ch’ŏlsan", "cholsan"), ("Tae-bong", "taebong"),
    ("P‘yŏngan-pukto", "pyonganpukto"), ("단천", "단천"),
])
def test_fold(a, b):
    assert fold(a) == b


@pytest.mark.parametrize("a, b", [
    ("Dancheon", "Tanchon"), ("Hoeryeong", "Hoeryŏng"), ("Cheolsan", "Ch'ŏlsan"), ("Ryanggang", "Yanggang"),
    ("Jeongju", "Chŏngju"), ("Daeheung", "Taehŭng"), ("Pyeonganbuk-do", "P'yŏnganpuk-to"),
])
def test_romanizations_share_a_key(a, b):
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize("name", ["Yeonhwa mine", "Musang", "Hyesang", "Danchon Road", "minerals", "Korea"])
def test_near_misses_are_not_matched(gaz, name):
    # Yeonhwa is South Korea's mine, not Yonghwa; near-spellings of other words stay unknown.
    hit = gaz.lookup(name)
    assert hit is None or hit.kind == "mineral" and name == "minerals", f"{name!r} → {hit}"


def test_running_text_longest_match_first(gaz):
    text = ("Iron ore from Musan mine and magnesia clinker from Dancheon are still exported, but "
            "the export of molybdenum from Musan county and cobalt minerals from Hoeryeong has halted "
            "in North Hamgyong’s border area; 단천시에서 too.")
    found = [(m.kind, m.id, m.text) for m in gaz.match(text)]
    assert found == [
        ("mineral", "iron_ore", "Iron ore"), ("mine", "musan", "Musan mine"),
        ("mineral", "magnesia", "magnesia clinker"), ("mine", "dancheon", "Dancheon"),
        ("mineral", "molybdenum", "molybdenum"), ("mine", "musan", "Musan county"),
        ("mineral", "cobalt", "cobalt minerals"), ("mine", "hoeryeong", "Hoeryeong"),
        ("province", "north_hamgyong", "North Hamgyong"), ("mine", "dancheon", "단천시"),
    ]
    # Offsets point at the words as written.
    for m in gaz.match(text):
        assert text[m.start:m.end] == m.text


def test_kinds_filter(gaz):
    kinds = {m.kind for m in gaz.match("copper from Hyesan in Yanggang", kinds=["mine"])}
    assert kinds == {"mine"}


def test_a_name_added_after_matching_is_found():
    """The gazetteer remembers which words a name can start with: adding a name forgets that."""
    gaz = Gazetteer()
    assert gaz.match("Ore from Kapxyz went north.") == []
    gaz.add("mine", "kapxyz", "Kapxyz", [])
    found = gaz.match("Ore from Kapxyz's pits went north.")
    assert [(m.id, m.text, m.start, m.end) for m in found] == [("kapxyz", "Kapxyz", 9, 15)]


def test_fold_of_ascii_text_is_the_general_fold():
    """ASCII text is folded by dropping the separators and lower-casing: what decomposing, dropping
    the marks and separators, case folding and composing give."""
    import random
    import unicodedata

    from geo.ingest.name_keys import _DROP
    rnd = random.Random(4)
    for _ in range(3000):
        text = "".join(chr(rnd.randint(0, 127)) for _ in range(rnd.randint(0, 10)))
        general = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c) and c not in _DROP)
        assert fold.__wrapped__(text) == unicodedata.normalize("NFC", general.casefold()), text


def test_a_hangul_name_that_begins_with_a_date_is_found_whole():
    """A mine named for a date (3월5일청년광산, the March 5 Youth Mine) is found by its whole name, with or
    without a space or a particle after it; a name whose date only prefixes it ("2.8직동청년탄광") is
    still found after its date."""
    gaz = Gazetteer()
    gaz.add("mine", "march-5-youth", "March 5 Youth Mine", ["3월5일청년광산"])
    gaz.add("mine", "jikdong", "Jikdong Youth Coal Mine", ["직동청년탄광"])
    for text in ("자강도 '3월5일청년광산'의 확장 공사", "3월5일청년광산에서 캔 몰리브덴"):
        assert [(m.id, m.text) for m in gaz.match(text)] == [("march-5-youth", "3월5일청년광산")]
    assert [(m.id, m.text) for m in gaz.match("2.8직동청년탄광에서 석탄을")] == [("jikdong", "직동청년탄광")]
