"""The languages a creator posts in, inferred from their own texts where the catalog does not say.

Each text (bio, recent captions, as embedded) with at least `MIN_LETTERS` letters is identified by
py3langid (Lui & Baldwin's langid.py, 97 languages, model shipped in the package; normalized
probabilities). A text counts for its language when the probability reaches `MIN_TEXT_PROBABILITY`.
A creator's main language is the one most of its identified texts are in; the confidence is that
share times the mean probability of those texts, and nothing is inferred from fewer than
`MIN_TEXTS` identified texts. Why py3langid: on 2,976 Kim captions it took 0.28 ms a caption against
1.1 ms (low-accuracy mode) and 9 ms (high-accuracy) for lingua-language-detector, whose 96 MB wheel
also outweighs it; lingua is kept as the independent second identifier that checks it
(`bench/kim_languages.py`).
"""

from __future__ import annotations

import os
import zipfile
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd
from numpy.typing import NDArray

MIN_LETTERS = 20
MIN_TEXT_PROBABILITY = 0.5
MIN_TEXTS = 2
UNDETERMINED = ("zxx", "und")  # py3langid's "no linguistic content"


class LanguageIdentifier(Protocol):
    """Identifies the language of each text: an ISO 639-1 code and its probability, or None."""

    def identify(self, texts: Sequence[str]) -> list[tuple[str, float] | None]:
        """One (language, probability) per text; None where the text has too few letters."""
        ...


@dataclass
class Py3LangId:
    """`LanguageIdentifier` over py3langid with normalized probabilities (loaded on first use)."""

    min_letters: int = MIN_LETTERS
    # where the model may be kept decompressed (68 MB): read in ~0.05 s instead of ~0.4 s of LZMA (None: never)
    unpacked_dir: Path | None = None

    @cached_property
    def _model(self) -> Any:
        from py3langid.langid import MODEL_DIR, MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model
        from py3langid.modelio import load_model

        if self.unpacked_dir is None:
            return Model.from_model_file(MODEL_FILE, norm_probs=True)
        path = Path(self.unpacked_dir) / f"{self.identity.split('|')[0]}-model.npz"
        try:
            with np.load(path, allow_pickle=False) as data:
                parts = (data["ptc"], data["pc"], data["classes"].tolist(), _uint_array(data["nextmove"]),
                         _uint_array(data["nextmove_row"]), data["out_feat"].tolist())
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile):
            parts = load_model(MODEL_DIR / MODEL_FILE)
            _save_unpacked(path, parts)
        ptc, pc, classes, nextmove, row, output = parts
        return Model(np.asarray(ptc), np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row)

    @property
    def identity(self) -> str:
        """What a cached answer depends on: the library, its version and the letters threshold."""
        from importlib.metadata import version

        return f"py3langid-{version('py3langid')}|letters>={self.min_letters}"

    def identify(self, texts: Sequence[str]) -> list[tuple[str, float] | None]:
        """One (language, probability) per text; None where the text has fewer than `min_letters` letters."""
        out: list[tuple[str, float] | None] = []
        for text in texts:
            if sum(c.isalpha() for c in text) < self.min_letters:
                out.append(None)
                continue
            language, probability = self._model.classify(text)
            out.append(None if language in UNDETERMINED else (str(language), float(probability)))
        return out


def _uint_array(values: NDArray[Any]) -> array[int]:
    """A numpy unsigned array as the stdlib array py3langid's tokenizer indexes."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _save_unpacked(path: Path, parts: tuple[Any, ...]) -> None:
    """Keep the decompressed model arrays (atomically; a failure only costs the next build time)."""
    ptc, pc, classes, nextmove, row, output = parts
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(temporary, ptc=np.asarray(ptc), pc=np.asarray(pc), classes=np.asarray(classes),
                 nextmove=np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
                 nextmove_row=np.frombuffer(row, dtype=f"u{row.itemsize}"), out_feat=np.asarray(output))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


def as_rows(identified: Sequence[tuple[str, float] | None]) -> NDArray[np.float32]:
    """Identifications as a float array (language code as two bytes, probability; -1 row for None), so
    they can be cached like vectors (whose cache refuses non-finite numbers as damage)."""
    out = np.full((len(identified), 3), -1.0, dtype=np.float32)
    for i, item in enumerate(identified):
        if item is not None and len(item[0]) == 2:
            out[i] = (ord(item[0][0]), ord(item[0][1]), item[1])
    return out


def from_rows(rows: NDArray[np.float32]) -> list[tuple[str, float] | None]:
    """The identifications `as_rows` stored."""
    return [None if row[0] < 0 else (chr(int(row[0])) + chr(int(row[1])), float(row[2])) for row in rows]


@dataclass(frozen=True)
class ContentLanguages:
    """Per creator: the main inferred language (None when unsure), its confidence and each language's share."""

    language: list[str | None]
    confidence: NDArray[np.float64]
    shares: list[dict[str, float]]
    identified_texts: NDArray[np.int64]


def content_languages(creator_rows: NDArray[np.int64], identified: Sequence[tuple[str, float] | None],
                      n_creators: int, min_texts: int = MIN_TEXTS,
                      min_probability: float = MIN_TEXT_PROBABILITY) -> ContentLanguages:
    """Each creator's main language from its texts' identified languages (see the module docstring).

    Parameters
    ----------
    creator_rows
        The creator (row position) of each text.
    identified
        The identifier's answer for each text, aligned with `creator_rows`.
    """
    if len(creator_rows) != len(identified):
        raise ValueError("content_languages: one creator row per identified text is needed")
    frame = pd.DataFrame({
        "row": np.asarray(creator_rows, dtype=np.int64),
        "language": [item[0] if item and item[1] >= min_probability else None for item in identified],
        "probability": [item[1] if item and item[1] >= min_probability else np.nan for item in identified],
    }).dropna(subset=["language"])
    languages: list[str | None] = [None] * n_creators
    confidence = np.zeros(n_creators)
    shares: list[dict[str, float]] = [{} for _ in range(n_creators)]
    counts = np.zeros(n_creators, dtype=np.int64)
    if frame.empty:
        return ContentLanguages(languages, confidence, shares, counts)
    per_language = frame.groupby(["row", "language"], sort=True)["probability"].agg(["size", "mean"]).reset_index()
    totals = per_language.groupby("row")["size"].transform("sum").to_numpy()
    per_language["share"] = per_language["size"].to_numpy() / totals
    rows = per_language["row"].to_numpy(dtype=np.int64)
    counts[rows] = totals
    for row, language, share in zip(rows.tolist(), per_language["language"].tolist(),
                                    per_language["share"].tolist(), strict=True):
        shares[row][str(language)] = round(float(share), 3)
    best = per_language.sort_values(["row", "size", "mean"], ascending=[True, False, False]).drop_duplicates("row")
    best = best[best["row"].map(lambda r: counts[r] >= min_texts)]
    for row, language, share, mean in zip(best["row"].tolist(), best["language"].tolist(), best["share"].tolist(),
                                          best["mean"].tolist(), strict=True):
        languages[row] = str(language)
        confidence[row] = float(share) * float(mean)
    return ContentLanguages(languages, confidence, shares, counts)


def infer_languages(creators: pd.DataFrame, posts: pd.DataFrame, recent: int,
                    identifier: LanguageIdentifier | None = None) -> pd.DataFrame:
    """`creators` with the inferred content language columns, from the texts a build embeds (bio and the
    `recent` latest captions): `language_inferred`, `language_inferred_confidence`, `language_shares`."""
    from matcher.documents import creator_units
    from matcher.signals import recent_posts

    units = creator_units(creators, recent_posts(posts, recent))
    identified = (identifier or Py3LangId()).identify(units["text"].tolist())
    inferred = content_languages(units["creator_row"].to_numpy(dtype=np.int64), identified, len(creators))
    out = creators.copy()
    out["language_inferred"] = inferred.language
    out["language_inferred_confidence"] = inferred.confidence
    out["language_shares"] = pd.Series(inferred.shares, index=out.index, dtype=object)
    return out
