"""The words that introduce the advertiser's name: verbs after it ("Oatly wants"), cues before it ("on behalf of",
"Für unseren Kunden"), and the generic words a description of the advertiser starts with ("Nail polish company").

Closed classes of English and the languages briefs mix in, lower case, matched against the lower-cased tokens of
spaCy's English tokenizer (as `matcher.briefs.lexicon`).
"""

from __future__ import annotations

# advertiser: "Oatly wants", "Sony is launching"; a name followed by one of these is the brief's brand
BRAND_VERBS: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "wants", "want", "needs", "need", "seeks", "is seeking", "is looking", "are looking", "is launching",
    "are launching", "launches", "is searching", "searches", "search", "is hiring", "would like", "'d like",
    "is planning", "plans", "is after", "is recruiting", "is running", "is introducing", "is releasing",
    "releases", "is opening", "is building", "is partnering", "is casting", "is expanding", "is rolling",
    "here", "is back", "has", "is on the lookout", "looking", "seeking", "launching", "searching", "is teaming",
    "is relaunching", "relaunches", "is rebranding", "invites", "is inviting", "wishes", "is putting", "is kicking",
    "is preparing", "will launch", "is celebrating", "celebrates", "asked us", "has asked us", "is flying", "flies",
    "have more than", "have over",
    "is dropping", "drops", "makes", "make", "sells", "produces", "produce", "offers", "ships", "is entering",
    "is happy to", "are happy to", "is requesting", "requests", "kindly request", "kindly requests", "has approved",
    "is inviting", "invites", "is running", "is planning",
    "is stepping", "is bringing", "opens", "open", "is a", "is an", "is the", "are a", "brews", "roasts",
    "designs", "creates", "would love", "is small", "look for", "looks for", "are after", "would ideally like",
    "team here", "brand team here", "marketing team here", "marketing here",
    "vai lançar", "va a lanzar", "lanza", "lança", "quiere", "quer", "busca", "procura", "necesita", "precisa",
    "veut", "cherche", "sucht", "möchte",
    # a client's decision reported by its agency: "Toyota confirmed the activation", "Lidl signed off on wave 2"
    "confirmed", "has confirmed", "signed off", "has signed off", "approved", "loves", "is pushing", "briefed us",
    "has briefed us", "asked for", "is asking for", "green-lit", "greenlit", "has green-lit",
))
BRAND_CUES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in (
    "client", "kunde", "für kunde", "forwarding from", "forwarded from", "founder of", "co-founder of",
    "cofounder of", "owner of", "klant", "pour le client", "für den kunden",
    "brand :", "brand is", "brand name :", "brand name", "brand of me is", "brand of us is", "our brand name is",
    "brand -", "client :", "client is", "advertiser :", "advertiser is",
    "our brand", "our brand is", "our client", "our client is", "our client ,", "on behalf of",
    "on behalf of our client", "we represent", "representing", "i write for", "i work for", "i work at",
    "writing for", "i 'm writing for", "marketing from", "marketing for", "called", "named", "brief for",
    "brief for :", "brief from", "brief :", "new brief from", "brand =", "client =", "this is for",
    "client 's", "for client", "for the client", "client 's (", "the client 's (", "the client ,", "i started",
    "i founded", "we founded", "i run", "we run", "working for", "we are working for", "we are from", "we 're from",
    "who founded", "from client (", "from client",
    "i represent", "it 's for", "this one is for", "greetings from", "hello from", "hi from",
    "the name is", "our name is", "name is", "we develop", "we created", "we built", "we launched", "somos",
    "somos a", "somos o", "somos la", "somos el", "nuestro cliente es", "nosso cliente é", "cliente :",
    "cliente es", "marca :", "de parte de", "nous sommes", "wir sind", "advertiser : this is for", "project :",
    "organiser of", "for the launch of", "for the relaunch of", "for our new launch of",
    "organizer of", "we are company", "we are the company", "we are brand", "campaign brief :", "client brief :",
    "our company is", "company name :", "i run marketing at", "i am marketing from", "i 'm marketing from",
    "brand name is", "we are", "we 're", "we're", "this is", "i 'm from", "i am from", "i 'm with",
    "i am with", "office at", "office at the", "department at", "lead at", "lead at the", "manager at the",
    "here from", "writing from", "writing on behalf of", "the team at", "team at", "marketing at",
    "marketing team at", "marketing manager at", "brand manager at", "pr team at", "for our brand",
    "for our client", "our company", "our company is", "company :", "sponsor :", "account :", "campaign for",
    "partnership with us at",
    "i write from", "prepared by", "brief prepared by", "studio :", "publisher :", "pour notre client",
    "notre client", "pour notre marque", "the client ,", "brief —", "brief –", "brief /", "brief -",
    "side at", "here at", "us at", "here is", "acct :", "it 's", "our customer", "for our customer",
    "our customer is", "were", "brand name to use :", "brand to use :", "name to use :", "official store of",
    "that 's us ,", "that 's us :", "thats us ,", "that 's us -", "that 's us —", "who we are :", "dealer group :",
    "group :", "retailer :", "client update from", "marketing department of", "the marketing department of",
    "agency for", "the agency for", "i own", "we own", "owner of", "co-owner of", "the owner of", "family runs",
    "family owns", "brand name -", "client side :", "issued by :", "issuer :",
    "für unseren kunden", "für unsere kundin", "für den kunden", "kunde :", "kundin :", "klient :", "klant :",
    "per il nostro cliente", "per la nostra cliente", "para nuestro cliente", "para nuestra clienta",
    "voor onze klant", "dla naszego klienta", "pour notre cliente", "för vår kund", "for vår kunde", "somos the",
    "organisation of", "organization of", "the organisation of", "the organization of", "i am from marketing",
    "i 'm from marketing", "briefing —", "briefing –", "briefing -", "briefing :", "brief de campaña —",
    "brief de campaña :", "brief de campaña –", "company of me is", "les escribo de", "te escribo de", "escribo de",
    "del cliente", "do cliente", "da cliente", "du client", "soy de", "sou da", "sou do", "les escribimos de",
    "pr office of", "the pr office of", "press office of", "the press office of",
    "i write from the pr office of", "writing from the pr office of", "i write from the press office of",
    "sou do time da", "sou do time do", "sou da equipe da", "sou da equipe do", "soy del equipo de", "for the brand",
    "desde", "kunde ist", "kundin ist", "unser kunde ist", "klant is", "onze klant is", "klient is", "our klient is",
    "kampagne von", "kampagne für", "campagne van", "campagne voor", "promotion at", "promotions at",
    "communications at", "communication at", "pr at",
    "para el cliente", "para la cliente", "para o cliente", "para a cliente", "per il cliente", "per la cliente",
    "pour la cliente", "für die kundin",
))
# words that start a description, not a name ("Nail polish company wants")
GENERIC_ADVERTISERS = frozenset("""
edtech fintech healthtech proptech insurtech foodtech adtech martech cleantech agritech legaltech regtech femtech
biotech medtech saas
brand brands company companies startup start-up startups label labels business businesses agency agencies client
clients advertiser advertisers retailer retailers store stores shop shops chain chains maker makers manufacturer
manufacturers firm firms team teams we i our my us everyone someone somebody anyone anybody nobody they he she it
this that these those who what which a an the another any some each every all local new small big family-run
independent seller sellers vendor vendors merchant merchants
aerolínea aerolinea marca empresa tienda loja companhia compañía agencia agência marque entreprise société boutique
marchio azienda negozio compagnia unternehmen marke laden cafetería panadería padaria boulangerie pâtisserie
""".split())  # the last two lines: the same words in the languages briefs are written in ("Aerolínea busca ...")
