"""Optional LLM-judge metrics: llama-index's faithfulness, relevancy and correctness evaluators.

Only with an LLM configured and `--judge`; never used by the gate. The judge
runs at temperature 0 and every verdict is cached on disk, keyed by a hash of
everything that decides it (evaluator, llama-index version, model, endpoint,
question, answer, contexts, reference), so re-running a report costs nothing
and gives the same numbers.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cached_property
from pathlib import Path
from typing import Any, Sequence

from eval.normalise import strip_markers
from eval.runner import RunResult
from rag.errors import EndpointError, LLMNotConfiguredError
from rag.settings import Settings

# Prompts here are small (a question, an answer, <= top-k passages).
JUDGE_CONTEXT_WINDOW = 8192


class JudgeCache:
    """One JSON file per verdict under `directory`, named by the hash of its inputs."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @staticmethod
    def key(*parts: Any) -> str:
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or torn: ask again

    def put(self, key: str, value: dict[str, Any]) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # atomic: a killed run never leaves half a verdict


def default_cache_dir(settings: Settings) -> Path:
    return Path(settings.data_dir).expanduser() / "eval-judge-cache"


class Judge:
    """Scores answers with llama-index evaluators through the configured OpenAI-compatible endpoint."""

    def __init__(self, settings: Settings, cache: JudgeCache) -> None:
        if not settings.llm_configured:
            from rag.messages import JUDGE_NOT_CONFIGURED

            raise LLMNotConfiguredError(JUDGE_NOT_CONFIGURED)
        self.settings = settings
        self.cache = cache
        self.calls = 0
        self.cached = 0
        self._evaluators: dict[str, Any] = {}

    def describe(self) -> dict[str, Any]:
        return {"model": self.settings.llm_model, "base_url": self._base_url, "temperature": 0.0,
                "calls": self.calls, "cached": self.cached, "cache_dir": str(self.cache.directory)}

    @property
    def _base_url(self) -> str:
        return self.settings.openai_base_url or "https://api.openai.com/v1"

    @cached_property
    def _llm(self) -> Any:
        # Built like rag/llm.py's LLMClient._llm, but at temperature 0 whatever
        # the answerer uses, and with the client's own retries (no wrapper here).
        from llama_index.llms.openai_like import OpenAILike

        key = self.settings.openai_api_key.get_secret_value() if self.settings.openai_api_key else "not-needed"
        return OpenAILike(
            model=self.settings.llm_model, api_base=self._base_url, api_key=key, temperature=0.0,
            timeout=self.settings.llm_timeout, max_retries=self.settings.llm_max_retries,
            is_chat_model=True, context_window=JUDGE_CONTEXT_WINDOW,
        )

    def _evaluator(self, name: str) -> Any:
        if name not in self._evaluators:
            from llama_index.core.evaluation import CorrectnessEvaluator, FaithfulnessEvaluator, RelevancyEvaluator

            kinds = {"faithfulness": FaithfulnessEvaluator, "relevancy": RelevancyEvaluator,
                     "correctness": CorrectnessEvaluator}
            self._evaluators[name] = kinds[name](llm=self._llm)
        return self._evaluators[name]

    def _verdict(self, name: str, **inputs: Any) -> float | None:
        from llama_index.core import __version__ as llama_index_version

        key = self.cache.key(name, llama_index_version, self.settings.llm_model, self._base_url, inputs)
        stored = self.cache.get(key)
        if stored is not None:
            self.cached += 1
            return stored["score"]
        try:
            result = self._evaluator(name).evaluate(**inputs)
        except Exception as exc:  # openai/httpx errors: the judge endpoint failed
            from rag.llm import describe_failure

            raise EndpointError(describe_failure(exc, self.settings)) from exc
        self.calls += 1
        score = None if result.score is None else float(result.score)
        self.cache.put(key, {"evaluator": name, "score": score, "passing": result.passing,
                             "feedback": result.feedback, "inputs": inputs})
        return score

    def faithfulness(self, question: str, answer: str, contexts: Sequence[str]) -> float | None:
        return self._verdict("faithfulness", query=question, response=answer, contexts=list(contexts))

    def relevancy(self, question: str, answer: str, contexts: Sequence[str]) -> float | None:
        return self._verdict("relevancy", query=question, response=answer, contexts=list(contexts))

    def correctness(self, question: str, answer: str, reference: str) -> float | None:
        return self._verdict("correctness", query=question, response=answer, reference=reference)


def judge_run(run: RunResult, judge: Judge, progress: bool | None = None) -> None:
    """Add judge_faithfulness / judge_relevancy / judge_correctness to each case's metrics.

    Faithfulness is judged against the cited passages, relevancy against all
    retrieved ones, correctness against the reference; a refusal is not judged
    for faithfulness or relevancy and scores 1 (worst) for correctness.
    """
    from tqdm import tqdm

    cases = [c for c in run.cases if c.answer is not None]
    bar = tqdm(cases, desc="judge", unit="q", file=sys.stderr, leave=False,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    for case in bar:
        answer = case.answer
        assert answer is not None
        question = answer.rewritten_query or case.case.question
        text = strip_markers(answer.answer).strip()
        if not answer.abstained:
            cited = [c.text for c in answer.citations] or [p.text for p in answer.retrieved]
            case.metrics["judge_faithfulness"] = judge.faithfulness(question, text, cited)
            case.metrics["judge_relevancy"] = judge.relevancy(question, text, [p.text for p in answer.retrieved])
        if case.case.answerable and case.case.reference:
            case.metrics["judge_correctness"] = (
                1.0 if answer.abstained else judge.correctness(question, text, case.case.reference)
            )
    run.judge = judge.describe()
