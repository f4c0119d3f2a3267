"""One sentence telling fighting at one place tells one event, of its dominant
type (ACLED): a battle that takes ground is the territory change, shelling in a
clash is the clash; an air strike stays an event of its own (spec §1)."""

from datetime import date

from rasd.model import Article

PUB = date(2015, 8, 9)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


def test_a_battle_that_takes_a_town_is_one_territory_event(pipeline):
    text = ("وتمكنت المقاومة الشعبية أمس من استعادة مدينة زنجبار من الحوثيين، "
            "بعد مواجهات عنيفة أسفرت عن مقتل 20 متمردا.")
    [e] = extract(pipeline, text)
    assert e.event_type == "Battles"
    assert e.sub_event_type == "Government regains territory"
    assert e.fatalities == 20


def test_shelling_in_a_clash_at_one_place_is_the_clash(pipeline):
    text = ("وقال مصدر محلي أمس إن اشتباكات عنيفة دارت بين المقاومة الشعبية والحوثيين في مدينة تعز "
            "تبادل خلالها الطرفان القصف بقذائف الهاون.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Armed clash"


def test_an_air_strike_supporting_a_clash_is_an_event_of_its_own(pipeline):
    text = ("وقال مصدر محلي أمس إن اشتباكات عنيفة دارت بين المقاومة الشعبية والحوثيين في مدينة تعز "
            "وشنت طائرات التحالف غارات على مواقع الحوثيين في المدينة.")
    subs = sorted(e.sub_event_type for e in extract(pipeline, text))
    assert subs == ["Air/drone strike", "Armed clash"]
