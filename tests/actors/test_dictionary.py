"""The actor dictionary names the sides of events as spec §3 says."""

from rasd.actors.dictionary import load_dictionary
from rasd.actors.recognize import find_actors, topic_group
from rasd.text.normalize import normalize


def names(text: str, country: str | None = None, topic: str | None = None) -> list[str | None]:
    d = load_dictionary()
    norm, _ = normalize(text)
    return [d.resolve(m.entry, country, topic) for m in find_actors(d, norm)]


def test_named_forms_with_clitics_map_to_canonical_names():
    assert names("فرضت “قسد” طوقاً أمنياً") == ["SDF: Syrian Democratic Forces"]
    assert names("بحسب المركز الإعلامي لقسد") == ["SDF: Syrian Democratic Forces"]
    assert names("عنصران من وحدات مقاومة شنكال") == ["YBS: Sinjar Resistance Units"]
    assert names("وقاتلت الميليشيات الحوثية") == ["Houthis: Ansar Allah"]


def test_nationality_templates_expand_for_each_country():
    assert names("الجيش العراقي") == ["Military Forces of Iraq"]
    assert names("القوات التركية") == ["Military Forces of Turkey"]
    assert names("الشرطة المصرية") == ["Police Forces of Egypt"]


def test_the_coalition_depends_on_the_country():
    assert names("طيران التحالف", country="Yemen") == ["Saudi-led Coalition"]
    assert names("طيران التحالف", country="Syria") == ["International Coalition"]
    assert names("طيران التحالف الدولي", country="Yemen") == ["International Coalition"]


def test_generic_sides_take_the_event_country():
    assert names("مسلحون مجهولون", country="Iraq") == ["Unidentified Armed Group (Iraq)"]
    assert names("قتل ثلاثة مدنيين", country="Syria") == ["Civilians (Syria)"]
    assert names("مسلحون مجهولون", country=None) == [None]  # never a guessed country


def test_the_organisation_is_the_article_topic_group():
    d = load_dictionary()
    norm, _ = normalize("هاجم تنظيم داعش السجن. وقال إن عناصر التنظيم فروا")
    mentions = find_actors(d, norm)
    topic = topic_group(d, mentions)
    assert topic == "Islamic State"
    assert [d.resolve(m.entry, "Syria", topic) for m in mentions] == ["Islamic State", "Islamic State"]


def test_base_is_not_al_qaeda():
    assert names("قاعدة العند الجوية") == []


def test_the_revolutionaries_are_each_countrys_own_rebels():
    assert names("تقدم الثوار", country="Yemen") == ["Popular Resistance (Yemen)"]
    assert names("تقدم الثوار", country="Syria") == ["Opposition Rebels (Syria)"]


def test_emergency_forces_spelt_with_a_dotless_ya_hamza_are_the_saudi_police():
    assert names("مسجد قوات الطوارىء بعسير") == names("مسجد قوات الطوارئ بعسير")
    assert "Police Forces of Saudi Arabia" in names("قوة الطوارىء الخاصة")


def test_allies_are_forces_on_one_side():
    d = load_dictionary()
    assert d.allied("Hezbollah", "Military Forces of Syria")
    assert d.allied("Military Forces of Syria", "Hezbollah")
    assert d.allied("Military Forces of Iraq", "International Coalition")  # both for the government
    assert not d.allied("Hezbollah", "Military Forces of Israel")
    assert not d.allied("Islamic State", "Military Forces of Iraq")


def test_the_east_kurdistan_defence_units_are_pjaks_armed_wing():
    # «وحدات حماية شرق كردستان» (YRK) is the full name of PJAK's armed wing; the
    # short «وحدات شرق كردستان» alone left the full name unrecognised.
    assert names("هجوم نفذه مقاتلو وحدات حماية شرق كردستان على معسكر للحرس الثوري") == [
        "PJAK: Kurdistan Free Life Party", "Military Forces of Iran"]


def test_a_states_tanks_armour_boats_and_helicopters_are_its_military():
    assert names("قصفت الدبابات التركية قرية حدودية") == ["Military Forces of Turkey"]
    assert names("توغلت المدرعات الإسرائيلية شرق خان يونس") == ["Military Forces of Israel"]
    assert names("أطلقت المروحيات العراقية صواريخ") == ["Military Forces of Iraq"]
    assert names("أطلقت البوارج الروسية صواريخ") == ["Military Forces of Russia"]


def test_forces_loyal_to_the_yemeni_president_are_the_hadi_government():
    hadi = "Military Forces of Yemen (Hadi government)"
    assert names("القوات الموالية للرئيس اليمني عبد ربه منصور هادي") == [hadi]
    assert names("القوات الموالية لحكومة الرئيس اليمني عبدربه منصور هادي") == [hadi]
    # the former president's forces stay Saleh's
    assert names("القوات الموالية للرئيس اليمني السابق") == ["Saleh loyalist forces"]


def test_forces_loyal_to_the_government_are_the_countrys_military():
    assert names("القوات الموالية للحكومة", country="Libya") == ["Military Forces of Libya"]
    assert names("القوات الموالية للحكومة", country="Yemen") == ["Military Forces of Yemen (Hadi government)"]
    assert names("قوات موالية للنظام", country="Syria") == ["Military Forces of Syria"]


def test_houthi_gangs_and_the_common_misspelling_militia_are_the_houthis():
    assert names("جددت العصابات الحوثية استهدافها للشريط الحدودي") == ["Houthis: Ansar Allah"]
    assert names("عناصر من ميلشيات الحوثي") == ["Houthis: Ansar Allah"]


def test_indefinite_forces_with_a_nationality_are_that_states_military():
    assert names("تعرضت قريتان لقصف بدبابات تركية") == ["Military Forces of Turkey"]
    assert names("انتشرت قوات سعودية على الحدود") == ["Military Forces of Saudi Arabia"]
    assert names("قصفت طائرات حربية روسية مواقع") == ["Military Forces of Russia"]


def test_the_insurgents_are_each_country_s_main_insurgency():
    # «المتمردون» in Afghan, Somali and Nigerian reports.
    assert names("هاجم المتمردون قاعدة عسكرية", country="Afghanistan") == ["Taliban"]
    assert names("شن المتمردون الإسلاميون هجوما", country="Somalia") == ["Al Shabaab"]
    assert names("قتل المتمردون عشرات القرويين", country="Nigeria") == ["Boko Haram", "Civilians (Nigeria)"]
    assert names("هاجم المتمردون قاعدة عسكرية", country="Egypt") == [None]
