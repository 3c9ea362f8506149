"""Time `datadossier profile` against DuckDB's SUMMARIZE of the same file, in one run.

    python bench/run.py --rows 1m                # CSV and Parquet, 3 runs each
    python bench/run.py --rows 10m --runs 3
    python bench/run.py --rows 1m --ydata        # also ydata-profiling, when it is installed

Each measurement runs in a fresh process, alternating the tools, so both see the same machine
state. Reported per tool: the median of the runs and the ratio of medians. For datadossier,
"pipeline" is the time the CLI reports for the whole run of the table (load, infer, typed and
quarantine layers, profile, store) and "command" is the wall time of the whole command,
interpreter start and imports included, on an empty store migrated beforehand (untimed).
Peak RSS is the child's maximum resident set. Results go to stdout (Markdown) and to
bench/results/ (JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SUMMARIZE = """
import sys, time, duckdb
path, reader, threads = sys.argv[1], sys.argv[2], sys.argv[3]
con = duckdb.connect()
con.execute(f"SET threads = {int(threads)}")
con.execute("SET enable_progress_bar = false")
start = time.perf_counter()
con.execute(f"SUMMARIZE SELECT * FROM {reader}(?)", [path]).fetchall()
print(time.perf_counter() - start)
"""


_last_child_rss = 0


def _run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[str, float, int]:
    global _last_child_rss
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read()}")
        _last_child_rss = usage.ru_maxrss // 1024
        return out.read(), wall, _last_child_rss


def with_bytecode(environ: Mapping[str, str]) -> dict[str, str]:
    """The environment without PYTHONDONTWRITEBYTECODE: the untimed first command writes the
    compiled modules a user's installation keeps, and the timed one reads them (with the
    variable set and the cache stale, every command compiled the changed modules again,
    0.2 to 0.4 s of its time)."""
    return {k: v for k, v in environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(path: Path, runs: int, threads: int) -> dict[str, Any]:
    reader = "read_parquet" if path.suffix == ".parquet" else "read_csv"
    script = shutil.which("datadossier", path=str(Path(sys.executable).parent)) or "datadossier"
    summarize: list[float] = []
    pipeline: list[float] = []
    command: list[float] = []
    rss: list[int] = []
    stages: list[dict[str, float]] = []
    for _ in range(runs):
        out, _, _ = _run_measured([sys.executable, "-c", SUMMARIZE, str(path), reader, str(threads)])
        summarize.append(float(out.strip()))
        home = Path(tempfile.mkdtemp(prefix="dd-bench-"))
        env = {
            **with_bytecode(os.environ),
            "DATADOSSIER_HOME": str(home),
            "DATADOSSIER_STORE_URL": f"sqlite+aiosqlite:///{home / 'metadata.db'}",
            "DATADOSSIER_ROOTS": str(path.parent),
            "DATADOSSIER_THREADS": str(threads),
        }
        try:
            # The store is created first, untimed: a user migrates once, then profiles many
            # files (the first command on a new store takes about 0.7 s more).
            _run_measured([script, "migrate"], env)
            out, wall, peak = _run_measured([script, "profile", str(path), "--json", "--force"], env)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        (result,) = json.loads(out)
        pipeline.append(result["seconds"]["total"])
        stages.append(result["seconds"])
        command.append(wall)
        rss.append(peak)
    med = statistics.median
    return {
        "file": path.name,
        "bytes": path.stat().st_size,
        "runs": runs,
        "summarize_s": summarize,
        "pipeline_s": pipeline,
        "command_s": command,
        "peak_rss_mb": rss,
        "stages_median_s": {k: med(s[k] for s in stages) for k in stages[0]},
        "median_summarize_s": med(summarize),
        "median_pipeline_s": med(pipeline),
        "median_command_s": med(command),
        "ratio_pipeline": med(pipeline) / med(summarize),
        "ratio_command": med(command) / med(summarize),
        "max_peak_rss_mb": max(rss),
    }


def ydata(path: Path, runs: int, python: str) -> dict[str, Any] | None:
    proc = subprocess.run(
        [python, str(HERE / "compare_ydata.py"), str(path), "--runs", str(runs)],
        capture_output=True, text=True,
    )
    if proc.returncode == 3:
        print("ydata-profiling is not installed: skipped (pip install ydata-profiling to include it)", file=sys.stderr)
        return None
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", default="1m", help="Which generated files: 1m, 10m, ... (bench/generate.py names).")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--formats", default="csv,parquet")
    parser.add_argument("--ydata", action="store_true", help="Also time ydata-profiling (minimal) on the CSV.")
    parser.add_argument(
        "--ydata-python", default=sys.executable,
        help="Python of an environment where ydata-profiling is installed (it is no dependency of ours).",
    )
    args = parser.parse_args()
    rows = args.rows.lower()
    if rows.isdigit():
        n = int(rows)
        rows = f"{n // 1_000_000}m" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else rows
    results: dict[str, Any] = {"rows": rows, "threads": args.threads, "formats": {}}
    for fmt in args.formats.split(","):
        path = args.data / f"mixed_{rows}.{fmt}"
        if not path.exists():
            raise SystemExit(f"{path} is missing: run python bench/generate.py --rows ... first")
        results["formats"][fmt] = measure(path, args.runs, args.threads)
    if args.ydata and "csv" in results["formats"]:
        yd = ydata(args.data / f"mixed_{rows}.csv", args.runs, args.ydata_python)
        if yd is not None:
            yd["speedup_vs_datadossier_command"] = yd["median"] / results["formats"]["csv"]["median_command_s"]
            yd["speedup_vs_datadossier_pipeline"] = yd["median"] / results["formats"]["csv"]["median_pipeline_s"]
            results["ydata"] = yd

    print("| file | SUMMARIZE (s) | datadossier pipeline (s) | ratio | whole command (s) | ratio | peak RSS (MB) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results["formats"].values():
        print(
            f"| {r['file']} | {r['median_summarize_s']:.2f} | {r['median_pipeline_s']:.2f} | {r['ratio_pipeline']:.2f} | "
            f"{r['median_command_s']:.2f} | {r['ratio_command']:.2f} | {r['max_peak_rss_mb']} |"
        )
    for r in results["formats"].values():
        print(f"\n{r['file']} stages (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in r["stages_median_s"].items()))
    if "ydata" in results:
        y = results["ydata"]
        print(
            f"\nydata-profiling (minimal) median {y['median']:.1f} s: datadossier is "
            f"{y['speedup_vs_datadossier_command']:.1f}x faster (whole command), "
            f"{y['speedup_vs_datadossier_pipeline']:.1f}x (pipeline)"
        )
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / f"profile_{rows}.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
