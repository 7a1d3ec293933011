"""Taxonomies a brief is read against: the IAB Tech Lab Content Taxonomy 3.1 and a list of creator niches.

The IAB Content Taxonomy (704 categories in up to four tiers, CC BY 3.0, shipped in `matcher/data/`
with its attribution) is the advertising industry's standard list. Each category is described for
embedding by its name followed by its path ("Nail Care. Style & Fashion > Beauty > Nail Care"). The
creator niches are 45 niches of influencer marketing, each with one descriptive sentence written here,
with the words creators use ("outfits of the day", "gym workouts"). A brief is steered towards the
softmax-weighted mix of the descriptions closest to it, only when it is clearly close to one of them
(docs/matching.md, "Reading a brief as a niche").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

IAB_FILE = Path(__file__).with_name("data") / "iab_content_taxonomy_3.1.tsv"

NICHES: tuple[tuple[str, str], ...] = (
    ("makeup", "Makeup artistry: makeup looks, tutorials, lipstick, eyeshadow, foundation and cosmetics reviews."),
    ("skincare", "Skincare: skin care routines, serums, moisturizers, sunscreen, acne and glowing skin."),
    ("hair", "Hair: hairstyles, haircuts, hair color, braids, curls and hair care products."),
    ("nails", "Nail art: manicures, nail polish, gel nails and nail designs."),
    ("fashion", "Fashion: outfits of the day, clothing, style inspiration, shoes, bags and accessories."),
    ("streetwear", "Streetwear and sneakers: sneaker collections, hype drops, urban street style."),
    ("menswear", "Menswear: men's style, suits, grooming, watches and dapper outfits."),
    ("luxury", "Luxury lifestyle: designer brands, luxury cars, jewelry, watches and high-end living."),
    ("jewelry", "Jewelry: rings, necklaces, earrings, handmade jewelry and gemstones."),
    ("fitness", "Fitness: gym workouts, weight training, personal training, muscle building and exercise motivation."),
    ("yoga", "Yoga and mindfulness: yoga poses, meditation, flexibility and breathing practice."),
    ("running", "Running and endurance: marathons, trail running, cycling, triathlon training."),
    ("wellness", "Health and wellness: healthy lifestyle, nutrition, mental health, self-care and supplements."),
    ("food", "Food: recipes, home cooking, restaurant dishes, meals and food photography."),
    ("baking", "Baking and desserts: cakes, cookies, pastries, bread and sweet treats."),
    ("vegan", "Vegan and plant-based eating: vegan recipes, plant-based meals and vegetarian food."),
    ("drinks", "Drinks: coffee, tea, cocktails, wine, beer and bartending."),
    ("travel", "Travel: trips, destinations, vacations, exploring cities and countries around the world."),
    ("luxurytravel", "Luxury travel: hotels, resorts, beaches, villas and holiday getaways."),
    ("outdoor", "Outdoor adventure: hiking, camping, mountains, nature and national parks."),
    ("family", "Parenting and family: motherhood, babies, kids, toddlers and family life."),
    ("pregnancy", "Pregnancy and newborns: pregnancy journey, maternity, newborn baby and breastfeeding."),
    ("dogs", "Dogs: dog life, puppies, dog breeds, walks and pet dog photos."),
    ("cats", "Cats: cat life, kittens and funny cat photos."),
    ("pets", "Pets and animals: pet care, rescue animals, horses, rabbits and exotic pets."),
    ("interior", "Interior design and home decor: living rooms, furniture, home styling and house renovation."),
    ("diy", "DIY and crafts: handmade projects, sewing, knitting, woodworking and upcycling."),
    ("gardening", "Gardening and plants: houseplants, flowers, vegetable garden and succulents."),
    ("wedding", "Weddings: brides, wedding dresses, ceremonies, engagement and wedding planning."),
    ("gaming", "Gaming: video games, esports, streaming and consoles."),
    ("tech", "Technology: gadgets, smartphones, computers, apps and tech reviews."),
    ("photography", "Photography: photographers, cameras, portraits, landscapes and photo editing."),
    ("art", "Art and illustration: painting, drawing, illustration, tattoos and artists' work."),
    ("music", "Music: musicians, singers, bands, concerts, DJs and new releases."),
    ("dance", "Dance: dancers, choreography, ballet and dance videos."),
    ("cars", "Cars and motorsport: cars, motorcycles, car modifications and racing."),
    ("sports", "Sports: football, basketball, soccer, athletes, teams and match days."),
    ("surf", "Board and water sports: surfing, skateboarding, snowboarding, skiing and diving."),
    ("comedy", "Comedy and entertainment: memes, funny videos, jokes and sketches."),
    ("celebrity", "Celebrities and models: modeling, photoshoots, actors, red carpet and public appearances."),
    ("business", "Business and entrepreneurship: startups, marketing, motivation and personal finance."),
    ("education", "Education and books: reading, book reviews, studying, science and learning."),
    ("faith", "Faith and inspiration: religion, quotes, spirituality and positive thinking."),
    ("events", "Nightlife and events: parties, festivals, clubs and celebrations."),
    ("cities", "City and local life: local news, city guides, architecture and street photography."),
)


@dataclass(frozen=True)
class Taxonomy:
    """Named categories with a description each; the descriptions are embedded as steering prototypes."""

    name: str
    labels: tuple[str, ...]
    descriptions: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.labels)

    def __add__(self, other: Taxonomy) -> Taxonomy:
        return Taxonomy(f"{self.name}+{other.name}", self.labels + other.labels,
                        self.descriptions + other.descriptions)


def creator_niches() -> Taxonomy:
    """The 45 creator niches written for this project."""
    return Taxonomy("creator-niches", tuple(name for name, _ in NICHES), tuple(text for _, text in NICHES))


@cache
def iab_content_taxonomy() -> Taxonomy:
    """The IAB Tech Lab Content Taxonomy 3.1, each category described by its name and its path."""
    labels, descriptions = [], []
    with IAB_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    for row in rows[2:]:  # two header lines
        name = row[2].strip()
        path = [tier.strip() for tier in row[3:7] if tier.strip()]
        if not name or not path:
            continue
        labels.append(" > ".join(path))
        descriptions.append(f"{name}. {' > '.join(path)}" if len(path) > 1 else name)
    return Taxonomy("iab-3.1", tuple(labels), tuple(descriptions))


TAXONOMIES: dict[str, Callable[[], Taxonomy]] = {
    "creator": creator_niches, "iab": iab_content_taxonomy, "both": lambda: iab_content_taxonomy() + creator_niches()}


def taxonomy(name: str) -> Taxonomy:
    """A taxonomy by its setting name: 'iab', 'creator' or 'both'."""
    if name not in TAXONOMIES:
        raise ValueError(f"taxonomy: unknown '{name}' (expected one of {', '.join(TAXONOMIES)})")
    return TAXONOMIES[name]()


def niche_mix(query: NDArray[np.float32], prototypes: NDArray[np.float32], temperature: float) -> NDArray[np.float64]:
    """Softmax over the niches of cosine / temperature: how much the brief reads as each niche."""
    logits = (prototypes @ query).astype(np.float64) / temperature
    logits -= logits.max()
    weights = np.exp(logits)
    return weights / weights.sum()


@dataclass(frozen=True)
class Steering:
    """A brief's query after steering, the niche mix it was read as, and whether it was steered at all."""

    query: NDArray[np.float32]
    mix: NDArray[np.float64]
    top_similarity: float
    steered: bool


def steer_query(query: NDArray[np.float32], prototypes: NDArray[np.float32], temperature: float,
                weight: float, gate: float = -1.0) -> Steering:
    """normalize(q + weight * normalize(sum_k mix_k * prototype_k)), only when the brief is close to a category.

    The steering is applied when the query's best cosine with a prototype reaches `gate`: a brief whose
    niche the taxonomy does not name keeps its own direction. A zero weight (or no prototypes) returns
    the query unchanged.
    """
    if weight <= 0 or len(prototypes) == 0:
        return Steering(query, np.zeros(len(prototypes)), float("nan"), False)
    similarity = (prototypes @ query).astype(np.float64)
    top = float(similarity.max())
    mix = niche_mix(query, prototypes, temperature)
    if top < gate:
        return Steering(query, mix, top, False)
    direction = mix @ prototypes
    direction = direction / max(float(np.linalg.norm(direction)), 1e-12)
    steered = query + weight * direction
    return Steering((steered / max(float(np.linalg.norm(steered)), 1e-12)).astype(np.float32), mix, top, True)


_SENTENCE_ENDS = re.compile(r"[.!?;\n]+")


def brief_sentences(text: str) -> list[str]:
    """The sentences of a brief's niche text with at least two words (where a long brief says its niche)."""
    return [part.strip() for part in _SENTENCE_ENDS.split(text) if len(part.strip().split()) >= 2]


def pool_sentences(vectors: NDArray[np.float32], prototypes: NDArray[np.float32],
                   temperature: float) -> NDArray[np.float32]:
    """The normalized sum of sentence vectors, each weighted by softmax(best cosine with a category / temperature).

    A long agency brief spends most sentences on deliverables, tone and timing; the sentences that read
    as a niche carry its direction. Attention-style pooling (as in Lin et al. 2017, "A structured
    self-attentive sentence embedding"), with the taxonomy as the query.
    """
    if len(vectors) == 0:
        raise ValueError("pool_sentences: no sentence vectors")
    closeness = (vectors @ prototypes.T).max(axis=1).astype(np.float64) if len(prototypes) else np.zeros(len(vectors))
    weights = np.exp((closeness - closeness.max()) / temperature)
    pooled = (weights[:, None] * vectors).sum(axis=0)
    return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)
