"""Form answers that a brief writes without a colon, rewritten as labels before the readers see them: a question
answered on its own line ('How many creators? 12') and a Markdown row of a label and a figure ('| Fee / creator |
max. 900 € |')."""

from __future__ import annotations


def as_labels(words: list[str]) -> None:
    """Rewrite, in place, a form's answered questions and a table's label rows as 'label: value'."""
    _questions_as_labels(words)
    _table_rows_as_labels(words)
    _two_column_rows_as_labels(words)


# first words of a form's question ("How many creators? 12", "Which markets? Saudi Arabia")
_QUESTION_OPENERS = frozenset("""how which what any who where when budget budgets platform platforms language languages
market markets competitor competitors product follower followers age brand your anything size tier tiers number
country countries location fee fees exclusions timing""".split())


def _table_rows_as_labels(words: list[str]) -> None:
    """A Markdown row of a label and a figure ('| Fee / creator | max. 900 € |') reads as a label ('...: 900 €')."""
    line = 0
    for k in range(len(words) + 1):
        if k < len(words) and words[k] != "\n":
            continue
        bars = [j for j in range(line, k) if words[j] == "|"]
        # a table's "| Total | 11 |" row stays a row: it sums a column (`counts`)
        if len(bars) == 3 and bars[0] == line and bars[2] == k - 1 and words[line + 1].lower() != "total" and not any(
                c.isdigit() for w in words[line:bars[1]] for c in w) and any(
                c.isdigit() for w in words[bars[1]:k] for c in w):
            words[bars[1]] = ":"
        line = k + 1


def _two_column_rows_as_labels(words: list[str]) -> None:
    """A block of three or more 'label | value' lines ('Brand | Linio', 'Fee per piece | up to COP 1.800.000') reads
    as labels; two such lines are more often a signature ('Valeria Ortiz | Growth Marketing')."""
    rows: list[int] = []
    line = 0
    for k in range(len(words) + 1):
        if k < len(words) and words[k] != "\n":
            continue
        bars = [j for j in range(line, k) if words[j] == "|"]
        label = len(bars) == 1 and 0 < bars[0] - line <= 4 and bars[0] < k - 1 and not any(
            c.isdigit() for w in words[line:bars[0]] for c in w)
        if label:
            rows.append(bars[0])
        if not label or k == len(words):
            if len(rows) >= 3:
                for bar in rows:
                    words[bar] = ":"
            rows = []
        line = k + 1


def _questions_as_labels(words: list[str]) -> None:
    """A form's question answered on its own line ('How many creators? 12 to 15.') reads as a label ('...: 12')."""
    line = 0
    for k, word in enumerate(words):
        if word == "\n":
            line = k + 1
        elif (word == "?" and k - line <= 6 and words[line].lower() in _QUESTION_OPENERS and k + 1 < len(words)
              and words[k + 1] != "\n"):
            words[k] = ":"
