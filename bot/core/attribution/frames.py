# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Frames in one sentence: a cue, its speaker phrase and its content side.

Step 3 of the pipeline: each cue word proposes a frame; the best one is kept.
"""

from __future__ import annotations

import re

from .according import according_frames
from .beside import speaker_after, speaker_before
from .complements import (
    ADD_FORMS,
    BARE_CLAUSE_RE,
    COMPLEMENT_RE,
    LEFT_OPEN_RE,
    WH_COMPLEMENT_RE,
    clause_follows,
)
from .content import OPENER_ONLY_RE
from .cue_sets import (
    CLAUSE_WEAK_CUES,
    DAY,
    INFINITIVE_WEAK_CUES,
    NOUN_LIKE_CUES,
    OBJECT_CUES,
    QUESTION_CUES,
    SAYING_FORMS,
    TELLING_CUES,
)
from .entities import Frame, Ref, Sent
from .layouts import (
    IDIOM_CUE_RE,
    WITH_SUBJECT_RE,
    as_reported_frame,
    as_reported_mid,
    idiom_frames,
    in_words_frame,
    medium_quote_frame,
    name_colon_frame,
    narrated_colon_frame,
    opening_participle_frame,
    perspective_frame,
    quote_then_verb_frame,
    reported_by_frame,
    that_is_how_frame,
    verb_then_quote_frame,
)
from .lexicon import (
    LEARNED_CUES,
    MEDIUM_NOUNS,
    PARTICIPLE_CUES,
    PHRASAL_CUES,
    QUOTE_FRAME_CUES,
    STANCE_CUES,
    WEAK_CUES,
)
from .nesting import restrictive
from .noun_frames import colon_noun_frames, speech_noun_frames
from .participles import after_comma, participle_frame, relative_subject
from .phrases import after_preposition, role_np_after, skip_fence, strip_aux
from .quotes import INSIDE
from .siblings import SUBORDINATE_OPEN_RE
from .signatures import (
    ASCII_LETTER_RE,
    OBJECT_SIGNATURE_RE,
    after_quote,
    ends_after,
    noise_only,
    quoted_after,
)
from .source_frames import citing_frames, dash_frame
from .subjects import fenced_subject, infinitive_subject, main_subject
from .topics import topic_of
from .verb_or_noun import CALL_ON_RE, reporting_verb
from .weak_cues import CALL_FOR_RE, OBJECT_RE, stance_adjective_frames, weak_cue_reports

# `"...," Viguerie notes.`: the quotation's comma is masked, so the quote itself marks the frame.
_QUOTE_THEN_NAME_RE = re.compile(r"\"\s*(?:[\w.’'-]+\s+){1,5}$")
# "He promises to ...", "she also vows": after a subject pronoun a noun-like cue is a verb.
_PRONOUN_SUBJECT_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ww]ho)\s+(?:(?:also|now|still|again|often|\w+ly)\s+)?$"
)
_POSSESSIVE_DETS = frozenset("a an the his her their its our my your this that".split())
_IN_MEDIUM_RE = re.compile(
    r"^\W*(?:[Ii]n|[Dd]uring)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?("
    + "|".join(sorted((m.replace(" ", r"\s+") for m in MEDIUM_NOUNS), key=len, reverse=True))
    + r")\b[^,]{0,80},\s*"
)
_BE_TAIL_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|gets|got|gotten)\s*$")
_EXPECTED_PASSIVE_RE = re.compile(r"(?:\b(?:is|are|was|were|be|been|being)\s+|[’']s\s+|-)$")
_TO_SPEAK_RE = re.compile(r"\s+to\s+(?:argue|say|tell|announce|testify|propose|urge|warn|call\s+for)\b")
_PASSIVE_FORMS = frozenset(
    ["said", "told", "written", "asked", "quoted", "reported", "called", "described", "accused"]
)
_TO_VERB_RE = re.compile(r"\s+(?:not\s+)?to\s+[a-z]{2,}\b(?<!\bthe)")
# "Senator Banks, who wrote the measure, said ...": a verb with a mere object inside a relative
# clause that a comma closes before the subject's own verb of saying reports nothing.
_WHO_BEFORE_RE = re.compile(r",\s+who\s+(?:(?:has|have|had|also|once|first|previously|recently)\s+){0,2}$")
_CLOSED_THEN_SAYS_RE = re.compile(
    r"\s+[^,;:\"_]{1,80},\s+(?:(?:\w+ly|later|then|also|again|once|has|had|have)\s+)*(?:"
    + "|".join(sorted(SAYING_FORMS))
    + r")\b"
)
_NEGATED_RE = re.compile(  # (and "Neither Keller nor Ruiz would say ...")
    r"(?:\b(?:not|never|n't|declined\s+to|refused\s+to)|n’t)\s+(?:(?:\w+ly|yet|even|ever)\s+)?$"
    r"|\bnor\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?\s+(?:(?:would|will|could|did|does|has|have|had)\s+)?$"
)
# (an aside may come between: `calling him, among other things, "a failed candidate"`)
# ("Mrs. Schlafly": a period before a capital is an abbreviation's, within one sentence)
_QUOTE_SOON_RE = re.compile(
    r"^(?:[^.;:,]|\.(?=\s[A-Z]|\d)){0,60}?(?:,[^.;:,\"_]{2,30},)?(?:[^.;:,]|\.(?=\s[A-Z]|\d)){0,40}?\"_"
)
# `Cheatle responded, "No, ..."`: a comma then the quotation is the weak cue's complement.
_THING_OBJECT_RE = re.compile(r"^\s+(?:an?\s+|[$\d])")  # "charged a $100,000 fee", not "asked Obama"
# `..., the Post reported, citing ...`: a trailing participle after a cue that ends the report.
# ", adding that ...", `, adding, "..."`: a participle of the speaker's, reporting on its own
# (a day may come first: "..., Keller said Tuesday, adding that ...")
_PARTICIPLE_TAIL_RE = re.compile(
    r"(?:\s+(?:on\s+)?" + DAY + r")?"
    r",\s+[a-z]+ing\b(?:[^,;]*|,?\s*[\"“][^\"“”]*[\"”]?)[.!?]?[\s\"”’]*$"
)
# After a cue fenced by commas mid-sentence, the clause goes on with a lower-case word that
# opens no clause of its own (not ", adding ...", ", but ...", ", who ...").
_ATTEMPT_RE = re.compile(r"\b(?:tried|tries|trying|sought|seeks|attempted|attempts)\s+to\s+$")
_DET_TAIL_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]his)\s+$")
_FENCED_RESUMES_RE = re.compile(
    r",\s+(?![a-z]+ing\b)(?!(?:and|but|or|yet|so|while|who|which|whose|because|as|after|before|when|"
    r"if|though|although|since|until|unless|then|according)\b)[a-z]"
)
_DAY_THEN_COMMA_RE = re.compile(r"\s+(?:on\s+)?" + DAY + r"(?=,)")
_WHICH_ISSUED_RE = re.compile(r",\s+(?:which|who)\s+[^,;\"_]{0,60}$")
_QUOTED_PASSIVE_RE = re.compile(
    r"(?<=\s)(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+(?:by\s+[^\"_;,]{1,80}?\s+)?"
    r"as\s+(?:saying|telling|stating|warning|adding|calling|describing)\b"
)
_AS_BEFORE_RE = re.compile(r"(?:,|\bthat|(?<=_)\")\s+as\s+$")  # ("..., as the Herald reported.")
# "Xinhua quoted Foreign Minister Wang Yi as saying that ...": the one quoted speaks.
_QUOTED_AS_RE = re.compile(
    r"\bquoted\s+(?=\S)([^\"_;]{1,120}?)\s+as\s+(?:saying|telling|stating|warning|adding|calling|describing)\b"
)
# (or after the one addressed: `asked the buzzing crowd, "Can she stay?"`)
_COMMA_QUOTE_RE = re.compile(r'^(?:\s+[^,;:"_]{1,40}?)?\s*,\s*"_')
# "asked the campaign to release ...", "asked Kasich, who ..., to lay out", "asked the court for
# quick action", "asked the senator during a chat if ...": a request or a question put to someone.
_ASK_FORMS = frozenset(["ask", "asks", "asked", "asking"])
_ASK_TO_RE = re.compile(
    r"^\s+(?:(?:[^,;:\"_]{1,80}?|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s+who\s[^;:\"_]{1,90}?,)\s+)?"
    r"(?:to\s+[a-z]{2,}|for\s+(?!\d|years?\b|months?\b|weeks?\b|days?\b|hours?\b|a\s+while\b)\w|if\s)"
)
_POSTED_FORMS = frozenset(["post", "posts", "posted", "posting"])
_RESULT_OBJECT_RE = re.compile(
    r"\s+(?:(?:a|an|its|their|his|her|the)\s+)?(?:[\w$.,%-]+\s+){0,3}?"
    r"(?:profits?|loss(?:es)?|gains?|deficits?|surplus(?:es)?|revenues?|earnings|sales|growth|increases?|declines?"
    r"|drops?|rises?|record|wins?|victory|victories|score|times?|lead)\b"
)
_ACCUSED_FORMS = frozenset(["accused", "charged", "convicted", "suspected", "blamed"])
_PREP_TAIL_RE = re.compile(r"\b(?:of|for|against|with|to|from|on|about|by)\s+$")
_OTHER_CLAUSE_NEXT_RE = re.compile(
    r"\s*,?\s+(?:and|but|while|before|as)\s+(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|he|she|they)"
    r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b"
)
_ASKED_ABOUT_RE = re.compile(r"^\s+(?:[^,;:\"_]{1,40}?\s)?about\b")
# A complement clause without "that": "signaled they will oppose", "predicted the race would
# tighten". The subject must be short and followed at once by a finite auxiliary, which
# keeps "expected the vote on Tuesday" (an object, not a clause) out.
_WHO_OBJECT_RE = re.compile(r"^\s*(?:the\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3}\s*,?\s+who\b")


COORDINATED_RE = re.compile(
    r"\s(?:but|and)\s+(?:(?:also|later|then|now|still|has|have|had|again|did|does|would|will|[a-z]{3,}ly)\s+){0,2}$"
)


# --- frames in one sentence ------------------------------------------------------------


# The role words between a comma and a trailing speaker's name ("longtime confidant", "the
# party's chairman"), none of them a word that opens a clause of its own.
_ROLE_LEAD_RE = re.compile(
    r",\s+((?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}['’]s\s+)?"
    r"(?:(?!(?:and|but|or|then|so|when|as|while|because|after|before|if|although|which|who|where|that|said|"
    r"says|also|even|now|he|she|they|it|we|i|there)\b)[a-z][a-z-]*(?:['’]s)?\s+){1,4}"
    # (or an owner alone: "..., CNN's Ivo Petrov said.")
    r"|(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}['’]s\s+)$"
)


_NEXT_CLAUSE_RE = re.compile(r"(?:\s+(?:on\s+)?\w+day)?,\s+(?:while|whereas|but|though|although|even\s+as)\s")
_ADDRESSED_CUES = frozenset("told tells wrote writes emailed warned assured reminded".split())
# (the addressee alone; what may follow it is checked apart: "told CNN on Monday, adding ...")
_ADDRESSEE_RE = re.compile(
    r"\s+(?:him|her|them|me|us|reporters|(?:[Tt]he\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\b"
)
OBJECT_RELATIVE_RE = re.compile(r"\b(?:which|whom)\s+$")
_COMMA_WHICH_RE = re.compile(r",\s+which\s+$")


def _addressee_ends(out: str, cue_end: int) -> bool:
    """Whether only the one addressed, then adverbials or a participle, follow a cue:
    "..., Keller told CNN on Monday." / "..., Keller told the Post, adding that ..."."""
    m = _ADDRESSEE_RE.match(out, cue_end)
    if m is None:
        return False
    at = m.end()
    return bool(ends_after(out, at) or _PARTICIPLE_TAIL_RE.match(out, at) or _NEXT_CLAUSE_RE.match(out, at))


def _last_char(out: str, end: int) -> str:
    """The last non-space character before `end` ("" at the start)."""
    while end > 0 and out[end - 1] == " ":
        end -= 1
    return out[end - 1] if end else ""


def sentence_frames(sent: Sent) -> list[Frame]:
    """Every candidate frame of a sentence: according-to, cue verbs, medium phrases, dashes."""
    out = sent.out
    frames: list[Frame] = according_frames(sent)
    for start, end, low in sent.cues:
        frame = _cue_frame(sent, start, end, low)
        if frame is not None:
            if frame.content_side == "after" and _COMMA_WHICH_RE.search(
                out, max(0, frame.start - 10), frame.start
            ):
                # "The plan, which Keller said would cost $2 million, was approved.": up to the comma
                comma = out.find(",", frame.end)
                frame.limit = comma if comma > 0 else None
            if restrictive(sent, frame, low, end):
                frame.restrictive = True
                frame.rank = max(frame.rank, 3)  # below the sentence's own clauses
            frames.append(frame)
    if "quoted" in out:
        for m in _QUOTED_PASSIVE_RE.finditer(out):
            # "Ruiz was quoted by the Ledger as saying ...": the subject is the one quoted.
            subject = speaker_before(sent, m.start())
            if subject is not None:
                start, ref, role = subject
                frames.append(
                    Frame(0, m.start(), ref, "quoted as saying", start, m.end(), False, "after", role)
                )
        for m in _QUOTED_AS_RE.finditer(out):
            found = speaker_after(sent, m.start(1))
            if found is None:
                np = role_np_after(out, m.start(1))
                found = (np[0], np[1], "") if np else None
            if found and found[0] <= m.end(1) + 1:
                frames.append(
                    Frame(
                        0,
                        m.start(),
                        found[1],
                        "quoted as saying",
                        m.start(),
                        m.end(),
                        False,
                        "after",
                        found[2],
                    )
                )
    view = perspective_frame(sent) or that_is_how_frame(sent)  # (anchored at the start: cheap)
    if view is None and ", in " in out:
        view = in_words_frame(sent)
    if view is not None:
        frames.append(view)
    medium = _IN_MEDIUM_RE.match(out)
    if medium:
        # ("In a Facebook message on Sunday, Diaz wrote": no cue word inside it is a verb)
        frames = [f for f in frames if not medium.start() <= f.position < medium.end()]
        found = speaker_after(sent, medium.end())
        if found is None:
            # "In a statement, Biden's campaign called ...": a possessive-led noun phrase.
            np = role_np_after(out, medium.end())
            found = (np[0], np[1], "") if np else None
        verb = found and any(f.start <= found[0] < f.position <= found[0] + 30 for f in frames)
        if found and not verb:
            # (not "In a tweet, Voss wrote that ...": her verb reports, the medium only says where)
            end, ref, role = found
            during = medium.group(0).lower().lstrip().startswith("during")
            noun = " ".join(medium.group(1).lower().split())
            cue = None if during else ("in an " if noun[0] in "aeiou" else "in a ") + noun
            frames.append(Frame(1, medium.start(), ref, cue, medium.start(), end, False, "after", role))
    if sent.speech_nouns:
        frames.extend(speech_noun_frames(sent))
    if ":" in out:
        frames.extend(colon_noun_frames(sent))
    if IDIOM_CUE_RE.search(out):
        frames.extend(idiom_frames(sent))
    opening = opening_participle_frame(sent)
    if opening is not None:
        frames.append(opening)
    as_reported = as_reported_frame(sent)
    if as_reported is not None:
        frames.append(as_reported)
    if " by " in out:
        passive = reported_by_frame(sent)
        if passive is not None:
            frames.append(passive)
    colon = name_colon_frame(sent)
    if colon is not None and colon.verbatim:
        return [colon]  # a transcript's turn: every word after the label is the speaker's own
    if colon is not None:
        frames.append(colon)
    elif ":" in out and not frames:
        narrated = narrated_colon_frame(sent)
        if narrated is not None:
            frames.append(narrated)
    opener = (
        out.find(", ") if SUBORDINATE_OPEN_RE.match(out) else -1
    )  # ("When X said ..., Hale shot back: "...")
    if '"_' in out and all(f.position < opener for f in frames):
        issued = medium_quote_frame(sent) or quote_then_verb_frame(sent) or verb_then_quote_frame(sent)
        if issued is not None:
            frames.append(issued)
    if "citing" in out:
        frames.extend(citing_frames(sent))
    if sent.stance_adjectives:
        frames.extend(stance_adjective_frames(sent))
    dash = dash_frame(sent)
    if dash is not None:
        frames.append(dash)
    return frames


def _other(a: Ref, b: Ref) -> bool:
    """Whether two speaker phrases name different people (a pronoun may be anyone)."""
    return a.kind != "entity" or b.kind != "entity" or a.entity is not b.entity


def _cue_frame(sent: Sent, cue_start: int, word_end: int, low: str) -> Frame | None:
    """The frame around one cue word, or None when the word reports no speech here."""
    out = sent.out
    if (
        " who " in out
        and _WHO_BEFORE_RE.search(out, max(0, cue_start - 40), cue_start)
        and _CLOSED_THEN_SAYS_RE.match(out, word_end)
    ):
        return None
    if low in PHRASAL_CUES and not out.startswith((" out", " to "), word_end):
        return None
    cue_end = word_end + ((4 if out.startswith(" out", word_end) else 3) if low in PHRASAL_CUES else 0)
    cue = ""
    topic = topic_of(out, low, cue_start, word_end)
    if topic is False:
        return None  # "spoke at a rally", "spoke with Ray Dunn of the Courier": nothing spoken about
    if topic:
        cue_end, cue = topic  # "spoke about", "commented on", "joked about"
    cue = cue or out[cue_start:cue_end].lower()
    if low in _PASSIVE_FORMS and _BE_TAIL_RE.search(out, max(0, cue_start - 12), cue_start):
        return None  # "he was told", "is said to": the subject is not the speaker
    if (
        low == "expected"
        and _EXPECTED_PASSIVE_RE.search(out, max(0, cue_start - 12), cue_start)
        and not _TO_SPEAK_RE.match(out, word_end)
    ):
        return None  # "he's expected to win": others expect it (not "expected to argue that")
    if low in _POSTED_FORMS and _RESULT_OBJECT_RE.match(out, word_end):
        return None  # "the company posted a profit", "posted a 3-1 win": a result, not a post
    if not reporting_verb(out, cue_start, word_end, low):
        return None  # "her remarks", "voter support", "found the documents", "saw a rise"
    window = out[max(0, cue_start - 25) : cue_start]
    if ("n" in window or "fused" in window) and _NEGATED_RE.search(window):
        return None  # "has not said whether", "declined to say": nothing is reported
    if (" wh" in out or " if " in out or " how " in out) and LEFT_OPEN_RE.search(
        out, max(0, cue_start - 160), cue_start
    ):
        return None  # "declined to say whether the board would seek changes"
    cue_end = skip_fence(out, cue_end)  # "described, in blunt terms, a set of ..."
    rest = out[cue_end : cue_end + 90]
    if (
        low in QUOTE_FRAME_CUES
        and not (low in OBJECT_CUES and OBJECT_RE.match(rest))  # "described the excitement"
        and not _QUOTE_SOON_RE.match(rest)
        and not CALL_ON_RE.match(rest)
        and not (low in STANCE_CUES or CALL_FOR_RE.match(rest))
    ):
        return None  # "called the plan" reports speech only with the words quoted
    if low in NOUN_LIKE_CUES:
        space = out.rfind(" ", 0, max(0, cue_start - 1)) + 1
        if out[space : cue_start - 1].lower() in _POSSESSIVE_DETS:
            return None  # "in a post", "the statement": a noun
        trailing = ends_after(out, cue_end) and (
            "," in out[max(0, cue_start - 60) : cue_start] or _QUOTE_THEN_NAME_RE.search(out, 0, cue_start)
        )
        # "Podliska also claims he was ...": a noun-like cue before a bare clause is a verb.
        clause = BARE_CLAUSE_RE.match(rest)
        # ("Voters, Frank notes, applaud ...": fenced by commas, it is a verb too)
        fenced = _FENCED_RESUMES_RE.match(out, cue_end) and "," in out[max(0, cue_start - 40) : cue_start]
        if (
            not COMPLEMENT_RE.match(rest)
            and not _TO_VERB_RE.match(rest)  # "Ms. Dahl vows not to sign ...", "pledges to cut"
            and not _PRONOUN_SUBJECT_RE.search(out, max(0, cue_start - 30), cue_start)
            and not after_quote(out, cue_start)
            and not trailing
            and not clause
            and not fenced
        ):
            return None
    if low in ADD_FORMS and not clause_follows(out, cue_start, cue_end):
        return None  # "the company added 2,000 jobs", "added a clause to the bill": no words
    # (past a chain before the cue: "... and moved to emphasize"; not an attempt, "and tried
    # to explain why ...", which need not have been made)
    head = cue_start
    if out.endswith(" to ", 0, cue_start) and not _ATTEMPT_RE.search(out, max(0, cue_start - 16), cue_start):
        head = strip_aux(out, cue_start)
    lo = max(0, head - 24)  # (every match holds "but" or "and": substring tests first)
    pair = out.find("and", lo, head) >= 0 or out.find("but", lo, head) >= 0
    coordinated = COORDINATED_RE.search(out, lo, head + (head < cue_start)) if pair else None
    before: tuple[int, Ref, str] | None = None
    if coordinated:
        # "Clinton's campaign welcomed the news but said ...", "... worked with Manafort or Gates
        # and said ...": after "and"/"but" the name before the cue is the last clause's object;
        # the sentence's subject speaks.
        subj = main_subject(sent, cue_start)
        rel = relative_subject(sent, cue_start)
        if rel and (subj is None or subj[0] < rel[0]):
            # "NAFTA, which Trump had called a "disaster" and promised to ...": the relative's subject.
            before = (cue_start, rel[1], "")
        elif subj:
            before = (cue_start, subj[1], "")
    if before is None:
        before = speaker_before(sent, cue_start)
        if (
            before is not None
            and low in _ACCUSED_FORMS
            and _PREP_TAIL_RE.search(out, max(0, before[0] - 12), before[0])
        ):
            # "the trial of a former contractor accused of overcharging": a passive participle
            # after a noun that a preposition governs; the accused accuses no one
            return None
        if (
            before is not None
            and low.endswith("ing")
            and after_preposition(out, before[0])
            and not WITH_SUBJECT_RE.search(out, max(0, before[0] - 10), before[0])
        ):
            # "Thiel wrote in a statement to Wired explaining why ...": Wired is an object (but
            # "with Trump calling for a ban": the absolute clause's own subject)
            before = None
        if before is not None and low.endswith("ing") and after_comma(sent, cue_start):
            # "Fiorina was upfront about her distaste for Donald Trump, the front-runner, saying
            # ...": a name that is the object of the main clause is not the participle's subject.
            # (nor is a name in an opener before the subject: "Facing criticism from Republicans, Mr. Trump")
            subj = main_subject(sent, cue_start)
            if (
                subj is not None
                and subj[0] != before[0]
                and _other(subj[1], before[1])
                # (but "..., which Mayor Dunn called "a waste," blaming ...": the relative's subject)
                and not OBJECT_RELATIVE_RE.search(out, max(0, before[0] - 12), before[0])
            ):
                before = None
            elif any(before[0] < c < cue_start for c, _e, _w in sent.cues):
                # "The minister, Ivo Petrov, defended the plan, saying ...": the subject of a
                # verb before speaks again; this clause starts at its participle.
                before = (cue_start, before[1], before[2])
    if before is None and out[: strip_aux(out, cue_start)].endswith((",", "—", "–")):
        before = fenced_subject(sent, cue_start)  # ("Voss, up for reelection, also said")
    if before is None and out.endswith(" to ", 0, cue_start):
        # "Reyes stood up to announce ...", "Ruiz spoke up, parting with the chair, to argue ...":
        # an infinitive of purpose is the subject's ("for Ruiz to argue": the name's)
        before = infinitive_subject(sent, cue_start)
    if before and before[1].kind == "np" and before[1].head in MEDIUM_NOUNS:
        # "Cole issued a brief statement saying ...", "a video that said ...": the author speaks
        # ("..., the Civic Union of Oregon, which released a statement saying ...": its antecedent).
        issuer = _WHICH_ISSUED_RE.search(out, max(0, before[0] - 80), before[0])
        named = speaker_before(sent, issuer.start()) if issuer else None
        subj = (named[0], named[1]) if named and named[1].kind == "entity" else main_subject(sent, before[0])
        if subj:
            return Frame(1, cue_start, subj[1], cue, cue_start, cue_end, False, "after")
    if before:
        start, ref, role = before
        as_end = out.rfind("as", 0, start) + 2  # (every match ends with "as" and white space)
        if out[as_end:start].isspace() and _AS_BEFORE_RE.search(out, 0, start) and as_reported_mid(out):
            return None  # "..., as the Herald reported.": layouts.as_reported_frame reads it
        if (
            after_quote(out, start)
            # (`"...," Coyle said, adding: "..."`: the participle's colon opens its own quote; so
            # does another speaker's clause: `"...," Dunn said, and Voss replied: "..."`)
            and (
                not COMPLEMENT_RE.match(rest)
                or _PARTICIPLE_TAIL_RE.match(out, cue_end)
                or _OTHER_CLAUSE_NEXT_RE.match(rest)
            )
            # `under what Hedge called "the old model," the club charged a $100,000 fee`
            and not (low in WEAK_CUES and _THING_OBJECT_RE.match(rest))
        ):
            # `"...," Graziani highlights` / `"...," he told reporters, drawing laughter.`
            # (but `On "Meet the Press," the governor insisted that ...` reports what follows)
            return Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)
        # (an opening phrase alone is no narration: "In Ohio, Ruiz, the front-runner, insisted on ...")
        opener_only = OPENER_ONLY_RE.fullmatch(out, 0, start)
        narration_before = ASCII_LETTER_RE.search(out, 0, start) and not opener_only
        comma_before = _last_char(out, start) == ","
        lead = None
        if not comma_before and ref.kind == "entity":
            lead = _ROLE_LEAD_RE.search(out, max(0, start - 90), start)
        if lead and ends_after(out, cue_end):
            # `..., Trump's longtime confidant Roger Stone stated.`: a role before the name.
            comma_before, start = True, lead.start(1)
        day = _DAY_THEN_COMMA_RE.match(out, cue_end) if comma_before and narration_before else None
        if day and _FENCED_RESUMES_RE.match(out, day.end()) and not ends_after(out, day.end()):
            # "The vote, Keller said Tuesday, was close.": fenced, with the day inside the fence
            return Frame(0, cue_start, ref, cue, start, day.end(), False, "both", role)
        if (
            (
                ends_after(out, cue_end)
                or _PARTICIPLE_TAIL_RE.match(out, cue_end)
                # `..., Kennedy wrote Linick.`: only the one addressed after the cue
                or (low in _ADDRESSED_CUES and _addressee_ends(out, cue_end))
                # `..., KING-TV reported, while in Chicago ...`: a fenced cue, then a clause of its own
                or _NEXT_CLAUSE_RE.match(out, cue_end)
            )
            and narration_before
            and (comma_before or (low not in WEAK_CUES and INSIDE in out[:start]))
        ):
            # `..., Smith said.` / `... "a disgrace" Smith said.` but not "... after Whitaker testified
            # before her committee.": without a comma or a quotation, what comes first is narration.
            return Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)
        if (
            narration_before
            and comma_before
            and _FENCED_RESUMES_RE.match(out, cue_end)
            and low not in STANCE_CUES
            and low not in OBJECT_CUES
            and start <= 100
            # (not "... Ruiz had said so because, she said, the vote ...": a clause of its own)
            # (a cue word after "the" before it is a noun: "The plan, Keller said, would cost more.")
            and all(c[0] >= start or _DET_TAIL_RE.search(out, max(0, c[0] - 6), c[0]) for c in sent.cues)
        ):
            # "The budget, Keller insists, is balanced.": the report runs on both sides of the cue.
            return Frame(0, cue_start, ref, cue, start, cue_end, False, "both", role)
        complement = (
            COMPLEMENT_RE.match(rest)
            or _COMMA_QUOTE_RE.match(rest)
            or ((low in QUESTION_CUES or low in TELLING_CUES) and WH_COMPLEMENT_RE.match(rest))
            or (low in ("asked", "asks") and _ASKED_ABOUT_RE.match(rest))  # "asked Carson about ..."
            or (low in _ASK_FORMS and _ASK_TO_RE.match(rest))
            or (low in CLAUSE_WEAK_CUES and BARE_CLAUSE_RE.match(rest))
            or cue.endswith(" about")
        )
        # (not a learned verb: "Cole issued a statement on Friday." signs no quotation)
        if (
            not narration_before
            and low not in LEARNED_CUES
            and not (low.startswith("call") and CALL_ON_RE.match(rest))  # "called on others to ..."
            and (
                (low not in WEAK_CUES and ends_after(out, cue_end))
                or (noise_only(out[cue_end:]) and not quoted_after(out, cue_end))
                or (not complement and low not in STANCE_CUES and OBJECT_SIGNATURE_RE.match(out, cue_end))
            )
        ):
            return Frame(0, cue_start, ref, cue, start, cue_end, False, "before", role)  # "Blanche asked."
        if narration_before and not complement and ends_after(out, cue_end):
            return None  # "... a day after Whitaker testified before her committee.": nothing reported
        if low in WEAK_CUES and not complement and not weak_cue_reports(low, rest, ref):
            return None
        # A stated position or blame ranks below a verb of saying: "A praised the deal, while B
        # warned that ...": B's warning is the sentence's main report.
        positional = low in STANCE_CUES or low in OBJECT_CUES or low in INFINITIVE_WEAK_CUES
        rank = 2 if positional and not complement else 1
        if low in LEARNED_CUES and not complement:
            if after_preposition(out, start):
                return None  # "support from dock workers compared to ...": an object, not a subject
            rank = 3  # a learned verb ("attacked Fry, calling him ...") yields to any hand-listed one
        if low in QUOTE_FRAME_CUES:
            # Without a quotation ("calls himself a hawk") it ranks below a verb of saying.
            quoted = _QUOTE_SOON_RE.match(rest)
            frame = Frame(
                rank if quoted else max(rank, 2), cue_start, ref, cue, start, cue_end, False, "after", role
            )
            frame.mixed = bool(quoted)
            return frame
        if _WHO_OBJECT_RE.match(out[cue_end:]):
            rank = 3  # "Stoltenberg echoed Blinken who stated ...": the clause is Blinken's
        elif low in PARTICIPLE_CUES:
            rank = max(rank, 2)
        return Frame(rank, cue_start, ref, cue, start, cue_end, False, "after", role)
    return participle_frame(sent, cue_start, cue_end, cue, low, rest)
