"""rasd.text.dates: Arabic date expressions resolved against the publication day.

Most cases are real sentences: from the dev corpus (/work/shared/corpus/dev,
article ids below; SaudiNewsNet 2015 and North Press 2022) and from the
SaudiNewsNet conflict sample (data/raw/saudinewsnet_conflict, ids snn_…,
published = the crawl day). Each case gives the sentence as written, the
phrase rasd must find in it, and the date and time_precision of spec §1.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.dates import DateMention, find_dates
from rasd.text.normalize import normalize


@dataclass(frozen=True)
class Case:
    source: str  # article id (corpus) or "spec §1"
    text: str  # the sentence as the article wrote it
    published: str | None
    phrase: str  # the date expression, as written
    date: str | None
    precision: int
    end_date: str | None = None


def D(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


NP = "northpress-20220122-sinaa-prison"
NP_DAY = "2022-01-22"  # a Saturday

REAL_CASES = [
    # --- North Press, 22 Jan 2022 (dev) — the spec's own examples ---------
    Case(NP, "محاولة فرار جماعي من السجن.\n\nويوم أمس الجمعة، فرضت “قسد” طوقاً", NP_DAY, "يوم أمس الجمعة", "2022-01-21", 1),
    Case(NP, "وبعد ظهر اليوم، استهدف طيران التحالف", NP_DAY, "بعد ظهر اليوم", "2022-01-22", 1),
    Case(NP, "معتقلو التنظيم، كان آخرها في تشرين الأول/ أكتوبر العام الماضي، أدى إلى إغلاق", NP_DAY,
         "تشرين الأول/ أكتوبر العام الماضي", "2021-10-15", 3),
    Case(NP, "وفي نيسان/ أبريل 2020، قالت غرفة عملية", NP_DAY, "نيسان/ أبريل 2020", "2020-04-15", 3),
    Case(NP, "وفي أيار/ مايو الماضي، أنهت “قسد” بدعم", NP_DAY, "أيار/ مايو الماضي", "2021-05-15", 3),
    Case(NP, "وفي الثامن والتاسع من أيلول/ سبتمبر من العام الفائت، نفذ معتقلو التنظيم", NP_DAY,
         "الثامن والتاسع من أيلول/ سبتمبر من العام الفائت", "2021-09-08", 2, "2021-09-09"),
    Case(NP, "الدولة الإسلامية (داعش)، فجر الجمعة، هجوماً في محافظة", NP_DAY, "فجر الجمعة", "2022-01-21", 1),
    Case(NP, "وفي الخامس والعشرين من الشهر الفائت، قال المركز الإعلامي", NP_DAY,
         "الخامس والعشرين من الشهر الفائت", "2021-12-25", 1),
    Case(NP, "السجن منذ إعلان هزيمة التنظيم قبل ثلاثة أعوام في الباغوز بريف", NP_DAY, "قبل ثلاثة أعوام", "2019-01-22", 3),
    # «الحالي» on a month that is not the current one: lean to the past.
    Case(NP, "التي جرت في الفترة ما بين السابع والثاني عشر من أيار/ مايو الحالي، “معاينة", NP_DAY,
         "السابع والثاني عشر من أيار/ مايو الحالي", "2021-05-07", 2, "2021-05-12"),
    # --- SaudiNewsNet articles of the dev corpus ---------------------------
    Case("snn_6c64742c81a6", "للرئيس عبد ربه منصور هادي اليوم الثلاثاء نحو المواقع التي", "2015-08-04",
         "اليوم الثلاثاء", "2015-08-04", 1),
    Case("snn_6c64742c81a6", "مواجهات عنيفة بين الطرفين منذ أمس الاثنين عقب هجوم شنته المقاومة", "2015-08-04",
         "أمس الاثنين", "2015-08-03", 1, "2015-08-04"),  # «منذ»: going on since then
    Case("snn_07e0338a5a51", "اردوغان وبوتين لقاء مطولا في حزيران/يونيو على هامش حفل افتتاح", "2015-08-03",
         "حزيران/يونيو", "2015-06-15", 3),
    Case("snn_07e0338a5a51", "اقوال نقلتها الصحف التركية الاثنين. وصرح اردوغان في", "2015-08-03", "الاثنين", "2015-08-03", 1),
    Case("snn_410341807926", "كثيف وفرته طائرات التحالف أول من أمس من استعادة معسكري", "2015-08-08",
         "أول من أمس", "2015-08-06", 1),
    Case("snn_fe0863b3783b", "وقتل ضابطا شرطة ومجند ومسلح أمس الأحد في هجوم بمدينة", "2015-08-10", "أمس الأحد", "2015-08-09", 1),
    Case("snn_00b478af81c4", "على قاعدة العند الجوية في 3 أغسطس الجاري، وتواصل حالياً", "2015-08-07",
         "3 أغسطس الجاري", "2015-08-03", 1),
    Case("snn_00b478af81c4", "محافظة لحج، جنوبي اليمن، اليوم الجمعة أن مقاتلي المقاومة", "2015-08-07",
         "اليوم الجمعة", "2015-08-07", 1),
    Case("snn_66b514812cc8", "«هاجم مقاتلونا الليلة قبل الماضية ثلاثة معسكرات لقوات", "2015-08-08",
         "الليلة قبل الماضية", "2015-08-06", 1),
    Case("snn_66b514812cc8", "الإيراني على مجموعة منهم الأسبوع الماضي في منطقة سلاسي", "2015-08-08",
         "الأسبوع الماضي", "2015-08-01", 2),
    Case("snn_bcd59a23410b", "اربيل إن طائرات تركية شنت صباح امس غارة على تلك المنطقة", "2015-08-02",
         "صباح امس", "2015-08-01", 1),
    Case("snn_d4337d9826d4", "الكردستاني في شمال العراق يوم 24 يوليو، وقالت وكالة أنباء", "2015-08-10",
         "24 يوليو", "2015-07-24", 1),
    Case("snn_d4337d9826d4", "وأصيب أكثر من 400 حتى الأول من أغسطس الجاري.\nولم تذكر الوكالة", "2015-08-10",
         "الأول من أغسطس الجاري", "2015-08-01", 1),
    Case("snn_d4337d9826d4", "اقليم ماردين في بيان: إنه في وقت متأخر من السبت فتح مسلحون من حزب", "2015-08-10",
         "وقت متأخر من السبت", "2015-08-08", 1),
    Case("snn_d4337d9826d4", "بأنه منظمة إرهابية تمرده عام 1984. وفي عام 2012 أطلقت", "2015-08-10", "عام 1984", "1984-07-01", 3),
    Case("snn_d4337d9826d4", "هجمات للمقاتلين الأكراد خلال الشهر الماضي كما قتل 12 من عناصر", "2015-08-10",
         "الشهر الماضي", "2015-07-15", 3),
    Case("snn_47a43b546944", "وإصابة 3440 عراقيًا خلال شهر يوليو الماضي جراء أعمال العنف", "2015-08-02",
         "شهر يوليو الماضي", "2015-07-15", 3),
    Case("snn_68055e88460b", "تشهد العاصمة العراقية بغداد مساء اليوم تظاهرات حاشدة تطالب", "2015-08-07",
         "مساء اليوم", "2015-08-07", 1),
    # Overnight Thursday to Friday: the night ends on Friday.
    Case("snn_329da700d8af", "15 قتيلاً في منطقة سكنية ليل الخميس الجمعة لكنها تبنت الاعتداء", "2015-08-09",
         "ليل الخميس الجمعة", "2015-08-07", 1),
    Case("snn_329da700d8af", "قاعدة عسكرية أميركية في كابول مساء يوم الجمعة أسفر عن مقتل ثمانية", "2015-08-09",
         "مساء يوم الجمعة", "2015-08-07", 1),
    Case("snn_329da700d8af", "حلف شمال الأطلسي بعد ذلك يوم أمس السبت أن الهجوم على قاعدة", "2015-08-09",
         "يوم أمس السبت", "2015-08-08", 1),
    Case("snn_8ea1b8821a92", "الجمعة في شهر رمضان المبارك في 26 يونيو الماضي ما أدى إلى استشهاد", "2015-08-04",
         "26 يونيو الماضي", "2015-06-26", 1),
    Case("snn_8ea1b8821a92", "تفجير إرهابي خلال صلاة الجمعة في شهر رمضان المبارك", "2015-08-04",
         "شهر رمضان", "2015-07-02", 3),  # 15 Ramadan 1436
    Case("snn_b924ab233fea", "وتجمع العشرات صباح الاحد وهم يحملون صور", "2015-08-03", "صباح الاحد", "2015-08-02", 1),
    Case("snn_4c2175955a44", "اجتياحهم العاصمة صنعاء في الحادي والعشرين من سبتمبر من العام الماضي.", "2015-08-10",
         "الحادي والعشرين من سبتمبر من العام الماضي", "2014-09-21", 1),
    Case("snn_faad2511d0f1", "وتجمعات لهم في محافظة مأرب مساء الجمعة. وبحسب المصدر فإن", "2015-08-02",
         "مساء الجمعة", "2015-07-31", 1),
    Case("snn_07e44fc6a93b", "قتلوا في غزو أمريكا للعراق عام 2003م، استطاعت داعش تصوير", "2015-08-01", "عام 2003م", "2003-07-01", 3),
    Case("snn_7ec89bd2b77f", "شن طيران التحالف العربي صباح الأربعاء، عدة غارات على", "2015-08-06",
         "صباح الأربعاء", "2015-08-05", 1),
    # Saudi press: weekday + Hijri numeric date; 21/10/1436 is Thursday 6 Aug 2015.
    Case("snn_a8fd2a3007c1", "لما سبق إعلانه يوم الخميس الموافق 21 / 10 / 1436هـ , بشأن حدوث تفجير", "2015-08-08",
         "يوم الخميس الموافق 21 / 10 / 1436هـ", "2015-08-06", 1),
    Case("snn_be84f2355537", "حلف شمال الأطلسي (الناتو) اليوم (السبت)، أن جنديا من قواته", "2015-08-08",
         "اليوم (السبت)", "2015-08-08", 1),
    Case("snn_8a130ca110df", "كانت قوات النظام سيطرت عليها يومي الاثنين والثلاثاء الماضيين، وأسفرت", "2015-08-06",
         "يومي الاثنين والثلاثاء الماضيين", "2015-08-03", 2, "2015-08-04"),
    Case("snn_e46e99c13498", "جنوبا وسيطروا على صنعاء في ايلول/سبتمبر الماضي. وتوجهوا", "2015-08-11",
         "ايلول/سبتمبر الماضي", "2014-09-15", 3),
    Case("snn_e46e99c13498", "موقتة لشهر واحد فقط. وفي 26 اذار/مارس اطلق التحالف العربي", "2015-08-11",
         "26 اذار/مارس", "2015-03-26", 1),
    Case("snn_e46e99c13498", "وفي الثالث من آب/اغسطس الحالي، انتشر مئات الجنود", "2015-08-11",
         "الثالث من آب/اغسطس الحالي", "2015-08-03", 1),
    Case("snn_90ffaa028a63", "تونس 25 شوال 1436هـ الموافق 10 أغسطس", "2015-08-10", "25 شوال 1436هـ", "2015-08-10", 1),
    Case("snn_90ffaa028a63", "فلسطينيا حتى الموت جنوب نابلس أواخر الشهر الماضي , مخبرة", "2015-08-10",
         "أواخر الشهر الماضي", "2015-07-25", 2),
    Case("snn_cdba156dcd92", "وشنت تركيا في 24 يوليو (تموز) «حربا على الإرهاب»،", "2015-08-09",
         "24 يوليو (تموز)", "2015-07-24", 1),
    # The evening of an overnight span is before midnight: the first day.
    Case("snn_cdba156dcd92", "أن هجوما وقع مساء السبت - الأحد في مدينة مديات", "2015-08-09",
         "مساء السبت - الأحد", "2015-08-08", 1),
    Case("snn_0295c7fcf2b5", "قادت إلى إيقاف مشتبه به، مساء أول من أمس، في حادثة انتحاري", "2015-08-08",
         "مساء أول من أمس", "2015-08-06", 1),
    Case("snn_b58983c85122", "هزت انفجارات عنيفة، مساء أمس مدينة تعز وسط اليمن", "2015-08-07", "مساء أمس", "2015-08-06", 1),
    # --- SaudiNewsNet conflict sample (data/raw) ---------------------------
    Case("snn_b1d8d1958361", "الدالوه بمحافظة الإحساء بتاريخ 10/1/1436. 2 - حادث إطلاق", "2015-07-21",
         "10/1/1436", "2014-11-03", 1),
    Case("snn_c0af892cb99f", "اعتباراً من يوم الأحد (10/شوال / 1436ه ) الموافق (26/7/2015م) الساعة", "2015-07-26",
         "26/7/2015م", "2015-07-26", 1),
    Case("snn_c0af892cb99f", "اعتباراً من يوم الأحد (10/شوال / 1436ه ) الموافق", "2015-07-26",
         "يوم الأحد (10/شوال / 1436ه", "2015-07-26", 1),
    Case("snn_3843767ad832", "بتوقيت اليمن يوم الأحد العاشر من شوال 1436، الموافق السادس والعشرين من يوليو 2015، ولمدة", "2015-07-26",
         "السادس والعشرين من يوليو 2015", "2015-07-26", 1),
    Case("snn_28966ef29a3d", "المشاركة في مناطق الصراع منذ عام 1409هـ . وأكد العميد", "2015-07-22",
         "منذ عام 1409هـ", "1989-02-07", 3, "2015-07-22"),  # 1 Rajab 1409, mid Hijri year, until publication
    Case("snn_02e28f18caf7", "ات سكنية بشرق الرياض في 12 مايو - أيار 2003م. وفي 7 صفر 1430هـ الموافق 2 فبراير", "2015-07-22",
         "7 صفر 1430هـ", "2009-02-02", 1),
    Case("snn_02e28f18caf7", "ات سكنية بشرق الرياض في 12 مايو - أيار 2003م. وفي", "2015-07-22",
         "12 مايو - أيار 2003م", "2003-05-12", 1),
    Case("snn_b5a5a4a03ee3", "إعلاميًا أواخر مايو (أيار) 2015 على إثر نشر شريط", "2015-07-21",
         "أواخر مايو (أيار) 2015", "2015-05-25", 2),
    Case("snn_1c5450ab877c", "في مسجد ديالى السني في أغسطس سنة 2014 ثم مقتل 75 مصليا", "2015-08-10",
         "أغسطس سنة 2014", "2014-08-15", 3),
    Case("snn_b1e854bff4fd", "ابتداء من السادس من يونيو (حزيران) الماضي، حتى العاشر من الشهر الجاري.", "2015-07-21",
         "العاشر من الشهر الجاري", "2015-07-10", 1),
    Case("snn_9d0494eb33c6", "توصل الى اتفاق موقع مع اميركا في 7 من الشهر الماضي، اي قبل خطاب", "2015-08-01",
         "7 من الشهر الماضي", "2015-07-07", 1),
    Case("snn_36057fff3c07", "باتجاه قاعدة العند التي تحاصرها المقاومة الشعبية منذ ستة أيام، وأكدت", "2015-07-31",
         "منذ ستة أيام", "2015-07-25", 2, "2015-07-31"),
    Case("snn_f6412c9dbc25", "بعد معارك عنيفة بدأت أمس الأول\". وانطلقت", "2015-08-10", "أمس الأول", "2015-08-08", 1),
    Case("snn_29d4800b0919", "التي وقعت في 6 أغسطس (آب) 2012، الموافق 17 رمضان،", "2015-07-21",
         "6 أغسطس (آب) 2012", "2012-08-06", 1),
    Case("snn_329da700d8af", "وجرح مئات آخرون في الساعات الـ24 الأخيرة في كابول", "2015-08-09",
         "الساعات الـ24 الأخيرة", "2015-08-08", 2, "2015-08-09"),
    Case("snn_84fcb28d93ff", "وشهدت محافظة مأرب، على مدى الـ24 ساعة الماضية، اشتباكات", "2015-07-25",
         "الـ24 ساعة الماضية", "2015-07-24", 2, "2015-07-25"),
    Case("snn_354f555825f2", "على مناطق طردوا منها خلا الأيام القليلة الماضية. في غضون ذلك", "2015-07-27",
         "الأيام القليلة الماضية", "2015-07-24", 2, "2015-07-27"),
    Case("snn_a7951510ac8e", "استولت عليها الميليشيات في شهري سبتمبر (أيلول) وأكتوبر (تشرين الأول) عام 2011،", "2015-07-21",
         "شهري سبتمبر (أيلول) وأكتوبر (تشرين الأول) عام 2011", "2011-09-15", 3, "2011-10-31"),
    Case("snn_4fcc8e134dd8", "وبلغت الانتهاكات 87 حالة خلال شهري حزيران وتموز (يونيو ويوليو) الماضيين،", "2015-08-06",
         "شهري حزيران وتموز (يونيو ويوليو) الماضيين", "2015-06-15", 3, "2015-07-31"),
    Case("snn_8e406e0d000f", "القتلى والجرحى الحوثيين في الهجوم السبت الماضي.", "2015-07-27",
         "السبت الماضي", "2015-07-25", 1),
    Case("snn_84fcb28d93ff", "وصالح الأحياء السكنية يوم الأحد الماضي، وأدى القصف", "2015-07-25",
         "يوم الأحد الماضي", "2015-07-19", 1),
    Case("snn_cde769866905", "اقتتالا مستعرا منذ مطلع الشهر الحالي بين «كتيبة", "2015-07-21",
         "مطلع الشهر الحالي", "2015-07-05", 2, "2015-07-21"),
    Case("snn_d8c084f3df9c", "تمكنت المقاومة من تحرير المحافظة مطلع الشهر الفائت فيما تسعى", "2015-07-31",
         "مطلع الشهر الفائت", "2015-06-05", 2),
    Case("snn_faad2511d0f1", "أن المعارك في مشرعة وحدنان خلال اليومين الماضيين أسفرت عن مقتل 42 مسلحا", "2015-08-02",
         "اليومين الماضيين", "2015-07-31", 2, "2015-08-02"),
    Case("snn_1739b246612e", "وكانت الميليشيات الحوثية، قصفت الأسبوعين الماضيين، خزانات الوقود", "2015-07-21",
         "الأسبوعين الماضيين", "2015-07-07", 2, "2015-07-21"),
    # Holidays (Eid al-Fitr 1436 began on Friday 17 July 2015) and seasons.
    Case("snn_eefc71b7b811", "أن المعارك اشتدت منذ ساعات فجر أول أيام عيد الفطر المبارك حتى اللحظة", "2015-07-21",
         "أول أيام عيد الفطر المبارك", "2015-07-17", 1),
    Case("snn_0892a0c12037", "في تقريرها، بمقتل 39 طفلًا خلال أيام عيد الفطر، 36 منهم على يد القوات", "2015-07-23",
         "أيام عيد الفطر", "2015-07-17", 2, "2015-07-19"),
    Case("snn_6626821d3096", "سبق واستخدمتها قوات صالح في حرب صيف عام 1994، في حربها ضد الجنوب", "2015-07-22",
         "صيف عام 1994", "1994-07-15", 3),
    Case("snn_47a43b546944", "التي شنها تنظيم داعش الإرهابي الصيف الماضي ، أضحى العراق يعيش في", "2015-08-02",
         "الصيف الماضي", "2014-07-15", 3),
    Case("snn_a7951510ac8e", "الأسلحة الكيماوية، منذ مقتله في خريف 2011 حتى الآن.", "2015-07-21",
         "خريف 2011", "2011-10-15", 3),
    # A day and month a few days after publication is this year's (a scheduled meeting).
    Case("snn_e266b34246b2", "ميستورا، إن مجلس الأمن سيعقد جلسة في الـ29 من يوليو لتقديم مقترحات", "2015-07-21",
         "الـ29 من يوليو", "2015-07-29", 1),
    Case("snn_8c5076353968", "فاستعادوا كوباني.\nيوم الاثنين في الـ20 من الشهر الحالي نفذ انتحاري", "2015-07-31",
         "الـ20 من الشهر الحالي", "2015-07-20", 1),
    # Reuters style: the two month names side by side, no slash.
    Case("snn_fa13b81e59c2", "صالح، مما دفع العرب للتدخل في 26 مارس آذار.\nوقال سياسي", "2015-07-25",
         "26 مارس آذار", "2015-03-26", 1),
    Case("snn_8ba7c98d59b3", "الساعين للاستقلال عن كييف في أبريل نيسان 2014 وفقا لتقديرات", "2015-08-11",
         "أبريل نيسان 2014", "2014-04-15", 3),
    # A bare year where a year is expected (after a preposition or «ثورة»).
    Case("snn_3d29d62686d2", "إن الحرب الدولية على العراق في 2003 وما بعدها أراحت ليبيا", "2015-07-21",
         "2003", "2003-07-01", 3),
    Case("snn_6b2c03c970ec", "قبل المسؤولين التونسيين قبل ثورة 2011 وبعدها، أولم تؤخذ", "2015-07-22",
         "2011", "2011-07-01", 3),
    # Arabic-Indic digits and a Hijri year: 1 Rajab 1415 = 3 Dec 1994.
    Case("snn_1fdcdbd3c099", "الجماعة الإسلامية المسلحة في الجزائر سنة ١٤١٥ه، وتم بأثر هذه الفتوى", "2015-07-22",
         "سنة ١٤١٥ه", "1994-12-03", 3),
    Case("snn_7389f7f10b5c", "240 ألفا و831 قتيلا حصيلة الصراع السوري منذ 2011", "2015-08-07", "منذ 2011", "2011-07-01", 3, "2015-08-07"),
]

# Forms the spec and the issue name that the real cases above do not cover.
SPEC_CASES = [
    # «في مثل هذا اليوم من أغسطس 1990»: an anniversary names the publication's
    # day and month in another year, not the publication day.
    Case("spec §1", "وفي مثل هذا اليوم من أغسطس 1990 اجتاحت القوات العراقية الكويت", "2015-08-02",
         "مثل هذا اليوم من أغسطس 1990", "1990-08-02", 1),
    Case("spec §1", "وفي مثل هذا اليوم من عام 2011 اندلعت الاحتجاجات", "2015-08-02",
         "مثل هذا اليوم من عام 2011", "2011-08-02", 1),
    Case("spec §1", "استعاد الجيش المدينة في مثل هذا اليوم من العام الماضي", "2015-08-02",
         "مثل هذا اليوم من العام الماضي", "2014-08-02", 1),
    # A Hijri month with «الماضي»: the last one that ended before publication
    # (Ramadan 1436 ran 18 June - 16 July 2015; Ramadan 1435, 28 June - 27 July 2014).
    Case("spec §1", "بعد تفجير مسجد في رمضان الماضي", "2015-08-02", "رمضان الماضي", "2015-07-02", 3),
    Case("spec §1", "قتل العشرات في شهر رمضان الفائت", "2015-08-02", "شهر رمضان الفائت", "2015-07-02", 3),
    Case("spec §1", "بعد تفجير مسجد في رمضان الماضي", "2015-07-10", "رمضان الماضي", "2014-07-12", 3),
    # «صائفة»: summer in the Tunisian and Algerian press.
    Case("spec §1", "في جريمة معركة طرابلس في صائفة 2014", "2015-07-21", "صائفة 2014", "2014-07-15", 3),
    # «في 3 الجاري»: a day of the current (or, with الماضي, the previous) month.
    Case("spec §1", "قتل ثلاثة في 3 الجاري بقصف", "2015-08-08", "3 الجاري", "2015-08-03", 1),
    Case("spec §1", "اعتقل في 25 الماضي", "2015-08-08", "25 الماضي", "2015-07-25", 1),
    # «أمس الجمعة» when the day before publication is not a Friday: the
    # named weekday wins (published is often a print or crawl day off by one).
    Case("spec §1", "قتل ثلاثة أمس الجمعة في", "2022-01-23", "أمس الجمعة", "2022-01-21", 1),
    Case("spec §1", "وقعت الاشتباكات اليوم", "2022-01-22", "اليوم", "2022-01-22", 1),
    # «صباح هذا اليوم» in an official statement is today.
    Case("spec §1", "استهدف سلاح الجو في الساعة الرابعة من صباح هذا اليوم مواقع", "2022-01-22", "اليوم", "2022-01-22", 1),
    Case("spec §1", "خلال الشهر الفائت قتل", "2022-01-22", "الشهر الفائت", "2021-12-15", 3),
    Case("spec §1", "في العام الماضي وقعت", "2022-01-22", "العام الماضي", "2021-07-01", 3),
    Case("spec §1", "في كانون الثاني/ يناير 2022 قتل", "2022-01-22", "كانون الثاني/ يناير 2022", "2022-01-15", 3),
    # A month with no year: the most recent one not after publication.
    Case("spec §1", "في حزيران قتل", "2022-01-22", "حزيران", "2021-06-15", 3),
    Case("spec §1", "منتصف الشهر الجاري", "2022-01-22", "منتصف الشهر الجاري", "2022-01-15", 2),
    # «مطلع الشهر» mid-span date after publication is clamped to it.
    Case("spec §1", "أواخر الشهر الحالي", "2022-01-22", "أواخر الشهر الحالي", "2022-01-22", 2),
    Case("spec §1", "الخميس الماضي", "2022-01-20", "الخميس الماضي", "2022-01-13", 1),
    Case("spec §1", "الجمعة قبل الماضية", "2015-08-08", "الجمعة قبل الماضية", "2015-07-31", 1),
    Case("spec §1", "الأسبوع قبل الماضي", "2015-08-08", "الأسبوع قبل الماضي", "2015-07-25", 2),
    # An overnight span: «ليل» ends on the second day, «مساء» (before midnight) is the first.
    Case("spec §1", "قتل جنديان في هجوم ليل الجمعة - السبت", "2015-08-09", "ليل الجمعة - السبت", "2015-08-08", 1),
    Case("spec §1", "قتل جنديان في هجوم مساء الجمعة - السبت", "2015-08-09", "مساء الجمعة - السبت", "2015-08-07", 1),
    # «عشية الجمعة» is the evening before Friday.
    Case("spec §1", "عشية الجمعة قتل", "2015-08-08", "عشية الجمعة", "2015-08-06", 1),
    Case("spec §1", "تظاهرة صباح الغد", "2015-08-08", "صباح الغد", "2015-08-09", 1),
    Case("spec §1", "انسحبت القوات قبل نحو شهرين", "2015-08-08", "قبل نحو شهرين", "2015-06-08", 3),
    Case("spec §1", "قصف امبارح الحي", "2015-08-08", "امبارح", "2015-08-07", 1),  # Levantine «yesterday»
    Case("spec §1", "قتل ٣ يوم ١٥ شباط ٢٠٢٢", None, "١٥ شباط ٢٠٢٢", "2022-02-15", 1),
    # A Hijri year before hijridate's tables (1343 AH) still gives its Gregorian year.
    Case("Wojood sample", "تأسست عام (1325) هجري في القدس", None, "عام (1325) هجري", "1907-07-01", 3),
    Case("Wojood sample", "صورة مدينة يافا في (1948).", None, "1948", "1948-07-01", 3),
    # Month first when the middle number cannot be a month.
    Case("Wojood sample", "بتاريخ 4/22/1948 صدر", None, "4/22/1948", "1948-04-22", 1),
]


@pytest.mark.parametrize("case", REAL_CASES + SPEC_CASES, ids=lambda c: f"{c.source}:{c.phrase}")
def test_real_and_spec_dates(case: Case) -> None:
    norm, offsets = normalize(case.text)
    mentions = find_dates(norm, D(case.published))
    wanted = normalize(case.phrase)[0]
    found = [m for m in mentions if m.text == wanted]
    assert found, f"{wanted!r} not found; got {[m.text for m in mentions]}"
    m = found[0]
    assert (m.date, m.precision, m.end_date) == (D(case.date), case.precision, D(case.end_date))
    # Offsets point into the normalised text and map back to the phrase as written.
    assert norm[m.start:m.end] == m.text
    assert case.text[offsets[m.start]:offsets[m.end]] == case.phrase


def test_there_are_forty_real_cases() -> None:
    assert len(REAL_CASES) >= 40


def _one(text: str, published: date | None) -> list[DateMention]:
    return find_dates(normalize(text)[0], published)


def test_without_publication_date_relative_dates_stay_unknown() -> None:
    mentions = _one("قتل أمس الجمعة ثلاثة، وفي 24 يوليو 2015 قتل اثنان، وفي أيار الماضي", None)
    by_text = {m.text: m for m in mentions}
    assert by_text["امس الجمعه"].date is None and by_text["امس الجمعه"].relative
    assert by_text["24 يوليو 2015"].date == date(2015, 7, 24)
    assert not by_text["24 يوليو 2015"].relative
    assert by_text["ايار الماضي"].date is None and by_text["ايار الماضي"].precision == 3


@pytest.mark.parametrize(
    "text",
    [
        "تفجير إرهابي خلال صلاة الجمعة في المسجد",  # Friday prayer, not a date
        "عين اليوم – القاهرة قالت وزارة",  # the news site «عين اليوم»
        "وقال مصدر في المقاومة لـ(اليوم)، إن",  # the newspaper «اليوم»
        "وقتل في ذات اليوم ثلاثة",  # the day of another event
        "اتفق الطرفين الاثنين على",  # «الاثنين» = the two
        "وتغلب عليه 2/ صفر في المرحلة الأولى",  # a football score: صفر = zero
        "بمحافظة إب جنوب صنعاء",  # the Yemeni city إب, not the month آب
        "مارس الضغط على الحكومة",  # «مارس» = he practised
        "مدير الأمن العام في المحافظة",  # «العام» = general
        "قرار مجلس الأمن 2216 هو الأساس",  # not a Hijri year
        "بعد يومين على احتراق رضيع",  # relative to another event, not to publication
        "من ظهور محتكرها الأول الحالي",  # an ordinal that is not a day
        "قتل 2014 شخصا في الهجمات",  # a bare number that is a count, not a year
        "ثورات الربيع العربي في المنطقة",  # a season with no year is not a date
        "المرسوم التشريعي رقم 32 لعام 2015 القاضي بمنح عفو",  # the number of a decree
        "اشتباكات عنيفة في شارع 26 سبتمبر وسط المدينة",  # a street named after a day
        "استعادت القوات قصر 22 مايو الرئاسي",  # a palace named after a day
        "أحد ناشطي ثورة 11 فبراير في المدينة",  # a revolution named by its first day
        "اجتماع لقوى 14 آذار في بيروت",  # a political bloc named after a day
        "وتحل في مثل هذا اليوم ذكرى الاجتياح",  # an anniversary, not today
        "لم يكن يخطر لهم أنه سيمر عليهم مثل هذا اليوم",  # "such a day"
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert _one(text, date(2015, 8, 8)) == []


def test_mentions_do_not_overlap_and_come_in_text_order() -> None:
    text = "وفي الثامن والتاسع من أيلول/ سبتمبر من العام الفائت، ويوم أمس الجمعة، وفجر اليوم"
    mentions = _one(text, date(2022, 1, 22))
    assert [m.text for m in mentions] == [
        "الثامن والتاسع من ايلول/ سبتمبر من العام الفايت", "يوم امس الجمعه", "فجر اليوم",
    ]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_a_date_does_not_run_across_a_line_break() -> None:
    mentions = _one("عنوان الخبر الخميس\n\nالجمعة", date(2015, 8, 8))
    assert [m.text for m in mentions] == ["الخميس", "الجمعه"]


def test_find_dates_can_be_limited_to_a_sentence() -> None:
    norm = normalize("قتل أمس اثنان. وفي اليوم نفسه")[0]
    sentence_end = norm.index(".")
    mentions = find_dates(norm, date(2015, 8, 8), 0, sentence_end)
    assert [m.text for m in mentions] == ["امس"]


def test_future_phrases_resolve_forward() -> None:
    (m,) = _one("يعقد الاجتماع الخميس المقبل", date(2015, 8, 8))
    assert m.date == date(2015, 8, 13)
    (m,) = _one("تظاهرة مساء غد", date(2015, 8, 8))
    assert m.date == date(2015, 8, 9)


def test_day_month_without_year_leans_to_the_past() -> None:
    # Published 2 Jan: «28 ديسمبر» is last December, not this coming one.
    (m,) = _one("قتل في 28 ديسمبر", date(2016, 1, 2))
    assert m.date == date(2015, 12, 28) and m.relative


def test_invalid_calendar_days_are_not_dates() -> None:
    assert _one("بتاريخ 31/2/2015", date(2015, 8, 8)) == []
    assert _one("في 30 فبراير 2015", date(2015, 8, 8)) == []


@pytest.mark.parametrize("published", [date.min, date.max, date(1900, 1, 1)])
def test_calendar_edges_do_not_raise(published: date) -> None:
    text = "أمس، غدا، الأسبوع الماضي، العام المقبل، في يوليو، 10 شوال، الموافق 21 / 10، الساعات الماضية"
    for m in _one(text, published):
        assert m.date is None or date.min <= m.date <= date.max


def test_a_datetime_publication_is_taken_as_its_day() -> None:
    (m,) = _one("قتل أمس", datetime(2015, 8, 8, 23, 30))
    assert m.date == date(2015, 8, 7)


_ARABIC_NEWS_ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإةى٠١٢٣٤٥٦٧٨٩0123456789 /-().,،\n")
    + ["أمس ", "اليوم ", "الجمعة ", "يوليو ", "تموز ", "شوال ", "الماضي ", "من ", "عام ", "1436هـ ", "قبل "]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ARABIC_NEWS_ALPHABET, max_size=60).map("".join), st.dates() | st.none())
def test_any_text_gives_well_formed_mentions(text: str, published: date | None) -> None:
    norm = normalize(text)[0]
    mentions = find_dates(norm, published)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(norm) and norm[m.start:m.end] == m.text
        assert m.precision in (1, 2, 3)
        if published is None and m.relative:
            assert m.date is None  # never invented
        if m.end_date is not None:
            assert m.date is not None and m.end_date >= m.date
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("وقال المرصد السوري لحقوق الإنسان أمس إن غارات استهدفت المدينة", "امس"),
        ("أعلنت وزارة الداخلية اليوم (الاثنين)، أن قوات الأمن اعتقلت خمسة", "اليوم (الاثنين)"),
        ("قال مسؤولون أمنيون الأحد: إن مسلحين هاجموا نقطة تفتيش", "الاحد"),
        ("وأكدت مصادر محلية في محافظة تعز، جنوبي اليمن، اليوم الجمعة أن المقاومة", "اليوم الجمعه"),
    ],
)
def test_a_day_between_a_verb_of_saying_and_its_clause_dates_the_statement(text: str, phrase: str) -> None:
    [m] = [m for m in _one(text, date(2015, 8, 10)) if m.text == phrase]
    assert m.report


@pytest.mark.parametrize(
    "text",
    [
        "وقال المرصد إن القوات سيطرت أمس على القرية",  # inside the reported clause
        "قتل خمسة أشخاص أمس، وقال مصدر إن الهجوم",  # before the verb
        "وقالت الشرطة أمس في بيان نشرته على موقعها الرسمي في الإنترنت بعد ساعات من وقوع الهجوم إن",  # too far
        "شنت الطائرات أمس غارات على مواقع التنظيم",  # no verb of saying
    ],
)
def test_a_day_of_the_reported_events_is_not_a_statement_s_day(text: str) -> None:
    [m] = [m for m in _one(text, date(2015, 8, 10)) if m.text == "امس"]
    assert not m.report


def test_wire_copy_s_last_night_is_the_night_before_the_statement() -> None:
    # A Monday paper prints Sunday's wire story: «قالوا الأحد ... الليلة الماضية»
    # is Saturday night; a day named by its weekday keeps its day.
    text = "قال مسؤولون الأحد إن مسلحين هاجموا موقعا للجيش الليلة الماضية وقتلوا جنديا أمس السبت."
    by_text = {m.text: m for m in _one(text, date(2015, 8, 10))}
    assert by_text["الليله الماضيه"].date == date(2015, 8, 8)
    assert by_text["امس السبت"].date == date(2015, 8, 8)
    # Said today: the night before publication.
    (_, night) = _one("قال مسؤولون اليوم إن مسلحين هاجموا موقعا للجيش الليلة الماضية.", date(2015, 8, 10))
    assert night.date == date(2015, 8, 9)
    # «أمس» is the paper's own yesterday, whatever day the statement was made.
    (_, yesterday) = _one("وأعلن ناشطون الجمعة أن تظاهرة أمس خرجت في بابل.", date(2015, 8, 8))
    assert yesterday.date == date(2015, 8, 7)


def test_a_day_in_a_sentence_of_background_is_marked_recap() -> None:
    text = "اندلعت اشتباكات أمس. يشار إلى أن القوات سيطرت على المدينة في 3 أغسطس الجاري."
    by_text = {m.text: m for m in _one(text, date(2015, 8, 7))}
    assert by_text["3 اغسطس الجاري"].recap
    assert not by_text["امس"].recap


@pytest.mark.parametrize(
    "phrase, year_only",
    [("عام 2011", True), ("العام الماضي", True), ("قبل ثلاثة أعوام", True), ("مطلع العام 2015", True),
     ("في 2003", True), ("أكتوبر 2014", False), ("قبل شهرين", False), ("الصيف الماضي", False),
     ("العاشر من أيلول 2014", False)],
)
def test_a_date_that_names_only_a_year_is_marked(phrase: str, year_only: bool) -> None:
    mentions = _one(f"وقعت المعارك {phrase} في المدينة", date(2015, 8, 8))
    assert [m.year_only for m in mentions] == [year_only]


def test_a_date_after_mundhu_is_marked_as_the_start_of_a_period() -> None:
    by_text = {m.text: m for m in _one("تشهد المدينة معارك منذ أربعة أشهر، وقصفت الطائرات منذ 20 يوليو "
                                       "مواقع التنظيم، وقتل ثلاثة أمس", date(2015, 8, 8))}
    assert by_text["منذ اربعه اشهر"].since
    assert by_text["20 يوليو"].since and by_text["20 يوليو"].end_date == date(2015, 8, 8)
    assert not by_text["امس"].since


# Grammar.finditer tries the grammar's regex only at the words that can open
# a date (checked once per word): it must find exactly what a scan of the
# regex over every position finds, range limits and odd word joins included.

def _same_as_regex_scan(text: str) -> None:
    from rasd.text.dates.grammar import compiled_grammar

    grammar = compiled_grammar()
    norm = normalize(text)[0]

    def key(matches):
        return [(m.span(), m.lastgroup, m.groups()) for m in matches]

    assert key(grammar.finditer(norm)) == key(grammar.regex.finditer(norm))
    for start in range(0, len(norm) + 1, 3):
        for end in (start, (start + len(norm)) // 2, len(norm)):
            assert key(grammar.finditer(norm, start, end)) == key(grammar.regex.finditer(norm, start, end))


@pytest.mark.parametrize("text", [
    "قتل ثلاثة أشخاص وأصيب آخرون أمس الجمعة في قصف استهدف السوق، بحسب ما أفاد المرصد يوم 24 يوليو 2015.",
    "وقال المتحدث إن الهجوم وقع فجر الخميس الماضي، وإن الاشتباكات استمرت حتى الساعات الأولى من صباح اليوم.",
    "أعلن التحالف في 26/7/2015م أن الغارات التي شنت في الثامن والتاسع من أيلول/ سبتمبر أصابت أهدافها.",
    "ذكرت وكالة الأنباء في 10 شوال 1436هـ أن مسلحي «داعش» هاجموا مواقع للجيش منذ عام 2014.",
    "وبالأمس أعلن الجيش مقتل 12 عنصراً، وفي 2003 وقبل ثلاثة أعوام شهدت المدينة معارك مماثلة.",
    'أعلن ل"الجمعة" و"أمس" و"الخميس" أن مارس2011 والـ24 ساعة الماضية و2014 وال24 من مارس شهدت قتالاً.',
    "وقع الانفجار _الجمعة و²أمس ١٢ مارس ٢٠١٥ و١٣/٤/٢٠١٥ في شارع 26 سبتمبر.",
    'قال ل"2015م" إن و"مارس2011" ب\'الخميس\' و`امس` شهدت معارك.',
])
def test_the_word_filtered_scan_finds_what_the_regex_finds(text: str) -> None:
    _same_as_regex_scan(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ARABIC_NEWS_ALPHABET | st.sampled_from(['"', "'", "`", "_", "²", "و", "ل", "وب", "ال"]),
                max_size=40).map("".join))
def test_the_word_filtered_scan_finds_what_the_regex_finds_in_any_text(text: str) -> None:
    _same_as_regex_scan(text)
