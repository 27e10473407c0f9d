"""Example questions under the chat box, made from the articles in the library and checked against it.

Each article offers candidate questions built from what it names itself: a
person it quotes ("What did Priya Anand say?", from the entities stored with
its passages at ingest), then its title ("What does the article “...”
report?"). A candidate is asked (extractive, offline: ~20 ms) and kept only
when the answer is no refusal and cites that article, so every example
shown is one the library answers. Newest articles first (the library's first
page of MAX_ARTICLES: a bounded sample, whatever its size), one question each
while there are enough articles. `ExampleQuestions` remakes them when the
store's revision changes (an upload, a delete, an ingest from elsewhere).
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from rag.assistant import Assistant

logger = logging.getLogger(__name__)

MAX_EXAMPLES = 4
# Articles read per refresh (two store reads each) and questions tried, so a large library stays quick.
MAX_ARTICLES = 3 * MAX_EXAMPLES
MAX_TRIES = 4 * MAX_EXAMPLES
# Longer titles make an unwieldy question.
MAX_TITLE_CHARS = 90
# Verbs of reporting speech, as they appear in running text: a person named in the same sentence is quoted.
SPEECH_WORDS = frozenset(
    {"said", "says", "told", "tells", "wrote", "writes", "added", "adds", "announced", "announces", "warned",
     "warns", "argued", "argues", "explained", "explains", "insisted", "insists", "stated", "claimed"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Sentence:
    text: str
    entities: tuple[tuple[str, str], ...]  # (text, label) of each named entity in the sentence


@dataclass(frozen=True)
class ArticleEntities:
    """An article's title and its sentences with their named entities, as stored with its passages."""

    article_id: str
    title: str
    published: str | None
    sentences: tuple[Sentence, ...]


def articles_with_entities(assistant: Assistant, limit: int = MAX_ARTICLES) -> list[ArticleEntities]:
    """The newest `limit` articles with the entities of each sentence (read from the passages' metadata).

    The articles are the first page of the library (`Assistant.article_page`): only their records and passages
    are read, whatever the library's size. Overlapping passages repeat sentences, which are read once.
    """
    records = assistant.article_page(0, limit).articles
    store = assistant.store
    found = []
    for record in records:
        passages = store.passages_by_id(sorted(store.passage_ids(record.article_id)))
        seen: set[int] = set()
        sentences = []
        for passage in sorted(passages.values(), key=lambda p: p.chunk_index):
            for start, end in passage.sentence_spans or [(0, len(passage.text))]:
                if passage.start + start in seen:
                    continue
                seen.add(passage.start + start)
                entities = tuple(
                    (passage.text[s:e], label) for s, e, label in passage.entities if start <= s and e <= end
                )
                sentences.append(Sentence(passage.text[start:end], entities))
        found.append(ArticleEntities(record.article_id, record.title, record.published, tuple(sentences)))
    return found


def _clean_name(text: str) -> str:
    return _POSSESSIVE.sub("", " ".join(text.split()))


def _is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and len(text) <= 40 and all(_WORD.fullmatch(w) and w[0].isupper() for w in words)


def quoted_people(article: ArticleEntities) -> list[str]:
    """People the article quotes, most often named first, each by the fullest form of their name it uses."""
    people = [
        _clean_name(text)
        for sentence in article.sentences
        for text, label in sentence.entities
        if label == "PERSON" and _is_name(_clean_name(text))
    ]
    fullest: dict[str, str] = {}  # by surname
    mentions: dict[str, int] = {}
    for name in people:
        surname = name.split()[-1]
        mentions[surname] = mentions.get(surname, 0) + 1
        if len(name) > len(fullest.get(surname, "")):
            fullest[surname] = name
    speaking = {
        _clean_name(text).split()[-1]
        for sentence in article.sentences
        if SPEECH_WORDS & {w.lower() for w in _WORD.findall(sentence.text)}
        for text, label in sentence.entities
        if label == "PERSON" and _is_name(_clean_name(text))
    }
    ranked = sorted(speaking, key=lambda surname: (-mentions[surname], people.index(fullest[surname])))
    return [fullest[surname] for surname in ranked]


def candidate_questions(article: ArticleEntities) -> list[str]:
    """Questions the article might answer, best first."""
    candidates = [f"What did {name} say?" for name in quoted_people(article)[:2]]
    title = " ".join(article.title.split())
    if title and len(title) <= MAX_TITLE_CHARS:
        candidates.append(f"What does the article “{title}” report?")
    return candidates


def answers_from(assistant: Assistant, question: str, article_id: str) -> bool:
    """Whether the library answers `question` (no refusal) citing the article it was made from."""
    answer = assistant.ask(question, mode="extractive")
    return not answer.abstained and any(c.article_id == article_id for c in answer.citations)


def example_questions(assistant: Assistant, limit: int = MAX_EXAMPLES) -> list[str]:
    """Up to `limit` questions about the library's newest articles, each one the library answers.

    One question per article first; a second per article only when there are too few articles. No question
    is shown twice.
    """
    queues = [(article, candidate_questions(article)) for article in articles_with_entities(assistant)]
    chosen: list[tuple[str, str]] = []  # (question, article id)
    tries = 0
    for per_article in (1, 2):
        for article, candidates in queues:
            have = sum(1 for _, article_id in chosen if article_id == article.article_id)
            while have < per_article and candidates and len(chosen) < limit and tries < MAX_TRIES:
                question = candidates.pop(0)
                # Two articles quoting one person make the same question: show it once, and let the second
                # article offer its next candidate (its other speaker or its title) instead.
                if any(question == shown for shown, _ in chosen):
                    continue
                tries += 1
                if answers_from(assistant, question, article.article_id):
                    chosen.append((question, article.article_id))
                    have += 1
    return [question for question, _ in chosen]


@dataclass(frozen=True)
class Examples:
    questions: list[str]
    library_empty: bool


class ExampleQuestions:
    """The examples of the library as it is now, remade only when the store's revision has changed."""

    def __init__(self, assistant: Assistant, limit: int = MAX_EXAMPLES) -> None:
        self.assistant = assistant
        self.limit = limit
        self._lock = threading.Lock()
        self._revision: str | None = None
        self._examples = Examples([], library_empty=False)

    def current(self) -> Examples:
        with self._lock:
            try:
                revision = self.assistant.store.revision
                if revision != self._revision:
                    empty = self.assistant.store.article_count() == 0
                    questions = [] if empty else example_questions(self.assistant, self.limit)
                    self._examples = Examples(questions, empty)
                    self._revision = revision
            except Exception as failure:  # noqa: BLE001  examples are a convenience: keep the last ones
                logger.warning("could not make example questions: %s", failure)
            return self._examples
