"""briefing's per-article stage mapped over a Dask cluster; the merge gathers on the client.

    .venv/bin/python bench/dask_example.py seeds/ -o out/dask-brief.docx
    .venv/bin/python bench/dask_example.py out/bench/corpus-3000 --workers 2 --batch 64

A LocalCluster on this machine stands in for a real one: with ``--scheduler tcp://host:8786`` the
same code runs on an existing Dask cluster, as long as every worker has briefing installed and can
read the input files (a shared filesystem or object store). See docs/scaling.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def run(
    inputs: list[Path],
    output: Path,
    *,
    workers: int = 2,
    batch: int = 64,
    scheduler: str | None = None,
    date: str | None = None,
):
    from dask.distributed import Client, LocalCluster

    from briefing.ingest import iter_files
    from briefing.models import Skipped
    from briefing.pipeline import article_results, write_brief
    from briefing.settings import load_settings

    settings = load_settings(date=date, output=output)
    items = list(iter_files(inputs))  # cheap: a directory walk, no file is read here
    skipped = [i for i in items if isinstance(i, Skipped)]
    files = [str(i) for i in items if not isinstance(i, Skipped)]
    batches = [files[i : i + batch] for i in range(0, len(files), batch)]

    if scheduler:
        cluster = None
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
        )
        client = Client(cluster)
    try:
        settings_future = client.scatter(settings, broadcast=True)
        # 1. Map: one task per batch of files; nothing shared between tasks. The results stay on
        #    the workers; only what grouping and the quote table need comes back.
        futures = client.map(article_results, batches, settings=settings_future, pure=False)
        light = client.gather(client.map(_light, futures, pure=False))
        refs, sigs, where, quote_rows, skipped_read = [], [], [], [], []
        for b, rows in enumerate(light):
            for k, (ref, sig, sentences) in enumerate(rows):
                if sig is None:
                    skipped_read.append(ref)
                    continue
                refs.append(ref)
                sigs.append(sig)
                where.append((b, k))
                quote_rows.append((ref, sentences))
        # 2. Group on the client (signatures are small): the grouping key is the story.
        from briefing.stories import StoryGrouper

        groups = StoryGrouper(threshold=settings.story_threshold).group(sigs)
        # 3. Shuffle by story and build the stories on the workers: each task gets the batches
        #    that hold its stories' articles (Dask moves them), and merges within each story only.
        chunks = [groups[i : i + STORIES_PER_TASK] for i in range(0, len(groups), STORIES_PER_TASK)]
        tasks = []
        for chunk in chunks:
            needed = sorted({where[i][0] for g in chunk for i in g})
            spec = [[(needed.index(where[i][0]), where[i][1]) for i in g] for g in chunk]
            tasks.append(client.submit(_build_stories, spec, settings_future, *[futures[b] for b in needed], pure=False))
        built = [s for part in client.gather(tasks) for s in part]  # one per group, in order
        # Strongest first; equal weights keep the inputs' order (as briefing.pipeline does).
        ranked = sorted(
            ((s, min(g)) for s, g in zip(built, groups) if s is not None), key=lambda sg: (-sg[0].weight, sg[1])
        )
        stories = [s for s, _ in ranked]
        # 4. Reduce on the client: routing, key points, quotes.
        from briefing.pipeline import brief_from_stories
        from briefing.quotes import QuoteFinder

        quotes = QuoteFinder(max_quotes=settings.quotes)
        for ref, sentences in quote_rows:
            quotes.add(ref, sentences)
        skipped_all = _in_input_order(items, skipped, skipped_read)
        brief = brief_from_stories(stories, settings, sources=refs, skipped=skipped_all, quotes=quotes)
        if not refs:
            from briefing.errors import NoUsableInputError

            raise NoUsableInputError("no usable article in the inputs")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return brief, write_brief(brief, settings, output)


STORIES_PER_TASK = 256


def _light(results):
    """What the client needs of a batch's results: reference, signature, sentences (for quotes)."""
    return [(r.ref, r.signature, r.sentences if r.signature is not None else ()) for r in results]


def _build_stories(spec, settings, *batches):
    """Build the stories of one task; spec: per story, (batch position, result position) pairs."""
    from briefing.pipeline import story_from_results
    from briefing.sections import load_sections

    sections = load_sections(settings.sections_file)
    return [story_from_results([batches[b][k] for b, k in members], settings, sections) for members in spec]


def _in_input_order(items, walked, read):
    """Skipped inputs in the order the walk met them (as build_brief lists them)."""
    from briefing.models import Skipped

    read_by_input = {s.input: s for s in read}
    out = []
    for item in items:
        if isinstance(item, Skipped):
            out.append(item)
        elif str(item) in read_by_input:
            out.append(read_by_input.pop(str(item)))
    return out + list(read_by_input.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    parser.add_argument("-o", "--output", type=Path, default=Path("out/dask-brief.docx"), help="brief to write")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default: 2)")
    parser.add_argument("--batch", type=int, default=64, help="articles per task (default: 64)")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler instead of a LocalCluster")
    parser.add_argument("--date", help="date of the brief, YYYY-MM-DD (default: today)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    brief, path = run(
        args.paths, args.output, workers=args.workers, batch=args.batch,
        scheduler=args.scheduler, date=args.date,
    )
    print(
        f"wrote {path} ({len(brief.sources)} articles, {len(brief.points)} points, "
        f"{len(brief.skipped)} skipped) in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
