"""Write a third set of held-out multi-table datasets for key and foreign-key discovery.

    python bench/generate_heldout3.py --out bench/data/heldout3 [--seed 3]
    python bench/generate_heldout3.py --out bench/data/heldout3 --check

writes ``nycflights/``, ``football/`` and ``adventureworks/`` under ``--out`` in the format of
bench/generate_heldout.py (one CSV file per table, named after it, and a ``truth.json`` that
bench/relationships.py scores), with the helpers of bench/generate_heldout2.py. The data were
written from the published schemas and descriptions of the real datasets, not from what a
detector finds; ``facts`` in ``truth.json`` counts the quirks.

- ``nycflights``: the nycflights13 R package at about a sixth of its flights (60,000) and its
  full hourly weather. Text keys (carrier codes, FAA codes, tail numbers); flights has no key;
  tail numbers partly missing from planes (the American and Envoy fleets report fleet
  numbers), four Caribbean destinations missing from airports, some weather hours missing
  (a composite foreign key flights.(origin, time_hour) that is partial). ``year`` is 2013
  everywhere; ``flight`` numbers are small integers.
- ``football``: two leagues of 20 teams over three seasons. Dense integer ids, two role
  references to teams (home and away), goals and minutes (0..90) inside every id range. The
  key of goals is (match_id, minute, player_id): two goals of one match can fall in the same
  minute, and stoppage-time goals are written as 45 or 90, but one player never scores twice
  in one written minute (the generator redraws). lineups is a bridge matches-players.
- ``adventureworks``: ten tables of the Microsoft sample database with its CamelCase names,
  its sparse ids (ProductID 1..4 and 316.., SalesOrderID from 43659, customers 1..701 are
  stores without PersonID, individual customers from 11000) and a unique ``rowguid`` in every
  table. SalesOrderDetail.ProductID references SpecialOfferProduct in the real schema, a table
  left out of this slice; it is kept as a foreign key to Product, which that one references.

Rows are drawn from a ``random.Random`` seeded with the seed and the dataset name, so the same
arguments give the same files. Integrity in ``truth.json`` is measured from the written data;
``--check`` reads the CSV files back as text and verifies every number.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_heldout as heldout
from generate_heldout import Con, Dataset, load
from generate_heldout2 import _one
from generate_schema import fk

# -- nycflights13 ---------------------------------------------------------------------------

NF_AIRLINES = [
    ("9E", "Endeavor Air Inc.", 5.4), ("AA", "American Airlines Inc.", 9.7), ("AS", "Alaska Airlines Inc.", 0.2),
    ("B6", "JetBlue Airways", 16.2), ("DL", "Delta Air Lines Inc.", 14.3), ("EV", "ExpressJet Airlines Inc.", 16.1),
    ("F9", "Frontier Airlines Inc.", 0.2), ("FL", "AirTran Airways Corporation", 1.0),
    ("HA", "Hawaiian Airlines Inc.", 0.1), ("MQ", "Envoy Air", 7.8), ("OO", "SkyWest Airlines Inc.", 0.01),
    ("UA", "United Air Lines Inc.", 17.4), ("US", "US Airways Inc.", 6.1), ("VX", "Virgin America", 1.5),
    ("WN", "Southwest Airlines Co.", 3.6), ("YV", "Mesa Airlines Inc.", 0.2),
]  # fmt: skip
NF_ORIGINS = [("EWR", "Newark Liberty Intl", 40.6925, -74.1687, 18), ("JFK", "John F Kennedy Intl", 40.6398, -73.7789, 13),
              ("LGA", "La Guardia", 40.7772, -73.8726, 22)]  # fmt: skip
# (faa, name, lat, lon, tz, share of flights): the busiest destinations of the real file.
NF_DESTS = [
    ("ORD", "Chicago Ohare Intl", 41.98, -87.90, -6, 17), ("ATL", "Hartsfield Jackson Atlanta Intl", 33.64, -84.43, -5, 17),
    ("LAX", "Los Angeles Intl", 33.94, -118.41, -8, 16), ("BOS", "General Edward Lawrence Logan Intl", 42.36, -71.01, -5, 15),
    ("MCO", "Orlando Intl", 28.43, -81.31, -5, 14), ("CLT", "Charlotte Douglas Intl", 35.21, -80.94, -5, 14),
    ("SFO", "San Francisco Intl", 37.62, -122.37, -8, 13), ("FLL", "Fort Lauderdale Hollywood Intl", 26.07, -80.15, -5, 12),
    ("MIA", "Miami Intl", 25.79, -80.29, -5, 11), ("DCA", "Ronald Reagan Washington Natl", 38.85, -77.04, -5, 9),
    ("DTW", "Detroit Metro Wayne Co", 42.21, -83.35, -5, 9), ("DFW", "Dallas Fort Worth Intl", 32.90, -97.04, -6, 8),
    ("RDU", "Raleigh Durham Intl", 35.88, -78.79, -5, 8), ("TPA", "Tampa Intl", 27.98, -82.53, -5, 7),
    ("DEN", "Denver Intl", 39.86, -104.67, -7, 7), ("IAH", "George Bush Intercontinental", 29.98, -95.34, -6, 7),
    ("MSP", "Minneapolis St Paul Intl", 44.88, -93.22, -6, 7), ("PBI", "Palm Beach Intl", 26.68, -80.10, -5, 6),
    ("BNA", "Nashville Intl", 36.12, -86.68, -6, 6), ("LAS", "Mc Carran Intl", 36.08, -115.15, -8, 6),
    ("SJU", None, 18.44, -66.00, -4, 5), ("IAD", "Washington Dulles Intl", 38.94, -77.46, -5, 5),
    ("BUF", "Buffalo Niagara Intl", 42.94, -78.73, -5, 5), ("PHX", "Phoenix Sky Harbor Intl", 33.43, -112.01, -7, 4),
    ("CLE", "Cleveland Hopkins Intl", 41.41, -81.85, -5, 4), ("STL", "Lambert St Louis Intl", 38.75, -90.36, -6, 4),
    ("MSY", "Louis Armstrong New Orleans Intl", 29.99, -90.26, -6, 3), ("SEA", "Seattle Tacoma Intl", 47.45, -122.31, -8, 3),
    ("PIT", "Pittsburgh Intl", 40.49, -80.23, -5, 3), ("MDW", "Chicago Midway Intl", 41.79, -87.75, -6, 3),
    ("SLC", "Salt Lake City Intl", 40.79, -111.98, -7, 2), ("SAN", "San Diego Intl", 32.73, -117.19, -8, 2),
    ("BWI", "Baltimore Washington Intl", 39.18, -76.67, -5, 2), ("CVG", "Cincinnati Northern Kentucky Intl", 39.05, -84.67, -5, 2),
    ("HOU", "William P Hobby", 29.65, -95.28, -6, 2), ("AUS", "Austin Bergstrom Intl", 30.19, -97.67, -6, 2),
    ("JAX", "Jacksonville Intl", 30.49, -81.69, -5, 2), ("RSW", "Southwest Florida Intl", 26.54, -81.76, -5, 2),
    ("SAT", "San Antonio Intl", 29.53, -98.47, -6, 1), ("CMH", "Port Columbus Intl", 40.00, -82.89, -5, 1),
    ("IND", "Indianapolis Intl", 39.72, -86.29, -5, 1), ("SRQ", "Sarasota Bradenton Intl", 27.40, -82.55, -5, 1),
    ("MKE", "General Mitchell Intl", 42.95, -87.90, -6, 1), ("PWM", "Portland Intl Jetport", 43.65, -70.31, -5, 1),
    ("SYR", "Syracuse Hancock Intl", 43.11, -76.11, -5, 1), ("ROC", "Greater Rochester Intl", 43.12, -77.67, -5, 1),
    ("BTV", "Burlington Intl", 44.47, -73.15, -5, 1), ("SDF", "Louisville International Airport", 38.17, -85.74, -5, 0.5),
    ("MEM", "Memphis Intl", 35.04, -89.98, -6, 0.5), ("CHS", "Charleston Afb Intl", 32.90, -80.04, -5, 0.5),
    ("SAV", "Savannah Hilton Head Intl", 32.13, -81.20, -5, 0.5), ("ORF", "Norfolk Intl", 36.89, -76.20, -5, 0.5),
    ("SNA", "John Wayne Arpt Orange Co", 33.68, -117.87, -8, 0.5), ("PDX", "Portland Intl", 45.59, -122.60, -8, 0.4),
    ("OMA", "Eppley Afld", 41.30, -95.89, -6, 0.3), ("DSM", "Des Moines Intl", 41.53, -93.66, -6, 0.3),
    ("BQN", None, 18.49, -67.13, -4, 0.3), ("STT", None, 18.34, -64.97, -4, 0.2),
    ("HNL", "Honolulu Intl", 21.32, -157.92, -10, 0.2), ("ANC", "Ted Stevens Anchorage Intl", 61.17, -149.99, -9, 0.01),
    ("PSE", None, 18.01, -66.56, -4, 0.1), ("EGE", "Eagle Co Rgnl", 39.64, -106.92, -7, 0.1),
    ("JAC", "Jackson Hole Airport", 43.61, -110.74, -7, 0.05), ("MTJ", "Montrose Regional Airport", 38.51, -107.89, -7, 0.05),
]  # fmt: skip
NF_TZONES = {-4: "America/Puerto_Rico", -5: "America/New_York", -6: "America/Chicago", -7: "America/Denver",
             -8: "America/Los_Angeles", -9: "America/Anchorage", -10: "Pacific/Honolulu"}  # fmt: skip
NF_PLACE = ["Lansdowne", "Moton", "Schaumburg", "Randall", "Jekyll", "Elizabethtown", "Fort Collins", "Bay",
            "Lake", "Grand", "Pine", "Cedar", "Eagle", "Rock", "Spring", "Clear", "Red", "Green", "Mount",
            "Fort", "Port", "Saint", "Union", "Marion", "Clinton", "Franklin", "Madison", "Jackson"]  # fmt: skip
NF_KIND = [
    "Airport",
    "Muni",
    "Rgnl",
    "Field",
    "County",
    "Intl",
    "Seaplane Base",
    "Heliport",
    "Afb",
    "Airpark",
]
NF_MAKERS = [("BOEING", ["737-824", "757-222", "737-7H4", "767-332", "777-222"], 2, 180),
             ("AIRBUS INDUSTRIE", ["A320-232", "A319-114", "A321-211"], 2, 178),
             ("EMBRAER", ["EMB-145LR", "ERJ 190-100 IGW", "EMB-145XR", "EMB-145"], 2, 55),
             ("BOMBARDIER INC", ["CL-600-2B19", "CL-600-2D24"], 2, 55),
             ("MCDONNELL DOUGLAS", ["DC-9-82(MD-82)", "MD-88"], 2, 142),
             ("CESSNA", ["172N", "150"], 1, 4), ("PIPER", ["PA-32R-300", "PA-28-180"], 1, 6)]  # fmt: skip


def _miles(a: tuple[float, float], b: tuple[float, float]) -> int:
    la1, lo1, la2, lo2 = (math.radians(x) for x in (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return round(2 * 3959 * math.asin(math.sqrt(h)))


def _hhmm(minutes: int) -> int:
    minutes %= 1440
    return (minutes // 60) * 100 + minutes % 60 or 2400


def build_nycflights(con: Con, rng: random.Random, scale: float) -> None:
    """airlines, airports, planes, weather and 60,000 flights of 2013."""
    load(
        con,
        "airlines",
        [("carrier", "VARCHAR"), ("name", "VARCHAR")],
        [(c, n) for c, n, _ in NF_AIRLINES],
    )
    airports: list[tuple[Any, ...]] = [
        (f, n, la, lo, alt, -5, "A", "America/New_York") for f, n, la, lo, alt in NF_ORIGINS
    ]
    airports += [(f, n, la, lo, rng.randint(5, 1500), tz, "N" if tz == -10 else "A", NF_TZONES[tz])
                 for f, n, la, lo, tz, _ in NF_DESTS if n is not None]  # fmt: skip
    taken = {a[0] for a in airports} | {d[0] for d in NF_DESTS}
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    while len(airports) < 1458:
        code = "".join(rng.choice(chars) for _ in range(3))
        if rng.random() < 0.35:  # small fields have codes like 04G and 1C9
            code = f"{rng.randint(0, 9)}{rng.randint(0, 9)}{rng.choice(chars)}"
        if code in taken:
            continue
        taken.add(code)
        tz = rng.choice([-5, -5, -6, -6, -7, -8, -9, -10])
        airports.append((code, f"{rng.choice(NF_PLACE)} {rng.choice(NF_KIND)}", round(rng.uniform(19, 65), 6),
                         round(rng.uniform(-165, -68), 6), rng.randint(0, 7000), tz,
                         rng.choice("AAAAANU"), NF_TZONES[tz]))  # fmt: skip
    load(con, "airports", [("faa", "VARCHAR"), ("name", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
                           ("alt", "INTEGER"), ("tz", "INTEGER"), ("dst", "VARCHAR"), ("tzone", "VARCHAR")],
         airports)  # fmt: skip
    # Tail numbers: each carrier its own; AA and MQ report fleet numbers, mostly not in planes.
    carriers = [c for c, _, _ in NF_AIRLINES]
    fleet: dict[str, list[str]] = {}
    planes: list[tuple[Any, ...]] = []
    seen: set[str] = set()
    for c, _, share in NF_AIRLINES:
        size = max(3, int(share * 25))
        tails: list[str] = []
        while len(tails) < size:
            t = (
                f"N{rng.randint(1, 999)}{c}"
                if c in ("AA", "MQ")
                else f"N{rng.randint(100, 99999)}{rng.choice(['', '', 'A', 'UA', 'JB'])}"
            )
            t = t[:6]
            if t in seen:
                continue
            seen.add(t)
            tails.append(t)
            if c in ("AA", "MQ") and rng.random() < 0.85:
                continue
            maker, models, engines, seats = rng.choice(
                NF_MAKERS[:5] if c not in ("EV", "9E") else NF_MAKERS[2:4]
            )
            if rng.random() < 0.01:
                maker, models, engines, seats = rng.choice(NF_MAKERS[5:])
            planes.append((t, None if rng.random() < 0.02 else rng.randint(1985, 2013),
                           "Fixed wing multi engine" if engines > 1 else "Fixed wing single engine",
                           maker, rng.choice(models), engines, seats + rng.choice([-10, 0, 0, 2, 20]) if seats > 10 else seats,
                           None if seats > 10 else rng.choice([105, 90, 126]), "Turbo-fan" if seats > 100 else
                           "Turbo-jet" if seats > 10 else "Reciprocating"))  # fmt: skip
        fleet[c] = tails
    load(con, "planes", [("tailnum", "VARCHAR"), ("year", "INTEGER"), ("type", "VARCHAR"), ("manufacturer", "VARCHAR"),
                         ("model", "VARCHAR"), ("engines", "INTEGER"), ("seats", "INTEGER"), ("speed", "INTEGER"),
                         ("engine", "VARCHAR")], sorted(planes))  # fmt: skip
    # Weather: every hour at the three airports, less a few lost hours and one lost day at LGA.
    weather: list[tuple[Any, ...]] = []
    start = datetime(2013, 1, 1)
    lost_day = rng.randint(40, 300)
    for origin, *_ in NF_ORIGINS:
        for h in range(365 * 24):
            t = start + timedelta(hours=h)
            if rng.random() < 0.004 or (origin == "LGA" and h // 24 == lost_day):
                continue
            season = -math.cos(2 * math.pi * (h / 24 - 20) / 365)
            temp = round(
                55 + 22 * season + 6 * math.sin(2 * math.pi * (h % 24 - 9) / 24) + rng.gauss(0, 5),
                2,
            )
            wind = round(rng.choice(range(0, 25, 1)) * 1.15078, 5)
            weather.append((origin, 2013, t.month, t.day, t.hour, temp, round(temp - rng.uniform(2, 25), 2),
                            round(rng.uniform(20, 100), 2), None if rng.random() < 0.03 else rng.randrange(0, 361, 10),
                            wind, round(wind * 1.3, 5) if rng.random() < 0.2 else None,
                            round(rng.choice([0] * 18 + [0.01, 0.02, 0.05, 0.1, 0.3]), 2),
                            None if rng.random() < 0.1 else round(rng.gauss(1017, 7), 1),
                            rng.choice([10.0] * 8 + [0.25, 1.0, 2.5, 5.0, 8.0]), t))  # fmt: skip
    load(con, "weather", [("origin", "VARCHAR"), ("year", "INTEGER"), ("month", "INTEGER"), ("day", "INTEGER"),
                          ("hour", "INTEGER"), ("temp", "DOUBLE"), ("dewp", "DOUBLE"), ("humid", "DOUBLE"),
                          ("wind_dir", "INTEGER"), ("wind_speed", "DOUBLE"), ("wind_gust", "DOUBLE"),
                          ("precip", "DOUBLE"), ("pressure", "DOUBLE"), ("visib", "DOUBLE"),
                          ("time_hour", "TIMESTAMP")], weather)  # fmt: skip
    # Flights: routes with a carrier, a flight number and a scheduled time, flown on many days.
    where = {a[0]: (a[2], a[3]) for a in airports} | {d[0]: (d[2], d[3]) for d in NF_DESTS}
    flights: list[tuple[Any, ...]] = []
    dest_w = [d[5] for d in NF_DESTS]
    carrier_w = [a[2] for a in NF_AIRLINES]
    routes = []
    for _ in range(900):
        c = rng.choices(carriers, carrier_w)[0]
        d = rng.choices(NF_DESTS, dest_w)[0][0]
        o = rng.choice(["EWR", "JFK", "LGA"])
        routes.append((c, rng.randint(1, 6200 if c in ("EV", "9E", "MQ") else 2200), o, d,
                       rng.randrange(5 * 60 + 15, 23 * 60 + 59, 5)))  # fmt: skip
    # JetBlue flies to the four Caribbean airports the airports table lacks.
    routes += [("B6", rng.randint(1, 2200), rng.choice(["EWR", "JFK"]), d, rng.randrange(315, 1439, 5))
               for d in ("BQN", "PSE", "SJU", "STT")]  # fmt: skip
    rcum = list(itertools.accumulate(1 / (k + 1) ** 0.5 for k in range(len(routes))))
    for _ in range(60_000):
        c, number, o, d, sched = (
            rng.choices(routes, cum_weights=rcum)[0] if rng.random() < 0.5 else rng.choice(routes)
        )
        day = date(2013, 1, 1) + timedelta(days=rng.randrange(365))
        dist = _miles(where[o], where[d])
        block = int(dist / 7.5) + 35
        air: int | None = max(20, int(dist / 8.0) + rng.randint(-15, 25))
        cancelled = rng.random() < 0.028
        delay = (
            None
            if cancelled
            else int(rng.choice([-1, -1, 0, 1]) * rng.expovariate(1 / 6))
            + (int(rng.expovariate(1 / 45)) if rng.random() < 0.25 else -3)
        )
        arr_delay = None if delay is None or rng.random() < 0.003 else delay + rng.randint(-25, 15)
        if delay is None or arr_delay is None:
            air = None
        tail = None if cancelled and rng.random() < 0.3 else rng.choice(fleet[c])
        flights.append((2013, day.month, day.day, None if delay is None else _hhmm(sched + delay), _hhmm(sched),
                        delay, None if delay is None or (arr_delay is None and rng.random() < 0.5)
                        else _hhmm(sched + delay + block), _hhmm(sched + block), arr_delay, c, number, tail, o, d,
                        air, dist, sched // 60, sched % 60,
                        datetime(day.year, day.month, day.day, sched // 60)))  # fmt: skip
    flights.sort(key=lambda f: (f[1], f[2], f[4], f[9], f[10]))
    load(con, "flights", [("year", "INTEGER"), ("month", "INTEGER"), ("day", "INTEGER"), ("dep_time", "INTEGER"),
                          ("sched_dep_time", "INTEGER"), ("dep_delay", "INTEGER"), ("arr_time", "INTEGER"),
                          ("sched_arr_time", "INTEGER"), ("arr_delay", "INTEGER"), ("carrier", "VARCHAR"),
                          ("flight", "INTEGER"), ("tailnum", "VARCHAR"), ("origin", "VARCHAR"), ("dest", "VARCHAR"),
                          ("air_time", "INTEGER"), ("distance", "INTEGER"), ("hour", "INTEGER"),
                          ("minute", "INTEGER"), ("time_hour", "TIMESTAMP")], flights)  # fmt: skip


def nycflights_facts(con: Con) -> dict[str, Any]:
    queries = {
        "flights_exact_duplicate_rows": "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM flights))"
        " FROM flights",
        "tailnums_missing_from_planes": "SELECT count(DISTINCT tailnum) FROM flights WHERE tailnum NOT IN"
        " (SELECT tailnum FROM planes)",
        "flights_without_tailnum": "SELECT count(*) FROM flights WHERE tailnum IS NULL",
        "dests_missing_from_airports": "SELECT string_agg(DISTINCT dest, ',' ORDER BY dest) FROM flights"
        " WHERE dest NOT IN (SELECT faa FROM airports)",
        "airports_never_in_flights": "SELECT count(*) FROM airports WHERE faa NOT IN (SELECT dest FROM flights)"
        " AND faa NOT IN (SELECT origin FROM flights)",
        "flight_hours_missing_from_weather": "SELECT count(*) FROM (SELECT DISTINCT origin, time_hour FROM flights"
        " EXCEPT SELECT origin, time_hour FROM weather)",
        "weather_rows": "SELECT count(*) FROM weather",
        "cancelled_flights": "SELECT count(*) FROM flights WHERE dep_time IS NULL",
        "distinct_years": "SELECT count(DISTINCT year) FROM flights",
        "max_flight_number": "SELECT max(flight::INTEGER) FROM flights",
    }
    return {name: _one(con, sql) for name, sql in queries.items()}


# -- football -------------------------------------------------------------------------------

FB_CITIES = ["London", "London", "Manchester", "Manchester", "Liverpool", "Liverpool", "Birmingham", "Leeds",
             "Sheffield", "Sheffield", "Bristol", "Bristol", "Newcastle", "Sunderland", "Leicester", "Nottingham",
             "Nottingham", "Southampton", "Portsmouth", "Norwich", "Ipswich", "Derby", "Stoke", "Wolverhampton",
             "Brighton", "Cardiff", "Swansea", "Hull", "Coventry", "Reading", "Blackburn", "Bolton", "Burnley",
             "Preston", "Middlesbrough", "Watford", "Luton", "Bournemouth", "Plymouth", "Oxford"]  # fmt: skip
FB_SUFFIX = [
    "United",
    "City",
    "Town",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Albion",
    "County",
    "FC",
    "Villa",
]
FB_FIRST = ["James", "Jack", "Harry", "Tom", "Ben", "Luke", "Sam", "Joe", "Daniel", "Ryan", "Lewis", "Kyle",
            "Marcus", "Callum", "Jordan", "Aaron", "Connor", "Josh", "Mason", "Declan", "Kieran", "Matty",
            "Lucas", "Mateo", "Pedro", "Joao", "Kevin", "Thiago", "Ivan", "Luka", "Emil", "Sander", "Yuki",
            "Moussa", "Ibrahim", "Sadio", "Youssef", "Andreas", "Nikola", "Pierre"]  # fmt: skip
FB_LAST = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Davies", "Evans", "Walker", "Wright", "Robinson",
           "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Clarke", "Jackson", "Turner",
           "Hill", "Moore", "Cooper", "Ward", "Morris", "King", "Baker", "Harris", "Silva", "Santos",
           "Fernandes", "Costa", "Muller", "Jensen", "Larsen", "Diallo", "Traore", "Kovacic", "Petrovic",
           "Dubois", "Moreau", "Tanaka", "Nakamura", "Mensah", "Okafor", "Rossi", "Bianchi", "Garcia"]  # fmt: skip
FB_REFEREES = ["M. Oliver", "A. Taylor", "M. Dean", "P. Tierney", "C. Pawson", "S. Attwell", "D. Coote",
               "J. Moss", "K. Friend", "S. Hooper", "R. Jones", "A. Madley", "G. Scott", "L. Mason", "C. Kavanagh",
               "T. Robinson", "J. Gillett", "P. Bankes", "D. England", "T. Harrington", "S. Allison",
               "J. Brooks", "A. Marriner", "N. Swarbrick"]  # fmt: skip
FB_POSITIONS = ["GK"] * 3 + ["DF"] * 9 + ["MF"] * 9 + ["FW"] * 7


def build_football(con: Con, rng: random.Random, scale: float) -> None:
    """Two leagues of 20 teams, three double round-robin seasons, with goals and lineups."""
    cities = rng.sample(FB_CITIES, 40)
    names: set[str] = set()
    teams: list[tuple[Any, ...]] = []
    for k, city in enumerate(cities, start=1):
        name = f"{city} {rng.choice(FB_SUFFIX)}"
        while name in names:
            name = f"{city} {rng.choice(FB_SUFFIX)}"
        names.add(name)
        teams.append((k, name, city, rng.randint(1862, 1925) if k > 1 else 1878))
    teams[1] = (*teams[1][:3], 1878)  # founded the same year as team 1
    load(con, "teams", [("team_id", "INTEGER"), ("team_name", "VARCHAR"), ("city", "VARCHAR"),
                        ("founded", "INTEGER")], teams)  # fmt: skip
    ids = list(range(1, 40 * len(FB_POSITIONS) + 1))
    rng.shuffle(ids)
    squads: dict[int, list[tuple[int, str]]] = {}
    players: list[tuple[Any, ...]] = []
    for t in range(1, 41):
        squads[t] = []
        for pos in FB_POSITIONS:
            pid = ids.pop()
            squads[t].append((pid, pos))
            # A few have left: they keep their old lineups and goals but no team.
            players.append((pid, f"{rng.choice(FB_FIRST)} {rng.choice(FB_LAST)}", None if rng.random() < 0.02 else t,
                            pos, date(1985, 1, 1) + timedelta(days=rng.randrange(6200))))  # fmt: skip
    load(con, "players", [("player_id", "INTEGER"), ("full_name", "VARCHAR"), ("team_id", "INTEGER"),
                          ("position", "VARCHAR"), ("birth_date", "DATE")], sorted(players))  # fmt: skip
    fixtures: list[tuple[date, int, int]] = []
    for season in range(3):
        for league in range(2):
            members = list(range(1 + 20 * league, 21 + 20 * league))
            rng.shuffle(members)
            for rnd in range(38):  # the circle method, return legs reversed
                rot = members[:1] + members[1:][rnd % 19 :] + members[1:][: rnd % 19]
                when = date(2019 + season, 8, 3) + timedelta(
                    days=7 * rnd + (14 if rnd >= 19 else 0)
                )
                for k in range(10):
                    a, b = rot[k], rot[19 - k]
                    home, away = (a, b) if (rnd + k) % 2 == 0 else (b, a)
                    if rnd >= 19:
                        home, away = away, home
                    fixtures.append(
                        (when + timedelta(days=rng.choice([0, 0, 0, 1, 2])), home, away)
                    )
    fixtures.sort()
    matches, goals, lineups = [], [], []
    for mid, (when, home, away) in enumerate(fixtures, start=1):
        on_pitch: dict[int, list[tuple[int, str]]] = {}
        for t in (home, away):
            squad = squads[t]
            keeper = rng.choice([p for p in squad if p[1] == "GK"][:2])
            field = rng.sample([p for p in squad if p[1] != "GK"], 10 + rng.randint(3, 5))
            starters, subs = [keeper, *field[:10]], field[10:]
            lineups += [(mid, p, True) for p, _ in starters] + [(mid, p, False) for p, _ in subs]
            on_pitch[t] = starters + subs
        score = {home: 0, away: 0}
        taken: set[tuple[int, int]] = set()
        for t, rate in ((home, 1.5), (away, 1.2)):
            n = 0
            while rng.random() < rate / (rate + 1) and n < 8:
                n += 1
            for _ in range(n):
                own = rng.random() < 0.03
                pool = on_pitch[away if t == home else home] if own else on_pitch[t]
                weights = [{"GK": 0.01, "DF": 1, "MF": 2, "FW": 5}[pos] for _, pos in pool]
                scorer = rng.choices(pool, weights)[0][0]
                minute = min(90, rng.randint(1, 94))
                while (minute, scorer) in taken:
                    minute = rng.randint(1, 90)
                taken.add((minute, scorer))
                goals.append((mid, minute, scorer, own))
                score[t] += 1
        matches.append((mid, home, away, when, score[home], score[away], rng.choice(FB_REFEREES)))
    load(con, "matches", [("match_id", "INTEGER"), ("home_team_id", "INTEGER"), ("away_team_id", "INTEGER"),
                          ("match_date", "DATE"), ("home_goals", "INTEGER"), ("away_goals", "INTEGER"),
                          ("referee", "VARCHAR")], matches)  # fmt: skip
    load(con, "goals", [("match_id", "INTEGER"), ("minute", "INTEGER"), ("player_id", "INTEGER"),
                        ("own_goal", "BOOLEAN")], sorted(goals))  # fmt: skip
    load(
        con,
        "lineups",
        [("match_id", "INTEGER"), ("player_id", "INTEGER"), ("started", "BOOLEAN")],
        sorted(lineups),
    )


def football_facts(con: Con) -> dict[str, Any]:
    queries = {
        "matches_same_minute_twice": "SELECT count(*) FROM (SELECT match_id, minute FROM goals GROUP BY ALL"
        " HAVING count(*) > 1)",
        "goals_in_minute_90": "SELECT count(*) FROM goals WHERE minute::INTEGER = 90",
        "own_goals": "SELECT count(*) FROM goals WHERE own_goal::BOOLEAN",
        "goals_match_score": "SELECT (SELECT count(*) FROM goals) = (SELECT sum(home_goals::INTEGER + away_goals::INTEGER) FROM matches)",
        "goalless_matches": "SELECT count(*) FROM matches WHERE home_goals::INTEGER + away_goals::INTEGER = 0",
        "players_without_team": "SELECT count(*) FROM players WHERE team_id IS NULL",
        "max_goals_one_side": "SELECT max(greatest(home_goals::INTEGER, away_goals::INTEGER)) FROM matches",
        "distinct_minutes": "SELECT count(DISTINCT minute) FROM goals",
        "max_team_id": "SELECT max(team_id::INTEGER) FROM teams",
    }
    return {name: _one(con, sql) for name, sql in queries.items()}


# -- AdventureWorks -------------------------------------------------------------------------

AW_TERRITORIES = [("Northwest", "US"), ("Northeast", "US"), ("Central", "US"), ("Southwest", "US"),
                  ("Southeast", "US"), ("Canada", "CA"), ("France", "FR"), ("Germany", "DE"),
                  ("Australia", "AU"), ("United Kingdom", "GB")]  # fmt: skip
AW_CATEGORIES = {"Bikes": ["Mountain Bikes", "Road Bikes", "Touring Bikes"],
                 "Components": ["Handlebars", "Bottom Brackets", "Brakes", "Chains", "Cranksets", "Derailleurs",
                                "Forks", "Headsets", "Mountain Frames", "Pedals", "Road Frames", "Saddles",
                                "Touring Frames", "Wheels"],
                 "Clothing": ["Bib-Shorts", "Caps", "Gloves", "Jerseys", "Shorts", "Socks", "Tights", "Vests"],
                 "Accessories": ["Bike Racks", "Bike Stands", "Bottles and Cages", "Cleaners", "Fenders", "Helmets",
                                 "Hydration Packs", "Lights", "Locks", "Panniers", "Pumps", "Tires and Tubes"]}  # fmt: skip
AW_PARTS = ["Adjustable Race", "Bearing Ball", "BB Ball Bearing", "Headset Ball Bearings", "Blade", "LL Crankarm",
            "ML Crankarm", "HL Crankarm", "Chainring Bolts", "Chainring Nut", "Chainring", "Crown Race", "Chain Stays",
            "Decal", "Down Tube", "Mountain End Caps", "Road End Caps", "Touring End Caps", "Fork End", "Freewheel",
            "Flat Washer", "Lock Washer", "Hex Nut", "Lock Nut", "Thin-Jam Hex Nut", "Cone-Shaped Race",
            "Keyed Washer", "External Lock Washer", "Internal Lock Washer", "Metal Angle", "Metal Bar",
            "Metal Plate", "Metal Sheet", "Spokes", "Stem", "Seat Stays", "Seat Tube", "Top Tube", "Tension Pulley",
            "Rear Derailleur Cage", "Guide Pulley", "Pinch Bolt", "Lower Head Race", "Head Tube", "Hub Cap"]  # fmt: skip
AW_FIRST = ["Ken", "Terri", "Roberto", "Rob", "Gail", "Jossef", "Dylan", "Diane", "Gigi", "Michael", "Ovidiu",
            "Thierry", "Janice", "David", "Stephen", "Linda", "Jillian", "Garrett", "Tsvi", "Pamela", "Shu",
            "Jose", "Tete", "Lynn", "Rachel", "Jae", "Ranjit", "Amy", "Syed", "Jian", "Kim", "Rebecca", "Eli",
            "Ana", "Samuel", "Abigail", "Isabella", "Chloe", "Wyatt", "Jessica", "Katherine", "Xavier", "Edward",
            "Alexandra", "Marcus", "Jennifer", "Hailey", "Morgan", "Ashley", "Cameron", "Seth", "Caleb", "Gabriel"]  # fmt: skip
AW_LAST = ["Sánchez", "Duffy", "Tamburello", "Walters", "Erickson", "Goldberg", "Miller", "Margheim", "Matthew",
           "Raheem", "Cracium", "D'Hers", "Galvin", "Sullivan", "Jiang", "Mitchell", "Carson", "Vargas", "Reiter",
           "Ansman-Wolfe", "Ito", "Saraiva", "Mensa-Annan", "Tsoflias", "Valdez", "Pak", "Varkey Chudukatil",
           "Alberts", "Abbas", "Blythe", "Campbell", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
           "Martinez", "Rodriguez", "Lee", "Walker", "Hall", "Allen", "Young", "King", "Wright", "Lopez", "Hill",
           "Scott", "Green", "Adams", "Baker", "Gonzalez", "Nelson", "Carter", "Perez", "Roberts", "Turner",
           "Phillips", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Rogers", "Reed", "Cook",
           "Morgan", "Bell", "Murphy", "Bailey", "Rivera", "Cooper", "Richardson", "Cox", "Howard", "Ward",
           "Torres", "Peterson", "Gray", "Ramirez", "James", "Watson", "Brooks", "Kelly", "Sanders", "Price",
           "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell", "Long",
           "Patterson", "Hughes", "Flores", "Washington", "Butler", "Simmons", "Foster", "Gonzales", "Bryant",
           "Alexander", "Russell", "Griffin", "Diaz", "Hayes", "Chen", "Huang", "Zhang", "Wang", "Liu", "Yang",
           "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Zheng", "Liang", "Xie", "Tang",
           "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang"]  # fmt: skip
AW_JOBS = ["Production Technician - WC60", "Production Technician - WC50", "Production Technician - WC40",
           "Production Technician - WC30", "Production Technician - WC20", "Production Technician - WC10",
           "Production Supervisor - WC60", "Production Supervisor - WC50", "Buyer", "Marketing Specialist",
           "Application Specialist", "Quality Assurance Technician", "Scheduling Assistant", "Stocker",
           "Shipping and Receiving Clerk", "Accounts Payable Specialist", "Recruiter", "Janitor",
           "Facilities Manager", "Network Administrator", "Design Engineer", "Tool Designer"]  # fmt: skip
AW_SALES_TERRITORY = [
    None,
    2,
    4,
    3,
    6,
    5,
    1,
    1,
    4,
    6,
    1,
    10,
    7,
    8,
    9,
    None,
    None,
]  # the 17 sales people
AW_QUOTA = [None, 300000, 250000, 250000, 300000, 250000, 300000, 250000, 250000, 250000, 300000, 250000,
            250000, 250000, 250000, None, None]  # fmt: skip
AW_BONUS = [0, 4100, 2000, 2500, 500, 6700, 5000, 3550, 5000, 3500, 5650, 75, 5150, 985, 3900, 0, 0]
AW_START = datetime(2011, 5, 31)


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()


def _stamp(rng: random.Random, lo: datetime, days: int) -> datetime:
    return lo + timedelta(
        days=rng.randrange(days), milliseconds=rng.choice([0, rng.randrange(86_400_000)])
    )


def build_adventureworks(con: Con, rng: random.Random, scale: float) -> None:
    """Person, Employee, SalesPerson, SalesTerritory, Customer, the product tables and sales orders."""
    ts = "TIMESTAMP"
    load(con, "SalesTerritory", [("TerritoryID", "INTEGER"), ("Name", "VARCHAR"), ("CountryRegionCode", "VARCHAR"),
                                 ("rowguid", "VARCHAR"), ("ModifiedDate", ts)],
         [(k, n, c, _guid(rng), datetime(2008, 4, 30)) for k, (n, c) in enumerate(AW_TERRITORIES, start=1)])  # fmt: skip
    # Person ids 1..290 are the employees; above them stores and vendors take ids too (gaps).
    persons: list[tuple[Any, ...]] = []
    kinds = ["IN"] * 930 + ["SC"] * 38 + ["GC"] * 15 + ["VC"] * 8
    for pid in range(1, 20_778):
        if pid > 290 and rng.random() < 0.04:
            continue
        kind = "SP" if 274 <= pid <= 290 else "EM" if pid <= 290 else rng.choice(kinds)
        persons.append((pid, kind, rng.choice(AW_FIRST), rng.choice(AW_LAST), _guid(rng),
                        _stamp(rng, datetime(2006, 6, 23), 3000) if kind != "IN" else _stamp(rng, AW_START, 1100)))  # fmt: skip
    load(con, "Person", [("BusinessEntityID", "INTEGER"), ("PersonType", "VARCHAR"), ("FirstName", "VARCHAR"),
                         ("LastName", "VARCHAR"), ("rowguid", "VARCHAR"), ("ModifiedDate", ts)], persons)  # fmt: skip
    employees: list[tuple[Any, ...]] = []
    national: set[int] = set()
    for pid in range(1, 291):
        nid = rng.randint(10_000, 999_999_999)
        while nid in national:
            nid = rng.randint(10_000, 999_999_999)
        national.add(nid)
        birth = date(1951, 1, 1) + timedelta(days=rng.randrange(40 * 365))
        hire = (
            date(2006, 6, 30) + timedelta(days=rng.randrange(0, 2500, 3))
            if pid > 16
            else date(2007, 11, 11)
        )
        job = (
            "Sales Representative"
            if pid >= 277
            else "North American Sales Manager"
            if pid == 274
            else rng.choice(AW_JOBS)
        )
        employees.append((pid, str(nid), job, birth, hire, _guid(rng), datetime(2014, 6, 30)))
    employees[5] = (
        *employees[5][:3],
        employees[4][3],
        *employees[5][4:],
    )  # two birthdays on one day
    load(con, "Employee", [("BusinessEntityID", "INTEGER"), ("NationalIDNumber", "VARCHAR"), ("JobTitle", "VARCHAR"),
                           ("BirthDate", "DATE"), ("HireDate", "DATE"), ("rowguid", "VARCHAR"),
                           ("ModifiedDate", ts)], employees)  # fmt: skip
    sales_people = list(range(274, 291))
    load(con, "SalesPerson", [("BusinessEntityID", "INTEGER"), ("TerritoryID", "INTEGER"), ("SalesQuota", "DOUBLE"),
                              ("Bonus", "DOUBLE"), ("rowguid", "VARCHAR"), ("ModifiedDate", ts)],
         [(p, AW_SALES_TERRITORY[k], AW_QUOTA[k], float(AW_BONUS[k]), _guid(rng),
           datetime(2010, 12, 28) if k < 14 else datetime(2012, 5, 23)) for k, p in enumerate(sales_people)])  # fmt: skip
    cats = list(AW_CATEGORIES)
    load(con, "ProductCategory", [("ProductCategoryID", "INTEGER"), ("Name", "VARCHAR"), ("rowguid", "VARCHAR"),
                                  ("ModifiedDate", ts)],
         [(k, c, _guid(rng), datetime(2008, 4, 30)) for k, c in enumerate(cats, start=1)])  # fmt: skip
    subs = [(c, s) for c, names in enumerate(AW_CATEGORIES.values(), start=1) for s in names]
    load(con, "ProductSubcategory", [("ProductSubcategoryID", "INTEGER"), ("ProductCategoryID", "INTEGER"),
                                     ("Name", "VARCHAR"), ("rowguid", "VARCHAR"), ("ModifiedDate", ts)],
         [(k, c, s, _guid(rng), datetime(2008, 4, 30)) for k, (c, s) in enumerate(subs, start=1)])  # fmt: skip
    # 209 parts without subcategory (ListPrice 0, never sold), then 295 finished goods.
    product_ids = [1, 2, 3, 4, *range(316, 316 + 500)]
    products: list[tuple[Any, ...]] = []
    numbers: set[str] = set()
    names: set[str] = set()
    for k, prid in enumerate(product_ids):
        sub = None if k < 209 else rng.randint(1, len(subs))
        base = AW_PARTS[k % len(AW_PARTS)] if sub is None else subs[sub - 1][1].rstrip("s")
        name = (
            f"{base} {k // len(AW_PARTS) + 1}"
            if sub is None
            else f"{base}-{rng.randint(100, 999)}, {rng.choice([38, 40, 42, 44, 48, 52, 58, 62])}"
        )
        while name in names:
            name += " X"
        names.add(name)
        prefix = "".join(w[0] for w in base.split()).upper()[:2].ljust(2, "X")
        number = (
            f"{prefix}-{rng.randint(1000, 9999)}"
            if sub is None
            else f"{prefix}-{rng.choice('RMTX')}{rng.randint(10, 99)}{rng.choice('BRY')}-{rng.randint(38, 62)}"
        )
        while number in numbers:
            number = number[:-1] + str(rng.randint(0, 9))
        numbers.add(number)
        price = (
            0.0
            if sub is None
            else round(
                rng.choice(
                    [
                        3578.27,
                        1431.5,
                        782.99,
                        539.99,
                        337.22,
                        2443.35,
                        1120.49,
                        2384.07,
                        63.5,
                        49.99,
                        34.99,
                        8.99,
                        9.5,
                        21.98,
                        2.29,
                        4.99,
                        24.49,
                        35.0,
                        159.0,
                        120.0,
                        44.54,
                        53.99,
                    ]
                ),
                2,
            )
        )
        products.append(
            (prid, name, number, sub, price, _guid(rng), datetime(2014, 2, 8, 10, 1, 36, 827000))
        )
    load(con, "Product", [("ProductID", "INTEGER"), ("Name", "VARCHAR"), ("ProductNumber", "VARCHAR"),
                          ("ProductSubcategoryID", "INTEGER"), ("ListPrice", "DOUBLE"), ("rowguid", "VARCHAR"),
                          ("ModifiedDate", ts)], products)  # fmt: skip
    # Customers 1..701 are stores (no PersonID); individuals from 11000, then store contacts.
    territory_of: dict[int, int] = {}
    customers: list[tuple[Any, ...]] = []
    individuals = [p[0] for p in persons if p[1] == "IN"]
    contacts = [p[0] for p in persons if p[1] == "SC"]
    rng.shuffle(individuals)
    people = [(None, c) for c in range(1, 702)] + [
        (p, 11_000 + k) for k, p in enumerate(individuals)
    ]
    people += [(p, 11_000 + len(individuals) + k) for k, p in enumerate(contacts)]
    for person, cid in people:
        terr = rng.choices(range(1, 11), [9, 1, 1, 15, 1, 10, 9, 9, 18, 9])[0]
        territory_of[cid] = terr
        customers.append(
            (
                cid,
                person,
                terr,
                f"AW{cid:08d}",
                _guid(rng),
                datetime(2014, 9, 12, 11, 15, 7, 263000),
            )
        )
    load(con, "Customer", [("CustomerID", "INTEGER"), ("PersonID", "INTEGER"), ("TerritoryID", "INTEGER"),
                           ("AccountNumber", "VARCHAR"), ("rowguid", "VARCHAR"), ("ModifiedDate", ts)], customers)  # fmt: skip
    stores = list(range(1, 702))
    online = [c for _, c in people if c >= 11_000]
    sellers = {
        t: [p for k, p in enumerate(sales_people) if AW_SALES_TERRITORY[k] == t]
        for t in range(1, 11)
    }
    sold = [p for p in products if p[3] is not None and rng.random() < 0.9]
    headers: list[tuple[Any, ...]] = []
    details: list[tuple[Any, ...]] = []
    for k in range(25_000):
        soid = 43_659 + k
        when = AW_START + timedelta(days=int(1126 * (k / 25_000) ** 0.7))
        reseller = rng.random() < 0.12
        cust = rng.choice(stores) if reseller else rng.choice(online)
        terr = territory_of[cust]
        seller = rng.choice(sellers[terr] or sales_people[:1]) if reseller else None
        lines = rng.randint(1, 25) if reseller else rng.choice([1, 1, 1, 2, 2, 3, 4])
        subtotal = 0.0
        for _ in range(lines):
            prod = rng.choice(sold)
            qty = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12]) if reseller else 1
            price = round(prod[4] * (0.6 if reseller else 1.0), 4)
            subtotal += qty * price
            details.append((soid, len(details) + 1, prod[0], qty, price, _guid(rng), when))
        headers.append(
            (
                soid,
                cust,
                seller,
                terr,
                when,
                round(subtotal, 4),
                _guid(rng),
                when + timedelta(days=7),
            )
        )
    load(con, "SalesOrderHeader", [("SalesOrderID", "INTEGER"), ("CustomerID", "INTEGER"), ("SalesPersonID", "INTEGER"),
                                   ("TerritoryID", "INTEGER"), ("OrderDate", ts), ("SubTotal", "DOUBLE"),
                                   ("rowguid", "VARCHAR"), ("ModifiedDate", ts)], headers)  # fmt: skip
    load(con, "SalesOrderDetail", [("SalesOrderID", "INTEGER"), ("SalesOrderDetailID", "INTEGER"),
                                   ("ProductID", "INTEGER"), ("OrderQty", "INTEGER"), ("UnitPrice", "DOUBLE"),
                                   ("rowguid", "VARCHAR"), ("ModifiedDate", ts)], details)  # fmt: skip


def adventureworks_facts(con: Con) -> dict[str, Any]:
    queries = {
        "person_id_gaps": "SELECT max(BusinessEntityID::INTEGER) - count(*) FROM Person",
        "customers_without_person": "SELECT count(*) FROM Customer WHERE PersonID IS NULL",
        "orders_without_salesperson": "SELECT count(*) FROM SalesOrderHeader WHERE SalesPersonID IS NULL",
        "products_without_subcategory": "SELECT count(*) FROM Product WHERE ProductSubcategoryID IS NULL",
        "products_never_sold": "SELECT count(*) FROM Product WHERE ProductID NOT IN (SELECT ProductID"
        " FROM SalesOrderDetail)",
        "customers_without_orders": "SELECT count(*) FROM Customer WHERE CustomerID NOT IN (SELECT CustomerID"
        " FROM SalesOrderHeader)",
        "first_sales_order_id": "SELECT min(SalesOrderID::INTEGER) FROM SalesOrderHeader",
        "sales_order_detail_id_unique": "SELECT count(DISTINCT SalesOrderDetailID) = count(*) FROM SalesOrderDetail",
        "salespeople_without_territory": "SELECT count(*) FROM SalesPerson WHERE TerritoryID IS NULL",
        "tables_with_rowguid": 10,
    }
    return {name: sql if isinstance(sql, int) else _one(con, sql) for name, sql in queries.items()}


# -- the datasets ---------------------------------------------------------------------------

_AW_GUID = ("rowguid",)
DATASETS = [
    Dataset(
        "nycflights", "nycflights13 R package, 60,000 of its 336,776 flights, full weather", build_nycflights,
        nycflights_facts,
        {"airlines": ("carrier",), "airports": ("faa",), "planes": ("tailnum",), "weather": ("origin", "time_hour"),
         "flights": ()},
        [fk("flights.carrier", "airlines.carrier", "text codes"),
         fk("flights.tailnum", "planes.tailnum", "partial: AA and MQ fleet numbers missing from planes"),
         fk("flights.origin", "airports.faa", "three values; name does not match"),
         fk("flights.dest", "airports.faa", "partial: BQN, PSE, SJU, STT missing; name does not match"),
         fk("flights.origin+time_hour", "weather.origin+time_hour", "composite, partial: weather hours missing")],
        {"airlines": ("name",), "airports": ("name", "lat", "lon")},
        ["flights.origin", "weather.origin"],
    ),
    Dataset(
        "football", "football league: teams, players, matches, goals, lineups", build_football, football_facts,
        {"teams": ("team_id",), "players": ("player_id",), "matches": ("match_id",),
         "goals": ("match_id", "minute", "player_id"), "lineups": ("match_id", "player_id")},
        [fk("players.team_id", "teams.team_id", "a few empty"),
         fk("matches.home_team_id", "teams.team_id", "role name"),
         fk("matches.away_team_id", "teams.team_id", "role name, same parent"),
         fk("goals.match_id", "matches.match_id"),
         fk("goals.player_id", "players.player_id"),
         fk("lineups.match_id", "matches.match_id", "n:m bridge matches-players"),
         fk("lineups.player_id", "players.player_id", "n:m bridge matches-players")],
        {"teams": ("team_name",), "players": ("full_name",)},
        [],
    ),
    Dataset(
        "adventureworks", "AdventureWorks (Microsoft sample OLTP), ten tables", build_adventureworks,
        adventureworks_facts,
        {"Person": ("BusinessEntityID",), "Employee": ("BusinessEntityID",), "SalesPerson": ("BusinessEntityID",),
         "SalesTerritory": ("TerritoryID",), "Customer": ("CustomerID",), "Product": ("ProductID",),
         "ProductSubcategory": ("ProductSubcategoryID",), "ProductCategory": ("ProductCategoryID",),
         "SalesOrderHeader": ("SalesOrderID",), "SalesOrderDetail": ("SalesOrderID", "SalesOrderDetailID")},
        [fk("Employee.BusinessEntityID", "Person.BusinessEntityID", "1:1, the key is the foreign key"),
         fk("SalesPerson.BusinessEntityID", "Employee.BusinessEntityID", "1:1, the key is the foreign key"),
         fk("SalesPerson.TerritoryID", "SalesTerritory.TerritoryID", "17 rows, a few empty"),
         fk("Customer.PersonID", "Person.BusinessEntityID", "empty for stores; name does not match"),
         fk("Customer.TerritoryID", "SalesTerritory.TerritoryID"),
         fk("Product.ProductSubcategoryID", "ProductSubcategory.ProductSubcategoryID", "empty for parts"),
         fk("ProductSubcategory.ProductCategoryID", "ProductCategory.ProductCategoryID"),
         fk("SalesOrderHeader.CustomerID", "Customer.CustomerID"),
         fk("SalesOrderHeader.SalesPersonID", "SalesPerson.BusinessEntityID",
            "empty for online orders; name does not match"),
         fk("SalesOrderHeader.TerritoryID", "SalesTerritory.TerritoryID"),
         fk("SalesOrderDetail.SalesOrderID", "SalesOrderHeader.SalesOrderID"),
         fk("SalesOrderDetail.ProductID", "Product.ProductID",
            "through SpecialOfferProduct in the real schema (not in this slice)")],
        {"Person": _AW_GUID, "Employee": ("NationalIDNumber", "rowguid"), "SalesPerson": _AW_GUID,
         "SalesTerritory": ("Name", "rowguid"), "Customer": ("AccountNumber", "rowguid"),
         "Product": ("Name", "ProductNumber", "rowguid"), "ProductSubcategory": ("Name", "rowguid"),
         "ProductCategory": ("Name", "rowguid"), "SalesOrderHeader": _AW_GUID,
         "SalesOrderDetail": ("SalesOrderDetailID", "rowguid")},
        [],
    ),
]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    description = "Write (or --check) the third held-out FK-discovery datasets."
    args = heldout.command_parser(description, Path("bench/data/heldout3"), 3).parse_args(argv)
    return heldout.run(DATASETS, args.out, args.seed, check_only=args.check)


if __name__ == "__main__":
    sys.exit(main())
