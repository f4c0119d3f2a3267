"""Status of recalled events (spec §1): an event the article recalls as context
is `background`, never a current event of the publication week; a recalled
event with no day of its own is not coded."""

from datetime import date

from rasd.model import Article

PUB = date(2015, 8, 9)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


def test_at_that_time_marks_a_recalled_event(pipeline):
    # «آنذاك», «حينها»: "at that time" points back to a time the article recalls.
    assert extract(pipeline, "وخطف المسلحون آنذاك عشرات الطلاب من مدرستهم في مدينة الرمادي.") == []
    assert extract(pipeline, "وقتل حينها عشرات الجنود في هجوم على معسكر في مدينة الرمادي.") == []
    # The same reports without the word are current news.
    [e] = extract(pipeline, "وخطف المسلحون عشرات الطلاب من مدرستهم في مدينة الرمادي أمس.")
    assert e.status == "current"


def test_an_anniversary_is_not_todays_event(pipeline):
    # «في مثل هذا اليوم من ...» names the same day of another year.
    [e] = extract(pipeline, "واستعاد الجيش العراقي مدينة تكريت في مثل هذا اليوم من العام الماضي.")
    assert e.status == "background" and e.event_date == "2014-08-09" and e.time_precision == 1


def test_last_ramadan_dates_a_recalled_bombing(pipeline):
    # Ramadan 1436 ran 18 June - 16 July 2015: «رمضان الماضي» is more than a week back.
    [e] = extract(pipeline, "وفجر انتحاري نفسه في مسجد بمدينة القطيف في رمضان الماضي.")
    assert e.status == "background" and e.event_date == "2015-07-02" and e.time_precision == 3
