"""The API's tests run every app with its answers checked against the declared response models."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="package", autouse=True)
def validate_responses() -> Iterator[None]:
    """CREATORMATCH_VALIDATE_RESPONSES=1 for every app made here, and every `creatormatch serve` started here.

    Off by default in production (it costs about 1 ms per /match); here an answer off its model is a 500
    that fails the test which asked for it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CREATORMATCH_VALIDATE_RESPONSES", "1")
        yield
