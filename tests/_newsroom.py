"""Test helpers for the daily runs: a news site on 127.0.0.1 (feeds and pages) and its stories.

NewsServer serves whatever is in its ``routes`` (path -> Route), counts hits, records request
headers and the most requests it saw in flight at once. Nothing here reaches the internet.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import datetime as dt
from xml.sax.saxutils import escape


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering (a slow page)
    headers: tuple[tuple[str, str], ...] = ()


class NewsServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    server.agents.append(self.headers.get("User-Agent", ""))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    route = server.routes.get(path)
                    if route is None:
                        route = Route(b"<h1>Not found</h1>", status=404)
                    if route.delay:
                        server._closing.wait(route.delay)
                    try:
                        self.send_response(route.status)
                        self.send_header("Content-Type", route.content_type)
                        self.send_header("Content-Length", str(len(route.body)))
                        for name, value in route.headers:
                            self.send_header(name, value)
                        self.end_headers()
                        self.wfile.write(route.body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                finally:
                    with server._lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsServer:
        self.thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def page(self, path: str, story: Story, **kw) -> str:
        self.routes[path] = Route(story.html().encode("utf-8"), **kw)
        return self.url(path)

    def feed(self, path: str, items: list[tuple[str, str | None, dt.date]], *, title: str = "World") -> str:
        """An RSS feed of (title, link or None, date) items."""
        parts = []
        for item_title, link, day in items:
            when = format_datetime(dt.datetime(day.year, day.month, day.day, 6, 0, tzinfo=dt.timezone.utc))
            link_xml = f"<link>{escape(link)}</link>" if link else ""
            parts.append(f"<item><title>{escape(item_title)}</title>{link_xml}<pubDate>{when}</pubDate></item>")
        xml = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>{self.base}/</link><description>test</description>"
            + "".join(parts) + "</channel></rss>"
        )
        self.routes[path] = Route(xml.encode("utf-8"), content_type="application/rss+xml")
        return self.url(path)


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]
    site: str = "Example News"
    author: str = "Jane Doe"
    date: str = "2026-11-20"

    def html(self) -> str:
        paras = "\n".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(self.title)} | {escape(self.site)}</title>
<meta property="og:site_name" content="{escape(self.site)}">
<meta property="og:title" content="{escape(self.title)}">
<meta name="author" content="{escape(self.author)}">
<meta property="article:published_time" content="{self.date}T06:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{escape(self.title)}</h1>
{paras}
</article></main>
<footer><p>Copyright 2026 {escape(self.site)}. All rights reserved.</p></footer>
</body></html>"""

    def text(self) -> str:
        return self.title + "\n" + "\n".join(self.paragraphs) + "\n"


SANCTIONS = Story(
    title="EU agrees new sanctions on Russian energy exports",
    site="Reuters",
    author="Anna Keller",
    paragraphs=(
        "BRUSSELS (Reuters) - European Union governments agreed on Thursday a new package of "
        "sanctions against Russia that targets its exports of liquefied natural gas.",
        "The package bans transshipment of Russian gas through European ports from next March, "
        "diplomats said after a meeting of ambassadors in Brussels.",
        "Hungary dropped its objections after securing an exemption for pipeline oil deliveries, "
        "two officials said.",
        "The sanctions also add forty more vessels of the so-called shadow fleet to the list of "
        "ships barred from European waters.",
        "Moscow called the measures illegal and said it would respond in kind.",
    ),
)

NATO = Story(
    title="NATO allies pledge higher defence spending",
    site="CNN",
    author="Mark Lowe",
    paragraphs=(
        "NATO defence ministers pledged on Thursday to raise military spending after pressure "
        "from Washington over burden sharing in the alliance.",
        "Several allies said they would reach the target of two percent of economic output "
        "within three years.",
        "The secretary general said the alliance must invest more in air defence and ammunition "
        "production.",
        "Germany announced new orders for artillery shells worth several billion euros.",
    ),
)

CEASEFIRE = Story(
    title="Ukraine and Russia agree to new prisoner exchange",
    site="BBC News",
    author="Olga Petrenko",
    date="2026-11-21",
    paragraphs=(
        "Ukraine and Russia agreed on Friday to exchange hundreds of prisoners of war in a deal "
        "brokered by Turkey, officials in Kyiv said.",
        "The exchange is expected to take place at the Belarusian border within days.",
        "Ukrainian President Volodymyr Zelenskiy said the deal was a step toward a wider "
        "ceasefire in the east of the country.",
        "Fighting continued along the front line near Pokrovsk, the Ukrainian military said.",
    ),
)

# Day 2: a different outlet (AP) restates the day-1 sanctions lead and adds something new.
SANCTIONS_FOLLOW_UP = Story(
    title="Russia threatens response to EU gas sanctions",
    site="AP News",
    author="Lee Grant",
    date="2026-11-21",
    paragraphs=(
        "European Union governments agreed on Thursday a new package of sanctions against Russia "
        "that targets its exports of liquefied natural gas.",
        "The Kremlin said on Friday it would cut the last remaining gas deliveries to Slovakia in "
        "response to the new European sanctions.",
        "Slovakia's prime minister called the decision blackmail and asked the European "
        "Commission for emergency support.",
    ),
)

# Day 2: the day-1 outlet (Reuters) repeats its own sentence in an updated story: not new.
SANCTIONS_UPDATE_SAME_SOURCE = Story(
    title="EU sanctions package formally adopted",
    site="Reuters",
    author="Anna Keller",
    date="2026-11-21",
    paragraphs=(
        "BRUSSELS (Reuters) - Hungary dropped its objections after securing an exemption for "
        "pipeline oil deliveries, two officials said.",
        "The European Council formally adopted the measures by written procedure on Friday "
        "morning, a spokesperson said.",
        "The legal acts will be published in the Official Journal over the weekend.",
    ),
)
