"""One validated request to answer a question: what the CLI, the UI, the JSON API and `Assistant.ask` all build.

    request = AskRequest.parse({"question": "Who called?", "publishers": "AP", "since": "2025-07-01"})

Every edge names the fields as its users see them (`--top-k` on the command
line, `top_k` in the JSON API, "Passages" in the UI), so an invalid value is
one sentence naming that field and what to do (InvalidRequestError, exit code 2).
Publisher names are kept as given: which stored publishers they mean ("AP" is
Associated Press) depends on the index and is decided when answering
(rag/scope.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator

from rag.errors import InvalidRequestError
from rag.retrieval import RetrievalFilters, RetrievalMode
from rag.settings import Settings
from rag.validation import validate_question

AnswerModeChoice = Literal["extractive", "llm"]
ANSWER_MODES = ("extractive", "llm")
RETRIEVAL_MODES = ("hybrid", "dense", "bm25")


def _bounds(field: str) -> tuple[int, int]:
    """The inclusive range the settings allow for `field` (one place to change it)."""
    metadata = Settings.model_fields[field].metadata
    low = next(m.ge for m in metadata if getattr(m, "ge", None) is not None)
    high = next(m.le for m in metadata if getattr(m, "le", None) is not None)
    return int(low), int(high)


TOP_K_RANGE = _bounds("top_k")
DEFAULT_MAX_QUESTION_CHARS = int(Settings.model_fields["max_question_chars"].default)

# What each field is called where no edge says otherwise (the Python API and the JSON API use these names).
FIELD_NAMES = {
    "question": "question",
    "mode": "mode",
    "top_k": "top_k",
    "retrieval_mode": "retrieval_mode",
    "publishers": "publishers",
    "since": "since",
    "until": "until",
}
CLI_NAMES = {
    **FIELD_NAMES,
    "mode": "--mode",
    "top_k": "--top-k",
    "retrieval_mode": "--retrieval",
    "publishers": "--publisher",
    "since": "--since",
    "until": "--until",
}


class RequestOptions(BaseModel):
    """How to answer: everything of a request but the question (a chat keeps them for every line).

    None means "the configured default" (RAG_ANSWER_MODE, RAG_TOP_K, RAG_RETRIEVAL_MODE)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mode: AnswerModeChoice | None = None
    top_k: int | None = None
    retrieval_mode: RetrievalMode | None = None
    publishers: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None

    @field_validator("mode", "retrieval_mode", mode="before")
    @classmethod
    def _choice(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("top_k", mode="before")
    @classmethod
    def _top_k(cls, value: Any, info: ValidationInfo) -> Any:
        # `strict_types` (the JSON API): a number must come as a number. The command line and the UI's text
        # fields only have text, so without it "5" is read as 5.
        if (info.context or {}).get("strict_types") and isinstance(value, str):
            raise ValueError("text, not a number")
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a slider sends 5.0
        low, high = TOP_K_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError("out of range")
        return value

    @field_validator("publishers", mode="before")
    @classmethod
    def _publishers(cls, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]  # one name, never its letters
        if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(name, str) for name in value):
            raise ValueError("not names")
        names: list[str] = []
        for name in value:
            name = " ".join(name.split())
            if name and name.casefold() not in {kept.casefold() for kept in names}:
                names.append(name)
        return tuple(names)

    @field_validator("since", "until", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            raise ValueError("a date and time")
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            return date.fromisoformat(value.strip())
        raise ValueError("not a date")

    @model_validator(mode="after")
    def _in_order(self) -> "RequestOptions":
        if self.since and self.until and self.since > self.until:
            raise ValueError("since after until")
        return self

    # --- building one ---------------------------------------------------------------
    @classmethod
    def parse(cls, values: Mapping[str, Any], *, names: Mapping[str, str] = FIELD_NAMES, **context: Any) -> Any:
        """Validate `values`, or raise InvalidRequestError with one sentence using the edge's `names` of the fields.

        `context`: max_question_chars; strict_types=True where values arrive typed (JSON), so "5" is no top_k."""
        try:
            return cls.model_validate(dict(values), context=context)
        except ValidationError as invalid:
            raise InvalidRequestError(_sentence(invalid, values, {**FIELD_NAMES, **names})) from None

    def ask(self, question: Any, **context: Any) -> "AskRequest":
        """This request's options for `question` (validated like any question)."""
        return AskRequest.parse({**self.model_dump(), "question": question}, **context)

    # --- using one -------------------------------------------------------------------
    @property
    def date_from(self) -> str | None:
        return self.since.isoformat() if self.since else None

    @property
    def date_to(self) -> str | None:
        return self.until.isoformat() if self.until else None

    def has_filters(self) -> bool:
        return bool(self.publishers or self.since or self.until)

    def filters(self, publishers: tuple[str, ...] | None = None) -> RetrievalFilters:
        """Retrieval filters for these options; `publishers`: the stored names they resolved to (rag/scope.py)."""
        return RetrievalFilters(self.publishers if publishers is None else publishers, self.date_from, self.date_to)

    def as_record(self, settings: Settings) -> dict[str, Any]:
        """The options in effect (defaults filled in), as stored with a UI turn and written to the feedback file."""
        return {
            "mode": self.mode or settings.effective_answer_mode,
            "top_k": self.top_k or settings.top_k,
            "retrieval_mode": self.retrieval_mode or settings.retrieval_mode,
            "filters": {"publishers": list(self.publishers), "date_from": self.date_from, "date_to": self.date_to},
        }


class AskRequest(RequestOptions):
    """A question and how to answer it."""

    question: str

    @field_validator("question", mode="before")
    @classmethod
    def _question(cls, value: Any, info: ValidationInfo) -> str:
        limit = (info.context or {}).get("max_question_chars", DEFAULT_MAX_QUESTION_CHARS)
        return validate_question(value, limit)  # raises InvalidQuestionError, which pydantic lets through

    @classmethod
    def parse(cls, values: Mapping[str, Any], *, names: Mapping[str, str] = FIELD_NAMES, **context: Any) -> "AskRequest":
        if "question" not in values:
            raise InvalidRequestError("There is no question; ask one about the articles.")
        return super().parse(values, names=names, **context)  # type: ignore[no-any-return]

    @classmethod
    def build(
        cls,
        question: Any,
        *,
        mode: Any = None,
        top_k: Any = None,
        retrieval_mode: Any = None,
        publishers: Any = None,
        since: Any = None,
        until: Any = None,
        filters: RetrievalFilters | None = None,
        max_question_chars: int = DEFAULT_MAX_QUESTION_CHARS,
    ) -> "AskRequest":
        """From keyword arguments, as `Assistant.ask` takes them (`filters` for publishers and dates)."""
        if filters is not None:
            if publishers is not None or since is not None or until is not None:
                raise TypeError("pass either filters or publishers/since/until, not both")
            publishers, since, until = filters.publishers, filters.date_from, filters.date_to
        values = {
            "question": question,
            "mode": mode,
            "top_k": top_k,
            "retrieval_mode": retrieval_mode,
            "publishers": publishers,
            "since": since,
            "until": until,
        }
        return cls.parse(values, max_question_chars=max_question_chars)


def _sentence(invalid: ValidationError, values: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """One sentence for the first problem, saying what to do."""
    error = invalid.errors()[0]
    field = str(error["loc"][0]) if error["loc"] else ""
    name = names.get(field, field)
    low, high = TOP_K_RANGE
    if error["type"] == "extra_forbidden":
        known = ", ".join(names[f] for f in FIELD_NAMES)
        return f"{_capital(name)} is not an option of a question; use {known}."
    if field == "mode":
        return f"{_capital(name)} must be extractive or llm."
    if field == "retrieval_mode":
        return f"{_capital(name)} must be hybrid, dense or bm25."
    if field == "top_k":
        return f"{_capital(name)} must be a whole number from {low} to {high}."
    if field == "publishers":
        return f'{_capital(name)} must be a publisher name or a list of them, like ["Associated Press"].'
    if field in ("since", "until"):
        return f"{_capital(name)} must look like 2025-07-03."
    if field == "question":
        return "The question must be text; pass it as a string."
    # the only check on the whole request: the dates' order
    since, until = values.get("since"), values.get("until")
    return (
        f"{_capital(names['since'])} ({_shown(since)}) is after {names['until']} ({_shown(until)}); "
        "swap them or clear one."
    )


def _capital(name: str) -> str:
    """A field's name at the start of a sentence ("the From date" -> "The From date"; "--top-k" stays)."""
    return name[:1].upper() + name[1:] if name.startswith("the ") else name


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value).strip()
