"""Benchmark: the whole build on 1,000 to ~20,000 DISTINCT articles, stage by stage; sumy alongside.

    .venv/bin/python bench/run_bench.py --docs docs/benchmarks.md   # what `make bench` runs
    .venv/bin/python bench/run_bench.py --quick                     # a small check (a minute or two)
    .venv/bin/python bench/run_bench.py --sizes 1000,3000 --near-duplicates 0 --cnn 200

Rows, each a fresh process running the build as `briefing build` would (the library's build_brief
and write_brief, from the article files to a .docx under out/bench/), with wall time per stage (the
pipeline's ``timings`` dict, whatever keys it has) and the peak PSS of the process and its workers:

- distinct: the first N articles of a fixed seeded mix of Reuters-21578, the CNN Corpus and BBC News
  in ../shared/eval-data, exact duplicates removed, so every file is a different article
  (bench/distinct.py). Sizes 1,000, 3,000, 10,000 and all (about 20,000). This is the scale figure.
- near-duplicates: the old corpus of bench/corpus.py (the CNN Corpus, then light edits of it, so
  10,000 files are ten copies of ~1,000 stories). Kept as a separate row only: copies share texts,
  which flatters the merge, so it is never the scale figure.
- cnn / sumy: on the first N CNN Corpus articles (default 1,000) the whole build, and beside it
  sumy's LexRankSummarizer alone over each file's text (sumy's PlaintextParser with briefing's offline
  tokenizer, ``briefing.summarize._Tokenizer``, since NLTK's punkt data is not available offline;
  sumy's Stemmer and stop words; 3 sentences an article), also in a fresh process.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

WORK = ROOT / "out" / "bench"
DEFAULT_SIZES = "1000,3000,10000,all"
QUICK_SIZES = "100,300"
TWO_GB_MIB = 2e9 / 2**20  # 2 GB = 1,907 MiB
SUMY_SENTENCES = 3

# Non-timing figures a run reports beside its timings dict.
_FIGURES = ("articles", "skipped", "points", "workers", "summarizer", "pss_peak_mb", "process_wall")


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
            except Exception:  # psutil missing or /proc unreadable: no PSS figure
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        try:  # one last sample, so a run shorter than the interval still has a figure
            self.peak_mb = max(self.peak_mb, self._sample())
        except Exception:
            pass


# ---------------------------------------------------------------------------------------------
# One run, in the child process


def run_build(folder: Path, output: Path, workers: int | None) -> dict:
    """Build and render a brief from folder in this process, as `briefing build` does (down to
    its exit: the CLI freezes what the run built at exit, so the interpreter's last collections
    skip it; see briefing.cli._freeze_at_exit)."""
    with MemorySampler() as memory:
        t0 = time.perf_counter()
        import atexit

        from briefing.cli import _freeze_at_exit
        from briefing.pipeline import build_brief, pool_size, write_brief
        from briefing.settings import load_settings

        atexit.register(_freeze_at_exit)

        t_import = time.perf_counter() - t0
        settings = load_settings(date="2026-01-01", workers=workers, output=output)
        timings: dict[str, float] = {}
        t1 = time.perf_counter()
        brief = build_brief([folder], settings, timings=timings)
        t2 = time.perf_counter()
        write_brief(brief, settings)
        t3 = time.perf_counter()
    stages = {"import": t_import}
    stages.update({k: float(v) for k, v in timings.items() if isinstance(v, (int, float))})
    stages.update(build=t2 - t1, render=t3 - t2)
    return {
        "articles": len(brief.sources),
        "skipped": len(brief.skipped),
        "points": len(brief.points),
        "workers": pool_size(settings, len(brief.sources)),
        "summarizer": settings.summarizer,
        "stages": stages,
        "in_process": t3 - t0,
        "pss_peak_mb": memory.peak_mb,
    }


def run_sumy(folder: Path) -> dict:
    """sumy's LexRank alone over every file's text in folder: parse, rank, pick 3 sentences."""
    with MemorySampler() as memory:
        t0 = time.perf_counter()
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words

        from briefing.ingest import parse_front_matter
        from briefing.summarize import _Tokenizer

        t_import = time.perf_counter() - t0
        tokenizer = _Tokenizer()
        summarizer = LexRankSummarizer(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        files = sorted(folder.glob("*.txt"))
        sentences = picked = 0
        t1 = time.perf_counter()
        for f in files:
            _, body = parse_front_matter(f.read_text(encoding="utf-8"))
            document = PlaintextParser.from_string(body, tokenizer).document
            sentences += len(document.sentences)
            picked += len(summarizer(document, SUMY_SENTENCES))
        t2 = time.perf_counter()
    return {
        "articles": len(files),
        "sentences": sentences,
        "picked": picked,
        "stages": {"import": t_import, "lexrank": t2 - t1},
        "in_process": t2 - t0,
        "pss_peak_mb": memory.peak_mb,
    }


# ---------------------------------------------------------------------------------------------
# The parent: corpora, fresh processes, the report


def _child(args: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"benchmark run {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["process_wall"] = wall
    return figures


def build_row(kind: str, folder: Path, files: int, workers: int | None) -> dict:
    output = WORK / f"brief-{folder.name}.docx"
    args = ["--one", str(folder), "--output", str(output)]
    if workers is not None:
        args += ["--workers", str(workers)]
    row = _child(args)
    row.update(kind=kind, files=files, output=str(output.relative_to(ROOT)))
    return row


def sumy_row(folder: Path, files: int) -> dict:
    row = _child(["--sumy", str(folder)])
    row.update(kind="sumy LexRank alone", files=files, workers=1, skipped=0, points=row["picked"])
    return row


def _progress(row: dict) -> None:
    stages = ", ".join(f"{k} {v:.1f}" for k, v in row["stages"].items())
    print(
        f"{row['kind']:>20} {row['files']:>6,} files: {row['process_wall']:6.1f} s wall, "
        f"peak PSS {row['pss_peak_mb']:.0f} MiB ({stages})",
        flush=True,
    )


def parse_sizes(text: str) -> list[int | None]:
    """'1000,3000,all' -> [1000, 3000, None] (None: every article of the pool)."""
    sizes: list[int | None] = []
    for part in text.split(","):
        part = part.strip().replace("_", "")
        if not part:
            continue
        sizes.append(None if part.lower() == "all" else int(part))
    return sizes


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


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
    try:
        load = ", load average %.1f %.1f %.1f at the start" % os.getloadavg()
    except OSError:
        load = ""
    return f"{cores} cores ({cpu}), {mem:.0f} GiB memory, {platform.system()}{load}"


def stage_keys(rows: list[dict]) -> list[str]:
    """Every timing key the runs reported, in the order they first appear."""
    keys: list[str] = []
    for r in rows:
        for k in r["stages"]:
            if k not in keys:
                keys.append(k)
    return keys


def table(rows: list[dict]) -> str:
    keys = stage_keys(rows)
    head = ["corpus", "files", "used", "workers", *keys, "wall", "articles/s", "peak PSS"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 1 + "---:|" * (len(head) - 1)]
    for r in rows:
        cells = [r["kind"], f"{r['files']:,}", f"{r['articles']:,}", str(r["workers"])]
        cells += [f"{r['stages'][k]:.2f}" if k in r["stages"] else "" for k in keys]
        cells += [f"{r['process_wall']:.1f}", f"{r['files'] / r['process_wall']:.0f}",
                  f"{r['pss_peak_mb']:,.0f} MiB"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _pct(value: float, limit: float) -> str:
    return f"{abs(1 - value / limit) * 100:.0f}%"


def targets(rows: list[dict], cnn_target: int = 1000) -> list[tuple[str, str, bool | None]]:
    """(target, result, met) for each target; met None when the run did not measure it."""
    distinct = {r["files"]: r for r in rows if r["kind"] == "distinct"}
    biggest = max((r for r in rows if r["kind"] == "distinct" and r.get("all")),
                  key=lambda r: r["files"], default=None)
    out: list[tuple[str, str, bool | None]] = []

    r = distinct.get(10000)
    if r:
        w = r["process_wall"]
        met = w < 60
        out.append(("10,000 distinct articles to a finished brief in < 60 s wall",
                    f"{'met' if met else 'missed'}: {w:.1f} s ({_pct(w, 60)} {'under' if met else 'over'})",
                    met))
        m = r["pss_peak_mb"]
        met = m < TWO_GB_MIB
        out.append(("peak memory < 2 GB (1,907 MiB) at 10,000",
                    f"{'met' if met else 'missed'}: {m:,.0f} MiB PSS ({_pct(m, TWO_GB_MIB)} "
                    f"{'under' if met else 'over'})", met))
    else:
        out.append(("10,000 distinct articles to a finished brief in < 60 s wall", "not run at 10,000", None))
        out.append(("peak memory < 2 GB (1,907 MiB) at 10,000", "not run at 10,000", None))

    a, b = distinct.get(3000), distinct.get(10000)
    if a and b:
        x = b["process_wall"] / a["process_wall"]
        xb = b["stages"]["build"] / a["stages"]["build"]
        met = x <= 4
        out.append(("3,000 -> 10,000 distinct articles costs <= 4x",
                    f"{'met' if met else 'missed'}: x{x:.2f} wall (build stage x{xb:.2f}; linear would be x3.33)",
                    met))
    else:
        out.append(("3,000 -> 10,000 distinct articles costs <= 4x", "not run at both sizes", None))

    builds = [r for r in rows if r["kind"] == "cnn build"]
    sumys = [r for r in rows if r["kind"] == "sumy LexRank alone"]
    name = f"whole build on {cnn_target:,} CNN articles >= 5x faster than sumy's LexRank alone"
    if builds and sumys:
        # Side-by-side pairs (our build, then sumy, run after each other): the pair's ratio; the
        # verdict is the median pair's (the machine's speed moves between runs).
        pairs = sorted(zip(builds, sumys), key=lambda p: p[1]["process_wall"] / p[0]["process_wall"])
        build, sumy = pairs[len(pairs) // 2]
        x = sumy["process_wall"] / build["process_wall"]
        ours = build["stages"]["build"] + build["stages"]["render"]
        ok: bool | None = x >= 5
        at = build["files"]
        verdict = ("met" if ok else "missed") if at == cnn_target else f"check only ({at:,} articles, not {cnn_target:,})"
        each = ", ".join(f"x{s['process_wall'] / b['process_wall']:.2f}" for b, s in zip(builds, sumys))
        median = f"the median of {len(pairs)} side-by-side pairs ({each}): " if len(pairs) > 1 else ""
        result = (f"{verdict}: {median}x{x:.1f} wall to wall (sumy {sumy['process_wall']:.1f} s, our build "
                  f"{build['process_wall']:.1f} s); without imports x{sumy['stages']['lexrank'] / ours:.1f} "
                  f"(sumy's LexRank loop {sumy['stages']['lexrank']:.1f} s, our build + render {ours:.1f} s)")
        if at != cnn_target:
            ok = None
        out.append((name, result, ok))
    else:
        out.append((name, "not run", None))

    if biggest:
        m = biggest["pss_peak_mb"]
        ten = distinct.get(10000)
        vs = f"; x{m / ten['pss_peak_mb']:.2f} the 10,000 peak" if ten else ""
        met = m < TWO_GB_MIB
        out.append((f"memory bounded on all ~20,000 files (< 2 GB)",
                    f"{'met' if met else 'missed'}: {m:,.0f} MiB PSS on {biggest['files']:,} files{vs}",
                    met))
    else:
        out.append(("memory bounded on all ~20,000 files (< 2 GB)", "not run on all files", None))
    return out


def report(rows: list[dict], checks: list[tuple[str, str, bool | None]], info: dict) -> str:
    out = [
        f"Run {info['when']}: {info['mode']}.",
        "",
        f"- Machine: {machine()}",
        f"- Python {platform.python_version()} ({sys.executable.replace(str(ROOT) + '/', '')})",
        f"- Commit: {commit()}",
        f"- Distinct pool: {info['pool']:,} articles ({info['mix']}); seed {info['seed']}",
    ]
    if rows:
        first = next((r for r in rows if "summarizer" in r), None)
        if first:
            out.append(f"- Settings: the defaults (summarizer `{first['summarizer']}`); workers as the pipeline chooses")
    out += [
        "",
        "Seconds per stage as the pipeline's `timings` reports them (per-article stages summed over the "
        "workers), `build` the whole build_brief call, `render` writing the .docx; wall: the fresh "
        "process from start (imports included) to the written file. Peak PSS: main process and "
        "workers together.",
        "",
        table(rows),
        "| target | result |",
        "|---|---|",
    ]
    for name, result, _ in checks:
        out.append(f"| {name} | {result} |")
    measured = [c for c in checks if c[2] is not None]
    out += ["", f"Targets met: {sum(1 for c in measured if c[2])}/{len(measured)} measured "
                f"({len(checks) - len(measured)} not measured in this run).",
            "", f"Benchmark run took {info['seconds'] / 60:.1f} min."]
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
    parser.add_argument("--sizes", help=f"distinct-corpus sizes, comma-separated, 'all' for every article "
                                        f"(default {DEFAULT_SIZES}; --quick: {QUICK_SIZES})")
    parser.add_argument("--near-duplicates", type=int, help="size of the edited-copy (near-duplicate) row; "
                                                            "0 skips it (default 10000; --quick: 300)")
    parser.add_argument("--cnn", type=int, help="CNN Corpus articles for build vs sumy LexRank; 0 skips "
                                                "(default 1000; --quick: 100)")
    parser.add_argument("--pairs", type=int, help="times the CNN build and sumy run side by side; the median "
                                                  "pair decides the 5x target (default 3; --quick: 1)")
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the benchmark works")
    parser.add_argument("--workers", type=int, help="worker processes (default: the pipeline's choice)")
    parser.add_argument("--data", type=Path, help="evaluation data folder (default ../shared/eval-data)")
    parser.add_argument("--docs", type=Path, help="also write the report into this Markdown file")
    parser.add_argument("--keep", action="store_true", help="keep the corpora under out/bench/")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a measured target is missed")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: one build, JSON out
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sumy", type=Path, help=argparse.SUPPRESS)  # internal: sumy alone, JSON out
    args = parser.parse_args(argv)

    if args.one:
        print(json.dumps(run_build(args.one, args.output or WORK / "brief.docx", args.workers)))
        return 0
    if args.sumy:
        print(json.dumps(run_sumy(args.sumy)))
        return 0

    import distinct
    from corpus import load_cnn, write_corpus

    data = args.data or distinct.EVAL_DATA
    try:
        paths = distinct.sources(data)
    except distinct.DataMissing as exc:
        print(f"bench: skipped: {exc}", file=sys.stderr)
        return 0
    sizes = parse_sizes(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))
    near = args.near_duplicates if args.near_duplicates is not None else (300 if args.quick else 10000)
    cnn_n = args.cnn if args.cnn is not None else (100 if args.quick else 1000)

    started = time.perf_counter()
    when = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    pool = distinct.load_pool(data)
    WORK.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []

    def done(folder: Path) -> None:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    for n in sizes:
        if n is not None and n > len(pool):
            print(f"bench: {n:,} is more than the {len(pool):,} distinct articles; running all", file=sys.stderr)
            n = None
        label = "all" if n is None else str(n)
        folder = WORK / f"distinct-{label}"
        shutil.rmtree(folder, ignore_errors=True)
        files = len(distinct.write_distinct(folder, n, pool))
        row = build_row("distinct", folder, files, args.workers)
        row["all"] = n is None or n == len(pool)
        rows.append(row)
        _progress(row)
        done(folder)

    if near > 0:
        folder = WORK / f"near-duplicates-{near}"
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder, near, load_cnn(paths["cnn"]))
        row = build_row("near-duplicates", folder, near, args.workers)
        rows.append(row)
        _progress(row)
        done(folder)

    if cnn_n > 0:
        folder = WORK / f"cnn-{cnn_n}"
        shutil.rmtree(folder, ignore_errors=True)
        cnn = [i for i in distinct.cnn_items(paths["cnn"])][:cnn_n]
        files = len(distinct.write_distinct(folder, None, cnn))
        for _ in range(args.pairs if args.pairs is not None else (1 if args.quick else 3)):  # side by side: our build, then sumy, args.pairs times
            for row in (build_row("cnn build", folder, files, args.workers), sumy_row(folder, files)):
                rows.append(row)
                _progress(row)
        done(folder)

    checks = targets(rows)
    mode = "quick check (small sizes; not the scale figures)" if args.quick else "benchmark"
    mix = ", ".join(f"{k} {v:,}" for k, v in sorted(distinct.mix(pool).items()))
    info = {"when": when, "mode": mode, "pool": len(pool), "mix": mix, "seed": distinct.SEED,
            "seconds": time.perf_counter() - started}
    text = report(rows, checks, info)
    print()
    print(text)
    (WORK / "benchmarks.md").write_text(text, encoding="utf-8")
    (WORK / "benchmarks.json").write_text(json.dumps({"info": info, "rows": rows}, indent=1), encoding="utf-8")
    if args.docs:
        update_docs(args.docs, text)
    if args.strict and any(met is False for _, _, met in checks):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
