"""Compressed CSV files and archives of one CSV file, read as the text inside them.

The loader never hands a compressed file to DuckDB: it streams the text into the workspace's
plain copy (see `csv_loader`), which the raw layer, the sample and every later read use. What
is read here: gzip, bzip2, xz and zstd streams, and zip and tar archives (a tar also gzipped,
bzip2ed or xz-compressed) that hold one data file. Other compressed formats are named by
their magic number, so that the error says what the file is.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO, cast

from datadossier.errors import SourceError
from datadossier.sources.files import file_format


def _zstd_open(path: Path, mode: str) -> object:
    import zstandard  # (imported on first use: most runs never meet a zstd file)

    return zstandard.open(path, mode)


# Streams of one file, by suffix.
_OPENERS: dict[str, Callable[[Path, str], object]] = {
    ".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open, ".zst": _zstd_open, ".zstd": _zstd_open,
}
# Tar archives, by the end of their name (tarfile finds the compression itself).
_TARS = (".tar", ".tgz", ".tbz2", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz")
# What a damaged file raises while it is read (bz2 raises a bare OSError; zstandard's errors
# join once it is imported, see `damage_errors`).
_DAMAGED: tuple[type[BaseException], ...] = (
    EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile, tarfile.TarError, OSError,
)
# Magic numbers of compressed formats that are not read.
_UNREAD = {b"7z\xbc\xaf\x27\x1c": "7z", b"Rar!": "rar", b"\x04\x22\x4d\x18": "lz4"}
# Magic numbers of the streams read, for a file whose name does not say it is compressed
# (a gzip file saved as "data.csv").
_MAGIC = {b"\x1f\x8b": ".gz", b"\xfd7zXZ\x00": ".xz", b"\x28\xb5\x2f\xfd": ".zst", b"PK\x03\x04": ".zip"}
# bzip2: "BZh", the block size, then the first block's own magic (text may start "BZh").
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
# Workbooks are zip files too; they get their own error (see `csv_loader.detect_encoding`).
_WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")


def _is_tar(path: Path) -> bool:
    return path.name.lower().endswith(_TARS)


def _suffix(path: Path) -> str:
    """The compression's suffix: the name's when it is one, else the one the first bytes
    say, else the name's."""
    suffix = path.suffix.lower()
    if suffix in (*_OPENERS, ".zip") or suffix in _WORKBOOKS:
        return suffix
    try:
        with path.open("rb") as fh:
            head = fh.read(10)
    except OSError:
        return suffix
    if _BZIP2.match(head):
        return ".bz2"
    return next((named for magic, named in _MAGIC.items() if head.startswith(magic)), suffix)


def is_compressed(path: Path) -> bool:
    """Whether the file is read through a decompressor (by its name or its first bytes)."""
    return _is_tar(path) or _suffix(path) in (*_OPENERS, ".zip")


def open_bytes(path: Path) -> IO[bytes]:
    """The file's bytes; a compressed file or an archive of one file is decompressed as it
    is read, whatever its name."""
    if _is_tar(path):
        return _tar_member(path)
    suffix = _suffix(path)
    if suffix == ".zip":
        return _zip_member(path)
    opener = _OPENERS.get(suffix)
    # The openers' files read like any binary file; typeshed does not call them IO[bytes].
    return cast("IO[bytes]", opener(path, "rb")) if opener else path.open("rb")


def damage_errors() -> tuple[type[BaseException], ...]:
    """The errors that say a file is damaged (or unreadable), to catch around `open_bytes`."""
    zstd = sys.modules.get("zstandard")
    return (*_DAMAGED, zstd.ZstdError) if zstd is not None else _DAMAGED


def is_damage(exc: BaseException) -> bool:
    """Whether an error reading a compressed file says its data is damaged (gzip and bz2 raise
    OSErrors without an errno for that) rather than that the disk failed."""
    return not isinstance(exc, OSError) or exc.errno is None


def kind(path: Path) -> str:
    """The compression's name, for messages."""
    if _is_tar(path):
        return "tar"
    suffix = _suffix(path)
    return {".gz": "gzip", ".zst": "zstd"}.get(suffix, suffix.lstrip("."))


def damaged(path: Path, exc: BaseException) -> SourceError:
    return SourceError(
        f"{path} is not a valid {kind(path)} file: {exc}.",
        hint="Check the file, or decompress it and profile the CSV.",
    )


def unread_format(head: bytes) -> str | None:
    """The name of a compressed format that is not read, from a file's first bytes."""
    return next((name for magic, name in _UNREAD.items() if head.startswith(magic)), None)


def _data_member(path: Path, names: list[str]) -> str:
    """The one data file among an archive's files (macOS's ``__MACOSX`` folder and hidden
    files left out); an archive of several files is refused, with what it holds."""
    members = [n for n in names if not n.startswith("__MACOSX/") and not Path(n).name.startswith(".")]
    if len(members) != 1 or file_format(Path(members[0])) == "parquet":
        listed = ", ".join(members[:5]) + (", ..." if len(members) > 5 else "")
        raise SourceError(
            f"{path} holds {len(members)} files ({listed or 'none'}); an archive is read when it holds one"
            " CSV file.",
            hint="Extract the archive and profile what it holds (a folder's files each become a table).",
        )
    return members[0]


def _zip_member(path: Path) -> IO[bytes]:
    archive = zipfile.ZipFile(path)
    try:
        name = _data_member(path, [m.filename for m in archive.infolist() if not m.is_dir()])
    except SourceError:
        archive.close()
        raise
    return archive.open(name)  # (the member keeps the archive's file open until closed)


class _TarMember(io.BufferedIOBase):
    """A tar archive's member, closing the archive when it is closed."""

    def __init__(self, member: io.BufferedReader, archive: tarfile.TarFile) -> None:
        super().__init__()
        self._member = member
        self._archive = archive

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        return self._member.read(-1 if size is None else size)

    def read1(self, size: int = -1) -> bytes:
        return self._member.read1(size)

    def close(self) -> None:
        if self.closed:
            return
        try:
            self._member.close()
            self._archive.close()
        finally:
            super().close()


def _tar_member(path: Path) -> IO[bytes]:
    archive = tarfile.open(path, "r:*")  # noqa: SIM115 (closed with the member returned)
    try:
        files = {m.name: m for m in archive.getmembers() if m.isfile()}
        member = archive.extractfile(files[_data_member(path, list(files))])
        assert member is not None  # a regular file always has its data
    except BaseException:
        archive.close()
        raise
    # (extractfile's reader is a BufferedReader; typeshed calls it IO[bytes])
    return cast("IO[bytes]", _TarMember(cast("io.BufferedReader", member), archive))
