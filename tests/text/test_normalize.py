"""Normalisation for matching, with an exact map back to the original text (issue 4)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import normalize, normalize_compact, normalize_word


def test_letter_variants_fold_to_one_spelling():
    assert normalize_word("أإآٱ") == "اااا"
    assert normalize_word("مستشفى") == "مستشفي"
    assert normalize_word("الإسلامية") == "الاسلاميه"
    assert normalize_word("مسؤول") == "مسوول" and normalize_word("رئيس") == "رييس"


def test_tatweel_diacritics_and_invisible_controls_are_dropped():
    assert normalize_word("لـ”داعش”") == 'ل"داعش"'
    assert normalize_word("عنصراً") == "عنصرا"
    assert normalize_word("قُتِلَ") == "قتل"
    assert normalize_word("شدّة") == "شده"
    assert normalize_word("\u200fقسد\u200e\u200b") == "قسد"
    assert normalize_word("ٌقسد") == "قسد"  # a stray tanwin before a word, seen in dev text


def test_digits_and_punctuation_become_ascii():
    assert normalize_word("٢٨٩ و۱۲") == "289 و12"
    assert normalize_word("٣٫٥ ١٬٢٠٠") == "3.5 1,200"
    assert normalize_word("قال، ثم؛ لماذا؟") == "قال, ثم; لماذا?"
    assert normalize_word("“داعش” «قسد» ‹س› „ع“") == '"داعش" "قسد" "س" "ع"'
    assert normalize_word("الحسكة– نورث—برس") == "الحسكه- نورث-برس"
    assert normalize_word("a\u00a0b\u202fc") == "a b c"


def test_persian_and_kurdish_letters_in_names():
    assert normalize_word("کرکوک") == "كركوك"
    assert normalize_word("ڕۆژئاڤا") == "روزيافا"
    assert normalize_word("ی ک ە") == "ي ك ه"


def test_presentation_forms_become_plain_letters():
    # «مستشفى ﺍﻟﻘﺎﺿﻲ» as pasted into a SaudiNewsNet article (snn_38ce7d2a983b)
    assert normalize_word("ﺍﻟﻘﺎﺿﻲ") == "القاضي"
    norm, offsets = normalize("ﻻ إصابات")
    assert norm == "لا اصابات"
    assert offsets[:3] == [0, 0, 1]  # the ligature's two letters share its offset


def test_map_points_every_character_back():
    text = "قُتِلَ ١٥ عنصراً لـ”داعش”"
    norm, offsets = normalize(text)
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(text)
    a = norm.index("داعش")
    assert text[offsets[a]:offsets[a + 4]] == "داعش"
    a = norm.index("15")
    assert text[offsets[a]:offsets[a + 2]] == "١٥"


# Characters news text is made of, weighted towards the ones normalisation
# changes: letters and their variants, diacritics, tatweel, digits of three
# scripts, quotes, controls, presentation forms and ligatures, Latin, spaces.
_ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱىئؤةء" "کگیۀەھۆڕڵپڤچژ"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
    "“”«»‹›„\"'‘’،؛؟.,-–— \n\t\u00a0"
    "\u200b\u200c\u200d\u200e\u200f\u202b\u202c\u2067\ufeff"
    "ﺍﻟﻘﺎﺿﻲﻻﻷﷲﷺﹰﯪ"
    "abcXYZ"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.data())
def test_every_normalised_range_maps_back_to_an_original_range_that_normalises_to_it(text, data):
    norm, offsets = normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets[-1] == len(text)
    assert all(x <= y for x, y in zip(offsets, offsets[1:]))
    # Range ends that do not cut a ligature's expansion in two.
    bounds = [i for i in range(len(norm) + 1) if i in (0, len(norm)) or offsets[i] != offsets[i - 1]]
    a = data.draw(st.sampled_from(bounds))
    b = data.draw(st.sampled_from([x for x in bounds if x >= a]))
    original = text[offsets[a]:offsets[b]]
    assert normalize(original)[0] == norm[a:b]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_normalisation_is_idempotent(text):
    norm, _ = normalize(text)
    assert normalize(norm)[0] == norm


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_the_compact_map_holds_the_same_offsets_as_the_list(text):
    norm, offsets = normalize(text)
    compact_norm, compact = normalize_compact(text)
    assert compact_norm == norm
    assert len(compact) == len(offsets) and compact.tolist() == offsets


def test_a_document_maps_back_through_the_compact_map():
    # The pipeline keeps the compact map: indexing and bisect read it like a list.
    from bisect import bisect_left

    from rasd.model import Article, Document

    text = "ﻻ إصابات، قُتِلَ ١٥ عنصراً لـ”داعش”"
    doc = Document(article=Article(id="a", text=text), text=text)
    doc.norm, doc.norm_map = normalize_compact(text)
    a = doc.norm.index("داعش")
    s, e = doc.to_original(a, a + 4)
    assert text[s:e] == "داعش"
    assert bisect_left(doc.norm_map, s) == a


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=30))
def test_normalize_word_is_the_text_of_normalize(word):
    assert normalize_word(word) == normalize(word)[0]


def test_every_character_folds_alone_as_in_running_text():
    # Each character of the Basic Multilingual Plane, alone and in one long
    # text (longer than any cached stretch of the offset map), folds the same
    # way, and the compact map of the long text is the list map.
    chars = [chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c < 0xE000]
    alone = [normalize(c)[0] for c in chars]
    text = "".join(chars) * 3
    norm, offsets = normalize(text)
    assert norm == "".join(alone) * 3
    compact_norm, compact = normalize_compact(text)
    assert compact_norm == norm and compact.tolist() == offsets
    assert normalize_word("مدينةُ الرَّقّة") == "مدينه الرقه"


def test_the_compact_map_is_right_when_threads_normalise_long_texts_at_once():
    from concurrent.futures import ThreadPoolExecutor

    texts = ["قُتل 3 أشخاص في الرقّة، " * (400 * k) for k in range(1, 25)]

    def check(text: str) -> bool:
        norm, compact = normalize_compact(text)
        return compact.tolist() == normalize(text)[1]

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(check, texts))
