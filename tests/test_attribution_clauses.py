"""Attribution of the second clause in a sentence and of names that look like other words,
each on sentences written for the test."""

from __future__ import annotations

from bot.core.ingest import parse
from bot.core.models import Attribution


def _clauses(body: str, begins: str) -> tuple[Attribution, ...]:
    doc = parse("Friday, March 1, 2024\n\nA Headline\n\n" + body, name="news.txt")
    hits = [i for i, s in enumerate(doc.sentences) if s.text.startswith(begins)]
    assert len(hits) == 1, f"{begins!r} matches {len(hits)} sentences"
    return doc.clauses[hits[0]]


def _said(found: tuple[Attribution, ...]) -> list[tuple[str, str, str]]:
    return [(a.speaker, a.cue or "", a.content or "") for a in found]


def test_a_surname_ending_in_ly_is_a_name_not_an_adverb() -> None:
    body = (
        '"The file is valuable," said Skelly.\n\n'
        "Skelly said the file was old.\n\n"
        "Separately, Tom Fry said it was new."
    )
    assert _said(_clauses(body, '"The file'))[0][0] == "Skelly"
    assert _said(_clauses(body, "Skelly said"))[0][0] == "Skelly"
    assert _said(_clauses(body, "Separately"))[0][0] == "Tom Fry"


def test_a_participle_after_an_inverted_quote_is_a_second_report_by_the_same_speaker() -> None:
    body = (
        'After the wins of Ann Lee in Iowa, "we keep them there," Rob Law said, noting that donors '
        "feel safer now.\n\n"
        '"The plan works," said Dana Skelly, explaining she had tested it twice.\n\n'
        "The bridge failed, the Herald reported, citing two engineers."
    )
    law = _said(_clauses(body, "After the wins"))
    assert [(s, c) for s, c, _ in law] == [("Rob Law", "said"), ("Rob Law", "noting")]
    assert law[1][2].startswith("donors feel safer")
    skelly = _said(_clauses(body, '"The plan'))
    assert [(s, c) for s, c, _ in skelly] == [("Dana Skelly", "said"), ("Dana Skelly", "explaining")]
    assert skelly[1][2].startswith("she had tested")
    # "citing" names a source, not a second report
    assert [c for _, c, _ in _said(_clauses(body, "The bridge"))] == ["reported"]


def test_a_participle_linked_by_while_or_by_reports_for_its_clause_subject() -> None:
    body = (
        "Mara Keller has promised to build a new dam, while also suggesting that the old one "
        "should be drained.\n\n"
        "The mayor met Speaker Paul Rowe, who a week ago surprised Keller by declaring he could "
        "not yet back her plan."
    )
    keller = _said(_clauses(body, "Mara Keller"))
    assert ("Mara Keller", "suggesting") in [(s, c) for s, c, _ in keller]
    rowe = _said(_clauses(body, "The mayor"))
    assert [(s, c) for s, c, _ in rowe] == [("Paul Rowe", "declaring")]
    assert rowe[0][2].startswith("he could not yet back")


def test_one_speaker_two_clauses_joined_by_and_with_their_own_subject_stay_two() -> None:
    body = (
        "Senator Ruth Calder said the smugglers had bribed the guards and she accused the minister "
        "of hiding the report."
    )
    found = _said(_clauses(body, "Senator Ruth Calder"))
    assert [(s, c) for s, c, _ in found] == [("Ruth Calder", "said"), ("Ruth Calder", "accused")]
    assert found[0][2] == "the smugglers had bribed the guards"
    assert found[1][2].startswith("the minister of hiding")


def test_a_possessive_is_the_antecedent_when_it_is_the_only_person_before_the_pronoun() -> None:
    body = (
        "Tom Fry met Ana Ruiz in June.\n\n"
        "The talks were led by Dan Keller.\n\n"
        "Fry's role is under discussion, but he has said a closer priority is the harbour."
    )
    assert _said(_clauses(body, "Fry's role"))[0][0] == "Tom Fry"


def test_a_country_abbreviation_and_a_party_adjective_are_not_a_person() -> None:
    body = (
        "U.S. Democratic presidential candidate Ruth Calder said the port was hacked and she "
        "accused her rival of silence."
    )
    assert {s for s, _, _ in _said(_clauses(body, "U.S. Democratic"))} == {"Ruth Calder"}


def test_a_verb_chain_or_a_medium_between_speaker_and_cue() -> None:
    body = (
        "Mara Keller spoke for an hour.\n\n"
        'She went on to call Tom Fry "the worst harbour master in the state."\n\n'
        'The break was complete when Fry in his resignation speech called the board "cowards."'
    )
    chain = _said(_clauses(body, "She went on"))
    assert chain and chain[0][:2] == ("Mara Keller", "call")
    medium = _said(_clauses(body, "The break"))
    assert medium and medium[0][:2] == ("Tom Fry", "called")


def test_as_a_described_outlet_noted_names_the_outlet() -> None:
    body = (
        "But as the weekly Harbor Gazette tabloid noted in an op-ed Thursday, the mayor "
        '"has few friends left."'
    )
    found = _said(_clauses(body, "But as"))
    assert found and found[0][:2] == ("Harbor Gazette", "noted")


def test_according_to_a_document_by_someone_of_an_institution() -> None:
    body = (
        "A fair wage for one adult is about $19 an hour, according to calculations by Amy Roe of "
        "the Northfield Institute of Labor."
    )
    found = _said(_clauses(body, "A fair wage"))
    assert found and found[0][0] == "Amy Roe"
    assert found[0][2] == "A fair wage for one adult is about $19 an hour"


def test_a_naming_participle_after_an_aside_or_at_one_point() -> None:
    body = (
        'Early in the race, Mara Keller attacked Tom Fry, calling him, among other things, "a failed '
        'captain."\n\n'
        "Gov. Dana Ruiz fought the board over the budget, at one point calling its chair a "
        '"liar."'
    )
    early = _said(_clauses(body, "Early in"))
    assert early and early[0][:2] == ("Mara Keller", "calling")
    ruiz = _said(_clauses(body, "Gov. Dana Ruiz"))
    assert ruiz and ruiz[0][:2] == ("Dana Ruiz", "calling")


def test_an_opening_subordinate_clause_holds_no_subject_for_a_participle() -> None:
    body = (
        "Although Tom Fry is not yet a candidate, Mara Keller sent a jab his way by suggesting "
        "that Fry was worth less than he claims.\n\n"
        "Dana Ruiz changed her mind on the spot – saying she was rooting for the visitors."
    )
    assert _said(_clauses(body, "Although"))[0][:2] == ("Mara Keller", "suggesting")
    assert _said(_clauses(body, "Dana Ruiz"))[0][:2] == ("Dana Ruiz", "saying")


def test_a_transcript_label_in_capitals_is_the_speaker() -> None:
    body = (
        "JOEL BRANNIGAN, a strategist, joined the show.\n\n"
        "BRANNIGAN: Senator Fry does not get to decide when we debate.\n\n"
        "UPDATE: The debate is on Tuesday."
    )
    found = _said(_clauses(body, "BRANNIGAN:"))
    assert found and found[0][0] == "Joel Brannigan"
    assert found[0][2].startswith("Senator Fry does not")
    assert _clauses(body, "UPDATE:") == ()


def test_given_opens_a_sentence_and_is_not_a_name() -> None:
    body = "Given Fry won the primary, the party is nervous.\n\nFry said he would campaign for Keller."
    assert _said(_clauses(body, "Fry said"))[0][0] == "Fry"


def test_a_promise_states_a_plan_and_a_participle_after_it_is_its_own_report() -> None:
    body = (
        "Mara Keller promised her whole harbour plan would be paid for by a port tax.\n\n"
        "Tom Fry promised on Tuesday to stop using the phrase, saying he had made a poor choice "
        "of words."
    )
    keller = _said(_clauses(body, "Mara Keller"))
    assert keller and keller[0][:2] == ("Mara Keller", "promised")
    fry = _said(_clauses(body, "Tom Fry"))
    assert [(s, c) for s, c, _ in fry] == [("Tom Fry", "promised"), ("Tom Fry", "saying")]
    assert fry[1][2].startswith("he had made a poor choice")


def test_a_participle_of_emphasis_after_a_clause_reports_for_its_subject() -> None:
    body = "Dana Ruiz was in Dayton on Tuesday night, emphasizing the state's importance."
    found = _said(_clauses(body, "Dana Ruiz"))
    assert found and found[0][:2] == ("Dana Ruiz", "emphasizing")


def test_a_surname_and_a_colon_after_the_full_name_is_a_transcript_line() -> None:
    body = (
        "Chris Matthews hosted the panel with Ana Lopez.\n\n"
        "Matthews: Well, speculation is bad.\n\n"
        "Lopez: Well, no one says so."
    )
    assert _said(_clauses(body, "Matthews:"))[0][0] == "Chris Matthews"
    assert _said(_clauses(body, "Lopez:"))[0][0] == "Ana Lopez"


def test_an_inverted_cue_whose_apposition_lists_things_to_the_end() -> None:
    body = (
        "Many factors drive the cost of college, said Mark Kantor, a loan expert who has "
        "published several books, papers and essays on the topic.\n\n"
        "Ruth Calder lacks experience, said Brandt, but her record at the port makes up for it."
    )
    kantor = _said(_clauses(body, "Many factors"))
    assert kantor and kantor[0][0] == "Mark Kantor"
    assert kantor[0][2] == "Many factors drive the cost of college"
    brandt = _said(_clauses(body, "Ruth Calder"))
    assert brandt and brandt[0][0] == "Brandt"
    assert "her record at the port makes up for it" in brandt[0][2]


def test_as_an_outlet_reported_mid_sentence_reports_its_side() -> None:
    body = (
        "The deal may fail, given that, as The Ledger reported on Monday, the bank has already left.\n\n"
        "The mill will close in June, as the Herald reported."
    )
    [given] = _clauses(body, "The deal")
    assert (given.speaker, given.cue, given.content) == ("Ledger", "reported", "the bank has already left.")
    [mill] = _clauses(body, "The mill")
    assert (mill.speaker, mill.content) == ("Herald", "The mill will close in June")


def test_a_passive_report_names_its_source_after_by() -> None:
    body = (
        "The closure of the depot was first reported by the Valley Courier.\n\n"
        "The survey, first disclosed by Harbor Radio on Tuesday, is the core of the plan."
    )
    [depot] = _clauses(body, "The closure")
    assert (depot.speaker, depot.content) == ("Valley Courier", "The closure of the depot")
    [survey] = _clauses(body, "The survey")
    assert (survey.speaker, survey.content) == ("Harbor Radio", "The survey")


def test_an_outlet_described_before_its_name_reports_the_sentence() -> None:
    body = "The engineer had worked in Porto for years, Portuguese newspaper Diario da Praia reports."
    [found] = _clauses(body, "The engineer")
    assert (found.speaker, found.role) == ("Diario da Praia", "Portuguese newspaper")


def test_a_surname_that_is_a_common_word_speaks_after_a_quotation() -> None:
    body = (
        "Ian Read runs the firm.\n\n"
        '"We believe this deal is great," Read said.\n\n'
        '"Your honor," I said, "the file is old."'
    )
    assert [a.speaker for a in _clauses(body, '"We believe')] == ["Ian Read"]
    assert all(a.speaker != "I" for a in _clauses(body, '"Your honor'))


def test_a_person_named_mid_sentence_before_a_colon_and_a_quotation_said_it() -> None:
    body = (
        'The surge does not surprise Republican pollster Dan Shaw: "Lesser-known candidates gain most."\n\n'
        'Here is Mayor Ruth Lane in May 2001: "Our town must rest on its port."\n\n'
        'Olga Brandt wrote of Mayor Lane: "She is still selling the port in pieces."'
    )
    [shaw] = _clauses(body, "The surge")
    assert (shaw.speaker, shaw.role, shaw.kind) == ("Dan Shaw", "Republican pollster", "direct")
    assert [a.speaker for a in _clauses(body, "Here is")] == ["Ruth Lane"]
    assert [a.speaker for a in _clauses(body, "Olga Brandt")] == ["Olga Brandt"]


def test_the_author_of_a_statement_saying_something_said_it() -> None:
    body = "Mayor Ann Cole issued a brief statement saying the plant would reopen."
    [found] = _clauses(body, "Mayor Ann")
    assert (found.speaker, found.cue, found.content) == ("Ann Cole", "saying", "the plant would reopen.")
    # a lawsuit or complaint speaks for whoever filed it
    body = "Attorney General Ann Cole filed a $4 million lawsuit alleging that the port had lied."
    [found] = _clauses(body, "Attorney General")
    assert (found.speaker, found.cue, found.content) == ("Ann Cole", "alleging", "the port had lied.")


def test_a_plural_group_noun_is_the_speaker() -> None:
    body = "Protest groups say the new permit rules are meant to hide them."
    assert _said(_clauses(body, "Protest groups")) == [
        ("Protest groups", "say", "the new permit rules are meant to hide them.")
    ]


def test_a_participle_after_a_second_clause_takes_that_clause_subject() -> None:
    body = (
        "Residents say the fence is ugly, and the Harbor Tenants Union has already sued the city, "
        "saying the fence breaks the lease."
    )
    found = _said(_clauses(body, "Residents say"))
    assert ("Harbor Tenants Union", "saying", "the fence breaks the lease.") in found
    assert [s for s, cue, _ in found if cue == "say"] == ["Residents"]


def test_a_pronoun_prefers_the_subject_to_an_object_in_its_sentence() -> None:
    body = (
        "After meeting Senator Paul Ryan, Donald Trump said the talks went well, and he added that "
        "more would follow.\n\n"
        "Soon after the murder of Father Jacques Hamel, Donald Trump asserted that the town was afraid, "
        "and he claimed that police were absent."
    )
    assert [s for s, _, _ in _said(_clauses(body, "After meeting"))] == ["Donald Trump", "Donald Trump"]
    assert {s for s, _, _ in _said(_clauses(body, "Soon after"))} == {"Donald Trump"}


def test_a_quote_after_an_inverted_attribution_continues_that_speaker_not_the_next() -> None:
    body = (
        '"It is a model," said Ana Ruiz, a dean. "The biggest cost is staff. Every year, it grows."\n\n'
        '"There are many voters," said Tom Berg, a pollster. "They agree with him."'
    )
    assert _said(_clauses(body, '"The biggest')) == [("Ana Ruiz", "", "The biggest cost is staff.")]
    assert _said(_clauses(body, "Every year")) == [("Ana Ruiz", "", "Every year, it grows.")]
    assert _said(_clauses(body, '"There are')) == [("Tom Berg", "said", "There are many voters")]


def test_a_continued_quote_closed_by_narration_stays_with_its_speaker() -> None:
    body = (
        '"There are many quiet voters," said Tom Berg, a pollster. "They agree with him, but they '
        'are not there yet" to back him as a candidate.\n\n'
        '"It is late," said Ana Ruiz. "The vote is close. We need more time" - and more money.'
    )
    found = _clauses(body, '"They agree')
    assert [(a.speaker, a.kind) for a in found] == [("Tom Berg", "mixed")]
    assert [a.speaker for a in _clauses(body, "We need")] == ["Ana Ruiz"]


def test_a_speaker_before_a_state_tag_and_a_partitive_apposition() -> None:
    body = (
        "Sen. Ada Crane (R-Ga.), one of the few authors still in office, said she remembers the night.\n\n"
        "Rep. Hal Moss (Mich.), a superdelegate backing the governor, said he has spoken with many delegates."
    )
    assert _said(_clauses(body, "Sen. Ada")) == [("Ada Crane", "said", "she remembers the night.")]
    assert _said(_clauses(body, "Rep. Hal")) == [("Hal Moss", "said", "he has spoken with many delegates.")]


def test_an_opening_said_before_its_speaker_and_quote() -> None:
    body = 'Said Dora Pike, who grew up on the street, "We were all so proud of him."'
    assert _said(_clauses(body, "Said Dora")) == [("Dora Pike", "said", "We were all so proud of him.")]


def test_one_named_with_others_speaks_and_a_weekday_possessive_is_content() -> None:
    body = (
        "Edna Vale and others said they could not back the plan.\n\n"
        "Edna Vale said Monday's decision will make the choice starker."
    )
    assert _said(_clauses(body, "Edna Vale and")) == [("Edna Vale", "said", "they could not back the plan.")]
    assert _said(_clauses(body, "Edna Vale said")) == [
        ("Edna Vale", "said", "Monday's decision will make the choice starker.")
    ]


def test_one_named_with_a_group_of_theirs_speaks_for_it() -> None:
    body = (
        "Edna Vale ran for mayor.\n\n"
        "Early on, she and other Keller challengers loudly complained that the debates were few.\n\n"
        "Vale and her aides said the count was wrong.\n\n"
        "The mayor and the police said the road was closed."
    )
    assert _said(_clauses(body, "Early on")) == [("Edna Vale", "complained", "the debates were few.")]
    assert _said(_clauses(body, "Vale and her")) == [("Edna Vale", "said", "the count was wrong.")]
    assert _clauses(body, "The mayor and")[0].speaker != "Edna Vale"  # no one named
    listed = "Edna Vale ran.\n\nUnions, farm groups, and many lawmakers claim the tax will cost jobs."
    assert [a.speaker for a in _clauses(listed, "Unions")] == ["many lawmakers"]  # a list, no one named


def test_a_telling_verb_reports_its_object() -> None:
    body = (
        "Mayor Ruth Okafor recalled her opposition to the stadium deal.\n\n"
        "Dean Paulo Serra described the mood on campus as tense.\n\n"
        "The Northwind Company recalled 10,000 heaters on Monday."
    )
    assert _said(_clauses(body, "Mayor Ruth")) == [
        ("Ruth Okafor", "recalled", "her opposition to the stadium deal.")
    ]
    assert _said(_clauses(body, "Dean Paulo")) == [
        ("Paulo Serra", "described", "the mood on campus as tense.")
    ]
    assert _said(_clauses(body, "The Northwind")) == []


def test_a_question_asked_of_someone_about_something() -> None:
    body = (
        "The moderator, Lena Hart, then asked Governor Ben Cole which counties he could win.\n\n"
        "The host, Omar Sayed, asked Governor Ben Cole about his ties to a lender."
    )
    assert [a.speaker for a in _clauses(body, "The moderator")] == ["Lena Hart"]
    assert [a.speaker for a in _clauses(body, "The host")] == ["Omar Sayed"]


def test_the_agent_of_a_participle_is_not_the_speaker() -> None:
    body = "Judges interviewed by the Gazette described crowded dockets and rushed hearings."
    assert [a.speaker for a in _clauses(body, "Judges")] == ["Judges"]


def test_a_report_dated_days_ago_reports_what_came_before() -> None:
    body = "The fund took $26 million in payments, the Daily Ledger reported ten days ago."
    assert _said(_clauses(body, "The fund")) == [
        ("Daily Ledger", "reported", "The fund took $26 million in payments")
    ]


def test_a_noun_like_cue_before_a_bare_clause_is_a_verb() -> None:
    body = (
        "Mayor Ruth Okafor claims she's owed $10,000.\n\nDean Paulo Serra also claims he was the one fired."
    )
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "claims", "she's owed $10,000.")]
    assert _said(_clauses(body, "Dean Paulo")) == [("Paulo Serra", "claims", "he was the one fired.")]
    # The clause's subject may carry a prepositional phrase.
    body = "Mayor Ruth Okafor hopes her latest endorsement before the state primary will lift her."
    assert _said(_clauses(body, "Mayor Ruth")) == [
        ("Ruth Okafor", "hopes", "her latest endorsement before the state primary will lift her.")
    ]


def test_spoke_about_reports_its_topic_but_not_a_length_of_time() -> None:
    body = (
        "Mayor Ruth Okafor spoke at the library on Tuesday about rents that had doubled.\n\n"
        "Dean Paulo Serra spoke for about 35 minutes, mostly on budgets."
    )
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "spoke about", "rents that had doubled.")]
    assert _said(_clauses(body, "Dean Paulo")) == []


def test_is_talking_about_reports_its_topic_as_spoke_about_does() -> None:
    body = (
        "Mayor Ruth Okafor toured the port.\n\n"
        "She is now talking about the levy in a new way.\n\n"
        "Okafor began by talking about life at sea.\n\n"
        "Dean Paulo Serra was arguing about the levy with aides."
    )
    assert _said(_clauses(body, "She is now")) == [("Ruth Okafor", "talking about", "the levy in a new way.")]
    assert _said(_clauses(body, "Okafor began")) == [("Ruth Okafor", "talking about", "life at sea.")]
    assert _said(_clauses(body, "Dean Paulo")) == []


def test_calling_someone_something_reports_it() -> None:
    body = (
        "Mayor Ruth Okafor called the audit a waste of money.\n\n"
        "Dean Paulo Serra called the police.\n\n"
        "Governor Lyle Hart called to ban fireworks in the city."
    )
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "called", "the audit a waste of money.")]
    assert _said(_clauses(body, "Dean Paulo")) == []
    assert [a.speaker for a in _clauses(body, "Governor Lyle")] == ["Lyle Hart"]
    # "called on X to Y" opening its sentence: what comes after is no trailing adverbial
    body = "Mayor Ruth Okafor spoke.\n\nOkafor called on others to return the money."
    assert _said(_clauses(body, "Okafor called")) == [
        ("Ruth Okafor", "called", "on others to return the money.")
    ]


def test_a_published_document_that_says_speaks_for_its_author_not_its_reader() -> None:
    body = (
        "Mayor Ruth Okafor released a video that said the harbor would reopen.\n\n"
        "Dean Paulo Serra read the report that said the harbor would close."
    )
    assert [a.speaker for a in _clauses(body, "Mayor Ruth")] == ["Ruth Okafor"]
    assert [a.speaker for a in _clauses(body, "Dean Paulo")] == []


def test_condemning_reports_its_object_without_a_quotation() -> None:
    body = "Mayor Ruth Okafor condemned the harbor deal.\n\nDean Paulo Serra slammed the vote."
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "condemned", "the harbor deal.")]
    assert _said(_clauses(body, "Dean Paulo")) == [("Paulo Serra", "slammed", "the vote.")]


def test_an_owned_noun_of_saying_reports_its_topic() -> None:
    body = (
        "Mayor Ruth Okafor spoke on Monday.\n\n"
        "Okafor's comments about the harbor drew fire from the council.\n\n"
        "Voters liked her criticism of the tax, and the claims of rivals faded."
    )
    assert _said(_clauses(body, "Okafor's comments")) == [("Ruth Okafor", "comments", "the harbor")]
    assert _said(_clauses(body, "Voters liked")) == [("Ruth Okafor", "criticism", "the tax")]


def test_a_participle_after_an_as_clause_takes_the_pronoun_subject() -> None:
    body = (
        "Governor Lyle Hart spoke in Dayton.\n\n"
        "As word of the losses rolled in on Tuesday, he gave a defiant speech, predicting he would win."
    )
    assert [a.speaker for a in _clauses(body, "As word")] == ["Lyle Hart"]


def test_spoke_of_reports_its_topic() -> None:
    body = "Mayor Ruth Okafor spoke of a visit to the harbor."
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "spoke of", "a visit to the harbor.")]


def test_a_longer_verb_chain_before_the_cue_keeps_its_subject() -> None:
    body = (
        "Mayor Ruth Okafor went out of her way to say that the port had recovered.\n\n"
        "Dean Paulo Serra is correct to note that fees rose."
    )
    assert [a.speaker for a in _clauses(body, "Mayor Ruth")] == ["Ruth Okafor"]
    assert [a.speaker for a in _clauses(body, "Dean Paulo")] == ["Paulo Serra"]


def test_a_state_after_a_town_inside_an_apposition_is_skipped() -> None:
    body = (
        "Lyle Hart spoke.\n\nHart, speaking at a rally in Wilmington, N.C., warned that the port would close."
    )
    assert _said(_clauses(body, "Hart, speaking")) == [("Lyle Hart", "warned", "the port would close.")]


def test_a_quoted_phrase_is_not_what_a_later_subject_charged() -> None:
    body = (
        "Dean Paulo Serra spoke on Monday.\n\n"
        'In 2009, under what Serra called "the old model," the Harbor Club charged a $100,000 fee.'
    )
    assert "Harbor Club" not in [a.speaker for a in _clauses(body, "In 2009")]


def test_voiced_support_and_pointed_to_report_their_object() -> None:
    body = (
        "Mayor Ruth Okafor had voiced support for a harbor tax.\n\n"
        "Dean Paulo Serra pointed to the rising fees.\n\n"
        "Governor Lyle Hart pointed out that fees rose."
    )
    assert _said(_clauses(body, "Mayor Ruth")) == [("Ruth Okafor", "voiced", "support for a harbor tax.")]
    assert _said(_clauses(body, "Dean Paulo")) == [("Paulo Serra", "pointed to", "the rising fees.")]
    assert _said(_clauses(body, "Governor Lyle")) == [("Lyle Hart", "pointed out", "fees rose.")]


def test_an_aside_and_a_fenced_adverbial_before_a_colon_quote() -> None:
    body = (
        "Mayor Ruth Okafor, meanwhile, who has no endorsements, said the count was unfair.\n\n"
        'Dean Paulo Serra responded pointedly, with a smile: "It can happen to anyone."'
    )
    assert [a.speaker for a in _clauses(body, "Mayor Ruth")] == ["Ruth Okafor"]
    assert _said(_clauses(body, "Dean Paulo")) == [("Paulo Serra", "responded", "It can happen to anyone.")]


def test_a_title_case_headline_in_the_past_tense_reports_speech() -> None:
    body = (
        "Rick Varga spoke on Monday.\n\n"
        "Rick Varga Just Announced His Official Endorsement Of A Big Name.\n\n"
        "Right After The Speech, Varga Said The Words Everyone Was Thinking."
    )
    assert [a.speaker for a in _clauses(body, "Rick Varga Just")] == ["Rick Varga"]
    assert [a.speaker for a in _clauses(body, "Right After")] == ["Rick Varga"]


def test_a_passive_question_is_asked_by_the_one_after_by() -> None:
    body = "Mayor Ruth Okafor was asked by radio host Ben Adeyemi whether the harbor tax would pass."
    assert _said(_clauses(body, "Mayor Ruth")) == [
        ("Ben Adeyemi", "asked", "whether the harbor tax would pass.")
    ]


def test_an_opening_asked_by_is_a_second_report_beside_the_answer() -> None:
    body = 'Asked by host Ben Adeyemi to respond to the audit, Mayor Ruth Okafor said, "It is wrong."'
    found = _said(_clauses(body, "Asked by"))
    assert found[0] == ("Ruth Okafor", "said", "It is wrong.")
    assert ("Ben Adeyemi", "asked", "to respond to the audit") in found


def test_a_relative_clause_s_report_ends_where_its_sentence_resumes_and_the_next_speaker_keeps_hers() -> None:
    body = (
        "Ana Ruiz and Tom Hale spoke.\n\n"
        "Ruiz, who stated that the pier was safe, was answered by Hale, who said it was not.\n\n"
        'Ruiz called the plan "a disgrace," and Hale agreed, saying it would fail.'
    )
    assert [(c.speaker, c.cue, c.content) for c in _clauses(body, "Ruiz, who")] == [
        ("Ana Ruiz", "stated", "the pier was safe"),
        ("Tom Hale", "said", "it was not."),
    ]
    called = _clauses(body, "Ruiz called")[0]
    assert (called.speaker, called.content) == ("Ana Ruiz", 'the plan "a disgrace')
