"""Every setting is documented in the README's settings table, and nothing else is."""

import re
from pathlib import Path

from datadossier.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_setting_is_in_the_readme_table() -> None:
    documented = set(re.findall(r"^\| `(DATADOSSIER_[A-Z_]+)` \|", README.read_text(), re.MULTILINE))
    fields = {f"DATADOSSIER_{name.upper()}" for name in Settings.model_fields}
    assert fields - documented == set(), "settings missing from the README"
    assert documented - fields == set(), "README documents settings that do not exist"


def test_every_setting_has_a_description() -> None:
    missing = [name for name, field in Settings.model_fields.items() if not field.description]
    assert missing == []
