"""A small web site of fixture pages served on 127.0.0.1 (random port) for the integration tests.

Each route gives a status, headers and the fixture's bytes as they are stored:
a UTF-8 page, a windows-1251 page whose charset is only in the HTTP header, a
page with a BOM (and a wrong ``<meta>``), a broken (binary) page, a
``text/plain`` page, a redirect and a 404.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "fixtures" / "web"


@dataclass(frozen=True)
class Route:
    """One path of the site: the fixture file it serves (or a redirect target), its headers."""

    status: int
    content_type: str | None = None
    fixture: str | None = None
    location: str | None = None

    def body(self) -> bytes:
        return (WEB / self.fixture).read_bytes() if self.fixture else b""


ROUTES = {
    "/article.html": Route(200, "text/html; charset=utf-8", "article.html"),
    "/russian.html": Route(200, "text/html; charset=windows-1251", "russian-cp1251.html"),
    "/bom.html": Route(200, "text/html", "bom-utf8.html"),
    "/broken.html": Route(200, "text/html", "broken.html"),
    "/notes.txt": Route(200, "text/plain; charset=utf-8", "notes.txt"),
    "/moved": Route(301, location="/story.html"),
    "/story.html": Route(200, "text/html; charset=utf-8", "article.html"),
    "/missing": Route(404, "text/html", None),
}
PAGES = ("/article.html", "/russian.html", "/bom.html", "/broken.html", "/notes.txt", "/story.html")
"""The paths that answer 200 (``/moved`` ends at ``/story.html``; ``/missing`` is a 404)."""
START = (
    "/article.html",
    "/russian.html",
    "/bom.html",
    "/broken.html",
    "/notes.txt",
    "/moved",
    "/missing",
)
"""What a crawl of the site starts from."""


class SiteHandler(BaseHTTPRequestHandler):
    """Serves :data:`ROUTES`; anything else is a 404."""

    def do_GET(self) -> None:
        route = ROUTES.get(self.path.split("?")[0], Route(404, "text/html"))
        body = route.body()
        self.send_response(route.status)
        if route.content_type:
            self.send_header("Content-Type", route.content_type)
        if route.location:
            self.send_header("Location", route.location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@contextmanager
def serve(handler: type[BaseHTTPRequestHandler] = SiteHandler) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 at a random port; yield the base URL; stop on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
