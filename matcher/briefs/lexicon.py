"""The closed word classes the brief reader looks for: cue words, creator nouns, scales, number words.

Places, demonyms and languages come from standard tables (`matcher.briefs.places`); what is here are the
small closed classes of English that no standard lists for this use: the words that introduce a
constraint ("at least", "based in", "sponsored by") and the nouns that name creators or audiences.
Every list is lower case and matched against the lower-cased tokens of spaCy's English tokenizer.
"""

from __future__ import annotations

# platform names and their usual short forms and -er forms; X counts only as "on X" (reader.py)
PLATFORM_WORDS: dict[str, str] = {
    "instagram": "instagram", "insta": "instagram", "ig": "instagram", "instagrammer": "instagram",
    "instagrammers": "instagram", "instagramer": "instagram", "instagramers": "instagram",
    "tiktok": "tiktok", "tiktoks": "tiktok", "tiktoker": "tiktok", "tt": "tiktok",
    "tiktokers": "tiktok", "youtube": "youtube", "yt": "youtube", "youtuber": "youtube", "youtubers": "youtube",
    "twitter": "twitter", "tweeters": "twitter", "facebook": "facebook", "fb": "facebook", "twitch": "twitch",
    # the creators of a platform in French, Romanian and Polish ("youtubeurs", "tiktokeri", "youtuberzy")
    "youtubeur": "youtube", "youtubeurs": "youtube", "youtubeuse": "youtube", "youtubeuses": "youtube",
    "youtuberi": "youtube", "youtuberzy": "youtube", "tiktokeur": "tiktok", "tiktokeurs": "tiktok",
    "tiktokeuse": "tiktok", "tiktokeuses": "tiktok", "tiktokeri": "tiktok", "tiktokerzy": "tiktok",
    "tiktokerów": "tiktok"}
# two-token platform names as the tokenizer splits them
PLATFORM_PHRASES: dict[tuple[str, ...], str] = {("tik", "tok"): "tiktok", ("you", "tube"): "youtube",
                                                ("tick", "tock"): "tiktok"}

# nouns that name the creators asked for (a count or a demonym before them is a constraint)
CREATOR_NOUNS = frozenset("""
creator creators influencer influencers account accounts profile profiles name names ambassador ambassadors partner
人 名 명
partners talent talents kol kols koc kocs profils créateurs créatrices influenceurs blogger bloggers bloger blogers
vlogger vloggers youtuber youtubers tiktoker
tiktokers
instagrammer instagrammers instagramer instagramers couple couples tutor tutors ppl streamer streamers gamer gamers
podcaster podcasters filmmaker speedrunner speedrunners
filmmakers artist artists photographer
photographers videographer videographers model models mom moms mum mums mommy mommies mother mothers dad dads father
fathers parent parents family families chef chefs cook cooks baker bakers foodie foodies trainer trainers coach
coaches athlete athletes runner runners cyclist cyclists climber climbers surfer surfers skater skaters traveler
travelers traveller travellers nomad nomads hiker hikers yogi yogis instructor instructors teacher teachers student
students reviewer reviewers expert experts enthusiast enthusiasts lover lovers fan fans owner owners designer
designers stylist stylists makeup-artists mua muas barber barbers dancer dancers musician musicians singer singers
producer producers dj djs comedian comedians writer writers author authors reader readers booktoker booktokers
bookstagrammer bookstagrammers gardener gardeners decorator decorators diyer diyers crafter crafters nutritionist
nutritionists dietitian dietitians doctor doctors nurse nurses vet vets entrepreneur entrepreneurs voice voices
personality personalities celebrity celebrities person persons channel channels page pages micro-influencers
nano-influencers macro-influencers mega-influencers people folks guys women men girls perfiles perfis perfili
profilen profils influenciadores influenciadoras creadores creadoras criadores criadoras creatori créateurs
créatrices influencerinnen influenceurs influenceuses influencerin blogueiros blogueiras blogueros pax peoples
pessoas personas candidates accts educators narrators advocates skiers players overlanders girlies familias
famílias mães madres mamás mamis microinfluenciadoras microinfluenciadores microinfluencers nanoinfluencers
cosplayers cosplayer kişi maman mamans mamme
influenceur influenceuse créateur créatrice youtubeur youtubeurs youtubeuse youtubeuses tiktokeur tiktokeurs
tiktokeuse tiktokeuses creador creadora influenciador influenciadora criador criadora blogueiro blogueira
tiktokeri youtuberi influenceri creatori bloggeri influencerițe influencerzy influencerki influencerek
influencerów twórcy twórców twórczynie blogerki blogerzy tiktokerzy tiktokerów youtuberzy kreator kreatorzy
kreatörer influerare influenceři fenomen fenomenler
""".split())  # the last four lines: the words of French, Spanish, Portuguese, Romanian, Polish, Swedish, ...
# nouns that name the audience or market; a place or demonym right before them describes the creators' reach
AUDIENCE_NOUNS = frozenset("""
audience audiences follower followers viewer viewers consumer consumers customer customers shopper shoppers buyer
buyers market markets user users reader readers listener listeners subscriber subscribers community communities gen
millennials millennial zoomers households public
""".split())
# words that may stand between a demonym or count and its creator noun ("German fitness creators")
MAX_WORDS_BETWEEN = 2

# follower sense: a bound is about followers when one of these is next to the amount
FOLLOWER_NOUNS = frozenset("""
follower followers subscriber subscribers subs sub fans fan audience audiences followership following reach
seguidores abonnés abonnes abonnenten volgers obserwujących abonnents takipçi フォロワー 팔로워 구독자 粉丝 粉絲 登録者
urmăritori urmaritori inscritos inscritas iscritti sledujících követő követők följare følgere seuraajaa pengikut
followersnya pengikutnya
""".split())
# counted things that are not followers: an amount next to one of these is no follower bound
NOT_FOLLOWERS = frozenset("""
like likes view views comment comments share shares save saves download downloads stream streams play plays
impression impressions sale sales unit units order orders visit visits visitor visitors click clicks member members
employee employees product products item items post posts video videos reel reels story stories minute minutes hour
hours day days week weeks month months year years time times km mile miles step steps calorie calories kcal percent
% word words page pages copy copies ticket tickets seat seats store stores location locations country countries city
cities language languages people users customers wishlist wishlists install installs player players pack packs
bottle bottles can cans meal meals jar jars bag bags review reviews rating ratings
professionals households homes patients students branch branches outlet outlets shop shops restaurant restaurants
cafe cafes café cafés venue venues site sites staff room rooms variety varieties layer layers años anos meses
días dias semanas horas
""".split())

# a negation before a comparison turns its direction ("nobody over 1M" is a maximum)
NEGATIONS = frozenset("""
no not nobody noone none never without exclude excluding excludes avoid avoiding except skip n't nor nothing
exclusions exclusion excluded excl excl. declines decline refuse refuses reject rejects dont don't doesnt cant wont
isnt arent havent hasnt didnt nope nada não nao nicht kein keine niet nie sin sans ni nt prohibits prohibit
prohibited ban bans barred cannot skipping dropping pas excluir jangan
""".split())
NEGATION_PHRASES: tuple[tuple[str, ...], ...] = (
    ("no", "one"), ("no", "-", "one"), ("leave", "out"), ("rule", "out"), ("steer", "clear"), ("stay", "away"),
    ("keep", "away"), ("leave", "off"), ("filter", "out"), ("weed", "out"), ("screen", "out"), ("drop", "anyone"),
    ("drop", "anybody"), ("drop", "everyone"), ("remove", "anyone"), ("cut", "anyone"), ("drop", "creators"),
    ("away", "from", "anyone"), ("away", "from", "anybody"))

# amount scales written after a number, as a suffix ("10k") or a word ("1.5 million", "1,5 Mio.")
SCALES: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thousand": 1e3, "thousands": 1e3, "grand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6,
    "millones": 1e6, "milhões": 1e6, "milhoes": 1e6, "milhão": 1e6, "milhao": 1e6,
    "millón": 1e6, "millon": 1e6, "miljoen": 1e6, "mio": 1e6, "mil": 1e3, "mill": 1e6, "million":
    1e6, "millions": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7, "tsd": 1e3, "L": 1e5, "Cr": 1e7,
    "jt": 1e6, "juta": 1e6, "rb": 1e3, "ribu": 1e3, "tys": 1e3, "tis": 1e3,  # "5jt", "500rb"; "10 tys.", "50 tis."
    "alf": 1e3,  # Egyptian Arabic in Latin letters: "400 alf gneh"
    "tr": 1e6, "triệu": 1e6, "trieu": 1e6, "bin": 1e3, "만": 1e4,  # "5tr/post", "15 triệu"; "50 bin", "10만"
    "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "천": 1e3, "억": 1e8,  # "1万以上", "5萬~20萬", "5천~3만"
}
# scales only money is counted in: Vietnamese millions ("juta" and "ribu" count followers too: "10rb followers")
MONEY_SCALES = frozenset({"tr", "triệu", "trieu"})
# the number words a count is written with ("a dozen", "five creators")
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "couple": 2, "pair": 2,
    # French, Spanish and Portuguese ("deux créateurs", "cinco creadores", "quatro criadores")
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "dix": 10, "douze": 12, "quinze": 15,
    "vingt": 20, "cuatro": 4, "cinco": 5, "siete": 7, "ocho": 8, "diez": 10, "doce": 12, "quince": 15, "veinte": 20,
    "três": 3, "quatro": 4, "oito": 8, "dez": 10, "doze": 12, "vinte": 20,
}
COUNT_PHRASES: dict[tuple[str, ...], int] = {
    ("a", "dozen"): 12, ("half", "a", "dozen"): 6, ("two", "dozen"): 24, ("a", "couple", "of"): 2,
    ("a", "pair", "of"): 2, ("dozen",): 12, ("une", "demi", "-", "douzaine"): 6, ("demi", "-", "douzaine"): 6,
    ("une", "douzaine"): 12, ("media", "docena"): 6, ("una", "docena"): 12, ("meia", "dúzia"): 6,
}
COUNT_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "top", "shortlist of", "short list of", "short-list of", "list of", "shortlist", "a shortlist of",
    "a list of", "roster of", "a roster of", "a team of", "team of", "a group of", "group of", "a pool of",
    "pool of", "a squad of", "squad of", "a mix of", "selection of", "a selection of", "longlist of",
    "creator count :", "no. of creators :", "no . of creators :", "number of creators",
    "a longlist of", "long list of", "a long list of", "how many =", "how many :", "number of creators :",
    "number of creators =", "number of influencers :", "number :", "quantity :", "volume :", "headcount :",
    "creators :", "influencers :", "count :", "# of creators :", "creators wanted :", "creators needed :", "qty :",
    "limit :",
    "qty",
    "number of creators wanted :", "proposal of", "a proposal of", "a total of", "cantidad :", "quantidade :",
    "quantité :", "anzahl :", "quantità :", "k =", "profiles of", "share profiles of", "names of",
))

# 'and' and 'or' in the languages briefs are written in, and the marks that join names as they do: the joiners of a
# list of languages, places, tiers or names, each list adding its own words ("as well as", "nor", "either")
AND_OR = frozenset({",", "&", "/", "+", "and", "or", "y", "o", "e", "ou", "et", "und", "oder", "og", "och", "eller",
                    "lub", "albo", "ili", "sau", "atau", "dan", "hoặc", "và", "ve"})
# money: the codes a brief writes before its digits in any case ("usd 500", "Ksh 20,000"), the words that name a
# currency (the codes among them), and cues that make a bare amount money ("budget 15k")
CURRENCY_CODES = frozenset("""usd eur gbp chf sek nok dkk pln inr brl aud cad r$ zł sgd aed jpy a$ c$ nzd mxn s$ us$
hk$ nz$ rs cop clp ars pen php idr myr thb vnd ngn kes zar egp mad try ils krw twd hkd cny rmb rm mx$ kr rp
s/ ksh tk""".split())
CURRENCY_WORDS = CURRENCY_CODES | frozenset("""
$ € £ ¥ ₹ ₩ ₺ ₽ ₴ ₱ ₦ ₫ ₪ ₸ ₾ ฿ ₡ zł kr r$ ca$ au$ nz$ us$ hk$ c$ a$ s$ mx$ usd eur euro euros gbp chf sek nok dkk pln
inr brl jpy cny aud cad nzd tl ft nt$
mxn try krw zar huf czk ron aed sar dollar dollars bucks pound pounds quid rupees rupee reais real yen francs franc
kronor kronur krone kroner zloty zlotys lira pesos peso soles sol rand yuan renminbi won liras naira cedis cedi
shillings dirhams dirham riyals riyal baht ringgit rupiah dong dinar dinars lei forint koruna korun rs rs. cop clp
ars pen php idr myr thb vnd ngn kes egp mad ils twd hkd rmb rm r rp s/ fcfa e£ ksh gh₵ ₵ kč cfa rubles ruble roubles
rouble đ 円 원 元 ドン fr. rub руб руб. rubley uah грн grn hryvnia hryvnias kzt tenge lari amd dram drams byn
tk taka bdt gneh geneh ginih
""".split())
BUDGET_CUES = frozenset("""
budget budgets spend spending budgeted invest investment pot fund funds verba presupuesto orçamento envelope
enveloppe gesamt insgesamt gesamtbudget kampagnenbudget budżet rozpočet költségvetés totaalbudget campagnebudget
budsjett budjetti
""".split())
# words that give what the product costs ("RRP", "priced from", "retails at"): its price, not a fee or a follower count
PRODUCT_PRICE_WORDS = frozenset({"msrp", "rrp", "retail", "retails", "priced", "costs"})
PRICE_CUES = frozenset("""
rate rates fee fees price prices pay paying paid payment cpp cost costs compensation remuneration honorarium per-post
honorar honorare compenso onorario rémunération remunération remuneración remuneração vergütung verguetung gage
cachet tarif tarifa wynagrodzenie honorář odměna vergoeding pago
""".split())
# units of measure after a number: "250 ml", "a pot of 900g" (no count of creators, no money)
MEASURES = frozenset("ml cl l g kg mg oz lb lbs mm cm km kcal µg iu".split())
# what one payment buys: "$500 per post", "€300/reel", "1k each"
PER_UNIT = frozenset("""
post posts video videos reel reels story stories tiktok tiktoks tweet tweets short shorts deliverable deliverables
piece pieces creator creators influencer influencers person head account accounts upload uploads collab
collaboration integration integrations mention mentions stream streams livestream livestreams session sessions
thread threads episode episodes one talent partner publication publications placement placements vid vids clip
clips vídeo vídeos creador creadora creadores influenceuse influenceuses influenciador influenciadora
beitrag beiträge contenuto contenuti publicación publicacion publicaciones publicação publicacao pubblicazione
créatrice créatrices créateur créateurs createur article articles artikel posting profilo profil pop vidéo vidéos konten
perfil perfis
""".split())
# between an amount and its "per post": taxes and a price's punctuation ("500 € + IVA per contenuto",
# "1.800 € netto pro Creator", "CHF 900.– per post", "$100 flat per video")
TAX_WORDS = frozenset("""
+ .– – - ,- netto net brutto gross ht ttc iva vat mwst btw tva zzgl inkl exkl incl excl plus tax taxes hors flat
hst gst pst qst
""".split())
PER_WORDS = frozenset({"per", "/", "a", "an", "each", "for", "every", "por", "pro", "par", "by"})
# before an amount: "per creator maximum 1500", "price for one video not more than 300€", "every influencer max"
PER_BEFORE = frozenset({"per", "each", "every", "one", "a", "single", "any", "individual", "pro", "por", "par"})

# creator nouns that name the creators themselves, not people fond of a thing ("mega fans", "lovers of Japan")
CREATOR_NOUNS_NOT_FANS = CREATOR_NOUNS - {"fan", "fans", "lover", "lovers", "owner", "owners"}
# creators by their trade, not by what they love ("paris fans" are fans of the city)
CREATORS_BY_TRADE = frozenset({"creators", "creator", "influencers", "influencer", "bloggers", "vloggers", "youtubers",
                               "tiktokers", "instagrammers", "streamers", "kols", "ugc"})
TIER_WORDS = ("nano", "micro", "macro", "mega")
# after a tier word: it names a creator size only when one of these follows ("micro-influencers")
TIER_FOLLOWERS = frozenset("""
tier tiers level size sized sized-creators creators creator influencers influencer accounts account bloggers blogger
kols kol talent talents profiles names ones youtubers tiktokers streamers gamers instagrammers
""".split()) | CREATOR_NOUNS_NOT_FANS  # "mega fans" are not a tier

# place cues: a place after them is where the creators are ("based in Texas")
PLACE_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "in", "in all", "in all of", "across", "throughout", "within", "near",
    "based in", "based out of", "located in", "living in", "who live in",
    "that live in", "live in", "residing in", "resident in", "out of", "all over", "around", "in the", "across the",
    "pan", "pan -", "based in the", "all across", "all across the", "anywhere in", "anywhere in the", "en", "em",
    "au", "aux", "based", "sa", "domicile", "domicile in", "domiciled in", "domisili", "domisili di", "ở",
    "nationwide", "nationwide in", "only for", "is only for", "push into", "push into the", "expand into",
    "expand into the", "expanding into",
    "expanding into the", "expansion into", "expansion into the", "launch into", "launching into", "move into",
    "moving into", "break into", "breaking into", "break into the", "breaking into the", "enter", "entering",
    "in the state of", "in the states of", "in the province of", "in the provinces of", "in the region of",
    "in the regions of", "coast of", "east coast of", "west coast of", "parts of", "namely", "namely the", "i.e.",
    "e.g.", "such as",
    "especially", "mainly", "mostly", "primarily", "particularly", "specifically", "somewhere in", "in and around",
    "throughout the", "within the", "based in the", "located in the", "living in the", "around the", "in der",
    "in whole", "in the whole", "à",
    "aus", "aus der", "basé à", "basés à", "basée à", "basées à", "basé au", "basés au", "basés en", "basé en", "di",
    "area", "area :", "geo", "per country for", "per market for", "target is", "target market is", "target markets are",
)) + tuple((*cue, part) for cue in (("in", "the"), ("across", "the"), ("based", "in", "the"), ("live", "in", "the"),
                                   ("living", "in", "the"), ("throughout", "the"))
           # "live in the southeastern US": a part of the country, read as the country
           for part in ("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "northeastern", "northwestern", "southeastern", "southwestern", "north-east", "north-west",
                        "south-east", "south-west", "coastal", "rural", "urban")) + tuple(
    # "in the south of France", "across the North West of England"
    (*lead, *part.split(), "of") for lead in (("in", "the"), ("across", "the"), ("throughout", "the"))
    for part in ("north", "south", "east", "west", "centre", "center", "north west", "north east", "south west",
                 "south east", "north-west", "north-east", "south-west", "south-east")) + tuple(
    # "30 tech influencers in Europe: Germany, France, Italy": the list after the colon names the markets
    (lead, *region.split(), ":") for lead in ("in", "across") for region in (
        "europe", "asia", "africa", "latam", "latin america", "the eu", "the nordics", "scandinavia", "the gulf",
        "gcc", "mena", "apac", "southeast asia", "south america", "north america", "the middle east"))
# words before "in": the place is a destination or an origin, not where the creators are
DESTINATION_WORDS = frozenset("""
made woven knitted sewn stitched handmade hand-made handcrafted hand-crafted tailored assembled dyed milled carved
produce produces producing produced brewed distilled roast roasts brew brews bake bakes grow grows farm farms sell
sells selling shipped ships source sources makes crafted established grown sourced born founded manufactured designed
crafted built printed baked roasted harvested raised bottled headquartered hq hiking trekking travel travels traveling
travelling travelled traveled trip trips holiday holidays vacation vacations honeymoon honeymoons backpacking touring
tour tours road-trip roadtrip skiing surfing camping diving sightseeing visit visits visiting visited stay stays
staying stayed route routes flight flights fly flies rode hiked walked sailed climbed cycled biked backpacked toured
roamed went weekend weekends getaway getaways adventure adventures journey journeys cruise cruises safari abroad
exploring explore explored wandering living-abroad expat expats moved studied studying study famous popular shot filmed
photographed vineyards vineyard villa villas hotels hotel resorts resort restaurants restaurant cafes cafe beaches
beach streets street markets since launched operating operate established started stores shops branches offices
factories locations outlets festival festivals shoot shoots race races event events conference concert concerts
tournament expo fair pressed handmade hand-made
""".split())
# after "from": a place is the creators' home only when one of these comes just before it
FROM_HOME_NOUNS = CREATOR_NOUNS | AUDIENCE_NOUNS
# marks a whole-segment field label in keyword briefs ("Market: DACH", "Geo - UK")
FIELD_LABELS = frozenset("""
market markets geo geos region regions country countries location locations territory territories target targeting
area areas audience audiences geography mercados mercado marchés marché märkte markt mercati praças praça pays
scope
""".split())
PLACE_AFTER = frozenset({"only", "-only", "market", "markets", "-wide", "wide", "-based", "based", "nationwide",
                         "city", "area",  # "sport nutrition bloggers, Kharkiv city"
                         "todo", "toda", "inteiro", "entero", "entera"})  # "Brasil todo"

# labels of a form's language field ("Idioma: castellano", "Language - polish only")
LANGUAGE_LABELS = frozenset("""
language languages lang idioma idiomas langue langues sprache sprachen língua lingua język jezyk taal
""".split())
# a language: "X-speaking", "in X", "X speakers", "bilingual X and Y"
LANGUAGE_AFTER = frozenset("""
speaking speaker speakers language languages -speaking -language speaking-creators lang langs
""".split())
LANGUAGE_BEFORE: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "in", "speak", "speaks", "speaking", "fluent in", "posts in", "post in", "posting in", "content in",
    "videos in", "video in", "create in", "creates in", "creating in", "write in", "writes in", "writing in",
    "talk in", "talks in", "talking in", "narrated in", "subtitled in", "captions in", "communicate in",
    "bilingual", "bilingue", "bilingues", "bilingüe", "bilingües", "zweisprachig", "native", "publishes in",
    "publish in", "record in", "records in", "produce in", "only in",
    "language", "language :", "languages :", "languages", "in either", "en", "content en", "em",
    "in both", "post in both", "content in both", "language is", "languages are", "language should be", "lang :",
    "language can be", "languages can be", "language must be", "language may be", "language (", "languages (",
    "lang . :", "lang", "langs :", "content language :",
    "make content on", "makes content on", "content on", "content", "konten", "konten full", "auf",
    "content is", "content must be", "content should be", "content will be",
))

MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# calendar words and generations: a capitalized word after "for" that is none of these may be a brand
NOT_NAMES = MONTHS | WEEKDAYS | frozenset("""
christmas xmas easter halloween thanksgiving ramadan eid diwali hanukkah valentine valentine's valentines mother's
holi songkran raya hari navratri onam pongal lohri chuseok tet nowruz hanami obon carnival carnaval oktoberfest
shabbat sabbath passover yom kippur rosh hashanah sku skus lebaran muertos tết cny valentijn valentinstag
weihnachten muttertag vatertag navidad pascua pâques ostern kerst kerstmis sinterklaas
father's mothers fathers singles singles' year summer winter spring autumn fall gen z x alpha millennials
boomers zoomers q1 q2 q3 q4 h1 h2 i we you he she they it our my your their his her its
this that these those the a an tbd tbc tba asap fyi n/a vat gst tax taxes iva tva mwst ust shipping fees
rfp rfq sow
""".split())

# advertiser and request words: they say who asks and what for, not the niche; they leave the embedded text
REQUEST_WORDS = frozenset("""
brand brands company companies startup start-up startups label labels business businesses agency agencies client
clients advertiser advertisers campaign campaigns want wants wanted need needs needed seek seeks seeking looking
search searching find hire hiring creator creators influencer influencers content partner partners partnership
partnerships collaborate collaboration collab collabs promote promotes promoting please hi hello dear team thanks
thank regards cheers chain chains shop shops store stores accounts account people person persons bloggers blogger
who whose which that their they them his her its some post posts posting share shares sharing collaborates
""".split())
# goods a price 'each' belongs to ("340g jars, £7 each"); what 'budget' describes as cheap ("budget meals")
GOODS = frozenset("""jars jar bottles bottle boxes box sizes flavours flavors packs bags bars tins cans candles tickets
items products units sets kits colours colors models variants skus cakes bouquets plates""".split())
CHEAP_THINGS = frozenset("""meals meal recipes recipe travel tips hacks eats food fashion friendly -friendly cooking
shopping living buys finds options airline airlines hotel hotels trips trip""".split())
# people named by what they love, own or use: a demonym before their object may belong to the object
OBJECT_NOUNS = frozenset("""lover lovers fan fans owner owners reviewer reviewers enthusiast enthusiasts collector
collectors buyer buyers drinker drinkers eater eaters user users""".split())
# words after a place that make it the only market ("FR uniquement", "Canadian only please")
PLACE_ONLY = frozenset({"only", "uniquement", "seulement", "solo", "apenas", "nur", "exclusively"})
