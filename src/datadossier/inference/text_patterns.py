"""Detectors of text patterns: the column stays VARCHAR, and the pattern is recorded."""

from __future__ import annotations

from datadossier.inference.detector import Detector, register
from datadossier.inference.names import looks_like_postal, looks_like_year_month, name_tokens


@register
def email() -> Detector:
    """E-mail addresses ("ana@example.com"; the name may hold the other characters RFC 5322
    allows, the apostrophe of "mary.o'neil@x.org" among them)."""
    regex = r"\s*[A-Za-z0-9._%+'!#$&*/=?^`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\s*"
    return Detector("email", "VARCHAR", regex, priority=30)


@register
def uuid() -> Detector:
    """UUIDs in the 8-4-4-4-12 hex form, braces allowed."""
    hx = "[0-9A-Fa-f]"
    regex = rf"\s*\{{?{hx}{{8}}-{hx}{{4}}-{hx}{{4}}-{hx}{{4}}-{hx}{{12}}\}}?\s*"
    return Detector("uuid", "VARCHAR", regex, priority=30)


# Words of a period of years in a column's name (AID_YEAR, Fiscal Year, Season, term): elsewhere
# "1500-2000" is a range of figures (square feet, an income bracket), not of years.
_SPAN_WORDS = frozenset({"year", "years", "yr", "yrs", "fy", "ay", "season", "term", "session", "cohort", "vintage"})


def _named_as_years(name: str) -> bool:
    return bool(_SPAN_WORDS.intersection(name_tokens(name))) or looks_like_year_month(name)


@register
def year_span() -> Detector:
    """Periods of years written as their first and last, four digits each ("2023-2024": a
    student's aid year, as PeopleSoft Campus Solutions' AID_YEAR writes it; a fiscal year
    "2022/2023"): kept as text, the reason giving each end's SQL (see `decide`). Two-digit ends,
    a season's "2011/12", are no months (`sampling._seasons`) and stay plain text."""
    regex = r"\s*(?:1[5-9]|2[0-9])[0-9]{2}\s?[-/]\s?(?:1[5-9]|2[0-9])[0-9]{2}\s*"
    return Detector("year_span", "VARCHAR", regex, priority=30, named=_named_as_years)


# Top-level domains a host name without a scheme is told by (lower case, as written).
_WEB_DOMAINS = ("com", "org", "net", "edu", "gov", "mil", "int", "io", "info", "biz", "us", "uk", "ca", "de", "fr", "au", "eu")


@register
def url() -> Detector:
    """Web addresses with a scheme ("https://x.org/a"), starting with "www.", or a host name
    of two labels or more in a common top-level domain, a path after it (the College
    Scorecard's INSTURL "cfs.uab.edu/", "calbaptist.edu"; not a file's "report.pdf")."""
    host = rf"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{'|'.join(_WEB_DOMAINS)})(?:/[^\s]*)?"
    regex = rf"\s*(?:(?i:(?:https?|ftp)://[^\s/?#]+|www\.[^\s/?#]+\.[^\s/?#]+)[^\s]*|{host})\s*"
    return Detector("url", "VARCHAR", regex, priority=30)


@register
def phone() -> Detector:
    """Phone numbers ("(555) 123-4567", "+49 30 1234567", "555.123.4567", "07911 123456",
    "2065552579", "+91 9743772233"), also with an extension as CRMs keep office numbers
    ("555-123-4567 x204", "(555) 123-4567 ext. 12")."""
    groups = (
        r"\([0-9]{1,4}\)[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,4}"  # (555) 123-4567
        r"|[0-9]{2,5}[ -][0-9]{3,4}[ -][0-9]{3,4}"  # 020 7946 0958, 555-123-4567
        # One separator: an area code and the rest, nine digits or more in all ("030 1234567",
        # "07911 123456"); not the FAA's obstruction numbers "19-028134".
        r"|[0-9]{2}[ -][0-9]{7,8}|[0-9]{3}[ -][0-9]{6,8}|[0-9]{4,5}[ -][0-9]{5,8}"
        r"|[0-9]{2,4}\.[0-9]{3,4}\.[0-9]{3,4}"  # 555.123.4567 (a point twice: 12.3456789 is a number)
    )
    grouped = rf"(?:\+[0-9]{{1,3}}[ .-]?)?(?:{groups})"
    # Bare digits too (exports often strip the separators): with a country code, ten as North
    # America dials them (not from 0 or 1), or a trunk 0 and 9 to 11 more; not an SEC CIK's
    # "0000066740" nor a 13-digit Unix time. Under a phone's name such a column stays text
    # (see `decide`); elsewhere integers rank above text patterns.
    # A country code set apart from the rest in one block: "+91 9743772233" (Zomato's).
    bare = r"\+[0-9]{10,15}|\+[0-9]{1,3}[ .-][0-9]{6,12}|1?[2-9][0-9]{9}|0[1-9][0-9]{8,10}"
    extension = r"(?:\s*(?:x|ext\.?|extension|#)\s*[0-9]{1,6})?"
    return Detector("phone", "VARCHAR", rf"\s*(?:{grouped}|{bare}){extension}\s*", priority=30)


@register
def postal_code() -> Detector:
    """US ZIP codes, five digits or ZIP+4 ("02114", "10467-8772", "104527767"), also masked
    to their first three digits or whole ("941XX", "XXXXX", as the CFPB's complaints and
    health data publish them; Lending Club's "917xx"), and the postcodes of the UK ("SW1A 1AA"), Canada ("M5H 2Y4")
    and the Netherlands ("1012 AB"). Any five digits would match: it is shortlisted only
    under a postal name."""
    regex = (
        r"\s*(?:[0-9]{5}(?:-?[0-9]{4})?|[0-9]{3}(?:XX|xx)|XXXXX"
        r"|[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}"
        r"|[A-Za-z][0-9][A-Za-z] ?[0-9][A-Za-z][0-9]"
        r"|[1-9][0-9]{3} ?[A-Za-z]{2})\s*"
    )
    return Detector("postal_code", "VARCHAR", regex, priority=30, named=looks_like_postal)


@register
def ip_address() -> Detector:
    """IPv4 addresses (each part 0-255) and IPv6 addresses (full or with '::', and IPv4 ones
    written as IPv6: "::ffff:192.0.2.128", as dual-stack servers log their clients)."""
    part = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    v4 = rf"(?:{part}\.){{3}}{part}"
    hx = "[0-9A-Fa-f]{1,4}"
    groups = rf"{hx}(?::{hx}){{0,6}}"
    v6 = rf"(?:{hx}:){{7}}{hx}|(?:{groups})?::(?:{groups})?|(?:{groups})?::(?:{hx}:){{0,5}}{v4}"
    # Above `thousands`: "10.100.200.250" is an address, not ten billion.
    return Detector("ip_address", "VARCHAR", rf"\s*(?:{v4}|{v6})\s*", priority=45)


@register
def geo_point() -> Detector:
    """A point as latitude and longitude in one value: "(41.8781, -87.6298)" as Socrata
    exports write a Location, or well-known text "POINT (-87.6298 41.8781)" (longitude
    first). With decimals: "(1, 2)" is any pair."""
    lat = r"[-+]?[0-9]{1,2}\.[0-9]+"
    lon = r"[-+]?[0-9]{1,3}\.[0-9]+"
    regex = rf"\s*(?:\(\s*{lat}\s*,\s*{lon}\s*\)|(?i:point)\s*\(\s*{lon}\s+{lat}\s*\))\s*"
    return Detector("geo_point", "VARCHAR", regex, priority=30)


@register
def coordinate_pair() -> Detector:
    """A point as two or three numbers in brackets, x and y (and z) as a JSON array: StatsBomb's
    event location and pass_end_location "[60.5, 40.2]" on the pitch, its shot_end_location
    "[120.0, 38.1, 1.2]". Not a list of items: each number has its place. With decimals, as
    programs write such numbers: "[1, 2]" is any pair of ids."""
    number = r"[-+]?[0-9]+\.[0-9]+(?:[eE][-+]?[0-9]+)?"
    regex = rf"\s*\[\s*{number}\s*,\s*{number}\s*(?:,\s*{number}\s*)?\]\s*"
    return Detector("coordinate_pair", "VARCHAR", regex, priority=30)


@register
def number_array() -> Detector:
    """Numbers in brackets as a JSON or Python array, as many in every value (the sample checks:
    `json_text.array_positions`), each with its place: Food.com's recipe nutrition "[51.5, 0.0,
    13.0, 0.0, 2.0, 0.0, 4.0]" (calories, then six daily values), an embedding, a bounding box
    "[x, y, w, h]", an RGB triple. Below `coordinate_pair`, which names a point."""
    number = r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    return Detector("number_array", "VARCHAR", rf"\s*\[\s*{number}(?:\s*,\s*{number})+\s*\]\s*", priority=29)


@register
def wkt_geometry() -> Detector:
    """Geometries as well-known text of any kind, mixed in one column: "POLYGON ((...))",
    "MULTIPOLYGON (((...)))", "LINESTRING (...)", "POINT EMPTY", with a Z or M, or an EWKT's
    "SRID=4326;" before (Ookla's tiles, the Census Bureau's TIGER files as CSV, NYC Open
    Data's the_geom). Below `geo_point`, which names a column of points."""
    kinds = r"(?:MULTI)?(?:POINT|LINESTRING|POLYGON)|GEOMETRYCOLLECTION"
    regex = rf"\s*(?:SRID=[0-9]+;)?(?i:{kinds})(?:\s?(?i:ZM|Z|M))?\s*(?:(?i:EMPTY)|\(.*\))\s*"
    return Detector("wkt_geometry", "VARCHAR", regex, priority=29)


@register
def json_object() -> Detector:
    """JSON objects, an event's parameters as one value (a game SDK's params
    '{"order_id": "GPA.3312-...", "sku": "gems_500"}', Segment's properties; "{}" when there
    are none). The shape alone, braces around a quoted key; the sample names the keys
    (`json_text.json_keys`). A Python dict as pandas writes one ("{'a': 1, 'b': True}") is
    read as one too."""
    return Detector("json_object", "VARCHAR", r"\s*\{\s*(?:\}|[\"'](?s:.*)\})\s*", priority=30)


@register
def json_object_list() -> Detector:
    """JSON lists of objects, a record's parts as one value: StatsBomb's lineups keep a player's
    positions as '[{"position_id": 1, "position": "Goalkeeper", "from": "00:00", "to": null}]',
    "[]" for one who never played. The shape alone, brackets around braces; the sample must
    hold objects in them (`json_text.json_item_keys`), a column of "[]" alone is none. Python
    lists of dicts as pandas writes them (The Movies Dataset's genres "[{'id': 16, 'name':
    'Animation'}]") are read as such too."""
    return Detector("json_object_list", "VARCHAR", r"\s*\[\s*(?:\]|\{(?s:.*)\}\s*\])\s*", priority=30)
