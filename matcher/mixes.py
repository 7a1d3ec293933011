"""A mix (shares by language, country, age, sensitive topic...) is a dict, or the JSON text a stored version keeps.

A served version keeps its mixes as the stored text, views of the mapped creator table, and whoever reads a mix
parses the rows it reads (`parsed_mix`): parsed at load, Kim's catalog's mixes were Python dicts of some 500 bytes
a creator, for columns an answer reads for its ten creators (and `language_shares`, `country_weights` not at all).
"""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

# the creator columns that hold mixes
MIX_COLUMNS = ("audience_countries", "audience_age", "audience_gender", "language_shares", "country_weights",
               "sensitive_shares", "sensitive_evidence")


def parsed_mix(value: Any) -> Any:
    """`value` parsed when it is a mix's JSON text; None for a missing one (None, NaN from a text column, NA from
    a column of nulls); anything else (a dict) as it is."""
    if isinstance(value, str):
        return json.loads(value)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value
