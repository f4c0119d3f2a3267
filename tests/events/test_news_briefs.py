"""A news brief or one sentence handed over alone is a report (spec §1): its
events come out with the publication day (precision 2) when it names no day,
while a column or analysis, judged on a whole article, still gives none."""

from datetime import date

import pytest

from rasd.model import Article

PUB = date(2023, 5, 8)


def current(pipeline, text):
    return [e for e in pipeline.extract(Article(id="t", text=text, published=PUB)) if e.status == "current"]


@pytest.mark.parametrize("text, event_type", [
    ("اندلعت اشتباكات عنيفة بين قوات النظام وفصائل المعارضة في محيط بلدة كفرنبودة بريف حماة الشمالي.",
     "Battles"),
    ("قصفت قوات النظام بالمدفعية الثقيلة قرى في جبل الزاوية جنوبي إدلب.", "Explosions/Remote violence"),
    ("انفجرت عبوة ناسفة بدورية للجيش العراقي في قضاء الطارمية شمالي بغداد.", "Explosions/Remote violence"),
    ("اختطف مسلحون مجهولون ثلاثة مدنيين على طريق دمشق درعا الدولي.", "Violence against civilians"),
    ("نظم عشرات من أهالي المعتقلين وقفة احتجاجية أمام مبنى المحافظة في مدينة إدلب.", "Protests"),
])
def test_a_single_undated_sentence_reports_its_event_on_the_publication_day(pipeline, text, event_type):
    events = current(pipeline, text)
    assert [e.event_type for e in events] == [event_type]
    assert (events[0].event_date, events[0].time_precision) == (PUB.isoformat(), 2)


def test_a_two_sentence_brief_with_a_dateline_is_a_report(pipeline):
    events = current(pipeline, "حلب - رويترز\n\nسقطت قذائف هاون على حي الميدان في مدينة حلب. "
                               "وأصيب ثلاثة مدنيين بجروح.")
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_an_undated_analysis_of_many_sentences_still_reports_nothing(pipeline):
    text = " ".join([
        "يرى كثير من المراقبين أن الحرب في سوريا دخلت مرحلة جديدة.",
        "فالقصف على المدن لم يتوقف منذ سنوات، والاشتباكات بين الفصائل تتكرر.",
        "ويعتقد محللون أن الحل السياسي ما زال بعيدا.",
        "وتبقى المعارك سمة المشهد في الشمال والجنوب على حد سواء.",
    ])
    assert current(pipeline, text) == []
