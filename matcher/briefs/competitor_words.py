"""The words of competitor exclusions: tie verbs and nouns, cues before a list of names, fillers."""

from __future__ import annotations

# competitors: verbs of a past or present tie, after a negation ("not anyone sponsored by X")
TIE_VERBS = frozenset("""
work works worked working partner partners partnered partnering collaborate collaborates collaborated collaborating
promote promotes promoted promoting sponsor sponsors sponsored endorse endorses endorsed endorsing advertise
advertises advertised advertising represent represents represented repped rep reps repping deal deals dealt post posted
posts posting done affiliated associated tied linked connected signed cooperate cooperates cooperated cooperating
cooperation cooperations endorsed promotion promotions partnership partnerships ties ambassador ambassadors
advertisement advertisements adverts
contracted relationship relationships
ligados ligadas vinculados vinculadas asociados patrocinados patrocinadas trabajado trabajaron trabajó
trabalharam trabalhou trabalhado colaborado colaboraron colaboraram gearbeitet contract trabaje trabajen
trabajan associés associées associé associée liés liées lié liée travaillé collaboré sponsorisés sponsorisé
hecho feito promocionen promocionan promocionaron promocionado promovido promoveram colaboraram colaborem
""".split())
TIE_PREPOSITIONS = frozenset({"with", "for", "by", "to", "of", "on", "from", "con", "com", "mit", "avec", "à", "pour",
                              "par", "para"})
TIE_NOUNS = frozenset("""
partners partner ambassadors ambassador deals deal sponsorships sponsorship collabs collab collaborations
collaboration ties tie affiliates affiliate contracts contract campaigns campaign creators influencers people
accounts talent conflicts conflict exclusivity
""".split())
COMPETITOR_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "competitors", "competitor", "competitors :", "competitor :", "competitors are", "competitor is", "competitor are",
    "competitors include",
    "competitors like", "competitors such as", "competing brands", "competing brands like", "exclusions :",
    "exclusion :", "exclude :", "no-go :", "blacklist :", "excluded brands :", "excluded :",
    "competing brands such as", "competing brands :", "rival brands", "rivals", "rivals like", "rivals such as",
    "to avoid =", "to avoid :", "avoid :", "avoid =", "competitor brands to avoid =", "competitor brands to avoid :",
    "competitor exclusions :", "competitor exclusions", "excluded competitors :", "exclusivity :",
    "competitive exclusions :", "competitive exclusions", "competitor block :", "competitive block :",
    "competitor blocks :", "category block :", "excl :", "no comp :", "comp :", "comps :", "no comps :",
    "brands to avoid :", "brands to avoid =", "conflicts :", "conflicts with", "no conflicts with",
    "rivals :", "rival", "competition :", "competitors e.g.", "our competitors", "our competitors are",
    "our main competitors", "our main competitors are", "main competitors", "main competitors are",
    "not :", "no :", "excluding :", "competitors to avoid are", "competitors to avoid :", "real competitors are",
    "real competitors to avoid are", "competitors to exclude :", "competitors to exclude are",
    "exclusiones :", "exclusividad :", "compétiteurs à exclure :", "concurrents :", "concurrents à exclure :",
    "wettbewerber :", "konkurrenten :", "ausschluss :", "competitors they named :", "competitor field :",
    "competitor lock :", "competitor lock : no", "competitive exclusion :", "ng :", "conflicts they named :",
    "exclusivity vs", "exclusivity vs.", "exclusivity against", "category exclusivity vs", "exclusive vs",
))
# words after a negation that may stand before the tie verb: "not anyone who has ever worked with"
TIE_FILLER = frozenset("""
anyone anybody one ones creators creator influencers influencer people person accounts account those someone
somebody talent who that which has have had 've is are was were been already recently previously ever currently in
the past last year months month years with any influencer's creator's whose also yet before lately
""".split())
