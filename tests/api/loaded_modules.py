"""Run the `creatormatch` CLI, appending to OUT_FILE each of PyTorch's stack the process loads, as it loads it.

Usage: python loaded_modules.py OUT_FILE CLI_ARGS...  An audit hook sees every import as it starts, so the
record is written even when the process later dies by a signal (a server stopped with SIGTERM). An import
that is refused because the module is marked absent (thinc's `try: import torch` while spaCy is imported
with PyTorch hidden) loads nothing and is not written.
"""

import sys
from typing import Any

WATCHED = ("torch", "sentence_transformers", "transformers")


def _watch(path: str) -> None:
    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event != "import":
            return
        root = str(args[0]).partition(".")[0]
        if root in WATCHED and sys.modules.get(root, 0) is not None:  # None: marked absent, the import fails
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(root + "\n")

    sys.addaudithook(hook)


if __name__ == "__main__":
    _watch(sys.argv[1])
    sys.argv = ["creatormatch", *sys.argv[2:]]
    from api.cli import main

    main()
