"""A hand-built Document with every kind of block, for exporter tests.

It does not depend on any reader, so exporter tests fail only for exporter bugs.
"""

from __future__ import annotations

from pamphlet.model import Comment, Document, Figure, Heading, ListBlock, Paragraph, Quote, Removed

DEMAND_INTRO = "The union branch demands:"
DEMANDS = (
    "An immediate 10% pay rise for all staff!",
    "Reinstatement of the sacked reps!",
    "Recognition of the union without conditions!",
)


def sample_document(language: str = "en", paragraphs: int = 6) -> Document:
    body = [
        Figure("Pickets outside the depot"),
        *(
            Paragraph(
                f"Paragraph {n}: workers at the depot walked out on Monday after the "
                "company cut overtime rates for the third time this year, and the "
                "branch says it \"will not back down\" until the cuts are reversed."
            )
            for n in range(1, paragraphs + 1)
        ),
        Heading(2, "What happens next"),
        Quote("An injury to one is an injury to all."),
        ListBlock(False, ("Picket lines from 6 am", "Rally at noon")),
        Paragraph(DEMAND_INTRO),
        ListBlock(True, DEMANDS, demands=True, intro=DEMAND_INTRO),
    ]
    comments = (
        Comment("Maria", "2021-06-05T09:14", (Paragraph("Solidarity from the Leeds branch."),)),
        Comment(
            "Tom",
            "2021-06-05T10:02",
            (Paragraph("Is there a strike fund we can donate to?"),),
            in_reply_to="Maria",
        ),
    )
    return Document(
        title="Depot workers strike over pay cuts",
        subtitle="A report from the picket line",
        source="tests/sample.txt",
        body=tuple(body),
        authors=("Jo Bloggs", "Sam Smith"),
        publisher="Branch News",
        date="2021-06-04T18:30",
        language=language,
        url="https://example.org/depot-strike",
        comments=comments,
        removed=(Removed(40, "Share this: Twitter Facebook", "C301", "share buttons"),),
    )
