"""Multi-turn chat: history bounded in tokens, and follow-ups rewritten into standalone questions.

Without an LLM, a follow-up is recognised by its pronouns or ellipsis ("What
about the weapons?") and rewritten by carrying the previous turn's subjects:
the names and key terms of the previous standalone question and of the
sentences the previous answer cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.tokens import count_tokens
from rag.models import Answer
from rag.text import capitalised_terms, content_words, normalise, stopwords

_PRONOUNS = re.compile(
    r"\b(he|she|they|him|her|them|his|hers|their|theirs|it|its|this|that|these|those|there|then|the call|the meeting|"
    r"the talks|the leaders?|the two)\b"
)
_ELLIPSIS = re.compile(r"^\s*(and|what about|how about|what else|why|and then|also|same for)\b")
# "Frederiksen said ...": a speaker's name, even at the start of a sentence where
# capitalised_terms cannot tell it from an ordinary capitalised word.
_SPEAKER = re.compile(r"\b([A-Z][^\W\d_]+(?:['’]s)?) (?:said|says|told|added|argued|warned|wrote)\b")
# A question this short is almost always a follow-up in a chat.
SHORT_QUESTION_WORDS = 3
# Subjects carried from the previous turn: enough to retrieve, few enough not to drown the question.
MAX_CARRIED_TERMS = 6


@dataclass
class Turn:
    question: str
    standalone: str
    answer: str
    cited_quotes: list[str] = field(default_factory=list)

    def render(self) -> str:
        return f"Human: {self.question}\nAssistant: {self.answer}"


@dataclass
class Conversation:
    """Chat history; the oldest turns are dropped once it exceeds `max_tokens`."""

    max_tokens: int = 1500
    turns: list[Turn] = field(default_factory=list)

    def add(self, answer: Answer) -> None:
        standalone = answer.rewritten_query or answer.question
        quotes = [c.quote for c in answer.citations]
        self.turns.append(Turn(answer.question, standalone, answer.answer, quotes))
        while len(self.turns) > 1 and count_tokens(self.history_text()) > self.max_tokens:
            self.turns.pop(0)

    def history_text(self) -> str:
        return "\n".join(turn.render() for turn in self.turns)

    def clear(self) -> None:
        self.turns.clear()


def looks_like_follow_up(question: str) -> bool:
    lowered = normalise(question)
    return bool(_PRONOUNS.search(lowered) or _ELLIPSIS.search(lowered)) or len(content_words(question)) <= SHORT_QUESTION_WORDS


def speakers(text: str) -> list[str]:
    """Names directly before a speech verb ("Frederiksen said"), normalised."""
    names = (normalise(m.group(1)).removesuffix("'s") for m in _SPEAKER.finditer(text))
    return [name for name in names if name not in stopwords()]


def carry_subjects(question: str, conversation: Conversation) -> str | None:
    """Non-LLM rewrite: the follow-up plus the previous turn's subjects, or None when not a follow-up."""
    if not conversation.turns or not looks_like_follow_up(question):
        return None
    previous = conversation.turns[-1]
    asked = set(content_words(question))
    terms: list[str] = []
    asked_before = capitalised_terms(previous.standalone)
    # names the previous answer introduced (its answer, likely what "he"/"she" refers to) come first
    answered = [
        n
        for quote in previous.cited_quotes[:1]
        for n in [*speakers(quote), *capitalised_terms(quote)]
        if n not in asked_before
    ]
    keywords = content_words(previous.standalone)
    for term in [*answered[:3], *asked_before, *keywords]:
        if term not in asked and term not in terms:
            terms.append(term)
        if len(terms) >= MAX_CARRIED_TERMS:
            break
    if not terms:
        return None
    return f"{question} (context: {' '.join(terms)})"
