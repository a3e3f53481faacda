"""Attribution on news of many styles, from the probes of newly written articles: openings,
topics, relatives, groups, titles, datelines and the words around a quote (sentences written
here, never taken from the development set)."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses
from tests.attribution_text import speakers as _speakers


def test_an_opening_phrase_of_place_or_time_is_no_report() -> None:
    body = (
        "In Ohio, Ana Ruiz, the mayor, called on banks to lend more.\n\n"
        "On Sunday, Tom Hale, the mayor, said.\n\n"
        "The plan failed, Ray Dunn, the minister, said on Monday."
    )
    assert _clauses(body, "In Ohio")[0].content == "on banks to lend more."
    assert not _clauses(body, "On Sunday")[0].content
    assert _clauses(body, "The plan failed")[0].content == "The plan failed"


def test_what_follows_on_after_commented_or_insisted_is_the_report() -> None:
    body = (
        "Tom Hale commented on the harbour vote.\n\n"
        "Ana Ruiz insisted on lower fares.\n\n"
        "Ray Dunn commented on Twitter."
    )
    found = _clauses(body, "Tom Hale")[0]
    assert (found.cue, found.content) == ("commented on", "the harbour vote.")
    assert _clauses(body, "Ana Ruiz")[0].content == "lower fares."
    assert not _clauses(body, "Ray Dunn")[0].content


def test_a_clause_ending_in_a_name_is_no_apposition_of_the_name_before() -> None:
    body = "Near Lena Voss, two clerks waited while Ray Dunn, the former minister, said it was over."
    assert [(a.speaker, a.role) for a in _clauses(body, "Near")] == [("Ray Dunn", "the former minister")]


def test_a_museum_of_something_is_one_organisation() -> None:
    body = "Staff at the Museum of Fine Arts said the doors would stay shut."
    assert _speakers(body, "Staff") == ["Museum of Fine Arts"]


def test_a_thousands_separator_is_no_comma_between_phrases() -> None:
    body = (
        "The Dockside union, which represents 4,000 workers, said layoffs were coming.\n\n"
        "Quill Labs, which has 12,000 employees, said it would hire."
    )
    assert [(a.speaker, a.role) for a in _clauses(body, "The Dockside")] == [("Dockside union", None)]
    assert [(a.speaker, a.role) for a in _clauses(body, "Quill Labs")] == [("Quill Labs", None)]
    # (and a role holding such a number keeps it as written)
    body = "Carla Brandt, a writer with 1,500 readers, said the plan failed."
    assert [a.role for a in _clauses(body, "Carla Brandt")] == ["a writer with 1,500 readers"]


def test_a_title_qualified_in_lower_case_still_names_the_speaker_in_apposition() -> None:
    body = (
        "Her running mate, state Sen. Ivo Petrov, said the ticket would visit every county.\n\n"
        "His ally, former Gov. Tom Hale, said the ticket would win."
    )
    assert _speakers(body, "Her running mate") == ["Ivo Petrov"]
    assert _speakers(body, "His ally") == ["Tom Hale"]


def test_a_demonstrative_that_before_a_verb_is_part_of_the_content() -> None:
    body = "Ray Dunn said that was a lie.\n\nTom Hale said that the plan was sound."
    assert _clauses(body, "Ray Dunn")[0].content == "that was a lie."
    assert _clauses(body, "Tom Hale")[0].content == "the plan was sound."


def test_a_description_after_an_opening_phrase_naming_someone_is_the_subject() -> None:
    body = (
        "Ana Ruiz said she would run. Gov. Tom Hale welcomed her.\n\n"
        "Asked whether he would debate Ruiz, the governor said he would.\n\n"
        "Like Ruiz, the governor said the talks were useful."
    )
    assert _speakers(body, "Asked whether") == ["Tom Hale"]
    assert _speakers(body, "Like Ruiz") == ["Tom Hale"]
    # (nor does the opening phrase's name take the main clause as its role)
    assert [a.role for a in _clauses(body, "Ana Ruiz said")] == [None]


def test_the_noun_a_relative_clause_restricts_speaks_even_when_the_clause_names_someone() -> None:
    body = (
        "Staffers who worked for Ruiz said she was demanding.\n\n"
        "Residents who live near the plant say the water smells.\n\n"
        "Voters who were granted a say in the plan were pleased."
    )
    assert _speakers(body, "Staffers") == ["Staffers"]
    assert _speakers(body, "Residents") == ["Residents"]
    assert not _clauses(body, "Voters")


def test_a_verb_with_a_mere_object_in_a_closed_relative_clause_yields_to_the_subjects_verb() -> None:
    body = "Senator Hugo Banks, who wrote the measure, said lawmakers had lost the public's trust."
    found = _clauses(body, "Senator Hugo Banks")
    assert [(a.speaker, a.cue, a.content) for a in found] == [
        ("Hugo Banks", "said", "lawmakers had lost the public's trust.")
    ]


def test_his_lawyer_or_her_spokesman_is_someone_acting_for_the_person_not_the_person() -> None:
    body = (
        "Tom Hale left the party on Monday.\n\n"
        "His lawyer said the decision was final.\n\n"
        "His spokesman said the plan was under review."
    )
    assert _speakers(body, "His lawyer") == ["Tom Hale's lawyer"]
    assert _speakers(body, "His spokesman") == ["Tom Hale's spokesman"]


def test_a_description_opening_a_sentence_of_narration_makes_its_person_the_subject() -> None:
    body = (
        "Ray Dunn, a spokesman for Gov. Tom Hale, said the plan was dead.\n\n"
        'The governor was more measured. "I welcome the debate," he said.'
    )
    # (and the spokesman for the governor is no governor himself)
    assert _speakers(body, '"I welcome') == ["Tom Hale"]


def test_the_one_told_stays_out_of_the_content_before_a_clause_with_a_name_or_any_verb() -> None:
    body = (
        "Ray Dunn told me the party needs a new message.\n\n"
        "Lena Voss told MPs the Prime Minister was wrong.\n\n"
        "The federation has warned its members that the ferry bill might pass."
    )
    assert _clauses(body, "Ray Dunn")[0].content == "the party needs a new message."
    assert _clauses(body, "Lena Voss")[0].content == "the Prime Minister was wrong."
    assert _clauses(body, "The federation")[0].content == "the ferry bill might pass."


def test_an_organisation_by_its_trade_is_the_one_just_named() -> None:
    body = (
        "Petrov Motors, the Detroit automaker, cut 400 jobs on Monday.\n\n"
        "The automaker said the cuts were final."
    )
    assert _speakers(body, "The automaker") == ["Petrov Motors"]


def test_a_standing_describes_the_person_the_story_is_about() -> None:
    body = (
        "Ray Dunn, a shipping heir, bought a rival on Tuesday.\n\n"
        '"Persistence pays," the billionaire said.\n\n'
        "Sen. Ana Ruiz and her challenger, Tom Hale, debated on Tuesday.\n\n"
        "The challenger said taxes were too high."
    )
    assert _speakers(body, '"Persistence') == ["Ray Dunn"]
    assert _speakers(body, "The challenger") == ["Tom Hale"]


def test_a_title_of_a_possessor_is_not_the_subject_its_apposition_names() -> None:
    body = "Senator Ana Ruiz's old rival, Sen. Tom Hale, closed the debate by rejecting a question."
    assert _speakers(body, "Senator") == ["Tom Hale"]


def test_the_narrators_participle_or_summing_noun_after_a_report_ends_its_content() -> None:
    body = (
        "Ana Ruiz said the bill was dead, dealing a blow to the mayor.\n\n"
        "Tom Hale said the plan was reckless, a view shared by many colleagues."
    )
    assert _clauses(body, "Ana Ruiz")[0].content == "the bill was dead"
    assert _clauses(body, "Tom Hale")[0].content == "the plan was reckless"


def test_more_groups_speak_and_a_group_opening_narration_is_whom_they_means() -> None:
    body = (
        "Tory rebels say the plan will fail.\n\n"
        "The bill's sponsors say it would help.\n\n"
        "The Dockside union called the deal a victory. Teachers are unhappy. They say it does too little."
    )
    assert _speakers(body, "Tory rebels") == ["Tory rebels"]
    assert _speakers(body, "The bill's sponsors") == ["bill's sponsors"]
    assert _speakers(body, "They say") == ["Teachers"]


def test_a_statement_from_someone_is_theirs_and_a_spokesman_for_the_company_names_it() -> None:
    body = (
        "Tom Hale spoke on Monday. A statement from his office said the plan was under review.\n\n"
        "Quill Labs cut 400 jobs. A spokesman for the company said the cuts were final."
    )
    assert _speakers(body, "A statement from") == ["Tom Hale's office"]
    assert _speakers(body, "A spokesman") == ["spokesman for Quill Labs"]


def test_an_age_description_means_whom_the_article_gave_that_age() -> None:
    body = (
        "Tom Hale, 61, faces Ray Dunn, 38, in November. Hale said he would cut taxes.\n\n"
        "The 38-year-old said the plan was reckless."
    )
    assert _speakers(body, "The 38-year-old") == ["Ray Dunn"]


def test_both_men_are_the_two_people_named_together_before() -> None:
    body = "Tom Hale and Ivo Petrov met on Friday. Both men said the talks went well."
    assert _speakers(body, "Both men") == ["Tom Hale and Ivo Petrov"]


def test_an_ing_word_before_a_street_and_a_confederation_are_names() -> None:
    body = (
        "Downing Street said the minister had its full confidence.\n\n"
        "The Confederation of Dockside Industry said firms were cutting jobs."
    )
    assert _speakers(body, "Downing") == ["Downing Street"]
    assert _speakers(body, "The Confederation") == ["Confederation of Dockside Industry"]


def test_a_pronoun_fenced_mid_sentence_is_not_whom_the_words_before_it_name() -> None:
    body = "Lena Voss hired Ana Ruiz in 2004.\n\nRuiz, she said, was the best student she ever had."
    assert _speakers(body, "Ruiz, she said") == ["Lena Voss"]


def test_a_relative_named_by_first_name_may_be_called_by_the_family_name_later() -> None:
    body = 'Tom Hale, 61, and his wife, Mia, live on the farm. "We will never sell," Mrs. Hale said.'
    assert _speakers(body, '"We will never') == ["Mia"]


def test_an_interviews_answers_are_the_interviewees_named_by_pronoun_too() -> None:
    body = (
        "Lena Voss took over the school in July. She spoke with Ray Dunn of the Courier.\n\n"
        "Q: Will there be layoffs?\n\n"
        "A: I hope not."
    )
    assert _speakers(body, "A: I hope") == ["Lena Voss"]
    # (nor did she speak "of the Courier")
    assert not _clauses(body, "She spoke with")


def test_a_role_written_in_capitals_is_no_name() -> None:
    body = 'Mia Dunn, the CEO of Quill Labs, spoke on Tuesday. "Sales doubled," the CEO said.'
    assert _speakers(body, '"Sales doubled') == ["Mia Dunn"]


def test_a_relative_given_by_first_name_is_whom_the_relation_means_later() -> None:
    body = (
        "Mia Dunn runs the bakery with her husband, Ray. Her husband said the flood had been terrifying.\n\n"
        "Tom Hale, 61, lives on the farm with his wife, Lena. "
        '"We will never sell," Hale said. "Never," his wife agreed.'
    )
    assert _speakers(body, "Her husband") == ["Ray"]
    assert _speakers(body, '"Never,"') == ["Lena"]
    # (and what Tom Hale does is no role of his)
    assert [a.role for a in _clauses(body, '"We will never')] == [None]


def test_those_around_someone_and_a_view_owned_by_a_pronoun_speak() -> None:
    body = (
        "Governor Ray Dunn spoke on Monday. Those around the governor say he is relaxed.\n\n"
        "Senator Ana Ruiz spoke on Tuesday. In her view, the caucus needs to settle its differences."
    )
    assert _speakers(body, "Those around") == ["Those around the governor"]
    found = _clauses(body, "In her view")
    assert [(a.speaker, a.content) for a in found] == [
        ("Ana Ruiz", "the caucus needs to settle its differences.")
    ]


def test_how_long_or_when_a_view_was_held_is_no_part_of_its_content() -> None:
    body = (
        "Ana Ruiz has argued for years that the tax is unfair.\n\n"
        "The polls closed at nine. Ray Dunn conceded shortly after 11 p.m."
    )
    assert _clauses(body, "Ana Ruiz")[0].content == "the tax is unfair."
    assert not _clauses(body, "Ray Dunn conceded")[0].content


def test_a_participle_in_an_aside_after_an_adverb_is_the_subjects_and_ends_with_the_aside() -> None:
    body = "Ana Ruiz, after initially saying she would not run, changed course."
    found = _clauses(body, "Ana Ruiz")
    assert [(a.speaker, a.content) for a in found] == [("Ana Ruiz", "she would not run")]


def test_talk_and_speak_report_their_topic_but_not_as_a_noun_or_after_watching() -> None:
    body = (
        "Ana Ruiz went on the radio to talk about ferry fares at the harbour board.\n\n"
        "Ray Dunn, a talk radio host, said the show was over.\n\n"
        "Seeing Ruiz speak about the fares, Tom Hale said the board had listened.\n\n"
        "Lena Voss spoke on behalf of the union at sessions of the council."
    )
    found = _clauses(body, "Ana Ruiz went")
    assert [(a.speaker, a.cue, a.content) for a in found] == [
        ("Ana Ruiz", "talk about", "ferry fares at the harbour board.")
    ]
    assert [a.cue for a in _clauses(body, "Ray Dunn")] == ["said"]
    assert _speakers(body, "Seeing") == ["Tom Hale"]
    assert not _clauses(body, "Lena Voss")


def test_what_a_joke_or_a_boast_was_about_is_its_content() -> None:
    body = "Ana Ruiz joked about her age.\n\nTom Hale bragged about the new pier."
    found = _clauses(body, "Ana Ruiz")
    assert [(a.speaker, a.cue, a.content) for a in found] == [("Ana Ruiz", "joked about", "her age.")]
    assert [(a.cue, a.content) for a in _clauses(body, "Tom Hale")] == [("bragged about", "the new pier.")]


def test_several_or_some_are_of_the_group_just_named() -> None:
    body = (
        "Ferry captains described long delays at the harbour. Several said the tides were to blame.\n\n"
        "Dozens of commuters spoke against the fare rise. Some accused the board of ignoring them."
    )
    assert _speakers(body, "Several said") == ["Ferry captains"]
    assert _speakers(body, "Some accused") == ["commuters"]


def test_a_speaker_postmodified_from_across_the_aisle_is_the_whole_phrase() -> None:
    body = "Harbour commissioners from across the aisle praised the ferry deal."
    assert _speakers(body, "Harbour") == ["Harbour commissioners from across the aisle"]


def test_a_quote_resumed_after_the_one_told_and_where_is_the_same_quote() -> None:
    body = (
        '"We will not let the ferry stop," Ana Ruiz told reporters outside her office, "but we will not pay."'
    )
    found = _clauses(body, '"We will not')
    assert [(a.speaker, a.content) for a in found] == [
        ("Ana Ruiz", "We will not let the ferry stop but we will not pay.")
    ]


def test_letters_after_a_name_are_no_part_of_it() -> None:
    body = (
        "Carla Brandt KC, who led the prosecution, said the case was clear.\n\n"
        '"This was no mistake," Ms Brandt said.'
    )
    assert _speakers(body, "Carla Brandt") == ["Carla Brandt"]
    assert _speakers(body, '"This was') == ["Carla Brandt"]


def test_the_accused_after_a_preposition_and_a_posted_result_report_nothing() -> None:
    body = (
        "The trial of a former harbour contractor accused of overcharging the port began on Monday.\n\n"
        "Quill Labs had posted a profit in May."
    )
    assert not _clauses(body, "The trial")
    assert not _clauses(body, "Quill Labs")


def test_roles_hold_no_verb_particle_no_relative_clause_and_no_sentence_capital() -> None:
    body = (
        'Ben Moss then set up captain Tom Reed for the winner. "It was easy," Reed said.\n\n'
        "Mia Dunn, whose father Ray Dunn ran the ferry for years, said the line was lost.\n\n"
        "The club's owner, Karl Voss, said the club would stay."
    )
    assert [a.role for a in _clauses(body, '"It was easy')] == ["captain"]
    assert [a.role for a in _clauses(body, "Mia Dunn")] == [None]
    assert [a.role for a in _clauses(body, "The club's owner")] == ["the club's owner"]


def test_a_closed_relative_clause_yields_to_the_subjects_verb_after_an_adverb_too() -> None:
    body = "Ana Ruiz, who posts as @RuizHarbour online, later wrote that the plan was dead."
    assert [(a.cue, a.content) for a in _clauses(body, "Ana Ruiz")] == [("wrote", "the plan was dead.")]


def test_when_or_where_then_a_bare_clause_is_reported_after_the_dateline_too() -> None:
    body = (
        "DOVER (Harbour Wire) - Ana Ruiz said on Thursday the ferry would stop.\n\n"
        "Tom Hale said at a rally the fare was too high."
    )
    assert [(a.speaker, a.content) for a in _clauses(body, "DOVER")] == [
        ("Ana Ruiz", "the ferry would stop.")
    ]
    assert _clauses(body, "Tom Hale")[0].content == "the fare was too high."


def test_a_title_description_means_whom_the_article_gave_that_very_title() -> None:
    body = (
        "Mayor Dana Kowal said the harbour plan was fine. Health Minister Ivo Petrov said it was not.\n\n"
        "The mayor said the crisis was national.\n\n"
        'Labour MP Lena Voss spoke next. "It is dead," the MP said.'
    )
    assert _speakers(body, "The mayor") == ["Dana Kowal"]
    assert _speakers(body, '"It is dead') == ["Lena Voss"]


def test_an_opening_past_participle_an_outlets_name_and_in_his_words() -> None:
    body = (
        "Reached by phone, Lena Voss smiled and said it was false.\n\n"
        '"The pier is done," Harbour Radio\'s Ivo Petrov said.\n\n'
        'Tom Hale spoke on Monday. In his own words, "Let people keep it."'
    )
    assert _speakers(body, "Reached") == ["Lena Voss"]
    found = _clauses(body, '"The pier')
    assert [(a.speaker, a.kind, a.content) for a in found] == [("Ivo Petrov", "direct", "The pier is done")]
    assert _speakers(body, "In his own words") == ["Tom Hale"]


def test_of_the_inside_a_bodys_name_keeps_the_whole_name() -> None:
    body = "The Department of the Harbour said the pier would close."
    assert _speakers(body, "The Department") == ["Department of the Harbour"]


def test_a_cantonese_family_name_written_first_names_the_person_later() -> None:
    body = 'Wong Ka-ho said the flats were ready. "We are ready," Mr Wong said.'
    assert _speakers(body, '"We are ready') == ["Wong Ka-ho"]


def test_a_bracketed_party_after_a_name_in_apposition_keeps_the_speaker() -> None:
    body = "The mayor, Dana Kowal (Labour), said that the cheques were sent."
    assert _speakers(body, "The mayor") == ["Dana Kowal"]


def test_wire_datelines_with_a_colon_or_an_agency_and_no_dash_are_no_speaker_or_content() -> None:
    body = (
        "DOVER: Chief Minister Ivo Petrov ordered the road done, warning that delays would be punished.\n\n"
        "HARBOURTON, March 12 (HWA) The pier will cost 400 million, Minister Lena Voss said on Tuesday."
    )
    assert set(_speakers(body, "DOVER")) == {"Ivo Petrov"}
    assert [(a.speaker, a.content) for a in _clauses(body, "HARBOURTON")] == [
        ("Lena Voss", "The pier will cost 400 million")
    ]


def test_a_quote_before_said_adding_with_a_colon_keeps_both_quotes() -> None:
    body = '"We will wait," Ivo Petrov said, adding: "There is no rush."'
    found = _clauses(body, '"We will wait')
    assert [(a.cue, a.content) for a in found] == [("said", "We will wait"), ("adding", "There is no rush.")]


def test_more_bodies_and_nationalities_speak_as_descriptions() -> None:
    body = (
        "Dockside Hospital cut 40 beds. The hospital said it had no choice.\n\n"
        "Tom Okafor, 24, scored twice. The Kenyan added that he felt fit."
    )
    assert _speakers(body, "The hospital") == ["Dockside Hospital"]
    assert _speakers(body, "The Kenyan") == ["Tom Okafor"]


def test_a_closed_relative_clause_with_its_own_that_clause_yields_to_the_subjects_verb() -> None:
    body = "Ana Ruiz, who has argued that fares are low, said that cuts are coming."
    assert [(a.cue, a.content) for a in _clauses(body, "Ana Ruiz")] == [("said", "cuts are coming.")]


def test_single_quotes_beside_double_ones_in_a_paragraph_quote_too() -> None:
    body = (
        "Mary Burke said the families were \"kept in the dark\". 'Nobody came to see us,' she said.\n\n"
        "The dockers' union called the pier \"safe\". The dockers' leader said it would reopen."
    )
    found = _clauses(body, "'Nobody came")
    assert [(a.speaker, a.kind, a.content) for a in found] == [
        ("Mary Burke", "direct", "Nobody came to see us")
    ]
    # (an apostrophe closing a plural's possessive opens no quotation)
    assert _clauses(body, "The dockers' leader")[0].content == "it would reopen."


def test_a_quote_before_one_speaker_and_another_speakers_colon_quote_are_two() -> None:
    body = '"Fares are too high," Ray Dunn said, and Lena Voss replied: "Not true."'
    found = _clauses(body, '"Fares are')
    assert [(a.speaker, a.content) for a in found] == [
        ("Ray Dunn", "Fares are too high"),
        ("Lena Voss", "Not true."),
    ]


def test_an_outlet_owning_the_name_after_a_reported_clause_keeps_the_report() -> None:
    body = "The ferry was under review, Harbour Radio's Ivo Petrov said."
    found = _clauses(body, "The ferry")
    assert [(a.speaker, a.content) for a in found] == [("Ivo Petrov", "The ferry was under review")]


def test_as_someone_put_it_after_a_clause_or_a_quotation_reports_what_came_before() -> None:
    body = 'The pier is finished, as Ana Ruiz put it.\n\nFares are "far too high," as Tom Hale said.'
    assert [(a.speaker, a.content) for a in _clauses(body, "The pier")] == [
        ("Ana Ruiz", "The pier is finished")
    ]
    found = _clauses(body, "Fares are")
    assert [(a.speaker, a.kind) for a in found] == [("Tom Hale", "mixed")]
    assert "as" not in found[0].content.split()


def test_traders_and_brokers_speak() -> None:
    assert _speakers("Shares fell, traders said.", "Shares") == ["traders"]
