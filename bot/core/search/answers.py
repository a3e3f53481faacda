"""Ranked candidates -> Answers: whole quotes, neighbour context, paragraph and citation."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Answer, ArticleRef
from ..storage import ArchiveStore, ArticleRow, Candidate


def _ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, title=row.title, date=row.date, source=row.source)


async def _answers(
    store: ArchiveStore,
    ranked: Sequence[tuple[float, Candidate]],
    limit: int,
    *,
    with_context: bool = True,
    paragraphs: dict[tuple[int, int], list[Candidate]] | None = None,
) -> list[Answer]:
    """Turn ranked candidates into Answers: whole quotes, neighbour context, paragraph, citation.
    `paragraphs`: sentences of (article_id, paragraph) pairs already read (the rest are read)."""
    ranked = list(ranked)[: limit * 3]
    known = paragraphs or {}
    seen: set[tuple[int, int | str]] = set()
    picked: list[tuple[float, Candidate]] = []
    for score, cand in ranked:
        key: tuple[int, int | str] = (
            (cand.article_id, f"q{cand.quote}") if cand.quote is not None else (cand.article_id, cand.idx)
        )
        if key not in seen:
            seen.add(key)
            picked.append((score, cand))
        if len(picked) >= limit:
            break
    # A quote may run over several sentences: look 12 either side. One query reads every
    # answer's window, paragraph and article.
    reach = {
        (c.article_id, c.idx): (12 if c.quote is not None else 1) if with_context else 0 for _, c in picked
    }
    spans = {key: (key[0], key[1] - r, key[1] + r) for key, r in reach.items()}
    found, refs = await store.passages((*spans[(c.article_id, c.idx)], c.paragraph) for _, c in picked)
    answers: list[Answer] = []
    for score, cand in picked:
        rows = found.get((*spans[(cand.article_id, cand.idx)], cand.paragraph), [])
        lo, hi = spans[(cand.article_id, cand.idx)][1:]
        window = [c for c in rows if lo <= c.idx <= hi] if with_context else []
        if cand.article_id not in refs:  # removed meanwhile: nothing to cite
            continue
        quote = [c for c in window if cand.quote is not None and c.quote == cand.quote] or [cand]
        first, last = quote[0].idx, quote[-1].idx
        before = next((c.text for c in window if c.idx == first - 1), "")
        after = next((c.text for c in window if c.idx == last + 1), "")
        para = (
            known.get((cand.article_id, cand.paragraph))
            or [c for c in rows if c.paragraph == cand.paragraph]
            or [cand]
        )
        answers.append(
            Answer(
                score=score,
                text=" ".join(c.text for c in quote),
                context_before=before,
                context_after=after,
                paragraph=" ".join(c.text for c in para),
                sentence_index=cand.idx,
                article=_ref(refs[cand.article_id]),
                speaker=cand.speaker,
                speaker_role=cand.role,
                kind=cand.kind,  # type: ignore[arg-type]
                cue=cand.cue,
            )
        )
        if len(answers) >= limit:
            break
    return answers
