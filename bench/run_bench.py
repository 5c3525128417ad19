"""Benchmark: the whole pipeline on 100 to 10,000 articles, stage by stage; FastLexRank vs sumy.

    .venv/bin/python bench/run_bench.py                  # what `make bench` runs
    .venv/bin/python bench/run_bench.py --sizes 100,1000 --docs docs/benchmarks.md

Corpora are built from the CNN Corpus in ../shared/eval-data/cnn-corpus (bench/corpus.py: beyond
its 1,010 articles, light deterministic edits of them, so near-duplicates exist as in real feeds)
and written as article files under out/bench/. Each size runs in a fresh process, as
`briefing build` would, so caches start cold and peak memory is that run's own.

Stages: ingest, split and summarize run per article (in the process pool from 200 articles on), so
their figures are seconds of work summed over the workers; "per-article wall" is the wall time of
that whole streamed phase. Merge, route and render run once, in the main process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

DEFAULT_SIZES = (100, 1000, 3000, 10000)
WORK = ROOT / "out" / "bench"


class MemorySampler:
    """Peak proportional set size (PSS) of this process and its children, sampled 5 times a second.

    PSS shares each page among the processes that map it, so forked workers' copy-on-write pages
    are not counted twice (their ru_maxrss would count every shared page in full).
    """

    def __init__(self, interval: float = 0.2):
        import threading

        try:
            import psutil  # noqa: F401  (imported here, not in the thread: the pool forks)
        except ImportError:
            pass

        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> float:
        import psutil

        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak_mb = max(self.peak_mb, self._sample())
            except Exception:  # psutil missing or /proc unreadable: ru_maxrss figures only
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_one(folder: Path, workers: int | None) -> dict:
    """Build and render a brief from folder in this process; return the figures."""
    with MemorySampler() as memory:
        figures = _run_one(folder, workers)
    figures["pss_peak_mb"] = memory.peak_mb
    return figures


def _run_one(folder: Path, workers: int | None) -> dict:
    t0 = time.perf_counter()
    from briefing.pipeline import build_brief, write_brief
    from briefing.settings import load_settings

    t_import = time.perf_counter() - t0
    settings = load_settings(date="2026-01-01", workers=workers, output=WORK / "brief.docx")
    timings: dict[str, float] = {}
    t1 = time.perf_counter()
    brief = build_brief([folder], settings, timings=timings)
    t2 = time.perf_counter()
    write_brief(brief, settings)
    t3 = time.perf_counter()
    from briefing.pipeline import pool_size

    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "articles": len(brief.sources),
        "skipped": len(brief.skipped),
        "points": len(brief.points),
        "citations": sum(len(p.citations) for s in brief.sections for p in s.points),
        "workers": pool_size(settings, len(brief.sources)),
        "summarizer": settings.summarizer,
        "merge_threshold": settings.merge_threshold,
        "import": t_import,
        **timings,
        "build": t2 - t1,
        "render": t3 - t2,
        "total": t3 - t0,
        "rss_main_mb": self_rss,
        "rss_worker_mb": child_rss,
    }


def _child(folder: Path, workers: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--one", str(folder)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"benchmark run on {folder} failed:\n{out.stderr[-3000:]}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_wall"] = wall
    return figures


def compare_lexrank(folder: Path, limit: int) -> dict:
    """Time sumy's LexRank and FastLexRank on the same articles' candidate sentences; compare picks."""
    from briefing.ingest import load_articles
    from briefing.sentences import split_sentences
    from briefing.summarize import FastLexRank, LexRank, Selector

    files = sorted(folder.glob("*.txt"))[:limit]
    articles = load_articles(files).articles
    fast_sel, sumy_sel = Selector(FastLexRank()), Selector(LexRank())
    docs = []
    for a in articles:
        spans = split_sentences(a.text)
        cands = [s.text for s in spans[: fast_sel.max_sentences] if _eligible(fast_sel, s)]
        if cands:
            docs.append((a, spans, cands))
    fast, ref = FastLexRank(), LexRank()
    t0 = time.perf_counter()
    fast_cold = [fast.rate(c) for _, _, c in docs]
    t1 = time.perf_counter()
    fast_warm = [fast.rate(c) for _, _, c in docs]
    t2 = time.perf_counter()
    sumy = [ref.rate(c) for _, _, c in docs]
    t3 = time.perf_counter()
    same_ratings = sum(f == s for f, s in zip(fast_cold, sumy))
    same_warm = all(f == w for f, w in zip(fast_cold, fast_warm))
    same_picks = sum(
        [p.citations[0].sentence for p in fast_sel.select(a, spans)]
        == [p.citations[0].sentence for p in sumy_sel.select(a, spans)]
        for a, spans, _ in docs
    )
    n = len(docs)
    return {
        "articles": n,
        "sentences": sum(len(c) for _, _, c in docs),
        "fast_cold_ms": 1000 * (t1 - t0) / n,
        "fast_warm_ms": 1000 * (t2 - t1) / n,
        "sumy_ms": 1000 * (t3 - t2) / n,
        "same_ratings": same_ratings,
        "same_picks": same_picks,
        "stable": same_warm,
    }


def _eligible(selector, span) -> bool:
    from briefing.summarize import _eligible as eligible

    return eligible(span, selector.min_words, selector.max_words)


def machine() -> str:
    cores = os.cpu_count()
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cores} cores ({cpu}), {mem:.0f} GiB memory, Python {platform.python_version()}, {platform.system()}"


def table(rows: list[dict]) -> str:
    head = (
        "| articles | workers | ingest | split | summarize | per-article wall | merge | route | render "
        "| total | articles/s | peak memory (PSS, all processes) | peak RSS main | peak RSS worker |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    body = ""
    for r in rows:
        body += (
            f"| {r['articles']:,} | {r['workers']} | {r['ingest']:.1f} | {r['split']:.1f} | {r['summarize']:.1f} "
            f"| {r['per_article_wall']:.1f} | {r['merge']:.1f} | {r['route']:.2f} | {r['render']:.2f} "
            f"| {r['process_wall']:.1f} | {r['articles'] / r['process_wall']:.0f} "
            f"| {r['pss_peak_mb']:.0f} MiB | {r['rss_main_mb']:.0f} MiB | {r['rss_worker_mb']:.0f} MiB |\n"
        )
    return head + body


def report(rows: list[dict], lex: dict | None, seconds: float) -> str:
    out = [f"Machine: {machine()}", ""]
    out.append(
        "Seconds. ingest/split/summarize: work summed over the worker processes; per-article wall: "
        "the streamed read-split-summarize phase; total: wall time of a fresh `briefing build`-like "
        "process from start (imports included) to the written .docx."
    )
    if rows:
        out.append(
            f"Settings: the defaults (summarizer `{rows[0]['summarizer']}`, merge threshold "
            f"{rows[0]['merge_threshold']}); the pool is used from 200 articles on."
        )
    out += ["", table(rows)]
    by_n = {r["articles"]: r for r in rows}
    if 3000 in by_n and 10000 in by_n:
        a, b = by_n[3000], by_n[10000]
        out.append(
            f"3,000 -> 10,000 articles (3.3x): total x{b['process_wall'] / a['process_wall']:.2f}, "
            f"merge x{b['merge'] / max(a['merge'], 1e-9):.2f}."
        )
    if 10000 in by_n:
        r = by_n[10000]
        out.append(
            f"10,000 articles: {r['process_wall']:.1f} s wall (target < 60 s), peak memory "
            f"{r['pss_peak_mb']:.0f} MiB PSS over all processes (target < 2 GB)."
        )
    if lex:
        out += [
            "",
            f"LexRank on the same {lex['articles']:,} articles ({lex['sentences']:,} candidate sentences): "
            f"sumy {lex['sumy_ms']:.2f} ms/article; FastLexRank {lex['fast_cold_ms']:.2f} ms/article "
            f"with a cold stem cache (x{lex['sumy_ms'] / lex['fast_cold_ms']:.1f}), "
            f"{lex['fast_warm_ms']:.2f} ms/article warm (x{lex['sumy_ms'] / lex['fast_warm_ms']:.1f}). "
            f"Same ratings as sumy on {lex['same_ratings']}/{lex['articles']} articles, same selected "
            f"sentences on {lex['same_picks']}/{lex['articles']}.",
        ]
    out += ["", f"Benchmark run took {seconds / 60:.1f} min."]
    return "\n".join(out) + "\n"


def update_docs(path: Path, text: str) -> None:
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    doc = path.read_text(encoding="utf-8") if path.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    if begin not in doc or end not in doc:
        doc += f"\n{begin}\n{end}\n"
    head, rest = doc.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n{text}{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="corpus sizes, comma-separated")
    parser.add_argument("--workers", type=int, help="worker processes (default: the pipeline's choice)")
    parser.add_argument("--lexrank-articles", type=int, default=1000, help="articles for the sumy comparison")
    parser.add_argument("--docs", type=Path, help="also write the report into this Markdown file")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: one run, JSON out
    args = parser.parse_args(argv)

    if args.one:
        print(json.dumps(run_one(args.one, args.workers)))
        return 0

    from cnn import CNN_DIR
    from corpus import load_cnn, write_corpus

    if not CNN_DIR.is_dir():
        print(f"bench: the CNN Corpus is not at {CNN_DIR} (../shared/eval-data/cnn-corpus)", file=sys.stderr)
        return 1
    started = time.perf_counter()
    base = load_cnn()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows = []
    lex = None
    for n in sizes:
        folder = WORK / f"corpus-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, n, base)
        figures = _child(folder, args.workers)
        rows.append(figures)
        print(
            f"{n:>6} articles: {figures['process_wall']:.1f} s, merge {figures['merge']:.1f} s, "
            f"peak PSS {figures['pss_peak_mb']:.0f} MiB",
            flush=True,
        )
        if lex is None and args.lexrank_articles > 0 and n >= min(args.lexrank_articles, max(sizes)):
            lex = compare_lexrank(folder, args.lexrank_articles)
    text = report(rows, lex, time.perf_counter() - started)
    print()
    print(text)
    (WORK / "benchmarks.md").write_text(text, encoding="utf-8")
    if args.docs:
        update_docs(args.docs, text)
    if lex and (lex["same_picks"] != lex["articles"] or lex["same_ratings"] != lex["articles"]):
        print("bench: FastLexRank and sumy disagree on some articles", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
