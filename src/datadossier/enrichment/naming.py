"""Name evidence for keys and foreign keys: what a column's or a table's name refers to.

Column names in exports rarely match: ``customer_id``, ``CustomerId``, ``cust_id``, ``customer``
and ``cust_ref`` all point at ``customers.id``. Names are split into lower-case words, key
words (id, no, code, ...) are set aside, the rest is singularised, and words are compared
whole or as abbreviations (``cust`` for ``customer``, ``dept`` for ``department``).

Names are evidence, never proof: the scores here only ever add to value evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from datadossier.inference.names import ARTICLE_NUMBERS, BOUND_WORDS

# Words that mark a column as an identifier rather than naming the entity.
KEY_WORDS = frozenset(
    {"id", "ids", "key", "code", "cd", "no", "nr", "nbr", "num", "number", "ref", "fk", "pk", "uid", "uuid",
     "sk", "guid", "fips", "numbe", "seqn", "iso", "iso2", "iso3", "case", "iata", "icao", "isbn", "issn", "bbl", "apn", "parcel",
     "docket", "identifier"}
    # (numbe: a shapefile's ten-letter names cut AREA_NUMBER so; seqn: NHANES' respondent
    # sequence number, the key of every one of its files; iso: a country's code, GeoNames'
    # "#ISO"; case: FARS's ST_CASE, a court's case, where "cases" would count them; an airport's
    # IATA and ICAO codes, a book's ISBN; a tax lot's BBL (NYC's borough, block and lot) and
    # parcel numbers, APN; a court's docket, which the FJC's Integrated Database keys its cases
    # by with the district and office, DOCKET "2301234" repeated across districts; identifier
    # spelled out, as App Store Connect's sales reports write "Apple Identifier" and "Parent
    # Identifier", and the Water Quality Portal its "ActivityIdentifier")
)
# Words of self-references: a row pointing at another row of its own table.
HIERARCHY_WORDS = frozenset(
    {"parent", "manager", "mgr", "reports", "boss", "supervisor", "superior", "head", "lead", "up", "predecessor", "successor", "next", "prev", "previous", "root", "referred", "referrer", "referral", "sponsor", "invited", "mentor", "replaces", "replaced", "merged", "duplicate", "original"}
    # An e-discovery load file's family: BEGATTACH and ENDATTACH name its first and last
    # documents, rows of the same file (Relativity's, Concordance's DAT).
    | {"begattach", "endattach"}
)
# Descriptive columns: unique values there are attributes, not keys.
DESCRIPTIVE_WORDS = frozenset(
    {"name", "title", "description", "desc", "comment", "comments", "note", "notes", "label", "text", "summary", "address", "street"}
)
# Words of orderings: a row's place among others (a line's sequence in its order), which may
# still be part of a key.
ORDER_WORDS = frozenset({"sort", "rank", "sequence", "seq", "position", "index", "priority", "level"})
# Words of amounts and orderings: a column named with them is a measure.
MEASURE_WORDS = ORDER_WORDS | frozenset(
    {"qty", "quantity", "count", "cnt", "amount", "amt", "total", "tot", "sum", "avg", "average", "min", "max",
     "days", "hours", "minutes", "seconds", "milliseconds", "millis", "msec", "ms", "terms", "price", "cost", "rate", "pct", "percent", "score",
     "weight", "age", "duration", "size", "length", "balance", "value", "units", "stock", "threshold",
     "limit", "volume", "vol", "turnover", "revenue", "income", "salary", "population", "area",
     "votes", "points", "pts", "asset", "assets", "deposits", "liabilities", "equity", "profit", "margin"}
)
# A measure's word glued to another, as some files write their names: MIT's totalvotes and
# candidatevotes, avgrating.
_GLUED_MEASURE_STARTS = ("total", "avg", "average")
_GLUED_MEASURE_ENDS = ("votes", "amount", "total", "count")
_NOT_GLUED = frozenset({"account", "viscount", "subtotal"})
# Words that count what follows them when they lead a name (numVotes, num_pages, number_of_rooms)
# and number a thing when they end it (order_num, emp_no).
_COUNT_FIRST = frozenset({"num", "number", "nbr", "nb"})
# Names of the same entity (vendor_id points at suppliers).
SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"customer", "client", "buyer", "shopper", "consumer", "cust"}),
    frozenset({"supplier", "vendor", "manufacturer", "provider"}),
    frozenset({"product", "item", "article", "sku", "good", "prod"}),
    frozenset({"employee", "staff", "worker", "personnel", "emp"}),
    frozenset({"location", "store", "warehouse", "site", "branch", "shop", "outlet", "depot"}),
    frozenset({"department", "dept", "division"}),
    frozenset({"user", "account", "member", "login"}),
    frozenset({"country", "nation"}),
    # A plant's parts are the materials its ERP lists: an SPC or inspection file's "Part No"
    # (a German one's Teil-Nr) names SAP's material master by Material, MATNR.
    frozenset({"material", "part", "matnr", "teil"}),
)
# Tables of people, and the role words that point at one of them.
PERSON_ENTITIES = frozenset({"employee", "staff", "user", "person", "worker", "personnel", "member", "agent", "emp", "people"})
PERSON_ROLES = frozenset(
    {"owner", "rep", "representative", "agent", "approver", "approved", "author", "reviewer", "reviewed",
     "assignee", "assigned", "creator", "created", "handler", "handled", "processed", "processor",
     "clerk", "cashier", "operator", "salesperson", "seller", "by", "updated", "modified", "closed",
     "opened", "responsible", "contact", "recruiter", "trainer", "instructor", "teacher", "doctor"}
)
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "data": "data", "status": "status",
    "address": "address", "series": "series", "news": "news", "species": "species", "diabetes": "diabetes",
    "mathematics": "mathematics", "physics": "physics", "economics": "economics", "statistics": "statistics",
    "analytics": "analytics", "metrics": "metric", "athletics": "athletics", "politics": "politics",
    "gas": "gas", "bias": "bias", "lens": "lens", "sales": "sale", "whereabouts": "whereabouts",
    # -ies whose singular ends in -ie, not -y
    "movies": "movie", "cookies": "cookie", "calories": "calorie", "zombies": "zombie", "selfies": "selfie",
    "rookies": "rookie", "genies": "genie",
    # Names and acronyms that end in s, written as they are (the ANES and IPUMS files,
    # Qualtrics' exports)
    "anes": "anes", "nhanes": "nhanes", "ipums": "ipums", "qualtrics": "qualtrics", "nhis": "nhis", "meps": "meps",
}
_SPLIT = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


# Capitals with a plural's s: one word (IDs, URLs), not "I" and "Ds".
_CAPITALS_PLURAL = re.compile(r"[A-Z]{2,}s")
# Capitals then a word of the vocabulary below in lower case: two words, the capitals an
# abbreviation (the TLC's PUlocationID: PU, location; IPaddress), where camel case would cut
# before the last capital ("HTTPStatus": HTTP, Status).
_CAPITALS_THEN_WORD = re.compile(r"([A-Z]{2,})([a-z]{3,})(?=[A-Z0-9]|$)")


def _after_capitals(chunk: str) -> list[str]:
    found = _CAPITALS_THEN_WORD.match(chunk)
    if found is None or found.group(2) not in _known_words():
        return [chunk]
    return [found.group(1), chunk[len(found.group(1)) :]]


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The words this module knows the meaning of, in their usual forms."""
    known = set(KEY_WORDS) | DESCRIPTIVE_WORDS | MEASURE_WORDS | PERSON_ENTITIES | PERSON_ROLES | TIME_WORDS | HIERARCHY_WORDS
    for group in SYNONYMS:
        known |= group
    return frozenset(known | {w + "s" for w in known})


# Words that end in a key word without being a name plus that key word.
_NOT_COMPOUND = frozenset(
    {"valid", "invalid", "rapid", "liquid", "fluid", "solid", "hybrid", "android", "squid", "acid",
     "humid", "vivid", "timid", "lipid", "avoid", "monkey", "turkey", "donkey", "hockey", "jockey",
     "whiskey", "barcode", "unicode", "opcode", "decode", "encode", "postcode", "zipcode", "covid", "david",
     "paid", "unpaid", "prepaid", "void", "druid", "pyramid", "orchid", "thyroid", "asteroid", "steroid",
     "tabloid", "stupid", "cupid", "lucid", "placid", "splendid", "rigid", "morbid", "arid", "avid"}
)
_COMPOUND_SUFFIXES = ("key", "id", "code", "num")


def _split_compound(word: str) -> list[str]:
    """``orderkey`` -> order, key; ``custid`` -> cust, id (all-lower-case names)."""
    # (Also at a name's end: SurveyMonkey's surveymonkey_export is no "surveymon" key. Only
    # the longer words: "carid" is a car's id, though it ends as "arid" does.)
    if word in _NOT_COMPOUND or any(word.endswith(w) for w in _NOT_COMPOUND if len(w) >= 6):
        return [word]
    for suffix in _COMPOUND_SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem.isalpha():
            return [stem, suffix]
    return [word]


@lru_cache(maxsize=4096)
def words(name: str) -> tuple[str, ...]:
    """Lower-case words of a name: ``CustomerID`` -> (customer, id); ``order_items`` -> (order,
    items); ``l_orderkey`` -> (l, order, key); ``PUlocationID`` -> (pu, location, id)."""
    parts: list[str] = []
    for chunk in _SPLIT.split(name):
        if _CAPITALS_PLURAL.fullmatch(chunk):
            parts.append(chunk.lower())  # IDs, URLs: one word
            continue
        for piece in (p for part in _after_capitals(chunk) for p in _CAMEL.split(part)):
            if piece:
                parts.extend(_split_compound(piece.lower()))
    return tuple(parts)


_TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


@lru_cache(maxsize=4096)
def core_words(name: str) -> tuple[str, ...]:
    """``words`` without a table-initials prefix (``l_``, ``ps_`` in ``l_orderkey``,
    ``ps_partkey``): a first word of one or two letters followed by words with a key word;
    and without a note in brackets at the end (Stripe's "user_id (metadata)", "Created (UTC)")."""
    ws = words(_TRAILING_NOTE.sub("", name) or name)
    if len(ws) > 1 and len(ws[0]) <= 2 and ws[0] not in KEY_WORDS and any(w in KEY_WORDS for w in ws[1:]):
        return ws[1:]  # only before a key word: "on_order" keeps its "on"
    return ws


# Nouns that end in a consonant and "o" and take a plain "s" in the plural (photos, todos,
# euros). A word ending so in "os" is read as a plural only for one of them: elsewhere "os"
# mostly ends a name or an acronym (Kronos, IEM's ASOS, Helios), and a vowel before the
# "o" (radios, scenarios) stays a plural's.
_O_NOUNS = frozenset({
    "photo", "logo", "memo", "demo", "promo", "repo", "todo", "typo", "combo", "condo", "limo", "auto",
    "info", "intro", "euro", "peso", "zero", "kilo", "metro", "macro", "micro", "nano", "taco", "piano",
    "casino", "silo", "ego", "expo", "disco", "tempo", "solo", "halo", "lasso", "tornado", "volcano",
    "mosquito", "avocado", "burrito", "motto", "ghetto", "gizmo", "dynamo", "placebo", "bistro", "espresso",
    "mango", "tango", "bingo", "lotto", "turbo", "torso", "tuxedo", "manifesto", "memento", "pro", "gecko",
    "kimono", "poncho", "cello", "banjo", "jumbo", "commando", "pueblo", "cargo", "amigo", "libido", "credo",
})
_VOWELS = frozenset("aeiou")


# Words whose final "s" makes no plural: short forms (the MIT Election Lab's countypres and
# state_pres, a presidential race's returns; stats; ops) and a noun used only so (a
# bookmaker's odds_feed is no feed of an "odd"). "pres" ends a word glued to another too
# (countypres); the others only alone (thermostats, shops and crops are plurals).
_S_NO_PLURAL = frozenset({"pres", "odds", "stats", "ops"})
_GLUED_NO_PLURAL = "pres"


def _ends_in_no_plural(word: str) -> bool:
    """Whether a word is a word whose final "s" makes no plural (`_S_NO_PLURAL`), or ends in
    "pres" glued to a word of three letters or more."""
    stem = word[: -len(_GLUED_NO_PLURAL)]
    return word in _S_NO_PLURAL or (word.endswith(_GLUED_NO_PLURAL) and len(stem) >= 3 and stem.isalpha())


def _no_plural(word: str) -> bool:
    """Whether a word ending in "s" cannot be an English plural: a short form or a noun whose
    "s" is its own (`_S_NO_PLURAL`), a consonant before "ys" (a consonant's y takes "ies":
    Johnson Controls' Metasys), or a consonant's "os" where the word before the "s" is no
    noun in "o" (Kronos/UKG's exports)."""
    if _ends_in_no_plural(word):
        return True
    if word.endswith("ys"):
        return word[-3] not in _VOWELS
    return word.endswith("os") and word[-3] not in _VOWELS and word[:-1] not in _O_NOUNS


def singular(word: str) -> str:
    """A plural English word's singular, by the common rules (enough for table names)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("series"):
        return word  # (the ANES's timeseries)
    if len(word) > 3 and _no_plural(word):
        return word  # a name or an acronym, written as it is
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Little words that name nothing (ShipVia, reports_to, approved_by).
FUNCTION_WORDS = frozenset(
    {"via", "to", "from", "of", "for", "by", "at", "on", "in", "the", "a", "an", "and", "or", "per"}
    # (possessives: a bettor's my_bets export lists bets, not "my bets")
    | {"my", "our", "your"}
)
# Words of a table's own row counter (MIMIC's ROW_ID in every table, an export's rownum,
# the "Unnamed: 0" of a pandas index written out, UCI's bike-sharing "instant"): like a bare
# "id", they name no entity.
COUNTER_WORDS = frozenset({"row", "rowid", "rownum", "rowno", "idx", "unnamed", "instant"})


def entity_words(name: str) -> tuple[str, ...]:
    """The words of a name that name a thing: prefix, key, counter and function words dropped,
    the rest singular."""
    return tuple(
        singular(w) for w in core_words(name)
        if w not in KEY_WORDS and w not in FUNCTION_WORDS and w not in COUNTER_WORDS and not w.isdigit()
    )


# Words that mark a table's layer or kind rather than its entity (dim_customer, tbl_orders).
# Also words that mark an example file (Tableau's sample_superstore).
TABLE_PREFIXES = frozenset(
    {"dim", "fact", "fct", "tbl", "tb", "stg", "raw", "src", "ref", "lkp", "lookup", "vw", "view", "t", "d", "f", "sample", "example", "demo"}
    # The services whose exports a folder gathers name their files after them
    # (stripe_customers, hubspot_contacts): a customer_id points at stripe_customers.
    | {"stripe", "hubspot", "salesforce", "sfdc", "shopify", "zendesk", "jira", "quickbooks", "qbo", "xero",
       "mailchimp", "intercom", "netsuite", "marketo", "pipedrive", "woocommerce", "magento", "bigcommerce",
       "paypal", "braintree", "chargebee", "recurly", "zuora", "klaviyo", "freshdesk", "gorgias", "amplitude", "mixpanel"}
    # A restaurant's back office: inventory, invoicing, scheduling and delivery services
    # (marketman_inventory_counts is an inventory count, not a "marketman" one).
    | {"marketman", "marginedge", "restaurant365", "r365", "homebase", "opentable", "sevenrooms",
       "doordash", "ubereats", "grubhub", "lightspeed"}
    # A plant's ERP and MES (sap_afru_confirmations, factorytalk_downtime_events, opcenter_
    # production_orders): confirmations and downtime events, not "sap" or "factorytalk" ones.
    | {"sap", "factorytalk", "opcenter", "wonderware", "aveva"}
    # NCES's Common Core of Data names every file ccd_ (ccd_sch_..., ccd_lea_...): a school,
    # not a "ccd school", beside a file of another collection.
    | {"ccd"}
)
# SAP's tables, whose codes lead the names of their extracts (sap_afru_confirmations,
# afvc_operations, mara_materials): the code says where SAP keeps the rows, the words after
# it what they are. Before other words only: a file named mara alone keeps its name.
SAP_TABLES = frozenset({
    "afru", "afvc", "afvv", "afko", "afpo", "aufk", "mara", "makt", "mbew", "mkpf", "mseg", "ekko", "ekpo",
    "eban", "vbak", "vbap", "vbrk", "vbrp", "likp", "lips", "bkpf", "kna1", "lfa1", "crhd", "plko", "plpo",
    "stko", "stpo", "resb", "jest", "qals", "qmel", "afih", "iflot",
})
# A product's name that starts with a number (7shifts, 23andme, 99designs, 1password): a
# brand, not a word of what a row is, when the name goes on. Not an ordinal (2nd, 1st) nor a
# span (30day, 12month), which qualify the words after them.
_NUMBERED_BRAND = re.compile(r"[0-9]+(?!st|nd|rd|th)[a-z]{4,}")
_SPAN_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year", "yr"})


def _is_prefix(word: str) -> bool:
    """Whether a table name's first word is a layer's or a service's, not its entity's."""
    if word in TABLE_PREFIXES or word in SAP_TABLES:
        return True
    return _NUMBERED_BRAND.fullmatch(word) is not None and word.lstrip("0123456789") not in _SPAN_UNITS


# Words of file names that say what the file is, not what a row is (orders_export, sales_data).
TABLE_NOISE = frozenset({
    "export", "dataset", "data", "table", "extract", "dump", "file", "final", "latest", "clean", "cleaned", "copy",
    # the span a file covers: Chicago's Crimes_-_2001_to_Present, USGS's all_month
    "present", "current", "recent", "all",
    # how the file was fetched: the IRS's data-download-pub78.txt lists organisations, not downloads
    "download", "downloaded",
    # how it is laid out: FAOSTAT's long file, *_E_All_Data_(Normalized), beside its wide one
    "normalized", "normalised",
})
# Words before a word of the file that belong to it: College Scorecard's Most-Recent-Cohorts-
# Field-of-Study (not a "most" field of study), FAOSTAT's E_All_Data (E for English, before
# the word of a file of everything).
_NOISE_BEFORE = {"most": TABLE_NOISE, "e": frozenset({"all"})}


def _without_noise(ws: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without those of the file (`TABLE_NOISE`) and the words that go with
    the one after them (`_NOISE_BEFORE`)."""
    return tuple(
        w for i, w in enumerate(ws)
        if w not in TABLE_NOISE and not (i + 1 < len(ws) and ws[i + 1] in _NOISE_BEFORE.get(w, ()))
    )


def _compound_words(table: str) -> tuple[str, ...]:
    """A table name's words with its key words kept, when without them only a word of the file
    would be left: the USPTO's case_file lists trademark cases (a case file), not files."""
    kept = tuple(singular(w) for w in core_words(table) if w not in FUNCTION_WORDS and not w.isdigit())
    return kept if len(kept) > 1 else entity_words(table)


def table_entity_words(table: str) -> tuple[str, ...]:
    """``entity_words`` of a table name without layer prefixes (``dim_``, ``tbl_``, ``stg_``)
    and file-name noise (``_export``, ``_dataset``)."""
    ws = _without_noise(entity_words(table)) or _compound_words(table)
    while len(ws) > 1 and _is_prefix(ws[0]):
        ws = ws[1:]
    return ws


def is_key_like(name: str) -> bool:
    """Whether a column name says it holds identifiers (``order_id``, ``SKU``, ``emp_no``)."""
    ws = core_words(name)
    if not ws or (ws[-1] in BOUND_WORDS and ws[0] != ws[-1]):
        return False  # (ref_range_lower: a bound of a range)
    return (
        ws[-1] in KEY_WORDS or _leading_key_word(ws) or "sku" in ws or _ARTICLE_NUMBER.fullmatch(ws[0]) is not None
        or _CODE_WORD.fullmatch(ws[-1]) is not None or ws[-1] in _ABBREVIATIONS or ws[-2:] == ("short", "name")
        or ws[0] in REGISTRY_NUMBERS or (ws[-1] in REGISTRY_NUMBERS and ws[-1] not in _LEADING_ONLY)
        or (len(ws) == 1 and ws[0] in CELL_IDENTITIES) or _NUMBER_SIGN_END.search(_TRAILING_NOTE.sub("", name)) is not None
        or ws[0] in DOCUMENT_NUMBERS or ws[-1] in DOCUMENT_NUMBERS
    )


# The document numbers e-discovery load files write (Relativity, Nuix, Concordance): a
# document's first and last page's Bates numbers, its family's, its control number. The
# load file is keyed by BEGDOC or BEGBATES as often as by DOCID, and its PARENT_DOCID and
# BEGATTACH point there.
DOCUMENT_NUMBERS = frozenset(
    {"begdoc", "enddoc", "begbates", "endbates", "begattach", "endattach", "docid", "controlnumber", "begno", "endno", "bates"}
)


# A number sign after a name numbers the thing (BambooHR's "Employee #", "PO#"); before it, it
# counts them ("# of Rooms").
_NUMBER_SIGN_END = re.compile(r"[A-Za-z]\s*#\s*$")


# The numbers a registry gives a thing, which name it wherever it is listed: a vessel's MMSI
# and IMO number in AIS reports, an aircraft's ICAO 24-bit address in OpenSky's states, a
# firm's DUNS, UEI (SAM.gov), EIN and LEI (GLEIF), a provider's NPI, a filer's CIK at the
# SEC, a vehicle's VIN. Keys where they lead or end a name (MMSI, vessel_mmsi), and not key
# words: they name their thing, so two columns named MMSI still refer to each other by name.
REGISTRY_NUMBERS = frozenset(
    {"mmsi", "imo", "icao24", "duns", "uei", "ein", "lei", "npi", "cik", "vin"}
    # (a subscriber's, a SIM's and a handset's, several of them unique in a subscriber table:
    # MSISDN, IMSI, ICCID, IMEI)
    | {"msisdn", "imsi", "iccid", "imei", "imeisv"}
)
# (A name ending in "lei" may be an amount in Romanian lei: pret_lei.)
_LEADING_ONLY = frozenset({"lei"})
# The identities of a mobile network's cells as 3GPP names them, and cell inventories, CDRs
# and OSS counter exports head them: CI (the cell identity, unique numbers spread over 0 to
# 65535), LTE's ECI and 5G's NCI, the global CGI and ECGI, and the areas cells are grouped in
# (LAC, TAC). Keys as a whole name only: a "CI" beside ci_lower is a confidence interval's.
CELL_IDENTITIES = frozenset({"ci", "eci", "nci", "cgi", "ecgi", "ncgi", "lac", "tac"})


def _leading_key_word(ws: tuple[str, ...]) -> bool:
    """A key word first (id_customer, code_postal), but a count's (numVotes, num_pages)."""
    return ws[0] in KEY_WORDS and not (ws[0] in _COUNT_FIRST and len(ws) > 1)


# A name's short form is a code: GBFS's station short_name ("6948.10", "HB101", the ids of
# Citi Bike's trips), a state's abbreviation.
_ABBREVIATIONS = frozenset({"abbr", "abbrev", "abbreviation", "shortname"})


# A code's name written as one word: the Correlates of War's ccode, Polity's scode, zipcode.
_CODE_WORD = re.compile(r"[a-z]{1,6}code")


# The standard numbers of articles (`inference.names.ARTICLE_NUMBERS`), whole numbers of one
# width that key a catalog wherever they stand (Goodreads' isbn13 after its bookID), with the
# width written after them or not.
_ARTICLE_NUMBER = re.compile(rf"(?:{'|'.join(sorted(ARTICLE_NUMBERS))})(?:6|8|9|10|12|13|14)?")


# The names a reader gives the columns of a file without a header (DuckDB's column0 and
# column07, Spark's _c0, pandas' "Unnamed: 3"): they say nothing of what a column holds, and
# two of them alike ("column01" in two tables) are no evidence of a reference.
_PLACEHOLDER = re.compile(r"(?:column|_c)[0-9]+|unnamed: ?[0-9]+", re.IGNORECASE)


def is_placeholder(name: str) -> bool:
    """Whether a column's name is a reader's placeholder for a missing header."""
    return _PLACEHOLDER.fullmatch(name) is not None


# Words of a rank: a place in an ordering of the table's own rows (the World Happiness
# Report's "Happiness Rank" in each year's file). Unique, but it tells where a row stands,
# not what it is, and it refers to no other table's rows.
RANK_WORDS = frozenset({"rank", "ranking", "ranked"})


def names_a_rank(name: str) -> bool:
    return bool(RANK_WORDS.intersection(words(name))) and not is_key_like(name)


# Words of a unit of measure: WQP's ResultMeasure/MeasureUnitCode ("mg/l as N"), MIMIC's
# valueuom, FAOSTAT's Unit beside its Element. A unit belongs to the measure of its row
# (each characteristic read in its own unit), never says what the row is.
_UNIT_WORDS = frozenset({"unit", "units", "uom", "uoms"})
# Words after a unit's that name the same column ("MeasureUnitCode", "unit_of_measure").
_UNIT_TAILS = frozenset({"code", "cd", "name", "desc", "description", "of", "measure", "measurement"})
# Units that are things, not of measure: a business unit, a flat (BUSINESS_UNIT, Housing Unit).
_THING_UNITS = frozenset({
    "business", "org", "organization", "organisation", "operating", "admin", "administrative", "housing",
    "dwelling", "rental", "storage", "apartment", "care", "nursing", "military", "keeping", "police",
})


def names_a_unit(name: str) -> bool:
    """Whether a column's name says it holds a unit of measure."""
    ws = core_words(name)
    while len(ws) > 1 and ws[-1] in _UNIT_TAILS:
        ws = ws[:-1]
    if ws and ws[-1].endswith("uom"):
        return True  # (glued to what it measures: MIMIC's valueuom)
    return bool(ws) and ws[-1] in _UNIT_WORDS and (len(ws) == 1 or ws[-2] not in _THING_UNITS)


# Where mail is delivered to, not where a thing stands: an e-mail address (Mailchimp's and
# HubSpot's "Email Address", "E-mail Address") names its holder as a login does, and is the one
# key an activity export shares with its audience.
_MAILBOX_WORDS = frozenset({"email", "mail"})


def names_a_mailbox(name: str) -> bool:
    """Whether a name says its values are e-mail addresses (Email, "E-mail Address")."""
    ws = words(name)
    return bool(ws) and (ws[-1] in _MAILBOX_WORDS or (ws[-1] == "address" and len(ws) > 1 and ws[-2] in _MAILBOX_WORDS))


def is_descriptive(name: str) -> bool:
    ws = words(name)
    return any(
        w in DESCRIPTIVE_WORDS and not (w == "address" and i > 0 and ws[i - 1] in _MAILBOX_WORDS)
        for i, w in enumerate(ws)
    )


# Two consonants an English word may start with: a letter before a word that makes one of
# these (s + team, p + lane) makes another word, not the first one marked.
_ONSETS = frozenset({
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gn", "gr", "kl", "kn", "kr", "ph", "pl",
    "pr", "ps", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
})
# The word after such a letter is this long at least (w + age is a wage).
_MARKED_MIN = 4


def same_word(a: str, b: str) -> bool:
    """Whether two words of names are one, or one is the other with a letter before it that
    marks a kind of it: PJM's pnode (a price node) and a trade's node, an nnode of a network.
    Only where the two first letters start no English word (steam is no s-team)."""
    if a == b:
        return True
    marked, bare_word = (a, b) if len(a) > len(b) else (b, a)
    return (
        len(bare_word) >= _MARKED_MIN and marked[1:] == bare_word and marked.isalpha()
        and marked[0] not in _VOWELS and marked[1] not in _VOWELS and marked[:2] not in _ONSETS
    )


# Abbreviations that are no prefix of their word: PayPal's "Reference Txn ID".
_ABBREVIATED = {"txn": "transaction", "trx": "transaction", "xact": "transaction"}


def _word_match(a: str, b: str) -> float:
    """1 for the same word, 0.8 when the shorter (3+ letters) abbreviates the longer."""
    if a == b:
        return 1.0
    if _ABBREVIATED.get(a) == b or _ABBREVIATED.get(b) == a:
        return 0.8
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_ == short + "s" and _no_plural(long_):
        return 1.0  # a plural `singular` keeps whole (a Spanish table's pedidos, its pedido_id)
    if len(short) >= 3 and long_.startswith(short):
        return 0.8
    if len(short) >= 3 and _consonants(long_).startswith(short):  # dpt, mgr, cstmr
        return 0.7
    return 0.0


def _consonants(word: str) -> str:
    return word[0] + re.sub(r"[aeiou]", "", word[1:])


def refers_to(child_column: str, parent_table: str, parent_column: str, *, own_key: bool = False) -> float:
    """How strongly ``child_column``'s name points at ``parent_table.parent_column``, 0..1.

    1.0: the same specific name (``order_id`` and ``order_id``) or the parent's entity with a
    key word (``customer_id`` -> ``customers.id``); 0.8 and below: abbreviations (``cust_id``),
    or the entity among other words (``billing_customer_id``, ``lead_emp``). ``own_key``: the
    parent column is its table's identifying key (its grain). A flattened JSON field's path
    (``end_device_ids.dev_eui``) is read by its last field too (`json_leaf`).
    """
    best = _refers_to(child_column, parent_table, parent_column, own_key=own_key)
    leaves = json_leaf(child_column), json_leaf(parent_column)
    if leaves != (child_column, parent_column):
        best = max(best, _refers_to(*leaves[:1], parent_table, leaves[1], own_key=own_key))
    return best


# A column of a flattened JSON record is named by its field's path (The Things Network's and
# ChirpStack's uplinks as their consoles export them: end_device_ids.dev_eui,
# uplink_message.rx_metadata[0].rssi): the last field names the value, as a device registry
# names the same value (dev_eui).
_JSON_PATH = re.compile(r"[A-Za-z_]\w*(?:\[[0-9]+\])?(?:\.[A-Za-z_]\w*(?:\[[0-9]+\])?)+")


def json_leaf(name: str) -> str:
    """The last field of a flattened JSON path (``end_device_ids.dev_eui`` -> ``dev_eui``);
    any other name as it is (``Acct. No``, ``No.``)."""
    return name.rsplit(".", 1)[1] if _JSON_PATH.fullmatch(name) else name


def _refers_to(child_column: str, parent_table: str, parent_column: str, *, own_key: bool = False) -> float:
    child = core_words(child_column)
    if not child:
        return 0.0
    if child != core_words(parent_column) and trade_item_number(child_column) and trade_item_number(parent_column):
        return TRADE_ITEM_FAMILY
    if child != core_words(parent_column) and parcel_number(child_column) and parcel_number(parent_column):
        return PARCEL_FAMILY
    parent_words = core_words(parent_column)
    specific_parent = bool(entity_words(parent_column))
    if child == parent_words and specific_parent:
        return 1.0
    child_entity = entity_words(child_column)
    if not child_entity:
        return 0.0  # a bare "id" or "code" names nothing
    table_entity = table_entity_words(parent_table)
    column_entity = entity_words(parent_column)
    if len(table_entity) == 1 and len(column_entity) > 1 and "".join(column_entity) == table_entity[0]:
        table_entity = column_entity  # "invoiceline" is InvoiceLineId's invoice line
    if not own_key and column_entity and table_entity and not _same_thing(column_entity, table_entity):
        # A unique column that names another entity (customer.address_id) is not what a
        # reference to the table (customer_id) points at; the table's own key is, whatever its
        # name (Person.BusinessEntityID): ``own_key``.
        table_entity = ()
    targets = [table_entity, column_entity]
    best = 0.0
    for target in targets:
        if not target:
            continue
        # Whole multi-word entity (order_item_id -> order_items, SalesPersonID -> salesperson,
        # a file name that lost its case) or its last word.
        if child_entity == target or _glued(child_column) == "".join(target):
            best = max(best, 1.0)
            continue
        found = 0.0
        matched: set[str] = set()
        head_matched = False
        for position, cw in enumerate(child_entity):
            for tw in target:
                score = _word_match(cw, tw)
                if score:
                    matched.add(tw)
                    head_matched = head_matched or position == len(child_entity) - 1
                    extra = len(child_entity) > 1  # qualifiers: billing_, lead_, parent_
                    found = max(found, score - (0.1 if extra else 0.0))
        if found and len(matched) < len(target):
            # invoice_id names an invoice, not an invoice line: part of a longer entity.
            found = min(found, 0.5)
        if found and not head_matched:
            # The entity is the last word: product_category_id names a category (of products),
            # not a product; billing_customer_id names a customer.
            found = min(found, 0.4)
        best = max(best, found)
    if is_measure_like(child_column):
        return 0.0  # sort_order, min_order_qty, payment_terms_days: amounts, not references
    if best == 0.0:
        best = _synonym_or_role(child_entity, [t for t in targets if t])
    if best and not is_key_like(child_column):
        # "customer" rather than "customer_id"; "on_order" or "ShipVia" is weaker still.
        other_words = [w for w in core_words(child_column) if w not in KEY_WORDS]
        best = min(best, 0.9 if len(other_words) == 1 else 0.6)
    return best


# GS1's numbers of one trade item, as wide as each writer keeps them: a POS's 12-digit UPC-A,
# a European EAN-13, an item master's (EDI 832's) GTIN-14 zero-padded to fourteen. Two names
# of the family name the same code, read once leading zeros are set aside.
_TRADE_ITEM_NUMBER = re.compile(r"(?:upc|ean|gtin|jan)(?:a|e|8|12|13|14)?")
TRADE_ITEM_FAMILY = 0.9


def trade_item_number(name: str) -> bool:
    """Whether a name is one of GS1's numbers of a trade item (UPC, "UPC-A", EAN13, GTIN-14),
    with nothing but a width, a letter or a key word after it."""
    ws = core_words(name)
    return (
        bool(ws) and _TRADE_ITEM_NUMBER.fullmatch(ws[0]) is not None
        and all(w.isdigit() or len(w) == 1 or w in KEY_WORDS for w in ws[1:])
    )


# A county's parcel (its tax lot), as each writer names its number: RESO's MLS feeds write
# ParcelNumber, Cook County's assessor PIN (PIN14, its fourteen digits), California's counties
# APN, Los Angeles County AIN, Pennsylvania's and Ohio's CAMA exports PARID, GIS layers
# PARCEL_ID (PARCELNUMB, cut to a shapefile's ten letters). Two names of the family name the
# same key: the MLS-to-assessor join every property analysis starts with. (Not "Pin Code",
# India's postal code.)
_PARCEL_NUMBER = re.compile(r"(?:pin(?:1[04])?|apn|ain|parid|parcel)(?:id|no|nr|nbr|num|numb|number)?")
PARCEL_FAMILY = 0.9


def parcel_number(name: str) -> bool:
    """Whether a name is one of a parcel's numbers (ParcelNumber, PIN, APN, AIN, PARID,
    Parcel ID), its words written together."""
    return _PARCEL_NUMBER.fullmatch("".join(core_words(name))) is not None


def _glued(name: str) -> str:
    """A name's entity written as one word, singular at its end (SalesPersonID ->
    salesperson, order_items_id -> orderitem): how a lower-cased file name reads."""
    kept = [w for w in core_words(name) if w not in KEY_WORDS and w not in FUNCTION_WORDS and not w.isdigit()]
    return singular("".join(kept)) if kept else ""


def _same_thing(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two entity names share a word, an abbreviation or a synonym (emp, employee)."""
    if any(_word_match(x, y) for x in a for y in b):
        return True
    return any(group & set(a) and group & set(b) for group in SYNONYMS)


def _synonym_or_role(child_entity: tuple[str, ...], targets: list[tuple[str, ...]]) -> float:
    """0.6 when a child word and the parent's entity are synonyms (vendor, supplier) or the
    child names a person's role and the parent holds people (sales_rep, approved_by ->
    employees)."""
    target_words = {w for t in targets for w in t}
    for group in SYNONYMS:
        if group & set(child_entity) and group & target_words:
            return 0.6
    if target_words & PERSON_ENTITIES and set(child_entity) & PERSON_ROLES:
        return 0.6
    return 0.0


TIME_WORDS = frozenset({"timestamp", "time", "date", "datetime", "epoch", "ts", "at", "on", "when", "created", "updated", "modified"})


def names_a_time(name: str) -> bool:
    """Whether a name says it holds a time (``timestamp``, ``created_at``, ``event_time``)."""
    return any(w in TIME_WORDS for w in words(name))


def names_a_year(name: str) -> bool:
    """Whether a name says it holds a year (``YearBuilt``, ``GarageYrBlt``, ``release_year``)
    and no key word says it keys one (``yearID`` does, in Lahman's composite keys)."""
    return not is_key_like(name) and any(w in ("year", "yr", "yyyy") for w in core_words(name))


# Words before "area" that make it a region, not a surface: Chicago's Community Area 1..77,
# a service area, a statistical area.
_REGION_WORDS = frozenset({
    "community", "service", "police", "health", "statistical", "metro", "metropolitan", "census", "school",
    "planning", "market", "trade", "catchment", "local", "admin", "administrative", "district", "postal",
})


def is_measure_like(name: str) -> bool:
    """Whether a name says it holds an amount (and no key word says otherwise)."""
    ws = core_words(name)
    return not is_key_like(name) and any(
        (w in MEASURE_WORDS and not (w == "area" and i > 0 and ws[i - 1] in _REGION_WORDS)) or _glued_measure(w)
        for i, w in enumerate(ws)
    )


def _glued_measure(word: str) -> bool:
    return word not in _NOT_GLUED and (
        any(word.startswith(p) and len(word) >= len(p) + 3 for p in _GLUED_MEASURE_STARTS)
        or any(word.endswith(e) and len(word) >= len(e) + 3 for e in _GLUED_MEASURE_ENDS)
    )


def is_amount_like(name: str) -> bool:
    """Whether a name says it holds an amount, not a row's place among others (``line_seq``)."""
    ws = core_words(name)
    return is_measure_like(name) and not any(w in ORDER_WORDS for w in ws)


# Hierarchy words that say so only in an identifier's name: next_id, original_id, head_id,
# but not buildUpPlaySpeed (a score) nor original_publication_year.
_WEAK_HIERARCHY_WORDS = frozenset({"up", "original", "next", "prev", "previous", "head", "lead", "root", "duplicate", "merged", "replaces", "replaced"})


# Words of a field that links a row to another of its table: Jira's exports write an epic's
# key in "Custom field (Epic Link)", Advanced Roadmaps' parent in "Parent Link", a blocker in
# "Outward issue link (Blocks)".
_LINK_WORDS = frozenset({"link", "links"})


def hierarchy_hint(child_column: str) -> bool:
    """Whether a column's name says it points at another row of its own table."""
    ws = words(child_column)
    if any((w in HIERARCHY_WORDS and w not in _WEAK_HIERARCHY_WORDS) or w in _LINK_WORDS for w in ws):
        return True
    return any(w in _WEAK_HIERARCHY_WORDS for w in ws) and is_key_like(child_column)


# Words before a table's own key's name that make a column point at another row of the table:
# PayPal's "Reference Txn ID" beside its "Transaction ID" (a refund names its payment), a
# refunded_transaction_id, a related_order_id.
_REFERRING_WORDS = frozenset(
    {"reference", "ref", "refunded", "refund", "reversed", "original", "orig", "parent", "related", "linked", "prior"}
)


def refers_back(child_column: str, key_column: str) -> bool:
    """Whether a column is named as its table's key ``key_column`` after a word of reference
    (``Reference Txn ID`` beside ``Transaction ID``): a self-reference, whatever hierarchy
    words it lacks."""
    ws = core_words(child_column)
    if len(ws) < 2 or ws[0] not in _REFERRING_WORDS or not is_key_like(key_column):
        return False
    rest, key = [w for w in ws[1:] if w not in KEY_WORDS], [w for w in core_words(key_column) if w not in KEY_WORDS]
    return bool(key) and len(rest) == len(key) and all(_word_match(a, b) >= 0.8 for a, b in zip(rest, key, strict=True))
