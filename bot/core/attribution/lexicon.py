# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Word lists for rule-based attribution: cues, roles, titles, organisations, names.

Kept as plain Python sets so that loading costs nothing and lookups are O(1).
The lists aim at ordinary English news prose (wire copy, US political reporting,
commentary); they are general vocabulary, not phrases taken from any one article.
"""

from __future__ import annotations

import os
from importlib import resources

from .role_nouns import DESCRIPTION_HEADS, OCCUPATION_HEADS, TRADE_ORG_HEADS

# Bases whose stressed final consonant doubles before -ed and -ing ("planned", "rebutted").
_DOUBLING = frozenset("plan brag concur rebut".split())


def _inflect(base: str) -> tuple[str, ...]:
    """Regular -s/-ed/-ing forms of a verb (enough for the cue verbs below)."""
    if base in _DOUBLING:
        return base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    if base.endswith("e"):
        return base, base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "o")):
        return base, base + "es", base + "ed", base + "ing"
    return base, base + "s", base + "ed", base + "ing"


# Verbs of saying: a subject + one of these reports speech whatever follows.
_STRONG_BASES = """
        state claim warn highlight underscore echo add argue note insist tweet announce explain
        declare assert contend acknowledge concede confirm deny suggest predict stress emphasize
        emphasise observe remark reiterate testify complain lament boast allege counter retort
        vow pledge caution comment urge recount proclaim reaffirm affirm clarify disclose reveal
        maintain point opine
    """.split()
_IRREGULAR_STRONG = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "reply": ("reply", "replies", "replied", "replying"),
    "post": ("post", "posts", "posted", "posting"),
}
# Verbs that report speech or a stated view only in a frame that makes it plain:
# a that-clause, a colon, a quote, or a trailing `, X said.` position.
_WEAK_BASES = """
        believe expect fear worry hope doubt agree respond answer ask continue conclude recall
        estimate indicate signal predict mention complain charge accuse wonder promise threaten
        demand question repeat blame fault hint suspect anticipate imply dispute concur plead
        inquire joke rebut muse scoff grumble grouse speculate theorize theorise elaborate assure
        reassure remind inform report shout yell whisper exclaim mutter murmur scream gush sneer
        confess confide aver avow posit attest surmise reckon intend
    """.split()
_IRREGULAR_WEAK = {
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "knowing"),
    # (their other forms are mostly nouns: "the protests that", "an object that")
    "protest": ("protested",),
    "object": ("objected",),
    "signal": ("signalled", "signalling"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "rule": ("ruled",),  # "ruled that": "rules" and "ruling" are mostly nouns
    "find": ("find", "finds", "found"),  # "the Transport Ministry found that ...": a finding reported
    "show": ("shows", "showed"),  # "the audit showed that ...": only with "that" (verb_or_noun)
}


def _forms(bases: list[str], irregular: dict[str, tuple[str, ...]]) -> frozenset[str]:
    out: set[str] = set()
    for base in bases:
        out.update(_inflect(base))
    for forms in irregular.values():
        out.update(forms)
    return frozenset(out)


# Stated positions and plans ("Sanders wants to ...", "the mayor proposed a tax", "Cruz has
# called for ..."): readers take them as what the subject said. They report only with an
# object after them and a named (or resolvable) subject before.
_STANCE_BASES = """
        want plan propose offer support oppose endorse defend reject tout cite express praise
        criticize criticise dismiss applaud champion promise threaten brag
    """.split()
_IRREGULAR_STANCE: dict[str, tuple[str, ...]] = {
    "seek": ("seek", "seeks", "sought", "seeking"),
    # "Dahl sees the plan as a waste": a view, only with "as" after the object
    "see": ("sees", "saw"),
    "view": ("views", "viewed"),
    "regard": ("regards", "regarded"),
    # "portrayed the mayor as a spendthrift", "painted her as a liar"
    "portray": ("portrays", "portrayed", "portraying"),
    "depict": ("depicts", "depicted", "depicting"),
    "paint": ("paints", "painted", "painting"),
    "cast": ("casts",),
}
# Of them, the verbs that state a view only as "sees X as Y".
SEE_AS_CUES = frozenset(
    "sees saw views viewed regards regarded portrays portrayed portraying depicts depicted depicting "
    "paints painted painting casts".split()
)


def _learned_cues() -> frozenset[str]:
    """learned_cues.txt (tools/train_cues.py): verbs annotators counted as attribution after a
    subject in most of the times seen. ARCHIVIST_CUE_TABLE names another table for retraining
    and cross-validation ("" for none)."""
    path = os.environ.get("ARCHIVIST_CUE_TABLE")
    if path == "":
        return frozenset()
    if path is None:
        text = resources.files(__package__).joinpath("learned_cues.txt").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    rows = (line.split() for line in text.splitlines() if not line.startswith("#"))
    return frozenset(row[0] for row in rows if row)


# Learned cues report like stated positions: with an object after them and a named subject.
LEARNED_CUES = _learned_cues()
STANCE_CUES = _forms(_STANCE_BASES, _IRREGULAR_STANCE) | LEARNED_CUES
# Their base forms, which a singular noun never governs ("voter support for the party": a noun).
STANCE_BASES = frozenset(_STANCE_BASES) | {"seek"}

STRONG_CUES = _forms(_STRONG_BASES, _IRREGULAR_STRONG) - {"point", "points", "pointed", "pointing"}
# "voiced support for ...": the noun "voice" is too common for its other forms to be cues.
WEAK_CUES = (_forms(_WEAK_BASES, _IRREGULAR_WEAK) | STANCE_CUES | {"voiced"}) - STRONG_CUES
# "point out" and "point to" are the phrasal cues; the particle must follow.
PHRASAL_CUES = frozenset({"point", "points", "pointed", "pointing"})
# Verbs of speaking that report only with a topic: "spoke about the economy".
TOPIC_CUES = frozenset("speak speaks spoke spoken speaking talk talks talked talking".split())
CUE_WORDS = STRONG_CUES | WEAK_CUES | PHRASAL_CUES | TOPIC_CUES
# Participles after a comma ("..., saying that ...") report the main clause's subject.
PARTICIPLE_CUES = frozenset(
    w
    for w in CUE_WORDS - LEARNED_CUES
    if w.endswith("ing") and w not in {"feeling", "knowing", "hoping", "thinking"}
)

# Nouns of saying that report their owner's words in a that-clause or infinitive after them:
# "Trump's claim that ...", "her pledge to ...", "the senator's warning that ...".
SPEECH_NOUNS = frozenset(
    """
        claim claims assertion assertions statement statements warning warnings remark remarks comment
        comments pledge pledges promise promises vow vows threat threats suggestion suggestions insistence
        argument arguments contention accusation accusations charge charges announcement admission
        denial call calls demand demands plea prediction predictions proposal proposals boast allegation
        allegations complaint complaints declaration insinuation observation plan plans decision
        insistence belief view views criticism criticisms praise defense defence denunciation
        condemnation characterization message messages assessment
    """.split()
)
# Of those, the ones whose object follows "of" ("his criticism of the deal").
OF_SPEECH_NOUNS = frozenset(
    """criticism criticisms praise defense defence denunciation condemnation characterization
    message assessment promise promises suggestion suggestions""".split()
)

# Nominal frames that report speech without a verb of saying.
MEDIUM_NOUNS = frozenset(
    """
        statement interview tweet post letter speech op-ed editorial memo email e-mail message
        press release news conference press conference briefing video filing report readout
        testimony hearing remarks podcast broadcast appearance ad advertisement commercial data
        piece article column lawsuit complaint petition
    """.split()
)


# Role nouns: heads of noun phrases that can be speakers ("the senator", "officials").
ROLE_HEADS = (
    frozenset(
        """
        politician allies boss bosses pastor priest rabbi imam bishop reverend minister chaplain nurse surgeon
        veteran mother
        supervisor trustee alderman alderwoman selectman clerk auditor comptroller assessor marshal
        coach lawyer attorney plaintiff defendant spokesperson official councilmember
        spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen secretary
        secretary-general minister president vice-president senator congressman congresswoman
        representative lawmaker legislator governor mayor official officer professor academic
        analyst expert economist researcher scholar director chief chairman chairwoman chair
        head leader ceo cfo coo cto executive attorney lawyer judge justice prosecutor general commander
        mp mla td mep msp mpp
        adviser advisor aide strategist pollster candidate nominee speaker whip diplomat envoy
        negotiator founder commissioner administrator deputy sheriff activist organizer
        organiser author historian scientist consultant manager fellow lecturer dean ambassador
        chancellor premier president-elect chairperson treasurer investigator inspector agent
        detective source sources observer observers critic critics supporter supporters opponent
        opponents advocate advocates resident residents voter voters protester protesters user
        users commenter commenters blogger bloggers viewer viewers reader readers listener
        witness witnesses lawmakers legislators officials officers analysts experts economists
        researchers scholars leaders aides advisers advisors strategists diplomats executives
        prosecutors attorneys lawyers democrat democrats republican republicans conservative
        conservatives liberal liberals progressive progressives member members staffer staffers
        insider insiders ministers senators governors mayors candidates judges generals
        commanders secretary-general director-general attorney-general surgeon-general
        correspondent reporter editor columnist commentator journalist physician doctor nurse
        teacher student parent worker owner farmer friend neighbor neighbour relative father
        mother wife husband son daughter brother sister man woman people person
        donor contributor bundler lobbyist anchor host operative specialist employee staffer
        retiree businessman businesswoman entrepreneur investor banker soldier survivor attendee
        participant delegate volunteer customer shopper passenger fan commuter tourist
        visitor motorist spectator diner homeowner rebel sponsor elder loyalist backer skeptic
        sceptic doubter dissident hardliner
    """.split()
    )
    | OCCUPATION_HEADS
    | DESCRIPTION_HEADS
)
# Heads that are organisations or governments rather than people.
ORG_HEADS = (
    frozenset(
        """
        ministry department company agency government administration campaign committee party
        chapter branch affiliate
        commission council office bureau firm group organization organisation union alliance
        coalition court embassy military army navy police cabinet parliament congress senate
        house kremlin pentagon university institute foundation association network newspaper
        paper board authority regime bloc team club federation corporation bank fund white-house
        city county town village borough township district
        state-department spokesperson's prosecutors' agencies governments companies groups
        organizations organisations unions coalitions firms committees campaigns councils
        associations networks newspapers authorities opposition
    """.split()
    )
    | TRADE_ORG_HEADS
)
# Nouns too generic to stand alone as a speaker ("the man", "people") unless modified.
GENERIC_PERSON_HEADS = frozenset(["man", "woman", "people", "person", "member", "members"])
PLURAL_ROLE_HEADS = frozenset(
    w
    for w in ROLE_HEADS
    if w.endswith("s")
    and w not in {"sources", "witness", "whips"}
    or w in {"spokespeople", "spokesmen", "spokeswomen", "people", "sources"}
)

# Role classes: a role noun ("the academic") resolves to the person whose role words
# fall in the same class ("professor at ...").
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "academic": frozenset(
        """
        professor academic lecturer researcher scholar fellow dean historian scientist economist
        political-scientist prof. prof
    """.split()
    ),
    "chief": frozenset(
        """
        chief head leader secretary-general director director-general chairman chairwoman chair
        chairperson president ceo boss commander founder premier chancellor
    """.split()
    ),
    "lawmaker": frozenset(
        """
        senator sen. sen representative rep. rep congressman congresswoman lawmaker legislator
        assemblyman assemblywoman delegate
    """.split()
    ),
    "diplomat": frozenset(
        ["ambassador", "envoy", "diplomat", "secretary-of-state", "foreign-minister", "negotiator"]
    ),
    "spokesperson": frozenset(
        ["spokesperson", "spokesman", "spokeswoman", "press-secretary", "spokesperson"]
    ),
    "official": frozenset(
        """
        official secretary minister administrator officer commissioner director adviser advisor
        aide deputy undersecretary under-secretary governor mayor ambassador envoy
        secretary-general attorney-general
    """.split()
    ),
    "governor": frozenset(["governor", "gov.", "gov"]),
    "mayor": frozenset(["mayor"]),
    "president": frozenset(["president", "president-elect"]),
    "vice-president": frozenset(["vice-president"]),
    "minister": frozenset(["minister", "premier"]),
    "secretary": frozenset(["secretary", "secretary-general"]),
    "candidate": frozenset(["candidate", "nominee", "hopeful", "contender", "challenger"]),
    "judge": frozenset(["judge", "justice"]),
    "prosecutor": frozenset(["prosecutor", "attorney-general", "district-attorney"]),
    "lawyer": frozenset(["lawyer", "attorney", "counsel"]),
    "military": frozenset(
        ["general", "gen.", "commander", "admiral", "colonel", "officer", "chief-of-staff"]
    ),
    "analyst": frozenset(
        ["analyst", "expert", "strategist", "consultant", "pollster", "observer", "economist"]
    ),
    "speaker": frozenset(["speaker"]),
    "executive": frozenset(["executive", "ceo", "chief", "president", "founder", "chairman", "director"]),
}
# Which classes a role noun used alone stands for ("the NATO chief" -> chief).
ROLE_NOUN_CLASSES: dict[str, tuple[str, ...]] = {}
for _cls, _words in ROLE_CLASSES.items():
    for _w in _words:
        ROLE_NOUN_CLASSES.setdefault(_w, ())
        ROLE_NOUN_CLASSES[_w] = (*ROLE_NOUN_CLASSES[_w], _cls)
ROLE_NOUN_CLASSES.update(
    {
        "academic": ("academic",),
        "expert": ("academic", "analyst"),
        "official": (
            "official",
            "chief",
            "lawmaker",
            "diplomat",
            "minister",
            "secretary",
            "governor",
            "mayor",
            "president",
            "vice-president",
            "spokesperson",
            "prosecutor",
        ),
        "leader": ("chief", "president", "minister"),
        "chief": ("chief",),
        "head": ("chief",),
        "lawmaker": ("lawmaker",),
        "legislator": ("lawmaker",),
        "diplomat": ("diplomat",),
        "politician": ("lawmaker", "governor", "mayor", "president", "candidate", "minister"),
        "executive": ("executive",),
        "candidate": ("candidate",),
        "nominee": ("candidate",),
    }
)

# Words (lower-case) that may stand before a name as a title or part of one.
TITLE_WORDS = frozenset(
    """
        president pres. vice-president secretary minister senator sen. sen sens. rep. rep reps. representative
        gov. gov governor lt. leader speaker mayor chairman chairwoman chair chairperson
        director ambassador general gen. adm. admiral judge justice chancellor premier king
        queen prince princess pope dr. dr mr. mr mrs. mrs ms. ms prof. prof professor sheriff
        commissioner attorney col. capt. sgt. rev. rabbi cardinal bishop secretary-general
        spokesperson spokesman spokeswoman chief ceo founder councilman councilwoman congressman
        congresswoman assemblyman assemblywoman delegate officer colonel captain sergeant
        lieutenant major commander treasurer comptroller auditor president-elect coach editor
        economist analyst strategist adviser advisor aide envoy negotiator diplomat deputy
        manager administrator inspector superintendent dean provost rector lawmaker candidate
        nominee emir sheikh ayatollah crown
        sir dame lord baroness baron mp cllr councillor
        det det. insp insp. supt supt. ch pc dc ds di dci dcs constable sgt
    """.split()
)
HONORIFICS = {
    "mr.": "m",
    "mr": "m",
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "miss": "f",
    "dr.": None,
    "dr": None,
    "prof.": None,
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "baroness": "f",
}
# Lower-case words that may sit inside a premodifier title ("White House press secretary").
TITLE_MODIFIERS = frozenset(
    """
        press senior deputy former acting chief foreign defense defence national security
        interior finance economic political science international relations campaign executive
        general assistant associate vice top lead principal managing state federal local
        regional military intelligence health education justice treasury trade energy homeland
        minority majority party district county city prime first supreme court communications
        policy legal then- longtime veteran outgoing incoming current administration white house
        senate of for and on the& unnamed unidentified retired elected appointed leading ranking founding
    """.split()
)

# Capitalised words that are organisation-ish: a name containing one is not a person.
ORG_WORDS = frozenset(
    """
        politics live insider weekly daily review radio channel online wire guardian
        county city town township district borough parish province region
        chamber federation conference league council institution society fellowship ministry
        agency firm lab laboratory observatory museum gallery library orchestra opera theatre theater zoo
        confederation
        department ministry university institute committee party council commission agency
        office administration bureau service services corporation company inc. inc corp. corp
        llc ltd. ltd group association foundation center centre organization organisation union
        court senate house congress parliament government kremlin pentagon times post news
        journal network bank fund reserve army navy force forces police campaign alliance
        coalition club press tribune media project trust board authority forum watch caucus
        gazette herald chronicle courier inquirer examiner telegraph bulletin magazine newspaper journalism
        council school college academy hospital clinic church ministry state states nations
        republic kingdom federation federal national international global affairs security
        defense defence justice treasury intelligence homeland health education energy commerce
        labor labour interior transportation agriculture foreign relations studies analysis
        analyses research policy affairs reuters associated nato un eu cnn nbc abc cbs fox msnbc
        bbc afp ap tass gop dnc rnc fbi cia nsa doj dhs epa irs who imf opec pac legislature
        assembly cabinet embassy consulate mission secretariat directorate command brigade
        division battalion inc institution exchange market markets capital partners holdings
        labs systems technologies tech software airways pharmaceuticals pharma therapeutics biosciences
        industries enterprises solutions networks communications entertainment studios games foods
        brands ventures logistics robotics semiconductors devices instruments electronics insurance
        financial securities investments properties realty retail stores railways shipping petroleum
        oil gas mining resources chemicals aerospace dynamics analytics
        airlines motors times-post street hill avenue square workers employees teamsters
    """.split()
)
# Organisations and governments often named by one word (metonymy: "the Kremlin said").
ORG_SINGLE = frozenset(
    """
        kremlin pentagon vatican élysée elysee whitehall congress senate house parliament nato
        un eu opec imf who fbi cia nsa doj dhs gop dnc rnc reuters tass xinhua hamas hezbollah
        taliban amazon google apple microsoft meta facebook twitter tesla boeing pfizer moderna
    """.split()
)
PLACES = frozenset(
    """
        moscow washington beijing kyiv kiev london paris berlin brussels tehran tokyo seoul
        pyongyang jerusalem ankara delhi islamabad kabul damascus baghdad riyadh cairo minsk
        warsaw ottawa canberra taipei caracas havana rome madrid geneva vienna stockholm oslo
        helsinki copenhagen budapest prague bucharest sofia athens doha dubai abu tel aviv
        beirut amman tbilisi yerevan baku tashkent astana russia ukraine china america iran
        israel france germany britain england japan korea india pakistan afghanistan syria iraq
        turkey saudi egypt belarus poland canada australia taiwan mexico venezuela cuba italy
        spain sweden norway finland denmark hungary brazil argentina nigeria kenya ethiopia
        qatar lebanon jordan georgia armenia azerbaijan europe asia africa albany sacramento
        austin tallahassee springfield annapolis richmond harrisburg texas california florida
        ohio michigan pennsylvania arizona nevada wisconsin iowa georgia virginia carolina york
        jersey massachusetts illinois minnesota colorado oregon taiwan strait sea gulf bay river
        peninsula canal island islands mountains valley coast alabama alaska arkansas connecticut
        delaware hawaii idaho indiana kansas kentucky louisiana maine maryland mississippi missouri
        montana nebraska hampshire oklahoma tennessee utah vermont wyoming
    """.split()
)

# The days of the week, as a regular-expression alternation.
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Capitalised words that open sentences or name times; never part of a person's name.
STOP_CAPS = frozenset(
    """
        back the a an in on at of for from to with without by about after before during since until
        as if when while where why how what who whom whose which that this these those there
        here then now but and or nor yet so because although though however meanwhile still also
        even just only early earlier later last next first second third finally instead indeed
        moreover furthermore he she it they we i you his her its their our my your him them us
        me monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
        tonight january february march april may june july august september october november
        december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. asked speaking
        see maybe perhaps rival rivals fellow given
        according despite amid among against between under over into onto through not no yes all
        some many most few several both each every any other others another such one two three
        four five six seven eight nine ten dozens hundreds thousands millions eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty breaking
        update exclusive analysis opinion editorial watch read listen video
        photo is are was were be been has have had do does did will would could should can may
        might must let let's it's that's there's here's what's we're they're i'm recent current
        many much more less latest top big west east north south chapter section part article
        figure table yes okay well oh ah
        once inside outside along within throughout upon beyond toward towards across around near
        behind beside besides unlike like whether nevertheless nonetheless otherwise therefore thus
        hence soon said says added adds wrote writes asks neither either whatever whoever whichever
        ahead above below beneath atop via amidst amongst regardless except including regarding
        concerning unless lest albeit
    """.split()
)

PERSON_PRONOUNS = {"he": "m", "she": "f"}

FIRST_NAMES_M = frozenset(
    """
        aaron abdul abraham adam adrian ahmed al alan albert alejandro alex alexander alexei
        alexey ali allen alvin amir andre andrew andrei andrey andy angel angus anthony antony
        antonio anton ari arnold arthur ashton austin avi barack barry ben benjamin benny bernie
        bernard beto bill billy bob bobby boris brad bradley brandon brendan brett brian bruce
        bryan byron carl carlos cedric chad charles charlie chris christian christopher chuck
        clarence clark clay claude clint cody colin conor corey cory craig curtis dale dan
        daniel danny darrell dave david dean dennis derek devin diego dmitry dmitri don donald
        doug douglas duncan dustin dwight earl ed eddie edgar eduardo edward elijah elliot
        emmanuel enrique eric erik ernest eugene evan fernando francis francisco frank franklin
        fred frederick gabriel gary gavin gene geoffrey george gerald gerhard glenn gordon
        graham grant greg gregory guy hakeem hal hank hans harold harry hassan hector henry
        herbert howard hugh hunter ian igor isaac ivan jack jacob jaime jake james jamie jared
        jason javier jay jeb jeff jeffrey jens jeremy jerome jerry jesse jim jimmy joaquin joe
        joel johan john johnny jon jonathan jorge jose joseph josh joshua juan julian justin
        karl keith ken kenneth kevin kim kirk kurt kyle lance larry lawrence lee leo leon
        leonard lindsey lloyd louis lucas luis luke malcolm manuel marco marcus mario mark
        martin marvin matt matthew max michael miguel mike mikhail mitch mitt mohammed muhammad
        nathan neil nicholas nick nicolas nigel noah norman olaf oliver omar oscar owen pablo
        patrick paul pedro pete peter phil philip pierre ralph ramon randy ray raymond reince
        rex ricardo richard rick rob robert roberto rod rodney roger roland ron ronald ross roy
        ruben rudy russell ryan sam samuel scott sean sebastian sergei sergey seth shawn sherrod
        sidney simon stanley stefan stephen steve steven stuart ted terry thomas tim timothy
        todd tom tommy tony travis trey troy tucker tyler valery victor vincent vivek vladimir
        volodymyr walter warren wayne wesley william willie xavier yuri zach zachary emmanuel
        recep narendra benjamin justin rishi keir olaf viktor jair andres xi li wang mohammad
        abdullah hamid jerome kevin marjorie mitch lloyd merrick rand jd j.d. mike ron jamaal
        raphael cory jon
    """.split()
) - {"jo", "marjorie", "kim", "lindsey"}
FIRST_NAMES_F = frozenset(
    """
        abigail ada adriana alexandra alexandria alice alicia alison allison amanda amber amy
        ana andrea angela angelina ann anna anne annie april ashley audrey ayanna barbara betty
        beth betsy beverly brenda bridget brittany camila carla carmen carol caroline carolyn
        catherine cathy charlotte cheryl chelsea christina christine cindy claire claudia
        colleen courtney cynthia dana danielle debbie deborah debra denise diana diane donna
        doris dorothy eleanor elena elise elissa elizabeth ella ellen emily emma erica erin eva
        evelyn fiona frances gabriela gina gloria grace gretchen hannah harriet heather heidi
        helen hillary holly ilhan irene isabel jacqueline jane janet janice jean jeanne jennifer
        jen jenny jessica jill joan joanna jodi joni josephine joyce judith judy julia julie
        june karen karine kamala kate katherine kathleen kathryn kathy katie kay kayleigh kelly
        kerry kim kimberly kirsten kristen kristi kristin kyrsten laura lauren leah lila lillian
        linda lindsay lisa liz lois lori lorraine louise lucy lynn mallory marcia margaret maria
        marie marilyn marjorie marsha martha mary maxine megan melania melissa meredith michele
        michelle mira miriam molly monica nancy naomi natalie nicole nikki nina nora olivia pam
        pamela patricia patty paula pauline penny rachel rebecca regina rita roberta robin rosa
        rose ruth sally samantha sandra sara sarah sharon sheila shelley sonia sophia stacey
        stephanie susan suzanne sylvia tammy tara teresa theresa tiffany tina tracy tulsi ursula
        valerie vanessa veronica victoria virginia wendy whitney yvonne zoe giorgia angela
        theresa liz jacinda marine annalena kaja ursula svetlana maria olena yulia ilhan rashida
        alexandria lauren elise kristi sarah katie
    """.split()
)

# Adjectives that open a capitalised run but are not names ("American officials said").
DEMONYMS = frozenset(
    """
        western eastern northern southern democratic republican christian muslim jewish english
        french german russian chinese american european ukrainian iranian israeli palestinian
        british japanese korean indian turkish syrian saudi qatari egyptian mexican canadian
        african arab federal national senior new old local top leading prominent several
        many some most other top-ranking high-ranking veteran longtime u.s u.k
    """.split()
)
# Words that may open a title ("Former President", "Acting Secretary").
TITLE_ADJECTIVES = frozenset("former acting outgoing incoming late then interim deputy".split())
# Cues that report speech only when a quotation follows in the clause
# ("called the plan \"reckless\"", "described it as \"a disgrace\"").
QUOTE_FRAME_CUES = frozenset(
    """
        call calls called calling describe describes described describing dub dubs dubbed dubbing
        label labels labeled labelled labeling labelling brand brands branded branding dismiss
        dismissed dismisses decry decried decries
        denounce denounced denounces praise praised praises slam slammed slams blast blasted
        criticize criticized criticise criticised condemn condemned condemns hail hailed
        deplore deplored deplores lambast lambasted lambaste lambastes assail assailed assails
        excoriate excoriated excoriates castigate castigated castigates chastise chastised
        chastises berate berated berates deride derided derides laud lauded lauds
    """.split()
)
# Every word the cue scan looks for: verbs of saying and the verbs that frame a quotation.
ALL_CUE_WORDS = CUE_WORDS | QUOTE_FRAME_CUES


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


# Every role noun also stands in the plural ("political scientists say").
ROLE_HEADS = ROLE_HEADS | frozenset(_plural(w) for w in ROLE_HEADS if not w.endswith("s"))
PLURAL_ROLE_HEADS = PLURAL_ROLE_HEADS | frozenset(_plural(w) for w in ROLE_HEADS if not w.endswith("s"))
PARTY_NOUNS = frozenset("democrat democrats republican republicans independent independents".split())
# Uninflected cue verbs double as nouns and adjectives ("state officials", "report").
CUE_BASES = frozenset(_STRONG_BASES) | frozenset(_WEAK_BASES)


# Documents and bodies that "say" things in news prose ("the report said").
SOURCE_HEADS = frozenset(
    """
    report statement letter document study survey poll memo filing complaint lawsuit indictment
    ruling release announcement transcript readout editorial website analysis assessment
    filings documents records papers reports statements letters data figures estimates polls surveys
    studies video videos ad ads advertisement commercial piece article column op-ed
    email emails e-mail e-mails tweet tweets message messages post posts
    """.split()
)

# Common Chinese, Korean and Vietnamese family names, written first ("Xi Jinping", "Lai
# Ching-te", "Moon Jae-in"): such a name alone refers back to the full name, as a first name does.
FAMILY_FIRST_SURNAMES = frozenset(
    """
        wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao liang
        zheng xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du
        ye cheng wei su lu ding shen ren yao xi lai tsai hou wen jin kim lee park choi jung kang
        cho yoon jang lim shin han oh seo kwon hwang ahn song moon nguyen tran le pham hoang phan
        vu vo dang bui do ho ngo duong ly wong chan cheung leung lau tsang yip ng goh koh ong tan chua
        yeo teo lam chow kwok tse fung mak yeung
    """.split()
)
