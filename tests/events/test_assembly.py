"""Assembly rules of spec §1 with a stand-in places stage: splitting by place,
dividing a shared toll, merging mentions of one event, folding follow-ups."""

from datetime import date

import pytest
from fake_places import iraqi_place, pipeline_with_places

from rasd.events.assemble import split_count
from rasd.model import Article


PLACES = {  # a tiny gazetteer
    "الفلاحات": iraqi_place("Al-Falahat", "Al-Anbar", 33.35, 43.70),
    "صبيحات": iraqi_place("Subaihat", "Al-Anbar", 33.33, 43.85),
    "الرمادي": iraqi_place("Ramadi", "Al-Anbar", 33.42, 43.30),
    "بغداد": iraqi_place("Baghdad", "Baghdad", 33.31, 44.36),
    "البصرة": iraqi_place("Basra", "Al-Basrah", 30.51, 47.78),
    "الأنبار": iraqi_place("Al-Anbar", "Al-Anbar", 33.0, 42.5, precision=3),  # a province
}


@pytest.fixture(scope="module")
def pipeline():
    return pipeline_with_places(PLACES)


def extract(pipeline, text, published=date(2015, 8, 2)):
    return pipeline.extract(Article(id="t", text=text, published=published))


def test_split_count_gives_the_remainder_to_the_first():
    assert split_count(25, 2) == [13, 12]
    assert split_count(7, 3) == [3, 2, 2]
    assert split_count(0, 2) == [0, 0]
    assert split_count(5, 1) == [5]


def test_fighting_in_two_places_is_two_events_sharing_the_toll(pipeline):
    events = extract(pipeline, "العراق: هاجم تنظيم داعش أمس قطعات الجيش العراقي في منطقتي الفلاحات وصبيحات، "
                               "وأسفرت الاشتباكات عن مقتل 25 من عناصر التنظيم.")
    clashes = sorted((e for e in events if e.sub_event_type == "Armed clash"), key=lambda e: e.location)
    assert [e.location for e in clashes] == ["Al-Falahat", "Subaihat"]
    assert sorted(e.fatalities for e in clashes) == [12, 13]
    assert all(e.event_date == "2015-08-01" for e in clashes)
    assert {clashes[0].actor1, clashes[0].actor2} == {"Islamic State", "Military Forces of Iraq"}


def test_protests_in_listed_cities_are_one_event_per_city(pipeline):
    events = extract(pipeline, "تصاعدت أمس التظاهرات في العاصمة العراقية بغداد ومدن أخرى، منها البصرة.")
    assert sorted(e.location for e in events) == ["Baghdad", "Basra"]
    assert all(e.sub_event_type == "Peaceful protest" and e.actor1 == "Protesters (Iraq)" for e in events)


def test_a_follow_up_sentence_adds_its_toll_to_the_event_it_continues(pipeline):
    events = extract(pipeline, "العراق: قصف تنظيم داعش أمس بالصواريخ مواقع الجيش العراقي في الرمادي. "
                               "وأسفر القصف عن مقتل ثلاثة جنود.")
    [shelling] = events
    assert shelling.sub_event_type == "Shelling/artillery/missile attack"
    assert shelling.location == "Ramadi"
    assert len(shelling.evidence) == 2
    import importlib.util
    if importlib.util.find_spec("rasd.text.casualties"):
        assert shelling.fatalities == 3


def test_the_headline_and_the_lead_are_one_event(pipeline):
    text = ("مقتل 5 جنود في هجوم لداعش على الرمادي\n\n"
            "العراق: قتل خمسة جنود من الجيش العراقي أمس في هجوم شنه تنظيم داعش على مواقعهم في الرمادي.")
    events = extract(pipeline, text)
    assert len(events) == 1
    assert events[0].location == "Ramadi"
    assert len(events[0].evidence) == 2


def test_every_event_has_notes_and_evidence_inside_the_text(pipeline):
    text = "العراق: هاجم تنظيم داعش أمس قطعات الجيش العراقي في الرمادي."
    [e] = extract(pipeline, text)
    assert e.notes.startswith("Islamic State") and "Ramadi" in e.notes and e.notes.endswith(".")
    for ev in e.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_an_event_with_no_day_of_its_own_takes_the_day_of_the_main_event(pipeline):
    # spec §1: «أمس» in the lead dates the story; the later clash in Basra names no day.
    text = ("العراق: هاجم تنظيم داعش أمس قطعات الجيش العراقي في الرمادي.\n\n"
            "وفي البصرة اندلعت اشتباكات بين مسلحين وقوات الجيش العراقي.")
    events = extract(pipeline, text)
    basra = next(e for e in events if e.location == "Basra")
    assert basra.event_date == "2015-08-01"
    assert basra.time_precision == 1


def test_without_a_day_in_the_lead_events_keep_the_publication_day_at_week_precision(pipeline):
    events = extract(pipeline, "قال مصدر أمني إن اشتباكات اندلعت في البصرة بين مسلحين وقوات الجيش العراقي.")
    assert [(e.event_date, e.time_precision) for e in events] == [("2015-08-02", 2)]


def test_a_lead_that_says_the_fighting_goes_on_dates_the_story_on_the_publication_day(pipeline):
    # «ما تزال الاشتباكات مستمرة»: today's fighting; «أمس» later dates only its own sentence.
    text = ("العراق: ما تزال الاشتباكات مستمرة بين تنظيم داعش والجيش العراقي في الرمادي.\n\n"
            "وقصف الجيش العراقي أمس مواقع التنظيم في الفلاحات.\n\n"
            "وفي البصرة اندلعت اشتباكات بين مسلحين وقوات الجيش العراقي.")
    events = {e.location: e for e in extract(pipeline, text)}
    assert events["Al-Falahat"].event_date == "2015-08-01"
    assert events["Basra"].event_date == "2015-08-02"


def test_a_capture_word_with_the_lam_of_purpose_reports_no_capture(pipeline):
    # «لطرد مسلحي داعش»: what the army set out to do, not what it took.
    events = extract(pipeline, "العراق: وصلت أمس قوات الجيش العراقي إلى الرمادي لطرد مسلحي تنظيم داعش.")
    assert not [e for e in events if e.event_type == "Battles"]


def test_a_capture_word_without_the_lam_of_purpose_is_a_capture(pipeline):
    events = extract(pipeline, "العراق: طردت قوات الجيش العراقي أمس مسلحي تنظيم داعش من الرمادي.")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_an_event_right_after_mundhu_is_a_point_in_time_not_news(pipeline):
    events = extract(pipeline, "العراق: قال مصدر أمني إن الأوضاع هادئة في الرمادي منذ اغتيال قائد الشرطة.")
    assert events == []


def test_an_old_day_named_far_from_the_event_in_a_long_sentence_makes_no_background_event(pipeline):
    # The year belongs to the first clause (when the man was freed), not to the bombing.
    text = ("العراق: قال مصدر أمني إن الرجل الذي أفرجت عنه السلطات في عام 2013 بعد أن قضى سنوات "
            "في السجن بتهمة الانتماء إلى جماعة مسلحة ثم عاد إلى مدينته وعمل في متجر صغير هناك "
            "فجر حزاما ناسفا في الرمادي.")
    events = extract(pipeline, text)
    assert not [e for e in events if e.status == "background"]


def test_an_old_day_next_to_the_event_makes_a_background_event(pipeline):
    # (dated to its month: one dated only by its year is not coded, see below)
    events = extract(pipeline, "العراق: قال مصدر أمني إن انتحاريا فجر حزاما ناسفا في الرمادي في أكتوبر 2013.")
    assert [e.status for e in events] == ["background"]


def test_a_definite_mention_continues_the_latest_event_of_its_kind_not_just_the_last_event(pipeline):
    # An arrest is told between the bombing and the claim «عن التفجير».
    text = ("العراق: قال مصدر أمني إن انفجارا وقع أمس في الرمادي وأسفر عن مقتل ثلاثة أشخاص.\n\n"
            "واعتقلت الشرطة العراقية مشتبها به في البصرة.\n\n"
            "وأعلن تنظيم داعش في الأنبار مسؤوليته عن التفجير.")
    events = extract(pipeline, text)
    bombings = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(bombings) == 1
    assert len(bombings[0].evidence) == 2


def test_fighting_in_a_province_with_no_day_and_no_toll_is_the_conflict_in_general(pipeline):
    events = extract(pipeline, "قال مصدر أمني إن اشتباكات تدور في الأنبار بين مسلحين وقوات الجيش العراقي.")
    assert events == []


@pytest.mark.parametrize("detail", ["أمس", "أسفرت عن مقتل ثلاثة جنود"])
def test_a_day_or_a_toll_makes_fighting_in_a_province_one_reported_event(pipeline, detail):
    events = extract(pipeline, f"قال مصدر أمني إن اشتباكات اندلعت في الأنبار بين مسلحين وقوات الجيش العراقي {detail}.")
    assert [(e.sub_event_type, e.location) for e in events] == [("Armed clash", "Al-Anbar")]



def test_with_no_day_in_the_lead_the_day_the_report_names_most_often_is_the_story_day(pipeline):
    text = ("تقرير أمني من العراق\n\n"
            "قال مصدر أمني إن اشتباكات اندلعت في البصرة بين مسلحين وقوات الجيش العراقي.\n\n"
            "وتظاهر المئات في بغداد.\n\n"
            "واعتقلت الشرطة العراقية عشرة مطلوبين في البصرة.\n\n"
            "وقال المصدر إن هجوما وقع أمس في الرمادي.\n\n"
            "وأضاف أن قصفا استهدف أمس مواقع في الفلاحات.")
    basra = next(e for e in extract(pipeline, text) if e.location == "Basra")
    assert (basra.event_date, basra.time_precision) == ("2015-08-01", 1)


def test_a_generic_attack_word_with_no_place_day_or_toll_is_no_event(pipeline):
    events = extract(pipeline, "قال مصدر أمني إن مسلحين شنوا هجوما على قوات الجيش العراقي.")
    assert events == []


def test_an_attack_and_a_clash_each_with_its_own_town_are_two_events(pipeline):
    text = ("العراق: قتل ثلاثة جنود من الجيش العراقي أمس في هجوم بمدينة الرمادي غرب العاصمة العراقية "
            "واشتباك بمدينة البصرة جنوب البلاد.")
    events = extract(pipeline, text)
    assert sorted(e.location for e in events if e.event_type == "Battles") == ["Basra", "Ramadi"]


def test_a_day_that_dates_the_statement_is_not_the_day_of_the_event_it_reports(pipeline):
    # «أعلن الجيش اليوم أن ...»: today is when the army spoke, not when the
    # attack was; with no day of its own it takes the story's day, yesterday.
    text = ("العراق: أعلن الجيش العراقي اليوم (الأحد) أن ثلاثة جنود قتلوا في هجوم لتنظيم داعش على الرمادي.\n\n"
            "وفي البصرة اعتقلت الشرطة العراقية أمس عشرة مطلوبين.")
    [attack] = [e for e in extract(pipeline, text) if e.location == "Ramadi"]
    assert (attack.event_date, attack.time_precision) == ("2015-08-01", 1)
    assert attack.status == "current"


def test_an_event_with_only_the_statement_s_day_takes_that_day_at_week_precision(pipeline):
    # The event happened on the day of the statement or before it.
    text = "العراق: قال مصدر أمني أمس إن مسلحين هاجموا قوات الجيش العراقي في البصرة."
    events = extract(pipeline, text, published=date(2015, 8, 3))
    assert [(e.event_date, e.time_precision) for e in events] == [("2015-08-02", 2)]


def test_a_day_in_a_sentence_of_background_does_not_date_the_story(pipeline):
    # «يشار إلى أن ...» recalls earlier arrests for the reader; the bombing in
    # Basra names no day, so it keeps the publication day at week precision.
    text = ("العراق: انفجرت سيارة مفخخة في البصرة ما أسفر عن مقتل ثلاثة مدنيين.\n\n"
            "يشار إلى أن الشرطة العراقية اعتقلت عشرة مطلوبين في بغداد في 28 يوليو الماضي.")
    basra = next(e for e in extract(pipeline, text) if e.location == "Basra")
    assert (basra.event_date, basra.time_precision) == ("2015-08-02", 2)


def test_an_event_told_only_through_an_old_statement_is_background(pipeline):
    # «أعلنت ... في مايو الماضي أن ...»: what was announced in May happened by May.
    text = "العراق: وأعلنت وزارة الداخلية العراقية في مايو الماضي أن الشرطة اعتقلت عشرة مطلوبين في البصرة."
    [arrest] = extract(pipeline, text)
    assert (arrest.status, arrest.event_date, arrest.time_precision) == ("background", "2015-05-15", 3)


def test_an_old_event_dated_only_by_its_year_is_not_coded(pipeline):
    # spec §1: the coarsest time_precision is the month; «عام 2013» recalls a period.
    text = "العراق: وكان مسلحون هاجموا قوات الجيش العراقي في الرمادي عام 2013."
    assert extract(pipeline, text) == []


def test_an_old_event_dated_by_its_month_is_a_background_event(pipeline):
    text = "العراق: وكان مسلحون هاجموا قوات الجيش العراقي في الرمادي في أكتوبر 2013."
    assert [(e.status, e.event_date, e.time_precision) for e in extract(pipeline, text)] == [
        ("background", "2013-10-15", 3)]


def test_an_event_told_only_through_a_statement_of_some_year_is_not_coded(pipeline):
    # «أعلنت ... عام 2013 أن ...»: the statement dates the event only to a year.
    text = "العراق: وأعلنت وزارة الداخلية العراقية عام 2013 أن الشرطة اعتقلت عشرة مطلوبين في البصرة."
    assert extract(pipeline, text) == []


def test_fighting_going_on_since_an_old_day_is_not_a_recalled_event(pipeline):
    # «منذ أربعة أشهر» starts a period still going on: the conflict in general.
    text = "العراق: وتشهد الرمادي اشتباكات عنيفة بين تنظيم داعش والجيش العراقي منذ أربعة أشهر."
    assert [e for e in extract(pipeline, text) if e.status == "background"] == []


def test_an_event_on_an_old_day_of_its_own_is_still_a_recalled_event(pipeline):
    text = "العراق: واندلعت اشتباكات عنيفة بين تنظيم داعش والجيش العراقي في الرمادي قبل أربعة أشهر."
    assert [(e.status, e.event_date) for e in extract(pipeline, text)] == [("background", "2015-04-02")]


@pytest.mark.parametrize("text", [
    # «في الأشهر الأخيرة», «خلال الأسبوعين الماضيين»: a span up to publication,
    # the conflict in general rather than one recalled event.
    "العراق: وقتل عدد من قادة تنظيم داعش في غارات أميركية على الرمادي في الأشهر الأخيرة.",
    "العراق: وفي الأسابيع الأخيرة، شنت الشرطة العراقية سلسلة عمليات اعتقال في البصرة.",
])
def test_events_told_over_the_weeks_up_to_publication_are_not_a_recalled_event(pipeline, text):
    assert [e for e in extract(pipeline, text) if e.status == "background"] == []
