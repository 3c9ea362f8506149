"""Write three held-out multi-table datasets for key and foreign-key discovery, and check them.

    python bench/generate_heldout.py --out bench/data/heldout [--seed 7] [--scale 1.0]
    python bench/generate_heldout.py --out bench/data/heldout --check

writes ``tpch/``, ``northwind/`` and ``chinook/`` under ``--out``: one CSV file per table (the
file stem is the table name; header row, comma, UTF-8, an empty cell is a null) and a
``truth.json`` in the shape bench/relationships.py scores (that of bench/generate_schema.py).
Each dataset follows the public schema of the same name, with that schema's table and column
names, its primary keys and every foreign key it declares, and no others. The data were not
tuned to any detector: they were written from the schemas, not from what a detector finds.

- ``tpch``: the eight TPC-H tables at about 1/40 of scale factor 1 (lineitem about 150,000
  rows at ``--scale 1``), drawn as dbgen draws them: region 0..4, nation 0..24, sparse order
  keys (1-7, 32-39, 64-71, ...), no orders for customers whose key is a multiple of 3, four
  suppliers per part by dbgen's formula, so that the composite (l_partkey, l_suppkey) always
  lands in partsupp. Its single-column FKs to part and supplier are in the truth, marked
  ``implied`` by the composite one (scored as optional, as bench/generate_schema.py does).
- ``northwind``: the eleven Northwind tables (without the demographics tables), orders scaled
  to 40,000 and their lines to about 100,000. Dirt: about 3% of the orders belong to customers
  deleted from Customers, a few orders have no ShipVia, Employees.ReportsTo is empty for the
  top, some customers have no orders and some territories no employee.
- ``chinook``: the eleven Chinook tables, scaled up (about 45,000 tracks, 100,000 playlist
  entries and 110,000 invoice lines). All its foreign keys hold fully.

False friends come from the schemas themselves: integer ids 1..N in most tables, small integer
measures (quantities, sizes, line numbers, flags) inside the id ranges, country lists shared by
several tables, dates everywhere. In the small tables, dates and numbers repeat (a cohort hired
on one day, a shared phone extension), so only the key and real identifying text (names,
addresses, phone numbers, e-mails, free-text comments) can be unique; the generator fails if
any other column is unique by accident, and ``truth.json`` lists the unique ones per table.

As in bench/generate.py, table rows are drawn inside DuckDB from ``range()``, each draw a hash of
the row number, the seed and a salt; the small tables with names and addresses come from a
``random.Random`` seeded with the seed and the dataset name. The same arguments give the same
files (with the same DuckDB and Python versions). Integrity in ``truth.json`` is measured from
the written data; ``--check`` reads the CSV files back as text and verifies every number in it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import string
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_schema import (  # shared with the synthetic schema
    ForeignKey,
    _list,
    _q,
    chance,
    choice,
    fk,
    pick,
)
from generate_schema import _macros as schema_macros

Con = duckdb.DuckDBPyConnection

# -- SQL helpers: every draw is u(row, salt), a uniform in [0, 1) ---------------------------


def _macros(seed: int) -> list[str]:
    # The draws h() and u() of the synthetic schema (its first two macros), then our own.
    return [
        *schema_macros(seed)[:2],
        # dbgen's random address strings: letters, digits, commas and dots.
        "CREATE OR REPLACE TEMP MACRO vstr(i, salt, len) AS substr(translate(to_base64(unhex("
        f"md5(salt || ':{int(seed)}:' || i) || md5(salt || ':{int(seed)}:' || i || ':2'))),"
        " '+/=', '.,.'), 1, len)",
    ]



def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"








def words(slots: Sequence[Sequence[str]], lo: int, hi: int, salt: str, i: str = "i") -> str:
    """The first lo..hi of one word drawn from each slot, joined by spaces."""
    drawn = ", ".join(choice(slot, f"{salt}_{k}", i) for k, slot in enumerate(slots[:hi]))
    n = f"({lo} + floor(u({i}, '{salt}_n') * {hi - lo + 1}))::INTEGER"
    return f"array_to_string([{drawn}][1:{n}], ' ')"


def load(con: Con, table: str, columns: Sequence[tuple[str, str]], rows: list[tuple[Any, ...]]) -> None:
    """Create ``table`` from rows built in Python (one list per column, unnested together)."""
    values = [list(c) for c in zip(*rows, strict=True)]
    select = ", ".join(f"unnest(?::{typ}[]) AS {_q(name)}" for name, typ in columns)
    con.execute(f"CREATE TABLE {_q(table)} AS SELECT {select}", values)


def coprimes(n: int, rng: random.Random, k: int = 40) -> list[int]:
    """``k`` steps coprime to ``n``: ``(base + j * step) % n`` visits distinct rows for j < n."""
    pool = [s for s in range(2, min(n, 5000)) if math.gcd(s, n) == 1]
    return rng.sample(pool, min(k, len(pool)))


def ascii_letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain if ch.isalpha()).upper()


# -- TPC-H ----------------------------------------------------------------------------------

REGIONS = ["AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"]
NATIONS = [
    ("ALGERIA", 0), ("ARGENTINA", 1), ("BRAZIL", 1), ("CANADA", 1), ("EGYPT", 4), ("ETHIOPIA", 0),
    ("FRANCE", 3), ("GERMANY", 3), ("INDIA", 2), ("INDONESIA", 2), ("IRAN", 4), ("IRAQ", 4),
    ("JAPAN", 2), ("JORDAN", 4), ("KENYA", 0), ("MOROCCO", 0), ("MOZAMBIQUE", 0), ("PERU", 1),
    ("CHINA", 2), ("ROMANIA", 3), ("SAUDI ARABIA", 4), ("VIETNAM", 2), ("RUSSIA", 3),
    ("UNITED KINGDOM", 3), ("UNITED STATES", 1),
]  # fmt: skip
_ADV = [
    "furiously", "quickly", "carefully", "blithely", "slyly", "fluffily", "ironically", "finally",
    "boldly", "silently", "quietly", "evenly", "regularly", "daringly", "busily", "closely",
    "thinly", "stealthily", "permanently", "express"
]  # fmt: skip
_ADJ = [
    "regular", "final", "pending", "express", "ironic", "special", "bold", "even", "silent",
    "unusual", "careful", "furious", "quick", "blithe", "sly", "fluffy", "idle", "ruthless",
    "thin", "close", "dogged", "daring", "brave", "stealthy", "permanent"
]  # fmt: skip
_NOUN = [
    "foxes", "ideas", "theodolites", "pinto beans", "instructions", "dependencies", "excuses",
    "platelets", "asymptotes", "courts", "dolphins", "multipliers", "sauternes", "warthogs",
    "frets", "dinos", "attainments", "somas", "Tiresias", "patterns", "forges", "braids",
    "hockey players", "frays", "warhorses", "dugouts", "notornis", "epitaphs", "pearls", "tithes",
    "waters", "orbits", "gifts", "sheaves", "depths", "sentiments", "decoys", "realms", "pains",
    "grouches", "escapades", "requests", "accounts", "packages", "deposits"
]  # fmt: skip
_VERB = [
    "sleep", "wake", "are", "cajole", "haggle", "nag", "use", "boost", "affix", "detect",
    "integrate", "maintain", "nod", "was", "lose", "sublate", "solve", "thrash", "promise",
    "engage", "hinder", "print", "x-ray", "breach", "eat", "grow", "impress", "mold", "poach",
    "serve", "run", "dazzle", "snooze", "doze", "unwind", "kindle", "play", "hang", "believe",
    "doubt"
]  # fmt: skip
_PREP = [
    "about", "above", "according to", "across", "after", "against", "along", "alongside of",
    "among", "around", "at", "atop", "before", "behind", "beneath", "beside", "besides", "between",
    "beyond", "by", "despite", "during", "except", "for", "from", "in place of", "inside",
    "instead of", "into", "near", "of", "on", "outside", "over", "past", "since", "through",
    "throughout", "to", "toward", "under", "until", "up", "upon", "without", "with", "within"
]  # fmt: skip
_THE = ["the"]
# TPC-H's comment grammar, shortened: a comment is the first n words of this sentence.
COMMENT = [_ADV, _ADJ, _NOUN, _VERB, _PREP, _THE, _ADJ, _NOUN, _ADV, _VERB, _PREP, _THE, _ADJ, _NOUN, _ADV]
COLOURS = [
    "almond", "antique", "aquamarine", "azure", "beige", "bisque", "black", "blanched", "blue",
    "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon", "chocolate", "coral",
    "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab",
    "firebrick", "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey",
    "honeydew", "hot", "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light",
    "lime", "linen", "magenta", "maroon", "medium", "metallic", "midnight", "mint", "misty",
    "moccasin", "navajo", "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru",
    "pink", "plum", "powder", "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon",
    "sandy", "seashell", "sienna", "sky", "slate", "smoke", "snow", "spring", "steel", "tan",
    "thistle", "tomato", "turquoise", "violet", "wheat", "white", "yellow"
]  # fmt: skip
TPCH_CURRENT_DATE = "1995-06-17"


def _phone(nation: str, salt: str, i: str) -> str:
    return (
        f"printf('%d-%d-%d-%d', {nation} + 10, 99 + {pick(900, salt + '1', i)},"
        f" 99 + {pick(900, salt + '2', i)}, 999 + {pick(9000, salt + '3', i)})"
    )


def _acctbal(salt: str, i: str) -> str:
    return f"CAST((floor(u({i}, '{salt}') * 1099999) - 99999) / 100 AS DECIMAL(15,2))"


def build_tpch(con: Con, rng: random.Random, scale: float) -> None:
    """The eight TPC-H tables at scale factor 0.025 * ``scale``."""
    sf = 0.025 * scale
    # dbgen's partsupp formula gives four distinct suppliers per part only from 250 suppliers on.
    n_supp = max(250, round(10_000 * sf))
    n_cust, n_part = max(300, round(150_000 * sf)), max(400, round(200_000 * sf))
    n_orders, clerks = max(3000, round(1_500_000 * sf)), max(10, round(1_000 * sf))
    supp_of = f"(p + s * ({n_supp // 4} + (p - 1) // {n_supp})) % {n_supp} + 1"
    price = "CAST((90000 + (p // 10) % 20001 + 100 * (p % 1000)) / 100 AS DECIMAL(15,2))"
    con.execute(f"""CREATE TABLE region AS SELECT (i - 1)::INTEGER AS r_regionkey,
        {_list(REGIONS)}[i] AS r_name, {words(COMMENT, 6, 15, 'r_comment')} AS r_comment
        FROM range(1, 6) AS t(i)""")
    con.execute(f"""CREATE TABLE nation AS SELECT (i - 1)::INTEGER AS n_nationkey,
        {_list([n for n, _ in NATIONS])}[i] AS n_name,
        {_list([r for _, r in NATIONS])}[i]::INTEGER AS n_regionkey,
        {words(COMMENT, 6, 15, 'n_comment')} AS n_comment FROM range(1, 26) AS t(i)""")
    # The last supplier and customer draw their balance as the first: a few hundred or thousand
    # balances in cents would be unique by chance.
    con.execute(f"""CREATE TABLE supplier AS SELECT i::INTEGER AS s_suppkey,
        'Supplier#' || printf('%09d', i) AS s_name,
        vstr(i, 's_address', (10 + floor(u(i, 's_address_n') * 31))::INTEGER) AS s_address,
        nk AS s_nationkey, {_phone('nk', 's_phone', 'i')} AS s_phone,
        {_acctbal('s_acctbal', 'tw')} AS s_acctbal, {words(COMMENT, 5, 12, 's_comment')} AS s_comment
        FROM (SELECT i, CASE WHEN i = {n_supp} THEN 1 ELSE i END AS tw,
              floor(u(i, 's_nationkey') * 25)::INTEGER AS nk FROM range(1, {n_supp + 1}) AS t(i))
        ORDER BY i""")
    segments = ["AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"]
    con.execute(f"""CREATE TABLE customer AS SELECT i::INTEGER AS c_custkey,
        'Customer#' || printf('%09d', i) AS c_name,
        vstr(i, 'c_address', (10 + floor(u(i, 'c_address_n') * 31))::INTEGER) AS c_address,
        nk AS c_nationkey, {_phone('nk', 'c_phone', 'i')} AS c_phone,
        {_acctbal('c_acctbal', 'tw')} AS c_acctbal, {choice(segments, 'c_mktsegment')} AS c_mktsegment,
        {words(COMMENT, 5, 14, 'c_comment')} AS c_comment
        FROM (SELECT i, CASE WHEN i = {n_cust} THEN 1 ELSE i END AS tw,
              floor(u(i, 'c_nationkey') * 25)::INTEGER AS nk FROM range(1, {n_cust + 1}) AS t(i))
        ORDER BY i""")
    p_type = " || ' ' || ".join(
        choice(v.split(), f"p_type{k}", "p")
        for k, v in enumerate(("STANDARD SMALL MEDIUM LARGE ECONOMY PROMO",
                               "ANODIZED BURNISHED PLATED POLISHED BRUSHED",
                               "TIN NICKEL BRASS STEEL COPPER"))
    )  # fmt: skip
    container = (
        choice(["SM", "LG", "MED", "JUMBO", "WRAP"], "p_container1", "p") + " || ' ' || "
        + choice(["CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM"], "p_container2", "p")
    )  # fmt: skip
    con.execute(f"""CREATE TABLE part AS SELECT p::INTEGER AS p_partkey,
        concat_ws(' ', {', '.join(choice(COLOURS, f'p_name{k}', 'p') for k in range(5))}) AS p_name,
        'Manufacturer#' || m AS p_mfgr, 'Brand#' || m || {pick(5, 'p_brand', 'p')} AS p_brand,
        {p_type} AS p_type, {pick(50, 'p_size', 'p')}::INTEGER AS p_size, {container} AS p_container,
        {price} AS p_retailprice, {words(COMMENT, 2, 5, 'p_comment', 'p')} AS p_comment
        FROM (SELECT p, {pick(5, 'p_mfgr', 'p')} AS m FROM range(1, {n_part + 1}) AS t(p)) ORDER BY p""")
    con.execute(f"""CREATE TABLE partsupp AS SELECT p::INTEGER AS ps_partkey,
        ({supp_of})::INTEGER AS ps_suppkey, {pick(9999, 'ps_availqty', 'k')}::INTEGER AS ps_availqty,
        CAST((99 + {pick(99901, 'ps_supplycost', 'k')}) / 100 AS DECIMAL(15,2)) AS ps_supplycost,
        {words(COMMENT, 8, 15, 'ps_comment', 'k')} AS ps_comment
        FROM (SELECT p, s, p * 4 + s AS k FROM range(1, {n_part + 1}) AS a(p), range(0, 4) AS b(s))
        ORDER BY p, s""")
    # dbgen: keys keep 3 low bits and skip 2 bits above them (1-7, 32-39, 64-71, ...); a customer
    # whose key is a multiple of 3 never orders; orders fall between 1992-01-01 and 1998-08-02.
    ordering = n_cust - n_cust // 3
    priorities = ["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"]
    con.execute(f"""CREATE TEMP TABLE _orders AS SELECT k, ((k >> 3) << 5) + (k & 7) AS o_orderkey,
        (3 * (m // 2) + 1 + m % 2)::INTEGER AS o_custkey,
        DATE '1992-01-01' + floor(u(k, 'o_orderdate') * 2406)::INTEGER AS o_orderdate,
        {pick(7, 'o_lines', 'k')} AS nlines, {choice(priorities, 'o_orderpriority', 'k')} AS o_orderpriority,
        'Clerk#' || printf('%09d', {pick(clerks, 'o_clerk', 'k')}) AS o_clerk,
        {words(COMMENT, 4, 10, 'o_comment', 'k')} AS o_comment
        FROM (SELECT k, floor(u(k, 'o_custkey') * {ordering})::BIGINT AS m
              FROM range(1, {n_orders + 1}) AS t(k))""")
    instruct = ["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"]
    modes = ["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"]
    con.execute(f"""CREATE TABLE lineitem AS SELECT o_orderkey AS l_orderkey, p::INTEGER AS l_partkey,
        ({supp_of})::INTEGER AS l_suppkey, n::INTEGER AS l_linenumber, q AS l_quantity,
        CAST(q * {price} AS DECIMAL(15,2)) AS l_extendedprice,
        CAST(floor(u(j, 'l_discount') * 11) / 100 AS DECIMAL(15,2)) AS l_discount,
        CAST(floor(u(j, 'l_tax') * 9) / 100 AS DECIMAL(15,2)) AS l_tax,
        CASE WHEN receipt > DATE '{TPCH_CURRENT_DATE}' THEN 'N'
             WHEN {chance(0.5, 'l_returnflag', 'j')} THEN 'R' ELSE 'A' END AS l_returnflag,
        CASE WHEN ship > DATE '{TPCH_CURRENT_DATE}' THEN 'O' ELSE 'F' END AS l_linestatus,
        ship AS l_shipdate, o_orderdate + (29 + {pick(61, 'l_commitdate', 'j')})::INTEGER AS l_commitdate,
        receipt AS l_receiptdate, {choice(instruct, 'l_shipinstruct', 'j')} AS l_shipinstruct,
        {choice(modes, 'l_shipmode', 'j')} AS l_shipmode, {words(COMMENT, 3, 6, 'l_comment', 'j')} AS l_comment
        FROM (SELECT *, ship + {pick(30, 'l_receiptdate', 'j')}::INTEGER AS receipt FROM (
            SELECT o.o_orderkey, o.o_orderdate, r.n, o.k * 8 + r.n AS j,
              {pick(n_part, 'l_partkey', 'o.k * 8 + r.n')} AS p,
              floor(u(o.k * 8 + r.n, 'l_suppkey') * 4)::BIGINT AS s,
              {pick(50, 'l_quantity', 'o.k * 8 + r.n')}::INTEGER AS q,
              o.o_orderdate + {pick(121, 'l_shipdate', 'o.k * 8 + r.n')}::INTEGER AS ship
            FROM _orders AS o JOIN range(1, 8) AS r(n) ON r.n <= o.nlines))
        ORDER BY l_orderkey, l_linenumber""")
    con.execute("""CREATE TABLE orders AS SELECT o.o_orderkey, o.o_custkey,
        CASE WHEN a.f = a.n THEN 'F' WHEN a.f = 0 THEN 'O' ELSE 'P' END AS o_orderstatus,
        a.total AS o_totalprice, o.o_orderdate, o.o_orderpriority, o.o_clerk,
        0 AS o_shippriority, o.o_comment
        FROM _orders AS o JOIN (
            SELECT l_orderkey, count(*) AS n, count(*) FILTER (WHERE l_linestatus = 'F') AS f,
              CAST(round(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)), 2) AS DECIMAL(15,2)) AS total
            FROM lineitem GROUP BY l_orderkey) AS a ON a.l_orderkey = o.o_orderkey
        ORDER BY o.o_orderkey""")
    con.execute("DROP TABLE _orders")


def tpch_facts(con: Con) -> dict[str, Any]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM orders), (SELECT max(o_orderkey::BIGINT) FROM orders),"
        " (SELECT count(*) FROM customer WHERE c_custkey NOT IN (SELECT o_custkey FROM orders)),"
        " (SELECT count(*) FROM orders WHERE o_custkey::BIGINT % 3 = 0),"
        " (SELECT min(l_quantity::INTEGER) || '..' || max(l_quantity::INTEGER) FROM lineitem)"
    ).fetchone()
    assert row is not None
    return {
        "orders": row[0], "max_o_orderkey": row[1], "customers_without_orders": row[2],
        "orders_of_customers_with_key_multiple_of_3": row[3], "l_quantity_range": row[4],
    }  # fmt: skip


# -- Northwind ------------------------------------------------------------------------------

NW_CATEGORIES = [
    ("Beverages", "Soft drinks, coffees, teas, beers, and ales"),
    ("Condiments", "Sweet and savory sauces, relishes, spreads, and seasonings"),
    ("Confections", "Desserts, candies, and sweet breads"),
    ("Dairy Products", "Cheeses"),
    ("Grains/Cereals", "Breads, crackers, pasta, and cereal"),
    ("Meat/Poultry", "Prepared meats"),
    ("Produce", "Dried fruit and bean curd"),
    ("Seafood", "Seaweed and fish"),
]
NW_SHIPPERS = [
    ("Speedy Express", "(503) 555-9831"),
    ("United Package", "(503) 555-3199"),
    ("Federal Shipping", "(503) 555-9931"),
]
NW_REGIONS = ["Eastern", "Western", "Northern", "Southern"]
NW_TERRITORIES = [
    ("01581", "Westboro", 1), ("01730", "Bedford", 1), ("01833", "Georgetow", 1),
    ("02116", "Boston", 1), ("02139", "Cambridge", 1), ("02184", "Braintree", 1),
    ("02903", "Providence", 1), ("03049", "Hollis", 3), ("03801", "Portsmouth", 3),
    ("06897", "Wilton", 1), ("07960", "Morristown", 1), ("08837", "Edison", 1),
    ("10019", "New York", 1), ("10038", "New York", 1), ("11747", "Mellvile", 1),
    ("14450", "Fairport", 1), ("19428", "Philadelphia", 3), ("19713", "Neward", 1),
    ("20852", "Rockville", 1), ("27403", "Greensboro", 1), ("27511", "Cary", 1),
    ("29202", "Columbia", 4), ("30346", "Atlanta", 4), ("31406", "Savannah", 4),
    ("32859", "Orlando", 4), ("33607", "Tampa", 4), ("40222", "Louisville", 1),
    ("44122", "Beachwood", 3), ("45839", "Findlay", 3), ("48075", "Southfield", 3),
    ("48084", "Troy", 3), ("48304", "Bloomfield Hills", 3), ("53404", "Racine", 3),
    ("55113", "Roseville", 3), ("55439", "Minneapolis", 3), ("60179", "Hoffman Estates", 2),
    ("60601", "Chicago", 2), ("72716", "Bentonville", 4), ("75234", "Dallas", 4),
    ("78759", "Austin", 4), ("80202", "Denver", 2), ("80909", "Colorado Springs", 2),
    ("85014", "Phoenix", 2), ("85251", "Scottsdale", 2), ("90405", "Santa Monica", 2),
    ("94025", "Menlo Park", 2), ("94105", "San Francisco", 2), ("95008", "Campbell", 2),
    ("95054", "Santa Clara", 2), ("95060", "Santa Cruz", 2), ("98004", "Bellevue", 2),
    ("98052", "Redmond", 2), ("98104", "Seattle", 2),
]
# (City, Region, PostalCode, Country), as Northwind writes them.
NW_CITIES = [
    ("Berlin", None, "12209", "Germany"), ("Aachen", None, "52066", "Germany"),
    ("Brandenburg", None, "14776", "Germany"), ("Cunewalde", None, "01307", "Germany"),
    ("Frankfurt a.M.", None, "60528", "Germany"), ("Köln", None, "50739", "Germany"),
    ("Leipzig", None, "04179", "Germany"), ("München", None, "80805", "Germany"),
    ("México D.F.", None, "05021", "Mexico"), ("México D.F.", None, "05033", "Mexico"),
    ("London", None, "WA1 1DP", "UK"), ("London", None, "EC2 5NT", "UK"),
    ("Cowes", "Isle of Wight", "PO31 7PJ", "UK"), ("Luleå", None, "S-958 22", "Sweden"),
    ("Bräcke", None, "S-844 67", "Sweden"), ("Strasbourg", None, "67000", "France"),
    ("Marseille", None, "13008", "France"), ("Nantes", None, "44000", "France"),
    ("Paris", None, "75012", "France"), ("Lille", None, "59000", "France"),
    ("Lyon", None, "69004", "France"), ("Madrid", None, "28023", "Spain"),
    ("Barcelona", None, "08022", "Spain"), ("Sevilla", None, "41101", "Spain"),
    ("Tsawassen", "BC", "T2F 8M4", "Canada"), ("Vancouver", "BC", "V3F 2K1", "Canada"),
    ("Montréal", "Québec", "H1J 1C3", "Canada"), ("Buenos Aires", None, "1010", "Argentina"),
    ("Bern", None, "3012", "Switzerland"), ("Genève", None, "1203", "Switzerland"),
    ("Sao Paulo", "SP", "05432-043", "Brazil"), ("Rio de Janeiro", "RJ", "05454-876", "Brazil"),
    ("Campinas", "SP", "04876-786", "Brazil"), ("Graz", None, "8010", "Austria"),
    ("Salzburg", None, "5020", "Austria"), ("Bergamo", None, "24100", "Italy"),
    ("Torino", None, "10100", "Italy"), ("Lisboa", None, "1675", "Portugal"),
    ("Eugene", "OR", "97403", "USA"), ("Seattle", "WA", "98128", "USA"),
    ("San Francisco", "CA", "94117", "USA"), ("Portland", "OR", "97219", "USA"),
    ("Anchorage", "AK", "99508", "USA"), ("Albuquerque", "NM", "87110", "USA"),
    ("Boise", "ID", "83720", "USA"), ("Boston", "MA", "02134", "USA"),
    ("Caracas", "DF", "1081", "Venezuela"), ("Barquisimeto", "Lara", "3508", "Venezuela"),
    ("Cork", "Co. Cork", None, "Ireland"), ("Bruxelles", None, "B-1180", "Belgium"),
    ("Charleroi", None, "B-6000", "Belgium"), ("Stavern", None, "4110", "Norway"),
    ("København", None, "1734", "Denmark"), ("Århus", None, "8200", "Denmark"),
    ("Helsinki", None, "21240", "Finland"), ("Oulu", None, "90110", "Finland"),
    ("Warszawa", None, "01-012", "Poland"), ("Tokyo", None, "100", "Japan"),
    ("Osaka", None, "545", "Japan"), ("Sydney", "NSW", "2042", "Australia"),
    ("Melbourne", "Victoria", "3058", "Australia"), ("Singapore", None, "0512", "Singapore"),
    ("Zaandam", None, "9999 ZZ", "Netherlands"),
]
_NW_COMPANY_A = [
    "Alfreds", "Ana Trujillo", "Antonio Moreno", "Around the", "Berglunds", "Blauer See",
    "Blondel", "Bólido", "Bon", "Bottom-Dollar", "Cactus", "Centro", "Chop-suey", "Comércio",
    "Consolidated", "Drachenblut", "Du monde", "Eastern", "Ernst", "Familia", "Folies",
    "Folk och fä", "Frankenversand", "France", "Franchi", "Furia", "Galería del", "Godos",
    "Gourmet", "Great Lakes", "Hanari", "Hungry Coyote", "Hungry Owl", "Island", "Königlich",
    "La corne", "La maison", "Laughing Bacchus", "Lazy K", "Lehmanns", "Let's Stop",
    "Lonesome Pine", "Magazzini", "Maison", "Mère Paillarde", "Morgenstern", "North/South",
    "Océano", "Old World", "Ottilies", "Paris", "Pericles", "Piccolo", "Princesa Isabel",
    "Que Delícia", "Queen", "Rancho", "Rattlesnake Canyon", "Reggiani", "Ricardo", "Richter",
    "Romero", "Santé", "Save-a-lot", "Seven Seas", "Simons", "Spécialités", "Split Rail",
    "Suprêmes", "Toms", "Tortuga", "Tradição", "Trail's Head", "Vaffeljernet", "Victuailles",
    "Vins et alcools", "Wartian", "Wellington", "White Clover", "Wilman", "Wolski"
]  # fmt: skip
_NW_COMPANY_B = [
    "Futterkiste", "Emparedados", "Taquería", "Horn", "snabbköp", "Delikatessen", "Comidas",
    "Markets", "Grocery", "Mercado", "Spezialitäten", "Express", "Handel", "Importadora", "Stores",
    "Market", "Cellar", "Provisions", "Delicias", "Ristoranti", "Bistro", "Gourmet", "Supermarket",
    "Kaufhaus", "Traders", "Imports", "Deli", "Café", "Cantina", "Trading", "Alimentos",
    "Fromages", "Lebensmittel", "Comestibles", "Épicerie", "Kiosk", "Warehouse", "Bazaar",
    "Alimentari", "Marché"
]  # fmt: skip
_NW_SUPPLIER_A = [
    "Exotic", "New Orleans", "Grandma Kelly's", "Tokyo", "Cooperativa de", "Mayumi's", "Pavlova",
    "Specialty", "PB", "Refrescos", "Heli", "Plutzer", "Nord-Ost", "Formaggi", "Norske", "Bigfoot",
    "Svensk", "Aux joyeux", "New England", "Leka", "Lyngbysild", "Zaanse", "Karkki", "G'day",
    "Ma Maison", "Pasta", "Escargots", "Gai", "Forêts"
]  # fmt: skip
_NW_SUPPLIER_B = [
    "Liquids", "Cajun Delights", "Homestead", "Traders", "Quesos", "Foods", "Ltd.", "Biscuits",
    "Knäckebröd", "Americanas", "Süßwaren", "Lebensmittel", "Fisch", "Fortini", "Meierier",
    "Breweries", "Sjöföda", "ecclésiastiques", "Seafood", "Trading", "Snoepfabriek", "Oy", "Mate",
    "Buttini", "Nouveaux", "pâturage", "d'érables"
]  # fmt: skip
_FIRST = [
    "Maria", "Ana", "Antonio", "Thomas", "Christina", "Hanna", "Frédérique", "Martín", "Laurence",
    "Elizabeth", "Victoria", "Patricio", "Francisco", "Yang", "Pedro", "Aria", "Diego", "Janine",
    "Martine", "Carlos", "Yvonne", "Rene", "Henriette", "Fran", "Jean", "Helvetius", "Alexander",
    "Peter", "Paolo", "Karl", "Lino", "Eduardo", "Horst", "Sergio", "Georg", "Maurizio", "Janete",
    "Michael", "Jaime", "Jytte", "Pascale", "Liz", "Jonas", "Art", "Palle", "Mary", "Zbyszek",
    "Annette", "Matti", "Pirkko", "Paula", "Jose", "André", "Howard", "Manuel", "Rita", "Renate",
    "Guillermo", "Daniel", "Simon", "Karin", "Liu", "Bernardo", "Lúcia", "Felipe", "Philip",
    "Giovanni", "Catherine", "Helen", "Isabel", "Sven", "Elio", "Anabela", "Dominique"
]  # fmt: skip
_LAST = [
    "Anders", "Trujillo", "Moreno", "Hardy", "Berglund", "Moos", "Citeaux", "Sommer", "Lebihan",
    "Lincoln", "Ashworth", "Simpson", "Chang", "Afonso", "Cruz", "Roulet", "Domingues", "Camino",
    "Rancé", "Hernández", "Moroni", "Pontes", "Franken", "Limeira", "Wilson", "Cramer", "Feuer",
    "Piestrzeniewicz", "Müller", "Pereira", "Karttunen", "Devon", "Ottlieb", "Rovelli", "Saveley",
    "Kloss", "Fonseca", "Tonini", "Labrune", "Wong", "Petersen", "Koskitalo", "Latimer",
    "Izquierdo", "Parente", "Yorres", "Brown", "Accorti", "Pfalzheim", "Nixon", "McKenna",
    "Batista", "Roel", "Josephs", "Ibsen", "Larsson", "Rossi", "Tannamuri"
]  # fmt: skip
_TITLES = [
    "Sales Representative", "Owner", "Order Administrator", "Marketing Manager",
    "Accounting Manager", "Sales Agent", "Sales Associate", "Sales Manager", "Marketing Assistant",
    "Assistant Sales Agent", "Assistant Sales Representative", "Owner/Marketing Assistant"
]  # fmt: skip
_STREETS = [
    "Obere Str.", "Avda. de la Constitución", "Mataderos", "Hanover Sq.", "Berguvsvägen",
    "Forsterstr.", "place Kléber", "C/ Araquil", "rue des Bouchers", "Tsawassen Blvd.",
    "Fauntleroy Circus", "Cerrito", "Sierras de Granada", "Hauptstr.", "Av. dos Lusíadas",
    "Berkeley Gardens", "Walserweg", "rue des Cinquante Otages", "Kirchgasse", "Maubelstr.",
    "Magazinweg", "Strada Provinciale", "Via Monte Bianco", "Jardim das rosas", "Garden House",
    "Rua do Paço", "Grenzacherweg", "Heerstr.", "South House", "Boulevard Tirou", "Smagsløget",
    "Vinbæltet", "Torikatu", "Keskuskatu", "Åkergatan", "Ul. Filtrowa", "Erling Skakkes gate",
    "Chiaroscuro Rd.", "Lake St.", "Geislweg"
]  # fmt: skip
_PRODUCT_A = [
    "Chef Anton's", "Grandma's", "Uncle Bob's", "Northwoods", "Sir Rodney's", "Gustaf's", "Queso",
    "Mishi", "Ikura", "Konbu", "Tofu", "Genen", "Pavlova", "Alice", "Carnarvon", "Teatime",
    "Gumbär", "Schoggi", "Rössle", "Thüringer", "Nord-Ost", "Gorgonzola", "Mascarpone",
    "Gudbrandsdalsost", "Outback", "Flotemysost", "Mozzarella", "Röd", "Rhönbräu", "Lakkalikööri",
    "Original", "Louisiana", "Gravad", "Côte de", "Ipoh", "Chartreuse", "Boston", "Jack's",
    "Singaporean", "Manjimup", "Filo", "Perth", "Tarte au", "Camembert", "Raclette", "Valkoinen",
    "Wimmers", "Zaanse", "Escargots de", "Sasquatch", "Steeleye", "Laughing Lumberjack", "Inlagd",
    "Spegesild", "Tourtière", "Pâté", "Guaraná", "Vegie", "Longlife"
]  # fmt: skip
_PRODUCT_B = [
    "Cajun Seasoning", "Gumbo Mix", "Boysenberry Spread", "Organic Dried Pears", "Cranberry Sauce",
    "Scones", "Knäckebröd", "Kobe Niku", "Tofu", "Shouyu", "Pavlova", "Mutton", "Tigers",
    "Chocolate Biscuits", "Marmalade", "Gummibärchen", "Schokolade", "Sauerkraut", "Rostbratwurst",
    "Matjeshering", "Fabioli", "Lager", "Crab Meat", "Clam Chowder", "Hokkien Fried Mee",
    "Dried Apples", "Mix", "Meat Pie", "Sucre", "Gnocchi", "Ravioli Angelo", "Chai", "Chang",
    "Aniseed Syrup", "Hot Pepper Sauce", "Coffee", "Cheese", "Sill", "Lax", "Dried Plums",
    "Fruit Cocktail", "Spread", "Pears", "Sirop d'érable", "Pâté chinois"
]  # fmt: skip
_QUANTITIES = [
    "10 boxes x 20 bags", "24 - 12 oz bottles", "12 - 550 ml bottles", "48 - 6 oz jars",
    "36 boxes", "12 - 8 oz jars", "12 - 1 lb pkgs.", "18 - 500 g pkgs.", "12 - 200 ml jars",
    "1 kg pkg.", "10 - 500 g pkgs.", "2 kg box", "40 - 100 g pkgs.", "24 - 250 ml bottles",
    "32 - 500 g boxes", "20 - 1 kg tins", "16 kg pkg.", "10 boxes x 12 pieces", "30 gift boxes",
    "24 pkgs. x 4 pieces", "24 - 500 g pkgs.", "12 - 100 g pkgs", "500 ml", "24 - 355 ml bottles",
    "750 cc per bottle"
]  # fmt: skip
# Whole and half dollars mostly, as Northwind prices are; fewer values than products.
_NW_PRICES = [float(p) for p in range(5, 56)] + [2.5, 4.5, 6.0, 7.45, 9.5, 12.5, 13.25, 14.0, 15.5, 17.45, 18.4, 19.45, 21.05, 21.35, 25.89, 31.23, 32.8, 34.8, 38.0, 39.0, 43.9, 45.6, 46.0, 49.3, 53.0, 55.0, 62.5, 81.0, 97.0, 123.79, 263.5]


def _nw_phone(rng: random.Random, country: str) -> str:
    if country in ("Germany", "Austria", "Switzerland"):
        return f"0{rng.randint(30, 999)}-{rng.randint(1000000, 9999999)}"
    return f"({rng.randint(1, 999)}) 555-{rng.randint(1000, 9999)}"


def _nw_code(company: str, taken: set[str]) -> str:
    """A five-letter CustomerID from the company name, as ALFKI is from Alfreds Futterkiste."""
    first, _, rest = company.partition(" ")
    a, b = ascii_letters(first), ascii_letters(rest)
    full = a + b
    tries = [a[:3] + b[:2], a[:2] + b[:3], a[:4] + b[:1], a[:1] + b[:4], full[:5], a[:3] + b[1:3]]
    tries += [full[:3] + x + y for x in string.ascii_uppercase for y in string.ascii_uppercase]
    for code in tries:
        if len(code) == 5 and code not in taken:
            taken.add(code)
            return code
    raise ValueError(f"no free CustomerID for {company!r}")


def _nw_customers(rng: random.Random, n: int) -> list[tuple[Any, ...]]:
    names = [f"{a} {b}" for a in _NW_COMPANY_A for b in _NW_COMPANY_B]
    if n > len(names):  # large scales: legal forms make more names
        names += [f"{m}{s}" for s in (" GmbH", " Ltd.", " S.A.", " & Co.", " Inc.") for m in names]
    companies = rng.sample(names, n)
    taken: set[str] = set()
    rows = []
    for k, company in enumerate(companies, start=1):
        city, region, postal, country = rng.choice(NW_CITIES)
        rows.append((
            k, _nw_code(company, taken), company, f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            rng.choice(_TITLES), f"{rng.choice(_STREETS)} {rng.randint(1, 999)}", city, region,
            postal, country, _nw_phone(rng, country),
            _nw_phone(rng, country) if rng.random() < 0.6 else None,
        ))  # fmt: skip
    return rows


def build_northwind(con: Con, rng: random.Random, scale: float) -> None:
    """Northwind's eleven tables, orders scaled to 40,000 * ``scale``."""
    n_orders = max(2000, round(40_000 * scale))
    n_customers = max(100, round(1_500 * scale))
    load(con, "Categories", [("CategoryID", "INTEGER"), ("CategoryName", "VARCHAR"), ("Description", "VARCHAR")],
         [(k, n, d) for k, (n, d) in enumerate(NW_CATEGORIES, start=1)])  # fmt: skip
    load(con, "Shippers", [("ShipperID", "INTEGER"), ("CompanyName", "VARCHAR"), ("Phone", "VARCHAR")],
         [(k, n, p) for k, (n, p) in enumerate(NW_SHIPPERS, start=1)])  # fmt: skip
    load(con, "Region", [("RegionID", "INTEGER"), ("RegionDescription", "VARCHAR")],
         list(enumerate(NW_REGIONS, start=1)))  # fmt: skip
    load(con, "Territories", [("TerritoryID", "VARCHAR"), ("TerritoryDescription", "VARCHAR"), ("RegionID", "INTEGER")],
         NW_TERRITORIES)  # fmt: skip

    # Suppliers: the last one shares the first one's city, so no city or postal code is unique.
    names = rng.sample([f"{a} {b}" for a in _NW_SUPPLIER_A for b in _NW_SUPPLIER_B], 29)
    places = [rng.choice(NW_CITIES) for _ in names]
    places[-1] = places[0]
    suppliers = []
    for k, (name, (city, region, postal, country)) in enumerate(zip(names, places, strict=True), start=1):
        suppliers.append((
            k, name, f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_TITLES),
            f"{rng.randint(1, 999)} {rng.choice(_STREETS)}", city, region, postal, country,
            _nw_phone(rng, country), _nw_phone(rng, country) if rng.random() < 0.4 else None,
            f"{name}#http://www.{ascii_letters(name).lower()}.com#" if rng.random() < 0.2 else None,
        ))  # fmt: skip
    load(con, "Suppliers", [
        ("SupplierID", "INTEGER"), ("CompanyName", "VARCHAR"), ("ContactName", "VARCHAR"),
        ("ContactTitle", "VARCHAR"), ("Address", "VARCHAR"), ("City", "VARCHAR"), ("Region", "VARCHAR"),
        ("PostalCode", "VARCHAR"), ("Country", "VARCHAR"), ("Phone", "VARCHAR"), ("Fax", "VARCHAR"),
        ("HomePage", "VARCHAR"),
    ], suppliers)  # fmt: skip

    # Products: every supplier and every category has at least one.
    product_names = rng.sample([f"{a} {b}" for a in _PRODUCT_A for b in _PRODUCT_B], 77)
    supplier_of = [*rng.sample(range(1, 30), 29), *(rng.randint(1, 29) for _ in range(48))]
    category_of = [*range(1, 9), *(rng.randint(1, 8) for _ in range(69))]
    rng.shuffle(category_of)
    products = [
        (k + 1, product_names[k], supplier_of[k], category_of[k], rng.choice(_QUANTITIES),
         rng.choice(_NW_PRICES), rng.randint(0, 125), rng.choice([0] * 6 + [10, 20, 30, 40, 50, 60, 70, 80, 100]),
         rng.choice([0, 5, 10, 15, 20, 25, 30]), int(rng.random() < 0.1))
        for k in range(77)
    ]  # fmt: skip
    load(con, "Products", [
        ("ProductID", "INTEGER"), ("ProductName", "VARCHAR"), ("SupplierID", "INTEGER"),
        ("CategoryID", "INTEGER"), ("QuantityPerUnit", "VARCHAR"), ("UnitPrice", "DECIMAL(10,2)"),
        ("UnitsInStock", "SMALLINT"), ("UnitsOnOrder", "SMALLINT"), ("ReorderLevel", "SMALLINT"),
        ("Discontinued", "SMALLINT"),
    ], products)  # fmt: skip

    # Employees: 2 is the Vice President, Sales (no ReportsTo), 5 and 10 are sales managers.
    # Hire dates come in cohorts; two employees share a birthday and two an extension, so that
    # only names, addresses, phones and notes are unique, as in any staff list.
    cohorts = sorted(rng.sample(range(0, 1500), 5))
    first_names = rng.sample([("Nancy", "Ms."), ("Andrew", "Dr."), ("Janet", "Ms."), ("Margaret", "Mrs."),
                              ("Steven", "Mr."), ("Michael", "Mr."), ("Robert", "Mr."), ("Laura", "Ms."),
                              ("Anne", "Ms."), ("Peter", "Mr."), ("Susan", "Mrs."), ("David", "Mr."),
                              ("Karen", "Ms."), ("James", "Mr."), ("Linda", "Dr."), ("Paul", "Mr.")], 15)  # fmt: skip
    last_names = rng.sample(["Davolio", "Fuller", "Leverling", "Peacock", "Buchanan", "Suyama", "King",
                             "Callahan", "Dodsworth", "Brid", "Martin", "Pereira", "Smith", "Hellstern",
                             "Patterson", "Gray"], 15)  # fmt: skip
    staff_cities = [("Seattle", "WA", "98122", "USA"), ("Tacoma", "WA", "98401", "USA"), ("Kirkland", "WA", "98033", "USA"),
                    ("Redmond", "WA", "98052", "USA"), ("London", None, "SW1 8JR", "UK"), ("London", None, "EC2 7JR", "UK")]  # fmt: skip
    employees = []
    for eid in range(1, 16):
        first, courtesy = first_names[eid - 1]
        last = last_names[eid - 1]
        title = {2: "Vice President, Sales", 5: "Sales Manager", 10: "Sales Manager", 8: "Inside Sales Coordinator"}.get(eid, "Sales Representative")  # fmt: skip
        reports_to = None if eid == 2 else 2 if eid in (1, 3, 4, 5, 8, 10) else 5 if eid < 10 else 10
        city, region, postal, country = rng.choice(staff_cities)
        employees.append([
            eid, last, first, title, courtesy,
            date(1937, 1, 1) + timedelta(days=rng.randint(0, 38 * 365)),
            date(1992, 4, 1) + timedelta(days=rng.choice(cohorts)),
            f"{rng.randint(100, 9999)} {rng.choice(['Capital Hill', '20th Ave. E.', 'Moss Bay Blvd.', 'Old Redmond Rd.', 'Garrett Hill', 'Coventry House', 'Edgeham Hollow', 'Winchester Way'])}",
            city, region, postal, country, f"(206) 555-{rng.randint(1000, 9999)}", str(rng.randint(100, 5999)),
            f"{first} {rng.choice(['holds a BA in psychology', 'holds a BTS in marketing', 'graduated from St. Andrews', 'has a degree in English literature', 'joined after a career in the Navy'])} and {rng.choice(['speaks French', 'reads German', 'is fluent in Japanese', 'completed a course in business French', 'is a member of Toastmasters International'])}.",
            reports_to, f"http://accweb/emmployees/{last.lower()}.bmp",
        ])  # fmt: skip
    employees[14][5] = employees[6][5]
    employees[14][13] = employees[2][13]
    load(con, "Employees", [
        ("EmployeeID", "INTEGER"), ("LastName", "VARCHAR"), ("FirstName", "VARCHAR"), ("Title", "VARCHAR"),
        ("TitleOfCourtesy", "VARCHAR"), ("BirthDate", "DATE"), ("HireDate", "DATE"), ("Address", "VARCHAR"),
        ("City", "VARCHAR"), ("Region", "VARCHAR"), ("PostalCode", "VARCHAR"), ("Country", "VARCHAR"),
        ("HomePhone", "VARCHAR"), ("Extension", "VARCHAR"), ("Notes", "VARCHAR"), ("ReportsTo", "INTEGER"),
        ("PhotoPath", "VARCHAR"),
    ], [tuple(e) for e in employees])  # fmt: skip

    # EmployeeTerritories: four territories have nobody; eight are shared by two employees.
    territories = [t[0] for t in NW_TERRITORIES]
    rng.shuffle(territories)
    assigned = territories[:-4]
    pairs = {((k % 15) + 1, t) for k, t in enumerate(assigned)}
    while len(pairs) < len(assigned) + 8:
        pairs.add((rng.randint(1, 15), rng.choice(assigned)))
    load(con, "EmployeeTerritories", [("EmployeeID", "INTEGER"), ("TerritoryID", "VARCHAR")], sorted(pairs))

    # Customers: the universe that orders draw from (skewed to the first ones), less about 3% of
    # the orders' mass of deleted customers, plus a few new customers without orders.
    skew = 1.6
    universe = _nw_customers(rng, n_customers + n_customers // 50)
    drawn = n_customers

    def mass(j: int) -> float:
        return (j / drawn) ** (1 / skew) - ((j - 1) / drawn) ** (1 / skew)

    deleted: list[int] = []
    for j in rng.sample(range(1, drawn + 1), drawn):
        if sum(mass(d) for d in deleted) >= 0.03:
            break
        deleted.append(j)
    columns = [
        ("n", "INTEGER"), ("CustomerID", "VARCHAR"), ("CompanyName", "VARCHAR"), ("ContactName", "VARCHAR"),
        ("ContactTitle", "VARCHAR"), ("Address", "VARCHAR"), ("City", "VARCHAR"), ("Region", "VARCHAR"),
        ("PostalCode", "VARCHAR"), ("Country", "VARCHAR"), ("Phone", "VARCHAR"), ("Fax", "VARCHAR"),
    ]  # fmt: skip
    load(con, "_customers", columns, universe)
    con.execute(
        "CREATE TABLE Customers AS SELECT * EXCLUDE (n) FROM _customers"
        f" WHERE n NOT IN ({', '.join(map(str, deleted))}) ORDER BY CustomerID"
    )

    weights = [e for e in range(1, 16) for _ in range(1 if e == 2 else 2 if e in (5, 8, 10) else 4)]
    span = 3650
    con.execute(f"""CREATE TABLE Orders AS SELECT 10247 + k AS OrderID, c.CustomerID,
        {choice(weights, 'o_employee', 'k')}::INTEGER AS EmployeeID, d AS OrderDate,
        d + {choice([28] * 8 + [14, 42], 'o_required', 'k')}::INTEGER AS RequiredDate,
        CASE WHEN via IS NULL OR k > {n_orders - n_orders // 250} THEN NULL
             ELSE d + {pick(35, 'o_shipped', 'k')}::INTEGER END AS ShippedDate,
        via AS ShipVia, CAST(0.02 + pow(u(k, 'o_freight'), 3) * 1000 AS DECIMAL(10,2)) AS Freight,
        c.CompanyName AS ShipName, c.Address AS ShipAddress, c.City AS ShipCity, c.Region AS ShipRegion,
        c.PostalCode AS ShipPostalCode, c.Country AS ShipCountry
        FROM (SELECT k, (1 + floor(pow(u(k, 'o_customer'), {skew}) * {drawn}))::INTEGER AS cn,
              DATE '1996-07-04' + ((k - 1) * {span} // {n_orders})::INTEGER AS d,
              CASE WHEN {chance(0.001, 'o_no_shipvia', 'k')} THEN NULL
                   ELSE {choice([1, 2, 2, 3, 3], 'o_shipvia', 'k')}::INTEGER END AS via
              FROM range(1, {n_orders + 1}) AS t(k)) AS o
        JOIN _customers AS c ON c.n = o.cn ORDER BY OrderID""")
    steps = [s for s in range(1, 77) if math.gcd(s, 77) == 1]
    con.execute(f"""CREATE TABLE order_details AS SELECT o.OrderID,
        ((o.base + r.j * o.step) % 77 + 1)::INTEGER AS ProductID,
        CASE WHEN o.OrderDate < DATE '2001-07-01' THEN CAST(p.UnitPrice * 0.8 AS DECIMAL(10,2))
             ELSE p.UnitPrice END AS UnitPrice,
        (CASE WHEN {chance(0.55, 'od_round', 'o.k * 8 + r.j')} THEN 5 * {pick(12, 'od_q5', 'o.k * 8 + r.j')}
              ELSE 1 + floor(pow(u(o.k * 8 + r.j, 'od_q'), 2) * 100) END)::SMALLINT AS Quantity,
        {choice([0.0] * 6 + [0.05, 0.1, 0.15, 0.2, 0.25], 'od_discount', 'o.k * 8 + r.j')}::REAL AS Discount
        FROM (SELECT OrderID, OrderDate, OrderID - 10247 AS k,
              floor(pow(u(OrderID - 10247, 'od_base'), 1.3) * 77)::INTEGER AS base,
              {choice(steps, 'od_step', 'OrderID - 10247')} AS step,
              {choice([1, 1, 2, 2, 2, 3, 3, 3, 4, 5], 'od_lines', 'OrderID - 10247')} AS n
              FROM Orders) AS o
        JOIN range(0, 6) AS r(j) ON r.j < o.n
        JOIN Products AS p ON p.ProductID = (o.base + r.j * o.step) % 77 + 1
        ORDER BY o.OrderID, ProductID""")
    con.execute("DROP TABLE _customers")


def northwind_facts(con: Con) -> dict[str, Any]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM Orders),"
        " (SELECT round(count(*) FILTER (WHERE c.CustomerID IS NULL) / count(*), 4)"
        "  FROM Orders AS o LEFT JOIN Customers AS c ON c.CustomerID = o.CustomerID),"
        " (SELECT count(DISTINCT o.CustomerID) FROM Orders AS o"
        "  WHERE o.CustomerID NOT IN (SELECT CustomerID FROM Customers)),"
        " (SELECT count(*) FROM Orders WHERE ShipVia IS NULL),"
        " (SELECT count(*) FROM Orders WHERE ShippedDate IS NULL),"
        " (SELECT count(*) FROM Customers WHERE CustomerID NOT IN (SELECT CustomerID FROM Orders)),"
        " (SELECT list(EmployeeID::INTEGER) FROM Employees WHERE ReportsTo IS NULL),"
        " (SELECT count(*) FROM Territories"
        "  WHERE TerritoryID NOT IN (SELECT TerritoryID FROM EmployeeTerritories)),"
        " (SELECT count(*) FROM (SELECT TerritoryID FROM EmployeeTerritories GROUP BY ALL"
        "  HAVING count(*) > 1))"
    ).fetchone()
    assert row is not None
    keys = [
        "orders", "share_of_orders_with_deleted_customer", "deleted_customers_referenced",
        "orders_without_shipvia", "orders_not_shipped", "customers_without_orders",
        "employees_without_reportsto", "territories_without_employee", "territories_shared",
    ]  # fmt: skip
    return dict(zip(keys, row, strict=True))


# -- Chinook --------------------------------------------------------------------------------

CH_MEDIA_TYPES = ["MPEG audio file", "Protected AAC audio file", "Protected MPEG-4 video file",
                  "Purchased AAC audio file", "AAC audio file"]  # fmt: skip
CH_GENRES = ["Rock", "Jazz", "Metal", "Alternative & Punk", "Rock And Roll", "Blues", "Latin",
             "Reggae", "Pop", "Soundtrack", "Bossa Nova", "Easy Listening", "Heavy Metal",
             "R&B/Soul", "Electronica/Dance", "World", "Hip Hop/Rap", "Science Fiction",
             "TV Shows", "Sci Fi & Fantasy", "Drama", "Comedy", "Alternative", "Classical", "Opera"]  # fmt: skip
CH_VIDEO_GENRES = [18, 19, 20, 21, 22]
CH_PLAYLISTS = ["Music", "Movies", "TV Shows", "Audiobooks", "90’s Music", "Audiobooks", "Movies",
                "Music", "Music Videos", "TV Shows", "Brazilian Music", "Classical",
                "Classical 101 - Deep Cuts", "Classical 101 - Next Steps",
                "Classical 101 - The Basics", "Grunge", "Heavy Metal Classic", "On-The-Go 1"]  # fmt: skip
CH_COUNTRIES = [
    ("USA", ["New York|NY|10012-2612", "Chicago|IL|60611", "Mountain View|CA|94043-1351", "Seattle|WA|98101", "Boston|MA|2113", "Orlando|FL|32801", "Tucson|AZ|85719", "Reno|NV|89503"]),
    ("Canada", ["Montréal|QC|H2G 1A7", "Toronto|ON|M6J 1V1", "Vancouver|BC|V6C 1G8", "Edmonton|AB|T6G 2C7", "Halifax|NS|B3S 1C5", "Winnipeg|MB|R3L 2B9"]),
    ("Brazil", ["São José dos Campos|SP|12227-000", "São Paulo|SP|01007-010", "Rio de Janeiro|RJ|20040-020", "Brasília|DF|71020-677"]),
    ("France", ["Paris||75002", "Lyon||69002", "Bordeaux||33000", "Dijon||21000"]),
    ("Germany", ["Stuttgart||70174", "Berlin||10779", "Frankfurt||60316"]),
    ("United Kingdom", ["London||SW1V 3EN", "Edinburgh ||EH4 1HH"]),
    ("Czech Republic", ["Prague||14700", "Prague||14300"]), ("Portugal", ["Lisbon||", "Porto||"]),
    ("India", ["Delhi||110017", "Bangalore||560001"]), ("Sweden", ["Stockholm||11230"]),
    ("Finland", ["Helsinki||00530"]), ("Chile", ["Santiago||"]), ("Argentina", ["Buenos Aires||1106"]),
    ("Norway", ["Oslo||0171"]), ("Poland", ["Warsaw||00-358"]), ("Australia", ["Sidney|NSW|2010"]),
    ("Hungary", ["Budapest||H-1073"]), ("Spain", ["Madrid||28015"]), ("Italy", ["Rome||00192"]),
    ("Netherlands", ["Amsterdam|VV|1016"]), ("Denmark", ["Copenhagen||1720"]),
    ("Belgium", ["Brussels||1000"]), ("Ireland", ["Dublin|Dublin|"]), ("Austria", ["Vienne||1010"]),
]  # fmt: skip
_CH_WORDS = [
    "Love", "Night", "Fire", "Heart", "Rain", "Road", "Dream", "Blue", "Black", "Light", "Time",
    "Star", "Sun", "River", "Angel", "Ghost", "Stone", "Wild", "Electric", "Golden", "Broken",
    "Sweet", "Lonely", "Crazy", "Last", "Little", "Midnight", "Holy", "Dirty", "Silver", "Highway",
    "Summer", "Shadow", "Thunder", "Paradise", "Devil", "Ocean", "Desert", "Machine", "Empire",
    "Garden", "Mirror", "Echo", "Velvet", "Rebel", "Neon", "Winter", "Storm"
]  # fmt: skip
_CH_NOUNS = [
    "Song", "Blues", "Dance", "Train", "Child", "Queen", "King", "Girl", "Boy", "City", "World",
    "Soul", "Eyes", "Hands", "Sky", "Kiss", "Way", "Town", "Man", "Woman", "Day", "Street", "Land",
    "Wave", "Fever", "Rider", "Lady", "Heaven", "Sister", "Brother", "Ballad", "Prayer",
    "Symphony", "Rhapsody", "Serenade", "Overture", "Nocturne"
]  # fmt: skip
_CH_FIRST = [
    "Luís", "Leonie", "François", "Bjørn", "František", "Helena", "Astrid", "Daan", "Kara",
    "Eduardo", "Alexandre", "Roberto", "Fernanda", "Mark", "Jennifer", "Frank", "Jack", "Michelle",
    "Tim", "Dan", "Kathy", "Heather", "John", "Frank", "Victor", "Richard", "Patrick", "Julia",
    "Robert", "Edward", "Martha", "Aaron", "Ellie", "João", "Madalena", "Hannah", "Fynn", "Niklas",
    "Camille", "Dominique", "Marc", "Wyatt", "Isabelle", "Terhi", "Ladislav", "Hugh", "Lucas",
    "Johannes", "Stanisław", "Enrique", "Joakim", "Emma", "Phil", "Steve", "Mark", "Diego", "Luis",
    "Manoj", "Puja"
]  # fmt: skip
_CH_LAST = [
    "Gonçalves", "Köhler", "Tremblay", "Hansen", "Wichterlová", "Holý", "Gruber", "Peeters",
    "Nielsen", "Martins", "Rocha", "Almeida", "Ramos", "Philips", "Peterson", "Harris", "Smith",
    "Brooks", "Goyer", "Miller", "Chase", "Gordon", "Van Huffel", "Stevens", "Cunningham",
    "Mitchell", "Sullivan", "Murray", "Schneider", "Fernandes", "Sampaio", "Zimmermann",
    "Schröder", "Bernard", "Lefebvre", "Dubois", "Girard", "Mercier", "Whitaker", "Hämäläinen",
    "Kovács", "O'Reilly", "Mancini", "Van der Berg", "Wójcik", "Muñoz", "Johansson", "Taylor",
    "Hughes", "Murray", "Brown", "Pareek", "Gutiérrez", "Rojas", "Srivastava"
]  # fmt: skip
_CH_ARTIST_SUFFIX = [
    "Band", "Quartet", "Trio", "Orchestra", "Ensemble", "Project", "Brothers", "Sisters",
    "Collective", "Experience", "Choir"
]  # fmt: skip


def _ch_artists(rng: random.Random, n: int) -> list[tuple[int, str]]:
    names: set[str] = set()
    out = []
    while len(out) < n:
        form = rng.random()
        if form < 0.35:
            name = f"{rng.choice(_CH_FIRST)} {rng.choice(_CH_LAST)}"
        elif form < 0.6:
            name = f"The {rng.choice(_CH_WORDS)} {rng.choice(_CH_NOUNS)}s"
        elif form < 0.8:
            name = f"{rng.choice(_CH_WORDS)} {rng.choice(_CH_NOUNS)}"
        elif form < 0.92:
            name = f"{rng.choice(_CH_LAST)} {rng.choice(_CH_ARTIST_SUFFIX)}"
        else:
            name = f"{rng.choice(_CH_FIRST)} {rng.choice(_CH_LAST)} & {rng.choice(_CH_WORDS)} {rng.choice(_CH_NOUNS)}"
        if name not in names:
            names.add(name)
            out.append((len(out) + 1, name))
    return out


def _email(first: str, last: str, domain: str, taken: set[str]) -> str:
    base = f"{ascii_letters(first).lower()}.{ascii_letters(last).lower()}"
    email, k = f"{base}@{domain}", 1
    while email in taken:
        k += 1
        email = f"{base}{k}@{domain}"
    taken.add(email)
    return email


def build_chinook(con: Con, rng: random.Random, scale: float) -> None:
    """Chinook's eleven tables, scaled up to about 45,000 tracks * ``scale``."""
    n_artists, n_albums = max(100, round(1_500 * scale)), max(250, round(4_000 * scale))
    n_customers, n_invoices = max(100, round(4_000 * scale)), max(1000, round(20_000 * scale))
    load(con, "MediaType", [("MediaTypeId", "INTEGER"), ("Name", "VARCHAR")], list(enumerate(CH_MEDIA_TYPES, 1)))
    load(con, "Genre", [("GenreId", "INTEGER"), ("Name", "VARCHAR")], list(enumerate(CH_GENRES, 1)))
    extra = [f"{rng.choice(_CH_WORDS)} {rng.choice(['Mix', 'Hits', 'Favourites', 'Classics', 'Party', 'Workout', 'Road Trip', 'Chill'])}"
             for _ in range(42)]  # fmt: skip
    load(con, "Playlist", [("PlaylistId", "INTEGER"), ("Name", "VARCHAR")], list(enumerate(CH_PLAYLISTS + extra, 1)))
    load(con, "Artist", [("ArtistId", "INTEGER"), ("Name", "VARCHAR")], _ch_artists(rng, n_artists))
    video = _list(CH_VIDEO_GENRES)
    title = (
        f"CASE WHEN {chance(0.04, 'al_hits')} THEN {choice(['Greatest Hits', 'The Best Of', 'Live', 'Unplugged', 'Anthology'], 'al_hits_t')}"
        f" WHEN {chance(0.15, 'al_live')} THEN 'Live At ' || {choice(['Wembley', 'Budokan', 'Donington', 'Montreux', 'the Apollo', 'Rock in Rio'], 'al_live_t')}"
        f" ELSE {choice(_CH_WORDS, 'al_w1')} || ' ' || {choice(_CH_NOUNS, 'al_w2')} END"
    )
    con.execute(f"""CREATE TABLE Album AS SELECT i::INTEGER AS AlbumId, {title} AS Title,
        (1 + floor(pow(u(i, 'al_artist'), 1.4) * {n_artists}))::INTEGER AS ArtistId
        FROM range(1, {n_albums + 1}) AS t(i)""")
    composers = (
        f"CASE WHEN {chance(0.28, 'tr_no_composer', 'j')} THEN NULL ELSE array_to_string(["
        + ", ".join(f"{choice(_CH_FIRST, f'tr_cf{k}', 'j')} || ' ' || {choice(_CH_LAST, f'tr_cl{k}', 'j')}" for k in range(3))
        + f"][1:{pick(3, 'tr_composers', 'j')}::INTEGER], ', ') END"
    )  # fmt: skip
    con.execute(f"""CREATE TABLE Track AS SELECT row_number() OVER (ORDER BY AlbumId, pos)::INTEGER AS TrackId,
        {choice(_CH_WORDS, 'tr_w1', 'j')} || ' ' || {choice(_CH_NOUNS, 'tr_w2', 'j')}
          || CASE WHEN {chance(0.06, 'tr_live', 'j')} THEN ' (Live)' ELSE '' END AS Name,
        AlbumId, media AS MediaTypeId,
        CASE WHEN {chance(0.9, 'tr_genre_album', 'j')} THEN genre ELSE {pick(17, 'tr_genre', 'j')}::INTEGER END AS GenreId,
        {composers} AS Composer, ms AS Milliseconds,
        (ms * CASE WHEN media = 3 THEN 190 ELSE 32 END + 1000 * {pick(100, 'tr_bytes', 'j')})::INTEGER AS Bytes,
        CAST(CASE WHEN media = 3 THEN 1.99 ELSE 0.99 END AS DECIMAL(10,2)) AS UnitPrice
        FROM (SELECT a.AlbumId, r.pos, a.AlbumId * 32 + r.pos AS j, a.genre, a.media,
              (CASE WHEN a.media = 3 THEN 1200000 + floor(u(a.AlbumId * 32 + r.pos, 'tr_video_ms') * 1800000)
                    ELSE 60000 + floor((u(a.AlbumId * 32 + r.pos, 'tr_ms1') + u(a.AlbumId * 32 + r.pos, 'tr_ms2')) * 180000)
               END)::INTEGER AS ms
              FROM (SELECT i AS AlbumId, {pick(22, 'al_tracks')} AS n, g AS genre,
                    CASE WHEN g IN {video.replace('[', '(').replace(']', ')')} THEN 3
                         ELSE {choice([1] * 16 + [2, 2, 4, 5], 'al_media')} END::INTEGER AS media
                    FROM (SELECT i, CASE WHEN {chance(0.03, 'al_video')} THEN {choice(CH_VIDEO_GENRES, 'al_video_g')}
                                        ELSE {pick(17, 'al_genre', 'i')} END::INTEGER AS g
                          FROM range(1, {n_albums + 1}) AS t(i))) AS a
              JOIN range(1, 23) AS r(pos) ON r.pos <= a.n)
        ORDER BY TrackId""")
    n_tracks = _scalar(con, "SELECT count(*) FROM Track")

    # Employee: 1 is the General Manager (no ReportsTo); 2 the Sales Manager over the support
    # agents 3..21; 22 the IT Manager over the IT staff 23..30. Hire dates come in cohorts and
    # two employees share a birthday, so only names and contact details are unique.
    people = rng.sample([(f, la) for f in _CH_FIRST for la in _CH_LAST], 30)
    cohorts = sorted(rng.sample(range(0, 1200), 6))
    places = ["Calgary|AB|T2P 2T3", "Edmonton|AB|T5K 2N1", "Lethbridge|AB|T1K 5N8"]
    taken: set[str] = set()
    staff = []
    for eid, (first, last) in enumerate(people, start=1):
        city, state, postal = rng.choice(places).split("|")
        title = ("General Manager" if eid == 1 else "Sales Manager" if eid == 2 else "Sales Support Agent" if eid <= 21
                 else "IT Manager" if eid == 22 else "IT Staff")  # fmt: skip
        staff.append([
            eid, last, first, title, None if eid == 1 else 1 if eid in (2, 22) else 2 if eid <= 21 else 22,
            datetime(1947, 1, 1) + timedelta(days=rng.randint(0, 35 * 365)),
            datetime(2002, 4, 1) + timedelta(days=rng.choice(cohorts)),
            f"{rng.randint(100, 9999)} {rng.choice(['Jasper Ave NW', '5th Ave SW', 'Bow Ring Rd', 'Kensington Rd NW', '7 St NW', 'Southside Dr NW'])}",
            city, state, "Canada", postal, f"+1 (403) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            f"+1 (403) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}", _email(first, last, "chinookcorp.com", taken),
        ])  # fmt: skip
    staff[29][5] = staff[11][5]
    load(con, "Employee", [
        ("EmployeeId", "INTEGER"), ("LastName", "VARCHAR"), ("FirstName", "VARCHAR"), ("Title", "VARCHAR"),
        ("ReportsTo", "INTEGER"), ("BirthDate", "TIMESTAMP"), ("HireDate", "TIMESTAMP"), ("Address", "VARCHAR"),
        ("City", "VARCHAR"), ("State", "VARCHAR"), ("Country", "VARCHAR"), ("PostalCode", "VARCHAR"),
        ("Phone", "VARCHAR"), ("Fax", "VARCHAR"), ("Email", "VARCHAR"),
    ], [tuple(s) for s in staff])  # fmt: skip

    customers = []
    domains = ["gmail.com", "yahoo.com", "hotmail.com", "apple.com", "yahoo.fr", "web.de", "uol.com.br", "mac.com"]
    companies = ["Embraer - Empresa Brasileira de Aeronáutica S.A.", "JetBrains s.r.o.", "Google Inc.",
                 "Microsoft Corporation", "Apple Inc.", "Telus", "Rogers Canada", "Banco do Brasil S.A.",
                 "Riotur", "Woodstock Discos"]  # fmt: skip
    weights = [40, 20, 12, 10, 8, 6, 5, 5, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    for cid in range(1, n_customers + 1):
        country, cities = rng.choices(CH_COUNTRIES, weights)[0]
        city, state, postal = rng.choice(cities).split("|")
        first, last = rng.choice(_CH_FIRST), rng.choice(_CH_LAST)
        customers.append((
            cid, first, last, rng.choice(companies) if rng.random() < 0.15 else None,
            f"{rng.randint(1, 9999)} {rng.choice(_STREETS)}", city, state or None, country, postal or None,
            f"+{rng.randint(1, 99)} {rng.randint(10, 999)} {rng.randint(1000000, 9999999)}",
            f"+{rng.randint(1, 99)} {rng.randint(10, 999)} {rng.randint(1000000, 9999999)}" if rng.random() < 0.2 else None,
            _email(first, last, rng.choice(domains), taken), rng.randint(3, 21),
        ))  # fmt: skip
    load(con, "Customer", [
        ("CustomerId", "INTEGER"), ("FirstName", "VARCHAR"), ("LastName", "VARCHAR"), ("Company", "VARCHAR"),
        ("Address", "VARCHAR"), ("City", "VARCHAR"), ("State", "VARCHAR"), ("Country", "VARCHAR"),
        ("PostalCode", "VARCHAR"), ("Phone", "VARCHAR"), ("Fax", "VARCHAR"), ("Email", "VARCHAR"),
        ("SupportRepId", "INTEGER"),
    ], customers)  # fmt: skip

    # Playlists: the two "Music" ones hold most tracks, several are empty (as in Chinook).
    sizes = {1: 0.9, 5: 0.4, 8: 0.9, 9: 0.01, 11: 0.01, 12: 0.02, 3: 0.02, 10: 0.02}
    steps = coprimes(n_tracks, rng)
    plan = []
    for pid in range(1, len(CH_PLAYLISTS) + len(extra) + 1):
        if pid in (2, 4, 7):
            continue
        n = round(sizes[pid] * n_tracks) if pid in sizes else rng.randint(0, 80)
        plan.append((pid, n, rng.randrange(n_tracks), rng.choice(steps)))
    load(con, "_playlist_plan", [("PlaylistId", "INTEGER"), ("n", "INTEGER"), ("base", "BIGINT"), ("step", "BIGINT")], plan)
    con.execute(f"""CREATE TABLE PlaylistTrack AS SELECT p.PlaylistId,
        ((p.base + r.j * p.step) % {n_tracks} + 1)::INTEGER AS TrackId
        FROM _playlist_plan AS p JOIN range(0, {n_tracks}) AS r(j) ON r.j < p.n
        ORDER BY PlaylistId, TrackId""")

    con.execute(f"""CREATE TEMP TABLE _invoices AS SELECT k,
        (1 + floor(pow(u(k, 'inv_customer'), 1.3) * {n_customers}))::INTEGER AS CustomerId,
        TIMESTAMP '2009-01-01' + to_days(((k - 1) * 1826 // {n_invoices})::INTEGER) AS InvoiceDate,
        {choice([1, 2, 2, 4, 6, 9, 14], 'inv_lines', 'k')} AS n,
        floor(u(k, 'inv_base') * {n_tracks})::BIGINT AS base, {choice(steps, 'inv_step', 'k')} AS step
        FROM range(1, {n_invoices + 1}) AS t(k)""")
    con.execute(f"""CREATE TABLE InvoiceLine AS SELECT
        row_number() OVER (ORDER BY i.k, r.j)::INTEGER AS InvoiceLineId, i.k::INTEGER AS InvoiceId,
        t.TrackId, t.UnitPrice, 1 AS Quantity
        FROM _invoices AS i JOIN range(0, 14) AS r(j) ON r.j < i.n
        JOIN Track AS t ON t.TrackId = (i.base + r.j * i.step) % {n_tracks} + 1
        ORDER BY InvoiceLineId""")
    con.execute("""CREATE TABLE Invoice AS SELECT i.k::INTEGER AS InvoiceId, i.CustomerId, i.InvoiceDate,
        c.Address AS BillingAddress, c.City AS BillingCity, c.State AS BillingState,
        c.Country AS BillingCountry, c.PostalCode AS BillingPostalCode, l.total AS Total
        FROM _invoices AS i JOIN Customer AS c ON c.CustomerId = i.CustomerId
        JOIN (SELECT InvoiceId, CAST(sum(UnitPrice * Quantity) AS DECIMAL(10,2)) AS total
              FROM InvoiceLine GROUP BY InvoiceId) AS l ON l.InvoiceId = i.k
        ORDER BY InvoiceId""")
    con.execute("DROP TABLE _invoices")
    con.execute("DROP TABLE _playlist_plan")


def chinook_facts(con: Con) -> dict[str, Any]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM Artist WHERE ArtistId NOT IN (SELECT ArtistId FROM Album)),"
        " (SELECT count(*) FROM Playlist WHERE PlaylistId NOT IN (SELECT PlaylistId FROM PlaylistTrack)),"
        " (SELECT count(*) FROM Track WHERE TrackId NOT IN (SELECT TrackId FROM InvoiceLine)),"
        " (SELECT count(*) FROM Track WHERE TrackId NOT IN (SELECT TrackId FROM PlaylistTrack)),"
        " (SELECT count(*) FROM Customer WHERE CustomerId NOT IN (SELECT CustomerId FROM Invoice)),"
        " (SELECT count(DISTINCT SupportRepId) FROM Customer),"
        " (SELECT count(*) - count(DISTINCT Name) FROM Playlist)"
    ).fetchone()
    assert row is not None
    keys = [
        "artists_without_albums", "empty_playlists", "tracks_never_sold", "tracks_in_no_playlist",
        "customers_without_invoices", "support_reps_with_customers", "duplicate_playlist_names",
    ]  # fmt: skip
    return dict(zip(keys, row, strict=True))


# -- the datasets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """One schema: its builder, its tables with their keys (in file-writing order), its foreign
    keys, the columns allowed to be unique besides the key, and the code lists it shares."""

    name: str
    model: str
    build: Callable[[Con, random.Random, float], None]
    facts: Callable[[Con], dict[str, Any]]
    keys: dict[str, tuple[str, ...]]
    foreign_keys: list[ForeignKey]
    may_be_unique: dict[str, tuple[str, ...]]
    code_lists: list[str]


DATASETS = [
    Dataset(
        "tpch", "TPC-H (dbgen), scale factor 0.025 * --scale", build_tpch, tpch_facts,
        {"region": ("r_regionkey",), "nation": ("n_nationkey",), "supplier": ("s_suppkey",),
         "customer": ("c_custkey",), "part": ("p_partkey",), "partsupp": ("ps_partkey", "ps_suppkey"),
         "orders": ("o_orderkey",), "lineitem": ("l_orderkey", "l_linenumber")},
        [fk("nation.n_regionkey", "region.r_regionkey"),
         fk("supplier.s_nationkey", "nation.n_nationkey"),
         fk("customer.c_nationkey", "nation.n_nationkey"),
         fk("partsupp.ps_partkey", "part.p_partkey", "n:m bridge part-supplier"),
         fk("partsupp.ps_suppkey", "supplier.s_suppkey", "n:m bridge part-supplier"),
         fk("orders.o_custkey", "customer.c_custkey", "no orders for keys divisible by 3"),
         fk("lineitem.l_orderkey", "orders.o_orderkey", "parent keys are sparse"),
         fk("lineitem.l_partkey+l_suppkey", "partsupp.ps_partkey+ps_suppkey", "composite"),
         fk("lineitem.l_partkey", "part.p_partkey", "declared by TPC-H; implied by the composite FK", implied=True),
         fk("lineitem.l_suppkey", "supplier.s_suppkey", "declared by TPC-H; implied by the composite FK", implied=True)],
        {"region": ("r_name", "r_comment"), "nation": ("n_name", "n_comment"),
         "supplier": ("s_name", "s_address", "s_phone", "s_comment"),
         "customer": ("c_name", "c_address", "c_phone", "c_comment"), "part": ("p_name", "p_comment"),
         "partsupp": ("ps_comment",), "orders": ("o_comment",), "lineitem": ("l_comment",)},
        [],
    ),
    Dataset(
        "northwind", "Northwind (Microsoft sample database), orders scaled to 40,000 * --scale",
        build_northwind, northwind_facts,
        {"Categories": ("CategoryID",), "Suppliers": ("SupplierID",), "Products": ("ProductID",),
         "Customers": ("CustomerID",), "Employees": ("EmployeeID",), "Shippers": ("ShipperID",),
         "Orders": ("OrderID",), "order_details": ("OrderID", "ProductID"), "Region": ("RegionID",),
         "Territories": ("TerritoryID",), "EmployeeTerritories": ("EmployeeID", "TerritoryID")},
        [fk("Products.SupplierID", "Suppliers.SupplierID"),
         fk("Products.CategoryID", "Categories.CategoryID"),
         fk("Orders.CustomerID", "Customers.CustomerID", "partial: deleted customers; text codes"),
         fk("Orders.EmployeeID", "Employees.EmployeeID"),
         fk("Orders.ShipVia", "Shippers.ShipperID", "a few empty; name does not match"),
         fk("order_details.OrderID", "Orders.OrderID"),
         fk("order_details.ProductID", "Products.ProductID"),
         fk("Employees.ReportsTo", "Employees.EmployeeID", "self-reference"),
         fk("Territories.RegionID", "Region.RegionID"),
         fk("EmployeeTerritories.EmployeeID", "Employees.EmployeeID", "n:m bridge employees-territories"),
         fk("EmployeeTerritories.TerritoryID", "Territories.TerritoryID", "n:m bridge; text codes with leading zeros")],
        {"Categories": ("CategoryName", "Description"),
         "Suppliers": ("CompanyName", "ContactName", "Address", "Phone", "Fax", "HomePage"),
         "Products": ("ProductName",), "Customers": ("CompanyName", "ContactName", "Address", "Phone", "Fax"),
         "Employees": ("LastName", "FirstName", "Address", "HomePhone", "Notes", "PhotoPath"),
         "Shippers": ("CompanyName", "Phone"), "Region": ("RegionDescription",)},
        ["Customers.Country", "Suppliers.Country", "Employees.Country", "Orders.ShipCountry"],
    ),
    Dataset(
        "chinook", "Chinook (sample music store), about 45,000 tracks * --scale",
        build_chinook, chinook_facts,
        {"MediaType": ("MediaTypeId",), "Genre": ("GenreId",), "Playlist": ("PlaylistId",),
         "Artist": ("ArtistId",), "Album": ("AlbumId",), "Track": ("TrackId",),
         "Employee": ("EmployeeId",), "Customer": ("CustomerId",), "PlaylistTrack": ("PlaylistId", "TrackId"),
         "InvoiceLine": ("InvoiceLineId",), "Invoice": ("InvoiceId",)},
        [fk("Album.ArtistId", "Artist.ArtistId"),
         fk("Track.AlbumId", "Album.AlbumId"),
         fk("Track.MediaTypeId", "MediaType.MediaTypeId"),
         fk("Track.GenreId", "Genre.GenreId"),
         fk("PlaylistTrack.PlaylistId", "Playlist.PlaylistId", "n:m bridge playlists-tracks"),
         fk("PlaylistTrack.TrackId", "Track.TrackId", "n:m bridge playlists-tracks"),
         fk("Customer.SupportRepId", "Employee.EmployeeId", "name does not match"),
         fk("Employee.ReportsTo", "Employee.EmployeeId", "self-reference"),
         fk("Invoice.CustomerId", "Customer.CustomerId"),
         fk("InvoiceLine.InvoiceId", "Invoice.InvoiceId"),
         fk("InvoiceLine.TrackId", "Track.TrackId")],
        {"MediaType": ("Name",), "Genre": ("Name",), "Artist": ("Name",),
         "Employee": ("LastName", "FirstName", "Address", "Phone", "Fax", "Email"),
         "Customer": ("Address", "Phone", "Fax", "Email")},
        ["Customer.Country", "Employee.Country", "Invoice.BillingCountry"],
    ),
]  # fmt: skip


# -- measuring (on the generated tables, and again on the CSV files read back as text) -------


def _scalar(con: Con, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


def _column_stats(con: Con, table: str) -> tuple[int, dict[str, tuple[int, int]]]:
    """Rows, and (nulls, distinct values) of each column."""
    columns = [r[0] for r in con.execute(f"DESCRIBE {_q(table)}").fetchall()]
    parts = ["count(*)"] + [f"count({_q(c)}), count(DISTINCT {_q(c)})" for c in columns]
    row = con.execute(f"SELECT {', '.join(parts)} FROM {_q(table)}").fetchone()
    assert row is not None
    rows = row[0]
    return rows, {c: (rows - row[1 + 2 * k], row[2 + 2 * k]) for k, c in enumerate(columns)}


def _key_problems(con: Con, table: str, key: Sequence[str]) -> list[str]:
    if not key:
        return []  # a table without a primary key (a log, an event list)
    cols = ", ".join(_q(c) for c in key)
    dups = _scalar(con, f"SELECT count(*) FROM (SELECT {cols} FROM {_q(table)} GROUP BY ALL HAVING count(*) > 1)")
    nulls = _scalar(con, f"SELECT count(*) FROM {_q(table)} WHERE " + " OR ".join(f"{_q(c)} IS NULL" for c in key))
    problems = [f"{table} key {list(key)}: {dups} duplicated values"] if dups else []
    return problems + ([f"{table} key {list(key)}: {nulls} rows with nulls"] if nulls else [])


def _integrity(con: Con, f: ForeignKey) -> float:
    """Share of the child's distinct non-null values found in the parent, to 4 places."""
    cc = ", ".join(f"{_q(c)} AS c{k}" for k, c in enumerate(f.child_columns))
    pc = ", ".join(f"{_q(c)} AS p{k}" for k, c in enumerate(f.parent_columns))
    present = " AND ".join(f"{_q(c)} IS NOT NULL" for c in f.child_columns)
    on = " AND ".join(f"c.c{k} = p.p{k}" for k in range(len(f.child_columns)))
    row = con.execute(
        f"SELECT count(*), count(p.p0) FROM (SELECT DISTINCT {cc} FROM {_q(f.child_table)} WHERE {present}) AS c"
        f" LEFT JOIN (SELECT DISTINCT {pc} FROM {_q(f.parent_table)}) AS p ON {on}"
    ).fetchone()
    assert row is not None
    return round(row[1] / row[0], 4) if row[0] else 1.0


def _unique_columns(rows: int, stats: dict[str, tuple[int, int]], key: Sequence[str]) -> list[str]:
    return [c for c, (nulls, distinct) in stats.items() if (c,) != tuple(key) and nulls == 0 and distinct == rows]


def _family(sql_type: str) -> str | None:
    if sql_type in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT"):
        return "integer"
    return "string" if sql_type == "VARCHAR" else None


def _false_friends(con: Con, ds: Dataset, types: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """Columns whose distinct values lie (at least 80%) inside another table's single-column key
    and are no foreign key to it; then the shared code lists and the date columns."""
    true_pairs = {(f.child_table, f.child_columns[0], f.parent_table, f.parent_columns[0])
                  for f in ds.foreign_keys if len(f.child_columns) == 1}  # fmt: skip
    fk_columns = {(t, c) for t, c, _, _ in true_pairs}
    found: list[dict[str, Any]] = []
    for pt, key in ds.keys.items():
        family = _family(types[pt][key[0]]) if len(key) == 1 else None
        if family is None:
            continue
        pc = key[0]
        candidates = [(t, c) for t in ds.keys if t != pt for c, typ in types[t].items()
                      if _family(typ) == family and (t, c, pt, pc) not in true_pairs]  # fmt: skip
        union = " UNION ALL ".join(
            f"SELECT {k} AS k, count(*) AS n, count(p.v) AS hits FROM (SELECT DISTINCT {_q(c)} AS v"
            f" FROM {_q(t)} WHERE {_q(c)} IS NOT NULL) AS c LEFT JOIN (SELECT DISTINCT {_q(pc)} AS v"
            f" FROM {_q(pt)}) AS p USING (v)"
            for k, (t, c) in enumerate(candidates)
        )
        for k, n, hits in con.execute(union).fetchall() if candidates else []:
            if n > 1 and hits / n >= 0.8:
                t, c = candidates[k]
                kind = ("dense_id_range" if (c,) == ds.keys[t]
                        else "fk_column_in_wrong_parent" if (t, c) in fk_columns
                        else "small_measure_in_id_range" if family == "integer" else "code_list_in_key")  # fmt: skip
                found.append({"kind": kind, "child_table": t, "child_columns": [c], "parent_table": pt,
                              "parent_columns": [pc], "inclusion": round(hits / n, 4)})  # fmt: skip
    found.sort(key=lambda f: (f["kind"], f["child_table"], f["child_columns"], f["parent_table"]))
    if ds.code_lists:
        found.append({"kind": "shared_code_list", "columns": ds.code_lists})
    dates = [f"{t}.{c}" for t in ds.keys for c, typ in types[t].items() if typ in ("DATE", "TIMESTAMP")]
    found.append({"kind": "dates", "columns": dates})
    return found


def measure_truth(con: Con, ds: Dataset, seed: int, scale: float) -> dict[str, Any]:
    """The truth of the generated tables; raise when a planted fact does not hold."""
    problems: list[str] = []
    tables: dict[str, Any] = {}
    types: dict[str, dict[str, str]] = {}
    for table, key in ds.keys.items():
        types[table] = {r[0]: r[1] for r in con.execute(f"DESCRIBE {_q(table)}").fetchall()}
        rows, stats = _column_stats(con, table)
        problems += _key_problems(con, table, key)
        unique = _unique_columns(rows, stats, key)
        accidental = [c for c in unique if c not in ds.may_be_unique.get(table, ())]
        if accidental:
            problems.append(f"{table}: columns unique by accident: {accidental}")
        tables[table] = {"rows": rows, "key": list(key), "columns": types[table], "unique_columns": unique}
    foreign_keys = [
        {"child_table": f.child_table, "child_columns": list(f.child_columns),
         "parent_table": f.parent_table, "parent_columns": list(f.parent_columns),
         "integrity": _integrity(con, f), "implied": f.implied, "note": f.note}
        for f in ds.foreign_keys
    ]  # fmt: skip
    if problems:
        raise SystemExit(f"{ds.name}: the planted facts do not hold:\n  " + "\n  ".join(problems))
    return {
        "dataset": ds.name, "model": ds.model, "seed": seed, "scale": scale, "tables": tables,
        "foreign_keys": foreign_keys, "near_keys": [],
        "false_friends": _false_friends(con, ds, types), "facts": ds.facts(con),
    }  # fmt: skip


def generate(ds: Dataset, out: Path, seed: int, scale: float) -> dict[str, Any]:
    """Build one dataset in memory, write its CSV files and truth.json, and return the truth."""
    folder = out / ds.name
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.csv"):
        stale.unlink()
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET enable_progress_bar = false")
        for macro in _macros(seed):
            con.execute(macro)
        ds.build(con, random.Random(f"{seed}:{ds.name}"), scale)
        truth = measure_truth(con, ds, seed, scale)
        for table, key in ds.keys.items():
            order = ", ".join(_q(c) for c in key) if key else "ALL"
            path = folder / f"{table}.csv"
            con.execute(
                f"COPY (SELECT * FROM {_q(table)} ORDER BY {order}) TO {_literal(path)}"
                " (FORMAT csv, HEADER true, DELIMITER ',')"
            )
    finally:
        con.close()
    (folder / "truth.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    return truth


# -- the check: read the files back as text and verify every number in truth.json ------------


def check(out: Path, datasets: Sequence[Dataset] | None = None) -> list[str]:
    """Problems found in the written datasets (none when every fact holds); ``datasets``
    defaults to this file's."""
    problems: list[str] = []
    for ds in DATASETS if datasets is None else datasets:
        folder = out / ds.name
        if not (folder / "truth.json").exists():
            problems.append(f"{folder / 'truth.json'} is missing: run this script without --check")
            continue
        truth = json.loads((folder / "truth.json").read_text())
        if list(truth["tables"]) != list(ds.keys):
            problems.append(f"{ds.name}: truth tables {list(truth['tables'])} != {list(ds.keys)}")
        files = sorted(p.stem for p in folder.glob("*.csv"))
        if files != sorted(ds.keys):
            problems.append(f"{ds.name}: files {files} != tables {sorted(ds.keys)}")
        declared = [(f.child_table, list(f.child_columns), f.parent_table, list(f.parent_columns)) for f in ds.foreign_keys]
        listed = [(f["child_table"], f["child_columns"], f["parent_table"], f["parent_columns"]) for f in truth["foreign_keys"]]
        if declared != listed:
            problems.append(f"{ds.name}: truth foreign keys differ from the declared ones")
        con = duckdb.connect(":memory:")
        try:
            for table, facts in truth["tables"].items():
                path = folder / f"{table}.csv"
                con.execute(
                    f"CREATE VIEW {_q(table)} AS SELECT * FROM read_csv({_literal(path)},"
                    " header = true, delim = ',', quote = '\"', all_varchar = true)"
                )
                rows, stats = _column_stats(con, table)
                if list(stats) != list(facts["columns"]):
                    problems.append(f"{ds.name}.{table}: header {list(stats)} != {list(facts['columns'])}")
                if rows != facts["rows"]:
                    problems.append(f"{ds.name}.{table}: {rows} rows, truth says {facts['rows']}")
                if facts["key"] != list(ds.keys[table]):
                    problems.append(f"{ds.name}.{table}: key {facts['key']} is not {list(ds.keys[table])}")
                problems += [f"{ds.name}.{p}" for p in _key_problems(con, table, facts["key"])]
                unique = _unique_columns(rows, stats, facts["key"])
                if unique != facts["unique_columns"]:
                    problems.append(f"{ds.name}.{table}: unique columns {unique} != {facts['unique_columns']}")
                accidental = [c for c in unique if c not in ds.may_be_unique.get(table, ())]
                if accidental:
                    problems.append(f"{ds.name}.{table}: columns unique by accident: {accidental}")
            for f, stated in zip(ds.foreign_keys, truth["foreign_keys"], strict=False):
                measured = _integrity(con, f)
                if measured != stated["integrity"]:
                    problems.append(f"{ds.name}: {f.child_table}{list(f.child_columns)} integrity {measured}, truth says {stated['integrity']}")
                if list(ds.keys[f.parent_table]) != list(f.parent_columns):
                    problems.append(f"{ds.name}: {f.parent_table}{list(f.parent_columns)} is not that table's key")
            facts = json.loads(json.dumps(ds.facts(con)))
            if facts != truth["facts"]:
                problems.append(f"{ds.name}: facts {facts} != truth {truth['facts']}")
        finally:
            con.close()
        print(f"{ds.name}: {len(truth['tables'])} tables, {sum(t['rows'] for t in truth['tables'].values())} rows,"
              f" {len(truth['foreign_keys'])} foreign keys checked")  # fmt: skip
    return problems


def command_parser(description: str, out: Path, seed: int) -> argparse.ArgumentParser:
    """The options every held-out generator takes: --out, --seed, --check."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=out, help="output directory")
    parser.add_argument("--seed", type=int, default=seed, help="changes every drawn value")
    parser.add_argument("--check", action="store_true", help="verify the written datasets; write nothing")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = command_parser("Write (or --check) the held-out FK-discovery datasets.", Path("bench/data/heldout"), 7)
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the row counts")
    args = parser.parse_args(argv)
    # Below 0.2, TPC-H's price formula gives every one of the few parts its own price.
    if not args.check and not 0.2 <= args.scale <= 20:
        parser.error("--scale must be between 0.2 and 20")
    return run(DATASETS, args.out, args.seed, check_only=args.check, scale=args.scale)


def run(datasets: Sequence[Dataset], out: Path, seed: int, *, check_only: bool, scale: float = 1.0) -> int:
    """The command of every held-out generator: ``--check`` the written files, or write them
    and print a JSON summary (rows, foreign keys, partial ones, facts, seconds, peak RSS)."""
    if check_only:
        problems = check(out, datasets)
        for p in problems:
            print(f"FAIL {p}")
        print("ok" if not problems else f"{len(problems)} problems")
        return 1 if problems else 0
    summary: dict[str, Any] = {}
    for ds in datasets:
        started = time.perf_counter()
        truth = generate(ds, out, seed, scale)
        summary[ds.name] = {
            "tables": {t: f["rows"] for t, f in truth["tables"].items()},
            "foreign_keys": len(truth["foreign_keys"]),
            "partial": {f"{f['child_table']}.{'+'.join(f['child_columns'])}": f["integrity"]
                        for f in truth["foreign_keys"] if f["integrity"] != 1.0},
            "facts": truth["facts"],
            "seconds": round(time.perf_counter() - started, 2),
        }  # fmt: skip
    # Linux reports kilobytes.
    summary["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    json.dump(summary, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
