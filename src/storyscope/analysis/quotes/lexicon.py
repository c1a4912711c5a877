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
    proclaim affirm admit predict project forecast write blog tweet text email tell""".split()
)

#: Verbs whose infinitival complement (``xcomp``: "vowed to fight") is the attributed content.
INTENT_VERBS = frozenset(
    "promise pledge vow threaten refuse decline urge want plan hope expect propose agree demand ask vow".split()
)

#: Verbs that attribute a quotation they govern but are too common to cue on their own ("called it 'reckless'").
QUOTE_ONLY_VERBS = frozenset("call describe label dub term brand".split())

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male", "dame": "female"}
