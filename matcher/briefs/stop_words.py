"""spaCy's English stop words, read without importing spaCy, and the guard spaCy is imported under.

The list is spaCy's own (`spacy/lang/en/stop_words.py`), loaded from that file alone: importing it through the
package runs `spacy/__init__` (0.35 s), which a build, that reads no brief, never needs.

spaCy imports thinc, and thinc imports PyTorch whenever it is installed (1.2 s and a few hundred MB on this
machine), though the brief reader only uses spaCy's blank tokenizer. `pytorch_hidden` marks `torch` as absent
while spaCy is first imported (`matcher.briefs.tokens`), so thinc records that it has no PyTorch; a later
`import torch` (the PyTorch embedding backend) is untouched. A process that imported PyTorch before is left
as it is.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def pytorch_hidden() -> Iterator[None]:
    """While inside, `import torch` fails as if PyTorch were not installed (unless it is already imported)."""
    hidden = "torch" not in sys.modules
    if hidden:
        sys.modules["torch"] = None  # type: ignore[assignment]  # the import system's "not installed"
    try:
        yield
    finally:
        if hidden and sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def _spacy_english_stop_words() -> set[str]:
    """The STOP_WORDS set of spaCy's English module file, executed on its own (it imports nothing)."""
    package = importlib.util.find_spec("spacy")  # finds the package without importing it
    if package is None or not package.submodule_search_locations:
        raise ImportError("spaCy is not installed (a declared dependency: pip install -e .)")
    path = Path(next(iter(package.submodule_search_locations))) / "lang" / "en" / "stop_words.py"
    spec = importlib.util.spec_from_file_location("_spacy_english_stop_words", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot read spaCy's English stop words at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.STOP_WORDS)


STOP_WORDS = _spacy_english_stop_words()

__all__ = ["STOP_WORDS", "pytorch_hidden"]
