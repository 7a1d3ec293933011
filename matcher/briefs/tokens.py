"""A brief as tokens: spaCy's English tokenizer, taught to split amounts, plus the lookups every rule needs.

`matcher.briefs.tokenizer` splits amounts ("10k-50k" -> "10k" "-" "50k"), so the rules of the reader see amount,
joiner and unit. No statistical model is loaded (none is packaged on PyPI for spaCy 3.8, and nothing may be
downloaded at run time): the reader works from the tokenizer, token shapes and the word lists of
`matcher.briefs.lexicon`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from matcher.briefs.contractions import as_portuguese_places
from matcher.briefs.form_labels import as_labels
from matcher.briefs.stop_words import STOP_WORDS
from matcher.briefs.tokenizer import tokenizer

_CHINA_WORDS = frozenset({"rmb", "cny", "tmall", "taobao", "xiaohongshu", "douyin", "weibo", "bilibili", "wechat",
                          "小红书", "抖音"})
SEPARATORS = frozenset({",", ";", "|", "\n", "•", "·", "(", ")", "[", "]", "/", ":", "–", "—", "-", "+"})
# markup that carries no words: Markdown emphasis and headings pasted from docs
_MARKUP = frozenset({"*", "**", "***", "#", "##", "###", "####", "_", "__", "`", "```", ">"})
# what ends an item of a brief written as a list
ITEM_ENDS = frozenset({",", "|", "•", ";", "\n"})
BARS = frozenset({"|", "//"})  # "ugc creators // skincare // US // tiktok"
SENTENCE_ENDS = frozenset({".", "!", "?", "\n", ";", "|", "•"})
# words written with a full stop that ends no sentence ("max. 1.800 €", "ca. 5k", "zzgl. MwSt.")
ABBREVIATIONS = frozenset({"max", "min", "ca", "approx", "incl", "excl", "inkl", "exkl", "zzgl", "bzw", "mind",
                           "máx", "mín", "env"})


_TOKENIZER_LOCK = threading.Lock()
# spaCy strips affixes one character at a time, so a long run of symbols costs quadratic time; runs are cut
# to this many characters (the rest become spaces, keeping every offset)
_MAX_SYMBOL_RUN = 8
_SYMBOL_RUN = re.compile(rf"[^\w\s]{{{_MAX_SYMBOL_RUN + 1},}}")


@lru_cache(maxsize=8192)
def _plain_char(char: str) -> str:
    """One character in its compatibility form ('１' -> '1', no-break space -> space) when that is one character."""
    if unicodedata.category(char) == "Cf":
        return " "  # zero-width spaces, joiners and marks: invisible, so they separate nothing but words
    folded = unicodedata.normalize("NFKC", char)
    if folded == "・":
        return "•"  # the Japanese list bullet ("・Follower：3万～10万")
    return folded if len(folded) == 1 else char


def plain_text(text: str) -> str:
    """The text the rules read: same length as `text` (offsets stay valid), compatibility forms, short symbol runs."""
    folded = "".join(_plain_char(char) for char in text)
    return _SYMBOL_RUN.sub(lambda run: run.group()[:_MAX_SYMBOL_RUN] + " " * (len(run.group()) - _MAX_SYMBOL_RUN),
                           folded)


@dataclass
class Tokens:
    """The tokens of one brief with their text, lower case, offsets and which reading claimed each."""

    text: str
    words: list[str]
    lower: list[str]
    starts: list[int]
    ends: list[int]
    claimed: list[str | None] = field(default_factory=list)
    signoff: int = 10**9  # first token of a closing line ('Thanks, Georgia'): names there are people


    @classmethod
    def of(cls, text: str) -> Tokens:
        """Tokenize a brief (whitespace tokens are dropped; a line break stays a token)."""
        nlp = tokenizer()
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        # the memory zone frees the strings each brief adds to spaCy's vocabulary (a server reads briefs for
        # weeks); zones are not thread-safe, hence the lock
        with _TOKENIZER_LOCK, nlp.memory_zone():
            for token in nlp.make_doc(plain_text(text)):
                # "> " opening a line quotes an e-mail (dropped); "> 50k" inside a line compares (kept)
                compares = token.text in {">", ">>"} and bool(words) and words[-1] != "\n"
                if (token.is_space and "\n" not in token.text) or (token.text in _MARKUP and not compares) or set(
                        token.text) <= {"*", "#"}:
                    continue
                word = "\n" if token.is_space else str(token.text)
                start = token.idx
                if ":" in word and set(word) <= {":", "*", "#"}:  # "**Brand:**" leaves ":*" behind
                    start, word = start + word.index(":"), ":"
                words.append(word)
                starts.append(start)
                ends.append(start + len(word) if word != "\n" else token.idx + len(token.text))
        for k in range(len(words) - 2, -1, -1):  # "w/ Greggs": 'w/' is one word, 'with'
            if words[k].lower() == "w" and words[k + 1] == "/" and ends[k] == starts[k + 1]:
                words[k:k + 2], starts[k:k + 2], ends[k:k + 2] = ["w/"], [starts[k]], [ends[k + 1]]
        as_labels(words)
        as_portuguese_places(words)
        lower = ["with" if w.lower() == "w/" else w.lower() for w in words]
        return cls(text, words, lower, starts, ends, [None] * len(words), _signoff(lower))

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """The brief's own text from token `start` to token `end` (exclusive)."""
        if start >= end:
            return ""
        return self.text[self.starts[start]:self.ends[end - 1]]

    def free(self, start: int, end: int) -> bool:
        """No reading has claimed any token in [start, end)."""
        return all(self.claimed[i] is None for i in range(max(start, 0), min(end, len(self))))

    def claim(self, start: int, end: int, kind: str) -> None:
        """Mark tokens [start, end) as used by a reading of `kind`."""
        for i in range(max(start, 0), min(end, len(self))):
            if self.claimed[i] is None:
                self.claimed[i] = kind

    def phrase_at(self, i: int, phrases: Iterable[Sequence[str]]) -> int:
        """Length of the longest phrase (lower-case token sequence) starting at token i, or 0."""
        if i >= len(self.lower):
            return 0
        best = 0
        for phrase in _by_first(phrases).get(self.lower[i], ()):
            n = len(phrase)
            if n > best and tuple(self.lower[i:i + n]) == phrase:
                best = n
        return best

    def phrase_ending(self, end: int, phrases: Iterable[Sequence[str]]) -> int:
        """Length of the longest phrase that ends just before token `end`, or 0."""
        if end < 1:
            return 0
        best = 0
        for phrase in _by_last(phrases).get(self.lower[end - 1], ()):
            n = len(phrase)
            if n > best and end - n >= 0 and tuple(self.lower[end - n:end]) == phrase:
                best = n
        return best

    @cached_property
    def typed_in_lower_case(self) -> bool:
        """No word of the brief starts with a capital, acronyms aside ('lagos fitness tiktokers IG'): its capitals
        say nothing about names. A single capital ('A', 'I') counts as one; a platform's name ('nairobi fitness
        creators, IG + TikTok') is typed as the app spells it, and so is its format ('Reels'); a unit's letter
        glued to its number is no capital ('1M+', '50K')."""
        return not any(self._name_capital(k) for k in range(len(self.words)))

    def _name_capital(self, k: int) -> bool:
        """Word k starts with a capital that may mark a name: not an acronym, an app's spelling or a glued unit."""
        word = self.words[k]
        if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or word.lower() in _PLATFORM_NAMES:
            return False
        glued_to_number = k > 0 and self.ends[k - 1] == self.starts[k] and self.words[k - 1][-1:].isdigit()
        return not (len(word) == 1 and glued_to_number)

    @cached_property
    def written_for_china(self) -> bool:
        """The brief writes Chinese or names China's money or apps ('RMB 30w', 'xiaohongshu 5w+ fans'): there a 'w'
        after a number is 万, ten thousand."""
        return any("\u4e00" <= char <= "\u9fff" for char in self.text) or not _CHINA_WORDS.isdisjoint(self.lower)

    @cached_property
    def written_with_bars(self) -> bool:
        """A keyword list written with bars and no sentence ('halal burger joint Cairo | 2 branches | IG')."""
        return sum(word in BARS for word in self.words) >= 2 and not any(word in {".", "!", "?"} for word in self.words)

    @cached_property
    def written_as_list(self) -> bool:
        """The brief is a list of items and no sentence ('vegan baking, TikTok, 10k-50k, English')."""
        return sum(word in ITEM_ENDS for word in self.words) >= 3 and not any(
            word in {".", "!", "?"} for word in self.words[:-1])

    @cached_property
    def keywords_only(self) -> bool:
        """No function word and no sentence punctuation (codes in capitals 'DE/AT/CH' and a count 'top 3' are none)."""
        return not any(self.of_a_sentence(j) for j in range(len(self.words)))

    def of_a_sentence(self, j: int) -> bool:
        """Token j is a function word or sentence punctuation, so the brief around it is written as a sentence."""
        return (self.lower[j] in STOP_WORDS and not (len(self.words[j]) > 1 and self.words[j].isupper())
                and not (self.lower[j] == "top" and j + 1 < len(self.words) and self.words[j + 1].isdigit())
                ) or self.words[j] in {".", "!", "?", "\n", ":"}

    def is_capitalized(self, i: int) -> bool:
        """The token starts with a capital letter or a digit, or holds a capital inside ('iPhone', 'H&M')."""
        word = self.words[i]
        if word.isupper() and self.lower[i] in _SHOUTED_FUNCTION_WORDS:
            return False  # "NO ONE WHO HAS WORKED WITH SELFRIDGES OR HARRODS IN THE LAST 12 MONTHS"
        return bool(word) and (word[0].isupper() or word[0].isdigit() or any(c.isupper() for c in word[1:]))

    def is_punct(self, i: int) -> bool:
        """The token has no letter or digit."""
        return not any(c.isalnum() for c in self.words[i])

    def sentence_start(self, i: int) -> bool:
        """Token i opens a sentence, a line, a list item or a clause after a colon or dash."""
        return i == 0 or self.words[i - 1] in SENTENCE_ENDS or self.words[i - 1] in {":", "—", "–", "-", "•", "\n"}

    def segment(self, i: int) -> tuple[int, int]:
        """The comma-, semicolon- or line-separated segment around token i: [start, end)."""
        start = i
        while start > 0 and self.words[start - 1] not in SEPARATORS | SENTENCE_ENDS:
            start -= 1
        end = i + 1
        while end < len(self) and self.words[end] not in SEPARATORS | SENTENCE_ENDS:
            end += 1
        return start, end

    def clause_start(self, i: int) -> int:
        """First token of the sentence (or line) that holds token i; the full stop of an abbreviation ('Fee max.
        CHF 900', 'ca. 5k') ends no sentence."""
        while i > 0 and (self.words[i - 1] not in SENTENCE_ENDS or (
                self.words[i - 1] == "." and i > 1 and self.lower[i - 2] in ABBREVIATIONS)):
            i -= 1
        return i

    def near_before(self, i: int, words: Collection[str], window: int, stop_at_punct: bool = True) -> int | None:
        """Index of the nearest token among `words` within `window` tokens before i, or None."""
        for j in range(i - 1, max(i - 1 - window, -1), -1):
            if stop_at_punct and self.words[j] in SEPARATORS | SENTENCE_ENDS and self.words[j] not in {"-", "&"}:
                return None
            if self.lower[j] in words:
                return j
        return None


# platform names as their apps spell them, which a brief otherwise typed in lower case keeps
_PLATFORM_NAMES = frozenset({"tiktok", "youtube", "instagram", "insta", "facebook", "linkedin", "twitch", "pinterest",
                             "snapchat", "twitter", "threads", "reels", "shorts"})
# words that open a closing line ("Thanks, Tom", "Gr, Pieter", "Takk, Ingrid"), in the languages briefs mix in
SIGNOFFS = frozenset("""thanks thank cheers best regards ta ciao thx xx x love warmly sincerely greetings br kind many
saludos grazie danke vg lg mfg дякую спасибо dziękuję dzięki dzieki groetjes groeten gr grtz mvg hilsen mvh takk tack
pozdrawiam pozdrowienia cordialement abrazos abrazo besos obrigada obrigado merci gracias kiitos terveisin děkuji
köszönöm mulțumesc multumesc ευχαριστώ hvala teşekkürler salamat asante shukran rgds tks tnx grüße grüsse gruß gruss
groet bisous bises abraços beijos saluti pozdrav zdravím üdv üdvözlettel hälsningar""".split())


# function words that a brief written in capitals still does not capitalize as names
_SHOUTED_FUNCTION_WORDS = frozenset("""with or and in the of no not for to at by from any who has have had anyone
nobody creators creator influencers associated worked working partnered sponsored tied last past months""".split())


def _signoff(lower: list[str]) -> int:
    """Where a closing line starts ('Thanks! Georgia', 'Best, Tom', '– Jordan, Influencer Team'), looking at the
    last twelve tokens."""
    for i in range(max(len(lower) - 12, 0), len(lower)):
        if lower[i] in SIGNOFFS and (i == 0 or lower[i - 1] in {".", "!", "\n", ",", "?"}) and not any(
                w in {"for", "to"} for w in lower[i + 1:i + 3]):
            return i
        if lower[i] in {"–", "—", "-"} and i > 0 and lower[i - 1] in {"\n", ".", "!"} and i + 2 < len(lower) and (
                lower[i + 2] == ","):
            return i  # "\n– Jordan, Influencer Team, Plano TX": a dash, a name and a comma sign the brief
    return 10**9


# phrase lists indexed by their first and last word, per list object (the lists are module constants)
_FIRST: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}
_LAST: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]] = {}


def _index(phrases: Iterable[Sequence[str]], cache: dict[int, tuple[object, dict[str, list[tuple[str, ...]]]]],
           position: int) -> dict[str, list[tuple[str, ...]]]:
    found = cache.get(id(phrases))
    if found is not None and found[0] is phrases:
        return found[1]
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[position], []).append(tuple(phrase))
    cache[id(phrases)] = (phrases, index)  # the list itself is kept, so its id cannot be reused
    return index


def _by_first(phrases: Iterable[Sequence[str]]) -> dict[str, list[tuple[str, ...]]]:
    return _index(phrases, _FIRST, 0)


def _by_last(phrases: Iterable[Sequence[str]]) -> dict[str, list[tuple[str, ...]]]:
    return _index(phrases, _LAST, -1)
