"""Reading a brief as a niche with the real model, on a small hand-made catalog of profiles only.

A brief whose niche the creator-niche list does not name (news and politics, podcasts) is not steered
towards the closest listed niche: it is shown as not read into a niche, and it ranks at least as well as
plain cosine between the brief and the creators. A brief inside the list is read into its niche.
"""

from __future__ import annotations

import numpy as np
import pytest

from index import SentenceTransformerEncoder, build_store, open_matcher
from matcher import Matcher
from matcher.briefs import parse_brief

# four creators per niche, each described by a bio only (a profiles-only catalog)
CREATORS = {
    "news": ["Political reporter covering parliament, elections and government policy",
             "Daily news analysis: world affairs, diplomacy and breaking stories explained",
             "Election night coverage, polls and political debate commentary",
             "Investigative journalist on corruption, courts and public accountability"],
    "podcasts": ["Host of a weekly interview podcast with founders and authors",
                 "Podcast about true crime stories, new episode every Tuesday",
                 "Audio storyteller and podcaster, long-form conversations",
                 "Comedy podcast duo, episodes on Spotify and Apple Podcasts"],
    "beauty": ["Makeup artist sharing everyday makeup looks and lipstick swatches",
               "Skincare routines, serums and sunscreen reviews",
               "Nail art and manicure tutorials", "Hair stylist: braids, curls and hair colour"],
    "fitness": ["Personal trainer: gym workouts and strength training",
                "Marathon runner sharing training plans", "Yoga teacher, daily flows and breathing",
                "Home workouts and HIIT sessions"],
    "food": ["Home cook sharing easy dinner recipes", "Baker: sourdough, cakes and pastries",
             "Vegan recipes and plant-based meal prep", "Street food and restaurant reviews"],
    "travel": ["Backpacker exploring Southeast Asia on a budget", "Luxury hotels and resorts around the world",
               "Road trips and national parks", "City guides and weekend getaways"],
}


@pytest.fixture(scope="module")
def matcher(tmp_path_factory: pytest.TempPathFactory) -> Matcher:
    folder = tmp_path_factory.mktemp("niche-reading")
    lines = ["creator_id,handle,platform,followers,bio"]
    for niche, bios in CREATORS.items():
        lines += [f'{niche}{i},{niche}_{i},youtube,{20_000 + i},"{bio}"' for i, bio in enumerate(bios)]
    creators = folder / "creators.csv"
    creators.write_text("\n".join(lines) + "\n", encoding="utf-8")
    encoder = SentenceTransformerEncoder()
    build_store(creators, None, folder / "store", encoder)
    return open_matcher(folder / "store", encoder)


def _ndcg(ranked: list[str], niche: str) -> float:
    discounts = 1.0 / np.log2(np.arange(2, 6))
    gains = np.array([1.0 if creator.startswith(niche) else 0.0 for creator in ranked[:4]])
    return float((gains * discounts[: len(gains)]).sum() / discounts.sum())


def _plain_cosine(matcher: Matcher, brief: str) -> list[str]:
    query = matcher.encoder.encode([parse_brief(brief).query_text])[0]
    similarity = matcher.index.creator_vectors @ query
    ids = matcher.index.creators["creator_id"].to_numpy()
    return [str(c) for c in ids[np.argsort(-similarity, kind="stable")]]


@pytest.mark.model
@pytest.mark.parametrize(("brief", "niche"), [
    ("Political commentary channels covering elections and parliament debates", "news"),
    ("A newsletter wants creators who explain current affairs and world news", "news"),
    ("Podcast hosts who interview guests every week", "podcasts"),
])
def test_a_niche_outside_the_list_is_not_steered_and_ranks_as_well_as_plain_cosine(
        matcher: Matcher, brief: str, niche: str) -> None:
    response = matcher.match(brief, k=8, preset="relevance")
    assert response.niches == ()  # shown as not read into a niche
    engine = _ndcg([m.creator_id for m in response.results], niche)
    cosine = _ndcg(_plain_cosine(matcher, brief), niche)
    assert engine >= cosine - 1e-9, (engine, cosine)


@pytest.mark.model
def test_a_niche_in_the_list_is_read_into_it(matcher: Matcher) -> None:
    response = matcher.match("A mascara brand wants creators who film their everyday makeup routine", k=4,
                             preset="relevance")
    assert response.niches and response.niches[0][0] == "makeup"
    assert _ndcg([m.creator_id for m in response.results], "beauty") >= 0.75
