"""`python -m bench [--quick] [--out DIR] [--sizes 10000,100000] [--sections latency,embedding,...]`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from bench.runner import SECTIONS, full_plan, quick_plan, run_bench


def main(argv: list[str] | None = None) -> None:
    """Parse the options and run the benchmark."""
    parser = argparse.ArgumentParser(prog="python -m bench", description="creatormatch performance benchmarks")
    parser.add_argument("--quick", action="store_true", help="small inputs: checks the benchmarks run (CI)")
    parser.add_argument("--out", type=Path, default=None, help="folder for results.json and latency.png")
    parser.add_argument("--sizes", default=None, help="catalog sizes for latency, e.g. 10000,100000,1000000")
    parser.add_argument("--types", default=None,
                        help="approximate index types for every size, ';'-separated (default: HNSW32 and IVF-PQ)")
    parser.add_argument("--queries", type=int, default=None, help="briefs per latency measurement")
    parser.add_argument("--captions", type=int, default=None, help="real captions for the embedding section")
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"any of {','.join(SECTIONS)}")
    parser.add_argument("--rebuild-catalog", nargs=2, type=Path, default=None, metavar=("CREATORS", "POSTS"),
                        help="catalog files for the rebuild section (default: a generated demo catalog)")
    args = parser.parse_args(argv)
    plan = quick_plan() if args.quick else full_plan(
        tuple(int(s) for s in args.sizes.split(",")) if args.sizes else (10_000, 100_000, 1_000_000))
    plan = replace(plan, sections=tuple(s for s in args.sections.split(",") if s in SECTIONS),
                   queries=args.queries or plan.queries, rebuild_catalog=args.rebuild_catalog,
                   caption_count=args.captions or plan.caption_count)
    if args.types is not None:
        types = tuple(t for t in args.types.split(";") if t)
        plan = replace(plan, index_types={size: types for size in plan.sizes})
    run_bench(plan, args.out)


if __name__ == "__main__":
    main()
