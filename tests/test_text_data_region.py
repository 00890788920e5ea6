"""The article's data stays past the later rules of the text cleaner: the main region
(C810) weighs a directory's short lines as nothing, not as chrome, and the labels
removed among them mark no edge; a code listing printed twice is no table of contents
(C804).  A site's short lines and a real table of contents still go."""

from __future__ import annotations

from pamphlet.sources.text import parse_text
from pamphlet.sources.text_region import outside_main_region


def _prose(n: int) -> str:
    return (f"Paragraph {n} of the guide explains what the service does and who may use it, "
            "with enough words in it to read as a real paragraph of running prose here.")


def _region(lines: list[str], out: dict[int, tuple[str, str]], data: set[int]) -> list[int]:
    return outside_main_region(
        lines, out, lambda t: False, lambda t: False, lambda t: False, lambda t: False, data
    )


def _directory() -> tuple[list[str], dict[int, tuple[str, str]], set[int]]:
    """Three paragraphs, then eight clinics (name, street, phone) with their repeated
    labels, which a boilerplate rule removed (C801)."""
    lines = [_prose(0), _prose(1), _prose(2)]
    out: dict[int, tuple[str, str]] = {}
    data: set[int] = set()
    for k in range(8):
        entry = [f"Clinic number {k}", f"{100 + k} Main Street", f"(555) 201-300{k}"]
        data.update(range(len(lines), len(lines) + len(entry)))
        lines += entry
        for label in ("Psychotherapy", "Fees based on income"):
            out[len(lines)] = ("C801", "repeated")
            lines.append(label)
    return lines, out, data


def test_a_directory_of_data_lines_stays_in_the_region():
    lines, out, data = _directory()
    assert _region(lines, out, data) == []


def test_the_same_short_lines_not_known_as_data_are_cut():
    # Near miss: without the data mark the short lines weigh against the region, and the
    # repeated labels are its edge: everything below the intro goes.
    lines, out, _ = _directory()
    cut = _region(lines, out, set())
    assert cut and all(index > 2 for index in cut)


def test_a_removed_edge_line_not_between_data_lines_still_cuts():
    lines, out, data = _directory()
    footer = len(lines)
    lines += ["Related posts", "Ten tips for a calm morning", "Sleep and your mood", "Contact"]
    out[footer] = ("C303", "related")
    cut = _region(lines, out, data)
    assert set(cut) >= {footer + 1, footer + 2, footer + 3}
    assert not set(cut) & data


GO = ["if err != nil {", "return err", "x := 5", "fmt.Println(x)"]
MENU = ["Tutorials", "Reference", "Packages", "Playground"]


def _page(first: list[str], second: list[str]) -> str:
    lines = [*MENU, "Error handling in Go", _prose(0), *first, _prose(1), _prose(2),
             *second, _prose(3), "Careers", "Press", "Brand", "Events"]
    return "\n\n".join(lines) + "\n"


def _codes(text: str) -> dict[str, str]:
    return {r.text: r.code for r in parse_text(text, "page.txt").removed}


def test_a_code_listing_repeated_further_down_is_no_table_of_contents():
    codes = _codes(_page(GO, GO))
    assert not {line for line in GO if codes.get(line) == "C804"}


def test_a_table_of_contents_still_goes():
    # Near miss: short headlines, each repeated below as a section's heading.
    contents = ["Why errors are values", "Wrapping an error", "Checking for a kind", "Panics"]
    sections = [part for heading in contents for part in (heading, _prose(7))]
    codes = _codes(_page(contents, sections))
    assert all(codes.get(line) == "C804" for line in contents)
