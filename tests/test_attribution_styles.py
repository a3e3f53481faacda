"""Constructions common in news beyond US politics (local, business, British, science and
court reporting), each on sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses
from tests.attribution_text import speakers as _speakers


def test_an_unnamed_speaker_after_a_or_an_speaks_with_an_irregular_verb() -> None:
    body = (
        "Dockside shares fell on Monday.\n\n"
        "A spokesman said the company would recover.\n\n"
        "An aide told reporters the plan was dead.\n\n"
        "An email blast encouraging voters to turn out went out on Sunday."
    )
    assert _speakers(body, "A spokesman") == ["spokesman"]
    assert _speakers(body, "An aide") == ["aide"]
    assert _speakers(body, "An email") == []  # "a" and a noun before a base form: no verb
    assert _clauses(body, "A spokesman")[0].content == "the company would recover."


def test_the_colon_of_a_time_does_not_open_the_content() -> None:
    body = (
        "Police said the crash happened at 7:45 p.m. on Route 9.\n\n"
        "Dunn said the vote would start at 10:30 on Monday."
    )
    assert _clauses(body, "Police")[0].content == "the crash happened at 7:45 p.m. on Route 9."
    assert _clauses(body, "Dunn")[0].content == "the vote would start at 10:30 on Monday."


def test_a_local_government_named_by_its_noun_speaks() -> None:
    body = (
        "Residents may notice low water pressure, the city said.\n\n"
        "The county argued in a filing that the fee was legal.\n\n"
        "Voters in the district said the school was full."
    )
    assert _speakers(body, "Residents") == ["city"]
    assert _speakers(body, "The county") == ["county"]
    assert _speakers(body, "Voters") == ["Voters in the district"]


def test_according_to_a_named_bodys_officials_or_figures() -> None:
    body = (
        "According to Treasury officials, the levy would bring in 12 billion.\n\n"
        "The levy would hurt ports, according to Harbor Board figures.\n\n"
        "According to Nexora spokesman Ray Dunn, the plan works."
    )
    found = _clauses(body, "According to Treasury")[0]
    assert (found.speaker, found.content) == ("Treasury officials", "the levy would bring in 12 billion.")
    found = _clauses(body, "The levy")[0]
    assert (found.speaker, found.content) == ("Harbor Board", "The levy would hurt ports")
    assert _speakers(body, "According to Nexora") == ["Ray Dunn"]


def test_words_said_about_the_subject_in_the_passive_are_not_theirs() -> None:
    body = (
        'Lena Voss has been described as "the most dangerous woman in the chamber".\n\n'
        'Tom Hale was accused of "betraying a generation" by his critics.\n\n'
        'Ray Dunn put the loss down to "a short campaign and a long winter".'
    )
    assert _speakers(body, "Lena Voss") == []
    assert _speakers(body, "Tom Hale") == []
    assert _speakers(body, "Ray Dunn") == ["Ray Dunn"]  # the subject's own words, in the active


def test_add_reports_a_clause_or_a_quotation_not_an_object() -> None:
    body = (
        "Dockside added 2,000 jobs last year.\n\n"
        "Ray Dunn added a clause to the bill.\n\n"
        "Lena Voss added that the pier was safe.\n\n"
        '"It was a good year," Tom Hale added to the Gazette.'
    )
    assert _speakers(body, "Dockside") == []
    assert _speakers(body, "Ray Dunn") == []
    assert _speakers(body, "Lena Voss") == ["Lena Voss"]
    assert _speakers(body, '"It was') == ["Tom Hale"]


def test_no_report_inside_a_question_left_open_or_after_an_adjective() -> None:
    body = (
        "Lena Voss declined to say whether the board would seek changes.\n\n"
        "Ray Dunn hasn't said whether he will run, and he insisted on Monday that he is still undecided.\n\n"
        "Ivo Petrov said the size of the study made the result hard to dismiss."
    )
    assert _speakers(body, "Lena Voss") == []
    assert _speakers(body, "Ray Dunn") == ["Ray Dunn"]  # the clause after the comma is a report
    assert [(a.speaker, a.cue) for a in _clauses(body, "Ivo Petrov")] == [("Ivo Petrov", "said")]


def test_a_participle_after_a_second_verb_of_an_appositive_subject_is_kept() -> None:
    body = "The minister, Ivo Petrov, defended the plan, saying it would create jobs."
    found = [(a.speaker, a.cue, a.content) for a in _clauses(body, "The minister")]
    assert ("Ivo Petrov", "saying", "it would create jobs.") in found


def test_bodies_named_with_a_possessive_speak_under_their_whole_name() -> None:
    body = (
        "The Alzheimer's Society said research was vital.\n\n"
        "Professor Lena Voss of King's College London warned that the findings were early.\n\n"
        "Dockside's said sales rose 4 per cent.\n\n"
        "Ray Dunn's remarks drew fire."
    )
    assert _speakers(body, "The Alzheimer") == ["Alzheimer's Society"]
    assert _speakers(body, "Professor Lena") == ["Lena Voss"]
    assert _speakers(body, "Dockside") == ["Dockside's"]
    assert _speakers(body, "Ray Dunn") == []


def test_a_company_named_with_labs_or_systems_is_no_person() -> None:
    body = "The flaw was found by Quill Labs, which said it had told its customers."
    assert _speakers(body, "The flaw") == ["Quill Labs"]


def test_a_spokeswoman_for_a_title_in_capitals_is_the_speaker() -> None:
    body = (
        "Ivo Petrov criticised the plans on Tuesday.\n\n"
        "A spokeswoman for the Prime Minister said the plans were final."
    )
    assert _speakers(body, "A spokeswoman") == ["spokeswoman for the Prime Minister"]


def test_the_company_is_the_one_the_story_is_about_not_an_affiliation() -> None:
    body = (
        "Shares in Nexora Systems fell 14 per cent after the software group warned that profit "
        "would miss forecasts.\n\n"
        "Marcus Bell, an analyst at Fenwick Partners, said the warning raised questions.\n\n"
        "The company said the departure was unrelated to the results.\n\n"
        "Dockside Corp. was sued by the Harbor Union, and the company later agreed to settle.\n\n"
        "Its rival, Quill Labs, grew. The rival company said it would hire."
    )
    assert _speakers(body, "Shares in") == ["Nexora Systems"]
    assert _speakers(body, "The company said") == ["Nexora Systems"]
    assert _speakers(body, "Dockside") == ["Dockside Corp."]
    assert _speakers(body, "The rival") == ["rival company"]


def test_a_relative_is_one_the_article_named_with_the_family_name_or_someone_new() -> None:
    body = (
        "Elena Marsh praised Ana Ruiz.\n\n"
        "Her daughter, 16, has said she is not interested.\n\n"
        "Mia Dunn and Carla Brandt spoke on Monday.\n\n"
        "Ray Dunn's eldest daughter, 34, said the shop would stay open.\n\n"
        "Lena Voss and Tom Voss ran the shop for years. Lena Voss retired in May.\n\n"
        "Her husband said he would sell it."
    )
    assert _speakers(body, "Her daughter") == ["Her daughter"]  # not the story's woman
    assert _speakers(body, "Ray Dunn") == ["Mia Dunn"]
    assert _speakers(body, "Her husband") == ["Tom Voss"]


def test_a_one_word_name_that_acts_as_a_subject_can_be_he_or_she() -> None:
    body = (
        "Elena Marsh praised the bakery on Monday.\n\n"
        "Ruiz shrugs off the praise. She says she wants to retire.\n\n"
        "Dockside opened in May. Critics said it was too loud."
    )
    assert _speakers(body, "She says") == ["Ruiz"]


def test_a_transcript_turn_is_its_speakers_word_for_word() -> None:
    body = (
        "Tom Hale spoke to Ivo Petrov about the strike.\n\n"
        "HALE: What changed?\n\n"
        "PETROV: I got angry. Somebody had to do something.\n\n"
        "HALE: Your opponents say you have no experience."
    )
    turn = _clauses(body, "PETROV")[0]
    assert (turn.speaker, turn.kind, turn.content) == ("Ivo Petrov", "direct", "I got angry.")
    follow = _clauses(body, "Somebody")[0]
    assert (follow.speaker, follow.kind) == ("Ivo Petrov", "direct")
    found = _clauses(body, "HALE: Your")
    assert [(a.speaker, a.content) for a in found] == [
        ("Tom Hale", "Your opponents say you have no experience.")
    ]


def test_a_full_stop_after_the_closing_quotation_mark_stays_out_of_the_content() -> None:
    body = 'Tom Hale told MPs that "the market is correcting itself".'
    found = _clauses(body, "Tom Hale")[0]
    assert (found.kind, found.content) == ("direct", "the market is correcting itself.")


def test_parliament_and_sport_roles_speak_and_stay_out_of_the_name() -> None:
    body = (
        "One backbencher said the policy was dead.\n\nSubstitute Dani Moreno said the team had deserved it."
    )
    assert _speakers(body, "One backbencher") == ["backbencher"]
    found = _clauses(body, "Substitute")[0]
    assert (found.speaker, found.role) == ("Dani Moreno", "Substitute")


def test_an_outlets_programme_addressed_is_cut_from_the_content() -> None:
    body = "Tom Hale told the Gazette's Morning programme he would not resign."
    assert _clauses(body, "Tom Hale")[0].content == "he would not resign."


def test_a_fenced_cue_after_a_cue_word_used_as_a_noun_reports_both_sides() -> None:
    body = "The plan, Keller said, would cost more."
    assert _clauses(body, "The plan")[0].content == "The plan would cost more."


def test_a_comma_and_a_noun_that_sums_up_the_claim_ends_the_content() -> None:
    body = "Tom Hale claimed the figures had been altered, a charge the ministry denied."
    assert _clauses(body, "Tom Hale")[0].content == "the figures had been altered"


def test_police_and_authorities_speak_bare_and_a_dateline_is_no_speaker_nor_content() -> None:
    body = (
        "MUMBAI: Two men were arrested on Sunday for cheating a trader, police said.\n\n"
        "KORVAN, June 3 (Reuters) - Drones struck a depot overnight, governor Ilya Markov said.\n\n"
        "The man was armed, authorities said."
    )
    found = _clauses(body, "MUMBAI")
    assert [(a.speaker, a.content) for a in found] == [
        ("police", "Two men were arrested on Sunday for cheating a trader")
    ]
    assert _clauses(body, "KORVAN")[0].content == "Drones struck a depot overnight"
    assert _speakers(body, "The man") == ["authorities"]


def test_an_official_at_a_lower_case_ministry_or_people_in_a_described_place_speak() -> None:
    body = (
        '"The border is closed," an official at the interior ministry said.\n\n'
        "Farmers in rural Iowa said the price was low."
    )
    assert _speakers(body, '"The border') == ["official at the interior ministry"]
    assert _speakers(body, "Farmers") == ["Farmers in rural Iowa"]


def test_an_infinitive_inside_a_reported_clause_is_no_report_of_the_subject() -> None:
    body = "Lena Voss said it was too early to know."
    assert [(a.cue, a.content) for a in _clauses(body, "Lena Voss")] == [
        ("said", "it was too early to know.")
    ]


def test_an_anonymous_source_familiar_with_someones_plans_and_no_pronoun_as_a_name() -> None:
    body = (
        "An aide familiar with the plans said the deal was close.\n\n"
        "An aide familiar with the company's plans said the talks had stalled.\n\n"
        "He's said the pier is safe.\n\n"
        "The company's statement said prices would rise."
    )
    assert _speakers(body, "An aide familiar with the plans") == ["aide familiar with the plans"]
    assert _speakers(body, "An aide familiar with the company") == ["aide familiar with the company's plans"]
    # the company's own statement: no "He's" nor the source for "the company" to mean
    assert _speakers(body, "The company") == ["company"]


def test_more_occupations_give_roles_and_keep_a_premodifying_body_out_of_the_subject() -> None:
    body = (
        "Bureau of Meteorology senior forecaster Anita Rhodes said the storm would weaken.\n\n"
        "His solicitor, Ana Ruiz, said he would appeal.\n\n"
        "Pop star Lena Voss said she was thrilled."
    )
    found = _clauses(body, "Bureau")[0]
    assert (found.speaker, found.role) == ("Anita Rhodes", "Bureau of Meteorology senior forecaster")
    assert [(a.speaker, a.role) for a in _clauses(body, "His solicitor")] == [("Ana Ruiz", "solicitor")]
    assert [(a.speaker, a.role) for a in _clauses(body, "Pop star")] == [("Lena Voss", "Pop star")]


def test_where_and_when_it_was_said_or_whom_it_was_told_stay_out_of_the_content() -> None:
    body = (
        "The lawyer said outside court that he had acted in self-defence.\n\n"
        "Ray Dunn told reporters afterwards that he had acted alone.\n\n"
        "Lena Voss told reporters officials were angry."
    )
    assert _clauses(body, "The lawyer")[0].content == "he had acted in self-defence."
    assert _clauses(body, "Ray Dunn")[0].content == "he had acted alone."
    assert _clauses(body, "Lena Voss")[0].content == "officials were angry."


def test_the_statement_said_is_whoever_the_sentence_that_brought_it_up_quoted() -> None:
    body = (
        "Eastfield Rovers said in a statement on Sunday that the fan had been banned. "
        '"We will not tolerate this," the statement said.'
    )
    found = _clauses(body, '"We will')[0]
    assert (found.speaker, found.cue, found.kind) == ("Eastfield Rovers", "said", "direct")


def test_british_police_ranks_and_family_descriptions_are_no_part_of_the_name() -> None:
    body = (
        "Det Insp Rachel Moore said the man was armed.\n\n"
        "PC Tom Hale said the road was closed.\n\n"
        "Mother-of-three Jess Whitlow said she was angry."
    )
    assert [(a.speaker, a.role) for a in _clauses(body, "Det Insp")] == [("Rachel Moore", "Det Insp")]
    assert [(a.speaker, a.role) for a in _clauses(body, "PC Tom")] == [("Tom Hale", "PC")]
    assert _speakers(body, "Mother") == ["Jess Whitlow"]


def test_an_aside_of_how_between_a_name_and_its_cue_is_stepped_over_and_no_role() -> None:
    body = (
        "Treasurer Neil Forde spoke first.\n\n"
        "Forde, under pressure from colleagues, said the plan would work.\n\n"
        "Ana Ruiz, with her lawyer beside her, said she would appeal."
    )
    assert _speakers(body, "Forde, under") == ["Neil Forde"]
    assert [(a.speaker, a.role) for a in _clauses(body, "Ana Ruiz")] == [("Ana Ruiz", None)]


def test_the_pair_or_the_couple_are_the_two_people_named_together_before() -> None:
    body = (
        "Lena Voss and Marco Bellini married in May.\n\n"
        '"We have decided to part ways," the pair said in a joint statement.\n\n'
        "The couple said they would sell the house."
    )
    assert _speakers(body, '"We have') == ["Lena Voss and Marco Bellini"]
    assert _speakers(body, "The couple") == ["Lena Voss and Marco Bellini"]


def test_a_quotation_paragraph_after_a_one_sentence_paragraph_naming_its_speaker() -> None:
    body = 'Coach Dan Riley was blunt after the loss.\n\n"We got outworked tonight."'
    found = _clauses(body, '"We got')[0]
    assert (found.speaker, found.kind) == ("Dan Riley", "direct")


def test_a_surname_after_a_relative_named_in_passing_is_still_the_storys_person() -> None:
    body = (
        "Actor Ted Marsh backed the mayor on Monday.\n\n"
        "Marsh, the younger brother of film director Alan Marsh, has acted since 1970.\n\n"
        '"She is the best we have," Marsh said.'
    )
    assert _speakers(body, '"She is') == ["Ted Marsh"]


def test_a_surname_ending_in_ing_before_a_finite_verb_is_a_name() -> None:
    body = (
        "Carla Benning arrived at 9am.\n\n"
        "Ros Whelan said the House would sit late.\n\n"
        'Benning shook her head. "It is a scandal," she said.'
    )
    assert _speakers(body, '"It is') == ["Carla Benning"]


def test_a_named_modifier_picks_its_own_organisation_and_a_body_inside_the_phrase_counts() -> None:
    body = (
        "Dunn Campaign Hires A New Chair\n\n"
        "The Ruiz campaign said the hire was a mistake.\n\n"
        "One group campaigning for Norway to leave the Nordic Union in the June vote posted a message "
        "that showed a map."
    )
    assert _speakers(body, "The Ruiz") != ["Dunn Campaign Hires A New Chair"]
    assert not any("June" in s for s in _speakers(body, "One group"))  # no "... in the June vote"


def test_a_question_and_answer_interviews_answers_are_its_subjects_words() -> None:
    body = (
        "We spoke to Ana Ruiz, the harbour master, about the strike.\n\n"
        "Q: What changed this year?\n\n"
        "A: The ships got bigger. We had to dredge.\n\n"
        "Q: Will Tom Hale back you?\n\n"
        "A: He has to."
    )
    answer = _clauses(body, "A: The ships")[0]
    assert (answer.speaker, answer.kind, answer.content) == ("Ana Ruiz", "direct", "The ships got bigger.")
    assert _speakers(body, "We had") == ["Ana Ruiz"]
    assert _speakers(body, "A: He has") == ["Ana Ruiz"]
    assert _speakers(body, "Q: What") == []


def test_a_relatives_first_name_alone_is_a_person_a_pronoun_can_mean() -> None:
    body = (
        "Ana Ruiz runs the bakery.\n\n"
        "Her husband, Jordi, handles deliveries. He says the hardest part is the prices."
    )
    assert _speakers(body, "He says") == ["Jordi"]


def test_a_person_of_a_described_body_speaks_not_the_body() -> None:
    body = "Ben Ortiz of research firm CastleView said the rally would fade."
    assert _speakers(body, "Ben Ortiz") == ["Ben Ortiz"]


def test_a_speaker_restricted_by_a_relative_clause_speaks() -> None:
    body = (
        "A man who witnessed the crash said the car was speeding.\n\n"
        "Officials who briefed reporters said the talks had stalled.\n\n"
        "A nurse who asked not to be named said Sunday night that morale was low.\n\n"
        "The man who Hale said was a liar left town."
    )
    assert _speakers(body, "A man") == ["man who witnessed the crash"]
    assert _speakers(body, "Officials") == ["Officials"]
    found = _clauses(body, "A nurse")[0]
    assert (found.speaker, found.content) == ("nurse", "morale was low.")
    assert "man" not in " ".join(s or "" for s in _speakers(body, "The man"))


def test_customers_and_passengers_speak_and_one_resident_named_after_a_quote() -> None:
    body = (
        '"It is wrong," said one customer.\n\n'
        "One passenger said the train was late.\n\n"
        '"It is a scandal," one resident, Dale Hutchins, said.'
    )
    assert _speakers(body, '"It is wrong') == ["customer"]
    assert _speakers(body, "One passenger") == ["passenger"]
    found = _clauses(body, '"It is a scandal')[0]
    assert (found.speaker, found.kind, found.content) == ("Dale Hutchins", "direct", "It is a scandal")


def test_a_live_blogs_time_stamp_is_no_part_of_the_content() -> None:
    body = "11:42pm - Turnout appears higher than expected, officials said."
    assert _clauses(body, "11:42pm")[0].content == "Turnout appears higher than expected"


def test_a_description_then_a_titled_name_in_apposition_speaks() -> None:
    body = (
        "His colleague, economist Lars Eklund, said that the process was slow.\n\n"
        "The coach, striker Tom Reed, said the plan was dead."
    )
    assert [(a.speaker, a.role) for a in _clauses(body, "His colleague")] == [("Lars Eklund", "economist")]
    assert _speakers(body, "The coach") == ["Tom Reed"]


def test_when_it_was_told_after_the_one_told_stays_out_of_the_content() -> None:
    body = "Tom Reed told the Gazette last month that the cuts were wrong."
    assert _clauses(body, "Tom Reed")[0].content == "the cuts were wrong."


def test_a_grandchilds_first_name_alone_is_a_person_too() -> None:
    body = 'Rosa Delgado runs a bakery. Her granddaughter, Lucia, nodded. "I want to run it," she said.'
    assert _speakers(body, '"I want') == ["Lucia"]


def test_an_opening_phrase_of_place_or_time_is_no_report() -> None:
    body = (
        "In Ohio, Ana Ruiz, the front-runner, called on banks to lend more.\n\n"
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
    body = "Near Lena Voss, ten analysts listened while Ray Dunn, the former minister, said it was over."
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
        "The federation has warned its members that the measure could pass."
    )
    assert _clauses(body, "Ray Dunn")[0].content == "the party needs a new message."
    assert _clauses(body, "Lena Voss")[0].content == "the Prime Minister was wrong."
    assert _clauses(body, "The federation")[0].content == "the measure could pass."


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
    body = "Senator Ana Ruiz's top challenger, Sen. Tom Hale, ended the questions by rejecting an inquiry."
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
