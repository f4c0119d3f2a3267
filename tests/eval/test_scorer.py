"""The scorer of spec §4 on hand-made cases: what matches, what counts, what is reported."""

from __future__ import annotations

import pytest

from rasd.eval.scorer import (
    GoldEvent, admin_key, date_compatible, match_article, score_article,
    score_corpus,
)
from rasd.geo import km_between
from rasd.model import Event

# Al-Hasakeh city; 0.1° of latitude is about 11.1 km.
LAT, LON = 36.50, 40.75
KM_PER_DEG_LAT = 111.2


def ev(event_type="Battles", sub="Armed clash", date="2022-01-21", lat=LAT, lon=LON,
       actor1="Islamic State", actor2="SDF: Syrian Democratic Forces", fatalities=0,
       status="current", admin1="Al-Hasakeh", precision=1, article="a1") -> Event:
    return Event(event_id="", article_id=article, status=status, event_date=date,
                 time_precision=precision, event_type=event_type, sub_event_type=sub,
                 actor1=actor1, actor2=actor2, latitude=lat, longitude=lon, admin1=admin1,
                 fatalities=fatalities)


def gold(optional=False, alt_types=(), **kw) -> GoldEvent:
    return GoldEvent(event=ev(**kw), optional=optional, alt_types=tuple(alt_types))


def north(km: float) -> float:
    return LAT + km / KM_PER_DEG_LAT


def counts(outcomes):
    s = score_corpus(outcomes).current
    return s.tp, s.fp, s.fn


# ---------------------------------------------------------------- event P/R/F1
def test_perfect_output_scores_one_everywhere():
    golds = [gold(), gold(event_type="Explosions/Remote violence", sub="Air/drone strike",
                          lat=north(60), fatalities=3, actor1="Military Forces of Turkey", actor2=None)]
    system = [g.event for g in golds]
    scores = score_corpus([score_article("a1", system, golds)])
    assert (scores.current.tp, scores.current.fp, scores.current.fn) == (2, 0, 0)
    assert scores.current.precision == scores.current.recall == scores.current.f1 == 1.0
    assert scores.fields.sub_event_type_accuracy == 1.0
    assert scores.fields.actor_accuracy == 1.0
    assert scores.fields.date_exact_rate == 1.0
    assert scores.fields.location_median_km == pytest.approx(0.0, abs=1e-9)
    assert scores.fields.location_within_5km == 1.0
    assert scores.fields.fatalities_exact_rate == 1.0
    assert scores.fatalities_mae == 0


def test_empty_output_has_zero_recall_and_f1_and_no_precision():
    scores = score_corpus([score_article("a1", [], [gold(), gold(lat=north(100))])])
    assert (scores.current.tp, scores.current.fp, scores.current.fn) == (0, 0, 2)
    assert scores.current.recall == 0.0
    assert scores.current.f1 == 0.0
    assert scores.current.precision is None  # nothing was claimed
    assert scores.fields.matched == 0 and scores.fields.actor_accuracy is None


def test_precision_recall_f1_arithmetic():
    golds = [gold(), gold(lat=north(100)), gold(lat=north(200))]
    system = [ev(), ev(lat=north(100)), ev(event_type="Protests", sub="Peaceful protest"),
              ev(lat=north(400))]
    s = score_corpus([score_article("a1", system, golds)]).current
    assert (s.tp, s.fp, s.fn) == (2, 2, 1)
    assert s.precision == pytest.approx(2 / 4)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


# ---------------------------------------------------------------- actors
def test_swapped_actors_still_count_as_right():
    g = gold()
    system = [ev(actor1=g.event.actor2, actor2=g.event.actor1)]
    scores = score_corpus([score_article("a1", system, [g])])
    assert scores.current.tp == 1
    assert scores.fields.actor_accuracy == 1.0


def test_one_wrong_actor_makes_the_pair_wrong_but_still_matches():
    system = [ev(actor2="Military Forces of Syria")]
    scores = score_corpus([score_article("a1", system, [gold()])])
    assert scores.current.tp == 1  # actors are not a matching criterion
    assert scores.fields.actor_accuracy == 0.0


def test_a_missing_actor_is_not_right():
    scores = score_corpus([score_article("a1", [ev(actor2=None)], [gold()])])
    assert scores.fields.actor_accuracy == 0.0


# ---------------------------------------------------------------- dates
def test_off_by_one_day_matches_but_is_not_exact():
    scores = score_corpus([score_article("a1", [ev(date="2022-01-22")], [gold()])])
    assert scores.current.tp == 1
    assert scores.fields.date_exact_rate == 0.0


def test_two_days_off_does_not_match_a_day_precise_gold():
    assert counts([score_article("a1", [ev(date="2022-01-23")], [gold()])]) == (0, 1, 1)
    assert counts([score_article("a1", [ev(date="2022-01-19")], [gold()])]) == (0, 1, 1)


def test_week_precision_gold_accepts_seven_days_not_eight():
    g = gold(precision=2)
    assert counts([score_article("a1", [ev(date="2022-01-28")], [g])]) == (1, 0, 0)
    assert counts([score_article("a1", [ev(date="2022-01-29")], [g])]) == (0, 1, 1)


def test_month_precision_gold_accepts_the_same_month_only():
    assert date_compatible("2022-01-03", "2022-01-21", 3) == 18
    assert date_compatible("2022-02-03", "2022-01-21", 3) is None
    assert date_compatible("2022-02-01", "2022-01-31", 3) == 1  # still within a day


def test_an_undated_system_event_never_matches_a_dated_gold():
    assert counts([score_article("a1", [ev(date=None)], [gold()])]) == (0, 1, 1)


# ---------------------------------------------------------------- places
def test_twenty_km_away_matches_thirty_does_not():
    assert counts([score_article("a1", [ev(lat=north(20))], [gold()])]) == (1, 0, 0)
    assert counts([score_article("a1", [ev(lat=north(30))], [gold()])]) == (0, 1, 1)


def test_location_error_is_reported_in_km_on_matched_events():
    outcomes = [score_article("a1", [ev(lat=north(2))], [gold()]),
                score_article("a2", [ev(lat=north(10))], [gold()]),
                score_article("a3", [ev(lat=north(20))], [gold()])]
    fields = score_corpus(outcomes).fields
    assert fields.location_median_km == pytest.approx(10, rel=0.01)
    assert fields.location_within_5km == pytest.approx(1 / 3)
    assert fields.location_measured == 3


def test_without_coordinates_places_match_on_shared_admin1():
    same = ev(lat=None, lon=None, admin1="Al Hasakah")
    other = ev(lat=None, lon=None, admin1="Deir ez-Zor")
    assert counts([score_article("a1", [same], [gold()])]) == (1, 0, 0)
    assert counts([score_article("a1", [other], [gold()])]) == (0, 1, 1)
    assert counts([score_article("a1", [ev(lat=None, lon=None, admin1=None)], [gold()])]) == (0, 1, 1)
    # no km to report when a side has no coordinates
    assert score_corpus([score_article("a1", [same], [gold()])]).fields.location_median_km is None


def test_admin_key_tolerates_transliteration():
    assert admin_key("Al-Hasakeh") == admin_key("Al Hasakah") == admin_key("Hasakah")
    assert admin_key("Nineveh") != admin_key("Al-Hasakeh")
    assert admin_key(None) == ""


@pytest.mark.parametrize("a, b", [("Taiz", "Taizz"), ("Saada", "Sadah"), ("Az Zawiyah", "Zawiya"),
                                  ("Soqatra", "Socotra"), ("Dhale", "Ad Dali"), ("Dhi Qar", "Thi Qar"),
                                  ("Al Bayda", "Al Baydha")])
def test_admin_key_tolerates_digraphs_doubled_letters_and_a_final_h(a, b):
    assert admin_key(a) == admin_key(b)


@pytest.mark.parametrize("a, b", [("Shabwah", "Sabha"), ("Homs", "Hama"), ("Baghdad", "Babil")])
def test_admin_key_still_tells_different_provinces_apart(a, b):
    assert admin_key(a) != admin_key(b)


def test_haversine_against_a_known_distance():
    # Damascus -> Aleppo is about 310 km great-circle (the distance the scorer matches places by)
    assert km_between(33.513, 36.292, 36.202, 37.134) == pytest.approx(308, abs=5)


# ---------------------------------------------------------------- types
def test_alt_types_let_a_defensible_type_match():
    g = gold(alt_types=["Explosions/Remote violence"])
    system = [ev(event_type="Explosions/Remote violence", sub="Shelling/artillery/missile attack")]
    assert counts([score_article("a1", system, [g])]) == (1, 0, 0)
    assert counts([score_article("a1", system, [gold()])]) == (0, 1, 1)


def test_sub_event_type_accuracy_counts_matched_pairs():
    system = [ev(sub="Government regains territory"), ev(lat=north(100))]
    golds = [gold(), gold(lat=north(100))]
    assert score_corpus([score_article("a1", system, golds)]).fields.sub_event_type_accuracy == 0.5


# ---------------------------------------------------------------- optional
def test_optional_gold_is_neither_tp_nor_fn_nor_fp():
    found = score_corpus([score_article("a1", [ev()], [gold(optional=True)])])
    assert (found.current.tp, found.current.fp, found.current.fn) == (0, 0, 0)
    assert found.current.optional_found == 1
    missed = score_corpus([score_article("a1", [], [gold(optional=True)])])
    assert (missed.current.tp, missed.current.fp, missed.current.fn) == (0, 0, 0)


def test_required_gold_is_matched_before_optional_gold():
    # The system event is closer to the optional gold, but a required gold is in reach:
    # it must take the required one (TP), not be absorbed and leave a miss.
    required = gold(date="2022-01-22")
    optional = gold(optional=True)
    match = match_article("a1", [ev()], [optional, required])
    assert [p.gold for p in match.matched] == [required]
    assert match.missed == [] and match.spurious == []


# ---------------------------------------------------------------- one-to-one
def test_two_system_events_near_one_gold_give_one_tp_one_fp():
    match = match_article("a1", [ev(lat=north(10)), ev(lat=north(1))], [gold()])
    assert len(match.matched) == 1 and len(match.spurious) == 1
    # closest first: the 1 km event is the match, the 10 km one is spurious
    assert match.matched[0].km == pytest.approx(1, rel=0.01)
    assert match.spurious[0].latitude == pytest.approx(north(10))


def test_closest_first_prefers_the_nearer_date():
    golds = [gold(date="2022-01-21"), gold(date="2022-01-22")]
    match = match_article("a1", [ev(date="2022-01-22")], golds)
    assert match.matched[0].gold is golds[1]
    assert match.missed == [golds[0]]


def test_one_to_one_finds_both_pairs_when_the_closest_choice_allows():
    golds = [gold(date="2022-01-21"), gold(date="2022-01-23")]
    system = [ev(date="2022-01-22"), ev(date="2022-01-23")]
    assert counts([score_article("a1", system, golds)]) == (2, 0, 0)


def test_equally_close_pairs_are_paired_by_sub_event_type_not_crosswise():
    # Two battles at one place on one day: a clash and a recapture.
    golds = [gold(sub="Armed clash", fatalities=10), gold(sub="Government regains territory")]
    system = [ev(sub="Government regains territory"), ev(sub="Armed clash", fatalities=10)]
    match = match_article("a1", system, golds)
    assert {(p.system.sub_event_type, p.gold.event.sub_event_type) for p in match.matched} == {
        ("Armed clash", "Armed clash"),
        ("Government regains territory", "Government regains territory"),
    }


def test_events_of_different_articles_never_match():
    outcomes = [score_article("a1", [], [gold()]), score_article("a2", [ev(article="a2")], [])]
    assert counts(outcomes) == (0, 1, 1)


# ---------------------------------------------------------------- status
def test_background_events_are_scored_apart_from_current():
    golds = [gold(), gold(status="background", date="2021-10-05", lat=north(80))]
    system = [ev(), ev(status="background", date="2021-10-05", lat=north(80))]
    scores = score_corpus([score_article("a1", system, golds)])
    assert (scores.current.tp, scores.current.fp, scores.current.fn) == (1, 0, 0)
    assert (scores.background.tp, scores.background.fp, scores.background.fn) == (1, 0, 0)
    assert scores.fields.matched == 1  # field figures are over current events only


def test_a_current_event_does_not_match_background_gold():
    scores = score_corpus([score_article("a1", [ev()], [gold(status="background")])])
    assert (scores.current.tp, scores.current.fp, scores.current.fn) == (0, 1, 0)
    assert (scores.background.tp, scores.background.fp, scores.background.fn) == (0, 0, 1)


# ---------------------------------------------------------------- fatalities
def test_fatalities_exact_rate_on_matched_events():
    system = [ev(fatalities=5), ev(lat=north(100), fatalities=2)]
    golds = [gold(fatalities=5), gold(lat=north(100), fatalities=3)]
    assert score_corpus([score_article("a1", system, golds)]).fields.fatalities_exact_rate == 0.5


def test_fatalities_mae_over_articles_of_current_totals():
    a1 = score_article("a1", [ev(fatalities=5), ev(lat=north(100), fatalities=2)],
                       [gold(fatalities=5), gold(lat=north(100), fatalities=4)])  # 7 vs 9
    a2 = score_article("a2", [], [gold(fatalities=3)])  # 0 vs 3
    a3 = score_article("a3", [ev(fatalities=1)], [])  # 1 vs 0
    bg = score_article("a4", [ev(status="background", fatalities=50)],
                       [gold(status="background", fatalities=10)])  # background: 0 vs 0
    scores = score_corpus([a1, a2, a3, bg])
    assert [o.fatalities.abs_error for o in scores.articles] == [2, 3, 1, 0]
    assert scores.fatalities_mae == pytest.approx(6 / 4)


def test_unfound_optional_gold_does_not_count_toward_the_gold_total():
    outcome = score_article("a1", [], [gold(optional=True, fatalities=4), gold(lat=north(90), fatalities=2)])
    assert outcome.fatalities.gold == 2
    found = score_article("a1", [ev(fatalities=4)], [gold(optional=True, fatalities=4)])
    assert (found.fatalities.system, found.fatalities.gold) == (4, 4)


def test_scores_by_type_credit_gold_type_for_hits_and_system_type_for_false_alarms():
    from rasd.eval.scorer import scores_by_type

    golds = [gold(alt_types=["Explosions/Remote violence"]), gold(lat=north(100))]
    system = [ev(event_type="Explosions/Remote violence", sub="Air/drone strike"),
              ev(event_type="Riots", sub="Mob violence", lat=north(300))]
    table = scores_by_type([match_article("a1", system, golds)])
    assert (table["Battles"].tp, table["Battles"].fn, table["Battles"].fp) == (1, 1, 0)
    assert (table["Riots"].tp, table["Riots"].fp) == (0, 1)
    assert "Explosions/Remote violence" not in table


def test_a_system_event_with_an_unknown_status_counts_as_current():
    scores = score_corpus([score_article("a1", [ev(status=""), ev(status="old", lat=north(90))], [gold()])])
    assert (scores.current.tp, scores.current.fp, scores.current.fn) == (1, 1, 0)
