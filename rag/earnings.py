"""What someone is paid: a question asking it, and the sums that can answer it.

"What will the paramedics be paid?", "What will the new jobs pay?" and "What did
the town pay its police chief?" ask for earnings, though no word of theirs names
a salary. A news report gives earnings beside who earns them ("The new jobs will
pay $24.75 an hour", "pays rookie deputies $56,900") or with a word for them
("at a salary of $118,500"). A sum in a sentence with neither is paid for
something else: what homeowners will pay in taxes, a plant's cost, a district's
budget. (A salary noun asked for outright, "What is her salary?", is read by
rag.something_else.sums_something_else.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from index.nlp import parse, sentence_parse
from rag.candidate import Candidate, span_before
from rag.expected_answer import SUM_OF_MONEY_NOUNS
from rag.query import QuestionAnalysis
from rag.something_else import SAME_THING_LIKENESS, earned, earnings_of_one_named_before
from rag.text import all_stems
from rag.word_likeness import SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Token

# A paid post as what pays: "What will the new jobs pay?", "What does the job pay?" (the parser often takes "pay"
# at the end for a noun)
_A_POST_PAYS = re.compile(r"\b(job|position|post|opening|role)s?\b[^?.]*\bpay\W*$", re.IGNORECASE)
# Nouns for what is earned, which a sentence may give earnings by ("at a salary of $118,500"). A closed list: word
# likeness puts "payment", "tax" and "fund" near "pay", and they are sums paid for anything.
_EARNINGS = frozenset({"salary", "wage", "pay", "paycheck", "earnings", "compensation", "income", "stipend"})


def payee(analysis: QuestionAnalysis) -> str | None:
    """The lemma of who or what the question asks the earnings of, or None when it asks no earnings: "paramedic" in
    "What will the 12 paramedics be paid?", "job" in "What will the new jobs pay?", "chief" in "What did Pellinwood
    pay its police chief?" (one of the payer's own, "its", "their"). Not a price paid for something ("What did the
    county pay the family for the land?", "... pay the architects to design the jail?"), nor a fee paid to another
    ("How much did the city pay the lawyers?"), nor a payer ("What will the county pay?"), nor a question whose
    focus names the sum ("What salary will she get?")."""
    if analysis.answer_type != "money" or analysis.focus in SUM_OF_MONEY_NOUNS:
        return None
    return _paid_in(analysis.question)


@lru_cache(maxsize=256)
def _paid_in(question: str) -> str | None:
    """`payee` read from the question's words and parse (once per question: each candidate asks again)."""
    post = _A_POST_PAYS.search(question)
    if post is not None:
        return post.group(1).casefold()
    for token in parse(question):
        if token.lemma_.casefold() != "pay" or token.pos_ != "VERB":
            continue
        children = list(token.children)
        if any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "advcl") for c in children):
            return None  # what was paid for ("for the land", "to design the jail"), not who was paid
        # "are lifeguards paid": the subject of a passive "paid", which the parser may take for an active one's
        passive = token.tag_ in ("VBN", "VBD") and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"
                                                        for c in children)  # fmt: skip
        paid = (_noun(children, ("nsubjpass", "dative")) or (_noun(children, ("nsubj",)) if passive else None)
                or _noun(children, ("dobj",)))  # fmt: skip
        if paid is None:
            return None
        if paid.dep_ != "nsubjpass" and not passive and not any(c.dep_ == "poss" for c in paid.children):
            return None  # "pay the lawyers", "pay the Aldous family": a fee or a price; "pay its police chief" is pay
        return paid.lemma_.casefold()
    return None


def _noun(children: list["Token"], deps: tuple[str, ...]) -> "Token | None":
    return next((c for c in children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN") and c.tag_ != "WP"), None)


def pays_someone_else(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering what someone is paid (`payee`) comes from a sentence that names neither them (as
    written or alike in meaning: "medics" for "paramedics", not "officers" for the chief, nor "company" for the
    jobs) nor any earnings ("salary", "wage", "pay"): "The owner of a $250,000 home would pay about $118 a year"
    does not say what the paramedics will be paid. False for other questions."""
    asked = payee(analysis)
    if asked is None or candidate.answer is None:
        return False
    asked_stems = all_stems(asked)
    doc = sentence_parse(candidate.text)
    before = span_before(candidate)
    if before is not None and earnings_of_one_named_before(doc, candidate.passage.text[before[0] : before[1]],
                                                           analysis):  # fmt: skip
        # "Delacorte, 44, will be paid $96,500 a year" after "... hired Yusra Delacorte as athletic director": the
        # sentence before says who she is
        doc = [*doc, *sentence_parse(candidate.passage.text[before[0] : before[1]])]
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = token.lemma_.casefold()
        if asked_stems & all_stems(token.text) or word_likeness(asked, lemma) >= SAME_THING_LIKENESS:
            return False
        if token.pos_ == "NOUN" and lemma in _EARNINGS:
            return False
    return True


def earnings_not_told(analysis: QuestionAnalysis, candidate: Candidate) -> bool:
    """Whether, for a question asking what someone is paid, the sum's sentence tells no earnings at all, by a noun
    of pay or a verb of being paid ("The work, estimated at $186,000, will be paid for with a grant" against "will be
    paid $96,500 a year"): another outlet's figure of such a sentence is no rival of a salary."""
    if payee(analysis) is None or candidate.answer is None:
        return False
    return not any(earned(t) or (t.pos_ == "NOUN" and t.lemma_.casefold() in _EARNINGS)
                   for t in sentence_parse(candidate.text))  # fmt: skip
