"""The bundled sample dataset: a small web shop whose files look like real exports.

``datadossier demo`` profiles it, and the tests of later stages look for the facts planted here:
keys, foreign keys under names that do not match, orphans, junk values, and the formats that
type inference has to recognise. Everything comes from one seeded ``random.Random``, so the same
seed writes the same bytes. Tables are drawn one after another from that generator in a fixed
order; changing how one table is drawn changes the tables drawn after it.

The planted facts (for seed 7 and any other seed):

- ``customers.customer_id`` 1..500 is the key; ``email`` is unique where present.
- ``orders.order_id`` 100001..102000 is the key and rises with ``ordered_at``;
  ``orders.cust_id`` -> ``customers.customer_id`` with ``ORPHAN_ORDERS`` orders pointing at
  deleted customers (ids above 500).
- ``order_items`` has the composite key (``order_id``, ``line_no``); ``order_id`` ->
  ``orders.order_id`` with no orphans; ``product_code`` -> ``products.product_code`` except
  ``STRIPPED_PRODUCT_CODES`` rows whose leading zeros were lost ("123" for "000123").
- ``events.customer`` -> ``customers.customer_id``, empty for anonymous visitors.
- ``orders.weight_kg`` holds the junk values in ``JUNK_WEIGHTS``, one each.
"""

from __future__ import annotations

import csv
import random
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

CUSTOMER_COUNT = 500
ORDER_COUNT = 2000
PRODUCT_COUNT = 120
EVENT_COUNT = 1500
FIRST_ORDER_ID = 100001
ORPHAN_ORDERS = 30
STRIPPED_PRODUCT_CODES = 8
NEGATIVE_DURATIONS = 3
JUNK_WEIGHTS = ("??", "#VALUE!", "1O", "4.2.1")

FILE_NAMES = ("customers.csv", "orders.csv", "order_items.csv", "products.parquet", "events.csv")

# fmt: off
COLUMNS: dict[str, tuple[str, ...]] = {
    "customers.csv": ("customer_id", "full_name", "email", "phone", "signup_date", "country",
                      "zip_code", "is_active", "lifetime_value"),
    "orders.csv": ("order_id", "cust_id", "order_date", "ordered_at", "status", "amount_usd",
                   "weight_kg", "ship_distance", "discount"),
    "order_items.csv": ("order_id", "line_no", "product_code", "product_name", "quantity",
                        "unit_price"),
    "products.parquet": ("product_code", "product_name", "category", "list_price", "launched_on"),
    "events.csv": ("event_id", "customer", "event_time", "page_url", "ip_address", "duration_ms"),
}

_FIRST = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Susan", "Richard", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
    "Matthew", "Nancy", "Anthony", "Lisa", "Mark", "Emily", "José", "Zoë", "Renée", "Søren",
    "François", "Björn", "Chloé", "Núria", "Łukasz", "Inés", "Jürgen", "Amélie",
)
_LAST = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
    "Clark", "Lewis", "Walker", "Young", "Allen", "King", "García", "Müller", "Ødegaard", "Núñez",
    "Dubois", "Schäfer", "Rossi", "Martínez", "Lefèvre", "O'Brien",
)
# Accented words end up in product names, and so in the Latin-1 order_items.csv.
_ADJECTIVES = (
    "Classic", "Deluxe", "Compact", "Nordic", "Rustic", "Urban", "Café", "Crème", "Señor",
    "Über", "Jalapeño", "Piñata", "Fjäll", "Crêpe", "Smørrebrød",
)
# The noun decides the category, so category is a function of product_name.
_NOUNS = {
    "Mug": "kitchen", "Kettle": "kitchen", "Skillet": "kitchen", "Lamp": "home",
    "Cushion": "home", "Blanket": "home", "Headphones": "electronics", "Speaker": "electronics",
    "Tablet": "electronics", "Backpack": "outdoor", "Tent": "outdoor", "Sneakers": "apparel",
    "Jacket": "apparel", "Notebook": "office", "Puzzle": "toys",
}
# fmt: on
_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "icloud.com", "proton.me", "example.org")
# Country as entered on a form: mostly ISO codes, with the variants people type.
_COUNTRIES = ("US", "DE", "FR", "ES", "IT", "MX", "USA", "N/A", "")
_COUNTRY_WEIGHTS = (53, 12, 10, 8, 7, 5, 2, 1, 2)
_AREA_CODES = (415, 212, 312, 617, 206, 512, 303, 978)
_ORDER_STATUS = ("delivered", "shipped", "paid", "pending", "cancelled", "returned")
_STATUS_WEIGHTS = (55, 15, 10, 8, 7, 5)
_DISCOUNTS = ("0%", "5%", "10%", "12.5%", "15%", "20%", "25%", "")
_DISCOUNT_WEIGHTS = (60, 12, 12, 2, 6, 4, 3, 1)
_PAGES = ("/", "/cart", "/checkout", "/account/orders", "/search?q=mug", "/search?q=tent")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FIRST_SIGNUP = date(2019, 1, 1)
_LAST_DAY = date(2024, 6, 30)


@dataclass
class _Customer:
    customer_id: int
    full_name: str
    email: str
    phone: str
    signed_up: date
    country: str
    zip_code: str
    is_active: str
    lifetime_value: float = 0.0


@dataclass
class _Order:
    cust_id: int
    ordered_at: datetime
    status: str
    amount_usd: float | None
    order_id: int = 0


@dataclass
class _Product:
    code: str
    name: str
    category: str
    list_price: float
    launched_on: date | None


def write_sample(directory: Path, *, seed: int = 7) -> list[Path]:
    """Write the sample shop dataset into ``directory`` and return the written files.

    The same seed writes byte-identical files. ``order_items.csv`` is Latin-1 with ``;``
    between fields and Windows line ends; the other CSV files are UTF-8 with commas.
    """
    rng = random.Random(seed)
    # The draws run in this order (not file order): orders fill in the customers' lifetime
    # value before the customer rows are rendered.
    customers = _draw_customers(rng)
    orders = _draw_orders(rng, customers)
    products = _draw_products(rng)
    item_rows = _draw_items(rng, orders, products)
    order_rows = _order_rows(rng, orders)
    customer_rows = _customer_rows(rng, customers)
    event_rows = _event_rows(rng, customers, products)

    directory.mkdir(parents=True, exist_ok=True)
    customers_csv, orders_csv, items_csv, products_parquet, events_csv = paths = [
        directory / name for name in FILE_NAMES
    ]
    _write_csv(customers_csv, customer_rows)
    _write_csv(orders_csv, order_rows)
    _write_csv(items_csv, item_rows, delimiter=";", encoding="latin-1", line_end="\r\n")
    _write_parquet(products_parquet, products)
    _write_csv(events_csv, event_rows)
    return paths


def _ascii(text: str) -> str:
    """Fold a name to the ASCII people use in e-mail addresses (é -> e, ø -> o)."""
    text = text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c == "."))


def _phone(rng: random.Random, country: str) -> str:
    if country not in ("US", "USA"):
        prefix = {"DE": "+49", "FR": "+33", "ES": "+34", "IT": "+39", "MX": "+52"}.get(
            country, "+1"
        )
        return f"{prefix} {rng.randrange(10, 99)} {rng.randrange(1_000_000, 9_999_999)}"
    area, line = rng.choice(_AREA_CODES), rng.randrange(100, 10000)
    return rng.choice(
        (
            f"+1 {area}-555-{line:04d}",
            f"({area}) 555 {line:04d}",
            f"{area}.555.{line:04d}",
            f"{area}-555-{line:04d}",
            f"{area}555{line:04d}",
        )
    )


def _draw_customers(rng: random.Random) -> list[_Customer]:
    customers: list[_Customer] = []
    emails: set[str] = set()
    planted_zips = ["02134", "00501"]
    for customer_id in range(1, CUSTOMER_COUNT + 1):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        email = ""
        if rng.random() > 0.02:
            while True:
                local = f"{_ascii(first)}.{_ascii(last)}{rng.randrange(1, 100)}"
                if rng.random() > 0.04:
                    local = local.lower()
                if local.lower() not in emails:
                    break
            emails.add(local.lower())
            email = f"{local}@{rng.choice(_DOMAINS)}"
        country = rng.choices(_COUNTRIES, _COUNTRY_WEIGHTS)[0]
        roll = rng.random()
        phone = "" if roll < 0.04 else "N/A" if roll < 0.06 else _phone(rng, country)
        zip_code = f"{rng.randrange(501, 99951):05d}"
        if country == "US" and planted_zips:
            zip_code = planted_zips.pop()
        elif rng.random() < 0.02:
            zip_code = ""
        name = f"{first} {last}"
        if rng.random() < 0.02:
            name += " "  # a stray space, as typed
        customers.append(
            _Customer(
                customer_id=customer_id,
                full_name=name,
                email=email,
                phone=phone,
                signed_up=_FIRST_SIGNUP + timedelta(days=rng.randrange(5 * 365)),
                country=country,
                zip_code=zip_code,
                is_active=rng.choices(("Y", "N", ""), (80, 18, 2))[0],
            )
        )
    return customers


def _draw_orders(rng: random.Random, customers: list[_Customer]) -> list[_Order]:
    # Some customers buy far more than others.
    weights = [rng.expovariate(1.0) for _ in customers]
    buyers = rng.choices(customers, weights, k=ORDER_COUNT)
    orders: list[_Order] = []
    for buyer in buyers:
        days = (_LAST_DAY - buyer.signed_up).days
        ordered_at = datetime.combine(
            buyer.signed_up + timedelta(days=rng.randrange(days + 1)), datetime.min.time()
        ) + timedelta(seconds=rng.randrange(86400))
        amount = round(rng.lognormvariate(4.0, 0.8), 2) if rng.random() > 0.005 else None
        status = rng.choices(_ORDER_STATUS, _STATUS_WEIGHTS)[0]
        orders.append(_Order(buyer.customer_id, ordered_at, status, amount))
    orders.sort(key=lambda o: (o.ordered_at, o.cust_id))
    for offset, order in enumerate(orders):
        order.order_id = FIRST_ORDER_ID + offset
    # Orders whose customer was deleted later: the id no longer exists in customers.
    for order in rng.sample(orders, ORPHAN_ORDERS):
        order.cust_id = rng.randrange(CUSTOMER_COUNT + 1, CUSTOMER_COUNT + 121)
    for order in orders:
        if order.cust_id > CUSTOMER_COUNT or order.amount_usd is None:
            continue
        if order.status not in ("cancelled", "returned"):
            customers[order.cust_id - 1].lifetime_value += order.amount_usd
    return orders


def _draw_products(rng: random.Random) -> list[_Product]:
    pairs = [(adj, noun) for adj in _ADJECTIVES for noun in _NOUNS]
    codes = sorted(rng.sample(range(1, 10000), PRODUCT_COUNT))
    products: list[_Product] = []
    for code, (adj, noun) in zip(codes, rng.sample(pairs, PRODUCT_COUNT), strict=True):
        category = _NOUNS[noun]
        price = rng.lognormvariate(3.2, 0.6)
        if category == "electronics":
            price *= 20  # so some prices need a thousands separator
        launched: date | None = date(2015, 1, 1) + timedelta(days=rng.randrange(9 * 365))
        if rng.random() < 0.03:
            launched = None
        products.append(
            _Product(f"{code:06d}", f"{adj} {noun}", category, round(price, 2), launched)
        )
    return products


def _euro(value: float) -> str:
    """Money as a German or French shop writes it: 1.234,50 EUR.

    ISO-8859-1 has no euro sign, so a Latin-1 export spells the currency out.
    """
    text = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{text} EUR"


def _draw_items(
    rng: random.Random, orders: list[_Order], products: list[_Product]
) -> list[list[str]]:
    rows = [list(COLUMNS["order_items.csv"])]
    for order in orders:
        lines = rng.choices((1, 2, 3, 4, 5, 6), (30, 28, 20, 12, 7, 3))[0]
        for line_no, product in enumerate(rng.sample(products, lines), start=1):
            price = product.list_price
            if rng.random() < 0.15:
                price = round(price * (1 - rng.choice((0.05, 0.1, 0.15, 0.2))), 2)
            quantity = rng.choices((1, 2, 3, 4, 5, 10, 12), (55, 20, 10, 5, 5, 3, 2))[0]
            rows.append(
                [
                    str(order.order_id),
                    str(line_no),
                    product.code,
                    product.name,
                    str(quantity),
                    _euro(price),
                ]
            )
    # A spreadsheet somewhere turned a few codes into numbers and dropped the zeros.
    for row in rng.sample(rows[1:], STRIPPED_PRODUCT_CODES):
        row[2] = str(int(row[2]))
    return rows


def _customer_rows(rng: random.Random, customers: list[_Customer]) -> list[list[str]]:
    rows = [list(COLUMNS["customers.csv"])]
    for c in customers:
        roll = rng.random()
        value = "" if roll < 0.02 else "N/A" if roll < 0.04 else f"${c.lifetime_value:,.2f}"
        signup = "" if rng.random() < 0.01 else c.signed_up.strftime("%m/%d/%Y")
        rows.append(
            [
                str(c.customer_id),
                c.full_name,
                c.email,
                c.phone,
                signup,
                c.country,
                c.zip_code,
                c.is_active,
                value,
            ]
        )
    return rows


def _order_rows(rng: random.Random, orders: list[_Order]) -> list[list[str]]:
    rows = [list(COLUMNS["orders.csv"])]
    for o in orders:
        weight = "" if rng.random() < 0.03 else f"{rng.lognormvariate(0.5, 1.0):.2f}"
        # Nothing was shipped for pending or cancelled orders, so there is no distance.
        unshipped = o.status in ("pending", "cancelled")
        distance = "" if unshipped else f"{rng.lognormvariate(3.0, 1.0):.1f} mi"
        rows.append(
            [
                str(o.order_id),
                str(o.cust_id),
                o.ordered_at.date().isoformat(),
                o.ordered_at.isoformat(timespec="seconds"),
                o.status,
                "" if o.amount_usd is None else f"{o.amount_usd:.2f}",
                weight,
                distance,
                rng.choices(_DISCOUNTS, _DISCOUNT_WEIGHTS)[0],
            ]
        )
    for row, junk in zip(rng.sample(rows[1:], len(JUNK_WEIGHTS)), JUNK_WEIGHTS, strict=True):
        row[6] = junk
    return rows


def _event_rows(
    rng: random.Random, customers: list[_Customer], products: list[_Product]
) -> list[list[str]]:
    start = datetime(2021, 1, 1)
    span = int((datetime.combine(_LAST_DAY, datetime.min.time()) - start).total_seconds())
    times = sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(EVENT_COUNT))
    rows = [list(COLUMNS["events.csv"])]
    for at in times:
        customer = "" if rng.random() < 0.12 else str(rng.choice(customers).customer_id)
        page = rng.choice(_PAGES)
        if rng.random() < 0.4:
            page = f"/products/{rng.choice(products).code}"
        if rng.random() < 0.1:
            page += ("&" if "?" in page else "?") + "utm_source=newsletter"
        if rng.random() < 0.05:
            ip = f"2001:db8::{rng.randrange(0x10000):x}:{rng.randrange(0x10000):x}"
        else:
            ip = ".".join(str(rng.randrange(1, 255)) for _ in range(4))
        duration = "" if rng.random() < 0.03 else str(int(rng.lognormvariate(7.0, 1.2)))
        rows.append(
            [
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                customer,
                f"{_MONTHS[at.month - 1]} {at.day} {at.year} {at.hour:02d}:{at.minute:02d}",
                f"https://shop.example.com{page}",
                ip,
                duration,
            ]
        )
    # Clock skew between browser and server shows up as a few negative durations.
    for row in rng.sample([r for r in rows[1:] if r[5]], NEGATIVE_DURATIONS):
        row[5] = str(-int(row[5]))
    return rows


def _write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    line_end: str = "\n",
) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator=line_end).writerows(rows)


def _write_parquet(path: Path, products: list[_Product]) -> None:
    # DuckDB is a core dependency and writes Parquet on its own; one thread keeps the file's
    # bytes the same from run to run. This in-memory connection only ever sees the sample's
    # own rows, which is why it does not go through the workspace gateway.
    import duckdb

    con = duckdb.connect(":memory:", config={"threads": 1})
    try:
        con.execute(
            "CREATE TABLE products (product_code VARCHAR, product_name VARCHAR,"
            " category VARCHAR, list_price DOUBLE, launched_on DATE)"
        )
        con.executemany(
            "INSERT INTO products VALUES (?, ?, ?, ?, ?)",
            [[p.code, p.name, p.category, p.list_price, p.launched_on] for p in products],
        )
        con.sql("SELECT * FROM products ORDER BY product_code").write_parquet(str(path))
    finally:
        con.close()
