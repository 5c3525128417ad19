"""bench/dask_example.py: the per-article stage mapped on a Dask LocalCluster gives build's brief."""

from __future__ import annotations

import importlib.util

import briefing
from briefing.pipeline import article_results, brief_from_results

from conftest import ROOT, SEEDS


def _example():
    spec = importlib.util.spec_from_file_location("dask_example", ROOT / "bench" / "dask_example.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dump(brief):
    return brief.model_dump(exclude={"created"})


def test_map_and_gather_functions_give_builds_brief():
    settings = briefing.load_settings(date="2026-01-01")
    files = sorted(SEEDS.glob("*.txt"))
    results = article_results(files[:1], settings) + article_results(files[1:], settings)
    assert [type(r.ref).__name__ for r in results] == ["SourceRef"] * len(files)
    assert _dump(brief_from_results(results, settings)) == _dump(briefing.build_brief([SEEDS], settings))


def test_dask_local_cluster_gives_builds_brief(tmp_path):
    out = tmp_path / "dask.docx"
    brief, path = _example().run([SEEDS], out, workers=1, batch=1, date="2026-01-01")
    assert path == out and out.stat().st_size > 0
    expected = briefing.build_brief([SEEDS], briefing.load_settings(date="2026-01-01"))
    assert _dump(brief) == _dump(expected)
