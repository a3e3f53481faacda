"""Frames of "according to": "According to X, ...", "..., according to X's count". The
source (a person, an organisation, a group, or the author of a document) and the side of
the sentence it vouches for."""

from __future__ import annotations

import re

from .beside import speaker_after
from .entities import Frame, Ref, Sent
from .lexicon import SOURCE_HEADS
from .phrases import PERSON_NP_HEADS, role_np_after
from .quotes import INSIDE
from .signatures import ASCII_LETTER_RE, ends_after

_DOCUMENT_BY_RE = re.compile(
    r"(?:(?:an?|the|new)\s+)?(?:[\w-]+\s+){0,2}?(?:tally|report|count|survey|poll|analysis|study|estimates?|"
    r"figures|data|statement|review|memo|letter|filing|documents?|records?|numbers|calculations?|"
    r"research|projections?|posts?|tweets?|interviews?|remarks|testimony|accounts?|emails?|notes|forecasts?)\s+"
    r"(?:(?:released|published|compiled|conducted|issued)\s+)?(?:by|from|of)\s+"
)
_AFFILIATION_RE = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;\"_]{1,80}?(?=[.!?]?\s*$|,)")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+")
_OBJECT_PRONOUN_RE = re.compile(r"(him|her|them)\b(?!\s*[\w-]*[a-z])")  # (not "her office")
_SUBJECT_OF = {"him": "he", "her": "she", "them": "they"}
# ("..., because, according to him, the media would ...": the clause it opens)
_OPENS_CLAUSE_RE = re.compile(
    r"\b(?:because|that|after|when|since|if|while|although|though|but|and|so|where|until|unless)[\s,]*$"
)
_RELATIVE_FENCED_RE = re.compile(r",\s+(?:who|which)\s[^\",_;]{1,80}(?=,)")
_RELATIVE_TAIL_RE = re.compile(r",\s+(?:who|which)\s[^\",_;]*?(?=[.!?\s\"”’)]*$)")
_NAME_NEXT_RE = re.compile(r"\s+[A-Z]")  # ("according to Nexora spokesman Ray Dunn": the name)


def according_frames(sent: Sent) -> list[Frame]:
    """ "According to X, ...", "..., according to X's count": the source and its side."""
    out = sent.out
    frames: list[Frame] = []
    for m in _ACCORDING_RE.finditer(out) if "ccording" in out else ():  # (\b: a substring test first)
        # "according to a survey run by the Harbour Gazette": the document's author is the source.
        source = _DOCUMENT_BY_RE.match(out, m.end())
        found = speaker_after(sent, source.end()) if source else None
        if found is None and source:
            np = role_np_after(out, source.end())
            found = (np[0], np[1], "") if np else None
        found = found or speaker_after(sent, m.end())
        pronoun = _OBJECT_PRONOUN_RE.match(out, m.end()) if found is None else None
        if pronoun:  # "after, according to her, the council cut ..."
            subject = _SUBJECT_OF[pronoun.group(1)]
            found = (pronoun.end(), Ref("pronoun", text=subject, at=pronoun.start()), "")
        if found and found[1].kind == "entity" and not source:
            # "according to Treasury officials": the name modifies the noun that is the source
            # ("Treasury figures": a document, which its named owner stands for)
            np = role_np_after(out, m.end())
            if np and np[0] > found[0] and not _NAME_NEXT_RE.match(out, np[0]):
                if np[1].head in SOURCE_HEADS:
                    np[1].owner = found[1].entity
                    found = (np[0], np[1], "")
                elif np[1].head in PERSON_NP_HEADS:
                    found = (np[0], np[1], "")
        if found:
            end, ref, role = found
            affiliation = _AFFILIATION_RE.match(out, end)
            if affiliation:
                end = affiliation.end()  # "according to Lena Voss of the Harbour Institute ..."
            # `"...," according to Voss, who toured it.` / "According to Voss, who spoke on Monday,
            # the pier ...": a relative clause is about the source, not part of the content
            relative = _RELATIVE_TAIL_RE.match(out, end) or _RELATIVE_FENCED_RE.match(out, end)
            if relative:
                end = relative.end()
            # (a quotation before it is content: `"The pier is safe," according to Voss.`)
            at_start = INSIDE not in out[: m.start()] and not ASCII_LETTER_RE.search(out, 0, m.start())
            if at_start and role and not ASCII_LETTER_RE.search(out, end):
                # "According to the Ledger, the mayor left early.": what follows the source up to
                # the sentence's end is its own clause, not an apposition (which a comma would close)
                cut = out.find(role, m.end())
                if cut > 0:
                    end, role = len(out[:cut].rstrip(" ,")), ""
            side = (
                "after"
                if at_start or _OPENS_CLAUSE_RE.search(out, 0, m.start())
                else ("before" if ends_after(out, end) else "both")
            )
            frames.append(Frame(0, m.start(), ref, "according to", m.start(), end, True, side, role))
    return frames
