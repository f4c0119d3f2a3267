"""Protests named by their crowd, curfews in either spelling, and «إسقاط» in its
political sense (spec §2 types; §1 not events)."""

from datetime import date

import pytest

from rasd.model import Article

PUB = date(2023, 5, 8)


def types(pipeline, text):
    return [(e.event_type, e.sub_event_type)
            for e in pipeline.extract(Article(id="t", text=text, published=PUB)) if e.status == "current"]


@pytest.mark.parametrize("text", [
    "فرضت السلطات حظر تجوال في مدينة عدن اليوم.",
    "فرضت قوات الأمن حظر التجوال في مدينة كركوك اليوم.",
    "فرضت قوات الأمن حظر التجول في مدينة كركوك اليوم.",
])
def test_a_curfew_is_a_strategic_development_in_either_spelling(pipeline, text):
    assert types(pipeline, text) == [("Strategic developments", "Other")]


@pytest.mark.parametrize("text", [
    "خرج مئات المتظاهرين في مدينة السويداء اليوم للمطالبة برحيل المحافظ.",
    "احتشد آلاف المتظاهرين في ساحة التحرير ببغداد اليوم للمطالبة بمحاربة الفساد.",
])
def test_a_protest_told_by_its_crowd_going_out_is_a_protest(pipeline, text):
    assert types(pipeline, text) == [("Protests", "Peaceful protest")]


def test_bringing_down_a_regime_is_no_aircraft_shot_down(pipeline):
    assert types(pipeline, "تظاهر المئات في مدينة السويداء اليوم للمطالبة بإسقاط النظام.") == [
        ("Protests", "Peaceful protest")]
    assert types(pipeline, "أعلن الجيش إسقاط طائرة مسيرة في ريف إدلب اليوم.") == [
        ("Strategic developments", "Disrupted weapons use")]


def test_a_protest_broken_up_is_one_event_of_that_type(pipeline):
    assert types(pipeline, "فرقت الشرطة بالغاز المسيل للدموع اليوم مظاهرة لمئات المحتجين في وسط بغداد.") == [
        ("Protests", "Protest with intervention")]


def test_tyres_burnt_in_a_riot_are_part_of_the_riot(pipeline):
    assert types(pipeline, "أحرق محتجون غاضبون إطارات اليوم ورشقوا قوات الأمن بالحجارة في مدينة الناصرية.") == [
        ("Riots", "Violent demonstration")]
