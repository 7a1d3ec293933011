"""What a pasted form is read into: each label with its values, as spans of the brief's own text."""

from __future__ import annotations

import re
from typing import NamedTuple

from matcher.briefs.lexicon import CREATOR_NOUNS, LANGUAGE_LABELS

Span = tuple[int, int]
# a value that holds none ("N/A", "-", "tbd", "null"): its pair is left out
EMPTY_VALUES = frozenset({"", "-", "–", "—", "n/a", "na", "none", "null", "tbd", "tba", "?", "k.a.", "keine",
                          "ninguno"})


# each kind of label's words: first the words the readers know it by in a brief, then a tool's shorthand and other
# languages' words, which a form's label line is rewritten for (a bare "price" or "cost" is the product's)
_LABELS: dict[str, tuple[str, str]] = {
    "followers": ("followers follower subs subscribers fans", "f abonnenten seguidores abonnés"),
    "fee": ("fee fees rate rates", "honorar vergütung tarifa cachet"),
    "unit": ("post posts video videos creator influencer",
             "reel reels story stories stream streams publication beitrag publicación"),
    "per": ("per each", "pro par por"),
    "budget": ("budget total", "gesamt gesamtbudget presupuesto orçamento amount"),  # "amount": a deal's
    # "#" as in "# creators"
    "count": ("# creators influencers qty quantity", """k influenceurs anzahl cantidad headcount shortlist creadores
              criadores perfiles perfis profils créateurs"""),
    "brand": ("brand client advertiser", "marke marca marque kunde cliente werbetreibender anunciante"),
    "language": ("language languages lang", " ".join(sorted(LANGUAGE_LABELS - {"language", "languages", "lang"}))),
    "country": ("country countries market geo", "land länder país países pays paese markt mercado marché"),
    "platform": ("platform platforms channel channels", """plattform plattformen plataforma plataformas plateforme
                 plateformes kanal kanäle canal canales canais piattaforma"""),
    "competitors": ("competitors competitor", """konkurrenz konkurrenten competencia competidores concurrents
                    concorrenti concorrentes"""),
}
_WORDS = {kind: frozenset(f"{known} {other}".split()) for kind, (known, other) in _LABELS.items()}
_FOLLOWER_WORDS, _FEE_WORDS, _UNIT_WORDS, _PER_WORDS, _BUDGET_WORDS, _COUNT_WORDS = (
    _WORDS[kind] for kind in ("followers", "fee", "unit", "per", "budget", "count"))
# a header's words that name the field of its words
_FIELD_WORDS = {field: _WORDS[field] for field in ("brand", "language", "country", "platform", "competitors")}
_FLOOR_WORDS = frozenset("min minimum floor mind mindestens mínimo minimo".split())
_CAP_WORDS = frozenset("max maximum cap ceiling höchstens máximo maximo".split())
_NUMBER_WORDS = frozenset("number nombre número numero nb no anzahl quantidade cantidad".split())
KEY_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "followersMin": a key's words written together


# every word a label of a field is known by; those the readers do not know in a brief
LABEL_WORDS = frozenset().union(*_WORDS.values())
FOREIGN_LABEL_WORDS = frozenset(word for _, other in _LABELS.values() for word in other.split())


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
