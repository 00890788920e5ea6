"""An author's biography left alone at the end of the text, without the box around it.

The author box rule (:func:`.text_signals._author_boxes`) needs the name on its own line
above the biography.  Many dumps lose that line (the name was a link or an image's alt
text), and what is left under the article is one paragraph about the writer:

- "Jane Doe is a freelance travel writer and editor of …" (a full name, then what the
  person does: a profession, or a role with "she"/"he" in the text);
- "I'm Philip, a certified personal trainer …", "Hello runners! I'm Amanda Brooks, a
  certified running coach …" (the blogger's self-introduction in the sidebar).

Such a paragraph goes only where it cannot be the article's own: below the text (at least
a few paragraphs of prose above it), with nothing after it but short lines (links,
labels, buttons) or other biographies, and with no comment thread above it (a reader
introducing themselves in a comment stays).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .text_meta import looks_like_name

BIO_MIN_WORDS = 10
BIO_MAX_WORDS = 200
PROSE_WORDS = 20  # a kept line this long after the paragraph: the article goes on
PROSE_ABOVE = 3  # paragraphs of prose the text above must hold

_THIRD_PERSON = re.compile(
    r"(?:(?:dr|mr|mrs|ms|prof)\.? )?(?P<name>[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,3})"
    r"(?:,[^,]{1,60},)? (?:is|was|has been|has|holds|joined|serves|leads)"
    r" (?:a|an|the|one|currently|also|our|\w+['’]s|over|more|spent)\b"
)
_FIRST_PERSON = re.compile(
    r"(?:(?:hi|hey|hello|welcome)\b[^.!?]{0,40}[!,.]\s?)?(?:i['’]?m|i am|my name is)"
    r" (?P<name>[A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,2})(?:[,!.]| and\b)",
    re.I,
)
_PROFESSION = re.compile(
    r"\b(?:writer|editor|journalist|reporter|author|contributor|correspondent|columnist|blogger"
    r"|founder|co-founder|ceo|cto|cmo|photographer|strategist|marketer|freelancer?|copywriter"
    r"|researcher|professor|lecturer|specialist|expert|analyst|consultant|coach|nutritionist"
    r"|dietitian|therapist|attorney|lawyer|physician|surgeon|engineer|designer|developer"
    r"|educator|trainer|sommelier)s?\b",
    re.I,
)
# A role that a product or a firm can have too ("an advanced password manager"): with a
# personal pronoun in the biography it is a person's.
_ROLE = re.compile(
    r"\b(?:owner|director|manager|officer|president|professional|head of)s?\b", re.I
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
_NOT_NAMES = frozenset({"the", "a", "an", "our", "my", "this", "that", "it", "we", "they"})


def _person(name: str) -> bool:
    return name.split()[0].casefold() not in _NOT_NAMES and looks_like_name(name, strict=True)


def describes_work(head: str, text: str) -> bool:
    """The opening of a biography names what the person does: a profession, or a role
    with "he"/"she" in the text."""
    return bool(_PROFESSION.search(head) or (_ROLE.search(head) and _PRONOUN.search(text)))


def is_bio(text: str) -> bool:
    """A short paragraph introducing a writer: "Jane Doe is a travel writer …",
    "I'm Philip, a certified personal trainer …"."""
    words = len(text.split())
    if not BIO_MIN_WORDS <= words <= BIO_MAX_WORDS:
        return False
    head = text[:250]
    third = _THIRD_PERSON.match(text)
    if third and _person(third.group("name")):
        return describes_work(head, text)
    first = _FIRST_PERSON.match(text)
    return bool(first and _person(first.group("name")) and _PROFESSION.search(text[:300]))


def end_bios(
    lines: list[str], out: dict[int, tuple[str, str]], opens_thread: Callable[[str], bool]
) -> list[int]:
    """Indexes of kept biography paragraphs below the end of the article's text."""
    kept = [i for i, text in enumerate(lines) if text and i not in out]
    found: list[int] = []
    for position in range(len(kept) - 1, -1, -1):
        text = lines[kept[position]]
        if is_bio(text):
            found.append(kept[position])
        elif len(text.split()) >= PROSE_WORDS:
            break
    if not found:
        return []
    first = min(found)
    above = [lines[i] for i in range(first) if lines[i]]
    if any(opens_thread(text) for text in above):
        return []  # under a comment thread: a reader's own words
    prose = sum(1 for i in kept if i < first and len(lines[i].split()) >= PROSE_WORDS)
    return sorted(found) if prose >= PROSE_ABOVE else []
