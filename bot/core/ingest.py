"""Raw bytes or text -> Document: plain text (like the seeds), Markdown, or HTML.

Each format yields the same thing: a title, an ISO date, an author, and body
paragraphs; the body is split into sentences with offsets and then attributed.
Libraries do the format work: trafilatura for HTML main text and metadata,
markdown-it-py for Markdown, python-dateutil for date lines.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import replace
from datetime import date as Date
from pathlib import PurePath
from typing import NamedTuple

from dateutil import parser as dateparser

from .attribution import attribute
from .errors import BadArticle, TooLarge
from .models import Document, Sentence
from .sentences import split_sentences

MAX_BYTES = 5_000_000
MAX_TITLE = 300

# (with the invisible marks of text direction, U+200E/F, U+202A-E, U+2066-9, and the word joiner)
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
# A run of spaces becomes one space. (Only runs that are not already one plain space match:
# matching every single space between words costs more than the rest of normalising.)
_SPACE_CHARS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES_RE = re.compile(rf" {_SPACE_CHARS}+|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]{_SPACE_CHARS}*")
_MONTHS = {
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    *("january", "february", "march", "april", "june", "july", "august", "september", "october"),
    *("november", "december"),
}
_DATE_LABEL_RE = re.compile(
    r"^(?:date|dated|published|posted|updated|first published)(?:\s+on)?\s*:?\s*", re.I
)
_DATE_HINT_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Trailing blog furniture that is not part of the article ("No comments:", share bars...).
_BOILERPLATE_RE = re.compile(
    r"^(no comments?:?|\d+ comments?:?|post a comment|comments are (closed|off)\.?|"
    r"(newer posts?\s*)?(older posts?\s*)?(home)?|share this( article)?:?|subscribe to:.*|labels?:.*|"
    r"posted by .*|email this.*|share to .*|related (posts|articles):?|read more:?|advertisement|tags?:.*|"
    r"(\(c\)|\u00a9|copyright)\s.*|all rights reserved\.?)$",
    re.IGNORECASE,
)
# A copyright line carries years, not the article's date.
_COPYRIGHT_RE = re.compile(
    r"(\(c\)|\u00a9|\bcopyright\b|\ball rights reserved\b|\b\d{4}\s*[-\u2013]\s*\d{4}\b)", re.I
)
# A name as bylines write it: one to five capitalised words ("Ann Lee", "J. R. Smith", "Mary-Jo O'Neil").
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|de|van|von|der|da|al|bin|le|la)){0,4}"
_BYLINE_RE = re.compile(
    rf"^(?i:(?:posted|written|published)\s+by|by)\s+(?P<author>{_NAME})"
    rf"(?:\s*(?:,|\||\u2013|\u2014|-|(?i:\bon\b|\bat\b))\s*(?P<date>.*?))?\s*\.?$"
)
# Content that is not text at all, by its first bytes: a PDF is plain ASCII up front.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word or OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
)
# Byte-order marks, longest first: UTF-32-LE's begins with UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = "send plain text, Markdown or HTML."


class Parsed(NamedTuple):
    """What a format reader finds: title, ISO date, author, body paragraphs."""

    title: str | None
    date: str | None
    author: str | None
    paragraphs: list[str]


def decode(raw: str | bytes, charset: str | None = None) -> str:
    """Bytes -> text: UTF-8, a byte-order mark's encoding, or what charset-normalizer finds
    (Latin-1, Windows-1252...); binary input (PDF, images, NUL bytes) is refused with a sentence."""
    if isinstance(raw, str):
        text = raw
    else:
        if len(raw) > MAX_BYTES:
            raise TooLarge(
                f"That file is {len(raw) / 1e6:.1f} MB; articles are limited to {MAX_BYTES // 1_000_000} MB."
            )
        text = _decode_bytes(raw, charset)
    if len(text) > MAX_BYTES:
        raise TooLarge(f"That text is too long; articles are limited to {MAX_BYTES // 1_000_000} MB.")
    return text


def _decode_bytes(raw: bytes, charset: str | None) -> str:
    head = raw[:16].lstrip()
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BadArticle(f"That file is {what}, not text: {_NOT_TEXT}")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise BadArticle(
                    f"That file starts like {encoding} text but is not valid {encoding}."
                ) from None
    if b"\x00" in raw[:8192]:
        raise BadArticle(f"That file looks binary, not text: {_NOT_TEXT}")
    for declared in (charset, "utf-8"):
        if declared:
            try:
                return raw.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong or unknown declared charset: detect it instead
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # On a few words charset-normalizer cannot tell one code page from another (it offers
    # cp1006 for "caf\xe9"): then Windows-1252, the usual non-UTF-8 text, is the better guess.
    if best is not None and best.coherence > 0:
        return str(best)
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        if best is not None:
            return str(best)
    raise BadArticle(f"That file is in no text encoding I can read: {_NOT_TEXT}")


def normalise(text: str) -> str:
    """NFC, one newline style, no control characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub("", text)
    return "\n".join(_single_spaces(line).strip() for line in text.split("\n"))


def _single_spaces(line: str) -> str:
    """Every run of spaces in one line made one plain space."""
    if line.isascii() and "  " not in line and "\t" not in line:
        return line  # the common case, told at C speed: nothing to change
    return _SPACES_RE.sub(" ", line)


def content_hash(body: str) -> str:
    """The duplicate key: the body, case- and whitespace-folded."""
    folded = " ".join(body.casefold().split())
    return hashlib.sha256(folded.encode()).hexdigest()


def parse_date(line: str) -> str | None:
    """An ISO date if the whole line is a date ("Friday, December 24, 2021"), else None."""
    # "Date: 2024-06-01", "Published on 3 May 2023": the label is not part of the date.
    line = _DATE_LABEL_RE.sub("", line.strip())
    if not line or len(line) > 60 or _COPYRIGHT_RE.search(line):
        return None
    lower = line.lower()
    if not (_DATE_HINT_RE.search(line) or _MONTHS.intersection(re.findall(r"[a-z]+", lower))):
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


def _byline(line: str) -> tuple[str, str | None] | None:
    """(author, ISO date or None) of a byline: "By Ann Lee", "Posted by Ann Lee on 3 May 2023"."""
    found = _BYLINE_RE.match(line)
    if not found or len(line) > 120:
        return None
    when = found["date"] or ""
    date = parse_date(re.sub(r"^(on|at)\s+", "", when, flags=re.I)) if when else None
    if when and date is None and not re.fullmatch(r"\d{1,2}[:.]\d\d(\s*[ap]\.?m\.?)?", when, re.I):
        return None  # "By Ann Lee, the council said ...": a sentence, not a byline
    return found["author"].strip(), date


def _drop_boilerplate(paragraphs: list[str]) -> tuple[list[str], str | None, str | None]:
    """The paragraphs without trailing furniture, and the author and date a trailing
    "Posted by X on DATE" gave (blogs put the byline under the post)."""
    author = date = None
    while paragraphs and (_BOILERPLATE_RE.match(paragraphs[-1]) or len(paragraphs[-1]) < 3):
        if (found := _byline(paragraphs[-1])) and author is None:
            author, date = found
        paragraphs.pop()
    return paragraphs, author, date


def _take_head_byline(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """Remove a byline among the first two paragraphs; its (author, date)."""
    for i, para in enumerate(paragraphs[:2]):
        if found := _byline(para):
            del paragraphs[i]
            return found
    return None, None


def _looks_like_title(line: str) -> bool:
    return len(line) <= MAX_TITLE and not re.search(r"[.;,]$", line)


def parse_plain(text: str) -> Parsed:
    """Title, date, author and paragraphs of a plain-text article like the seeds."""
    paragraphs, tail_author, tail_date = _drop_boilerplate(_paragraphs_from_lines(text.split("\n")))
    date = None
    if paragraphs and (date := parse_date(paragraphs[0])):
        paragraphs = paragraphs[1:]
    title = None
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) and not _byline(paragraphs[0]):
        title = paragraphs.pop(0)
        if date is None and paragraphs and (date := parse_date(paragraphs[0])):
            paragraphs = paragraphs[1:]
    author, byline_date = _take_head_byline(paragraphs)
    if date is None and paragraphs and (date := parse_date(paragraphs[0])):
        paragraphs = paragraphs[1:]
    return Parsed(title, date or byline_date or tail_date, author or tail_author, paragraphs)


def _inline_text(token: object) -> str:
    parts: list[str] = []
    for child in getattr(token, "children", None) or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style front matter (`---` lines around `key: value` lines) as a dict, and the rest.

    Only flat `key: value` lines are read (title, date, author are all Archivist uses), so
    no YAML library is needed; text without front matter comes back unchanged."""
    found = _FRONT_MATTER_RE.match(text.lstrip("\ufeff"))
    if not found:
        return {}, text
    fields: dict[str, str] = {}
    for line in found["body"].split("\n"):
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            if line.strip() and not line.startswith((" ", "\t", "-")):
                return {}, text  # not front matter after all: leave the text as written
            continue
        fields[key.strip().lower()] = value.strip().strip("\"'").strip()
    return fields, text[found.end() :]


def _front_matter_date(value: str | None) -> str | None:
    if not value:
        return None
    # "2024-02-01T09:30:00Z" and "2024-02-01 09:30" as well as date lines.
    return parse_date(value) or parse_date(value[:10])


def parse_markdown(text: str) -> Parsed:
    """Title, date, author and paragraphs of a Markdown article: front matter first, else
    the first heading is the title and a leading date line or byline gives the rest."""
    from markdown_it import MarkdownIt

    meta, text = split_front_matter(text)
    tokens = MarkdownIt("commonmark").parse(text)
    title = meta.get("title") or None
    date = _front_matter_date(meta.get("date"))
    author = meta.get("author") or None
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
    paragraphs, tail_author, tail_date = _drop_boilerplate(paragraphs)
    head_author, head_date = _take_head_byline(paragraphs) if author is None else (None, None)
    return Parsed(title, date or head_date or tail_date, author or head_author or tail_author, paragraphs)


def _is_prose(paragraph: str) -> bool:
    """A sentence rather than a menu entry: several words and closing punctuation."""
    return len(paragraph.split()) >= 4 and _ends_sentence(paragraph)


def parse_html(html: str, url: str | None = None) -> Parsed:
    """Title, date, author and paragraphs of a web page's main text, via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Not the extensive search: it falls back on the copyright footer's year.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) or ""
    if doc is None or not text.strip():
        raise BadArticle("No article text could be found in that page.")
    title = (getattr(doc, "title", None) or "").strip() or None
    paragraphs = [p for p in normalise(text).split("\n") if p]
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    paragraphs, tail_author, tail_date = _drop_boilerplate(paragraphs)
    # Only navigation ("Home About Contact") is left when a page has no article in it.
    if not any(_is_prose(p) for p in paragraphs):
        raise BadArticle("No article text could be found in that page, only links and headings.")
    date = getattr(doc, "date", None) or tail_date
    author = getattr(doc, "author", None) or tail_author
    return Parsed(title, date, author, paragraphs)


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
    if re.match(r"#{1,6} \S", text.lstrip()) or _FRONT_MATTER_RE.match(text.lstrip("\ufeff")):
        return "markdown"
    return "text"


def _laid_out(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]], list[Sentence]]:
    """(body, paragraph spans, sentences with offsets) of stripped, non-empty paragraphs."""
    spans: list[tuple[int, int]] = []
    sentences: list[Sentence] = []
    offset = 0
    for p_index, para in enumerate(paragraphs):
        spans.append((offset, offset + len(para)))
        for start, end in split_sentences(para, base=offset):
            text = para[start - offset : end - offset]
            sentences.append(Sentence(len(sentences), p_index, start, end, text))
        offset += len(para) + 2
    return "\n\n".join(paragraphs), spans, sentences


def stored_document(body: str) -> Document:
    """A stored article's body laid out again, unattributed: the same paragraphs and sentence
    indices as when it was stored (its body is its paragraphs joined by blank lines)."""
    _body, spans, sentences = _laid_out(body.split("\n\n"))
    return Document(title="", body=body, paragraphs=tuple(spans), sentences=tuple(sentences))


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
    body, spans, sentences = _laid_out(paragraphs)
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
    if fmt == "html":
        found = parse_html(text, url=source)
    elif fmt == "markdown":
        found = parse_markdown(normalise(text))
    else:
        found = parse_plain(normalise(text))
    found_date = found.date
    if date is not None:
        parsed = parse_date(date)
        if parsed is None:
            raise BadArticle(f"I could not read {date!r} as a date; try 2021-12-24.")
        found_date = parsed
    fallback = PurePath(name).stem.replace("_", " ") if name else None
    return build_document(
        normalise(title) if title else found.title,
        found.paragraphs,
        date=found_date,
        author=found.author,
        source=source or name,
        fallback_title=fallback,
    )
