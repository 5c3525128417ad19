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
    from briefing.pipeline import article_results, brief_from_results, write_brief
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
        # Map: one task per batch of files; nothing shared between tasks.
        futures = client.map(article_results, batches, settings=settings_future, pure=False)

        def gathered():
            # Gather, in input order, one batch at a time: each result is released once merged in.
            for future in futures:
                yield from future.result()
                future.release()

        # Reduce: the merge needs every article's sentences, so it runs here, on the client.
        brief = brief_from_results(gathered(), settings, skipped=skipped)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return brief, write_brief(brief, settings, output)


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
