"""The DuckDB gateway: the only place that opens DuckDB connections."""

from datadossier.engine.gateway import (
    LAYERS,
    BackgroundFlush,
    Workspace,
    create_table,
    interrupt,
    layer_relation,
    quote_ident,
    quote_literal,
)

__all__ = [
    "LAYERS",
    "BackgroundFlush",
    "Workspace",
    "create_table",
    "interrupt",
    "layer_relation",
    "quote_ident",
    "quote_literal",
]
