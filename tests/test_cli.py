"""The CLI driven in-process: exit codes, stdout, one-line stderr messages."""

from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import SEED

from pamphlet import __version__
from pamphlet.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out
    code, out, _ = run("--help")
    assert code == 0 and "build" in out and "inspect" in out
    code, out, _ = run("build", "--help")
    assert code == 0 and "--paper" in out and "--booklet" in out


def test_inspect_json_of_seed() -> None:
    code, out, err = run("inspect", str(SEED), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["title"].startswith("Russian troops out of Kazakhstan")
    assert data["source"] == str(SEED)
    assert data["demands"][0]["where"] == "comment 1"


def test_inspect_several_sources_gives_json_lines(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A title\n\nA first paragraph that says something real.\n", encoding="utf-8")
    code, out, _ = run("inspect", str(SEED), str(other), "--json")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(x)["source"] for x in lines] == [str(SEED), str(other)]


def test_inspect_summary_lists_removed_lines() -> None:
    code, out, _ = run("inspect", str(SEED))
    assert code == 0
    assert "removed" in out and "cookies" in out.lower()


def test_missing_file_is_one_line_exit_3(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, _, err = run("build", str(missing), "-o", str(tmp_path / "dist"))
    assert code == 3
    assert err.count("\n") == 1 and str(missing) in err and "no such file" in err
    assert "Traceback" not in err
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


def test_directory_and_empty_file(tmp_path: Path) -> None:
    code, _, err = run("inspect", str(tmp_path))
    assert code == 3 and "directory" in err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("build", str(empty), "-o", str(tmp_path / "dist"))
    assert code == 4 and "empty" in err and str(empty) in err
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n \n")
    code, _, err = run("build", str(blank), "-o", str(tmp_path / "dist"))
    assert code == 4 and "white space" in err
    assert not any((tmp_path / "dist").glob("*")) if (tmp_path / "dist").exists() else True


def test_binary_and_undecodable(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    code, _, err = run("inspect", str(png))
    assert code == 4 and "binary" in err


def test_bad_option_is_usage_error() -> None:
    code, _, err = run("build", "--paper", "b7")
    assert code == 2 and "b7" in err and err.count("\n") == 1


def test_unknown_pdf_variant_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run("build", "--pdf-variant", "pdf/z-9", "-o", str(tmp_path / "dist"))
    assert code == 2 and "pdf/z-9" in err and "pdf/ua-1" in err and err.count("\n") == 1
    assert not (tmp_path / "dist").exists()


def test_several_sources_one_bad_builds_the_rest(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    good = tmp_path / "good.txt"
    good.write_text("A headline here\n\nThe first real paragraph of the article, long enough.\n")
    code, out, err = run("build", str(good), str(tmp_path / "missing.txt"), "-o", str(dist),
                         "-f", "html")
    assert code == 1
    assert (dist / "good.html").is_file()
    assert "missing.txt" in err and "1 of 2 sources failed" in err
    assert "built" in out


def test_build_html_of_seed(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    code, _, err = run("build", str(SEED), "-o", str(dist), "-f", "html")
    assert code == 0, err
    html = (dist / "russian-troops-out-of-kazakhstan.html").read_text(encoding="utf-8")
    assert "<h1" in html and "Kazakhstan" in html
    assert 'class="demands"' in html
    assert "This website uses cookies" not in html
    assert [p.name for p in dist.iterdir()] == ["russian-troops-out-of-kazakhstan.html"]


def test_default_sources_come_from_seeds(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "one.txt").write_text("Title line\n\nA paragraph of the article text.\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("build", "-f", "html")
    assert code == 0, err
    assert (tmp_path / "dist" / "one.html").is_file()


def test_no_seeds_folder_is_usage_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    code, _, err = run("build")
    assert code == 2 and "seeds/" in err
