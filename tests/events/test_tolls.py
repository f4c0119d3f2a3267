"""Spec §1 fatalities: tolls belong to the event they count, «بينهم» adds
nothing and names no event of its own."""

from datetime import date

import pytest
from fake_places import UNKNOWN, iraqi_place, pipeline_with_places

from rasd.model import Article


PLACES = {
    "تكساس": UNKNOWN,
    "الرمادي": iraqi_place("Ramadi", "Al-Anbar", 33.42, 43.30),
    "الفلوجة": iraqi_place("Fallujah", "Al-Anbar", 33.35, 43.78),
    "بغداد": iraqi_place("Baghdad", "Baghdad", 33.31, 44.36),
    "محافظة الأنبار": iraqi_place("Al-Anbar", "Al-Anbar", 33.42, 43.30, precision=3),
}


@pytest.fixture(scope="module")
def pipeline():
    return pipeline_with_places(PLACES)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))


def test_a_suicide_bomber_among_the_dead_is_no_suicide_bombing(pipeline):
    events = extract(pipeline, "قالت الشرطة إن القوات الأمنية قتلت أمس 10 من عناصر تنظيم داعش، "
                               "بينهم انتحاري وثلاثة قناصين، خلال اشتباكات في الرمادي.")
    assert not [e for e in events if e.sub_event_type == "Suicide bomb"]
    [clash] = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clash.fatalities == 10


def test_dead_counted_at_an_unknown_place_elsewhere_are_not_this_events(pipeline):
    events = extract(pipeline, "ونقلت الوكالة نبأ مقتل 8 أشخاص في محافظة تكساس الأمريكية إثر إطلاق نار في منزلهم، "
                               "وإعلان الداخلية العراقية عن مقتل اثنين من رجال الشرطة في انفجار عبوة ناسفة في الرمادي أمس.")
    [bomb] = [e for e in events if e.location == "Ramadi"]
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert bomb.fatalities == 2


def test_each_place_of_a_sentence_keeps_the_dead_counted_there(pipeline):
    events = extract(pipeline, "قتل 11 من عناصر داعش أمس في غارة جوية على الرمادي، "
                               "كما قتل 29 آخرون في اشتباكات مع الجيش العراقي في الفلوجة.")
    tolls = {(e.sub_event_type, e.location): e.fatalities for e in events}
    assert tolls == {("Air/drone strike", "Ramadi"): 11, ("Armed clash", "Fallujah"): 29}


def test_dead_counted_elsewhere_in_the_next_sentence_are_not_the_strikes(pipeline):
    events = extract(pipeline, "وقصفت طائرات التحالف الدولي أمس موكبا لتنظيم داعش في الرمادي. "
                               "ولقي أربعة عراقيين مصرعهم في حوادث متفرقة في بغداد أمس.")
    [strike] = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strike.location == "Ramadi"
    assert strike.fatalities == 0


def test_dead_counted_in_the_next_sentence_with_no_place_are_the_strikes(pipeline):
    events = extract(pipeline, "وقصفت طائرات التحالف الدولي أمس موكبا لتنظيم داعش في الرمادي. "
                               "ولقي أربعة من عناصر التنظيم مصرعهم.")
    [strike] = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strike.fatalities == 4


def test_the_bombing_told_again_in_a_vaguer_word_is_one_event(pipeline):
    events = extract(pipeline, "أخبار العراق\n\nفجر انتحاري نفسه بحزام ناسف أمس داخل مسجد للشرطة العراقية في الرمادي، "
                               "ما أسفر عن مقتل 12 من رجال الأمن.\n"
                               "وقال مصدر أمني إن حادث التفجير وقع في نهاية الأسبوع خلال صلاة الظهر.")
    bombs = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1
    assert bombs[0].sub_event_type == "Suicide bomb"
    assert bombs[0].fatalities == 12
    assert len(bombs[0].evidence) == 2


def test_the_attack_retold_with_its_own_earlier_day_is_one_event_and_also_adds_dead(pipeline):
    text = ("أخبار العراق\n\n"
            "أعلن الجيش العراقي اليوم (الأحد) أن ثمانية جنود قتلوا في هجوم للمتشددين على قاعدة في الرمادي.\n"
            "وقال المتحدث إن اثنين من المتشددين قتلا أيضا في الهجوم الذي وقع أمس السبت على القاعدة في الرمادي.")
    clashes = [e for e in extract(pipeline, text) if e.event_type == "Battles"]
    assert len(clashes) == 1
    assert clashes[0].event_date == "2015-08-01"
    assert clashes[0].fatalities == 10


def test_a_headline_of_two_events_gives_its_toll_to_the_one_its_clause_counts(pipeline):
    text = ("طائرات التحالف تقصف مواقع لداعش في الرمادي.. والجيش يقتل 7 في اشتباكات\n\n"
            "شنت طائرات التحالف الدولي أمس غارات على مواقع لتنظيم داعش في الرمادي.\n"
            "وفي الفلوجة، قتل 7 من عناصر داعش أمس في اشتباكات مع الجيش العراقي.")
    events = extract(pipeline, text)
    tolls = {(e.sub_event_type, e.location): e.fatalities for e in events}
    assert tolls[("Air/drone strike", "Ramadi")] == 0
    assert tolls[("Armed clash", "Fallujah")] == 7
    assert sum(e.fatalities for e in events) == 7


def test_a_headline_toll_never_replaces_the_toll_the_body_gives(pipeline):
    text = ("الجيش: 8 مدنيين قتلوا في هجوم على قاعدة في الرمادي\n\n"
            "أعلن الجيش العراقي اليوم أن جنديا وثمانية مدنيين قتلوا أمس في هجوم للمتشددين على قاعدة في الرمادي.")
    [attack] = [e for e in extract(pipeline, text) if e.event_type in ("Battles", "Violence against civilians")]
    assert attack.fatalities == 9


def test_a_toll_that_leaves_out_an_event_is_not_that_events_toll(pipeline):
    events = extract(pipeline, "وأشار بيان الوزارة إلى مقتل 52 عنصرا من قوات الأمن، "
                               "ولا تشمل هذه الحصيلة ضحايا العمليات العسكرية في الرمادي.")
    assert sum(e.fatalities for e in events) == 0


def test_a_toll_that_leaves_out_one_event_still_counts_the_other(pipeline):
    events = extract(pipeline, "قتل خمسة من رجال الشرطة أمس في انفجار عبوة ناسفة في بغداد، "
                               "ولا تشمل هذه الحصيلة ضحايا الاشتباكات في الرمادي.")
    tolls = {e.location: e.fatalities for e in events}
    assert tolls.get("Baghdad") == 5
    assert not tolls.get("Ramadi")


def test_an_earlier_killing_the_event_answers_is_not_its_toll(pipeline):
    events = extract(pipeline, "قصفت المدفعية العراقية أمس مواقع لتنظيم داعش في الرمادي "
                               "ردا على مقتل ثلاثة جنود برصاص قناصة التنظيم.")
    [shelling] = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert shelling.fatalities == 0


@pytest.mark.parametrize("update", [
    "وارتفعت حصيلة قتلى التفجير إلى 12 بعد وفاة أربعة من الجرحى متأثرين بجراحهم.",
    "وقالت مصادر طبية إن عدد القتلى ارتفع إلى 12 شخصا.",
])
def test_a_toll_update_replaces_the_figure_told_before(pipeline, update):
    text = ("انفجرت سيارة مفخخة أمس في سوق شعبي في بغداد ما أسفر عن مقتل 8 أشخاص وإصابة 20 آخرين.\n" + update)
    [bomb] = [e for e in extract(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert bomb.fatalities == 12


def test_a_second_figure_that_is_no_update_keeps_the_lowest(pipeline):
    text = ("انفجرت سيارة مفخخة أمس في سوق شعبي في بغداد ما أسفر عن مقتل 8 أشخاص.\n"
            "وقالت مصادر طبية إن التفجير أوقع 12 قتيلا.")
    [bomb] = [e for e in extract(pipeline, text) if e.event_type == "Explosions/Remote violence"]
    assert bomb.fatalities == 8


@pytest.mark.parametrize("text", [
    "وأدت الاشتباكات في الرمادي إلى مقتل 45 عنصرا من الجيش العراقي منذ اندلاع المعارك.",
    "أعلن مصدر عسكري أمس أن الغارات على الرمادي أسفرت عن مقتل 45 مسلحا خلال الأسابيع الماضية.",
])
def test_a_count_over_a_period_is_a_statistic_not_an_events_toll(pipeline, text):
    assert sum(e.fatalities for e in extract(pipeline, text)) == 0


def test_one_attack_compared_with_a_period_keeps_its_toll(pipeline):
    for text in ("قتل 44 شخصا أمس في انفجار سيارة مفخخة في بغداد، في أعنف هجوم تشهده المدينة منذ بداية العام.",
                 "قتل 44 شخصا أمس في انفجار سيارة مفخخة هو الأعنف في بغداد منذ بداية العام."):
        assert [e.fatalities for e in extract(pipeline, text)] == [44]


def test_a_count_is_not_given_to_an_event_or_place_of_the_next_clause(pipeline):
    events = extract(pipeline, "غارات على الرمادي تقتل 5 مدنيين.. واشتباكات في الفلوجة")
    tolls = {(e.sub_event_type, e.location): e.fatalities for e in events}
    assert tolls == {("Air/drone strike", "Ramadi"): 5, ("Armed clash", "Fallujah"): 0}


def test_dead_killed_in_the_event_just_told_are_its_toll(pipeline):
    text = ("أخبار العراق\n\nقصفت طائرات التحالف أمس مواقع لداعش في الرمادي ما أسفر عن مقتل 12 مسلحا، "
            "كما اندلعت اشتباكات في الفلوجة قتل فيها 3 جنود.")
    tolls = {(e.sub_event_type, e.location): e.fatalities for e in extract(pipeline, text)}
    assert tolls == {("Air/drone strike", "Ramadi"): 12, ("Armed clash", "Fallujah"): 3}


def test_a_toll_update_that_names_another_province_is_not_this_events(pipeline):
    text = ("أخبار العراق\n\nقتل 3 جنود أمس في اشتباكات مع مسلحي داعش في بغداد.\n"
            "ويأتي هذا التطور في وقت ارتفع عدد قتلى الشرطة إلى 18 شخصا، في المواجهات التي وقعت "
            "في محافظة الأنبار.")
    baghdad = [e for e in extract(pipeline, text) if e.location == "Baghdad"]
    assert [e.fatalities for e in baghdad] == [3]


def test_a_lead_with_a_full_stop_is_no_title_its_toll_is_weighed_like_any(pipeline):
    # No title line: the first sentence is the lead; a bigger toll told later (here a
    # recalled bombing's) does not replace its own by the headline rule.
    text = ("رد الجيش العراقي أمس بقصف مواقع داعش في الرمادي بعد مقتل جندي في إطلاق نار منها. "
            "ويأتي تبادل إطلاق النار بعد ثلاثة أيام على هجوم انتحاري في الرمادي أسفر عن مقتل 32 شخصا.")
    [clash] = [e for e in extract(pipeline, text) if e.event_type == "Battles"]
    assert clash.fatalities == 1


def test_a_killing_told_with_its_own_cause_after_it_is_that_events_toll(pipeline):
    events = extract(pipeline, "أخبار العراق\n\nتأتي تصريحات الوزير على خلفية مقتل 32 شخصا أمس "
                               "جراء تفجير انتحاري في سوق شعبي في بغداد.")
    [bomb] = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert bomb.fatalities == 32
