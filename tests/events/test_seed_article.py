"""The seed article (first of the dev set): the events the issue names come out,
and the traffic accident and the foiled car-bomb plot make none."""

import json
from pathlib import Path

import pytest

from rasd.io.readers import article_from_record
from rasd.pipeline import Pipeline

# The seed article ships with the repository as the first bundled sample.
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_articles.jsonl"


@pytest.fixture(scope="module")
def seed():
    record = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    assert record["id"] == "northpress-20220122-sinaa-prison"
    article = article_from_record(record, "dev", 1, None, lambda m: None, 1_000_000)
    events = Pipeline().extract(article)
    return article, events


def _km(event, lat, lon):
    """Great-circle distance from an event to a point (spec §4 matches within 25 km)."""
    import math
    if event.latitude is None:
        return float("inf")
    p1, p2 = math.radians(event.latitude), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - event.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _covering(article, events, phrase):
    start = article.text.index(phrase)
    return [e for e in events if any(ev.start <= start < ev.end for ev in e.evidence)]


def test_curfew_is_a_strategic_development_by_the_asayish(seed):
    article, events = seed
    [curfew] = _covering(article, events, "حظراً كلياً للتجول")
    assert curfew.sub_event_type == "Other"
    assert curfew.actor1 == "Asayish: Internal Security Forces (NES)"
    assert curfew.event_date == "2022-01-22" and curfew.status == "current"
    assert _km(curfew, 36.5024, 40.7477) < 10  # Al-Hasakeh city


def test_coalition_air_strike_on_al_zuhour(seed):
    article, events = seed
    strikes = [e for e in _covering(article, events, "استهدف طيران التحالف الدولي")
               if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    strike = strikes[0]
    assert {strike.actor1, strike.actor2} == {"International Coalition", "Islamic State"}
    assert strike.actor1 == "International Coalition"
    assert strike.event_date == "2022-01-22"
    assert _km(strike, 36.4769, 40.7494) < 5  # al-Zuhour, Al-Hasakeh


def test_diyala_attack_kills_eleven_soldiers(seed):
    article, events = seed
    found = _covering(article, events, "هجوماً في محافظة ديالى")
    assert found, "the Diyala attack makes an event"
    attack = found[0]
    assert attack.event_type == "Battles"
    assert attack.event_date == "2022-01-21"
    assert _km(attack, 34.2648, 44.5776) < 25 or attack.admin1 in ("Diyala", "Diyala Governorate")
    assert {attack.actor1, attack.actor2} == {"Islamic State", "Military Forces of Iraq"}
    assert attack.fatalities == 11


def test_turkish_drone_strike_near_sinjar(seed):
    article, events = seed
    [strike] = [e for e in _covering(article, events, "طائرة مسيرة تركية")
                if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1 == "Military Forces of Turkey"
    assert strike.event_date == "2022-01-21"
    assert _km(strike, 36.3209, 41.8766) < 25  # near Wadi Shilo, Sinjar
    assert strike.actor2 == "YBS: Sinjar Resistance Units"
    assert strike.fatalities == 2 and strike.injuries == 2


def test_traffic_accident_makes_no_event(seed):
    article, events = seed
    assert _covering(article, events, "نتيجة حادث سير") == []


def test_foiled_car_bomb_plot_makes_no_event(seed):
    article, events = seed
    assert _covering(article, events, "تفجير سيارات مفخخة في بوابة السجن") == []
    # ... but the arrest of the man who planned it is a (background) event.
    [arrest] = _covering(article, events, "اعتقلت محمد عبد العواد")
    assert arrest.sub_event_type == "Arrests" and arrest.status == "background"
