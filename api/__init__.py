"""The outside world: the `creatormatch` command line (and later the HTTP service)."""

import os

# Memory that a process touches for the first time is slow on the virtual machines this project is measured on,
# and two allocators ask for it in large pieces (docs/benchmarks.md, "Rebuild, second round"):
# - NumPy asks the kernel for transparent huge pages for every array of 4 MB or more: touching 512 MB took
#   5.6-6.7 s with them, 0.2-0.3 s without; a Kim rebuild 17.8-19.6 s with them, 12.9-13.4 s without.
# - Arrow (pandas' strings, Parquet) allocates from mimalloc by default: reading a version's three tables took
#   1.0 s with it, 0.15 s with the system allocator; a Kim rebuild 15.9-16.2 s against 12.5 s.
# Both switches are the libraries' own, read once when each is first imported, hence here, before any import of
# ours; an operator's value wins.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from api.cli import app, main
from api.settings import Settings

__all__ = ["Settings", "app", "main"]
