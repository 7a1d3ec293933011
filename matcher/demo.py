"""A seeded, synthetic but realistic creator catalog with known niches: the demo and the tests' data.

It has every feature the engine reads: 8 niches, 4 platforms, every tier, sponsored posts (some
disclosed only by #ad), loyal repeat partners, creators who promoted competing brands, a few
fake-looking accounts, and optional fields left empty at random.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

NICHES: dict[str, dict[str, list[str]]] = {
    "beauty": {
        "topics": ["my everyday makeup routine", "a glowy skincare routine", "this mascara and lipstick look",
                   "a soft glam eyeshadow tutorial", "my favourite foundation for dry skin",
                   "night-time skincare with serum and moisturiser", "a bold red lip for the weekend",
                   "testing drugstore concealers"],
        "tags": ["makeup", "skincare", "beauty", "mua", "glowingskin", "makeuptutorial", "lipstick"],
        "bio": ["Makeup artist and skincare nerd", "Beauty tutorials, honest reviews", "Glam looks and skincare tips"],
        "brands": ["glowlab", "velvetskin", "lumacosmetics"],
    },
    "fitness": {
        "topics": ["today's leg day at the gym", "a 20 minute HIIT workout", "my protein-packed meal prep",
                   "deadlift form tips for beginners", "morning run and stretching", "home workout with dumbbells",
                   "new personal best on the bench press", "core training for runners"],
        "tags": ["fitness", "gym", "workout", "fitfam", "training", "legday", "personaltrainer"],
        "bio": ["Personal trainer, strength and conditioning", "Gym life and healthy habits", "Coach. Lifter. Runner."],
        "brands": ["ironfuel", "peakwear", "fitbrew"],
    },
    "food": {
        "topics": ["a homemade chocolate cake recipe", "fresh pasta from scratch", "the best vegan brownies",
                   "sunday brunch with pancakes and berries", "a spicy ramen bowl at home",
                   "sourdough bread baking day",
                   "easy weeknight curry recipe", "lemon tart with buttery crust"],
        "tags": ["food", "recipe", "homemade", "baking", "foodie", "dessert", "cooking"],
        "bio": ["Home cook sharing easy recipes", "Baking and dessert lover", "Food blogger, recipes every week"],
        "brands": ["bakehaus", "spiceroute", "oatly_like"],
    },
    "travel": {
        "topics": ["sunset over the beaches of Bali", "a weekend city trip to Lisbon", "hiking in the Swiss Alps",
                   "my packing list for two weeks abroad", "hidden gems in Kyoto", "island hopping in Greece",
                   "road trip through Iceland", "best cafes to visit in Paris"],
        "tags": ["travel", "wanderlust", "travelgram", "adventure", "explore", "vacation", "backpacking"],
        "bio": ["Travel blogger exploring the world", "Passport full, suitcase ready",
                "Trips, destinations and guides"],
        "brands": ["jetpack_luggage", "roamair", "staywell_hotels"],
    },
    "fashion": {
        "topics": ["today's outfit with vintage denim", "street style in the city", "my autumn capsule wardrobe",
                   "styling one blazer three ways", "new sneakers and an oversized coat", "summer dress lookbook",
                   "thrifted finds haul", "monochrome outfit of the day"],
        "tags": ["ootd", "fashion", "style", "streetstyle", "outfit", "lookbook", "denim"],
        "bio": ["Style diaries and outfit ideas", "Fashion, thrift and streetwear", "Outfits of the day"],
        "brands": ["denimco", "urbanthread", "stylebox"],
    },
    "gaming": {
        "topics": ["late night ranked matches live", "my new gaming setup tour", "speedrun attempt tonight",
                   "reviewing the latest open world game", "building a custom PC for streaming",
                   "co-op raid with the squad", "retro console collection", "tips to climb the ladder"],
        "tags": ["gaming", "gamer", "twitchstreamer", "esports", "pcgaming", "videogames", "setup"],
        "bio": ["Streamer and competitive gamer", "Gaming, setups and reviews", "Variety streamer, daily at 8pm"],
        "brands": ["pixelforge", "clutchgear", "hyperkeys"],
    },
    "pets": {
        "topics": ["my golden retriever at the park", "new toys for the puppy", "cat nap in the sunshine",
                   "training my dog to fetch", "grooming day for the fluffy pup", "adopted a rescue kitten",
                   "long walk with the dogs", "homemade treats for my dog"],
        "tags": ["dogsofinstagram", "puppy", "dog", "catsofinstagram", "pets", "doglover", "rescuedog"],
        "bio": ["Life with two rescue dogs", "Dog mom and pet lover", "Adventures of a very good boy"],
        "brands": ["happypaws", "barkbox_like", "furrytreats"],
    },
    "parenting": {
        "topics": ["family day at the playground", "morning routine with toddlers", "baby's first steps",
                   "crafts with the kids on a rainy day", "packing school lunches", "mum life and messy kitchens",
                   "bedtime stories with my daughter", "weekend family picnic"],
        "tags": ["momlife", "family", "parenting", "kids", "motherhood", "toddler", "familytime"],
        "bio": ["Mum of three, family life", "Parenting, kids and chaos", "Dad blog: family adventures"],
        "brands": ["tinytots", "kidscrate", "familyfirst"],
    },
}
PLATFORM_SHARES = {"instagram": 0.45, "tiktok": 0.25, "youtube": 0.2, "twitter": 0.1}
TIER_SHARES = {"nano": (1_000, 10_000, 0.35), "micro": (10_000, 100_000, 0.38), "macro": (100_000, 1_000_000, 0.2),
               "mega": (1_000_000, 8_000_000, 0.07)}
# typical engagement per follower by tier: larger accounts engage less
TIER_RATE = {"nano": 0.06, "micro": 0.035, "macro": 0.02, "mega": 0.012}
COUNTRIES = {"DE": "de", "US": "en", "GB": "en", "FR": "fr", "ES": "es", "IT": "it", "AT": "de", "NL": "nl"}
OPENERS = ["Loving", "Sharing", "Back with", "Trying", "Today:", "Can't stop thinking about", "New post:", "Finally,"]


@dataclass(frozen=True)
class DemoCatalog:
    """Creators and posts tables in catalog schema v1, and each creator's true niche."""

    creators: pd.DataFrame
    posts: pd.DataFrame
    niches: pd.DataFrame

    def write(self, folder: str | Path) -> tuple[Path, Path]:
        """Write creators.csv and posts.csv (lists `;`-joined, shares as JSON) into `folder`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        creators = self.creators.copy()
        creators["categories"] = creators["categories"].map(lambda v: ";".join(v) if v else "")
        for column in ("audience_countries",):
            creators[column] = creators[column].map(lambda v: json.dumps(v) if v else "")
        posts = self.posts.copy()
        posts["brand_mentions"] = posts["brand_mentions"].map(lambda v: ";".join(v) if v else "")
        creators.to_csv(folder / "creators.csv", index=False)
        posts.to_csv(folder / "posts.csv", index=False)
        return folder / "creators.csv", folder / "posts.csv"


def generate_demo_catalog(n_creators: int = 2400, seed: int = 7, posts_per_creator: tuple[int, int] = (4, 9),
                          fake_share: float = 0.03) -> DemoCatalog:
    """A synthetic catalog of `n_creators`, the same for the same seed."""
    rng = np.random.default_rng(seed)
    niche_names = list(NICHES)
    platforms = list(PLATFORM_SHARES)
    tiers = list(TIER_SHARES)
    countries = list(COUNTRIES)
    creators, posts, truth = [], [], []
    start = pd.Timestamp("2024-01-01", tz="UTC").timestamp()
    for i in range(n_creators):
        niche = niche_names[i % len(niche_names)]
        spec = NICHES[niche]
        platform = str(rng.choice(platforms, p=list(PLATFORM_SHARES.values())))
        tier = str(rng.choice(tiers, p=[t[2] for t in TIER_SHARES.values()]))
        low, high, _ = TIER_SHARES[tier]
        followers = int(np.exp(rng.uniform(np.log(low), np.log(high))))
        fake = rng.random() < fake_share
        following = int(rng.lognormal(np.log(400), 0.8))
        posts_count = int(rng.integers(60, 2500))
        if fake:
            if rng.random() < 0.5:  # a follow-for-follow farm: follows thousands, few follow back
                followers, following = int(rng.integers(200, 5_000)), int(rng.integers(3_000, 7_500))
            posts_count = int(rng.integers(3, 30))
        country = str(rng.choice(countries))
        creator_id = f"c{i:05d}"
        missing = rng.random(8) < np.array([0.1, 0.1, 0.15, 0.3, 0.4, 0.2, 0.6, 0.5])
        audience = {country: round(float(rng.uniform(0.45, 0.8)), 2)}
        other = str(rng.choice([c for c in countries if c != country]))
        audience[other] = round(float(rng.uniform(0.05, 1.0 - audience[country] - 0.01)), 2)
        creators.append({
            "creator_id": creator_id,
            "handle": f"{niche}_{rng.choice(['daily', 'with', 'by', 'and', 'life'])}_{i}",
            "platform": platform,
            "followers": followers,
            "following": "" if missing[0] else following,
            "posts_count": "" if missing[1] else posts_count,
            "bio": "" if missing[2] else f"{rng.choice(spec['bio'])}. Based in {country}.",
            "display_name": f"Creator {i}",
            "country": "" if missing[3] else country,
            "language": "" if missing[3] else COUNTRIES[country],
            "categories": () if missing[4] else (niche,),
            "email": "" if missing[5] else f"hello{i}@example.com",
            "price_per_post": "" if missing[6] else round(followers / 1000 * float(rng.uniform(5, 20)), 2),
            "verified": tier in ("macro", "mega") and rng.random() < 0.5,
            "account_created_at": "" if missing[7] else pd.Timestamp(
                rng.uniform(pd.Timestamp("2012-01-01").timestamp(), pd.Timestamp("2023-06-01").timestamp()),
                unit="s", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ"),
            "fake_follower_pct": round(float(rng.uniform(30, 70)), 1) if fake and rng.random() < 0.7 else (
                "" if rng.random() < 0.7 else round(float(rng.uniform(1, 15)), 1)),
            "audience_countries": audience if rng.random() < 0.5 else {},
        })
        truth.append({"creator_id": creator_id, "niche": niche, "fake": fake})
        loyal_brand = str(rng.choice(spec["brands"]))
        promiscuous = rng.random() < 0.15
        rate = TIER_RATE[tier] * float(rng.lognormal(0, 0.35))
        if fake:
            rate *= 0.05 if rng.random() < 0.6 else 8.0
        for j in range(int(rng.integers(*posts_per_creator))):
            video = platform in ("tiktok", "youtube")
            views = int(followers * rng.uniform(0.3, 1.5)) if video else 0
            # video engagement is judged per view: a view-based rate about twice the follower rate
            reach = views * 2 if video else followers
            likes = max(0, int(reach * rate * rng.lognormal(0, 0.3)))
            comments = int(likes * rng.uniform(0.01, 0.05)) if not fake else int(likes * rng.uniform(0, 0.002))
            sponsored = rng.random() < 0.18
            brand = str(rng.choice(spec["brands"])) if promiscuous else loyal_brand
            topic = str(rng.choice(spec["topics"]))
            tags = " ".join(f"#{t}" for t in rng.choice(spec["tags"], size=3, replace=False))
            caption = f"{rng.choice(OPENERS)} {topic}! {tags}"
            mentions: tuple[str, ...] = ()
            disclosed: object = ""
            if sponsored:
                caption += f" Thanks @{brand} #ad"
                mentions = (brand,)
                disclosed = True if rng.random() < 0.7 else ""
            elif rng.random() < 0.1:
                caption += f" Still obsessed with my @{loyal_brand} favourites"
                mentions = (loyal_brand,)
                disclosed = False
            posts.append({
                "creator_id": creator_id,
                "post_id": f"p{i:05d}_{j}",
                "posted_at": int(start + rng.uniform(0, 600) * 86400),
                "caption": caption,
                "likes": likes,
                "comments": comments,
                "views": views if video else "",
                "is_sponsored": disclosed,
                "brand_mentions": mentions,
            })
    return DemoCatalog(pd.DataFrame(creators), pd.DataFrame(posts), pd.DataFrame(truth))

EXAMPLE_BRIEFS: tuple[str, ...] = (
    "Vegan protein bar for Gen Z gym-goers in Germany, micro creators, not anyone who works with IronFuel",
    "Mascara brand wants creators who film their everyday makeup routine, under 100k followers",
    "Luggage brand looking for travel creators on YouTube who share trips abroad",
    "Dog toy startup wants 3 accounts run by dog owners, budget $2,000",
)
