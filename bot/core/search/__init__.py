"""ask / who / said: FTS5 BM25 for candidates, lexical evidence in Python to rerank.

`ask` treats a question as being about a passage. Candidates are the best-matching
paragraphs (an FTS5 index over paragraphs, BM25), and every sentence of them is scored
on evidence BM25 does not see: how much of the question's weight (idf) the sentence, its
neighbours and its paragraph hold, also with each word weighed by how rare it is among the
candidates (a word they all hold names the topic, not the answer); a BM25 of the sentence
alone; words that share their first letters with a question word ("Europe", "European");
the question's words in the question's order (longest common subsequence, adjacent pairs)
and fuzzy similarity (rapidfuzz); and whether the sentence holds the kind of thing asked
for (a date for "when", a number for "how many", a name for "who"). The weights live in
weights.json by feature name, with the fit's date, data, seed and cross-validated figures:
bench/fit_weights.py fits them on a public question-answering set (SQuAD, dumped by
bench/squad_dump.py) and rounds them; nothing in the code knows about that set.

Cost: FTS5 computes BM25 for every row that matches, and an OR of a question's words
matches a large share of a big archive. So each query is planned from the index's own
document frequencies: when the words together match few rows they are ORed; otherwise
the rare ones are ORed and the rest are only searched in pairs (both words in one row),
which the index answers by intersecting lists without scoring the rows it skips.
`who` searches an index of what was said (each attribution's content), so a sentence with
two speakers answers with the one whose words match; `said` reads a speaker's rows.

The package follows the pipeline: `query` (a question as the index sees it, and its FTS5
plan), `features` (the evidence `ask` ranks on), `answers` (ranked candidates -> Answers),
the three commands `ask`, `who` and `said`, and `verify` (built on `who`).
"""

from __future__ import annotations

from .answers import _answers
from .ask import ASK_THRESHOLD, SPEAKER_BONUS, Ranked, _named_speakers, alias_index, ask, rank
from .features import FEATURES, WEIGHTS, _heads, _local_weights, _Parsed, _parsed, _prefix_gain
from .query import (
    _WORD_RE,
    MAX_QUERY_CHARS,
    Query,
    Term,
    _plan,
    answer_kind,
    clean,
    prepare,
    restore_apostrophes,
)
from .said import resolve_speaker, said
from .verify import verify
from .who import who

__all__ = [
    "ASK_THRESHOLD",
    "FEATURES",
    "MAX_QUERY_CHARS",
    "SPEAKER_BONUS",
    "WEIGHTS",
    "Query",
    "Ranked",
    "Term",
    "_WORD_RE",
    "_Parsed",
    "_answers",
    "_heads",
    "_local_weights",
    "_named_speakers",
    "_parsed",
    "_plan",
    "_prefix_gain",
    "alias_index",
    "answer_kind",
    "ask",
    "clean",
    "prepare",
    "restore_apostrophes",
    "rank",
    "resolve_speaker",
    "said",
    "verify",
    "who",
]
