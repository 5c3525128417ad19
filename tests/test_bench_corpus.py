"""bench/distinct.py: N distinct article files from Reuters / CNN / BBC layouts; a clean skip without data."""

from __future__ import annotations

import json
import sys

import pytest

from briefing.ingest import load_articles

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import distinct  # noqa: E402
import run_bench  # noqa: E402

CNN_XML = """<?xml version="1.0" encoding="utf-8"?>
<document link="https://edition.cnn.com/{n}" date_published="2013-02-0{n} 10:00:00">
<title>CNN story {n}</title>
<article><paragraph><sentence><content>Officials in city {n} said on Monday that the new bridge would open next year after long delays.</content></sentence></paragraph>
<paragraph><sentence><content>The project cost {n} million dollars and was paid for by the regional government, a spokesman said.</content></sentence></paragraph></article>
</document>
"""


def fake_data(root):
    """A tiny eval-data layout: 4 Reuters articles (one an exact duplicate), 2 CNN, 3 BBC."""
    reuters = root / "reuters-21578"
    reuters.mkdir(parents=True)
    rows = []
    for i in range(1, 4):
        rows.append({
            "id": i, "date": f"{i}-MAR-1987 10:00:00.00", "title": f"COMPANY {i} RAISES DIVIDEND",
            "dateline": "NEW YORK, March 3 -", "topics": ["earn"], "places": ["usa"],
            "paragraphs": [f"Company {i} said its board raised the quarterly dividend to {i} cts a share.",
                           f"The dividend is payable April {i} to holders of record, the company said."],
        })
    rows.append(dict(rows[0], id=4))  # the same text again: written once
    (reuters / "articles.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    cnn = root / "cnn-corpus"
    cnn.mkdir()
    for n in (1, 2):
        (cnn / f"news - story {n}.xml").write_text(CNN_XML.format(n=n), encoding="utf-8")
    for cat, n in (("business", 1), ("sport", 2), ("sport", 3)):
        folder = root / "bbc" / "articles" / cat
        folder.mkdir(parents=True, exist_ok=True)
        body = (f"BBC headline {cat} {n}\n\nThe team {n} said on Tuesday that it had agreed a new deal "
                f"with its main sponsor for the {cat} season.\n\nThe chairman said fans would welcome it.\n")
        data = body.encode("utf-8")
        if n == 3:  # like sport/199.txt: not valid UTF-8
            data = data.replace(b"chairman", b"chairman\x92s aide")
        (folder / f"{n:03d}.txt").write_bytes(data)
    return root


def test_writes_n_distinct_files_that_ingest_reads(tmp_path):
    data = fake_data(tmp_path / "eval-data")
    pool = distinct.load_pool(data)
    assert len(pool) == 8  # 3 Reuters (the duplicate dropped) + 2 CNN + 3 BBC
    out = tmp_path / "corpus"
    paths = distinct.write_distinct(out, 6, pool)
    assert [p.name for p in paths] == [f"{k:05d}.txt" for k in range(6)]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == 6

    assert len({a.text for a in load_articles([out]).articles}) == 6

    everything = tmp_path / "all"
    assert len(distinct.write_distinct(everything, None, pool)) == 8
    result = load_articles([everything])
    assert not result.skipped
    articles = result.articles
    assert len({a.text for a in articles}) == 8
    assert {a.source for a in articles} == {"Reuters", "CNN", "BBC"}
    by_source = {}
    for a in articles:
        by_source.setdefault(a.source, []).append(a)
    for a in by_source.get("Reuters", []):
        assert a.date is not None and a.date.year == 1987 and a.date.month == 3
        assert a.place == "NEW YORK"
        assert a.title.startswith("COMPANY ")
        assert "(Reuters)" not in a.text
    for a in by_source.get("CNN", []):
        assert a.title.startswith("CNN story") and a.date.isoformat().startswith("2013-02-0")
        assert a.url.startswith("https://edition.cnn.com/")
    for a in by_source.get("BBC", []):
        assert a.title.startswith("BBC headline") and a.date is None


def test_every_source_and_lenient_bbc_decoding(tmp_path):
    pool = distinct.load_pool(fake_data(tmp_path / "eval-data"))
    assert distinct.mix(pool) == {"Reuters": 3, "CNN": 2, "BBC": 3}
    bad = next(i for i in pool if i.key == "bbc:sport/003")
    assert "chairman’s aide" in " ".join(bad.paragraphs)


def test_order_is_fixed_mixed_and_prefix_stable(tmp_path):
    data = fake_data(tmp_path / "eval-data")
    a, b = distinct.load_pool(data), distinct.load_pool(data)
    assert [i.key for i in a] == [i.key for i in b]
    assert [i.key for i in a] != sorted(i.key for i in a)  # shuffled, not source by source
    assert [i.key for i in distinct.load_pool(data, seed=1)] != [i.key for i in a]
    small, big = tmp_path / "small", tmp_path / "big"
    distinct.write_distinct(small, 3, a)
    distinct.write_distinct(big, None, a)
    for p in sorted(small.iterdir()):
        assert p.read_bytes() == (big / p.name).read_bytes()
    with pytest.raises(ValueError, match="pool has 8"):
        distinct.write_distinct(tmp_path / "too-many", 9, a)


def test_missing_data_skips_with_a_clear_message(tmp_path, capsys):
    missing = tmp_path / "no-eval-data"
    with pytest.raises(distinct.DataMissing, match="reuters-21578/articles.jsonl"):
        distinct.load_pool(missing)
    docs = tmp_path / "benchmarks.md"
    assert run_bench.main(["--data", str(missing), "--quick", "--docs", str(docs)]) == 0
    err = capsys.readouterr().err
    assert "bench: skipped" in err and str(missing) in err
    assert not docs.exists()


def test_sizes_and_any_timing_keys():
    assert run_bench.parse_sizes("1000, 3_000,all") == [1000, 3000, None]
    rows = [
        {"kind": "distinct", "files": 10, "articles": 10, "workers": 0, "pss_peak_mb": 50.0,
         "process_wall": 1.0, "stages": {"ingest": 0.1, "stories": 0.2, "build": 0.5, "render": 0.1}},
        {"kind": "distinct", "files": 20, "articles": 19, "workers": 2, "pss_peak_mb": 60.0,
         "process_wall": 2.0, "stages": {"ingest": 0.2, "new_stage": 0.3, "build": 1.0, "render": 0.1}},
    ]
    text = run_bench.table(rows)
    header = text.splitlines()[0]
    assert "stories" in header and "new_stage" in header
    assert all(t[2] is None for t in run_bench.targets(rows))  # no 10,000 / CNN rows: not measured


def test_cnn_target_is_decided_by_the_median_side_by_side_pair():
    def pair(build: float, sumy: float) -> list[dict]:
        stages = {"build": build - 0.5, "render": 0.1}
        return [
            {"kind": "cnn build", "files": 1000, "process_wall": build, "stages": stages},
            {"kind": "sumy LexRank alone", "files": 1000, "process_wall": sumy, "stages": {"lexrank": sumy - 0.5}},
        ]

    rows = pair(3.0, 12.0) + pair(3.0, 16.0) + pair(3.0, 15.3)  # x4.0, x5.33, x5.1
    (line,) = [t for t in run_bench.targets(rows) if "CNN" in t[0]]
    assert line[2] is True and "x4.00, x5.33, x5.10" in line[1] and "x5.1 wall to wall" in line[1]
    rows = pair(3.0, 12.0) + pair(3.0, 16.0) + pair(3.0, 14.0)  # median x4.67
    (line,) = [t for t in run_bench.targets(rows) if "CNN" in t[0]]
    assert line[2] is False and line[1].startswith("missed")
