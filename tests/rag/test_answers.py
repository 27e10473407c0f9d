"""Extractive answers over the sample corpus: cited, quoted exactly, short, or an honest refusal."""

from __future__ import annotations

import re

import pytest

from rag.assistant import Assistant
from rag.extractive import counts_of, expected_answer_kind, has_answer_kind
from rag.errors import InvalidQuestionError
from rag.models import CANNOT_ANSWER
from rag.retrieval import RetrievalFilters


def test_call_length_is_answered_with_a_supporting_citation(assistant: Assistant) -> None:
    answer = assistant.ask("How long did the July 3 call between Trump and Putin last?")
    assert not answer.abstained and answer.mode == "extractive"
    assert re.search(r"\b(about|nearly|almost) an hour\b", answer.answer)
    cited = [c for c in answer.citations if re.search(r"(about|nearly|almost) an hour", c.quote)]
    assert cited, "a citation quotes the sentence that gives the length"
    assert all(f"[{c.n}]" in answer.answer for c in cited)


def test_every_citation_quotes_its_article_exactly(assistant: Assistant) -> None:
    answer = assistant.ask("What did Putin tell Trump about Russia's goals in Ukraine?")
    assert answer.citations
    for citation in answer.citations:
        article = assistant.article(citation.article_id)
        assert article is not None
        assert article.text[citation.start : citation.end] == citation.quote
        assert article.text[citation.passage_start : citation.passage_start + len(citation.text)] == citation.text
        assert citation.quote in citation.text
        assert citation.support == "supported"


def test_answers_are_short_and_markers_resolve(assistant: Assistant) -> None:
    answer = assistant.ask("What did Zelensky say about meeting Putin?")
    assert 1 <= len(answer.sentences) <= 3
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert numbers == {c.n for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))


def test_answer_selects_sentences_not_whole_passages(assistant: Assistant) -> None:
    answer = assistant.ask("What did Frederiksen say Europe should do if there are gaps in US support?")
    assert "fill" in answer.answer
    for citation in answer.citations:
        assert len(citation.quote) < len(citation.text)


def test_a_quote_attributed_to_a_pronoun_comes_with_the_sentence_naming_the_speaker(assistant: Assistant) -> None:
    answer = assistant.ask("Who said the war has never been about Ukraine but about Europe?")
    assert "Frederiksen" in answer.answer
    quoting = [c for c in answer.citations if "about Europe" in c.quote]
    assert quoting and "Frederiksen said" in quoting[0].quote
    article = assistant.article(quoting[0].article_id)
    assert article is not None and article.text[quoting[0].start : quoting[0].end] == quoting[0].quote


def test_a_count_of_zero_answers_a_how_many_question(assistant: Assistant) -> None:
    answer = assistant.ask("How many new weapons shipments to Ukraine has Trump approved since he took office?")
    assert not answer.abstained
    assert "not approved any" in answer.answer


def test_a_short_sentence_holding_an_asked_word_joins_the_answer(assistant: Assistant) -> None:
    answer = assistant.ask("What did Trump say to reporters about his progress with Putin after the call on July 3?")
    assert "make any progress" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What did the Pope say about the ceasefire talks?",
        "How did Secretary of State Marco Rubio react to the call?",
        "How many people died in the Russian drone attack on Kyiv on Thursday night?",
    ],
)
def test_unanswerable_questions_get_the_refusal_and_no_citation(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.answer == CANNOT_ANSWER
    assert answer.citations == []


def test_filters_restrict_the_sources(assistant: Assistant) -> None:
    answer = assistant.ask(
        "What did Putin tell Trump about Russia's goals?",
        filters=RetrievalFilters(publishers=("Associated Press",)),
    )
    assert answer.retrieved and {p.source for p in answer.retrieved} == {"Associated Press"}
    dated = assistant.ask(
        "What did Putin tell Trump about Russia's goals?", filters=RetrievalFilters(date_from="2025-07-10")
    )
    assert {p.published for p in dated.retrieved} == {"2025-07-20"}


def test_top_k_bounds_the_passages(assistant: Assistant) -> None:
    answer = assistant.ask("What sanctions did the EU adopt?", top_k=2)
    assert 1 <= len(answer.retrieved) <= 2


def test_timings_and_trace_are_reported(assistant: Assistant) -> None:
    answer = assistant.ask("Where did European leaders meet Zelensky?")
    assert {"retrieve", "answer", "total"} <= set(answer.timings_ms)
    contract = answer.to_contract()
    assert "retrieved" not in contract
    ranks = answer.to_contract(include_trace=True)["retrieved"]
    assert all(p["fused_rank"] for p in ranks)
    assert any(p["bm25_rank"] for p in ranks) and any(p["dense_rank"] for p in ranks)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * 1001, "characters long"),
        ("What did\x00 Putin say?", "control characters"),
        ("\x1b[31mred\x1b[0m", "control characters"),
    ],
)
def test_bad_questions_are_refused_with_one_sentence(assistant: Assistant, question: str, message: str) -> None:
    with pytest.raises(InvalidQuestionError) as raised:
        assistant.ask(question)
    assert message in raised.value.message
    assert raised.value.message.count(".") <= 2 and "\n" not in raised.value.message


def test_a_number_counts_what_follows_it() -> None:
    counted = {"defend", "azovst"}
    assert counts_of("they held out for 86 days, on the third anniversary of the surrender", counted) == set()
    assert counts_of("thousands of families still wait", counted) == set()
    assert counts_of("more than 2,000 Azovstal defenders were captured", counted) == {"2000"}
    assert counts_of("moscow demanded four southeastern provinces", {"provinc"}) == {"four"}
    assert counts_of("it was the sixth between the two leaders", {"call"}) == {"sixth"}
    assert counts_of("a call that lasted nearly an hour", {"patriot", "batteri"}) == set()


def test_an_amount_of_money_needs_a_sum() -> None:
    question = "How much money did the leaders pledge?"
    assert expected_answer_kind(question) == "money"
    assert not has_answer_kind("The leaders met for the 27 nations of the EU for six months.", "money", question)
    assert has_answer_kind("They pledged $4.5 billion.", "money", question)
    assert has_answer_kind("They pledged 300 million euros.", "money", question)


def test_a_count_of_another_thing_does_not_answer_how_many(assistant: Assistant) -> None:
    answer = assistant.ask("How many Patriot batteries did Trump promise to send to Kyiv on July 14?")
    assert answer.abstained and answer.answer == CANNOT_ANSWER


def test_a_named_publisher_moves_its_passages_up_without_filtering_the_rest(assistant: Assistant) -> None:
    question = "What did Trump say about sanctions on Russia after the call"
    plain = assistant.retrieve(question + "?", top_k=5)[0]
    named = assistant.retrieve(question + ", according to the Epoch Times?", top_k=5)[0]
    assert plain[0].source != "The Epoch Times"
    assert named[0].source == "The Epoch Times"
    assert {p.source for p in named} - {"The Epoch Times"}, "other publishers still compete"
