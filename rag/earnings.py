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
from rag.name_words import PERSONS_NAME, POSSESSIVE_END
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.word_likeness import SAME_THING_LIKENESS, SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A paid post as what pays: "What will the new jobs pay?", "What does the job pay?" (the parser often takes "pay"
# at the end for a noun)
_A_POST_PAYS = re.compile(r"\b(job|position|post|opening|role)s?\b[^?.]*\bpay\W*$", re.IGNORECASE)
# Nouns for what is earned, which a sentence may give earnings by ("at a salary of $118,500"). A closed list: word
# likeness puts "payment", "tax" and "fund" near "pay", and they are sums paid for anything.
_EARNINGS = frozenset({"salary", "wage", "pay", "paycheck", "earnings", "compensation", "income", "stipend"})


# Sums paid to a person, which a sentence gives the one it names: "a starting salary of $148,500" (English nouns).
PERSONAL_SUMS = frozenset({"salary", "wage", "pay", "bail", "pension", "severance", "bonus", "raise", "stipend"})


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


def earned(token: "Token") -> bool:
    """Whether a word tells what someone earns: a noun of pay ("at a salary of $164,000") or a verb of being paid or
    earning ("will be paid $96,500 a year", "earns $61,000"; not "would pay about $118 a year", which a payer does)."""
    lemma = token.lemma_.casefold()
    if token.pos_ == "NOUN":
        return lemma in PERSONAL_SUMS
    if token.pos_ != "VERB" or lemma not in ("earn", "pay"):
        return False
    # (a verb joined to another has its subject: "Her contract runs three years and pays $168,500 a year")
    subjects = [c for t in (token, token.head if token.dep_ == "conj" else token) for c in t.children
                if c.dep_ == "nsubj"]  # fmt: skip
    if lemma == "earn" or any(c.lemma_.casefold() in _PAID_POSTS for c in subjects):
        return True  # "earns $61,000", "The job pays $96,000"
    # (not "will be paid for with a grant", the price of a thing)
    return any(c.dep_ == "auxpass" for c in token.children) and not any(
        c.lower_ == "for" and c.dep_ in ("prep", "prt") for c in token.children)


# Posts, and agreements, that pay whoever holds them: "The job pays $96,000", "Her contract pays $168,500 a year".
_PAID_POSTS = frozenset({"job", "position", "post", "role", "opening", "contract", "deal", "agreement"})


def earnings_of_one_named_before(doc: "Doc", told_before: str, analysis: QuestionAnalysis) -> bool:
    """Whether the sentence `doc` gives the earnings of someone the sentence before names, as its subject by name
    ("Carrack, 49, will start Sept. 11 at an annual salary of $164,000" after "... hired Dr. Ysolde Carrack to run the
    county health department") or by a personal pronoun ("She will be paid $96,500 a year"): what the sentence before
    calls them is what the sum is paid for. Not of another than the person the question names ("What was Gaskell's
    salary?": "Delacorte will be paid $96,500", after "Delacorte replaces Gaskell")."""
    if not told_before or not any(earned(t) for t in doc):
        return False
    # (the people the question names: those the model tagged, and a person's full name it took for a body's,
    # "Everard Tolliver"; not who pays, "What's Velt paying ...?", a town the model may take for a person)
    asked = {POSSESSIVE_END.sub("", word.casefold()) for name, label in analysis.entities
             if label == "PERSON" or (label == "ORG" and PERSONS_NAME.fullmatch(name)) for word in name.split()}
    asked -= _payers(analysis)
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    # (a name by its capital, not its tag: the tagger takes a name it does not know, opening a sentence, for a noun
    # or an interjection)
    return any((t.lower_ in ("he", "she", "they") and not asked) or (
        t.text[:1].isupper() and t.pos_ not in ("DET", "PRON") and (not asked or t.lower_ in asked)
        and re.search(rf"\b{re.escape(t.text)}\b", told_before)) for t in subjects)  # fmt: skip


def _payers(analysis: QuestionAnalysis) -> set[str]:
    """The words of who pays in the question, the subject of an active "pay" ("Velt" of "What's Velt paying its new
    athletic director?")."""
    return {word.lower_ for token in sentence_parse(analysis.question) if token.lemma_.casefold() == "pay"
            and not any(c.dep_ == "auxpass" for c in token.children)
            for subject in token.children if subject.dep_ == "nsubj" for word in subject.subtree}  # fmt: skip


def asks_earnings(analysis: QuestionAnalysis) -> bool:
    """Whether the question asks what someone is paid: a sum of pay by name ("What is her salary?") or by who is paid
    ("What will the new health director be paid?", `payee`)."""
    return analysis.focus in PERSONAL_SUMS or payee(analysis) is not None
