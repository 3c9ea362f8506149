"""What a column's name says: its tokens, and whether it sounds boolean or like a date."""

from __future__ import annotations

import re

# camelCase and acronyms: "sizeMB" -> size, MB; "HTTPStatus" -> HTTP, Status; digits apart.
_TOKEN = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+|[^\W\d_]+")

# First tokens of names that state a yes/no fact: is_active, hasChildren, can_edit.
_BOOLEAN_PREFIXES = frozenset(
    {"is", "has", "have", "had", "can", "should", "was", "were", "did", "does", "allow", "allows"}
)
# Tokens anywhere in a name that make a 0/1 column a flag.
_BOOLEAN_WORDS = frozenset(
    {
        "flag", "flags", "bool", "boolean", "active", "inactive", "enabled", "disabled",
        "deleted", "valid", "verified", "visible", "hidden", "approved", "paid", "completed",
        "subscribed", "churned", "confirmed", "archived", "opt", "optin", "optout",
    }
)
_DATE_WORDS = frozenset(
    {"date", "dt", "day", "dob", "birthday", "birthdate", "yyyymmdd", "ymd", "on"}
)


def name_tokens(name: str) -> list[str]:
    """Lower-case tokens of a column name, split on `_`, spaces, punctuation and camelCase."""
    return [token.lower() for token in _TOKEN.findall(name)]


def looks_boolean(name: str) -> bool:
    """True for names such as ``is_active``, ``hasKids``, ``deleted_flag``."""
    tokens = name_tokens(name)
    if not tokens:
        return False
    return tokens[0] in _BOOLEAN_PREFIXES or any(t in _BOOLEAN_WORDS for t in tokens)


def looks_like_date(name: str) -> bool:
    """True for names such as ``order_date``, ``dob``, ``shipped_on``, ``dt``."""
    return any(t in _DATE_WORDS for t in name_tokens(name))
