"""Who a clause belongs to when a name carries a nickname, when "and" opens a second clause
with its own subject, and when a relative clause after the speaker's name has no closing
comma; each on sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses


def _read(body: str, begins: str) -> list[tuple[str | None, str | None]]:
    return [(a.speaker, a.cue) for a in _clauses(body, begins)]


def test_a_nickname_in_quotes_is_part_of_the_name_not_a_quotation() -> None:
    body = (
        'Marchers carried photos. Luis "Tito" Arvelo of Fresno held one of them.\n\n'
        '"I cried the whole way," he said.\n\n'
        'Arvelo called the march "a promise kept."'
    )
    assert _read(body, '"I cried') == [("Luis Arvelo", "said")]
    assert _read(body, "Arvelo called") == [("Luis Arvelo", "called")]


def test_a_quoted_word_that_is_no_nickname_stays_a_quotation() -> None:
    body = 'Greta Lind spoke first.\n\nLind called the plan "Fair" and urged a vote, aides said.'
    read = _clauses(body, "Lind called")
    assert ("Greta Lind", "called") in [(a.speaker, a.cue) for a in read]
    assert any("Fair" in (a.content or "") for a in read)


def test_and_without_a_comma_opens_a_clause_with_its_own_subject() -> None:
    body = (
        "Mr. Okafor has courted farmers and Ms. Brandt has courted unions and vowed to raise wages.\n\n"
        "Mr. Okafor praised the deal and said it was fair."
    )
    assert _read(body, "Mr. Okafor has") == [("Brandt", "vowed")]
    assert _read(body, "Mr. Okafor praised") == [("Okafor", "said"), ("Okafor", "praised")]


def test_an_unclosed_relative_after_the_name_leaves_the_name_the_speaker() -> None:
    body = (
        '"The levy is a mistake," Dana Whitcomb, who is chairman of the Civic Trust Fund said in a '
        "statement.\n\n"
        "Senator Abel Morrow, who was slow to back the levy, spoke last."
    )
    assert _read(body, '"The levy') == [("Dana Whitcomb", "said")]
    # the relative's own verb ("reluctant to endorse") reports nothing of Morrow's
    assert _read(body, "Senator Abel") == []


def test_a_surname_that_opens_with_a_particle_keeps_it() -> None:
    body = (
        "Odile Le Garrec leads the party.\n\n"
        '"We will win," said Le Garrec, who has drawn notice for her combative remarks.\n\n'
        "Ms. Le Garrec said the vote was close.\n\n"
        "Mayor De Vitto said the city would wait."
    )
    assert _read(body, '"We will') == [("Odile Le Garrec", "said")]  # not "her ... remarks"
    assert _read(body, "Ms. Le") == [("Odile Le Garrec", "said")]
    assert _read(body, "Mayor De") == [("De Vitto", "said")]


def test_a_clause_between_commas_is_no_apposition_before_an_inverted_cue() -> None:
    body = (
        "As tolls rise for voters, officials have fewer ways to fill the ferries, "
        "said Hal Brenner, a shipping analyst in Duluth."
    )
    assert _read(body, "As tolls") == [("Hal Brenner", "said")]


def test_an_unclosed_role_apposition_leaves_the_name_the_speaker() -> None:
    body = 'Marta Ilves, president and CEO of the Harbour Trade Association stated, "It is a math problem."'
    read = _clauses(body, "Marta Ilves")
    assert [(a.speaker, a.role, a.cue) for a in read] == [
        ("Marta Ilves", "president and CEO of the Harbour Trade Association", "stated")
    ]


def test_a_name_restating_the_opener_leaves_the_pronoun_after_it_the_subject() -> None:
    body = (
        "Rhea Vance gave early.\n\n"
        "With her brother, Milo Vance, a banker, she has funded several clubs, but plans "
        "to back only one next season."
    )
    assert _read(body, "With her") == [("Rhea Vance", "plans")]


def test_a_name_before_an_apposition_without_commas_speaks() -> None:
    body = "Lena Voss runs the yard.\n\nVoss the businesswoman says that the deal is bad."
    read = _clauses(body, "Voss the")
    assert [(a.speaker, a.role, a.cue) for a in read] == [("Lena Voss", "the businesswoman", "says")]


def test_a_surname_in_ing_opening_the_sentence_before_a_cue_is_a_name() -> None:
    body = (
        "Dora Kipling was fired on Tuesday.\n\n"
        'Kipling describes herself on her website as a "pro-growth conservative who wants to help."'
    )
    assert _read(body, "Kipling describes") == [("Dora Kipling", "describes")]


def test_a_bare_surname_far_from_a_relative_named_once_is_the_article_s_main_person() -> None:
    body = "\n\n".join(
        [
            "Carla Fenwick ran the company for six years.",
            "Fenwick said the merger would save money.",
            "Fenwick told the board she would stay.",
            "Her husband, Frank Fenwick, a retired engineer, sat in the front row.",
            "The vote came late in the evening.",
            "Ruth Ames and Omar Haddad of Kellner Bank had doubted the plan.",
            "Lars Berg of Nordic Capital and Ines Dahl of Tern Partners agreed with them.",
            "Paulo Reis, Mina Sato and Dev Patel voted against it.",
            "Ames, Haddad and Berg left before the end.",
            "Sato and Reis stayed, as did Patel and Dahl.",
            '"The merger was the best option for us," Fenwick said.',
        ]
    )
    assert _read(body, '"The merger') == [("Carla Fenwick", "said")]
    # right after the husband is named in full, the bare surname is still his
    near = body.replace("The vote came late in the evening.", "Fenwick said he was proud of her.")
    assert _read(near, "Fenwick said he") == [("Frank Fenwick", "said")]


def test_will_before_a_tensed_verb_is_a_surname_not_the_modal() -> None:
    body = (
        "The columnist Edward Will wrote about the race, and Mr. Okafor spoke in Iowa.\n\n"
        "While Will acknowledges Mr. Okafor's appeal, he sees the senator as the steadier hand."
    )
    # (his concession and his view are one report of his: "acknowledges ..., he sees ...")
    assert {who for who, _cue in _read(body, "While Will")} == {"Edward Will"}
    assert [m for m in _read("Will they vote?\n\nNobody knows.", "Will they")] == []


def test_a_headline_cue_after_a_colon_is_said_by_the_name_before_it() -> None:
    body = (
        "Keller Wades In: Urges Voters To Reject The Harbour Bond.\n\n"
        "Mayor Nora Keller spoke on Monday at the town hall."
    )
    assert _read(body, "Keller Wades") == [("Nora Keller", "urges")]


def test_a_name_that_a_participle_governs_is_no_speaker() -> None:
    body = "Sen. Ada Kovac campaigned in Ohio.\n\nA lawyer representing Ms. Kovac said the suit was baseless."
    assert _read(body, "A lawyer") == [("lawyer", "said")]


def test_who_released_a_statement_in_a_relative_clause_speaks_through_it() -> None:
    body = (
        "The case drew First Amendment activists, including the Civic Rights Union of Oregon, which "
        "released a statement saying the ruling was wrong."
    )
    assert _read(body, "The case") == [("Civic Rights Union of Oregon", "saying")]


def test_a_title_case_headline_s_infinitive_ends_the_name() -> None:
    body = (
        "Keller Administration To Widen Ferry Service To Add Night Crossings.\n\n"
        "DULUTH ― The Keller administration announced on Tuesday that it would widen the service."
    )
    assert _read(body, "DULUTH") == [("Keller Administration", "announced")]


def test_a_shouted_headline_glued_to_a_sentence_is_no_name() -> None:
    body = "ROWING TEAM DECLINES TO ENTER HARBOUR REGATTA The team cited rough water and broken oars."
    assert all("REGATTA" not in (a.speaker or "") for a in _clauses(body, "ROWING"))


def test_a_fenced_cue_after_will_the_columnist_and_after_x_and_others() -> None:
    body = (
        "The columnist Edward Will wrote about the race.\n\n"
        "In particular, Will wrote, the senator can challenge the governor.\n\n"
        "The contrast, said Okafor and others, would be clear."
    )
    assert _read(body, "In particular") == [("Edward Will", "wrote")]
    assert _read(body, "The contrast") == [("Okafor", "said")]


def test_a_report_resumes_with_a_phrase_after_the_inverted_cue() -> None:
    body = "The club has a loyal following, said Ms. Ruiz, with hikes, chess nights and cooking classes."
    read = _clauses(body, "The club")
    assert [(a.speaker, a.cue) for a in read] == [("Ruiz", "said")]
    assert "chess nights" in (read[0].content or "")


def test_a_headline_closed_by_a_name_and_its_cue_reports_what_comes_before() -> None:
    body = (
        "The Harbour Plan Is The Worst Deal Ever Signed, Lena Voss Says.\n\n"
        "Lena Voss chairs the dock workers' union."
    )
    assert _read(body, "The Harbour") == [("Lena Voss", "says")]


def test_two_named_subjects_of_one_cue_both_said_it() -> None:
    body = (
        "Rep. Ana Ruiz and state Senate leader Tom Hale have said in public that they want the seat.\n\n"
        "Sens. Mara Quint of Ohio and Lena Voss of Utah, both facing voters in November, also said "
        "they would campaign.\n\n"
        "Greta Lind attacked Okafor and Brandt said the attack was unfair.\n\n"
        "Tomas and Dana Reyes said they had sold the boat."
    )
    # The subject the cue follows leads; the first of the two follows it.
    assert _read(body, "Rep. Ana") == [("Tom Hale", "said"), ("Ana Ruiz", "said")]
    assert _read(body, "Sens. Mara") == [("Lena Voss", "said"), ("Mara Quint", "said")]
    # An object is no subject; a first name sharing the surname is no second speaker.
    assert ("Okafor", "said") not in _read(body, "Greta Lind")
    assert _read(body, "Tomas and") == [("Dana Reyes", "said")]


def test_an_adverb_between_a_fenced_aside_and_the_cue_keeps_the_subject() -> None:
    body = "Lena Voss, up for reelection in the fall, also said the ferry would run all winter."
    assert _read(body, "Lena Voss") == [("Lena Voss", "said")]


def test_a_name_glued_to_an_adjective_half_is_no_speaker() -> None:
    body = (
        "Ida Brunn met the council.\n\n"
        'Brunn offered a Keller-style retort on the harbour plan, calling it "a toll on the poor."\n\n'
        "Ferry-based Tomas Reyes said the toll would pass."
    )
    assert [who for who, _cue in _read(body, "Brunn offered")] == ["Ida Brunn", "Ida Brunn"]
    assert _read(body, "Ferry-based") == [("Tomas Reyes", "said")]


def test_the_object_of_a_causative_verb_says_what_its_infinitive_reports() -> None:
    body = (
        "The vote came late.\n\n"
        "The delay prompted councillor Dana Whitcomb to accuse the board of hiding the costs.\n\n"
        "The board asked Tomas Reyes to announce the result."
    )
    assert _read(body, "The delay") == [("Dana Whitcomb", "accuse")]
    assert ("Tomas Reyes", "announce") not in _read(body, "The board")  # asked to: not said yet


def test_the_people_an_apposition_lists_speak_instead_of_the_noun_phrase() -> None:
    body = (
        "The harbour race is close.\n\n"
        "The two candidates, Ana Ruiz and Senator Tom Hale, have vowed to rebuild the old pier."
    )
    found = _clauses(body, "The two")
    assert [(a.speaker, a.role) for a in found] == [("Ana Ruiz", None), ("Tom Hale", "Senator")]


def test_a_participle_after_an_opening_and_although_clause_is_the_main_subjects() -> None:
    body = (
        "Tom Reyes spoke last.\n\n"
        "But although he shook hands with the crews, he looked unsure of himself, "
        'saying, "I am not sure we deserve it."'
    )
    assert _read(body, "But although") == [("Tom Reyes", "saying")]
