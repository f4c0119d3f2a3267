"""Words that name a weapon, a door, goods or a front without reporting a shot
(spec §1: not events). Each rule has a sentence that must make no event and a
sentence with the same words that still must make its event."""

from datetime import date

import pytest

from rasd.model import Article

PUB = date(2015, 8, 9)


def extract(pipeline, text):
    return pipeline.extract(Article(id="t", text=text, published=PUB))


@pytest.mark.parametrize("text", [
    # A door blown open in a raid is no bombing.
    "وقال مصدر محلي أمس إن قوات الاحتلال فجرت باب منزل أحد الأسرى في بلدة بيت أمر.",
    # Goods taken are no territory.
    "وقال شهود عيان أمس إن قوات الاحتلال فتشت محلات تجارية في مخيم الدهيشة واستولت على كاميرات مراقبة.",
    # A depot or a gas cylinder that blew up is no attack.
    "وقال مصدر في الدفاع المدني أمس إن انفجار أسطوانة غاز في مطعم بمدينة الزرقاء أدى إلى تضرر المبنى.",
    # Weapons seized or delivered are objects, not shots fired.
    "وقال مصدر أمني أمس إن القوات العراقية تمكنت من الاستيلاء على 30 صاروخا في قضاء هيت.",
    "وقالت المصادر أمس إن المقاومة تسلمت دعما عسكريا من التحالف يضم دبابات وراجمات صواريخ في مدينة عدن.",
    # The fronts and ranks of a war, named in general.
    "وقال مصدر محلي أمس إن الحزب أعاد عشرات المقاتلين إلى جبهات القتال في ريف دمشق.",
    # A statement of support names protests; it reports none.
    "وأعلن تحالف القوى العراقية أمس في بغداد دعمه المطالب المشروعة للمظاهرات.",
    # Explosions heard are the sound of something told in its own words.
    "وقال شهود عيان إنهم سمعوا أمس دوي انفجارات عنيفة في مدينة صعدة.",
    # A release ends a kidnapping; it is no new one.
    "وقالت وزارة الخارجية أمس إن الخاطفين أطلقوا سراح المهندس التركي المختطف في مدينة صنعاء.",
    # Tens of thousands killed are a war's toll.
    "وأكد مسؤول كردي أمس أن عناصر داعش أعدموا عشرات الآلاف من المواطنين في مدينة الموصل.",
    # A crash from a technical fault is an accident.
    "وقتل 17 شخصا أمس في تحطم مروحية عسكرية في ولاية هلمند بسبب عطل تقني.",
    # An inquiry into suspected torture; an idiom.
    "وشكلت الحكومة أمس لجنة لتقصي شبهة تعذيب موقوفين في سجن المرناقية.",
    "وقال المحلل إن الاتهامات مجرد تصفية حسابات بين الأحزاب في مدينة البصرة.",
    # Ground held over a whole region; mines laid (however far the mines are named).
    "وأفادت مصادر محلية أمس بتقدم المقاومة الشعبية نحو مدينة يريم في وقت سيطرت على معظم محافظات الجنوب.",
    "وانسحب الحوثيون أمس من مدينة إب بعدما نشروا في الأحياء التي انسحبوا منها مئات الألغام.",
    # A present-tense verb in a relative clause says what something does or is for.
    "ولطالما عارض الرئيس التركي أمس في أنقرة العقوبات الدولية التي تستهدف الحد من برنامج طهران النووي.",
    "وقال المتحدث أمس إن التنظيم الذي يستهدف المدنيين في مدينة بنغازي لن يفلت من العقاب.",
    # A protest set for tomorrow has not happened.
    "وحدد ناشطون موعد تنظيم تظاهرة في ساحة التحرير وسط بغداد مساء غد.",
])
def test_no_event(pipeline, text):
    assert extract(pipeline, text) == []


def test_a_statistic_that_says_what_it_leaves_out_is_no_event(pipeline):
    text = ("وأشار التقرير الشهري إلى مقتل 300 عنصر من القوات الحكومية في محافظة نينوى، "
            "ولا تشمل هذه الحصيلة ضحايا العمليات العسكرية في محافظة الأنبار.")
    assert extract(pipeline, text) == []


@pytest.mark.parametrize("text,sub", [
    ("وقال مصدر محلي أمس إن مسلحين فجروا عبوة ناسفة قرب باب مركز للشرطة في مدينة العريش.",
     "Remote explosive/landmine/IED"),
    ("وقال مصدر أمني أمس إن القوات العراقية استولت على قرية البو شجل في قضاء الفلوجة.",
     "Government regains territory"),
    ("وقال مصدر محلي أمس إن الحوثيين قصفوا مدينة تعز بصواريخ الكاتيوشا.",
     "Shelling/artillery/missile attack"),
    ("واندلعت أمس اشتباكات عنيفة على جبهة الضالع بين المقاومة الشعبية والحوثيين.", "Armed clash"),
    ("وخرج أمس الآلاف في مظاهرات في بغداد للمطالبة بتحسين الخدمات.", "Peaceful protest"),
    ("وانفجرت أمس سيارة مفخخة في مدينة بعقوبة وسمع دوي الانفجار في أنحاء المدينة.",
     "Remote explosive/landmine/IED"),
    ("وقال مصدر أمني أمس إن مسلحين اختطفوا مهندسا تركيا في مدينة صنعاء.", "Abduction/forced disappearance"),
    ("وسيطرت المقاومة الشعبية أمس على مدينة يريم في محافظة إب.", "Government regains territory"),
    ("وشنت طائرات التحالف أمس غارات استهدفت مواقع داعش في مدينة الرقة.", "Air/drone strike"),
    ("وقال مصدر أمني أمس إن عناصر داعش أعدموا 12 مواطنا في مدينة الموصل.", "Attack"),
])
def test_the_same_words_still_report_an_event(pipeline, text, sub):
    assert [e.sub_event_type for e in extract(pipeline, text)] == [sub]


def test_a_cue_governs_its_own_clause_not_the_next_one(pipeline):
    # «توعد» cancels the threat it makes, not the clash the «فيما» clause reports.
    text = "وتوعد الجيش العراقي تنظيم داعش بالرد القاسي فيما اندلعت أمس اشتباكات عنيفة في مدينة الرمادي."
    [e] = extract(pipeline, text)
    assert e.sub_event_type == "Armed clash" and e.location == "Ramadi"


def test_a_cue_still_governs_the_clause_it_introduces(pipeline):
    assert extract(pipeline, "وهدد الحوثيون بأن قواتهم ستشن هجمات على مدينة جازان.") == []
    assert extract(pipeline, "وحذر الجيش من هجوم وشيك على مدينة الرمادي، وقال إن قواته مستعدة.") == []


def test_an_event_dated_after_publication_has_not_happened(pipeline):
    # «في أغسطس المقبل» is a plan; no cue word is needed once the day is known.
    text = "وتعقد الفصائل اجتماعا في 20 أغسطس 2015 لتنسيق الهجوم على مدينة إدلب."
    assert extract(pipeline, text) == []
    [e] = extract(pipeline, "وقصفت طائرات التحالف أمس مواقع الحوثيين في مدينة صعدة.")
    assert e.event_date == "2015-08-08"


def test_a_cue_may_govern_named_trigger_forms_only(pipeline):
    from rasd.events.lexicon import load_lexicon
    lex = load_lexicon()
    cues = [m.payload[0].cue for m in lex.markers.find("التي") if m.payload[0].cue is not None]
    assert cues and all(c.only for c in cues)


def test_a_cue_that_governs_an_unknown_trigger_is_a_lexicon_error(tmp_path):
    from rasd.errors import RasdError
    from rasd.events.lexicon import load_lexicon
    path = tmp_path / "lexicon.yaml"
    path.write_text("triggers:\n  - sub_event_type: Armed clash\n    forms: [اشتباكات]\n"
                    "cancel_cues:\n  - kind: plan\n    only: [غير_موجود]\n    forms: [سوف]\n", encoding="utf-8")
    with pytest.raises(RasdError, match="only"):
        load_lexicon(path)
