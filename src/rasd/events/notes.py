"""The one-sentence English `notes` of an event, built from its fields (no translation)."""

from __future__ import annotations

from rasd.model import Event

_VERBS: dict[str, str] = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "set off an explosive device against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were dispersed by",
    "Excessive force against protesters": "were met with lethal force by",
    "Violent demonstration": "rioted against",
    "Mob violence": "attacked",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed activity",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "withdrew and territory passed to",
    "Other": "imposed measures",
}
_NO_OBJECT = frozenset({"Peaceful protest", "Change to group/activity", "Headquarters or base established", "Other"})


def build_notes(event: Event) -> str:
    subject = event.actor1 or "An unidentified side"
    verb = _VERBS.get(event.sub_event_type, event.sub_event_type.lower())
    obj = event.actor2
    if event.sub_event_type in _NO_OBJECT or not obj:
        if verb.endswith((" with", " on", " against", " from", " of", " by", " at", " to")):
            verb = verb.rsplit(" ", 1)[0]
        phrase = f"{subject} {verb}"
        if event.sub_event_type in _NO_OBJECT and obj:
            phrase += f" affecting {obj}"
    else:
        phrase = f"{subject} {verb} {obj}"
    where = ", ".join(x for x in (event.location, event.admin1 if event.admin1 != event.location else None,
                                  event.country) if x)
    if where:
        phrase += f" in {where}"
    if event.event_date:
        phrase += (" on " if event.time_precision == 1 else " around ") + event.event_date
    tolls = []
    if event.fatalities:
        tolls.append(f"{event.fatalities} killed")
    if event.injuries:
        tolls.append(f"{event.injuries} injured")
    if tolls:
        phrase += "; " + " and ".join(tolls)
    return phrase + "."
