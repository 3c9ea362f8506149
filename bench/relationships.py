"""Time key and foreign-key discovery and score what it finds against the planted truth.

    python bench/relationships.py --data bench/data/schema_100k --runs 3
    python bench/relationships.py --dataset sample          # the bundled web shop
    python bench/relationships.py --dataset company         # tests/datasets/company.py
    python bench/relationships.py --data bench/data/schema_100k --self-check

Each run starts from an empty workspace and store and runs two commands, each in a fresh
process: ``datadossier profile DIR --json --source bench`` ("load") and then
``datadossier relationships bench --refresh --json`` ("discover"). Reported: the medians of
both wall times and their ratio, the peak RSS of the discovery process, foreign-key precision
and recall, grain precision and recall, and every miss and false positive.

Scoring. A found foreign key (type ``foreign_key`` or ``hierarchy``; ``bridge`` rows are not
scored) matches a true one when the child table, the parent table and the column pairs
(child column -> parent column, in order) are the same. Foreign keys that the truth marks as
implied by a composite one count when found but are not required. A table's grain is right
when it equals the true key as a set; a null grain counts as not found, not as wrong. Column
names compare case-insensitively (DuckDB identifiers do).

``--self-check`` runs no command: it scores the truth itself and a mutated copy of it and
checks the numbers, to test the scoring code. Results go to stdout (Markdown) and to
bench/results/relationships-<name>-<timestamp>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import _run_measured  # noqa: E402  (bench/run.py: wall time and peak RSS of a child)

SOURCE = "bench"

# The facts of datadossier.sample's module docstring. Integrity is measured from the files.
SAMPLE_KEYS = {
    "customers": ["customer_id"],
    "orders": ["order_id"],
    "order_items": ["order_id", "line_no"],
    "products": ["product_code"],
    "events": ["event_id"],
}
SAMPLE_FOREIGN_KEYS = [
    ("orders", ["cust_id"], "customers", ["customer_id"]),
    ("order_items", ["order_id"], "orders", ["order_id"]),
    ("order_items", ["product_code"], "products", ["product_code"]),
    ("events", ["customer"], "customers", ["customer_id"]),
]


# -- the truth of each dataset, in the shape of bench/generate_schema.py's truth.json --------


@contextmanager
def dataset(args: argparse.Namespace) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """Yield (name, data directory, truth); bundled datasets are written to a temp dir."""
    if args.data is not None:
        truth_file = args.data / "truth.json"
        if not truth_file.exists():
            raise SystemExit(f"{truth_file} is missing: run bench/generate_schema.py first")
        yield args.data.resolve().name, args.data.resolve(), json.loads(truth_file.read_text())
        return
    directory = Path(tempfile.mkdtemp(prefix=f"dd-{args.dataset}-"))
    try:
        if args.dataset == "sample":
            yield "sample", directory, _sample_truth(directory)
        else:
            yield "company", directory, _company_truth(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _sample_truth(directory: Path) -> dict[str, Any]:
    from datadossier.sample import write_sample

    write_sample(directory)
    return {
        "tables": {t: {"rows": None, "key": k} for t, k in SAMPLE_KEYS.items()},
        "foreign_keys": [
            {
                "child_table": ct, "child_columns": cc, "parent_table": pt, "parent_columns": pc,
                "integrity": _measure_integrity(directory, ct, cc, pt, pc),
            }
            for ct, cc, pt, pc in SAMPLE_FOREIGN_KEYS
        ],
        "near_keys": [],
        "false_friends": [],
    }  # fmt: skip


def _company_truth(directory: Path) -> dict[str, Any]:
    sys.path.insert(0, str(HERE.parent))
    from tests.datasets.company import write_company

    truth = write_company(directory)
    return {
        "tables": {t: {"rows": None, "key": list(k)} for t, k in truth.keys.items()},
        "foreign_keys": [
            {
                "child_table": f.child_table, "child_columns": list(f.child_columns),
                "parent_table": f.parent_table, "parent_columns": list(f.parent_columns),
                "integrity": f.integrity, "cardinality": f.cardinality,
            }
            for f in truth.foreign_keys
        ],
        "near_keys": [],
        "false_friends": [],
    }  # fmt: skip


def _measure_integrity(
    directory: Path, child: str, cc: list[str], parent: str, pc: list[str]
) -> float:
    """Share of the child's distinct non-empty values found in the parent, compared as text."""
    import duckdb

    paths: list[str] = []

    def relation(table: str) -> str:
        (path,) = directory.glob(f"{table}.*")
        paths.append(str(path))
        if path.suffix == ".parquet":
            return "read_parquet(?)"
        encoding = "latin-1" if table == "order_items" else "utf-8"  # as write_sample writes it
        return f"read_csv(?, all_varchar = true, encoding = '{encoding}')"

    con = duckdb.connect()
    try:
        child_cols = ", ".join(f'CAST("{c}" AS VARCHAR) AS c{k}' for k, c in enumerate(cc))
        parent_cols = ", ".join(f'CAST("{c}" AS VARCHAR) AS p{k}' for k, c in enumerate(pc))
        present = " AND ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), '') <> ''" for c in cc)
        on = " AND ".join(f"c.c{k} = p.p{k}" for k in range(len(cc)))
        row = con.execute(
            f"SELECT count(*), count(p.p0) FROM (SELECT DISTINCT {child_cols} FROM {relation(child)}"
            f" WHERE {present}) AS c LEFT JOIN (SELECT DISTINCT {parent_cols} FROM {relation(parent)})"
            f" AS p ON {on}",
            paths,
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return round(row[1] / row[0], 4) if row[0] else 1.0


# -- scoring ------------------------------------------------------------------------------

FkKey = tuple[str, str, tuple[tuple[str, str], ...]]


def _table(name: str) -> str:
    """A truth table name (a file stem) or a reported one (``bench.orders``) as a bare name."""
    from datadossier.sources.files import safe_name

    if name.startswith(SOURCE + "."):
        name = name[len(SOURCE) + 1 :]
    return safe_name(name)


def _fk_key(child: str, child_cols: list[str], parent: str, parent_cols: list[str]) -> FkKey:
    pairs = tuple(
        sorted((c.casefold(), p.casefold()) for c, p in zip(child_cols, parent_cols, strict=True))
    )
    return _table(child), _table(parent), pairs


def _describe(child: str, child_cols: list[str], parent: str, parent_cols: list[str]) -> str:
    return f"{_table(child)}({', '.join(child_cols)}) -> {_table(parent)}({', '.join(parent_cols)})"


def score(truth: dict[str, Any], found: dict[str, Any]) -> dict[str, Any]:
    """Compare a ``relationships --json`` answer with the truth."""
    true_fks = {
        _fk_key(f["child_table"], f["child_columns"], f["parent_table"], f["parent_columns"]): f
        for f in truth["foreign_keys"]
    }
    required = {k for k, f in true_fks.items() if not f.get("implied")}
    friends: dict[FkKey, str] = {}
    for f in truth.get("false_friends", []):
        if "child_table" in f:  # not the lists of code-list and date columns
            key = _fk_key(
                f["child_table"], f["child_columns"], f["parent_table"], f["parent_columns"]
            )
            friends[key] = f["kind"]
    reported: dict[FkKey, dict[str, Any]] = {}
    for r in found["relationships"]:
        if r["type"] == "bridge" or r.get("status") == "rejected":
            continue
        reported.setdefault(
            _fk_key(r["from_table"], r["from_columns"], r["to_table"], r["to_columns"]), r
        )
    hits = reported.keys() & true_fks.keys()
    false_positives = []
    for key in sorted(reported.keys() - true_fks.keys()):
        r = reported[key]
        child, parent, pairs = key
        reverse = (parent, child, tuple(sorted((p, c) for c, p in pairs)))
        false_positives.append({
            "relationship": _describe(r["from_table"], r["from_columns"], r["to_table"], r["to_columns"]),
            "type": r["type"], "cardinality": r.get("cardinality"),
            "confidence": r.get("confidence"),
            "why": "reversed true FK" if reverse in true_fks else friends.get(key, ""),
        })  # fmt: skip
    misses = [
        {
            "relationship": _describe(
                true_fks[k]["child_table"],
                true_fks[k]["child_columns"],
                true_fks[k]["parent_table"],
                true_fks[k]["parent_columns"],
            ),
            "integrity": true_fks[k].get("integrity"),
            "note": true_fks[k].get("note", ""),
        }
        for k in sorted(required - reported.keys())
    ]
    grains = {_table(t["table"]): t.get("grain") for t in found["tables"]}
    grain_rows = []
    for table, facts in truth["tables"].items():
        grain = grains.get(_table(table))
        true_key = sorted(c.casefold() for c in facts["key"])
        ok = grain is not None and sorted(c.casefold() for c in grain) == true_key
        grain_rows.append({"table": table, "key": facts["key"], "grain": grain, "correct": ok})
    named = [g for g in grain_rows if g["grain"] is not None]
    correct = sum(g["correct"] for g in grain_rows)
    by_kind = {
        "composite": {k for k in required if len(k[2]) > 1},
        "partial_integrity": {
            k for k in required if true_fks[k].get("integrity") not in (None, 1.0)
        },
        "self_reference": {k for k in required if k[0] == k[1]},
    }
    return {
        "fk_true": len(required),
        "fk_reported": len(reported),
        "fk_hits": len(hits),
        "fk_precision": _ratio(len(hits), len(reported)),
        "fk_recall": _ratio(len(hits & required), len(required)),
        "fk_recall_by_kind": {
            kind: {"found": len(keys & reported.keys()), "of": len(keys)}
            for kind, keys in by_kind.items()
        },
        "fk_misses": misses,
        "fk_false_positives": false_positives,
        "grain_tables": len(grain_rows),
        "grain_reported": len(named),
        "grain_correct": correct,
        "grain_precision": _ratio(correct, len(named)),
        "grain_recall": _ratio(correct, len(grain_rows)),
        "grain_wrong": [g for g in grain_rows if g["grain"] is not None and not g["correct"]],
        "grain_unknown": [g["table"] for g in grain_rows if g["grain"] is None],
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _as_found(truth: dict[str, Any]) -> dict[str, Any]:
    """The answer a perfect discovery would give, in the command's JSON shape."""
    rels = [
        {
            "id": str(n), "from_table": f"{SOURCE}.{f['child_table']}", "from_columns": f["child_columns"],
            "to_table": f"{SOURCE}.{f['parent_table']}", "to_columns": f["parent_columns"],
            "cardinality": "n:1", "confidence": 0.9, "status": "detected",
            "type": "hierarchy" if f["child_table"] == f["parent_table"] else "foreign_key",
        }
        for n, f in enumerate(truth["foreign_keys"])
    ]  # fmt: skip
    tables = [
        {"table": f"{SOURCE}.{t}", "grain": facts["key"], "entity_type": t, "role": "unknown"}
        for t, facts in truth["tables"].items()
    ]
    return {"source": SOURCE, "relationships": rels, "tables": tables}


def self_check(truth: dict[str, Any]) -> dict[str, Any]:
    """Score the truth and a mutated copy of it; fail loudly when a number is off."""
    perfect = _as_found(truth)
    # A bridge row is not scored; a composite FK reported with its pairs in another order is the
    # same FK.
    perfect["relationships"].append(
        {**perfect["relationships"][0], "id": "bridge", "type": "bridge", "cardinality": "n:m"}
    )
    for r in perfect["relationships"]:
        if len(r["from_columns"]) > 1:
            r["from_columns"], r["to_columns"] = r["from_columns"][::-1], r["to_columns"][::-1]
    s = score(truth, perfect)
    checks = {"perfect: fk precision 1": s["fk_precision"] == 1.0, "perfect: fk recall 1": s["fk_recall"] == 1.0,
              "perfect: grain precision 1": s["grain_precision"] == 1.0,
              "perfect: grain recall 1": s["grain_recall"] == 1.0}  # fmt: skip

    mutated = _as_found(truth)
    rels = mutated["relationships"]
    drop = next(n for n, f in enumerate(truth["foreign_keys"]) if not f.get("implied"))
    dropped = rels.pop(drop)
    # A wrong one: the dropped FK the other way round.
    rels.append({
        **dropped, "id": "wrong", "from_table": dropped["to_table"], "from_columns": dropped["to_columns"],
        "to_table": dropped["from_table"], "to_columns": dropped["from_columns"],
    })  # fmt: skip
    mutated["tables"][0]["grain"] = None
    mutated["tables"][1]["grain"] = ["no_such_column"]
    s2 = score(truth, mutated)
    n_true = len(truth["foreign_keys"])
    n_required = sum(not f.get("implied") for f in truth["foreign_keys"])
    n_tables = len(truth["tables"])
    checks |= {
        "mutated: fk precision": s2["fk_precision"] == round((n_true - 1) / n_true, 4),
        "mutated: fk recall": s2["fk_recall"] == round((n_required - 1) / n_required, 4),
        "mutated: one miss, the dropped FK": [m["relationship"] for m in s2["fk_misses"]]
        == [_describe(dropped["from_table"], dropped["from_columns"], dropped["to_table"], dropped["to_columns"])],
        "mutated: one false positive, reversed": [f["why"] for f in s2["fk_false_positives"]] == ["reversed true FK"],
        "mutated: grain precision": s2["grain_precision"] == round((n_tables - 2) / (n_tables - 1), 4),
        "mutated: grain recall": s2["grain_recall"] == round((n_tables - 2) / n_tables, 4),
        "mutated: one unknown grain": len(s2["grain_unknown"]) == 1 and len(s2["grain_wrong"]) == 1,
    }  # fmt: skip
    return {"checks": checks, "perfect": s, "mutated": s2}


# -- running ------------------------------------------------------------------------------


def run_once(data: Path, threads: int) -> dict[str, Any]:
    """Profile the folder, then discover its relationships, on an empty workspace."""
    script = shutil.which("datadossier", path=str(Path(sys.executable).parent)) or "datadossier"
    home = Path(tempfile.mkdtemp(prefix="dd-bench-"))
    env = {
        **os.environ,
        "DATADOSSIER_HOME": str(home),
        "DATADOSSIER_STORE_URL": f"sqlite+aiosqlite:///{home / 'metadata.db'}",
        "DATADOSSIER_ROOTS": str(data),
        "DATADOSSIER_THREADS": str(threads),
    }
    try:
        out, load_s, load_rss = _run_measured(
            [script, "profile", str(data), "--json", "--source", SOURCE], env
        )
        loaded = json.loads(out)
        out, discover_s, discover_rss = _run_measured(
            [script, "relationships", SOURCE, "--refresh", "--json"], env
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    found = json.loads(out)
    return {
        "load_s": load_s,
        "load_peak_rss_mb": load_rss,
        "load_tables": len(loaded),
        "load_failed": [
            t["table"] for t in loaded if t.get("status") not in ("profiled", "unchanged")
        ],
        "discover_s": discover_s,
        "discover_peak_rss_mb": discover_rss,
        "discovery_reported_s": (found.get("discovery") or {}).get("seconds"),
        "found": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--data", type=Path, help="A folder written by bench/generate_schema.py (with truth.json)."
    )
    which.add_argument(
        "--dataset", choices=["sample", "company"], help="A bundled dataset instead."
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--self-check", action="store_true", help="Test the scoring on the truth; run nothing."
    )
    args = parser.parse_args()

    with dataset(args) as (name, data, truth):
        if args.self_check:
            result = self_check(truth)
            for check, ok in result["checks"].items():
                print(f"{'ok  ' if ok else 'FAIL'} {check}")
            if not all(result["checks"].values()):
                raise SystemExit(1)
            return
        runs = [run_once(data, args.threads) for _ in range(args.runs)]

    scores = [score(truth, r["found"]) for r in runs]
    med = statistics.median
    load = [r["load_s"] for r in runs]
    discover = [r["discover_s"] for r in runs]
    results: dict[str, Any] = {
        "dataset": name,
        "data": str(data) if args.data else None,
        "threads": args.threads,
        "runs": args.runs,
        "tables": len(truth["tables"]),
        "load_s": load,
        "discover_s": discover,
        "discovery_reported_s": [r["discovery_reported_s"] for r in runs],
        "load_peak_rss_mb": [r["load_peak_rss_mb"] for r in runs],
        "discover_peak_rss_mb": [r["discover_peak_rss_mb"] for r in runs],
        "median_load_s": med(load),
        "median_discover_s": med(discover),
        "ratio_discover_to_load": med(discover) / med(load),
        "max_discover_peak_rss_mb": max(r["discover_peak_rss_mb"] for r in runs),
        "load_failed": runs[-1]["load_failed"],
        # Discovery should be deterministic; if runs disagree, every score is kept.
        "scores_identical": all(s == scores[0] for s in scores),
        "score": scores[-1],
        "scores": scores if any(s != scores[0] for s in scores) else None,
        "found": runs[-1]["found"],
    }
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out_dir / f"relationships-{name}-{stamp}.json").write_text(json.dumps(results, indent=2))
    print_markdown(results)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def print_markdown(r: dict[str, Any]) -> None:
    s = r["score"]
    print(
        "| dataset | tables | true FKs | load (s) | discovery (s) | ratio | discovery peak RSS (MB) "
        "| FK precision | FK recall | grain precision | grain recall |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {r['dataset']} | {r['tables']} | {s['fk_true']} | {r['median_load_s']:.2f} | {r['median_discover_s']:.2f} "
        f"| {r['ratio_discover_to_load']:.2f} | {r['max_discover_peak_rss_mb']} | {_pct(s['fk_precision'])} "
        f"({s['fk_hits']}/{s['fk_reported']}) | {_pct(s['fk_recall'])} | {_pct(s['grain_precision'])} "
        f"({s['grain_correct']}/{s['grain_reported']}) | {_pct(s['grain_recall'])} |"
    )
    kinds = ", ".join(f"{k} {v['found']}/{v['of']}" for k, v in s["fk_recall_by_kind"].items())
    print(f"\nFK recall by kind: {kinds}")
    if not r["scores_identical"]:
        print("\nThe runs found different relationships; see `scores` in the JSON.")
    if r["load_failed"]:
        print(f"\nTables whose load did not succeed: {', '.join(r['load_failed'])}")
    sections = [
        ("Missed foreign keys", [f"{m['relationship']} (integrity {m['integrity']}) {m['note']}".rstrip() for m in s["fk_misses"]]),
        ("False positives", [
            f"{f['relationship']} [{f['type']}, {f['cardinality']}, confidence {f['confidence']}]"
            + (f" - {f['why']}" if f["why"] else "")
            for f in s["fk_false_positives"]
        ]),
        ("Wrong grain", [f"{g['table']}: found {g['grain']}, key {g['key']}" for g in s["grain_wrong"]]),
        ("Unknown grain", s["grain_unknown"]),
    ]  # fmt: skip
    for title, items in sections:
        if items:
            print(f"\n{title} ({len(items)}):")
            for item in items:
                print(f"- {item}")


if __name__ == "__main__":
    main()
