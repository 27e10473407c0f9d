"""Questions parsed in a helper process (index/parse_process.py): same annotations, and never a failed parse."""

from __future__ import annotations

import logging
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import pytest

from index import nlp
from index.nlp import parse, use_parse_process
from index.parse_process import ParseProcess

TEXTS = [
    "How many homes did the Corvale creek flood on Tuesday?",
    "Who cast the lone vote against the Lanford levy, and why?",
    "Twelve homes on Mill Street flooded when the water rose 3 feet in an hour, the Corvale Star reported.",
    "When will the Pell County board vote on the $4.2 million bond?",
]


def annotations(doc: object) -> list[tuple]:
    return [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start)
            for t in doc]  # type: ignore[attr-defined]  # fmt: skip


def wait_until_ready(process: ParseProcess, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not process.ready:
        assert process.alive, "the parse process died while loading the model"
        assert time.monotonic() < deadline, "the parse process did not load the model"
        time.sleep(0.05)


class CountingProcess(ParseProcess):
    """The real helper process, counting the texts sent to it."""

    sent = 0

    def parse(self, texts, disable=()):  # type: ignore[no-untyped-def]
        self.sent += len(texts)
        return super().parse(texts, disable)


@pytest.fixture
def helper() -> Iterator[CountingProcess]:
    started = ParseProcess.start()
    process = CountingProcess(started._process, started._connection)
    wait_until_ready(process)
    use_parse_process(process)
    try:
        yield process
    finally:
        use_parse_process(None)
        process.stop()


def test_the_helper_gives_the_same_parse_as_this_process(helper: CountingProcess) -> None:
    use_parse_process(None)
    here = [annotations(parse(text)) for text in TEXTS] + [annotations(parse(TEXTS[2], disable=("ner",)))]
    use_parse_process(helper)
    there = [annotations(parse(text)) for text in TEXTS] + [annotations(parse(TEXTS[2], disable=("ner",)))]
    assert helper.sent == len(TEXTS) + 1
    assert there == here
    assert [e.label_ for e in parse(TEXTS[3]).ents] == [e.label_ for e in nlp.full_pipeline()(TEXTS[3]).ents]


def test_threads_asking_at_once_each_get_their_own_parse(helper: CountingProcess) -> None:
    use_parse_process(None)
    expected = {text: annotations(parse(text)) for text in TEXTS}
    use_parse_process(helper)
    asked = TEXTS * 10
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda text: (text, annotations(parse(text))), asked))
    assert all(parsed == expected[text] for text, parsed in got)
    assert helper.sent == len(asked)


def test_a_helper_that_dies_is_replaced_by_parsing_here_said_once(helper: CountingProcess,
                                                                caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    use_parse_process(None)
    expected = annotations(parse(TEXTS[0]))
    use_parse_process(helper)
    helper._process.kill()
    helper._process.join(timeout=10)
    with caplog.at_level(logging.WARNING, logger="index.nlp"):
        assert annotations(parse(TEXTS[0])) == expected
        assert annotations(parse(TEXTS[1])) == annotations(nlp.full_pipeline()(TEXTS[1]))
    assert nlp._parse_process is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "parsed in this one" in warnings[0]


def test_a_helper_still_loading_does_not_hold_a_parse_up() -> None:
    process = ParseProcess.start()
    use_parse_process(process)
    try:
        doc = parse(TEXTS[0])  # the helper is still importing spaCy (over a second): parsed here
        assert annotations(doc) == annotations(nlp.full_pipeline()(TEXTS[0]))
        assert doc.tensor.size > 0, "a Doc from the helper comes without its tensor"
        wait_until_ready(process)
        there = parse(TEXTS[1])
        assert there.tensor.size == 0  # this one came from the helper
        assert annotations(there) == annotations(nlp.full_pipeline()(TEXTS[1]))
        assert nlp._parse_process is process
    finally:
        use_parse_process(None)
        process.stop()
    assert not process.alive


def test_an_articles_entities_found_by_the_helper_are_the_ones_found_here(caplog: pytest.LogCaptureFixture) -> None:
    from index.nlp import entities_by_line, use_entity_process

    article = "\n".join(TEXTS[2:]) + "\n" + "Mayor Ada Whitlow of Corvale said on March 4, 2025 that 212 people voted."
    here = entities_by_line([article, TEXTS[0]])
    process = ParseProcess.start("entities")
    try:
        wait_until_ready(process)
        use_entity_process(process)
        assert process.entities([article]) == here[:1]
        assert entities_by_line([article, TEXTS[0]]) == here
        process._process.kill()
        process._process.join(timeout=10)
        with caplog.at_level(logging.WARNING, logger="index.nlp"):
            assert entities_by_line([article, TEXTS[0]]) == here  # found here once the helper is gone
        assert nlp._entity_process is None
        assert ["entities are found in this one" in r.getMessage() for r in caplog.records] == [True]
    finally:
        use_entity_process(None)
        process.stop()


def test_a_helper_stopped_while_loading_ends_at_once() -> None:
    process = ParseProcess.start("parse")
    process.stop()  # spaCy is still being imported there: killed, not waited for
    assert not process.alive
    assert process._process.exitcode == -signal.SIGKILL


def test_a_helper_that_dies_while_loading_is_given_up_said_once(caplog: pytest.LogCaptureFixture) -> None:
    process = ParseProcess.start("parse")
    use_parse_process(process)
    try:
        process._process.kill()
        process._process.join(timeout=10)
        with caplog.at_level(logging.WARNING, logger="index.nlp"):
            assert annotations(parse(TEXTS[0])) == annotations(nlp.full_pipeline()(TEXTS[0]))
            parse(TEXTS[1])
        assert nlp._parse_process is None
        assert ["before its model was loaded" in r.getMessage() for r in caplog.records] == [True]
    finally:
        use_parse_process(None)
        process.stop()


def test_a_stuck_helper_is_killed_and_the_question_parsed_here(helper: CountingProcess,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import index.parse_process as parse_process

    monkeypatch.setattr(parse_process, "REPLY_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(parse_process, "ALIVE_CHECK_SECONDS", 0.2)
    os.kill(helper._process.pid, signal.SIGSTOP)  # alive, never answering
    assert annotations(parse(TEXTS[0])) == annotations(nlp.full_pipeline()(TEXTS[0]))
    assert nlp._parse_process is None
    helper._process.join(timeout=10)
    assert helper._process.exitcode == -signal.SIGKILL  # killed and reaped, no zombie left
