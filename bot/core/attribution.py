"""Who said each sentence. (Placeholder until the attribution module lands.)"""

from __future__ import annotations

from .models import Attribution, Document, Speaker


def attribute(doc: Document) -> tuple[list[Attribution | None], list[Speaker]]:
    """Per-sentence attributions (parallel to `doc.sentences`) and the article's speakers."""
    return [None] * len(doc.sentences), []
