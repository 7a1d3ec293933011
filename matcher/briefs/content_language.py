"""The language of the creators' content in a brief: 'Spanish-speaking', 'who post in French', 'bilingual EN/ES'."""

from __future__ import annotations

from matcher.briefs.lexicon import CREATOR_NOUNS, LANGUAGE_AFTER, LANGUAGE_BEFORE
from matcher.briefs.places import Gazetteer
from matcher.briefs.reading import Reading
from matcher.briefs.tokens import Tokens

_CONTENT_NOUNS = frozenset({"content", "videos", "video", "captions", "posts", "channel", "channels", "speakers",
                            "creators", "influencers", "audience", "audiences", "subtitles", "voiceover"})


def read_languages(tokens: Tokens, places: Gazetteer) -> list[Reading]:
    """Languages of the creators' content: 'Spanish-speaking', 'who post in French', 'bilingual EN/ES'."""
    readings: list[Reading] = []
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
            while joiner < len(tokens) and tokens.lower[joiner] in {"and", "or", "/", ",", "&", "+", "-"}:
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
        elif places.demonym(tokens.span_text(i, i + n)) is None and after in _CONTENT_NOUNS:
            pass  # 'Hindi creators', 'Arabic content': a language that is no demonym
        else:
            i = end
            continue
        tokens.claim(start, end, "languages")
        readings.append(Reading("languages", tuple(dict.fromkeys(codes)), tokens.span_text(start, end),
                                tokens.starts[start], tokens.ends[end - 1]))
        i = end
    return readings


def _language_at(tokens: Tokens, i: int, places: Gazetteer) -> tuple[str | None, int]:
    for n in (2, 1):
        if i + n <= len(tokens) and tokens.free(i, i + n):
            code = places.language(tokens.span_text(i, i + n))
            if code is not None:
                return code, n
    return None, 0
