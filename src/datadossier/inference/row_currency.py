"""Amounts whose currency is another column's: a billing export's `Amount` beside a `Currency`
of USD, GBP and EUR is in each row's currency, and a sum over the table adds pounds to dollars
(Chargebee's invoices and subscriptions, Stripe's charges, a shop's orders in several markets)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from datadossier.engine.gateway import quote_ident
from datadossier.inference.model import ColumnInference
from datadossier.inference.names import name_tokens
from datadossier.inference.units import ISO_CURRENCIES

if TYPE_CHECKING:
    import duckdb

# Words of a name that say it holds money (Amount Paid, Plan Unit Price, Tax, MRR).
_MONEY_WORDS = frozenset({
    "amount", "amt", "price", "cost", "costs", "tax", "taxes", "vat", "fee", "fees", "subtotal", "revenue",
    "revenues", "mrr", "arr", "paid", "due", "balance", "payment", "payments", "charge", "charges", "discount",
    "refund", "refunds", "credit", "debit", "salary", "wage", "wages", "spend",
})
# Words that make a money word's column something else: a tax rate, a count of payments.
_NOT_MONEY_WORDS = frozenset({
    "rate", "pct", "percent", "percentage", "ratio", "count", "cnt", "number", "num", "qty", "quantity",
    "id", "days", "date", "code", "currency",
})
# Words a column of currencies ends with: Currency, Currency Code, currency_cd, Invoice Currency.
_CURRENCY_WORDS = frozenset({"currency", "ccy", "curr"})
_CURRENCY_ENDINGS = frozenset({*_CURRENCY_WORDS, "code", "cd", "iso"})
# A column of more distinct values than this is no column of currencies.
_MAX_CURRENCIES = 50
_AMOUNT_TYPES = frozenset({"DOUBLE", "DECIMAL", "INTEGER", "BIGINT"})


def amounts_in_row_currency(
    con: duckdb.DuckDBPyConnection, relation: str, results: list[ColumnInference]
) -> list[ColumnInference]:
    """The decisions with a note on each unitless amount (a number named as money) of a table
    whose column of ISO 4217 codes holds more than one currency: the amounts are in each
    row's currency, which that column names. One small query, for a table that has both."""
    amounts = {r.column_name for r in results if _unitless_amount(r)}
    named = [r for r in results if r.decided_type == "VARCHAR" and _names_currencies(r.column_name)]
    if not amounts or not named:
        return results
    for column in named:
        codes = _currencies(con, relation, column.column_name)
        if codes is not None and len(codes) > 1:
            return [_in_row_currency(r, column.column_name, codes) if r.column_name in amounts else r for r in results]
    return results


def _names_currencies(name: str) -> bool:
    tokens = name_tokens(name)
    return bool(tokens) and bool(_CURRENCY_WORDS & set(tokens)) and tokens[-1] in _CURRENCY_ENDINGS


def _unitless_amount(result: ColumnInference) -> bool:
    tokens = set(name_tokens(result.column_name))
    return (
        result.decided_type in _AMOUNT_TYPES and result.unit is None
        and bool(_MONEY_WORDS & tokens) and not _NOT_MONEY_WORDS & tokens
    )


def _currencies(con: duckdb.DuckDBPyConnection, relation: str, column: str) -> list[str] | None:
    """The currencies a column holds, when all its values are ISO 4217 codes (in any case), or
    None."""
    value = f"upper(trim(CAST({quote_ident(column)} AS VARCHAR)))"
    rows = con.execute(
        f"SELECT DISTINCT {value} FROM {relation} WHERE nullif(trim(CAST({quote_ident(column)} AS VARCHAR)), '') IS NOT NULL"
        f" LIMIT {_MAX_CURRENCIES + 1}"
    ).fetchall()
    codes = sorted(str(row[0]) for row in rows)
    if not codes or len(codes) > _MAX_CURRENCIES or any(code not in ISO_CURRENCIES for code in codes):
        return None
    return codes


def _in_row_currency(result: ColumnInference, column: str, codes: list[str]) -> ColumnInference:
    shown = ", ".join(codes[:5]) + (", ..." if len(codes) > 5 else "")
    note = (
        f" Amounts in the currency of each row's `{column}` ({shown}): do not sum across currencies;"
        f" group by `{column}` (or convert) first."
    )
    return replace(result, reason=result.reason + note)
