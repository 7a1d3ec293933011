"""The advertiser in the name of the product a brief leads with: 'Bramblewood Sparkling Elderflower Tonic. 330ml can',
'we're launching Sunny Crunch Chilli Honey Granola (400g, £4.50)', 'Kestrel X2 Pro Wireless Earbuds'.

A product's name is its maker's name, then words that say what it is (a kind of product, a flavour, an ingredient, a
feature) and model codes. Where a brief opens with such a name, or names it after 'our new', 'launching',
'introducing' or 'we make', and the name goes on to what the product is, the capitalized words before the first of
them are the advertiser. Read only when no other cue names the advertiser.
"""

from __future__ import annotations

from dataclasses import replace

from matcher.briefs.amounts import amount_at
from matcher.briefs.brand_layout import reading_span
from matcher.briefs.brand_shapes import model_code
from matcher.briefs.brand_words import COMMON_OPENERS, GREETINGS, NOT_SELF_NAMES, OCCASIONS
from matcher.briefs.lexicon import AUDIENCE_NOUNS, CREATOR_NOUNS, MEASURES, NOT_NAMES
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading, claimed_reading
from matcher.briefs.spans import clean_name, is_place_or_platform
from matcher.briefs.tokens import Tokens

# words that say what a product is: kinds of goods, their forms, flavours and ingredients, features and editions
# (food and drink, beauty and care, home, tech, baby and pet, sport); a maker's name is none of them
PRODUCT_WORDS = frozenset("""
tonic soda water juice drink drinks beverage tea teas coffee latte espresso brew beer lager ale ipa stout cider wine
rosé rose red white sparkling spritz gin vodka rum whisky whiskey liqueur kombucha smoothie shake milk oat oats
barista energy zero sugar sugar-free protein bar bars snack snacks chips crisps crackers cracker cookies cookie biscuits
chocolate candy gum granola cereal muesli honey jam sauce spice spices seasoning blend rub salsa oil vinegar pasta
noodles ramen rice bread sourdough butter cheese yogurt yoghurt ice cream gelato dessert cake pie soup broth
chilli chili hot smoked smoky sweet salted sea salt vanilla cocoa caramel mango berry lemon lime ginger mint cherry
elderflower matcha jollof suya
serum cream creams lotion balm cleanser toner mask masks moisturiser moisturizer sunscreen spf oil shampoo
conditioner gel lacquer polish nail nails lash lashes brow lip lipstick gloss mascara foundation concealer blush
palette perfume fragrance parfum eau cologne deodorant soap scrub wash body face facial hair skin skincare haircare
vitamin collagen retinol niacinamide hyaluronic peptide repair bond glow hydrating
mattress pillow pillows blanket blankets duvet sheets towel towels candle candles diffuser purifier humidifier
vacuum cleaner mop kettle blender fryer air oven grill stand lamp chair desk sofa rug
earbuds headphones earphones speaker speakers phone smartphone tablet laptop watch smartwatch camera cam charger
powerbank keyboard mouse monitor console controller router drone projector tracker ring
pro max plus mini ultra lite air edition model series gen wireless smart portable electric hybrid
stroller pram diapers nappies wipes formula puree pouches toy toys
shoe shoes sneakers trainers boots sandals jacket jackets hoodie leggings shorts socks bag bags backpack bottle
bottles mug tumbler
craft fresh organic vegan natural premium handmade artisan artisanal homemade gluten-free plant-based raw wild pet dog
cat baby kids cold concentrate night day flakes
""".split())
# what introduces the product a brief is about
_LEADS = tuple(tuple(p.split()) for p in (
    "our new", "our all-new", "we're launching", "we are launching", "launching", "introducing", "meet", "we make"))
# a label that opens a line with the product ("PRODUCT: LUMA Lash Lift Serum"; not "| Product: Nova 12 Pro phone")
_LABEL_LEADS = tuple(tuple(p.split()) for p in (
    "new :", "product :", "new product :", "launch :", "brief —", "brief –", "brief -", "brief :"))
_GREETING_WORDS = frozenset({"morning", "evening", "afternoon", "hiya"})
_GREETING_ENDS = frozenset({"!", ".", ",", "—", "–", "-", "\n"})
_LEAD_WORDS = frozenset({"launching", "launch", "new", "introducing", "coming"})  # a date between it and a colon
_DATE_REACH = 6
_MEASURES = MEASURES | {"L"}
_MIN_KIND_WORDS = 3  # words of what the product is that a name's end must hold to leave it
_MAX_NAME = 8  # tokens of a product's name
_MAX_BRAND = 3  # tokens of the maker's name in it
_DETAIL_REACH = 6  # tokens after the name its size or price may follow within


def _product_word(word: str) -> bool:
    """The word says what the product is ('Serum', 'Gel-Effect', 'Hybrid') or numbers it ('X2', '2.0', '1L')."""
    low = word.lower()
    return low in PRODUCT_WORDS or any(part in PRODUCT_WORDS for part in low.split("-") if part) or model_code(
        word) or any(char.isdigit() for char in word)


def _starts(tokens: Tokens) -> list[tuple[int, str]]:
    """Where a product's name may start, and how it is introduced: the brief's first word ("opening"), after a lead
    ('our new', 'Launching 9/15: the'), in brackets after the kind of product ('Robot vacuum launch (Zento S8, ...')."""
    starts = [(0, "opening")]
    if tokens.lower[:1] and tokens.lower[0] in GREETINGS | _GREETING_WORDS:  # "Morning! Honeybee Hollow raw ..."
        after = next((j + 1 for j in range(1, min(4, len(tokens))) if tokens.words[j] in _GREETING_ENDS), None)
        if after is not None:
            starts.append((after, "opening"))
    first_line = next((j for j, word in enumerate(tokens.words) if word == "\n"), len(tokens))
    for i in range(len(tokens)):
        lead = tokens.phrase_at(i, _LEADS) or (tokens.phrase_at(i, _LABEL_LEADS) if i == 0 or tokens.words[
            i - 1] == "\n" else 0)
        if lead:
            starts.append((i + lead, "lead"))
        elif tokens.words[i] == ":" and i < min(first_line, _DATE_REACH) and tokens.lower[0] in _LEAD_WORDS:
            starts.append((i + 1, "lead"))  # "Launching 9/15: the Strata Pro 14 laptop stand"
        elif tokens.words[i] == "(" and i > 0 and tokens.lower[i - 1] in {"launch", "drop", "release"}:
            starts.append((i + 1, "bracket"))
    return [(start + (tokens.lower[start:start + 1] == ["the"]), how) for start, how in starts
            if start + 1 < len(tokens)]


def _name_end(tokens: Tokens, start: int) -> int:
    """End of the capitalized run (with its codes, numbers, '&' and "'s") that starts at `start`."""
    end = start
    while end < len(tokens) and end - start < _MAX_NAME and tokens.free(end, end + 1) and (
            tokens.words[end][:1].isupper() or any(char.isdigit() for char in tokens.words[end])
            or (end > start and tokens.words[end] in {"&", "'s", "’s"})):
        end += 1
    return end


def _kind_after(tokens: Tokens, end: int) -> bool:
    """Lower-case words of what the product is follow the name ('smart pet camera', 'raw wildflower honey')."""
    j = end
    while j < len(tokens) and tokens.words[j].islower() and tokens.words[j].isalpha() and j - end < 3:
        if tokens.lower[j] in PRODUCT_WORDS:
            return True
        j += 1
    return False


def _described(tokens: Tokens, end: int) -> bool:
    """The product's size or price follows its name ('(30ml, €29)', '. 330ml can', '\\n42-hour battery ... $129.99')."""
    for k in range(end, min(end + _DETAIL_REACH, len(tokens))):
        amount = amount_at(tokens, k)
        if amount is None:
            continue
        # a measure in its own case: "400g", "1L", "30 ml" (not the "G" of "5G")
        unit = tokens.words[amount.end] if amount.end < len(tokens) else ""
        if amount.currency is not None or {unit, tokens.words[k].lstrip("0123456789.,")} & _MEASURES:
            return True
    return False


def brand_of_product_name(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Haferwerk Barista Oat 1L – vegan coffee creators', 'we make Loomly weighted blankets (7kg, 9kg)'."""
    if tokens.lower[:1] in (["a"], ["an"]):
        return None  # "A kitchen appliance brand ... launching the AirChef 5 air fryer": one unnamed maker's product
    for start, how in _starts(tokens):
        end = _name_end(tokens, start)
        if end == start or not tokens.words[start][:1].isupper() or not tokens.words[start][:1].isalpha() or (
                amount_at(tokens, start) is not None):
            continue  # "KSh 3.5M total": money, no name
        # "Mama Oyelaran's Jollof Sauce": the maker's name before its "'s"
        possessive = next((j for j in range(start + 1, end) if tokens.words[j] in {"'s", "’s"}), None)
        brand_end = possessive if possessive is not None else next(
            (j for j in range(start, end) if _product_word(tokens.words[j])), end)
        kind_after, described = _kind_after(tokens, end), _described(tokens, end)
        kind_named = any(tokens.lower[j] in PRODUCT_WORDS or ("-" in tokens.words[j] and _product_word(tokens.words[j]))
                         for j in range(brand_end, end)) or kind_after
        # the name ends where its product's details start; "Tesla Model 3 mods, EV road trips" is a topic
        detailed = end == len(tokens) or tokens.is_punct(end) or kind_after or described
        # "we make Loomly weighted blankets": after a lead the whole name is the maker's when what it is follows in
        # lower case ("Fresh pasta kits for Gen Z", "Dog shampoo creators" open with a capital, no name)
        whole = brand_end == end and how != "opening" and kind_after
        if not start < brand_end <= start + _MAX_BRAND or (brand_end == end and not whole) or not detailed or not (
                kind_named or how == "bracket" or described):
            continue
        if not all((any(char.isalpha() for char in word) or word == "&") and not word.endswith("-")
                   for word in tokens.words[start:brand_end]) or tokens.words[brand_end - 1] == "&":
            continue  # "Sub-50k skincare TikTokers": no name; "Karak & Chips combo": '&' joins two kinds of goods
        if any(word in NOT_NAMES or word in COMMON_OPENERS or word in GREETINGS or word in NOT_SELF_NAMES
               or word in OCCASIONS or word in CREATOR_NOUNS or word in AUDIENCE_NOUNS
               for word in tokens.lower[start:brand_end]) or is_place_or_platform(tokens, start, brand_end, places):
            continue
        return claimed_reading(tokens, "brand", clean_name(tokens, start, brand_end), start, brand_end)
    return None


def without_product_kind(tokens: Tokens, reading: Reading) -> Reading:
    """'Quillo Retinol Night Cream', 'Curl Theory Bond Repair Mask': what the product is leaves the maker's name
    ('Halcyon Gin' stays whole)."""
    start, end = reading_span(tokens, reading)
    cut = end
    while cut - start > 1 and tokens.words[cut - 1][:1].isupper() and _product_word(tokens.words[cut - 1]):
        cut -= 1
    # a maker's name may hold one word of what it sells ("Halcyon Gin", "Lumi Candles"); a product's name more
    if sum(tokens.lower[j] in PRODUCT_WORDS for j in range(cut, end)) < _MIN_KIND_WORDS or tokens.lower[
            cut - 1] in {"&", "of", "de", "the"}:
        return reading
    for j in range(cut, end):
        tokens.claimed[j] = None
    return replace(reading, value=clean_name(tokens, start, cut), phrase=tokens.span_text(start, cut),
                   end=tokens.ends[cut - 1])
