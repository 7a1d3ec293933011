"""Map the Cresci et al. 2015 "Fame for sale" accounts onto creators schema v1, labels kept apart.

followers_count -> followers, friends_count -> following, statuses_count -> posts_count,
description -> bio, created_at -> account_created_at (ISO 8601). Writes OUT/cresci_creators.csv and
OUT/cresci_labels.csv (creator_id, is_fake). Research data: never copy the outputs into the repo.

usage: python bench/cresci_to_catalog.py SRC_DIR OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def main(source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    frames = []
    for name, is_fake in (("users.csv", 0), ("fusers.csv", 1)):
        frame = pd.read_csv(source / name, dtype={"id": str, "screen_name": str, "description": str},
                            keep_default_na=False, na_values=[""])
        frames.append(frame.assign(is_fake=is_fake))
    raw = pd.concat(frames, ignore_index=True)
    created = pd.to_datetime(raw["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True, errors="coerce")
    bio = raw["description"].fillna("").astype(str).str.strip()
    catalog = pd.DataFrame({
        "creator_id": "tw_" + raw["id"].astype(str),
        "handle": raw["screen_name"].astype(str),
        "platform": "twitter",
        "followers": pd.to_numeric(raw["followers_count"], errors="coerce").fillna(0).astype(int),
        "following": pd.to_numeric(raw["friends_count"], errors="coerce").fillna(0).astype(int),
        "posts_count": pd.to_numeric(raw["statuses_count"], errors="coerce").fillna(0).astype(int),
        "bio": bio.where(bio.str.upper() != "NULL", ""),
        "account_created_at": created.dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
    })
    keep = ~catalog["creator_id"].duplicated()
    catalog[keep].to_csv(out / "cresci_creators.csv", index=False)
    pd.DataFrame({"creator_id": catalog.loc[keep, "creator_id"], "is_fake": raw.loc[keep, "is_fake"]}).to_csv(
        out / "cresci_labels.csv", index=False)
    print(f"wrote {int(keep.sum()):,} creators ({int(raw.loc[keep, 'is_fake'].sum()):,} fake) to {out}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
