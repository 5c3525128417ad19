"""The pipeline, top to bottom: ingest -> sentences -> summarize -> stories -> route -> Brief.

Per article (in this process, or in a pool of workers): read and clean, split into sentences,
select candidate points, and compute the article's grouping signature; the result is one typed
``ArticleResult``. Then, for the whole day: group the articles into stories (briefing.stories),
build each story from its own articles only (duplicates merged within the story, every outlet
cited), rank the stories and route them into the sections (briefing.route).
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from briefing.errors import InputError, NoUsableInputError, WorkerError
from briefing.ingest import InputSkipped, _derive_title, article_from_text, iter_files, load_one
from briefing.output import write_brief as write_brief  # the pipeline's last step, decided in briefing.output
from briefing.models import Article, Brief, Point, SectionSpec, SentenceSpan, Skipped, SourceRef, Story, Text
from briefing.quotes import QuoteFinder
from briefing.route import Router
from briefing.sections import SectionMatcher, check_sections, load_sections
from briefing.sentences import split_sentences
from briefing.settings import Settings, load_settings
from briefing.stories import Signature, StoryArticle, StoryGrouper, build_story, signature
from briefing.summarize import Selector, get_summarizer


# Fewer articles than this are handled in this process: starting workers costs more than it saves.
POOL_MIN_ARTICLES = 200
_CHUNK = 16  # articles per task sent to a worker


def build_brief(
    inputs: Iterable[str | Path] | str | Path,
    settings: Settings | None = None,
    *,
    timings: dict[str, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
    sections: Sequence[SectionSpec] | None = None,
) -> Brief:
    """Read the articles under inputs and return the finished Brief.

    Inputs that cannot be used are listed in ``Brief.skipped``; NoUsableInputError is raised only
    when none can be used. Each article is read, split and summarized on its own (in a process
    pool when there are enough of them, see ``Settings.workers``) and streamed into the merger, so
    a large run never holds every article's text and sentences at once. Pass a dict as timings to
    get the seconds spent per stage (``ingest``, ``split`` and ``summarize`` summed over workers).
    ``progress(done, total)`` is called after each file (the CLI's progress bar).
    ``sections``: SectionSpec objects to route into, instead of ``settings.sections_file``.
    Texts held in memory rather than files: ``build_brief_from_texts``.
    """
    settings = settings or load_settings()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = list(inputs)

    started = time.perf_counter()
    items = list(iter_files(inputs, settings.follow_symlinks))
    files = [i for i in items if not isinstance(i, Skipped)]
    collector = _Collector(settings, timings, sections)
    results = iter(_per_article(
        _read_and_select, files, settings, collector.sections, defer=defer_off_topic(settings, collector.sections),
        meanwhile=lambda: _warm_up(settings),
    ))
    done = 0
    for item in items:
        if isinstance(item, Skipped):
            collector.skipped.append(item)
        else:
            collector.add(next(results))
            done += 1
            if progress is not None:
                progress(done, len(files))
    if timings is not None:
        timings["per_article_wall"] = time.perf_counter() - started
    if not collector.sources:
        raise NoUsableInputError(_no_usable_message(inputs, collector.skipped))
    return collector.finish()


def _no_usable_message(inputs: list, skipped: Iterable, show: int = 3) -> str:
    """One line: what was given and why nothing could be used (the first few reasons)."""
    skipped = list(skipped)
    named = ", ".join(str(i) for i in inputs[:show])
    if len(inputs) > show:
        named += f" and {len(inputs) - show} more"
    reasons = "; ".join(f"{s.input}: {s.reason}" for s in skipped[:show])
    if len(skipped) > show:
        reasons += f"; and {len(skipped) - show} more skipped"
    message = f"no usable article in {named}" + (f" ({reasons})" if reasons else " (nothing to read)")
    return " ".join(message.split())


def brief_from_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    skipped: Iterable = (),
    timings: dict[str, float] | None = None,
    sections: Sequence[SectionSpec] | None = None,
) -> Brief:
    """Summarize, merge and route already-ingested articles into a Brief (``sections``: SectionSpec
    objects to route into, instead of ``settings.sections_file``)."""
    articles = list(articles)
    started = time.perf_counter()
    collector = _Collector(settings, timings, sections)
    collector.skipped.extend(skipped)
    defer = defer_off_topic(settings, collector.sections)
    for result in _per_article(
        _split_and_select, articles, settings, collector.sections, defer=defer, meanwhile=lambda: _warm_up(settings)
    ):
        collector.add(result)
    if timings is not None:
        timings["per_article_wall"] = time.perf_counter() - started
    return collector.finish()


def results_from_articles(
    articles: Iterable[Article], settings: Settings, sections: Sequence[SectionSpec] | None = None
) -> list[ArticleResult]:
    """The per-article stage for already-ingested articles (in a pool when it pays), in order."""
    return list(_per_article(_split_and_select, list(articles), settings, sections))


def build_brief_from_texts(
    texts: Iterable[Text | str],
    settings: Settings | None = None,
    *,
    sections: Sequence[SectionSpec] | None = None,
    timings: dict[str, float] | None = None,
) -> Brief:
    """The Brief of articles held in memory: each a ``Text`` (text plus optional source, title,
    date, url) or a plain str (the text itself, never a path: files go to ``build_brief``).

    Each text is cleaned as a file is (boilerplate, wire codes, datelines, front matter) and given
    a stable id (a hash of its url and cleaned text). A text with nothing left after cleaning is
    listed in ``Brief.skipped`` as ``<text N>``; NoUsableInputError when none is usable.
    """
    settings = settings or load_settings()
    if isinstance(texts, (str, Text)):
        texts = [texts]
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for i, item in enumerate(texts):
        if not isinstance(item, (str, Text)):
            raise InputError(
                f"text {i} is a {type(item).__name__}, not a str or briefing.Text; "
                "files and folders go to build_brief"
            )
        given = item if isinstance(item, Text) else Text(text=item)
        try:
            articles.append(
                article_from_text(
                    given.text, url=given.url, source=given.source, title=given.title, date=given.date
                )
            )
        except InputSkipped as exc:
            skipped.append(Skipped(input=f"<text {i}>", reason=str(exc)))
    if not articles:
        raise NoUsableInputError(_no_usable_message([f"<text {i}>" for i in range(len(skipped))], skipped))
    return brief_from_articles(articles, settings, skipped=skipped, timings=timings, sections=sections)


def pool_size(settings: Settings, n_articles: int) -> int:
    """Worker processes for n articles: Settings.workers, or every core for enough articles."""
    if settings.workers is not None:
        return min(settings.workers, max(n_articles, 1))
    if n_articles < POOL_MIN_ARTICLES:
        return 0
    return min(os.cpu_count() or 1, max(n_articles // _CHUNK, 1))


@dataclass(frozen=True)
class ArticleResult:
    """What the per-article stage gives for one input: the article's reference (or why it was
    skipped), its candidate points, its sentences as (index, start, end, text) (the story stage
    corroborates points across the story's articles with them), its grouping signature, and the
    seconds spent reading, splitting and selecting."""

    ref: SourceRef | Skipped
    points: tuple[Point, ...] = ()
    sentences: tuple[tuple[int, int, int, str], ...] = ()
    signature: Signature | None = None
    title_given: bool = True
    seconds: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # True when the points were not chosen: no sentence of the article has evidence for any
    # section, and the run shows only on-topic stories (see ``defer_off_topic``). The story stage
    # chooses them after all when such an article joins an on-topic story.
    deferred: bool = False


def make_selector(settings: Settings, sections: Sequence[SectionSpec] | None = None) -> Selector:
    """The per-article sentence selector the settings describe (sections: loaded once per run)."""
    if sections is None:
        sections = load_sections(settings.sections_file)
    return Selector(
        get_summarizer(settings.summarizer),
        SectionMatcher(sections),
        sentences=settings.sentences,
        per_section=settings.per_section,
        whole_quotes=True,
        self_contained=settings.self_contained,
        date_format=settings.date_format,
        bullets=True,  # points are read one by one: a bullet that needs its article is worse than one fewer
        max_position=settings.opening_bullets - 1 if settings.opening_bullets > 0 else None,
    )


def article_results(paths: Iterable[str | Path], settings: Settings) -> list[ArticleResult]:
    """The per-article stage for a batch of files: read, split and select each, independently.

    A pure function of its arguments (nothing shared between articles), which is what a process
    pool or a distributed engine maps; ``brief_from_results`` is the gather (or, distributed:
    ``group_results`` then ``story_from_results`` per story, then ``brief_from_stories``).
    """
    saved = dict(_WORKER)
    _init_worker(settings)
    try:
        return [_read_and_select(Path(p)) for p in paths]
    finally:
        _WORKER.clear()
        _WORKER.update(saved)


def brief_from_results(
    results: Iterable[ArticleResult], settings: Settings, *, skipped: Iterable = ()
) -> Brief:
    """The gather: merge and route per-article results (from ``article_results``) into a Brief.

    Results are consumed one at a time, in the order given (keep the input order for a
    reproducible brief). Raises NoUsableInputError when no article could be used.
    """
    collector = _Collector(settings, None)
    collector.skipped.extend(skipped)
    for result in results:
        collector.add(result)
    if not collector.sources:
        raise NoUsableInputError(_no_usable_message([], collector.skipped))
    return collector.finish()


# --- per-article work: the same functions in this process or in a pool worker ------------------

_ArticleResult = ArticleResult
_WORKER: dict[str, object] = {}


def _init_worker(settings: Settings, sections: Sequence[SectionSpec] | None = None, defer: bool = False) -> None:
    _WORKER["settings"] = settings
    _WORKER["selector"] = make_selector(settings, sections)
    _WORKER["defer"] = defer


# A pool worker's cyclic garbage collector runs this seldom: the per-article stage makes next to no
# reference cycles (none in 1,000 CNN Corpus articles), and at Python's default, a collection every
# 700 new objects, it spent about 4% of a worker's time looking for them (each collection walks the
# worker's young objects: its word caches as they grow). The objects inherited from this process
# are frozen (gc.freeze), never walked.
_WORKER_GC_THRESHOLD = 100_000


def _init_pool_worker(settings: Settings, sections: Sequence[SectionSpec] | None = None, defer: bool = False) -> None:
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    _init_worker(settings, sections, defer)


def _warm_up(settings: Settings) -> None:
    """What this process needs once the per-article stage is over, loaded while the pool's last
    workers finish (on a core another worker has left): the stem shares grouping weighs words by,
    the modules merging imports, the writer's modules."""
    from briefing._nlp import stem_shares, stop_words
    from briefing.output import preload

    stem_shares()
    stop_words()
    import numpy.ma  # noqa: F401  (numpy.unique imports it: merging a story's points)

    preload(settings)


def defer_off_topic(settings: Settings, sections: Sequence[SectionSpec]) -> bool:
    """Whether a run may leave an off-topic article's points unchosen until its story needs them.

    With sections defined and no "Other news", a story is shown only for an on-topic point, and a
    point's topics are its sentence's: an article none of whose candidate sentences has evidence
    for a section can only matter through an on-topic story it joins. Most of a large day's
    articles are such; choosing their points (rating, context, brackets) is most of the
    per-article cost, so it waits for the story stage (``stories_from_results``)."""
    return bool(sections) and not settings.other_news


def _split_and_select(article: Article, ingest_seconds: float = 0.0) -> ArticleResult:
    selector = _WORKER["selector"]
    assert isinstance(selector, Selector)
    return article_result(article, selector, ingest_seconds, defer=bool(_WORKER.get("defer")))


_SPAN_FIELDS = attrgetter("index", "start", "end", "text")


def article_result(
    article: Article, selector: Selector, ingest_seconds: float = 0.0, *, grouping: bool = True,
    defer: bool = False,
) -> ArticleResult:
    """The per-article stage for one cleaned article: split it, select its candidate points with
    selector and (grouping) compute its story signature. briefing.api runs this same stage.
    defer: leave the points of an article with no on-topic sentence unchosen (``deferred``; see
    ``defer_off_topic``)."""
    t0 = time.perf_counter()
    spans = split_sentences(article.text)
    t1 = time.perf_counter()
    deferred = defer and not selector.may_route(spans)
    points = [] if deferred else selector.select(article, spans)
    ref = SourceRef(
        id=article.id, source=article.source, title=article.title, date=article.date,
        url=article.url, path=article.path,
    )
    sentences = tuple(map(_SPAN_FIELDS, spans))  # (index, start, end, text) of each, in C
    title_given = bool(article.title) and article.title != _derive_title(article.text)
    sig = signature(
        article.id, article.source, article.date, article.title, [t for _, _, _, t in sentences],
        title_given=title_given,
    ) if grouping else None
    return ArticleResult(
        ref, tuple(points), sentences, sig, title_given, (ingest_seconds, t1 - t0, time.perf_counter() - t1),
        deferred,
    )


def chosen_now(result: ArticleResult, selector: Selector) -> ArticleResult:
    """A deferred result with its points chosen, exactly as the per-article stage would have."""
    if not result.deferred:
        return result
    ref = result.ref
    assert isinstance(ref, SourceRef)
    article = Article(id=ref.id, source=ref.source, title=ref.title, date=ref.date, url=ref.url, path=ref.path, text="")
    spans = [SentenceSpan(index=i, start=a, end=b, text=t) for i, a, b, t in result.sentences]
    return replace(result, points=tuple(selector.select(article, spans)), deferred=False)


def _read_and_select(path: Path) -> _ArticleResult:
    settings = _WORKER["settings"]
    assert isinstance(settings, Settings)
    t0 = time.perf_counter()
    loaded = load_one(path, max_bytes=settings.max_article_bytes)
    if isinstance(loaded, Skipped):
        return ArticleResult(loaded, seconds=(time.perf_counter() - t0, 0.0, 0.0))
    return _split_and_select(loaded, time.perf_counter() - t0)


def _run_chunk(fn_name: str, chunk: list) -> list[ArticleResult]:
    fn = globals()[fn_name]
    return [fn(x) for x in chunk]


def _per_article(
    fn, items: list, settings: Settings, sections: Sequence[SectionSpec] | None = None, *, defer: bool = False,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[ArticleResult]:
    """fn over items in order: in a process pool when it pays, else here. Results stream back.
    defer: off-topic articles' points wait for the story stage (``defer_off_topic``). meanwhile:
    called once in this process when the pool's last chunks leave a worker idle (earlier it would
    take a busy worker's core; never without a pool)."""
    workers = pool_size(settings, len(items))
    if workers <= 1:
        saved = dict(_WORKER)
        _init_worker(settings, sections, defer)
        try:
            for x in items:
                yield fn(x)
        finally:
            _WORKER.clear()
            _WORKER.update(saved)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    if "fork" in methods:  # what every worker loads (stem memo, term rarity table, stemmer), loaded once here
        # No collection while this loads (the imports made one full collection, ~30 ms, walk
        # everything here): all of it is frozen next (gc.disable, then gc.freeze before forking,
        # as the gc module's documentation advises).
        collecting = gc.isenabled()
        gc.disable()
        try:
            import numpy  # noqa: F401  (NewsRank's graph; this process needs it later for the stories anyway)

            # What choosing an on-topic article's points imports (context rules, dates, merging, the
            # story summarizer): imported by this process for the stories anyway, once here, not per worker.
            import briefing.context  # noqa: F401
            import briefing.dates  # noqa: F401
            import briefing.merge  # noqa: F401
            import briefing.storysum  # noqa: F401

            from briefing._nlp import _stemmer, stem_table

            stem_table()
            _stemmer()
            make_selector(settings, sections)
            # What the workers inherit is never garbage they must collect: kept out of their
            # collections, which would otherwise walk it all (and copy every page of it they touch).
            gc.freeze()
        finally:
            if collecting:
                gc.enable()
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_pool_worker,
            initargs=(settings, sections, defer),
        ) as pool:
            # A bounded window of chunks in flight: results are consumed as they come, in order.
            pending: deque = deque()
            ahead = 4 * workers
            for i, chunk in enumerate(chunks):
                pending.append(pool.submit(_run_chunk, fn.__name__, chunk))
                if len(pending) >= ahead:
                    yield from pending.popleft().result()
            while pending:
                if meanwhile is not None and len(pending) < workers:  # a worker has nothing left to do
                    meanwhile()
                    meanwhile = None
                yield from pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died while reading the articles (killed, or out of memory: "
            "try fewer workers, e.g. BRIEFING_WORKERS=1); nothing was written"
        ) from None
    finally:
        if "fork" in methods:
            gc.unfreeze()


class _Collector:
    """Takes each article's result as it arrives; groups, builds and routes stories at the end."""

    def __init__(
        self,
        settings: Settings,
        timings: dict[str, float] | None,
        sections: Sequence[SectionSpec] | None = None,
    ):
        self.settings = settings
        self.timings = timings
        # once per run: the objects given, else the settings' file
        self.sections = check_sections(sections) if sections is not None else load_sections(settings.sections_file)
        self.results: list[ArticleResult] = []
        self.sources: list[SourceRef] = []
        self.skipped: list[Skipped] = []
        # Key quotes come from the stories the brief shows: looked for in those articles only.
        self.quotes = _ShownQuotes(self.results, max_quotes=settings.quotes)
        self.seconds = [0.0, 0.0, 0.0]

    def add(self, result: ArticleResult) -> None:
        for i, x in enumerate(result.seconds):
            self.seconds[i] += x
        ref = result.ref
        if isinstance(ref, Skipped):
            self.skipped.append(ref)
            return
        self.sources.append(ref)
        self.results.append(result)

    def stories(self) -> list[Story]:
        """The day's stories, built story by story from their own articles."""
        return stories_from_results(self.results, self.settings, self.sections)

    def finish(self) -> Brief:
        settings = self.settings
        t0 = time.perf_counter()
        stories = self.stories()
        t1 = time.perf_counter()
        brief = brief_from_stories(
            stories, settings, sources=self.sources, skipped=self.skipped, quotes=self.quotes,
            sections=self.sections,
        )
        t2 = time.perf_counter()
        if self.timings is not None:
            self.timings.update(
                ingest=self.seconds[0], split=self.seconds[1], summarize=self.seconds[2],
                stories=t1 - t0, route=t2 - t1,
            )
        return brief


class _ShownQuotes(QuoteFinder):
    """A QuoteFinder over results that looks for candidate quotes, in input order, only in the
    articles ``quotes`` is asked about (the shown stories' articles), once."""

    def __init__(self, results: Sequence[ArticleResult], **kwargs: Any):
        super().__init__(**kwargs)
        self._results = results
        self._looked = False

    def quotes(self, points: Iterable[Point] = (), articles: Collection[str] | None = None) -> tuple:
        if not self._looked:
            self._looked = True
            for r in self._results:
                if isinstance(r.ref, SourceRef) and (articles is None or r.ref.id in articles):
                    self.add(r.ref, r.sentences)
        return super().quotes(points, articles)


def group_results(results: Sequence[ArticleResult], settings: Settings) -> list[list[int]]:
    """Stories as lists of indices into results (the usable ones, in input order)."""
    sigs = [r.signature for r in results]
    if any(s is None for s in sigs):
        raise ValueError("group_results needs the results of usable articles only")
    return StoryGrouper(threshold=settings.story_threshold).group(sigs)  # type: ignore[arg-type]


def story_from_results(
    members: Sequence[ArticleResult], settings: Settings, sections: Sequence[SectionSpec] = ()
) -> Story | None:
    """Build one story from its articles' results (pure: what a distributed worker runs)."""
    specs = {s.key: s for s in sections}

    def relevance(topics: tuple[tuple[str, float], ...]) -> float:
        best = max((score / (2.0 * specs[k].min_score) for k, score in topics if k in specs and specs[k].min_score > 0), default=0.0)
        return min(best, 1.0)

    articles = [story_article(r) for r in members]
    return build_story(
        articles, threshold=settings.merge_threshold, relevance=relevance
    )


def story_article(result: ArticleResult) -> StoryArticle:
    """A usable article's result as the story stage holds it."""
    ref = result.ref
    assert isinstance(ref, SourceRef)
    return StoryArticle(ref.id, ref.source, ref.title, result.title_given, ref.date, result.points, result.sentences)


def stories_from_results(
    results: Sequence[ArticleResult], settings: Settings, sections: Sequence[SectionSpec] = ()
) -> list[Story]:
    """Group usable results into stories and build each (strongest first)."""
    results = [r for r in results if isinstance(r.ref, SourceRef)]
    groups = group_results(results, settings)
    if any(r.deferred for r in results):
        results, groups = _choose_deferred(results, groups, settings, sections)
    multi = [g for g in groups if len(g) > 1]
    built: list[Story | None] = []
    workers = pool_size(settings, len(results))
    if workers > 1 and len(multi) >= MIN_POOLED_STORIES:
        built += _stories_in_pool(results, multi, settings, sections, workers)
    else:
        built += [story_from_results([results[i] for i in g], settings, sections) for g in multi]
    singles = [g for g in groups if len(g) == 1]
    built += [story_from_results([results[g[0]]], settings, sections) for g in singles]
    # Equal weights keep the order of the inputs (a story's place is its first article's), never
    # the order of hashed ids: the same articles give the same brief whether read from files or texts.
    first = [min(g) for g in multi] + [g[0] for g in singles]
    ordered = sorted(
        ((s, i) for s, i in zip(built, first) if s is not None), key=lambda si: (-si[0].weight, si[1])
    )
    return [s for s, _ in ordered]


def _choose_deferred(
    results: list[ArticleResult], groups: list[list[int]], settings: Settings, sections: Sequence[SectionSpec]
) -> tuple[list[ArticleResult], list[list[int]]]:
    """Deferred articles' points chosen where their story needs them: in a story with an on-topic
    article (or every one, when the run shows off-topic stories too). A story of deferred articles
    only is off-topic: it cannot be shown, so it is not built."""
    everything = not defer_off_topic(settings, sections)
    selector: Selector | None = None
    results = list(results)
    kept = []
    for g in groups:
        if not everything and all(results[i].deferred for i in g):
            continue
        for i in g:
            if results[i].deferred:
                selector = selector or make_selector(settings, sections)
                results[i] = chosen_now(results[i], selector)
        kept.append(g)
    return results, kept


MIN_POOLED_STORIES = 64  # fewer multi-article stories than this are built here
_STORY_JOB: dict[str, object] = {}


def _build_story_chunk(chunk: list[list[int]]) -> list[Story | None]:
    results, settings, sections = _STORY_JOB["results"], _STORY_JOB["settings"], _STORY_JOB["sections"]
    return [story_from_results([results[i] for i in g], settings, sections) for g in chunk]  # type: ignore[index, arg-type]


def _stories_in_pool(results, groups, settings, sections, workers) -> list[Story | None]:
    """Multi-article stories built in forked workers (each story only needs its own articles,
    which the workers inherit: nothing is pickled on the way in)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if "fork" not in multiprocessing.get_all_start_methods():
        return [story_from_results([results[i] for i in g], settings, sections) for g in groups]
    size = max(1, len(groups) // (4 * workers))
    chunks = [groups[i : i + size] for i in range(0, len(groups), size)]
    _STORY_JOB.update(results=results, settings=settings, sections=tuple(sections))
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [s for part in pool.map(_build_story_chunk, chunks) for s in part]
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died while building the stories (killed, or out of memory: try "
            "fewer workers, e.g. BRIEFING_WORKERS=1); nothing was written"
        ) from None
    finally:
        gc.unfreeze()
        _STORY_JOB.clear()


def brief_from_stories(
    stories: Sequence[Story],
    settings: Settings,
    *,
    sources: Sequence[SourceRef],
    skipped: Sequence[Skipped] = (),
    quotes: QuoteFinder | None = None,
    sections: Sequence[SectionSpec] | None = None,
    empty_note: str | None = None,
) -> Brief:
    """Route the stories into sections, pick key points and key quotes: the Brief. empty_note:
    the line an empty section shows (default: the router's)."""
    if sections is None:
        sections = load_sections(settings.sections_file)
    router = Router(
        sections,
        key_points=settings.key_points,
        max_points=settings.max_points_per_section,
        other_news=settings.other_news,
        story_points=settings.story_points,
        **({"empty_note": empty_note} if empty_note is not None else {}),
    )
    key_points, routed, shown = router.route_stories(stories)
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    shown_points = key_points + tuple(p for s in routed for p in s.points)
    return Brief(
        title=settings.title,
        date=settings.date or _dt.date.today(),
        created=now,
        key_points=key_points,
        sections=routed,
        stories=shown,
        sources=tuple(sources),
        skipped=tuple(skipped),
        quotes=quotes.quotes(shown_points, {a for s in shown for a in s.articles}) if quotes is not None else (),
        summarizer=settings.summarizer,
        handling=settings.handling,
        author=settings.author,
    )
