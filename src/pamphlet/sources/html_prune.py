"""Page furniture taken out before extraction: cookie and consent dialogs.

Consent managers (OneTrust, Didomi, Quantcast, Cookiebot, Usercentrics, TrustArc, home-made
cookie banners) put long paragraphs of legal prose into the page; an extractor that scores text
density often keeps them as if they were the article. They are recognised by their markup (an id
or class naming a cookie banner or consent manager), never by their words, and an element that
holds the article or nearly all of the page's text is never taken out, whatever it is called.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_blocks import remove_keeping_tail, visible_text

# id/class tokens of consent dialogs: the token starts with one of these prefixes + "-"/"_"/end
_CONSENT = re.compile(
    r"^(?:onetrust|ot-sdk|ot-pc|optanon|didomi|qc-cmp2|cookiebot|cybotcookiebot|usercentrics"
    r"|truste|trustarc|sp_message|fc-consent|cmpbox|gdpr|consent|cookieconsent|cookiebar"
    r"|cookie[-_]?(?:banner|notice|consent|bar|law|policy|popup|modal|wall|message|warning|notification)"
    r"|cookies[-_]?(?:banner|notice|consent|bar|policy|popup|modal|message)"
    r"|cc-(?:window|banner|revoke)|cky-consent|cookieyes|moove_gdpr|cmplz|iubenda|osano)"
    r"(?:$|[-_])",
    re.I,
)
MAX_SHARE = 0.8  # never take out an element holding nearly all of the page's text
_HOLDS_ARTICLE = etree.XPath(
    ".//*[self::article or self::main or self::h1 or @itemprop='articleBody']"
)


MAX_DEPTH = 6
_TAGS = frozenset(("div", "section", "aside", "dialog", "form", "ul", "p", "span", "table"))
_QUICK = re.compile(  # a fast first cut; _is_consent decides
    r"cookie|consent|onetrust|ot-|optanon|didomi|qc-cmp|usercentrics|truste|sp_message|gdpr"
    r"|cmpbox|cmplz|iubenda|osano|cc-|cky-",
    re.I,
)


def _is_consent(el: etree._Element) -> bool:
    names = [el.get("id") or "", *(el.get("class") or "").split()]
    return any(name and _CONSENT.match(name) for name in names)


_QUICK_LOWER = re.compile(_QUICK.pattern)  # the same test on lower-case ASCII, many times faster
# the id and class values of the body's elements down to MAX_DEPTH levels, as strings: only the
# few whose names pass the quick test are looked at as elements
_NAMES = etree.XPath(
    " | ".join(
        "/".join(["*"] * depth) + attr
        for depth in range(1, MAX_DEPTH + 1)
        for attr in ("/@id", "/@class")
    )
)


def _quick(name: str) -> bool:
    found = _QUICK_LOWER.search(name.lower()) if name.isascii() else _QUICK.search(name)
    return found is not None


def _dialogs(body: etree._Element) -> list[etree._Element]:
    """Consent dialogs within MAX_DEPTH levels of the body, none inside another."""
    found: list[etree._Element] = []
    for value in _NAMES(body):
        if not _quick(value):
            continue
        el = value.getparent()
        if (found and found[-1] is el) or el.tag not in _TAGS or not _is_consent(el):
            continue
        depth, inside = 1, False
        for anc in el.iterancestors():
            if anc is body:
                break
            depth += 1
            inside = inside or anc in found
        if depth <= MAX_DEPTH and not inside:
            found.append(el)
    return found


def prune_consent(tree: etree._Element) -> list[tuple[int, str]]:
    """Remove consent dialogs from the tree; returns (source line, their text) for the summary."""
    body = tree.find(".//body")
    if body is None:
        return []
    # consent managers add their dialog near the top of the body, not deep inside; the last
    # found is taken out first
    found = _dialogs(body)[::-1]
    if not found:
        return []
    outer = found  # none inside another
    total = len(body.text_content().split()) or 1
    removed: list[tuple[int, str]] = []
    for el in outer:
        parent = el.getparent()
        if parent is None or len(el.text_content().split()) > MAX_SHARE * total:
            continue
        if _HOLDS_ARTICLE(el):  # a page wrapped in something named "consent-..."
            continue
        text = visible_text(el)
        remove_keeping_tail(el)
        if text.strip():
            removed.append((el.sourceline or 0, text))
    return removed


# class tokens by which a page marks what its own print stylesheet hides
_NOT_PRINTED = re.compile(
    r"(?<![\w-])(?:no-?print|print-?hidden|hidden-?print|d-print-none|print:hidden"
    r"|hide-(?:on-|for-|when-)?print(?:ing)?|not-?printable|do-?not-?print|dont-?print"
    r"|screen-?only)(?![\w-])",
    re.I,
)
MIN_NOT_PRINTED_WORDS = 3
_INLINE = frozenset(("sup", "sub", "span", "a", "small"))
_FURNITURE = frozenset(("nav", "header", "footer", "aside"))
_PRINT_CLASSES = etree.XPath(  # a fast first cut in C; _NOT_PRINTED decides
    "//body//@class[contains(., 'rint') or contains(., 'RINT') or contains(., 'creen')"
    " or contains(., 'CREEN')]"
)


def prune_not_printed(tree: etree._Element) -> list[tuple[int, str]]:
    """Remove what the page marks as not for print; returns (source line, text) for the summary.

    A page's print stylesheet hides its screen furniture (share bars, navigation boxes, "edit"
    links, Wikipedia's "[update]" tags) by class names such as ``noprint`` or
    ``d-print-none``; a pamphlet is print, so it honours them. As for consent dialogs, an
    element holding the article or nearly all of the page's text is never taken out.
    """
    body = tree.find(".//body")
    if body is None:
        return []
    found = [value.getparent() for value in _PRINT_CLASSES(tree) if _NOT_PRINTED.search(value)]
    if not found:
        return []
    total = len(body.text_content().split()) or 1
    chosen = set(found)
    removed: list[tuple[int, str]] = []
    for el in found:
        if any(anc in chosen for anc in el.iterancestors()):
            continue  # taken out with its ancestor
        words = len(el.text_content().split())
        if words > MAX_SHARE * total or _HOLDS_ARTICLE(el):
            chosen.discard(el)
            continue
        if el.tag in _FURNITURE or (words < MIN_NOT_PRINTED_WORDS and el.tag not in _INLINE):
            continue  # furniture the extractor knows already, or an empty icon bar
        text = visible_text(el)
        remove_keeping_tail(el)
        if text.strip():
            removed.append((el.sourceline or 0, text))
    return removed


MAX_SHELL_WORDS = 50  # a page showing fewer words than this is a script's empty shell
MIN_NOSCRIPT_WORDS = 100


def unwrap_noscript(tree: etree._Element) -> bool:
    """A script-built page whose text is all in <noscript> (Flarum, some SPAs): show that text.

    Returns whether anything was unwrapped. Pages with real visible text are left alone: their
    <noscript> holds "please enable JavaScript" notices and tracking pixels.
    """
    body = tree.find(".//body")
    if body is None:
        return False
    hidden = list(body.iter("noscript"))
    hidden_words = sum(len(n.text_content().split()) for n in hidden)
    if hidden_words < MIN_NOSCRIPT_WORDS:
        return False
    shown = len(visible_text(body).split())
    if shown >= MAX_SHELL_WORDS:
        return False
    for node in hidden:
        node.tag = "div"
    return True
