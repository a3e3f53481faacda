"""Plain data that flows through the core: text in -> Document -> stored -> Answer out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

Kind = Literal["direct", "indirect", "mixed", "according"]
# An answer's kind may also be "described": a sentence no cue attributes, about its subject.
AnswerKind = Kind | Literal["described"]
# verify's verdicts: the same words, a close paraphrase, the same speaker in other words,
# someone else's words, nothing like it.
Verdict = Literal["verbatim", "paraphrase", "reworded", "misattributed", "not_found"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article body, with offsets into `Document.body`."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said one clause of a sentence, and how.

    `speaker` is the canonical name: the fullest form the article gives ("Jens
    Stoltenberg"), never a bare surname or role when the article names the person.
    `quote` groups the sentences of one multi-sentence quote (same number in each).
    `start`/`end` are the content's character offsets into the sentence's text
    (None: the content is not a span of the sentence, e.g. a signature line).
    """

    speaker: str
    role: str | None
    cue: str | None
    kind: Kind
    content: str | None
    quote: int | None = None
    start: int | None = None
    end: int | None = None


class ClauseLike(Protocol):
    """What `clause_json` reads: an Attribution, or a stored attribution row."""

    @property
    def speaker(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def cue(self) -> str | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def content(self) -> str | None: ...
    @property
    def start(self) -> int | None: ...
    @property
    def end(self) -> int | None: ...


def clause_json(a: ClauseLike) -> dict[str, object]:
    """One attribution as `export --json` writes it in a sentence's `attributions` list."""
    return {
        "speaker": a.speaker,
        "speaker_role": a.role,
        "cue": a.cue,
        "kind": a.kind,
        "content": a.content,
        "start": a.start,
        "end": a.end,
    }


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker found in one article, with every form the article uses for them."""

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    is_person: bool = True


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed article, ready to store. `paragraphs` are (start, end) offsets in `body`."""

    title: str
    body: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]
    date: str | None = None
    author: str | None = None
    source: str | None = None
    # Per sentence (parallel to `sentences`): every attribution of its clauses, main first.
    clauses: tuple[tuple[Attribution, ...], ...] = ()
    speakers: tuple[Speaker, ...] = ()

    @property
    def attributions(self) -> tuple[Attribution | None, ...]:
        """Each sentence's main attribution (the first of its clauses), or None."""
        return tuple(c[0] if c else None for c in self.clauses)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Enough of an article to cite it."""

    id: int
    title: str
    date: str | None
    source: str | None

    @property
    def citation(self) -> str:
        """ "Title" (date), source -- as a person would cite it."""
        parts = [f"\u201c{self.title}\u201d"]
        if self.date:
            parts.append(f"({self.date})")
        text = " ".join(parts)
        return f"{text}, {self.source}" if self.source else text


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article as listed: its reference and what it holds."""

    ref: ArticleRef
    author: str | None
    sentences: int
    speakers: tuple[str, ...]
    guild_id: int | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """One matched passage: the sentence (or whole quote), its context and attribution."""

    score: float
    text: str
    context_before: str
    context_after: str
    paragraph: str
    sentence_index: int
    article: ArticleRef
    speaker: str | None = None
    speaker_role: str | None = None
    kind: AnswerKind | None = None
    cue: str | None = None

    @property
    def context(self) -> str:
        """The matched text with its neighbour sentences."""
        return " ".join(p for p in (self.context_before, self.text, self.context_after) if p)

    @property
    def citation(self) -> str:
        """Who said it (if anyone) and where."""
        who = ""
        if self.speaker:
            who = self.speaker + (f", {self.speaker_role}" if self.speaker_role else "") + " \u2014 "
        return who + self.article.citation

    def to_json(self) -> dict[str, object]:
        """The stable JSON shape of the CLI's `--json` output."""
        return {
            "score": round(self.score, 4),
            "text": self.text,
            "context": self.context,
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "kind": self.kind,
            "article": {
                "id": self.article.id,
                "title": self.article.title,
                "date": self.article.date,
                "source": self.article.source,
            },
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What ask/who/said return: good answers, or (when none is good) the closest few."""

    query: str
    answers: tuple[Answer, ...] = ()
    suggestions: tuple[Answer, ...] = ()
    speaker: str | None = None  # for `said`: the registry name the query resolved to
    # Other people who fit as well (RoboDanny's extract_or_exact: the top one wins outright
    # only when clearly ahead): for `said`, other names the query fits; for `who`, the
    # speakers of other statements about as close as the top one.
    did_you_mean: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """`{"query", "answers": [...], "did_you_mean": [...]}` as documented in the README."""
        out: dict[str, object] = {"query": self.query, "answers": [a.to_json() for a in self.answers]}
        if self.speaker is not None:
            out["speaker"] = self.speaker
        out["did_you_mean"] = list(self.did_you_mean)
        return out


@dataclass(frozen=True, slots=True)
class Difference:
    """Words where a quote and the archive's wording differ: `op` is Levenshtein's
    "replace", "delete" (only in the quote) or "insert" (only in the archive); "equal"
    for the runs between them (in `VerifyResult.segments` only)."""

    op: str
    quote: str
    archive: str

    def to_json(self) -> dict[str, str]:
        """`{"op", "quote", "archive"}`."""
        return {"op": self.op, "quote": self.quote, "archive": self.archive}


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """What verify returns: the verdict, the match (0-100), the closest wording and its answer."""

    query: str
    verdict: Verdict
    match: float
    answers: tuple[Answer, ...] = ()  # the closest wording's passage (none when not_found)
    wording: str = ""  # the archive's words aligned with the quote
    marked: str = ""  # the same, differences marked wdiff style: [-the quote's-]{+the archive's+}
    differences: tuple[Difference, ...] = ()
    # The whole alignment in order, "equal" runs included (what a reply marks up); not in the JSON.
    segments: tuple[Difference, ...] = ()
    person: str | None = None  # the registry name `--by` resolved to
    did_you_mean: tuple[str, ...] = ()  # other people the name also fits
    # The closest wording differs by a negation: it says the opposite (verdict not_found).
    negated: bool = False

    def to_json(self) -> dict[str, object]:
        """The other commands' shape plus "verdict", "match" and the differences."""
        return {
            "query": self.query,
            "answers": [a.to_json() for a in self.answers],
            "verdict": self.verdict,
            "match": round(self.match),
            "speaker": self.person,
            "wording": self.wording,
            "marked": self.marked,
            "differences": [d.to_json() for d in self.differences],
            "did_you_mean": list(self.did_you_mean),
            "negated": self.negated,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts for /stats."""

    articles: int
    sentences: int
    speakers: int
    top_speakers: tuple[tuple[str, int], ...] = field(default=())
