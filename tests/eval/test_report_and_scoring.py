"""Scoring and reports on hand-made answers: checks, failure reasons, HTML escaping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.dataset import EvalItem
from eval.report import ReportContext, write_run_report
from eval.runner import run_suite
from eval.summary import summarise, worst_items
from rag.models import CANNOT_ANSWER, Answer, AnswerSentence, Citation, Passage

PASSAGE_TEXT = "White House spokeswoman Anna Kelly said the United States was halting some military aid."
HOSTILE = "<script>alert('x')</script> Kelly said so."


def _passage(text: str = PASSAGE_TEXT) -> Passage:
    return Passage(passage_id="p1", article_id="000.txt", title="<b>Title</b>", source="RFE", text=text, start=0,
                   end=len(text))


class ScriptedAnswerer:
    """Answers each question with a fixed Answer (what a test needs), like a system under evaluation."""

    name = "scripted"
    top_k = 5

    def __init__(self, answers: dict[str, Answer]) -> None:
        self.answers = answers

    def new_conversation(self) -> Any:
        return None

    def ask(self, question: str, conversation: Any) -> Answer:
        return self.answers[question]

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "mode": "extractive", "top_k": self.top_k}


def _answer(question: str, text: str, sentence: str, passage: Passage) -> Answer:
    citation = Citation(n=1, passage_id=passage.passage_id, article_id=passage.article_id, title=passage.title,
                        source=passage.source, text=passage.text, quote=sentence, start=0, end=len(sentence),
                        passage_start=0)
    return Answer(question=question, answer=text, citations=[citation],
                  sentences=[AnswerSentence(text=sentence, citations=[1], support="supported")], retrieved=[passage])


ITEMS = [
    EvalItem(id="good", type="factoid", answerable=True, question="Who said aid was halted?", reference="Anna Kelly.",
             facts=[["Kelly"]], sources=["000.txt"], evidence=[{"source": "000.txt", "quote": "Anna Kelly said"}]),
    EvalItem(id="hostile", type="factoid", answerable=True, question="Who <i>really</i> said it?", reference="Kelly",
             facts=[["Kelly"], ["Biden"]], sources=["000.txt"], evidence=[{"source": "000.txt", "quote": "not there"}]),
    EvalItem(id="trap", type="unanswerable", answerable=False, question="What did Kelly eat?"),
]


def _run() -> Any:
    passage = _passage()
    hostile_passage = _passage(f"{HOSTILE} {PASSAGE_TEXT}")
    answers = {
        ITEMS[0].question: _answer(ITEMS[0].question, f"{PASSAGE_TEXT} [1]", PASSAGE_TEXT, passage),
        ITEMS[1].question: _answer(ITEMS[1].question, f"{HOSTILE} [1]", HOSTILE, hostile_passage),
        ITEMS[2].question: Answer(question=ITEMS[2].question, answer=CANNOT_ANSWER, abstained=True),
    }
    return run_suite(ITEMS, ScriptedAnswerer(answers), progress=False)


def test_checks_and_reasons() -> None:
    run = _run()
    good, hostile, trap = run.items
    assert good.passed and trap.passed
    assert not hostile.passed
    assert any("missing fact(s): 'Biden'" in r for r in hostile.reasons)
    assert any("no gold evidence in the top 5" in r for r in hostile.reasons)
    assert [i.item.id for i in worst_items(run)] == ["hostile"]

    summary = summarise(run)
    assert summary["overall"]["fact_recall"] == 0.75  # (1 + 1/2) / 2
    assert summary["overall"]["hallucination_rate"] == 0.0
    assert summary["overall"]["over_refusal_rate"] == 0.0
    assert summary["overall"]["pass_rate"] == round(2 / 3, 4)
    assert summary["by_type"]["unanswerable"]["fact_recall"] is None


def test_report_html_escapes_every_text(tmp_path: Path) -> None:
    run = _run()
    context = ReportContext("set.jsonl", "0" * 64, warnings=["<img src=x onerror=alert(1)>"])
    paths = write_run_report(tmp_path, run, summarise(run), context)
    page = paths["html"].read_text(encoding="utf-8")
    assert "<script" not in page and "<i>really" not in page and "<b>Title" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # markupsafe's spelling of '
    assert "&lt;i&gt;really&lt;/i&gt;" in page
    data = json.loads(paths["results"].read_text(encoding="utf-8"))
    assert data["items"][1]["cases"][0]["answer"].startswith("<script>")  # JSON keeps the raw text
