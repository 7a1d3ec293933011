"""Performance benchmarks of every hot path: they measure and print, they never assert a speed."""

from bench.runner import SECTIONS, BenchPlan, full_plan, quick_plan, run_bench

__all__ = ["SECTIONS", "BenchPlan", "full_plan", "quick_plan", "run_bench"]
