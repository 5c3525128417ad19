"""The evaluation harness: loaders, metrics and the report, on tiny data sets written here.

The tests at the end read the real ../shared/eval-data and skip, saying so, when it is absent.
"""

from __future__ import annotations

import json

import pytest

from briefing import evaluate as ev
from briefing.cli import main
from briefing.errors import EvaluationError
from conftest import EVAL_DATA

# --- tiny data sets -----------------------------------------------------------------------------

CNN_XML = """<?xml version="1.0" encoding="UTF-8"?>
<document id="7">
  <title>Minister&amp;apost;s plan</title>
  <summaries>
    <gold_standard>
      <sentence id="1">The minister&amp;apost;s plan would cut fuel taxes by a tenth from next spring.</sentence>
      <sentence id="3">Opposition leaders said the plan would cost the treasury far too much money.</sentence>
    </gold_standard>
  </summaries>
  <article>
    <paragraph id="1"><sentences>
      <sentence id="1"><content>The minister&amp;apost;s plan would cut fuel taxes by a tenth from next spring.</content></sentence>
      <sentence id="2"><content>Drivers in rural areas would gain the most from the change, officials said.</content></sentence>
    </sentences></paragraph>
    <paragraph id="2"><sentences>
      <sentence id="3"><content>Opposition leaders said the plan would cost the treasury far too much money.</content></sentence>
      <sentence id="4"><content>A vote in parliament is expected before the end of the month.</content></sentence>
    </sentences></paragraph>
  </article>
</document>
"""

MSRP = (
    "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
    "1\t1\t2\tThe company posted a profit of five million dollars last year.\tLast year the company made a profit of five million dollars.\n"
    # two rows glued together by a missing newline, as in the real file
    "0\t3\t4\tThe rock was first seen on Monday by astronomers.\tThe rock is made of iron and nickel.1\t5\t6\tPolice arrested two men in the city centre on Friday night.\tTwo men were arrested by police in the city centre on Friday night.\n"
    "0\t7\t8\tSales rose sharply in the third quarter of the year.\tThe chief executive resigned after the board meeting on Tuesday.\n"
)


def _multinews(path):
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["row_id", "split", "document", "summary"])
        w.writerow([
            "11", "train",
            "Storms hit the coast on Monday and thousands of homes lost power.\n\nRepair crews worked through the night to restore it. "
            "||||| Thousands of homes lost power when storms hit the coast on Monday.\nOfficials said schools would stay closed on Tuesday.",
            "– Storms hit the coast Monday, leaving thousands of homes without power. Schools stay closed Tuesday.",
        ])


def _bbc(root):
    (root / "articles" / "politics").mkdir(parents=True)
    (root / "summaries" / "politics").mkdir(parents=True)
    (root / "articles" / "politics" / "001.txt").write_bytes(
        "Budget row deepens\n\nThe chancellor defended the budget against fierce criticism on Monday.\n\n"
        "Critics said the spending plans would leave the poorest families worse off next year.\n\n"
        "The caf\xe9 owners' group welcomed the cut in business rates for small firms.\n".encode("cp1252")
    )
    (root / "summaries" / "politics" / "001.txt").write_text(
        "The chancellor defended the budget against fierce criticism on Monday.Critics said the spending plans "
        "would leave the poorest families worse off next year.",
        encoding="utf-8",
    )


@pytest.fixture()
def tiny_data(tmp_path):
    root = tmp_path / "eval-data"
    (root / "cnn-corpus").mkdir(parents=True)
    (root / "cnn-corpus" / "world - plan.xml").write_text(CNN_XML, encoding="utf-8")
    (root / "msrp").mkdir()
    (root / "msrp" / "msr_paraphrase_train.txt").write_text(MSRP * 3, encoding="utf-8")
    (root / "multi-news").mkdir()
    _multinews(root / "multi-news" / "clusters.tsv")
    _bbc(root / "bbc")
    return root


# --- loaders ------------------------------------------------------------------------------------


def test_load_cnn_unescapes_and_keeps_paragraphs(tiny_data):
    (doc,) = ev.load_cnn(tiny_data / "cnn-corpus")
    assert doc.title == "Minister's plan"
    assert len(doc.paragraphs) == 2 and len(doc.sentences) == 4
    assert doc.reference[0].startswith("The minister's plan")
    assert doc.text.count("\n") == 1  # one line per paragraph, as the pipeline reads text
    assert "&apost;" not in doc.text


def test_load_msrp_splits_glued_rows(tiny_data):
    pairs = ev.load_msrp(tiny_data / "msrp" / "msr_paraphrase_train.txt")
    assert len(pairs) == 12  # 4 pairs a copy, the glued line counted twice
    assert [p.label for p in pairs[:4]] == [True, False, True, False]
    assert pairs[1].b == "The rock is made of iron and nickel."
    assert pairs[2].a.startswith("Police arrested")


def test_load_multinews_and_bbc(tiny_data):
    (cluster,) = ev.load_multinews(tiny_data / "multi-news" / "clusters.tsv")
    assert len(cluster.documents) == 2 and cluster.summary.startswith("Storms hit")
    (doc,) = ev.load_bbc(tiny_data / "bbc")
    assert doc.title == "Budget row deepens"
    assert len(doc.reference) == 2  # the run-together summary is split again
    assert "café" in doc.text  # a cp1252 byte does not stop the loader


def test_missing_data_raises(tmp_path):
    with pytest.raises(EvaluationError):
        ev.load_msrp(tmp_path / "nope.txt")
    with pytest.raises(EvaluationError):
        ev.load_cnn(tmp_path)
    with pytest.raises(EvaluationError):
        ev.run_eval(tmp_path / "absent")
    with pytest.raises(EvaluationError, match="no evaluation data set"):
        ev.run_eval(tmp_path)


# --- metrics ------------------------------------------------------------------------------------


def test_rouge_identical_disjoint_and_stemmed():
    r = ev.Rouge()
    same = r.score(["Storms hit the coast."], ["Storms hit the coast."])
    assert all(v == pytest.approx(100.0) for v in same.values())
    assert r.score(["Storms hit the coast."], ["Markets rallied strongly."])["rouge1"] == 0.0
    assert r.score(["The ministers were running."], ["The minister was run."])["rouge1"] > 60
    half = r.score(["alpha beta gamma delta"], ["alpha beta"])
    assert half["rouge1"] == pytest.approx(100 * 2 * (1.0 * 0.5) / 1.5)


def test_classification_and_redundancy():
    m = ev.classification([(True, True), (True, False), (False, True), (False, False), (True, True)])
    assert m["accuracy"] == pytest.approx(60.0)
    assert m["precision"] == pytest.approx(100 * 2 / 3)
    assert m["recall"] == pytest.approx(100 * 2 / 3)
    assert m["n"] == 5
    same = lambda a, b: a.lower() == b.lower()  # noqa: E731
    assert ev.redundancy([["A b", "a B", "c"], ["d"]], same) == pytest.approx(100 / 3)
    assert ev.redundancy([["x"]], same) == 0.0


def test_budget_first_sentences_and_mmr():
    docs = [
        ["One two three four five six.", "Seven eight nine ten eleven twelve."],
        ["Alpha beta gamma delta epsilon zeta.", "Eta theta iota kappa lambda mu."],
    ]
    assert ev.first_sentences(docs, 12) == [docs[0][0], docs[1][0]]
    assert ev.fill_budget(["a b c d e f g h", "one two three four five six"], 7) == [
        "one two three four five six"
    ]  # the sentence that would overrun is passed over
    dup = "Storms hit the coast on Monday and cut power to homes."
    pool = [[dup, "Schools will stay closed on Tuesday across the region."], [dup]]
    assert ev.mmr(pool, 30, lam=1.0).count(dup) == 2  # relevance alone repeats itself
    out = ev.mmr(pool, 30, lam=0.3)  # the redundancy penalty picks the other sentence instead
    assert out.count(dup) == 1 and len(out) == 2


def test_eval_single_lead_k_matches_reference(tiny_data):
    docs = ev.load_cnn(tiny_data / "cnn-corpus")
    lead_ref = [ev.SingleDoc(id="x", paragraphs=docs[0].paragraphs, reference=docs[0].sentences[:2])]
    rows = ev.eval_single(lead_ref, ["lead", "newsrank"], "newsrank")
    assert rows[0].system.startswith("Lead-k")
    assert rows[0].scores["rouge1"] == pytest.approx(100.0)
    assert rows[-1].note == "ours" and "our default" in rows[-1].system


def test_same_point_crossvalidation_plumbing():
    base = [
        ev.Pair(True, "The company posted a profit of five million dollars last year.",
                "Last year the company made a profit of five million dollars."),
        ev.Pair(False, "Sales rose sharply in the third quarter of the year.",
                "The chief executive resigned after the board meeting on Tuesday."),
        ev.Pair(True, "Police arrested two men in the city centre on Friday night.",
                "Two men were arrested by police in the city centre on Friday night."),
        ev.Pair(False, "The rock was first seen on Monday by astronomers.", "The rock is made of iron and nickel."),
    ]
    table = ev.PairTable.build(base * 4)
    assert len(table.features) == 16 and len(table.features[0]) == len(table.features[1])
    model = ev.fit_same_point(table)
    probs = table.probabilities(model["weights"], model["bias"])
    decided = table.decide(probs, model["threshold"], model["min_probability"])
    assert decided == table.labels  # separable toy data: fitted and tuned, every pair right
    cv = ev.crossvalidate_same_point(table)
    assert cv["n"] == 16 and 0 <= cv["accuracy"] <= 100


# --- the whole run and the command --------------------------------------------------------------


def test_run_eval_writes_reports(tiny_data, tmp_path):
    report = ev.run_eval(tiny_data, methods=["lead", "textrank"])
    assert report.cnn_docs == 1 and report.clusters == 1 and report.msrp_pairs == 12 and report.bbc_docs == 1
    assert report.cnn[-1].note == "ours"
    assert [r.note for r in report.multinews].count("ours") == 1
    j, m = ev.write_report(report, tmp_path / "out" / "eval.json", tmp_path / "docs" / "quality.md")
    data = json.loads(j.read_text())
    assert data["cnn"]["documents"] == 1
    assert {t["name"] for t in data["targets"]} >= {
        "Multi-article: redundancy near zero",
        "Duplicates: accuracy >= 75% with precision >= 80% on MSRP (cross-validated)",
    }
    text = m.read_text()
    assert "## Single articles: CNN Corpus" in text and "## Why these defaults" in text
    assert "| Lead-k" in text
    # Multi-News is cross-validated (pooled table and one line per held-out fold) and the story
    # grouping's B-cubed table is in the same report
    assert "(4-fold cross-validation)" in text and "| fold 0 (1; chosen on folds 1, 2, 3)" in text
    assert "## Story grouping" in text and "| **held-out, pooled** |" in text
    assert data["stories"]["documents"] == 3 and len(data["multinews"]["folds"]) == 4


def test_run_eval_skips_missing_sets(tiny_data):
    import shutil

    shutil.rmtree(tiny_data / "bbc")
    shutil.rmtree(tiny_data / "cnn-corpus")
    report = ev.run_eval(tiny_data)
    assert report.skipped == ["cnn-corpus", "bbc"]
    assert not report.cnn and report.multinews


def test_cli_eval(tiny_data, tmp_path, capsys):
    out_json, out_md = tmp_path / "e.json", tmp_path / "q.md"
    assert main(["eval", "--data", str(tiny_data), "--json", str(out_json), "--markdown", str(out_md)]) == 0
    assert out_json.is_file() and out_md.is_file()
    assert "Multi-News" in capsys.readouterr().out
    assert main(["eval", "--data", str(tmp_path / "absent"), "--json", str(out_json)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefing: error: no evaluation data") and err.count("\n") == 1


# --- the real data (skipped when ../shared/eval-data is absent) ---------------------------------

needs_data = pytest.mark.skipif(
    not EVAL_DATA.is_dir(), reason=f"evaluation data not found at {EVAL_DATA} (../shared/eval-data)"
)


@needs_data
def test_real_loaders():
    pairs = ev.load_msrp(EVAL_DATA / "msrp" / "msr_paraphrase_train.txt")
    assert len(pairs) == 3676  # 3,675 lines after the header, one holding two rows
    assert 0.6 < sum(p.label for p in pairs) / len(pairs) < 0.7
    clusters = ev.load_multinews(EVAL_DATA / "multi-news" / "clusters.tsv")
    assert len(clusters) == 81 and all(2 <= len(c.documents) <= 10 for c in clusters)
    assert not any(c.summary.startswith("–") for c in clusters)
    docs = ev.load_cnn(EVAL_DATA / "cnn-corpus", limit=50)
    assert len(docs) == 50 and all(d.reference for d in docs)
    assert not any("&apost;" in d.text or "&amp;" in d.text for d in docs)


@needs_data
def test_real_sample_is_deterministic_and_newsrank_beats_lead():
    a = [d.id for d in ev.load_cnn(EVAL_DATA / "cnn-corpus", limit=60)]
    b = [d.id for d in ev.load_cnn(EVAL_DATA / "cnn-corpus", limit=60)]
    assert a == b
    docs = ev.load_cnn(EVAL_DATA / "cnn-corpus", limit=60)
    rows = {r.system.split()[0]: r.scores for r in ev.eval_single(docs, ["lead", "newsrank"], "newsrank")}
    assert rows["newsrank"]["rouge1"] > rows["lead"]["rouge1"]
    assert rows["newsrank"]["rouge2"] > rows["Lead-k"]["rouge2"]


def test_cli_defaults_match_the_library():
    from briefing.cli import make_parser

    args = make_parser().parse_args(["eval"])
    assert (args.data, args.json, args.markdown) == (ev.DEFAULT_DATA_DIR, ev.DEFAULT_JSON, ev.DEFAULT_MARKDOWN)


@needs_data
def test_shipped_same_point_model_is_the_fit_of_the_training_file():
    """Changing a feature without refitting (see briefing/samepoint.py) fails here."""
    from briefing import samepoint
    from briefing.samepoint import DEFAULT_THRESHOLD

    pairs = ev.load_msrp(EVAL_DATA / "msrp" / "msr_paraphrase_train.txt")
    model = ev.fit_same_point(ev.PairTable.build(pairs))
    assert model["threshold"] == pytest.approx(DEFAULT_THRESHOLD)
    assert model["threshold"] / model["min_probability"] == pytest.approx(samepoint.SCALE)
    assert model["bias"] == pytest.approx(samepoint.BIAS, abs=1e-4)
    assert model["weights"] == pytest.approx(list(samepoint.WEIGHTS), abs=1e-4)
