"""The side that acts is the subject of the sentence (spec §1: actor1 acted,
actor2 was acted upon): in «تمكن الجيش من السيطرة على ... بعد اشتباكات مع
الحوثيين» the army took the ground and the Houthis, after «مع», are the side it
fought — «مع» names the opponent, not the actor."""

from datetime import date

from rasd.model import Article


def events(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=date(2015, 8, 2)))


def test_the_subject_takes_ground_from_the_side_after_with(pipeline):
    evs = [e for e in events(pipeline, "تمكنت قوات الجيش الوطني والمقاومة الشعبية أمس من السيطرة على "
                                       "مدينة زنجبار بعد اشتباكات عنيفة مع ميليشيات الحوثي.")
           if e.event_type == "Battles"]
    assert evs
    e = evs[0]
    assert e.sub_event_type == "Government regains territory"
    assert e.actor1 == "Military Forces of Yemen (Hadi government)"
    assert e.actor2 == "Houthis: Ansar Allah"


def test_the_subject_of_a_clash_is_actor1_and_the_side_after_with_actor2(pipeline):
    [e] = [e for e in events(pipeline, "تقدمت المقاومة الشعبية أمس في مدينة تعز بعد اشتباكات عنيفة "
                                       "مع ميليشيات الحوثي.") if e.event_type == "Battles"]
    assert (e.actor1, e.actor2) == ("Popular Resistance (Yemen)", "Houthis: Ansar Allah")


def test_with_and_no_subject_still_names_both_sides(pipeline):
    [e] = [e for e in events(pipeline, "قتل جنديان أمس في اشتباكات مع ميليشيات الحوثي في مدينة تعز.")
           if e.event_type == "Battles"]
    assert "Houthis: Ansar Allah" in (e.actor1, e.actor2)


def test_stopping_an_activity_is_no_arrest(pipeline):
    evs = events(pipeline, "وطالب الأهالي الحكومة اليمنية بإيقاف ما تقوم به الجماعة المسلحة في مدينة الحديدة، "
                           "بعد أن أعلنت الجامعة إيقاف الدراسة في مدينة المكلا.")
    assert not [e for e in evs if e.sub_event_type == "Arrests"]


def test_holding_a_suspect_is_still_an_arrest(pipeline):
    evs = events(pipeline, "أعلنت الشرطة التونسية أمس إيقاف مشتبه به في مدينة سوسة.")
    assert [e for e in evs if e.sub_event_type == "Arrests"]


def test_a_bomb_maker_is_no_bombing(pipeline):
    evs = events(pipeline, "لا يزال مخترع قنبلة الطائرات وكبير صانعي المتفجرات في تنظيم القاعدة "
                           "في اليمن يشكل كابوسا لأجهزة الأمن.")
    assert not [e for e in evs if e.event_type == "Explosions/Remote violence"]


def test_a_space_launch_is_no_missile_attack(pipeline):
    evs = events(pipeline, "انطلق صاروخ روسي من نوع سويوز اليوم من قاعدة بايكونور حاملا ثلاثة رواد "
                           "إلى المحطة الفضائية الدولية.")
    assert not [e for e in evs if e.event_type == "Explosions/Remote violence"]


def test_a_missile_fired_at_a_town_is_still_an_attack(pipeline):
    evs = events(pipeline, "سقط صاروخ أطلقه الحوثيون أمس على حي سكني في مدينة تعز.")
    assert [e for e in evs if e.event_type == "Explosions/Remote violence"]


def test_police_at_the_scene_of_an_attack_on_civilians_are_not_its_authors(pipeline):
    evs = events(pipeline, "قتل 12 شخصا على الأقل أمس في هجوم على حمام سباحة مزدحم في بلدة طوز خورماتو. "
                           "وكانت قوات الشرطة العراقية تنقل القتلى والجرحى، وانتشرت قوات الشرطة العراقية "
                           "حول البلدة.")
    attacks = [e for e in evs if e.sub_event_type == "Attack"]
    assert attacks
    assert all(e.actor1 != "Police Forces of Iraq" for e in attacks)


def test_people_killed_in_a_clash_between_two_sides_are_not_a_side(pipeline):
    [e] = [e for e in events(pipeline, "قتل ثلاثة أشخاص أمس في اشتباكات بين الشرطة التركية وحزب العمال "
                                       "الكردستاني في بلدة سيلوبي.") if e.event_type == "Battles"]
    assert {e.actor1, e.actor2} == {"Police Forces of Turkey", "PKK: Kurdistan Workers' Party"}


def test_an_earlier_report_recalled_with_kana_is_no_new_event(pipeline):
    evs = events(pipeline, "وكانت التحقيقات كشفت أن المسؤول عن مقتل 38 سائحا في هجوم على شاطئ سوسة "
                           "تدرب في معسكر في ليبيا.")
    assert not [e for e in evs if e.status == "current"]


def test_an_earlier_report_with_its_own_day_is_still_dated(pipeline):
    evs = events(pipeline, "وكانت وزارة الداخلية أعلنت أمس مقتل ثلاثة مسلحين في اشتباكات مع قوات الأمن "
                           "في مدينة العريش.")
    assert [e for e in evs if e.event_type == "Battles"]


def test_being_determined_to_keep_fighting_is_no_clash(pipeline):
    evs = events(pipeline, "وخلال زيارة إلى إندونيسيا الجمعة، قال الرئيس التركي إن بلاده عانت من خسائر كبيرة، "
                           "إلا أنها مصممة على مواصلة القتال ضد تنظيم داعش.")
    assert not [e for e in evs if e.event_type == "Battles"]


def test_the_subject_after_a_masculine_capture_verb_took_the_ground(pipeline):
    [e] = [e for e in events(pipeline, "سيطر مقاتلو المعارضة السورية أمس على نقاط عدة في الجبل الشرقي "
                                       "في الزبداني بريف دمشق.") if e.event_type == "Battles"]
    assert e.actor1 == "Opposition Rebels (Syria)"
    assert e.sub_event_type == "Non-state actor overtakes territory"


def test_the_object_of_a_capture_noun_lost_the_ground(pipeline):
    [e] = [e for e in events(pipeline, "أعلنت الحكومة أمس تحرير مدينة زنجبار وطرد الحوثيين منها.")
           if e.event_type == "Battles"]
    assert e.actor1 != "Houthis: Ansar Allah"


def test_fighting_that_stopped_is_no_clash(pipeline):
    evs = events(pipeline, "قال مسؤول في الأمم المتحدة بعد زيارة مدينة عدن إن المساعدات ستزداد الآن بعد أن "
                           "توقف القتال تقريبا في المدينة.")
    assert not [e for e in evs if e.event_type == "Battles"]


def test_barrel_bombs_in_the_dual_are_an_air_strike_on_the_group_holding_the_town(pipeline):
    evs = [e for e in events(pipeline, "ألقى الطيران المروحي التابع للنظام السوري أمس برميلين متفجرين على مناطق في بلدة الشدادي "
                                       "التي يسيطر عليها تنظيم داعش في ريف الحسكة الجنوبي.")
           if e.sub_event_type == "Air/drone strike"]
    assert evs
    assert evs[0].actor1 != "Islamic State"


def test_a_militia_beside_an_air_strike_is_its_target(pipeline):
    evs = [e for e in events(pipeline, "تعرضت مناطق يسيطر عليها تنظيم داعش في بلدة الشدادي لقصف جوي أمس.")
           if e.sub_event_type == "Air/drone strike"]
    assert evs and evs[0].actor1 != "Islamic State"


def test_doubt_about_whose_aircraft_struck_is_no_doubt_that_they_struck(pipeline):
    evs = events(pipeline, "نفذت طائرات يعتقد أنها تابعة للتحالف الدولي أمس عدة ضربات على منطقة صرين "
                           "بريف حلب الشمالي الشرقي.")
    assert [e for e in evs if e.sub_event_type == "Air/drone strike"]


def test_what_officials_believe_a_group_may_do_is_no_event(pipeline):
    evs = events(pipeline, "ويعتقد مسؤولو الاستخبارات أن التنظيم قد ينفذ هجمات جديدة في مدينة الرمادي.")
    assert not evs


def test_sending_people_away_from_a_group_or_office_is_no_territory(pipeline):
    evs = events(pipeline, "قالت مصادر أمس إن تنظيم داعش طرد نحو 45 من قيادييه وعناصره في مدينة الرقة. "
                           "واقتحم مسلحون مكتب القناة في صنعاء أمس وطردوا الطاقم العامل فيها.")
    assert not [e for e in evs if e.sub_event_type in ("Government regains territory",
                                                       "Non-state actor overtakes territory")]


def test_driving_fighters_out_of_a_town_is_still_territory(pipeline):
    evs = events(pipeline, "طردت قوات المقاومة الشعبية أمس مسلحي الحوثي من مدينة زنجبار.")
    assert [e for e in evs if e.event_type == "Battles"]


def test_the_link_line_at_the_foot_of_a_report_lends_no_place(pipeline):
    evs = events(pipeline, "قتل خمسة من الحوثيين أمس في غارات شنها طيران التحالف على محافظة الحديدة.\n"
                           "رابط الخبر بصحيفة الوئام: غارات للتحالف على مدينة زبيد")
    assert evs
    assert all("رابط الخبر" not in ev.text for e in evs for ev in e.evidence)


def test_a_crisis_set_off_is_no_bombing(pipeline):
    evs = events(pipeline, "وأدى الصراع بين الرئيس وحليفه السابق إلى تفجير أزمة كبرى في العاصمة أنقرة أمس.")
    assert not [e for e in evs if e.event_type == "Explosions/Remote violence"]


def test_trucks_stopped_by_the_police_are_no_arrest(pipeline):
    evs = events(pipeline, "وقال السائق إن الشرطة كانت تقوم أمس بتوقيف الشاحنات على الحدود قرب بلدة أقجة قلعة.")
    assert not [e for e in evs if e.sub_event_type == "Arrests"]


def test_a_states_air_strikes_are_its_militarys_not_its_polices(pipeline):
    evs = [e for e in events(pipeline, "قالت وكالة الأنباء إن قوات الأمن التركية واصلت عملياتها، وإن نحو ثلاثين من "
                                       "مقاتلي حزب العمال الكردستاني قتلوا أمس في الغارات التركية على مواقعهم.")
           if e.sub_event_type == "Air/drone strike"]
    assert evs
    assert all(not (e.actor1 or "").startswith("Police Forces") for e in evs)


def test_the_newspaper_a_source_spoke_to_is_not_a_place(pipeline):
    evs = events(pipeline, 'وقال مصدر عسكري يمني ل"الرياض" إن معارك عنيفة دارت أمس بين المقاومة الشعبية '
                           "والحوثيين وأسفرت عن سقوط عشرات القتلى.")
    assert all(e.location != "Riyadh" for e in evs)
    evs = events(pipeline, "وقال مصدر عسكري يمني لصحيفة الرياض إن معارك عنيفة دارت أمس بين المقاومة الشعبية "
                           "والحوثيين وأسفرت عن سقوط عشرات القتلى.")
    assert all(e.location != "Riyadh" for e in evs)


def test_a_date_next_to_the_event_beats_a_precise_day_of_another_clause(pipeline):
    evs = [e for e in events(pipeline, "وفي محاولة لإظهار التأييد للجيش زار رئيس الوزراء التركي أمس موقعا "
                                       "أماميا حدوديا في منطقة كلس قرب الموقع الذي قتل فيه جندي في اشتباكات "
                                       "مع متشددي تنظيم داعش في الشهر الماضي.") if e.event_type == "Battles"]
    assert evs and all(e.status == "background" and str(e.event_date).startswith("2015-07") for e in evs)


def test_a_hostage_named_again_is_no_new_kidnapping_or_arrest(pipeline):
    evs = events(pipeline, "وكانت الحركة قد أطلقت الأسبوع الماضي سراح ضابط في كولومبيا كانت تحتجزه رهينة.")
    assert not [e for e in evs if e.sub_event_type in ("Arrests", "Abduction/forced disappearance")]


def test_gunmen_taking_hostages_is_still_an_abduction(pipeline):
    evs = events(pipeline, "اقتحم مسلحون مجهولون أمس فندقا في مدينة سوسة واحتجزوا رهائن من نزلائه.")
    assert [e for e in evs if e.sub_event_type == "Abduction/forced disappearance"]


def test_a_road_closed_to_avoid_attacks_reports_no_attack(pipeline):
    evs = events(pipeline, "وأغلقت السلطات التركية أمس طريقا سريعا في شرق البلاد قرب مدينة وان لتجنب هجمات إرهابية.")
    assert not [e for e in evs if e.event_type in ("Battles", "Violence against civilians")]


def test_the_group_an_attack_is_attributed_to_is_its_author(pipeline):
    evs = [e for e in events(pipeline, "وعدت الحكومة التركية بتعزيز الإجراءات الأمنية غداة هجوم انتحاري نسب إلى "
                                       "تنظيم داعش وضرب مدينة سوروتش، ما أودى بحياة 32 شخصا على الأقل.")
           if e.event_type == "Explosions/Remote violence"]
    assert evs and evs[0].actor1 == "Islamic State"


def test_a_capture_named_after_baada_is_the_time_counted_from(pipeline):
    evs = events(pipeline, "دعا الرئيس اليمني اليوم المبعوث الأممي إلى زيارة محافظة عدن بعد تحريرها من "
                           "الميليشيات الحوثية.")
    assert not [e for e in evs if e.event_type == "Battles"]


def test_a_capture_told_by_its_verb_is_still_news(pipeline):
    evs = events(pipeline, "تمكنت قوات المقاومة الشعبية أمس من السيطرة على مطار عدن بعد معارك عنيفة مع الحوثيين.")
    assert [e for e in evs if e.sub_event_type == "Government regains territory"]


def test_the_fighting_a_curfew_follows_is_its_prelude_not_an_event_apart(pipeline):
    evs = events(pipeline, "أعلنت قوى الأمن أمس حظر التجول في مدينة الحسكة عقب اشتباكات عنيفة بين مسلحين.")
    assert [e.sub_event_type for e in evs] == ["Other"]


def test_the_fighting_after_baada_is_the_event_when_the_sentence_tells_no_other(pipeline):
    evs = events(pipeline, "تقدمت المقاومة الشعبية أمس باتجاه مقر قيادة المحور في مدينة تعز بعد اشتباكات عنيفة "
                           "مع ميليشيات الحوثي.")
    assert [e for e in evs if e.sub_event_type == "Armed clash"]


def test_israeli_gunboats_are_israels_military(pipeline):
    evs = [e for e in events(pipeline, "قصفت الزوارق الحربية الإسرائيلية أمس مواقع على شاطئ بلدة بيت لاهيا شمال قطاع غزة.")
           if e.event_type == "Explosions/Remote violence"]
    assert evs and evs[0].actor1 == "Military Forces of Israel"


def test_a_state_force_named_as_subject_before_an_attack_verb_is_the_attacker(pipeline):
    evs = [e for e in events(pipeline, "وقالت مصادر محلية إن الزوارق الحربية الإسرائيلية استهدفت أمس مراكب "
                                       "الصيادين قبالة سواحل منطقة السودانية شمال غرب قطاع غزة.")
           if e.event_type in ("Battles", "Violence against civilians")]
    assert evs and evs[0].actor1 == "Military Forces of Israel"


def test_a_state_force_after_an_attack_word_is_still_its_target(pipeline):
    evs = events(pipeline, "استهدف هجوم أمس دورية للجيش العراقي في بلدة الكرمة.")
    assert evs and evs[0].actor2 == "Military Forces of Iraq"


def test_a_side_named_before_a_new_clause_is_not_the_subject_of_its_trigger(pipeline):
    evs = [e for e in events(pipeline, "دخل مقاتلو المقاومة الشعبية أمس إلى مدينة زنجبار، بينما قصفت طائرات "
                                       "التحالف العربي مواقع للحوثيين في مدينة مأرب.")
           if e.sub_event_type == "Air/drone strike"]
    assert evs and evs[0].actor1 == "Saudi-led Coalition"


def test_the_speaker_before_a_reported_clause_is_not_its_subject(pipeline):
    evs = [e for e in events(pipeline, "أعلن المقاتلون الأكراد أمس أن الدبابات التركية قصفت قرية في ريف حلب الشمالي.")
           if e.event_type == "Explosions/Remote violence"]
    assert evs and evs[0].actor1 == "Military Forces of Turkey"


def test_a_force_that_says_it_took_ground_took_it(pipeline):
    evs = [e for e in events(pipeline, "أكدت القوات الموالية للحكومة الشرعية أمس أنها بسطت سيطرتها على حي "
                                       "المنصورة آخر معقل للمتمردين الحوثيين في مدينة عدن.")
           if "territory" in e.sub_event_type]
    assert evs
    assert evs[0].sub_event_type == "Government regains territory"
    assert evs[0].actor1 == "Military Forces of Yemen (Hadi government)"


def test_authorities_saying_he_blew_himself_up_are_not_the_bomber(pipeline):
    evs = events(pipeline, "وأشارت السلطات التركية إلى أنه فجر نفسه وسط حشد من الشبان في بلدة سوروتش أمس.")
    assert evs and all(e.actor1 != "Police Forces of Turkey" for e in evs)


def test_the_only_side_named_after_with_is_the_one_fought_not_the_actor(pipeline):
    evs = events(pipeline, "وسيطر رجال قبائل موالون للحكومة أمس على أربع مناطق في محافظة إب وسط اشتباكات "
                           "عنيفة مع المتمردين الحوثيين.")
    assert evs and all(e.actor1 != "Houthis: Ansar Allah" for e in evs)
