"""Mending what sentence splitting leaves: a sentence cut inside an abbreviation ("Sen. Tim
Scott, R-S." + "C., said ..."), a line "— Name, role" that signs the quotation before it,
quoted words that run on into the next sentence, and a paragraph that a cue and a colon at the
end of the one before introduce (steps of pipeline.attribute, after each sentence's own frames)."""

from __future__ import annotations

import re

from .beside import speaker_after
from .entities import Entity, Frame, Ref, Sent
from .quotes import INSIDE
from .signatures import ends_after, quote_only

_DASH_LINE_RE = re.compile(r"^\s*[―—–-]+\s*(?=\S)")
# After the name on a signing line: where the speaker is from ("— Michelle Marks, Philadelphia.").
_SIGNED_PLACE_RE = re.compile(r",\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\.?\s*$")


def split_fragments(sents: list[Sent]) -> None:
    """ "Sen. Tim Scott, R-S." + "C., said the Fed ...": a sentence cut inside an abbreviation."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        frag = _FRAGMENT_RE.match(sent.out)
        if not frag or sent.speaker is not None or prev.paragraph != sent.paragraph:
            continue
        people = [m for m in prev.mentions if m.kind == "person" and isinstance(m.entity, Entity)]
        if not people:
            continue
        ent = people[-1].entity
        cue_end = frag.end()
        sent.frame = Frame(1, frag.start(1), Ref("entity", entity=ent), frag.group(1).lower(), 0, cue_end)
        sent.speaker = ent


_FRAGMENT_RE = re.compile(r"(?:[A-Z]\.)+,?\s+(said|says|told|added|argued|warned|wrote|noted|stated)\b")


def dash_lines(sents: list[Sent]) -> None:
    """A line "— Name, role" after a quote signs that quote."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        dash = _DASH_LINE_RE.match(sent.text)  # (the text: a dash glued to the name is blanked in `out`)
        if not dash or prev.speaker is not None or not quote_only(prev.out):
            continue
        found = speaker_after(sent, dash.end())
        if (
            found
            and (ends_after(sent.out, found[0]) or _SIGNED_PLACE_RE.match(sent.out, found[0]))
            and found[1].kind == "entity"
        ):
            sent.frame, sent.speaker = None, None
            prev.speaker = found[1].entity
            if found[2] and prev.speaker is not None:
                prev.speaker.add_role(found[2], 3, sent.index)
            prev.frame = Frame(0, 0, found[1], None, 0, 0, False, "quote")


_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b")


def quotes_run_on(sents: list[Sent]) -> None:
    """Quoted words with a little narration, right after a quotation its speaker signed in the
    same paragraph, go on with that speaker (`"The ferry is finished," said Hale. Unless the
    council acts, "it will never sail again."`): a mixed quotation. Not when
    a subject of its own stands before the quotation (the quoted clause is then that subject's)."""
    for prev, sent in zip(sents, sents[1:], strict=False):
        if sent.frame is not None or prev.speaker is None or prev.frame is None or prev.frame.according:
            continue
        if prev.paragraph != sent.paragraph or INSIDE not in sent.out or INSIDE not in prev.out:
            continue
        out = sent.out
        first = out.find('"')
        if (out.rfind('"') - first + 1) * 2 < len(out.strip()):
            continue  # mostly narration: a scare quote, not the speaker's words going on
        if any(m.start < first and m.kind != "place" for m in sent.mentions) or _PRONOUN_RE.search(
            out, 0, first
        ):
            continue
        sent.speaker = prev.speaker
        sent.frame = Frame(9, 0, Ref("entity", entity=prev.speaker), None, 0, 0, False, "quote")
        sent.frame.mixed = not quote_only(out)


def colon_blocks(sents: list[Sent]) -> None:
    """A paragraph that ends with a cue and a colon ("In a talk last spring, she said:", "Ward
    released the following statement:") introduces the next paragraph, in quotation marks or
    set off without them: its sentences are that speaker's words."""
    for i, (prev, sent) in enumerate(zip(sents, sents[1:], strict=False)):
        if prev.frame is None or prev.speaker is None or prev.frame.content_side not in ("after", "before"):
            continue
        if sent.paragraph != prev.paragraph + 1 or not prev.out.rstrip().endswith(":"):
            continue
        if len(prev.out[prev.frame.end :].split()) > 4:
            continue  # the cue's own words run up to the colon: it introduces nothing after it
        if sent.frame is not None:
            continue
        if prev.frame.content_side == "before":
            prev.frame.content_side = "signature"  # ("In a talk last spring, she said:": no words of its own)
        for block in sents[i + 1 :]:
            if block.paragraph != sent.paragraph or block.frame is not None:
                break
            block.speaker = prev.speaker
            block.frame = Frame(
                9, 0, Ref("entity", entity=prev.speaker), prev.frame.cue, 0, 0, False, "quote"
            )


def transcript_turns(sents: list[Sent]) -> None:
    """In a transcript, a paragraph opened by a speaker's label ("PETROV: I got angry.") is
    that speaker's turn: its later sentences are theirs too, word for word."""
    for i, sent in enumerate(sents):
        if sent.frame is None or not sent.frame.verbatim or sent.speaker is None:
            continue
        for turn in sents[i + 1 :]:
            if turn.paragraph != sent.paragraph or turn.frame is not None:
                break
            turn.speaker = sent.speaker
            turn.frame = Frame(9, 0, Ref("entity", entity=sent.speaker), ":", 0, 0, False, "quote")
            turn.frame.verbatim = True


_ANSWER_RE = re.compile(r"\s*A\s*[:.]\s+(?=\S)")
_QUESTION_RE = re.compile(r"\s*Q\s*[:.]\s+(?=\S)")


def qa_answers(sents: list[Sent]) -> None:
    """A question-and-answer interview ("Q: ..." and "A: ..." paragraphs): each answer is the
    words of the person the lines before the first question name most (whom the interview is
    with), word for word; a paragraph's later sentences follow through transcript_turns."""
    first = next((s.index for s in sents if s.offset == 0 and _QUESTION_RE.match(s.out)), None)
    if first is None:
        return  # ("A: ..." alone is no interview)
    counts: dict[int, tuple[int, int]] = {}  # (mentions, the last sentence naming them)
    people: dict[int, Entity] = {}
    for sent in sents[:first]:
        # (an opening "He"/"She" names its person too: "Voss took over in July. She spoke with
        # Ray Dunn of the Courier.")
        named = [m.entity for m in sent.mentions] + [sent.opener]
        for ent in named:
            if isinstance(ent, Entity) and ent.kind == "person" and not ent.unnamed:
                counts[id(ent)] = (counts.get(id(ent), (0, 0))[0] + 1, sent.index)
                people.setdefault(id(ent), ent)
    if not counts:
        return
    person = people[max(counts, key=lambda k: counts[k])]  # (of those tied, the one named last)
    for sent in sents:
        label = _ANSWER_RE.match(sent.out) if sent.offset == 0 and sent.frame is None else None
        if label is None:
            continue
        sent.speaker = person
        sent.frame = Frame(
            0, label.start(), Ref("entity", entity=person), ":", 0, label.end(), False, "after"
        )
        sent.frame.verbatim = True
