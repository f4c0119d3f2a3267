"""The learned event-sentence filter (rasd.events.sentence_filter).

Spec §1 "Not events": plans, threats, warnings, statements, analysis are not
events. The rules propose an event wherever a trigger meets a place, a date
or a toll; the filter vetoes a proposed event when a small model trained on
hand-labelled sentences (training/sentence_filter/) is sure that none of its
sentences reports one. The mechanism is tested with a tiny explicit model;
the shipped model on sentences written in general news style.
"""

from datetime import date

import pytest

from rasd.events import sentence_filter as SF
from rasd.events.extract import EventStage
from rasd.model import Article
from rasd.pipeline import Pipeline, finalize_stage, normalize_stage, segment_stage
from rasd.places.stage import places_stage

PUB = date(2015, 7, 27)


def _pipeline(sentence_filter):
    return Pipeline([("normalize", normalize_stage), ("segment", segment_stage), ("places", places_stage),
                     ("events", EventStage(sentence_filter=sentence_filter)), ("finalize", finalize_stage)])


def _stub(*stems: str) -> SF.SentenceFilter:
    """A model that calls every sentence holding one of these stems `not_event`."""
    return SF.SentenceFilter(labels=tuple(SF.LABELS), bias=(0.0, 0.0, 0.0),
                             weights={f"s:{stem}": (0.0, 0.0, 60.0) for stem in stems})


ARTICLE = Article(id="filter", published=PUB, text=(
    "مقتل خمسة جنود في انفجار عبوة ناسفة بالعريش\n\n"
    "قتل خمسة جنود مصريين أمس الأحد في انفجار عبوة ناسفة استهدفت دوريتهم في مدينة العريش بشمال سيناء، "
    "بحسب مصادر أمنية.\n"
    "وفي مدينة رفح اندلعت اشتباكات عنيفة بين الجيش ومسلحين مساء أمس.\n"
    "كما اعتقلت قوات الأمن ثلاثة مشتبه بهم في مدينة الشيخ زويد أمس."))


def _kinds(events):
    return sorted((e.event_type, e.location) for e in events)


def test_features_fold_proclitics_and_numbers():
    f = SF.features("وبالحسكة قتل 12 عنصرا")
    assert "s:حسكه" in f and "w:0" in f and "b:حسكه قتل" in f
    assert abs(sum(v * v for v in f.values()) - 1.0) < 1e-9


def test_a_vetoed_sentence_loses_its_event_and_the_others_stay():
    kept = _kinds(_pipeline(_stub("رفح")).extract(ARTICLE))
    assert ("Battles", "Rafah") not in kept
    assert ("Explosions/Remote violence", "Arish") in kept
    assert ("Battles", "Rafah") in _kinds(_pipeline(False).extract(ARTICLE))


def test_the_lead_event_is_never_vetoed():
    # The title and first sentence tell the story's own event, even through a reaction.
    assert ("Explosions/Remote violence", "Arish") in _kinds(_pipeline(_stub("عريش")).extract(ARTICLE))


def test_strategic_developments_are_not_vetoed():
    # Arrests, curfews, agreements: outside what the guidelines' not_event list separates.
    kinds = _kinds(_pipeline(_stub("قوات")).extract(ARTICLE))
    assert any(t == "Strategic developments" for t, _ in kinds)


def test_off_switch_keeps_every_rule_event():
    assert EventStage(sentence_filter=False).sentence_filter is None
    assert EventStage(sentence_filter=True).sentence_filter is not None


@pytest.fixture(scope="module")
def model():
    return SF.load_filter()


def test_shipped_model_has_three_labels_and_probabilities(model):
    p = model.probabilities("قتل جندي في هجوم على نقطة تفتيش.")
    assert set(p) == set(SF.LABELS)
    assert abs(sum(p.values()) - 1.0) < 1e-9


@pytest.mark.parametrize("sentence", [
    # calls, analysis, forecasts: spec §1 "Not events"
    "ودعا الأمين العام للأمم المتحدة جميع الأطراف في اليمن إلى ضبط النفس ووقف القتال.",
    "وقال المحلل السياسي إن الحرب في سوريا ستستمر طويلا ما لم يتم التوصل إلى حل سياسي.",
    "وتوقع مصدر عسكري أن تبدأ عملية تحرير المدينة خلال الأيام المقبلة بمشاركة آلاف المقاتلين.",
])
def test_statements_analysis_and_plans_read_as_no_event(model, sentence):
    assert model.probabilities(sentence)["not_event"] >= SF.VETO_THRESHOLD


@pytest.mark.parametrize("sentence", [
    "قتل خمسة جنود أمس الأحد في انفجار عبوة ناسفة استهدفت دوريتهم في مدينة العريش.",
    "وشنت طائرات التحالف ست غارات جوية على مواقع المتمردين في مديرية صرواح أمس.",
    "واندلعت اشتباكات عنيفة بين الجيش والمسلحين في حي الشيخ مقصود بمدينة حلب.",
])
def test_reported_events_are_never_vetoed(model, sentence):
    assert model.probabilities(sentence)["not_event"] < 0.2
    assert not SF.vetoed(model, [SF.normalize(sentence)[0]])
