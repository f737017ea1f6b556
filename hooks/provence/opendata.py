"""Open data built with the site, byte-identical for one commit: the places
as GeoJSON (RFC 7946), the route as GPX 1.1, the events as iCalendar
(RFC 5545) and the partners as JSON."""

from __future__ import annotations

import datetime
import json

from provence.languages import absolute_url

PRODUCT_ID = "-//One Provence//oneprovence.com//FR"


# --- Build date


def build_date(environ: dict, configured) -> datetime.date:
    """The date the agenda is relative to.

    ``SOURCE_DATE_EPOCH`` (set by the Makefile to the last commit's time) wins,
    then ``extra.build_date`` in mkdocs.yml, then today (a build outside
    `make` with neither is the only one that is not reproducible).
    """
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    if configured:
        return configured if isinstance(configured, datetime.date) else datetime.date.fromisoformat(str(configured))
    return datetime.date.today()


def split_agenda(events: list, today: datetime.date) -> tuple[list, list]:
    """Upcoming (not yet ended, soonest first) and past (most recent first) events."""
    upcoming = [event for event in events if event.end >= today]
    past = [event for event in events if event.end < today]
    return upcoming, sorted(past, key=lambda event: (event.start, event.slug), reverse=True)


# --- Formats


def places_geojson(places: list, site_url: str, prefix: str, asset_url, commune) -> dict:
    """A FeatureCollection of Points, ``[lon, lat]`` as RFC 7946 requires, no ``crs``.

    ``commune``: a commune's name in the file's language.
    """
    features = [
        {
            "type": "Feature",
            "id": place.slug,
            "geometry": {"type": "Point", "coordinates": [place.coordinates.lon, place.coordinates.lat]},
            "properties": {
                "name": place.title,
                "summary": place.summary,
                "commune": commune(place.commune),
                "route": place.route,
                "themes": list(place.themes),
                "sectors": list(place.sectors),
                "url": absolute_url(site_url, prefix + place.path),
                "image": asset_url(place),
                "website": place.website,
            },
        }
        for place in places
    ]
    return {"type": "FeatureCollection", "features": features}


def route_points(places: list, site_url: str) -> list[dict]:
    """The route of totem places, in order, as the GPX template (templates/route.gpx) writes it."""
    return [
        {"lat": place.coordinates.lat, "lon": place.coordinates.lon, "name": place.title, "url": absolute_url(site_url, place.path)}
        for place in places
    ]


def events_ics(events: list, site_url: str, prefix: str, stamp: datetime.date, places: dict, commune) -> bytes:
    """All-day events (DTEND exclusive, RFC 5545), DTSTAMP from the build date; places and
    communes (``commune``: a commune's name) in the calendar's language."""
    # Imported here: only the final pass of a build writes calendars.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    host = site_url.split("//")[-1].strip("/") or "oneprovence.com"
    for event in events:
        entry = Event()
        entry.add("uid", f"{event.slug}@{host}")
        entry.add("dtstamp", datetime.datetime.combine(stamp, datetime.time(0, 0), tzinfo=datetime.timezone.utc))
        entry.add("dtstart", event.start)
        entry.add("dtend", event.end + datetime.timedelta(days=1))
        entry.add("summary", event.title)
        if event.summary:
            entry.add("description", event.summary)
        if event.place in places:
            entry.add("location", f"{places[event.place].title}, {commune(places[event.place].commune)}")
        entry.add("url", event.link or absolute_url(site_url, prefix + event.path))
        calendar.add_component(entry)
    return calendar.to_ical()


def partners_json(partners: list, tiers: dict, codes: list[str], texts, site_url: str, asset_url) -> dict:
    """Partners with their tier, sectors and their texts in every language."""
    return {
        "partners": [
            {
                "id": partner.slug,
                "tier": partner.tier,
                "tier_order": tiers[partner.tier].order if partner.tier in tiers else None,
                "sectors": list(partner.sectors),
                "website": partner.website,
                "member_since": partner.member_since,
                "logo": asset_url(partner),
                "page": absolute_url(site_url, partner.path),
                "name": {code: texts(partner.slug, code).title for code in codes},
                "description": {code: texts(partner.slug, code).summary for code in codes},
            }
            for partner in partners
        ]
    }


def dump_json(data) -> str:
    """Stable JSON: sorted keys, UTF-8 text, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
