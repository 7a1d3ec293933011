"""The errors creatormatch raises on purpose: each carries a message a user can act on, and the field it concerns."""

from __future__ import annotations


class CreatorMatchError(Exception):
    """Base of every error that the command line and the API report as one clear line.

    `field` names the input at fault, as the request body and the command line name it ("k",
    "creator_ids", "budget"); the API reports it without reading the message. The text a user sees is
    "field: message".
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class CatalogError(CreatorMatchError):
    """A catalog file cannot be read, lacks a required column, or has no valid rows."""


class BriefError(CreatorMatchError):
    """A brief or its explicit options are invalid (empty text, unknown preset, bad weight...)."""


class FilterError(BriefError):
    """An explicit filter is invalid; `field` is the filter's name (`MatchFilters`, the CLI option)."""
