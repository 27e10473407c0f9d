"""Multi-turn chat: history bounded in tokens, and follow-ups resolved by reference into standalone questions.

Without an LLM, a follow-up is a question that refers back: a personal
pronoun ("When was he arrested?"), a demonstrative standing for something
said before ("And when was that?"), "there", "next", or a definite noun
phrase whose noun the previous turn used ("How long did the call last?").
The English NLP model parses the question; each reference is replaced by
what it stands for, taken from the entities of the previous answer and
question (most recent and most salient first):

- he / she / him / her / his: the last person named: after "Who ...?", the
  previous answer's person; otherwise the person the previous question named;
- they / them / their: the people of the previous question when there are
  several, else its organisation or place;
- there: after "Which park ...?", the answer's name that ends with the kind
  asked ("Brennick Park"); else where the previous question put what it asked
  about ("in Oxley", "at the Oxley plant", whatever label the model gave the
  name); else the last place; said at the end of the clause that holds it
  ("What did the work cost in Oxley?", "Who went in Oxley, and why?");
- it: after "Which company ...?", the name the answer gives for the thing
  asked (the one that ends with the kind asked, else the subject of what it
  tells; never a person or the outlet it cites);
- it / that / this, "the call", "next": the event of the previous question,
  as its names and key noun phrases, in brackets after the reference ("it"
  is one thing: not a date, not the plural noun a question counted);
- a pronoun that the asked-for subject says of itself ("Which firm said it
  would bid?") refers to nothing earlier and is left alone;
- a question that opens with "And" (or "Also") and names nothing of its own
  ("And what does a ride cost?"): that event, in brackets at its end;
- a fragment ("And the May meeting?", "What about in 2022?") that names a
  thing of the kind the previous question named (the same noun) or a date
  where it named one: the previous question again, with the fragment's in
  place of its own ("How long did the May meeting last?"); a definite noun
  qualified in words of its own ("the May meeting" after "the June 10
  meeting") is another one, not a reference.

A question that names its own subject and refers to nothing is left alone,
even in a chat: "Who is Dale Orrin?" after a question about Vera Maddox is about Dale Orrin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from index.tokens import count_tokens
from rag.models import Answer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_THING_PRONOUNS = frozenset({"it", "its", "that", "this", "those", "these"})
_POSSESSIVE = frozenset({"his", "her", "their", "its"})
# Words that open a question going on with the one before ("And what does a ride cost?").
_CONTINUING = frozenset({"and", "also", "plus"})
# Entities that name no one and nothing: "And in 2022?" still goes on with the question before.
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_GROUP_LABELS = ("ORG", "NORP", "GPE")
# Noun phrases of the previous turn that describe its event: enough to retrieve it.
MAX_EVENT_PHRASES = 3


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
        text = "" if answer.abstained else answer.answer
        self.turns.append(Turn(answer.question, standalone, text, quotes))
        while len(self.turns) > 1 and count_tokens(self.history_text()) > self.max_tokens:
            self.turns.pop(0)

    def history_text(self) -> str:
        return "\n".join(turn.render() for turn in self.turns)

    def clear(self) -> None:
        self.turns.clear()


@dataclass(frozen=True)
class _Mention:
    text: str
    label: str


@lru_cache(maxsize=256)
def _parse(text: str) -> "Doc":
    from index.nlp import parse

    return parse(text)


def references(question: str) -> list[str]:
    """The words of `question` that refer back to an earlier turn (empty for a standalone question)."""
    doc = _parse(question)
    found = [token.text for token in _referring_tokens(doc, set())]
    return found or ([doc[0].text] if _continues(doc) else [])


def _continues(doc: "Doc") -> bool:
    """"And what does a ride cost?": a question that opens with a conjunction and names nothing of its own
    goes on with the previous one."""
    words = [t for t in doc if not t.is_punct]
    own_names = [e for e in doc.ents if e.label_ not in _NOT_NAMES]
    return len(words) > 1 and doc[0].lower_ in _CONTINUING and not own_names


def looks_like_follow_up(question: str) -> bool:
    """Whether the question refers back to something said before (see the module docstring)."""
    return bool(references(question))


def _referring_tokens(doc: "Doc", previous_nouns: set[str], earlier_words: frozenset[str] = frozenset()) -> list["Token"]:
    """The words of `doc` that refer back; a definite noun only when an earlier turn used it (`previous_nouns`)
    and the follow-up qualifies it with no word the earlier turns did not say (`earlier_words`): "the May meeting"
    after "the June 10 meeting" names a meeting of its own."""
    found = []
    for token in doc:
        word = token.lower_
        if token.tag_ in ("PRP", "PRP$") and word in _PERSON_PRONOUNS | _GROUP_PRONOUNS | {"it", "its"}:
            if not _stands_for_the_asked(token):
                found.append(token)
        elif word in ("that", "this", "those", "these") and token.dep_ not in ("det", "mark") and token.tag_ != "WDT":
            found.append(token)  # a demonstrative standing alone, not "that call" or "said that ..."
        elif word == "there" and token.dep_ != "expl":
            found.append(token)
        elif word in ("next", "then") and token.dep_ in ("advmod", "npadvmod"):
            found.append(token)
        elif token.pos_ == "NOUN" and token.lemma_.casefold() in previous_nouns and _is_definite(token):
            if not _qualifiers(token) - earlier_words:
                found.append(token)
    return found


def _stands_for_the_asked(pronoun: "Token") -> bool:
    """"Which firm said *it* would bid?", "Who said *she* would run?": a pronoun subject of a clause that the
    question's own subject, the one asked for, says or thinks refers to that one, not to an earlier turn."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp"):
        return False
    # "Which buyers does the article say they would hit?": the asked-for phrase is hit's object (the parser may
    # still call it a subject of "say"): the verb has another subject
    subjects = [child for child in clause.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return False
    asking = [t for t in subjects[0].subtree if t.tag_ in ("WDT", "WP", "WP$")]
    # "Who said *it* was unsafe?": "who" asks for a person, whom "it" never stands for; it is the thing the
    # previous turn was about ("Whose firm said it would bid?" asks for a firm)
    return bool(asking) and not (pronoun.lower_ in ("it", "its") and subjects[0].lower_ in ("who", "whom"))


def _qualifiers(noun: "Token") -> set[str]:
    """The words that say which one a noun is, before it and after it ("may" of "the May meeting", "old" of "the old
    jail", "oxley" of "the council of Oxley"), lower-cased; not its determiner."""
    words = {t.lower_ for t in _noun_phrase(noun) if t.i != noun.i and t.dep_ != "det" and not t.is_punct}
    for preposition in (c for c in noun.rights if c.dep_ == "prep"):
        words |= {t.lower_ for t in preposition.subtree if t.i != preposition.i and t.dep_ != "det" and not t.is_punct}
    return words


def _noun_phrase(noun: "Token") -> "Span":
    """The noun with the words before it that say which one it is: "the June 10 meeting", "Lanford County's library
    levy" (its determiner, possessor, compounds, adjectives and numbers, whole), never a question word or a verb
    the parser put in ("How long did the June 10 meeting")."""
    start = noun.i
    for child in reversed(list(noun.lefts)):
        if child.dep_ not in _NOUN_MODIFIERS or child.right_edge.i != start - 1:
            break
        edge = child.left_edge.i
        if any(t.tag_.startswith("W") or t.pos_ in ("AUX", "VERB") for t in noun.doc[edge:start]):
            break
        start = edge
    return noun.doc[start : noun.i + 1]


# Dependents before a noun that say which one it is.
_NOUN_MODIFIERS = frozenset({"det", "poss", "compound", "amod", "nmod", "nummod", "npadvmod", "quantmod"})


def _is_definite(token: "Token") -> bool:
    """"the bond", "that presidency": a noun whose determiner points back."""
    return any(child.lower_ in ("the", "that", "this") and child.dep_ == "det" for child in token.children)


def resolve_follow_up(question: str, conversation: Conversation) -> str | None:
    """The follow-up with its references replaced (see the module docstring), or None when it refers to nothing."""
    if not conversation.turns:
        return None
    previous = conversation.turns[-1]
    question_doc = _parse(previous.standalone)
    earlier_docs = [question_doc, *(_parse(turn.standalone) for turn in reversed(conversation.turns[:-1]))]
    previous_nouns = {t.lemma_.casefold() for d in earlier_docs for t in d if t.pos_ == "NOUN"}
    doc = _parse(question)
    again = _asked_again_of(doc, question_doc)
    if again is not None:
        return again
    earlier_words = frozenset(t.lower_ for d in earlier_docs for t in d)
    referring = _referring_tokens(doc, previous_nouns, earlier_words)
    if not referring:
        if not _continues(doc):
            return None
        # nothing to replace: the previous question's event goes after the whole question
        event = _event(question_doc, {m.text.casefold() for m in _mentions(doc)})
        return f"{question.rstrip().rstrip('?')} ({event})?" if event else None
    answer_doc = _parse(previous.answer) if previous.answer else None
    answer_mentions = _mentions(answer_doc) if answer_doc is not None else []
    # earlier questions, most recent first: "they" may name people asked about two turns ago
    earlier = [m for turn in reversed(conversation.turns[:-1]) for m in _mentions(_parse(turn.standalone))]
    names = _proper_nouns(answer_doc) if answer_doc is not None else []
    question_mentions = _mentions(question_doc)
    own = {m.text.casefold() for m in _mentions(doc)}
    replacements: dict[int, tuple[int, str]] = {}  # first token -> (end token, text)
    said_after: dict[int, str] = {}  # token -> what is said after it ("in Oxley" for a "there" moved there)
    for token in referring:
        replacement = _resolve(token, answer_mentions, question_mentions + earlier, question_doc, own, names,
                               earlier_docs, answer_doc)
        if not replacement:
            continue
        if token.lower_ == "there":
            clause_end = _end_of_clause(token)
            if clause_end.i != token.i:
                # "What did the work there cost?" becomes "What did the work cost in Oxley Park?": in the middle,
                # "the work in Oxley Park cost" reads to the parser as a noun "Park cost"
                replacements[token.i] = (token.i + 1, "")
                said_after[clause_end.i] = replacement
                continue
            if token.i == 0 and token.text[:1].isupper():
                replacement = replacement[:1].upper() + replacement[1:]  # "There, what happened?"
        first = _determiner(token) if token.pos_ == "NOUN" and not replacement.startswith(token.text) else token
        replacements[first.i] = (token.i + 1, replacement)
    if not replacements:
        return None
    pieces: list[str] = []
    i = 0
    while i < len(doc):
        if i in replacements:
            end, text = replacements[i]
            pieces.append(text + doc[end - 1].whitespace_ if text else "")
            i = end
            continue
        if i in said_after:
            pieces.append(f"{doc[i].text} {said_after[i]}{doc[i].whitespace_}")
        else:
            pieces.append(doc[i].text_with_ws)
        i += 1
    return " ".join("".join(pieces).split())


def _asked_again_of(doc: "Doc", previous: "Doc") -> str | None:
    """"And the May meeting?" after "How long did the June 10 meeting last?": a fragment that names a thing of its own
    where the previous question named one of the same kind (the same noun), or a date of its own where it named a
    date, asks the previous question again of it, in its place: "How long did the May meeting last?" (not the earlier
    call beside the new one). None when the follow-up is no such fragment."""
    fragment = _fragment(doc)
    if fragment is None:
        return None
    preposition = fragment[0] if fragment[0].pos_ == "ADP" and len(fragment) > 1 else None
    phrase = fragment[1:] if preposition is not None else fragment
    dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and fragment.start <= e.start]
    head = phrase[-1]
    same_kind = None if dates and dates[-1].end == phrase.end else _same_noun(head, previous)
    if same_kind is not None:
        earlier = _noun_phrase(same_kind)
        own = {t.lower_ for t in phrase if t.i != head.i and t.dep_ != "det"}
        if not own or own <= {t.lower_ for t in earlier}:
            return None  # "And the call?": nothing of its own, it is the one before
        return _in_place_of(previous, earlier, phrase.text)
    earlier_dates = [e for e in previous.ents if e.label_ in ("DATE", "TIME")]
    if not dates or not earlier_dates:
        return None
    date, earlier_date = dates[-1], earlier_dates[0]
    if earlier_date.root.dep_ == "pobj" and earlier_date.root.head.i == earlier_date.start - 1:
        # "in 2021" -> "in 2022", "on May 4" -> "in May": the fragment's preposition, else the one it had
        said = fragment.text if preposition is not None else f"{earlier_date.root.head.text} {date.text}"
        return _in_place_of(previous, previous[earlier_date.start - 1 : earlier_date.end], said)
    if earlier_date.root.head.pos_ in ("NOUN", "PROPN") and earlier_date.root.dep_ != "npadvmod":
        return _in_place_of(previous, earlier_date, date.text)  # "the June 10 meeting" -> "the May meeting"
    return _in_place_of(previous, earlier_date, fragment.text)  # "... spend last year" -> "... spend in 2022"


def _fragment(doc: "Doc") -> "Span | None":
    """What a follow-up such as "And the May meeting?", "What about the old jail?" or "And in 2022?" names: its words
    after the opening ones, when they ask nothing of their own (no question word, no verb of a clause)."""
    words = [t for t in doc if not t.is_punct]
    if len(words) > 1 and words[0].lower_ in _CONTINUING:
        start = words[0].i + 1
    elif len(words) > 2 and f"{words[0].lower_} {words[1].lower_}" in _ASKING_ABOUT:
        start = words[1].i + 1
    else:
        return None
    rest = [t for t in doc[start:] if not t.is_punct]
    if not rest or any(t.tag_.startswith("W") or t.pos_ == "AUX" or t.tag_ in _FINITE_VERBS for t in rest):
        return None
    return doc[rest[0].i : rest[-1].i + 1]


# "What about the old jail?", "How about in 2022?": openings of a fragment, as are the words of _CONTINUING.
_ASKING_ABOUT = frozenset({"what about", "how about"})
# Tags of a verb that makes a clause ("And the council voted?" asks a question of its own).
_FINITE_VERBS = frozenset({"MD", "VBD", "VBZ", "VBP"})


def _same_noun(head: "Token", previous: "Doc") -> "Token | None":
    """The noun of the previous question that is the fragment's head word ("meeting" of "the June 10 meeting" for "the
    May meeting", whatever the parser made of the fragment's "meeting"), if it holds one."""
    lemma = head.lemma_.casefold()
    return next((t for t in previous if t.pos_ in ("NOUN", "PROPN") and lemma in (t.lemma_.casefold(), t.lower_)),
                None)  # fmt: skip


def _in_place_of(doc: "Doc", span: "Span", said: str) -> str:
    """The text of `doc` with `said` in place of `span`."""
    text = doc.text
    return " ".join(f"{text[: span.start_char]}{said}{text[span.end_char :]}".split())


# What ends the clause that holds "there": a clause joined to it, or a clause of its own after it.
_CLAUSE_BREAKS = frozenset({"cc", "conj", "advcl", "ccomp", "xcomp", "parataxis", "relcl", "mark"})


def _end_of_clause(there: "Token") -> "Token":
    """The last word of the clause that holds "there", where the place it stands for is said: "What did the
    work there cost?" -> "cost", "Who was mayor there when the river rose?" -> "there" (a clause of its own
    follows), "Who went there, and why?" -> "there". Never past punctuation, another clause or sentence: the
    place would be said of something else ("... and why in Oxley?")."""
    end = there
    for token in there.doc[there.i + 1 :]:
        if token.is_punct or token.is_space or token.is_sent_start:
            break
        # a word of a clause that does not hold "there": "when the river rose", "and who paid"
        if any(t.dep_ in _CLAUSE_BREAKS and not t.left_edge.i <= there.i <= t.right_edge.i
               for t in (token, *token.ancestors)):  # fmt: skip
            break
        end = token
    return end


def _determiner(token: "Token") -> "Token":
    return next((c for c in token.children if c.dep_ == "det" and c.i < token.i), token)


def _proper_nouns(doc: "Doc") -> list[str]:
    """Runs of proper nouns the model did not call a person ("Jonas B", which it took for an organisation):
    a fallback for "he" / "she" when no person is named."""
    runs: list[str] = []
    current: list[str] = []
    for token in [*doc, None]:
        if (token is not None and token.pos_ == "PROPN" and token.ent_type_ in ("", "ORG")
                and token.text.rstrip(".").casefold() not in _TITLES):  # fmt: skip
            current.append(token.text)
            continue
        if current:
            runs.append(" ".join(current))
        current = []
    return runs


def _proper_noun(names: list[str], possessive: bool) -> str | None:
    if not names:
        return None
    return f"{names[0]}'s" if possessive else names[0]


# Titles the model sometimes tags as a person of their own ("Mr" of "Mr Kettering").
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "madam"})


def _mentions(doc: "Doc") -> list[_Mention]:
    mentions = []
    for entity in doc.ents:
        words = entity.text.removeprefix("the ").removesuffix("'s").removesuffix("’s").split()
        while words and words[0].rstrip(".").casefold() in _TITLES:
            words = words[1:]
        if words:
            mentions.append(_Mention(" ".join(words), entity.label_))
    return mentions


def _resolve(token: "Token", answer: list[_Mention], question: list[_Mention], question_doc: "Doc",
             own: set[str], answer_doc_names: list[str] = (), earlier_docs: list["Doc"] = (),
             answer_doc: "Doc | None" = None) -> str | None:  # fmt: skip
    word = token.lower_
    possessive = word in _POSSESSIVE and token.tag_ == "PRP$"

    def pick(labels: tuple[str, ...], pools: list[list[_Mention]], several: bool = False) -> str | None:
        for pool in pools:
            names = []
            for mention in pool:
                if mention.label in labels and mention.text.casefold() not in own and mention.text not in names:
                    names.append(mention.text)
            if names:
                chosen = " and ".join(names[:2]) if several and len(names) > 1 else names[0]
                return f"{chosen}'s" if possessive else chosen
        return None

    if word in _PERSON_PRONOUNS:
        # after "Who ...?" the answer's person is the one meant; after "Who is Maddox?" or "What did Maddox
        # say?" it is the person the question named
        pools = [answer, question] if _asked_who(question_doc) else [question, answer]
        person = pick(("PERSON",), pools)
        if person or _asked_where(question_doc):
            return person  # the answer to "Where ...?" names a place or an institution, not a person
        return _proper_noun(answer_doc_names, possessive)
    if word in _GROUP_PRONOUNS:
        people = {m.text for m in question if m.label == "PERSON"}
        if len(people) > 1:
            return pick(("PERSON",), [question], several=True)
        return pick(_GROUP_LABELS, [question, answer]) or pick(("PERSON",), [question, answer], several=True)
    if word == "there":
        # after "Where ...?" the answer's place is meant; otherwise the place the questions were about: the
        # one it put after "in" or "at" whatever label the model gave it ("in Oxley", an unfamiliar town the
        # model may take for a person), then any place
        # after "Which park ...?" the park the answer named ("Brennick Park") is meant
        kind = _name_of_the_kind_asked(question_doc, answer_doc)
        if kind:
            return f"in {kind}"
        asked_place = _asked_where(question_doc)
        located = None if asked_place else _place_after_preposition(question_doc, own)
        if located:
            return located
        place = pick(_PLACE_LABELS, [answer, question] if asked_place else [question, answer])
        if place is None and _asked_where(question_doc):
            # the answer to "Where ...?" is a place whatever label the model gave a name standing alone
            place = next((m.text for m in answer if m.label not in ("CARDINAL", "ORDINAL", "DATE", "TIME")), None)
        return f"in {place}" if place else None
    if token.pos_ == "NOUN":
        # "the bond" -> "Tolliver County's school bond": the noun as an earlier question qualified it, most
        # recent first
        for earlier_doc in earlier_docs or [question_doc]:
            noun = next((t for t in earlier_doc if t.pos_ == "NOUN" and t.lemma_ == token.lemma_), None)
            phrase = _noun_phrase(noun) if noun is not None else None
            if phrase is not None and len([t for t in phrase if t.tag_ != "DT"]) > 1:
                return phrase.text
        if token.lemma_ not in {t.lemma_ for t in question_doc}:
            return None  # a noun of an older turn, never qualified: nothing to add
    if word in ("it", "its") and _asked_which(question_doc) and answer_doc is not None:
        # after "Which company ...?" the company the answer named is meant, whatever label the model gave it
        # (it often calls a firm a person: "Tarn Castings will close ...")
        named = _answer_name(question_doc, answer_doc)
        if named:
            return f"{named}'s" if possessive else named
    event = _event(question_doc, own, things_only=word in ("it", "its"))
    if not event:
        return None
    if word in ("next", "then"):
        return f"{token.text} (after {event})"
    if token.pos_ == "NOUN":
        return f"{token.text} ({event})"
    return f"{token.text} ({event})"


def _asked_who(doc: "Doc") -> bool:
    """A question asking for a person, not about a named one ("Who said ...?", not "Who is Maddox?")."""
    for token in doc:
        if token.lower_ in ("who", "whom") and token.tag_ == "WP":
            root = token.head
            named = [c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i != token.i and c.ent_type_]
            return not (root.lemma_ == "be" and named)
    return False


def _name_of_the_kind_asked(question_doc: "Doc", answer_doc: "Doc | None") -> str | None:
    """After "Which park ...?", the name in the answer that ends with the kind asked ("Brennick Park", "St
    Aldric's Hospital"): names often say what they name ("Oxley Library", "Mill Road")."""
    kinds = {t.lemma_.casefold() for t in question_doc if t.pos_ == "NOUN"
             and any(c.lower_ == "which" and c.dep_ == "det" for c in t.children)}  # fmt: skip
    if not kinds or answer_doc is None:
        return None
    return next((n.text for n in _name_runs(answer_doc) if len(n) > 1 and n[-1].lemma_.casefold() in kinds), None)


def _answer_name(question_doc: "Doc", answer_doc: "Doc") -> str | None:
    """The name an answer to "Which company ...?" gives for the thing asked: the one ending with the kind asked,
    else the subject of what the answer tells ("Tarn Castings" of "The mayor said Tarn Castings would close the
    plant", not the one who says it, nor the outlet of "According to the Oxley Star, ..."), else its first
    name; never a person, nor a name the question gave already ("Oxley")."""
    kind = _name_of_the_kind_asked(question_doc, answer_doc)
    if kind:
        return kind
    asked = f" {' '.join(t.lower_ for t in question_doc)} "
    # "it" is never a person, nor the title before one ("Councillor" of "Councillor Wim Osei")
    names = [n for n in _name_runs(answer_doc) if f" {' '.join(t.lower_ for t in n)} " not in asked
             and n.root.ent_type_ != "PERSON"
             and not (n.end < len(answer_doc) and answer_doc[n.end].ent_type_ == "PERSON")
             and not _cited(n)]  # fmt: skip

    def telling(name: "Span") -> int:
        if name.root.dep_ not in ("nsubj", "nsubjpass"):
            return 2
        # the subject of a verb that reports another clause is the one who says it
        return 1 if any(c.dep_ == "ccomp" for c in name.root.head.children) else 0

    return min(names, key=lambda n: (telling(n), n.start)).text if names else None


def _cited(name: "Span") -> bool:
    """"According to the Oxley Star, ...": the outlet that tells, not what it tells about."""
    preposition = name.root.head
    return name.root.dep_ == "pobj" and preposition.lower_ == "to" and preposition.head.lower_ == "according"


def _name_runs(doc: "Doc") -> list["Span"]:
    """The names of `doc` as runs of proper nouns, whatever label the model gave them (not dates, numbers or
    titles), with a capitalised noun that goes on one ("Aldric Hospital") and a possessive inside a name
    ("St Aldric's Hospital", but not "Tarn Castings' Oxley plant", where the possessive is the plant's)."""
    runs: list[list[int]] = []
    for token in doc:
        if token.ent_type_ in _NOT_NAMES or token.text.rstrip(".").casefold() in _TITLES:
            continue
        last = runs[-1][-1] if runs else -2
        goes_on = last == token.i - 1 or (last == token.i - 2 and _possessive_in_a_name(doc[last]))
        if token.pos_ == "PROPN" or (goes_on and token.pos_ == "NOUN" and token.is_title):
            if goes_on:
                runs[-1].append(token.i)
            else:
                runs.append([token.i])
    return [doc[run[0] : run[-1] + 1] for run in runs]


def _possessive_in_a_name(owner: "Token") -> bool:
    """"Aldric" of "St Aldric's Hospital": a name word followed by "'s" whose owned thing is a name too."""
    following = owner.nbor(1) if owner.i + 1 < len(owner.doc) else None
    owned = owner.head
    return (following is not None and following.tag_ == "POS" and owned.i > owner.i
            and (owned.pos_ == "PROPN" or owned.is_title))  # fmt: skip


def _asked_which(doc: "Doc") -> bool:
    """"Which company ...?": the question asks which one of a kind of thing (not "which" standing alone)."""
    return any(t.lower_ == "which" and t.dep_ == "det" and t.head.pos_ == "NOUN" for t in doc)


def _place_after_preposition(doc: "Doc", own: set[str]) -> str | None:
    """Where a question put what it asked about, with its preposition: "in Oxley" of "... its foundry in Oxley"
    (a name, whatever label the model gave an unfamiliar town), "at the Oxley plant"; not a date ("in March"),
    nor a phrase whose name is another preposition's ("in her speech at Oxley Hall" is not where: "at Oxley
    Hall" is)."""
    for token in doc:
        if token.lower_ not in ("in", "at", "near") or token.dep_ != "prep":
            continue
        for object_ in (c for c in token.children if c.dep_ == "pobj"):
            named = [t for t in object_.subtree if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_NAMES
                     and not _under_a_preposition(t, object_)]  # fmt: skip
            if object_.ent_type_ in _NOT_NAMES or not named:
                continue
            phrase = doc[object_.left_edge.i : object_.right_edge.i + 1].text
            if phrase.casefold().removeprefix("the ") not in own:
                return f"{token.lower_} {phrase}"
    return None


def _under_a_preposition(token: "Token", top: "Token") -> bool:
    """Whether `token` hangs on a preposition below `top` ("Oxley" under "at" in "her speech at Oxley Hall")."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "prep":
            return True
        token = token.head
    return False


def _asked_where(doc: "Doc") -> bool:
    return any(t.lower_ == "where" and t.tag_ == "WRB" for t in doc)


def _event(doc: "Doc", own: set[str], things_only: bool = False) -> str:
    """The previous question's event as its names and key noun phrases ("Maddox, the school board"); with
    `things_only` (for "it"), no dates or times: "it" is never "March"."""
    phrases: list[str] = []
    # names first, whole ("Route 9", "Building 4", which the model's noun chunks may cut or miss), then the
    # noun phrases that hold none of them
    names = [e for e in doc.ents if e.label_ not in _NOT_NAMES and e.text.casefold() not in own]
    for entity in names:
        name = entity.text.removesuffix("'s").removesuffix("’s")
        if name not in phrases:
            phrases.append(name)
    for chunk in doc.noun_chunks:
        if len(phrases) >= MAX_EVENT_PHRASES:
            break
        if chunk.root.tag_ in ("WP", "WDT", "PRP", "WP$") or chunk.root.lower_ in ("what", "who", "which"):
            continue
        if things_only and (chunk.root.ent_type_ in ("DATE", "TIME") or chunk.root.tag_ in ("NNS", "NNPS")):
            continue  # "it" is one thing, never a date: not "March", not the "beds" of "How many beds ...?"
        # a name inside the chunk is given already: what follows it is the thing ("Oxley Hospital's new wing")
        inside = [e for e in names if e.start < chunk.end and chunk.start < e.end]
        if inside and max(e.end for e in inside) >= chunk.end:
            continue
        start = max((e.end for e in inside), default=chunk.start)
        # "Route 40", "Building 4": a number after the noun names it too (the model leaves it out of the chunk)
        numbered = [t for t in chunk.root.rights if t.dep_ == "nummod" and t.i == chunk.end]
        tokens = [*doc[start : chunk.end], *numbered]
        # "How many beds": the question's own words are no part of the thing
        asking = {t.i for t in tokens if t.tag_ == "WRB" or any(c.tag_ == "WRB" for c in t.children)}
        words = [t.text for t in tokens if t.tag_ not in ("WDT", "WP", "WP$", "DT", "PRP$", "POS")
                 and not t.is_punct and t.i not in asking]  # fmt: skip
        text = " ".join(words)
        if text and text.casefold() not in own and text not in phrases:
            phrases.append(text)
        if len(phrases) >= MAX_EVENT_PHRASES:
            break
    return ", ".join(phrases)
