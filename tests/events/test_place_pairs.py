"""Spec §1: one event per place — also when a dual head («منطقتي X وY») names two
places the gazetteer does not know, hanging on a town it does."""

from datetime import date

import pytest
from fake_places import iraqi_place, pipeline_with_places

from rasd.events.lexicon import load_lexicon
from rasd.events.pairs import find_pairs
from rasd.model import Article
from rasd.text.normalize import normalize


@pytest.fixture(scope="module")
def pipeline():
    return pipeline_with_places({"الرمادي": iraqi_place("Ramadi", "Al-Anbar", 33.42, 43.30)})


def pairs(text):
    lex = load_lexicon()
    norm, _ = normalize(text)
    return [(norm[p.first[0]:p.first[1]], norm[p.second[0]:p.second[1]])
            for p in find_pairs(norm, 0, len(norm), lex.dual_heads, lex.name_prefixes)]


def test_dual_heads_name_two_places_with_clitics_and_two_word_names():
    assert pairs("في منطقتي الزوية والصكرة شمال") == [("الزويه", "الصكره")]
    assert pairs("وسيطروا على قريتي تل مسعود وعين عيسى.") == [("تل مسعود", "عين عيسي")]
    assert pairs("بمعسكري لبوزة ووادي عطان") == [("لبوزه", "وادي عطان")]
    assert pairs("في منطقتي الفلاحات غرب الفلوجة وصبيحات شرقها") == [("الفلاحات", "صبيحات")]


def test_a_singular_head_or_a_list_cut_by_a_full_stop_is_no_pair():
    assert pairs("في منطقة الزوية والصكرة") == []
    assert pairs("في منطقتي الزوية. والصكرة") == []


def test_two_unknown_villages_under_a_dual_head_are_two_events_sharing_the_toll(pipeline):
    text = ("العراق: هاجم تنظيم داعش أمس قطعات الجيش العراقي في منطقتي البو ذياب والتأميم شمال الرمادي، "
            "وأسفرت الاشتباكات عن مقتل 25 من عناصر التنظيم.")
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert sorted(e.location_ar for e in clashes) == ["البو ذياب", "التأميم"]
    assert sorted(e.fatalities for e in clashes) == [12, 13]
    assert all(e.location == "Ramadi" and e.geo_precision == 2 for e in clashes)
