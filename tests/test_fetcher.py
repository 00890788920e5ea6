"""The PDF exporter's URL fetcher: only our styles and fonts and the source's own folder."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from pamphlet.export import fetcher as fetcher_module
from pamphlet.export.fetcher import MAX_DATA_BYTES, FetchRefused, make_fetcher
from pamphlet.render import styles_dir

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "photo.png").write_bytes(PNG_1PX)
    (folder / "img").mkdir()
    (folder / "img" / "inner.png").write_bytes(PNG_1PX)
    (tmp_path / "secret.txt").write_text("do not read me")
    return folder


@pytest.fixture
def fetch(source_dir: Path):  # type: ignore[no-untyped-def]
    return make_fetcher([styles_dir(), source_dir], allow_remote=False)


@pytest.mark.parametrize(
    "url",
    ["http://example.org/a.png", "https://example.org/a.png", "HTTPS://example.org/x.css"],
)
def test_refuses_remote_urls_unless_allowed(fetch, url: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchRefused, match="allow-remote"):
        fetch(url)
    assert fetch.refused and url in fetch.refused[0]


def test_refuses_files_outside_the_allowed_folders(fetch, source_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchRefused, match="outside"):
        fetch("file:///etc/passwd")
    with pytest.raises(FetchRefused, match="outside"):
        fetch((source_dir.parent / "secret.txt").as_uri())


def test_refuses_dot_dot_and_symlinks_out_of_the_folder(fetch, source_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchRefused):
        fetch(source_dir.as_uri() + "/../secret.txt")
    with pytest.raises(FetchRefused):
        fetch(source_dir.as_uri() + "/img/../../secret.txt")
    (source_dir / "link.txt").symlink_to(source_dir.parent / "secret.txt")
    with pytest.raises(FetchRefused, match="outside"):
        fetch((source_dir / "link.txt").as_uri())


def test_refuses_local_files_that_are_not_images_fonts_or_styles(
    fetch, source_dir: Path  # type: ignore[no-untyped-def]
) -> None:
    (source_dir / "id_rsa").write_text("-----BEGIN OPENSSH PRIVATE KEY-----")
    (source_dir / "notes.txt").write_text("private")
    for name in ("id_rsa", "notes.txt"):
        with pytest.raises(FetchRefused, match="not an image"):
            fetch((source_dir / name).as_uri())


def test_refuses_file_urls_on_other_hosts(fetch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchRefused, match="other hosts"):
        fetch("file://fileserver/share/a.png")


@pytest.mark.parametrize("url", ["ftp://example.org/a.png", "javascript:alert(1)", "gopher://x/"])
def test_refuses_other_schemes(fetch, url: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FetchRefused, match="scheme"):
        fetch(url)


def test_allows_the_styles_folder(fetch) -> None:  # type: ignore[no-untyped-def]
    css = styles_dir() / "print.css"
    response = fetch(css.as_uri())
    assert response.read() == css.read_bytes()
    assert response.content_type == "text/css"


def test_allows_local_images_in_the_source_folder(fetch, source_dir: Path) -> None:  # type: ignore[no-untyped-def]
    for path in (source_dir / "photo.png", source_dir / "img" / "inner.png"):
        response = fetch(path.as_uri())
        assert response.read() == PNG_1PX
        assert response.content_type == "image/png"
    assert fetch.refused == []


def test_data_urls_up_to_the_limit(fetch) -> None:  # type: ignore[no-untyped-def]
    small = "data:image/png;base64," + base64.b64encode(PNG_1PX).decode()
    assert fetch(small).read() == PNG_1PX
    assert fetch("data:text/plain,hello%20world").read() == b"hello world"
    big = "data:image/png;base64," + base64.b64encode(b"\0" * (MAX_DATA_BYTES + 1)).decode()
    with pytest.raises(FetchRefused, match="larger"):
        fetch(big)
    huge_plain = "data:text/plain," + "a" * (MAX_DATA_BYTES + 10)
    with pytest.raises(FetchRefused, match="larger"):
        fetch(huge_plain)


def test_remote_when_allowed_is_size_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_fetch(self, url, headers=None):  # type: ignore[no-untyped-def]
        calls.append(url)
        size = 10 if url.endswith("small.png") else fetcher_module.MAX_REMOTE_BYTES + 1
        return URLFetcherResponse(url, b"x" * size, {"Content-Type": "image/png"})

    monkeypatch.setattr(URLFetcher, "fetch", fake_fetch)
    remote = make_fetcher([], allow_remote=True)
    assert remote("https://example.org/small.png").read() == b"x" * 10
    with pytest.raises(FetchRefused, match="larger"):
        remote("https://example.org/big.png")
    assert calls == ["https://example.org/small.png", "https://example.org/big.png"]


def test_weasyprint_leaves_refused_images_out(source_dir: Path) -> None:
    fetch = make_fetcher([source_dir], allow_remote=False)
    html = HTML(
        string='<p>x</p><img src="photo.png"/><img src="file:///etc/passwd"/>'
        '<img src="http://127.0.0.1:9/a.png"/>',
        base_url=source_dir.as_uri() + "/",
        url_fetcher=fetch,
    )
    pdf = html.write_pdf()
    assert pdf.startswith(b"%PDF")
    refused = " ".join(fetch.refused)
    assert "file:///etc/passwd" in refused
    assert "http://127.0.0.1:9/a.png" in refused
    assert "photo.png" not in refused
