"""Wording of news that names violence without reporting a new event (spec §1),
found by reading extraction on unseen 2015 wire articles: each rule has a
sentence that must make no event and a sentence that still must make one."""

from datetime import date

import pytest

from rasd.model import Article

PUB = date(2015, 8, 9)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


@pytest.mark.parametrize("text", [
    # A ceasefire names the shooting it stops.
    "ودعا زعيم الحزب أمس الطرفين في مدينة ديار بكر إلى الالتزام بوقف إطلاق النار.",
    "وأعلنت الأمم المتحدة أمس عن وقف لإطلاق النار في مدينة تعز لمدة أسبوع.",
    # A statement against violence is about the reaction to it.
    "وقال بيان رئاسة الإقليم: ندين هذا القصف ونطالب الحكومة التركية بعدم تكراره.",
    # «ضبط» alone is restraint, order or exactness far more often than a seizure.
    "وأكد قائد الشرطة أمس في مدينة عدن أن قواته تعمل على ضبط الأمن في المدينة.",
    "وقال المتحدث أمس إن ذلك ما حدث بالضبط في مدينة عدن.",
    # Arms as goods made, smuggled or traded are not used.
    "وقال مصدر أمني أمس إن التنظيم درب عناصره في مدينة المكلا على تصنيع المتفجرات واستعمالها.",
    "وقالت الشرطة أمس إن عصابة في مدينة البصرة تعمل في تهريب الصواريخ عبر الحدود.",
    # An inquiry into an attack refers back to it.
    "وكشفت وزارة الداخلية أمس ملابسات التفجير الإرهابي في مسجد الإمام الصادق بمدينة الكويت.",
    "وقال مصدر أمني أمس إن الشرطة في مدينة سوروتش بدأت التحقيق في الهجوم الانتحاري.",
    # A habit of attacking is not one attack.
    "وقال مصدر محلي أمس إن الطائرات من دون طيار تواصل طلعاتها اليومية التي تستهدف عناصر تنظيم القاعدة بمدينة المكلا.",
    "وقال مصدر محلي أمس إن الطائرات الأمريكية تواصل الغارات اليومية على عناصر تنظيم القاعدة في مدينة المكلا.",
    "وقال مصدر محلي أمس إن عناصر طالبان غالبا ما تستهدف نقاط التفتيش في ولاية لوغار.",
    # «لقتال», «للقتال»: ل of purpose makes fighting an aim.
    "وقال مسؤول كردي أمس في أربيل إن الاتفاق بين واشنطن وأنقرة يتعلق بنشر قوات لقتال تنظيم داعش في شمال سوريا.",
    "وقال مصدر أمني أمس إن عشرات الشباب من مدينة بنزرت سافروا إلى ليبيا للقتال في صفوف التنظيم.",
    # What is taken back or extracted, right after the word, is no territory.
    "وقال مسؤول في الميناء أمس إن مطار عدن بدأ استعادة نشاطه الملاحي بعد هبوط أول طائرة مساعدات.",
    "وقال مصدر في المقاومة أمس إن مقاتليها تمكنوا من استعادة جثث رفاقهم في جبهة صرواح.",
    "وقال مصدر محلي أمس إن مسلحي الجماعة في مديرية زبيد حاولوا انتزاع اعترافات من المعتقلين.",
])
def test_no_event(pipeline, text):
    assert extract(pipeline, text) == []


def test_shooting_that_is_no_ceasefire_is_still_an_event(pipeline):
    events = extract(pipeline, "وأطلق مسلحون النار أمس على دورية للشرطة في مدينة ديار بكر فقتلوا شرطيا.")
    assert [e.event_type for e in events] == ["Battles"]


def test_the_protest_against_strikes_is_the_only_event(pipeline):
    events = extract(pipeline, "وتظاهر مئات الأكراد أمس في مدينة كولونيا الألمانية تنديدا بالغارات التركية على القرى الكردية.")
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_seizure_of_arms_is_still_disrupted_weapons_use(pipeline):
    events = extract(pipeline, "وضبطت قوات الأمن أمس كميات من الأسلحة والذخائر في مدينة عدن.")
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_explosives_that_went_off_are_still_an_explosion(pipeline):
    events = extract(pipeline, "وانفجرت عبوة ناسفة أمس في سوق شعبي بمدينة بعقوبة ما أدى إلى مقتل ثلاثة أشخاص.")
    assert [e.event_type for e in events] == ["Explosions/Remote violence"]


def test_arrest_of_suspects_is_the_only_event(pipeline):
    events = extract(pipeline, "وقال مصدر أمني أمس إن الشرطة اعتقلت في مدينة سوروتش ثلاثة أشخاص "
                               "يشتبه في تورطهم في الهجوم الانتحاري.")
    assert [e.sub_event_type for e in events] == ["Arrests"]


def test_a_strike_on_a_named_day_is_still_an_event(pipeline):
    events = extract(pipeline, "وقتل خمسة مدنيين أمس في غارة جوية على مدينة المكلا.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_fighting_without_lam_of_purpose_is_still_a_clash(pipeline):
    events = extract(pipeline, "ودار قتال عنيف أمس بين الجيش ومسلحي التنظيم في مدينة درنة.")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_a_generic_attack_at_the_bombing_place_is_the_bombing_told_again(pipeline):
    events = extract(pipeline, "مقتل 13 في هجوم على فندق بمقديشو\n\n"
                               "هاجمت حركة الشباب أمس فندقا يضم بعثات دبلوماسية في مقديشو مما أدى إلى مقتل 13 "
                               "شخصا على الأقل. وقال مسؤول أمني إن سيارة مفخخة انفجرت أمس عند بوابة الفندق في مقديشو.")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 13)]


def test_an_attack_with_its_own_dead_stays_apart_from_the_bombing(pipeline):
    events = extract(pipeline, "مقتل 17 في مقديشو\n\n"
                               "هاجم مسلحون أمس نقطة تفتيش في مقديشو مما أدى إلى مقتل 4 جنود. وقال مسؤول أمني "
                               "إن سيارة مفخخة انفجرت أمس قرب فندق في مقديشو ما أدى إلى مقتل 13 شخصا.")
    assert sorted((e.event_type, e.fatalities) for e in events) == [
        ("Battles", 4), ("Explosions/Remote violence", 13)]


def test_territory_taken_back_is_still_an_event(pipeline):
    events = extract(pipeline, "وقال مصدر عسكري أمس إن الجيش تمكن من استعادة السيطرة على بلدة بيجي.")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


@pytest.mark.parametrize("text", [
    "وقع تفجير أمس في مسجد بمدينة أبها، وعثر في الموقع على أشلاء يعتقد أنها ناتجة عن تفجير بأحزمة ناسفة.",
    "قتل عشرة أشخاص أمس في هجوم نفذه مسلحان فجرا نفسيهما عند مدخل سوق في مدينة مايدوغوري.",
    "وأوضحت الشرطة أن المهاجم قام بتفجير نفسه داخل مقهى في حي الكرادة ببغداد أمس.",
])
def test_explosive_belts_and_bombers_blowing_themselves_up_are_suicide_bombs(pipeline, text):
    evs = extract(pipeline, text)
    assert evs and evs[0].sub_event_type == "Suicide bomb"


def test_an_arrest_for_incitement_is_still_an_arrest(pipeline):
    evs = extract(pipeline, "واعتقلت الشرطة أمس شابا بتهمة التحريض على العنف في مدينة الدمام.")
    assert [e for e in evs if e.sub_event_type == "Arrests"]


def test_a_protest_against_a_movement_leader_still_is_a_protest(pipeline):
    evs = extract(pipeline, "وتظاهر الآلاف أمس في العاصمة بوجمبورا احتجاجا على ترشح الرئيس لولاية ثالثة.")
    assert [e for e in evs if e.sub_event_type == "Peaceful protest"]


def test_an_attack_after_baada_is_not_dated_by_the_clause_it_follows(pipeline):
    # «دعت ... السبت ... بعد هجوم»: the attack came before Saturday; its day is Friday's.
    evs = extract(pipeline, "قتل سائق حافلة إيرانية الجمعة في هجوم لمسلحين قرب مدينة فان شرق تركيا. "
                            "ودعت السلطات الإيرانية السبت مواطنيها إلى عدم السفر برا إلى تركيا بعد هجوم "
                            "استهدف حافلة إيرانية في شرق تركيا.")
    assert evs and all(str(e.event_date) == "2015-08-07" for e in evs)
