"""The reader on the brief corpus (tests/matcher/brief_corpus), held to issue 14's bar file by file.

The bar: at least 97% of briefs fully right, no follower bound inverted, no trap giving a constraint.
`held_aside.jsonl` was written by separate sessions and run once, at the end (69.6%, 2026-12-01); its misses
have been worked on since, so the estimate for unseen briefs is each validation file's first run (docs/briefs.md
has the figures). A file below the bar is marked as an expected failure with its measured figure, strictly: when
the reader reaches the bar there the test fails until the mark is removed, so the mark cannot go stale.
The default reader's brand tagger is trained on every file here but `held_aside.jsonl`, so the others' figures
are training figures (`python -m bench.brand_tagger --cross-validate` gives each file's held-out figure).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eval import load_corpus, score_briefs, score_lines
from matcher.briefs import parse_brief

CORPUS = Path(__file__).resolve().parents[1] / "brief_corpus"
HELD_ASIDE = "held_aside.jsonl"
DEVELOPMENT = ("development.jsonl", "seen_aside.jsonl", "validation_v1.jsonl", "validation_v2.jsonl",
               "validation_v3.jsonl", "validation_v4.jsonl", "validation_v5.jsonl", "validation_v6.jsonl",
               "validation_v7.jsonl", "validation_v8.jsonl", "validation_v9.jsonl", "validation_v10.jsonl",
               "validation_v11.jsonl", "validation_v12.jsonl", "validation_v13.jsonl", "validation_v14.jsonl",
               "validation_v15.jsonl", "validation_v16.jsonl", "validation_v17.jsonl", "validation_v18.jsonl",
               "validation_v19.jsonl", "validation_v20.jsonl", "validation_v21.jsonl", "validation_v22.jsonl",
               "validation_v23.jsonl", "validation_v24.jsonl", "validation_v25.jsonl", "validation_v26.jsonl",
               "validation_v27.jsonl", "validation_v28.jsonl", "validation_v29.jsonl", "validation_v30.jsonl",
               "validation_v31.jsonl", "validation_v32.jsonl", "validation_v33.jsonl", "validation_v34.jsonl",
               "validation_v35.jsonl", "validation_v36.jsonl", "validation_v37.jsonl", "validation_v38.jsonl",
               "validation_v39.jsonl", "validation_v40.jsonl", "validation_v41.jsonl", "validation_v42.jsonl",
               "validation_v43.jsonl", "validation_v44.jsonl", "validation_v45.jsonl", "validation_v46.jsonl",
               "validation_v47.jsonl", "validation_v48.jsonl", "validation_v49.jsonl", "validation_v50.jsonl",
               "validation_v51.jsonl", "validation_v52.jsonl", "validation_v53.jsonl", "validation_v54.jsonl",
               "validation_v55.jsonl", "validation_v56.jsonl", "validation_v57.jsonl", "validation_v58.jsonl",
               "validation_v59.jsonl", "validation_v60.jsonl", "validation_v61.jsonl", "validation_v62.jsonl",
               "validation_v63.jsonl", "validation_v64.jsonl", "validation_v65.jsonl", "validation_v66.jsonl",
               "validation_v67.jsonl", "validation_v68.jsonl", "validation_v69.jsonl", "validation_v70.jsonl",
               "validation_v71.jsonl", "validation_v72.jsonl", "validation_v73.jsonl", "validation_v74.jsonl",
               "validation_v75.jsonl", "validation_v76.jsonl", "validation_v77.jsonl", "validation_v78.jsonl",
               "validation_v79.jsonl", "validation_v80.jsonl", "validation_v81.jsonl", "validation_v82.jsonl",
               "validation_v83.jsonl", "validation_v84.jsonl", "validation_v85.jsonl", "validation_v86.jsonl",
               "validation_v87.jsonl", "validation_v88.jsonl", "validation_v89.jsonl", "validation_v90.jsonl",
               "validation_v91.jsonl", "validation_v92.jsonl", "validation_v93.jsonl", "validation_v94.jsonl",
               "validation_v95.jsonl", "validation_v96.jsonl", "validation_v97.jsonl", "validation_v98.jsonl",
               "validation_v99.jsonl", "validation_v100.jsonl", "validation_v101.jsonl", "validation_v102.jsonl",
               "validation_v103.jsonl", "validation_v104.jsonl", "validation_v105.jsonl", "validation_v106.jsonl",
               "validation_v107.jsonl", "validation_v108.jsonl", "validation_v109.jsonl", "validation_v110.jsonl",
               "validation_v111.jsonl", "validation_v112.jsonl", "validation_v113.jsonl", "validation_v114.jsonl",
               "validation_v115.jsonl", "validation_v116.jsonl", "validation_v117.jsonl", "validation_v118.jsonl",
               "validation_v119.jsonl", "validation_v120.jsonl", "validation_v121.jsonl", "validation_v122.jsonl",
               "validation_v123.jsonl", "validation_v124.jsonl", "validation_v125.jsonl", "validation_v126.jsonl",
               "validation_v127.jsonl", "validation_v128.jsonl", "validation_v129.jsonl", "validation_v130.jsonl",
               "validation_v131.jsonl", "validation_v132.jsonl", "validation_v133.jsonl", "validation_v134.jsonl",
               "validation_v135.jsonl", "validation_v136.jsonl", "validation_v137.jsonl", "validation_v138.jsonl",
               "validation_v139.jsonl", "validation_v140.jsonl", "validation_v141.jsonl")
FILES = (*DEVELOPMENT, HELD_ASIDE)
# measured on 2026-12-04 with the shipped brand tagger (bench/brief_reading.py); issue 14 stays open while these
# are below the bar
BELOW_THE_BAR = {
    "seen_aside.jsonl": "96.9% fully right",
    "validation_v2.jsonl": "95.0% fully right",
    "validation_v3.jsonl": "96.7% fully right",
    "validation_v4.jsonl": "96.7% fully right",
    "validation_v5.jsonl": "93.3% fully right",
    "validation_v7.jsonl": "90.0% fully right",
    "validation_v8.jsonl": "94.0% fully right",
    "validation_v9.jsonl": "96.0% fully right",
    "validation_v10.jsonl": "92.0% fully right",
    "validation_v11.jsonl": "90.0% fully right",
    "validation_v12.jsonl": "96.0% fully right",
    "validation_v13.jsonl": "94.0% fully right, 1 of 26 traps gave a constraint",
    "validation_v14.jsonl": "84.0% fully right",
    "validation_v15.jsonl": "90.0% fully right",
    "validation_v16.jsonl": "78.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v17.jsonl": "96.0% fully right",
    "validation_v19.jsonl": "90.0% fully right, 1 of 33 traps gave a constraint",
    "validation_v20.jsonl": "90.0% fully right",
    "validation_v21.jsonl": "84.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v22.jsonl": "74.0% fully right, 3 of 45 traps gave a constraint",
    "validation_v23.jsonl": "84.0% fully right, 1 of 37 traps gave a constraint",
    "validation_v24.jsonl": "88.0% fully right",
    "validation_v25.jsonl": "68.0% fully right, 1 of 33 traps gave a constraint",
    "validation_v26.jsonl": "82.0% fully right, 2 of 40 traps gave a constraint",
    "validation_v27.jsonl": "86.0% fully right, 1 of 31 traps gave a constraint",
    "validation_v28.jsonl": "96.0% fully right",
    "validation_v29.jsonl": "82.0% fully right, 1 of 28 traps gave a constraint",
    "validation_v30.jsonl": "96.0% fully right",
    "validation_v31.jsonl": "92.0% fully right",
    "validation_v32.jsonl": "80.0% fully right, 2 of 41 traps gave a constraint",
    "validation_v33.jsonl": "90.0% fully right, 1 of 44 traps gave a constraint",
    "validation_v34.jsonl": "96.0% fully right",
    "validation_v35.jsonl": "80.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v36.jsonl": "72.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v37.jsonl": "84.0% fully right, 3 of 34 traps gave a constraint",
    "validation_v38.jsonl": "86.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v39.jsonl": "76.0% fully right, 2 of 37 traps gave a constraint",
    "validation_v40.jsonl": "82.0% fully right, 2 of 35 traps gave a constraint",
    "validation_v41.jsonl": "90.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v42.jsonl": "90.0% fully right",
    "validation_v43.jsonl": "86.0% fully right, 2 of 35 traps gave a constraint",
    "validation_v44.jsonl": "80.0% fully right",
    "validation_v45.jsonl": "94.0% fully right",
    "validation_v46.jsonl": "90.0% fully right, 1 of 33 traps gave a constraint",
    "validation_v47.jsonl": "90.0% fully right, 1 of 33 traps gave a constraint",
    "validation_v48.jsonl": "88.0% fully right",
    "validation_v49.jsonl": "70.0% fully right, 2 of 39 traps gave a constraint",
    "validation_v50.jsonl": "90.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v51.jsonl": "84.0% fully right, 4 of 30 traps gave a constraint",
    "validation_v52.jsonl": "80.0% fully right",
    "validation_v53.jsonl": "76.0% fully right, 2 of 37 traps gave a constraint",
    "validation_v54.jsonl": "94.0% fully right",
    "validation_v55.jsonl": "78.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v56.jsonl": "76.0% fully right, 1 of 39 traps gave a constraint",
    "validation_v57.jsonl": "88.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v58.jsonl": "74.0% fully right, 6 of 39 traps gave a constraint",
    "validation_v59.jsonl": "80.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v60.jsonl": "80.0% fully right, 2 of 33 traps gave a constraint",
    "validation_v61.jsonl": "86.0% fully right, 4 of 37 traps gave a constraint",
    "validation_v62.jsonl": "60.0% fully right, 2 of 37 traps gave a constraint",
    "validation_v63.jsonl": "80.0% fully right, 4 of 38 traps gave a constraint",
    "validation_v64.jsonl": "76.0% fully right",
    "validation_v65.jsonl": "88.0% fully right, 1 of 33 traps gave a constraint",
    "validation_v66.jsonl": "82.0% fully right, 3 of 38 traps gave a constraint",
    "validation_v67.jsonl": "86.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v68.jsonl": "82.0% fully right, 1 of 32 traps gave a constraint",
    "validation_v69.jsonl": "80.0% fully right, 1 of 43 traps gave a constraint",
    "validation_v70.jsonl": "84.0% fully right, 3 of 35 traps gave a constraint",
    "validation_v71.jsonl": "70.0% fully right, 2 of 39 traps gave a constraint",
    "validation_v72.jsonl": "86.0% fully right",
    "validation_v73.jsonl": "88.0% fully right",
    "validation_v74.jsonl": "82.0% fully right, 3 of 41 traps gave a constraint",
    "validation_v75.jsonl": "92.0% fully right, 1 of 37 traps gave a constraint",
    "validation_v76.jsonl": "76.0% fully right, 3 of 38 traps gave a constraint",
    "validation_v77.jsonl": "80.0% fully right, 1 of 43 traps gave a constraint",
    "validation_v78.jsonl": "94.0% fully right",
    "validation_v79.jsonl": "88.0% fully right",
    "validation_v80.jsonl": "84.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v81.jsonl": "90.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v82.jsonl": "62.0% fully right, 4 of 44 traps gave a constraint",
    "validation_v83.jsonl": "84.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v84.jsonl": "62.0% fully right, 1 of 39 traps gave a constraint",
    "validation_v85.jsonl": "86.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v86.jsonl": "94.0% fully right",
    "validation_v87.jsonl": "86.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v88.jsonl": "70.0% fully right, 2 of 33 traps gave a constraint",
    "validation_v89.jsonl": "84.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v90.jsonl": "70.0% fully right, 1 of 30 traps gave a constraint",
    "validation_v91.jsonl": "82.0% fully right, 1 of 29 traps gave a constraint",
    "validation_v92.jsonl": "80.0% fully right, 2 of 34 traps gave a constraint",
    "validation_v93.jsonl": "60.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v94.jsonl": "90.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v95.jsonl": "68.0% fully right",
    "validation_v96.jsonl": "80.0% fully right",
    "validation_v97.jsonl": "80.0% fully right, 1 of 24 traps gave a constraint",
    "validation_v98.jsonl": "80.0% fully right, 3 of 29 traps gave a constraint",
    "validation_v99.jsonl": "64.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v100.jsonl": "64.0% fully right, 3 of 31 traps gave a constraint",
    "validation_v101.jsonl": "72.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v102.jsonl": "56.0% fully right, 3 of 36 traps gave a constraint",
    "validation_v103.jsonl": "78.0% fully right, 3 of 29 traps gave a constraint",
    "validation_v104.jsonl": "70.0% fully right, 4 of 39 traps gave a constraint",
    "validation_v105.jsonl": "78.0% fully right, 2 of 27 traps gave a constraint",
    "validation_v106.jsonl": "86.0% fully right",
    "validation_v107.jsonl": "80.0% fully right, 2 of 42 traps gave a constraint",
    "validation_v108.jsonl": "84.0% fully right",
    "validation_v109.jsonl": "80.0% fully right, 2 of 30 traps gave a constraint",
    "validation_v110.jsonl": "76.0% fully right, 2 of 33 traps gave a constraint",
    "validation_v111.jsonl": "78.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v112.jsonl": "82.0% fully right, 4 of 29 traps gave a constraint",
    "validation_v113.jsonl": "78.0% fully right, 1 of 37 traps gave a constraint",
    "validation_v114.jsonl": "88.0% fully right",
    "validation_v115.jsonl": "74.0% fully right, 2 of 38 traps gave a constraint",
    "validation_v116.jsonl": "72.0% fully right",
    "validation_v117.jsonl": "72.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v118.jsonl": "88.0% fully right, 1 of 37 traps gave a constraint",
    "validation_v119.jsonl": "90.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v120.jsonl": "80.0% fully right, 2 of 43 traps gave a constraint",
    "validation_v121.jsonl": "80.0% fully right, 2 of 36 traps gave a constraint",
    "validation_v122.jsonl": "68.0% fully right, 1 of 40 traps gave a constraint",
    "validation_v123.jsonl": "62.0% fully right, 1 of 39 traps gave a constraint",
    "validation_v124.jsonl": "86.0% fully right, 1 of 34 traps gave a constraint",
    "validation_v125.jsonl": "70.0% fully right, 2 of 41 traps gave a constraint",
    "validation_v126.jsonl": "70.0% fully right, 2 of 38 traps gave a constraint",
    "validation_v127.jsonl": "60.0% fully right, 2 of 36 traps gave a constraint",
    "validation_v128.jsonl": "68.0% fully right, 1 of 38 traps gave a constraint",
    "validation_v129.jsonl": "66.0% fully right, 1 of 36 traps gave a constraint",
    "validation_v130.jsonl": "74.0% fully right, 1 of 39 traps gave a constraint",
    "validation_v131.jsonl": "82.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v132.jsonl": "76.0% fully right, 1 of 35 traps gave a constraint",
    "validation_v133.jsonl": "56.0% fully right",
    "validation_v134.jsonl": "60.0% fully right",
    "validation_v135.jsonl": "54.0% fully right, 5 of 35 traps gave a constraint",
    "validation_v136.jsonl": "64.0% fully right, 4 of 37 traps gave a constraint",
    "validation_v137.jsonl": "62.0% fully right",
    "validation_v138.jsonl": "62.0% fully right, 5 of 39 traps gave a constraint",
    "validation_v139.jsonl": "44.0% fully right, 5 of 37 traps gave a constraint",
    "validation_v140.jsonl": "50.0% fully right, 2 of 38 traps gave a constraint",
    "validation_v141.jsonl": "60.0% fully right, 3 of 38 traps gave a constraint",
    HELD_ASIDE: "94.6% fully right since its misses were worked on (69.6% when first run)",
}


def _marked(name: str) -> Any:
    reason = BELOW_THE_BAR.get(name)
    marks = [pytest.mark.xfail(strict=True, reason=f"issue 14: {reason}")] if reason else []
    return pytest.param(name, marks=marks, id=name)


def test_the_corpus_is_big_varied_and_a_quarter_held_aside() -> None:
    briefs = {name: load_corpus(CORPUS / name) for name in FILES}
    total = sum(len(b) for b in briefs.values())
    everything = [brief for file in briefs.values() for brief in file]
    assert total >= 200
    # the held-aside file is a quarter of the corpus the reader was first built on (development + it)
    assert len(briefs[HELD_ASIDE]) >= (len(briefs["development.jsonl"]) + len(briefs[HELD_ASIDE])) / 4
    assert sum(brief.trap for brief in everything) >= total / 3
    assert {brief.style for brief in everything} >= {"keywords", "short", "agency", "email", "non_native",
                                                     "product_first"}
    assert len({brief.brief_id for brief in everything}) == total


@pytest.mark.parametrize("name", FILES)
def test_no_follower_bound_is_inverted(name: str) -> None:
    score = score_briefs(load_corpus(CORPUS / name), parse_brief)
    assert score.inverted_bounds == 0, "\n".join(score_lines(score, name))


@pytest.mark.parametrize("name", [_marked(name) for name in FILES])
def test_the_reader_meets_the_bar(name: str) -> None:
    score = score_briefs(load_corpus(CORPUS / name), parse_brief)
    report = "\n".join(score_lines(score, name))
    assert score.fully_right >= 0.97, report
    assert score.traps_read == 0, report
