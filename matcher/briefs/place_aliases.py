"""Everyday names of places, peoples and languages that the standard tables (ISO, countryinfo, GeoNames) spell
otherwise or leave out: "UK", "NYC", "Aussies", "Québécois", "español". Read by `matcher.briefs.places`.
"""

from __future__ import annotations

from matcher.briefs.regions import LATIN_AMERICA

# everyday names of countries that ISO and countryinfo spell otherwise
COUNTRY_ALIASES: dict[str, str] = {
    "saudi": "SA", "uk": "GB", "u.k.": "GB", "the uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US",
    "the us": "US", "the usa": "US", "the states": "US", "america": "US", "the united states": "US", "holland": "NL",
    "the netherlands": "NL", "korea": "KR", "south korea": "KR", "north korea": "KP", "russia": "RU", "czechia": "CZ",
    "czech republic": "CZ", "the czech republic": "CZ", "uae": "AE", "the uae": "AE", "emirates": "AE",
    "vietnam": "VN", "turkey": "TR", "türkiye": "TR", "ivory coast": "CI", "taiwan": "TW", "iran": "IR",
    "syria": "SY", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "naija": "NG", "mzansi": "ZA",
    "aus": "AU", "moldova": "MD", "the philippines": "PH", "philippines": "PH", "macedonia": "MK", "hong kong": "HK",
    "kosovo": "XK", "palestine": "PS", "brunei": "BN", "cape verde": "CV", "the bahamas": "BS", "ksa": "SA",
}
# short names of big cities
CITY_ALIASES: dict[str, str] = {"nyc": "US", "new york city": "US", "la": "US", "sf": "US", "bay area": "US",
                                "washington state": "US", "washington dc": "US", "washington d.c.": "US", "bc": "CA",
                                "estados unidos": "US", "eeuu": "US", "ee.uu.": "US", "the bay area": "US",
                                "silicon valley": "US", "rio": "BR", "cdmx": "MX", "metro manila": "PH",
                                "bangalore": "IN", "down under": "AU", "aotearoa": "NZ", "twin cities": "US",
                                "joburg": "ZA", "jozi": "ZA", "saigon": "VN", "hcmc": "VN", "jabodetabek": "ID",
                                "kuala lumpur": "MY", "kl": "MY", "delhi ncr": "IN",
                                # local names the alternate-name rule leaves out as words of the model's vocabulary
                                "milano": "IT", "napoli": "IT", "torino": "IT", "venezia": "IT", "münchen": "DE",
                                "wien": "AT", "genève": "CH", "normandy": "FR", "frankfurt": "DE", "cologne": "DE",
                                "kiev": "UA", "fez": "MA", "bombay": "IN", "madras": "IN"}
# extra demonyms in common use besides countryinfo's one per country
DEMONYM_ALIASES: dict[str, tuple[str, ...]] = {
    "korean": ("KR",), "koreans": ("KR",), "argentine": ("AR",), "argentinian": ("AR",), "argentinians": ("AR",),
    "scottish": ("GB",), "welsh": ("GB",), "brits": ("GB",), "brit": ("GB",), "aussie": ("AU",), "aussies": ("AU",),
    "saudi": ("SA",), "emirati": ("AE",), "kiwi": ("NZ",), "kiwis": ("NZ",), "filipina": ("PH",),
    "filipinos": ("PH",), "slovenian": ("SI",), "ecuadorian": ("EC",), "kazakh": ("KZ",), "nepali": ("NP",),
    "european": (), "scandinavian": ("DK", "NO", "SE"), "scandinavians": ("DK", "NO", "SE"),
    "nordic": ("DK", "FI", "IS", "NO", "SE"), "latin american": LATIN_AMERICA, "latam": LATIN_AMERICA,
    "north american": ("US", "CA"), "canadians": ("CA",), "americans": ("US",), "dutch": ("NL",), "swiss": ("CH",),
    "scotch": ("GB",),
    # people of a region or a city ("Québécois creators", "Texan moms")
    "québécois": ("CA",), "quebecois": ("CA",), "québécoise": ("CA",), "québécoises": ("CA",), "quebecers": ("CA",),
    "quebeckers": ("CA",), "texan": ("US",), "texans": ("US",), "californian": ("US",), "californians": ("US",),
    "bavarian": ("DE",), "parisian": ("FR",), "parisians": ("FR",), "londoner": ("GB",), "londoners": ("GB",),
    "new yorker": ("US",), "new yorkers": ("US",), "sicilian": ("IT",), "andalusian": ("ES",),
    "cornish": ("GB",), "tasmanian": ("AU",), "hawaiian": ("US",), "sardinian": ("IT",), "tuscan": ("IT",),
    "provençal": ("FR",), "flemish": ("BE",), "walloon": ("BE",), "catalan": ("ES",), "basque": ("ES",),
    "galician": ("ES",), "breton": ("FR",), "maori": ("NZ",), "māori": ("NZ",),
    # French adjectives, after the noun ("créateurs belges", "influenceuses sénégalaises", "public belge")
    "belge": ("BE",), "belges": ("BE",), "suisses": ("CH",), "sénégalais": ("SN",), "sénégalaise": ("SN",),
    "sénégalaises": ("SN",), "ivoirien": ("CI",), "ivoirienne": ("CI",), "ivoiriens": ("CI",), "ivoiriennes": ("CI",),
    "marocain": ("MA",), "marocaine": ("MA",), "marocains": ("MA",), "marocaines": ("MA",), "français": ("FR",),
    "française": ("FR",), "françaises": ("FR",), "canadien": ("CA",), "canadienne": ("CA",), "canadiens": ("CA",),
    "canadiennes": ("CA",), "tunisien": ("TN",), "tunisienne": ("TN",), "tunisiens": ("TN",), "algérien": ("DZ",),
    "algérienne": ("DZ",), "algériens": ("DZ",), "camerounais": ("CM",), "camerounaise": ("CM",),
    # adjectives countryinfo leaves out beside its nouns ("Icelander")
    "icelandic": ("IS",), "kosovar": ("XK",), "kyrgyz": ("KG",), "uzbek": ("UZ",), "luxembourgish": ("LU",)}
# demonyms whose countryinfo form names several territories: the country people mean
DEMONYM_HOME = {"american": "US", "french": "FR", "chinese": "CN", "indian": "IN", "norwegian": "NO",
                 "dominican": "DO", "congolese": "CD"}
# ISO 639-1 names people write differently from ISO
LANGUAGE_ALIASES: dict[str, str] = {
    "español": "es", "espanol": "es", "castellano": "es", "inglés": "en", "ingles": "en", "português": "pt",
    "portugues": "pt", "français": "fr", "francais": "fr", "deutsch": "de", "italiano": "it", "nederlands": "nl",
    "polski": "pl", "türkçe": "tr", "turkce": "tr", "eng": "en", "te reo māori": "mi", "te reo maori": "mi",
    "mandarin": "zh", "cantonese": "zh", "farsi": "fa", "persian": "fa", "greek": "el", "filipino": "tl",
    "tagalog": "tl", "flemish": "nl", "castilian": "es", "malay": "ms", "nepali": "ne", "swahili": "sw",
    "punjabi": "pa", "brazilian portuguese": "pt", "bahasa": "id", "bahasa indonesia": "id", "slovene": "sl",
    "norwegian": "no", "uyghur": "ug", "pashto": "ps", "oriya": "or", "odia": "or", "bangla": "bn",
    "kiswahili": "sw", "gaelic": "gd", "scots gaelic": "gd", "egyptian arabic": "ar", "gulf arabic": "ar",
    "levantine arabic": "ar", "moroccan arabic": "ar", "traditional chinese": "zh", "simplified chinese": "zh",
    "català": "ca", "catala": "ca", "euskara": "eu", "galego": "gl",  # and in other languages:
    "anglais": "en", "allemand": "de", "espagnol": "es", "néerlandais": "nl", "arabe": "ar", "portugais": "pt",
    "alemán": "de", "francés": "fr", "portugués": "pt", "englisch": "en", "französisch": "fr", "spanisch": "es",
    "italienisch": "it", "inglês": "en", "espanhol": "es", "francês": "fr", "darija": "ar",
    # the Nguni languages' own names ("English and isiZulu")
    "francophone": "fr", "francophones": "fr", "anglophone": "en", "anglophones": "en", "hispanophone": "es",
    "lusophone": "pt", "isizulu": "zu", "isixhosa": "xh", "isindebele": "nr", "siswati": "ss", "sesotho": "st",
    "setswana": "tn"}
