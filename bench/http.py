"""A local static host for a built site, like GitHub Pages or Netlify: gzip for text, cache headers.

Lighthouse scores a page as served; without gzip, mobile performance drops to about 50.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: File types a real static host compresses.
COMPRESS = frozenset({".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map"})


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; text files gzipped when the client accepts it; no request log."""

    # Keep-alive, as every real host: with HTTP/1.0 each request opens a connection, and Lighthouse
    # (which simulates a slow network from what it observes) charges every extra file a handshake.
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the benchmark's output to its table."""

    def end_headers(self) -> None:
        """Every response may be cached for ten minutes, as on a static host."""
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self) -> None:
        """Gzip text files; leave directory redirects, other types and errors to the base class."""
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().do_GET()  # the base class redirects to the slash form
            path = path / "index.html"
        if path.suffix not in COMPRESS or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free local port for the duration of the block; yields its base URL."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    # Port 0: the OS picks a free port at bind time, so there is no race with another server.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
