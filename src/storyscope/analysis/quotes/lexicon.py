"""Word lists the attribution rules read: reporting verbs and pronoun genders.

Reporting verbs follow the speech-act and cognition verbs of attribution corpora
(PARC 3.0, Pareti 2016; PolNeAR, Newell et al. 2018): verbs of saying, writing,
showing and believing whose clausal complement is what is attributed.
"""

from __future__ import annotations

#: Verb lemmas whose clausal complement (``ccomp``) or quotation is attributed content.
REPORTING_VERBS = frozenset(
    """
    say tell add note write claim warn argue insist state explain announce report ask reply respond
    answer suggest acknowledge admit declare confirm deny tweet post caution contend assert maintain recall
    predict promise pledge vow urge complain comment observe remark stress emphasize emphasise continue
    conclude agree believe think find show estimate reveal indicate testify allege concede mention charge
    hope fear worry expect propose demand threaten boast joke quip wonder question recount reiterate repeat
    shout scream chant sing inform assure reassure advise counter retort lament learn hear read disclose
    signal acknowledge document calculate conclude determine rule speculate guess recommend contend
    proclaim affirm admit predict project forecast write blog tweet text email tell point
    know understand feel decide realize realise recognize recognise suspect doubt assume insist"""
    # Further members of VerbNet's communication classes (say-37.7, tell-37.2, complain-37.8, advise-37.9,
    # manner_speaking-37.3, inquire-37.1.2, transfer_mesg-37.1) and of its cognition and attitude classes
    # (conjecture-29.5, consider-29.9, wish-62, discover-84), written from the class definitions.
    """
    imply hint swear concur disagree object protest apologize apologise grumble brag muse whisper mutter
    yell relate narrate inquire enquire query convey preach lecture brief confide divulge publicize
    presume suppose imagine consider regard view judge deem anticipate wish prefer discover notice
    remember forget figure reckon posit theorize theorise surmise infer deduce gather""".split()
)

#: Verbs whose direct object is what is attributed ("Clinton cited the remarks", "critics blasted the plan").
OBJECT_VERBS = frozenset(
    """
    cite criticize criticise attack blast condemn endorse reject support oppose praise mention reference echo
    acknowledge announce propose offer deny dispute defend question demand discuss describe explain
    document detail highlight welcome applaud slam decry tout dismiss denounce recommend predict
    reveal disclose confirm report show find estimate want note seek express back promote blame accept invoke
    advocate consider mock"""
    # Not "address" (its object is mostly an audience or a problem dealt with: "addressed the dock workers")
    # nor "unveil" (a thing shown, not a stance: "unveiled the new ferry"); measured, both lowered the figures.
    # VerbNet's judgment (33), characterize (29.2) and admire (31.2) classes: the object is judged.
    """
    ridicule deride lambaste lambast chide scold rebuke berate castigate fault hail commend congratulate
    thank laud celebrate salute compare liken characterize characterise portray depict admire respect
    despise hate detest loathe resent distrust trust favor favour prefer""".split()
)

#: Verbs of VerbNet's characterize-29.2 class (with perception verbs used for stance): their object and its
#: "as" phrase are what is attributed ("critics see the program as a loophole", "viewed him as a threat").
AS_VERBS = frozenset(
    "see view regard perceive treat characterize characterise describe depict portray"
    # FrameNet's Assessing frame: "rated 32 percent of the claims as false".
    " rate assess evaluate grade".split()
)

#: Verbs whose prepositional object is what is attributed ("called for a review", "warned of delays").
PREP_VERBS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"about"}),
    "warn": frozenset({"of", "about", "against"}),
    "ask": frozenset({"about", "for"}),
    "push": frozenset({"for"}),
    "argue": frozenset({"for", "against"}),
    "complain": frozenset({"about"}),
    "insist": frozenset({"on"}),
    "accuse": frozenset({"of"}),
    # Further prepositional frames of VerbNet's communication and attitude classes.
    "respond": frozenset({"to", "with", "by"}),
    "reply": frozenset({"to", "with"}),
    "react": frozenset({"to", "with", "by"}),
    "comment": frozenset({"on"}),
    "refer": frozenset({"to"}),
    "object": frozenset({"to"}),
    "agree": frozenset({"with", "on", "to"}),
    "disagree": frozenset({"with", "on"}),
    "apologize": frozenset({"for"}),
    "apologise": frozenset({"for"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "joke": frozenset({"about"}),
    "worry": frozenset({"about"}),
    "think": frozenset({"about", "of"}),
    "know": frozenset({"about", "of"}),
    "write": frozenset({"about", "of"}),
    "tweet": frozenset({"about"}),
    "report": frozenset({"on"}),
    "rail": frozenset({"against"}),
    "campaign": frozenset({"for", "against", "on"}),
    "vote": frozenset({"for", "against"}),
    "decide": frozenset({"against", "on"}),
}

#: Nouns that cue the "that"-clause they govern, their possessor being the source ("Trump's claim that …").
NOUN_CUES = frozenset(
    """
    claim statement assertion argument warning promise pledge comment remark suggestion belief accusation
    allegation view position proposal report insistence contention prediction vow threat charge"""
    # Nominalised communication, cognition, judgment and intention predicates (NomBank / FrameNet
    # Statement, Opinion, Judgment and Purpose frames), written from those frame definitions.
    """
    announcement acknowledgment acknowledgement admission denial explanation declaration testimony
    criticism condemnation praise endorsement rejection support opposition disdain contempt complaint
    question doubt concern fear worry hope belief idea notion opinion theory assessment estimate
    analysis finding conclusion judgment judgement forecast projection message rhetoric advice answer
    response reply plan decision determination intention intent goal aim desire wish demand call push bid
    commitment refusal agreement attack defense defence""".split()
)

#: Adjectives of attitude, certainty and willingness (FrameNet's Emotion_directed, Certainty and
#: Willingness frames) that attribute their complement to the subject ("critical of", "sure that").
ATTITUDE_ADJECTIVES = frozenset(
    """critical supportive skeptical sceptical confident worried concerned sure certain convinced optimistic
    pessimistic afraid hopeful determined eager willing unwilling opposed adamant wary doubtful proud ready
    unsure uncertain fearful suspicious dismissive""".split()
)

#: Adjectives of FrameNet's Obviousness and Certainty frames that, after an expletive "it", present their
#: clause as an evaluation with no named source ("it was clear that …", "it is unclear whether …").
EVIDENTIAL_ADJECTIVES = frozenset("clear unclear obvious evident apparent plain certain uncertain doubtful".split())

#: Verbs of appearance (VerbNet's seem-109; FrameNet's Appearance and Evidentiality frames): "it seems that …",
#: "the plan seems doomed", "it looks like rain". "appear" is left out: in news it mostly means showing up
#: ("appeared on the morning show"; measured, it lowered the figures).
RAISING_VERBS = frozenset("seem look sound".split())
#: Of those, the ones that are verbs of appearance only with a predicate or "like"/"as" ("looks unlikely"),
#: not with a clause or infinitive ("looks to maximize profits").
LOOK_VERBS = frozenset("look sound".split())

#: Nouns of a text or a measurement of opinion (FrameNet's Text, Statement and Research frames) that are
#: the source of their sentence after "in" ("In the latest poll, Ruiz leads by five points").
SOURCE_TEXT_NOUNS = frozenset("poll survey study report analysis statement interview letter memo".split())

#: Of those, the measurements and studies (FrameNet's Research and Assessing frames) that speak for themselves
#: ("In the latest poll, Ruiz leads"); in "In a statement, the mayor was cautious" the subject is the speaker.
RESEARCH_NOUNS = frozenset("poll survey study report analysis".split())

#: Nouns of a conversation through which something is said ("said in an interview", "wrote in an email"):
#: FrameNet's Discussion and Contacting frames. "in" with one of them right after the verb is part of the cue.
INTERVIEW_NOUNS = frozenset("interview email e-mail".split())

#: Support ("light") verbs whose object noun carries the attribution ("made the claim that …",
#: "issued a warning that …", "voiced concern about …"); their subject is the source.
SUPPORT_VERBS = frozenset("make issue voice give raise lodge file deliver renew send level".split())

#: Verbs of receiving and undergoing (VerbNet's get-13.5.1 and obtain-13.5.2, FrameNet's Receiving and
#: Undergoing): with a noun of judgment as object ("faced criticism", "drew praise") their subject is the
#: one judged, not the judge.
RECEIVING_VERBS = frozenset("face draw receive attract earn get win".split())
#: Nouns of judging others (FrameNet's Judgment_communication frame) that such a verb receives.
JUDGMENT_NOUNS = frozenset("criticism condemnation praise rebuke scorn ridicule backlash".split())

#: Prepositions introducing what a cue noun is about ("criticism of", "questions about", "support for").
NOUN_TOPIC_PREPOSITIONS = frozenset("of about on for over against".split())

#: Verbs whose infinitival complement (``xcomp``: "vowed to fight") is the attributed content.
INTENT_VERBS = frozenset(
    "promise pledge vow threaten refuse decline urge want plan hope expect propose agree demand ask tell seek "
    "encourage implore press challenge invite instruct advise warn caution remind "
    # FrameNet's Purpose, Deciding and (for a body's decision) Voting frames: "aims to", "voted to hold".
    "intend aim decide vote".split()
)

#: Causatives taking a bare infinitive (VerbNet's force-59 and allow-64 with "let", "make", "help", "have"):
#: a verb of saying or appearance under them is brought about, not reported ("let them know", "made him seem").
CAUSATIVE_VERBS = frozenset("let make help have".split())

#: Verbs of saying whose direct object is the addressee, not what is said ("told reporters", "asked her").
ADDRESSEE_VERBS = frozenset("tell ask inform assure reassure advise warn remind notify question answer".split())

#: Reporting verbs of perception and cognition: their clause is attributed, their object is a thing
#: perceived or known ("found a way", "read the rest", "expect what"), not something said.
COGNITION_VERBS = frozenset(
    """believe think find know understand feel decide realize realise recognize recognise suspect doubt assume
    expect hope fear worry wonder learn hear read determine calculate conclude continue guess""".split()
)

#: Verbs that attribute a quotation they govern but are too common to cue on their own ("called it 'reckless'").
QUOTE_ONLY_VERBS = frozenset("call describe label dub term brand".split())

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
#: Pronouns that refer to organisations, places or groups, and the antecedent kinds each may take
#: ("it": an organisation or place; "they": those or a group of people).
GROUP_PRONOUNS = {"it": frozenset({"org"}), "they": frozenset({"org", "group"})}
HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male", "dame": "female"}
