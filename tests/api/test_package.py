"""Importing the api package, as the `creatormatch` command and the server do, turns NumPy's huge pages off and
makes Arrow allocate with the system allocator, unless the operator chose otherwise."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# NumPy has no public getter for the setting; its private one is what NumPy itself consults
CODE = ("import api, numpy, pyarrow; "
        "print(numpy._core.multiarray._get_madvise_hugepage(), pyarrow.default_memory_pool().backend_name)")


def _allocation(environment: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_ordinary_pages_and_the_system_allocator_under_the_api_unless_the_operator_says_otherwise() -> None:
    switches = ("NUMPY_MADVISE_HUGEPAGE", "ARROW_DEFAULT_MEMORY_POOL")
    environment = {k: v for k, v in os.environ.items() if k not in switches}
    assert _allocation(environment) == "False system"
    chosen = {**environment, "NUMPY_MADVISE_HUGEPAGE": "1", "ARROW_DEFAULT_MEMORY_POOL": "mimalloc"}
    assert _allocation(chosen) == "True mimalloc"
