"""Evaluation: measure the summarizers and the merger on public data, every row in the same run.

``run_eval(data_dir)`` reads ``../shared/eval-data`` (see its README) and measures

* CNN Corpus, single articles: ROUGE-1/2/L F1 against the extractive ``<gold_standard>``, k = the
  number of gold sentences, for Lead-k, every summarizer in SUMMARIZERS and our default;
* Multi-News clusters, 300-word budget: first sentences of each article in turn, LexRank on the
  concatenation, MMR and ``summarize_cluster``, plus the redundancy of every system's summaries
  (share of sentence pairs that ``same_point`` calls duplicates);
* MSRP pairs: accuracy, precision, recall and F1 of ``same_point``, threshold tuned on one part of
  the training file and measured on the rest;
* BBC News Summary, for information only (its references look machine-selected).

ROUGE is Google's ``rouge-score`` package with stemming on; ROUGE-L is the summary-level variant
(``rougeLsum``, one sentence per line). The loaders here are tolerant of the quirks listed in the
data's README (double escaping, glued rows, bad bytes).
"""

from __future__ import annotations

import csv
import html
import json
import math
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.errors import EvaluationError

DEFAULT_DATA_DIR = Path("../shared/eval-data")
DEFAULT_JSON = Path("out/eval.json")
DEFAULT_MARKDOWN = Path("docs/quality.md")

# Sampling (deterministic) so that `make eval` stays well under 10 minutes on 2 cores.
CNN_SAMPLE = 400
BBC_SAMPLE = 300
MSRP_FOLDS = 4  # cross-validation: fit and tune on 3/4 of the pairs, measure on the other 1/4
CLUSTER_WORDS = 300
SEED = 20260101


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class SingleDoc:
    """One article with an extractive reference summary."""

    id: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences, as the corpus splits them, per paragraph
    reference: tuple[str, ...]  # reference sentences
    title: str = ""

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def text(self) -> str:
        """The article as the pipeline reads text: one paragraph per line."""
        return "\n".join(" ".join(p) for p in self.paragraphs if p)


@dataclass(frozen=True)
class Cluster:
    """Several articles on one story with a human summary."""

    id: str
    documents: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class Pair:
    """Two sentences and whether they mean the same (MSRP's label)."""

    label: bool
    a: str
    b: str


def _unescape(text: str) -> str:
    # The CNN Corpus escapes some entities twice: "&amp;apost;" parses to "&apost;".
    text = text.replace("&apost;", "'").replace("&apos;", "'")
    return html.unescape(text).strip()


def load_cnn(directory: str | Path, limit: int | None = None) -> list[SingleDoc]:
    """CNN Corpus XML files (sorted by name; the first ``limit`` after a seeded shuffle)."""
    directory = Path(directory)
    files = sorted(directory.glob("*.xml"))
    if not files:
        raise EvaluationError(f"no CNN Corpus .xml files in {directory}")
    if limit is not None and limit < len(files):
        rng = random.Random(SEED)
        files = sorted(rng.sample(files, limit))
    docs = []
    for f in files:
        try:
            root = ET.parse(f).getroot()
        except ET.ParseError as exc:
            print(f"briefing eval: skipped {f.name}: {exc}", file=sys.stderr)
            continue
        gold = tuple(
            _unescape(s.text or "") for s in root.findall("./summaries/gold_standard/sentence")
        )
        paragraphs = tuple(
            tuple(t for t in (_unescape(c.text or "") for c in p.iter("content")) if t)
            for p in root.findall("./article/paragraph")
        )
        gold = tuple(g for g in gold if g)
        if not gold or not any(paragraphs):
            continue
        title = _unescape(root.findtext("title") or "")
        docs.append(SingleDoc(id=f.stem, paragraphs=paragraphs, reference=gold, title=title))
    return docs


def load_bbc(directory: str | Path, limit: int | None = None) -> list[SingleDoc]:
    """BBC News Summary: ``articles/<cat>/NNN.txt`` (title line, body) and ``summaries/...``."""
    directory = Path(directory)
    pairs = []
    for art in sorted((directory / "articles").glob("*/*.txt")):
        summ = directory / "summaries" / art.parent.name / art.name
        if summ.is_file():
            pairs.append((art, summ))
    if not pairs:
        raise EvaluationError(f"no BBC articles with summaries under {directory}")
    if limit is not None and limit < len(pairs):
        pairs = sorted(random.Random(SEED).sample(pairs, limit))
    from briefing.ingest import decode
    from briefing.sentences import to_sentences

    docs = []
    for art, summ in pairs:
        lines = [ln.strip() for ln in decode(art.read_bytes()).splitlines()]
        title, body = lines[0], [ln for ln in lines[1:] if ln]
        summary = decode(summ.read_bytes()).strip()
        # The summaries' sentences are run together: "$10.9bn.For the full-year".
        summary = re.sub(r"([.!?][\"'”]?)(?=[A-Z\"“])", r"\1 ", summary)
        paragraphs = tuple(tuple(to_sentences(p)) for p in body)
        ref = tuple(to_sentences(summary))
        if ref and any(paragraphs):
            docs.append(
                SingleDoc(id=f"{art.parent.name}/{art.stem}", paragraphs=paragraphs, reference=ref, title=title)
            )
    return docs


def load_multinews(path: str | Path) -> list[Cluster]:
    """Multi-News clusters TSV: row_id, split, document (articles joined by |||||), summary."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"no Multi-News file at {path}")
    csv.field_size_limit(1 << 30)
    clusters = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            docs = tuple(d.strip() for d in (row.get("document") or "").split("|||||") if d.strip())
            summary = (row.get("summary") or "").strip().lstrip("–—-").strip()
            if docs and summary:
                clusters.append(Cluster(id=str(row.get("row_id")), documents=docs, summary=summary))
    return clusters


def load_msrp(path: str | Path) -> list[Pair]:
    """MSRP pairs: Quality, #1 ID, #2 ID, #1 String, #2 String; glued rows are split apart."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"no MSRP file at {path}")
    pairs = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, line in enumerate(fh):
            fields = line.rstrip("\r\n").split("\t")
            if n == 0 and fields[0].strip().lower() == "quality":
                continue
            # A missing newline glues two rows: "...sentence.0<TAB>849568<TAB>..."
            while len(fields) >= 9:
                m = re.match(r"^(.*?)([01])$", fields[4])
                if not m:
                    break
                first = fields[:4] + [m.group(1)]
                pairs.append(Pair(label=first[0] == "1", a=first[3], b=first[4]))
                fields = [m.group(2)] + fields[5:]
            if len(fields) == 5 and fields[0] in ("0", "1"):
                pairs.append(Pair(label=fields[0] == "1", a=fields[3], b=fields[4]))
    if not pairs:
        raise EvaluationError(f"no sentence pairs in {path}")
    return pairs


# ---------------------------------------------------------------------------------------------
# Metrics

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")


class Rouge:
    """ROUGE-1/2/L F1 (``rouge-score``, Porter stemming on), averaged over documents, in points."""

    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError as exc:  # pragma: no cover - a pinned dependency
            raise EvaluationError("the rouge-score package is not installed") from exc
        self._scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, reference: Sequence[str], candidate: Sequence[str]) -> dict[str, float]:
        """F1 of one candidate summary (a list of sentences) against one reference, 0..100."""
        ref = "\n".join(s.strip() for s in reference)
        cand = "\n".join(s.strip() for s in candidate)
        scores = self._scorer.score(ref, cand)
        return {k: 100.0 * scores[k].fmeasure for k in ROUGE_TYPES}


def mean_scores(rows: Iterable[dict[str, float]]) -> dict[str, float]:
    """Average of per-document score dicts (empty input gives zeros)."""
    rows = list(rows)
    if not rows:
        return {k: 0.0 for k in ROUGE_TYPES}
    return {k: sum(r[k] for r in rows) / len(rows) for k in rows[0]}


def classification(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    """Accuracy, precision, recall, F1 (in %) of (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    tn = sum(1 for g, p in pairs if not g and not p)
    n = tp + fp + fn + tn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": 100.0 * (tp + tn) / n if n else 0.0,
        "precision": 100.0 * precision,
        "recall": 100.0 * recall,
        "f1": 100.0 * f1,
        "n": n,
    }


def redundancy(summaries: Iterable[Sequence[str]], same: Callable[[str, str], bool]) -> float:
    """Share (in %) of sentence pairs within summaries that ``same`` calls duplicates."""
    dup = total = 0
    for summary in summaries:
        for i in range(len(summary)):
            for j in range(i + 1, len(summary)):
                total += 1
                dup += bool(same(summary[i], summary[j]))
    return 100.0 * dup / total if total else 0.0


# ---------------------------------------------------------------------------------------------
# Baselines


def candidate_sentences(text: str) -> list[str]:
    """A text's sentences as the pipeline sees them: cleaned, split, of summary-worthy length."""
    from briefing.ingest import InputSkipped, article_from_text
    from briefing.sentences import split_sentences
    from briefing.summarize import _eligible

    try:
        article = article_from_text(text)
    except InputSkipped:
        return []
    return [s.text for s in split_sentences(article.text) if _eligible(s, 6, 80)]


def _n_words(text: str) -> int:
    from briefing.sentences import to_words

    return len(to_words(text))


def fill_budget(ranked: Iterable[str], words: int) -> list[str]:
    """Whole sentences in rank order while they fit in the word budget (one that would overrun it
    is passed over for a shorter one): the rule every multi-document system here follows."""
    chosen: list[str] = []
    used = 0
    for s in ranked:
        n = _n_words(s)
        if used + n <= words:
            chosen.append(s)
            used += n
            if words - used < 6:
                break
    return chosen


def first_sentences(documents: Sequence[Sequence[str]], words: int) -> list[str]:
    """The first sentence of each article in turn, then the second of each, ... (Multi-News 'First')."""
    depth = max((len(d) for d in documents), default=0)
    ranked = [d[i] for i in range(depth) for d in documents if i < len(d)]
    return fill_budget(ranked, words)


def rank_concatenation(documents: Sequence[Sequence[str]], words: int, method: str = "lexrank") -> list[str]:
    """A single-document summarizer run on all the articles' sentences at once."""
    from briefing.summarize import get_summarizer

    pool = [s for d in documents for s in d]
    if not pool:
        return []
    ratings = get_summarizer(method).rate(pool)
    ranked = [pool[i] for i in sorted(range(len(pool)), key=lambda i: (-ratings[i], i))]
    return fill_budget(ranked, words)


def _tfidf(sentences: Sequence[str]) -> Any:
    import numpy as np

    from briefing.newsrank import _content

    bags = [_content(s) for s in sentences]
    vocab: dict[str, int] = {}
    for bag in bags:
        for w in bag:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(bags), max(1, len(vocab))))
    for i, bag in enumerate(bags):
        for w in bag:
            m[i, vocab[w]] += 1.0
    df = (m > 0).sum(axis=0)
    m *= np.log((1 + len(bags)) / (1 + df)) + 1.0
    norms = np.linalg.norm(m, axis=1)
    norms[norms == 0] = 1.0
    return m / norms[:, None]


def mmr(documents: Sequence[Sequence[str]], words: int, lam: float = 0.7) -> list[str]:
    """Maximal Marginal Relevance (Carbonell and Goldstein 1998): relevance to the cluster's
    TF-IDF centroid, minus similarity to what is already chosen."""
    import numpy as np

    pool = [s for d in documents for s in d]
    if not pool:
        return []
    vectors = _tfidf(pool)
    centroid = vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    relevance = vectors.dot(centroid / norm)
    sims = vectors.dot(vectors.T)
    chosen: list[int] = []
    used = 0
    left = set(range(len(pool)))
    lengths = [_n_words(s) for s in pool]
    while left and words - used >= 6:
        fits = [i for i in left if used + lengths[i] <= words]
        if not fits:
            break
        def gain(i: int) -> float:
            red = max((sims[i, j] for j in chosen), default=0.0)
            return lam * relevance[i] - (1 - lam) * red
        best = max(fits, key=lambda i: (gain(i), -i))
        chosen.append(best)
        used += lengths[best]
        left.discard(best)
    return [pool[i] for i in chosen]


# ---------------------------------------------------------------------------------------------
# Duplicate detection (MSRP)

PRECISION_TARGET = 0.82  # tuned for 82% on the training side: a margin over the 80% target


@dataclass
class PairTable:
    """Everything the same_point decision needs about a list of pairs, computed once."""

    labels: list[bool]
    features: list[list[float]]
    overlap: list[float]
    veto: list[bool]
    identical: list[bool]

    @classmethod
    def build(cls, pairs: Sequence[Pair]) -> PairTable:
        from briefing import samepoint as sp

        feats, overlap, veto, identical = [], [], [], []
        for p in pairs:
            ia, ib = sp.sentence_info(p.a), sp.sentence_info(p.b)
            feats.append(sp.pair_features(p.a, p.b))
            overlap.append(sp.overlap_coefficient(ia.content, ib.content))
            veto.append(sp.vetoed(p.a, p.b))
            identical.append(ia.stems == ib.stems)
        return cls([p.label for p in pairs], feats, overlap, veto, identical)

    def subset(self, keep: Sequence[int]) -> PairTable:
        return PairTable(
            [self.labels[i] for i in keep],
            [self.features[i] for i in keep],
            [self.overlap[i] for i in keep],
            [self.veto[i] for i in keep],
            [self.identical[i] for i in keep],
        )

    def probabilities(self, weights: Sequence[float], bias: float) -> list[float]:
        out = []
        for f in self.features:
            z = bias + sum(w * x for w, x in zip(weights, f))
            out.append(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))))
        return out

    def decide(self, probs: Sequence[float], threshold: float, min_probability: float) -> list[bool]:
        return [
            ident or (not v and o >= threshold and p >= min_probability)
            for ident, v, o, p in zip(self.identical, self.veto, self.overlap, probs)
        ]


def tune_same_point(table: PairTable, probs: Sequence[float], target: float | None = None) -> tuple[float, float]:
    """(overlap threshold, minimum probability) with the best accuracy at precision >= target."""
    target = PRECISION_TARGET if target is None else target
    best: tuple[float, float, float] | None = None
    fallback: tuple[float, float, float] | None = None
    for t10 in range(20, 65, 5):
        t = t10 / 100
        for p100 in range(30, 96):
            pmin = p100 / 100
            m = classification(list(zip(table.labels, table.decide(probs, t, pmin))))
            if m["precision"] >= 100 * target and (best is None or m["accuracy"] > best[0]):
                best = (m["accuracy"], t, pmin)
            if fallback is None or m["precision"] > fallback[0]:
                fallback = (m["precision"], t, pmin)
    chosen = best or fallback
    assert chosen is not None
    return chosen[1], chosen[2]


def fit_same_point(table: PairTable, target: float | None = None) -> dict[str, Any]:
    """Fit the pair model and tune its thresholds on table: weights, bias, threshold, scale."""
    from briefing.samepoint import fit_weights

    # The vetoed pairs are decided before the model is asked: fit it on the others.
    keep = [i for i, v in enumerate(table.veto) if not v]
    weights, bias = fit_weights([table.features[i] for i in keep], [table.labels[i] for i in keep])
    probs = table.probabilities(weights, bias)
    threshold, pmin = tune_same_point(table, probs, target)
    return {"weights": weights, "bias": bias, "threshold": threshold, "min_probability": pmin,
            "scale": threshold / pmin}


def crossvalidate_same_point(table: PairTable, folds: int = MSRP_FOLDS) -> dict[str, float]:
    """Fit and tune on (folds-1)/folds of the pairs, measure on the rest, pool the decisions."""
    decisions: list[tuple[bool, bool]] = []
    for k in range(folds):
        train = [i for i in range(len(table.labels)) if i % folds != k]
        test = [i for i in range(len(table.labels)) if i % folds == k]
        model = fit_same_point(table.subset(train))
        held = table.subset(test)
        probs = held.probabilities(model["weights"], model["bias"])
        decisions += list(zip(held.labels, held.decide(probs, model["threshold"], model["min_probability"])))
    return classification(decisions)


def tfidf_cosine_scores(pairs: Sequence[Pair]) -> list[float]:
    """Plain TF-IDF cosine of each pair (IDF over every sentence of the pairs): the usual baseline."""
    from briefing.newsrank import _content

    sentences = [s for p in pairs for s in (p.a, p.b)]
    bags = [_content(s) for s in sentences]
    df: dict[str, int] = {}
    for bag in bags:
        for w in set(bag):
            df[w] = df.get(w, 0) + 1
    n = len(bags)

    def vec(bag: list[str]) -> dict[str, float]:
        v: dict[str, float] = {}
        for w in bag:
            v[w] = v.get(w, 0.0) + math.log(n / df[w])
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / norm for w, x in v.items()}

    out = []
    for i in range(len(pairs)):
        va, vb = vec(bags[2 * i]), vec(bags[2 * i + 1])
        out.append(sum(x * vb.get(w, 0.0) for w, x in va.items()))
    return out


def crossvalidate_threshold(labels: Sequence[bool], scores: Sequence[float], folds: int = MSRP_FOLDS) -> dict[str, float]:
    """A score with one threshold, tuned for accuracy on (folds-1)/folds, measured on the rest."""
    decisions: list[tuple[bool, bool]] = []
    grid = [i / 100 for i in range(1, 100)]
    for k in range(folds):
        train = [i for i in range(len(labels)) if i % folds != k]
        best = max(
            grid,
            key=lambda t: sum((scores[i] >= t) == labels[i] for i in train),
        )
        decisions += [(labels[i], scores[i] >= best) for i in range(len(labels)) if i % folds == k]
    return classification(decisions)


# ---------------------------------------------------------------------------------------------
# The run


@dataclass
class Row:
    """One line of a table: a system and its figures."""

    system: str
    scores: dict[str, float]
    ms_per_item: float | None = None
    note: str = ""


@dataclass
class Report:
    """Everything one ``briefing eval`` run measured."""

    data_dir: str
    default_summarizer: str
    cnn: list[Row] = field(default_factory=list)
    cnn_docs: int = 0
    cnn_total: int = 0
    bbc: list[Row] = field(default_factory=list)
    bbc_docs: int = 0
    bbc_total: int = 0
    multinews: list[Row] = field(default_factory=list)
    clusters: int = 0
    msrp: list[Row] = field(default_factory=list)
    msrp_pairs: int = 0
    shipped_threshold: float = 0.0
    refit: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def rows(rs: list[Row]) -> list[dict[str, Any]]:
            return [
                {"system": r.system, **{k: round(v, 2) for k, v in r.scores.items()},
                 "ms_per_item": None if r.ms_per_item is None else round(r.ms_per_item, 1), "note": r.note}
                for r in rs
            ]

        return {
            "data_dir": self.data_dir,
            "default_summarizer": self.default_summarizer,
            "cnn": {"documents": self.cnn_docs, "of": self.cnn_total, "rows": rows(self.cnn)},
            "bbc": {"documents": self.bbc_docs, "of": self.bbc_total, "rows": rows(self.bbc)},
            "multinews": {"clusters": self.clusters, "words": CLUSTER_WORDS, "rows": rows(self.multinews)},
            "msrp": {"pairs": self.msrp_pairs, "shipped_threshold": self.shipped_threshold,
                     "rows": rows(self.msrp), "refit": self.refit},
            "targets": [t.__dict__ for t in targets(self)],
            "seconds": round(self.seconds, 1),
            "skipped": self.skipped,
        }


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def _progress(message: str) -> None:
    print(f"briefing eval: {message}", file=sys.stderr, flush=True)


def eval_single(docs: Sequence[SingleDoc], methods: Sequence[str], default: str) -> list[Row]:
    """Lead-k and each summarizer on single articles; k = number of reference sentences."""
    from briefing.api import summarize_article

    rouge = Rouge()
    rows = []
    out, secs = _timed(lambda: [list(d.sentences[: len(d.reference)]) for d in docs])
    rows.append(Row("Lead-k (first k sentences of the corpus's own split)",
                    mean_scores(rouge.score(d.reference, o) for d, o in zip(docs, out)),
                    1000 * secs / max(1, len(docs)), "baseline"))
    for m in methods:
        out, secs = _timed(lambda m=m: [summarize_article(d.text, len(d.reference), m) for d in docs])
        label = m + (" (our default)" if m == default else "")
        note = "baseline" if m != default else "ours"
        if m == "lead":
            note = "baseline: Lead-k after the pipeline's cleaning and length filter"
        rows.append(Row(label, mean_scores(rouge.score(d.reference, o) for d, o in zip(docs, out)),
                        1000 * secs / max(1, len(docs)), note))
    return rows


def eval_clusters(clusters: Sequence[Cluster]) -> list[Row]:
    """Multi-News: the baselines and summarize_cluster at CLUSTER_WORDS words, with redundancy."""
    from briefing.api import summarize_cluster
    from briefing.samepoint import same_point
    from briefing.sentences import to_sentences

    rouge = Rouge()
    refs = [to_sentences(c.summary) for c in clusters]
    prepared, prep_secs = _timed(lambda: [[candidate_sentences(d) for d in c.documents] for c in clusters])
    systems: list[tuple[str, Callable[[int], list[str]], str]] = [
        ("First sentences of each article in turn", lambda i: first_sentences(prepared[i], CLUSTER_WORDS), "baseline"),
        ("LexRank on the concatenation", lambda i: rank_concatenation(prepared[i], CLUSTER_WORDS, "lexrank"), "baseline"),
        ("MMR (TF-IDF centroid, lambda 0.7)", lambda i: mmr(prepared[i], CLUSTER_WORDS), "baseline"),
        ("summarize_cluster (ours)", lambda i: summarize_cluster(list(clusters[i].documents), CLUSTER_WORDS), "ours"),
    ]
    rows = []
    n = max(1, len(clusters))
    for name, fn, note in systems:
        outs, secs = _timed(lambda fn=fn: [fn(i) for i in range(len(clusters))])
        if note == "baseline":
            secs += prep_secs  # the baselines share the cleaning and splitting
        scores = mean_scores(rouge.score(r, o) for r, o in zip(refs, outs))
        scores["redundancy"] = redundancy(outs, same_point)
        scores["words"] = sum(_n_words(" ".join(o)) for o in outs) / n
        rows.append(Row(name, scores, 1000 * secs / n, note))
    return rows


def eval_pairs(pairs: Sequence[Pair]) -> tuple[list[Row], dict[str, Any]]:
    """MSRP: TF-IDF cosine and the old word-overlap rule (both cross-validated), same_point as
    shipped, and same_point's whole fitting procedure cross-validated."""
    from briefing import samepoint
    from briefing.samepoint import DEFAULT_THRESHOLD, same_point

    labels = [p.label for p in pairs]
    rows = []
    cos, secs = _timed(lambda: tfidf_cosine_scores(pairs))
    rows.append(Row("TF-IDF cosine, threshold tuned for accuracy (4-fold cross-validation)",
                    crossvalidate_threshold(labels, cos), 1000 * secs / len(pairs), "baseline"))

    def old_rule(p: Pair) -> float:
        a, b = samepoint.sentence_info(p.a).content, samepoint.sentence_info(p.b).content
        if not a or not b:
            return 0.0
        shared = len(a & b)
        return (2 * shared / (len(a) + len(b)) + shared / min(len(a), len(b))) / 2

    old, secs = _timed(lambda: [old_rule(p) for p in pairs])
    rows.append(Row("Content-word overlap (the merger's rule before), tuned (4-fold cv)",
                    crossvalidate_threshold(labels, old), 1000 * secs / len(pairs), "baseline"))
    table, _ = _timed(lambda: PairTable.build(pairs))
    rows.append(Row("same_point: fitting and tuning redone on 3/4, measured on the held-out 1/4 (4-fold cv)",
                    crossvalidate_same_point(table), None, "ours: honest estimate"))
    decided, secs = _timed(lambda: [same_point(p.a, p.b) for p in pairs])
    rows.append(Row(f"same_point as shipped (threshold {DEFAULT_THRESHOLD}; fitted on these same pairs)",
                    classification(list(zip(labels, decided))), 1000 * secs / len(pairs), "ours: optimistic"))
    refit = fit_same_point(table)
    refit = {"threshold": refit["threshold"], "min_probability": refit["min_probability"],
             "bias": round(refit["bias"], 6), "weights": [round(w, 6) for w in refit["weights"]]}
    return rows, refit


def run_eval(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    *,
    cnn_sample: int | None = CNN_SAMPLE,
    bbc_sample: int | None = BBC_SAMPLE,
    methods: Sequence[str] | None = None,
) -> Report:
    """Measure everything on the data under data_dir; a data set that is missing is skipped (and
    listed in Report.skipped); EvaluationError when there is none at all."""
    from briefing.settings import Settings
    from briefing.summarize import SUMMARIZERS

    data = Path(data_dir)
    if not data.is_dir():
        raise EvaluationError(f"no evaluation data at {data} (expected the folders of ../shared/eval-data)")
    default = str(Settings.model_fields["summarizer"].default)
    methods = list(methods) if methods is not None else sorted(SUMMARIZERS)
    # Baselines first (Lead-k after the pipeline's cleaning, then the rest by name), ours last.
    methods = sorted(set(methods) - {default}, key=lambda m: (m != "lead", m)) + [default]
    report = Report(data_dir=str(data), default_summarizer=default)
    start = time.perf_counter()

    if (data / "cnn-corpus").is_dir():
        _progress("CNN Corpus ...")
        report.cnn_total = len(list((data / "cnn-corpus").glob("*.xml")))
        docs = load_cnn(data / "cnn-corpus", cnn_sample)
        report.cnn_docs = len(docs)
        report.cnn = eval_single(docs, methods, default)
    else:
        report.skipped.append("cnn-corpus")
    if (data / "multi-news" / "clusters.tsv").is_file():
        _progress("Multi-News ...")
        clusters = load_multinews(data / "multi-news" / "clusters.tsv")
        report.clusters = len(clusters)
        report.multinews = eval_clusters(clusters)
    else:
        report.skipped.append("multi-news")
    if (data / "msrp" / "msr_paraphrase_train.txt").is_file():
        _progress("MSRP ...")
        from briefing.samepoint import DEFAULT_THRESHOLD

        pairs = load_msrp(data / "msrp" / "msr_paraphrase_train.txt")
        report.msrp_pairs = len(pairs)
        report.shipped_threshold = DEFAULT_THRESHOLD
        report.msrp, report.refit = eval_pairs(pairs)
    else:
        report.skipped.append("msrp")
    if (data / "bbc" / "articles").is_dir():
        _progress("BBC News Summary (for information) ...")
        report.bbc_total = len(list((data / "bbc" / "articles").glob("*/*.txt")))
        docs = load_bbc(data / "bbc", bbc_sample)
        report.bbc_docs = len(docs)
        bbc_methods = [m for m in ("lead", "lexrank", "textrank") if m in SUMMARIZERS and m != default]
        report.bbc = eval_single(docs, bbc_methods + [default], default)
    else:
        report.skipped.append("bbc")
    if len(report.skipped) == 4:
        raise EvaluationError(f"no evaluation data set found under {data}")
    report.seconds = time.perf_counter() - start
    return report


# ---------------------------------------------------------------------------------------------
# Targets and the written report


@dataclass
class Target:
    name: str
    met: bool
    detail: str


def _row(rows: Sequence[Row], note_prefix: str) -> Row | None:
    return next((r for r in rows if r.note.startswith(note_prefix)), None)


def targets(report: Report) -> list[Target]:
    """The issue's targets, judged on this run's figures."""
    out = []
    if report.cnn:
        ours = _row(report.cnn, "ours")
        leads = [r for r in report.cnn if r.system.startswith("Lead-k") or r.system.startswith("lead")]
        if ours and leads:
            m1 = ours.scores["rouge1"] - max(r.scores["rouge1"] for r in leads)
            m2 = ours.scores["rouge2"] - max(r.scores["rouge2"] for r in leads)
            out.append(Target("Single article: our default beats Lead-k (ROUGE-1 and ROUGE-2, CNN Corpus)",
                              m1 > 0 and m2 > 0, f"by {m1:+.2f} ROUGE-1 and {m2:+.2f} ROUGE-2 points over the better Lead-k row"))
            others = [r for r in report.cnn if r is not ours]
            best = max(others, key=lambda r: r.scores["rouge1"] + r.scores["rouge2"])
            b1 = ours.scores["rouge1"] - best.scores["rouge1"]
            b2 = ours.scores["rouge2"] - best.scores["rouge2"]
            out.append(Target("Single article: the default is the measured best (every other row)",
                              b1 > 0 and b2 > 0, f"next best is {best.system}: {b1:+.2f} ROUGE-1, {b2:+.2f} ROUGE-2"))
    if report.multinews:
        ours = _row(report.multinews, "ours")
        base = [r for r in report.multinews if r.note == "baseline"]
        if ours and base:
            m1 = ours.scores["rouge1"] - max(r.scores["rouge1"] for r in base)
            m2 = ours.scores["rouge2"] - max(r.scores["rouge2"] for r in base)
            out.append(Target("Multi-article: summarize_cluster beats first sentences, LexRank and MMR (ROUGE-1 and -2)",
                              m1 > 0 and m2 > 0, f"by {m1:+.2f} ROUGE-1 and {m2:+.2f} ROUGE-2 points over the best baseline in each"))
            red = ours.scores["redundancy"]
            out.append(Target("Multi-article: redundancy near zero", red <= 1.0,
                              f"{red:.2f}% of sentence pairs in our summaries are same_point duplicates"))
    if report.msrp:
        cv = _row(report.msrp, "ours: honest")
        if cv:
            a, p = cv.scores["accuracy"], cv.scores["precision"]
            out.append(Target("Duplicates: accuracy >= 75% with precision >= 80% on MSRP (cross-validated)",
                              a >= 75 and p >= 80, f"accuracy {a:.2f}% ({a - 75:+.2f}), precision {p:.2f}% ({p - 80:+.2f})"))
    return out


_EXPLANATION = """\
## Why these defaults

* **Summarizer: `{default}`.** News puts its essentials first, so position is the strongest single
  signal: of the sumy methods, which ignore it, only TextRank (which favours long, central
  sentences) gets near Lead-k on the CNN Corpus. `newsrank` (briefing/newsrank.py) keeps position as its backbone (a gentle 1/(1 + 0.15 i)
  decay) and adds TextRank-style centrality and sentence quality: informative length (about 44
  words is best on this data; short fragments carry little), quotations and questions (colour, rarely
  the news) and boilerplate lines ("Follow us on", "This story has been updated"). Its weights were
  chosen on the {tune_docs} CNN Corpus articles that are *not* in the evaluation sample above, so the
  table measures it on articles it was not tuned on. It beats Lead-k and every sumy method in the
  same run and is faster per article than any sumy method, so it is the pipeline's default
  (`summarizer` in briefing/settings.py). On BBC News Summary (for information only) TextRank
  scores higher: those references look machine-selected in favour of long central sentences,
  which is why nothing is tuned to them.
* **Cluster summaries (`summarize_cluster`).** Each article's sentences are rated by position
  (`lead`), merged across articles by the merger exactly as in a brief, then ranked by rating +
  0.5 x closeness to the cluster's TF-IDF centroid + 1.0 x the share of the other articles that state
  the same point (corroboration), and every sentence that `same_point` calls a duplicate of one
  already chosen is passed over; whole sentences only, up to the word budget. The two weights were
  chosen on these same 81 Multi-News clusters (there is no other multi-document data here), from a
  coarse grid, and checked on the even and the odd clusters separately: both halves beat every
  baseline with them. With 81 clusters a margin of about one ROUGE point is real but small; read it
  as "at least as good as the baselines, and never repeats itself". Redundancy is zero by
  construction (the selection skips duplicates); the baselines' figures show what that buys.
  `newsrank` inside clusters did worse than plain position: Multi-News articles are web pages,
  not CNN copy.
* **Duplicates (`same_point`).** Plain word overlap cannot tell "sanctions will remain" from
  "sanctions will be lifted", and MSRP shows it tops out near 70% accuracy. `same_point` is now a
  logistic model over lexical features of the pair (briefing/samepoint.py: word, n-gram and
  character overlap, what each side has that the other lacks, numbers, names), fitted on the MSRP
  training file, behind hard vetoes: each side has a figure the other lacks ("10,000" / "1,000
  lives", rounding allowed), negation on one side only, opposite words (remain/lift, rise/fall,
  approve/reject, ...) or one name swapped for another. The vetoes cost accuracy on MSRP (its
  annotators call "$770,962 in salary" and "$950,000 in salary" the same), but a brief must not
  merge two different figures. The threshold is tuned for 82% precision on the training side, a
  margin over the 80% target because merging two different facts loses one. The honest figure is the
  cross-validated row (fitting and tuning redone on 3/4, measured on the held-out 1/4); the shipped
  row is measured on the pairs it was fitted on. `Settings.merge_threshold` = `samepoint.DEFAULT_THRESHOLD`
  = {threshold}.
"""


def _table(rows: Sequence[Row], cols: Sequence[tuple[str, str]], time_label: str) -> list[str]:
    head = "| system | " + " | ".join(c[1] for c in cols) + f" | {time_label} |"
    lines = [head, "|" + "---|" * (len(cols) + 2)]
    for r in rows:
        cells = [f"{r.scores[c[0]]:.2f}" if c[0] in r.scores else "" for c in cols]
        t = "" if r.ms_per_item is None else f"{r.ms_per_item:.1f}"
        lines.append(f"| {r.system} | " + " | ".join(cells) + f" | {t} |")
    return lines


def render_markdown(report: Report) -> str:
    """docs/quality.md: the tables of this run, the targets and why the defaults are what they are."""
    rouge_cols = [("rouge1", "ROUGE-1"), ("rouge2", "ROUGE-2"), ("rougeLsum", "ROUGE-L")]
    out = [
        "# Summary quality, measured",
        "",
        "Generated by `make eval` (`briefing eval`) from `../shared/eval-data`; every row below was",
        f"measured in the same run ({report.seconds:.0f} s on this machine). ROUGE is F1 x 100 from the",
        "`rouge-score` package with stemming on; ROUGE-L is the summary-level variant (`rougeLsum`).",
        "Do not edit by hand: rerun `make eval`.",
        "",
    ]
    if report.cnn:
        out += [
            "## Single articles: CNN Corpus",
            "",
            f"{report.cnn_docs} of the {report.cnn_total} articles, a fixed sample (seed {SEED}) so that `make eval`",
            "stays well under 10 minutes on 2 cores. Reference: the extractive `<gold_standard>`; every",
            "system picks k sentences, k = the number of gold sentences. Every summarizer runs through",
            "`briefing.summarize_article` (the pipeline's cleaning, splitting and `Selector`, which rates",
            "at most the first 150 sentences of an article: that cap also bounds sumy's KL, whose cost",
            "grows steeply with length).",
            "",
            *_table(report.cnn, rouge_cols, "ms / article"),
            "",
        ]
    if report.multinews:
        out += [
            "## Several articles on one story: Multi-News",
            "",
            f"All {report.clusters} clusters, {CLUSTER_WORDS}-word summaries against the human summary. Every system",
            "uses whole sentences and passes over one that would overrun the budget. The baselines",
            "work on the same cleaned, split sentences as ours. Redundancy: share of sentence pairs",
            "in a system's summaries that `same_point` calls duplicates.",
            "",
            *_table(report.multinews, rouge_cols + [("redundancy", "redundancy %"), ("words", "words")], "ms / cluster"),
            "",
        ]
    if report.msrp:
        out += [
            "## Duplicate detection: MSRP",
            "",
            f"The {report.msrp_pairs} pairs of the MSRP training file (the only part here; 67.6% are paraphrases,",
            "so always saying \"same\" scores 67.6% accuracy at 67.6% precision). Figures in %.",
            "",
            *_table(report.msrp, [("accuracy", "accuracy"), ("precision", "precision"), ("recall", "recall"), ("f1", "F1")], "ms / pair"),
            "",
        ]
    if report.bbc:
        out += [
            "## For information only: BBC News Summary",
            "",
            f"{report.bbc_docs} of the {report.bbc_total} articles (fixed sample). Its reference summaries look",
            "machine-selected, so nothing is tuned to it.",
            "",
            *_table(report.bbc, rouge_cols, "ms / article"),
            "",
        ]
    ts = targets(report)
    if ts:
        out += ["## Targets", ""]
        out += [f"- {'met' if t.met else 'NOT met'}: {t.name}: {t.detail}." for t in ts]
        out.append("")
    if report.skipped:
        out += [f"Data sets not found in this run: {', '.join(report.skipped)}.", ""]
    from briefing.samepoint import DEFAULT_THRESHOLD

    out.append(_EXPLANATION.format(
        default=report.default_summarizer,
        tune_docs=(report.cnn_total - report.cnn_docs) if report.cnn_total else "other",
        threshold=DEFAULT_THRESHOLD,
    ))
    return "\n".join(out)


def write_report(report: Report, json_path: str | Path = DEFAULT_JSON, markdown_path: str | Path = DEFAULT_MARKDOWN) -> tuple[Path, Path]:
    """Write out/eval.json and docs/quality.md atomically."""
    from briefing._io import atomic_write_text

    j = atomic_write_text(json_path, json.dumps(report.to_dict(), indent=2) + "\n")
    m = atomic_write_text(markdown_path, render_markdown(report))
    return j, m


def summary_lines(report: Report) -> list[str]:
    """The tables as plain text for the terminal."""
    return render_markdown(report).split("## Why these defaults")[0].rstrip().splitlines()


def evaluate(
    data_dir: str | Path = DEFAULT_DATA_DIR,
    json_path: str | Path = DEFAULT_JSON,
    markdown_path: str | Path = DEFAULT_MARKDOWN,
) -> Report:
    """Run the whole evaluation and write its JSON and Markdown reports (``briefing eval``)."""
    report = run_eval(data_dir)
    write_report(report, json_path, markdown_path)
    return report
