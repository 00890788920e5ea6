"""pamphlet: turn web articles into pamphlets (EPUB and print-ready PDF)."""

__version__ = "0.1.0"
