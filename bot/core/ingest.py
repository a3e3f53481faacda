"""Raw bytes or text -> Document: plain text (like the seeds), Markdown, or HTML.

Each format yields the same thing: a title, an ISO date, an author, and body
paragraphs; the body is split into sentences with offsets and then attributed.
Libraries do the format work: trafilatura for HTML main text and metadata,
markdown-it-py for Markdown, python-dateutil for date lines.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from datetime import date as Date
from pathlib import PurePath

from dateutil import parser as dateparser

from .attribution import attribute
from .errors import BadArticle, TooLarge
from .models import Document, Sentence
from .sentences import split_sentences

MAX_BYTES = 5_000_000
MAX_TITLE = 300

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]
_DATE_LABEL_RE = re.compile(
    r"^(?:date|dated|published|posted|updated|first published)(?:\s+on)?\s*:?\s*", re.I
)
_DATE_HINT_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Trailing blog furniture that is not part of the article ("No comments:", share bars...).
_BOILERPLATE_RE = re.compile(
    r"^(no comments?:?|\d+ comments?:?|post a comment|newer post|older post|home|share this( article)?:?|"
    r"subscribe to:.*|labels?:.*|posted by .*|email this.*|share to .*|related (posts|articles):?|"
    r"read more:?|advertisement|tags?:.*)$",
    re.IGNORECASE,
)


def decode(raw: str | bytes, charset: str | None = None) -> str:
    """Bytes -> text, refusing binary and undecodable input with one clear sentence."""
    if isinstance(raw, str):
        text = raw
    else:
        if len(raw) > MAX_BYTES:
            raise TooLarge(
                f"That file is {len(raw) / 1e6:.1f} MB; articles are limited to {MAX_BYTES // 1_000_000} MB."
            )
        if b"\x00" in raw[:8192]:
            raise BadArticle("That file looks binary, not text: send plain text, Markdown or HTML.")
        try:
            text = raw.decode(charset or "utf-8-sig")
        except (UnicodeDecodeError, LookupError):
            raise BadArticle("That file is not valid UTF-8 text.") from None
    if len(text) > MAX_BYTES:
        raise TooLarge(f"That text is too long; articles are limited to {MAX_BYTES // 1_000_000} MB.")
    return text


def normalise(text: str) -> str:
    """NFC, one newline style, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    return "\n".join(_SPACES_RE.sub(" ", line).strip() for line in text.split("\n"))


def content_hash(body: str) -> str:
    """The duplicate key: the body, case- and whitespace-folded."""
    folded = " ".join(body.casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def parse_date(line: str) -> str | None:
    """An ISO date if the whole line is a date ("Friday, December 24, 2021"), else None."""
    # "Date: 2024-06-01", "Published on 3 May 2023": the label is not part of the date.
    line = _DATE_LABEL_RE.sub("", line.strip())
    if not line or len(line) > 60:
        return None
    lower = line.lower()
    if not (_DATE_HINT_RE.search(line) or any(m in re.findall(r"[a-z]+", lower) for m in _MONTHS)):
        return None
    try:
        parsed = dateparser.parse(line, fuzzy=False, default=dateparser.parse("2000-01-01"))
    except (ValueError, OverflowError):
        return None
    if not _DATE_HINT_RE.search(line):  # no year written: don't invent one
        return None
    return parsed.date().isoformat() if isinstance(parsed.date(), Date) else None


def _ends_sentence(line: str) -> bool:
    return bool(re.search(r"[.!?:;\"'”’)\]]$", line))


def _paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Blocks split on blank lines; inside a block each line is a paragraph unless
    it was hard-wrapped (no closing punctuation and the next line goes on in lower case)."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and not _ends_sentence(current) and (line[:1].islower() or len(current) > 60):
            current += " " + line
        else:
            if current:
                paragraphs.append(current)
            current = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _drop_boilerplate(paragraphs: list[str]) -> list[str]:
    while paragraphs and (_BOILERPLATE_RE.match(paragraphs[-1]) or len(paragraphs[-1]) < 3):
        paragraphs.pop()
    return paragraphs


def _looks_like_title(line: str) -> bool:
    return len(line) <= MAX_TITLE and not re.search(r"[.;,]$", line)


def parse_plain(text: str) -> tuple[str | None, str | None, list[str]]:
    """(title, date, paragraphs) of a plain-text article like the seeds."""
    paragraphs = _drop_boilerplate(_paragraphs_from_lines(text.split("\n")))
    date = None
    if paragraphs and (date := parse_date(paragraphs[0])):
        paragraphs = paragraphs[1:]
    title = None
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]):
        title = paragraphs.pop(0)
        if date is None and paragraphs and (date := parse_date(paragraphs[0])):
            paragraphs = paragraphs[1:]
    return title, date, paragraphs


def _inline_text(token: object) -> str:
    parts: list[str] = []
    for child in getattr(token, "children", None) or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def parse_markdown(text: str) -> tuple[str | None, str | None, list[str]]:
    """(title, date, paragraphs) of a Markdown article: the first heading is the title."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    title = None
    date = None
    paragraphs: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type != "inline":
            continue
        opener = tokens[i - 1].type if i else ""
        line = _inline_text(tok)
        if not line:
            continue
        if opener == "heading_open" and title is None and not paragraphs:
            title = line
        elif date is None and not paragraphs and (found := parse_date(line)):
            date = found
        elif opener in ("paragraph_open", "heading_open"):
            paragraphs.append(line)
    return title, date, _drop_boilerplate(paragraphs)


def parse_html(html: str, url: str | None = None) -> tuple[str | None, str | None, str | None, list[str]]:
    """(title, date, author, paragraphs) of a web page's main text, via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or not (doc.text or "").strip():
        raise BadArticle("No article text could be found in that page.")
    title = (doc.title or "").strip() or None
    paragraphs = [p for p in normalise(doc.text).split("\n") if p]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    return title, doc.date or None, (doc.author or None), _drop_boilerplate(paragraphs)


def sniff_format(text: str, name: str | None, content_type: str | None) -> str:
    """ "html", "markdown" or "text", from the content type, the file name, then the content."""
    ct = (content_type or "").split(";")[0].strip().lower()
    suffix = PurePath(name).suffix.lower() if name else ""
    if ct in ("text/html", "application/xhtml+xml") or suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if ct == "text/markdown" or suffix in (".md", ".markdown"):
        return "markdown"
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    if re.match(r"#{1,6} \S", text.lstrip()):
        return "markdown"
    return "text"


def build_document(
    title: str | None,
    paragraphs: list[str],
    *,
    date: str | None = None,
    author: str | None = None,
    source: str | None = None,
    fallback_title: str | None = None,
) -> Document:
    """Assemble the body, split sentences with offsets, and attribute them."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    if not paragraphs:
        raise BadArticle("That article has no text in it.")
    body_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    sentences: list[Sentence] = []
    offset = 0
    for p_index, para in enumerate(paragraphs):
        spans.append((offset, offset + len(para)))
        for start, end in split_sentences(para, base=offset):
            sentences.append(
                Sentence(len(sentences), p_index, start, end, para[start - offset : end - offset])
            )
        body_parts.append(para)
        offset += len(para) + 2
    body = "\n\n".join(body_parts)
    if not sentences:
        raise BadArticle("That article has no sentences in it.")
    final_title = (title or fallback_title or sentences[0].text)[:MAX_TITLE].strip()
    doc = Document(
        title=final_title,
        body=body,
        paragraphs=tuple(spans),
        sentences=tuple(sentences),
        date=date,
        author=author,
        source=source,
    )
    clauses, speakers = attribute(doc)
    return replace(doc, clauses=tuple(clauses), speakers=tuple(speakers))


def parse(
    raw: str | bytes,
    *,
    name: str | None = None,
    source: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """Any supported input -> an attributed Document. Raises BadArticle or TooLarge."""
    text = decode(raw, charset)
    if not text.strip():
        raise BadArticle("That article is empty.")
    fmt = sniff_format(text, name, content_type)
    author = None
    if fmt == "html":
        found_title, found_date, author, paragraphs = parse_html(text, url=source)
    elif fmt == "markdown":
        found_title, found_date, paragraphs = parse_markdown(normalise(text))
    else:
        found_title, found_date, paragraphs = parse_plain(normalise(text))
    if date is not None:
        parsed = parse_date(date)
        if parsed is None:
            raise BadArticle(f"I could not read {date!r} as a date; try 2021-12-24.")
        found_date = parsed
    fallback = PurePath(name).stem.replace("_", " ") if name else None
    return build_document(
        normalise(title) if title else found_title,
        paragraphs,
        date=found_date,
        author=author,
        source=source or name,
        fallback_title=fallback,
    )
