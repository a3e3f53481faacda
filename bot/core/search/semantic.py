"""Evidence of meaning for `ask`: static word vectors, no model run, no download.

The vectors are WordLlama's (MIT): the 256-dimension "l2_supercat" token embeddings and
their tokenizer, both inside the `wordllama` wheel on PyPI. A word's vector is the sum of
its tokens' vectors; a text's is the sum of its tokens'. WordLlama's own `load()` looks for
the tokenizer in a folder the wheel does not have (`tokenizer/`, the file is in
`tokenizers/`) and then fetches it from a model hub, so the two files are read here
directly, and the package itself is never imported (importing it also sets the root
logger to INFO). Only numpy, safetensors and tokenizers run.

For each question and candidate sentence (see `features.evidence_rows`):
- "soft": each question word's best cosine with a word of the sentence (its tokens'
  vectors summed, as the question's words are), weighed by the word's idf (an exact word
  scores 1; "established" for "founded" about 0.6);
- "gain": the same for the question words the sentence lacks as such, counted only above
  a cosine of GAIN_FROM (what a synonym adds to the lexical cover), over the sentence
  and its neighbours;
- "sentence_cos" / "paragraph_cos": the cosine of the question's vector with the
  sentence's and with its paragraph's.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from cachetools import LRUCache

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL = "l2_supercat"
GAIN_FROM = 0.3  # cosines below this are noise between unrelated words
TEXTS = 30_000  # texts whose token ids and vector are kept (about 1.2 KB each: 36 MB at most)

_lock = threading.Lock()


class Vectors:
    """The token embeddings and tokenizer from the wordllama wheel.

    Sentences are compared token by token (the vocabulary is fixed, 32,000 tokens, so
    their unit vectors are computed once); a question word's vector is the sum of its
    tokens' (most words are one token)."""

    def __init__(self, embedding: np.ndarray, tokenizer: Tokenizer) -> None:
        self.embedding = np.ascontiguousarray(embedding, dtype=np.float32)
        self.unit = _unit(self.embedding)
        self.tokenizer = tokenizer
        self.dim = self.embedding.shape[1]
        # Tokens that open a word ("▁" first): a sentence's words are compared whole, as the
        # question's are, not piece by piece ("cathedral" is "▁c" + "athedral").
        opens = np.zeros(len(self.embedding), dtype=bool)
        for token, i in tokenizer.get_vocab().items():
            if token.startswith("\u2581") and i < len(opens):
                opens[i] = True
        self.opens_word = opens
        self._texts: LRUCache[str, tuple[np.ndarray, np.ndarray]] = LRUCache(TEXTS)

    def texts(self, texts: Sequence[str]) -> tuple[list[np.ndarray], np.ndarray]:
        """Each text's token ids, and (len(texts), dim) the sums of their vectors (cached by text)."""
        cache = self._texts
        found = [cache.get(t) for t in texts]
        missing = [i for i, f in enumerate(found) if f is None]
        if missing:
            encoded = self.tokenizer.encode_batch([texts[i] for i in missing], add_special_tokens=False)
            for i, enc in zip(missing, encoded, strict=True):
                ids = np.asarray(enc.ids, dtype=np.int32)
                found[i] = cache[texts[i]] = (ids, self.embedding[ids].sum(axis=0))
        done: list[tuple[np.ndarray, np.ndarray]] = found  # type: ignore[assignment]
        sums = np.stack([f[1] for f in done]) if done else np.zeros((0, self.dim), np.float32)
        return [f[0] for f in done], sums

    def words(self, words: Sequence[str]) -> np.ndarray:
        """(len(words), dim): each word's token vectors summed."""
        return self.texts(words)[1]


@functools.cache
def vectors() -> Vectors:
    """The vectors from the installed wheel, loaded once (about 0.3 s)."""
    with _lock:
        spec = importlib.util.find_spec("wordllama")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("the wordllama package is missing: reinstall Archivist (pip install .)")
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        root = Path(next(iter(spec.submodule_search_locations)))
        tokenizer = Tokenizer.from_file(str(root / "tokenizers" / f"{MODEL}_tokenizer_config.json"))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        embedding = load_file(str(root / "weights" / f"{MODEL}_256.safetensors"))["embedding.weight"]
        _one_blas_thread()
        return Vectors(embedding, tokenizer)


def _one_blas_thread() -> None:
    """Run numpy's BLAS on the calling thread only, for the whole process.

    Search multiplies small matrices (a few thousand token vectors by a question's few
    words). OpenBLAS splits each product over every core and its threads spin while they
    wait: on 2 cores with other work running, that made `semantic.evidence` cost 30 ms on
    average instead of 5 (200 SQuAD questions at a million sentences, load 6). The setting
    is process-wide; nothing in Archivist needs BLAS threads."""
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=1, user_api="blas")


def _word_sums(embedding: np.ndarray, ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """(len(starts), dim): the vectors of the tokens from each start to the next, summed.
    Added by position within the word: np.add.reduceat over rows costs ten times more
    (2.4 ms for 50 sentences), and three words in four are one token."""
    sizes = np.diff(np.r_[starts, len(ids)])
    out = embedding[ids[starts]]
    for k in range(1, int(sizes.max(initial=1))):
        longer = np.flatnonzero(sizes > k)
        out[longer] += embedding[ids[starts[longer] + k]]
    return out


def _unit(x: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.maximum(norm, 1e-9)


def type_match(head: str | None, names: Sequence[Sequence[str]]) -> np.ndarray:
    """(len(names),): for each sentence, the best cosine of the question's head noun ("what
    network") with one of the sentence's `names` (its capitalised words the question lacks):
    "ABC" for "network", "Taoism" for "religion". 0 without a head noun or names."""
    out = np.zeros(len(names), np.float32)
    if head is None or not any(names):
        return out
    vec = vectors()
    distinct = list(dict.fromkeys(w for ws in names for w in ws))
    at = {w: i for i, w in enumerate(distinct)}
    cos = _unit(vec.words(distinct)) @ _unit(vec.words([head]))[0]
    for k, ws in enumerate(names):
        if ws:
            out[k] = max(cos[at[w]] for w in ws)
    return out


def evidence(
    words: Sequence[str],
    weights: Sequence[float],
    exact: np.ndarray,
    texts: Sequence[str],
    paragraph_of: Sequence[int],
) -> np.ndarray:
    """(len(texts), 4): soft, gain (sentence and neighbours), sentence_cos, paragraph_cos for
    each candidate sentence. `words`/`weights`: the question's content words and their idf;
    `exact[i, j]`: question word i is in sentence j as such; `paragraph_of[j]`: its paragraph
    (sentences of one paragraph are consecutive)."""
    out = np.zeros((len(texts), 5), np.float32)
    if not words or not texts:
        return out
    vec = vectors()
    w = np.asarray(weights, dtype=np.float32)
    total = float(w.sum()) or 1.0
    qwords = _unit(vec.words(list(words)))
    question = _unit(qwords.sum(axis=0))
    ids, sums = vec.texts(texts)
    lens = np.array([len(i) for i in ids])
    flat = np.concatenate(ids)
    best = np.zeros((len(words), len(texts)), np.float32)
    filled = lens > 0
    if len(flat):
        starts = np.r_[0, np.cumsum(lens)[:-1]][filled]
        # Whole words (a text's first token opens one whatever it is): compared piece by piece,
        # a rare word's fragment matched unrelated words. SQuAD, cross-validated, with
        # features.density: +0.0009 acc@1 on average over 10 fold seeds, none worse.
        opens = vec.opens_word[flat]
        opens[starts] = True
        word_starts = np.flatnonzero(opens)
        best[:, filled] = np.maximum.reduceat(
            _unit(_word_sums(vec.embedding, flat, word_starts)) @ qwords.T,
            np.cumsum(opens)[starts] - 1,  # each text's first word
            axis=0,
        ).T
    para = np.asarray(paragraph_of)
    same_prev = np.r_[False, para[1:] == para[:-1]]
    same_next = np.r_[para[:-1] == para[1:], False]
    window = best.copy()
    window[:, 1:] = np.where(same_prev[1:], np.maximum(window[:, 1:], best[:, :-1]), window[:, 1:])
    window[:, :-1] = np.where(same_next[:-1], np.maximum(window[:, :-1], best[:, 1:]), window[:, :-1])
    window_exact = exact.copy()
    window_exact[:, 1:] |= exact[:, :-1] & same_prev[1:]
    window_exact[:, :-1] |= exact[:, 1:] & same_next[:-1]
    soft = np.where(exact, 1.0, best)
    gain = np.clip((window - GAIN_FROM) / (1 - GAIN_FROM), 0.0, 1.0) * ~window_exact
    out[:, 0] = w @ soft / total
    # Local weights (features._local_weights): a word most candidates hold names the topic.
    local = w * np.log((len(texts) + 1) / (exact.sum(axis=1) + 0.5))
    out[:, 4] = local @ soft / (float(local.sum()) or 1.0)
    out[:, 1] = w @ gain / total
    out[:, 2] = _unit(sums) @ question
    firsts = np.flatnonzero(~same_prev)  # each paragraph's first sentence
    paragraphs = np.add.reduceat(sums, firsts, axis=0)
    out[:, 3] = np.repeat(_unit(paragraphs) @ question, np.diff(np.r_[firsts, len(texts)]))
    return out
