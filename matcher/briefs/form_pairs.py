"""What a pasted form is read into: each label with its values, as spans of the brief's own text."""

from __future__ import annotations

import re
from typing import NamedTuple

from matcher.briefs.lexicon import CREATOR_NOUNS

Span = tuple[int, int]
# a value that holds none ("N/A", "-", "tbd", "null"): its pair is left out
EMPTY_VALUES = frozenset({"", "-", "–", "—", "n/a", "na", "none", "null", "tbd", "tba", "?", "k.a.", "keine",
                          "ninguno"})


# a header's words that make its figure a follower count, a fee per post, the campaign's total, a head count
_FOLLOWER_WORDS = frozenset("followers follower f subs subscribers fans abonnenten seguidores abonnés".split())
# (a bare "price" or "cost" is the product's: "sku,product,price")
_FEE_WORDS = frozenset("fee fees rate rates honorar vergütung tarifa cachet".split())
_UNIT_WORDS = frozenset("""post posts video videos reel reels story stories stream streams creator influencer
publication beitrag publicación""".split())
_PER_WORDS = frozenset("per pro par por each".split())
_BUDGET_WORDS = frozenset("budget total gesamt gesamtbudget presupuesto orçamento amount".split())  # a deal's
# a header's words that name the field of its words, in the languages briefs are pasted in
_FIELD_WORDS = {
    "brand": frozenset("brand marke marca marque client kunde cliente advertiser werbetreibender anunciante".split()),
    "language": frozenset("language languages lang sprache sprachen idioma idiomas langue langues lingua".split()),
    "country": frozenset("country countries land länder país países pays paese market markt mercado marché geo"
                         .split()),
    "platform": frozenset("platform platforms plattform plattformen plataforma plataformas plateforme plateformes "
                          "channel channels kanal kanäle canal canales canais piattaforma".split()),
    "competitors": frozenset("competitors competitor konkurrenz konkurrenten competencia competidores concurrents "
                             "concorrenti concorrentes".split()),
}
# "#" as in "# creators"
_COUNT_WORDS = frozenset("""# k creators influencers influenceurs qty quantity anzahl cantidad headcount shortlist
creadores criadores perfiles perfis profils créateurs""".split())
_FLOOR_WORDS = frozenset("min minimum floor mind mindestens mínimo minimo".split())
_CAP_WORDS = frozenset("max maximum cap ceiling höchstens máximo maximo".split())
_NUMBER_WORDS = frozenset("number nombre número numero nb no anzahl quantidade cantidad".split())
KEY_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "followersMin": a key's words written together


# every word a label of a field is known by
LABEL_WORDS = (_FOLLOWER_WORDS | _FEE_WORDS | _UNIT_WORDS | _PER_WORDS | _BUDGET_WORDS | _COUNT_WORDS
               | frozenset().union(*_FIELD_WORDS.values()))


def line_spans(brief: str) -> list[Span]:
    """Each line's span in the brief, without its line break."""
    spans, start = [], 0
    for line in brief.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


class FormPair(NamedTuple):
    """A label (a header cell, a JSON key path) and its values; `figure`, when set, is written in place of the
    values (a column's sum) and points at all of them."""

    label: list[Span]
    values: list[Span]
    figure: str | None = None


def plain_label(label: str) -> str | None:
    """The readers' words for a tool's label of a figure ('Min F' -> 'min followers'), or None."""
    words = set(re.findall(r"[^\W\d_]+|#", KEY_BREAK.sub(" ", label).lower().replace("_", " ")))
    per_unit = bool(words & _UNIT_WORDS) and (bool(words & _PER_WORDS) or "/" in label)
    if words & _FOLLOWER_WORDS:
        return "min followers" if words & _FLOOR_WORDS else "max followers" if words & _CAP_WORDS else "followers"
    if words & {"total", "gesamt"}:  # "Total creators", "Total (USD)", "Total fee": a sum, of people or money
        return "creators" if words & _COUNT_WORDS else "campaign budget"
    if words & _FEE_WORDS or per_unit:
        return "max price per post"
    if words & _BUDGET_WORDS:
        return "campaign budget"
    if words & _COUNT_WORDS or {"creator", "count"} <= words or (words & _NUMBER_WORDS and words & CREATOR_NOUNS):
        return "creators"  # "number_of_moms"
    named = [field for field, field_words in _FIELD_WORDS.items() if words & field_words]
    if len(named) == 1 and len(words) <= 4:  # "Nom de la marque", "Land"; not "Brand safety notes on platform"
        return named[0]
    return None
