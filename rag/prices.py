"""What a price question asks the price of, and the sums that price something else.

"How much did the new furnace cost?", "How much did the town pay for the audit?",
"How much is the county spending on a new records system?" each name one thing
paid for. A sum answers them only from a sentence that tells of that thing, by its
word, a word of its name ("trash" of "trash pickup"), or a word like it ("pumper"
for "truck", by word likeness), or that names nothing paid for and follows one that
tells of it ("Permit fees will rise next year. Food trucks will pay $120."). "The
town will lease the fire station for $1 a year" prices no furnace; "left the library
$750,000 in her will" no solar panels. (rag.something_else.pays_for_something_else asks
less: any one word of the question in the sentence, "fire station" of "the furnace
for the fire station" too.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from index.nlp import sentence_parse
from rag.candidate import Candidate, span_before
from rag.query import QuestionAnalysis
from rag.text import all_stems
from rag.value_clause import answer_clause_tokens
from rag.word_likeness import SAME_THING_LIKENESS, SAME_WORD_ONLY, WordLikeness

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs and nouns of paying that name what is paid for after "for" or "on" ("pay for the audit", "spending on a
# new system"); nouns of a price that name it after "of" ("the cost of the furnace"). English.
_PAYING = frozenset({"pay", "spend", "spending"})
_PRICES = frozenset({"cost", "price"})
# "How much did the new furnace for the fire station cost?": the small parser often takes a closing "cost" for a
# noun, and the thing priced for its object's modifier; the thing is then the first noun phrase after the verb.
_ENDS_IN_COST = re.compile(r"(?i)\bcost(?:s|ing)?\W*$")
# Nouns that stand for any undertaking or anything ("What did the work cost?"), and for a share of a cost, which
# price nothing of their own.
_NO_THING = frozenset({"work", "project", "job", "effort", "undertaking", "thing", "share", "part", "portion"})
# Words of paying, in the sentence, whose subject is who pays (not what is paid for).
_PAYERS_VERBS = frozenset({"pay", "spend", "owe", "contribute", "chip"})
# Nouns of when and how often ("$120 a year", "each month"), and nouns of the price itself ("The bill came to
# $14,200"), which name nothing paid for.
_TIME_WORDS = frozenset({"year", "month", "week", "day", "hour", "season", "time", "today", "yesterday"})
_PRICE_WORDS = _PRICES | {"bill", "total", "fee", "charge", "tab", "amount", "sum", "tag"}
# Who pays and who is paid in the sum's clause, and what is said aside ("cost the town $14,200", "paid $48,000 to
# the firm", "according to town records", "including installation"): none of them is what is paid for.
_ASIDE_PREPOSITIONS = frozenset({"to", "according", "including", "per"})
# Verbs that buy a thing named after them ("bought the old Marl Mill for $900,000").
_BUYING = frozenset({"buy", "purchase", "acquire"})


def prices_another_thing(
    analysis: QuestionAnalysis, candidate: Candidate, word_likeness: WordLikeness = SAME_WORD_ONLY
) -> bool:
    """Whether a sum answering a price question comes from a sentence that tells nothing of the thing the question
    prices: "lease the former fire station for $1 a year" for what the station's new furnace cost. The sentence
    must give the thing's word, a word of its compound ("trash" of "trash pickup") or a noun like it; a sentence
    whose sum's clause names nothing paid for may instead name who the question says pays ("Food trucks will pay
    $120" for what a food truck pays for a permit) or follow one that gives the thing. False for other questions,
    for questions that name no one thing ("What did the work cost?", "How much will it cost to fix the roof?"),
    for questions that name whom it costs ("What will the levy cost a homeowner?": the sentence may tell it from
    the payer's side), and for a sum paid for a thing the sentence names by its proper name ("$3.4 million on
    Cooper's Landing"), which may be the thing asked."""
    if analysis.answer_type != "money" or candidate.answer is None:
        return False
    things = _things_priced(analysis.question)
    if not things:
        return False
    doc = sentence_parse(candidate.text)
    clause = answer_clause_tokens(candidate)
    if _tells_of(things, doc, word_likeness) or (clause is not None and _paid_for_by_name(clause[1])):
        return False
    payer = _payer(analysis.question)
    if clause is None or _names_what_is_paid_for(*clause, payer):
        return True
    if payer and any(all_stems(t.text) & payer for t in doc if t.pos_ in ("NOUN", "PROPN")):
        return False  # "Smaller operators such as food trucks will pay $120": what the question's payer pays
    before = span_before(candidate)
    return before is None or not _tells_of(
        things, sentence_parse(candidate.passage.text[before[0] : before[1]]), word_likeness
    )


@lru_cache(maxsize=256)
def _things_priced(question: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The lemmas of the things the question asks the price of, each with the lemmas of its compound nouns: (("pickup",
    ("trash",)),) for "What will a household pay each month for trash pickup?"; () when it names none or names who
    pays."""
    doc = sentence_parse(question)
    found: list[Token] = []
    for token in doc:
        lemma = token.lemma_.casefold()
        if lemma in _PAYING:
            found += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                      for o in c.children if o.dep_ == "pobj"]  # fmt: skip
        elif lemma in _PRICES and token.pos_ == "NOUN":
            found += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                      if o.dep_ == "pobj"]  # fmt: skip
        elif lemma == "cost" and token.pos_ == "VERB":
            if any(c.dep_ in ("dobj", "dative", "iobj") for c in token.children):
                return ()  # "What will the levy cost a homeowner?": told from the payer's side
            found += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and _ENDS_IN_COST.search(question):
        verb = next((t for t in doc if t.pos_ in ("AUX", "VERB") and t.lemma_.casefold() != "cost"), None)
        roots = [_priced_in(chunk.root) for chunk in _noun_chunks(doc) if verb is not None and chunk.root.i > verb.i]
        found += [root for root in roots if root is not None][:1]
    found += [c for t in found for c in t.conjuncts]
    return tuple((t.lemma_.casefold(), _compound_lemmas(t)) for t in found
                 if t.pos_ == "NOUN" and t.lemma_.casefold() not in _NO_THING)  # fmt: skip


def _compound_lemmas(noun: "Token") -> tuple[str, ...]:
    """The lemmas of the nouns compounded with `noun` ("trash" of "trash pickup"; "library" of "the library
    renovation cost", where the parser hangs both nouns on a closing "cost")."""
    heads = [noun, noun.head] if noun.dep_ == "compound" and noun.head.lemma_.casefold() in _PRICES else [noun]
    return tuple(c.lemma_.casefold() for head in heads for c in head.children
                 if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i != noun.i)  # fmt: skip


def _priced_in(root: "Token") -> "Token | None":
    """The noun a noun phrase of the question names: its root, or for "the new house cost" (a closing verb taken for
    the phrase's noun) the noun before "cost"."""
    if root.lemma_.casefold() not in _PRICES:
        return root
    return next((c for c in reversed(list(root.children)) if c.dep_ == "compound" and c.pos_ == "NOUN"), None)


def _noun_chunks(doc: "Doc") -> list["Span"]:
    try:
        return list(doc.noun_chunks)
    except ValueError:  # a parse without dependencies has no noun chunks
        return []


def _tells_of(things: tuple[tuple[str, tuple[str, ...]], ...], doc: "Doc", word_likeness: WordLikeness) -> bool:
    """Whether the sentence gives one of the things by its word, a word of its compound, or a noun like it."""
    said = [t for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")]
    stems = frozenset().union(*(all_stems(t.text) for t in said))
    for lemma, compounds in things:
        if all_stems(" ".join((lemma, *compounds))) & stems:
            return True
        if any(word_likeness(lemma, t.lemma_) >= SAME_THING_LIKENESS for t in said if t.pos_ == "NOUN"):
            return True
    return False


def _paid_for_by_name(verb: "Token") -> bool:
    """Whether the verb a sum hangs on pays for a thing the sentence names by its proper name: spent or paid on it
    ("would spend $3.4 million on Cooper's Landing"), its cost ("Halvern Elementary will cost $42 million") or what
    was bought ("bought the old Marl Mill for $900,000")."""
    lemma = verb.lemma_.casefold()
    named: list[Token] = []
    if lemma in _PAYING:
        named += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                  for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    if lemma in _PRICES:
        named += [c for c in verb.children if c.dep_ == "nsubj"]
    if lemma in _BUYING:
        named += [c for c in verb.children if c.dep_ == "dobj"]
    return any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in named)


@lru_cache(maxsize=256)
def _payer(question: str) -> frozenset[str]:
    """The stems of who the question says pays or spends: the subject's noun ("truck" of "How much will a food truck
    pay for a permit?"), or its name in full ("Harrowgate County"); empty when it names none."""
    heads = [h for token in sentence_parse(question) if token.lemma_.casefold() in _PAYING
             for c in token.children if c.dep_ == "nsubj" for h in (c, *c.conjuncts) if h.pos_ in ("NOUN", "PROPN")]
    return frozenset().union(*(
        all_stems(" ".join([h.text, *(c.text for c in h.children if c.dep_ == "compound" and h.pos_ == "PROPN")]))
        for h in heads
    ))  # fmt: skip


def _names_what_is_paid_for(value: "Span", verb: "Token", payer: frozenset[str]) -> bool:
    """Whether the clause of the sum `value`, hung on `verb` (rag.value_clause.answer_clause_tokens), names a thing
    besides who pays (the subject of a verb of paying, whom it costs, one the question names as the payer), who is
    paid ("to the firm", "The firm was paid"), what is said aside ("according to town records"), and besides words
    for the price, a share, a time or a number: "Food trucks will pay $120", "It cost the town $14,200", "The price
    was $14,200" and "Ostrebury's share this year is $1.04 million" name none, "The renovation will cost $1.85
    million" names the renovation."""
    lemma = verb.lemma_.casefold()
    # the sum and what hangs on it ("$71 a ton")
    left_out: set[Token] = {t for word in value for t in word.subtree}
    for child in verb.children:
        if (
            (child.dep_ == "nsubj" and lemma in _PAYERS_VERBS)
            or (child.dep_ in ("dobj", "dative") and lemma in _PRICES)  # "cost the town $14,200"
            or (child.dep_ in ("dative", "nsubjpass") and lemma in _PAYERS_VERBS)  # "paid the firm", "was paid"
            or (child.dep_ == "prep" and child.lower_ in _ASIDE_PREPOSITIONS)
            or (child.dep_ in ("conj", "advcl") and child.pos_ in ("VERB", "AUX"))  # another clause
            or child.dep_ == "npadvmod"  # "$71 a ton", "each month"
        ):
            left_out.update(child.subtree)
    return any(t.pos_ in ("NOUN", "PROPN") and t not in left_out and not t.like_num
               and t.lemma_.casefold() not in _TIME_WORDS | _NO_THING | _PRICE_WORDS and not all_stems(t.text) & payer
               for t in verb.subtree)  # fmt: skip
