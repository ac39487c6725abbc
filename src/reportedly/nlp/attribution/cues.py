"""Attribution cues for English, as data: reporting verbs, cue nouns and sourcing phrases.

Lemmas are grouped by the kind of complement that carries the content:
a clause (``said that ...``), an infinitive (``vowed to ...``) or a noun phrase
(``announced a plan``). Beliefs and intentions are included because news
attribution corpora (PolNeAR) annotate them too.
"""

from __future__ import annotations

# Verbs whose clausal complement (ccomp, "that"-clause) is attributed content.
CLAUSE_VERBS: frozenset[str] = frozenset(
    """
    say tell write note explain add warn claim propose read report state announce argue
    assert insist suggest acknowledge admit confirm deny believe think feel know agree
    predict estimate recall declare maintain contend emphasize emphasise stress indicate
    show find reveal conclude observe remark reply respond answer ask wonder testify allege
    charge complain concede boast promise pledge vow threaten hint signal tweet post
    comment caution advise inform assure summarize summarise reiterate repeat counter joke
    quip recount disclose brief relay demand urge fear hope expect worry mention point
    sum predict speculate guess imply accuse proclaim affirm assert lament muse observe
    acknowledge contend retort quote continue recommend insist decide learn notice hear
    understand realize recognize determine conclude declare clarify specify stipulate
    """.split()
)

# Verbs whose infinitival complement (xcomp: "vowed to ...") is attributed content.
XCOMP_VERBS: frozenset[str] = frozenset(
    """
    promise pledge vow threaten refuse decline want plan claim agree offer intend hope
    seek vote propose demand urge ask call expect appear seem
    """.split()
)

# Verbs whose direct object is attributed content ("announced a plan", "cited polls").
OBJECT_VERBS: frozenset[str] = frozenset(
    """
    propose offer announce cite deny reject criticize criticise blast attack condemn
    praise support oppose endorse demand question defend mention discuss describe
    acknowledge slam urge unveil predict promise pledge vow tweet
    """.split()
)

# Verbs that can carry a quotation without a complement ("..., he said.").
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell write note explain add warn claim report state announce argue assert insist
    suggest acknowledge admit confirm declare stress emphasize emphasise recall reply
    respond answer ask testify remark observe comment continue conclude sum summarize
    tweet post quip joke read put go counter retort proclaim muse lament shout yell
    scream chant whisper cry exclaim concede boast predict agree
    """.split()
)

# Nouns whose clausal complement or quoted neighbour is attributed content.
CUE_NOUNS: frozenset[str] = frozenset(
    """
    statement claim remark comment assertion announcement warning allegation belief
    argument suggestion report view opinion promise pledge threat message accusation
    conclusion prediction estimate finding insistence admission denial assessment
    """.split()
)

# Particles that turn a verb into a cue: "sum up", "point out", "go on".
PARTICLE_CUES: frozenset[tuple[str, str]] = frozenset(
    {("sum", "up"), ("point", "out"), ("go", "on"), ("call", "for"), ("call", "on")}
)

# "X reported with reference to Y", "citing Y", "referring to Y": Y is X's source.
SOURCING_PHRASES: tuple[tuple[str, ...], ...] = (
    ("with", "reference", "to"),
    ("in", "reference", "to"),
    ("referring", "to"),
    ("citing",),
    ("quoting",),
    ("according", "to"),
    ("with", "a", "reference", "to"),
)

# Description sources that stand for an organisation mentioned earlier.
ORG_DESCRIPTIONS: frozenset[str] = frozenset(
    """
    analyst expert report institute study researcher agency ministry office committee
    organization organisation group think tank center centre statement document paper
    assessment survey poll campaign department company firm newspaper outlet agency
    publication service source
    """.split()
)

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "we"})
NEUTER_PRONOUNS: frozenset[str] = frozenset({"it", "who", "which"})

# Role nouns that stand for a person named earlier ("the president", "the senator").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president leader minister secretary senator governor candidate nominee chairman chair
    spokesman spokeswoman spokesperson mayor director chief premier chancellor king queen
    prime general commander ambassador official businessman billionaire congressman
    congresswoman representative lawmaker judge prosecutor attorney lawyer founder ceo
    """.split()
)

# Entity labels that can be sources, by what a pronoun may refer to.
PERSON_LABELS: frozenset[str] = frozenset({"PERSON"})
ORG_LABELS: frozenset[str] = frozenset({"ORG", "GPE", "NORP"})
