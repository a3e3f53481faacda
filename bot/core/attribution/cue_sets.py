# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Classes of cue words by the frames they take: noun-like forms, reporting participles,
question and telling verbs, and weak cues with an object or a bare clause (read by frames.py)."""

from __future__ import annotations

import re

from .lexicon import WEEKDAYS

# A day a report is dated by ("said Monday", "told CNN yesterday").
DAY = rf"(?:(?:{WEEKDAYS})(?:\s+(?:night|morning|afternoon|evening))?|yesterday|today|tonight|last\s+night)"

# Cue forms that are just as often nouns ("a post", "the Treasury note", "familiar claims"):
# they count only with a clause, a colon or a quote after them, or right after a quote.
NOUN_LIKE_CUES = frozenset(
    """note notes post posts report reports claim claims comment comments tweet tweets state states
    counter counters echo echoes vow vows pledge pledges charge charges stress answer answers reply
    estimate estimates doubt doubts fear fears hope hopes promise promises demand demands signal
    signals caution warning""".split()
)

REPORTING_PARTICIPLES = frozenset(
    """
    saying adding noting arguing warning insisting claiming stating explaining writing declaring
    asserting contending acknowledging stressing telling tweeting posting urging emphasizing
    emphasising accusing announcing promising vowing pledging describing criticizing criticising
    asking suggesting questioning mentioning recalling predicting threatening demanding blaming
    """.split()
)

# Weak cues that report a view even without "that" ("She expects two more cuts").
BARE_WEAK_CUES = frozenset(
    """
    believe believes believed think thinks thought expect expects expected predict predicts
    predicted estimate estimates estimated doubt doubts doubted fear fears feared
    """.split()
)

# Weak cues whose noun-phrase object is the content (an accusation, a demand, a doubt).
OBJECT_CUES = frozenset(
    """question questions questioned blame blames blamed fault faults faulted demand demanded
    repeat repeats repeated dispute disputes disputed recall recalls recalled describe describes
    described mention mentions mentioned report reports reported voiced point points pointed
    criticize criticizes criticized criticise criticises criticised praise praises praised denounce
    denounces denounced condemn condemns condemned slam slams slammed blast blasts blasted hail hails
    hailed decry decries decried deplore deplores deplored lambast lambaste lambastes lambasted
    assail assails assailed excoriate excoriates excoriated castigate castigates castigated
    chastise chastises chastised berate berates berated deride derides derided laud lauds
    lauded""".split()
)

# Question verbs take an embedded question ("asked how many agents", "questioned whether").
QUESTION_CUES = frozenset(
    """ask asks asked asking question questions questioned questioning wonder wonders wondered
    wondering inquire inquires inquired inquiring""".split()
)

# Verbs of telling that take a "how"/"why" account ("recalled how ...", "explained why ...").
TELLING_CUES = frozenset(
    """recall recalls recalled recalling explain explains explained explaining recount recounts recounted
    recounting describe describes described describing detail details detailed detailing""".split()
)

# Weak cues that state a plan or a commitment with an infinitive ("hopes to win", "agreed to
# pay"); not "expected to", which is mostly a passive forecast about the subject.
INFINITIVE_WEAK_CUES = frozenset(
    """hope hopes hoped hoping agree agrees agreed agreeing intend intends intended intending""".split()
)

# Weak cues whose object may be such a bare clause (a stated view or forecast).
CLAUSE_WEAK_CUES = frozenset(
    """
    signal signals signaled signalled signaling signalling indicate indicates indicated believe believes
    believed think thinks thought expect expects expected fear fears feared worry worries worried hope
    hopes hoped doubt doubts doubted recall recalls recalled estimate estimates estimated suggest
    suggests suggested predict predicts predicted conclude concludes concluded agree agrees agreed
    feel feels felt forecast forecasts forecasted suspect suspects suspected anticipate anticipates
    anticipated hint hints hinted imply implies implied assure assures assured reassure reassured
    remind reminds reminded inform informs informed joke jokes joked speculate speculated
    know knows knew reckon reckons reckoned surmise surmises surmised
    hoping believing thinking expecting fearing predicting suggesting indicating doubting
    """.split()
)


# "told the council that ...", "assured voters that ...": the one addressed is no part of what was said.
TELLING_FORMS = frozenset(
    """told tells tell telling informed informs assured assures reassured reassures reminded reminds
    warned warns promised promises""".split()  # noqa: SIM905
)
ADDRESSEE_THAT_RE = re.compile(
    # whom: a pronoun, a plural noun ("investors"), a described group or a name ("the BBC")
    r"\s+(?:him|her|them|us|me|you|[a-z]{3,}s|(?:the|his|her|their|its|our|my|your|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?"
    r"|(?:the\s+)?[A-Z][\w.’'-]*['’]s(?:\s+[A-Z][\w.’'-]*){0,2}\s+[a-z]{3,}"  # "the BBC's Today programme"
    r"|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    # when or where ("on Monday", "last week", "on a call", "in an interview")
    r"(?:\s+(?:on\s+)?" + DAY + r"|\s+(?:last|this|earlier\s+this)\s+(?:week|month|year)"
    r"|\s+(?:on|in|at|during|over)\s+(?:a|an|the)\s+[a-z-]+"
    r"|\s+(?:afterwards|afterward|later|earlier|privately|again|repeatedly)"
    r"|\s+(?:in|at)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?"
    r"\s+(?:that\s+|(?=(?:he|she|they|it|we|I)\s+[a-z])"
    # (or a bare clause with a noun for its subject: "told her the pier was safe")
    # (or a name: "told reporters Hale was wrong", "told MPs the Prime Minister had ...")
    r"|(?=(?:(?:the|a|an|his|their|its)\s+[a-z-]+(?:\s+[a-z-]+)?|[a-z]{3,}s"
    r"|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})"
    r"\s+(?:was|is|were|are|would|will|had|has|could|should|must|might|can|did|does|[a-z]{3,}(?:ed|es)"
    r"|[a-z]{2,}[^s\W]s)\b))"
)


# Verbs of saying in a finite form: after a subject and its relative clause they report
# ("Lawyers who represent the family said"); after a subject they hold the infinitive that
# follows them in their reported clause ("said it was too soon to know").
SAYING_FORMS = frozenset(
    "said says told tells wrote writes added adds argued argues insisted insists claimed claims stated "
    "states explained explains noted notes warned warns say tell write argue insist claim explain "
    "warn".split()
)
