"""Clitic-aware tokens and the phrase matcher (issue 4: «وبالحسكة» finds الحسكة)."""

from __future__ import annotations

import time

import pytest

from rasd.text.normalize import normalize
from rasd.text.tokens import PhraseMatcher, tokenize


def norm(text: str) -> str:
    return normalize(text)[0]


def matcher(*phrases: str, article_optional: bool = True) -> PhraseMatcher[str]:
    m: PhraseMatcher[str] = PhraseMatcher(article_optional=article_optional)
    for p in phrases:
        m.add(p, p)
    return m


def found(m: PhraseMatcher[str], text: str) -> list[tuple[str, str, str]]:
    n = norm(text)
    return [(x.payload, x.text, x.clitics) for x in m.find(n)]


# --- tokenize -------------------------------------------------------------

def test_tokens_are_words_with_offsets_into_the_normalised_text():
    n = norm("قتل 3 عناصر، وأصيب آخرون.")
    toks = tokenize(n)
    assert [t.text for t in toks] == ["قتل", "3", "عناصر", "واصيب", "اخرون"]
    for t in toks:
        assert n[t.start:t.end] == t.text


def test_digits_glued_to_a_word_are_a_separate_token():
    assert [t.text for t in tokenize(norm("سقوط 3قتلى"))] == ["سقوط", "3", "قتلي"]


def test_stem_strips_only_unambiguous_article_chains():
    toks = {t.text: t for t in tokenize(norm("وبالحسكة للجيش بغداد وليد والقوات"))}
    assert (toks["وبالحسكه"].stem, toks["وبالحسكه"].clitics) == ("حسكه", "وبال")
    assert (toks["للجيش"].stem, toks["للجيش"].clitics) == ("جيش", "لل")
    assert (toks["والقوات"].stem, toks["والقوات"].clitics) == ("قوات", "وال")
    # Names that merely begin with clitic letters keep them.
    assert toks["بغداد"].stem == "بغداد" and toks["بغداد"].clitics == ""
    assert toks["وليد"].stem == "وليد"


def test_clitic_written_apart_before_a_quote_joins_its_word():
    # «لـ”داعش”»: the tatweel is dropped by normalisation, the quote stays.
    toks = tokenize(norm("الخلايا النائمة لـ”داعش” حراس"))
    joined = [t for t in toks if t.stem == "داعش"]
    assert len(joined) == 1
    assert joined[0].clitics == "ل"
    assert "ل" not in [t.text for t in toks]


def test_tokenize_a_range_only():
    n = norm("سقط قتيل. ثم جرح اثنان")
    s = n.index("ثم")
    assert [t.text for t in tokenize(n, s)] == ["ثم", "جرح", "اثنان"]


# --- PhraseMatcher --------------------------------------------------------

@pytest.mark.parametrize(
    "text, clitics",
    [
        ("وبالحسكة", "وب"),
        ("بالحسكة", "ب"),
        ("والحسكة", "و"),
        ("فالحسكة", "ف"),
        ("الحسكة", ""),
        ("كالحسكة", "ك"),
    ],
)
def test_proclitics_before_a_place_with_article(text, clitics):
    assert found(matcher("الحسكة"), f"في {text} اليوم") == [("الحسكة", "الحسكه", clitics)]


def test_lil_chain_elides_the_alef_and_the_span_starts_after_it():
    n = norm("توجهت للحسكة وللرقة")
    hits = matcher("الحسكة", "الرقة").find(n)
    assert [(h.payload, h.text, h.clitics) for h in hits] == [
        ("الحسكة", "حسكه", "لل"),
        ("الرقة", "رقه", "ولل"),
    ]


def test_clitics_on_a_name_without_article():
    assert found(matcher("قسد"), "هجوم لقسد ولقسد وبقسد") == [
        ("قسد", "قسد", "ل"),
        ("قسد", "قسد", "ول"),
        ("قسد", "قسد", "وب"),
    ]


def test_quoted_name_after_a_detached_clitic():
    assert found(matcher("داعش"), "الخلايا النائمة لـ”داعش” و«داعش»") == [
        ("داعش", "داعش", "ل"),
        ("داعش", "داعش", "و"),
    ]


def test_names_beginning_with_clitic_letters_are_not_broken():
    m = matcher("بغداد", "ليبيا", "غداد", "يبيا")
    # The literal reading wins over a clitic split when both are known.
    assert found(m, "من بغداد إلى ليبيا") == [("بغداد", "بغداد", ""), ("ليبيا", "ليبيا", "")]
    assert found(m, "وببغداد") == [("بغداد", "بغداد", "وب")]


def test_article_optional_on_first_word_both_ways():
    m = matcher("الحسكة", "داعش")
    assert found(m, "مدينة حسكة") == [("الحسكة", "حسكه", "")]
    assert found(m, "عناصر الداعش") == [("داعش", "الداعش", "")]


def test_article_can_be_required():
    m = matcher("الباب", article_optional=False)
    assert found(m, "أغلق باب السجن") == []
    assert found(m, "في مدينة الباب وبالباب") == [("الباب", "الباب", ""), ("الباب", "الباب", "وب")]


def test_longest_match_wins_and_matches_do_not_overlap():
    m = matcher("تنظيم الدولة", "تنظيم الدولة الإسلامية", "الدولة الإسلامية", "سوريا", "قوات سوريا الديمقراطية")
    assert found(m, "خلايا تنظيم الدولة الإسلامية ضد قوات سوريا الديمقراطية في سوريا") == [
        ("تنظيم الدولة الإسلامية", "تنظيم الدوله الاسلاميه", ""),
        ("قوات سوريا الديمقراطية", "قوات سوريا الديمقراطيه", ""),
        ("سوريا", "سوريا", ""),
    ]


def test_a_longer_phrase_starting_later_is_not_hidden_by_a_shorter_one():
    m = matcher("ريف", "ريف دير", "دير الزور الشرقي")
    # "ريف دير" (2 words) vs "دير الزور الشرقي" (3 words): the longer one wins.
    got = found(m, "في ريف دير الزور الشرقي")
    assert ("دير الزور الشرقي", "دير الزور الشرقي", "") in got
    assert ("ريف", "ريف", "") in got


def test_phrases_do_not_run_over_punctuation_or_line_breaks():
    m = matcher("سجن الصناعة")
    assert found(m, "السجن، الصناعة") == []
    assert found(m, "سجن\nالصناعة") == []
    assert found(m, "سجن  الصناعة") == [("سجن الصناعة", "سجن  الصناعه", "")]


def test_matches_only_whole_words():
    m = matcher("قسد")
    assert found(m, "مقسدين") == []


def test_normalised_forms_match_spelling_variants():
    m = matcher("الأمريكية", "مؤسسة")
    assert found(m, "القوات الامريكيه وموسسة") == [
        ("الأمريكية", "الامريكيه", ""),
        ("مؤسسة", "موسسه", "و"),
    ]


def test_find_in_a_range_and_offsets_point_into_norm():
    m = matcher("داعش")
    n = norm("هاجم داعش السجن. ثم انسحب داعش")
    s = n.index("ثم")
    hits = m.find(n, s)
    assert len(hits) == 1 and hits[0].start > s
    assert n[hits[0].start:hits[0].end] == "داعش"


def test_add_again_replaces_payload_and_get_contains_len():
    m: PhraseMatcher[int] = PhraseMatcher()
    m.add("الحسكة", 1)
    m.add("الحسكة", 2)
    m.add("داعش", 3)
    assert len(m) == 2
    assert m.get("الحسكة") == 2 and "داعش" in m and "قسد" not in m


def test_matching_is_fast_with_many_phrases():
    m: PhraseMatcher[int] = PhraseMatcher()
    for i in range(20000):
        m.add(f"قرية رقم{i}", i)
    m.add("الحسكة", -1)
    text = norm("وقالت مصادر إن الاشتباكات في محيط سجن الصناعة بالحسكة مستمرة. " * 50)  # ~3 KB
    m.find(text)
    t0 = time.perf_counter()
    for k in range(50):
        m.find(text + str(k))  # defeat the tokenisation cache
    per_article = (time.perf_counter() - t0) / 50
    assert per_article < 0.05  # very generous (loaded CI machines); typically ~1-2 ms


# Property: whatever words, clitics and phrases, matches are well-formed and
# every phrase written with a proclitic is found.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VOCAB = ["الحسكه", "داعش", "قوات", "سوريا", "الديمقراطيه", "سجن", "الصناعه", "بغداد", "ليبيا", "وادي", "شيلو", "حي"]
_CLITICS = ["", "و", "ب", "ل", "ف", "وب", "ول", "فب", "ك"]


@settings(max_examples=150, deadline=None)
@given(
    phrases=st.lists(st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=3), min_size=1, max_size=6),
    words=st.lists(st.tuples(st.sampled_from(_CLITICS), st.sampled_from(_VOCAB)), max_size=25),
    seps=st.lists(st.sampled_from([" ", "  ", ", ", ". ", "\n", ' "']), min_size=25, max_size=25),
)
def test_matches_are_well_formed(phrases, words, seps):
    m: PhraseMatcher[str] = PhraseMatcher()
    for p in phrases:
        m.add(" ".join(p), " ".join(p))
    text = "".join(c + w + seps[i] for i, (c, w) in enumerate(words))
    hits = m.find(text)
    last_end = -1
    for h in hits:
        assert text[h.start:h.end] == h.text
        assert h.start >= last_end  # in order, no overlap
        last_end = h.end
        # The clitics sit right before the match (a detached one before a quote).
        assert text[:h.start].rstrip('"').endswith(h.clitics)
        assert h.payload in m


@settings(max_examples=100, deadline=None)
@given(phrase=st.lists(st.sampled_from(_VOCAB), min_size=1, max_size=3), clitic=st.sampled_from(_CLITICS))
def test_a_phrase_with_any_proclitic_is_found(phrase, clitic):
    m: PhraseMatcher[str] = PhraseMatcher()
    m.add(" ".join(phrase), "hit")
    text = "قال المصدر " + clitic + " ".join(phrase) + " امس"
    hits = m.find(text)
    assert [h.payload for h in hits] == ["hit"]
    assert hits[0].clitics == clitic
    assert hits[0].text == " ".join(phrase)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="وبلفكال\"'` -.داعشx3", max_size=40), data=st.data())
def test_the_quick_detached_clitic_check_agrees_with_the_pattern(text, data):
    # The scan's fast path depends on it: a clitic written apart before a quote
    # («ل"داعش») must never be missed, at any start/end inside the text.
    from rasd.text.tokens import _DETACHED, _has_detached

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _has_detached(text, start, end) == (_DETACHED.search(text, start, end) is not None)


def test_a_clitic_written_apart_before_a_quote_is_one_token_with_its_word():
    toks = tokenize(normalize('هاجم عناصر تابعون لـ”داعش” القرية')[0])
    assert [t.text for t in toks] == ["هاجم", "عناصر", "تابعون", 'ل"داعش', "القريه"]
    assert toks[3].stem == "داعش" and toks[3].clitics == "ل"


def test_a_matcher_written_as_plain_data_and_read_back_finds_the_same():
    import marshal

    m = matcher("الحسكة", "دير الزور", "ريف دير الزور", "داعش", "حي الشيخ مقصود", article_optional=True)
    m.add("الباب", "town")
    text = "قصف على وبالحسكة وريف دير الزور ول\"داعش\" في حي الشيخ مقصود والباب وحسكة."
    copy = PhraseMatcher.from_data(marshal.loads(marshal.dumps(m.to_data())))
    assert found(copy, text) == found(m, text)
    assert len(found(m, text)) == 6
    assert len(copy) == len(m) and copy.get("الباب") == "town" and "داعش" in copy
    strict = PhraseMatcher.from_data(matcher("الباب", article_optional=False).to_data())
    assert found(strict, "فتح باب المدرسة") == []


def test_a_token_view_reads_the_same_tokens_as_tokenize():
    from rasd.text.tokens import TokenView

    n = norm("قتل 3 مدنيين وبالحسكة ل\"داعش\" والمسلحين في ريف حلب.")
    for start, end in ((0, None), (4, 30)):
        tokens = tokenize(n, start, end)
        view = TokenView(n, start, end)
        assert len(view) == len(tokens) > 3
        assert [view[i] for i in range(len(view))] == tokens
        assert view[-1] == tokens[-1] and view[1:3] == tokens[1:3] and list(view) == tokens
    view = TokenView(n)
    assert view[2] is view[2]  # made once, then shared
    with pytest.raises(IndexError):
        view[len(view)]


def test_a_word_read_with_and_without_its_clitic_keeps_the_longest_phrase():
    # «بغداد» is a name on its own, and ب + «غداد الجديدة» a longer one: the
    # longer phrase wins, the literal reading is kept where it stands alone.
    m = matcher("بغداد", "غداد الجديدة", "حي")
    assert found(m, "في بغداد الجديدة وفي بغداد حي") == [
        ("غداد الجديدة", "غداد الجديده", "ب"),
        ("بغداد", "بغداد", ""),
        ("حي", "حي", ""),
    ]
    # Without overlaps every hit is kept, in text order.
    assert [h for h, _, _ in found(m, "حي بغداد حي")] == ["حي", "بغداد", "حي"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="دمشقالحسكهabcXÉٹپ0129٣ _-،,.\n", max_size=40), st.data())
def test_a_word_is_a_run_of_letters_of_any_script_or_a_run_of_digits(text, data):
    import re

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [(m.start(), m.end(), m.group()) for m in re.compile(r"[^\W\d_]+|\d+").finditer(text, start, end)]
    assert [(t.start, t.end, t.text) for t in tokenize(text, start, end)] == expected


def test_a_match_is_a_frozen_value():
    import dataclasses

    m = matcher("الحسكة")
    hit = m.find(norm("في الحسكة"))[0]
    assert hit == type(hit)(hit.start, hit.end, hit.text, hit.clitics, hit.payload)
    assert hash(hit) == hash(type(hit)(hit.start, hit.end, hit.text, hit.clitics, hit.payload))
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.start = 0  # type: ignore[misc]


def test_a_phrase_added_after_a_text_was_matched_is_found_in_it():
    # find() remembers which words start a phrase; adding a phrase forgets it.
    text = "قصفت طائرات حربية بلدة الشيخ مسكين في ريف درعا"
    m = matcher("درعا")
    assert found(m, text) == [("درعا", "درعا", "")]
    m.add("الشيخ مسكين", "الشيخ مسكين")
    assert found(m, text) == [("الشيخ مسكين", "الشيخ مسكين", ""), ("درعا", "درعا", "")]


def test_matchers_over_one_text_each_find_their_own_phrases():
    # The words of a text are shared by the matchers run over it, not their hits.
    n = norm("اندلعت اشتباكات بين الجيش ومسلحين في مدينة حلب وريف إدلب")
    places, actors = matcher("حلب", "إدلب"), matcher("الجيش", "مسلحين")
    for _ in range(2):
        assert [x.payload for x in places.find(n)] == ["حلب", "إدلب"]
        assert [(x.payload, x.clitics) for x in actors.find(n)] == [("الجيش", ""), ("مسلحين", "و")]
    assert [x.payload for x in places.find(norm("قتل مدني بقصف على إدلب"))] == ["إدلب"]
