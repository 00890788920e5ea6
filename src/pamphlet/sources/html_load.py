"""An HTML string into an lxml.html tree, exactly as trafilatura's load_html makes it, faster.

The tree is what ``trafilatura.utils.load_html`` returns for a string (same repairs, same parser
options, same fallbacks, same element classes), with two savings that matter on every page:
- lxml.html looks up the Python class of every element through a Python method, hundreds of
  thousands of calls per page once trafilatura has walked and copied the tree; the same classes
  are found here by lxml's own C lookups (a namespace table for the five form elements);
- the search for control characters libxml2 rejects runs only when a quick byte check finds one;
- the page is handed to libxml2 as UTF-8 bytes, which it reads faster than a Python string.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

_CONTROL_BYTES = bytes(range(32)).translate(None, b"\t\n\r")


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    lookup = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    # the classes lxml.html gives <form>, <input>, <select>, <textarea>, <label>
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    return lookup


def _parser() -> lxml.html.HTMLParser:
    # trafilatura.utils.HTML_PARSER's options
    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
    )
    parser.set_element_class_lookup(_class_lookup())
    return parser


_PARSER = _parser()


def _has_invalid_chars(text: str) -> bool:
    if "\ufffe" in text or "\uffff" in text:
        return True
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def _repair(text: str, beginning: str) -> str:
    """trafilatura.utils.repair_faulty_html, step for step."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, INVALID_XML_CHARS

    if _has_invalid_chars(text):
        text = INVALID_XML_CHARS.sub("", text)
    if "doctype" in beginning:
        firstline, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            text = FAULTY_HTML.sub(r"\1>", text, count=1)
            break
    return text


def _from_bytes(text: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura: any parser failure means "no tree"
        return None


def load_tree(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree, or None where trafilatura.utils.load_html gives None."""
    beginning = text[:50].lower()
    dubious = "html" not in beginning
    text = _repair(text, beginning)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: trafilatura's way below
        data = None
    if data is not None:
        # the parser reads UTF-8 whatever the page declares, so the bytes give the tree the
        # string gives (or the one trafilatura falls back to), a quarter faster
        try:
            tree = lxml.html.fromstring(data, parser=_PARSER)
        except Exception:  # as trafilatura: any parser failure means "no tree"
            tree = None
        return None if tree is not None and dubious and len(tree) < 2 else tree
    tree = None
    from_bytes = False
    try:
        tree = lxml.html.fromstring(text, parser=_PARSER)
    except ValueError:  # a string with an encoding declaration
        tree = _from_bytes(text)
        from_bytes = True
    except Exception:  # as trafilatura: try the bytes below
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


__all__ = ["load_tree"]
