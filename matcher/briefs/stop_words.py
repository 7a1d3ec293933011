"""spaCy's English stop words, imported so that spaCy does not load PyTorch.

spaCy imports thinc, and thinc imports PyTorch whenever it is installed (1.2 s and a few hundred MB on this
machine), though the brief reader only uses spaCy's blank tokenizer and word lists. While spaCy is first
imported, `torch` is marked as absent, so thinc records that it has no PyTorch; a later `import torch` (the
PyTorch embedding backend) is untouched. A process that imported PyTorch before is left as it is.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


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


with pytorch_hidden():
    from spacy.lang.en.stop_words import STOP_WORDS

__all__ = ["STOP_WORDS", "pytorch_hidden"]
