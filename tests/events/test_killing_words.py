"""A killing told by its result with a pronoun («ما أدى إلى مقتله») is an event
with one dead (spec §1 fatalities); the same word after «منذ» is a point in time."""

from datetime import date

from rasd.model import Article

PUB = date(2023, 5, 8)


def current(pipeline, text):
    return [e for e in pipeline.extract(Article(id="t", text=text, published=PUB)) if e.status == "current"]


def test_a_shooting_that_killed_him_is_an_attack_with_one_dead(pipeline):
    [e] = current(pipeline, "أطلق مسلحون مجهولون النار على مدني في بلدة الصنمين بريف درعا أمس، ما أدى إلى مقتله.")
    assert (e.event_type, e.sub_event_type, e.fatalities) == ("Violence against civilians", "Attack", 1)


def test_since_his_killing_is_a_point_in_time_not_an_event(pipeline):
    assert current(pipeline, "تشهد بلدة الصنمين بريف درعا توترا أمنيا منذ مقتله قبل أشهر.") == []
