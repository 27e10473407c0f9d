"""A question asking for a measured value by the value's name: "What was the lead level in the water?", "What EF
rating did the tornado get?", "What's the speed limit on the bridge?".

No number word asks it, so the question is answered by a sentence, not a typed value. But a sentence answers it only
when it gives a figure of what is measured: "a water sample held 14 micrograms per liter of lead", "rated the tornado
an EF-2". A sentence that names the crash or the beach and no such figure ("Four people were hurt when a pickup and a
minivan collided") says nothing of the level asked. The nouns below are English names of a measured value, not any
article's words.
"""

from __future__ import annotations

import re

from index.nlp import parse
from rag.candidates import Candidate
from rag.query import QuestionAnalysis
from rag.text import NUMBER_WORDS, all_stems

# Nouns that name a measured value ("the lead level", "its rating", "the speed limit", "a magnitude")
_MEASURE_NOUNS = frozenset({"level", "rating", "limit", "reading", "score", "concentration", "magnitude"})
_A_FIGURE = re.compile(r"\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


def asks_a_measure(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks for a measured value by its name ("What was the lead level ...?", "What rating did
    it get?"); not a typed question, which asks a number outright."""
    return not analysis.typed and analysis.question_word == "what" and analysis.focus in _MEASURE_NOUNS


def _what_is_measured(question: str, focus: str) -> frozenset[str]:
    """The stems of the words the question qualifies its measure by ("blood-alcohol" level, "speed" limit, "EF"
    rating), none when it gives none ("What rating did it get?")."""
    doc = parse(question)
    noun = next((t for t in doc if t.lemma_.casefold() == focus and t.pos_ == "NOUN"), None)
    if noun is None:
        return frozenset()
    qualifiers = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "npadvmod") or t.is_punct]
    return all_stems(" ".join(t.text for t in qualifiers if not t.is_punct))


def gives_the_measure(candidate: Candidate, analysis: QuestionAnalysis) -> bool:
    """Whether the candidate's sentence gives a figure (a number, in digits or words) and, when the question says what
    is measured ("the lead level"), names that too ("14 micrograms per liter of lead")."""
    if not _A_FIGURE.search(candidate.text) or analysis.focus is None:
        return False
    measured = _what_is_measured(analysis.question, analysis.focus)
    return not measured or bool(measured & all_stems(candidate.text))
