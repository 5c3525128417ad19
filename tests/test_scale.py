"""Scale: the process-pool path gives the serial path's brief; merge blocking misses no duplicate."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

import briefing
from briefing.blocking import TextIndex, need
from briefing.merge import Merger, _dedupe_citations, _UnionFind
from briefing.samepoint import _features, same_point
from briefing.models import Citation
from briefing.pipeline import build_brief, pool_size
from briefing.sentences import split_sentences

from conftest import EVAL_DATA, SEEDS

CNN_DIR = EVAL_DATA / "cnn-corpus"
_SWAPS = (("said", "says"), ("Russia", "Moscow"), ("the ", "a "), ("percent", "per cent"))


def _feed(folder, copies: int = 4):
    """Seed articles and edited copies under other outlets' names (as syndicated feeds look)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    n = 0
    for k in range(copies):
        for seed in seeds:
            rng = random.Random(n)
            lines = seed.read_text(encoding="utf-8").splitlines()
            if k:
                body = [i for i, line in enumerate(lines) if len(line.split()) > 8]
                if len(body) > 3:
                    del lines[rng.choice(body[1:])]
                i = rng.choice(body)
                old, new = _SWAPS[rng.randrange(len(_SWAPS))]
                lines[i] = lines[i].replace(old, new, 1)
            (folder / f"{n:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            n += 1
    return folder


def _dump(brief):
    return brief.model_dump(exclude={"created"})


def test_pool_path_gives_the_serial_brief(tmp_path):
    folder = _feed(tmp_path / "feed")
    (folder / "zz-empty.txt").write_bytes(b"")  # a skipped input keeps its place in the list
    serial_settings = briefing.load_settings(date="2026-01-01", workers=0)
    pool_settings = briefing.load_settings(date="2026-01-01", workers=2)
    assert pool_size(pool_settings, 9) == 2 and pool_size(serial_settings, 9) == 0
    serial = build_brief([folder], serial_settings)
    pooled = build_brief([folder], pool_settings)
    assert len(serial.sources) == 8 and [s.input for s in serial.skipped] == [str(folder / "zz-empty.txt")]
    assert _dump(pooled) == _dump(serial)
    # the copies corroborate each other: some point cites several outlets' articles
    assert max(len(p.citations) for p in serial.points) >= 3


def test_pool_leaves_this_process_as_it_found_it(tmp_path):
    """The pool freezes this process's objects out of garbage collection while its workers run
    (and they collect seldom): afterwards collection is as it was, and the writer's modules the
    main process loaded meanwhile are the ones the settings' format needs."""
    import gc
    import subprocess
    import sys

    folder = _feed(tmp_path / "feed", copies=1)
    before = (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count())
    build_brief([folder], briefing.load_settings(date="2026-01-01", workers=2))
    assert (gc.isenabled(), gc.get_threshold(), gc.get_freeze_count()) == before
    code = (
        "import sys, briefing; from briefing.output import preload; "
        "preload(briefing.load_settings(output=sys.argv[1], format=sys.argv[1].rsplit('.', 1)[1])); "
        "print('docx' in sys.modules, 'briefing.render' in sys.modules, 'briefing.markdown' in sys.modules)"
    )
    ran = {
        name: subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], capture_output=True, text=True, check=True).stdout.split()
        for name in ("b.docx", "b.json", "b.md")
    }
    assert ran == {"b.docx": ["True", "True", "False"], "b.json": ["False", "False", "False"], "b.md": ["False", "True", "True"]}  # markdown shares render's helpers


def test_pool_path_from_articles_gives_the_serial_brief():
    articles = briefing.load_articles([SEEDS]).articles
    serial = briefing.brief_from_articles(articles, briefing.load_settings(date="2026-01-01", workers=0))
    pooled = briefing.brief_from_articles(articles, briefing.load_settings(date="2026-01-01", workers=2))
    assert _dump(pooled) == _dump(serial)


def test_default_pool_size_waits_for_enough_articles():
    settings = briefing.load_settings()
    assert pool_size(settings, 10) == 0
    assert pool_size(settings, 5000) >= 1
    assert pool_size(briefing.load_settings(workers=1), 5000) == 1


def test_stage_timings_are_reported(tmp_path):
    timings: dict[str, float] = {}
    build_brief([SEEDS], briefing.load_settings(date="2026-01-01", workers=0), timings=timings)
    assert {"ingest", "split", "summarize", "stories", "route", "per_article_wall"} <= set(timings)
    assert all(v >= 0 for v in timings.values())


def _overlap(a: str, b: str) -> float:
    ca, cb = _features(a).content, _features(b).content
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / min(len(ca), len(cb))


def _sentences() -> list[str]:
    texts = []
    for seed in sorted(SEEDS.glob("*.txt")):
        texts += [s.text for s in split_sentences(briefing.load_articles([seed]).articles[0].text)]
    rng = random.Random(7)
    variants = []
    for t in texts:  # shortened and reworded restatements, as other outlets write them
        words = t.split()
        if len(words) > 6:
            keep = sorted(rng.sample(range(len(words)), k=max(3, len(words) * 2 // 3)))
            variants.append(" ".join(words[i] for i in keep))
        variants.append(t.replace("said", "told reporters"))
    return texts + variants


@pytest.mark.parametrize("threshold", [0.2, 0.35, 0.6, 0.9])
def test_blocking_finds_every_pair_with_enough_overlap(threshold):
    texts = _sentences()
    index = TextIndex(_features, threshold)
    for i, t in enumerate(texts):
        index.add(t, i)
    checked = 0
    for t in texts:
        found = set(index.candidates(t))
        for tid, other in enumerate(index.texts):
            if _overlap(t, other) >= threshold or _features(t).normalized == _features(other).normalized:
                assert tid in found, (t, other)
                checked += 1
    assert checked > len(index)  # more than the sentences themselves
    assert need(10, 0.35) == 4 and need(3, 0.9) == 3


def _brute_force_merge(points, articles, spans, threshold):
    """The merger's rule applied to every point and sentence pair, with no blocking."""
    sentences = [(a, s) for a in articles for s in spans[a]]
    corroborated = []
    for p in points:
        own = {c.article_id for c in p.citations}
        extra = []
        for article_id, s in sentences:
            if article_id not in own and same_point(p.text, s.text, threshold):
                extra.append(Citation(article_id=article_id, source=articles[article_id].source,
                                      sentence=s.index, start=s.start, end=s.end))
                own.add(article_id)
        corroborated.append(p.model_copy(update={"citations": _dedupe_citations(p.citations + tuple(extra))}))
    uf = _UnionFind(len(corroborated))
    by_citation: dict = {}
    for i, p in enumerate(corroborated):
        for c in p.citations:
            key = (c.article_id, c.sentence)
            if key in by_citation:
                uf.union(i, by_citation[key])
            else:
                by_citation[key] = i
        for j in range(i):
            if same_point(p.text, corroborated[j].text, threshold):
                uf.union(i, j)
    groups = defaultdict(list)
    for i, p in enumerate(corroborated):
        groups[uf.find(i)].append(p)
    return [Merger._combine(g) for g in groups.values()]


def _keys(points):
    return sorted((p.text, tuple(sorted((c.article_id, c.sentence) for c in p.citations))) for p in points)


def _points_and_spans(articles):
    selector = briefing.pipeline.make_selector(briefing.load_settings())
    spans = {a.id: split_sentences(a.text) for a in articles}
    points = [p for a in articles for p in selector.select(a, spans[a.id])]
    return points, {a.id: a for a in articles}, spans


def test_blocked_merge_equals_brute_force_on_syndicated_copies(tmp_path):
    articles = briefing.load_articles([_feed(tmp_path / "feed", copies=3)]).articles
    points, by_id, spans = _points_and_spans(articles)
    merger = Merger()
    merged = merger.merge(points, by_id, spans)
    assert _keys(merged) == _keys(_brute_force_merge(points, by_id, spans, merger.threshold))
    assert len(merged) < len(points)  # the copies' points were merged

    streamed = Merger()
    for a in articles:  # the pipeline's way: sentences streamed in, spans not kept
        streamed.add_article(a.id, a.source, [(s.index, s.start, s.end, s.text) for s in spans[a.id]])
    assert streamed.merge(points) == merged


@pytest.mark.skipif(not CNN_DIR.is_dir(), reason=f"CNN corpus not found at {CNN_DIR} (../shared/eval-data)")
def test_blocked_merge_equals_brute_force_on_cnn_articles():
    import html
    import xml.etree.ElementTree as ET

    from briefing.ingest import article_from_text

    articles = []
    for path in sorted(CNN_DIR.glob("*.xml"))[::40]:
        root = ET.parse(path).getroot()
        paragraphs = [
            " ".join(html.unescape((c.text or "").replace("&apost;", "'")).strip() for c in p.iter("content"))
            for p in root.iter("paragraph")
        ]
        articles.append(article_from_text("\n".join(paragraphs), path=str(path), source="CNN"))
    assert len(articles) >= 20
    points, by_id, spans = _points_and_spans(articles)
    merger = Merger()
    assert _keys(merger.merge(points, by_id, spans)) == _keys(
        _brute_force_merge(points, by_id, spans, merger.threshold)
    )


def test_parallel_corroboration_gives_the_serial_merge(tmp_path, monkeypatch):
    import briefing.blocking

    monkeypatch.setattr(briefing.blocking, "MIN_PARALLEL_PAIRS", 0)  # fork even for a few pairs
    articles = briefing.load_articles([_feed(tmp_path / "feed", copies=3)]).articles
    points, by_id, spans = _points_and_spans(articles)
    serial = Merger(workers=0).merge(points, by_id, spans)
    assert Merger(workers=2).merge(points, by_id, spans) == serial
    assert any(len(p.citations) > 1 for p in serial)
