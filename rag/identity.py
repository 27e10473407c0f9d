"""Who someone is: the role or description an article gives with a name ("Who is Castell?").

News says who someone is where it names them, in a few fixed ways, all read off
the parse of the sentence:

- a title before the name: "Orlow aide Mira Castell", "Commission Chair
  Vera Vossberg";
- an appositive after it: "Mira Castell, the mayor's budget adviser, said";
- the name in apposition to the role: "the county's fire marshal, Dana Poole,";
- a relative clause: "Vera Vossberg, who chairs the county commission,".

The short answer is that phrase with the name ("Orlow aide Mira Castell");
the sentence it comes from supports it. A sentence that only says what someone
did ("Castell said ...") tells no role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from index.nlp import sentence_parse
from rag.candidate import Candidate
from rag.text import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Candidate sentences read for a role, best first, among those whose words around the name can hold one:
# each costs a parse.
MAX_SENTENCES_READ = 6
# Labels a name asked about can carry in the passages.
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# Words before a name that are no role ("Mr Castell").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "mr.", "mrs.", "ms.", "dr.", "madam"})
# Possessive pronouns a role can start with ("his adviser"), which say whose only with the sentence before.
_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Dependency labels of the words before a name that make up a title ("Orlow aide", "County Commissioner").
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@dataclass(frozen=True)
class Identity:
    """A role phrase with the name, and the candidate sentence it was read from."""

    text: str
    candidate: Candidate


def describe(name: str, candidates: Sequence[Candidate]) -> Identity | None:
    """The first of `candidates` (best first) that says who `name` is, and what it says."""
    key = _surname(name)
    read = 0
    fallback: Identity | None = None
    for candidate in candidates:
        mention = _mention(candidate, key, name)
        if mention is None or not _may_give_a_role(candidate, *mention):
            continue
        read += 1
        doc = sentence_parse(candidate.text)  # the mention's offsets come from the stored entities
        span = doc.char_span(mention[0] - candidate.start, mention[1] - candidate.start, alignment_mode="expand")
        role = role_phrase(doc, span) if span is not None else None
        if role and not _leans_on_another_sentence(role, span):
            return Identity(role, candidate)
        if role and fallback is None:
            fallback = Identity(role, candidate)
        if read >= MAX_SENTENCES_READ:
            break
    return fallback


def _leans_on_another_sentence(role: str, name: "Span | None") -> bool:
    """A role told through a pronoun ("Mira Castell, his budget adviser") needs the sentence around it:
    one that stands alone ("Orlow aide Mira Castell") is preferred."""
    told = role.removeprefix(name.text if name is not None else "").lstrip(" ,").split()
    return bool(told) and told[0].casefold() in _PRONOUNS


def _surname(name: str) -> str:
    words = normalise(name).removesuffix("'s").split()
    return words[-1] if words else ""


def _mention(candidate: Candidate, surname: str, name: str) -> tuple[int, int] | None:
    """The stored entity of the candidate's sentence that names `surname` (e.g. "Mira Castell" for "castell");
    only the asked `name` in it when it holds more, as the model often takes a title into the name
    ("Superintendent Karen Olsen")."""
    for start, end, label in candidate.passage.entities:
        if start >= candidate.start and end <= candidate.end and label in _NAME_LABELS:
            words = normalise(candidate.passage.text[start:end]).removesuffix("'s").split()
            if surname and surname in words:
                inner = candidate.passage.text[start:end].casefold().find(name.casefold())
                return (start + inner, start + inner + len(name)) if inner > 0 else (start, end)
    return None


def _may_give_a_role(candidate: Candidate, start: int, end: int) -> bool:
    """Whether the words around a mention can hold a role, read without a parse: a word right before it
    ("aide Mira Castell") or a comma right after it ("Mira Castell, the mayor's adviser"); not "Castell said"
    at the start of a sentence, nor "..., Castell said" after a quotation."""
    text = candidate.passage.text
    before = text[candidate.start : start].rstrip()
    return bool(before) and before[-1].isalnum() or text[end : candidate.end].lstrip().startswith(",")


def role_phrase(doc: "Doc", name: "Span") -> str | None:
    """The name with the role the sentence gives it, or None when it gives none."""
    root = name.root
    appositive = next((c for c in root.children if c.dep_ == "appos" and c.i >= name.end and _is_a_role(c)), None)
    if appositive is not None:  # "Mira Castell, the mayor's budget adviser, said"
        return f"{name.text}, {_text(doc, appositive.left_edge.i, appositive.right_edge.i + 1)}"
    if root.dep_ == "appos" and root.head.i < name.start and _is_a_role(root.head):
        head = root.head  # "the county's fire marshal, Dana Poole, said"; "the mayor's chief of staff, Nora Quinn"
        return f"{name.text}, {_text(doc, head.left_edge.i, name.start, lower_first=True)}"
    # "Trustee Amos Riel": the parser may hang the title on the first name rather than the surname
    title = [c for token in name for c in token.children if c.dep_ in _TITLE_DEPS and c.i < name.start]
    if title:  # "Orlow aide Mira Castell"
        start = min(c.left_edge.i for c in title)
        words = [t for t in doc[start : name.start] if not t.is_punct]
        if any(t.lower_ not in _HONORIFICS for t in words):
            return f"{_text(doc, start, name.start)} {name.text}"
    relative = next(
        (c for c in root.children
         if c.dep_ == "relcl" and c.i >= name.end and any(w.lower_ in ("who", "which") for w in c.children)),
        None,
    )  # fmt: skip
    if relative is not None:  # "Vera Vossberg, who chairs the county commission, voted"
        return f"{name.text}, {_text(doc, relative.left_edge.i, relative.right_edge.i + 1)}"
    return None


def _is_a_role(head: "Token") -> bool:
    """A phrase beside a name that says what someone is has a common noun ("the county's fire marshal"); an
    age ("Ellis Brannock, 41,") or another name ("Rosa Yarrow, Ben Tallis and Tim Haverkamp") has none."""
    return any(t.pos_ == "NOUN" for t in head.subtree)


def _text(doc: "Doc", start: int, end: int, lower_first: bool = False) -> str:
    text = doc[start:end].text.strip(" ,;:—–-")
    if lower_first and text[:4] == "The ":
        text = "the " + text[4:]
    return text
