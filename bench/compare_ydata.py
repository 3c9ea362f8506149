"""Time ydata-profiling on one file, as the point of comparison for datadossier's profiler.

    python bench/compare_ydata.py bench/data/mixed_1m.csv --runs 3

Each run times ``ProfileReport(pd.read_csv(FILE), minimal=True).to_json()``, reading included,
and the script prints ``{"tool": "ydata-profiling", "seconds": [...], "median": x}``.
ydata-profiling is no dependency of datadossier: install it (with pandas) in a separate
virtual environment and run this script with that environment's Python. Without it the
script exits with status 3.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

EXIT_NOT_INSTALLED = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time ydata-profiling's minimal report.")
    parser.add_argument("file", type=Path, help="CSV file (or .parquet) to profile")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the median is reported")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not args.file.is_file():
        parser.error(f"no such file: {args.file}")
    if importlib.util.find_spec("ydata_profiling") is None:
        print(
            "ydata-profiling is not installed in this Python; install it in a separate venv"
            " (pip install ydata-profiling) and run this script with that venv's python.",
            file=sys.stderr,
        )
        return EXIT_NOT_INSTALLED
    # Some of its stages draw tqdm bars whatever progress_bar says; tqdm honours this switch.
    os.environ.setdefault("TQDM_DISABLE", "1")
    # Imported by name so that neither package is needed to read or lint this file. Recent
    # releases warn on import that the package moved; that is noise for a timing run.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pd = importlib.import_module("pandas")
        ydata = importlib.import_module("ydata_profiling")
    read = pd.read_parquet if args.file.suffix == ".parquet" else pd.read_csv

    seconds: list[float] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        # The progress bars would only add terminal output to the measurement.
        ydata.ProfileReport(read(args.file), minimal=True, progress_bar=False).to_json()
        seconds.append(round(time.perf_counter() - started, 3))
    result = {"tool": "ydata-profiling", "seconds": seconds, "median": statistics.median(seconds)}
    json.dump(result, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
