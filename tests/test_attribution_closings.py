"""How a report closes: the one addressed and an adverbial after the cue, a participle that
quotes, a line signing the quotation above it, a misprinted closing quote mark; each on
sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses


def _read(body: str, begins: str) -> list[tuple[str | None, str | None, str]]:
    return [(a.speaker, a.cue, (a.content or "").strip(' ."')) for a in _clauses(body, begins)]


def test_what_comes_before_told_and_its_addressee_is_the_report() -> None:
    body = (
        "Nora Keller leads the committee.\n\n"
        "The bill will pass, Keller told CNN on Monday.\n\n"
        "The vote will be close, Keller told the Post, adding that two members were undecided."
    )
    assert _read(body, "The bill") == [("Nora Keller", "told", "The bill will pass")]
    assert _read(body, "The vote") == [
        ("Nora Keller", "told", "The vote will be close"),
        ("Nora Keller", "adding", "two members were undecided"),
    ]


def test_a_participle_that_quotes_leaves_the_report_before_the_cue_its_own() -> None:
    body = 'Omar Haddad chairs the board.\n\nThe plan is sound, Haddad said, adding, "It will pass by June."'
    assert _read(body, "The plan") == [
        ("Omar Haddad", "said", "The plan is sound"),
        ("Omar Haddad", "adding", "It will pass by June"),
    ]


def test_a_signing_line_with_a_glued_dash_or_a_town_names_the_speaker() -> None:
    body = (
        "Voters lined up before dawn.\n\n"
        '"We have waited four years for this."\n\n'
        "-Alma Ruiz, Tucson.\n\n"
        '"Nobody asked us what we wanted."\n\n'
        "— Dale Price, Flagstaff."
    )
    assert [a.speaker for a in _clauses(body, '"We have')] == ["Alma Ruiz"]
    assert [a.speaker for a in _clauses(body, '"Nobody asked')] == ["Dale Price"]


def test_a_day_after_the_cue_then_a_clause_is_no_closing_adverbial() -> None:
    body = (
        "Ana Ruiz runs the ferry line.\n\n"
        "Ruiz said Monday she would run again.\n\n"
        "Ruiz said Tuesday the fares would rise.\n\n"
        '"We will win," Ruiz said Monday.'
    )
    assert _read(body, "Ruiz said Monday") == [("Ana Ruiz", "said", "she would run again")]
    assert _read(body, "Ruiz said Tuesday") == [("Ana Ruiz", "said", "the fares would rise")]
    assert _read(body, '"We will win') == [("Ana Ruiz", "said", "We will win")]


def test_speaking_on_condition_of_anonymity_is_no_topic() -> None:
    body = (
        "Tom Keller is the mayor.\n\n"
        "Keller, who spoke on condition of anonymity because he was not cleared, said the pier was shut."
    )
    assert _read(body, "Keller, who") == [("Tom Keller", "said", "the pier was shut")]


def test_a_reply_with_its_own_quotation_signs_nothing_before_it() -> None:
    body = (
        "Tom Keller met the radio host Hugh Hewitt.\n\n"
        '"You said the mayor founded it. I know what you meant," Hewitt said. "You meant he helped it."\n\n'
        'Keller replied: "No, I meant he founded it."'
    )
    assert _read(body, '"You meant') == [("Hugh Hewitt", None, "You meant he helped it")]
    assert _read(body, "Keller replied") == [("Tom Keller", "replied", "No, I meant he founded it")]


def test_a_lone_quotation_after_a_sentence_about_someone_is_theirs() -> None:
    body = (
        "Tom Keller is the mayor. Ana Ruiz builds piers.\n\n"
        'Keller was blunt. "It is a disaster."\n\n'
        'Keller\'s plan failed. "It is a disaster."'
    )
    doc_quotes = [a for a in _clauses(body, "Keller was") if a.kind == "direct"]
    assert not doc_quotes  # the narration itself reports nothing
    first = _quote_after(body, "Keller was blunt")
    assert first == [("Tom Keller", None, "It is a disaster")]
    assert _quote_after(body, "Keller's plan") == []  # a possessive names no speaker
    pronoun = 'Tom Keller is the mayor. Ana Ruiz builds piers.\n\nShe laughed. "We will see."'
    assert _quote_after(pronoun, "She laughed") == [("Ana Ruiz", None, "We will see")]
    opener = 'Ana Ruiz builds piers.\n\nAsked about the levy, Ruiz shrugged. "We will see."'
    assert _quote_after(opener, "Asked about") == [("Ana Ruiz", None, "We will see")]
    council = 'Ana Ruiz builds piers.\n\nAfter the vote in Dover, the council left. "We will see."'
    assert _quote_after(council, "After the vote") == []  # no person opens the clause


def _quote_after(body: str, narration: str) -> list[tuple[str | None, str | None, str]]:
    """The attributions of the quotation that follows the sentence `narration` opens."""
    from bot.core.ingest import parse

    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")
    at = next(i for i, s in enumerate(doc.sentences) if s.text.startswith(narration))
    return [(a.speaker, a.cue, (a.content or "").strip(' ."')) for a in doc.clauses[at + 1]]


def test_a_show_quoted_after_the_cue_is_no_content() -> None:
    body = 'Tom Keller spoke.\n\n"I expect to be vetted," he said on "Meet the Press."'
    assert _read(body, '"I expect') == [("Tom Keller", "said", "I expect to be vetted")]
    # but a quoted verb after "to" is an infinitive, the cue's content
    body = 'Ellen Roth runs the firm.\n\nShe claimed to "step back."'
    assert _read(body, "She claimed") == [("Ellen Roth", "claimed", 'to "step back')]


def test_an_i_outside_quotations_is_the_bylines_author_and_nobody_without_one() -> None:
    from bot.core.ingest import parse

    column = "I believe the pier must close.\n\nI told the council that the pier was unsafe."
    signed = parse(b"The pier must go\n\nBy Tom Keller\n\n" + column.encode(), name="column.txt")
    assert [(c[0].speaker, c[0].content) for c in signed.clauses] == [
        ("Tom Keller", "the pier must close."),
        ("Tom Keller", "the pier was unsafe."),  # (not "the council that ...")
    ]
    assert "Tom Keller" in [s.name for s in signed.speakers]
    met = parse(
        b'Pier\n\nBy Tom Keller\n\nI believe it.\n\nI met the harbour master. "It is safe," he said.',
        name="c.txt",
    )
    assert all(a.speaker != "Tom Keller" for a in met.clauses[-1])  # "he" is never the author himself
    unsigned = parse(b"The pier must go\n\n" + column.encode(), name="column.txt")
    assert unsigned.clauses == ((), ())


def test_that_night_after_the_cue_is_no_clause() -> None:
    body = 'Tom Keller spoke.\n\n"We won the harbour back," he said at the dock that night.'
    assert _read(body, '"We won') == [("Tom Keller", "said", "We won the harbour back")]


def test_a_stance_after_a_quotation_does_not_sign_it() -> None:
    body = (
        "Tom Keller met Ana Ruiz.\n\n"
        '"The tide turned," Keller said.\n\n'
        '"After Iowa nothing was the same."\n\n'
        "Ruiz agreed with the analysis."
    )
    assert [a.speaker for a in _clauses(body, '"After Iowa')] == ["Tom Keller"]  # not Ruiz


def test_an_embedded_posts_signature_names_its_author() -> None:
    body = (
        "Ana Ruiz runs the ferry line.\n\n"
        "The pier must close now. pic.twitter.com/x1 — Ana Ruiz (@aruiz) May 5, 2016\n\n"
        "The pier — a wreck — must close."
    )
    assert _read(body, "The pier must") == [("Ana Ruiz", None, "The pier must close now. pic.twitter.com/x1")]
    assert not _clauses(body, "The pier — a wreck")


def test_an_opening_mark_misprinted_at_a_quotations_end_closes_it() -> None:
    body = (
        "The council met on Tuesday.\n\n"
        "\u201cThe budget is the real problem here,\u201c said Jim Ortega, a council member from the east "
        "side."
    )
    assert _read(body, "\u201cThe budget") == [("Jim Ortega", "said", "The budget is the real problem here")]


def test_a_closing_mark_misprinted_to_open_a_quotation_opens_it() -> None:
    # (a mark of text direction, invisible, often stands before it in pasted posts)
    body = (
        "Readers wrote in all week.\n\n"
        "\u202a\u201dThe ferry is late every single morning!!\u201d posted Dana Whitcomb."
    )
    assert _read(body, "\u201dThe ferry") == [
        ("Dana Whitcomb", "posted", "The ferry is late every single morning!!")
    ]


def test_adding_before_a_quotation_carries_on_the_speaker_before() -> None:
    body = (
        "Bill Maher spoke on the show.\n\n"
        '"They got used to fooling people," Maher said.\n\n'
        'Adding, "Now, like all port scandals, it is never that bad."\n\n'
        'Also, "the levy is fine."'
    )
    assert _read(body, "Adding") == [
        ("Bill Maher", None, "Now, like all port scandals, it is never that bad")
    ]
    assert _read(body, "Also") == []  # only a participle of saying carries the quotation on


def test_a_user_or_reader_is_a_role_and_doubled_apostrophes_quote() -> None:
    body = (
        "The attacks shook the city.\n\n"
        "''We are worried,'' said another Twitter user, Lena Voss. "
        "''The storms are coming ever nearer.''\n\n"
        '"It is over," wrote one reader.'
    )
    assert _read(body, "''We are") == [("Lena Voss", "said", "We are worried")]
    [closer] = _clauses(body, "''The storms")
    assert (closer.speaker, closer.content) == ("Lena Voss", "The storms are coming ever nearer.")
    assert [a.speaker for a in _clauses(body, '"It is over')] == ["reader"]


def test_quoted_words_with_a_little_narration_go_on_with_the_speaker_before() -> None:
    body = (
        "The race tightened.\n\n"
        '"The ferry is finished," said Tom Hale, a strategist. '
        'Unless the council acts soon, "it will never sail again from this pier." '
        'The council then voted to approve the new "harbor plan" for the port after a long debate.\n\n'
        '"We were not happy," said Lena Voss. Ruiz "kind of misspoke."'
    )
    [unless] = _clauses(body, "Unless the council")
    assert (unless.speaker, unless.kind) == ("Tom Hale", "mixed")
    assert _clauses(body, "The council then") == ()  # mostly narration: a scare quote
    assert [a.speaker for a in _clauses(body, "Ruiz")] != ["Lena Voss"]  # a subject of its own


def test_a_cue_and_colon_closing_a_paragraph_introduce_the_next_one() -> None:
    body = (
        "Ana Voss had little praise for Hale. In a talk last spring, she said:\n\n"
        "Make no mistake, the plan would ruin the port. It must be dropped.\n\n"
        "The vote came later.\n\n"
        "Here is where they stand:\n\n"
        "The budget, the pier and the ferry."
    )
    assert [a.speaker for a in _clauses(body, "Make no mistake")] == ["Ana Voss"]
    assert [a.speaker for a in _clauses(body, "It must be")] == ["Ana Voss"]
    assert _clauses(body, "The vote came") == ()  # the next paragraph's sentences only
    assert _clauses(body, "The budget, the pier") == ()  # no speaker before the colon
    [said] = _clauses(body, "In a talk")
    assert (said.speaker, said.content) == ("Ana Voss", None)  # "In a talk last spring" is no content


def test_a_stance_before_a_second_cue_of_the_same_subject_keeps_its_object() -> None:
    body = (
        "Tom Hale spoke.\n\n"
        "He endorsed Ruiz, but told the Gazette late Friday that Cole would carry the port.\n\n"
        "Hale called for new money to mend the old pier:\n\n"
        "Watch a video of Hale's remarks below:"
    )
    assert sorted(_read(body, "He endorsed")) == [
        ("Tom Hale", "endorsed", "Ruiz"),
        ("Tom Hale", "told", "the Gazette late Friday that Cole would carry the port"),
    ]
    assert _read(body, "Hale called") == [("Tom Hale", "called", "for new money to mend the old pier")]
    assert _read(body, "Watch a video") == [("Tom Hale", "remarks", "")]  # "below:" is a lead-in, no content


def test_a_reply_after_an_opening_subordinate_clause_and_an_addressee_with_a_bare_clause() -> None:
    body = (
        "Tom Ward and Ed Lyle spoke.\n\n"
        'When Ward suggested that the port would sue, Lyle fired back: "If they sue us, they lose."\n\n'
        "At the rally, Lyle assures the crowd he will cut the toll."
    )
    assert _read(body, "When Ward") == [
        ("Tom Ward", "suggested", "the port would sue"),
        ("Ed Lyle", "fired", "If they sue us, they lose"),
    ]
    assert _read(body, "At the rally") == [("Ed Lyle", "assures", "he will cut the toll")]


def test_a_verb_with_it_before_a_colon_is_the_whole_cue() -> None:
    body = 'Tom Hale ran the port.\n\nAs Hale put it: "We lost the harbor."'
    assert _read(body, "As Hale") == [("Tom Hale", "put it", "We lost the harbor")]
