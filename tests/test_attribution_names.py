"""Who the speaker is when a name stands beside a place, an outlet, a title with "of" or a word
that only looks like a name; each on sentences written for the test."""

from __future__ import annotations

from bot.core.attribution.mentions import find_mentions
from tests.attribution_text import clauses as _clauses
from tests.attribution_text import speakers as _speakers


def test_a_name_of_a_place_or_outlet_is_the_person_not_the_place() -> None:
    body = (
        '"The bill is a start," said Sen. Rosa Delgado of Nevada.\n\n'
        '"We were ready," Representative Hal Brandt, Democrat of Oregon, told the panel.\n\n'
        'Mira Osei of The Beacon wrote, "Nobody read the report before the vote."'
    )
    assert _speakers(body, '"The bill') == ["Rosa Delgado"]
    assert _speakers(body, '"We were') == ["Hal Brandt"]
    assert _speakers(body, "Mira Osei") == ["Mira Osei"]


def test_a_title_with_of_runs_up_to_the_first_name() -> None:
    body = (
        "That, party Chief of Staff Wendy Arbo explained, is by design.\n\n"
        "Minister of Finance Anna Reyes said the budget would balance."
    )
    found = _clauses(body, "That, party")
    assert [(a.speaker, a.role) for a in found] == [("Wendy Arbo", "Chief of Staff")]
    found = _clauses(body, "Minister of")
    assert [(a.speaker, a.role) for a in found] == [("Anna Reyes", "Minister of Finance")]


def test_a_role_noun_before_a_name_leaves_the_name_as_speaker() -> None:
    body = '"The noise will pass," said county party boss Gil Varga.'
    assert _speakers(body, '"The noise') == ["Gil Varga"]


def test_a_place_after_in_or_at_is_not_the_subject_of_a_participle() -> None:
    body = (
        'Back in Dunmore, Ruth Calder stepped up her attacks on the mill, saying, "We need the jobs."\n\n'
        "On Monday, Ed Tully backed Ms. Calder at a rally at Fenwick Hall, the union's old hall, "
        'calling her "a fighter."'
    )
    assert _speakers(body, "Back in") == ["Ruth Calder"]
    assert "Ed Tully" in _speakers(body, "On Monday") and "Fenwick Hall" not in _speakers(body, "On Monday")


def test_an_opening_adverb_or_participle_is_not_a_name() -> None:
    body = (
        "Hastily rewriting his speech, Dell blamed his rivals, and stressed the threat that floods pose.\n\n"
        "Boreing said the film was done."
    )
    assert _speakers(body, "Hastily") == ["Dell"]
    assert _speakers(body, "Boreing") == ["Boreing"]
    names = [m.name for m in find_mentions("Having reviewed the file, Judge Ina Roth ruled.")]
    assert names == ["Ina Roth"]


def test_a_party_tag_is_not_a_name() -> None:
    names = [m.name for m in find_mentions("Gov. Lena Park (R-OH) spoke at the fair.")]
    assert names == ["Lena Park"]


def test_a_surname_alone_is_not_the_first_name_of_a_longer_name() -> None:
    # "Trask" opens "Trask Bus Lines", a company, and is a surname too: the lone "Trask" is
    # the person, not the company; a real first name alone still finds the full name.
    body = (
        "The Trask Bus Lines rolled on.\n\n"
        "Trask told the board that he had won.\n\n"
        "Maria Keller joined the board.\n\n"
        "Maria said the vote was fair."
    )
    assert _speakers(body, "Trask told") == ["Trask"]
    assert _speakers(body, "Maria said") == ["Maria Keller"]


def test_a_compass_surname_before_a_cue_is_a_name() -> None:
    body = 'Kurt West runs the archive.\n\n"The boxes are full," West said.'
    assert _speakers(body, '"The boxes') == ["Kurt West"]


def test_a_named_person_of_an_institution_between_commas_speaks_after_a_role() -> None:
    body = "Another pollster, Dana Wood of Kingsford College, said her survey showed the lead holding."
    assert _speakers(body, "Another pollster") == ["Dana Wood"]


def test_what_stands_between_speaker_and_cue_is_skipped() -> None:
    body = (
        "Tess Marlow, struck by the letter, told him she would not need notes.\n\n"
        'On Tuesday, Mr. Ames dodged questions about the race before saying, "It is time to go."\n\n'
        "The Water Board less than two weeks ago said the pipes were safe.\n\n"
        "Jo Sexton was quick to point out that not all voters agreed."
    )
    assert _speakers(body, "Tess Marlow") == ["Tess Marlow"]
    assert [(a.speaker, a.cue) for a in _clauses(body, "On Tuesday")][-1] == ("Ames", "saying")
    assert _speakers(body, "The Water Board") == ["Water Board"]
    assert _speakers(body, "Jo Sexton") == ["Jo Sexton"]


def test_a_bare_party_letter_after_a_name_leaves_the_name_as_speaker() -> None:
    body = "State Rep. Dana Voss (D), a sponsor of the bill, suggested that the vote would be close."
    found = _clauses(body, "State Rep.")
    assert [(a.speaker, a.kind) for a in found] == [("Dana Voss", "indirect")]
    assert found[0].content == "the vote would be close."


def test_an_opening_preposition_or_adverb_is_not_a_name() -> None:
    body = (
        "Inside the town hall, Mayor Ruth Okafor dismissed the audit, arguing that the figures were old.\n\n"
        "Shortly after the vote, councillor Ben Adeyemi issued a statement saying the count was fair.\n\n"
        "Once he was elected, Tomas Berger made the port a priority, announcing a new ferry line."
    )
    assert set(_speakers(body, "Inside the")) == {"Ruth Okafor"}
    assert _speakers(body, "Shortly after") == ["Ben Adeyemi"]
    assert _speakers(body, "Once he") == ["Tomas Berger"]


def test_a_surname_ending_in_ly_still_speaks_before_an_adverb() -> None:
    body = "Marta Quilly wrote a long essay.\n\nQuilly then explained that the tax was unfair."
    assert _speakers(body, "Quilly then") == ["Marta Quilly"]


def test_a_state_abbreviation_after_a_town_is_not_a_speaker() -> None:
    body = (
        "At a rally in Beaumont, Tex., Governor Lyle Hart was blunt, claiming that the border was open.\n\n"
        "In Concord, N.H., Ms. Ada Pike said the turnout was high."
    )
    assert _speakers(body, "At a rally") == ["Lyle Hart"]
    assert _speakers(body, "In Concord") == ["Ada Pike"]


def test_will_inside_a_sentence_is_a_first_name() -> None:
    body = '"It is a costly model," said Will Doyle, a professor.\n\nWill the board agree?'
    assert _speakers(body, '"It is') == ["Will Doyle"]
    assert _speakers(body, "Will the") == []


def test_a_plural_title_is_not_part_of_the_name() -> None:
    body = (
        "Senators Ada Crane and Ben Cole spoke on Monday.\n\n"
        '"We will win," Ms. Crane said.\n\n'
        'Continued Crane: "So it is a real problem."'
    )
    assert _speakers(body, '"We will') == ["Ada Crane"]
    assert _speakers(body, "Continued") == ["Ada Crane"]


def test_a_headline_verb_ends_a_run_of_capitals() -> None:
    body = "Zoe Varga Asked Men Everywhere To Redefine Strength.\n\nZoe Varga Described Her Years In Film."
    assert _speakers(body, "Zoe Varga Asked") == ["Zoe Varga"]
    assert _speakers(body, "Zoe Varga Described") == ["Zoe Varga"]


def test_a_possessive_in_a_title_case_headline_ends_the_name() -> None:
    from bot.core.attribution.mentions import find_mentions

    names = [m.name for m in find_mentions("Mayor Lena Ortiz Raised His Campaign's Rent")]
    assert not any("His" in n or "Campaign" in n and "Ortiz" in n for n in names)


def test_a_formal_body_named_with_and_is_one_name() -> None:
    from bot.core.attribution.mentions import find_mentions

    text = "the Department of Housing and Urban Development said, the Department of Justice and Clinton said"
    names = [m.name for m in find_mentions(text)]
    assert names == ["Department of Housing and Urban Development", "Department of Justice", "Clinton"]


def test_a_capitalised_common_word_opening_a_sentence_is_no_name() -> None:
    body = (
        "Gov. Tom Keller runs the State Department of Ports. He said nobody came to the hearing.\n\n"
        "Nobody asked about the levy, so Keller raised it.\n\n"
        "State said the levy would stay.\n\n"
        "Sanders said the pier was safe."
    )
    assert [a.speaker for a in _clauses(body, "Nobody asked")] == []  # "nobody" is a word
    assert [a.speaker for a in _clauses(body, "State said")] == ["State"]  # a word of a longer name
    assert [a.speaker for a in _clauses(body, "Sanders said")] == ["Sanders"]  # never lower case


def test_a_description_the_role_list_lacks_before_a_full_name_after_an_inverted_cue() -> None:
    body = '"We will win the pier," said actress Lena Voss.\n\n"Not this year," said the ex-singer Tom Hale.'
    [voss] = _clauses(body, '"We will')
    assert (voss.speaker, voss.role, voss.content) == ("Lena Voss", "actress", "We will win the pier")
    [hale] = _clauses(body, '"Not this')
    assert (hale.speaker, hale.role) == ("Tom Hale", "the ex-singer")


def test_occupations_beyond_politics_speak_and_are_not_taken_for_the_story_s_person() -> None:
    body = (
        "Tom Reid, a local farmer, lost his barn in the storm.\n\n"
        "According to the coroner, the death was accidental.\n\n"
        '"I have never seen wind like it," admitted the goalkeeper.\n\n'
        "The pilot said the runway had been closed for an hour."
    )
    assert _speakers(body, "According to") == ["coroner"]
    assert _speakers(body, '"I have') == ["goalkeeper"]
    assert _speakers(body, "The pilot") == ["pilot"]


def test_british_titles_an_org_written_who_and_a_source_close_to_someone() -> None:
    body = (
        "Tom Hale scored twice.\n\n"
        "Sir Alan Pryce said the harbour would reopen.\n\n"
        "Labour MP Jess Holt said it was shameful.\n\n"
        "A source close to the striker said he was upset.\n\n"
        "The WHO said cases were rising."
    )
    [pryce] = _clauses(body, "Sir Alan")
    assert pryce.speaker == "Alan Pryce"
    [holt] = _clauses(body, "Labour MP")
    assert (holt.speaker, holt.role) == ("Jess Holt", "Labour MP")
    assert _speakers(body, "A source") == ["source close to the striker"]
    assert _speakers(body, "The WHO") == ["WHO"]


def test_an_age_or_a_nationality_describes_the_person_the_story_is_about() -> None:
    body = (
        "Marco Vell scored twice as the Harbor club won 2-0.\n\n"
        "The 25-year-old said he was proud of the team.\n\n"
        '"We deserved it," the Frenchman added.\n\n'
        "Coach Ines Falk praised her striker.\n\n"
        "The Italian also confirmed that Vell would rest on Sunday.\n\n"
        '"We played well," said Dane Holm, the club\'s captain.'
    )
    assert _speakers(body, "The 25-year-old") == ["Marco Vell"]
    assert _speakers(body, '"We deserved') == ["Marco Vell"]
    assert _speakers(body, "The Italian") == ["Ines Falk"]  # the one who spoke just before
    assert _speakers(body, '"We played') == ["Dane Holm"]  # a first name, not a description


def test_a_description_after_a_sentence_means_its_subject_not_a_mere_owner() -> None:
    body = (
        "Ana Ruiz has an answer for Tom Hale's plan to close the port: no.\n\n"
        "The candidate attacked the plan on Friday, calling it a fantasy.\n\n"
        "Hale defended his plan to sell the ferry.\n\n"
        "The candidate said he would sell it in June."
    )
    # Hale "spoke" last only through "Hale's plan"; the sentence is about Ruiz.
    assert _speakers(body, "The candidate attacked") == ["Ana Ruiz"]
    # One who opens the sentence, even with a possessive of his own after, is its subject.
    assert _speakers(body, "The candidate said") == ["Tom Hale"]


def test_a_description_never_means_an_organisation_the_article_names_only_later() -> None:
    body = (
        "The harbor board met on Tuesday, and the company says the pier is safe.\n\n"
        '"It is not," said Ben Wood, chief analyst at Harbor Insight Group.'
    )
    assert "Harbor Insight Group" not in _speakers(body, "The harbor board")


def test_an_organisation_named_after_its_noun_speaks_and_is_they() -> None:
    body = (
        "Acme Shipping announced layoffs on Monday.\n\n"
        "The union, Dockworkers United, said it would fight the cuts.\n\n"
        'They called the decision "a betrayal".'
    )
    assert _speakers(body, "The union") == ["Dockworkers United"]
    assert _speakers(body, "They called") == ["Dockworkers United"]


def test_an_outlet_named_for_politics_or_a_live_show_is_no_person_a_pronoun_means() -> None:
    body = (
        "Tom Hale spoke at length.\n\n"
        "In an interview on Tuesday with Harbor Politics, he said he would run again.\n\n"
        "Speaking on Harbor Live, Hale said the vote was rigged."
    )
    assert _speakers(body, "In an interview") == ["Tom Hale"]
    assert _speakers(body, "Speaking on") == ["Tom Hale"]


def test_a_document_s_described_or_single_named_owner_is_its_author() -> None:
    body = (
        "Acme Freight Corp. announced layoffs on Monday.\n\n"
        "The company's statement said the plant would close.\n\n"
        "The harbor authority's report said repairs would cost $4 million.\n\n"
        "Dockside's letter said the pier was safe."
    )
    assert _speakers(body, "The company's") == ["Acme Freight Corp."]
    assert _speakers(body, "The harbor authority's") == ["harbor authority"]
    assert _speakers(body, "Dockside's") == ["Dockside"]


def test_a_headline_reports_for_an_organisation_the_article_names() -> None:
    body = (
        "Harbor Board Says Repairs Will Cost Millions\n\n"
        "Harbor Board Delays Vote On Pier\n\n"
        "Mayor Ana Ruiz spoke on Monday after the Harbor Board met."
    )
    assert _speakers(body, "Harbor Board Says") == ["Harbor Board"]
    assert _speakers(body, "Harbor Board Delays") == []


def test_a_first_name_before_county_or_city_names_a_place() -> None:
    kinds = {m.name: m.kind for m in find_mentions("Voters in Grant County met Ana Ruiz.")}
    assert kinds == {"Grant County": "place", "Ana Ruiz": "person"}
    body = 'Voters in Grant County went to the polls.\n\n"It was a long day," he said.'
    assert _speakers(body, '"It was') == []  # no person for "he" to mean


def test_a_two_word_state_before_a_title_opening_a_sentence_stays_in_the_title() -> None:
    found = [(m.name, m.title) for m in find_mentions("New Jersey Gov. Ana Ruiz said the plan was sound.")]
    assert found == [("Ana Ruiz", "New Jersey Gov.")]
