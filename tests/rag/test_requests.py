"""The validated request every edge builds (rag.requests): one sentence per invalid value, named as the edge names it."""

from __future__ import annotations

from datetime import date

import pytest

from rag.errors import InvalidQuestionError, InvalidRequestError
from rag.requests import CLI_NAMES, TOP_K_RANGE, AskRequest, RequestOptions
from rag.retrieval import RetrievalFilters
from rag.settings import Settings


def refusal(values: dict[str, object], **kwargs: object) -> str:
    with pytest.raises(InvalidRequestError) as refused:
        AskRequest.parse(values, **kwargs)  # type: ignore[arg-type]
    return refused.value.message


def test_values_are_normalised_and_defaults_left_to_the_settings() -> None:
    request = AskRequest.parse({"question": " Who\tvoted  no? ", "mode": " LLM ", "top_k": "3", "retrieval_mode": "BM25",
                                "publishers": "Valley Wire", "since": " 2024-03-01 ", "until": date(2024, 3, 31)})
    assert request.question == "Who voted no?" and request.mode == "llm" and request.top_k == 3
    assert request.retrieval_mode == "bm25" and request.publishers == ("Valley Wire",)
    assert request.filters() == RetrievalFilters(("Valley Wire",), "2024-03-01", "2024-03-31")
    blank = AskRequest.parse({"question": "Who?", "mode": "", "top_k": "", "publishers": None, "since": ""})
    assert (blank.mode, blank.top_k, blank.publishers, blank.since) == (None, None, (), None)
    record = blank.as_record(Settings(_env_file=None))  # type: ignore[call-arg]
    assert record == {"mode": "extractive", "top_k": 5, "retrieval_mode": "hybrid",
                      "filters": {"publishers": [], "date_from": None, "date_to": None}}


def test_publishers_are_names_never_letters_and_repeats_count_once() -> None:
    assert AskRequest.parse({"question": "Who?", "publishers": "AP"}).publishers == ("AP",)
    names = AskRequest.parse({"question": "Who?", "publishers": ["Harbor  Gazette", "harbor gazette", " ", "AP"]})
    assert names.publishers == ("Harbor Gazette", "AP")
    for bad in (7, ["AP", 7], {"name": "AP"}):
        assert refusal({"question": "Who?", "publishers": bad}).startswith("publishers must be a publisher name")


@pytest.mark.parametrize("top_k", ["abc", -1, 0, 51, 2.5, True, [3]])
def test_top_k_is_a_whole_number_in_the_settings_range(top_k: object) -> None:
    low, high = TOP_K_RANGE
    assert (low, high) == (1, 50)
    assert refusal({"question": "Who?", "top_k": top_k}) == "top_k must be a whole number from 1 to 50."
    assert refusal({"question": "Who?", "top_k": top_k}, names=CLI_NAMES) == "--top-k must be a whole number from 1 to 50."


def test_dates_are_iso_and_in_order_each_edge_naming_its_own_fields() -> None:
    assert refusal({"question": "Who?", "since": "last week"}) == "since must look like 2025-07-03."
    assert refusal({"question": "Who?", "until": 20240301}, names=CLI_NAMES) == "--until must look like 2025-07-03."
    names = {"since": "the From date", "until": "the To date"}
    assert refusal({"question": "Who?", "since": "2024-03-09", "until": "2024-03-02"}, names=names) == (
        "The From date (2024-03-09) is after the To date (2024-03-02); swap them or clear one."
    )
    same_day = AskRequest.parse({"question": "Who?", "since": "2024-03-09", "until": "2024-03-09"})
    assert same_day.since == same_day.until == date(2024, 3, 9)


def test_choices_unknown_options_and_the_question() -> None:
    assert refusal({"question": "Who?", "mode": "poetry"}) == "mode must be extractive or llm."
    assert refusal({"question": "Who?", "retrieval_mode": "fuzzy"}) == "retrieval_mode must be hybrid, dense or bm25."
    assert refusal({"question": "Who?", "colour": "red"}).startswith("colour is not an option of a question; use ")
    assert refusal({"mode": "llm"}) == "There is no question; ask one about the articles."
    with pytest.raises(InvalidQuestionError, match="keep it under 20 characters"):
        AskRequest.parse({"question": "Why " * 10}, max_question_chars=20)
    with pytest.raises(InvalidQuestionError, match="empty"):
        RequestOptions.parse({"top_k": 2}).ask("   ")
    with pytest.raises(TypeError):
        AskRequest.build("Who?", publishers=["AP"], filters=RetrievalFilters(("AP",)))


def test_strict_types_refuse_a_number_sent_as_text_where_the_command_line_reads_it() -> None:
    assert AskRequest.parse({"question": "Who?", "top_k": "5"}, names=CLI_NAMES).top_k == 5  # `rag ask --top-k 5`
    assert AskRequest.parse({"question": "Who?", "top_k": 5}, strict_types=True).top_k == 5
    for text in ("5", "", " "):
        with pytest.raises(InvalidRequestError, match="top_k must be a whole number"):
            AskRequest.parse({"question": "Who?", "top_k": text}, strict_types=True)
