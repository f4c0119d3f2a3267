"""Spec §1: one event per place — also when a dual head («منطقتي X وY») names two
places the gazetteer does not know, hanging on a town it does."""

from dataclasses import dataclass
from datetime import date

import pytest

from rasd.events.extract import EventStage
from rasd.events.lexicon import load_lexicon
from rasd.events.pairs import find_pairs
from rasd.model import Article, Mention
from rasd.pipeline import Pipeline, finalize_stage, normalize_stage, segment_stage
from rasd.text.normalize import normalize, normalize_word


@dataclass
class FakePlace:
    start: int
    end: int
    text: str
    location: str
    location_ar: str
    latitude: float
    longitude: float
    geo_precision: int
    country: str
    iso3: str
    admin1: str
    admin2: str | None = None
    admin3: str | None = None


def only_ramadi(doc):
    key = normalize_word("الرمادي")
    start = doc.norm.find(key)
    while start >= 0:
        end = start + len(key)
        p = FakePlace(start, end, doc.norm[start:end], "Ramadi", "الرمادي", 33.42, 43.30, 1, "Iraq", "IRQ", "Al-Anbar")
        s, e = doc.norm_map[start], doc.norm_map[end]
        doc.mentions.append(Mention("place", s, e, doc.text[s:e], p))
        start = doc.norm.find(key, end)
    return doc


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline([("normalize", normalize_stage), ("segment", segment_stage),
                     ("places", only_ramadi), ("events", EventStage()), ("finalize", finalize_stage)])


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
