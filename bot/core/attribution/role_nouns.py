# ruff: noqa: SIM905  (word lists read best as one string split on spaces)
"""Role nouns beyond politics and the courts: occupations ("the coroner", "said actress ...")
and the descriptions feature and sport writing give the person a story is about ("the
25-year-old", "the Frenchman"). The lexicon adds them, and their plurals, to its role nouns.
Also the role nouns that give their referent's sex ("his wife", "the congresswoman")."""

from __future__ import annotations

# Occupations in sport, the arts, science, health, trades and local life. (Not the ones that
# are common surnames too: Baker, Butcher, Driver, Painter, Miner, Monk.)
OCCUPATION_HEADS = frozenset(
    """
        coroner engineer technician mechanic electrician plumber builder contractor developer
        programmer striker goalkeeper midfielder defender player footballer cricketer golfer
        referee umpire jockey trainer boxer athlete swimmer cyclist actor actress singer
        songwriter musician rapper drummer guitarist composer comedian presenter broadcaster
        producer filmmaker photographer artist sculptor designer architect novelist poet
        playwright writer curator archaeologist biologist physicist chemist mathematician
        astronomer geologist epidemiologist virologist psychologist psychiatrist therapist dentist
        pharmacist paramedic midwife carer firefighter pilot captain chef shopkeeper
        landlord tenant pupil fisherman farmworker vicar nun archbishop
        councillor councilor campaigner victim explorer climber sailor backbencher frontbencher
        substitute skipper batsman bowler forecaster meteorologist solicitor barrister headteacher
        headmaster headmistress principal controller superintendent constable sergeant warden
        ranger lifeguard dispatcher corporator magistrate surveyor accountant
        peer quarterback champion grandmother grandfather grandson granddaughter monarch cleric ruler
        trader broker dealer
    """.split()
)
# Organisations by their trade ("the automaker said"): whichever the article has just named.
TRADE_ORG_HEADS = frozenset(
    """
        automaker carmaker chipmaker drugmaker retailer lender insurer airline manufacturer startup
        brewer publisher charity nonprofit watchdog regulator utility broadcaster giant conglomerate
        municipality tribunal hospital ombudsman
    """.split()
)
# What sport, feature and campaign writing call the person the story is about: an age ("the
# 25-year-old"), a nationality ("the Frenchman"), a stage of a career ("the youngster"), a
# standing ("the billionaire", "the incumbent").
DESCRIPTION_HEADS = frozenset(
    """
        year-old youngster teenager rookie newcomer winger star superstar
        frenchman frenchwoman italian spaniard
        brazilian german englishman englishwoman scot welshman irishman briton argentine
        australian dutchman belgian croatian serbian swede dane norwegian pole ukrainian
        nigerian ghanaian egyptian moroccan canadian mexican colombian uruguayan chilean
        kenyan pakistani czech slovak kiwi scotsman argentinian
        billionaire millionaire tycoon mogul magnate heiress philanthropist celebrity socialite
        challenger incumbent front-runner frontrunner populist centrist socialist freshman
        immigrant refugee migrant widow widower
    """.split()
)

# Role nouns that give their referent's sex ("his wife", "the congresswoman").
GENDERED_HEADS = {
    "wife": "f",
    "mother": "f",
    "daughter": "f",
    "sister": "f",
    "woman": "f",
    "congresswoman": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
    "councilwoman": "f",
    "assemblywoman": "f",
    "husband": "m",
    "father": "m",
    "son": "m",
    "brother": "m",
    "man": "m",
    "congressman": "m",
    "spokesman": "m",
    "chairman": "m",
    "councilman": "m",
    "assemblyman": "m",
    "widow": "f",
    "heiress": "f",
    "grandmother": "f",
    "granddaughter": "f",
    "widower": "m",
    "grandfather": "m",
    "grandson": "m",
}
