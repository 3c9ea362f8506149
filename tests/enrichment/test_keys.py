"""Which columns may be parts of a key, read from a column's profile alone."""

from __future__ import annotations

from datadossier.enrichment.keys import _part_ok  # pyright: ignore[reportPrivateUsage]
from datadossier.enrichment.model import ColumnStats


def _column(name: str, sql_type: str = "INTEGER", distinct: int = 1600) -> ColumnStats:
    return ColumnStats("s.t", name, 1, sql_type, 1900, 0, distinct)


def test_tallies_of_a_report_or_a_stock_count_are_no_key_parts() -> None:
    # AppLovin MAX's report by day, app, format, network and country counts Impressions; a
    # WMS's inventory snapshot by location, item and lot holds On Hand and Available.
    for name in ("Impressions", "Clicks", "Installs", "On Hand", "Available", "qty_allocated"):
        assert not _part_ok(_column(name), 1900), name
    for name in ("Item", "Network ID", "Lot"):
        assert _part_ok(_column(name), 1900), name
