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
