"""The outside world: the `creatormatch` command line (and later the HTTP service)."""

from api.cli import app, main
from api.settings import Settings

__all__ = ["Settings", "app", "main"]
