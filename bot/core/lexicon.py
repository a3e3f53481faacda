"""Small word lists search needs that no stemmer covers: irregular English verbs.

Porter stemming maps "speaks"/"speaking" to "speak" but leaves "spoke" and "spoken"
alone, so "When did Blinken speak..." would miss "Blinken spoke...". Each line is
base, past, participle (alternatives after a slash).
"""

from __future__ import annotations

_IRREGULAR = """
arise arose arisen|awake awoke awoken|be was/were been|bear bore borne/born|beat beat beaten|become became become
begin began begun|bend bent bent|bet bet bet|bid bid bid|bind bound bound|bite bit bitten|bleed bled bled
blow blew blown|break broke broken|breed bred bred|bring brought brought|build built built|burn burnt burnt
buy bought bought|catch caught caught|choose chose chosen|come came come|cost cost cost|creep crept crept
cut cut cut|deal dealt dealt|dig dug dug|do did done|draw drew drawn|dream dreamt dreamt|drink drank drunk
drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt|fight fought fought|find found found
flee fled fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven
freeze froze frozen|get got gotten|give gave given|go went gone|grind ground ground|grow grew grown
hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt
keep kept kept|kneel knelt knelt|know knew known|lay laid laid|lead led led|lean leant leant|leap leapt leapt
learn learnt learnt|leave left left|lend lent lent|let let let|lie lay lain|light lit lit|lose lost lost
make made made|mean meant meant|meet met met|pay paid paid|put put put|quit quit quit|read read read
ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought
sell sold sold|send sent sent|set set set|shake shook shaken|shine shone shone|shoot shot shot|show showed shown
shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|slide slid slid
speak spoke spoken|spend spent spent|spin spun spun|split split split|spread spread spread|spring sprang sprung
stand stood stood|steal stole stolen|stick stuck stuck|sting stung stung|strike struck struck|strive strove striven
swear swore sworn|sweep swept swept|swim swam swum|swing swung swung|take took taken|teach taught taught
tear tore torn|tell told told|think thought thought|throw threw thrown|understand understood understood
undertake undertook undertaken|wake woke woken|wear wore worn|weave wove woven|weep wept wept|win won won
wind wound wound|withdraw withdrew withdrawn|write wrote written|overcome overcame overcome|uphold upheld upheld
"""


def _build() -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {}
    for entry in _IRREGULAR.replace("\n", "|").split("|"):
        words = [w for part in entry.split() for w in part.split("/")]
        if not words:
            continue
        group = tuple(dict.fromkeys(words))
        for word in group:
            # A word shared by two verbs ("lay", "found", "left") keeps its first group.
            forms.setdefault(word, group)
    return forms


VERB_FORMS: dict[str, tuple[str, ...]] = _build()


def verb_forms(word: str) -> tuple[str, ...]:
    """Every form of an irregular verb given any one of them; () for other words."""
    return VERB_FORMS.get(word.lower(), ())
