"""Write a 20-table star/snowflake schema with planted keys and foreign keys, for discovery.

    python bench/generate_schema.py --rows 100000 --out bench/data/schema_100k

writes one Parquet file per table (the file stem is the table name) and ``truth.json``: every
table's key, every true foreign key with its integrity measured from the written files, the
near-keys and the false friends. ``--rows`` is the size of the three fact tables
(``order_lines``, ``inventory_snapshots``, ``web_events``); the other tables are fixed
fractions of it or small fixed lookups.

As in bench/generate.py, everything is drawn inside DuckDB from ``range()`` with hash-based
draws that depend only on the row number, the seed and a per-draw salt, so the same arguments
give the same files whatever the thread count (with the same DuckDB version). A table that
needs rows of another (order lines for returns, the product-supplier pairs for purchase orders)
reads that table's Parquet file back. No row passes through Python.

What is planted (see ``FOREIGN_KEYS``, ``NEAR_KEYS`` and the table functions):
- keys: integer ``id`` columns, named integer ids, string codes with leading zeros, UUID
  strings, and the composite keys order_lines (order_id, line_no), product_suppliers (sku,
  supplier_id) and inventory_snapshots (store_id, sku, day);
- foreign keys under names that do not match (``cust_ref``, ``CustomerId``, ``prod``,
  ``manager``, ``warehouse``), two self-references, a 1:1 split (customer_profiles), an n:m
  bridge (product_suppliers), two composite foreign keys, and ten with partial integrity:
  customers and products with deleted rows whose ids are still referenced, and references to
  rows newer than the export;
- near-keys: unique columns with a few duplicates or a few nulls;
- false friends: an integer ``id`` 1..N as the key of seven tables (each range inside the next,
  and inside ``customer_id``), shared code lists
  (``status``, ``channel``, ``language``), dates and timestamps everywhere, and small integer
  measures that fall inside the id ranges. ``truth.json`` lists the inclusions that hold for at
  least 80% of a column's distinct values and are not foreign keys.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

# An inclusion of at least this share of a column's distinct values in another table's key is
# listed as a false friend when it is not a foreign key.
FALSE_FRIEND_INCLUSION = 0.8

COUNTRIES = [
    "US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "GB", "IE", "FR", "DE", "NL", "BE", "LU",
    "ES", "PT", "IT", "AT", "CH", "DK", "SE", "NO", "FI", "PL", "CZ", "HU", "GR", "TR", "IL",
    "AE", "ZA", "IN", "CN", "JP", "KR", "SG", "AU", "NZ", "ID",
]  # fmt: skip
CURRENCIES = [
    "USD", "CAD", "MXN", "BRL", "GBP", "EUR", "CHF", "DKK", "SEK", "NOK", "PLN", "JPY", "CNY",
    "INR", "AUD", "ZAR",
]  # fmt: skip
_OWN_CURRENCY = {
    "US": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL", "GB": "GBP", "CH": "CHF", "DK": "DKK",
    "SE": "SEK", "NO": "NOK", "PL": "PLN", "JP": "JPY", "CN": "CNY", "IN": "INR", "AU": "AUD",
    "ZA": "ZAR",
}  # fmt: skip
_EURO = {"IE", "FR", "DE", "NL", "BE", "LU", "ES", "PT", "IT", "AT", "FI", "GR"}
# Countries without a listed currency settle in US dollars.
COUNTRY_CURRENCY = ["EUR" if c in _EURO else _OWN_CURRENCY.get(c, "USD") for c in COUNTRIES]
# (symbol, decimals, rate to USD): symbols and rates repeat, so no column but the code is a key.
_CURRENCY_FACTS = [
    ("$", 2, 1.0), ("$", 2, 0.7), ("$", 2, 0.1), ("R$", 2, 0.2), ("£", 2, 1.3), ("€", 2, 1.1),
    ("Fr", 2, 1.1), ("kr", 2, 0.1), ("kr", 2, 0.1), ("kr", 2, 0.1), ("zł", 2, 0.3), ("¥", 0, 0.01),
    ("¥", 2, 0.1), ("₹", 2, 0.01), ("$", 2, 0.7), ("R", 2, 0.1),
]  # fmt: skip

# Shared code lists: the same small value sets in several tables; never a key, never an FK.
STATUS = ("active", "inactive", "pending", "closed")
ORDER_STATUS = ("new", "paid", "shipped", "delivered", "cancelled", "returned")
CHANNEL = ("web", "store", "phone", "partner")
LANGUAGE = ("en", "de", "fr", "es", "it", "pt")
_ADJECTIVES = (
    "Classic Deluxe Compact Nordic Rustic Urban Smart Eco Mini Pro Ultra Soft Bold Pure Zen"
)
_NOUNS = "Mug Kettle Lamp Cushion Blanket Speaker Tablet Backpack Tent Jacket Notebook Puzzle Chair Desk Vase"
_CATEGORY_WORDS = [
    "Kitchen", "Home", "Garden", "Outdoor", "Office", "Toys", "Apparel", "Shoes", "Sports",
    "Books", "Music", "Beauty", "Health", "Baby", "Pets", "Tools", "Auto", "Lighting",
    "Storage", "Decor", "Bedding", "Bath", "Travel", "Accessories",
]  # fmt: skip

# The fact tables hold --rows rows; the rest scale down from it (the lookups are fixed).
CATEGORY_ROOTS, CATEGORY_MIDS, CATEGORY_LEAVES = 12, 36, 72
BRANDS = 150
SNAPSHOT_PRODUCTS_PER_STORE = 25
CUSTOMER_DELETED = 0.08  # share of customer ids deleted but still referenced
PRODUCT_DELETED = 0.12  # share of product skus discontinued and deleted
PROFILE_SHARE = 0.7  # customers with a row in customer_profiles
NEW_LINE_ORDER = 0.22  # a line starts a new order with this chance: 4.5 lines an order
LOAD_TIMES = (
    "2024-03-01 02:00:00",
    "2024-04-01 02:00:00",
    "2024-05-01 02:00:00",
    "2024-06-01 02:15:00",
)


@dataclass(frozen=True)
class Sizes:
    """Row counts (or id spaces, where rows are deleted) derived from --rows."""

    rows: int
    stores: int
    employees: int
    suppliers: int
    campaigns: int
    product_ids: int
    customer_ids: int
    payments: int
    shipments: int
    returns: int
    purchase_orders: int

    @classmethod
    def of(cls, rows: int) -> Sizes:
        return cls(
            rows=rows,
            stores=max(20, rows // 500),
            employees=max(100, rows // 50),
            suppliers=max(40, rows // 250),
            campaigns=max(25, rows // 400),
            product_ids=max(100, rows // 50),
            customer_ids=rows // 10,
            payments=rows // 4,
            shipments=rows // 5,
            returns=rows // 20,
            purchase_orders=rows // 20,
        )


@dataclass(frozen=True)
class Table:
    """One table: its key, its columns as (name, SQL type, expression) and the FROM clause."""

    name: str
    key: tuple[str, ...]
    columns: list[tuple[str, str, str]]
    source: str
    order: str = "i"

    def select(self) -> str:
        cols = ",\n  ".join(
            f'CAST({expr} AS {typ}) AS "{name}"' for name, typ, expr in self.columns
        )
        return f"SELECT\n  {cols}\nFROM {self.source}\nORDER BY {self.order}"


@dataclass(frozen=True)
class ForeignKey:
    """A true foreign key. ``implied`` ones follow from a composite one (scored as optional)."""

    child_table: str
    child_columns: tuple[str, ...]
    parent_table: str
    parent_columns: tuple[str, ...]
    note: str = ""
    implied: bool = False


def fk(child: str, parent: str, note: str = "", *, implied: bool = False) -> ForeignKey:
    """``fk("orders.cust_ref", "customers.customer_id")``; ``a+b`` for composite columns."""
    ct, cc = child.split(".")
    pt, pc = parent.split(".")
    return ForeignKey(ct, tuple(cc.split("+")), pt, tuple(pc.split("+")), note, implied)


FOREIGN_KEYS = [
    fk("countries.currency_code", "currencies.currency_code"),
    fk("brands.country_code", "countries.country_code"),
    fk("categories.parent_category_id", "categories.id", "self-reference (tree of 3 levels)"),
    fk("products.category_id", "categories.id"),
    fk("products.brand", "brands.brand_code"),
    fk("stores.country_code", "countries.country_code"),
    fk("stores.manager_employee_id", "employees.id"),
    fk("employees.manager", "employees.id", "self-reference"),
    fk("employees.store", "stores.id"),
    fk("suppliers.country_code", "countries.country_code"),
    fk("suppliers.currency", "currencies.currency_code"),
    fk("product_suppliers.sku", "products.sku", "n:m bridge products-suppliers"),
    fk("product_suppliers.supplier_id", "suppliers.id", "n:m bridge products-suppliers"),
    fk("product_suppliers.currency_code", "currencies.currency_code"),
    fk("customers.country_code", "countries.country_code"),
    fk("customers.referred_by", "customers.customer_id", "self-reference, some to deleted rows"),
    fk("customers.preferred_store", "stores.id", "partial: closed stores"),
    fk("customer_profiles.CustomerId", "customers.customer_id", "1:1 split, key is the FK"),
    fk("customer_profiles.favourite_category", "categories.id"),
    fk("campaigns.owner", "employees.id"),
    fk("campaigns.country_code", "countries.country_code"),
    fk("order_lines.order_id", "orders.id"),
    fk("order_lines.prod", "products.sku", "partial: deleted products"),
    fk("orders.cust_ref", "customers.customer_id", "partial: deleted customers"),
    fk("orders.store_id", "stores.id"),
    fk("orders.sales_rep", "employees.id"),
    fk("orders.campaign", "campaigns.campaign_id", "partial: deleted campaigns"),
    fk("orders.currency", "currencies.currency_code"),
    fk("payments.order_no", "orders.id", "partial: orders after the export"),
    fk("payments.customer", "customers.customer_id"),
    fk("payments.currency_code", "currencies.currency_code"),
    fk("shipments.order_id", "orders.id"),
    fk("shipments.warehouse", "stores.id"),
    fk("shipments.handled_by", "employees.id"),
    fk("returns.order_ref+line", "order_lines.order_id+line_no", "composite"),
    fk("returns.order_ref", "orders.id", "implied by the composite FK", implied=True),
    fk("returns.processed_by", "employees.id"),
    fk("inventory_snapshots.store_id", "stores.id"),
    fk("inventory_snapshots.sku", "products.sku"),
    fk("web_events.CustomerId", "customers.customer_id", "partial: deleted and newer accounts"),
    fk("web_events.product", "products.sku", "partial: deleted products"),
    fk("web_events.campaign_ref", "campaigns.campaign_id", "partial: deleted campaigns"),
    fk("web_events.country_code", "countries.country_code"),
    fk(
        "purchase_orders.item_sku+vendor_id",
        "product_suppliers.sku+supplier_id",
        "composite, partial: pairs the vendor does not supply",
    ),
    fk("purchase_orders.item_sku", "products.sku", "implied by the composite FK", implied=True),
    fk("purchase_orders.vendor_id", "suppliers.id", "implied by the composite FK", implied=True),
    fk("purchase_orders.store_id", "stores.id"),
    fk("purchase_orders.approved_by", "employees.id"),
]

# (table, column, what makes it not a key)
NEAR_KEYS = [
    ("customers", "email", "a few nulls"),
    ("customers", "legacy_id", "two duplicates"),
    ("products", "ean", "three duplicates"),
    ("employees", "badge_no", "two duplicates"),
    ("stores", "store_code", "two nulls"),
    ("suppliers", "vat_number", "one duplicate"),
    ("orders", "invoice_no", "five nulls"),
    ("payments", "transaction_ref", "four duplicates (retries)"),
    ("shipments", "tracking_code", "three nulls"),
]


# -- SQL helpers: every draw is u(row, salt), a uniform in [0, 1) ---------------------------


def _list(values: Sequence[Any]) -> str:
    return "[" + ", ".join(_value(v) for v in values) + "]"


def _value(v: Any) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    return repr(v)


def pick(n: int | str, salt: str, i: str = "i") -> str:
    """An integer in 1..n."""
    return f"(1 + floor(u({i}, '{salt}') * ({n})))::BIGINT"


def choice(values: Sequence[Any], salt: str, i: str = "i", skew: float = 1.0) -> str:
    """One of ``values``; ``skew`` > 1 makes the first ones more frequent."""
    draw = f"u({i}, '{salt}')" if skew == 1.0 else f"pow(u({i}, '{salt}'), {skew})"
    return f"{_list(values)}[1 + floor({draw} * {len(values)})::INTEGER]"


def chance(p: float, salt: str, i: str = "i") -> str:
    return f"u({i}, '{salt}') < {p}"


def nulls(expr: str, p: float, salt: str, i: str = "i") -> str:
    return f"CASE WHEN {chance(p, salt, i)} THEN NULL ELSE {expr} END"


def day(start: str, span_days: int, salt: str, i: str = "i", step: int = 1) -> str:
    """A date from ``start`` on, in steps of ``step`` days (coarse steps keep small tables
    from holding unique dates by chance)."""
    return f"DATE '{start}' + {step} * floor(u({i}, '{salt}') * {span_days // step})::INTEGER"


def moment(start: str, span_days: int, salt: str, i: str = "i") -> str:
    """A timestamp in whole seconds. Every 97th row repeats the time of the row before (two
    orders from one checkout), so no timestamp column is unique by chance in a small table."""
    seconds = span_days * 86_400
    twin = f"(CASE WHEN {i} % 97 = 0 THEN {i} - 1 ELSE {i} END)"
    return f"TIMESTAMP '{start}' + to_seconds(floor(u({twin}, '{salt}') * {seconds})::BIGINT)"


def loaded_at(salt: str, i: str = "i") -> str:
    """An ETL load time: one of four batches, as ``updated_at`` columns often are."""
    return choice(LOAD_TIMES, salt, i) + "::TIMESTAMP"


def created_at(start: str, span_days: int, salt: str, i: str = "i") -> str:
    """A creation time; a fifth of the rows share the time of a bulk migration."""
    return (
        f"CASE WHEN {chance(0.2, salt + '_bulk', i)} THEN TIMESTAMP '2019-01-01 00:00:00'"
        f" ELSE {moment(start, span_days, salt, i)} END"
    )


def sku(j: str) -> str:
    """The product code of product number ``j``: 7 digits, leading zeros."""
    return f"printf('%07d', 7 * ({j}) + 100)"


def uuid(j: str, salt: str) -> str:
    return f"uid({j}, '{salt}')"


def _in(values: Sequence[int]) -> str:
    return "(" + ", ".join(str(v) for v in values) + ")"


def twin_rows(n: int) -> str:
    """Rows ``r`` = 1..n whose draws use ``i``, where the last row draws as the first: in a
    table of a few dozen rows some column would otherwise be unique by chance."""
    return f"(SELECT r, CASE WHEN r = {n} THEN 1 ELSE r END AS i FROM range(1, {n + 1}) AS t(r)) AS rows"


def copy_first(n: int, dups: int, i: str = "i") -> str:
    """The row number whose value row ``i`` carries: the last ``dups`` rows repeat the first."""
    return f"CASE WHEN {i} > {n - dups} THEN {i} - {n - dups} ELSE {i} END"


# -- the tables, in the order they are written (later ones may read earlier files) ----------


def _customer_exists(sz: Sizes, j: str = "j") -> str:
    return f"(u({j}, 'customer_deleted') >= {CUSTOMER_DELETED} OR {j} IN {_in(_customer_kept(sz))})"


def _customer_kept(sz: Sizes) -> list[int]:
    """Customer ids never deleted: the rows that carry the planted near-key defects."""
    c = sz.customer_ids
    return [1, 2, c - 1, c, *_email_nulls(sz)]


def _email_nulls(sz: Sizes) -> list[int]:
    return [sz.customer_ids * k // 7 for k in (1, 2, 3, 4)]


def _product_exists(sz: Sizes, j: str = "j") -> str:
    p = sz.product_ids
    return f"(u({j}, 'product_deleted') >= {PRODUCT_DELETED} OR {j} IN {_in([1, 2, 3, p - 2, p - 1, p])})"


def lookups(sz: Sizes) -> list[Table]:
    """countries, currencies, categories, brands: small fixed tables."""
    n_cat = CATEGORY_ROOTS + CATEGORY_MIDS + CATEGORY_LEAVES
    mids_end = CATEGORY_ROOTS + CATEGORY_MIDS
    parent = (
        f"CASE WHEN i <= {CATEGORY_ROOTS} THEN NULL"
        f" WHEN i <= {mids_end} THEN 1 + (i - 1) % {CATEGORY_ROOTS}"
        f" ELSE {CATEGORY_ROOTS} + 1 + (i - 1) % {CATEGORY_MIDS} END"
    )
    return [
        Table("currencies", ("currency_code",), [
            ("currency_code", "VARCHAR", f"{_list(CURRENCIES)}[i]"),
            ("symbol", "VARCHAR", f"{_list([f[0] for f in _CURRENCY_FACTS])}[i]"),
            ("decimals", "INTEGER", f"{_list([f[1] for f in _CURRENCY_FACTS])}[i]"),
            ("rate_to_usd", "DOUBLE", f"{_list([f[2] for f in _CURRENCY_FACTS])}[i]"),
            ("is_active", "BOOLEAN", "i <> 12"),
            ("updated_on", "DATE", "DATE '2024-06-01'"),
        ], f"range(1, {len(CURRENCIES) + 1}) AS t(i)"),
        Table("countries", ("country_code",), [
            ("country_code", "VARCHAR", f"{_list(COUNTRIES)}[i]"),
            ("region", "VARCHAR", "['AMER', 'EMEA', 'APAC'][CASE WHEN i <= 8 THEN 1 WHEN i <= 31 THEN 2 ELSE 3 END]"),
            ("currency_code", "VARCHAR", f"{_list(COUNTRY_CURRENCY)}[i]"),
            ("is_eu", "BOOLEAN", f"{_list(COUNTRIES)}[i] IN {tuple(sorted(_EURO | {'DK', 'SE', 'PL', 'CZ', 'HU'}))}"),
            ("population_m", "INTEGER", pick(30, "country_pop")),
            ("vat_rate", "DOUBLE", choice([0.0, 5.0, 7.5, 10.0, 16.0, 19.0, 20.0, 21.0, 25.0], "country_vat")),
            ("language", "VARCHAR", choice(LANGUAGE, "country_lang", skew=1.5)),
            ("status", "VARCHAR", choice(STATUS, "country_status", skew=3)),
            ("updated_at", "TIMESTAMP", loaded_at("country_loaded")),
        ], f"range(1, {len(COUNTRIES) + 1}) AS t(i)"),
        Table("categories", ("id",), [
            ("id", "INTEGER", "i"),
            ("parent_category_id", "INTEGER", parent),
            ("name", "VARCHAR", choice(_CATEGORY_WORDS, "category_name")),
            ("level", "INTEGER", f"CASE WHEN i <= {CATEGORY_ROOTS} THEN 1 WHEN i <= {mids_end} THEN 2 ELSE 3 END"),
            ("sort_order", "INTEGER", pick(10, "category_sort")),
            ("is_active", "BOOLEAN", f"NOT ({chance(0.1, 'category_active')})"),
            ("created_at", "TIMESTAMP", loaded_at("category_created")),
        ], f"range(1, {n_cat + 1}) AS t(i)"),
        Table("brands", ("brand_code",), [
            ("brand_code", "VARCHAR", "'BR' || printf('%04d', i)"),
            ("country_code", "VARCHAR", choice(COUNTRIES, "brand_country", skew=2)),
            ("tier", "VARCHAR", choice(["premium", "standard", "value"], "brand_tier")),
            ("founded_year", "INTEGER", f"1949 + {pick(71, 'brand_founded')}"),
            ("is_active", "BOOLEAN", f"NOT ({chance(0.08, 'brand_active')})"),
            ("status", "VARCHAR", choice(STATUS, "brand_status", skew=3)),
        ], f"range(1, {BRANDS + 1}) AS t(i)"),
    ]  # fmt: skip


def organisation(sz: Sizes) -> list[Table]:
    """stores, employees, suppliers."""
    st, em, su = sz.stores, sz.employees, sz.suppliers
    return [
        Table("stores", ("id",), [
            ("id", "INTEGER", "r"),
            ("store_code", "VARCHAR", f"CASE WHEN r IN (7, {st - 3}) THEN NULL ELSE 'ST' || printf('%05d', r) END"),
            ("country_code", "VARCHAR", choice(COUNTRIES, "store_country", skew=2.5)),
            ("region", "VARCHAR", choice(["north", "south", "east", "west", "central"], "store_region")),
            ("opened_on", "DATE", f"(DATE '2000-01-01' + to_months({pick(300, 'store_opened')}::INTEGER - 1))::DATE"),
            ("manager_employee_id", "INTEGER", pick(em, "store_manager")),
            ("floor_area_m2", "DOUBLE", f"200.0 + 100 * {pick(40, 'store_area')}"),
            ("is_flagship", "BOOLEAN", chance(0.1, "store_flagship")),
            ("status", "VARCHAR", choice(STATUS, "store_status", skew=3)),
            ("updated_at", "TIMESTAMP", loaded_at("store_loaded")),
        ], twin_rows(st), order="r"),
        Table("employees", ("id",), [
            ("id", "INTEGER", "r"),
            ("manager", "INTEGER", f"CASE WHEN i <= 5 THEN NULL ELSE {pick('greatest(5, i // 5)', 'employee_manager')} END"),
            ("store", "INTEGER", nulls(pick(st, "employee_store"), 0.05, "employee_hq")),
            ("badge_no", "VARCHAR", f"'B' || printf('%07d', (({copy_first(em, 2, 'r')}) * 7919) % 1000003)"),
            ("job_title", "VARCHAR", choice(["clerk", "cashier", "supervisor", "manager", "analyst", "driver"], "employee_job", skew=1.5)),
            ("hired_on", "DATE", day("2005-01-01", 7000, "employee_hired")),
            ("salary", "DOUBLE", f"25000.0 + 500 * {pick(250, 'employee_salary')}"),
            ("is_active", "BOOLEAN", f"NOT ({chance(0.12, 'employee_active')})"),
            ("status", "VARCHAR", choice(STATUS, "employee_status", skew=3)),
        ], twin_rows(em), order="r"),
        Table("suppliers", ("id",), [
            ("id", "INTEGER", "r"),
            ("vat_number", "VARCHAR", f"'EU' || printf('%09d', (({copy_first(su, 1, 'r')}) * 104729) % 999999937)"),
            ("country_code", "VARCHAR", choice(COUNTRIES, "supplier_country", skew=2)),
            ("currency", "VARCHAR", choice(CURRENCIES, "supplier_currency", skew=2)),
            ("payment_terms_days", "INTEGER", choice([15, 30, 45, 60, 90], "supplier_terms")),
            ("rating", "DOUBLE", f"1.0 + {pick(40, 'supplier_rating')} / 10.0"),
            ("is_preferred", "BOOLEAN", chance(0.2, "supplier_preferred")),
            ("status", "VARCHAR", choice(STATUS, "supplier_status", skew=3)),
            ("created_on", "DATE", f"(DATE '2010-01-01' + to_months({pick(150, 'supplier_created')}::INTEGER))::DATE"),
        ], twin_rows(su), order="r"),
    ]  # fmt: skip


def catalogue(sz: Sizes, read: Callable[[str], str]) -> list[Table]:
    """products (with deleted skus), product_suppliers (the n:m bridge), campaigns."""
    p, su, ca = sz.product_ids, sz.suppliers, sz.campaigns
    adjectives, nouns = _ADJECTIVES.split(), _NOUNS.split()
    step = su // 4 + 1  # k-th supplier of a product: distinct for k = 0..3 while su >= 16
    bridge = (
        f"(SELECT j * 4 + k AS i, j, k FROM range(1, {p + 1}) AS t(j), range(1, 5) AS s(k)"
        f" WHERE {_product_exists(sz)} AND k <= {pick(4, 'bridge_count', 'j')}) AS b"
    )
    return [
        Table("products", ("sku",), [
            ("sku", "VARCHAR", sku("j")),
            ("product_name", "VARCHAR", f"{choice(adjectives, 'product_adj', 'j')} || ' ' || {choice(nouns, 'product_noun', 'j')}"),
            ("category_id", "INTEGER", f"{CATEGORY_ROOTS + CATEGORY_MIDS} + {pick(CATEGORY_LEAVES, 'product_category', 'j')}"),
            ("brand", "VARCHAR", f"'BR' || printf('%04d', {pick(BRANDS, 'product_brand', 'j')})"),
            ("ean", "VARCHAR", f"'40' || printf('%011d', (({copy_first(p, 3, 'j')}) * 7919) % 99999999977)"),
            ("list_price", "DOUBLE", "floor(exp(1 + 5 * u(j, 'product_price'))) + 0.99"),
            ("weight_kg", "DOUBLE", "round(0.1 + pow(u(j, 'product_weight'), 2) * 30, 1)"),
            ("launched_on", "DATE", day("2015-01-01", 2800, "product_launched", "j", step=7)),
            ("is_active", "BOOLEAN", f"NOT ({chance(0.1, 'product_active', 'j')})"),
            ("status", "VARCHAR", choice(STATUS, "product_status", "j", skew=3)),
            ("created_at", "TIMESTAMP", created_at("2015-01-01", 3000, "product_created", "j")),
        ], f"range(1, {p + 1}) AS t(j) WHERE {_product_exists(sz)}", order="j"),
        Table("product_suppliers", ("sku", "supplier_id"), [
            ("sku", "VARCHAR", sku("j")),
            ("supplier_id", "INTEGER", f"1 + ((j * 31 + (k - 1) * {step}) % {su})"),
            ("unit_cost", "DOUBLE", "round(1 + 300 * pow(u(i, 'bridge_cost'), 2), 2)"),
            ("lead_time_days", "INTEGER", pick(60, "bridge_lead")),
            ("is_primary", "BOOLEAN", "k = 1"),
            ("min_order_qty", "INTEGER", pick(50, "bridge_moq")),
            ("valid_from", "DATE", day("2018-01-01", 2000, "bridge_valid")),
            ("currency_code", "VARCHAR", choice(CURRENCIES, "bridge_currency", skew=2)),
        ], bridge, order="j, k"),
        Table("campaigns", ("campaign_id",), [
            ("campaign_id", "VARCHAR", uuid("r", "campaign")),
            ("name", "VARCHAR", f"{choice(['Spring Sale', 'Summer Sale', 'Back to School', 'Black Friday', 'Holiday', 'New Year'], 'campaign_name')} || ' ' || (2018 + {pick(6, 'campaign_year')})::VARCHAR"),
            ("channel", "VARCHAR", choice(CHANNEL, "campaign_channel")),
            ("starts_on", "DATE", day("2019-01-01", 2000, "campaign_start", step=7)),
            ("ends_on", "DATE", f"{day('2019-01-01', 2000, 'campaign_start', step=7)} + 7 * {pick(8, 'campaign_weeks')}::INTEGER"),
            ("budget", "DOUBLE", f"1000.0 * {pick(200, 'campaign_budget')}"),
            ("owner", "INTEGER", pick(sz.employees, "campaign_owner")),
            ("country_code", "VARCHAR", choice(COUNTRIES, "campaign_country", skew=2)),
            ("status", "VARCHAR", choice(STATUS, "campaign_status", skew=3)),
        ], twin_rows(ca), order="r"),
    ]  # fmt: skip


def people(sz: Sizes) -> list[Table]:
    """customers (with deleted ids) and customer_profiles (the 1:1 split)."""
    c = sz.customer_ids
    first = [
        "anna", "ben", "carla", "dmitri", "elif", "femi", "grace", "hiro", "ines", "jonas",
        "kavya", "liam",
    ]  # fmt: skip
    last = [
        "adams", "baker", "chen", "diaz", "evans", "fischer", "garcia", "hughes", "ito",
        "jensen", "kowalski", "lopez",
    ]  # fmt: skip
    return [
        Table("customers", ("customer_id",), [
            ("customer_id", "INTEGER", "j"),
            ("legacy_id", "BIGINT", f"9000000 + ({copy_first(c, 2, 'j')})"),
            ("email", "VARCHAR",
             f"CASE WHEN j IN {_in(_email_nulls(sz))} THEN NULL ELSE {choice(first, 'customer_first', 'j')}"
             f" || '.' || {choice(last, 'customer_last', 'j')} || j::VARCHAR || '@' ||"
             f" {choice(['gmail.com', 'yahoo.com', 'outlook.com', 'mail.de'], 'customer_domain', 'j')} END"),
            ("country_code", "VARCHAR", choice(COUNTRIES, "customer_country", "j", skew=3)),
            ("language", "VARCHAR", choice(LANGUAGE, "customer_lang", "j", skew=2)),
            ("signup_date", "DATE", day("2018-01-01", 2300, "customer_signup", "j")),
            ("birth_year", "INTEGER", f"1939 + {pick(66, 'customer_birth', 'j')}"),
            ("segment", "VARCHAR", choice(["consumer", "business", "vip"], "customer_segment", "j", skew=2)),
            ("is_active", "BOOLEAN", f"NOT ({chance(0.15, 'customer_active', 'j')})"),
            ("status", "VARCHAR", choice(STATUS, "customer_status", "j", skew=3)),
            ("loyalty_points", "INTEGER", "floor(pow(u(j, 'customer_points'), 3) * 5000)"),
            ("referred_by", "INTEGER",
             f"CASE WHEN j > 10 AND {chance(0.25, 'customer_referred', 'j')} THEN {pick('j - 1', 'customer_referrer', 'j')} END"),
            ("preferred_store", "INTEGER", nulls(pick(round(sz.stores * 1.1), "customer_store", "j"), 0.4, "customer_nostore", "j")),
            ("created_at", "TIMESTAMP", created_at("2018-01-01", 2300, "customer_created", "j")),
        ], f"range(1, {c + 1}) AS t(j) WHERE {_customer_exists(sz)}", order="j"),
        Table("customer_profiles", ("CustomerId",), [
            ("CustomerId", "INTEGER", "j"),
            ("gender", "VARCHAR", choice(["F", "M", "X", None], "profile_gender", "j")),
            ("language", "VARCHAR", choice(LANGUAGE, "profile_lang", "j", skew=2)),
            ("marketing_opt_in", "BOOLEAN", chance(0.4, "profile_optin", "j")),
            ("newsletter", "VARCHAR", choice(["weekly", "monthly", "never"], "profile_news", "j")),
            ("favourite_category", "INTEGER",
             nulls(f"{CATEGORY_ROOTS + CATEGORY_MIDS} + {pick(CATEGORY_LEAVES, 'profile_cat', 'j')}", 0.3, "profile_nocat", "j")),
            ("avg_basket", "DOUBLE", nulls("round(exp(2 + 2 * u(j, 'profile_basket')), 2)", 0.1, "profile_nobasket", "j")),
            ("last_login_at", "TIMESTAMP", nulls(moment("2023-01-01", 540, "profile_login", "j"), 0.15, "profile_nologin", "j")),
            ("updated_at", "TIMESTAMP", loaded_at("profile_loaded", "j")),
        ], f"range(1, {c + 1}) AS t(j) WHERE {_customer_exists(sz)} AND {chance(PROFILE_SHARE, 'profile', 'j')}",
            order="j"),
    ]  # fmt: skip


def order_lines(sz: Sizes) -> Table:
    """Lines first: each line starts a new order by chance, so orders have 1..n lines."""
    numbered = (
        "(SELECT i, order_id, row_number() OVER (PARTITION BY order_id ORDER BY i) AS line_no FROM ("
        f"SELECT i, sum(CASE WHEN i = 1 OR {chance(NEW_LINE_ORDER, 'line_new_order')} THEN 1 ELSE 0 END)"
        f" OVER (ORDER BY i) AS order_id FROM range(1, {sz.rows + 1}) AS t(i))) AS l"
    )
    quantity = "1 + floor(pow(u(i, 'line_qty'), 3) * 50)"
    price = "floor(exp(1 + 5 * u(i, 'line_price'))) + 0.99"
    discount = choice([0, 0, 0, 5, 10, 15, 20, 25], "line_discount")
    return Table("order_lines", ("order_id", "line_no"), [
        ("order_id", "BIGINT", "order_id"),
        ("line_no", "INTEGER", "line_no"),
        ("prod", "VARCHAR", sku(pick(sz.product_ids, "line_product"))),
        ("quantity", "INTEGER", quantity),
        ("unit_price", "DOUBLE", price),
        ("discount_pct", "DOUBLE", discount),
        ("line_total", "DOUBLE", f"round({quantity} * ({price}) * (1 - {discount} / 100.0), 2)"),
        ("status", "VARCHAR", choice(ORDER_STATUS, "line_status", skew=2)),
        ("promo_code", "VARCHAR", nulls(choice(["SAVE10", "WELCOME", "FREESHIP", "VIP20"], "line_promo"), 0.9, "line_nopromo")),
    ], numbered)  # fmt: skip


def sales(sz: Sizes, counts: dict[str, int], read: Callable[[str], str]) -> list[Table]:
    """orders, payments, shipments: they need the number of orders the lines made."""
    o = counts["orders"]
    agg = (
        f"range(1, {o + 1}) AS t(i) JOIN (SELECT order_id, count(*) AS lines,"
        f" sum(line_total) AS total FROM {read('order_lines')} GROUP BY order_id) AS agg"
        " ON agg.order_id = i"
    )
    customers = f"(SELECT customer_id, row_number() OVER (ORDER BY customer_id) AS r FROM {read('customers')})"
    payments = (
        f"range(1, {sz.payments + 1}) AS t(i) JOIN {customers} AS c"
        f" ON c.r = {pick(counts['customers'], 'payment_customer')}"
    )
    channel = choice(CHANNEL, "order_channel", skew=1.6)
    in_store = f"{channel} IN ('store', 'phone')"
    ordered_at = moment("2021-01-01", 1300, "order_time")
    invoice_nulls = [o * k // 6 for k in range(1, 6)]
    return [
        Table("orders", ("id",), [
            ("id", "BIGINT", "i"),
            ("cust_ref", "BIGINT", pick(sz.customer_ids, "order_customer")),
            ("ordered_at", "TIMESTAMP", ordered_at),
            ("order_date", "DATE", f"CAST({ordered_at} AS DATE)"),
            ("channel", "VARCHAR", channel),
            ("store_id", "INTEGER", f"CASE WHEN {in_store} THEN {pick(sz.stores, 'order_store')} END"),
            ("sales_rep", "INTEGER", f"CASE WHEN {in_store} THEN {pick(sz.employees, 'order_rep')} END"),
            ("campaign", "VARCHAR", f"CASE WHEN {chance(0.2, 'order_has_campaign')} THEN {uuid(pick(round(sz.campaigns * 1.11), 'order_campaign'), 'campaign')} END"),
            ("currency", "VARCHAR", choice(CURRENCIES, "order_currency", skew=3)),
            ("status", "VARCHAR", choice(ORDER_STATUS, "order_status", skew=2)),
            ("total_amount", "DOUBLE", "round(total, 2)"),
            ("item_count", "INTEGER", "lines"),
            ("invoice_no", "VARCHAR", f"CASE WHEN i IN {_in(invoice_nulls)} THEN NULL ELSE 'INV' || printf('%08d', i) END"),
            ("is_gift", "BOOLEAN", chance(0.05, "order_gift")),
        ], agg),
        Table("payments", ("id",), [
            ("id", "BIGINT", "i"),
            ("order_no", "BIGINT", pick(round(o * 1.05), "payment_order")),
            ("customer", "INTEGER", "c.customer_id"),
            ("paid_at", "TIMESTAMP", moment("2021-01-01", 1300, "payment_time")),
            ("amount", "DOUBLE", "round(exp(2 + 4 * u(i, 'payment_amount')), 2)"),
            ("currency_code", "VARCHAR", choice(CURRENCIES, "payment_currency", skew=3)),
            ("method", "VARCHAR", choice(["card", "paypal", "transfer", "cash", "voucher"], "payment_method", skew=1.8)),
            ("transaction_ref", "VARCHAR", uuid(copy_first(sz.payments, 4), "payment_txn")),
            ("state", "VARCHAR", choice(["authorized", "captured", "refunded", "failed"], "payment_state", skew=2)),
            ("is_refund", "BOOLEAN", chance(0.04, "payment_refund")),
        ], payments),
        Table("shipments", ("shipment_no",), [
            ("shipment_no", "VARCHAR", "'SH' || printf('%08d', i)"),
            ("order_id", "BIGINT", pick(o, "shipment_order")),
            ("carrier", "VARCHAR", choice(["UPS", "DHL", "FedEx", "USPS", "GLS", "DPD"], "shipment_carrier")),
            ("shipped_at", "TIMESTAMP", moment("2021-01-02", 1300, "shipment_time")),
            ("delivered_on", "DATE", nulls(day("2021-01-05", 1300, "shipment_delivered"), 0.1, "shipment_undelivered")),
            ("weight_kg", "DOUBLE", "round(0.2 + pow(u(i, 'shipment_weight'), 2) * 40, 2)"),
            ("packages", "INTEGER", "1 + floor(pow(u(i, 'shipment_packages'), 3) * 5)"),
            ("warehouse", "INTEGER", pick(sz.stores, "shipment_store")),
            ("handled_by", "INTEGER", pick(sz.employees, "shipment_employee")),
            ("tracking_code", "VARCHAR",
             f"CASE WHEN i IN {_in([11, sz.shipments // 2, sz.shipments - 5])} THEN NULL"
             " ELSE '1Z' || upper(substr(md5('track:' || i::VARCHAR), 1, 16)) END"),
            ("status", "VARCHAR", choice(ORDER_STATUS, "shipment_status", skew=2)),
        ], f"range(1, {sz.shipments + 1}) AS t(i)"),
    ]  # fmt: skip


def operations(sz: Sizes, counts: dict[str, int], read: Callable[[str], str]) -> list[Table]:
    """returns, inventory_snapshots, web_events, purchase_orders."""
    n, st, su = sz.rows, sz.stores, sz.suppliers
    lines = (
        "(SELECT order_id, line_no, unit_price, row_number() OVER (ORDER BY order_id, line_no) AS r"
        f" FROM {read('order_lines')})"
    )
    products = (
        f"(SELECT sku, list_price, row_number() OVER (ORDER BY sku) AS r FROM {read('products')})"
    )
    pairs = (
        "(SELECT sku, supplier_id, unit_cost, row_number() OVER (ORDER BY sku, supplier_id) AS r"
        f" FROM {read('product_suppliers')})"
    )
    k = SNAPSHOT_PRODUCTS_PER_STORE
    grid = (
        f"(SELECT i, (i - 1) % {k} AS k, 1 + ((i - 1) // {k}) % {st} AS s, (i - 1) // {k * st} AS d"
        f" FROM range(1, {n + 1}) AS t(i)) AS g JOIN {products} AS p"
        f" ON p.r = 1 + ((g.s - 1) * {k} + g.k) % {counts['products']}"
    )
    returned_qty = "1 + floor(pow(u(i, 'return_qty'), 2) * 5)"
    has_product = chance(0.4, "event_has_product")
    random_vendor = chance(0.07, "po_random_vendor")
    return [
        Table("returns", ("id",), [
            ("id", "INTEGER", "i"),
            ("order_ref", "BIGINT", "l.order_id"),
            ("line", "INTEGER", "l.line_no"),
            ("returned_on", "DATE", day("2021-02-01", 1300, "return_day")),
            ("reason", "VARCHAR", choice(["damaged", "wrong item", "too small", "too large", "not needed", "late"], "return_reason")),
            ("refund_amount", "DOUBLE", f"round(l.unit_price * {returned_qty}, 2)"),
            ("quantity", "INTEGER", returned_qty),
            ("processed_by", "INTEGER", pick(sz.employees, "return_employee")),
            ("status", "VARCHAR", choice(ORDER_STATUS, "return_status", skew=2)),
            ("restocked", "BOOLEAN", chance(0.6, "return_restocked")),
        ], f"range(1, {sz.returns + 1}) AS t(i) JOIN {lines} AS l ON l.r = {pick(n, 'return_line')}"),
        Table("inventory_snapshots", ("store_id", "sku", "day"), [
            ("store_id", "INTEGER", "g.s"),
            ("sku", "VARCHAR", "p.sku"),
            ("day", "DATE", "DATE '2024-03-01' + g.d::INTEGER"),
            ("on_hand", "INTEGER", "floor(pow(u(i, 'snap_on_hand'), 2) * 500)"),
            ("on_order", "INTEGER", "10 * floor(u(i, 'snap_on_order') * 20)"),
            ("reorder_point", "INTEGER", pick(50, "snap_reorder")),
            ("unit_cost", "DOUBLE", "round(p.list_price * 0.6, 2)"),
            # One count per store and day, and not every day: (store_id, sku, counted_at) would
            # otherwise be a second key, since the count's time carries the day.
            ("counted_at", "TIMESTAMP",
             f"CASE WHEN {chance(0.7, 'snap_counted', 'g.s * 1000 + g.d')} THEN (DATE '2024-03-01' + g.d::INTEGER)"
             f" + to_minutes((360 + {pick(600, 'snap_time', 'g.s * 1000 + g.d')})::BIGINT) END"),
            ("is_stockout", "BOOLEAN", "floor(pow(u(i, 'snap_on_hand'), 2) * 500) = 0"),
        ], grid),
        Table("web_events", ("event_id",), [
            ("event_id", "VARCHAR", uuid("i", "event")),
            ("session_id", "VARCHAR", uuid("(i - 1) // 5", "session")),
            ("CustomerId", "INTEGER", nulls(pick(round(sz.customer_ids * 1.08), "event_customer"), 0.3, "event_anonymous")),
            ("event_time", "TIMESTAMP", moment("2023-01-01", 540, "event_time")),
            ("event_type", "VARCHAR", choice(["page_view", "search", "add_to_cart", "checkout", "login"], "event_type", skew=2)),
            ("page", "VARCHAR",
             f"CASE WHEN {has_product} THEN '/products/' || {sku(pick(sz.product_ids, 'event_product'))}"
             f" ELSE {choice(['/', '/cart', '/checkout', '/account', '/search'], 'event_page')} END"),
            ("product", "VARCHAR", f"CASE WHEN {has_product} THEN {sku(pick(sz.product_ids, 'event_product'))} END"),
            ("campaign_ref", "VARCHAR", f"CASE WHEN {chance(0.15, 'event_has_campaign')} THEN {uuid(pick(round(sz.campaigns * 1.25), 'event_campaign'), 'campaign')} END"),
            ("country_code", "VARCHAR", choice(COUNTRIES, "event_country", skew=3)),
            ("language", "VARCHAR", choice(LANGUAGE, "event_lang", skew=2)),
            ("duration_ms", "INTEGER", "floor(exp(4 + 6 * u(i, 'event_duration')))"),
            ("is_bot", "BOOLEAN", chance(0.03, "event_bot")),
        ], f"range(1, {n + 1}) AS t(i)"),
        Table("purchase_orders", ("po_number",), [
            ("po_number", "VARCHAR", "'PO-' || printf('%07d', i)"),
            ("item_sku", "VARCHAR", "b.sku"),
            ("vendor_id", "INTEGER", f"CASE WHEN {random_vendor} THEN {pick(su, 'po_vendor')} ELSE b.supplier_id END"),
            ("store_id", "INTEGER", pick(st, "po_store")),
            ("ordered_on", "DATE", day("2022-01-01", 900, "po_day")),
            ("expected_on", "DATE", f"{day('2022-01-01', 900, 'po_day')} + {pick(30, 'po_lead')}::INTEGER"),
            ("quantity", "INTEGER", f"10 * {pick(50, 'po_qty')}"),
            ("unit_cost", "DOUBLE", "b.unit_cost"),
            ("status", "VARCHAR", choice(ORDER_STATUS, "po_status", skew=2)),
            ("approved_by", "INTEGER", nulls(pick(sz.employees, "po_approver"), 0.1, "po_unapproved")),
        ], f"range(1, {sz.purchase_orders + 1}) AS t(i) JOIN {pairs} AS b ON b.r = {pick(counts['product_suppliers'], 'po_pair')}"),
    ]  # fmt: skip


# -- writing and measuring ---------------------------------------------------------------


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _macros(seed: int) -> list[str]:
    # As in bench/generate.py: hash() of one integer goes through the full 64-bit mix, so each
    # salt (with the seed) picks a 32-bit lane of that integer.
    return [
        "CREATE OR REPLACE TEMP MACRO h(i, salt) AS hash(i * 4294967296"
        f" + (hash(salt || ':{int(seed)}') % 4294967296)::BIGINT)",
        "CREATE OR REPLACE TEMP MACRO u(i, salt) AS"
        " (h(i, salt) >> 11)::DOUBLE / 9007199254740992.0",
        # A version-4-shaped UUID string that depends only on (k, salt, seed).
        "CREATE OR REPLACE TEMP MACRO uid(k, salt) AS regexp_replace("
        f"md5(salt || ':{int(seed)}:' || CAST(k AS VARCHAR)),"
        r" '^(.{8})(.{4}).(.{3}).(.{3})(.{12})$', '\1-\2-4\3-a\4-\5')",
    ]


def write_tables(con: duckdb.DuckDBPyConnection, rows: int, out: Path) -> list[Table]:
    """Write the 20 Parquet files in dependency order and return the table definitions."""
    sz = Sizes.of(rows)

    def read(name: str) -> str:
        return f"read_parquet({_literal(out / f'{name}.parquet')})"

    written: list[Table] = []

    def write(table: Table) -> None:
        path = out / f"{table.name}.parquet"
        part = path.with_suffix(".parquet.part")
        con.execute(
            f"COPY ({table.select()}) TO {_literal(part)}"
            " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)"
        )
        os.replace(part, path)
        written.append(table)

    for table in [*lookups(sz), *organisation(sz), *catalogue(sz, read), *people(sz)]:
        write(table)
    write(order_lines(sz))

    def count(sql: str) -> int:
        row = con.execute(sql).fetchone()
        assert row is not None
        return int(row[0])

    # Scalars the later tables draw from: how many orders the lines made, and how many rows
    # survived the deletions (to pick existing rows by rank).
    counts = {
        "orders": count(f"SELECT max(order_id) FROM {read('order_lines')}"),
        **{
            name: count(f"SELECT count(*) FROM {read(name)}")
            for name in ("customers", "products", "product_suppliers")
        },
    }
    for table in [*sales(sz, counts, read), *operations(sz, counts, read)]:
        write(table)
    return written


def measure_truth(con: duckdb.DuckDBPyConnection, tables: list[Table], out: Path) -> dict[str, Any]:
    """Check the planted keys and measure integrity, near-keys and false friends from the files."""
    for t in tables:
        con.execute(
            f"CREATE OR REPLACE VIEW {_q(t.name)} AS SELECT * FROM read_parquet({_literal(out / f'{t.name}.parquet')})"
        )
    types = {
        t.name: {r[0]: r[1] for r in con.execute(f"DESCRIBE {_q(t.name)}").fetchall()}
        for t in tables
    }
    stats = {t.name: _column_stats(con, t.name, list(types[t.name])) for t in tables}
    truth: dict[str, Any] = {"tables": {}, "foreign_keys": [], "near_keys": [], "false_friends": []}
    problems: list[str] = []
    for t in tables:
        cols = " AND ".join(f"{_q(c)} IS NOT NULL" for c in t.key)
        keys = ", ".join(_q(c) for c in t.key)
        rows, dups, null_keys = con.execute(
            f"SELECT (SELECT count(*) FROM {_q(t.name)}),"
            f" (SELECT count(*) FROM (SELECT {keys} FROM {_q(t.name)} GROUP BY ALL HAVING count(*) > 1)),"
            f" (SELECT count(*) FROM {_q(t.name)} WHERE NOT ({cols}))"
        ).fetchone() or (0, 0, 0)
        if dups or null_keys:
            problems.append(
                f"{t.name} key {list(t.key)}: {dups} duplicated, {null_keys} with nulls"
            )
        accidental = [
            c for c, s in stats[t.name].items()
            if (c,) != t.key and s["nulls"] == 0 and s["distinct"] == rows
        ]  # fmt: skip
        if accidental:
            problems.append(f"{t.name}: columns unique by accident: {accidental}")
        truth["tables"][t.name] = {
            "rows": rows,
            "key": list(t.key),
            "columns": dict(types[t.name]),
            "accidental_keys": accidental,
        }
    true_pairs: set[tuple[str, str, str, str]] = set()
    for f in FOREIGN_KEYS:
        integrity = _integrity(
            con, f.child_table, f.child_columns, f.parent_table, f.parent_columns
        )
        if len(f.child_columns) == 1:
            true_pairs.add((f.child_table, f.child_columns[0], f.parent_table, f.parent_columns[0]))
        truth["foreign_keys"].append({
            "child_table": f.child_table,
            "child_columns": list(f.child_columns),
            "parent_table": f.parent_table,
            "parent_columns": list(f.parent_columns),
            "integrity": round(integrity, 4),
            "implied": f.implied,
            "note": f.note,
        })  # fmt: skip
    for table, column, why in NEAR_KEYS:
        s = stats[table][column]
        truth["near_keys"].append({
            "table": table, "column": column, "why": why, "nulls": s["nulls"],
            "duplicates": s["rows"] - s["nulls"] - s["distinct"],
        })  # fmt: skip
    truth["false_friends"] = _false_friends(con, tables, types, stats, true_pairs)
    if problems:
        raise SystemExit("the planted facts do not hold:\n  " + "\n  ".join(problems))
    return truth


def _column_stats(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[str]
) -> dict[str, dict[str, Any]]:
    parts = ["count(*)"]
    for c in columns:
        parts += [
            f"count({_q(c)})",
            f"count(DISTINCT {_q(c)})",
            f"min({_q(c)})::VARCHAR",
            f"max({_q(c)})::VARCHAR",
        ]
    row = con.execute(f"SELECT {', '.join(parts)} FROM {_q(table)}").fetchone()
    assert row is not None
    rows = row[0]
    return {
        c: {"rows": rows, "nulls": rows - row[1 + 4 * k], "distinct": row[2 + 4 * k],
            "min": row[3 + 4 * k], "max": row[4 + 4 * k]}
        for k, c in enumerate(columns)
    }  # fmt: skip


def _integrity(
    con: duckdb.DuckDBPyConnection,
    child: str,
    child_cols: Sequence[str],
    parent: str,
    parent_cols: Sequence[str],
) -> float:
    """Share of the child's distinct (non-null) values found in the parent."""
    cc = ", ".join(f"{_q(c)} AS c{k}" for k, c in enumerate(child_cols))
    pc = ", ".join(f"{_q(c)} AS p{k}" for k, c in enumerate(parent_cols))
    not_null = " AND ".join(f"{_q(c)} IS NOT NULL" for c in child_cols)
    on = " AND ".join(f"c.c{k} = p.p{k}" for k in range(len(child_cols)))
    row = con.execute(
        f"SELECT count(*), count(p.p0) FROM (SELECT DISTINCT {cc} FROM {_q(child)} WHERE {not_null}) AS c"
        f" LEFT JOIN (SELECT DISTINCT {pc} FROM {_q(parent)}) AS p ON {on}"
    ).fetchone()
    assert row is not None
    return row[1] / row[0] if row[0] else 1.0


def _family(sql_type: str) -> str | None:
    if sql_type in ("INTEGER", "BIGINT"):
        return "integer"
    return "string" if sql_type == "VARCHAR" else None


def _false_friends(
    con: duckdb.DuckDBPyConnection,
    tables: list[Table],
    types: dict[str, dict[str, str]],
    stats: dict[str, dict[str, dict[str, Any]]],
    true_pairs: set[tuple[str, str, str, str]],
) -> list[dict[str, Any]]:
    """Columns whose values lie (mostly) inside another table's single-column key, but are no FK;
    plus the shared code lists and the date columns."""
    fk_columns = {(c, cc) for c, cc, _, _ in true_pairs}
    single_keys = [(t.name, t.key[0]) for t in tables if len(t.key) == 1]
    found: list[dict[str, Any]] = []
    for pt, pc in single_keys:
        family = _family(types[pt][pc])
        if family is None:
            continue
        pmin, pmax = stats[pt][pc]["min"], stats[pt][pc]["max"]
        candidates = [
            (t.name, c)
            for t in tables
            for c, typ in types[t.name].items()
            if t.name != pt
            and _family(typ) == family
            and (t.name, c, pt, pc) not in true_pairs
            and stats[t.name][c]["distinct"] > 1
            and _overlaps(stats[t.name][c]["min"], stats[t.name][c]["max"], pmin, pmax, family)
        ]
        if not candidates:
            continue
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE parent_values AS SELECT DISTINCT {_q(pc)} AS v FROM {_q(pt)}"
        )
        union = " UNION ALL ".join(
            f"SELECT {k} AS k, count(*) AS n, count(p.v) AS found FROM (SELECT DISTINCT {_q(c)} AS v"
            f" FROM {_q(ct)} WHERE {_q(c)} IS NOT NULL) AS c LEFT JOIN parent_values AS p USING (v)"
            for k, (ct, c) in enumerate(candidates)
        )
        for k, n, hits in con.execute(union).fetchall():
            if n and hits / n >= FALSE_FRIEND_INCLUSION:
                ct, c = candidates[k]
                table_key = next(t.key for t in tables if t.name == ct)
                kind = (
                    "dense_id_range" if (c,) == table_key
                    else "fk_column_in_wrong_parent" if (ct, c) in fk_columns
                    else "small_measure_in_id_range" if family == "integer"
                    else "code_list_in_key"
                )  # fmt: skip
                found.append({
                    "kind": kind, "child_table": ct, "child_columns": [c], "parent_table": pt,
                    "parent_columns": [pc], "inclusion": round(hits / n, 4),
                })  # fmt: skip
    found.sort(key=lambda f: (f["kind"], f["child_table"], f["child_columns"], f["parent_table"]))
    for name, values in (
        ("status", STATUS),
        ("status", ORDER_STATUS),
        ("channel", CHANNEL),
        ("language", LANGUAGE),
    ):
        columns = [
            f"{t.name}.{name}" for t in tables
            if name in types[t.name] and stats[t.name][name]["max"] in values
            and stats[t.name][name]["distinct"] <= len(values)
        ]  # fmt: skip
        found.append({"kind": "shared_code_list", "columns": columns, "values": list(values)})
    dates = [
        f"{t.name}.{c}"
        for t in tables
        for c, typ in types[t.name].items()
        if typ in ("DATE", "TIMESTAMP")
    ]
    found.append({"kind": "dates", "columns": dates})
    return found


def _overlaps(
    cmin: str | None, cmax: str | None, pmin: str | None, pmax: str | None, family: str
) -> bool:
    if cmin is None or cmax is None or pmin is None or pmax is None:
        return False
    if family == "integer":
        return int(cmax) >= int(pmin) and int(cmin) <= int(pmax)
    return cmax >= pmin and cmin <= pmax


def generate(rows: int, out: Path, *, seed: int = 42, threads: int | None = None) -> dict[str, Any]:
    """Write the schema's Parquet files and truth.json into ``out``; return the truth."""
    out.mkdir(parents=True, exist_ok=True)
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": "1GB",
        "preserve_insertion_order": True,
        "temp_directory": str(out / ".tmp"),
    }
    if threads:
        config["threads"] = threads
    con = duckdb.connect(":memory:", config=config)
    try:
        con.execute("SET enable_progress_bar = false")
        for macro in _macros(seed):
            con.execute(macro)
        tables = write_tables(con, rows, out)
        truth = {"rows": rows, "seed": seed, **measure_truth(con, tables, out)}
    finally:
        con.close()
        with contextlib.suppress(OSError):
            (out / ".tmp").rmdir()
    part = out / "truth.json.part"
    part.write_text(json.dumps(truth, indent=2) + "\n")
    os.replace(part, out / "truth.json")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the key/foreign-key discovery schema.")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the fact tables")
    parser.add_argument(
        "--out", type=Path, default=Path("bench/data/schema_100k"), help="output directory"
    )
    parser.add_argument("--seed", type=int, default=42, help="changes every drawn value")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads")
    args = parser.parse_args(argv)
    if not 10_000 <= args.rows < 2**31:
        parser.error("--rows must be between 10,000 and 2**31 - 1")
    started = time.perf_counter()
    truth = generate(args.rows, args.out, seed=args.seed, threads=args.threads)
    files = sorted(args.out.glob("*.parquet"))
    summary = {
        "rows": args.rows,
        "tables": len(truth["tables"]),
        "columns": sum(len(t["columns"]) for t in truth["tables"].values()),
        "total_rows": sum(t["rows"] for t in truth["tables"].values()),
        "foreign_keys": len(truth["foreign_keys"]),
        "near_keys": len(truth["near_keys"]),
        "files": {str(p): p.stat().st_size for p in files},
        "total_bytes": sum(p.stat().st_size for p in files),
        "seconds": round(time.perf_counter() - started, 2),
        # Linux reports kilobytes.
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
