"""`rag eval funnel`: where the answerer loses answers (eval/funnel.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.funnel import (ANOTHER_RULE, DROPPED, FIRST, IN_SAMPLE_TEST_GROUP, LATER, NO_CANDIDATE, NOT_A_CANDIDATE,
                         NOT_RETRIEVED, SECOND, SOME_CANDIDATE, FunnelRun, QuestionPath, dropped_by_line, funnel_json,
                         funnel_rows, grouped, place)  # fmt: skip
from eval.suites import DEV_POOL, UNSEEN_POOL


def _path(answerable: bool = True, retrieved: bool = True, candidates: int = 3, right: int | None = 1,
          answered: bool = True, suite: str = "harbor", split: str = "dev", case_id: str = "x",
          found: bool = False, dropped_by: str | None = None) -> QuestionPath:  # fmt: skip
    return QuestionPath(suite, split, case_id, answerable, retrieved, candidates, right, answered, found, dropped_by)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (_path(right=1), FIRST),
        (_path(right=2), SECOND),
        (_path(right=3), LATER),
        (_path(right=9), LATER),
        (_path(right=None, retrieved=True), NOT_A_CANDIDATE),
        (_path(right=None, retrieved=False), NOT_RETRIEVED),
        # a candidate stated it, and a rule that drops candidates took it out
        (_path(right=None, found=True), DROPPED),
        # a candidate states the fact though no gold quote came back whole: the answer was within reach
        (_path(right=2, retrieved=False), SECOND),
        (_path(answerable=False, right=None, candidates=4), SOME_CANDIDATE),
        (_path(answerable=False, right=None, candidates=0, answered=False), NO_CANDIDATE),
    ],
)
def test_each_question_is_placed_by_where_its_right_answer_is(path: QuestionPath, expected: str) -> None:
    assert place(path) == expected


def test_the_table_counts_answered_and_refused_per_place_as_shares_of_their_kind() -> None:
    paths = [_path(right=1), _path(right=1), _path(right=1, answered=False), _path(right=2),
             _path(answerable=False, right=None), _path(answerable=False, right=None, answered=False),
             _path(answerable=False, right=None, candidates=0, answered=False)]  # fmt: skip
    header, rows = funnel_rows(paths)
    assert header == ["where the right answer is", "questions", "answered", "refused"]
    table = {row[0]: row[1:] for row in rows}
    assert table[FIRST] == ["3 (75%)", "2 (50%)", "1 (25%)"]
    assert table[SECOND] == ["1 (25%)", "1 (25%)", "0 (0%)"]
    assert table[NOT_RETRIEVED] == ["0 (0%)", "0 (0%)", "0 (0%)"]
    assert table[SOME_CANDIDATE] == ["2 (67%)", "1 (33%)", "1 (33%)"]
    assert table[NO_CANDIDATE] == ["1 (33%)", "0 (0%)", "1 (33%)"]


def test_a_group_without_unanswerable_questions_prints_zeros_not_a_division_error() -> None:
    _, rows = funnel_rows([_path(right=1)])
    assert {row[0]: row[1] for row in rows}[NO_CANDIDATE] == "0"


def test_questions_pool_by_what_was_tuned_on_them() -> None:
    paths = [_path(suite="desert", split="test", case_id="a"), _path(suite="sample", split="test", case_id="b"),
             _path(suite="towns", split="test", case_id="c"), _path(suite="towns", split="dev", case_id="d"),
             _path(suite="coast", split="dev", case_id="e")]  # fmt: skip
    groups = grouped(paths)
    assert list(groups) == [DEV_POOL, UNSEEN_POOL, IN_SAMPLE_TEST_GROUP]
    # held out (a dev split of a corpus nothing is fitted on too), and a frozen test split not of sample
    assert [p.case_id for p in groups[UNSEEN_POOL]] == ["a", "c", "e"]
    assert [p.case_id for p in groups[DEV_POOL]] == ["d"]
    assert [p.case_id for p in groups[IN_SAMPLE_TEST_GROUP]] == ["b"]


def test_the_rules_that_dropped_right_answers_are_counted_most_first() -> None:
    paths = [_path(right=None, found=True, dropped_by="pays_for_something_else"),
             _path(right=None, found=True, dropped_by=ANOTHER_RULE),
             _path(right=None, found=True, dropped_by="pays_for_something_else"),
             _path(right=1, dropped_by=None)]  # fmt: skip
    assert dropped_by_line(paths) == f"Right answers dropped, by the rule: pays_for_something_else 2, {ANOTHER_RULE} 1."
    assert dropped_by_line([_path(right=1)]) is None
    data = funnel_json(FunnelRun(paths, compound_left_out=0))
    assert [q["dropped_by"] for q in data["questions"]] == ["pays_for_something_else", ANOTHER_RULE,
                                                            "pays_for_something_else", None]  # fmt: skip


def test_json_counts_each_group_and_suite_split_and_lists_every_question() -> None:
    paths = [_path(right=1, case_id="a"), _path(right=None, retrieved=False, answered=False, case_id="b")]
    data = funnel_json(FunnelRun(paths, compound_left_out=2))
    assert data["groups"] == {DEV_POOL: {FIRST: {"answered": 1, "refused": 0},
                                          NOT_RETRIEVED: {"answered": 0, "refused": 1}}}  # fmt: skip
    assert data["splits"] == {"harbor/dev": data["groups"][DEV_POOL]}
    assert data["compound_left_out"] == 2
    assert [(q["case_id"], q["place"]) for q in data["questions"]] == [("a", FIRST), ("b", NOT_RETRIEVED)]


@pytest.fixture()
def tiny_suite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A suite over the bundled articles: dev holds an answerable question, test an unanswerable one."""
    import eval.funnel as funnel
    from tests.eval.conftest import two_split_suite

    tiny = two_split_suite(tmp_path)
    monkeypatch.setattr(funnel, "get_suite", lambda name: tiny)


def test_each_question_is_asked_of_a_fresh_store_and_placed(sample_settings, assistant, tiny_suite) -> None:  # type: ignore[no-untyped-def]
    from eval.funnel import follow_suites

    steps: list[str] = []
    run = follow_suites(sample_settings, ["tiny"], "all", progress=steps.append)
    assert steps == ["tiny dev", "tiny test"] and run.compound_left_out == 0
    by_id = {p.case_id: p for p in run.paths}
    spokesperson = by_id["q006"]  # "Which White House spokesperson said ...": Anna Kelly, in one sentence
    assert spokesperson.evidence_retrieved and spokesperson.candidates > 0 and spokesperson.found_right
    assert place(spokesperson) == FIRST and spokesperson.answered
    minutes = by_id["q074"]  # "Exactly how many minutes did the July 3 call last?": the articles say about an hour
    assert place(minutes) == (SOME_CANDIDATE if minutes.candidates else NO_CANDIDATE)
    # answered and refused are what the assistant's own answer did
    for path, question in ((spokesperson, "Which White House spokesperson said the US was halting some military "
                                          "aid to Ukraine?"),
                           (minutes, "Exactly how many minutes did the July 3 phone call between Trump and Putin "
                                     "last?")):  # fmt: skip
        assert path.answered is not assistant.ask(question, mode="extractive").abstained
    assert follow_suites(sample_settings, ["tiny"], "dev").paths == [spokesperson]


def test_the_command_prints_a_table_per_group_and_json_on_request(run_eval, tiny_suite) -> None:  # type: ignore[no-untyped-def]
    # the tiny suite under the bundled suite's name: its dev split is fitted on, its test split in-sample
    result = run_eval("funnel", "sample")
    assert result.code == 0, result.err
    assert "dev splits (fitted on): 1 answerable question, 0 unanswerable" in result.out
    assert "sample test (articles in-sample): 0 answerable questions, 1 unanswerable" in result.out
    assert result.out.count("where the right answer is") == 2
    assert result.err == ""  # --no-progress
    data = run_eval("funnel", "tiny", "--split", "test", "--json").json()
    assert [q["case_id"] for q in data["questions"]] == ["q074"]
    assert set(data["groups"]) == {UNSEEN_POOL} and set(data["splits"]) == {"tiny/test"}


def test_an_unknown_suite_is_one_sentence_and_exit_2(run_eval) -> None:  # type: ignore[no-untyped-def]
    result = run_eval("funnel", "tiny-nonexistent")
    assert result.code == 2
    assert result.err.strip().startswith("Error: There is no evaluation suite 'tiny-nonexistent'")
    assert "Traceback" not in result.err and result.out == ""


def test_a_split_the_suites_lack_is_one_sentence_and_builds_no_store(run_eval, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import eval.funnel as funnel
    from eval.suites import Suite
    from rag.settings import BUNDLED_ARTICLES_DIR
    from tests.eval.conftest import dataset_lines

    held_out = tmp_path / "test.jsonl"
    held_out.write_text(json.dumps(dataset_lines("q074")[0]) + "\n", encoding="utf-8")
    monkeypatch.setattr(funnel, "get_suite", lambda name: Suite("tiny", BUNDLED_ARTICLES_DIR, {"test": held_out}))
    monkeypatch.setattr("eval.corpus.open_assistant", lambda *a, **k: pytest.fail("a store was built"))
    result = run_eval("funnel", "tiny", "--split", "dev")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == "Error: No suite chosen has a dev split (they have test); choose --split test."


@pytest.mark.parametrize("command", ["funnel", "suites"])
def test_an_empty_list_of_suites_is_a_usage_error_not_every_suite(run_eval, monkeypatch, command: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("eval.corpus.open_assistant", lambda *a, **k: pytest.fail("a store was built"))
    result = run_eval(command, " , ")
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == ("Error: No suite named; give suite names separated by commas, or none for every "
                                  "suite.")  # fmt: skip
