"""Who the subject of a cue is when other names stand between them: participles after an
object, glued words, appositions; each on sentences written for the test."""

from __future__ import annotations

from tests.attribution_text import clauses as _clauses
from tests.attribution_text import main as _main
from tests.attribution_text import speakers as _speakers


def test_a_participle_after_an_object_and_its_apposition_is_the_subjects() -> None:
    body = (
        "Mayor Lena Ortiz was blunt about her rival, council member Omar Haddad, the front-runner, "
        "saying voters deserved better.\n\n"
        "Senator Ruth Kemper weighed in on the dispute with Paul Vance, who chairs the board, "
        "calling the delay a scandal."
    )
    assert _speakers(body, "Mayor Lena")[0] == "Lena Ortiz"
    assert _speakers(body, "Senator Ruth")[0] == "Ruth Kemper"


def test_a_name_with_its_apposition_before_a_participle_still_speaks() -> None:
    body = "The bill passed.\n\nOmar Haddad, the council's leader, saying it was overdue, voted yes."
    assert _speakers(body, "Omar Haddad")[0] == "Omar Haddad"


def test_a_description_or_function_word_opening_the_sentence_is_not_part_of_the_name() -> None:
    body = (
        "Actor Hal Brandt said the film was a gamble.\n\n"
        "Billionaire Rosa Delgado praised the mayor on Monday.\n\n"
        "Gary Pruitt ran in the primary. Neither Pruitt nor his aides would comment.\n\n"
        'Whatever Pruitt decides, "we will be ready," he said.'
    )
    found = _clauses(body, "Actor Hal")
    assert [(a.speaker, a.role) for a in found] == [("Hal Brandt", "Actor")]
    assert _speakers(body, "Billionaire Rosa") == ["Rosa Delgado"]
    assert _speakers(body, "Whatever Pruitt") == ["Gary Pruitt"]


def test_a_first_name_opening_a_three_word_name_stays() -> None:
    body = "Hillary Rodham Clinton said the plan would pass.\n\nMary Beth Tinker said it would not."
    assert _speakers(body, "Hillary Rodham") == ["Hillary Rodham Clinton"]
    assert _speakers(body, "Mary Beth") == ["Mary Beth Tinker"]


def test_an_aside_between_subject_and_cue_is_skipped() -> None:
    body = "Gordon Pike chairs the panel.\n\nPike, for example, said the vote would wait until June."
    assert _speakers(body, "Pike, for") == ["Gordon Pike"]


def test_an_inverted_cue_finds_the_person_after_a_place_or_a_description() -> None:
    body = (
        '"We will lose the suburbs," said Ohio\'s Rita Vance, a party consultant.\n\n'
        '"The odds are long," said another leading election lawyer, Tomas Reyes of the firm Hale Brown.'
    )
    assert _speakers(body, '"We will') == ["Rita Vance"]
    assert _speakers(body, '"The odds') == ["Tomas Reyes"]


def test_a_role_behind_a_prefix_and_a_party_tag_leave_the_name_the_speaker() -> None:
    body = (
        '"Imagine the debate," mused Beacon co-host Lena Marsh.\n\n'
        "The plan that the party's nominee, Sen. Ruth Kemper (D-Va.), promised would cost little."
    )
    assert _speakers(body, '"Imagine') == ["Lena Marsh"]
    assert _speakers(body, "The plan")[0] == "Ruth Kemper"


def test_a_time_reckoned_from_an_event_opens_the_sentence_before_its_subject() -> None:
    body = (
        "Two weeks after Judge Omar Haddad retired, Judge Rosa Delgado broke her silence by asking "
        "questions from the bench."
    )
    assert _speakers(body, "Two weeks") == ["Rosa Delgado"]


def test_two_openers_before_the_subject_are_skipped_for_a_participle() -> None:
    body = (
        "Mara Quist fell ill in May.\n\n"
        "In June, after Quist left the hospital, Dale Ferrin sent her flowers, "
        'calling her and telling her, "you are the best we have."'
    )
    assert _speakers(body, "In June")[0] == "Dale Ferrin"


def test_a_noun_like_cue_after_a_subject_pronoun_is_a_verb() -> None:
    body = "Tomas Reyes is running for mayor.\n\nHe promises to immediately cut the bus fares."
    found = _clauses(body, "He promises")
    assert [(a.speaker, a.cue) for a in found] == [("Tomas Reyes", "promises")]


def test_a_trailing_speaker_may_carry_a_role_before_the_name() -> None:
    body = (
        "The vote was close.\n\n"
        "The count was fair and final, the mayor's longtime confidant Nadia Brook said.\n\n"
        "The ballots were counted twice, and then Nadia Brook said."
    )
    found = _clauses(body, "The count")
    assert [(a.speaker, a.cue) for a in found] == [("Nadia Brook", "said")]
    assert found[0].content and "longtime" not in found[0].content
    assert _clauses(body, "The ballots") == ()


def test_an_opening_while_clause_and_the_main_clause_have_their_own_speakers() -> None:
    body = (
        "Ana Pike and Hugo Lenz met on Monday.\n\n"
        "While Pike has said that the plan is sound, Lenz said it would fail."
    )
    found = _clauses(body, "While Pike")
    assert [(a.speaker, a.content) for a in found] == [
        ("Ana Pike", "the plan is sound"),
        ("Hugo Lenz", "it would fail."),
    ]


def test_a_request_put_to_someone_reports_what_was_asked() -> None:
    body = (
        "The hearing went on for hours.\n\n"
        "The Dayton Ledger has repeatedly asked the county to release the audit.\n\n"
        "Host Dana Pruitt asked Ms. Ferro, who chairs the board, to explain the delay.\n\n"
        "Attorney General Ray Okafor asked the court for quick action."
    )
    found = _clauses(body, "The Dayton")
    assert [(a.speaker, a.cue) for a in found] == [("Dayton Ledger", "asked")]
    assert found[0].content and found[0].content.startswith("the county to release")
    assert _speakers(body, "Host Dana") == ["Dana Pruitt"]
    assert _speakers(body, "Attorney General") == ["Ray Okafor"]


def test_naming_someone_with_a_titled_object_quotes_the_name_given() -> None:
    body = "Lila Marsh and Anne Hale debated.\n\nMs. Marsh called Mrs. Hale an ''old guard.''"
    found = _clauses(body, "Ms. Marsh")
    assert [(a.speaker, a.cue) for a in found] == [("Lila Marsh", "called")]


def test_an_opening_participle_or_adverb_led_opener_holds_no_subject() -> None:
    body = (
        "The Khans spoke at the convention.\n\n"
        "Facing criticism from Democrats and Republicans, Mr. Tobin Vale released a statement, "
        'describing the son as "a hero."\n\n'
        "Just before the Delta flight took off, Captain Ruth Ames asked for volunteers to move."
    )
    assert _speakers(body, "Facing criticism") == ["Tobin Vale"]
    assert _speakers(body, "Just before") == ["Ruth Ames"]


def test_a_participle_after_a_quotation_ending_in_its_comma_is_the_subjects() -> None:
    body = 'Nora Bell toured Ohio.\n\nBell talked up her "50-county plan," promising to visit every town.'
    found = _clauses(body, "Bell talked")
    assert [(a.speaker, a.cue) for a in found] == [("Nora Bell", "promising")]


def test_a_participle_after_an_object_relative_is_its_subjects() -> None:
    body = (
        "Ray Dunn and Lena Cho run for mayor.\n\n"
        "Dunn put the deficit at $2 million, which Ms. Cho called ''a disgrace,'' blaming the council."
    )
    found = _clauses(body, "Dunn put")
    assert [a.speaker for a in found] == ["Lena Cho"]
    assert found[0].content and "blaming the council" in found[0].content


def test_a_day_and_its_part_between_subject_and_cue() -> None:
    body = "Ada Quist spoke.\n\nSenator Ada Quist on Wednesday morning also called upon the board to quit."
    found = _clauses(body, "Senator Ada Quist on")
    assert [(a.speaker, a.cue) for a in found] == [("Ada Quist", "called")]


def test_a_transcript_label_may_carry_a_party_tag() -> None:
    body = 'The hearing ran late.\n\nRep. Tara Voss (R-Ohio): "I have not heard anyone cite that figure."'
    found = _clauses(body, "Rep. Tara")
    assert [(a.speaker, a.kind) for a in found] == [("Tara Voss", "direct")]


def test_a_coordinated_cue_inside_an_object_relative_is_the_relatives_subjects() -> None:
    body = 'Omar Reyes spoke.\n\nAnd the Pact, which Reyes had called a "disaster" and promised to "tear up"?'
    assert _speakers(body, "And the Pact") == ["Omar Reyes"]


def test_a_trailing_cue_with_only_the_one_addressed_after_it() -> None:
    body = "Ana Pike audits the port.\n\nThe old files are safe where they are, Pike wrote Mr. Dorn."
    found = _clauses(body, "The old files")
    assert [(a.speaker, a.cue) for a in found] == [("Ana Pike", "wrote")]
    assert found[0].content and found[0].content.startswith("The old files are safe")


def test_a_cue_in_a_restrictive_relative_is_part_of_the_clause_around_it() -> None:
    body = (
        "Dan Ruiz runs the campaign.\n\n"
        'Online, Ruiz criticized her aides for scolding young voters who back Lee as "way off key."\n\n'
        "Some files that Ruiz questioned are stored in a vault, and there is no need to move them, "
        "Ana Pike wrote."
    )
    found = _clauses(body, "Online, Ruiz")
    assert [(a.speaker, a.cue) for a in found] == [("Dan Ruiz", "criticized")]
    assert found[0].content and found[0].content.endswith('as "way off key.')
    found = _clauses(body, "Some files")
    assert [(a.speaker, a.cue) for a in found] == [("Ana Pike", "wrote")]


def test_a_title_case_dateline_with_an_agency_names_no_speaker() -> None:
    body = (
        "Lyon (AFP) – Mayor Claire Fabre has taken a swipe at her rival's budget, "
        'saying that "loud promises" do more harm than good.'
    )
    att = _main(body, "Lyon (AFP)")
    assert att and (att.speaker, att.cue) == ("Claire Fabre", "saying")


def test_contracted_has_and_adverbials_between_subject_and_cue() -> None:
    body = (
        "Senator Ruth Kemper spoke on Monday.\n\n"
        "She's said she gets her ideas from the farm bureau.\n\n"
        "Kemper at the time said she had asked her staff to look into it."
    )
    att = _main(body, "She's said")
    assert att and (att.speaker, att.cue) == ("Ruth Kemper", "said")
    att = _main(body, "Kemper at the time")
    assert att and (att.speaker, att.cue) == ("Ruth Kemper", "said")


def test_one_named_with_others_leads_them_and_a_paper_speaks_through_its_piece() -> None:
    body = (
        "Omar Haddad and other council members skipped the vote, claiming that the count was "
        '"rigged."\n\n'
        'The Dayton Ledger recently ran a piece that noted his "plan would help the rich."'
    )
    att = _main(body, "Omar Haddad")
    assert att and (att.speaker, att.cue) == ("Omar Haddad", "claiming")
    att = _main(body, "The Dayton Ledger")
    assert att and (att.speaker, att.cue) == ("Dayton Ledger", "noted")


def test_a_quotation_after_the_one_addressed_and_a_comma() -> None:
    body = 'Ana Pike held a rally.\n\nShe then asked the buzzing crowd, "Can we win?"'
    found = _clauses(body, "She then")
    assert [(a.speaker, a.cue, a.kind) for a in found] == [("Ana Pike", "asked", "mixed")]


def test_an_apposition_may_hold_a_short_quoted_title() -> None:
    body = (
        "The convention closed.\n\n"
        '"We have had better nights," delegate Bo Ames, wearing "Vote Lee" pins, said as confetti fell.\n\n'
        'Ida Marsh, the co-author of "Going Viral," about rumors, said the old days are gone.'
    )
    assert _speakers(body, '"We have had') == ["Bo Ames"]
    assert _speakers(body, "Ida Marsh") == ["Ida Marsh"]


def test_a_cue_word_opening_a_compound_noun_is_no_cue() -> None:
    body = "Matt Rowe, a founder of the center-left think tank Third Way, said the plan would pass."
    found = _clauses(body, "Matt Rowe")
    assert [(a.speaker, a.cue) for a in found] == [("Matt Rowe", "said")]


def test_a_name_after_a_preposition_is_no_subject_of_a_participle() -> None:
    body = (
        "Rita Vance runs the fund.\n\n"
        '"We are uncertain," Vance wrote in a statement to the Ledger Daily explaining why she '
        'is leaving, "but we agree on the goal."\n\n'
        "The fight is over the budget, with Vance calling for cuts."
    )
    assert _speakers(body, '"We are uncertain') == ["Rita Vance"]
    assert _speakers(body, "The fight") == ["Rita Vance"]


def test_naming_with_a_longer_object_reports_the_name_given() -> None:
    body = "Lena Cho ran against Omar Haddad.\n\nCho has called the mogul turned candidate an obvious phony."
    found = _clauses(body, "Cho has")
    assert [(a.speaker, a.cue) for a in found] == [("Lena Cho", "called")]


def test_an_opening_after_clause_and_a_fenced_cue_before_a_while_clause() -> None:
    body = (
        "Ana Pike and Hugo Lenz debated.\n\n"
        'After Pike argued that the tax should not be cut, Lenz said only that her "numbers are off."\n\n'
        "In Dayton, marchers carried roses, the Dayton Ledger reported, while in Akron the parade "
        "began in silence, the Akron Post reported."
    )
    assert _speakers(body, "After Pike") == ["Ana Pike", "Hugo Lenz"]
    found = _clauses(body, "In Dayton")
    assert [a.speaker for a in found] == ["Dayton Ledger", "Akron Post"]
    assert found[0].content == "In Dayton, marchers carried roses"


def test_a_pronoun_after_an_opening_adverb_and_asides_before_the_cue() -> None:
    body = (
        "Ruth Kemper spoke in Dayton.\n\n"
        'Then she cut into Ames, calling him a "stiff."\n\n'
        'Delegate Mary Lund, clad in a red cape, said the night could be a "failure."\n\n'
        'Mayor Ana Pike - who previously said she would "fight to the end" - conceded on Friday.'
    )
    assert _speakers(body, "Then she") == ["Ruth Kemper"]
    assert _speakers(body, "Delegate Mary") == ["Mary Lund"]
    assert "Ana Pike" in _speakers(body, "Mayor Ana")


def test_an_email_saying_and_as_with_more_verbs_and_adverbs() -> None:
    body = (
        "Mayor Ruth Kemper spoke in Dayton.\n\n"
        "Kemper sent a fundraising email Wednesday saying that the race was tied.\n\n"
        "The count rose over the summer, as Kemper has sometimes acknowledged."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Kemper sent")] == [("Ruth Kemper", "saying")]
    [found] = _clauses(body, "The count")
    assert (found.speaker, found.cue, found.content) == (
        "Ruth Kemper",
        "acknowledged",
        "The count rose over the summer",
    )


def test_an_apposition_holding_a_list_and_as_first_reported_by() -> None:
    body = (
        "The new rules are a start, Ann Cole, deputy secretary for housing, transit and parks, said.\n\n"
        "The union began buying airtime this week, as first reported by the Harbor Gazette on Tuesday."
    )
    [cole] = _clauses(body, "The new rules")
    assert (cole.speaker, cole.content) == ("Ann Cole", "The new rules are a start")
    [paper] = _clauses(body, "The union")
    assert (paper.speaker, paper.cue) == ("Harbor Gazette", "reported")


def test_a_noun_phrase_never_ends_in_a_preposition() -> None:
    body = (
        "Lena Cho spoke in Dayton.\n\n"
        "Cho is even trying to persuade other people of color to support the new port.\n\n"
        "Omar Haddad has been a leader in his party in supporting the new port."
    )
    spoken = _speakers(body, "Cho is") + _speakers(body, "Omar Haddad")
    assert not [s for s in spoken if s.split()[-1] in ("to", "in", "of")]


def test_a_name_after_the_is_no_person_a_pronoun_could_mean() -> None:
    body = (
        "Todd Wilcox, a businessman, is running for the Senate.\n\n"
        "He backs the goals of the Common Core, the standards most states adopted.\n\n"
        "But the Common Core was rolled out badly, he said."
    )
    assert _speakers(body, "But the") == ["Todd Wilcox"]


def test_a_name_after_a_is_no_person_a_pronoun_could_mean() -> None:
    body = (
        "Tom Keller sometimes seems fixated on the harbor.\n\n"
        "If Norway can build a Golden Pier, he observed, then he can build one on the bay."
    )
    assert set(_speakers(body, "If Norway")) == {"Tom Keller"}


def test_a_verb_after_a_modal_is_no_modifier_of_a_speaker() -> None:
    body = "Ann Cole spoke.\n\nCole will not say how her office would handle longtime donors seeking favors."
    assert not [s for s in _speakers(body, "Cole will") if s.startswith("handle")]


def test_a_person_of_an_organisation_of_a_place_speaks() -> None:
    body = 'Bishop Lena Cho of the Harbor Diocese of Dayton told reporters, "We have suffered the same fate."'
    assert _speakers(body, "Bishop Lena") == ["Lena Cho"]


def test_calling_someone_something_is_speech_but_calling_them_at_a_time_is_not() -> None:
    body = (
        "Ann Cole spoke.\n\n"
        "Cole called Mayor Pike an outstanding leader who had been misunderstood.\n\n"
        "Cole called the police an hour later."
    )
    assert [(a.speaker, a.cue) for a in _clauses(body, "Cole called Mayor")] == [("Ann Cole", "called")]
    assert list(_clauses(body, "Cole called the")) == []


def test_a_trailing_role_may_end_in_a_town_and_its_state() -> None:
    body = '"Campaigns are short of money" this year, says Evan Tracey, a media consultant in Alexandria, Va.'
    found = _clauses(body, '"Campaigns')
    assert [(a.speaker, a.role) for a in found] == [("Evan Tracey", "a media consultant in Alexandria, Va.")]


def test_a_party_word_is_an_adjective_and_a_list_of_places_a_postmodifier() -> None:
    body = (
        "The audit has renewed Republican calls for a special prosecutor.\n\n"
        "Republican politicians and their allies speak with one voice, arguing that the plan failed.\n\n"
        "Most Republican voters in Ohio, Iowa and Virginia said they felt betrayed."
    )
    assert list(_clauses(body, "The audit")) == []
    assert _speakers(body, "Republican politicians") == ["Republican politicians"]
    assert _speakers(body, "Most Republican") == ["Most Republican voters"]


def test_a_state_alone_is_no_first_name_and_two_roles_before_a_name() -> None:
    body = (
        'In October, the mayor\'s Virginia field director, Ann Cole, reached out, writing: "We need it."\n\n'
        "According to Gazette contributor and monetary historian David Marsh, rates have moved seven times."
    )
    assert "Virginia" not in _speakers(body, "In October")
    assert _speakers(body, "According to") == ["David Marsh"]


def test_quoted_as_saying_prompted_to_say_and_a_statement_before_its_quotation() -> None:
    body = (
        "Ann Cole spoke.\n\n"
        '"Our method works," Cole is quoted as saying.\n\n'
        'The hearing was so calm that Cole was prompted to say, "I cannot believe how civil it is."\n\n'
        'After the vote, Cole issued a statement, "Last night, our town was heard."\n\n'
        'Cole released a statement Thursday night condemning "what appears to be an attack."'
    )
    for begins in ('"Our method', "The hearing", "After the vote", "Cole released"):
        assert _speakers(body, begins) == ["Ann Cole"], begins


def test_an_apposition_no_comma_closes_after_a_quotation() -> None:
    body = '"The council needs a plan," Ann Cole, the pollster who founded Harbor Data tweeted on Wednesday.'
    assert _speakers(body, '"The council') == ["Ann Cole"]


def test_a_free_relatives_what_or_a_conjunction_is_no_part_of_the_speaker() -> None:
    body = (
        "The ruling was a rebuke to what Republicans say is a pattern of overreach.\n\n"
        'The scheme was what former employees have called "a fraud."\n\n'
        "The law passed, though people hailed it only later."
    )
    assert _speakers(body, "The ruling") == ["Republicans"]
    assert _speakers(body, "The scheme") == ["former employees"]
    assert _speakers(body, "The law") in ([], ["people"])


def test_someone_expected_to_do_something_is_not_their_expectation() -> None:
    body = (
        "Rita Vance runs in the primary.\n\n"
        "The race includes Ohio, which she's expected to win easily.\n\n"
        "Vance had a stronger-than-expected showing in May.\n\n"
        "Vance expects the turnout to be high."
    )
    assert _speakers(body, "The race") == []
    assert _speakers(body, "Vance had") == []
    assert _speakers(body, "Vance expects") == ["Rita Vance"]


def test_who_after_a_town_and_its_state_is_the_person_before_them() -> None:
    body = (
        "Tom Keller spoke.\n\n"
        "Paul Marsh, a baker from Dover, Delaware, who said he knows the mayor well, left early.\n\n"
        '"It may worry us," said Lena Hirsch, a nurse from Trenton, New Jersey, who said she knows them.'
    )
    assert _speakers(body, "Paul Marsh") == ["Paul Marsh"]
    # the relative clause after an inverted cue is a second report by the same speaker
    assert _speakers(body, '"It may') == ["Lena Hirsch", "Lena Hirsch"]


def test_which_after_an_organisation_opens_its_report() -> None:
    body = (
        "Ted Vance sued the port.\n\n"
        "The order followed a request by the Harbor Gazette, which argued that the records were public.\n\n"
        "The plan, which said that fares would rise, failed."
    )
    assert _speakers(body, "The order followed") == ["Harbor Gazette"]
    assert _speakers(body, "The plan, which") == []  # a thing, not an organisation


def test_a_noun_like_cue_before_a_verb_of_saying_is_its_subject() -> None:
    body = "Ed Vance spoke.\n\nThe summary of the Planners report says they are sure that the pier is unsafe."
    assert "Planners" not in _speakers(body, "The summary")  # "report" is a noun here


def test_a_contracted_had_after_a_pronoun_or_who_leaves_its_subject() -> None:
    body = (
        "Chris Collins spoke.\n\n"
        "Collins, who'd long endorsed the levy in the council, runs the port.\n\n"
        "He'd said the pier was safe."
    )
    assert _speakers(body, "Collins, who") == ["Chris Collins"]
    assert _speakers(body, "He'd said") == ["Chris Collins"]


def test_a_pronoun_after_an_opening_parenthesis_and_spoke_out_for() -> None:
    body = (
        "Ellen Roth runs the firm.\n\n"
        "(She claimed she would retire.)\n\n"
        'In 2011 she spoke out for "longer summers" as the cure.'
    )
    [claimed] = _clauses(body, "(She")
    assert (claimed.speaker, claimed.content) == ("Ellen Roth", "she would retire.")
    [spoke] = _clauses(body, "In 2011")
    assert (spoke.speaker, spoke.cue) == ("Ellen Roth", "spoke for")


def test_an_infinitive_of_purpose_is_its_sentences_subjects_unless_a_verb_hands_it_to_an_object() -> None:
    body = (
        "Carla Brandt and Ivo Petrov met the press.\n\n"
        "When Petrov sat down, Ms. Brandt walked to the lectern to announce that the ferry would run.\n\n"
        "While Petrov read out the budget, Brandt used part of her speech to argue for a new pier.\n\n"
        "The count will force Petrov to concede that the levy failed.\n\n"
        "The vote opened a path for Petrov to claim that the pier is his."
    )
    announce = _main(body, "When Petrov")
    assert announce and (announce.speaker, announce.cue, announce.content) == (
        "Carla Brandt",
        "announce",
        "the ferry would run.",
    )
    assert _speakers(body, "While Petrov") == ["Carla Brandt"]
    assert _speakers(body, "The count") == ["Ivo Petrov"]
    assert _speakers(body, "The vote opened") == ["Ivo Petrov"]


def test_an_infinitive_that_is_no_report_of_the_subject_is_left_alone() -> None:
    body = (
        "Carla Brandt chairs the harbor board.\n\n"
        "Brandt decided not to seek another term.\n\n"
        "The harbor office will respond to questions about its pier later.\n\n"
        "The Harbor Board voted on Tuesday to approve the levy, "
        "after residents packed the hall to complain about noise.\n\n"
        "Brandt stood by the old mill and tried to explain why she was still undecided.\n\n"
        "Brandt commissioned Ivo Petrov to write a history of the pier, advising him to praise it.\n\n"
        "The harbor office stepped up efforts to admit more ferries."
    )
    assert _speakers(body, "Brandt decided") == []
    assert _speakers(body, "The harbor office will") == []
    assert "Harbor Board" not in _speakers(body, "The Harbor Board")
    assert _speakers(body, "Brandt stood") == []
    assert "Carla Brandt" not in _speakers(body, "Brandt commissioned")
    assert _speakers(body, "The harbor office stepped") == []


def test_press_as_a_noun_does_not_hand_the_infinitive_to_an_object() -> None:
    body = (
        "Carla Brandt held a press briefing to boast that ferry traffic had doubled.\n\n"
        "The board pressed Ivo Petrov to announce that he would stay."
    )
    assert _speakers(body, "Carla Brandt") == ["Carla Brandt"]
    assert "Ivo Petrov" not in _speakers(body, "The board")  # asked to, not said yet


def test_a_long_parenthetical_between_a_name_and_its_cue_is_stepped_over() -> None:
    body = (
        "Mayor Lena Voss (elected at 29, after two terms running the harbor board her father once chaired) "
        "says she felt lost in her first year."
    )
    [says] = _clauses(body, "Mayor Lena")
    assert (says.speaker, says.cue, says.content) == (
        "Lena Voss",
        "says",
        "she felt lost in her first year.",
    )


def test_a_noun_phrase_inside_a_prepositional_phrase_is_no_subject() -> None:
    body = (
        "Chair Ray Dunn sent money to the unions expected to back him.\n\n"
        "Officials in the district said turnout was high.\n\n"
        "Dunn drew fire from voters who thought he had waited too long."
    )
    # "expected" is a participle after "the unions", which no one quotes.
    assert _speakers(body, "Chair Ray") == []
    assert _speakers(body, "Officials in") == ["Officials in the district"]
    assert _speakers(body, "Dunn drew") == ["voters"]
    body = (
        'Mayors clashed over the levy, with one Republican calling it "a tax on the poor."\n\n'
        "Dunn works with advisers to shape the tone of public remarks and speeches."
    )
    assert _speakers(body, "Mayors clashed") == ["Republican"]
    assert _speakers(body, "Dunn works") == []
