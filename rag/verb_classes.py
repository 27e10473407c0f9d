"""Closed classes of English verbs the question analysis reads: the auxiliaries of a question, the verbs
that only link or help, the modals and verbs of intention of what is not (yet) done, and the verbs of saying.
"""

from __future__ import annotations

AUXILIARIES = frozenset({"do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could",
                         "will", "would", "should", "may", "might", "must", "shall"})  # fmt: skip

# Verbs that only link or help: a question built on one of them asks about its complement, not about them.
LINKING_VERBS = frozenset({"be", "do", "have", "get"})
# Verbs whose "to ..." complement has not happened (yet): "expects to hire", "plans to spend", "is set to open",
# "agreed to study merging". They are the closed class of English verbs of intention, expectation, schedule and
# deliberation, not words of a corpus.
IRREALIS_GOVERNORS = frozenset({"expect", "plan", "hope", "want", "intend", "aim", "seek", "propose", "try", "need",
                                "promise", "vow", "pledge", "threaten", "schedule", "set", "go", "wish", "prepare",
                                "offer", "ask", "urge", "consider", "study", "explore", "discuss", "weigh", "debate",
                                "mull", "contemplate", "talk", "suppose", "have"})  # fmt: skip
# Verbs whose object is what someone means to have or do, not what was done: "plans 1,420 houses", "proposed a
# $4 million levy" ("ask" is not one: its object is whom one asks).
INTENDING_VERBS = frozenset({"plan", "propose", "seek", "want", "expect", "promise", "offer", "request", "envision",
                              "need"})  # fmt: skip
# Modal auxiliaries: "will open", "would cost", "could reach" state no realised fact.
IRREALIS_AUXILIARIES = frozenset({"will", "would", "shall", "should", "could", "might", "may", "'ll", "wo"})
# Verbs of saying, which tell one another's event ("When did the mayor announce it?": "said on July 14 that ...").
SAYING_VERBS = frozenset({"say", "announce", "state", "declare", "tell", "disclose", "reveal", "confirm"})
