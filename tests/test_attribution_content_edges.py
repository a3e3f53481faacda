"""What a clause's content holds at its edges: the clause after an opening "according to X,"
is the content, not X's apposition; a closing "that" is a pronoun, not the start of a
that-clause; a cue word glued into a compound ("show-and-tell") reports nothing; a
capitalised contraction ("Don't") is no speaker. Sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses


def _read(body: str, begins: str) -> list[tuple[str | None, str | None, str | None, str]]:
    return [(a.speaker, a.role, a.cue, (a.content or "").strip(" .")) for a in _clauses(body, begins)]


def test_the_clause_after_an_opening_according_to_is_the_content() -> None:
    body = (
        "The vote was close.\n\n"
        "According to the Ledger, the governor skipped the hearing.\n\n"
        "According to Maria Keller, the chair of the panel, the bill failed."
    )
    assert _read(body, "According to the Ledger") == [
        ("Ledger", None, "according to", "the governor skipped the hearing")
    ]
    assert _read(body, "According to Maria") == [
        ("Maria Keller", "the chair of the panel", "according to", "the bill failed")
    ]


def test_a_quotation_before_according_to_is_the_content_and_a_relative_after_is_not() -> None:
    body = (
        "The vote was close.\n\n"
        '"The pier is safe," according to Maria Keller.\n\n'
        "The boats are fine, according to Keller, who toured the pier on Monday."
    )
    assert _read(body, '"The pier') == [("Maria Keller", None, "according to", "The pier is safe")]
    assert _read(body, "The boats") == [("Maria Keller", None, "according to", "The boats are fine")]


def test_a_source_after_a_closing_cue_reports_the_quotation_and_its_saying() -> None:
    body = (
        'Maria Keller runs the port.\n\n"Do not protest on the floor," Keller said, according to the Ledger.'
    )
    assert _read(body, '"Do not') == [
        ("Maria Keller", None, "said", "Do not protest on the floor"),
        ("Ledger", None, "according to", 'Do not protest on the floor," Keller said'),
    ]


def test_a_relative_clause_after_an_opening_source_and_both_and_neither() -> None:
    body = (
        "Maria Keller and Omar Diaz met.\n\n"
        "According to Keller, who spoke to reporters on Monday, the pier is safe.\n\n"
        "Keller and Diaz both said the pier was safe.\n\n"
        "Neither Keller nor Diaz would say whether the pier was safe."
    )
    assert _read(body, "According") == [("Maria Keller", None, "according to", "the pier is safe")]
    assert sorted(a[0] for a in _read(body, "Keller and Diaz")) == ["Maria Keller", "Omar Diaz"]
    assert _read(body, "Neither") == []  # neither said it


def test_a_cue_fenced_mid_sentence_reports_both_sides() -> None:
    body = (
        "Maria Keller is the mayor.\n\n"
        "The budget, Keller insists, is balanced.\n\n"
        "Most of the money, she noted, went to schools, and the rest to roads."
    )
    assert _read(body, "The budget") == [("Maria Keller", None, "insists", "The budget is balanced")]
    [noted] = _read(body, "Most of")
    assert noted[3].startswith("Most of the money went to schools")


def test_a_report_nested_in_a_clause_is_part_of_its_content() -> None:
    body = (
        "Maria Keller and Omar Diaz met.\n\n"
        "Top aides said the march was over.\n\n"
        "Activists say they want a fair count.\n\n"
        'Sen. Maria Keller called the statement "reckless and cruel."\n\n'
        "In a Facebook message on Sunday, Diaz wrote that the count was fair."
    )
    say = _read(body, "Activists")
    assert say[0] == ("Activists", None, "say", "they want a fair count")  # was no content
    assert "aides" not in [a[0] for a in say]  # "they" opening the activists' words are they
    assert _read(body, "Sen. Maria")[0][2:] == ("called", 'the statement "reckless and cruel')
    assert [a[0] for a in _read(body, "In a Facebook")] == ["Omar Diaz"]  # "post" is no verb here
    referring = "Omar Diaz met Maria Keller.\n\nDiaz was referring to Keller's remarks about the pier."
    assert _read(referring, "Diaz was")[0][2:] == ("referring", "to Keller's remarks about the pier")


def test_a_day_inside_a_fenced_or_closing_cue_and_a_relative_clause_reported() -> None:
    body = (
        "Maria Keller is the mayor.\n\n"
        "The vote, Keller said Tuesday, was close.\n\n"
        "The pier is shut, Keller said Tuesday, adding that it cost too much.\n\n"
        "The levy, which Keller said would raise $2 million, was approved."
    )
    assert _read(body, "The vote") == [("Maria Keller", None, "said", "The vote was close")]
    assert _read(body, "The pier") == [
        ("Maria Keller", None, "said", "The pier is shut"),
        ("Maria Keller", None, "adding", "it cost too much"),
    ]
    assert _read(body, "The levy") == [("Maria Keller", None, "said", "would raise $2 million")]


def test_a_that_after_a_second_verb_or_an_infinitive_is_no_lead_in() -> None:
    body = (
        "Maria Keller is the mayor.\n\n"
        "Keller yelled and waved a sign that was soon taken away.\n\n"
        "The council has refused to fine ferries that break the rules.\n\n"
        "Keller said to reporters that the pier was closed."
    )
    assert _read(body, "Keller yelled") == []
    assert _read(body, "The council")[0][3] == "to fine ferries that break the rules"
    assert _read(body, "Keller said")[0][3] == "the pier was closed"


def test_a_closing_that_is_a_pronoun_not_a_lead_in() -> None:
    body = "Tomas Reyes chairs the board.\n\nReyes wants to do that.\n\nReyes said that the vote would wait."
    assert _read(body, "Reyes wants") == [("Tomas Reyes", None, "wants", "to do that")]
    assert _read(body, "Reyes said") == [("Tomas Reyes", None, "said", "the vote would wait")]


def test_a_cue_word_inside_a_hyphenated_compound_reports_nothing() -> None:
    body = (
        "Dahl would compel senior port employees to sign secrecy agreements to forestall "
        "kiss-and-tell accounts."
    )
    assert list(_clauses(body, "Dahl would")) == []


def test_a_capitalised_contraction_is_no_speaker() -> None:
    body = "Nobody on the council wanted a vote.\n\nDon't ask that.\n\nThey’re now planning a second march."
    assert all(a.speaker != "Don't" for a in _clauses(body, "Don't"))
    assert [a.speaker for a in _clauses(body, "They’re")] == []  # no one named, nor "They’re"


def test_a_stance_verb_in_its_base_form_after_a_singular_word_is_a_noun() -> None:
    body = (
        "The strike may erode Dockside support for the mayor.\n\n"
        "The state plan leaves everyone unhappy.\n\n"
        "The senators support the bill."
    )
    assert list(_clauses(body, "The strike")) == []
    assert list(_clauses(body, "The state plan")) == []
    assert [(a.speaker, a.cue) for a in _clauses(body, "The senators")] == [("senators", "support")]


def test_a_finding_and_what_someone_knows_are_reported() -> None:
    body = (
        "After an inquiry, the Transport Ministry found that the ferry operator had skipped inspections.\n\n"
        "Police found the ledger that was missing.\n\n"
        "Harriet Quill knows we must rethink the budget.\n\n"
        "Quill hopes Okafor and other members do not block the plan."
    )
    found = _clauses(body, "After an inquiry")
    assert [(a.speaker, a.cue) for a in found] == [("Transport Ministry", "found")]
    assert list(_clauses(body, "Police found")) == []  # found a thing, reported nothing
    assert [(a.speaker, a.cue) for a in _clauses(body, "Harriet Quill")] == [("Harriet Quill", "knows")]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Quill hopes")] == [("Harriet Quill", "hopes")]


def test_at_least_after_a_cue_is_a_quantity_not_a_closing_adverbial() -> None:
    body = "While the votes were counted, the Ledger reported at least four ferries stayed in port."
    # not a closing cue: what stands before "the Ledger reported" is no report of the Ledger's
    assert all(a.content != "While the votes were counted" for a in _clauses(body, "While the"))


def test_seeing_someone_as_something_states_a_view() -> None:
    body = (
        "Mayor Ines Dahl spoke on Monday.\n\n"
        "Ms. Dahl sees the harbour plan as a waste of money.\n\n"
        "Dahl saw a rise in her standing.\n\n"
        "Voters saw the debate as well as the ads."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Ms. Dahl sees")] == [("Ines Dahl", "sees")]
    assert list(_clauses(body, "Dahl saw")) == []
    assert list(_clauses(body, "Voters saw")) == []


def test_a_speaker_noun_phrase_never_ends_in_an_article_or_preposition() -> None:
    body = '"The docks need dredging," wrote the authors of the "Harbour Review."'
    assert [a.speaker for a in _clauses(body, '"The docks')] == ["authors"]


def test_portraying_or_casting_someone_as_something_states_a_view() -> None:
    body = (
        "Rep. Ivo Brandt spoke on the call.\n\n"
        "Brandt casts the harbour master as a spendthrift who sold off the piers.\n\n"
        "Brandt painted the house in May."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Brandt casts")] == [("Ivo Brandt", "casts")]
    assert list(_clauses(body, "Brandt painted")) == []


def test_calling_someone_something_without_an_article_states_a_view() -> None:
    body = (
        "Senator Ada Kovac spoke in Reno.\n\nKovac called the plan dangerous.\n\n"
        "Kovac called the police department."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac called the plan")] == [("Ada Kovac", "called")]
    assert list(_clauses(body, "Kovac called the police")) == []


def test_a_quotation_closed_by_its_speaker_and_any_one_verb_is_theirs() -> None:
    body = (
        "Brad Okonjo ran the campaign in Ohio.\n\n"
        '"Voters fear the new tolls," he surmised.\n\n'
        '"It was fine," Okonjo shrugged.'
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, '"Voters')] == [("Brad Okonjo", "surmised")]
    assert [(a.speaker, a.cue) for a in _clauses(body, '"It was')] == [("Brad Okonjo", "shrugged")]


def test_any_verb_between_a_quotation_and_its_speaker_after_it_reports() -> None:
    body = (
        "Ana Ruiz spoke first.\n\n"
        '"This is fantastic!" beamed Tom Hale of Dover, who had come to watch.\n\n'
        '"It is over," remembered Lena Voss, the former spokeswoman.\n\n'
        '"Grand Bargain" passed the Senate on Monday.'
    )
    assert [(a.speaker, a.cue, a.content) for a in _clauses(body, '"This')] == [
        ("Tom Hale", "beamed", "This is fantastic!")
    ]
    assert [(a.speaker, a.cue) for a in _clauses(body, '"It is')] == [("Lena Voss", "remembered")]
    assert list(_clauses(body, '"Grand')) == []  # a title that is a subject, no quotation closed by a comma


def test_as_someone_puts_it_in_the_present_reports_what_follows() -> None:
    body = 'As the Ledger\'s Mara Quint puts it, "The council is unmoved."'
    assert [(a.speaker, a.cue) for a in _clauses(body, "As the")] == [("Mara Quint", "puts it")]
    # the speaker may carry an apposition, a quoted title in it
    body = (
        "As Mara Quint, a historian at Dover and author of ''The Harbour Years,'' put it, "
        "''The council is unmoved.''"
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "As Mara")] == [("Mara Quint", "put it")]


def test_a_subject_and_any_one_verb_before_a_closing_quotation_speak_it() -> None:
    body = 'In her first song, Lila Marsh sings, "The harbour lights are mine."'
    assert [(a.speaker, a.cue) for a in _clauses(body, "In her")] == [("Lila Marsh", "sings")]


def test_a_law_or_a_treaty_is_no_speaker() -> None:
    body = (
        "The Harbour Protection Act suggests that dredging will stop.\n\n"
        "The Fourteenth Amendment highlighted it."
    )
    assert list(_clauses(body, "The Harbour")) == []
    assert list(_clauses(body, "The Fourteenth")) == []


def test_a_noun_in_ly_before_the_cue_is_no_adverb() -> None:
    body = "Only the founder of the harbour rally said the fee was unfair."
    assert [a.speaker for a in _clauses(body, "Only the")] == ["founder of the harbour rally"]


def test_a_vow_with_an_infinitive_and_a_cue_after_a_verb_chain_report() -> None:
    body = (
        "Mayor Ines Dahl spoke on Monday.\n\n"
        "And Ms. Dahl vows not to meet the developer until the plan is public.\n\n"
        "Dahl is continuing to argue the contract must be published.\n\n"
        "The vows to the town were read aloud."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "And Ms. Dahl")] == [("Ines Dahl", "vows")]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Dahl is")] == [("Ines Dahl", "argue")]
    assert list(_clauses(body, "The vows")) == []


def test_but_did_before_a_cue_coordinates_with_the_subject() -> None:
    body = (
        "Mayor Ines Dahl spoke on Monday.\n\n"
        "She did not name her rivals but did note that she had won every ward."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "She did")] == [("Ines Dahl", "note")]


def test_calling_someone_their_something_states_a_view() -> None:
    body = "Senator Ada Kovac spoke in Reno.\n\nKovac calls Nevada her home state."
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac calls")] == [("Ada Kovac", "calls")]


def test_idioms_of_stance_report_what_follows() -> None:
    body = (
        "Mayor Ines Dahl spoke on Monday.\n\n"
        "Dahl also took a shot at her rival on the council.\n\n"
        "Dahl made the case that the ferry should run at night.\n\n"
        "The court made the case moot."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Dahl also")] == [("Ines Dahl", "took a shot at")]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Dahl made")] == [("Ines Dahl", "made the case")]
    assert list(_clauses(body, "The court")) == []


def test_more_idioms_of_stance_and_what_they_leave_alone() -> None:
    body = (
        "Senator Ada Kovac spoke in Reno.\n\n"
        "Kovac took issue with the budget.\n\n"
        "Kovac lashed out at the governor.\n\n"
        "The police went after the suspect."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac took")] == [("Ada Kovac", "took issue with")]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac lashed")] == [("Ada Kovac", "lashed out at")]
    assert list(_clauses(body, "The police")) == []


def test_making_clear_and_doubling_down_report_a_stance() -> None:
    body = (
        "Senator Ada Kovac spoke in Reno.\n\n"
        "Kovac made clear that she would block the bill.\n\n"
        "Kovac doubled down on her call for an audit.\n\n"
        "The skies were clear over Reno."
    )
    assert [a.speaker for a in _clauses(body, "Kovac made")] == ["Ada Kovac"]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac doubled")] == [("Ada Kovac", "doubled down on")]
    assert list(_clauses(body, "The skies")) == []


def test_a_speech_used_to_call_for_something_and_a_plea_report_the_speaker() -> None:
    body = (
        "Senator Ada Kovac spoke in Reno.\n\n"
        "Kovac used her keynote speech to call for a new audit.\n\n"
        "Kovac made a plea for the party to unite behind her.\n\n"
        "The results showed the gap."
    )
    assert [a.speaker for a in _clauses(body, "Kovac used")] == ["Ada Kovac"]
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kovac made")] == [("Ada Kovac", "made a plea for")]
    assert list(_clauses(body, "The results")) == []


def test_a_main_clause_after_an_opening_subordinate_report_keeps_its_quotation() -> None:
    # The comma that closes "After X said ..." sits inside the quotation's closing mark.
    body = (
        'After Ilves said that the ferry might do better at "smaller harbours," Brandt said: '
        '"I do not agree with that at all."'
    )
    assert _read(body, "After Ilves") == [
        ("Ilves", None, "said", 'the ferry might do better at "smaller harbours'),
        ("Brandt", None, "said", "I do not agree with that at all"),
    ]


def test_a_closing_inverted_cue_reports_the_whole_clause_before_it() -> None:
    body = (
        "Okafor has a strong field team and support from every union in the county, "
        "said Dana Whitcomb, director of the Civic Trust."
    )
    main = _read(body, "Okafor has")[0]
    assert main == (
        "Dana Whitcomb",
        "director of the Civic Trust",
        "said",
        "Okafor has a strong field team and support from every union in the county",
    )


def test_as_the_paper_reported_before_a_conjunction_reports_what_came_before() -> None:
    body = (
        "Lena Voss met the mayor that day, as the Harbor Gazette reported on Tuesday, "
        "and she will join the panel next month."
    )
    assert _read(body, "Lena Voss met") == [
        ("Harbor Gazette", None, "reported", "Lena Voss met the mayor that day")
    ]


def test_the_clause_after_an_opening_as_reported_by_is_no_apposition() -> None:
    body = (
        "As reported by Eastern Journalism, the pier will close.\n\n"
        "As reported by the Ledger, inspectors found rust on every crane."
    )
    # "Journalism" ends an outlet's name, not a place's ("Eastern Journalism" is no region)
    assert _read(body, "As reported by Eastern") == [
        ("Eastern Journalism", None, "reported", "the pier will close")
    ]
    assert _read(body, "As reported by the") == [
        ("Ledger", None, "reported", "inspectors found rust on every crane")
    ]


def test_a_counted_object_after_a_cue_is_what_was_reported() -> None:
    body = (
        "The Ledger reported at least six cranes failed the inspection.\n\n"
        "The Ledger reported at the hearing."
    )
    assert _read(body, "The Ledger reported at least") == [
        ("Ledger", None, "reported", "at least six cranes failed the inspection")
    ]
    assert _read(body, "The Ledger reported at the") == []  # a place, not a count


def test_a_fenced_adverbial_after_the_cue_comes_before_its_object() -> None:
    body = (
        "Inspector Lena Voss described, in unusually blunt terms, a set of repairs that left the "
        "pier unsafe.\n\n"
        "In Dover, divers searched the harbour, the Ledger reported, while in Hull the crews waited, "
        "the Courier reported."
    )
    assert _read(body, "Inspector Lena") == [
        ("Lena Voss", "Inspector", "described", "a set of repairs that left the pier unsafe")
    ]
    # a clause that opens after the comma is no adverbial to step over
    assert [who for who, *_ in _read(body, "In Dover")] == ["Ledger", "Courier"]


def test_any_aside_after_the_cue_before_a_complementiser_is_skipped() -> None:
    body = (
        "Dana Keller argued, as she had before, that the levy was fair.\n\n"
        "The Ledger reported, based on the count, that Ruiz would win.\n\n"
        "Tom Hale wondered, as I do, why the mayor had so little to say."
    )
    assert _read(body, "Dana Keller") == [("Dana Keller", None, "argued", "the levy was fair")]
    assert _read(body, "The Ledger") == [("Ledger", None, "reported", "Ruiz would win")]
    assert _read(body, "Tom Hale") == [("Tom Hale", None, "wondered", "why the mayor had so little to say")]


def test_a_long_fenced_adverbial_between_subject_and_cue() -> None:
    body = "The Ledger, in a long look at the final weeks of the ferry strike, described a union divided."
    assert _read(body, "The Ledger") == [("Ledger", None, "described", "a union divided")]


def test_a_source_after_a_conjunction_reports_the_clause_it_opens() -> None:
    body = (
        "Mayor Lena Voss spoke on Monday.\n\n"
        "The ferry kept running because, according to Voss, the port would lose its licence if it "
        "stopped.\n\n"
        "According to the Ledger, Voss said the pier would close."
    )
    assert _read(body, "The ferry")[0] == (
        "Lena Voss",
        "Mayor",
        "according to",
        "the port would lose its licence if it stopped",
    )
    # a source's clause holds the cue inside it; that cue keeps its own report
    assert _read(body, "According to") == [
        ("Ledger", None, "according to", "Voss said the pier would close"),
        ("Lena Voss", "Mayor", "said", "the pier would close"),
    ]


def test_an_opening_to_a_person_gives_whose_view_follows() -> None:
    body = (
        "Dana Whitcomb rows every morning.\n\n"
        "To Ms. Whitcomb, the harbour toll is a tax on the poor.\n\n"
        "To Dover, the toll looked like a windfall.\n\n"
        "To date, nobody has paid it."
    )
    assert _read(body, "To Ms.") == [("Dana Whitcomb", None, "to", "the harbour toll is a tax on the poor")]
    assert _read(body, "To Dover") == []  # a place holds no view
    assert _read(body, "To date") == []
    body = (
        "Dana Whitcomb rows every morning.\n\nIn Whitcomb's view, the toll is unfair.\n\nIn Dover, it rained."
    )
    assert _read(body, "In Whitcomb") == [("Dana Whitcomb", None, "view", "the toll is unfair")]
    assert _read(body, "In Dover") == []


def test_a_noun_of_saying_that_is_a_cues_object_is_part_of_its_content() -> None:
    # (a decimal point in the object does not end it before the quotation)
    body = (
        "Mayor Lena Voss spoke on Monday.\n\n"
        'Voss called Acme\'s plans to build a $2.5 million hotel on the pier "a disgrace."'
    )
    found = _read(body, "Voss called")
    assert [(who, cue) for who, _role, cue, _content in found] == [("Lena Voss", "called")]
    assert "Acme's plans to build" in found[0][3]


def test_a_cue_word_after_a_and_a_noun_is_a_noun() -> None:
    body = "Dana Whitcomb runs the port.\n\nWhitcomb's office sent an email blast urging captains to return."
    assert _read(body, "Whitcomb's office") == []


def test_an_infinitive_cue_before_a_quotation_is_the_subjects() -> None:
    body = 'Tomas Reyes stood up in the middle of the meeting to announce, "The ferry is sold."'
    assert _read(body, "Tomas Reyes") == [("Tomas Reyes", None, "announce", "The ferry is sold")]


def test_whoever_a_verb_of_telling_addresses_is_no_part_of_what_was_said() -> None:
    body = (
        "Tom Reid told the Harbor Gazette he had lost everything.\n\n"
        "Jane Fraser told investors on a call that growth would slow.\n\n"
        "Fraser told a crowd in Leeds that the plant would stay.\n\n"
        "Tom Reid told her the pier was safe.\n\n"
        "Reid assured residents their homes were safe."
    )
    assert [c.content for c in _clauses(body, "Tom Reid told the")] == ["he had lost everything."]
    assert [c.content for c in _clauses(body, "Jane Fraser")] == ["growth would slow."]
    assert [c.content for c in _clauses(body, "Fraser told")] == ["the plant would stay."]
    assert [c.content for c in _clauses(body, "Tom Reid told her")] == ["the pier was safe."]
    assert [c.content for c in _clauses(body, "Reid assured")] == ["their homes were safe."]


def test_a_description_between_a_quotation_and_its_named_speaker_is_not_quoted() -> None:
    body = (
        '"We are heartbroken," the couple\'s daughter, Aisha Khan, wrote on Facebook.\n\n'
        '"It was a penalty," the manager insisted after the match.'
    )
    [khan] = _clauses(body, '"We are')
    assert (khan.speaker, khan.role, khan.kind, khan.content) == (
        "Aisha Khan",
        "the couple's daughter",
        "direct",
        "We are heartbroken",
    )
    # A private person the article has described is no manager.
    assert [c.speaker for c in _clauses(body, '"It was')] == ["manager"]


def test_a_dash_that_renames_the_clause_ends_its_content_but_a_pair_of_dashes_does_not() -> None:
    body = (
        "Ruiz told voters she would back a rival to the mayor — a remark Dunn now quotes often.\n\n"
        "Ruiz said the plan — the third this year — would fail."
    )
    assert [c.content for c in _clauses(body, "Ruiz told")] == ["she would back a rival to the mayor"]
    assert [c.content for c in _clauses(body, "Ruiz said")] == [
        "the plan — the third this year — would fail."
    ]


def test_a_speaker_quoted_in_the_passive_by_an_outlet_speaks() -> None:
    body = "Lena Voss runs the port.\n\nVoss was quoted by the Gazette as saying that the pier was unsafe."
    [quoted] = _clauses(body, "Voss was")
    assert (quoted.speaker, quoted.content) == ("Lena Voss", "the pier was unsafe.")


def test_asking_not_to_be_named_is_no_report_and_the_cue_after_it_speaks() -> None:
    body = "One neighbour, who asked not to be named, said the family had lived there for years."
    [said] = _clauses(body, "One neighbour")
    assert (said.speaker, said.cue, said.content) == (
        "neighbour",
        "said",
        "the family had lived there for years.",
    )


def test_a_named_spokesman_s_description_and_a_quotation_resumed_past_where_it_was_said() -> None:
    body = (
        '"We need more time," a spokesman for the board, Ray Dunn, said.\n\n'
        '"Time," Dunn wrote in an email, "is what we need."'
    )
    [said] = _clauses(body, '"We need')
    assert (said.speaker, said.kind, said.content) == ("Ray Dunn", "direct", "We need more time")
    [wrote] = _clauses(body, '"Time,"')
    assert (wrote.kind, wrote.content) == ("direct", "Time is what we need.")
