"""The only way WeasyPrint may read anything while it lays out a PDF.

A source is untrusted: a saved web page can point its images at
file:///etc/passwd, at a server on the local network, or at a data: URL of a
gigabyte. So the fetcher allows only

- files inside the folders it is given (the project's styles, the fonts, the
  source's own folder), after resolving symlinks and `..`, and only images,
  fonts and stylesheets by their suffix (a source in a home folder must not
  pull in ~/.ssh/id_rsa, even as a broken image);
- data: URLs up to MAX_DATA_BYTES;
- http(s) only when the user passed --allow-remote, and then with a size cap;

and refuses everything else with FetchRefused, which WeasyPrint reports as a
warning and skips (the image is left out; the build goes on). Every refusal
is remembered in `refused` so the exporter can tell the user.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
import urllib.parse
from pathlib import Path
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

MAX_DATA_BYTES = 2 * 1024 * 1024  # a data: URL larger than this is refused
MAX_FILE_BYTES = 50 * 1024 * 1024  # a local image or font larger than this is refused
MAX_REMOTE_BYTES = 20 * 1024 * 1024
REMOTE_TIMEOUT = 10
LOCAL_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .avif .bmp .tif .tiff .svg .ico "
    ".ttf .otf .woff .woff2 .css".split()
)


class FetchRefused(ValueError):
    """A URL the PDF exporter will not read."""


class SafeFetcher(URLFetcher):
    """A WeasyPrint URL fetcher limited to some folders (and optionally the web)."""

    def __init__(self, allowed_dirs: list[Path], allow_remote: bool = False) -> None:
        super().__init__(timeout=REMOTE_TIMEOUT, allow_redirects=allow_remote)
        self.allowed_dirs = tuple(_resolved(d) for d in allowed_dirs)
        self.allow_remote = allow_remote
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        try:
            return self._fetch(url, headers)
        except FetchRefused as exc:
            self.refused.append(f"{_short(url)} ({exc})")
            raise

    def _fetch(self, url: str, headers: dict[str, str] | None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return _data_url(url)
        if scheme == "file":
            return self._file(url)
        if scheme in ("http", "https"):
            if not self.allow_remote:
                raise FetchRefused("remote resources are off; pass --allow-remote to fetch them")
            response = super().fetch(url, headers)
            body = response.read(MAX_REMOTE_BYTES + 1)
            response.close()
            if len(body) > MAX_REMOTE_BYTES:
                raise FetchRefused(f"larger than {MAX_REMOTE_BYTES // 1024**2} MB")
            return URLFetcherResponse(response.url, body, dict(response.headers.items()))
        raise FetchRefused(f"the {scheme or 'relative'} scheme is not allowed")

    def _file(self, url: str) -> URLFetcherResponse:
        parsed = urllib.parse.urlsplit(url)
        if parsed.netloc not in ("", "localhost"):
            raise FetchRefused("file URLs on other hosts are not allowed")
        path = _resolved(Path(url2pathname(parsed.path)))
        if not any(path.is_relative_to(folder) for folder in self.allowed_dirs):
            raise FetchRefused("outside the source's folder and pamphlet's own files")
        if path.suffix.lower() not in LOCAL_SUFFIXES:
            raise FetchRefused("not an image, font or stylesheet")
        if not path.is_file():
            raise FetchRefused("not a file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FetchRefused(f"larger than {MAX_FILE_BYTES // 1024**2} MB")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime})


def make_fetcher(allowed_dirs: list[Path], allow_remote: bool = False) -> SafeFetcher:
    """A fetcher for WeasyPrint that reads only inside allowed_dirs (and the web if allowed)."""
    return SafeFetcher(allowed_dirs, allow_remote)


def _resolved(path: Path) -> Path:
    return Path(path).expanduser().resolve(strict=False)


def _data_url(url: str) -> URLFetcherResponse:
    # Base64 grows data by 4/3; percent-encoding by up to 3: refuse before decoding.
    if len(url) > MAX_DATA_BYTES * 4 // 3 + 1024:
        raise FetchRefused(f"data: URL larger than {MAX_DATA_BYTES // 1024**2} MB")
    header, sep, payload = url[5:].partition(",")
    if not sep:
        raise FetchRefused("malformed data: URL")
    params = header.split(";")
    mime = params[0] or "text/plain"
    try:
        if "base64" in (p.strip().lower() for p in params[1:]):
            body = base64.b64decode(urllib.parse.unquote_to_bytes(payload), validate=False)
        else:
            body = urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError) as exc:
        raise FetchRefused(f"malformed data: URL ({exc})") from None
    if len(body) > MAX_DATA_BYTES:
        raise FetchRefused(f"data: URL larger than {MAX_DATA_BYTES // 1024**2} MB")
    return URLFetcherResponse(url[:64], body, {"Content-Type": mime})


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."
