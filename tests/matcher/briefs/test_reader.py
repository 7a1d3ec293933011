"""The brief reader on hand-written briefs: the issue's examples, traps, suggestions and phrases."""

from __future__ import annotations

import pytest

from matcher import BriefError, Filters, parse_brief
from matcher.briefs import MAX_RESULTS, ParsedBrief, with_filters

# "no TikTok": every other platform a filter knows (the README's list and "other")
_ALL_BUT_TIKTOK = ("instagram", "youtube", "twitter", "facebook", "twitch", "blog", "other")


def _offered_countries(parsed: ParsedBrief) -> list[tuple[str, ...]]:
    """The countries a brief's suggestions offer, one tuple per suggestion, in the brief's order."""
    return [r.value for r in parsed.suggestions if r.field == "countries"]


def test_the_design_example() -> None:
    parsed = parse_brief("vegan protein bar for Gen Z gym-goers in Germany, micro creators on TikTok, "
                         "not anyone who works with Red Bull")
    assert parsed.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("DE",),
                                     competitors=("Red Bull",))
    # constraints are cut out of the niche text, so 'Red Bull' does not pull in energy-drink creators
    assert "Red Bull" not in parsed.query_text and "TikTok" not in parsed.query_text
    assert "vegan protein bar" in parsed.query_text and "gym-goers" in parsed.query_text


# the examples of issue 14's "Why", each with the reading a careful person gives it
@pytest.mark.parametrize(("text", "expected"), [
    ("Nail polish company wants people who share manicures, 5 creators", Filters(k=5)),
    ("Fitness creators with no more than 30k followers", Filters(max_followers=30_000)),
    ("Travel creators, nobody with more than 1 million followers", Filters(max_followers=1_000_000)),
    ("Energy drink for gamers, not anyone who has worked with Red Bull or Monster",
     Filters(competitors=("Red Bull", "Monster"))),
    ("Sportswear for runners, not anyone sponsored by Under Armour", Filters(competitors=("Under Armour",))),
    ("Parkas for hikers, not anyone who works with Canada Goose.", Filters(competitors=("Canada Goose",))),
    ("Oatly wants baristas who make latte art", Filters(brand="Oatly")),
    ("Sony is launching a camera for travel vloggers", Filters(brand="Sony")),
    ("Zara is looking for fashion creators", Filters(brand="Zara")),
    ("Looking for creators for Zara's spring collection", Filters(brand="Zara")),
    ("A craft beer for German audiences", Filters(countries=("DE",))),
    ("food bloggers in London", Filters(countries=("GB",))),
    ("barbecue creators in Texas", Filters(countries=("US",))),
    ("beauty creators in Sao Paulo, Brazil", Filters(countries=("BR",))),
    ("wine creators based in Tbilisi, Georgia", Filters(countries=("GE",))),
    ("top 3 music producers", Filters(k=3)),
])
def test_the_examples_that_were_misread(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_nail_polish_brief_is_not_poland() -> None:
    parsed = parse_brief("Nail polish company wants people who share manicures")
    assert parsed.filters.countries == () and parsed.suggestions == ()


def test_running_stays_in_the_niche_text() -> None:
    parsed = parse_brief("Running shoe brand wants runners who post their marathon training")
    assert "Running" in parsed.query_text and "marathon training" in parsed.query_text


@pytest.mark.parametrize(("text", "expected"), [
    ("beauty creators under 50k followers", Filters(max_followers=50_000)),
    ("fitness over 10k", Filters(min_followers=10_000)),
    ("food bloggers with 10k-50k followers", Filters(min_followers=10_000, max_followers=50_000)),
    ("food bloggers, 10-50k followers", Filters(min_followers=10_000, max_followers=50_000)),
    ("yoga creators between 5k and 20k", Filters(min_followers=5_000, max_followers=20_000)),
    ("travel, 2.5k+ followers", Filters(min_followers=2_500)),
    ("pets, 50k followers or fewer", Filters(max_followers=50_000)),
    ("gaming, sub-100k", Filters(max_followers=100_000)),
    ("cars, up to 200k subscribers", Filters(max_followers=200_000)),
    ("golf, at least 10.000 followers", Filters(min_followers=10_000)),
    ("chess, nobody over 1M", Filters(max_followers=1_000_000)),
    ("5 French-speaking makeup artists", Filters(languages=("fr",), k=5)),
    ("twelve creators from Italy, Spain and France", Filters(countries=("IT", "ES", "FR"), k=12)),
    ("a dozen bakers who post in Spanish", Filters(languages=("es",), k=12)),
    ("German-language tech reviewers in Switzerland", Filters(languages=("de",), countries=("CH",))),
    ("gaming on YouTube or Twitch, budget $5,000", Filters(platforms=("youtube", "twitch"), campaign_budget=5000.0)),
    ("skincare, €3k budget, competitors: Sephora, Douglas", Filters(campaign_budget=3000.0,
                                                                    competitors=("Sephora", "Douglas"))),
    ("skincare, max $500 per post", Filters(max_price_per_post=500.0)),
    ("skincare, $200-400 per reel, total budget 15.000 EUR",
     Filters(max_price_per_post=400.0, campaign_budget=15_000.0)),
    ("German fitness creators, brand: Gymshark", Filters(countries=("DE",), brand="Gymshark")),
    ("nano influencers in the US and Canada", Filters(tiers=("nano",), countries=("US", "CA"))),
    ("home decor creators in the DACH region", Filters(countries=("DE", "AT", "CH"))),
    ("surf creators, anything but Facebook", Filters(platforms=("instagram", "tiktok", "youtube", "twitter",
                                                                "twitch", "blog", "other"))),
])
def test_constraints_in_plain_words(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


# everyday phrases that look like constraints and are not
@pytest.mark.parametrize("text", [
    "A mascara brand wants creators who film their everyday makeup routine.",
    "Luggage brand looking for creators who share their trips and destinations abroad.",
    "Children's clothing label looking for mums sharing family moments with their kids.",
    "Bakery chain wants creators who post desserts, cakes and homemade recipes.",
    "Microwave meals for students",
    "Gym creators who train 3 times a week",
    "Cocktail creators, audience over 21",
    "Skincare for women aged 18-24",
    "Accessories for the Tesla Model 3",
    "Film photographers who shoot 35mm",
    "Cases for the iPhone 15",
    "Creators whose posts get 10k likes",
    "Macro photography creators who shoot insects",
    "Fitness creators who count macros",
    "Mom of 2 who loves camping",
    "Hotels with 5-star reviews",
    "Gen Z gamers",
    "Creators who love the look of a Glossier-like routine",
])
def test_traps_give_no_constraint(text: str) -> None:
    assert parse_brief(text).filters == Filters()


@pytest.mark.parametrize(("text", "countries"), [
    ("Korean skincare routines", ("KR",)),
    ("Recipes with Italian food", ("IT",)),
    ("Creators hiking in Norway", ("NO",)),
    ("A wine brewed in Italy", ("IT",)),
    ("Creators based in Cambridge", ("GB", "CA", "US")),
])
def test_ambiguous_places_are_suggested_not_applied(text: str, countries: tuple[str, ...]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == ()
    (suggestion,) = parsed.suggestions
    assert suggestion.field == "countries" and set(countries) <= set(suggestion.value) and suggestion.note


def test_every_reading_shows_the_phrase_it_came_from() -> None:
    text = "Oatly wants 5 barista creators in Sweden on TikTok, under 50k followers, max €300 per post"
    parsed = parse_brief(text)
    shown = {reading.field: reading.phrase for reading in parsed.readings}
    assert shown == {"brand": "Oatly", "k": "5", "countries": "in Sweden", "platforms": "on TikTok",
                     "max_followers": "under 50k followers", "max_price_per_post": "max €300 per post"}
    for reading in parsed.readings:
        assert text[reading.start:reading.end] == reading.phrase


def test_explicit_filters_win_field_by_field() -> None:
    parsed = parse_brief("micro creators in Germany on TikTok")
    merged = with_filters(parsed, Filters(countries=("AT",), min_trust=0.8))
    assert merged.filters == Filters(platforms=("tiktok",), tiers=("micro",), countries=("AT",), min_trust=0.8)


def test_a_removed_reading_is_dropped() -> None:
    parsed = parse_brief("micro creators in Germany on TikTok")
    merged = with_filters(parsed, Filters(ignore_parsed=("countries",)))
    assert merged.filters.countries == () and merged.filters.platforms == ("tiktok",)


def test_bad_briefs_name_the_field() -> None:
    with pytest.raises(BriefError, match="brief: text is empty"):
        parse_brief("   ")
    with pytest.raises(BriefError, match="over the 5,000 limit"):
        parse_brief("x" * 5001)


# found in review: phrases that gave a wrong constraint before
@pytest.mark.parametrize(("text", "expected"), [
    # a rate is neither a fee per post nor a total budget
    ("Pay $50/hour for editing help, fitness creators", Filters()),
    ("We pay $20 per 1000 views, gaming creators", Filters()),
    ("CPM of $15, beauty creators", Filters()),
    ("$500 a month retainer for 3 beauty creators", Filters(k=3)),
    ("$300/post for fitness creators", Filters(max_price_per_post=300.0)),
    ("our budget is 8k EUR for beauty creators", Filters(campaign_budget=8000.0)),
    # a tier after a negation is not asked for; fans and lovers are no tier
    ("No micro influencers please, beauty creators", Filters()),
    ("mega fans of anime", Filters()),
    # counts of things that are not creators
    ("5 star hotels travel creators", Filters()),
    ("iPhone 15 Pro reviewers wanted", Filters()),
    ("We send 10 samples to beauty creators", Filters()),
    ("3 reels from 4 beauty creators", Filters(k=4)),
    # a platform named after an exclusion is ruled out whatever its spelling; after "competitors:" it is a name
    ("fitness, except Tik Tok and Instagram",
     Filters(platforms=("youtube", "twitter", "facebook", "twitch", "blog", "other"))),
    ("Competitors: TikTok, Nike. Running creators", Filters(competitors=("TikTok", "Nike"))),
])
def test_review_findings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_demonym_before_what_people_love_is_a_suggestion() -> None:
    parsed = parse_brief("French wine lovers for our brand")
    assert parsed.filters.countries == ()
    (suggestion,) = parsed.suggestions
    assert suggestion.value == ("FR",) and suggestion.phrase == "French"
    assert parse_brief("German fitness creators").filters.countries == ("DE",)


def test_a_count_over_the_result_limit_is_capped_with_a_note() -> None:
    (reading,) = parse_brief("Need 500 creators for a food campaign").readings
    assert (reading.field, reading.value) == ("k", MAX_RESULTS)
    assert "500" in reading.note


def test_a_second_value_for_a_one_value_field_is_offered_not_applied() -> None:
    parsed = parse_brief("budget 5k EUR. Elsewhere our budget is 8k EUR for beauty creators")
    assert parsed.filters.campaign_budget == 5000.0
    (second,) = parsed.suggestions
    assert (second.field, second.value) == ("campaign_budget", 8000.0) and "budget 5k EUR" in second.note


@pytest.mark.parametrize(("text", "field", "applied", "offered"), [
    ("budget 5k EUR. Actually our budget is 8k EUR for beauty creators", "campaign_budget", 8000.0, 5000.0),
    ("knitting youtubers in canada, ideally under 20k subs... no wait, under 50k", "max_followers", 50_000, 20_000),
    ("van life creators, under 20k... no wait, under 50k followers, and at least 3k", "max_followers", 50_000,
     20_000),
])
def test_a_value_the_brief_takes_back_gives_way_to_the_correction(text: str, field: str, applied: float,
                                                                   offered: float) -> None:
    parsed = parse_brief(text)
    assert getattr(parsed.filters, field) == applied
    (taken_back,) = [r for r in parsed.suggestions if r.field == field]
    assert taken_back.value == offered and taken_back.note.startswith("corrected by")


def test_a_ceiling_below_the_floor_is_offered_not_applied() -> None:
    parsed = parse_brief("creators with over 100k followers, under 10k followers")
    assert (parsed.filters.min_followers, parsed.filters.max_followers) == (100_000, None)
    (ceiling,) = parsed.suggestions
    assert ceiling.field == "max_followers" and ceiling.value == 10_000


def test_each_reading_names_the_filter_fields_it_sets() -> None:
    # what a client passes in ignore_parsed to drop the reading
    parsed = parse_brief("beauty creators, 10k-50k followers, not on TikTok")
    by_field = {reading.field: reading.to_dict()["filters"] for reading in parsed.readings}
    assert by_field["exclude_platforms"] == ["platforms"]
    ignored = tuple(dict.fromkeys(f for fs in by_field.values() for f in fs))
    assert set(ignored) == {"min_followers", "max_followers", "platforms"}
    dropped = with_filters(parsed, Filters(ignore_parsed=ignored))
    assert dropped.filters == Filters(ignore_parsed=ignored)


def test_an_exclusion_cue_at_the_very_end_reads_without_error() -> None:
    assert parse_brief("Fitness creators in Spain except").filters == Filters(countries=("ES",))
    assert parse_brief("Skincare creators, but").filters == Filters()


def test_every_prefix_and_suffix_of_a_brief_reads() -> None:
    # cut briefs (a text box mid-typing) must never raise: each word boundary, both sides
    text = ("Hi! Brand: Lúa Cosmetics (vegan skincare). 8 Spanish-speaking micro creators on IG or TikTok, "
            "10k-50k followers, max €400/post, total budget €6.000, not anyone who works with Sephora, except "
            "YouTube. Thanks, Georgia")
    cuts = [i for i, char in enumerate(text) if char == " "]
    for cut in cuts:
        for part in (text[:cut], text[cut:]):
            parse_brief(part)


# classes of misreading found on the fresh corpus files of 2026-12-02 (validation_v6 ... v11), one brief each;
# the expected readings are written by hand from the corpus README's conventions
@pytest.mark.parametrize(("text", "expected"), [
    # the advertiser's name: lower case after "we are", a signature's role line, a label, digits, a suffix
    ("bonjour, we are la savonnerie douce, we do handmade soaps", Filters(brand="la savonnerie douce")),
    ("Thanks,\nMarta\nGrowth lead, Pesito", Filters(brand="Pesito")),
    ("Thanks so much,\nDana Whitfield\nBrand Marketing Manager, Maple Hollow Candles",
     Filters(brand="Maple Hollow Candles")),
    ("Client: Nomad Thread\nObjective: launch our merino travel jacket", Filters(brand="Nomad Thread")),
    ("Hoi, we are Fietsfabriek 1892 from Utrecht, we make frames by hand.", Filters(brand="Fietsfabriek 1892")),
    ("cybersecurity YouTubers for SecuRaum GmbH, please", Filters(platforms=("youtube",), brand="SecuRaum GmbH")),
    ("hey! it's Jess from little sprout 🌱 i'm a mom of 3 myself", Filters(brand="little sprout")),
    ("Hi, we are DIY tool shop Werkbank24 from Austria.", Filters(brand="Werkbank24")),
    ("A Scotch whisky distillery on Islay wants spirits reviewers", Filters()),
    # competitors: a name spelt with '!', a keyword item of names, 'repping'
    ("No-go: anyone who has partnered with Oumph! or Anamma.", Filters(competitors=("Oumph", "Anamma"))),
    ("fitness apparel | over 50k followers | no Lululemon, Gymshark",
     Filters(min_followers=50_000, competitors=("Lululemon", "Gymshark"))),
    ("Drone brand Skyloft wants FPV pilots, not anyone repping DJI.", Filters(brand="Skyloft", competitors=("DJI",))),
    # money: a product's starting price, a product line, summed fees, a fee without currency, 'cost per post'
    ("rings in silver 925 from 89 zł. Budget for all is 8 000 zł.", Filters(campaign_budget=8_000)),
    ("PRODUCT: smart doorbell, $149\nFEES: up to $2,500 per integration", Filters(max_price_per_post=2_500)),
    ("Aggregate fees must not exceed CHF 60,000.", Filters(campaign_budget=60_000)),
    ("total budget 5 lakh, max 25,000 per video", Filters(max_price_per_post=25_000, campaign_budget=500_000)),
    ("Qty: 25 | CPP max $80 | Total: $2,000", Filters(k=25, max_price_per_post=80, campaign_budget=2_000)),
    # counts: a figure repeating the word, a group of things, a range of creators per something
    ("We require twelve (12) creators resident in Norway.", Filters(k=12, countries=("NO",))),
    ("Casa do Rio is a group of four boutique hotels. Please shortlist the top 5.",
     Filters(brand="Casa do Rio", k=5)),
    ("Hosted trip: 2 creators per departure, 3 departures, so 6 creators total", Filters(k=6)),
    # places: where we make things, a quoted title, a part of a country, a lower-case city list item
    ("Hola! We make tequila in Jalisco. We want creators in Florida.", Filters(countries=("US",))),
    ("Campaign 'Spring in Japan': travel creators based in Spain.", Filters(countries=("ES",))),
    ("Creators should live in the southeastern US.", Filters(countries=("US",))),
    ("vegan leather bags | berlin, munich | 5k-25k", Filters(min_followers=5_000, max_followers=25_000,
                                                              countries=("DE",))),
    # platforms and languages: our own channels, lower-case short forms, a language code after a label
    ("We have 300k followers on our own TikTok and Instagram, so we want nano creators.", Filters(tiers=("nano",))),
    ("board game cafe, 4 micro creators, no yt", Filters(k=4, tiers=("micro",), platforms=(
        "instagram", "tiktok", "twitter", "facebook", "twitch", "blog", "other"))),
    ("Mkts: DACH | Lang: DE | Qty: 6", Filters(countries=("DE", "AT", "CH"), languages=("de",), k=6)),
    # followers: 'past', an audience counted in persons, a list of two items that is no range
    ("Top 3 chess YouTubers, no one past 1M subscribers.", Filters(k=3, platforms=("youtube",),
                                                                   max_followers=1_000_000)),
    ("food creators with audience not less of 20.000 persons", Filters(min_followers=20_000)),
    ("uk creators / sub-50k / 8 names", Filters(countries=("GB",), max_followers=50_000, k=8)),
    # a bound the brief rules out afterwards, a currency by its ISO code, a product's model code
    ("B3. Creators with more than 1M followers are out of scope.", Filters(max_followers=1_000_000)),
    ("Lahore barbers on insta, max 15k PKR", Filters(countries=("PK",), platforms=("instagram",),
                                                    campaign_budget=15_000)),
    ("Client wants a dozen macro YouTubers for the Galaxy S25 Ultra launch",
     Filters(k=12, tiers=("macro",), platforms=("youtube",))),
    ("hey!! its Marta from sunny side up cafés 🍳 we have 3 locations", Filters(brand="sunny side up cafés")),
    ("Hi, my name is Rafael, I work in marketing of Cervejaria Boa Onda", Filters(brand="Cervejaria Boa Onda")),
    # what a product costs is no budget; the same words before the campaign's money are ("review")
    ("Our bars have 20g of protein and cost $2.99 each. Fitness creators", Filters()),
    ("It is $5,000 for the whole campaign. Beauty creators", Filters(campaign_budget=5_000)),
    ("budget? it is 10k USD total", Filters(campaign_budget=10_000)),
])
def test_fresh_files_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_niche_noun_after_a_tier_stays_in_the_niche_text() -> None:
    parsed = parse_brief("We look micro cyclists creators from Spain")
    assert parsed.filters.tiers == ("micro",)
    assert "cyclists" in parsed.query_text


@pytest.mark.parametrize(("text", "expected"), [
    # places the brief rules out, a past trip, a country's states, 'nationwide', a market the brand pushes into
    ("the creators must be in Germany, not in Netherlands because there we are already known",
     Filters(countries=("DE",))),
    ("Location: Nordics, excluding Iceland", Filters(countries=("DK", "FI", "NO", "SE"))),
    ("Find 3 Dutch creators who rode the Camino in Spain last summer.", Filters(k=3, countries=("NL",))),
    ("influencers in the states of São Paulo and Minas Gerais", Filters(countries=("BR",))),
    ("they want 10 creators, nationwide US", Filters(k=10, countries=("US",))),
    ("We're finally ready to push into the UK and Ireland.", Filters(countries=("GB", "IE"))),
    ("Target markets: Vietnam first, then Thailand and the Philippines", Filters(countries=("VN", "TH", "PH"))),
    # where the advertiser is: its description after 'we are', 'the client make', a '-based' company, its office
    ("We are Anka Tekstil, towel and bathrobe producer since 1987 from Denizli.", Filters(brand="Anka Tekstil")),
    ("The client make artisanal pasta in Gragnano since 1921.", Filters()),
    ("A Dubai-based sneaker resale app wants Kuwaiti creators", Filters(countries=("KW",))),
    ("Note: the client's head office is in Switzerland.", Filters()),
    # a form answered line by line, questions for labels
    ("How many creators? 12 to 15.\nAny competitors to avoid? Almarai and Nadec.\nLanguages? English and isiZulu.",
     Filters(k=15, competitors=("Almarai", "Nadec"), languages=("en", "zu"))),
    # money: a shelf price, the campaign named before 'is', Indonesian and CFA amounts, a product's 'price is'
    ("Early Access on Steam at $19.99. Budget: $9,500 total.", Filters(campaign_budget=9_500)),
    ("We have very little money, the whole campaign is $3,000.", Filters(campaign_budget=3_000)),
    ("max 5jt rupiah per vid", Filters(max_price_per_post=5_000_000)),
    ("We have 2 millions FCFA for the total campaign, and maximum 200 000 FCFA by influencer.",
     Filters(campaign_budget=2_000_000, max_price_per_post=200_000)),
    ("New pen 'Kaze 14', price is ¥12,000. Payment is until 80,000 yen per one video.",
     Filters(max_price_per_post=80_000)),
    # counts and followers: 'proposal of', a deliverable per creator, 'Minimum followers N'
    ("Waiting your proposal of 12 influencers.", Filters(k=12)),
    ("Deliverables per creator: 1 long video, 3 stories.", Filters()),
    ("Minimum followers 15.000, maximum no limit.", Filters(min_followers=15_000)),
    # platforms: ruled out after the name, hearsay, a past result, creators named by their platform
    ("TikTok we do not want.", Filters(platforms=_ALL_BUT_TIKTOK)),
    ("We've heard TikTok works but we're open.", Filters()),
    ("Their previous push delivered 4.1M views and a 2.3% engagement rate, mostly on YouTube.", Filters()),
    ("Competitor is Pilot and Platinum, please avoid YouTuber who work with them.",
     Filters(competitors=("Pilot", "Platinum"))),
    # brands: a client in brackets, a founder's story, a lower-case legal form, a home town, a name described
    ("for the launch of the Client's (Nordwerk Tools) cordless drill range.", Filters(brand="Nordwerk Tools")),
    ("Quick background: I started Fernweh Fermentation in my Berlin kitchen", Filters(brand="Fernweh Fermentation")),
    ("The Client, Meridian Bank plc, seeks a partner", Filters(brand="Meridian Bank plc")),
    ("Our company is Sakura-dō Stationery of Osaka.", Filters(brand="Sakura-dō Stationery")),
    ("summer sampling for VOLTA, a sugar-free energy drink", Filters(brand="VOLTA")),
    ("K-beauty / Korean skincare | creators in US + Canada", Filters(countries=("US", "CA"))),
    ("EdTech | coding for kids | Egypt, Morocco", Filters(countries=("EG", "MA"))),
    ("Please exclude creator who did advertisement of Innisfree, Laneige.",
     Filters(competitors=("Innisfree", "Laneige"))),
])
def test_round_six_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_home_town_after_of_stays_a_suggestion() -> None:
    parsed = parse_brief("Our company is Sakura-dō Stationery of Osaka.")
    assert [(r.field, r.value, r.applied) for r in parsed.readings if r.field == "countries"] == [
        ("countries", ("JP",), False)]


@pytest.mark.parametrize(("text", "expected"), [
    # brands: 'for X we', 'quick one for X', 'X brief:' on its own line, a brand and its occasion, genres and kinds
    ("Hi @Sanne, for HEMA we look for 5 mom bloggers", Filters(brand="HEMA", k=5)),
    ("@Priya quick one for Monzo 👇", Filters(brand="Monzo")),
    ("Barry's Tea brief:\n- 8 of them", Filters(brand="Barry's Tea", k=8)),
    ("BRIEF — BONDS x FATHER'S DAY", Filters(brand="BONDS")),
    ("Bakery here, need creators for our pan de muerto drop on 2 Nov", Filters()),
    ("cocktail creators in Lima for Pisco Sour Day", Filters(countries=("PE",))),
    ("A crypto wallet startup that just closed a $25M Series B wants 10 finance creators", Filters(k=10)),
    ("Good day. We are NGO Zielone Miasto from Kraków.", Filters(brand="Zielone Miasto")),
    ("Hi, I'm the comms lead at the City of Melbourne. For our campaign", Filters(brand="City of Melbourne")),
    # a brief in capitals: function words are no names
    ("NO ONE WHO HAS WORKED WITH SELFRIDGES OR HARRODS IN THE LAST 12 MONTHS.",
     Filters(competitors=("SELFRIDGES", "HARRODS"))),
    ("AUSTRALIAN DADS 30-50. DELIVERABLES: 10 X DAD CREATORS.", Filters(countries=("AU",), k=10)),
    ("Avoid anyone who's done a CalDigit or Anker sponsorship.", Filters(competitors=("CalDigit", "Anker"))),
    # places: a part of a country, a style's origin, a dish, a list that leaves one out, platforms before 'from'
    ("cocktail people in South West England", Filters(countries=("GB",))),
    ("Need 8 fitness creators from North India", Filters(k=8, countries=("IN",))),
    ("K-beauty creators in Malaysia", Filters(countries=("MY",))),
    ("Dutch oven camping cooks in Norway and Sweden", Filters(countries=("NO", "SE"))),
    ("creators across the Nordics, but NOT Iceland this time", Filters(countries=("DK", "FI", "NO", "SE"))),
    ("Creators must be italian, age 25-35.", Filters(countries=("IT",))),
    ("this campaign is only for Netherlands.", Filters(countries=("NL",))),
    ("Banca di Roma wants 5 creators in Spain", Filters(brand="Banca di Roma", k=5, countries=("ES",))),
    ("crypto influencers on Twitter and youtube from Vietnam, Indonesia", Filters(
        platforms=("twitter", "youtube"), countries=("VN", "ID"))),
    ("Web3 gaming, Twitch + YouTube, LATAM Spanish-speaking, $800/stream max", Filters(
        platforms=("twitch", "youtube"), languages=("es",), max_price_per_post=800, countries=(
            "AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "MX", "NI", "PA", "PE", "PR", "PY",
            "SV", "UY", "VE"))),
    ("We are making sake in Niigata since 1890.", Filters()),
    ("based in Metro Manila, Cebu or Davao.", Filters(countries=("PH",))),
    # amounts: lakh and ribu ranges, Hindi 'se', Spanish 'a', French 'à', 'S/', a glued second currency, 'juta'
    ("Jaipur | 1L-5L followers | Insta", Filters(countries=("IN",), min_followers=100_000, max_followers=500_000,
                                                 platforms=("instagram",))),
    ("follower 5rb-20rb", Filters(min_followers=5_000, max_followers=20_000)),
    ("50k se 3 lakh followers", Filters(min_followers=50_000, max_followers=300_000)),
    ("10k a 80k followers", Filters(min_followers=10_000, max_followers=80_000)),
    ("Taille: 20k à 150k abonnés", Filters(min_followers=20_000, max_followers=150_000)),
    ("Up to S/ 1.200 per reel", Filters(max_price_per_post=1_200)),
    ("Fee S$250–S$450 per reel.", Filters(max_price_per_post=450)),
    ("Rate max Rp 1,5 juta per video.", Filters(max_price_per_post=1_500_000)),
    ("subscriber 1M over, 3 people.", Filters(min_followers=1_000_000, k=3)),
    ("some vegan chefs under like thirty thousand followers", Filters(max_followers=30_000)),
    # money that is no budget: a starting price, a launch price, funding, a past result's GMV, an offer
    ("Our new EV starts at $42,990. Total budget ~$70k.", Filters(campaign_budget=70_000)),
    ("Our monitor drops Nov 12 at $549. Budget $20k.", Filters(campaign_budget=20_000)),
    ("Last year's push delivered Rs 4 crore GMV. Overall budget Rs 35 lakh.", Filters(campaign_budget=3_500_000)),
    ("5 TikTokers in Manchester who'd review our 2-for-£5 meal deal.", Filters(
        k=5, platforms=("tiktok",), countries=("GB",))),
    ("launching 1kg whey at Rs 2,499 MRP", Filters()),
    ("Cantidad: 20 (10 per country)", Filters(k=20)),
    ("Mandatories: mega creators excluded, micro and macro only.", Filters(tiers=("micro", "macro"))),
])
def test_round_seven_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a search tool's syntax: 'key:value', 'followers>50k', '-tiktok', 'limit:15'; '> 50k' is no quote mark
    ("platform:yt -tiktok tech reviewers followers>50k geo:US limit:15", Filters(
        platforms=("youtube",), min_followers=50_000, countries=("US",), k=15)),
    ("country:DE followers:10k-50k platform:tiktok", Filters(countries=("DE",), min_followers=10_000,
                                                              max_followers=50_000, platforms=("tiktok",))),
    ("> Hi all\n> 5 creators > 50k followers", Filters(k=5, min_followers=50_000)),
    # lower-case 'ig' closing an item, after an emoji, before 'ok'
    ("pilates instructors in london <15k ig", Filters(countries=("GB",), max_followers=15_000,
                                                      platforms=("instagram",))),
    ("macro lens photographers, insects & flowers 📸 ig", Filters(platforms=("instagram",))),
    # a Markdown table's total of creators; the client after 'Prepared by <agency> for'; 'for client X'
    ("| Market | Creators |\n|---|---|\n| Singapore | 3 |\n| Malaysia | 8 |\n| **Total** | **11** |",
     Filters(k=11, countries=("SG", "MY"))),
    ("Prepared by Cheil Worldwide Singapore for Samsung", Filters(brand="Samsung")),
    ("agence Havas Paris here. For the client L'Oréal Paris we need creators", Filters(brand="L'Oréal Paris")),
    ("Exclude anyone who's worked with Monster — Red Bull brief, extreme sports creators in Brazil.",
     Filters(brand="Red Bull", competitors=("Monster",), countries=("BR",))),
    # places: a city with its state or province code, local creators where the advertiser is, 'Metro X'
    ("dentist, Plano TX, IG + TikTok, 6 creators", Filters(countries=("US",), platforms=("instagram", "tiktok"),
                                                           k=6)),
    ("sports bar in Edmonton, AB", Filters()),
    ("A nano-brewery in Asheville, NC wants local beer creators", Filters(countries=("US",))),
    ("car wash, Metro Detroit, TikTok, 20 creators", Filters(countries=("US",), platforms=("tiktok",), k=20)),
    ("food bloggers living in Greater Vancouver", Filters(countries=("CA",))),
    # no brand: a state after its city, a review site, an occasion
    ("A family bakery in Paris, Texas (yes, that Paris) wants 3 Texas food bloggers", Filters(
        k=3, countries=("US",))),
    ("A detailing shop with 5 stars on Yelp wants 2 YouTube creators", Filters(k=2, platforms=("youtube",))),
    ("music YouTubers for a Record Store Day push.", Filters(platforms=("youtube",))),
    # money and counts that are no constraint: a discount, a threshold, last year's spend, a year, a past count
    ("we do $20 off any pair over $150", Filters()),
    ("Budget recap from 2024: we spent £180k. This year the budget is £200k.", Filters(campaign_budget=200_000)),
    ("the 2024 wave used 40 creators in 9 countries", Filters()),
    ("A tea room with 3 branches wants food bloggers", Filters()),
    # the famous name opening a keyword line is the advertiser (the learned tagger reads it since the 13th session)
    ("Heinz ketchup | 2x posts/week | 18-34 audience", Filters(brand="Heinz")),
    # a bound that is not wanted after it, and a fee 'per 1 post'
    ("Persons who are having more than 1.000.000 followers are not necessary.", Filters(max_followers=1_000_000)),
    ("The fee per 1 post is 100.000 yen or less.", Filters(max_price_per_post=100_000)),
])
def test_round_eight_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # French Canada and Down Under: regional demonyms, 'au', 'francophones', French creator nouns
    ("A microbrasserie wants 5 Québécois creators who post in French, max 750 $ per post", Filters(
        k=5, countries=("CA",), languages=("fr",), max_price_per_post=750)),
    ("Besoin de 4 créateurs francophones au Québec, budget 8 000 $.", Filters(
        k=4, languages=("fr",), countries=("CA",), campaign_budget=8_000)),
    ("influenceurs Montréal, food, 3 à 5 profils, max 500$/post", Filters(countries=("CA",), k=5,
                                                                           max_price_per_post=500)),
    ("5 mum creators based Down Under, under 50k", Filters(k=5, countries=("AU",), max_followers=50_000)),
    ("Who are the best brunch influencers in the Twin Cities?", Filters(countries=("US",))),
    # a product's price per pair is no budget; the name in brackets after what the advertiser is
    ("We make kids' wellies, £28 a pair. Budget's 3 grand.", Filters(campaign_budget=3_000)),
    ("we're a little candle shop on Etsy (Wick & Willow), been doing this 3 yrs", Filters(brand="Wick & Willow")),
    ("creators (ideally 5) in Spain", Filters(countries=("ES",))),
])
def test_round_nine_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a search-box query: each word a keyword, tiers and places with nothing around them
    ("skincare IG nano Manila", Filters(platforms=("instagram",), tiers=("nano",), countries=("PH",))),
    ("cycling youtube sub-50k DACH", Filters(platforms=("youtube",), max_followers=50_000,
                                              countries=("DE", "AT", "CH"))),
    ("micro photography", Filters()),
    ("Need 3-5 TikTokers sa Davao for our lechon house", Filters(k=5, platforms=("tiktok",), countries=("PH",))),
    # fine print that gives nothing: a cost centre, a referral bonus, a prize pool, a retail price with cents,
    # passes, money raised, ages, a day of rest, a finance code, a product line after the brand
    ("Cost centre 3310, PO pending.", Filters()),
    ("Referral app: new users get a $15 bonus.", Filters()),
    ("Tournament with a prize pool of $250k and 32 teams.", Filters()),
    ("3 colourways at €64.90.", Filters()),
    ("Weekend passes cost €590. 400,000 tickets sold.", Filters()),
    ("We had $1.2M raised last year.", Filters()),
    ("nothing implying it's for under-14s", Filters()),
    ("10 of them, no posting on Shabbat", Filters(k=10)),
    ("Gen Z across the Nordics (excl. Iceland, where we don't operate)", Filters(
        countries=("DK", "FI", "NO", "SE"))),
    ("no competitor supplements visible", Filters()),
    ("A shop with 14 stores and 60 SKUs wants micro creators in Poland", Filters(tiers=("micro",),
                                                                                  countries=("PL",))),
    ("Need creators for the Strepsils sore throat winter push", Filters(brand="Strepsils")),
    ("Need creators for the 330ml can relaunch", Filters()),
    ("Whiskas is relaunching its pouches and wants cat creators", Filters(brand="Whiskas")),
])
def test_round_ten_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # currencies of Egypt, Kenya, Ghana, Nigeria written before or glued to the figure; a price point is no fee
    ("Cairo fitness creators, under 40K, E£ 8,000 per reel max.", Filters(countries=("EG",), max_followers=40_000,
                                                                          max_price_per_post=8_000)),
    ("Cairo home cooks | E£250k budget", Filters(countries=("EG",), campaign_budget=250_000)),
    ("KSh 3.5M total; cap of KSh 150,000 per creator", Filters(campaign_budget=3_500_000,
                                                               max_price_per_post=150_000)),
    ("Fees: ₦50,000–₦900,000 per creator. Total: ₦18m", Filters(max_price_per_post=900_000,
                                                                campaign_budget=18_000_000)),
    ("Ghanaian creators, GH₵ 1,500 per post", Filters(countries=("GH",), max_price_per_post=1_500)),
    ("Price point ₹399–₹799, so we are accessible.", Filters()),
    # cities side by side, a language before 'lang', Joburg
    ("gaming streamers Belgrade Zagreb Sarajevo | Serbian/Croatian/Bosnian lang", Filters(
        countries=("RS", "HR", "BA"), languages=("sr", "hr", "bs"))),
    ("Looking for Joburg braai creators", Filters(countries=("ZA",))),
    ("Looking for 6 student creators based in the UK.\nClaire Donovan | Influencer Marketing Manager | Santander UK",
     Filters(k=6, countries=("GB",), brand="Santander UK")),
])
def test_round_eleven_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a fee written the continental way: a full stop after an abbreviation ends no sentence, taxes stand between
    # the amount and its 'per post', fee words and post nouns of German, Italian, French, Spanish
    ("Fee max. CHF 900.– per post, total budget CHF 8'000.", Filters(max_price_per_post=900, campaign_budget=8_000)),
    ("Honorar max 250 € zzgl. MwSt./Post", Filters(max_price_per_post=250)),
    ("Compenso: max 500 € + IVA per contenuto\nBudget complessivo: 6.000 €", Filters(max_price_per_post=500,
                                                                                    campaign_budget=6_000)),
    ("Fee: bis max. 1.800 € netto pro Creator", Filters(max_price_per_post=1_800)),
    ("Price per post max. 250 €.", Filters(max_price_per_post=250)),
    ("Maximal 700 € per Beitrag.", Filters(max_price_per_post=700)),
    ("Max 150€ por publicación.", Filters(max_price_per_post=150)),
    ("We pay 200 € TTC per article.", Filters(max_price_per_post=200)),
    ("Rémunération: jusqu'à 2 000 € HT per créatrice / Budget total: 30 K€ HT", Filters(
        max_price_per_post=2_000, campaign_budget=30_000)),
    # ... but a full stop that ends a sentence still ends it: the 'per reel' of the next one is its own
    ("followers minimum 50k and maximum 5 lakh. Per reel budget is Rs 40,000.", Filters(
        min_followers=50_000, max_followers=500_000, max_price_per_post=40_000)),
    # corrections in a chat: the corrected amount or count wins
    ("per video roughly $600... hmm no, let's say $400 max.", Filters(max_price_per_post=400)),
    ("Hello, we need 6 influencers... no sorry, 4 is enough.", Filters(k=4)),
    # creators 'of' a place, 'only from' a region, the last item of a list of constraints
    ("We want 3 cat influencer of Japan and Korea", Filters(k=3, countries=("JP", "KR"))),
    ("wants DJs and music creators on TikTok, only from the DACH region", Filters(
        platforms=("tiktok",), countries=("DE", "AT", "CH"))),
    ("smoothie content from 8 vegan creators on TikTok, 10k to 100k followers, Canada.", Filters(
        k=8, platforms=("tiktok",), min_followers=10_000, max_followers=100_000, countries=("CA",))),
    ("We love fans of Japan and their anime nights.", Filters()),
])
def test_round_twelve_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence that is only places, a place after words already read, a label of two words
    ("Looking for gardening YouTubers. US or Canada.", Filters(platforms=("youtube",), countries=("US", "CA"))),
    ("personal finance creators Spanish-speaking US, 6 names", Filters(languages=("es",), countries=("US",), k=6)),
    ("Markets unchanged: Japan, Brazil.", Filters(countries=("JP", "BR"))),
    # ... but a currency after an amount is no place: "40.000 TL" is Turkish lira, not Timor-Leste
    ("Payment for one video is maximum 40.000 TL.", Filters(max_price_per_post=40_000)),
    # a name described before its brief, after 'also', 'next' or a dash; "Changes from v1" names a version
    ("Also Tidewell sunscreen brief still needs reef-safe creators.", Filters(brand="Tidewell")),
    ("Note for the next Gymshark fitness brief: keep it small.", Filters(brand="Gymshark")),
    ("Changes from v1: TikTok only.", Filters(platforms=("tiktok",))),
    ("Museo della Ceramica Faentina is looking for 4 art creators", Filters(
        brand="Museo della Ceramica Faentina", k=4)),
    ("Yes, here's the spec again.", Filters()),
    ("An analytics SaaS wants 5 creators.", Filters(k=5)),
    # a range borrows its second amount's own scale: lakh, million, thousand in words; lac is lakh
    ("creators with 1-5M followers", Filters(min_followers=1_000_000, max_followers=5_000_000)),
    ("cricket creators, 2-5 lakh followers", Filters(min_followers=200_000, max_followers=500_000)),
    ("creators with between ten and seventy-five thousand followers", Filters(min_followers=10_000,
                                                                              max_followers=75_000)),
    ("Total budget PKR 8 lac.", Filters(campaign_budget=800_000)),
    ("Dozen vegan creators, urgent", Filters(k=12)),
    # Gulf and South Asian names: KSA, Bangla, a language keyword after a place
    ("beauty creators KSA", Filters(countries=("SA",))),
    ("creators who make content in Bangla", Filters(languages=("bn",))),
    ("tech YouTubers India Hindi top 10", Filters(platforms=("youtube",), countries=("IN",), languages=("hi",), k=10)),
    ("A Dubai Arabic coffee brand", Filters()),
    # figures that are no count and no fee: a ranking, a share, an amount of people, a version, rates
    ("If our team finishes top 4 we'll do a second burst.", Filters()),
    ("1 in 4 people will see a doctor this year.", Filters()),
    ("100 million+ people joined the movement.", Filters()),
    ("We pay attention to the launch of version 2.0.", Filters()),
    ("Our pilot ran at a £9 cost per trial vs £22 on Meta.", Filters()),
    ("Goal: CAC < $90.", Filters()),
])
def test_round_thirteen_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the advertiser in a title line: after a label, before a dash, in a line that says it is a brief
    ("Subject: FW: Pinewood Cider – summer brief v2 (FINAL)", Filters(brand="Pinewood Cider")),
    ("Subject: RE: Sneezix spring allergy – creator scope", Filters(brand="Sneezix")),
    ("Campaign: Nilein Juice – Ramadan 2026", Filters(brand="Nilein Juice")),
    ("Subject: RE: Summer plans – creator brief", Filters()),
    ("Smart thermostat launch — need 5 tech YouTubers", Filters(k=5, platforms=("youtube",))),
    # a team, a business the writer runs, a client the agency works for
    ("Hello, Verdalia brand team here (Paris). We need creators.", Filters(brand="Verdalia")),
    ("Hey — we run Fenway Dog House, a hot dog stand.", Filters(brand="Fenway Dog House")),
    ("We are agency from Madrid working for Mahou beer.", Filters(brand="Mahou")),
    ("Dear partner, we are from Joyday ice cream overseas team.", Filters(brand="Joyday")),
    ("Hi, we are 3 friends who founded Zirbenholz Design in 2021.", Filters(brand="Zirbenholz Design")),
    ("ok final ask from client (Nuvia Hair): curly hair creators", Filters(brand="Nuvia Hair")),
    ("For Brightwater Gin: 5 cocktail creators in Cape Town.", Filters(brand="Brightwater Gin", k=5,
                                                                      countries=("ZA",))),
    # places ruled out, whatever the words between: no competitor named Canada, no country applied
    ("food creators anywhere except Canada, no follower minimum", Filters()),
    ("all countries OK except Korea. No TikTok.", Filters(platforms=_ALL_BUT_TIKTOK)),
    ("coffee creators in the US, but excluding anyone in Canada", Filters(countries=("US",))),
    ("Target: DACH, but excluding Switzerland.", Filters(countries=("DE", "AT"))),
    ("creators from Benelux, but without Luxembourg", Filters(countries=("BE", "NL"))),
    ("DJ creators under 40k followers", Filters(max_followers=40_000)),
    # competitors after a note in brackets, "to avoid are", a name glued to its tie
    ("Competitors (exclude any creator with paid work for them): Simba, Eve Sleep, Emma.", Filters(
        competitors=("Simba", "Eve Sleep", "Emma"))),
    ("Real competitors to avoid are Rab and Montane.", Filters(competitors=("Rab", "Montane"))),
    ("baristas, no Nespresso-sponsored ppl", Filters(competitors=("Nespresso",))),
    ("Platforms: Instagram, YouTube. TikTok not in scope.", Filters(platforms=("instagram", "youtube"))),
    # Vietnamese and Indonesian amounts and places; a fee is no follower bound
    ("Budget for each KOL max 15 triệu, total 120 triệu VND.", Filters(max_price_per_post=15_000_000,
                                                                      campaign_budget=120_000_000)),
    ("beauty KOL Jabodetabek, 50rb-200rb followers, rate < 3jt/post", Filters(
        countries=("ID",), min_followers=50_000, max_followers=200_000)),
    ("KOL: 15 nano influencers, domicile Jakarta, Bekasi", Filters(k=15, tiers=("nano",), countries=("ID",))),
    ("Jacket price is 349 € but this is not important for you.", Filters()),
    # names after 'anyone tied to' on a bullet line under a heading that rules things out
    ("Must-haves:\n• Creators based in Italy\nHard no's:\n• anyone tied to Diptyque or Jo Malone", Filters(
        countries=("IT",), competitors=("Diptyque", "Jo Malone"))),
])
def test_round_fourteen_misreadings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "applied", "suggested"), [
    # a preference the brief does not require is offered, not applied: in its clause, or under a heading
    ("Ideally in Spain but not a must, bonus if they speak Catalan too. No TikTok.", Filters(
        platforms=_ALL_BUT_TIKTOK), {("countries", ("ES",)), ("languages", ("ca",))}),
    ("Creators in Italy.\nNice-to-haves (NOT requirements):\n• speaks French\n• under 25k followers\nHard no's:\n"
     "• TikTok", Filters(countries=("IT",), platforms=_ALL_BUT_TIKTOK),
     {("languages", ("fr",)), ("max_followers", 25_000)}),
    ("food creators in Melbourne, ideally under 20k followers but happy to be flexible.", Filters(countries=("AU",)),
     {("max_followers", 20_000)}),
    ("German speakers are a plus; creators must be in Austria.", Filters(countries=("AT",)),
     {("languages", ("de",))}),
])
def test_a_preference_the_brief_does_not_require_is_a_suggestion(
        text: str, applied: Filters, suggested: set[tuple[str, object]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters == applied
    assert {(r.field, r.value) for r in parsed.suggestions if r.note.startswith("a preference")} == suggested


@pytest.mark.parametrize(("text", "applied", "suggested"), [
    # what the advertiser is, said in the clause of 'we are', names where it is, not where the creators are
    ("Hello, we are tourism office of small island in Greece. We want to invite travel influencer, on instagram.",
     Filters(platforms=("instagram",)), ("GR",)),
    # ... but not what it does: the market of a push is where the creators are
    ("We are planning a Q3 push in the Nordics with 8 automotive creators.",
     Filters(countries=("DK", "FI", "IS", "NO", "SE"), k=8), None),
    # 'Scandinavian' is a demonym like 'Danish': a style before a noun that is not the creators, creators after
    ("home decor, interior design, living room styling, Scandinavian, house renovation", Filters(),
     ("DK", "NO", "SE")),
    ("10 Scandinavian mom bloggers", Filters(countries=("DK", "NO", "SE"), k=10), None),
    ("Nordic design lovers, interior creators, 10k+", Filters(min_followers=10_000), ("DK", "FI", "IS", "NO", "SE")),
])
def test_kim_briefs_written_for_issue_16_read_right(text: str, applied: Filters,
                                                    suggested: tuple[str, ...] | None) -> None:
    parsed = parse_brief(text)
    assert parsed.filters == applied
    assert _offered_countries(parsed) == ([suggested] if suggested else [])


@pytest.mark.parametrize(("text", "countries"), [
    # a brief typed in lower case says nothing by its capitals: a big city or a region counts
    ("micro skincare creators toronto IG <40k", ("CA",)),
    ("vegan bakery, berlin food creators, micro, tiktok only no insta, €150/post, 4 creators", ("DE",)),
    # a province's name is too often a word ('reading', 'drama', 'antique'): no census size, not read
    ("bookstagram, book reviews, monthly reading wrap-ups, bibliophiles", ()),
    ("antique furniture restorers, drama creators, micro", ()),
    ("music festival lineup hype, glasgow based creators, micro tier, Reels", ("GB",)),
    # ... but not a food or a style named after it, nor a word joined to another
    ("kobe beef recipe creators, micro", ()),
    ("lima bean recipes, vegan creators", ()),
    ("bath bombs, split-screen tutorials, reading-nook vibes, nice unboxing, micro creators", ()),
    # a capitalized word elsewhere makes the capitals mean something again
    ("Cozy reading corners with a cup of tea, creators who read lagos-born authors", ()),
])
def test_lower_case_cities(text: str, countries: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.countries == countries


@pytest.mark.parametrize(("text", "brand"), [
    ("Bonjour! I am Camille, I have small boulangerie in Lyon (La Mie Dorée) since 2009. We want food creators.",
     "La Mie Dorée"),
    ("An Irish whiskey (Jameson) wants 6 bartender creators in Germany, aged 25+, no TikTok, €1,200 per Reel.",
     "Jameson"),
    ("Hi! Small Etsy shop here (Wren & Wax candles). Instagram people in Canada who do cozy home stuff.",
     "Wren & Wax"),
    ("Hey! Owner of Purl & Pine Yarn Co here (Dayton, Ohio). We want knitting YouTubers, US only.",
     "Purl & Pine Yarn Co"),
    ("Ciao, I am Marco of Gelateria Il Cono, Bologna. I want 3 influencer from Emilia-Romagna.", "Gelateria Il Cono"),
    # who signs a keyword brief, and a niche heading it, are not the brand
    ("Hi all — attaching last quarter's haircare recap — let's discuss.\n— Priya", None),
    ("Beauty | micro | FR | French-language | ≥15k | €500/post | 10 names", None),
])
def test_round_fifteen_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "k"), [
    # the advertiser's own people are no count of creators
    ("A family-run dental clinic in Dubai Marina wants lifestyle creators in Saudi Arabia; the clinic has 7 dentists.",
     None),
    ("A Balinese jewelry workshop in Ubud with 14 silversmiths wants silver jewelry creators in Indonesia.", None),
    ("For context our roster has 14 creators, happy to suggest ours too.", None),
    # ... but a count the brief asks for is read, however it is said
    ("A skincare brand wants 3 estheticians on YouTube to review its new retinol serum.", 3),
    ("An Austin-based hot sauce company is looking for food creators in Mexico who post in Spanish, 3 total.", 3),
    ("We want to work with 6 skincare creators in the UK on Instagram.", 6),
])
def test_round_fifteen_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "price", "budget"), [
    # an amount the brief calls a budget wins over an amount with a currency and no word for what it pays
    ("Ramadan starts soon, 20 AED trial class. Looking for wellness influencers in the UAE. Budget around 8k dirhams.",
     None, 8_000),
    ("Event: 2,000 seats, €50,000 prize pool. We need hype creators on Twitch, budget €12k, up to €800 per stream.",
     800, 12_000),
    # business figures are no money to spend
    ("Our Shopify store does $85 AOV on the ceramic mugs - need 4 pottery TikTokers to seed.", None, None),
    ("Numbers for context: AOV $142, ROAS on paid social 2.6. Rate ceiling £900 per reel, £10k total.", 900, 10_000),
])
def test_round_fifteen_money(text: str, price: float | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget) == (price, budget)


@pytest.mark.parametrize(("text", "applied", "suggested"), [
    # the advertiser's place: the subject of the request, or after its shop's own name
    ("A hostel in Medellín with 60 beds wants backpacker creators from the UK and Australia, a dozen of them.",
     ("GB", "AU"), ("CO",)),
    ('Hello. I am owner of ramen shop "Menya Kotetsu" in Osaka. I want YouTuber from Korea, 2 person.',
     ("KR",), ("JP",)),
    # ... but creators in the subject are the creators ('farm YouTubers based in the Midwest')
    ("A family-owned tractor dealership wants farm YouTubers based in the Midwest.", ("US",), None),
    # a lower-case demonym before the creators is theirs ("nail polish influencers" is not)
    ("We search 5 polish influencers, lifestyle and sport, on Instagram.", ("PL",), None),
    ("We search 5 nail polish influencers on Instagram.", (), None),
])
def test_round_fifteen_places(text: str, applied: tuple[str, ...], suggested: tuple[str, ...] | None) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == applied
    assert _offered_countries(parsed) == ([suggested] if suggested else [])


@pytest.mark.parametrize(("text", "countries"), [
    # a list of country codes needs no other cue; a keyword search of up to twenty tokens names the creators' places
    ("vegan skincare IG micro DE/AT/CH 10-50k max €400/post", ("DE", "AT", "CH")),
    # "-based" after a code or a demonym says where the creators are
    ("can u pull 5 nz-based gardening creators for our spring range", ("NZ",)),
    ("Can you find us some new faces for the knitwear drop? Irish-based, Insta mainly.", ("IE",)),
    # a country's name in lower case is no city: "their new jersey drop"
    ("A mid-size esports org wants creators to hype their new jersey drop — 3 colourways, €64.90 each.", ()),
])
def test_round_sixteen_places(text: str, countries: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.countries == countries


@pytest.mark.parametrize(("text", "brand"), [
    # the name after a description of the advertiser, set off by a comma
    ("Dear team, we are a small leather workshop, Marroquinería Ortega. We want fashion creators in Spain.",
     "Marroquinería Ortega"),
    ("Hi! We are a brazilian brand of swimwear, Praia Bonita, from Florianópolis. We want fitness influencers.",
     "Praia Bonita"),
    ("Dear, we are family hotel in Naxos island, Hotel Anemos, 18 rooms. We invite travel bloggers.", "Hotel Anemos"),
    # ... not a style it is compared with
    ("We are Polish brand of cosmetic, Lirene-style packaging. Need influencer from Poland.", None),
    # an agency's client is "the X account", whoever signs
    ("Hi Priya, quick one from the Oakridge Cycles account. We need 6 cycling creators.\nBest, Sam\nSpoke PR",
     "Oakridge Cycles"),
    ("Hey Jess, for the Oat & Honey granola account: we need 20 breakfast creators.\n— Mia, Crumbs Creative",
     "Oat & Honey"),
])
def test_round_sixteen_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "price", "k"), [
    ("micro influencer food in Milano, Instagram + Reels, max 250 € x post, 6 profiles", 250, 6),
    ("tiktok, mzansi dance creators, 100k–1M, R10 000 pp", 10_000, None),
    # a measure is no count of creators
    ("For our new shampoo 250 ml we looking creators of hair care in Italy and France, 3 persons, max 500 euro per "
     "creator", 500, 3),
])
def test_round_sixteen_fees_and_counts(text: str, price: float | None, k: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.k) == (price, k)


@pytest.mark.parametrize(("text", "brand"), [
    # a sponsor's or an issuer's label wins over a title naming the campaign
    ("Creative & Talent Brief — City Marathon Sponsorship\nSponsor: Fjellheim Sparebank\nEvent: Bergen City Marathon",
     "Fjellheim Sparebank"),
    ("REQUEST FOR PROPOSAL – CREATOR PARTNERSHIPS 2025\nIssued by: Visit Lofoten (Norway)\n1. Background",
     "Visit Lofoten"),
    # a greeting opens no title
    ("Salut Camille — for the launch, we want YouTubers who do gastronomy in Normandy.", None),
])
def test_round_seventeen_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


def test_a_demonym_before_creators_named_by_two_niches() -> None:
    parsed = parse_brief("Ask: a list of 10 Dutch football or fitness creators on Instagram or TikTok.")
    assert parsed.filters.countries == ("NL",)


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # country codes side by side or joined by '+' name the markets, a code word ('IT') first among them too
    ("eyewear | IT ES PT GR | 10-50k | Reels", ("IT", "ES", "PT", "GR"), []),
    ("pasta sauce launch IT + FR | 680g jar | 4 creators | insta", ("IT", "FR"), []),
    # a place after 'no' is left out, not offered
    ("beauty micro influencers FR DE IT ES — no UK", ("FR", "DE", "IT", "ES"), []),
    # 'IT' alone stays a word
    ("IT professionals and creators in Spain", ("ES",), []),
])
def test_round_eighteen_code_lists(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "brand"), [
    # the agency that writes is not the advertiser: no brand, or the client named elsewhere
    ("Hey — can you find TikTokers for our client's pet-food launch? Nothing fancy. Thx, Dan (Loop Agency)", None),
    ("Morning! Client loved round 1. Can we get a fresh batch? Same vibe, more home-baking. — Tash @ Crumb Agency",
     None),
    ("Hey Sam — for Mind Matters Scotland we're planning around World Mental Health Day (10 Oct). We need 6 creators."
     "\nCheers, Ali\nThistle Comms", "Mind Matters Scotland"),
])
def test_an_agency_is_not_the_brand(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # a province's one word inside a longer name is no place ("Lake District", not New Zealand's Lake)
    ("Who we are: Fellside is a Lake District outdoor kit brand. We want hiking creators in the UK.", ("GB",), []),
    ("Exclude Ireland — UK only this time. Gardening.", ("GB",), []),
    ("air fryer moms Ohio 4qt basket", ("US",), []),
])
def test_round_nineteen_places(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


def test_a_bound_after_drop_anyone_is_a_maximum() -> None:
    parsed = parse_brief("Two notes: please drop anyone over 200k followers. Rest as per brief: UK, 10 creators.")
    assert (parsed.filters.min_followers, parsed.filters.max_followers) == (None, 200_000)


@pytest.mark.parametrize(("text", "languages"), [
    # language codes: English has no country code; "-language" and "lang" say what a code is
    ("Dubai luxury watch YouTubers EN/AR max AED 15k per vid", ("en", "ar")),
    ("MARKETS: Canada (EN + FR). Quebec creators, Instagram Reels.", ("en", "fr")),
    ("sourdough baking | posts 3x/wk | fr-language | loc: Québec | fol 5k–30k", ("fr",)),
    ("- geo = AT, CH\n- followers 8k–60k\n- lang de\n- max per reel €400", ("de",)),
    ("Streetwear resale / sneakers / twitch OR yt / NOT tiktok / EN / EU + UK", ("en",)),  # the EU and UK are places
    ("Please tell me which language is best for skincare creators.", ()),  # "is" is no Icelandic
    ("Chilean granola, sin sellos (no 'ALTO EN' black labels), 350 g bag.", ()),  # words in capitals, no code
    # a language after "content", and "Bahasa ..." (the word says "language")
    ("Delhi NCR based, content Hindi or English. Please exclude who did collab with X", ("hi", "en")),
    ("micro influencers Jakarta skincare TikTok Bahasa Indonesia IDR 3jt/post", ("id",)),
])
def test_round_twenty_one_languages(text: str, languages: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.languages == languages


@pytest.mark.parametrize(("text", "brand", "countries"), [
    # a list of places is no name
    ("Streetwear resale / sneakers / twitch OR yt / NOT tiktok / 100k-1M subs / EU + UK", None,
     ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IT", "LT",
      "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")),
    ("Hey team, we're Kaya & Co (Tiong Bahru). Need 6 food creators based in Singapore.", "Kaya & Co", ("SG",)),
    # a placeholder is no name; a "Company:" label names the advertiser, not the title's product
    ("Client: confidential (DTC peripherals, Shopify + Amazon)\nAudience: PC gamers in the US", None, ("US",)),
    ("BRIEFING – Brenner Notebook B14 Pro\n\nCompany: Brenner Computer\nProduct: 14\" OLED", "Brenner Computer", ()),
])
def test_round_twenty_one_brands(text: str, brand: str | None, countries: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (filters.brand, sorted(filters.countries)) == (brand, sorted(countries))


@pytest.mark.parametrize(("text", "k"), [
    # a count in a sentence about an earlier campaign is no count of the creators asked for
    ("Last year's push delivered 2.1M impressions at a 3.4 ROAS with 9 creators. This time we want 10 desk creators.",
     10),
    ("Background: last winter we ran a small pilot with 4 creators, roughly 1.2M impressions. Kindly share 12 names.",
     12),
    ("An Etsy seller of hand-dyed yarn (we've got 140 SKUs) wants 3 knitting creators on YouTube.", 3),
    ("A dog treat brand that just got into 2,300 Petco stores wants 10 pet creators.", 10),
    ("Phase 1 ran with 9 creators and went well.", None),
])
def test_round_twenty_two_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # a place in a sentence about an earlier campaign, or the place of an event, is offered, not applied
    ("We want 6 creator bilingual Japanese. Our previous campaign in Korea used 20 creators but result was not good.",
     (), [("KR",)]),
    ("Hola! We are Primavera Sound, the festival in Barcelona. We search music creators.", (), [("ES",)]),
    ("Top 5 running creators to promote our 10K race in Dublin on 12 Oct, they can fly in from anywhere", (),
     [("IE",)]),
    # the creators' place stays theirs, past verbs of a competitor clause or "we've got" notwithstanding
    ("Exclude anyone who's worked with Monster — Red Bull brief, extreme sports creators in Brazil.", ("BR",), []),
    ("hey!! need 5 tiktokers in cairo for our shawarma spot 🌯 we've got 2 branches so ppl from both sides", ("EG",),
     []),
])
def test_round_twenty_three_places(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "brand"), [
    # a campaign is run for its brand: "for the X pitch / store opening", "for the launch of X"
    ("@channel brief for the Gymshark Leeds store opening: 10 fitness creators", "Gymshark"),
    ("Anyone know creators who do sea swimming? Asking for the Dryrobe pitch.", "Dryrobe"),
    ("Salut Camille — for the launch of Cidre Kerlann, we want YouTubers who do gastronomy.", "Cidre Kerlann"),
    ("Asking for the Christmas pitch: cosy home creators.", None),  # a season, no name
])
def test_round_twenty_four_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "brand"), [
    # the writers' own team, job or business, then its name
    ("Hi all, Harbour Gin marketing team here. We need 6 cocktail creators in Scotland.", "Harbour Gin"),
    ("need 8 skate creators under 30k\n- Northdeck social team", "Northdeck"),
    ("Hey! I'm the only marketer at Fernwood Candles, so this is all new to me.", "Fernwood Candles"),
    ("I run growth at Quillpad (note-taking app). Looking for study creators.", "Quillpad"),
    ("we at Brightkiln are launching a pottery kit and need 5 craft creators", "Brightkiln"),
    ("For our bakery chain, Crumbly Corner, we want 10 foodies in Leeds.", "Crumbly Corner"),
    ("A Nairobi fintech, Pesaflow (40 staff), wants finance creators in Kenya.", "Pesaflow"),
    ("Shop name: Wild Thyme Deli. Need food creators near Bristol.", "Wild Thyme Deli"),
    ("FYI from client Kopi Pagi (bottled coffee): budget is now IDR 200jt total", "Kopi Pagi"),
    ("Hi, for Juniper & Oak's winter candle drop we want 6 home creators.", "Juniper & Oak"),
    # a signature: "Name | Company", a lower-case name after a dash
    ("Thanks!\n\nBest,\nNora | Fjordline Kayaks", "Fjordline Kayaks"),
    ("need help finding knitting creators\n-sam @ Purl & Loop", "Purl & Loop"),
    # a title line opening with labels: the first part that is a name
    ("CREATOR BRIEF | Tidewell — 'Sleep Better Week' | v2\nWe want sleep creators.", "Tidewell"),
    ("Re: Ostara kids raincoats AW drop — same as spring but TikTok only", "Ostara"),
    ("Campaign: Ocean Cleanup Week - SeaKeep Trust\nWe want ocean creators.", "SeaKeep Trust"),
    ("Campaign: Summer 2026 - TikTok\nWe need 5 creators.", None),  # a season and a platform, no name
    # an agency's own name is not the brand ("Agencia ...", "... Management")
    ("Hola, somos Agencia Brisa. We need 5 beach creators.", None),
    ("Hi, Tom from Northstar Management here: any running creators in Leeds?", None),
    # the words after a name the brief writes again on its own are its product's or campaign's
    ("For the Aperol Spritz Summer 2027 push, 10 aperitivo creators in Italy. Aperol pays per reel.", "Aperol"),
    ("We love what the Patagonia team did with creators.", None),  # another brand's team, in passing
    # a city after a district and a comma is where the advertiser is, not its name
    ("A florist in Beyoğlu, Istanbul wants 3 lifestyle creators.", None),
])
def test_round_twenty_five_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # "A <city> <business> ..." opening a sentence says where the advertiser is: offered, not applied
    ("A Detroit automaker is teasing its first electric pickup.", (), [("US",)]),
    ("A Toronto jazz festival wants creators who post in French.", (), [("CA",)]),
    ("Loved your list. A Lisbon tile studio wants 4 interior creators in Germany.", ("DE",), [("PT",)]),
    # a district no gazetteer knows, a comma, then the city: the cue before the district is the city's
    ("Nail creators in Kadıköy, Istanbul please", ("TR",), []),
    ("We want 3 creators living in Vinohrady, Prague.", ("CZ",), []),
    ("Hi, we sell ramen from Shibuya, Tokyo and want 4 creators in Germany.", ("DE",), [("JP",)]),
    ("We want creators who love Detroit techno.", (), []),  # a city in passing, with no article before it
])
def test_round_twenty_six_places(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "competitors"), [
    # names between a negation and the tie that follows them ("... X or Y deal", "... X campaigns")
    ("Do not propose anyone with an active Heineken or Amstel deal.", ("Heineken", "Amstel")),
    ("Pls avoid anyone who did Oreo or Milka campaigns this year.", ("Oreo", "Milka")),
    ("No creators with a current Garmin or Polar partnership, please.", ("Garmin", "Polar")),
    ("We don't want anyone who did a Sonos paid integration in the last 6 months.", ("Sonos",)),
    # "please flag anyone who ..." rules them out
    ("Please flag anyone who has worked with Betway or Unibet, we can't use them.", ("Betway", "Unibet")),
    # an occasion after a negation ties no name ("no Black Friday content")
    ("Cozy creators, no Black Friday content please.", ()),
])
def test_round_twenty_seven_competitors(text: str, competitors: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.competitors == competitors


@pytest.mark.parametrize(("text", "k"), [
    # more words that count the creators asked for
    ("need 12 pax for our halal cafe launch, IG only", 12),
    ("4 peoples please, Korean beauty", 4),
    ("Queremos 6 pessoas no Rio, TikTok", 6),
    ("can you find 3 ski touring skiers on YouTube?", 3),
    ("Looking for 2-3 padel players who create content, nothing too big", 3),
    ("send 7 candidates for the Lagos pop-up", 7),
    # counted things that are not the creators asked for
    ("Our club has 30 players. We want football creators.", None),
    ("Two options: TikTok or Instagram. Need fitness creators.", None),
])
def test_round_twenty_eight_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "price", "budget"), [
    # currency marks and fee words of more writers
    ("Taipei food creators, NT$6,500 per post max.", 6500, None),
    ("aim for ~A$900 per creator max", 900, None),
    ("Fee per post max € 425,-. Total budget € 5.000,-.", 425, 5000),
    ("Rate per reel not exceeding Rs.15,000/-.", 15000, None),
    ("Budapest nano creators, max 120 000 Ft/post", 120000, None),
    ("≤€2k per reel, DACH", 2000, None),
    ("Budget: €30,000 all-in; per-creator cap €1,800", 1800, 30000),
    ("Per-creator ceiling: USD 3,500", 3500, None),
    ("baking creators NL, €300 p/p", 300, None),
    ("London coffee creators, £60 a pop", 60, None),
    ("kebab creators Izmir, max 3.500 TL/video", 3500, None),
])
def test_round_twenty_nine_money(text: str, price: float | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget) == (price, budget)


def test_round_twenty_nine_a_currency_code_is_no_country() -> None:
    # "TL" after an amount is the Turkish lira, not Timor-Leste
    assert parse_brief("kebab creators Izmir, max 3.500 TL/video").filters.countries == ("TR",)


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # names that only look like places: a hyphenated name, a code in an identifier, a direct message, a signature
    ("Oral-B launch, 10 dentists", (), []),
    ("Cost centre: GN-MKT-5521, creators in Nigeria", ("NG",), []),
    ("Interested ppl DM me, we want creators in Lagos", ("NG",), []),
    ("Budget stays at $250k. Let me know by Friday.\n– Jordan, Influencer Team, Plano TX", (), []),
    ("Fee ceiling €800 per post, Italian creators. Best, Sofia, Account Director, Ginepro PR", ("IT",), []),
    # a place joined by a hyphen to where people are from stays a place
    ("CREATORS: UK-BASED MEN INTO TAILORING", ("GB",), []),
])
def test_round_thirty_not_places(text: str, countries: tuple[str, ...], suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # "X-style" names a style's origin: offered, not applied
    ("Texas-style BBQ creators in the UK", ("GB",), [("US",)]),
    ("Korean-style skincare creators in Germany", ("DE",), [("KR",)]),
    # "Argentine" is the English demonym (and French for the country only after a place cue)
    ("An Argentine yerba mate brand wants YouTube creators.", (), [("AR",)]),
    ("Argentine creators please", ("AR",), []),
    ("creators in Argentine", ("AR",), []),
])
def test_round_thirty_one_styles_and_demonyms(text: str, countries: tuple[str, ...],
                                              suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "brand"), [
    # the writer names its own business: a form's label, "my company is", "our restaurant", "we are <kind> X"
    ("Org: Harbour Lights Trust\nWe want ocean creators in Wales.", "Harbour Lights Trust"),
    ("Good morning. My company is Andes Wool, we make ponchos.", "Andes Wool"),
    ("Hello. Our restaurant Jade Garden is in Leeds, 20 years. We want food bloggers.", "Jade Garden"),
    ("We are coffee roaster Monte Verde. We want creators in Portugal.", "Monte Verde"),
    ("Hi Ana, Fresh Market here (marketing). For Easter we need 6 food creators.", "Fresh Market"),
    ("quick brief from our side (Auralux, the speaker people): audiophile creators", "Auralux"),
    # not a name: where the business is
    ("Our restaurant is in Leeds. We want food bloggers.", None),
])
def test_round_thirty_three_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "k"), [
    # the advertiser's headcount and staff are no count of the creators asked for
    ("We're a team of 6 at Rove Socks. We want playful creators.", None),
    ("An indie game studio (team of 6) wants Twitch streamers who play cozy games.", None),
    ("A physio clinic in Munich with 14 therapists looks for 2-3 running creators.", 3),
    ("A surf school in Cantabria (since 2008, 4 instructors) wants surf creators from Spain.", None),
    ("A ski school in Cortina (Scuola Sci Tofane, 40 instructors) wants 2 ski YouTubers.", 2),
    # the creators a brief works with, and a team of creators, are counts
    ("We want our shop to work with 5 creators this spring.", 5),
    ("A team of 5 creators for our launch, please.", 5),
])
def test_round_thirty_four_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "brand"), [
    # a job title is the writer's, never the brand ("Assistant", "Brand Mgmt", "Founder of X")
    ("Thanks!!\nLucía - Brand Assistant, Casa Limpia (Grupo Norte)", "Casa Limpia"),
    ("Please avoid anyone who's worked with Monster.\n- Ty, Brand Mgmt", None),
    ("Merci!\nÉlodie Tremblay | Assistant Brand Manager", None),
    ("Hi! Founder of Pairly here (couples app). 10 couples creators in the US please.", "Pairly"),
])
def test_round_thirty_five_roles(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "brand"), [
    # round 36: the advertiser named with what it sells, after "for the", "for our" or a colon's "the"
    ("For the Mossgrove oat bars, we need 5 hiking creators in Wales.", "Mossgrove"),
    ("can u find 4 mum creators in Ohio for our Brightsuds laundry pods launch?", "Brightsuds"),
    ("Quick one: the Pebblestone kids sunscreen (SPF 50) is now in 300 pharmacies. 6 parenting creators?",
     "Pebblestone"),
    ("Hi, for Gipfelglück outdoor shop we need 4 climbing creators.", "Gipfelglück"),
    # round 39: the writer's kind of business, then its name (quoted, or closed by 'in', 'is', a comma)
    ("Hello! We are restaurant chain «Kyivska Khata» with 6 locations. We need food bloggers in Poland.",
     "Kyivska Khata"),
    ("Dear, my hotel is Mekong Pearl Lodge, 40 rooms. We want travel bloggers from Korea.", "Mekong Pearl Lodge"),
    ("Hello, we are clinic Dental Nova in Poznań, we do whitening. We search 3 beauty creators.", "Dental Nova"),
    ("Halo kak, Saya Rina dari Batik Kencana, online shop. Need 5 KOL.", "Batik Kencana"),
    ("Hi, am Wanjiru from Mama Jikoni Foods in Nakuru. We want food bloggers.", "Mama Jikoni Foods"),
    # round 47: a product's team, a request that ends "asking for X"
    ("Hola! Mini request from the Citrusol juice team: 4 creators from Monterrey?", "Citrusol"),
    ("any yoga creators we used before? asking for Lumara", "Lumara"),
    # round 48 and 52: a name in brackets after what the advertiser is, closed by a comma or a dash
    ("A pressure-washer maker (Torrent Pro, models TP-2 and TP-5) wants 3 cleaning creators.", "Torrent Pro"),
    ("a hardware startup (Lumio Desk — smart lamp, raised $200k) wants tech YouTubers.", "Lumio Desk"),
    # round 51: "The" opening a sentence before a name that acts
    ("The Louvre wants 4 art history creators in France.", "Louvre"),
    ("The Copper Kettle, a Dublin tea room, wants 3 Irish food creators.", "The Copper Kettle"),
    # round 53: signatures
    ("uk creators only pls\n\nbea — founder, Saltmarsh Soap", "Saltmarsh Soap"),
    ("Cheers,\nAroha Tane | Partnerships Lead / Tūī Outdoors / Level 2, 5 High St, Wellington",
     "Tūī Outdoors"),
    # round 40: a lower-case 'x' between two names ends the first; a country code is not cut from "& Co"
    ("BRIEF — Visit Madeira x Blue Air\nWe want 5 travel creators from Germany.", "Visit Madeira"),
    ("Hi Sam, here's what we need for the Little Owl & Co sleepwear relaunch: 6 UK mum creators.",
     "Little Owl & Co"),
    # not a name: a product after "our" closed by a comma, a season, a sentence-opening kind of business
    ("Four runners in Lyon who'd wear our gym Shorts, micro tier.", None),
    ("Smart thermostat launch — need 5 German tech YouTubers.", None),
])
def test_rounds_thirty_six_to_fifty_three_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # round 37: where a business, its people or an event are, said before 'in', is not where the creators are
    ("we have 9 bakeries in Porto btw. Need 6 food creators on insta.", (), [("PT",)]),
    ("We just launched at Slush in Helsinki! Want creators across the Baltics.", ("EE", "LV", "LT"), [("FI",)]),
    ("fyi I'm sat in the Madrid office today. UK creators only.", ("GB",), [("ES",)]),
    # a tourism board's name offers its place
    ("Hi! Visit Lisbon here. We want 5 travel creators from Germany.", ("DE",), [("PT",)]),
    # round 46: the brief says a place will do
    ("based in the US ideally but Mexico is fine too", ("US", "MX"), []),
    # round 50: a city of a million with no cue is offered; not the writer's office, not a reference back
    ("Busan hosts the film festival in October. Want 4 creators from France.", ("FR",), [("KR",)]),
    ("Hi both! Mia here from the Berlin team. Creators in Austria please.", ("AT",), []),
    # round 54: a place ending an item of a keyword brief with bars; not after 'to'
    ("vegan ramen bar Osaka | 2 branches | IG reels | ≤ ¥30k per reel", ("JP",), []),
    ("luxury villas | mega creators | audiences in the UK | hosted trip to Bali", ("GB",), [("ID",)]),
])
def test_rounds_thirty_seven_to_fifty_four_places(text: str, countries: tuple[str, ...],
                                                  suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "price", "budget"), [
    # round 37: a currency mark glued to the next number is that number's; the unit after 'per' may follow a
    # platform; one creator's fee
    ("UK beauty creators 10-50k £250/post max", 250, None),
    ("Budget per Insta reel upto ₹30,000, Hindi content", 30000, None),
    ("the fee for the influencer can be up to 25.000 DKK", 25000, None),
    # round 43: a currency code between two amounts opens the second
    ("skincare creators KSA 50k-300k SAR 4k/post", 4000, None),
    # round 49: "for each <creator noun>"
    ("We give a free stay and 400 USD for each blogger.", 400, None),
])
def test_rounds_thirty_seven_to_forty_nine_money(text: str, price: float | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget) == (price, budget)


@pytest.mark.parametrize(("text", "k"), [
    # round 38: a count after a request verb, a place, hedges and labels
    ("promo launch at Rs 999 MRP 💪 Need 6 yoga creators from South India", 6),
    ("Need KOL in Vietnam 4 person, Vietnamese language", 4),
    ("tabletop streamers on Twitch, 2-ish streamers to start", 2),
    ("Want 5 of 'em, YouTube only", 5),
    ("We need creators of Portugal, 12 aprox, for the summer", 12),
    ("Food-Influencer Austria, max. 300 € per post, quantity 6 pieces", 6),
    ("any Czech gaming streamers? like 4, cheap", 4),
    # round 38 and 49: a past result before a request does not swallow the count
    ("We sold 9,000 candles last Diwali — want 5 Indian home creators to beat that.", 5),
    ("A Perth netball club that finished top 3 last season wants 2 netball creators.", 2),
    # round 49: the writer's headcount and who a stay is for count no creators
    ("We're 9 people, just launched v3. Want creators on YouTube, 4-6 of them.", 6),
    ("Startup from Haifa, 5 persons in team. We want 2-3 influencers.", 3),
    ("We offer 2 nights for 2 persons. We need 4 influencers.", 4),
])
def test_rounds_thirty_eight_and_forty_nine_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "competitors"), [
    # round 41: names before what ties them, "keep away from", '-sponsored' leaving the name
    ("US gym tiktokers 50k+, no Myprotein athletes, 10 names", ("Myprotein",)),
    ("no Salomon or Arc'teryx athletes please", ("Salomon", "Arc'teryx")),
    ("UK beauty micro IG, no Glossier ppl", ("Glossier",)),
    ("#vanlife | yt | no Ram or Jeep sponsored | 8 profiles", ("Ram", "Jeep")),
    ("Rest as per brief, Oreo or Milka partners excluded.", ("Oreo", "Milka")),
    ("Keep them away from anyone who has worked with Hims or Ro.", ("Hims", "Ro")),
    ("exclude Lipton-tied creators", ("Lipton",)),
    # round 55: "Don't pick anyone who did X or Y work"
    ("Don't pick anyone who did Kirin or Asahi work recently.", ("Kirin", "Asahi")),
    # a place ruled out of a region is no competitor
    ("Nordics, Iceland excluded, 5 creators", ()),
])
def test_rounds_forty_one_and_fifty_five_competitors(text: str, competitors: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.competitors == competitors


@pytest.mark.parametrize(("text", "platforms", "languages"), [
    # round 42: a language that names no people, bare in a search-box query or a list item; '+' between
    # platforms; 'TT' and 'tick tock'
    ("cricket youtubers pakistan urdu", ("youtube",), ("ur",)),
    ("We want creators in India, Tamil or English, 10k-75k followers.", (), ("ta", "en")),
    ("food creators Kraków, Insta+TikTok, max 800 zł/post", ("instagram", "tiktok"), ()),
    ("running creators on TT, UK based", ("tiktok",), ()),
    ("find me ten tick tock creators in kenya", ("tiktok",), ()),
    # round 45: a label naming languages, a place and a dash, "is fine"
    ("Markets: Chile\nLanguage of content: Spanish", (), ("es",)),
    ("- Peru — Spanish — 5\n- Brazil — Portuguese — 5", (), ("es", "pt")),
    ("spanish or english is fine, tiktok", ("tiktok",), ("es", "en")),
    # not languages: a demonym before what the creators make
    ("German beer creators in Munich", (), ()),
])
def test_rounds_forty_two_and_forty_five_languages(text: str, platforms: tuple[str, ...],
                                                   languages: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (filters.platforms, filters.languages) == (platforms, languages)


@pytest.mark.parametrize(("text", "low", "high"), [
    # round 43: the cues of the languages briefs mix in, 'Sub-' with a capital, '≤', Polish and Czech thousands
    ("Creators from Italy, almeno 25k follower, English language.", 25000, None),
    ("food creators in Portugal, 40 mil seguidores pelo menos", 40000, None),
    ("bloggers cuisine in France, au moins 5k followers", 5000, None),
    ("fietsers in Nederland, minimaal 5k followers, maximaal 40k", 5000, 40000),
    ("Follower 80k up, content on Instagram", 80000, None),
    ("Sub-40k skincare TikTokers in Wales, please.", None, 40000),
    ("bilingual creators, Montréal, ≤30k followers", None, 30000),
    ("beauty creators from Poland, minimum 10 tys. followers", 10000, None),
    # round 44: ranges joined by 'hasta', 'en'; Turkish thousands; a search tool's "<"
    ("Followers: 10 mil hasta 60 mil. 6 influencers.", 10000, 60000),
    ("followers between 3k en 15k", 3000, 15000),
    ("Turkish car YouTubers, minimum 50 bin subscribers", 50000, None),
    ("babywearing -- loc:NL -- fol:<15k -- k=6", None, 15000),
    ("skincare | india | 1L–5L followers", 100000, 500000),
    # round 49: "not bigger then"
    ("minimum 10 thousand followers, not bigger then 100 thousand", 10000, 100000),
    # an altitude is no follower bound
    ("A ski resort 1,800 m above sea level wants 3 ski creators.", None, None),
])
def test_rounds_forty_three_to_forty_nine_followers(text: str, low: int | None, high: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.min_followers, filters.max_followers) == (low, high)


@pytest.mark.parametrize(("text", "countries"), [
    # round 46: German feminine plurals name the creators
    ("Wir brauchen 8 Beauty-Creatorinnen from Austria and Switzerland.", ("AT", "CH")),
])
def test_round_forty_six_creator_nouns(text: str, countries: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.countries == countries


@pytest.mark.parametrize(("text", "brand", "k", "budget"), [
    # round 56: words that open sentences are no names; sign-offs in more languages; "A <kind> at <place> wants"
    ("Actually, scratch that. We want 4 creators in Lyon.", None, 4, None),
    ("BRIEFING\nWe need 6 food creators in Porto.", None, 6, None),
    ("Instagram, 20k-100k. Obrigada, Beatriz (Linho Azul)", "Linho Azul", None, None),
    ("A 300-room hotel at Terminal 2 wants creators who film layover tips.", None, None, None),
    # round 57: money "for talent" is the whole budget; "one" creator asked for is a count
    ("Fee per creator max €2,000; €9,000 for talent overall.", None, None, 9000),
    ("A family bakery wants one creator to film a day in the kitchen.", None, 1, None),
    ("Last year's push with 12 influencers flopped, so this time just one big YouTuber from Ireland.", None, 1, None),
])
def test_rounds_fifty_six_and_fifty_seven(text: str, brand: str | None, k: int | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.brand, filters.k, filters.campaign_budget) == (brand, k, budget)


@pytest.mark.parametrize(("text", "brand"), [
    # round 58: a closing line in the languages briefs mix in signs the brief, it names no brand
    ("Knitting creators anywhere, Instagram or YouTube. Takk, Ingrid", None),
    ("We would like Flemish cleaning creators. Gr, Pieter", None),
    ("Polish parenting creators on Instagram, 5k-30k followers. Dzięki, Piotr", None),
    # round 62: "for our client" in German, a client's label in German, "Somos the"
    ("Für unseren Kunden Bergfreunde suchen wir hiking creators in Austria.", "Bergfreunde"),
    ("Agentur-Brief / Kunde: Käserei Alpweid / Ziel: cheese season", "Käserei Alpweid"),
    ("Olá! Somos the Vasco eSports, we are looking 10 creators of Free Fire.", "Vasco eSports"),
    # round 64: a description, then the name between commas
    ("A surf charity, WaveAid, runs a beach clean every spring and wants 5 creators.", "WaveAid"),
    ("I manage a jazz singer, Lena Sommer, whose album drops in May; 6 TikTok creators please.", "Lena Sommer"),
    ("A UK cider maker (dry, 5% ABV, 50cl) wants 4 creators.", None),
    # round 65: a possessive name after 'for' or 'launching' before what it sells
    ("Any ideas for Nutkin's back-to-school push?", "Nutkin"),
    ("We're launching Ridgeway Lab's first trail shorts in April.", "Ridgeway Lab"),
    # round 66: a name ending a request for creators; the writer's work 'at' the advertiser
    ("Dutch-speaking parenting creators in Belgium for KRUIDVAT.", "KRUIDVAT"),
    ("we need parenting creators for Christmas.", None),
    ("I work in admissions at the University of Leeds. We need student creators.", "University of Leeds"),
    # round 72: more sign-offs
    ("Bitte keine Creator, die mit Rossmann gearbeitet haben. Viele Grüße, Jana", None),
    # round 73: the name's team that wants; "we at X want"
    ("hey, Blinkit team needs 8 creators in Delhi", "Blinkit"),
    ("We at Lofoten Lodge want 5 winter creators.", "Lofoten Lodge"),
    # round 74: "Para X —" opens a brief for X; "I am from marketing X"
    ("Hola equipo! Para Casa Verdana — necesitamos 6 creators en Lima.", "Casa Verdana"),
    ("Hi, I am from marketing Alfamart. For Lebaran we want creators.", "Alfamart"),
])
def test_rounds_fifty_eight_to_seventy_four_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # round 59: platform names leave a brief typed in lower case; 'india' and 'japan' there are countries
    ("mombasa food creators, nano/micro, IG + TikTok", ("KE",), []),
    ("hiking creators india, hindi or english, 25k-300k", ("IN",), []),
    ("anime creators, japan + korea audiences, tiktok", ("JP", "KR"), []),
    ("india pale ale creators uk", ("GB",), []),
    # round 60: a continent is no town
    ("travel creators from Asia with 50k+ followers", (), []),
    # round 61: 'Naija'
    ("naija dance creators, afrobeats, tiktok", ("NG",), []),
    # round 63: regions within a country
    ("Wir suchen food creators in der Deutschschweiz, Instagram only.", ("CH",), []),
    ("student creators based in the East Midlands, YouTube", ("GB",), []),
    # round 67: short and local names of big cities
    ("10 KL halal food influencers, RM500/post max", ("MY",), []),
    ("micro influencer food in Milano, Instagram + Reels", ("IT",), []),
    # round 68: lower-case demonyms before a niche and the creators; "us" opening a list item; a whole state item
    ("lipstick launch 12/09 french beauty creators", ("FR",), []),
    ("keto snacks, us moms, 10k+, tiktok", ("US",), []),
    ("send us 5 names of beauty creators", (), []),
    ("energy drink | gym + gaming tiktokers | 25k-150k | ohio", ("US",), []),
    # round 69: a greeting's name is no place; German 'aus', French 'basés à'
    ("Hi Jordan, we need 4 baking creators in Leeds.", ("GB",), []),
    ("Wir brauchen 8 Creator aus Österreich für Instagram.", ("AT",), []),
    ("On cherche des micro-influenceurs beauté basés à Montréal.", ("CA",), []),
    # round 70: Indonesian 'di'
    ("butuh 10 KOL beauty di Surabaya, tiktok only", ("ID",), []),
    # round 80: English names the alternate-name rule missed
    ("tech creators in Frankfurt, YouTube", ("DE",), []),
    # round 81: the advertiser's own place after 'our', offered
    ("Our Osaka ramen stand wants creators in Germany.", ("DE",), [("JP",)]),
    # round 82: country adjectives and regional demonyms before a product, offered
    ("We'd love creators for our Icelandic wool socks, US audience.", ("US",), [("IS",)]),
    # round 83: a destination's cue before a country written as a word
    ("travel creators filming a trip to japan for US audiences", ("US",), [("JP",)]),
])
def test_rounds_fifty_nine_to_eighty_three_places(text: str, countries: tuple[str, ...],
                                                  suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "k"), [
    # round 71: counts in a table's creators row, a keyword list item, after "max" or before "only"
    ("| Platform | TikTok |\n| # creators | 9 |\n| Fee | €300 |", 9),
    ("skate creators / berlin / 12 / max €300 per video", 12),
    ("we search italian influencers of cooking, max 5, with 10k+ followers", 5),
    ("Manila gaming streamers on Twitch, 2-3 only, no FB", 3),
    ("We need 4 pieces of influencer from Germany.", 4),
    ("need 5 recipe ppl, under 30k, IG only", 5),
    ("street food TikTok 8 KOL Hanoi", 8),
    ("we want 4-6 Spanish sneakerheads on Insta", 6),
    ("Kindly share profiles of 10 food bloggers based in Pune.", 10),
    # not counts of creators: a column table's cells (its total counts), heads of lettuce
    ("| Market | Creators |\n|---|---|\n| UAE | 4 |\n| KSA | 3 |\n| **Total** | **7** |", 7),
    ("our salad uses 3 heads of lettuce, find food creators", None),
])
def test_round_seventy_one_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "competitors"), [
    # round 75: labels and ties in the languages briefs mix in
    ("Exclusiones: Bimbo, Wonder", ("Bimbo", "Wonder")),
    ("NG: creators contracted with Shiseido or Kao", ("Shiseido", "Kao")),
    ("Competitor lock: no Nescafé, Kopiko within 3 months", ("Nescafé", "Kopiko")),
])
def test_round_seventy_five_competitors(text: str, competitors: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.competitors == competitors


@pytest.mark.parametrize(("text", "price", "budget"), [
    # the lexicon's cues in other languages reach the money reader
    ("Dutch food creators, maximaal €400 per post", 400.0, None),
    # round 63: budget words in other languages
    ("Honorar: CHF 500 per post\nGesamtbudget: CHF 12'000", 500.0, 12000.0),
    # round 76: 'pago por post'; an entry fee is no fee for creators
    ("pago por post máximo COP 300.000", 300000.0, None),
    ("Promote the registration (entry fee 95 €). Maximum 500 euro for each influencer.", 500.0, None),
    # round 77: a bracket closed by '):'
    ("Cover our sailing (12 days, Oslo–Tromsø): 5 creators, €900 per post max.", 900.0, None),
    # round 78: a Markdown row of a label and a figure
    ("| Fee / creator | max. 700 € |", 700.0, None),
])
def test_rounds_sixty_three_to_seventy_eight_money(text: str, price: float | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget) == (price, budget)


@pytest.mark.parametrize(("text", "low", "high"), [
    # round 76: Indonesian 'sampai', Spanish 'máx', non-native 'more as', pidgin 'pass'
    ("followers minimal 10rb sampai 50rb", 10000, 50000),
    ("Busco gamers de México, máx 40k followers", None, 40000),
    ("creators from India, with more as 30k follower", 30000, None),
    ("comedy creators wey get pass 50k followers", 50000, None),
])
def test_round_seventy_six_followers(text: str, low: int | None, high: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.min_followers, filters.max_followers) == (low, high)


@pytest.mark.parametrize(("text", "platforms"), [
    # round 79: a platform where a past post went viral is context, up to the turn to what is wanted
    ("Our tote went viral on Instagram, so now we want YouTubers with 20k+ subs.", ("youtube",)),
    ("Pas de Facebook svp, on préfère Instagram.", ("instagram",)),
    ("Platform: YouTube only; Twitter bilkul nahi", ("youtube",)),
])
def test_round_seventy_nine_platforms(text: str, platforms: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.platforms == platforms


@pytest.mark.parametrize(("text", "brand"), [
    # round 88: a title naming a product beside the advertiser yields to the body's subject
    ("Brief — Birch Glow serum, Nordic Botanica\nBackground: Nordic Botanica is a Bergen-based skincare brand.\n"
     "We want 6 beauty creators in Norway.", "Nordic Botanica"),
    # round 89: a style named by its country's initial is no brand; 'Mgmt' ends an agency's name
    ("Hello, we are J-beauty brand from Osaka. Please recommend creators for our cleansing oil.", None),
    ("Happy to suggest from our Leeds talent only. Best, Priya | Copper Talent Mgmt", None),
    # round 91: a description in brackets after 'client' is no name
    ("Hola team, we need for client (natural cosmetics from Valencia) 6 influencers of Mexico.", None),
    # round 95: 'BRIEFING — X'; 'company of me is X'; 'X is happy to'; a form's 'Company:' label
    ("BRIEFING — Casa Serrano | Navidad 2025\nWe need 8 food creators in Spain.", "Casa Serrano"),
    ("Hello krub, company of me is SiamPay wallet. Want 3-4 Thai TikTok creator.", "SiamPay"),
    ("Following up on the call. Woolies is happy to go with 8 creators for the festive push.", "Woolies"),
    ("BRIEFING – Kessler Laptop K14\nCompany: Kessler Computer, Munich\nTech creators in Germany.",
     "Kessler Computer"),
    # round 96: a role and a name in brackets after the writer
    ("> From: Ada Obi (Marketing, Zuri Haircare)\n> We'd like 7 natural-hair creators in Ghana.", "Zuri Haircare"),
    # round 97: after a sign-off line with the writer's name, a last line that is only a name
    ("Looking at 5 parents in Ireland, €350 per post max.\n\nTa, Aoife\nSnackbug", "Snackbug"),
    ("Could someone pull together ideas for maritime creators?\n\nCheers,\nTom", None),
])
def test_rounds_eighty_eight_to_ninety_seven_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "suggested"), [
    # round 85: a capitalized creator noun inside an agency's name is no creator
    ("I am writing from agency Stella Talent in Milano. They search 4 food creators in Germany.", ("DE",),
     [("IT",)]),
    # round 90: 'Aus' in capitals; a relative clause says nothing of a past campaign
    ("hamster cage 100x50cm, Aus, TikTokers, ≤10k", ("AU",), []),
    ("We sold 1.2M nappies last year — now want 10 nano creators in Canada who just had a baby.", ("CA",), []),
    # round 91: a place after the advertiser's name and a comma; 'A Seattle-based ...'; a hyphenated region
    ("Publisher: Nexel Games, Seoul\nMarkets: Japan, Taiwan", ("JP", "TW"), [("KR",)]),
    ("A Seattle-based pet DNA test kit needs dog creators on YouTube, any country.", (), [("US",)]),
    ("I want 3 influencer from Emilia-Romagna, food or lifestyle", ("IT",), []),
    # round 92: 'Kharkiv city'; 'in whole Nordics'
    ("Please find me sport nutrition bloggers, Kharkiv city, thank you", ("UA",), []),
    ("Looking creators who do sauna and cold plunge in whole Nordics.", ("DK", "FI", "IS", "NO", "SE"), []),
    # round 93: a town's name of three letters in capitals is an acronym without a cue
    ("A protein bar (29 kr at ICA) wants gym creators in Malmö.", ("SE",), []),
    # round 94: a place left out after it is named
    ("Where: Sweden, Finland and Denmark. Norway is OUT. Iceland not needed.", ("SE", "FI", "DK"), []),
])
def test_rounds_eighty_five_to_ninety_four_places(text: str, countries: tuple[str, ...],
                                                 suggested: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == countries
    assert _offered_countries(parsed) == suggested


@pytest.mark.parametrize(("text", "low", "high"), [
    # round 86: Japanese, Chinese and Korean scales
    ("10 person living in Japan, Instagram, フォロワー1万以上", 10000, None),
    ("Want find 5 YouTuber in Taiwan, fans 5萬~20萬, content in Chinese", 50000, 200000),
    ("We want Korean fitness YouTuber 3 people, subscriber 10만+", 100000, None),
    # round 87: litres and a range from nothing bound no followers
    ("Bins are 32L and 15L, stackable; we want home creators.", None, None),
    ("Baby sleeping bags (sizes 0-6m) for parenting creators with under 40k followers", None, 40000),
])
def test_rounds_eighty_six_and_eighty_seven_followers(text: str, low: int | None, high: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.min_followers, filters.max_followers) == (low, high)


@pytest.mark.parametrize(("text", "k"), [
    # round 89: 'we placed 37 of them' is a past result; round 90: 'only 1 or 2'; round 91: 'top 10 on Amazon'
    ("Our roster has 140 creators and we placed 37 of them last quarter. London talent only.", None),
    ("Now I want pay proper influencer, only 1 or 2, from New Zealand.", 2),
    ("Our serum's top 10 on Amazon beauty rn — want micro skincare creators in Canada.", None),
])
def test_rounds_eighty_nine_to_ninety_one_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "price", "budget"), [
    # round 86: '150万円'; round 92: a measure and a service's price are no money for creators
    ("Reward is ¥150,000 per 1 video. Total budget 150万円.", 150000.0, 1500000.0),
    ("We are a whey brand (a pot of 900g costs R$ 159,90). Budget total R$ 80.000.", None, 80000.0),
    ("Clinic chain. Prices from 1 990 Kč per session. Budget: 120 000 Kč in total.", None, 120000.0),
])
def test_rounds_eighty_six_and_ninety_two_money(text: str, price: float | None, budget: float | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget) == (price, budget)


def test_round_ninety_two_languages_after_can_be() -> None:
    filters = parse_brief("Influencers in Lithuania. Language can be lithuanian, estonian or russian.").filters
    assert filters.languages == ("lt", "et", "ru")


@pytest.mark.parametrize(("text", "platforms"), [
    # round 90: a cross after a platform rules it out
    ("Channels: TikTok ✅ Instagram ✅ YouTube ❌ Facebook ❌", ("tiktok", "instagram")),
])
def test_round_ninety_platforms(text: str, platforms: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.platforms == platforms


def test_round_ninety_eight_a_name_joined_by_n() -> None:
    filters = parse_brief("Please avoid anyone who's done work for Pick n Pay or Woolworths this year.").filters
    assert filters.competitors == ("Pick n Pay", "Woolworths")


@pytest.mark.parametrize(("text", "k"), [
    # round 100: the count a writer settles on; 'N in total'; a ranking; a label's figure before what it counts
    ("I'd like a list of 6, maybe 7... let's say 7. Not too big.", 7),
    ("Um, like, 25 of them? That's a lot. Let's say 15.", 15),
    ("Number: 3 per market, 15 in total", 15),
    ("Northbridge ranks in the global top 200 and wants student creators.", None),
    ("Key facts for creators: 210 specialty stores plus a cinema.", None),
])
def test_round_one_hundred_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "languages"), [
    # round 101: a language list in brackets, 'english only', 'eng', a language name of three words
    ("Content in the local language (Swedish, Finnish, Norwegian, Danish).", ("sv", "fi", "no", "da")),
    ("crypto creators, 20k+ followers, english only.", ("en",)),
    ("skincare creators who post in eng or french", ("en", "fr")),
    ("Keen on creators who post in te reo Māori.", ("mi",)),
])
def test_round_one_hundred_one_languages(text: str, languages: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.languages == languages


@pytest.mark.parametrize(("text", "brand"), [
    # round 102: verbs of formal requests name the advertiser
    ("With reference to tender no. 2025/17, Zainab Telecom kindly request your offer for an Eid campaign.",
     "Zainab Telecom"),
    ("Bentall Motors has approved the SOW. Please source two creators in California.", "Bentall Motors"),
    # round 106: a common word before 'want' is no brand; 'from' a lower-case word names none
    ("Hi, I am VA of a US Amazon seller. Boss want 5 to 7 TikTok creator in USA.", None),
    ("Constraints from legal: creators must be US residents, 18+.", None),
])
def test_rounds_one_hundred_two_and_one_hundred_six_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "k"), [
    # round 103: French, Spanish and Portuguese briefs
    ("On aimerait inviter genre 6 créateurs de Montréal, food ou bière.", ("CA",), 6),
    ("On cherche des créateurs mobilité urbaine à Paris et Lyon, 10k à 100k abonnés.", ("FR",), None),
    ("Nous souhaitons travailler avec une demi-douzaine de créateurs cuisine basés en Suisse.", ("CH",), 6),
    ("Buscamos cinco creadores de Lima para TikTok.", ("PE",), 5),
    # round 104: a demonym after an audience noun
    ("Une brasserie veut faire connaître sa nouvelle IPA auprès du public belge.", ("BE",), None),
    # round 108: a unit glued to a number; 'SD' in 'micro SD card'
    ("micro SD card 512GB, tech unboxing, YouTube, Brazil, 3 creators", ("BR",), 3),
])
def test_rounds_one_hundred_three_to_one_hundred_eight_places(text: str, countries: tuple[str, ...],
                                                              k: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.countries, filters.k) == (countries, k)


@pytest.mark.parametrize(("text", "price", "competitors"), [
    # round 103: French fees and ties
    ("On peut leur donner 250 $ chacun + la bière à volonté.", 250.0, ()),
    ("créateurs food Dakar TikTok, 150 000 FCFA/vidéo", 150000.0, ()),
    ("Exclusions: pas de créateurs associés à U-Haul.", None, ("U-Haul",)),
])
def test_round_one_hundred_three_money_and_competitors(text: str, price: float | None,
                                                       competitors: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.competitors) == (price, competitors)


@pytest.mark.parametrize(("text", "low", "high"), [
    # round 105: a range from nothing makes the other 'm' ranges months
    ("bamboo sleep sacks (0–6m, 6–18m, 18–36m) for mum creators with under 40k followers", None, 40000),
    # round 107: 'k+ fans'; 'below' after a count
    ("US TikTok, 50k+ fans, 4 creators", 50000, None),
    ("Find creator USA. Follower 100K below. need 7 pax.", None, 100000),
])
def test_rounds_one_hundred_five_and_one_hundred_seven_followers(text: str, low: int | None,
                                                                 high: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.min_followers, filters.max_followers) == (low, high)


@pytest.mark.parametrize(("text", "brand"), [
    # round 109: a bare 'client X', 'für Kunde X'; not a heading or a department
    ("Pizza creators in Leeds, client Harbour Slice (takeaway, 2 shops), 5-20k", "Harbour Slice"),
    ("Hallo, für Kunde Bergblick (Mineralwasser) suchen wir 5 Influencer.", "Bergblick"),
    ("CLIENT BRIEF — vitamin gummies\nClient: VitaNord (Oslo)\nProduct: gummies", "VitaNord"),
    # round 116: a spaced dash parts two names; a title's event yields to the name after it
    ("Brand: Casa Lumbre - Grupo Alimentos del Norte\nWe need 5 creators in Mexico.", "Casa Lumbre"),
    ("Campaign: Clean Air Week - BreatheWell Trust\nWe need 4 creators in Leeds.", "BreatheWell Trust"),
    # round 117: a product after a name written again alone; 'association X'; a city before 'team'
    ("Brief: Ravi Gold Coconut Hair Oil – Monsoon\nRavi Gold is a 30-year-old haircare brand.", "Ravi Gold"),
    ("Bonjour, we are association Puits Pour Tous, we dig wells in Mali.", "Puits Pour Tous"),
    ("Hi! We are Bolt Lisbon team and we need 5 food creators.", "Bolt"),
    # round 118: 'For X (what it sells)', 'pour X on aimerait'
    ("For Kernwell (protein bars) again: 10 gym creators in Berlin.", "Kernwell"),
    ("Coucou, pour Savonnerie Lune on aimerait 5 créatrices beauté en France.", "Savonnerie Lune"),
    # round 119: a place after 'from' is no person's brand
    ("For our client we need Influencer from Austria with minimum 5.000 Follower.", None),
    # round 121: a name after 'in the' or 'kinds of' is no subject of 'wants'; 'Seller wants' is a description
    ("A charity that plants trees in the Peak District wants hiking creators.", None),
    ("A deli with 30 kinds of Manchego wants food creators in Madrid.", None),
    ("Product: steel bottle, 750 ml. Seller wants hiking YouTubers in the UK.", None),
    # round 122: a style is no name; a chat word is no lower-case name
    ("Retro-style enamel mugs, 350 ml, 6 colours, €18 each", None),
    ("Top 5 food vloggers from Peru, but we're a tiny hostel chain lol", None),
    # rounds 123-125: 'the X team', an opening 'X: 3 ...', a signature's last line, guillemets
    ("@here quick one from the Lumio team: can we pull 10 creators in Austin?", "Lumio"),
    ("Carlsberg: 4 Danish football creators, Danish content.", "Carlsberg"),
    ("Thanks,\nHannah\nSenior Influencer Manager\nBloom Botanics", "Bloom Botanics"),
    ("Hello! Company «DomUyut» from Almaty. We want 3 home bloggers from Kazakhstan.", "DomUyut"),
])
def test_rounds_one_hundred_nine_to_one_hundred_twenty_five_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries"), [
    # round 110: 'only X', 'area X', 'per country for X, Y', 'and X too'
    ("Need micro-influencers only Nepal, Facebook and Instagram.", ("NP",)),
    ("cari 10 KOC skincare, area Medan, TikTok only", ("ID",)),
    ("2 food creators per country for Norway, Denmark and Finland (so 6 total).", ("NO", "DK", "FI")),
    ("need 5 creators in the UK — actually make that 6, and Ireland too.", ("GB", "IE")),
    # round 119: 'X uniquement', 'Canadian only', 'Phase 2: X — 5 creators', 'Target is X'
    ("Cible : mamans 30-40 ans, FR uniquement", ("FR",)),
    ("I'd love 5 zero-waste creators, Canadian only please.", ("CA",)),
    ("Phase 1: Spain — 6 food creators\nPhase 2: Portugal — 3 food creators", ("ES", "PT")),
    ("Target is Japan and Korea, subscribers 50k to 500k.", ("JP", "KR")),
    # round 120: a list written with '//'; platforms between a place and the creators
    ("baking creators // desserts // FR // tiktok // sub-50k", ("FR",)),
    ("air fryer | US & Canada TikTok Shop creators | 10k-100k", ("US", "CA")),
    # round 128: a plural demonym as a list item
    ("moisturiser. Kiwis, IG + TikTok, 10-50k, need like 5.", ("NZ",)),
])
def test_rounds_one_hundred_ten_to_one_hundred_twenty_eight_places(text: str, countries: tuple[str, ...]) -> None:
    assert set(parse_brief(text).filters.countries) == set(countries)


@pytest.mark.parametrize(("text", "k"), [
    # round 111: a market split summed; a count called the total; counts of an earlier campaign
    ("Allocation per market:\n- Spain: 3 creators\n- Italy: 2 creators\n- Greece: 2 creators", 7),
    ("Option A: 3 macro creators at ~£3k each.\nOption B: 15 micro creators at ~£400 each.", 3),
    ("- France: 2 creators\n- Belgium: 1 creator\n= 3 creators total, all in French.", 3),
    ("El año pasado hicimos una campaña con 9 influencers; este año algo más chico.", None),
    ("Loved the creators from the winter push — 14 of them. Same vibe for spring candles?", None),
    # round 127: a distance glued to its unit is no count
    ("Engadin 42km skiers content, alps, german speaking, insta", None),
])
def test_rounds_one_hundred_eleven_and_one_hundred_twenty_seven_counts(text: str, k: int | None) -> None:
    assert parse_brief(text).filters.k == k


@pytest.mark.parametrize(("text", "competitors"), [
    # round 112: names before a tie noun ruled out after; money as a tie; a brand named like a country; 'avec', 'mit'
    ("Creators with Oppo, Vivo or Realme partnerships in the past year are excluded.", ("Oppo", "Vivo", "Realme")),
    ("No one who has had Puma or Reebok money.", ("Puma", "Reebok")),
    ("Please nobody who collaborates with Jamaica, Appleton or Wray.", ("Jamaica", "Appleton", "Wray")),
    # round 124: 'exclusivity vs', a two-word name starting with a common word
    ("Fees £500 per creator; exclusivity vs Nike, Adidas, Castore.", ("Nike", "Adidas", "Castore")),
    ("Not: anyone currently with Glossier or Summer Fridays.", ("Glossier", "Summer Fridays")),
])
def test_rounds_one_hundred_twelve_and_one_hundred_twenty_four_competitors(text: str,
                                                                           competitors: tuple[str, ...]) -> None:
    assert parse_brief(text).filters.competitors == competitors


@pytest.mark.parametrize(("text", "price", "budget", "high"), [
    # round 113: a price 'each' after goods; 'budget meals'; 'each under 100k' with no currency
    ("hey, we sell honey: 3 flavours, 340g jars, £8 each. where do we start with creators?", None, None, None),
    ("A DJ collective wants 12 music creators on TikTok, each under 100k.", None, None, 100000),
    # round 125: rub and грн as currencies; 'audience N' bounds followers
    ("beauty bloggers, audience 15.000-80.000, max 7.500 rub per post, total 150.000 rub", 7500.0, 150000.0, 80000),
])
def test_rounds_one_hundred_thirteen_and_one_hundred_twenty_five_money(text: str, price: float | None,
                                                                       budget: float | None,
                                                                       high: int | None) -> None:
    filters = parse_brief(text).filters
    assert (filters.max_price_per_post, filters.campaign_budget, filters.max_followers) == (price, budget, high)


@pytest.mark.parametrize(("text", "languages", "platforms"), [
    # round 114: 'Content: X only', two languages alone between commas, Odia
    ("KOL: 20 creators / Content: Thai only / Channels: TikTok", ("th",), ("tiktok",)),
    ("Ask: Canadian food creators, English or French (Québec), on Instagram", ("en", "fr"), ("instagram",)),
    ("creators from Cuttack who post in Odia or Hindi on YouTube", ("or", "hi"), ("youtube",)),
    # round 115: the advertiser's own account is context
    ("Cherche des créatrices beauté à Lyon, notre compte Insta vient de passer 8 000 abonnés", (), ()),
    ("our page only has 2k followers on FB lol, looking for TikTok creators in Davao", (), ("tiktok",)),
    # round 126: form labels
    ("Idioma: catalán\nPlataforma: Instagram", ("ca",), ("instagram",)),
    # round 127: lower-case platforms side by side
    ("fishing creators Manitoba 5-50k fb ig", (), ("facebook", "instagram")),
])
def test_rounds_one_hundred_fourteen_to_one_hundred_twenty_seven_languages_and_platforms(
        text: str, languages: tuple[str, ...], platforms: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (set(filters.languages), set(filters.platforms)) == (set(languages), set(platforms))


@pytest.mark.parametrize(("text", "low", "tiers"), [
    # round 126: 'Min subs: 100k'; round 129: a tier with its follower range or two words before the creators
    ("Channel: YouTube / Min subs: 250k / No. of creators: 3", 250000, ()),
    ("Nike | UK lifting creators | micro 10k-80k | IG", 10000, ("micro",)),
    ("nano vegan baking creators DACH | IG only", None, ("nano",)),
])
def test_rounds_one_hundred_twenty_six_and_one_hundred_twenty_nine_sizes(text: str, low: int | None,
                                                                        tiers: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (filters.min_followers, filters.tiers) == (low, tiers)


@pytest.mark.parametrize(("text", "brand"), [
    # round 131: 'Les escribo de X', 'the PR office of X'; a name after a number or 'along' is no subject
    ("Hola equipo! Les escribo de Bodega Siete Lunas. Queremos creadores en Chile.", "Bodega Siete Lunas"),
    ("Good morning, I write from the PR office of Casa Ferrandi. We search 5 creators in Italy.", "Casa Ferrandi"),
    ("A Lahore kit maker that has supplied 2 Cricket Leagues wants creators for a street story.", None),
    # round 132: 'Chez X on prépare'
    ("Chez Fromagerie Bastide on prépare une campagne, on cherche 4 créateurs food.", "Fromagerie Bastide"),
    # round 133: verbs in other languages; 'del cliente X'; a generic word in another language is no name
    ("Oi! a Chinelos Onda vai lançar a coleção e precisamos de 4 criadoras no Rio.", "Chinelos Onda"),
    ("Buenas, os paso el brief del cliente Conservas Mar Cantábrico.", "Conservas Mar Cantábrico"),
    ("Aerolínea busca creadores de viajes que compartan escapadas.", None),
])
def test_rounds_one_hundred_thirty_one_to_one_hundred_thirty_three_brands(text: str, brand: str | None) -> None:
    assert parse_brief(text).filters.brand == brand


@pytest.mark.parametrize(("text", "countries", "high", "languages"), [
    # round 130: a place before a landmark word; places after 'creators –'
    ("fun run in the Phoenix Park next month, anyone know Dublin influencers?", ("IE",), None, ()),
    ("We want local creators – Gothenburg or Malmö – who post in Swedish.", ("SE",), None, ("sv",)),
    # round 132: bounds and language names in the languages briefs mix in
    ("Un studio de danse à Genève cherche 3 profils locaux, pas plus de 12k abonnés.", ("CH",), 12000, ()),
    ("créateurs bilingues, contenu en anglais ou en allemand", (), None, ("en", "de")),
])
def test_rounds_one_hundred_thirty_and_one_hundred_thirty_two(text: str, countries: tuple[str, ...], high: int | None,
                                                              languages: tuple[str, ...]) -> None:
    filters = parse_brief(text).filters
    assert (set(filters.countries), filters.max_followers, set(filters.languages)) == (
        set(countries), high, set(languages))


@pytest.mark.parametrize(("text", "expected"), [
    # round 134: a code word as a label's whole answer; language names with accents; "bilingues"
    ("Markt: AT\nKanal: Instagram", Filters(countries=("AT",), platforms=("instagram",))),
    ("Sprache: Französisch, bitte", Filters(languages=("fr",))),
    ("Une pâtisserie cherche 6 créateurs bilingues anglais-français.", Filters(k=6, languages=("en", "fr"))),
    # round 135: a form's labels in other languages; a ticket's title field after its key
    ("Marque : Atelier Sirène\nNombre d'influenceurs : 7\nBudget par publication : 450 €\nBudget total : 3 000 €",
     Filters(brand="Atelier Sirène", k=7, max_price_per_post=450, campaign_budget=3000)),
    ("Ticket: OPS-12\nSummary: Gym creators – Kettle Forge kettlebells\nDescription: strength training at home",
     Filters(brand="Kettle Forge")),
    # round 136: a plus before the figure is a floor
    ("Buscamos creadores de cocina con +20k seguidores en Instagram.",
     Filters(min_followers=20_000, platforms=("instagram",))),
    # round 137: a company's regional office is the company
    ("Looking for 4 skate creators in Spain.\n\nCheers,\nTom\nBrand team, Vans EMEA", Filters(
        k=4, countries=("ES",), brand="Vans")),
    # round 138: a region in the country's own language
    ("Bodega familiar busca microinfluencers de vino en Andalucía.", Filters(tiers=("micro",), countries=("ES",))),
    # round 139: Portuguese 'no'/'na' before a name is 'in the'; an English brief's 'no YouTube' stays a 'no'
    ("Oi! Queremos 5 criadores de skate que morem no Brasil, com vídeos no Instagram.",
     Filters(k=5, countries=("BR",), platforms=("instagram",))),
    ("We need 5 skate creators in Brazil for our brand, no YouTube please. Obrigada, abraços, valeu!",
     Filters(k=5, countries=("BR",), platforms=("instagram", "tiktok", "twitter", "facebook", "twitch", "blog",
                                                 "other"))),
    # round 140: a writer introducing themselves in Spanish or Portuguese; 'do time da X'
    ("Buenas tardes, les escribe Rocío de Turrones Almendra. Buscamos creadores.", Filters(brand="Turrones Almendra")),
    ("Hola! Soy Inés, de marketing en Conservas Ortiz. Buscamos 3 creadores.", Filters(brand="Conservas Ortiz", k=3)),
    ("Oi gente! Sou do time da Chinelos Mar. Queremos perfis de humor.", Filters(brand="Chinelos Mar")),
    # round 141: two languages joined in the brief's own language
    ("Creadores de cocina, contenido en castellano o catalán.", Filters(languages=("es", "ca"))),
    # round 142: families, mothers and micro-influencers counted in Spanish and Portuguese; years are no creators
    ("Buscamos familias creadoras: serían 5 familias con niños pequeños.", Filters(k=5)),
    ("Procuramos 7 mães que falem de rotina com bebês.", Filters(k=7)),
    ("Uma padaria com 12 anos de história procura criadoras de receitas.", Filters()),
    # round 143: competitors ruled out in Spanish and Portuguese; a deal's own words are no names
    ("Excluir a los que hayan hecho contenido pago para Quesos Vega o Lácteos Sur.",
     Filters(competitors=("Quesos Vega", "Lácteos Sur"))),
    ("Não podem ter feito publi para Cremes Lua ou Sabonetes Sol.",
     Filters(competitors=("Cremes Lua", "Sabonetes Sol"))),
    ("No creators with current or past deals with Visa or Discover.", Filters(competitors=("Visa", "Discover"))),
    # round 144: a keyword brief's first item, a maker before its model or a collaboration's 'x'
    ("Skoda EQ5 Estate | family road-trip creators | Czechia", Filters(brand="Skoda", countries=("CZ",))),
    ("Pringles x esports | Twitch streamers | UK only", Filters(brand="Pringles", platforms=("twitch",),
                                                                 countries=("GB",))),
    ("Phase 2 | Twitch streamers | UK only", Filters(platforms=("twitch",), countries=("GB",))),
    # round 145: more verbs after the advertiser
    ("Hi! Blackrock Lodge celebrates 100 years next spring and wants travel creators.", Filters(
        brand="Blackrock Lodge")),
    ("Hey, Tidewave asked us to find 3 sailing creators.", Filters(brand="Tidewave", k=3)),
    # round 146: a place on a form's line of the trip (property, event, venue) is where they travel to
    ("Client: Snowline Resorts\nEvent: Winter Beats (Val Thorens, France)\nCreators: 6 ski creators in Belgium",
     Filters(brand="Snowline Resorts", k=6, countries=("BE",))),
    # round 147: a sport between a demonym and the creators ("running" is no verb there)
    ("We want Danish running creators for a trail shoe.", Filters(countries=("DK",))),
    # round 148: a two-letter word of a title written in capitals is no country code
    ("BRIEF DE INFLUENCERS – verano\nCreadores de cócteles en México.", Filters(countries=("MX",))),
    # round 149: a form's items after bars; a deal's amount; a shortlist's size
    ("brand: N/A | platform: YouTube | k: 3 | niche: chess", Filters(platforms=("youtube",), k=3)),
    ("Account: Pebblewise\nAmount: $9,000\nDescription: puzzle app, want TikTok creators", Filters(
        brand="Pebblewise", campaign_budget=9000, platforms=("tiktok",))),
    # round 150: a hut's altitude is no follower count; a room's rate is the product's price
    ("Our hut sits at 2.100 m over sea level. We look for 3 ski creators with min. 10.000 followers.",
     Filters(k=3, min_followers=10_000)),
    ("Room rate is from 30,000 yen per person. Fee is 50,000 yen per creator.", Filters(max_price_per_post=50_000)),
    # round 151: 'for the brand X' names the client over the group that writes
    ("Hello, I write from Grupo Tessera, for the brand Casa Brava. We want 4 creators.", Filters(
        brand="Casa Brava", k=4)),
    # round 152: the brief opens with the name whose campaign it is
    ("Lumo's spring reading push: BookTok creators on TikTok.", Filters(brand="Lumo", platforms=("tiktok",))),
    ("Mother's Day push: mum creators on Instagram.", Filters(platforms=("instagram",))),
    # round 153: a label's whole answer is the client even when a town bears its name
    ("Brief – Campaña de verano\nCliente: Quilmes\nCreadores: 4", Filters(brand="Quilmes", k=4)),
    # round 154: 'desde X' opening a Spanish brief; 'X have more than' (a company's size)
    ("Buenas! Desde Galletas Rocío os queremos proponer algo para 3 creadores.", Filters(brand="Galletas Rocío",
                                                                                       k=3)),
    ("Good morning, Ópticas Lince have more than 300 stores and want 5 creators.", Filters(brand="Ópticas Lince",
                                                                                        k=5)),
    # round 155: a count of customers with a word between is no follower bound
    ("Finwise has 20M+ retail customers. Micro creators, 10k to 100k followers.", Filters(
        brand="Finwise", tiers=("micro",), min_followers=10_000, max_followers=100_000)),
])
def test_rounds_one_hundred_thirty_four_to_one_hundred_forty_one(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


# the ninth session's rounds, each with texts written for the test
@pytest.mark.parametrize(("text", "expected"), [
    # round 156: numbers written the way Japanese, Korean, Vietnamese, Polish and German briefs write them
    ("・フォロワー：2万～8万\n・Number：6 creators", Filters(min_followers=20_000, max_followers=80_000, k=6)),
    ("Follower:4万~9万, skincare KOL in Tokyo", Filters(min_followers=40_000, max_followers=90_000, countries=("JP",))),
    ("Korean mom creators, follower 3천~2만", Filters(min_followers=3_000, max_followers=20_000, countries=("KR",))),
    ("Sapporo soup curry creators, 6人", Filters(k=6, countries=("JP",))),
    ("12 creators, 30 tys. – 200 tys. followers", Filters(k=12, min_followers=30_000, max_followers=200_000)),
    ("My shop sells silk scarves, price from 350k to 1tr5. Want 4 KOL on TikTok.", Filters(
        k=4, platforms=("tiktok",))),
    ("Need 6 creators for our noodle stall, total 40 triệu.", Filters(k=6, campaign_budget=40_000_000)),
    ("Creators mit zwischen 15.000 und 60.000 Follower, pro Post max. 300 €, gesamt 4.000 €.", Filters(
        min_followers=15_000, max_followers=60_000, max_price_per_post=300, campaign_budget=4_000)),
    # round 157: the maker's name in the name of the product a brief leads with
    ("Fernhollow Cold Brew Concentrate. 500ml bottle, £8. We want coffee creators on Instagram.", Filters(
        brand="Fernhollow", platforms=("instagram",))),
    ("Our new Quillo Retinol Night Cream (50ml, €32) needs 4 skincare creators in Spain.", Filters(
        brand="Quillo", k=4, countries=("ES",))),
    ("hi! we make Tumblewick soy candles (200g, $24), looking for home decor creators", Filters(brand="Tumblewick")),
    ("Brief — Saltmarsh Smoked Sea Salt Flakes\n250g tub. Food creators on TikTok.", Filters(
        brand="Saltmarsh", platforms=("tiktok",))),
    ("Hi, Halcyon Gin here: we want 3 cocktail creators.", Filters(brand="Halcyon Gin", k=3)),
    ("Home robot launch (Dusto X7, 5000Pa suction) - need 3 tech YouTubers.", Filters(
        brand="Dusto", k=3, platforms=("youtube",))),
    ("A snack brand launching the Crunchwell 3 popcorn (90g) wants 5 creators.", Filters(k=5)),
    ("Launching the Orbit 7 with 5G on 7/7 — want 3 tech creators.", Filters(k=3)),
    ("Craft cider for summer, 4 creators on TikTok.", Filters(k=4, platforms=("tiktok",))),
    # round 158: a public body or institution as the advertiser: the subject, a signature's line, 'by the X'
    ("Hi there,\n\nGalway City Council arts team here. We want 4 creators in Ireland.", Filters(
        brand="Galway City Council", k=4, countries=("IE",))),
    ("The University of Dundee's open day is on 12 June. We'd like 5 student creators.", Filters(
        brand="University of Dundee", k=5)),
    ("We want 3 family creators in London for our half-term trail.\n\nThanks,\nMarta\nMuseum of Lost Toys",
     Filters(brand="Museum of Lost Toys", k=3, countries=("GB",))),
    ("Top 5 creators in Norway for a reading campaign by the Bergen Public Library.", Filters(
        brand="Bergen Public Library", k=5, countries=("NO",))),
    ("Museum creators in Paris, 5 of them.", Filters(k=5, countries=("FR",))),
    ("Partners: Riverside Arts Council. We are Lumo Books and want 3 creators.", Filters(brand="Lumo Books", k=3)),
    # round 159: agencies' own words for their client in German, Dutch and Polish English; a count range after
    # the client's name; 'und der Schweiz'; a maker named like a town in brackets before what it does
    ("kurzes Update: Kunde ist Bergfalke, a hiking sock brand. 5 creators.", Filters(brand="Bergfalke", k=5)),
    ("Hoi, klant is Molenaar Kaas. Looking for 4 creators in Nederland.", Filters(
        brand="Molenaar Kaas", k=4, countries=("NL",))),
    ("Our klient is Zabka, the convenience chain. 10 TikTokers from Poland.", Filters(
        brand="Zabka", k=10, countries=("PL",), platforms=("tiktok",))),
    ("für unseren Kunden Alpenmilch 5–6 Food-Influencerinnen in Deutschland und der Schweiz", Filters(
        brand="Alpenmilch", k=6, countries=("DE", "CH"))),
    ("Für eine Kampagne von Kaiserbrot we look for creators in Austria.", Filters(
        brand="Kaiserbrot", countries=("AT",))),
    ("A French mustard maker (Dijon) wants 3 food creators.", Filters(brand="Dijon", k=3)),
    # round 160: a list after 'in Europe:'; 'across the South West of England'; a person of two words, then 'from X';
    # 'in charge of promotion at X'
    ("We need 12 food creators in Europe: Portugal, Greece and Croatia.", Filters(k=12, countries=("PT", "GR", "HR"))),
    ("Lifestyle creators across the South West of England, 5 of them.", Filters(k=5, countries=("GB",))),
    ("This is Ana Souza from Cafeteria Aurora, we want 3 creators.", Filters(brand="Cafeteria Aurora", k=3)),
    ("My name is Ito, in charge of promotion at Hanazono Tea. We want 4 creators.", Filters(brand="Hanazono Tea", k=4)),
    # round 161: traps: an age in 'yr olds', a fan of a machine, a festival's name in Dutch, a toy's age in months
    ("anti-bullying push / tiktok / reaching 12-16 yr olds / nano creators", Filters(
        platforms=("tiktok",), tiers=("nano",))),
    ("Tower heater\n• 4 fan speeds, 30 dB night mode\nWe'd like home creators, 6 creators max.", Filters(k=6)),
    ("For Kerstmis we look for 3 creators in Belgium.", Filters(k=3, countries=("BE",))),
    ("Dad bloggers for our new wooden train set (24m+).", Filters()),
    ("Dad bloggers (1m+) for our new wooden train set.", Filters(min_followers=1_000_000)),
    # round 162: 'w' for 万 where the brief writes Chinese or names China's money or apps
    ("skincare KOL douyin 3w+ fans", Filters(min_followers=30_000)),
    ("Budget RMB 20w, fans 2w-8w, 6 KOL on TikTok", Filters(
        campaign_budget=200_000, min_followers=20_000, max_followers=80_000, k=6, platforms=("tiktok",))),
    ("3w turnaround, 10 creators", Filters(k=10)),
    # round 163: a fee for 'one post' written between the fee and its amount
    ("Korean food creators. Fee 1 post 50만원.", Filters(max_price_per_post=500_000, countries=("KR",))),
    # round 164 (after v110-v113 were read): '&' between two kinds of goods opens no maker's name
    ("Our new Falafel & Fries box is AED 12, need TikTokers in Dubai under 20k.", Filters(
        platforms=("tiktok",), countries=("AE",), max_followers=20_000)),
])
def test_rounds_one_hundred_fifty_six_on(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


# the tenth session's rounds, each with texts written for the test
@pytest.mark.parametrize(("text", "expected"), [
    # round 165: a client named after 'para el cliente', 'per il cliente'
    ("Hola! Brief para el cliente Conservas Marola: 4 creadores de cocina.", Filters(brand="Conservas Marola", k=4)),
    ("Ciao, per il cliente Oleificio Sarno we need 3 food creators.", Filters(brand="Oleificio Sarno", k=3)),
    # round 166: 'Per X' opening an Italian brief, 'para a X' with its article; a numbered product is no advertiser
    ("Per Fabbri we need 6 pastry creators on Instagram.", Filters(brand="Fabbri", k=6, platforms=("instagram",))),
    ("Need 4 gaming YouTubers in Portugal, para a Radio Popular.", Filters(
        brand="Radio Popular", k=4, platforms=("youtube",), countries=("PT",))),
    ("Looking for cycling creators for the Vento 7 launch.", Filters()),
    ("Lifestyle creators, max €200 per Video.", Filters(max_price_per_post=200)),
    # round 168: an RFP or a statement of work is a document, not the advertiser
    ("RFP - Castlebay Bank home loan campaign\nCastlebay Bank wants 5 finance creators.", Filters(
        brand="Castlebay Bank", k=5)),
    # round 169: 'top 3' keeps a search-box query a query, so its country applies
    ("vegan baking Norway IG top 5", Filters(countries=("NO",), k=5, platforms=("instagram",))),
    # round 170: '<city> area' is where the creators are
    ("Food creators for our dumpling bar, Lyon area, 10k+ followers.", Filters(
        countries=("FR",), min_followers=10_000)),
    # round 171: an exclusivity line names the brands further along
    ("Fee £500 per creator.\nExclusivity: 60 days either side, no Tesco, Asda or Lidl.", Filters(
        max_price_per_post=500, competitors=("Tesco", "Asda", "Lidl"))),
    # round 172: a lower-case model number counts nothing; a number before plural creators counts them
    ("iphone 16 case creators in Canada", Filters(countries=("CA",))),
    ("creadores de moda Quito 8 perfiles Instagram", Filters(countries=("EC",), k=8, platforms=("instagram",))),
    ("7 cosplayers in Korea for our booth.", Filters(countries=("KR",), k=7)),
    # round 173: a platform of last year's success or of the advertiser's own following is context
    ("Our first ad ran on TikTok last year. This time we want 3 tech reviewers on YouTube.", Filters(
        k=3, platforms=("youtube",))),
    ("The band already has 900k followers on TikTok, so we want Instagram creators now.", Filters(
        platforms=("instagram",))),
    # round 174: a bare tier word in a longer search-box query; not a hyphenated product nor a sale's name
    # (round 175: nor is "Sale" the Moroccan city Salé)
    ("micro pet grooming TikTok UK, £150-250/post, 6 creators", Filters(
        tiers=("micro",), platforms=("tiktok",), countries=("GB",), max_price_per_post=250, k=6)),
    ("micro-LED monitor unboxing, tech creators, Germany, YouTube, 4 creators, 30k+", Filters(
        countries=("DE",), platforms=("youtube",), k=4, min_followers=30_000)),
    ("Mega Summer Sale, beauty creators, TikTok, Spain, top 5, 10k+", Filters(
        platforms=("tiktok",), countries=("ES",), k=5, min_followers=10_000)),
    # round 176: Darija is Arabic; 'auf Deutsch' names the language; a language before YouTubers is theirs
    ("Rabat beauty bloggers, videos in darija please", Filters(countries=("MA",), languages=("ar",))),
    ("Wir suchen 6 Creator in Wien, Content auf Deutsch.", Filters(countries=("AT",), languages=("de",), k=6)),
    ("We need Kannada YouTubers for a cooking show.", Filters(platforms=("youtube",), languages=("kn",))),
    # round 177: "for the post" and "flat per video" tie the amount to one post
    ("A travel creator in Penang, RM800 for the video.", Filters(countries=("MY",), max_price_per_post=800)),
    ("Pet creators in Ohio, $150 flat per post.", Filters(countries=("US",), max_price_per_post=150)),
    # round 178: "off" rules a platform out only right before it; a platform "that went viral" is context
    ("We sold 900 mugs off one YouTube review. Platform: YouTube. Creators: 4.", Filters(
        platforms=("youtube",), k=4)),
    ("Our sales jumped after a TikTok that went viral. Ideas for pottery creators?", Filters()),
    # round 180: French and Italian words for mums name the creators ("influenceuses maman Lyon")
    ("Cerchiamo mamme Torino per il lancio, Instagram", Filters(countries=("IT",), platforms=("instagram",))),
])
def test_rounds_one_hundred_sixty_five_on(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_lower_case_reunion_is_a_meeting() -> None:
    # round 179: Spanish "reunión" is a meeting, not Réunion
    parsed = parse_brief("Después de la reunión: creadores de cocina en Chile, 5 perfiles.")
    assert parsed.filters == Filters(countries=("CL",), k=5)
    assert _offered_countries(parsed) == []


@pytest.mark.parametrize(("text", "countries"), [
    # round 167: a lower-case demonym before 'brand' offers the brand's country, applying nothing
    ("Hello, we are a small french brand of soaps. We want 4 beauty creators.", [("FR",)]),
    ("we're a danish company making rain jackets, need outdoor creators", [("DK",)]),
    ("A nail polish brand wants manicure creators.", []),
])
def test_a_lower_case_demonym_before_brand_is_a_suggestion(text: str, countries: list[tuple[str, ...]]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters.countries == ()
    assert _offered_countries(parsed) == countries


@pytest.mark.parametrize(("text", "expected"), [
    # round 181: "pp" glued to its amount is per post ("$400pp", "£1kpp")
    ("yoga creators in Leeds, £250pp max, 10k+ followers", Filters(
        countries=("GB",), max_price_per_post=250, min_followers=10_000)),
    ("IG travel creators Lisbon €1kpp", Filters(platforms=("instagram",), countries=("PT",), max_price_per_post=1000)),
    # round 182: a bound's own words ('under', 'per', 'max') leave a search-box query a list of keywords
    ("TT baking mums Cork under 15k", Filters(platforms=("tiktok",), max_followers=15_000, countries=("IE",))),
    ("vegan snacks nano under 10k", Filters(tiers=("nano",), max_followers=10_000)),
    ("gaming YT Manila 50k+ max $200 per video", Filters(
        platforms=("youtube",), min_followers=50_000, countries=("PH",), max_price_per_post=200)),
    # round 183: a spaced dash after a greeting's name joins no name ("hi Priya - Lumen wants")
    ("hi Priya - Lumen wants 4 skincare creators", Filters(brand="Lumen", k=4)),
    ("Morning Dev - Brightpath is launching a savings app, need 5 finance creators", Filters(brand="Brightpath", k=5)),
    ("Rolls-Royce wants 3 car creators", Filters(brand="Rolls-Royce", k=3)),
    # round 184: a client's decision reported by its agency names it ("X confirmed", "X signed off on");
    # a department that decides is no advertiser
    ("Quick update: Halden Foods confirmed the spring push. We need 6 baking creators in Ohio.", Filters(
        brand="Halden Foods", k=6, countries=("US",))),
    ("Marrow & Co signed off on wave 2 - 5 creators on TikTok", Filters(
        brand="Marrow & Co", k=5, platforms=("tiktok",))),
    ("Finance approved the budget: 4 creators, YouTube", Filters(platforms=("youtube",), k=4)),
    ("Procurement wants a shortlist of 4 creators", Filters(k=4)),
    ("Instagram confirmed the new collab feature, so we want 3 creators using it", Filters(
        platforms=("instagram",), k=3)),
    # round 185: creators named in French, Spanish, Portuguese, Romanian, Polish, ...; "3 x Stories par créatrice"
    # counts deliverables, not creators
    ("Looking for twórcy from Poland, YouTube, 20k+ subscribers", Filters(
        countries=("PL",), platforms=("youtube",), min_followers=20_000)),
    ("need 3 influenceri from Bucharest for our gym", Filters(countries=("RO",), k=3)),
    ("Mode et beauté, 1 500 € maximum par créateur, Instagram", Filters(
        platforms=("instagram",), max_price_per_post=1500)),
    ("Client : Maison Lune\nNombre : 6 créatrices\nLivrables : 1 x Reel + 3 x Stories par créatrice", Filters(
        brand="Maison Lune", platforms=("instagram",), k=6)),
    # round 186: an exclusivity line without its colon names the brands ruled out later in it, 'or' in German and
    # other languages joins them; "X or Y affiliations" are ties
    ("Exclusivity 60 days, not Halo Coffee or Brewly.", Filters(competitors=("Halo Coffee", "Brewly"))),
    ("Exclusivity 3 Monate, nicht Salewa oder Mammut.", Filters(competitors=("Salewa", "Mammut"))),
    ("No Peloton or Zwift affiliations please.", Filters(competitors=("Peloton", "Zwift"))),
    ("Exclusivity 3 months, no other coffee brands.", Filters()),
    # round 187: a place as the last item after the creators or another constraint, though a full stop ends it
    ("We need 6 hiking creators on YouTube, Norway + Sweden.", Filters(
        platforms=("youtube",), countries=("NO", "SE"), k=6)),
    ("Looking for 4 bakers, TikTok only, Portugal.", Filters(platforms=("tiktok",), countries=("PT",), k=4)),
    # round 188: places joined by 'y', 'e', 'und', 'et', 'og', 'och' are a list of places, not a brand
    ("Necesitamos 8 food creators for México y Colombia, TikTok", Filters(platforms=("tiktok",), k=8)),
    # round 189: in a brief typed in lower case, a city of two words after a place cue is read, small as it is
    ("yoga teachers in chiang mai for our retreat, ig", Filters(platforms=("instagram",), countries=("TH",))),
    # round 190: "Guadalajara" is Jalisco's city of 1.4 million, not the Spanish province of a town of 85,000
    ("food creators in Guadalajara, TikTok", Filters(platforms=("tiktok",), countries=("MX",))),
    # round 191: a platform's short form anywhere in a search-box query; its creators named in French, Romanian,
    # Polish ("youtubeuses", "tiktokerów") name the platform
    ("vegan baking moms toronto fb", Filters(platforms=("facebook",), countries=("CA",))),
    ("Besoin de 4 youtubeuses beauté à Lyon", Filters(platforms=("youtube",), countries=("FR",), k=4)),
    ("szukamy 3 tiktokerów z Krakowa", Filters(platforms=("tiktok",), k=3)),
    # round 192: 'mikro' and 'makro', as German, Polish or Indonesian spell them, are tiers
    ("Mikro-Influencerinnen in Wien, Instagram", Filters(platforms=("instagram",), tiers=("micro",),
                                                         countries=("AT",))),
    ("mikro i makro influencerzy, Instagram", Filters(platforms=("instagram",), tiers=("micro", "macro"))),
    # round 193: an amount a few words after the product's price is what it costs, not followers
    ("Our face serum is priced from 45k. Need beauty creators with 20k+ followers", Filters(min_followers=20_000)),
    ("harga mulai 59rb, cari selebgram followers minimal 50rb", Filters(min_followers=50_000)),
    ("Price point: creators between 10k and 50k", Filters(min_followers=10_000, max_followers=50_000)),
])
def test_rounds_one_hundred_eighty_one_on(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_place_before_a_business_in_a_query_with_a_bound_is_offered() -> None:
    # round 182: "Bali beach resort" is where the advertiser is, though the query's bound ('up') is read
    parsed = parse_brief("Bali beach resort want Indonesian creator 2 person, instagram, follower 20,000 up")
    assert parsed.filters == Filters(platforms=("instagram",), min_followers=20_000, countries=("ID",), k=2)
    assert _offered_countries(parsed) == [("ID",)]


def test_a_place_after_the_advertisers_shops_is_offered() -> None:
    # round 187: no creators and no other constraint before the place, so it is where the shops are
    parsed = parse_brief("We sell our olive oil in 40 shops, Italy.")
    assert parsed.filters == Filters()
    assert _offered_countries(parsed) == [("IT",)]


def test_a_lower_case_city_in_a_brief_with_capitals_is_offered() -> None:
    # round 189: where the brief writes names with capitals, a small city in lower case is only offered
    parsed = parse_brief("We're Lanna Spa, a small spa in chiang mai. Need yoga teachers on IG.")
    assert parsed.filters == Filters(platforms=("instagram",), brand="Lanna Spa")
    assert _offered_countries(parsed) == [("TH",)]


def test_the_place_after_a_job_title_is_the_writers() -> None:
    # round 190: "Marketing Manager, Monterrey" closes a signature: offered, not applied
    parsed = parse_brief("Need 5 taco creators in Texas on TikTok.\nAna Ruiz – Marketing Manager, Monterrey")
    assert parsed.filters == Filters(platforms=("tiktok",), countries=("US",), k=5)
    assert _offered_countries(parsed) == [("MX",)]


def test_valencia_stays_ambiguous() -> None:
    # a Spanish city of 800,000 against Venezuela's 1.6 million: within DOMINANCE, both offered
    parsed = parse_brief("food creators in Valencia, TikTok")
    assert parsed.filters == Filters(platforms=("tiktok",))
    assert _offered_countries(parsed) == [("VE", "ES")]


@pytest.mark.parametrize(("text", "expected"), [
    # round 194: "Forwarding" opens no name; "forwarding from X" names the brand only when X is described as one
    ("Forwarding Noor's note:\n5 pottery creators in Spain, Instagram.", Filters(
        platforms=("instagram",), countries=("ES",), k=5)),
    ("Forwarding Pebblo's brief: 5 parenting creators in Spain, Instagram.", Filters(
        brand="Pebblo", platforms=("instagram",), countries=("ES",), k=5)),
    ("Hi all, Forwarding from Pebblo (kids reading app), see below. They want 6 parenting creators on TikTok.",
     Filters(brand="Pebblo", platforms=("tiktok",), k=6)),
    ("hey, forwarding from Sam (client side). We need ceramics creators on Instagram", Filters(
        platforms=("instagram",))),
    # round 195: the word before a weekday names the day ("Giving Tuesday", "Small Business Saturday")
    ("For the Harbour Dogs Trust Giving Tuesday push we need 8 dog creators in Oregon.", Filters(
        brand="Harbour Dogs Trust", countries=("US",), k=8)),
    # round 196: "(digital) team of X" names the advertiser after it
    ("Hello, we are marketing team of ZENTRO in Ghana. Need 6 tech creators, TikTok.", Filters(
        brand="ZENTRO", countries=("GH",), platforms=("tiktok",), k=6)),
    ("This is Aiko Sato from Brand team of Mori Foods. We want 4 cooking creators on YouTube.", Filters(
        brand="Mori Foods", platforms=("youtube",), k=4)),
    # round 197: a lower-case name no dictionary has continues a list of competitors; an ordinary word does not
    ("5 coffee creators in Italy, nobody working with Segafredo or kimbo.", Filters(
        countries=("IT",), competitors=("Segafredo", "kimbo"), k=5)),
    ("No creators tied to Hema, kruidvat or Etos please", Filters(competitors=("Hema", "kruidvat", "Etos"))),
    ("3 running creators. Nobody who worked with Adidas or similar.", Filters(competitors=("Adidas",), k=3)),
    # round 198: three or more 'label | value' lines are a form
    ("Campaign | Spring drop\nBrand | Vellora\nMarket | Chile\nFee per post | up to 300 USD", Filters(
        brand="Vellora", countries=("CL",), max_price_per_post=300)),
    # round 199: a retail occasion with its market or year is no advertiser ("Hot Sale MX", "Dia dos Pais 2025")
    ("Hot Sale MX | hogar | TikTok | 10 creators", Filters(platforms=("tiktok",), countries=("MX",), k=10)),
    ("Brief – Buen Fin 2025 | Tiendas Aurora\n8 creators in Mexico, Instagram", Filters(
        brand="Tiendas Aurora", countries=("MX",), platforms=("instagram",), k=8)),
    # round 200: a lower-case name no dictionary has, said to be the advertiser
    ("zumora is a Finnish oat snack brand. We want 5 food creators in Finland.", Filters(
        brand="zumora", countries=("FI",), k=5)),
    ("A kombucha brewery from Gent, brouwkoe, wants 4 creators in Belgium.", Filters(
        brand="brouwkoe", countries=("BE",), k=4)),
    ("We at pindakaas (nut butters) need 3 creators on Instagram.", Filters(
        brand="pindakaas", platforms=("instagram",), k=3)),
    ("skincare is a big topic for us, 5 creators in Sweden", Filters(countries=("SE",), k=5)),
    # round 201: a state code names which place it follows; a list of US state codes keeps its colliding codes
    ("bbq creators TX FL GA 20k+", Filters(countries=("US",), min_followers=20_000)),
    ("olive oil (pressed in Sicily) wants 4 cooking creators in Ohio", Filters(countries=("US",), k=4)),
    # round 202: two tier words with nothing between them
    ("influencers required nano micro both, Urdu language", Filters(tiers=("nano", "micro"), languages=("ur",))),
    # round 203: "5 nos" counts creators; "3 piece suits" describes the goods
    ("Need food influencers in Kerala, 5 nos, Instagram", Filters(platforms=("instagram",), countries=("IN",), k=5)),
    ("influencers for our 2 piece cotton sets, Instagram, Karachi", Filters(
        platforms=("instagram",), countries=("PK",))),
    # round 204: naira written "N" with its scale; "N26" stays a name
    ("Need Lagos creators, N150k per post max, total N2m", Filters(
        countries=("NG",), max_price_per_post=150_000, campaign_budget=2_000_000)),
    # round 207: creators after 'to' are no event's name ("ask to Tiktoker in Vietnam")
    ("We want ask to Youtuber in Vietnam, 5 person", Filters(platforms=("youtube",), countries=("VN",), k=5)),
    # round 208: a reply's prefix in a subject line is no country ("AW:" is German for "Re:", not Aruba)
    ("Subject: AW: creator request\n\n4 car creators in Germany, Instagram", Filters(
        platforms=("instagram",), countries=("DE",), k=4)),
    # round 209: "founder of X", three-word names before 'from', "je suis X from Y"
    ("Hi, I'm Dana, mom of 3 and the founder of Little Fjord. 5 parenting creators on Instagram please.", Filters(
        brand="Little Fjord", platforms=("instagram",), k=5)),
    ("Good morning! I'm Maria Santos Reyes from PayLakbay. We need 6 travel creators in Cebu.", Filters(
        brand="PayLakbay", countries=("PH",), k=6)),
    ("Bonjour, je suis Amina from Atlas Argan, we need 4 beauty creators in Morocco.", Filters(
        brand="Atlas Argan", countries=("MA",), k=4)),
    # round 210: metres are no millions ("a tower 50m high"); followers named in Romanian, Malay, Nordic languages
    ("platforms up to 25m high, 4 travel creators from Kenya, min 10k followers", Filters(
        min_followers=10_000, countries=("KE",), k=4)),
    ("cafe 300m from the beach wants 3 creators on Instagram", Filters(platforms=("instagram",), k=3)),
    ("Cari 5 kreator di Malaysia, minimum 20.000 pengikut, TikTok", Filters(
        countries=("MY",), min_followers=20_000, platforms=("tiktok",), k=5)),
    ("bloggeri din România, minimum 10.000 urmăritori", Filters(countries=("RO",), min_followers=10_000)),
    # round 211: a tax after "excl." is no competitor ("excl. BTW", "excl. VAT")
    ("4 food creators in Utrecht, €300 per video (excl. BTW)", Filters(countries=("NL",), max_price_per_post=300, k=4)),
    # round 212: "and also", "as well as" join languages
    ("creators who post in Dutch as well as English, 5 of them", Filters(languages=("nl", "en"), k=5)),
    ("posting in German and also French", Filters(languages=("de", "fr"))),
    # round 205: a scaled amount the next word calls the budget
    ("Pune fitness creators, 3 lakh budget, Instagram", Filters(
        countries=("IN",), campaign_budget=300_000, platforms=("instagram",))),
])
def test_rounds_one_hundred_ninety_four_on(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


def test_a_state_code_says_which_of_several_places_it_follows() -> None:
    # round 201: "Victoria, BC" is the Canadian city, not Australia's state or Hong Kong's harbour
    parsed = parse_brief("5 food creators in Vancouver or Victoria, BC")
    assert parsed.filters == Filters(countries=("CA",), k=5)
    assert _offered_countries(parsed) == []


@pytest.mark.parametrize(("text", "expected"), [
    # round 213: a postal address or a phone in a letter's last lines is where the sender sits
    ("Hello,\nWe want 6 beauty creators in the US on TikTok.\nBest regards,\nMina Park\n"
     "Sori Lab Co., Ltd. | 7F, 12 Teheran-ro, Gangnam-gu, Seoul, Korea", Filters(
         platforms=("tiktok",), countries=("US",), k=6)),
    ("Hi Sam,\n5 home cooks in Texas, Instagram.\nThanks,\nLea Roy | Bright Fork PR\n210 King St W, Toronto, Canada",
     Filters(platforms=("instagram",), countries=("US",), k=5)),
    # round 214: a count of creators wins over people a meal or a room is for; "n/a" and Canadian taxes rule no
    # competitor out
    ("Our set menu is for 2 persons. We need 6 food creators in Lima.", Filters(countries=("PE",), k=6)),
    ("Can give 2 pax free dinner. 3-4 influencer enough, TikTok", Filters(platforms=("tiktok",), k=4)),
    ("Fee: CAD 500 per creator, excl. HST\nCompetitors: n/a", Filters(max_price_per_post=500)),
    # a title with a street word and a number is no address ("Adoption Drive 2027")
    ("Adoption Drive 2027 in Ireland\nWe need 4 dog creators.\nThanks, Ann", Filters(countries=("IE",), k=4)),
])
def test_rounds_two_hundred_thirteen_on(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # thirteenth session: a negated comparative before a cue gives the direction, not the cue after it
    ("Influencers in Cairo, followers not less from 30k.", Filters(min_followers=30_000, countries=("EG",))),
    ("food creators with no more from 100k followers", Filters(max_followers=100_000)),
    ("no fewer from 5k followers please, TikTok", Filters(min_followers=5_000, platforms=("tiktok",))),
    # unchanged: a negation before a cue alone still turns it
    ("nobody from 1M followers", Filters(max_followers=1_000_000)),
])
def test_a_negated_comparative_gives_the_bound_its_direction(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected"), [
    # fourteenth session: wordings of the first-contact batches v130-v133, in texts of our own
    # a brief in lower case keeps its places: a unit's letter ("500K+") and a platform's format ("Reels") are no
    # capitals
    ("bakery tiktokers istanbul 500K+", Filters(platforms=("tiktok",), countries=("TR",), min_followers=500_000)),
    ("bridal makeup Reels karachi 20k+", Filters(platforms=("instagram",), countries=("PK",), min_followers=20_000)),
    # in a list of keywords the place after a hotel or a resort is the destination
    ("luxury hotel reviews bangkok, YT", Filters(platforms=("youtube",))),
    # 'from' as briefs write it, and 'or' in the languages they mix in
    ("need 6 food creators frm Lahore, IG only", Filters(platforms=("instagram",), countries=("PK",), k=6)),
    ("cari 5 influencer dari Bandung atau Medan, TikTok", Filters(platforms=("tiktok",), countries=("ID",), k=5)),
    ("Creator ở Hà Nội, 10k–50k follower", Filters(countries=("VN",), min_followers=10_000, max_followers=50_000)),
    # follower bounds in Indonesian and Hindi-Urdu
    ("beauty creators, followers minimal 10rb maksimal 80rb", Filters(min_followers=10_000, max_followers=80_000)),
    ("influencer yang followersnya 500rb ke atas", Filters(min_followers=500_000)),
    ("fitness creators, 1 lakh followers se kam", Filters(max_followers=100_000)),
    ("travel creators with 50rb–200rb subscribers", Filters(min_followers=50_000, max_followers=200_000)),
    ("máximo 1 milhão de seguidores", Filters(max_followers=1_000_000)),
    # a collection's volume is no count
    ("summer lawn vol 2 creators lahore 5k-20k", Filters(countries=("PK",), min_followers=5_000, max_followers=20_000)),
    # money: the taka, Indian digit groups, an aside before the colon, a new clause, the word 'total' after it
    ("food creators, Tk 4,000 max per post", Filters(max_price_per_post=4_000)),
    ("food creators, per creator maximum INR 2,50,000", Filters(max_price_per_post=250_000)),
    ("Max fee per creator (incl. VAT): €450", Filters(max_price_per_post=450)),
    ("€200 max per post and we've €2,000 all in", Filters(max_price_per_post=200, campaign_budget=2_000)),
    ("We're thinking $400 each max and $3k total.", Filters(max_price_per_post=400, campaign_budget=3_000)),
    ("Budget per konten max Rp 2.000.000", Filters(max_price_per_post=2_000_000)),
    # an amount inside a quoted title is the title's
    ('We need 4 creators for our "Save up to $50" sale. Budget $3,000.', Filters(k=4, campaign_budget=3_000)),
    # platforms: ruled out after a comma, an own group, Portuguese 'no', Indonesian 'jangan'
    ("YouTube and Facebook, Snapchat not allowed", Filters(platforms=("youtube", "facebook"))),
    ("Instagram only (we run a Facebook group for parents)", Filters(platforms=("instagram",))),
    ("10 mil a 50 mil seguidores no TikTok", Filters(platforms=("tiktok",), min_followers=10_000,
                                                     max_followers=50_000)),
    ("TikTok saja, jangan Instagram", Filters(platforms=("tiktok",))),
    # a tier the writer does not care about is none asked for
    ("I don't care about macro accounts, anybody over 5k is fine", Filters(min_followers=5_000)),
    # languages: after 'the content is', a list's last item, Gaelic
    ("Travel creators in Hong Kong. The content is Cantonese.", Filters(countries=("HK",), languages=("zh",))),
    ("RPA creators on YouTube, 5k-50k, English", Filters(platforms=("youtube",), min_followers=5_000,
                                                         max_followers=50_000, languages=("en",))),
    ("bilingual Gaelic and English creators", Filters(languages=("gd", "en"))),
    # Portuguese and Spanish: a count's range with 'a', "Brasil todo", a fee per profile; Saudi as a place
    ("Precisamos de 8 a 12 perfis de moda", Filters(k=12)),
    ("Influenciadores de viagem, Brasil todo, Instagram", Filters(platforms=("instagram",), countries=("BR",))),
    ("Cachê por perfil: até R$ 2 mil", Filters(max_price_per_post=2_000)),
    ("4 beauty creators in Saudi, TikTok", Filters(platforms=("tiktok",), countries=("SA",), k=4)),
])
def test_fourteenth_session_wordings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected


@pytest.mark.parametrize(("text", "expected", "offered"), [
    # fourteenth session, second round: places of the first-contact batches v130-v133, in texts of our own
    # 'not from' rules places out; "PS" is a postscript; "Selam!" a greeting
    ("5 travel creators in France. Please not from Spain or Italy.", Filters(countries=("FR",), k=5), []),
    ("8 creators in India. PS AT is next week", Filters(countries=("IN",), k=8), []),
    ("Selam! We want 5 creators in Germany", Filters(countries=("DE",), k=5), []),
    # creators named by their trade; regions and islands briefs name
    ("Any Dutch speedrunners on Twitch?", Filters(platforms=("twitch",), countries=("NL",)), []),
    ("pet creators across the Prairies, TikTok", Filters(platforms=("tiktok",), countries=("CA",)), []),
    ("food creators in Sicily, IG", Filters(platforms=("instagram",), countries=("IT",)), []),
    # where a product is woven is offered, not applied
    ("Our scarves are woven in Scotland; we want 6 creators in Japan", Filters(countries=("JP",), k=6), ["GB"]),
    # lower-case codes and big cities before the creators
    ("hk youtubers gadgets", Filters(platforms=("youtube",), countries=("HK",)), []),
    ("cairo street food creators, 5k-50k, for our Ramadan menu", Filters(countries=("EG",), min_followers=5_000,
                                                                        max_followers=50_000), []),
    # the creators' place after Spanish 'de' and Hindi-Urdu 'se'; a form's "Scope:" line
    ("creadores de cocina de Perú y Chile", Filters(countries=("PE", "CL")), []),
    ("3 creators chahiye Lahore se", Filters(countries=("PK",), k=3), []),
    ("Scope: Spain and Portugal\n10 creators", Filters(countries=("ES", "PT"), k=10), []),
    # a script's name is the language
    ("tech creators in Taiwan posting in Traditional Chinese", Filters(countries=("TW",), languages=("zh",)), []),
])
def test_fourteenth_session_places(text: str, expected: Filters, offered: list[str]) -> None:
    parsed = parse_brief(text)
    assert parsed.filters == expected
    assert sorted(c for value in _offered_countries(parsed) for c in value) == sorted(offered)


@pytest.mark.parametrize(("text", "expected"), [
    # fifteenth session: 'or' in German and Polish joins tiers as it joins places and names (one core of joiners)
    ("Yoga Creator in Wien. Nano oder Micro. Budget 2.000 Euro.", Filters(countries=("AT",), tiers=("nano", "micro"),
                                                                          campaign_budget=2_000)),
    ("Hledáme creatory. Nano lub micro.", Filters(tiers=("nano", "micro"))),
    ("Kaffee Creator: Micro oder Macro, nur Instagram", Filters(platforms=("instagram",), tiers=("micro", "macro"))),
    # a currency code written after the amount in lower case is money as it is before it (one list of codes)
    ("food creators in Singapore, 400 sgd per post max", Filters(countries=("SG",), max_price_per_post=400)),
])
def test_fifteenth_session_wordings(text: str, expected: Filters) -> None:
    assert parse_brief(text).filters == expected
