"""The advertiser named by the writer's own role or team: "I'm the marketing lead at stackwise", "we (kolibri kids)
need", "From: Sophie Adeyemi (Marketing, Kinfolk Haircare)", "the client (Northbound Outdoor) wants"."""

from __future__ import annotations

from matcher.briefs.brand_layout import claim_brand
from matcher.briefs.brand_shapes import lower_name_run
from matcher.briefs.brand_words import COMPANY_NOUNS, ROLE_WORDS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import is_place_or_platform, name_end
from matcher.briefs.tokens import Tokens

# what the writer works in before 'at': "I work in student recruitment at the University of Galway"
WORK_AREAS = frozenset({"new", "working", "intern", "recruitment", "admissions", "sales", "events", "fundraising",
                         "outreach", "communication", "development"})



def brand_of_person(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """"I'm the marketing lead at stackwise", "we (kolibri kids) need", "I work in the marketing of Pedal Livre"."""
    for i in range(len(tokens) - 2):
        if tokens.lower[i] == "we" and tokens.words[i + 1] == "(":
            close = next((j for j in range(i + 2, min(i + 6, len(tokens))) if tokens.words[j] == ")"), None)
            if close is not None and close > i + 2 and all(tokens.words[j].replace("&", "").isalnum()
                                                             for j in range(i + 2, close)):
                return claim_brand(tokens, i, i + 2, close)  # "we (kolibri kids) need ..."
        if tokens.words[i] == "(" and tokens.lower[i + 1] in ROLE_WORDS and tokens.words[i + 2:i + 3] == [","] and (
                i > 0 and tokens.is_capitalized(i - 1)):
            close = next((j for j in range(i + 3, min(i + 8, len(tokens))) if tokens.words[j] == ")"), None)
            end = name_end(tokens, i + 3)  # "From: Sophie Adeyemi (Marketing, Kinfolk Haircare)"
            if close is not None and end == close and not is_place_or_platform(tokens, i + 3, end, places):
                return claim_brand(tokens, i, i + 3, end)
        if tokens.lower[i] == "client" and tokens.words[i + 1] == "(" and tokens.is_capitalized(i + 2):
            close = next((j for j in range(i + 2, min(i + 7, len(tokens))) if tokens.words[j] == ")"), None)
            if close is not None and close > i + 2:
                return claim_brand(tokens, i, i + 2, close)  # "the client (Northbound Outdoor) wants ..."
        if tokens.phrase_at(i, (("i", "'m"), ("i", "am"), ("i", "work"), ("we", "work"), ("im",), ("i", "m"),
                                ("myself",), ("here", ","))):  # "Marta here, community lead at Wolf & Birch Games"
            for j in range(i + 2, min(i + 10, len(tokens) - 1)):
                if tokens.words[j] in {".", "!", "?", ";", "\n"}:
                    break
                if tokens.lower[j] in {"at", "of", "for", "in"} and (tokens.lower[j - 1] in ROLE_WORDS or tokens.lower[
                        j - 1] in WORK_AREAS or (j == i + 3 and tokens.is_capitalized(j - 1))):
                    at = j + 1 + (tokens.lower[j + 1] == "the" and j + 2 < len(tokens) and tokens.is_capitalized(j + 2))
                    end = name_end(tokens, at, allow_lower=True, limit=5)  # "I am Marco of Gelateria Il Cono"
                    end = lower_name_run(tokens, at, end)  # "owner of ramen shop 'X'": what it is, not its name
                    if end is not None and not is_place_or_platform(tokens, at, end, places) and (
                            tokens.lower[end - 1] not in COMPANY_NOUNS):
                        return claim_brand(tokens, i, at, end)
    return None
