"""Detectors of text patterns: the column stays VARCHAR, and the pattern is recorded."""

from __future__ import annotations

from datadossier.inference.detector import Detector, register


@register
def email() -> Detector:
    """E-mail addresses ("ana@example.com")."""
    regex = r"\s*[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\s*"
    return Detector("email", "VARCHAR", regex, priority=30)


@register
def uuid() -> Detector:
    """UUIDs in the 8-4-4-4-12 hex form, braces allowed."""
    hx = "[0-9A-Fa-f]"
    regex = rf"\s*\{{?{hx}{{8}}-{hx}{{4}}-{hx}{{4}}-{hx}{{4}}-{hx}{{12}}\}}?\s*"
    return Detector("uuid", "VARCHAR", regex, priority=30)


@register
def url() -> Detector:
    """Web addresses with a scheme ("https://x.org/a") or starting with "www."."""
    regex = r"\s*(?i:(?:https?|ftp)://[^\s/?#]+|www\.[^\s/?#]+\.[^\s/?#]+)[^\s]*\s*"
    return Detector("url", "VARCHAR", regex, priority=30)


@register
def phone() -> Detector:
    """Phone numbers ("(555) 123-4567", "+49 30 1234567", "555.123.4567", "2065552579")."""
    sep = "[ .-]"
    grouped = (
        rf"(?:\+[0-9]{{1,3}}{sep}?)?(?:\([0-9]{{1,4}}\){sep}?|[0-9]{{2,4}}{sep})"
        rf"[0-9]{{3,4}}{sep}?[0-9]{{3,4}}"
    )
    # Bare runs of 10-15 digits count too (exports often strip the separators); a column of
    # only such values still reads as integers, which rank above text patterns.
    return Detector("phone", "VARCHAR", rf"\s*(?:{grouped}|\+?[0-9]{{10,15}})\s*", priority=30)


@register
def ip_address() -> Detector:
    """IPv4 addresses (each part 0-255) and IPv6 addresses (full or with '::')."""
    part = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
    v4 = rf"(?:{part}\.){{3}}{part}"
    hx = "[0-9A-Fa-f]{1,4}"
    groups = rf"{hx}(?::{hx}){{0,6}}"
    v6 = rf"(?:{hx}:){{7}}{hx}|(?:{groups})?::(?:{groups})?"
    # Above `thousands`: "10.100.200.250" is an address, not ten billion.
    return Detector("ip_address", "VARCHAR", rf"\s*(?:{v4}|{v6})\s*", priority=45)
