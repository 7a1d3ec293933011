"""Postal address lines: a signature's or a letterhead's street, postcode and phone ('5F, 21 Dosan-daero 45-gil,
Gangnam-gu, Seoul', '900 Nicollet Mall, Suite 400, Minneapolis, MN 55403', 'Seoul, Korea | Tel +82-2-555-0123').

A place on such a line is where the advertiser or its agency sits, never a constraint on the creators.
"""

from __future__ import annotations

import re

from matcher.briefs.tokens import Tokens

# words of a street address in the languages briefs are signed in
_STREET_WORDS = frozenset("""street st st. road rd rd. avenue ave ave. av av. boulevard blvd blvd. lane ln drive dr.
suite floor fl fl. building bldg plaza mall square sq way rua calle carrera avenida via viale piazza corso strasse
straße str str. gasse weg laan plein gracht ulica ul ul. aleja al. vej gatan gata katu tel tel. phone""".split())
# a floor ('5F'), a phone number ('+82-2-555-0123'), Korean and Japanese street and district suffixes
_ADDRESS_SHAPES = re.compile(r"^(?:\d+F|\+\d[\d\-]{5,})$|(?:-ro|-gil|-daero|-gu|-dong|-ku|-shi|-machi|-chome)$")


def address_spans(tokens: Tokens) -> list[tuple[int, int]]:
    """The [start, end) token spans of those of a brief's last four lines (never its first, in a brief of three or
    more lines) that hold a postal address or a phone number: a street word with a number within three words of it,
    a floor or a district suffix with a number, a phone."""
    lines, start = [], 0
    for k in range(len(tokens) + 1):
        if k == len(tokens) or tokens.words[k] == "\n":
            if k > start:
                lines.append((start, k))
            start = k + 1
    if len(lines) < 3:
        return []
    spans = []
    for start, end in lines[max(len(lines) - 4, 1):]:  # a signature's last lines, not a title ("Adoption Drive 2027")
        words = tokens.words[start:end]
        if len(words) > 24:
            continue
        numbers = [j for j, word in enumerate(words) if any(c.isdigit() for c in word)]
        # written as in an address, with a capital ("Hall St", "Rua Funchal 418"), not "a 45-minute drive"
        street = any(word[:1].isupper() and word.lower() in _STREET_WORDS and any(abs(j - n) <= 3 for n in numbers)
                     for j, word in enumerate(words))
        if street or (numbers and any(_ADDRESS_SHAPES.search(word) for word in words)):
            spans.append((start, end))
    return spans
