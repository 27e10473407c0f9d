"""Each deterministic metric on hand-made inputs, with the values worked out by hand."""

from __future__ import annotations

import pytest

from eval import metrics as m
from eval.normalise import contains_alias, normalise_answer

PASSAGE = (
    "Kremlin aide Yuri Ushakov said the call lasted about an hour. "
    "Putin told Trump that Russia would not back down from its goals in Ukraine. "
    "The two leaders also discussed the Middle East and agreed to keep talking."
)


def always(verdict: str):  # a stand-in support check, to test the arithmetic alone
    return lambda sentence, passage: verdict


# --- normalisation and fact recall ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "alias", "expected"),
    [
        ("a 30-day cease-fire", "30", True),
        ("It lasted 1,000 days", "1000", True),
        ("up 10 per cent", "10%", True),
        ("Zelenskyy’s office", "zelenskyy's", True),
        ("they threatened sanctions", "sanction", True),  # an alias may be a stem
        ("about sixty days", "60", True),
        ("the sixth call", "sixth", True),
        ("over 60 days ago", "6", False),  # a number must end where the alias ends
        ("a 6.5% rise", "6", False),
        ("in 2026", "202", False),
        ("the Kremlin said [1]", "1", False),  # citation markers are not answer words
        ("PUTIN.", "putin", True),
        ("Ushakóv", "Ushakov", True),  # accents folded
    ],
)
def test_contains_alias(text: str, alias: str, expected: bool) -> None:
    assert contains_alias(text, alias) is expected


def test_normalise_answer() -> None:
    assert normalise_answer("The 30-day, U-turn [2] at 4.5% (1,200 troops).") == "the 30 day u turn at 4.5 percent 1200 troops"


def test_fact_recall_counts_facts_with_any_alias() -> None:
    facts = [["Ushakov"], ["an hour", "60 minutes"], ["Syria"]]
    assert m.fact_recall("Ushakov said it took 60 minutes.", facts) == pytest.approx(2 / 3)
    assert m.fact_recall("", facts) == 0.0
    assert m.fact_recall("anything", []) is None


def test_token_f1() -> None:
    # answer tokens: putin said no (3); reference tokens: putin said no to trump (5); common 3
    assert m.token_f1("Putin said no [1].", "Putin said no to Trump.") == pytest.approx(2 * 1 * 0.6 / 1.6)
    assert m.token_f1("The answer.", "The answer") == 1.0
    assert m.token_f1("nothing shared", "Putin") == 0.0
    assert m.token_f1("x", None) is None


def test_answer_length_ignores_markers() -> None:
    assert m.answer_length("Putin spoke to Trump [1][2].") == 4.0


# --- retrieval --------------------------------------------------------------------------------
def test_article_level_retrieval() -> None:
    retrieved = ["b", "a", "c", "a", "d"]
    assert m.article_hit_at_k(retrieved, ["a"], 1) == 0.0
    assert m.article_hit_at_k(retrieved, ["a"], 2) == 1.0
    assert m.article_recall_at_k(retrieved, ["a", "d"], 3) == 0.5
    assert m.article_recall_at_k(retrieved, ["a", "d"], 5) == 1.0
    assert m.article_reciprocal_rank(retrieved, ["c", "d"]) == pytest.approx(1 / 3)
    assert m.article_reciprocal_rank(retrieved, ["z"]) == 0.0
    assert m.article_hit_at_k(retrieved, [], 5) is None


def test_evidence_level_retrieval_matches_quotes_across_whitespace() -> None:
    passages = ["nothing here", "Kremlin aide Yuri\nUshakov   said the call", "x"]
    quotes = ["Yuri Ushakov said", "not retrieved anywhere"]
    assert m.quote_in_passage("Yuri Ushakov said", passages[1])
    assert m.evidence_hit_at_k(passages, quotes, 1) == 0.0
    assert m.evidence_hit_at_k(passages, quotes, 2) == 1.0
    assert m.evidence_recall_at_k(passages, quotes, 3) == 0.5
    assert m.evidence_reciprocal_rank(passages, quotes) == 0.5
    assert m.evidence_hit_at_k(passages, [], 3) is None


# --- citations ---------------------------------------------------------------------------------
def test_citation_recall_and_precision_with_the_real_support_check() -> None:
    passages = {1: PASSAGE, 2: "Completely unrelated text about football and weather in Madrid."}
    sentences = [
        m.CitedSentence("Kremlin aide Yuri Ushakov said the call lasted about an hour.", (1,)),  # supported
        m.CitedSentence("Putin told Trump that Russia would not back down from its goals in Ukraine.", (1, 2)),
        m.CitedSentence("Zelensky visited Madrid to buy a football club for 40 million euros.", (2,)),  # unsupported
    ]
    # recall: sentences 1 and 2 supported by their cited passages, 3 not
    assert m.citation_recall(sentences, passages) == pytest.approx(2 / 3)
    # precision: pairs (1,1) yes, (2,1) yes, (2,2) no, (3,2) no
    assert m.citation_precision(sentences, passages) == pytest.approx(2 / 4)


def test_a_citation_needed_for_joint_support_is_precise() -> None:
    passages = {1: "a", 2: "b"}

    def verdict(sentence: str, passage: str) -> str:
        return "supported" if "a" in passage and "b" in passage else "partial"

    sentences = [m.CitedSentence("needs both", (1, 2))]
    assert m.citation_recall(sentences, passages, verdict) == 1.0
    assert m.citation_precision(sentences, passages, verdict) == 1.0  # each one is needed (ALCE)


def test_citations_that_resolve_nowhere() -> None:
    sentences = [m.CitedSentence("claim", (1, 7)), m.CitedSentence("uncited claim", ())]
    passages = {1: "p"}
    assert m.citation_recall(sentences, passages, always("supported")) == 0.5  # the uncited one counts 0
    assert m.citation_precision(sentences, passages, always("supported")) == 0.5  # [7] supports nothing
    assert m.citation_validity("claim [1][7]. uncited claim.", [1]) == 0.5
    assert m.citation_validity("claim [1, 2].", [1, 2]) == 1.0
    assert m.citation_validity("no markers at all", [1]) is None
    # markers the answerer removed (they pointed at no passage) still count against it
    assert m.citation_validity("claim [1]. other claim.", [1], removed=1) == 0.5
    assert m.citation_validity("all markers were invalid.", [], removed=2) == 0.0
    assert m.citation_recall([], passages) is None
    assert m.citation_precision([m.CitedSentence("x", ())], passages) is None


def test_gold_citation_share() -> None:
    cited = [PASSAGE, "other text"]
    assert m.citation_gold_share(cited, ["Yuri Ushakov said the call"]) == 0.5
    assert m.citation_gold_share([], ["q"]) is None
    assert m.citation_gold_share(cited, []) is None


def test_copying_a_passage_scores_perfect_citations_but_a_poor_answer() -> None:
    """Why correctness is always reported next to citation quality."""
    reference = "Ushakov said it lasted about an hour."
    facts = [["Ushakov"], ["about an hour", "nearly an hour"]]
    wrong_passage = (
        "Russia and Ukraine exchanged prisoners on Friday. "
        "The exchange was brokered by the United Arab Emirates. "
        "Officials in Kyiv said more swaps would follow."
    )
    from rag.text import split_sentences

    copied = [wrong_passage[s:e] for s, e in split_sentences(wrong_passage)]
    sentences = [m.CitedSentence(text, (1,)) for text in copied]
    answer = " ".join(f"{text} [1]" for text in copied)

    assert m.citation_recall(sentences, {1: wrong_passage}) == 1.0
    assert m.citation_precision(sentences, {1: wrong_passage}) == 1.0
    assert m.citation_validity(answer, [1]) == 1.0
    assert m.fact_recall(answer, facts) == 0.0
    assert m.token_f1(answer, reference) < 0.2


# --- latency and the table -------------------------------------------------------------------
def test_percentile_interpolates_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 1000.0]
    assert m.percentile(values, 50) == 30.0
    assert m.percentile(values, 95) == pytest.approx(40 + 0.8 * 960)
    assert m.percentile([], 50) is None


def test_every_metric_is_defined_once_with_a_formula() -> None:
    names = [spec.name for spec in (*m.METRICS, *m.JUDGE_METRICS)]
    assert len(names) == len(set(names))
    assert all(spec.formula and (spec.case_key or spec.percentile) for spec in (*m.METRICS, *m.JUDGE_METRICS))
