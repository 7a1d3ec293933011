"""The errors creatormatch raises on purpose: each carries a message a user can act on."""

from __future__ import annotations


class CreatorMatchError(Exception):
    """Base of every error that the command line and the API report as one clear line."""


class CatalogError(CreatorMatchError):
    """A catalog file cannot be read, lacks a required column, or has no valid rows."""


class BriefError(CreatorMatchError):
    """A brief or its explicit filters are invalid (empty text, unknown preset, bad weight...)."""
