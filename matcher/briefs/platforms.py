"""Platforms a brief asks for or rules out ('on TikTok or Reels', 'no Facebook'), by their names only."""

from __future__ import annotations

from matcher.briefs.lexicon import CREATOR_NOUNS, FOLLOWER_NOUNS, NEGATIONS, PLATFORM_PHRASES, PLATFORM_WORDS
from matcher.briefs.reading import Reading
from matcher.briefs.spans import short_query
from matcher.briefs.tokens import Tokens

# short forms that count only in capitals ('IG', not 'ig')
_UPPER_ONLY = frozenset({"ig", "yt", "fb", "tt"})
# a platform mentioned as context, not as where the creators should post
_CONTEXT_AFTER = frozenset({"trend", "trends", "trending", "challenge", "challenges", "algorithm", "ads", "ad",
                            "famous", "-famous", "viral", "hack", "hacks", "shop", "stock", "data",
                            "analytics", "insights", "recipe", "recipes", "dance", "dances", "aesthetic", "sound",
                            "sounds", "audio", "song", "songs", "group", "groups"})
_CONTEXT_BEFORE = frozenset({"viral", "trending", "blew", "went", "seen", "saw", "our", "my", "from", "own", "brand",
                             "'s", "’s"})
# "keep it off X", "sem TikTok" (Portuguese), "ohne TikTok" (German)
_EXCLUDE_BEFORE = frozenset(NEGATIONS | {"other", "off", "excl", "excl.", "exclude", "excluded", "sem", "ohne", "pas"})
_OWN_ACCOUNT = frozenset({"account", "accounts", "page", "profile", "channel", "handle", "followers", "community"})


_OWNERS = frozenset({"our", "my", "notre", "mon", "ma", "nuestra", "nuestro", "nossa", "nosso", "unser", "unsere"})
_ACCOUNT_WORDS = _OWN_ACCOUNT | {"compte", "cuenta", "conta", "página", "pagina", "konto", "kanal"}


def _our_account_before(tokens: Tokens, i: int) -> bool:
    """The platform is the advertiser's own account: 'notre compte Insta', 'our page has 3.4k followers on FB'."""
    if i > 1 and tokens.lower[i - 1] in _ACCOUNT_WORDS and tokens.lower[i - 2] in _OWNERS:
        return True
    if tokens.lower[i - 1:i] != ["on"]:
        return False
    owner = tokens.near_before(i - 1, _OWNERS, 7)
    return owner is not None and any(tokens.lower[j] in _ACCOUNT_WORDS - {"followers"} for j in range(owner + 1, i))


def platform_at(tokens: Tokens, i: int) -> tuple[str, int] | None:
    """The platform named at token i and its length in tokens, or None."""
    for phrase, platform in PLATFORM_PHRASES.items():
        if tuple(tokens.lower[i:i + len(phrase)]) == phrase:
            return platform, len(phrase)
    low, word = tokens.lower[i], tokens.words[i]
    if low in PLATFORM_WORDS and not (low in _UPPER_ONLY and not word.isupper() and not _platform_context(tokens, i)):
        return PLATFORM_WORDS[low], 1
    if word == "Reels" or word == "Reel":
        return "instagram", 1
    if word in {"X", "𝕏", "X."} and i > 0 and tokens.lower[i - 1] in {"on", "and", "or", ",", "/"} and not (
            i + 1 < len(tokens) and tokens.words[i + 1] in {"-", "ray", "rays"}):
        return "twitter", 1
    if low in {"blog", "blogs"} and i > 0 and tokens.lower[i - 1] in {"their", "own", "his", "her", "a", "personal"}:
        return "blog", 1
    return None


def _platform_context(tokens: Tokens, i: int) -> bool:
    """'ig/yt', 'on ig', 'no fb', 'yt ppl': a lower-case short form where only a platform fits."""
    before = tokens.lower[i - 1] if i > 0 else ""
    after = tokens.lower[i + 1] if i + 1 < len(tokens) else ""
    near = {"/", ",", "+", "&", "or", "and"}
    # a short form that ends the brief, an item, or is followed by a word about it ("<15k ig", "📸 ig", "ig ok")
    closing = (not after or after in {",", ".", "|", "\n", "only", "ok", "okay", "first", "mainly", "fine", "too",
                                      "preferred", "reels", "stories"}) and (i == 0 or not before.isalpha() or any(
        c.isdigit() for c in before) or before in {"k", "m"})
    return (before in {"on", "no", "not", "via", "plat", ":"} or after in {"ppl", "creators", "influencers"} or closing
            or short_query(tokens, longest=20)  # "nano influencers manila moms fb": a search-box query
            or before in PLATFORM_WORDS or after in PLATFORM_WORDS  # "fb ig", "fb insta": platforms side by side
            or (before in near and i > 1 and tokens.lower[i - 2] in PLATFORM_WORDS)
            or (after in near and i + 2 < len(tokens) and tokens.lower[i + 2] in PLATFORM_WORDS))


_RULED_OUT_AFTER = (("is", "not"), ("is", "n't"), ("isn't",), ("is", "out"), ("not", "please"), ("is", "excluded"),
                    ("excluded",), ("is", "a", "no-go"), ("is", "off", "the", "table"), ("should", "be", "excluded"),
                    ("are", "excluded"), ("should", "be", "avoided"), ("are", "out"), ("are", "not", "wanted"),
                    ("shall", "not", "be", "used"), ("will", "not", "be", "used"), ("must", "not", "be", "used"),
                    ("should", "not", "be", "used"), ("we", "do", "not", "want"), ("we", "do", "n't", "want"),
                    ("we", "dont", "want"), ("is", "not", "wanted"), ("not", "in", "scope"), ("out", "of", "scope"),
                    ("is", "out", "of", "scope"), ("not", "allowed"), ("is", "not", "allowed"), ("not", "permitted"),
                    ("is", "not", "permitted"), ("is", "banned"), ("banned",))
_NOT_REQUIRED = (("is", "n't", "a", "must"), ("isn't", "a", "must"), ("is", "not", "a", "must"), ("is", "optional"),
                 ("optional",), ("is", "a", "plus"), ("not", "required"), ("is", "not", "required"))


def _negation_before(tokens: Tokens, i: int) -> int | None:
    """A negation up to five words before a platform in the same clause, with no amount or list label between."""
    for j in range(i - 1, max(i - 6, -1), -1):
        word = tokens.words[j]
        if word in {".", "!", "?", ";", "\n", "|", "•", ","} or tokens.lower[j] in {"only", "just", "but"}:
            return None
        if any(c.isdigit() for c in word) or tokens.lower[j] in {"followers", "subscribers", "than"}:
            return None
        if tokens.lower[j] in _EXCLUDE_BEFORE and (tokens.lower[j] != "off" or j == i - 1):
            return j  # "keep it off TikTok" (not "orders off one Twitch collab")
    return None


_PAST_WORDS = frozenset({"previous", "delivered", "generated", "drove", "went", "saw"})
_PAST_AFTER = tuple(tuple(p.split()) for p in ("last year", "last summer", "last month", "last season", "last time",
                                                "last christmas", "ano passado", "el año pasado", "año pasado",
                                                "l'année dernière", "letztes jahr", "back in", "that went viral",
                                                "which went viral", "that blew up", "which blew up"))
_ALREADY = frozenset({"already"})  # "our artist already has 2.3M followers on TikTok": the advertiser's own following
_CROSSES = frozenset({"❌", "✖", "✗", "🚫"})  # "YouTube ❌ Facebook ❌"
_NOT_AFTER = frozenset({"no", "not", "nahi", "nahin"}) | _CROSSES  # "Facebook no.", "Twitter bilkul nahi" (Hindi)
_TURNS = frozenset({"now", "but", "so", "want", "wants", "need", "needs", "this"})


def _past_result(tokens: Tokens, i: int) -> bool:
    """A word for a past campaign's result earlier in the platform's sentence."""
    for j in range(i - 1, max(i - 20, -1), -1):
        if tokens.words[j] in {".", "!", "?", ";", "\n"} or tokens.lower[j] in _TURNS:
            return False  # "went viral on Instagram, so now we want hiking YouTubers"
        if tokens.lower[j] in _PAST_WORDS:
            return True
    return False


def read_platforms(tokens: Tokens) -> tuple[list[Reading], list[Reading]]:
    """Platforms asked for and platforms ruled out, each reading with its phrase."""
    wanted: list[Reading] = []
    excluded: list[Reading] = []
    context_end = -1  # end of the last platform read as context
    i = 0
    while i < len(tokens):
        found = platform_at(tokens, i) if tokens.free(i, i + 1) else None
        if found is None:
            i += 1
            continue
        platform, length = found
        end = i + length
        before = tokens.lower[i - 1] if i > 0 else ""
        before2 = tokens.lower[i - 2] if i > 1 else ""
        after = tokens.lower[end] if end < len(tokens) else ""
        shop_creators = after == "shop" and bool(set(tokens.lower[end + 1:end + 2]) & CREATOR_NOUNS)
        context = (after in _CONTEXT_AFTER and not shop_creators) or before in _CONTEXT_BEFORE or (
            before in {"on", "via"} and tokens.near_before(i, {"viral", "trending", "trend", "famous", "big", "seen",
                                                               "saw", "blew", "popular", "exploded"}, 4) is not None)
        if before in {"our", "my"} and after in _OWN_ACCOUNT:
            context = True
        if _our_account_before(tokens, i) or (before == "on" and tokens.lower[i - 3:i - 1] in (
                ["we", "'re"], ["we", "are"]) and after in {"already", "too", "ourselves"}):
            context = True  # "notre compte Insta", "our page has 3.4k followers on FB", "We're on Facebook already"
        if context_end >= 0 and all(tokens.lower[j] in {"and", "or", ",", "&", "/", "+"}
                                    for j in range(context_end, i)):
            context = True  # "on our own TikTok and Instagram": the second platform is ours too
        start = i
        # "platform:yt -tiktok": a search tool's minus sign glued to the platform
        minus = before == "-" and tokens.ends[i - 1] == tokens.starts[i] and (
            i == 1 or tokens.starts[i - 1] > tokens.ends[i - 2])
        negated = minus or before in _EXCLUDE_BEFORE or (  # "no on Facebook", "pas de TikTok", "nada de Facebook"
            before in {"on", "for", "de"} and before2 in _EXCLUDE_BEFORE) or (
            after in _NOT_AFTER and (end + 1 >= len(tokens) or tokens.words[end + 1] in {",", ".", ";", "\n"})) or (
            after in _CROSSES) or (
            after == "bilkul" and tokens.lower[end + 1:end + 2] in (["nahi"], ["nahin"])) or (
            under_negative_heading(tokens, i))
        # "we do not want TikTok", "please do not propose creators on Facebook", "Excluded platforms: TikTok"
        near = _negation_before(tokens, i)
        if near is not None:
            negated = True
            before = tokens.lower[near]
        if tokens.lower[i - 2:i] in (["seguidores", "no"], ["inscritos", "no"]):
            negated, near = False, None  # "80 mil seguidores no Instagram": Portuguese 'no', 'on the'
        if not negated and (tokens.near_before(i, {"views", "likes", "impressions", "got", "reached", "hit", "heard"},
                                               4)
                            is not None or tokens.phrase_at(end, _NOT_REQUIRED)):
            context = True  # "got 2M views on TikTok", "TikTok isn't a must"
        if not negated and _past_result(tokens, i):
            context = True  # "Their previous push delivered 4.1M views and a 2.3% engagement rate, mostly on YouTube"
        if not negated and (tokens.phrase_at(end, _PAST_AFTER) or None not in (
                tokens.near_before(i, _ALREADY, 8), tokens.near_before(i, FOLLOWER_NOUNS, 3))):
            context = True  # "viralizou no TikTok ano passado", "our artist already has 2.3M followers on TikTok"
        joined_next = platform_at(tokens, end + 1) if end + 1 < len(tokens) and tokens.lower[end] in {
            "and", "or", ","} else None
        after_next = end + 1 + joined_next[1] if joined_next is not None else end
        # "YouTube, TikTok not allowed": after a comma only a plural verb rules out both ("X, Y are excluded")
        if joined_next is not None and tokens.phrase_at(after_next, _RULED_OUT_AFTER) and not (
                tokens.phrase_at(after_next, _NOT_REQUIRED)) and (tokens.lower[end] != "," or tokens.lower[
                    after_next] in {"are", "should", "must", "shall", "will"}):
            negated, near = True, i  # "Twitter and Facebook should be excluded"
        # "YouTube is not interesting for us", "Facebook is out of scope" (but "TikTok isn't a must" is context)
        if tokens.phrase_at(end, _RULED_OUT_AFTER) and not tokens.phrase_at(end, _NOT_REQUIRED):
            negated, near = True, i
            end += tokens.phrase_at(end, _RULED_OUT_AFTER)
        if (before == "than" and before2 == "other") or (before == "but" and before2 in {
                "anything", "everything", "all", "any", "platform", "platforms", "channel", "channels"}):
            negated = True
            near = i - 2
        if negated and after in {"who", "that"} and tokens.lower[end - 1].endswith(("er", "ers")):
            negated, context = False, True  # "avoid YouTuber who work with them": those creators, not the platform
        if negated:
            start = near if near is not None else (i - 1 if before in _EXCLUDE_BEFORE or minus else i - 2)
            if near is None and (after in _NOT_AFTER or after == "bilkul"):
                start = i  # "Facebook no.", "Twitter bilkul nahi": the negation follows
            joined = i > 0 and tokens.lower[i - 1] in {"or", "and", ",", "nor", "/", "&"}
            if joined and near is not None and near < i - 1:
                start = i  # "no YouTube or TikTok", "not Nike or YouTube": the words before are read on their own
            if after in _NOT_AFTER or after == "bilkul":
                end += 1 + (after == "bilkul")
            tokens.claim(start, end, "exclude_platforms")
            excluded.append(Reading("exclude_platforms", (platform,), tokens.span_text(start, end),
                                    tokens.starts[start], tokens.ends[end - 1]))
        elif context:
            context_end = end
        else:
            if before in {"on", "via"}:
                start = i - 1
            tokens.claim(start, end, "platforms")
            wanted.append(Reading("platforms", (platform,), tokens.span_text(start, end), tokens.starts[start],
                                  tokens.ends[end - 1]))
        i = end
    return wanted, excluded


_NEGATIVE_HEADINGS = frozenset({"no", "no's", "nos", "no-go", "no-gos", "nogo", "don'ts", "donts", "avoid", "exclude",
                                "exclusions", "excluded", "excluding", "never", "not"})


def under_negative_heading(tokens: Tokens, i: int) -> bool:
    """Token i opens a bullet line under a heading that rules things out ("Hard no's:", "Avoid:")."""
    # the bullet right before it, at a line's start: decided without walking back (the competitor reader asks
    # this of every filler word)
    line = i - 1
    if line < 0 or tokens.words[line] not in {"•", "-", "*", "·", "–"} or (line > 0 and tokens.words[line - 1] != "\n"):
        return False
    while line > 0:  # up over the other bullet lines to the heading
        start = line - 1
        while start > 0 and tokens.words[start - 1] != "\n":
            start -= 1
        if tokens.words[start] in {"•", "-", "*", "·", "–"}:
            line = start
            continue
        heading = tokens.lower[start:line - 1]
        return bool(heading) and heading[-1] in {":", "):"} and any(w in _NEGATIVE_HEADINGS for w in heading)
    return False
