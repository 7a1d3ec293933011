"""A general niche taxonomy of influencer marketing, used to read a brief as a mix of niches.

Forty-five niches of the field (not any dataset's labels), each with one descriptive sentence. A
brief is steered towards the softmax-weighted mix of the niche descriptions closest to it, which
makes short or oddly worded briefs land in the right part of the vector space (docs/matching.md).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

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


def niche_mix(query: NDArray[np.float32], prototypes: NDArray[np.float32], temperature: float) -> NDArray[np.float64]:
    """Softmax over the niches of cosine / temperature: how much the brief reads as each niche."""
    logits = (prototypes @ query).astype(np.float64) / temperature
    logits -= logits.max()
    weights = np.exp(logits)
    return weights / weights.sum()


def steer_query(query: NDArray[np.float32], prototypes: NDArray[np.float32], temperature: float,
                weight: float) -> tuple[NDArray[np.float32], NDArray[np.float64]]:
    """normalize(q + weight * normalize(sum_k mix_k * prototype_k)) and the niche mix used.

    A zero weight (or no prototypes) returns the query unchanged.
    """
    if weight <= 0 or len(prototypes) == 0:
        return query, np.zeros(len(prototypes))
    mix = niche_mix(query, prototypes, temperature)
    direction = mix @ prototypes
    direction = direction / max(float(np.linalg.norm(direction)), 1e-12)
    steered = query + weight * direction
    return (steered / max(float(np.linalg.norm(steered)), 1e-12)).astype(np.float32), mix
