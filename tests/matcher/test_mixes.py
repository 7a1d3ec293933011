from __future__ import annotations

import math

import pandas as pd

from matcher.mixes import parsed_mix


def test_a_mix_is_read_from_its_text_or_as_it_is() -> None:
    assert parsed_mix('{"en": 0.75, "de": 0.25}') == {"en": 0.75, "de": 0.25}
    assert parsed_mix("{}") == {} and parsed_mix("null") is None
    shares = {"US": 1.0}
    assert parsed_mix(shares) is shares
    assert parsed_mix(None) is None and parsed_mix(math.nan) is None and parsed_mix(pd.NA) is None
