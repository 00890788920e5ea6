"""Metadata of a saved HTML page: title, authors, date, language and canonical URL.

The order of preference follows Mozilla Readability (JSON-LD, then Dublin Core, Open Graph and
Twitter meta tags, then the <title> with the site name cut off, then bylines in the page), with
machine-readable dates (article:published_time, JSON-LD datePublished, <time datetime>) ahead
of dates written out in visible bylines.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

_WS = re.compile(r"\s+")
_PROPERTY = re.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*"
    r"(author|creator|description|published_time|title|site_name)\s*",
    re.I,
)
_NAME = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(?:article|webpage))\s*[-.:]\s*)?"
    r"(author|creator|pub-date|description|title|site_name)\s*$",
    re.I,
)
_ARTICLE_TYPES = re.compile(
    r"^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|"
    r"BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|"
    r"SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|"
    r"LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$"
)
_SEPARATORS = re.compile(r" [|\-–—\\/>»] ")
_HIER_SEPARATORS = re.compile(r" [\\/>»] ")
_BYLINE_HINT = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
_BYLINE_HINT_LOWER = re.compile(_BYLINE_HINT.pattern)
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|автор)\s*:?\s+", re.I)
_DAY_FIRST_TLDS = (".uk", ".au", ".nz", ".ie", ".in", ".za", ".sg")


@dataclass
class PageMeta:
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    language: str | None = None
    region: str | None = None
    url: str | None = None
    site_name: str | None = None


def norm(text: str | None) -> str:
    # (str.split splits at exactly the characters regex \s matches: the same as
    # re.sub(r"\s+", " ", text).strip(), several times faster)
    return " ".join(text.split()) if text else ""


def _words(text: str) -> int:
    return len(text.split())


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        content = norm(content)
        prop = meta.get("property")
        if prop:
            for match in _PROPERTY.finditer(prop):
                key = re.sub(r"\s", "", match.group(0).lower())
                values[key] = content
        name = meta.get("name")
        if name and _NAME.match(name):
            key = re.sub(r"\s", "", name.lower()).replace(".", ":")
            values[key] = content
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                values.setdefault("raw:" + key, content)
    return values


def _jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item and isinstance(item["@graph"], list):
                    stack.extend(item["@graph"])
                found.append(item)
    return found


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _ld_text(value: str) -> str:
    """A JSON-LD string as text: JSON is not HTML, so entities a CMS wrote into it ("&#39;",
    "&amp;") are still there to decode (as Readability does)."""
    return norm(html.unescape(value))


def _person_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [_ld_text(value)] if value.strip() and not value.startswith("http") else []
    if isinstance(value, dict):
        name = value.get("name")
        return [_ld_text(name)] if isinstance(name, str) and name.strip() else []
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_person_names(item))
        return out
    return []


def _jsonld_article(objects: list[dict[str, Any]], doc_title: str) -> dict[str, Any]:
    article: dict[str, Any] = {}
    for obj in objects:
        types = _types(obj)
        if not any(_ARTICLE_TYPES.match(t) for t in types):
            continue
        if "WebPage" in types and article:
            continue
        name, headline = obj.get("name"), obj.get("headline")
        title = None
        if isinstance(name, str) and isinstance(headline, str) and name != headline:
            title = headline if _similar(headline, doc_title) >= _similar(name, doc_title) else name
        elif isinstance(headline, str):
            title = headline
        elif isinstance(name, str):
            title = name
        entry = {
            "title": _ld_text(title) if title else None,
            "authors": _person_names(obj.get("author")),
            "date": obj.get("datePublished") if isinstance(obj.get("datePublished"), str) else None,
            "language": obj.get("inLanguage") if isinstance(obj.get("inLanguage"), str) else None,
        }
        if not article or "WebPage" in _types(article.get("_obj", {})):
            article = {**entry, "_obj": obj}
    return article


def _similar(a: str, b: str) -> float:
    ta, tb = set(a.lower().split()), set(b.lower().split())
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def article_title(tree: HtmlElement) -> str:
    """Readability's title rule: the <title>, with a site name after a separator cut off."""
    title_el = tree.find(".//title")
    orig = norm(title_el.text_content()) if title_el is not None else ""
    cur = orig
    hierarchical = False
    separators = list(_SEPARATORS.finditer(cur))
    if separators:
        hierarchical = bool(_HIER_SEPARATORS.search(cur))
        cur = orig[: separators[-1].start()]
        if _words(cur) < 3:
            cur = re.sub(r"^[^|\-–—\\/>»]*[|\-–—\\/>»]", "", orig)
    elif ": " in cur:
        headings = [norm(h.text_content()) for h in tree.iter("h1", "h2")]
        if orig not in headings:
            cur = orig[orig.rfind(":") + 1 :]
            if _words(cur) < 3:
                cur = orig[orig.find(":") + 1 :]
            elif _words(orig[: orig.find(":")]) > 5:
                cur = orig
    elif len(cur) > 150 or len(cur) < 15:
        h1s = list(tree.iter("h1"))
        if len(h1s) == 1:
            cur = norm(h1s[0].text_content())
    cur = norm(cur)
    if _words(cur) <= 4 and (
        not hierarchical or _words(cur) != _words(re.sub(r"[|\-–—\\/>»]+", "", orig)) - 1
    ):
        cur = orig
    return cur


_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|"
    r"gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|"
    r"sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
_UNLIKELY_ROLES = frozenset(
    ("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog")
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SEPARATOR = re.compile(r"\s*(?:[|•·]|\s[—–]\s|\n)\s*")
_NOT_A_NAME = re.compile(r"^(last )?(updated|published|posted|modified)\b|^(on|at)$", re.I)
_TIME = re.compile(r"\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\b.*$", re.I)


def _hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    return el.get("aria-hidden") == "true" and "fallback-image" not in (el.get("class") or "")


def _unlikely(el: HtmlElement, match: str) -> bool:
    if el.tag in ("body", "a"):
        return False
    if el.get("role") in _UNLIKELY_ROLES:
        return True
    if not _UNLIKELY.search(match) or _MAYBE.search(match):
        return False
    return not any(a.tag in ("table", "code") for a in el.iterancestors())


def _dom_byline(tree: HtmlElement) -> str | None:
    """Readability's byline: the first visible, likely element marked as the author's.

    Like Readability, a second look without skipping unlikely regions (headers, menus) is taken
    when the first finds nothing.
    """
    body = tree.find(".//body")
    if body is None:
        return None
    candidates = _byline_candidates(body)
    return _byline_pass(candidates, True) or _byline_pass(candidates, False)


# the attributes a byline is recognised by, as strings (an XPath test of each element with an
# EXSLT regular expression calls into Python once per element of the page: many times slower)
_BYLINE_ATTRS = etree.XPath(
    "//body//*/@class | //body//*/@id | //body//*/@rel | //body//*/@itemprop"
)


def _byline_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """Elements marked as the author's (rel, itemprop, class or id), in document order."""
    found: list[HtmlElement] = []
    for value in _BYLINE_ATTRS(tree):
        name = value.attrname
        if name == "rel":
            hit = value == "author"
        elif name == "itemprop":
            hit = "author" in value
        elif value.isascii():  # lower case, then a case-sensitive search: many times faster
            hit = _BYLINE_HINT_LOWER.search(value.lower()) is not None
        else:
            hit = _BYLINE_HINT.search(value) is not None
        if hit:
            el = value.getparent()
            if not found or found[-1] is not el:
                found.append(el)
    return found


def _byline_pass(candidates: list[HtmlElement], strip_unlikely: bool) -> str | None:
    for el in candidates:
        if el.tag in ("script", "style", "noscript", "template", "meta", "link") or _hidden(el):
            continue
        blocked = False
        for anc in el.iterancestors():
            if anc.tag in ("script", "style", "noscript", "template", "head") or _hidden(anc):
                blocked = True
                break
            match = (anc.get("class") or "") + " " + (anc.get("id") or "")
            if strip_unlikely and _unlikely(anc, match):
                blocked = True
                break
        if blocked:
            continue
        text = norm(el.text_content())
        if 0 < len(text) < 100:
            for sub in el.iterdescendants():
                if isinstance(sub.tag, str) and "name" in (sub.get("itemprop") or ""):
                    return norm(sub.text_content()) or text
            return text
    return None


def _clean_author(text: str) -> str:
    text = _BY_PREFIX.sub("", norm(text))
    text = _SEPARATOR.split(text)[0]
    text = _TIME.sub("", text)
    try:
        from ..dates import find_date

        found = find_date(text)
    except Exception:
        found = None
    if found:
        text = text[: found[1][0]]
    text = text.strip(" ,;|:")
    if _NOT_A_NAME.match(text):
        return ""
    return text


def _language(tree: HtmlElement, meta: dict[str, str], jsonld_lang: str | None) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        meta.get("raw:content-language"),
        meta.get("raw:og:locale"),
        meta.get("raw:language"),
        meta.get("raw:dc.language"),
        jsonld_lang,
    ]
    body = tree.find(".//body")
    if body is not None:
        candidates.append(body.get("lang"))
    for value in candidates:
        if value and re.match(r"^\s*[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*\s*(,|$)", value):
            return value.split(",")[0].strip().replace("_", "-")
    return None


def _time_elements(tree: HtmlElement) -> str | None:
    for el in tree.iter("time"):
        stamp = el.get("datetime")
        if stamp and (
            el.get("itemprop") in ("datePublished", "dateCreated")
            or el.get("pubdate") is not None
            or "publish" in (el.get("class") or "")
        ):
            return stamp
    for el in tree.iter("time"):
        stamp = el.get("datetime")
        if stamp and not _in_comment_area(el):
            return stamp
    return None


def _in_comment_area(el: HtmlElement) -> bool:
    for anc in el.iterancestors():
        hint = (anc.get("class") or "") + " " + (anc.get("id") or "")
        if "comment" in hint.lower():
            return True
    return False


def day_first_for(language: str | None, region: str | None, url: str | None) -> bool | None:
    """Day-first unless the page is American English (or has nothing to say about it)."""
    lang = (language or "en").lower()
    if lang != "en":
        return True
    if region:
        return region.upper() not in ("US", "PH", "CA")
    host = re.sub(r"^[a-z]+://", "", (url or "").lower()).split("/")[0]
    return bool(host.endswith(_DAY_FIRST_TLDS))


def to_iso(text: str | None, language: str, day_first: bool | None) -> str | None:
    if not text:
        return None
    try:
        from ..dates import parse_date
    except ImportError:  # pragma: no cover - the dates module ships with the package
        match = re.search(r"\d{4}-\d{2}-\d{2}", text)
        return match.group(0) if match else None
    try:
        return parse_date(text, language=language, day_first=day_first)
    except Exception:
        match = re.search(r"\d{4}-\d{2}-\d{2}", text)
        return match.group(0) if match else None


def extract_meta(tree: HtmlElement) -> PageMeta:
    """Everything the page says about itself, most trustworthy source first."""
    values = _meta_values(tree)
    jsonld = _jsonld_article(_jsonld_objects(tree), norm(tree.findtext(".//title") or ""))
    meta = PageMeta()
    meta.title = (
        jsonld.get("title")
        or values.get("dc:title")
        or values.get("dcterm:title")
        or values.get("og:title")
        or values.get("weibo:article:title")
        or values.get("weibo:webpage:title")
        or values.get("title")
        or values.get("twitter:title")
        or values.get("parsely-title")
        or article_title(tree)
        or None
    )
    authors = list(jsonld.get("authors") or [])
    if not authors:
        for key in ("dc:creator", "dcterm:creator", "author", "parsely-author"):
            if values.get(key) and not values[key].startswith("http"):
                authors = [values[key]]
                break
    if not authors:
        byline = _dom_byline(tree)
        if byline:
            authors = [byline]
    cleaned = [_clean_author(a) for a in authors]
    meta.authors = tuple(dict.fromkeys(a for a in cleaned if a))
    lang = _language(tree, values, jsonld.get("language"))
    if lang:
        parts = lang.split("-")
        meta.language = parts[0].lower()
        meta.region = parts[1] if len(parts) > 1 and len(parts[1]) == 2 else None
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    meta.url = canonical or values.get("raw:og:url") or None
    if meta.url and not re.match(r"^https?://", meta.url, re.I):
        meta.url = None
    meta.site_name = values.get("og:site_name")
    raw_date = (
        jsonld.get("date")
        or values.get("article:published_time")
        or values.get("parsely-pub-date")
        or values.get("raw:datepublished")
        or values.get("raw:date")
        or values.get("raw:dc.date")
        or values.get("raw:dc.date.issued")
        or values.get("raw:pubdate")
        or values.get("raw:publish-date")
        or values.get("raw:sailthru.date")
        or _time_elements(tree)
    )
    day_first = day_first_for(meta.language, meta.region, meta.url)
    meta.date = to_iso(raw_date, meta.language or "en", day_first)
    return meta
