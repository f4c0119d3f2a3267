"""The same event told again later in an article is one event (spec §1: merge
mentions): a mention that names only the province takes the most precise
place its retellings name, and a day named in another clause of a retelling
does not make it another event."""

from datetime import date

from rasd.model import Article

PUB = date(2015, 8, 9)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


def test_a_province_level_mention_takes_the_town_a_retelling_names(pipeline):
    text = ("قصف مدفعي على مواقع داعش غرب العراق\n\n"
            "قال مصدر أمني إن المدفعية العراقية تواصل قصف مواقع تنظيم داعش في محافظة الأنبار.\n\n"
            "وأضاف أن قذائف المدفعية سقطت أمس على مواقع التنظيم في مدينة الرمادي.")
    [e] = extract(pipeline, text)
    assert e.location == "Ramadi" and e.geo_precision == 1
    assert len(e.evidence) == 3


def test_a_day_in_another_clause_does_not_split_a_retelling(pipeline):
    text = ("هجوم على معسكر للجيش في مدينة مريوان\n\n"
            "هاجم مقاتلون أكراد أمس معسكرا للحرس الثوري الإيراني في مدينة مريوان.\n\n"
            "وأسفر الهجوم على المعسكر في مدينة مريوان عن مقتل خمسة جنود، وقال مسؤول في الحزب إن العملية "
            "التي نفذها مقاتلوه جاءت ردا على تصريحات أدلى بها قائد الحرس يوم الثلاثاء الماضي.")
    [e] = extract(pipeline, text)
    assert e.event_date == "2015-08-08"
    assert e.fatalities == 5


def test_a_recalled_event_with_its_day_and_town_is_background(pipeline):
    [e] = extract(pipeline, "وفي 24 يونيو الماضي فجر انتحاري نفسه في مدينة الرمادي.")
    assert e.status == "background" and e.location == "Ramadi"


def test_recalled_history_with_no_place_below_the_province_is_not_coded(pipeline):
    # A campaign in a whole region, a country's unrest: history, not one event.
    assert extract(pipeline, "وفي 24 يوليو الماضي شنت الطائرات التركية غارات على معسكرات "
                             "حزب العمال الكردستاني في شمال العراق.") == []
    assert extract(pipeline, "وفي 14 فبراير 2011 اندلعت احتجاجات واسعة في البحرين.") == []


STRIKES = ("غارات تركية على شمال العراق\n\n"
           "أفاد شهود عيان أمس بمقتل ستة مدنيين وإصابة أربعة آخرين في قصف للطائرات الحربية التركية "
           "على مناطق جبل قنديل بشمال العراق.\n\n"
           "وقال أحد سكان قرية في قضاء سوران إن طائرات تركية شنت صباح أمس غارة على المنطقة ما أسفر "
           "عن مقتل ستة مدنيين وإصابة أربعة آخرين بجروح.\n\n"
           "وفي حادث منفصل، قتل ستة مدنيين وأصيب أربعة آخرون في غارة تركية على قرية في محافظة دهوك أمس.")


def test_the_same_dead_and_wounded_on_the_same_day_are_one_event_told_twice(pipeline):
    events = extract(pipeline, STRIKES)
    # The witness's village (Soran, in Erbil) is inside the region the first
    # report names only by its country: one strike, at the most precise place.
    soran = [e for e in events if e.admin1 == "Erbil"]
    assert len(soran) == 1 and soran[0].location == "Soran"
    assert soran[0].fatalities == 6 and soran[0].injuries == 4
    assert soran[0].actor1 == "Military Forces of Turkey"
    # The same toll in another province is another strike.
    assert [e.admin1 for e in events if e is not soran[0]] == ["Duhok"]


def test_an_attack_word_in_a_claim_sentence_is_the_attack_already_told(pipeline):
    text = ("مقتل شرطيين في تفجير بمدينة العريش\n\n"
            "قتل شرطيان مساء الجمعة في تفجير سيارة مفخخة استهدف مركزا للشرطة في مدينة العريش.\n\n"
            "ولم تعلن أي جهة مسؤوليتها عن هجوم مساء الجمعة، فيما تبنى تنظيم ولاية سيناء اعتداء سابقا "
            "أوقع 15 قتيلا.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.fatalities == 2
    assert len(e.evidence) == 3


def test_a_claim_that_names_another_place_tells_another_attack(pipeline):
    text = ("انفجار في مدينة العريش\n\n"
            "قتل 12 شرطيا أمس في تفجير انتحاري استهدف مركزا للشرطة في مدينة العريش.\n\n"
            "وتبنى تنظيم ولاية سيناء هجوما آخر أمس على حاجز للجيش في مدينة رفح أسفر عن مقتل ثلاثة جنود.")
    assert sorted(e.location for e in extract(pipeline, text)) == ["Arish", "Rafah"]


def test_a_site_and_the_neighbourhood_it_is_in_are_one_place(pipeline):
    # «حي غويران» and «سجن الصناعة» in it resolve to one point: one clash.
    text = ("اشتباكات في الحسكة\n\n"
            "اندلعت اشتباكات أمس بين قوات سوريا الديمقراطية وعناصر تنظيم داعش في حي غويران بمدينة الحسكة.\n\n"
            "وقال مصدر محلي إن الاشتباكات تركزت في محيط سجن الصناعة.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Armed clash" and len(e.evidence) == 3


def test_an_event_told_before_any_place_takes_the_next_place_of_its_paragraph(pipeline):
    text = ("وقال المتحدث إن طائرات التحالف شنت أمس غارات عنيفة على مواقع الحوثيين وكبدتهم خسائر كبيرة. "
            "وأضاف أن المقاومة الشعبية في محافظة البيضاء تتقدم.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Air/drone strike"
    assert e.admin1 == "Al Bayda"
    assert "next place" in e.explanation["place"]


def test_a_town_named_later_is_the_district_told_first(pipeline):
    text = ("هجمات على معسكرات الحرس الثوري في محافظة مريوان\n\n"
            "قتل مقاتلون أكراد أكثر من عشرين جنديا إيرانيا في هجمات استهدفت معسكرات للجيش في محافظة مريوان.\n\n"
            "وقال مسؤول في الحزب إن مقاتليه هاجموا أمس ثلاثة معسكرات للحرس الثوري في مدينة مريوان.")
    [e] = extract(pipeline, text)
    assert e.fatalities == 20 and e.event_date == "2015-08-08"
    assert len(e.evidence) == 3


def test_a_capture_is_not_a_retelling_of_a_strike_at_its_place(pipeline):
    text = ("غارات على مواقع الحوثيين\n\n"
            "وقال قائد المقاومة إن طائرات التحالف شنت أمس غارات عنيفة على مواقع الحوثيين في مدينة البيضاء.\n\n"
            "وأضاف أن السيطرة على المواقع الاستراتيجية في مدينة البيضاء ستسهل تقدم المقاومة.")
    events = extract(pipeline, text)
    assert sorted(e.event_type for e in events) == ["Battles", "Explosions/Remote violence"]


def test_the_retelling_that_names_the_town_gives_the_event_its_sides(pipeline):
    text = ("هجوم لحزب العمال الكردستاني جنوب شرق تركيا\n\n"
            "هاجم مقاتلو حزب العمال الكردستاني موقعا أماميا للجيش التركي وسيارة للشرطة في جنوب شرق تركيا "
            "ما أدى إلى مقتل شرطي.\n\n"
            "وقال مكتب المحافظ إن مسلحين من حزب العمال الكردستاني فتحوا النار على مركبة للشرطة في بلدة مديات "
            "ما أدى إلى مقتل شرطي.")
    [e] = extract(pipeline, text)
    assert e.location == "Midyat"
    assert (e.actor1, e.actor2) == ("PKK: Kurdistan Workers' Party", "Police Forces of Turkey")


def test_the_weapon_a_headline_names_types_the_generic_attack_of_the_body(pipeline):
    text = ("مقتل 20 من داعش في غارات للتحالف.. والتنظيم يقتل 5 من البيشمركة في الموصل\n\n"
            "أفاد المرصد السوري لحقوق الإنسان بمقتل 20 من عناصر داعش خلال ال48 ساعة الماضية.\n\n"
            "وقال المرصد أمس إن غالبية القتلى من الجنسية السورية، حيث أشار إلى مقتل 11 من داعش جراء "
            "استهداف مبنى في مدينة الميادين، بينما قتل 9 منهم في استهداف لمعسكر قرب مدينة الطبقة.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Air/drone strike" and e.location == "Al Mayadin"


def test_a_headline_shooting_does_not_retype_the_body(pipeline):
    # Only a weapon (strike, shell, bomb) in the headline retypes a generic attack.
    text = ("إطلاق نار على القنصلية الأميركية في إسطنبول\n\n"
            "وقتل ثمانية من عناصر الشرطة أمس في موجة من الهجمات على قوات الأمن التركية في إسطنبول.")
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Armed clash"
