"""Words the brand reader knows: cues, openers that are never a name, words for an advertiser's business."""

from __future__ import annotations

from matcher.briefs.brand_cues import BRAND_CUES, BRAND_VERBS, GENERIC_ADVERTISERS
from matcher.briefs.lexicon import BUDGET_CUES, FIELD_LABELS, FOLLOWER_NOUNS, MONTHS, PRICE_CUES, REQUEST_WORDS
from matcher.briefs.stop_words import STOP_WORDS

LOWER_OK = {("brand", ":"), ("brand", "name", ":"), ("client", ":"), ("advertiser", ":"), ("company", ":"),
             ("brand", "-"), ("sponsor", ":"), ("company", "name", ":"), ("brand", "name", "is"), ("brand", "="),
             ("client", "="), ("the", "name", "is"), ("name", "is"), ("our", "name", "is")}
SELF = frozenset({"we", "i", "our", "my", "us"})


GREETINGS = frozenset({"hi", "hello", "hey", "hola", "ciao", "hallo", "bonjour", "olá", "hiya", "salut", "hej", "hoi",
                       "salem", "salam", "merhaba", "namaste", "servus", "ahoj", "sawasdee", "privet", "howzit"})
# a reply's or a forward's prefix in a subject line ("Re:", "Fwd:", German "AW:", "WG:", Swedish "SV:", Turkish "TR:")
MAIL_PREFIXES = frozenset({"re", "fw", "fwd", "aw", "wg", "sv", "tr"})
# words after "we are" that describe the writer, not name the brand
NOT_SELF_NAMES = frozenset("""happy glad small new big local ready sure open interested pleased proud thrilled
delighted looking able keen excited grateful here still also all currently very so really based tiny young growing
independent sustainable green busy early late back sorry""".split())
# words for the advertiser's business that a name may follow ("slow fashion brand linnea")
COMPANY_NOUNS = frozenset("""brand company startup start-up label agency app shop store studio roastery bakery
brewery distillery business manufacturer maker chain retailer publisher firm fintech""".split())
VERB_WORDS = frozenset(word for verb in BRAND_VERBS for word in verb) | frozenset("""
looking seeking searching search want need make makes sell sells is are was be""".split())

# what stands where a name would, saying none is given ("Client: confidential", "Brand: TBC")
PLACEHOLDER_NAMES = frozenset({"tbd", "tbc", "tba", "n/a", "confidential", "undisclosed", "anonymous", "unnamed", "nda",
                               "secret"})
# words that may open a sentence and are never the advertiser's name
COMMON_OPENERS = STOP_WORDS | REQUEST_WORDS | BUDGET_CUES | PRICE_CUES | FIELD_LABELS | FOLLOWER_NOUNS | frozenset("""
objective background deliverables timing goal note talent tone audience context size platforms platform fees rates
brief target ask content creators influencers hi hello hey dear thanks cheers quick ideally must should would could can
will everyone nobody someone parents moms dads customers yo ok okay so well guys team folks all today tomorrow tonight
hiya
yesterday urgent fyi btw pls please asap update reminder yes no yep nope sure actually briefing disclosure kunde kundin
klient klant cliente auftraggeber boss sir madam sirs
forwarding forwarded attaching attached resending
finance legal procurement compliance management leadership hr sales accounting comms
""".split()) | PLACEHOLDER_NAMES | MONTHS  # the last line: departments, deciding but no advertiser ("Finance approved")
# words a description of the advertiser ends with ("a Swiss clean-beauty label")
ADVERTISER_NOUNS = GENERIC_ADVERTISERS | frozenset("""
app apps publisher studio roastery bakery brewery distillery operator platform service network chain maker producer
manufacturer retailer label line range restaurant cafe marketplace festival club gym academy school clinic hotel
resort airline bank fintech software tool pharmacy museum gallery insurer cooperative co-op winery farm spa salon
subscription group hotels restaurants clinics studios
""".split())
ROLE_WORDS = frozenset("""lead manager director head marketing pr comms communications brand social partnerships
founder cofounder co-founder ceo cmo owner team intern coordinator specialist executive officer assistant
mgmt""".split())


CLIENT_CUES = tuple(cue for cue in BRAND_CUES if (cue[0] in {"client", "cliente", "our", "nuestro", "nosso",
                                                                "advertiser", "on", "de"} and "brand" not in cue)
                     or cue in {("brand", ":"), ("brand", "="), ("brand", "name", ":"), ("marca", ":"),
                                ("company", ":"), ("company", "name", ":"),
                                ("for", "client"), ("for", "the", "client"), ("for", "our", "client"),
                                ("for", "the", "brand"),  # "I write from Inditex, for the brand Zara Home"
                                ("sponsor", ":"), ("issued", "by", ":"), ("issuer", ":")})


# words that end an occasion's name, not an advertiser's ("Pisco Sour Day", "Summer Sale")
OCCASIONS = frozenset({"day", "days", "week", "weekend", "night", "festival", "fest", "month", "sale", "sales"})

# the last word of an agency's own name ("Loop Agency", "Bloom Talent"): the agency that writes, not the brand
AGENCY_TAILS = frozenset({"agency", "pr", "talent", "comms", "communications", "influence", "management", "artists",
                          "rp", "comunicación", "comunicação", "mgmt"})
# the first word of an agency's own name in other languages ("Agencia Marea", "Agence Lumière")
AGENCY_HEADS = frozenset({"agencia", "agência", "agence", "agentur", "agenzia"})
