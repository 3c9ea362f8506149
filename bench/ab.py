"""Time two versions of datadossier against each other, and against SUMMARIZE, in one run.

    git worktree add /tmp/dd-base <commit>          # the version to compare with
    python bench/ab.py --base /tmp/dd-base/src --runs 5 bench/data/mixed_1m.csv bench/data/mixed_1m.parquet

With ``--retype COLUMN:TYPE`` the file is profiled untimed and what is timed is the
re-typing that follows (``datadossier set-type FILE COLUMN TYPE``, the whole command).

Both versions run with this environment's Python and packages (``PYTHONPATH`` points at each
``src`` in turn), each in a fresh process on an empty workspace and a store migrated
beforehand (untimed). Per round: SUMMARIZE of the file, then the base version, then this
checkout, so that all three see the same machine state; the medians and ratios are printed,
and the median CPU seconds (user and system) of each version's command, which a busy machine
moves less than the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import with_bytecode  # (bench/ is the script's directory, first on the path)

HERE = Path(__file__).resolve().parent
SUMMARIZE = """
import sys, time, duckdb
path, reader = sys.argv[1], sys.argv[2]
con = duckdb.connect(config={"threads": 2})
con.execute("SET enable_progress_bar = false")
start = time.perf_counter()
con.execute(f"SUMMARIZE SELECT * FROM {reader}(?)", [path]).fetchall()
print(time.perf_counter() - start)
"""


def _cpu() -> float:
    """CPU seconds (user and system) used so far by this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _profile(src: Path, path: Path, retype: list[str] | None = None) -> tuple[float, float, float]:
    """(pipeline seconds as reported, wall seconds of the command, its CPU seconds) for one
    run; with ``retype`` ([column, type]), the command timed is the re-typing after it."""
    home = Path(tempfile.mkdtemp(prefix="dd-ab-"))
    env = {
        **with_bytecode(os.environ),
        "PYTHONPATH": str(src),
        "DATADOSSIER_HOME": str(home),
        "DATADOSSIER_STORE_URL": f"sqlite+aiosqlite:///{home / 'metadata.db'}",
        "DATADOSSIER_ROOTS": str(path.parent),
        "DATADOSSIER_THREADS": "2",
    }
    command = [sys.executable, "-m", "datadossier"]
    try:
        subprocess.run([*command, "migrate"], env=env, check=True, capture_output=True)
        start, cpu = time.perf_counter(), _cpu()
        out = subprocess.run(
            [*command, "profile", str(path), "--json", "--force"], env=env, check=True, capture_output=True, text=True
        ).stdout
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
        if retype is not None:
            start, cpu = time.perf_counter(), _cpu()
            subprocess.run([*command, "set-type", str(path), *retype], env=env, check=True, capture_output=True)
            wall, cpu = time.perf_counter() - start, _cpu() - cpu
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return float(json.loads(out)[0]["seconds"]["total"]), wall, cpu


def _summarize(path: Path) -> float:
    reader = "read_parquet" if path.suffix == ".parquet" else "read_csv"
    out = subprocess.run([sys.executable, "-c", SUMMARIZE, str(path), reader], check=True, capture_output=True, text=True)
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", type=Path, required=True, help="The src directory of the version to compare with.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--retype", metavar="COLUMN:TYPE", help="Time a set-type after the profile instead.")
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args()
    retype = args.retype.split(":", 1) if args.retype else None
    here = HERE.parent / "src"
    med = statistics.median
    command = "re-typing" if retype else "command"
    print(
        f"| file | SUMMARIZE | base pipeline | ratio | this pipeline | ratio | base {command} | this {command} "
        f"| base {command} CPU | this {command} CPU |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for path in args.files:
        summarize: list[float] = []
        runs: dict[str, list[tuple[float, float, float]]] = {"base": [], "this": []}
        for _ in range(args.runs):
            summarize.append(_summarize(path))
            runs["base"].append(_profile(args.base, path, retype))
            runs["this"].append(_profile(here, path, retype))
        s = med(summarize)
        pipe = {k: med(r[0] for r in v) for k, v in runs.items()}
        wall = {k: med(r[1] for r in v) for k, v in runs.items()}
        cpu = {k: med(r[2] for r in v) for k, v in runs.items()}
        print(
            f"| {path.name} | {s:.2f} s | {pipe['base']:.2f} s | {pipe['base'] / s:.2f} | {pipe['this']:.2f} s | "
            f"{pipe['this'] / s:.2f} | {wall['base']:.2f} s | {wall['this']:.2f} s | {cpu['base']:.2f} s | "
            f"{cpu['this']:.2f} s |"
        )


if __name__ == "__main__":
    main()
