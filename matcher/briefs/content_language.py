"""The language of the creators' content in a brief: 'Spanish-speaking', 'who post in French', 'bilingual EN/ES'."""

from __future__ import annotations

from matcher.briefs.lexicon import AND_OR, CREATOR_NOUNS, LANGUAGE_AFTER, LANGUAGE_BEFORE, LANGUAGE_LABELS
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.spans import WILL_DO, short_query
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokens import ITEM_ENDS, Tokens

_CONTENT_NOUNS = frozenset({"content", "videos", "video", "captions", "posts", "channel", "channels", "speakers",
                            "creators", "influencers", "audience", "audiences", "subtitles", "voiceover"})


# what joins two languages, in the languages briefs are written in ("castellano o catalán", "inglês e espanhol")
_JOINERS = AND_OR | {"-", "i", "also", "plus", "as", "well"}  # "French and also English", "Dutch as well as English"


def read_languages(tokens: Tokens, places: Gazetteer) -> list[Reading]:
    """Languages of the creators' content: 'Spanish-speaking', 'who post in French', 'bilingual EN/ES'."""
    readings: list[Reading] = []
    codes_read = _labelled_codes(tokens, places)
    if codes_read is not None:
        readings.append(codes_read)
    i = 0
    while i < len(tokens):
        code, n = _language_at(tokens, i, places)
        if code is None:
            i += 1
            continue
        codes, start, end = [code], i, i + n
        # a list: "Spanish and English speaking", "in Spanish or Portuguese", "Dutch- or French-language"
        while True:
            joiner = end
            while joiner < len(tokens) and tokens.lower[joiner] in _JOINERS:
                joiner += 1
            more, m = _language_at(tokens, joiner, places) if joiner > end else (None, 0)
            if more is None:
                break
            codes.append(more)
            end = joiner + m
        cue = tokens.phrase_ending(start, LANGUAGE_BEFORE)
        after = tokens.lower[end] if end < len(tokens) else ""
        after2 = tokens.lower[end + 1] if end + 1 < len(tokens) else ""
        is_place_next = end < len(tokens) and places.place(tokens.span_text(start, end + 1)) is not None
        if after in LANGUAGE_AFTER or (after == "-" and after2 in LANGUAGE_AFTER):
            end += 1 if after in LANGUAGE_AFTER else 2
        elif cue and not is_place_next and not (after in CREATOR_NOUNS and tokens.lower[start - 1] != "bilingual"):
            start -= cue
        elif places.demonym(tokens.span_text(i, i + n)) is None and (after in _CONTENT_NOUNS or after in _MAKERS):
            pass  # 'Hindi creators', 'Arabic content', 'Telugu YouTubers': a language that is no demonym
        elif after in _WRITTEN_THINGS:
            pass  # 'Dutch or English content', 'German captions': what is written, so the language
        elif tokens.lower[start] in _SPEAKERS or tokens.lower[start] == "bahasa":
            pass  # "créateurs francophones", "Bahasa Indonesia": words that only say which language
        elif _after_place(tokens, start, end, places) and places.demonym(tokens.span_text(i, i + n)) is None:
            pass  # "tech YouTubers India Hindi top 10", "KSA Arabic 50k-300k": a keyword after the place
        elif _labelled(tokens, start) or _content_label(tokens, start, end) or (tokens.words[start - 1:start] in (
                ["—"], ["–"]) and _after_place(
                tokens, start, end, places)):
            pass  # "Language of content: Spanish", "- Mexico — Spanish — 5"
        elif tokens.phrase_at(end, _WILL_DO) or (after == "only" and places.demonym(
                tokens.span_text(i, i + n)) is None):
            pass  # "spanish or english is fine", "English ok", "english only" (a language that names no people)
        elif _keyword_item(tokens, start, end):
            pass  # "indie board games, YouTube + Twitch, English, shortlist of 6": a list item that is a language
        elif (_only_a_language(tokens, start, end, places) or len(set(codes)) > 1) and (
                short_query(tokens, longest=20) or (tokens.words[start - 1:start] == [","] and (
                    tokens.words[end:end + 1] in ([","], ["."], ["\n"], []) or (len(set(codes)) > 1 and tokens.words[
                        end:end + 1] == ["("])))):
            pass  # "cricket youtubers india hindi", "creators in India, Hindi or English, 10k-75k", "creators, English
            # or French (Québec)": two languages alone between commas
        else:
            i = end
            continue
        tokens.claim(start, end, "languages")
        readings.append(Reading("languages", tuple(dict.fromkeys(codes)), tokens.span_text(start, end),
                                tokens.starts[start], tokens.ends[end - 1]))
        i = end
    return readings


# a language a brief accepts: a place's phrases, and a bare "ok" or "preferred" ("English ok")
_WILL_DO = (*WILL_DO, ("ok",), ("okay",), ("is", "a", "must"), ("preferred",), ("is", "preferred"))
_MAKERS = frozenset({"youtubers", "tiktokers", "bloggers", "vloggers", "streamers", "podcasters", "instagrammers"})
_SPEAKERS = frozenset({"francophone", "francophones", "anglophone", "anglophones", "hispanophone", "lusophone"})
_WRITTEN_THINGS = frozenset({"content", "captions", "subtitles", "voiceover", "copy", "scripts"})


_ITEM_OR_LAST_ENDS = ITEM_ENDS | {"."}


def _keyword_item(tokens: Tokens, start: int, end: int) -> bool:
    """A whole item of a brief written as a list ('vegan baking, TikTok, 10k-50k, English')."""
    return tokens.written_as_list and (start == 0 or tokens.words[start - 1] in ITEM_ENDS) and (
        end >= len(tokens) or tokens.words[end] in _ITEM_OR_LAST_ENDS)


def _labelled_codes(tokens: Tokens, places: Gazetteer) -> Reading | None:
    """'Lang: DE', 'Language: EN/ES': ISO 639-1 codes after a language label."""
    known: set[str] = set()
    for i in range(len(tokens) - 1):
        labelled = tokens.lower[i] in {"lang", "lang.", "language", "languages"}
        # "EN/AR", "(EN + FR)", "fr-language": English has no country code, and "-language" says what it is
        english = (tokens.words[i] == "EN" or (tokens.words[i + 1:i + 2] == ["/"] and tokens.words[i + 2:i + 3] == [
            "EN"])) and not _in_capitals(tokens, i)
        named = len(tokens.words[i]) == 2 and tokens.lower[i + 1:i + 3] in (["-", "language"], ["-", "speaking"])
        if not (labelled or english or named):
            continue
        # only a brief with a language label needs the codes; "EN / EU + UK": the EU and the UK are places, and no
        # marketer writes Basque or Ukrainian so
        known = known or set(places.languages.values()) - {"eu", "uk"}
        colon = labelled and tokens.words[i + 1] in {":", "="}
        codes, end = [], i + 1 + colon
        if english or named:
            end = i
        elif not colon and tokens.lower[end] in STOP_WORDS:
            continue  # "language is", "language as": words, not the codes is and as
        while end < len(tokens) and tokens.lower[end] in known and len(tokens.words[end]) == 2 and tokens.free(
                end, end + 1):
            codes.append(tokens.lower[end])
            end += 1
            if end + 1 < len(tokens) and tokens.words[end] in {"/", ",", "+", "&"} and tokens.lower[end + 1] in known:
                end += 1
        if english and not all(tokens.words[k].isupper() for k in range(i, end) if tokens.words[k].isalpha()):
            continue  # codes written in capitals, as "EN" is
        if named and codes:
            end += 2
        if codes:
            tokens.claim(i, end, "languages")
            return Reading("languages", tuple(dict.fromkeys(codes)), tokens.span_text(i, end), tokens.starts[i],
                           tokens.ends[end - 1])
    return None


def _labelled(tokens: Tokens, start: int) -> bool:
    """The language follows a label that names languages ('Language of content: Spanish')."""
    return start > 1 and (tokens.words[start - 1] == ":" or (tokens.words[start - 1] == "-" and tokens.lower[
        start - 2] in LANGUAGE_LABELS)) and any(tokens.lower[j] in LANGUAGE_LABELS
                                             for j in range(max(start - 5, 0), start - 1))


def _content_label(tokens: Tokens, start: int, end: int) -> bool:
    """'Content: Vietnamese only', 'Contenu : français': the content's label, then languages alone on their item."""
    closed = end >= len(tokens) or tokens.lower[end] == "only" or tokens.words[end] in ITEM_ENDS
    return closed and start > 1 and tokens.words[start - 1] == ":" and tokens.lower[start - 2] in {
        "content", "contenu", "conteúdo", "contenido", "inhalt", "contenuto"}


def _only_a_language(tokens: Tokens, start: int, end: int, places: Gazetteer) -> bool:
    """Some word of the list names a language and no people ('Hindi', 'Urdu', 'Tamil'; not 'German')."""
    return any(places.language(tokens.words[j]) is not None and places.demonym(tokens.words[j]) is None
               for j in range(start, end))


def _in_capitals(tokens: Tokens, i: int) -> bool:
    """Token i sits in a run of words written in capitals ("'ALTO EN' black labels"): words, not codes."""
    return any(0 <= j < len(tokens) and len(tokens.words[j]) > 2 and tokens.words[j].isalpha() and tokens.words[
        j].isupper() for j in (i - 1, i + 1))


def _language_at(tokens: Tokens, i: int, places: Gazetteer) -> tuple[str | None, int]:
    for n in (3, 2, 1):  # "te reo Māori"
        if i + n <= len(tokens) and tokens.free(i, i + n):
            code = places.language(tokens.span_text(i, i + n))
            if code is not None:
                return code, n
    return None, 0


def _after_place(tokens: Tokens, start: int, end: int, places: Gazetteer) -> bool:
    """The language follows a place name and no lower-case word follows it: a keyword, not 'Arabic coffee'."""
    follows = end >= len(tokens) or not tokens.words[end].isalpha() or not tokens.words[end].islower() or (
        tokens.lower[end] == "top")
    before = start - 1 - (start > 1 and tokens.words[start - 1] in {"—", "–", "-", ":"})  # "Brazil — Portuguese"
    return before >= 0 and tokens.words[before][:1].isupper() and places.place(tokens.words[before]) is not None \
        and follows
