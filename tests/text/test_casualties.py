"""Casualty phrases (issue 4), table-driven over real sentences.

Every case is a sentence (or clause) copied verbatim from a real article;
`source` names it: "dev:<id>" is /work/shared/corpus/dev/articles.jsonl,
"snn:<id>" is /work/shared/data/raw/saudinewsnet_conflict/
saudinewsnet_conflict_2015.jsonl.xz (SaudiNewsNet, CC BY-NC-SA 4.0; short
quotations for testing). Expected values follow spec §1: conservative
counts, «أكثر من سبعة» → 7 approximate, duals → 2, «بينهم» adds nothing,
a count the text does not give → 0 approximate.
"""

from __future__ import annotations

import pytest

from rasd.text.casualties import find_casualties, over_period
from rasd.text.normalize import normalize

# (source, sentence, [(kind, count, approx), ...] in text order)
CASES: list[tuple[str, str, list[tuple[str, int, bool]]]] = [
    ("dev:northpress-20220122-sinaa-prison", "قضى فيه 11 عنصراً من الجيش العراقي بينهم ضابط",
     [("killed", 11, False)]),
    ("dev:northpress-20220122-sinaa-prison", "ما أسفر عن إصابة اثنين من الحراس",
     [("injured", 2, False)]),
    ("dev:northpress-20220122-sinaa-prison", "بينما تحدث مصدر في قوى الأمن الداخلي عن ثلاثة قتلى مدنيين على الأقل",
     [("killed", 3, True)]),
    ("dev:northpress-20220122-sinaa-prison", "وقتلت مجموعة من “داعش” داخل السجن أكثر من سبعة معتقلين آخرين حاولوا التقدم",
     [("killed", 7, True)]),
    ("dev:northpress-20220122-sinaa-prison", "إلقاء القبض على نحو 110 من معتقلي تنظيم الدولة الإسلامية (داعش)",
     [("arrested", 110, True)]),
    ("dev:northpress-20220122-sinaa-prison", "من سحب جثتين لعناصر من تنظيم “داعش” قتلا خلال الاشتباكات",
     [("killed", 2, False)]),
    ("dev:northpress-20220122-sinaa-prison", "وقضى في الهجوم عنصران من وحدات مقاومة شنكال وأصيب اثنان آخران",
     [("killed", 2, False), ("injured", 2, False)]),
    ("dev:snn_410341807926", "ما أدى إلى مصرع 18 متمردا وإصابة 25 آخرين بجراح",
     [("killed", 18, False), ("injured", 25, False)]),
    ("dev:snn_410341807926", "بعد مواجهات عنيفة أسفرت عن مقتل 38 متمردا وإصابة 24 آخرين بجروح",
     [("killed", 38, False), ("injured", 24, False)]),
    ("dev:snn_fe0863b3783b", "إن ضابطي شرطة ومجندا أصيبوا في انفجار وقع اليوم الاثنين",
     [("injured", 3, False)]),
    ("dev:snn_fe0863b3783b", "إن أربعة أشخاص أصيبوا ونقلوا إلى مستشفيين",
     [("injured", 4, False)]),
    ("dev:snn_fe0863b3783b", "وقتل ضابطا شرطة ومجند ومسلح أمس الأحد في هجوم بمدينة العريش",
     [("killed", 4, False)]),
    ("dev:snn_66b514812cc8", "مقتل أكثر من 20 جنديًا من الحرس الثوري الإيراني في اشتباكات",
     [("killed", 20, True)]),
    ("dev:snn_66b514812cc8", "أن مقاتليها قتلوا أكثر من عشرين جنديا من قوات الحرس الثوري الإيراني",
     [("killed", 20, True)]),
    ("dev:snn_66b514812cc8", "وأسفرت هذه الهجمات عن مقتل أكثر من عشرين جنديا إيرانيا وإصابة خمسة آخرين بجروح",
     [("killed", 20, True), ("injured", 5, False)]),
    ("dev:snn_bcd59a23410b", "ان نحو 260 مقاتلا كرديا من حزب العمال الكردستاني قتلوا ومئات جرحوا خلال اسبوع",
     [("killed", 260, True), ("injured", 100, True)]),
    ("dev:snn_bcd59a23410b", "الى ذلك أفاد شهود عيان امس بمقتل ثمانية مدنيين واصابة سبعة آخرين",
     [("killed", 8, False), ("injured", 7, False)]),
    ("dev:snn_8646e10111db", "ما أسفر عن إصابة ثلاثة من رجال الشرطة وسبعة مدنيين",
     [("injured", 10, False)]),
    ("dev:snn_8646e10111db", "إن أحد المهاجمين قتل خلال التفجير في حين لقي اثنان آخران وضابط شرطة حتفهم",
     [("killed", 1, False), ("killed", 3, False)]),
    ("dev:snn_d4337d9826d4", "ما أدى الى مقتل شرطي وذلك في اطار تصاعد العنف",
     [("killed", 1, False)]),
    ("dev:snn_d4337d9826d4", "ما أدى الى مقتل ضابط وإصابة آخر",
     [("killed", 1, False), ("injured", 1, False)]),
    ("dev:snn_d4337d9826d4", "فيما لم ترد تقارير عن سقوط قتلى أو جرحى",
     []),
    ("dev:snn_d4337d9826d4", "وقبل ذلك بيوم قتل ستة أشخاص في اشتباكات بين قوات الأمن والمقاتلين الأكراد",
     [("killed", 6, False)]),
    ("dev:snn_d4337d9826d4", "إن 24 من أفراد قوات الأمن قتلوا في هجمات للمقاتلين الأكراد خلال الشهر الماضي",
     [("killed", 24, False)]),
    ("dev:snn_d4337d9826d4", "وقتل أكثر من 40 ألف شخص في الصراع",
     [("killed", 40000, True)]),
    ("dev:snn_47a43b546944", "بلغ عدد الجرحى 2108 جرحى",
     [("injured", 2108, False)]),
    ("dev:snn_47a43b546944", "إذ بلغ مجموع الضحايا المدنيين 1091 شخصًا ( 335 قتيلاً و 756 جريحًا)",
     [("killed", 335, False), ("injured", 756, False)]),
    ("dev:snn_47a43b546944", "أعلنت بعثة الأمم المتحدة في العراق “يونامي” مقتل وإصابة 3440 عراقيًا خلال شهر يوليو الماضي",
     [("killed", 0, True), ("injured", 0, True)]),
    ("dev:snn_48ecf5e5eb0c", "ونتج عنه استشهاد عشرة من منسوبي قوات الطوارئ الخاصة وثلاثة من العاملين في الموقع",
     [("killed", 13, False)]),
    ("dev:snn_329da700d8af", "قتل 44 شخصاً على الأقل وجرح مئات آخرون في الساعات الـ24 الأخيرة في كابول",
     [("killed", 44, True), ("injured", 100, True)]),
    ("dev:snn_329da700d8af", "وتسبب بمقتل 15 شخصاً على الأقل وجرح أكثر من 240 آخرين",
     [("killed", 15, True), ("injured", 240, True)]),
    ("dev:snn_329da700d8af", "ولم تعلن حركة طالبان مسؤوليتها عن هجوم أول أوقع 15 قتيلاً في منطقة سكنية",
     [("killed", 15, False)]),
    ("dev:snn_8ea1b8821a92", "ما أدى إلى استشهاد 26 شخصا وإصابة 227 آخرين",
     [("killed", 26, False), ("injured", 227, False)]),
    ("dev:snn_d995c17f618a", "إن القوات الأمنية قتلت 10 من عناصر تنظيم داعش",
     [("killed", 10, False)]),
    ("dev:snn_d995c17f618a", "أربعة جنود أصيبوا بحروق خلال محاولتهم إطفاء نيران",
     [("injured", 4, False)]),
    ("dev:snn_4c2175955a44", "كما كبدتهم خسائر بلغت أكثر من 60 قتيلا و110 جرحى",
     [("killed", 60, True), ("injured", 110, False)]),
    ("dev:snn_faad2511d0f1", "أسفرت عن مقتل 42 مسلحا من عناصر ميليشيات الحوثي وصالح وإصابة 93 آخرين",
     [("killed", 42, False), ("injured", 93, False)]),
    ("dev:snn_faad2511d0f1", "وتمكنت المقاومة من أسر 11 مسلحا",
     [("arrested", 11, False)]),
    ("dev:snn_faad2511d0f1", "بينما قتل 9 من مسلحي المقاومة وأصيب 15 آخرون",
     [("killed", 9, False), ("injured", 15, False)]),
    ("dev:snn_faad2511d0f1", "وفي تعز المدينة قتل مدني واحد وأصيب أربعة آخرون جراء قصف ميليشيات الحوثي",
     [("killed", 1, False), ("injured", 4, False)]),
    ("dev:snn_faad2511d0f1", "وبحسب المصدر فإن 3 حوثيين قتلوا على متن دبابة",
     [("killed", 3, False)]),
    ("dev:snn_faad2511d0f1", "وقتل 8 مسلحين وجرح 9 آخرين على متنها في الجبهة ذاتها",
     [("killed", 8, False), ("injured", 9, False)]),
    ("dev:snn_faad2511d0f1", "وقتل 2 من طاقمه وأصيب 3 آخرون",
     [("killed", 2, False), ("injured", 3, False)]),
    ("dev:snn_faad2511d0f1", "بعد معارك دامية سقط فيها عشرات القتلى والجرحى من الجانبين",
     [("killed", 0, True), ("injured", 0, True)]),
    ("dev:snn_7ec89bd2b77f", "قتل 5 وأصيب 11 آخرين من الحوثيين وقوات صالح في كمين للمقاومة",
     [("killed", 5, False), ("injured", 11, False)]),
    ("dev:snn_a8fd2a3007c1", "نتج عن الحادث الإجرامي استشهاد (15) خمسة عشر مصلياً",
     [("killed", 15, False)]),
    ("dev:snn_7389f7f10b5c", "ووثق المرصد مقتل 71 ألفا و781 مدنيا بينهم 11 ألفا و964 طفلا",
     [("killed", 71781, False)]),
    ("dev:snn_be84f2355537", "إن اثنين من المتشددين قتلا أيضا في الهجوم",
     [("killed", 2, False)]),
    ("dev:snn_be84f2355537", "وأسفرت موجة التفجيرات أمس عن مقتل 49 شخصا وإصابة مئات آخرين",
     [("killed", 49, False), ("injured", 100, True)]),
    ("dev:snn_8a130ca110df", "بعد معارك كرّ وفر كبّدت قوات النظام 12 قتيلاً وعشرات الجرحى",
     [("killed", 12, False), ("injured", 12, True)]),
    ("dev:snn_8a130ca110df", "ومقتل ما لا يقل عن 12 عنصرًا نظاميًا وعشرات الجرحى",
     [("killed", 12, True), ("injured", 12, True)]),
    ("dev:snn_7db25f1379cb", "ولقي أربعة عراقيين مصرعهم",
     [("killed", 4, False)]),
    ("dev:snn_7db25f1379cb", "فيما قتل وأصيب عدد من مساعديه بغارة جوية نفذتها طائرات التحالف الدولي",
     [("killed", 0, True), ("injured", 0, True)]),
    ("snn:snn_acc842545a92", "ما اسفر عن مقتل 15 من المتمردين الحوثيين كانوا متجمعين في مبنى القيادة",
     [("killed", 15, False)]),
    ("snn:snn_acc842545a92", "مما أدى إلى مقتل نحو 29 من المتمردين",
     [("killed", 29, True)]),
    ("snn:snn_1c5450ab877c", "الذي أدى إلى مقتل 27 مصليا وجرح 227 آخرين",
     [("killed", 27, False), ("injured", 227, False)]),
    ("snn:snn_1c5450ab877c", "الذي أسفر عن سقوط 21 قتيلا وسبعة وتسعين جريحا حينها",
     [("killed", 21, False), ("injured", 97, False)]),
    ("snn:snn_1c5450ab877c", "راح ضحيته أربعة قتلى وسبعة مصابين",
     [("killed", 4, False), ("injured", 7, False)]),
    ("snn:snn_bc613b149c8b", "وأن الهجوم أسفر عن سقوط قتيلين من جماعة الحوثي وإصابة أربعة آخرين",
     [("killed", 2, False), ("injured", 4, False)]),
    ("snn:snn_bc613b149c8b", "بينما أسفرت عن مقتل ما يقارب 6 من المقاومة وإصابة آخرين",
     [("killed", 6, True), ("injured", 0, True)]),
    ("snn:snn_3e84e3a9f908", "فلقي 22 متمردا مصرعهم في غارة جوية لطيران التحالف",
     [("killed", 22, False)]),
    ("snn:snn_3e84e3a9f908", "لقي ثمانية من مقاتلي الحوثيين مصرعهم وأصيب 12 آخرون في مواجهات بين الطرفين",
     [("killed", 8, False), ("injured", 12, False)]),
    ("snn:snn_3e84e3a9f908", "ما أسفر عن مقتل ثلاثة مدنيين وإصابة 20 آخرين",
     [("killed", 3, False), ("injured", 20, False)]),
    ("snn:snn_48c445262208", "وكانت الحصيلة 93 قتيلا بينهم 24 طفلا و10 نساء و59 من الرجال",
     [("killed", 93, False)]),
    ("snn:snn_48c445262208", "مما أسفر عن مقتل 11 مسلحا حوثيا وجرح أكثر من 30 مسلحا",
     [("killed", 11, False), ("injured", 30, True)]),
    ("snn:snn_84fcb28d93ff", "أسفرت عن مقتل 12 منهم على الأقل",
     [("killed", 12, True)]),
    ("snn:snn_84fcb28d93ff", "وسقوط أكثر من 3 قتلى وعدد من الجرحى في قصف حي الروضة",
     [("killed", 3, True), ("injured", 0, True)]),
    ("snn:snn_d2e44dd404ee", "أدت غارة شنتها طائرة أميركية بدون طيار في محافظة مأرب إلى مقتل أربعة عناصر من القاعدة",
     [("killed", 4, False)]),
    ("snn:snn_133ef2d7e331", "واسفرت الضربات عن مقتل قرابة 50 شخصا منهم",
     [("killed", 50, True)]),
    ("snn:snn_8e406e0d000f", "أعلن المتحدث باسم القوات الموالية ناصر الشعيبي مقتل أربعة متمردين في كمين وأسر 119 آخرين",
     [("killed", 4, False), ("arrested", 119, False)]),
    ("snn:snn_354f555825f2", "وكان خمسة مسلحين حوثيين من محافظة عمران لقوا مصرعهم واصيب سبعة آخرين السبت",
     [("killed", 5, False), ("injured", 7, False)]),
    ("snn:snn_9dd4cdf0be2f", "واسفر عن مقتل ستة حوثيين على الاقل واصابة اخرين",
     [("killed", 6, True), ("injured", 0, True)]),
    ("snn:snn_38ce7d2a983b", "مشيرة إلى سقوط أحد عشر قتيلا في صفوف القوات الموالية لهادي",
     [("killed", 11, False)]),
    ("snn:snn_27fbaa7787b8", "فيما قتل مدنين 2 و5 جرحى نتيجة القصف العشوائي",
     [("killed", 2, False), ("injured", 5, False)]),
    ("dev:snn_be84f2355537", "أن جنديا من قواته وثمانية مقاولين أفغان قتلوا في هجوم للمتشددين على قاعدة",
     [("killed", 9, False)]),
    ("dev:snn_329da700d8af", "أن جندياً في الحلف قتل في هذا الهجوم",
     [("killed", 1, False)]),
    ("dev:snn_90ffaa028a63", "وإعلان وزارة الداخلية المصرية عن مقتل رجلي أمن وإصابة ثلاثة آخرين في انفجار عبوة",
     [("killed", 2, False), ("injured", 3, False)]),
    ("snn:snn_b54c74cb0523", "مقتل عشرة مدنيين السبت بينهم",
     [("killed", 10, False)]),
    ("snn:snn_48c445262208", "عن نزوح أكثر من 85 ألف أسرة نزحت من المدنية",
     [("displaced", 85000, True)]),
]


@pytest.mark.parametrize("source, sentence, expected", CASES, ids=[f"{i:02d}-{c[0]}" for i, c in enumerate(CASES)])
def test_real_casualty_sentences(source, sentence, expected):
    norm, _ = normalize(sentence)
    got = [(c.kind, c.count, c.approx) for c in find_casualties(norm)]
    assert got == expected, f"{source}: {sentence}"


def test_at_least_forty_real_cases():
    assert len(CASES) >= 40


def find(sentence: str):
    norm, _ = normalize(sentence)
    return norm, find_casualties(norm)


def test_victims_are_the_group_after_the_count():
    norm, found = find("قضى فيه 11 عنصراً من الجيش العراقي بينهم ضابط")
    (c,) = found
    assert c.victim == norm[c.victim_start:c.victim_end]
    assert "الجيش العراقي" in c.victim and "ضابط" not in c.victim


def test_victims_in_the_ranks_of():
    _, (c,) = find("مشيرة إلى سقوط أحد عشر قتيلا في صفوف القوات الموالية لهادي")
    assert c.victim.startswith("القوات المواليه")


def test_subject_first_victims_are_the_words_before_the_verb():
    _, (c,) = find("وبحسب المصدر فإن 3 حوثيين قتلوا على متن دبابة")
    assert c.victim == "حوثيين"


def test_weekday_ends_the_victims():
    _, (c,) = find("مقتل عشرة مدنيين السبت بينهم")
    assert c.victim == "مدنيين"


def test_others_have_no_victim_of_their_own():
    _, found = find("ما أدى إلى مصرع 18 متمردا وإصابة 25 آخرين بجراح")
    assert [c.victim for c in found] == ["متمردا", None]


def test_span_covers_the_phrase_and_lies_in_the_text():
    norm, found = find("وقال المصدر إن الهجوم أسفر عن مقتل 3 جنود وإصابة 5 آخرين، ثم انسحب المهاجمون.")
    assert [(c.kind, c.count) for c in found] == [("killed", 3), ("injured", 5)]
    for c in found:
        assert norm[c.start:c.end] == c.text
    assert found[0].text.startswith("مقتل 3") and found[1].text.startswith("اصابه 5")


def test_range_start_end_restrict_the_search():
    norm, _ = normalize("قتل 5 مدنيين. وأصيب 7 آخرون.")
    second = norm.index("واصيب")
    assert [(c.kind, c.count) for c in find_casualties(norm, second)] == [("injured", 7)]


def test_numbers_that_are_years_days_or_things_are_not_counts():
    assert find("قتل في 8 يوليو خلال تنقله بسيارة")[1] == []
    assert find("اصيب والدي بثلاث رصاصات في صدره")[1] == []


def test_bare_plural_is_an_unknown_count_only_when_reported():
    _, found = find("مما تسبب في سقوط قتلى وجرحى بين المدنيين")
    assert [(c.kind, c.count, c.approx, c.qualifier) for c in found] == [
        ("killed", 0, True, "unknown"), ("injured", 0, True, "unknown"),
    ]
    assert find("انضموا إلى قائمة شهداء الوطن")[1] == []
    assert find("ولجان المقاومة وأسر الشهداء والجرحى")[1] == []  # the dead and wounded in general
    assert find("بحوزة الجيش الوطني أسرى إيرانيون")[1] == []  # prisoners held, no arrest reported


def test_negated_casualties_are_dropped():
    assert find("ولم يصب أحد في الانفجار")[1] == []
    assert find("دون وقوع إصابات أو قتلى")[1] == []


def test_pronoun_suffix_counts_the_person():
    _, found = find("بعد نحو شهرين على مقتله")
    assert [(c.kind, c.count) for c in found] == [("killed", 1)]
    _, found = find("وأكدت الشرطة إصابتهما")
    assert [(c.kind, c.count) for c in found] == [("injured", 2)]


def test_kidnapped_and_displaced_kinds():
    _, found = find("وقامت المجموعة باختطاف ثلاثة صحفيين")
    assert [(c.kind, c.count) for c in found] == [("kidnapped", 3)]
    _, found = find("وأدت المعارك إلى نزوح نحو 5 آلاف شخص")
    assert [(c.kind, c.count, c.approx) for c in found] == [("displaced", 5000, True)]


# Written for these tests (not quoted): other common shapes of the same news
# language, so the rules are not tuned to the corpus sentences alone.
COMMON_FORMS = [
    ("استشهد 3 فلسطينيين برصاص الاحتلال", [("killed", 3, False)]),
    ("ارتفعت حصيلة ضحايا التفجير إلى 25 قتيلا و40 جريحا", [("killed", 25, False), ("injured", 40, False)]),
    ("اعتقلت قوات الأمن 12 متظاهرا", [("arrested", 12, False)]),
    ("شنت قوات الاحتلال حملة اعتقالات طالت 15 فلسطينيا", [("arrested", 15, False)]),
    ("قتل مسلحون مجهولون شرطيا في الموصل", [("killed", 1, False)]),
    ("لقي شخصان مصرعهما", [("killed", 2, False)]),
    ("سقط 5 شهداء في القصف", [("killed", 5, False)]),
    ("خطف مسلحون 3 أجانب", [("kidnapped", 3, False)]),
    ("نزح أكثر من 10 آلاف شخص من المدينة", [("displaced", 10000, True)]),
    ("تم اعتقال 7 أشخاص", [("arrested", 7, False)]),
    ("مقتل جندي وإصابة اثنين", [("killed", 1, False), ("injured", 2, False)]),
    ("قتلى وجرحى في قصف على حلب", [("killed", 0, True), ("injured", 0, True)]),
    ("قُتل شخصان وأُصيب ثلاثة آخرون في انفجار سيارة مفخخة", [("killed", 2, False), ("injured", 3, False)]),
    ("قتل ١٢ شخصاً على الأقل، بينهم ٣ أطفال", [("killed", 12, True)]),
    ("قالت المصادر إن طفلا و3 نساء قتلوا في القصف", [("killed", 4, False)]),
    ("نفذت حملة الاعتقالات فجر اليوم", []),
    ("سقط ما لا يقل عن 10 قتلى في القصف", [("killed", 10, True)]),
    ("عثر على جثث 5 أشخاص في النهر", [("killed", 5, False)]),
    ("قتل 4 أشخاص من عائلة واحدة", [("killed", 4, False)]),
    ("مقتل ثلاثة أشخاص بينهم طفلان", [("killed", 3, False)]),
    ("ارتفعت حصيلة قتلى التفجير إلى 30", [("killed", 30, False)]),
    ("هدد التنظيم بقتل الرهائن", []),
    ("ثم عاد الى بلاده سنة 1235 م بعد عامين قضاهما في تنفيذ مخططه", []),
    ("وأصدر وزير الصحة تعليمات بعدم خروج أي مصاب في الحادث من المستشفيات", []),
    ("وقالت المصادر إن ثلاثة أشخاص يعتقد أن القوات الأميركية اعتقلتهم", []),
]


@pytest.mark.parametrize("sentence, expected", COMMON_FORMS)
def test_common_forms(sentence, expected):
    norm, _ = normalize(sentence)
    assert [(c.kind, c.count, c.approx) for c in find_casualties(norm)] == expected


@pytest.mark.parametrize("sentence", [
    "وتمكنت القوات الأمنية من قتل العشرات من مسلحي التنظيم",
    "أسفرت الغارات عن سقوط عشرات القتلى في صفوف المسلحين",
])
def test_dozens_of_dead_is_coded_as_acled_codes_dozens(sentence):
    # ACLED: "dozens" → 12; «عشرات» is the Arabic press's "dozens" (a lower bound, so approximate).
    _, found = find(sentence)
    assert [(c.kind, c.count, c.approx) for c in found] == [("killed", 12, True)]


def test_tens_of_thousands_keep_their_own_lower_bound():
    _, found = find("أدى القتال إلى نزوح عشرات الآلاف من المدنيين")
    assert [(c.kind, c.count) for c in found] == [("displaced", 10000)]


@pytest.mark.parametrize("sentence, expected", [
    ("ونتج عن الهجوم استشهاد 12 من رجال الأمن، وثلاثة من العاملين في الموقع", [("killed", 15)]),
    ("أسفر التفجير عن مقتل 5 جنود، و3 مدنيين", [("killed", 8)]),
    # after the comma, another kind of casualty or no people: not more of the list
    ("قتل 5 أشخاص، وأصيب 3 آخرون", [("killed", 5), ("injured", 3)]),
    ("قتل 5 أشخاص، و3 آخرين بجروح", [("killed", 5)]),
    ("أسفر القصف عن مقتل 4 مدنيين، وتدمير 3 منازل", [("killed", 4)]),
])
def test_a_list_of_the_dead_goes_on_after_a_comma(sentence, expected):
    _, found = find(sentence)
    assert [(c.kind, c.count) for c in found] == expected


@pytest.mark.parametrize("sentence", [
    "وتمكنت الجهات الأمنية من التعرف على هوية 11 رجل أمن استشهدوا جراء التفجير",
    "ونشرت وزارة الداخلية أسماء 7 من القتلى",
])
def test_the_dead_identified_or_named_so_far_are_not_the_toll(sentence):
    _, found = find(sentence)
    assert [c for c in found if c.kind == "killed" and c.count] == []


@pytest.mark.parametrize("sentence, statistic", [
    ("ذكرت الوكالة أن نحو 390 مسلحا قتلوا وجرح 400 آخرون خلال أسبوعين من الغارات الجوية", True),
    ("وأدت وتيرة العمليات إلى مقتل 37 مقاتلا في الزبداني خلال شهر يوليو الفائت", True),
    ("التي قتل نحو 20 من أفرادها منذ اندلاع دوامة العنف الجديدة", True),
    ("قتل 44 شخصا في انفجار سيارة مفخخة، في أعنف هجوم تشهده المدينة منذ بداية العام", False),
    ("أسفرت المعارك خلال اليومين الماضيين عن مقتل 42 مسلحا", False),
])
def test_a_count_over_a_period_is_a_statistic(sentence, statistic):
    norm, found = find(sentence)
    [dead] = [c for c in found if c.kind == "killed"]
    assert over_period(norm, dead) is statistic


@pytest.mark.parametrize("sentence, expected", [
    ("هاجم 4 مسلحين نقطة تفتيش للجيش وقتلوا 3 جنود", [("killed", 3)]),  # the attackers are not the dead
    ("وقال المصدر إن 8 مدنيين قتلوا في الهجوم", [("killed", 8)]),  # the subject before the verb still counts
])
def test_a_count_right_after_the_verb_is_its_object_not_the_attackers(sentence, expected):
    _, found = find(sentence)
    assert [(c.kind, c.count) for c in found] == expected


@pytest.mark.parametrize("sentence, dead", [
    ("أدى انفجار القذيفة إلى مقتل امرأة وطفليها", 3),  # her two children: a dual before the pronoun
    ("قتل رجل وابنيه في القصف على الحي", 3),
    ("قتل مسلح وزوجته في الاشتباك", 2),
    ("قتل 5 عناصر من التنظيم وقائدهم", 6),
    ("قتل جندي ولديه عائلة في المدينة", 1),  # «ولديه» is و + «لديه» (he has), no one more
])
def test_people_joined_with_a_possessive_pronoun_are_counted(sentence, dead):
    _, found = find(sentence)
    assert [(c.kind, c.count) for c in found] == [("killed", dead)]


@pytest.mark.parametrize("sentence, expected", [
    ("أسفرت الاشتباكات عن مقتل 3 مسلحين في الرمادي و7 في الفلوجة", [("killed", 3), ("killed", 7)]),
    ("مقتل 3 في حي الزهور و2 في حي غويران", [("killed", 3), ("killed", 2)]),
    ("قتل 3 مسلحين في الرمادي و7 آخرون أصيبوا في الفلوجة", [("killed", 3), ("injured", 7)]),
    ("أسفر القصف عن مقتل 4 مدنيين في الرمادي و5 غارات على الفلوجة", [("killed", 4)]),
])
def test_a_count_joined_after_the_place_is_more_dead_counted_elsewhere(sentence, expected):
    _, found = find(sentence)
    assert [(c.kind, c.count) for c in found] == expected


def test_one_dead_and_another_wounded_is_no_shared_count():
    _, found = find("وذكرت الوكالة أن شرطيا قتل وأصيب آخر بجروح ليلة السبت في هجوم")
    assert [(c.kind, c.count, c.qualifier) for c in found] == [("killed", 1, None), ("injured", 1, None)]


def test_killed_and_wounded_sharing_one_figure_is_still_joint():
    _, found = find("كما قتل وأصيب ستة من أفراد المقاومة خلال المعركة")
    assert [(c.kind, c.count, c.qualifier) for c in found] == [("killed", 0, "joint"), ("injured", 0, "joint")]


@pytest.mark.parametrize("sentence, expected", [
    ("قتل مستوطنون فلسطينيا قرب رام الله.", [("killed", 1)]),
    ("قتلت القوات الإسرائيلية فلسطينيا في جنين.", [("killed", 1)]),
    ("استشهد فلسطينيان برصاص الاحتلال.", [("killed", 2)]),
    ("قتل جندي عراقي في هجوم.", [("killed", 1)]),  # the nationality describes the soldier: still one
    ("قتل مدنيان عراقيان في قصف.", [("killed", 2)]),
])
def test_a_nationality_noun_counts_as_a_person(sentence, expected):
    _, found = find(sentence)
    assert [(c.kind, c.count) for c in found] == expected


def test_a_country_name_after_a_killing_verb_is_no_victim():
    # «سوريا», «تركيا», «ليبيا» are also the accusative of سوري، تركي، ليبي: those
    # three nationality nouns are left out of the person nouns.
    _, found = find("قتل الجيش في تركيا أمس.")
    assert found == []
