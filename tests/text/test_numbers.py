"""Counts in Arabic text (issue 4): digits, number words, duals, qualifiers.

Sentences marked with a source are copied from real articles: "dev:<id>" is
/work/shared/corpus/dev/articles.jsonl, "snn:<id>" the SaudiNewsNet 2015
conflict extract (/work/shared/data/raw/saudinewsnet_conflict).
"""

from __future__ import annotations

import pytest

from rasd.text.normalize import normalize
from rasd.text.numbers import find_numbers, parse_number_words


@pytest.mark.parametrize(
    "words, value",
    [
        ("واحد", 1), ("إحدى", 1), ("اثنان", 2), ("اثنتين", 2), ("ثلاثة", 3), ("ثلاث", 3),
        ("ثمانية", 8), ("ثماني", 8), ("عشرة", 10), ("عشر", 10),
        ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("اثنتي عشرة", 12),
        ("ثلاثة عشر", 13), ("تسع عشرة", 19),
        ("عشرون", 20), ("عشرين", 20), ("خمسة وعشرين", 25), ("سبعة وتسعين", 97),
        ("مئة", 100), ("مائة", 100), ("مئتان", 200), ("مائتين", 200),
        ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("خمسمائة", 500),
        ("مائتان وتسعة وثمانون", 289), ("مئة وأحد عشر", 111),
        ("ألف", 1000), ("ألفان", 2000), ("ثلاثة آلاف", 3000), ("أحد عشر ألفاً", 11000),
        ("ثلاثة آلاف وخمسة وعشرون", 3025), ("ألف ومئتان وخمسون", 1250), ("مئة ألف", 100000),
        ("مليون", 1000000), ("مليونين", 2000000), ("ثلاثة ملايين", 3000000),
        ("40 ألف", 40000), ("240 ألفا و831", 240831), ("1.5 مليون", 1500000),
        ("ألفين وخمسمئة", 2500), ("مائة وخمسون ألف", 150000), ("ثلاثة ملايين و500 ألف", 3500000),
        ("تسعمائة وتسعة وتسعون", 999), ("خمسة عشر ألف", 15000), ("ثلاثة آلاف ومئتان", 3200),
        ("1,200", 1200), ("٢٨٩", 289), ("۱۲", 12),
    ],
)
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("text", ["", "قتلى", "ثلاثة قتلى", "السبت"])
def test_parse_number_words_rejects_what_is_not_one_number(text):
    assert parse_number_words(text) is None


def numbers(text: str) -> list[tuple[str, int, bool, str | None, str]]:
    norm, _ = normalize(text)
    return [(m.text, m.value, m.approx, m.qualifier, m.kind) for m in find_numbers(norm)]


@pytest.mark.parametrize(
    "source, text, expected",
    [
        ("dev:northpress-20220122-sinaa-prison", "أكثر من سبعة معتقلين",
         [("اكثر من سبعه", 7, True, "more_than", "words")]),
        ("dev:northpress-20220122-sinaa-prison", "إلقاء القبض على نحو 110 من معتقلي",
         [("نحو 110", 110, True, "about", "digits")]),
        ("dev:northpress-20220122-sinaa-prison", "من سحب جثتين لعناصر",
         [("جثتين", 2, False, None, "dual")]),
        ("dev:northpress-20220122-sinaa-prison", "وقضى في الهجوم عنصران من وحدات مقاومة شنكال",
         [("عنصران", 2, False, None, "dual")]),
        ("dev:snn_fe0863b3783b", "إن ضابطي شرطة ومجندا أصيبوا",
         [("ضابطي", 2, False, None, "dual")]),
        ("dev:snn_8a130ca110df", "ومقتل ما لا يقل عن 12 عنصرًا",
         [("ما لا يقل عن 12", 12, True, "at_least", "digits")]),
        ("dev:snn_329da700d8af", "حصيلة الضحايا بلغت 20 قتيلاً على الأقل",
         [("20", 20, False, None, "digits")]),
        ("snn:snn_133ef2d7e331", "عن مقتل قرابة 50 شخصا منهم",
         [("قرابه 50", 50, True, "about", "digits")]),
        ("snn:snn_bc613b149c8b", "عن مقتل ما يقارب 6 من المقاومة",
         [("ما يقارب 6", 6, True, "about", "digits")]),
        ("snn:snn_84fcb28d93ff", "عن مقتل العشرات من المسلحين الحوثيين",
         [("العشرات", 10, True, "vague", "vague")]),
        ("snn:snn_46451515a02f", "لاختطاف عدد من أبناء القرية",
         [("عدد من", 0, True, "vague", "vague")]),
        ("dev:snn_7389f7f10b5c", "240 ألفا و831 قتيلا",
         [("240 الفا و831", 240831, False, None, "digits")]),
        ("snn:snn_1c5450ab877c", "سقوط 21 قتيلا وسبعة وتسعين جريحا",
         [("21", 21, False, None, "digits"), ("سبعه وتسعين", 97, False, None, "words")]),
        ("dev:snn_a8fd2a3007c1", "استشهاد (15) خمسة عشر مصلياً",
         [("15", 15, False, None, "digits"), ("خمسه عشر", 15, False, None, "words")]),
        ("snn:snn_27fbaa7787b8", "قتل مدنين 2 و5 جرحى",
         [("2", 2, False, None, "digits"), ("5", 5, False, None, "digits")]),
    ],
)
def test_find_numbers_in_real_text(source, text, expected):
    assert numbers(text) == expected, source


def test_ranges_give_the_lower_figure():
    assert numbers("سقط بين 10 و15 قتيلا") == [("10 و15", 10, True, "range", "digits")]
    assert numbers("قتل ما بين خمسة وعشرة") == [("خمسه وعشره", 5, True, "range", "words")]
    assert numbers("من 3 إلى 5 أشخاص") == [("3 الي 5", 3, True, "range", "digits")]
    assert numbers("قتل 3 أو 4") == [("3 او 4", 3, True, "range", "digits")]


def test_vague_plurals_of_scales():
    assert numbers("نزوح عشرات الآلاف") == [("عشرات الالاف", 10000, True, "vague", "vague")]
    assert numbers("ومئات الجرحى") == [("ميات", 100, True, "vague", "vague")]


def test_qualifier_after_a_count():
    assert numbers("قتل 12 على الأقل") == [("12 علي الاقل", 12, True, "at_least", "digits")]


def test_weekdays_and_names_are_not_numbers():
    # «الاثنين»/«الأحد» are weekdays; «طالبان» is the Taliban, not two students.
    assert numbers("يوم الاثنين والأحد") == []
    assert numbers("حركة طالبان") == []


def test_a_word_that_begins_with_wa_is_not_split_when_it_is_a_number():
    assert numbers("مدني واحد") == [("واحد", 1, False, None, "words")]


def test_offsets_point_into_the_normalised_text():
    norm, _ = normalize("قُتل ١٥ شخصاً وأُصيب ثلاثة وعشرون")
    found = find_numbers(norm)
    assert [(m.value, norm[m.start:m.end]) for m in found] == [(15, "15"), (23, "ثلاثه وعشرون")]


def test_tens_and_hundreds_of_thousands_without_the_article():
    assert numbers("وقتل عشرات آلاف الأشخاص") == [("عشرات الاف", 10000, True, "vague", "vague")]
    assert numbers("نزوح مئات آلاف المدنيين") == [("ميات الاف", 100000, True, "vague", "vague")]
