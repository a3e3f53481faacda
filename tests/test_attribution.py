"""Attribution: the seed acceptance table, each pattern on its own, and the corpus floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.attribution import corpus
from bot.core.ingest import parse
from bot.core.models import Attribution, Document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_73400efa8faf97c7.txt"
CORPUS = Path(__file__).resolve().parent / "corpus"

GRAZIANI_ROLE = "chairman of Vision & Global Trends at the International Institute for Global Analyses"
JAKOBSEN_ROLE = (
    "political science and international relations professor at the Norwegian University of Science "
    "and Technology"
)
# (sentence begins, speaker, kind, role or None when the table does not give one)
SEED_TABLE = [
    ("In response to Russia's security proposal", "Jens Stoltenberg", "indirect", None),
    ("US Secretary of State Antony Blinken spoke on 23 December", "US State Department", "according", None),
    ("Earlier, on 21 December, the NATO chief said", "Jens Stoltenberg", "mixed", None),
    ("Stoltenberg echoed Blinken who stated in May 2021", "Antony Blinken", "mixed", None),
    ("It is hardly surprising that Blinken and Stoltenberg", "Tiberio Graziani", "according", GRAZIANI_ROLE),
    (
        "This is a case where two different versions of world order collide",
        "Jo Jakobsen",
        "indirect",
        JAKOBSEN_ROLE,
    ),
    ('"NATO is an alliance in crisis', "Tiberio Graziani", "direct", None),
    ('"Stoltenberg essentially reiterates', "Tiberio Graziani", "direct", None),
    ("Disregarding Putin's (and Lavrov's) statements", "Tiberio Graziani", "direct", None),
    ("The problem, however, is that Moscow", "Jo Jakobsen", "mixed", None),
    ('"The price we all pay', "Jo Jakobsen", "direct", None),
    ("International observers have discussed", None, None, None),
]


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse(SEED.read_bytes(), name=SEED.name)


def _find(doc: Document, begins: str) -> Attribution | None:
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.attributions[hits[0]]


@pytest.mark.parametrize(("begins", "speaker", "kind", "role"), SEED_TABLE)
def test_seed_table(
    seed: Document, begins: str, speaker: str | None, kind: str | None, role: str | None
) -> None:
    att = _find(seed, begins)
    if speaker is None:
        assert att is None
        return
    assert att is not None
    assert (att.speaker, att.kind) == (speaker, kind)
    if role is not None:
        assert att.role == role


def test_seed_two_sentence_quote_shares_a_group(seed: Document) -> None:
    first = _find(seed, '"Stoltenberg essentially reiterates')
    second = _find(seed, "Disregarding Putin's")
    assert first and second and first.quote is not None and first.quote == second.quote
    assert _find(seed, '"NATO is an alliance').quote != first.quote


def test_seed_speakers_carry_aliases_and_roles(seed: Document) -> None:
    speakers = {s.name: s for s in seed.speakers}
    stoltenberg = speakers["Jens Stoltenberg"]
    assert {"Stoltenberg", "the NATO chief"} <= set(stoltenberg.aliases)
    assert stoltenberg.role == "NATO secretary-general"
    assert "the academic" in speakers["Jo Jakobsen"].aliases
    assert speakers["Antony Blinken"].role == "US Secretary of State"
    assert speakers["US State Department"].is_person is False
    assert _find(seed, "Earlier, on 21 December").cue == "said"
    assert _find(seed, "This is a case where").cue == "warns"


# --- each pattern on its own -------------------------------------------------------------


def _attributed(body: str) -> tuple[Document, dict[str, Attribution | None]]:
    """Parse a small article and map each sentence's first words to its attribution."""
    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="pattern.txt")
    return doc, {s.text[:30]: a for s, a in zip(doc.sentences, doc.attributions, strict=True)}


def _one(body: str, begins: str) -> Attribution | None:
    doc, _ = _attributed(body)
    return _find(doc, begins)


def test_trailing_cue_after_quote_resolves_surname() -> None:
    body = 'Sen. Maria Lopez opened the hearing.\n\n"We will not back down," Lopez said on Tuesday.'
    att = _one(body, '"We will not back down')
    assert att and (att.speaker, att.kind, att.cue, att.role) == ("Maria Lopez", "direct", "said", "Sen.")
    assert att.content == "We will not back down"


def test_inverted_cue_keeps_the_apposition_as_role() -> None:
    body = '"Prices will keep rising," said Dana Whitfield, an economist at the Urban Institute.'
    att = _one(body, '"Prices')
    assert att and (att.speaker, att.kind) == ("Dana Whitfield", "direct")
    assert att.role == "an economist at the Urban Institute"


def test_subject_cue_that_clause_is_indirect() -> None:
    att = _one("Governor Ann Price claimed that the budget was balanced, citing new figures.", "Governor")
    assert att and (att.speaker, att.kind, att.cue) == ("Ann Price", "indirect", "claimed")
    assert att.content and att.content.startswith("the budget was balanced")


def test_relative_clause_speaker_is_the_antecedent() -> None:
    body = (
        "Mark Hollis, a senator, and Ruth Baker met.\n\n"
        "Hollis echoed Baker who stated in May that the plan had failed."
    )
    assert _one(body, "Hollis echoed").speaker == "Ruth Baker"


def test_according_to_with_apposition_role() -> None:
    att = _one(
        "The deal is likely to collapse, according to Omar Haddad, director of the Center for Trade Studies.",
        "The deal",
    )
    assert att and (att.speaker, att.kind, att.cue) == ("Omar Haddad", "according", "according to")
    assert att.role == "director of the Center for Trade Studies"


def test_mixed_quote_inside_reported_speech() -> None:
    body = 'Paul Grant spoke first.\n\nThe problem is that voters "no longer trust the process," Grant warns.'
    att = _one(body, "The problem")
    assert att and (att.speaker, att.kind, att.cue) == ("Paul Grant", "mixed", "warns")


def test_multi_sentence_quote_named_at_the_end() -> None:
    doc, _ = _attributed('"We are ready. We have always been ready," Mayor Tom Reyes said.')
    first, second = doc.attributions[0], doc.attributions[1]
    assert first and second and first.speaker == second.speaker == "Tom Reyes"
    assert first.kind == second.kind == "direct" and first.quote is not None and first.quote == second.quote


def test_multi_paragraph_quote_and_quote_only_paragraph_continue_the_speaker() -> None:
    body = (
        'Rep. Alice Moreno rose to speak.\n\n"This bill is a disgrace. It hurts families.\n\n'
        '"We will fight it," Moreno said.\n\n"And we will win."\n\nThe vote is on Friday.'
    )
    doc, _ = _attributed(body)
    speakers = [a.speaker if a else None for a in doc.attributions]
    assert speakers == [None, "Alice Moreno", "Alice Moreno", "Alice Moreno", "Alice Moreno", None]


def test_colon_and_dash_attributions_are_direct() -> None:
    assert _one('Jane Ortiz said: "We need more time."', "Jane Ortiz").kind == "direct"
    body = 'The debate went on.\n\n"Every day without a deal costs lives." — Prime Minister Ahmed Nasser'
    att = _one(body, '"Every day')
    assert att and (att.speaker, att.kind) == ("Ahmed Nasser", "direct")


def test_in_a_statement_organisation_is_not_a_person() -> None:
    doc, _ = _attributed("In a statement, Russia's Foreign Ministry said the talks had failed.")
    att = doc.attributions[0]
    assert att and (att.speaker, att.kind) == ("Russia's Foreign Ministry", "indirect")
    assert {s.name: s.is_person for s in doc.speakers}["Russia's Foreign Ministry"] is False
    assert _one("The Kremlin said the sanctions were illegal.", "The Kremlin").speaker == "Kremlin"


def test_the_verb_after_an_opening_medium_is_the_cue() -> None:
    body = (
        "Ana Ruiz chairs the board.\n\n"
        "In a tweet, Ruiz wrote that the pier was safe.\n\n"
        "In an interview, Ruiz was blunt about the pier."
    )
    wrote = _one(body, "In a tweet")
    assert wrote and (wrote.speaker, wrote.cue, wrote.content) == ("Ana Ruiz", "wrote", "the pier was safe.")
    blunt = _one(body, "In an interview")  # no verb of saying: the medium is the cue
    assert blunt and (blunt.speaker, blunt.cue) == ("Ana Ruiz", "in an interview")


def test_pronouns_follow_gender_and_recency() -> None:
    body = (
        "Linda Park met Robert Chen on Monday. She said the talks were useful. "
        "He added that more work remained."
    )
    doc, _ = _attributed(body)
    assert doc.attributions[1].speaker == "Linda Park"
    assert doc.attributions[2].speaker == "Robert Chen"


def test_role_noun_resolves_to_the_titled_person() -> None:
    body = 'Sen. Ellen Marsh (D-Ore.) questioned the nominee.\n\n"That answer is wrong," the senator said.'
    att = _one(body, '"That answer')
    assert att and att.speaker == "Ellen Marsh"
    speaker = {s.name: s for s in _attributed(body)[0].speakers}["Ellen Marsh"]
    assert "the senator" in speaker.aliases and "Marsh" in speaker.aliases


def test_people_sharing_a_surname_stay_apart() -> None:
    body = (
        "Hillary Clinton and Bill Clinton both spoke.\n\nHillary Clinton said the race was close. "
        "Bill Clinton said the party was united. Clinton added that turnout would decide it."
    )
    doc, _ = _attributed(body)
    speakers = [a.speaker for a in doc.attributions if a]
    assert speakers == ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]


def test_narration_passives_and_refusals_are_not_attributed() -> None:
    body = (
        "International observers have discussed the senator's stance. "
        'The so-called "red line" was drawn in 2014. Officials were told that the plan had changed. '
        "The mayor declined to say whether she would run. The Treasury note fell to 4.4%."
    )
    doc, _ = _attributed(body)
    assert doc.attributions == (None,) * len(doc.sentences)


def test_single_quotation_marks_and_tweets() -> None:
    att = _one("'This will save lives,' said Rep. Dana Ruiz, a Texas Democrat.", "'This will")
    assert att and (att.speaker, att.kind) == ("Dana Ruiz", "direct")
    att = _one('Gov. Rick Olsen tweeted that the storm was "the worst in a generation."', "Gov.")
    assert att and (att.speaker, att.kind, att.cue) == ("Rick Olsen", "mixed", "tweeted")


def test_unnamed_and_group_speakers() -> None:
    att = _one('"Nobody gets everything," one senior administration official said.', '"Nobody')
    assert att and att.speaker == "senior administration official"
    assert _one("Economists said the cut came too late.", "Economists").speaker == "Economists"


def test_appositions_after_a_name_are_stepped_over() -> None:
    body = (
        "Carla Jensen, 52, a nurse in Dayton, said the clinic was closing. "
        "Rep. Tom Fields of Ohio, the panel's chairman, questioned whether the money would last. "
        "Mayor Ann Lutz, of Springfield, said the city would help."
    )
    doc, _ = _attributed(body)
    assert [a.speaker if a else None for a in doc.attributions] == ["Carla Jensen", "Tom Fields", "Ann Lutz"]
    assert doc.attributions[0].role == "a nurse in Dayton"


def test_view_verbs_take_a_clause_without_that() -> None:
    att = _one("Senate leaders signaled they would oppose the bill.", "Senate leaders")
    assert att and (att.speaker, att.kind, att.cue) == ("Senate leaders", "indirect", "signaled")
    doc, _ = _attributed(
        "Engineers expect construction to take three years. Officials expected the vote on Friday."
    )
    assert doc.attributions == (None, None)


def test_split_quote_and_gendered_description() -> None:
    body = (
        "Sen. Paul Ridge and his wife, state Rep. Mary Ridge, disagree.\n\n"
        '"We will win," Paul Ridge said, "and we will win big."\n\n'
        "His wife said she would vote no."
    )
    doc, _ = _attributed(body)
    assert doc.attributions[1] and doc.attributions[1].speaker == "Paul Ridge"
    assert doc.attributions[1].kind == "direct"
    assert doc.attributions[2] and doc.attributions[2].speaker == "Mary Ridge"


def test_a_reply_is_not_the_askers_and_groups_are_picked_up_again() -> None:
    body = (
        "Press secretary Jane Cole took questions. One reporter asked if the president would veto the bill. "
        '"We will see," she replied.'
    )
    doc, _ = _attributed(body)
    assert [a.speaker if a else None for a in doc.attributions] == [None, "reporter", "Jane Cole"]
    body = (
        "The plan is under review, according to two U.S. officials. The officials, who spoke on the "
        "condition of anonymity, said no decision had been made. One of them said talks would resume."
    )
    doc, _ = _attributed(body)
    assert {a.speaker for a in doc.attributions if a} == {"two U.S. officials"}


def test_quoted_as_saying_calls_on_and_signatures_with_an_object() -> None:
    att = _one(
        "The state news agency quoted Interior Minister Omar Aziz as saying that the border was calm.",
        "The state",
    )
    assert att and (att.speaker, att.kind) == ("Omar Aziz", "indirect")
    att = _one("The union has called on members to strike.", "The union")
    assert att and att.speaker == "union"
    doc, _ = _attributed('"Why now?"\n\nJudge Ruth Hale asked Dan Pike, the lawyer for the city.')
    assert [a.speaker if a else None for a in doc.attributions] == ["Ruth Hale", "Ruth Hale"]


def test_narration_around_cue_verbs_is_not_attributed() -> None:
    body = "Sen. Jo Ames spoke a day after Director Lee Kim testified before her committee."
    assert _attributed(body)[0].attributions == (None,)


def test_a_description_takes_the_person_just_named() -> None:
    body = (
        "Sen. Carl Dunn and Sen. Rita Vance led the talks. Dunn said a deal was near. "
        'Vance has been blunter. The Ohio Democrat wrote that the talks were "going nowhere."'
    )
    doc, _ = _attributed(body)
    assert doc.attributions[3] and doc.attributions[3].speaker == "Rita Vance"


# --- the annotated corpus ------------------------------------------------------------------

# Floors a little under the figures measured when they were set (see bench/attribution.py);
# a change that loses attributions or starts attributing narration fails here.
FLOORS = {
    "precision": 0.98,
    "recall": 0.97,
    "direct": 0.985,
    "indirect": 0.945,
    "accuracy": 0.98,
    "role": 0.975,
}


def test_corpus_precision_and_recall_stay_above_their_floors() -> None:
    items = corpus.load(CORPUS)
    assert len(items) >= 30
    t = corpus.score(items)
    figures = {
        "precision": t.correct_pred / t.predicted,
        "recall": sum(t.found.values()) / t.gold,
        "direct": t.found["direct"] / t.gold_kinds["direct"],
        "indirect": t.found["indirect"] / t.gold_kinds["indirect"],
        "accuracy": t.both_right / t.both,
        "role": t.roles_right / t.roles,
    }
    below = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[k]}
    assert not below, f"below the floor: {below}\n" + "\n".join(t.errors)
