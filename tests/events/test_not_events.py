"""Sentences that mention violence without reporting an event make none (spec §1),
and sentences that report one do."""

from datetime import date

import pytest

from rasd.model import Article
from rasd.pipeline import Pipeline

PUB = date(2015, 8, 6)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


@pytest.mark.parametrize("text", [
    "هل تشن القوات التركية هجوماً جديداً على مواقع حزب العمال الكردستاني؟",
    # A possible attack or unrest («احتمال», «إمكانية») has not happened.
    "وتشهد العاصمة توترا أمنيا مع احتمال اندلاع اشتباكات جديدة بين الطرفين.",
    "وقال دبلوماسيون إن الانتخابات تزيد احتمالات اندلاع أعمال عنف في البلاد.",
    # The protest movement is a body, not a protest.
    "ومع إجراء الانتخابات وتقييد حركة الاحتجاج أمس في العاصمة بوجمبورا، بات الرئيس في موقع قوة.",
    # Fighting urged is not fought; a custody that goes on is no new arrest.
    "وعثر في منزله أمس على كتب تكفيرية تحث على القتال والإرهاب في مدينة الموصل.",
    "وقال المسؤولون إن زوجته قيد الاعتقال لدى القوات الأميركية في العراق منذ أمس.",
    "وقال مصدر عسكري أمس إن الجيش سيواصل الهجمات على مواقع المسلحين في مدينة الرمادي.",
    "وقال مصدر محلي أمس إن أهالي تكريت يطالبون بمحاسبة المسؤولين عن مجزرة سبايكر.",
    # The pluperfect «وكان ... قد» recalls an earlier, undated time.
    "أفادت مصادر أمنية بأن الوضع هادئ في الرمادي. وكانت قوات الأمن العراقية قد نقلت عشرات المسلحين "
    "من سجون المدينة إلى سجن كبير قرب العاصمة العراقية بعد اعتقالهم في مدينة الرمادي.",
    "وقال مصدر محلي أمس إن المقاتلين يأملون استعادة السيطرة على مدينة الرمادي.",
    "وتوعد الجيش العراقي منفذي الهجوم بالرد القاسي.",
    "وهدد الحوثيون بقصف المدن السعودية.",
    "ونفت وزارة الدفاع التركية أن تكون طائراتها قد قصفت قرى في شمال العراق.",
    "وقالت القيادة الوسطى الأميركية إنها تراقب الاشتباكات في المنطقة.",
    "وأصيب مراسل الوكالة بجروح نتيجة حادث سير على طريق المطار.",
    "وتستعد قوات المقاومة الشعبية لشن هجوم على مواقع الحوثيين في الساعات القادمة.",
    "وإذا هاجمت قوات النظام البلدة فإن المعارضة سترد.",
    "وأحيا الآلاف الذكرى السنوية لمجزرة حلبجة.",
    "وكانت الأزمة المالية قد ضربت الأسواق، في معركة الانتخابات المقبلة.",
])
def test_no_event(pipeline, text):
    assert extract(pipeline, text) == []


def test_a_reported_clash_is_an_event_with_its_sides_and_day(pipeline):
    [e] = extract(pipeline, "واندلعت أمس الأربعاء اشتباكات عنيفة بين المقاومة الشعبية والحوثيين.")
    assert e.sub_event_type == "Armed clash"
    assert {e.actor1, e.actor2} == {"Popular Resistance (Yemen)", "Houthis: Ansar Allah"}
    assert e.event_date == "2015-08-05" and e.time_precision == 1
    assert e.status == "current"
    assert e.notes.startswith("Popular Resistance (Yemen) clashed with Houthis")


def test_a_coalition_air_strike_in_yemen_is_the_saudi_led_coalition(pipeline):
    events = extract(pipeline, "اليمن: شن طيران التحالف صباح الأربعاء غارات على مواقع للحوثيين.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].actor1 == "Saudi-led Coalition"
    assert strikes[0].actor2 == "Houthis: Ansar Allah"


def test_an_old_event_is_background(pipeline):
    [e] = extract(pipeline, "وفي 24 يونيو الماضي فجر انتحاري نفسه في مدينة الرمادي.")
    assert e.sub_event_type == "Suicide bomb"
    assert e.status == "background"


def test_an_arrest_is_made_by_the_police_unless_named(pipeline):
    events = extract(pipeline, "مصر: ألقت الشرطة المصرية القبض على ثلاثة مسلحين أمس.")
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrest.actor1 == "Police Forces of Egypt"


def test_explanation_names_the_trigger(pipeline):
    [e] = extract(pipeline, "واندلعت أمس اشتباكات بين قوات النظام وجيش الفتح.")
    assert "اشتباكات" in e.explanation["trigger"]
    assert e.explanation["date"]


def test_a_bombing_of_police_with_no_named_attacker_is_by_an_unidentified_group(pipeline):
    events = extract(pipeline, "مصر: أصيب ضابطا شرطة في انفجار عبوة ناسفة أمام محكمة في القاهرة أمس.")
    [bomb] = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert bomb.actor1 == "Unidentified Armed Group (Egypt)"
    assert bomb.actor2 == "Police Forces of Egypt"


def test_a_junior_partner_is_coded_with_its_senior(pipeline):
    text = ("اليمن: قتل 5 من قوات صالح في اشتباكات مع المقاومة الشعبية أمس. "
            "وكان الحوثيون قد انسحبوا من المدينة.")
    [clash] = [e for e in extract(pipeline, text) if e.sub_event_type == "Armed clash"]
    assert {clash.actor1, clash.actor2} == {"Popular Resistance (Yemen)", "Houthis: Ansar Allah"}
    assert "Saleh loyalist forces" in clash.assoc_actor_1 + clash.assoc_actor_2


def test_a_defused_device_is_disrupted_weapons_use_not_an_explosion(pipeline):
    events = extract(pipeline, "مصر: أبطل خبراء المفرقعات مفعول عبوة ناسفة أمس في القاهرة.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]
    assert events[0].actor1 == "Police Forces of Egypt"




def test_an_article_that_says_it_is_a_column_counts_no_news_signals():
    # «تناول الكاتب في مقاله»: sources it quotes do not make it a news report.
    from rasd.events.extract import EventStage
    from rasd.pipeline import normalize_stage, segment_stage
    stage = EventStage()
    def signals(text):
        doc = Pipeline([("normalize", normalize_stage), ("segment", segment_stage)]).process(
            Article(id="t", text=text, published=PUB))
        return stage.collect(doc).news_signals
    report = "قال مصدر أمني إن هجوما استهدف دورية للجيش العراقي في الرمادي."
    assert signals(report) > 0
    assert signals("تناول الكاتب في مقاله اليوم الهجمات في العراق.\n\n" + report) == 0
