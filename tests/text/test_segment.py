"""Sentence and clause splitting of Arabic news (issue 4).

Sentences marked with a source are copied from real articles ("dev:<id>":
/work/shared/corpus/dev/articles.jsonl).
"""

from __future__ import annotations

from rasd.text.segment import split_clauses, split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for s in spans:
        assert text[s.start:s.end] == s.text  # offsets are into the original text
    return [s.text for s in spans]


def test_headline_dateline_and_body_lines_are_sentences():
    # dev:northpress-20220122-sinaa-prison (opening lines)
    text = (
        "بعد ثلاثة أعوام على هزيمته.. “داعش” يسعى لتخليص معتقليه في سجن الصناعة بالحسكة\n\n"
        "الحسكة- نورث برس\n\n"
        "وقالت القيادة الوسطى الأميركية إنها تراقب التطورات في سجن الصناعة بالحسكة.\n\n"
        "نزوح من الأحياء\n"
    )
    assert sentences(text) == [
        "بعد ثلاثة أعوام على هزيمته.. “داعش” يسعى لتخليص معتقليه في سجن الصناعة بالحسكة",
        "الحسكة- نورث برس",
        "وقالت القيادة الوسطى الأميركية إنها تراقب التطورات في سجن الصناعة بالحسكة.",
        "نزوح من الأحياء",
    ]


def test_full_stops_question_marks_end_sentences():
    assert sentences("قتل خمسة. هل انتهت المعارك؟ لا! ثم عاد الهدوء") == [
        "قتل خمسة.", "هل انتهت المعارك؟", "لا!", "ثم عاد الهدوء",
    ]


def test_ellipsis_is_a_pause_not_an_end():
    assert sentences("المقاومة تسيطر على أبين.. وعشرات القتلى من المتمردين في تعز") == [
        "المقاومة تسيطر على أبين.. وعشرات القتلى من المتمردين في تعز",
    ]


def test_decimals_abbreviations_and_agency_initials_are_not_ends():
    assert sentences("قال د. حمدان الشهري إن 3.5 مليون نزحوا. أ.ف.ب") == [
        "قال د. حمدان الشهري إن 3.5 مليون نزحوا.", "أ.ف.ب",
    ]
    assert sentences("وقال مسؤول في U.S. Army إن الهجوم فشل.") == ["وقال مسؤول في U.S. Army إن الهجوم فشل."]


def test_quoted_speech_keeps_its_inner_full_stops():
    text = "وقال المصدر «الاشتباكات مستمرة. ونحن نلاحق الفارين» مضيفا أن الوضع هادئ. وانتهى الهجوم."
    assert sentences(text) == [
        "وقال المصدر «الاشتباكات مستمرة. ونحن نلاحق الفارين» مضيفا أن الوضع هادئ.",
        "وانتهى الهجوم.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert sentences("قال «انتهى الهجوم.» ثم غادر. وعاد") == ["قال «انتهى الهجوم.»", "ثم غادر.", "وعاد"]
    assert sentences('وقال "انتهى الهجوم." ثم غادر') == ['وقال "انتهى الهجوم."', "ثم غادر"]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    text = "قال «الوضع خطير. " + "وتستمر المعارك في المدينة. " * 30
    assert len(sentences(text)) > 20


def test_inline_dateline_is_its_own_sentence():
    assert sentences("دمشق - (أ ف ب) - قتل خمسة أشخاص في قصف على المدينة.") == [
        "دمشق - (أ ف ب)", "قتل خمسة أشخاص في قصف على المدينة.",
    ]
    assert sentences("بغداد – الجزيرة: قتل 5 أشخاص في تفجير") == ["بغداد – الجزيرة", "قتل 5 أشخاص في تفجير"]


def test_numbered_points_start_new_sentences():
    # dev:snn_a8fd2a3007c1 writes its statement as «أولاً: … ثانياً : …»
    text = "أولاً: وقع التفجير أثناء الصلاة ثانياً : نتج عن الحادث الإجرامي استشهاد (15) خمسة عشر مصلياً"
    assert sentences(text) == [
        "أولاً: وقع التفجير أثناء الصلاة",
        "ثانياً : نتج عن الحادث الإجرامي استشهاد (15) خمسة عشر مصلياً",
    ]


def test_windows_line_ends_and_blank_text():
    assert sentences("سطر أول\r\nسطر ثان\r\n") == ["سطر أول", "سطر ثان"]
    assert sentences("") == [] and sentences(" \n\n ") == []


def test_clauses_split_at_commas_and_contrast_conjunctions():
    text = "قتل 5 مدنيين، وأصيب 1,200 آخرون فيما قال المرصد: إن القصف مستمر"
    assert [c.text for c in split_clauses(text)] == [
        "قتل 5 مدنيين", "وأصيب 1,200 آخرون", "فيما قال المرصد", "إن القصف مستمر",
    ]
    start = text.index("وأصيب")
    spans = split_clauses(text, start, len(text))
    assert spans[0].start == start and all(text[s.start:s.end] == s.text for s in spans)


def test_run_on_sentences_are_cut_at_weaker_ends():
    clause = "وتواصل القوات تقدمها في أحياء المدينة الشرقية وسط اشتباكات متقطعة مع المسلحين"
    text = "، ".join([clause] * 12)  # ~1,000 characters, no full stop
    pieces = sentences(text)
    assert len(pieces) >= 2 and all(len(p) <= 500 for p in pieces)
    assert all(p.startswith("وتواصل") for p in pieces)
    short = "هنا مربط الفرس.. وتحديدًا بعد تحرير عدن"
    assert sentences(short) == [short]  # short sentences keep their «..»


def test_bylines_and_agency_datelines_but_not_asides():
    # snn_5824dba6b346: byline, then the place, then the report
    assert sentences("قاسم الخبراني- سبق- الرياض: تعتبر قاعدة \"العند\" التي بناها الاتحاد السوفيتي") == [
        "قاسم الخبراني- سبق", "الرياض", "تعتبر قاعدة \"العند\" التي بناها الاتحاد السوفيتي",
    ]
    # snn_e7e5ac510279
    assert sentences("باماكو - رويترز: أكدت مصادر عسكرية أن جنديين ماليين قتلا") == [
        "باماكو - رويترز", "أكدت مصادر عسكرية أن جنديين ماليين قتلا",
    ]
    # snn_067336bb776a: dashes around an aside inside a sentence
    aside = "وقال إليامي - في بيان له - إنه التقى بوزير حقوق الإنسان في اليمن"
    assert sentences(aside) == [aside]
    aside = "وصرح مسؤول تركي- رفض الكشف عن هويته- لوكالة فرانس برس"
    assert sentences(aside) == [aside]
