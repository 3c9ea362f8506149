"""What each table holds (customer, order, order line, ...) and its part in the schema.

The entity comes from the table's name, read against a small vocabulary of business entities
(``clients`` is a customer, ``order_items`` an order line), else the name's last word made
singular. The role comes from the relationships: a fact table points at other tables and
carries measures or a time; a dimension is pointed at and describes; a bridge only links
two tables n:m. A table with no relationship and nothing that says which it is stays
"unknown".
"""

from __future__ import annotations

import re
from typing import Any

from datadossier.enrichment.model import (
    Bridge,
    ColumnStats,
    Entity,
    Link,
    TableKeys,
    TableStats,
    bare,
)
from datadossier.enrichment.naming import (
    TABLE_NOISE,
    TABLE_PREFIXES,
    entity_words,
    is_amount_like,
    is_descriptive,
    is_key_like,
    singular,
    table_entity_words,
    words,
)
from datadossier.enrichment.relationships import partitions, schema_of, typed_apart

# Entity -> words that name it in table names (singular). Checked on word pairs first
# ("order item"), then single words.
VOCABULARY: dict[str, tuple[str, ...]] = {
    # An accounting document's lines: amounts posted, not lines of an order.
    "journal entry line": ("journal entry", "journal line", "gl entry", "gl line", "ledger entry", "ledger line"),
    # Not "line item" alone: a ledger's, an invoice's or a budget's lines are line items too.
    "order line": ("order item", "order line", "order detail", "invoice line", "basket item", "cart item", "order product"),
    "customer": ("customer", "client", "buyer", "shopper", "consumer", "account holder"),
    "user": ("user", "member", "subscriber", "visitor"),
    "order": ("order", "purchase", "booking", "reservation"),
    "product": ("product", "sku", "article", "good", "catalog", "catalogue"),
    "transaction": ("transaction", "payment", "txn", "charge", "transfer", "sale", "receipt"),
    # A bill sent, paid later or never (Chargebee's and Stripe's invoices.csv, with an amount due
    # and a dunning status): a document of its own, which payments and credit notes cite.
    "invoice": ("invoice",),
    # A machine's stops as an MES records them (FactoryTalk's downtime events, a line's
    # downtime_log): each with its reason and duration, not any event.
    "downtime event": ("downtime", "downtime event", "downtime log", "downtime record", "stoppage"),
    # E-discovery's productions: a privilege log lists the documents withheld as privileged
    # (Log No., Bates Range, Privilege Type), not events; a load file (Concordance's .dat,
    # BEGDOC to ENDDOC) lists the documents produced, an Opticon file (images.opt) their
    # pages' images.
    "withheld document": ("privilege log", "priv log"),
    "document": ("document", "load file", "loadfile"),
    "page image": ("image opt", "opticon", "image lfp"),
    # A player's or a visitor's session, by its session_id from its start to its end: a span
    # the events fall in, not one of them.
    "session": ("session",),
    "event": ("event", "log", "click", "visit", "swipe", "pageview", "activity", "impression"),
    "employee": ("employee", "staff", "worker", "personnel", "emp"),
    # Not "team" (sports data's teams are teams) nor "unit" (units of measure, housing units).
    "department": ("department", "dept", "division"),
    "project": ("project", "initiative"),
    "location": ("location", "office", "store", "site", "branch", "warehouse", "address", "shop"),
    "supplier": ("supplier", "vendor", "manufacturer"),
    "shipment": ("shipment", "delivery", "shipping"),
    "category": ("category", "categories", "segment", "group"),
    "account": ("account", "ledger"),
    "time period": ("date", "calendar", "day", "week", "month"),
    # Not "sample": sample_superstore is an example file, not lab samples.
    "measurement": ("measurement", "reading", "observation", "metric", "timesheet", "sensor"),
}


# When the name says nothing: entities recognised by their columns' words.
_BY_COLUMNS: tuple[tuple[str, frozenset[str], int], ...] = (
    # (football-data.co.uk's E0.csv, HomeTeam and AwayTeam: a match a row)
    ("match", frozenset({"home", "away"}), 2),
    ("person", frozenset({"email", "phone", "first", "last", "surname", "birth", "gender", "firstname", "lastname"}), 2),
    ("location", frozenset({"latitude", "longitude", "lat", "lon", "lng", "address", "city", "zip", "postcode", "street"}), 2),
    ("transaction", frozenset({"amount", "price", "total", "paid", "payment", "invoice"}), 1),
    ("event", frozenset({"event", "action", "session", "click", "url", "page", "ip"}), 2),
)


# Table names that say nothing about their rows (exports, sheets, scratch tables).
GENERIC_NAMES = frozenset(
    {"data", "table", "export", "sheet", "file", "dump", "extract", "report", "output", "result", "dataset",
     "query", "untitled", "new", "final", "copy", "tmp", "temp", "test", "sample", "import", "raw", "tbl", "df",
     # a model's splits (Kaggle's train.csv and test.csv): their rows are read from their key
     "train", "training", "valid", "validation", "holdout"}
)


def says_nothing(table: str) -> bool:
    """Whether a table's name carries no entity: generic words, digits and single letters,
    and the names of the services and layers files are named after (`TABLE_PREFIXES`): Jira's
    jira_export.csv lists issues (by Issue id), not "jira"."""
    stems = [w.rstrip("0123456789") for w in words(table)]
    return all(w in GENERIC_NAMES or w in TABLE_PREFIXES or len(w) <= 2 for w in stems)


# How sure an entity read from a table's identifier's name is (see `_entity_from_grain`).
_FROM_GRAIN = 0.6


def _entity_from_grain(grain: tuple[str, ...] | None) -> tuple[str, float] | None:
    """The entity a table's one identifier names, when its own name says nothing: the FEC's
    cm.txt by CMTE_ID and cn.txt by CAND_ID are committees and candidates, though both have
    a city and a ZIP (which `entity_from_columns` reads as places)."""
    if grain is None or len(grain) != 1 or not is_key_like(grain[0]):
        return None
    named = entity_words(grain[0])
    if not named:
        return None
    entity, _ = entity_type(" ".join(named))
    return entity, _FROM_GRAIN


def _periods_as_columns(entity: str, keys: TableKeys) -> bool:
    """Whether a name read as a period is a wide table's, whose periods are its columns: the
    name says what its series are by (Zillow's home values, Metro_zhvi_..._month.csv, a
    region a row and a month a column), not what a row is."""
    return entity == "time period" and bool(keys.evidence.get("period_columns"))


def _without_periods(table: str) -> str:
    """A table's name read without the words of a period (its series' step, not its rows)."""
    periods = VOCABULARY["time period"]
    return " ".join(w for w in table_entity_words(table) if w not in periods) or table


def entity_from_columns(columns: list[str], has_time: bool) -> tuple[str, float] | None:
    ws = {w for c in columns for w in words(c)}
    for entity, marks, needed in _BY_COLUMNS:
        if len(ws & marks) >= needed and (entity != "transaction" or has_time):
            return entity, 0.5
    return None


# Words before a period that make it the span a file covers (USGS's all_month, sales_by_day),
# not the calendar its rows are.
_SPAN_WORDS = frozenset({"all", "by", "per", "each", "last", "past", "this"})


# A file name's last word for a list of things with their descriptions (Dunnhumby's
# campaign_desc, one campaign a row by CAMPAIGN): the things, as a "details" export's.
_DESCRIPTION_WORDS = ("desc", "descr", "description")


# Words after a table's entity that say what the file is, not what a row is.
_QUALIFIERS = GENERIC_NAMES | TABLE_NOISE | frozenset(
    {"master", "info", "information", "list", "record", "detail", "history", "dim", "lookup", "main", "full", "old",
     "v", "version", "processed", *_DESCRIPTION_WORDS}
)


# Last words of a file's name that say what it studies of its rows, not what a row is.
_STUDY_WORDS = frozenset({
    "churn", "attrition", "retention", "analysis", "analytics", "performance", "prediction", "segmentation",
    "satisfaction", "behavior", "behaviour", "demographic", "insight", "personality", "engagement", "turnover",
})


# Code systems whose files are lists of codes: CMS's icd10cm_order_2024 holds the codes in
# their order, not purchase orders.
_CODE_SYSTEMS = frozenset({"icd", "icd9", "icd10", "icd9cm", "icd10cm", "icd10pcs", "cpt", "hcpcs", "loinc", "snomed", "naics", "sic"})


# SAP's names of its G/L line items, wherever they stand in a file's name: the FBL3N report
# (fbl3n_line_items), the BSEG, ACDOCA and FAGLFLEXA tables.
_LEDGER_TABLES = frozenset({"fbl3n", "bseg", "acdoca", "faglflexa"})


# How sure an entity that is only a name's words is (see `entity_type`).
_FROM_NAME_WORDS = 0.4


# A file name's last word for a header/detail export's rows (Toast's OrderDetails,
# ItemSelectionDetails, PaymentDetails), often glued to the entity's words once the file's
# name is lower-cased (orderdetails).
_DETAIL_WORDS = ("details", "detail")


def _unglued(ws: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with a detail word glued to the last one cut off (``orderdetails`` ->
    order, details), as the name's capitals would have cut it."""
    if not ws:
        return ws
    last = ws[-1]
    for tail in _DETAIL_WORDS:
        stem = last[: -len(tail)]
        if last.endswith(tail) and len(stem) >= 3 and stem.isalpha():
            return (*ws[:-1], stem, tail)
    return ws


# A list of the things offered, named by them before it: a university's course_catalog lists
# courses, a shop's product_catalog products. Alone, a shop's catalog lists products.
_CATALOG_WORDS = ("catalog", "catalogue")


def _without_details(ws: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without the detail, description or catalog word that ends a
    header/detail export's or a list's name."""
    ws = _unglued(ws)
    return ws[:-1] if len(ws) > 1 and ws[-1] in (*_DETAIL_WORDS, *_DESCRIPTION_WORDS, *_CATALOG_WORDS) else ws


# Archives and catalogs of scientific data (ESGF's and Pangeo's CMIP6 catalogs, a STAC or
# CKAN listing): their catalog lists datasets (instance_id, zstore), not products. Not "data":
# a shop's product_catalog_data lists products.
_DATA_ARCHIVES = frozenset({"esgf", "pangeo", "cmip5", "cmip6", "stac", "ckan", "intake"})
# Words of a warehouse's inbound receipts' columns (an ASN, the PO, the quantity received).
_INBOUND_WORDS = frozenset({"asn", "po", "received", "grn", "putaway", "dock"})


# Things a transfer moves other than money (Etherscan's token transfers, a warehouse's stock
# transfers, a club's player transfers, a registry's title transfers): no transaction of money.
# Any other transfer (a bank's, a wire, a payment, a card's, a customer's) is one.
_GOODS_WORDS = frozenset({
    "token", "tokenholding", "nft", "coin", "stock", "inventory", "item", "material", "goods", "player", "title",
    "ownership", "domain", "file", "data", "asset", "share", "unit", "warehouse", "patient", "student",
})


def _goods_transfer(ws: list[str]) -> bool:
    """Whether a name ends in a transfer of a thing other than money (`_GOODS_WORDS`)."""
    return len(ws) > 1 and ws[-1] == "transfer" and ws[-2] in _GOODS_WORDS


def entity_type(table: str) -> tuple[str, float]:
    """The business entity a table's name names, and how sure that reading is."""
    ws = [singular(w) for w in _unglued(words(table))]
    if _LEDGER_TABLES.intersection(ws):
        return "journal entry line", 0.8
    if "catalog" in ws and _DATA_ARCHIVES.intersection(ws):
        return "dataset", 0.8
    system = next((w for w in ws if w in _CODE_SYSTEMS), None)
    if system is not None and "order" in ws:
        return f"{system} code", 0.6
    ws = [w for i, w in enumerate(ws) if not (i and ws[i - 1] in _SPAN_WORDS and w in VOCABULARY["time period"])]
    pairs = [" ".join(ws[i : i + 2]) for i in range(len(ws) - 1)]
    for entity, names in VOCABULARY.items():
        if any(p in names for p in pairs):
            return entity, 0.9
    # The last word names the rows (user_reviews are reviews, not users), past the words of
    # a grouping (sales_by_region: sales) and those that qualify the file (customers_master,
    # orders_2019, products_info).
    for cut in ("by", "per"):
        if cut in ws[1:]:
            ws = ws[: ws.index(cut, 1)]
    while len(ws) > 1 and (ws[-1] in _QUALIFIERS or ws[-1].isdigit()):
        ws = ws[:-1]
    if len(ws) > 1 and ws[-1] in _CATALOG_WORDS:
        ws = ws[:-1]  # (a catalog of what its name says before it)
    for word in ws[-1:] if not _goods_transfer(ws) else ():
        for entity, names in VOCABULARY.items():
            if word in names:
                return entity, 0.8
    # A known entity before a word of what the file studies (IBM's sample files,
    # WA_Fn-UseC_-Telco-Customer-Churn and WA_Fn-UseC_-HR-Employee-Attrition: a customer and an
    # employee a row); not before a thing of its own (order_reviews are reviews).
    if ws and ws[-1] in _STUDY_WORDS:
        for word in reversed(ws[:-1]):
            for entity, names in VOCABULARY.items():
                if word in names and entity != "time period":
                    return entity, 0.6
    named = _with_of(table, _without_stray_ends(_without_details(table_entity_words(table))))
    readable = " ".join(_SPELLED_OUT.get(w, w) for w in named) or table
    return readable, _FROM_NAME_WORDS


def _with_of(table: str, ws: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words with the "of" between them that its name has (the FJC's nature_of_suit,
    a bill_of_materials): a nature of suit, not a "nature suit"."""
    parts = words(table)
    if "of" not in parts[1:-1]:
        return ws
    at = parts.index("of")
    before, after = table_entity_words("_".join(parts[:at])), entity_words("_".join(parts[at + 1 :]))
    return (*before, "of", *after) if before and after and (*before, *after) == ws else ws


# Short forms of things in file names, spelled out when the name's words are the entity: the
# NCES Common Core of Data's ccd_sch_... (schools) and ccd_lea_... (local education agencies);
# CDISC's SUBJID and USUBJID (the unique subject id) name a trial's subject.
_SPELLED_OUT = {"sch": "school", "lea": "local education agency", "subj": "subject", "usubj": "subject"}


def _without_stray_ends(ws: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without the versions that end it, and a letter before one (NCES's
    ccd_sch_029_2223_w_1a_083023: its w and 1a name no thing); a letter alone at the end is
    kept (vitamin_d, hepatitis_b, schedule_c)."""
    versioned = False
    while len(ws) > 1 and (any(ch.isdigit() for ch in ws[-1]) or (versioned and len(ws[-1]) == 1)):
        ws = ws[:-1]
        versioned = True
    return ws


def _detail_export_entity(table: str, grain: tuple[str, ...] | None) -> tuple[str, float] | None:
    """The entity of a "... details" export keyed by the identifier of what precedes "details":
    Toast's OrderDetails, one row per Order Id, holds orders (Amount, Tax, Tip, Total), and
    ItemSelectionDetails, by Item Selection Id, item selections; not order lines, which an
    "order details" table keyed by an order and a product (Northwind's) still is."""
    ws = _unglued(words(table))
    if len(ws) < 2 or ws[-1] not in _DETAIL_WORDS or grain is None or len(grain) != 1 or not is_key_like(grain[0]):
        return None
    named = entity_words(grain[0])
    if not named or "".join(named) != "".join(singular(w) for w in ws[:-1]):
        return None
    return entity_type(" ".join(named))


def _pairing_entity(table: str, grain: tuple[str, ...] | None) -> tuple[str, float] | None:
    """The entity of a table named for one thing and a word of what the file is, keyed by
    that thing and another's identifier: Dunnhumby's campaign_table, by household_key and
    CAMPAIGN, pairs households with the campaigns they received (a household campaign); the
    campaigns are campaign_desc's."""
    ws = words(table)
    if len(ws) < 2 or ws[-1] not in TABLE_NOISE or grain is None or len(grain) != 2:
        return None
    entity = table_entity_words(table)
    named = [entity_words(c) for c in grain]
    if entity not in named:
        return None
    other = grain[1 - named.index(entity)]
    if not is_key_like(other) or not entity_words(other) or entity_words(other) == entity:
        return None
    return " ".join((*entity_words(other), *entity)), _FROM_GRAIN


# CDISC's standard domains (SDTM), each file named by its two-letter code (ae.xpt, lb.xpt),
# and its analysis datasets (ADaM): ADSL, a subject a row, and AD + a domain's code (ADAE,
# ADLB, ADVS) for that domain's records analysed.
_SDTM_DOMAINS = {
    "dm": "subject", "ae": "adverse event", "lb": "lab result", "vs": "vital sign", "ex": "exposure",
    "ec": "exposure as collected", "cm": "concomitant medication", "mh": "medical history", "ds": "disposition",
    "eg": "ecg result", "pe": "physical examination", "qs": "questionnaire response", "sv": "subject visit",
    "se": "subject element", "sc": "subject characteristic", "dv": "protocol deviation", "pr": "procedure",
    "su": "substance use", "ie": "inclusion exclusion criterion not met", "mb": "microbiology result",
    "pc": "pharmacokinetic concentration", "pp": "pharmacokinetic parameter", "co": "comment", "fa": "finding about",
    "tu": "tumor", "tr": "tumor result", "rs": "disease response", "ho": "healthcare encounter",
    "da": "drug accountability", "relrec": "related record",
}
_ADAM_DATASETS = {"adsl": "subject", "adtte": "time to event"}
# Columns every subject-level CDISC dataset has: the study and the unique subject id.
_CDISC_COLUMNS = frozenset({"studyid", "usubjid"})
# Words before a domain's code that name the standard, not the rows (sdtm_ae, adam_adsl).
_CDISC_PREFIXES = frozenset({"sdtm", "adam", "cdisc"})


def _cdisc_code(code: str) -> str | None:
    """The entity a CDISC dataset's code names: a domain, an analysis dataset of one (ADLB),
    a domain's supplemental qualifiers (SUPPAE, SUPPDM: each a value a domain's row lacked
    a column for)."""
    if code in _ADAM_DATASETS:
        return _ADAM_DATASETS[code]
    if code in _SDTM_DOMAINS:
        return _SDTM_DOMAINS[code]
    if code.startswith("ad") and code[2:] in _SDTM_DOMAINS:
        return _SDTM_DOMAINS[code[2:]]
    if code.startswith("supp") and len(code) == 6:
        return "supplemental qualifier"
    return None


def _cdisc_entity(table: TableStats) -> str | None:
    """The entity of a CDISC SDTM or ADaM dataset, named by its code (ae, lb, adsl), when its
    columns say it is one (STUDYID and USUBJID): another file named ae or cm keeps its name."""
    if not _CDISC_COLUMNS.issubset(c.name.lower() for c in table.columns):
        return None
    ws = [w for w in words(table.meaning) if w not in _CDISC_PREFIXES]
    return _cdisc_code(ws[0]) if ws else None


# An activity's names in table names: the vocabulary's events ("activity" as a user's clicks).
_ACTIVITY_WORDS = frozenset({"activity", "activities"})
# Words of a span's two ends in column names (IATI's start-planned and end-actual, a
# register's StartDate and EndDate).
_START_WORDS = frozenset({"start", "begin", "beginning"})
_END_WORDS = frozenset({"end", "finish", "completion"})


def _runs_over_days(columns: tuple[ColumnStats, ...]) -> bool:
    """Whether a table's rows each run from a start date to an end date: days, not the
    instants of a session's or a workout's start and end."""
    dates = [set(words(c.name)) for c in columns if c.sql_type == "DATE"]
    return any(_START_WORDS & ws for ws in dates) and any(_END_WORDS & ws for ws in dates)


def _activity_register(entity: str, table: TableStats) -> bool:
    """Whether a table the vocabulary reads as events is an activity register: IATI's
    activity.csv, an aid project a row with its planned and actual start and end dates and
    its budgets, not a thing that happens at a moment."""
    return entity == "event" and bool(_ACTIVITY_WORDS.intersection(words(table.meaning))) and _runs_over_days(table.columns)


def _inbound_receipts(entity: str, table: TableStats) -> bool:
    """Whether a table the vocabulary reads as payments' receipts records goods received: a
    WMS's receipts.csv, by ASN Number with its PO Number and Qty Received, not a till's."""
    if entity != "transaction" or not {"receipt", "receipts"}.intersection(words(table.meaning)):
        return False
    return bool(_INBOUND_WORDS.intersection(w for c in table.columns for w in words(c.name)))


# A MARC field's tag as a catalogue export names its column (MarcEdit's 001, 020$a, 245$a),
# and the title statement's, which every bibliographic record has.
_MARC_TAG = re.compile(r"[0-9]{3}(?:\$?[a-z0-9])?")
_MARC_TITLE = "245"


def _marc_records(table: TableStats) -> bool:
    """Whether a table's columns are mostly MARC tags, a title's among them: a library
    catalogue's records (a MARC export's catalog_export.csv, 001 to 650), not a shop's
    catalog of products."""
    tags = [c.name for c in table.columns if _MARC_TAG.fullmatch(c.name)]
    return 2 * len(tags) >= len(table.columns) and any(t.startswith(_MARC_TITLE) for t in tags)


# Tables of the same column names typed apart listed for a table, at most.
SAME_NAMES_LISTED = 12


def _same_names(table: TableStats, tables: list[TableStats], schemas: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """The other tables with the same column names but some typed apart, each with those
    columns (as this table names them) and their type family here and there: left out of the
    parts (`same_columns_as`), and said so rather than silently (a marketplace's settlement
    whose dates, decimal commas or currency are written otherwise)."""
    names = {c.name.lower(): c.name for c in table.columns}
    found: list[dict[str, Any]] = []
    for other in tables:
        apart = typed_apart(schemas, table.name, other.name)
        if apart:
            found.append({
                "table": other.name,
                "columns_typed_apart": {names.get(k, k): {"here": mine, "there": theirs} for k, (mine, theirs) in apart.items()},
            })
    return found[:SAME_NAMES_LISTED]


def classify(
    tables: list[TableStats],
    keys: dict[str, TableKeys],
    links: list[Link],
    bridges: list[Bridge],
) -> list[Entity]:
    """An entity guess per table, with the counts behind its role."""
    bridge_tables = {b.table for b in bridges if b.pure}
    schemas = {t.name: schema_of(t) for t in tables}
    meanings = {t.name: t.meaning for t in tables}
    links_n_to_m = {b.table: [b.left.parent_table, b.right.parent_table] for b in bridges}
    result: list[Entity] = []
    for table in tables:
        outgoing = [k for k in links if k.child_table == table.name and k.parent_table != table.name]
        incoming = [k for k in links if k.parent_table == table.name and k.child_table != table.name]
        link_columns = {c for k in outgoing for c in k.child_columns}
        grain = set(keys[table.name].grain or ())
        measures = [
            c.name for c in table.columns
            if c.family in ("float", "integer") and c.name not in link_columns and c.name not in grain
            and not is_key_like(c.name)
        ]
        times = [c.name for c in table.columns if c.family == "temporal"]
        named = any(c.family == "string" and is_descriptive(c.name) for c in table.columns)
        descriptive = [c.name for c in table.columns if c.family == "string" and (is_descriptive(c.name) or (c.name not in link_columns and c.name not in grain))]
        name, confidence = entity_type(table.meaning)
        entity_from = "table name"
        if _activity_register(name, table):
            name, entity_from = "project", "table name and its start and end dates"
        elif _inbound_receipts(name, table):
            name, entity_from = "goods receipt", "table name and its columns (ASN, PO, received)"
        elif _marc_records(table):
            name, confidence, entity_from = "bibliographic record", 0.8, "columns, a catalogue's MARC tags (245, the title)"
        by_details = _detail_export_entity(table.meaning, keys[table.name].grain)
        if by_details is not None:
            (name, confidence), entity_from = by_details, "table name and its grain"
        pairing = _pairing_entity(table.meaning, keys[table.name].grain)
        if pairing is not None:
            (name, confidence), entity_from = pairing, "table name and its grain"
        cdisc = _cdisc_entity(table)
        if cdisc is not None:
            name, confidence, entity_from = cdisc, 0.9, "table name, a CDISC dataset's code (STUDYID, USUBJID)"
        elif says_nothing(table.meaning) or _periods_as_columns(name, keys[table.name]):
            by_grain = _entity_from_grain(keys[table.name].grain)
            guess = entity_from_columns([c.name for c in table.columns], bool(times))
            if by_grain is not None:
                (name, confidence), entity_from = by_grain, "grain"
            elif guess is not None:
                (name, confidence), entity_from = guess, "columns"
            elif name == "time period":
                name, confidence = _without_periods(table.meaning), _FROM_NAME_WORDS
        evidence: dict[str, Any] = {
            "entity_from": entity_from,
            "references_out": sorted({k.parent_table for k in outgoing}),
            "referenced_by": sorted({k.child_table for k in incoming}),
            "measures": measures[:10],
            "time_columns": times[:10],
            "descriptive_columns": descriptive[:10],
            "grain": keys[table.name].grain,
        }
        if table.name in links_n_to_m:
            evidence["links_n_to_m"] = links_n_to_m[table.name]
        alike = [other.name for other in tables if partitions(schemas, table.name, other.name)]
        if alike:
            # A file per month, week or part of one dataset: UNION ALL BY NAME reads it whole.
            evidence["same_columns_as"] = alike
        same_names = _same_names(table, tables, schemas)
        if same_names:
            evidence["same_names_as"] = same_names
        role: Any
        grain_cols = keys[table.name].grain or ()
        split_of = next(
            (k for k in outgoing if k.cardinality == "1:1" and tuple(k.child_columns) == tuple(grain_cols)), None
        )
        # (Each table a 1:1 extension of the other, the General Social Survey's labelled and
        # numeric files by year and id: peers, each named for itself.)
        mutual = split_of is not None and any(
            k.child_table == split_of.parent_table and k.parent_table == table.name and k.cardinality == "1:1" for k in links
        )
        peer = _fact_peer(table, links, grain_cols, incoming, bool(measures))
        if peer is not None:
            split_of = None  # (a fact beside another at one grain, not more columns of it)
        if split_of is not None and not mutual and cdisc is None and not _names_its_entity(entity_from, confidence):
            # Keyed by another table's key, one row each: more columns of that entity. Only an
            # entity the vocabulary knows: the partner's own words name its file (Pew's ATP W119,
            # one wave of a panel, is not the next wave's W120).
            partner = entity_type(meanings.get(split_of.parent_table, bare(split_of.parent_table)))
            if partner[1] > _FROM_NAME_WORDS:
                name, confidence = partner
        if split_of is not None:
            evidence["split_of"] = split_of.parent_table
        crosswalk = _crosswalk_ids(table, keys[table.name], links)
        if crosswalk:
            evidence["crosswalk_of"] = crosswalk
        if table.name in bridge_tables:
            role, role_confidence = "bridge", 0.85
            evidence["reason"] = "its grain is two foreign keys: it links two tables n:m"
        elif peer is not None:
            role, role_confidence = "fact", 0.7
            evidence["reason"] = (
                f"records measures at a time, one row per ({', '.join(grain_cols)}) as {peer} does (a 1:1 link"
                " on that key): a fact beside it at the same grain, not an extension of it"
            )
        elif split_of is not None:
            role, role_confidence = "dimension", 0.7
            evidence["reason"] = f"a 1:1 extension of {split_of.parent_table}: its key is that table's key"
        elif crosswalk:
            role, role_confidence = "dimension", 0.75
            evidence["reason"] = (
                f"a crosswalk between identifiers ({', '.join(crosswalk)}), each unique, linked 1:1: one row per thing,"
                " safe to join through without multiplying rows"
            )
        elif incoming and named:
            role, role_confidence = "dimension", 0.8
            evidence["reason"] = "other tables point at it and it names things"
        elif outgoing and (measures or times) and len(incoming) <= len(outgoing):
            role, role_confidence = "fact", 0.8 if len(outgoing) > 1 or measures else 0.65
            evidence["reason"] = "points at other tables and records measures or times"
        elif incoming and measures and times:
            # A header others point at (Toast's OrderDetails: its items and payments cite the
            # Order Id) that names nothing and records measures at a time is the fact of those
            # measures too: net sales and the average check are summed over it, not its lines.
            role, role_confidence = "dimension", 0.65
            evidence["reason"] = (
                "other tables point at it, and it records measures at its own grain (a header): "
                f"the fact table of its measures ({', '.join(sorted(measures, key=lambda m: not is_amount_like(m))[:4])})"
            )
        elif incoming:
            role, role_confidence = "dimension", 0.8 if descriptive else 0.65
            evidence["reason"] = "other tables point at it"
        elif not outgoing and descriptive and not measures and not times:
            role, role_confidence = "dimension", 0.5
            evidence["reason"] = "descriptive columns only, but nothing points at it"
        else:
            role, role_confidence = "unknown", 0.3
            evidence["reason"] = "no relationship says whether it records events or describes things"
        evidence["role_confidence"] = role_confidence
        result.append(Entity(table.name, name, role, round(min(confidence, 0.5 + role_confidence / 2), 2), evidence))
    return _dimensions_of_facts(result, {t.name: t.rows for t in tables})


def _fact_peer(
    table: TableStats, links: list[Link], grain: tuple[str, ...], incoming: list[Link], measures: bool
) -> str | None:
    """The table a table recording measures is linked 1:1 with on its grain, when that grain
    holds a time and no other table points at it: PJM's day-ahead and real-time hourly prices,
    each by (datetime_beginning_utc, pnode_id), are two facts of one grain, neither a
    dimension extending the other."""
    if not measures or not any(table.column(c).family == "temporal" for c in grain):
        return None
    key = set(grain)
    peers = [
        k.parent_table if k.child_table == table.name else k.child_table
        for k in links
        if k.cardinality == "1:1" and k.child_table != k.parent_table
        and ((k.child_table == table.name and set(k.child_columns) == key)
             or (k.parent_table == table.name and set(k.parent_columns) == key))
    ]
    if not peers or any(k.cardinality != "1:1" or set(k.parent_columns) != key for k in incoming):
        return None
    return peers[0]


# A crosswalk is mostly its identifiers: a third of its columns at least. IPEDS's institution
# directory (hd2022: UNITID and OPEID beside its name, city, state, ZIP, sector and web
# address) describes its institutions, a crosswalk only by the way.
_CROSSWALK_SHARE = 3


def _crosswalk_ids(table: TableStats, found: TableKeys, links: list[Link]) -> list[str]:
    """The identifiers of a crosswalk between id systems, if the table is one: two unique
    columns or more, each named as an identifier, one of them linked 1:1 to or from another
    table (a football dataset's id_crosswalk: statsbomb_id, transfermarkt_id and fbref_id, one
    row per player, its transfermarkt_id one to one with the players' player_id). Without a
    measure or a time to record, it was left "unknown"."""
    ids = [key[0] for key in found.keys if len(key) == 1 and is_key_like(key[0])]
    if len(ids) < 2 or len(ids) * _CROSSWALK_SHARE < len(table.columns):
        return []  # (IPEDS's hd2022, UNITID and OPEID among ten columns, is a directory)
    linked = any(
        link.cardinality == "1:1" and link.child_table != link.parent_table
        and (
            (link.child_table == table.name and len(link.child_columns) == 1 and link.child_columns[0] in ids)
            or (link.parent_table == table.name and len(link.parent_columns) == 1 and link.parent_columns[0] in ids)
        )
        for link in links
    )
    return ids if linked else []


def _names_its_entity(entity_from: str, confidence: float) -> bool:
    """Whether a table's own name gives an entity the vocabulary knows: a FedEx invoice file
    keyed by its tracking IDs, one row each of a WMS's orders' Tracking Number, stays an
    invoice, not the orders' "order"."""
    return entity_from.startswith("table name") and confidence > _FROM_NAME_WORDS


# How sure the role of a table read as the dimension of the facts that point at it is.
_DIMENSION_OF_FACTS = 0.65


def _dimensions_of_facts(entities: list[Entity], rows: dict[str, int]) -> list[Entity]:
    """The tables read as facts that are rather the dimension of a larger fact pointing at
    them: PowerSchool's sections (a course's section, its teacher, room and MaxEnrollment),
    which cc enrollments cite and which cite only courses. Only without a time: an order
    header with its order date (Northwind's orders, cited by its order details) stays a fact."""
    roles = {e.table: e.role for e in entities}
    result: list[Entity] = []
    for entity in entities:
        facts = _larger_facts_citing(entity, roles, rows)
        if not facts or any(roles.get(p) != "dimension" for p in entity.evidence["references_out"]):
            result.append(entity)
            continue
        evidence = {
            **entity.evidence,
            "reason": f"larger facts point at it ({', '.join(facts)}) and it points only at dimensions",
            "role_confidence": _DIMENSION_OF_FACTS,
        }
        confidence = min(entity.confidence, round(0.5 + _DIMENSION_OF_FACTS / 2, 2))
        result.append(Entity(entity.table, entity.entity_type, "dimension", confidence, evidence))
    return result


def _larger_facts_citing(entity: Entity, roles: dict[str, str], rows: dict[str, int]) -> list[str]:
    """The fact tables with more rows that point at a fact table without a time, if any."""
    if entity.role != "fact" or entity.evidence["time_columns"]:
        return []
    return [
        child for child in entity.evidence["referenced_by"]
        if roles.get(child) == "fact" and rows.get(child, 0) > rows.get(entity.table, 0)
    ]
