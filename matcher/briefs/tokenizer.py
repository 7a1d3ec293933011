"""spaCy's English tokenizer taught to split amounts: "10k-50k" -> "10k" "-" "50k", "20k€" -> "20k" "€".

spaCy keeps "10k-50k", "2.5k+", "20k€" and "sub-100k" as one token; the infix, prefix and suffix rules here split
them into amount, joiner and unit. Only the tokenizer is built: no statistical model is loaded.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from matcher.briefs.stop_words import pytorch_hidden

if TYPE_CHECKING:
    from spacy.language import Language

_CURRENCY = r"[€$£¥₹₩₺₽₴₱₦₫₪₸₾฿₡]"
_CJK = "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"  # Japanese kana, Chinese characters, Korean syllables
_CJK_SCALE = r"(?<=[0-9])[万萬만천억亿億]"
_CJK_PEOPLE = r"(?<=[0-9])[人名명]"  # "8人", "10명": people counted in Japanese, Chinese, Korean
_INFIXES = (
    r"(?<=[0-9][kKmM])[-–—/~](?=[0-9$€£])",  # 10k-50k, 5k–20k
    r"(?<=[0-9]L)[-–](?=[0-9])|(?<=[0-9]rb)-(?=[0-9])|(?<=[0-9]jt)-(?=[0-9])",  # 1L-5L (lakh), 5rb-20rb (ribu)
    rf"(?<=[0-9])[-–—~](?={_CURRENCY})",  # €2,000–€4,000, ₦50,000–₦900,000
    r"(?<=[0-9])[–—~](?=[0-9])",  # 5–10
    r"(?:(?<=[0-9]rb)|(?<=[0-9]jt)|(?<=[0-9]tr))[–—~](?=[0-9])",  # 50rb–500rb (Indonesian thousands)
    r"(?<=[-–—~])[$€£](?=[0-9])",
    r"(?<=[A-Za-z])\+(?=[A-Za-z])",  # nano+micro, Insta+TikTok, YT+IG
    # followers:10k-50k, followers>50k, limit:15 (a search tool's syntax), フォロワー：2万 (no space after a CJK colon)
    rf"(?<=[a-z{_CJK}])[:<>](?=[0-9A-Za-z<>≤≥])",
    r"(?<=:)[<>≤≥](?=[0-9])",  # fol:<20k
    rf"(?<=[0-9kKmM]){_CURRENCY}(?=[/])",  # 300€/post
    rf"(?<={_CURRENCY})/(?=[A-Za-z])",  # €/post
    r"(?<=[0-9])/(?=[A-Za-z])",  # 500/post
    r"(?<=[0-9kKmM])~(?=[0-9])",  # 5k~20k
    r"(?<=[a-z])\.(?=[0-9])",  # max.50k
    r"(?<=[0-9kKmM])\+(?=[A-Za-z])",  # 2.5k+subs
    r"(?<=[0-9])zł|zł(?=[0-9])",
    _CJK_SCALE,  # 1万以上, 500만원, 5萬~20萬: a CJK scale after its number
    r"(?<=[万萬만천억亿億])[~〜～\-](?=[0-9])",
    r"(?<=[0-9]w)[-~](?=[0-9])",  # "1w-10w": 万 written as 'w' in Chinese briefs
    _CJK_PEOPLE,
)
_SUFFIXES = (
    r"(?<=[0-9])\+",  # 25+
    r"(?<=[0-9])pp|(?<=[0-9][kK])pp",  # "$400pp", "£1kpp": per post, glued to its amount in a hurried note
    r"(?<=[0-9][kKmM])\+",  # 2.5k+
    rf"(?<=[0-9kKmM]){_CURRENCY}",  # 20k€, 500$
    r"(?<=[a-z])\+",  # 1 lakh+
    r"(?<=[0-9][kKmM])\.",  # 10K.
    rf"(?<={_CURRENCY})\.",  # 300€., 2.000.000₫.
    r"(?<=[0-9])đ",  # 180.000đ: the dong's everyday short form
    r"(?<=[A-Za-z])-",  # "Dutch- or French-language"
    r"(?<=[0-9])[,/][-–]",  # "€ 350,-", "Rs.20,000/-": no cents
    _CJK_SCALE,  # "50万", "10만"
    _CJK_PEOPLE,
)
_PREFIXES = (r"-(?=(?:tiktok|instagram|insta|ig|youtube|yt|facebook|fb|twitter|twitch)\b)",  # "-tiktok": minus
             r"(?i:sub)-(?=[0-9])", r"(?i:zł)(?=[0-9])", r"(?:US|CA|AU|S|A|C|NZ|HK|R|NT)\$(?=[0-9])",
             # "~5k", "≤40k", "~A$800", "≤€1k": a mark before a number or the money
             r"[~≤≥<>](?=[0-9$€£¥₹]|(?:US|CA|AU|S|A|C|NZ|HK|R|NT)\$)",
             r"\+(?=[0-9]+(?:[.,][0-9]+)?[kKmM]$)",  # "+20k seguidores": a floor (a phone's "+44" stays whole)
             r"R(?=[0-9])", r"RM(?=[0-9])", r"MX\$(?=[0-9])", r"E£(?=[0-9])", r"GH₵(?=[0-9])",
             # "フォロワー1万", "팔로워10만", "粉丝5万": a word in Japanese, Korean or Chinese glued to a number
             rf"[{_CJK}]+(?=[0-9])", "•")

# emoticons spaCy keeps whole (":3", ":0", "=3"), which glue a label's colon to its figure ("Follower:3万")
_FACE_WITH_DIGIT = re.compile(r"^[:=]-?[0-9]$")


@cache
def tokenizer() -> Language:
    """spaCy's blank English pipeline with the amount-splitting rules (built once per process)."""
    with pytorch_hidden():  # spaCy's first import, without thinc importing PyTorch
        import spacy
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    default: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    # one new tokenizer with every rule, not three rule changes on the default one: each change makes spaCy
    # re-tokenize its 5,388 special cases (0.29 s -> 0.19 s; the same tokens on the 793 briefs of tests and bench)
    nlp.tokenizer = Tokenizer(
        nlp.vocab, rules={text: rule for text, rule in default.rules.items() if not _FACE_WITH_DIGIT.match(text)},
        token_match=default.token_match, url_match=default.url_match,
        prefix_search=compile_prefix_regex((*defaults.prefixes, *_PREFIXES)).search,
        suffix_search=compile_suffix_regex((*defaults.suffixes, *_SUFFIXES)).search,
        infix_finditer=compile_infix_regex((*defaults.infixes, *_INFIXES)).finditer)
    return nlp
