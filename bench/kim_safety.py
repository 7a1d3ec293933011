"""Sensitive content on a built store: creators per topic, and a sample of flagged creators to read by hand.

`count` prints, per topic, the creators whose recent captions touch it (and with a share of at least a half).
`sample` writes up to N flagged creators per topic (seeded), each with the captions that triggered the flag,
as JSON lines for a reader, who adds "correct": true/false per creator and topic (does the caption really
touch the topic, in the IAB sense?). `score` reads those judgements and prints the precision per topic.

usage: python -m bench.kim_safety STORE count
       python -m bench.kim_safety STORE sample OUT.jsonl [--per-topic 6] [--seed 0] [--exclude JUDGED.jsonl ...]
       python -m bench.kim_safety STORE score JUDGED.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from index import IndexStore
from matcher.mixes import parsed_mix
from matcher.safety import TOPIC_TERMS, TOPICS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("action", choices=["count", "sample", "score"])
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument("--per-topic", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="judged files whose creators are not drawn again (a fresh sample after a change)")
    args = parser.parse_args()
    if args.action == "score":
        judged = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
        print("| topic | judged | correct | precision |\n|---|---|---|---|")
        for topic in TOPICS:
            marks = [bool(item["correct"]) for item in judged if item["topic"] == topic]
            if marks:
                print(f"| {topic} | {len(marks)} | {sum(marks)} | {sum(marks) / len(marks):.2f} |")
        marks = [bool(item["correct"]) for item in judged]
        print(f"| all | {len(marks)} | {sum(marks)} | {sum(marks) / max(1, len(marks)):.2f} |")
        return
    index = IndexStore(args.store).load().index
    creators = index.creators
    if args.action == "count":
        read = int((creators["sensitive_confidence"] > 0).sum())
        print(f"{len(creators):,} creators, {read:,} with at least one caption read")
        print("| topic | IAB name | creators touching it | share >= 0.5 |\n|---|---|---|---|")
        for topic in TOPICS:
            shares = [s.get(topic, 0.0) for s in map(parsed_mix, creators["sensitive_shares"]) if isinstance(s, dict)]
            print(f"| {topic} | {TOPIC_TERMS[topic][0]} | {sum(v > 0 for v in shares):,} | "
                  f"{sum(v >= 0.5 for v in shares):,} |")
        return
    captions = index.units[index.units["source"] == "caption"].set_index("post_id")["shown"]
    rng = random.Random(args.seed)
    seen = {json.loads(line)["creator_id"] for path in args.exclude
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    with args.file.open("w", encoding="utf-8") as out:
        for topic in TOPICS:
            flagged = [(c, e) for c, e in zip(creators["creator_id"], map(parsed_mix, creators["sensitive_evidence"]),
                                              strict=True)
                       if isinstance(e, dict) and topic in e and c not in seen]
            for creator, evidence in rng.sample(flagged, min(args.per_topic, len(flagged))):
                example = evidence[topic][0]
                post_id, _, terms = example.partition(": ")
                out.write(json.dumps({"creator_id": creator, "topic": topic, "iab_name": TOPIC_TERMS[topic][0],
                                      "terms": terms, "caption": str(captions.get(post_id, ""))},
                                     ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
