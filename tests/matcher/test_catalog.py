"""Catalog loading: every kind of bad input gives a clear error or a rejects row, the rest loads."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from matcher import CatalogError, load_catalog

CREATOR_HEADER = "creator_id,handle,platform,followers,following,country,categories,audience_countries\n"
GOOD_CREATOR = 'a,alice,instagram,1000,100,DE,beauty;makeup,"{""DE"": 0.6, ""AT"": 0.2}"\n'
POST_HEADER = "creator_id,post_id,posted_at,caption,likes,comments,is_sponsored,brand_mentions\n"


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def reasons(catalog, column: str) -> list[str]:
    return catalog.rejects.loc[catalog.rejects["column"] == column, "reason"].tolist()


def test_good_catalog_is_typed(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR + "b,bob,TikTok,50,,,,\n")
    posts = write(tmp_path / "p.csv", POST_HEADER + "a,1,2024-01-02T03:04:05Z,Hello #ad,10,2,,@brandx;friend\n"
                  "b,1,1700000000,,5,0,false,\n")
    catalog = load_catalog(creators, posts)
    assert catalog.rejects.empty
    alice = catalog.creators.set_index("creator_id").loc["a"]
    assert alice["followers"] == 1000 and alice["following"] == 100.0
    assert alice["categories"] == ("beauty", "makeup")
    assert alice["audience_countries"] == {"DE": 0.6, "AT": 0.2}
    bob = catalog.creators.set_index("creator_id").loc["b"]
    assert bob["platform"] == "tiktok"  # case-insensitive
    assert pd.isna(bob["following"])  # missing stays missing, not 0
    post_b = catalog.posts.set_index("creator_id").loc["b"]
    assert post_b["posted_at"] == pd.Timestamp(1700000000, unit="s", tz="UTC")
    assert post_b["caption"] == ""  # required but may be empty
    assert catalog.posts.set_index("creator_id").loc["a", "brand_mentions"] == ("brandx", "friend")


def test_missing_required_column_names_it(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", "creator_id,handle,followers\na,alice,10\n")
    with pytest.raises(CatalogError, match=r"c\.csv: missing required column\(s\) platform"):
        load_catalog(creators)


def test_wrong_types_negative_counts_nan_inf_and_unknown_platform_are_rejected(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR
                     + "b,bob,instagram,lots,,,,\n"        # line 3: wrong type
                     + "c,carol,instagram,-5,,,,\n"        # line 4: negative
                     + "d,dan,instagram,nan,,,,\n"         # line 5: NaN
                     + "e,eve,instagram,inf,,,,\n"         # line 6: infinity
                     + "f,fay,myspace,10,,,,\n"            # line 7: unknown platform
                     + "g,gus,instagram,10,3.5,,,\n"       # line 8: fractional count
                     + "h,hal,instagram,10,,XX,,\n"        # line 9: bad country
                     + 'i,ivy,instagram,10,,,,"{""DE"": 2}"\n')  # line 10: share > 1
    catalog = load_catalog(creators)
    assert catalog.creators["creator_id"].tolist() == ["a"]
    by_row = catalog.rejects.set_index("row")
    assert by_row.loc[3, "column"] == "followers" and "'lots' is not a number" in by_row.loc[3, "reason"]
    assert "-5 is negative" in by_row.loc[4, "reason"]
    assert "NaN or infinity" in by_row.loc[5, "reason"]
    assert "NaN or infinity" in by_row.loc[6, "reason"]
    assert by_row.loc[7, "column"] == "platform" and "unknown platform 'myspace'" in by_row.loc[7, "reason"]
    assert "not a whole number" in by_row.loc[8, "reason"]
    assert "ISO 3166" in by_row.loc[9, "reason"]
    assert "outside 0..1" in by_row.loc[10, "reason"]
    assert set(catalog.rejects["file"]) == {str(creators)}
    assert catalog.rejected_rows == 8


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR + GOOD_CREATOR.replace("alice", "alice2"))
    posts = write(tmp_path / "p.csv", POST_HEADER + "a,1,2024-01-01,x,1,1,,\na,1,2024-01-02,y,1,1,,\n")
    catalog = load_catalog(creators, posts)
    assert catalog.creators["handle"].tolist() == ["alice"]
    row = catalog.rejects.iloc[0]
    assert (row["row"], row["column"]) == (3, "creator_id") and "first seen at row 2" in row["reason"]
    post_reject = catalog.rejects[catalog.rejects["file"] == str(posts)].iloc[0]
    assert post_reject["row"] == 3 and "duplicate creator_id/post_id" in post_reject["reason"]
    assert catalog.posts["caption"].tolist() == ["x"]


def test_posts_of_unknown_or_rejected_creators_are_rejected(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR + "b,bob,instagram,-1,,,,\n")
    posts = write(tmp_path / "p.csv", POST_HEADER + "a,1,2024-01-01,ok,1,1,,\nzz,1,2024-01-01,x,1,1,,\n"
                  "b,1,2024-01-01,x,1,1,,\n")
    catalog = load_catalog(creators, posts)
    post_rejects = catalog.rejects[catalog.rejects["file"] == str(posts)]
    assert post_rejects["row"].tolist() == [3, 4]
    assert all("unknown creator" in r for r in post_rejects["reason"])
    assert len(catalog.posts) == 1


@pytest.mark.parametrize("content", [b"", CREATOR_HEADER.encode()])
def test_empty_file_or_zero_valid_rows_is_an_error(tmp_path: Path, content: bytes) -> None:
    creators = write(tmp_path / "c.csv", content)
    with pytest.raises(CatalogError, match=r"c\.csv: (file is empty|no valid creator rows)"):
        load_catalog(creators)


def test_all_rows_bad_is_an_error_with_the_reasons(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + "b,bob,instagram,-1,,,,\n")
    with pytest.raises(CatalogError, match="no valid creator rows.*is negative"):
        load_catalog(creators)


def test_non_utf8_bytes_reject_only_that_row(tmp_path: Path) -> None:
    data = (CREATOR_HEADER + GOOD_CREATOR).encode() + b"b,b\xff\xfeb,instagram,10,,,,\n"
    catalog = load_catalog(write(tmp_path / "c.csv", data))
    assert catalog.creators["creator_id"].tolist() == ["a"]
    assert catalog.rejects.iloc[0]["row"] == 3 and "not valid UTF-8" in catalog.rejects.iloc[0]["reason"]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_bytes(b'{"creator_id": "a", "handle": "x", "platform": "blog", "followers": 1}\n'
                      b'{"creator_id": "b", "handle": "\xff", "platform": "blog", "followers": 1}\n')
    catalog = load_catalog(jsonl)
    assert catalog.rejects.iloc[0]["row"] == 2 and "not valid UTF-8" in catalog.rejects.iloc[0]["reason"]


def test_a_10_mb_caption_is_rejected_and_the_rest_loads(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR)
    huge = "x" * (10 * 1024 * 1024)
    posts = write(tmp_path / "p.csv", POST_HEADER + f"a,1,2024-01-01,{huge},1,1,,\na,2,2024-01-02,short,1,1,,\n")
    catalog = load_catalog(creators, posts)
    assert catalog.posts["post_id"].tolist() == ["2"]
    reject = catalog.rejects.iloc[0]
    assert reject["column"] == "caption" and "10,485,760 characters" in reject["reason"]
    assert len(reject["value"]) <= 80  # the report does not carry the 10 MB


def test_jsonl_and_parquet_read_like_csv(tmp_path: Path) -> None:
    rows = [{"creator_id": "a", "handle": "alice", "platform": "youtube", "followers": 10,
             "categories": ["Food", "baking"], "audience_countries": {"FR": 0.5}},
            {"creator_id": "b", "handle": "bob", "platform": "youtube", "followers": float("nan")}]
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows[:1]) + '\n{"creator_id": "b", "handle": "bob", '
                     '"platform": "youtube", "followers": NaN}\nnot json\n', encoding="utf-8")
    catalog = load_catalog(jsonl)
    assert catalog.creators.iloc[0]["categories"] == ("food", "baking")
    assert catalog.rejects["row"].tolist() == [2, 3]
    assert "not valid JSON" in catalog.rejects.iloc[1]["reason"]
    parquet = tmp_path / "c.parquet"
    pd.DataFrame([{"creator_id": "a", "handle": "alice", "platform": "blog", "followers": 5},
                  {"creator_id": "b", "handle": "bob", "platform": "blog", "followers": -1}]).to_parquet(parquet)
    catalog = load_catalog(parquet)
    assert catalog.creators["creator_id"].tolist() == ["a"] and catalog.rejects.iloc[0]["row"] == 2


def test_unreadable_or_unknown_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such file"):
        load_catalog(tmp_path / "nope.csv")
    with pytest.raises(CatalogError, match="unknown file type '.xlsx'"):
        load_catalog(write(tmp_path / "c.xlsx", "x"))
    with pytest.raises(CatalogError, match="cannot read Parquet"):
        load_catalog(write(tmp_path / "c.parquet", "not parquet"))


def test_unknown_columns_are_kept_and_ignored(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", "creator_id,handle,platform,followers,shoe_size\na,alice,blog,1,42\n")
    catalog = load_catalog(creators)
    assert catalog.creators.iloc[0]["shoe_size"] == "42" and catalog.rejects.empty


def test_short_rows_are_rejected(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR + "b,bob\n")
    catalog = load_catalog(creators)
    assert catalog.rejects.iloc[0]["row"] == 3 and "has 2 fields, the header has 8" in catalog.rejects.iloc[0]["reason"]


@pytest.mark.parametrize(("name", "content"), [("p.csv", POST_HEADER), ("p.jsonl", ""), ("p.csv", "")])
def test_a_posts_file_with_no_rows_is_a_profiles_only_catalog(tmp_path: Path, name: str, content: str) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR)
    catalog = load_catalog(creators, write(tmp_path / name, content))
    assert len(catalog.creators) == 1 and len(catalog.posts) == 0 and catalog.rejects.empty


def test_posts_whose_rows_are_all_bad_are_still_an_error(tmp_path: Path) -> None:
    creators = write(tmp_path / "c.csv", CREATOR_HEADER + GOOD_CREATOR)
    posts = write(tmp_path / "p.csv", POST_HEADER + "a,p1,not-a-date,hi,-1,0,false,\n")
    with pytest.raises(CatalogError, match="no valid post rows"):
        load_catalog(creators, posts)


def test_an_empty_posts_table_from_a_database_is_a_profiles_only_catalog() -> None:
    from matcher.catalog import catalog_from_frames

    creators = pd.DataFrame([{"creator_id": "a", "handle": "alice", "platform": "instagram", "followers": 1000}])
    catalog = catalog_from_frames(creators, pd.DataFrame(columns=["creator_id", "post_id"]), "creators table")
    assert len(catalog.creators) == 1 and len(catalog.posts) == 0
