"""Who acted on whom (spec §1, §3): the sentence's own actors by role first,
then the article's sides — and state forces named near a bomb are its target."""

from datetime import date

import pytest
from fake_places import iraqi_place, pipeline_with_places

from rasd.model import Article


PLACES = {"الرمادي": iraqi_place("Ramadi", "Al-Anbar", 33.42, 43.30),
          "بغداد": iraqi_place("Baghdad", "Baghdad", 33.31, 44.36)}


@pytest.fixture(scope="module")
def pipeline():
    return pipeline_with_places(PLACES)


def bombings(pipeline, text):
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    return [e for e in events if e.event_type == "Explosions/Remote violence"]


def test_police_named_beside_a_bomb_with_no_agent_marker_are_its_target(pipeline):
    [e] = bombings(pipeline, "قتل ثلاثة أشخاص أمس في تفجير انتحاري استهدف مصلين "
                             "من قوات الشرطة العراقية في الرمادي.")
    assert e.actor2 == "Police Forces of Iraq"
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_a_group_named_once_in_passing_is_not_the_bomber(pipeline):
    [e] = bombings(pipeline, "انفجرت عبوة ناسفة أمس بدورية للشرطة العراقية في الرمادي. "
                             "ويأتي ذلك بعد أسابيع من إطلاق الحكومة حملة ضد تنظيم داعش.")
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Iraq)", "Police Forces of Iraq")


def test_the_group_that_claimed_the_attack_is_the_bomber(pipeline):
    [e] = bombings(pipeline, "انفجرت عبوة ناسفة أمس بدورية للشرطة العراقية في الرمادي. "
                             "وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان.")
    assert (e.actor1, e.actor2) == ("Islamic State", "Police Forces of Iraq")


def test_a_denied_claim_names_no_bomber(pipeline):
    [e] = bombings(pipeline, "انفجرت عبوة ناسفة أمس بدورية للشرطة العراقية في الرمادي. "
                             "ولم يعلن تنظيم داعش مسؤوليته عن التفجير.")
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_an_air_strike_keeps_its_state_striker(pipeline):
    [e] = bombings(pipeline, "شن الجيش العراقي أمس غارات جوية على مواقع تنظيم داعش في الرمادي.")
    assert (e.actor1, e.actor2) == ("Military Forces of Iraq", "Islamic State")


def test_an_unnamed_suicide_bomber_belongs_to_the_group_that_claimed_the_attack(pipeline):
    events = bombings(pipeline, "فجر انتحاري نفسه أمس داخل مقر للشرطة العراقية في الرمادي. "
                                "وأعلن تنظيم داعش مسؤوليته عن عملية التفجير.")
    assert events and all(e.actor1 == "Islamic State" for e in events)
    assert all(e.actor2 == "Police Forces of Iraq" for e in events)


def test_an_air_strike_with_no_striker_named_is_the_state_forces_not_a_militia(pipeline):
    text = ("تواصلت المواجهات بين الحشد الشعبي وتنظيم داعش قرب الرمادي، وقال الحشد الشعبي إنه صد هجوما. "
            "وقصفت غارات جوية أمس مواقع تنظيم داعش في الرمادي. "
            "وقال الجيش العراقي إن الحشد الشعبي يواصل التقدم.")
    [strike] = [e for e in bombings(pipeline, text) if e.sub_event_type == "Air/drone strike"]
    assert (strike.actor1, strike.actor2) == ("Military Forces of Iraq", "Islamic State")


def test_suspects_arrested_after_an_attack_are_an_unnamed_armed_group(pipeline):
    events = pipeline.extract(Article(id="t", published=date(2015, 8, 2), text=(
        "اعتقلت الشرطة العراقية أمس مشتبها به على خلفية التفجير في الرمادي.")))
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert (arrest.actor1, arrest.actor2) == ("Police Forces of Iraq", "Unidentified Armed Group (Iraq)")


def test_civilians_arrested_at_a_protest_stay_civilians(pipeline):
    events = pipeline.extract(Article(id="t", published=date(2015, 8, 2), text=(
        "اعتقلت الشرطة العراقية أمس عشرة مدنيين في الرمادي.")))
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrest.actor2 == "Civilians (Iraq)"


def test_detainees_of_a_named_group_recaptured_are_that_group(pipeline):
    events = pipeline.extract(Article(id="t", published=date(2015, 8, 2), text=(
        "وتمكن الجيش العراقي أمس من إلقاء القبض على 40 من معتقلي تنظيم داعش الفارين من سجن الرمادي.")))
    [arrest] = [e for e in events if e.sub_event_type == "Arrests"]
    assert (arrest.actor1, arrest.actor2) == ("Military Forces of Iraq", "Islamic State")


def test_a_claim_for_a_bombing_does_not_make_the_group_the_author_of_other_attacks(pipeline):
    events = pipeline.extract(Article(id="t", published=date(2015, 8, 2), text=(
        "هجمات على الشرطة العراقية\n\n"
        "انفجرت عبوة ناسفة أمس بدورية للشرطة العراقية في الرمادي. "
        "وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان. "
        "وقتل شرطيان ومسلح يوم الخميس في اشتباك بمدينة بغداد.")))
    [bomb] = [e for e in events if e.event_type == "Explosions/Remote violence"]
    [clash] = [e for e in events if e.event_type == "Battles"]
    assert bomb.actor1 == "Islamic State"
    assert clash.actor1 == "Unidentified Armed Group (Iraq)"


def test_a_claim_told_as_the_group_s_record_names_no_bomber(pipeline):
    [e] = bombings(pipeline, "انفجرت عبوة ناسفة أمس بدورية للشرطة العراقية في الرمادي. "
                             "وسبق لتنظيم داعش أن أعلن مسؤوليته عن هجمات على الشرطة.")
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_helicopters_are_the_state_s_air_force(pipeline):
    [e] = bombings(pipeline, "قصف الطيران المروحي أمس بالبراميل المتفجرة مواقع تنظيم داعش في الرمادي.")
    assert (e.actor1, e.actor2) == ("Military Forces of Iraq", "Islamic State")


def test_a_headline_mention_does_not_lend_the_bombing_a_side_guessed_from_the_article(pipeline):
    # «بهجوم انتحاري» in the title names no attacker; the army named later in the
    # article is not the suicide bomber.
    [e] = bombings(pipeline, "عشرات القتلى والجرحى بهجوم انتحاري في الرمادي\n\n"
                             "قتل 15 شخصا على الأقل اليوم عندما فجر انتحاري نفسه في سوق مزدحمة بمدينة "
                             "الرمادي، حسبما أفاد مسؤولون. وقال المحافظ إن بين القتلى نساء وأطفال وجنديا "
                             "عراقيا. ويأتي الهجوم بعد أيام من إعلان الجيش العراقي بدء عملية عسكرية في المحافظة.")
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_the_suicide_bomber_a_headline_names_is_the_attacker_not_a_side_it_hit(pipeline):
    # «بهجوم انتحاري»: the adjective names the attacker, an unidentified bomber;
    # the army the article names elsewhere did not set off the bomb.
    [e] = bombings(pipeline, "عشرات القتلى بهجوم انتحاري في الرمادي\n\n"
                             "قتل عشرون شخصا أمس في الرمادي. وتشن القوات العراقية منذ أسابيع "
                             "حملة على تنظيم داعش في المحافظة.")
    assert e.actor1 == "Unidentified Armed Group (Iraq)"


def test_a_single_foreign_drone_is_its_state_s_military(pipeline):
    # «طائرة إسرائيلية من دون طيار»: one aircraft, named with its nationality.
    [e] = [x for x in pipeline.extract(Article(
        id="t", text="قتل ثلاثة مسلحين من حزب الله أمس في ضربة جوية نفذتها طائرة إسرائيلية "
                     "من دون طيار قرب بلدة الرمادي.", published=date(2015, 8, 2)))
           if x.sub_event_type == "Air/drone strike"]
    assert (e.actor1, e.actor2) == ("Military Forces of Israel", "Hezbollah")


def test_ground_retaken_with_no_side_named_was_retaken_by_the_government_side(pipeline):
    # The article names the enemy most often; «هذه القوات استعادت» still means
    # the government's forces took the ground back.
    text = ("تدور معارك عنيفة بين تنظيم داعش والجيش العراقي في الرمادي منذ أسابيع. وقال مصدر أمني "
            "إن تنظيم داعش تكبد خسائر كبيرة وإن عناصر داعش فروا من عدة أحياء. وأضاف أن هذه القوات "
            "استعادت أمس مبنى المحافظة في الرمادي.")
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    [e] = [x for x in events if x.sub_event_type == "Government regains territory"]
    assert (e.actor1, e.actor2) == ("Military Forces of Iraq", "Islamic State")


@pytest.mark.parametrize("text", [
    "استهدف هجوم انتحاري أمس مسجدا في الرمادي.",
    "انفجرت سيارة مفخخة أمس قرب حافلة ركاب في الرمادي.",
])
def test_a_mosque_or_a_passenger_bus_hit_by_a_bomb_is_civilians(pipeline, text):
    [e] = bombings(pipeline, text)
    assert e.actor2 == "Civilians (Iraq)"


@pytest.mark.parametrize("text", [
    "تعرض الجيش العراقي أمس لهجوم بالصواريخ في الرمادي.",
    "تعرضت قوات الأمن العراقية أمس لقصف بقذائف الهاون في الرمادي.",
])
def test_the_side_that_came_under_fire_is_the_one_hit(pipeline, text):
    # «تعرض ... لقصف/لهجوم»: the passive names the side attacked, not the attacker.
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    assert events and all(e.actor2 == "Military Forces of Iraq" for e in events)
    assert all(e.actor1 != "Military Forces of Iraq" for e in events)


def test_an_unattributed_air_strike_is_flown_by_the_air_force_the_article_names_striking(pipeline):
    text = ("تدور معارك بين الجيش العراقي وتنظيم داعش في الرمادي، وتقول مصادر إن الجيش العراقي "
            "يتقدم وإن الجيش العراقي استعاد مواقع. وشنت طائرات التحالف أمس غارات جوية على مواقع "
            "تنظيم داعش في الرمادي. وقال سكان إن غارات جوية استهدفت أمس مقرا لتنظيم داعش في بغداد.")
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 2
    assert all(e.actor1 == "International Coalition" for e in strikes)


def test_gunmen_counted_among_the_dead_of_a_named_group_s_fight_are_its_men(pipeline):
    text = "اندلعت اشتباكات أمس في الرمادي بين الجيش العراقي وعناصر تنظيم داعش، أسفرت عن مقتل خمسة مسلحين."
    events = pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))
    [e] = [x for x in events if x.sub_event_type == "Armed clash"]
    assert {e.actor1, e.actor2} == {"Military Forces of Iraq", "Islamic State"}
