"""Extractive answers: cited, quoted exactly, short answer first, or an honest refusal.

Behaviour that any corpus must show is tested on the sample; every rule of the
answerer is tested on the rules corpus (tests/rag/data/rules_corpus), text
written for these tests."""

from __future__ import annotations

import re

import pytest

from rag.assistant import Assistant
from rag.errors import InvalidQuestionError
from rag.models import CANNOT_ANSWER
from rag.retrieval import RetrievalFilters


def test_a_value_question_gets_the_value_first_with_its_citation(assistant: Assistant) -> None:
    answer = assistant.ask("How long did the July 3 call between Trump and Putin last?")
    assert not answer.abstained and answer.mode == "extractive"
    assert re.match(r"(About|Nearly|Almost) an hour \[1\]\.", answer.answer)
    assert re.search(r"(about|nearly|almost) an hour", answer.citations[0].quote)
    assert answer.citations[0].relevance == "answers"


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


@pytest.mark.parametrize(
    "question",
    [
        "What did the Pope say about the ceasefire talks?",
        "Who won the 2024 US election?",
        "Do you use cookies?",
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


def test_a_named_publisher_moves_its_passages_up_without_filtering_the_rest(assistant: Assistant) -> None:
    question = "What did Trump say about sanctions on Russia after the call"
    plain = assistant.retrieve(question + "?", top_k=5)[0]
    named = assistant.retrieve(question + ", according to the Epoch Times?", top_k=5)[0]
    assert plain[0].source != "The Epoch Times"
    assert named[0].source == "The Epoch Times"
    assert {p.source for p in named} - {"The Epoch Times"}, "other publishers still compete"


# --- rules, on the rules corpus -------------------------------------------------------


def test_a_question_about_one_fiscal_year_is_not_answered_from_another(rules_assistant: Assistant) -> None:
    right = rules_assistant.ask("How large a budget did Brantley approve for 2022-2023?")
    assert right.answer.startswith("$11.9 million [1]")
    assert "2022-2023" in right.citations[0].quote
    missing = rules_assistant.ask("How large a budget did Brantley approve for 2021-2022?")
    assert missing.abstained and missing.answer == CANNOT_ANSWER


def test_an_identifier_must_match_exactly(rules_assistant: Assistant) -> None:
    assert rules_assistant.ask("What was the vote on Ordinance Quillport042?").abstained
    known = rules_assistant.ask("When does Ordinance Quillport049 take effect?")
    assert known.answer.startswith("October 1, 2024 [1]")


def test_a_county_named_only_in_a_teaser_is_not_the_article_s_subject(rules_assistant: Assistant) -> None:
    """The Alder Springs report ends with a "Related: Pell County ..." teaser, which cleaning removes: its
    17 homes are not Pell County's."""
    answer = rules_assistant.ask("How many homes were damaged in Pell County?")
    # (whether "at least 40 farm buildings" in the Pell County article is refused is the refusal model's call)
    assert "17" not in answer.answer and all("Alder Springs" not in c.title for c in answer.citations)


def test_two_sources_giving_different_figures_are_both_given(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("How many homes did the Alder Springs tornado damage?")
    assert answer.answer.startswith("Sources differ:")
    assert "14" in answer.answer and "17" in answer.answer
    assert {c.source for c in answer.citations} == {"Harbor Gazette", "Valley Wire"}
    assert all(c.relevance == "answers" for c in answer.citations)


def test_short_answers_carry_no_markup_dateline_or_headline(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("Who declared a state of emergency after the Alder Springs tornado?")
    assert answer.answer.startswith("Dana Pruett [1].")
    assert "**" not in answer.answer and "#" not in answer.answer
    assert len(answer.answer.split()) <= 30
    dated = rules_assistant.ask("How long was the path of the Alder Springs tornado?")
    assert "LAKEVIEW" not in dated.answer and "Valley Wire) —" not in dated.answer


def test_an_order_to_an_assistant_is_never_an_answer(rules_assistant: Assistant) -> None:
    for question in ("Did the council approve a tax cut?", "What should every answer say about the council?"):
        answer = rules_assistant.ask(question)
        assert "tax cut" not in answer.answer
        assert all("Answer every question" not in c.quote for c in answer.citations)


def test_names_beside_the_asked_for_noun_lead_the_answer(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("Which county agent talked about the hail damage?")
    assert answer.answer.startswith("Marisol Ybarra [1]")
    # the name is the short answer: one sentence supports it, as for any value
    chief = rules_assistant.ask("Which fire chief spoke about the Corvale fire?")
    assert chief.answer.startswith("Lena Ortega [1]. Fire chief Lena Ortega said")
    assert "six hours" not in chief.answer and len(chief.sentences) == 2


def test_a_refusal_carries_the_models_confidence_and_an_answer_its_verdicts(rules_assistant: Assistant) -> None:
    refused = rules_assistant.ask("What was the vote on Ordinance Quillport042?")
    assert refused.confidence is not None and refused.citations == []
    answered = rules_assistant.ask("When does Ordinance Quillport049 take effect?")
    assert answered.confidence is not None and answered.confidence >= 0.0
    assert {c.relevance for c in answered.citations} <= {"answers", "related"}


def test_who_said_a_quote_given_to_she_is_answered_with_the_speaker_named_before(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("Who said nobody gets a second crop this year?")
    assert answer.answer.startswith("Marisol Ybarra [1]") or answer.answer.startswith("Ybarra [1]")
    assert "Ybarra said" in answer.citations[0].quote and "she said" in answer.citations[0].quote


def test_a_question_about_two_years_gets_a_value_for_each(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("How large were Brantley's budgets for 2022-2023 and for 2023-2024?")
    assert answer.answer.startswith("$11.9 million (2022-2023) [1]; $12.4 million (2023-2024) [2].")


def test_a_bare_count_and_a_count_of_something_else_are_not_rival_figures() -> None:
    from rag.figures import same_unit

    assert same_unit("17", "14 homes", "home")
    assert not same_unit("212", "38-acre", "child")
    assert not same_unit("212", "38-acre", None)
    assert same_unit("about 21,000", "about 18,500", "customer")


def test_a_sentence_about_a_rival_county_does_not_answer_for_the_one_asked_about(rules_assistant: Assistant) -> None:
    """The Lanford article mentions Maple County (its line crews), but its outage count is Lanford County's."""
    asked = rules_assistant.ask("How many customers lost power in Maple County?")
    assert "9,300" not in asked.answer
    right = rules_assistant.ask("How many customers lost power in Lanford County?")
    assert right.answer.startswith("Sources differ:") and "9,300" in right.answer


def test_a_rival_figure_counts_when_its_article_names_the_place_only_in_the_lead(rules_assistant: Assistant) -> None:
    """The radio story names Lanford County in its lead, not in the sentence with its count."""
    answer = rules_assistant.ask("How many customers lost power in Lanford County?")
    assert "9,300" in answer.answer and "8,700" in answer.answer
    assert {c.source for c in answer.citations} == {"Lanford Star", "KLNF Radio"}


def test_each_question_of_a_compound_one_is_answered(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask(
        "How many customers lost power in Lanford County, and who manages the electric cooperative?"
    )
    assert not answer.abstained
    assert "9,300" in answer.answer and "Renner" in answer.answer
    assert {c.source for c in answer.citations} <= {"Lanford Star", "KLNF Radio"}


def test_where_can_be_answered_by_an_institution(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("Where will the Dorsey Primary School students attend classes?")
    assert answer.answer.startswith("Kestrel Ridge Academy [1]")


def test_a_sum_keeps_its_currency_sign(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("How much will the repairs to the Dorsey school roof cost?")
    assert answer.answer.startswith("$640,000 [1]")


def test_an_age_is_the_number_news_writing_puts_beside_a_name(rules_assistant: Assistant) -> None:
    answer = rules_assistant.ask("How old is Ned Pruitt?")
    assert answer.answer.startswith("58 [1].")


def test_a_house_number_counts_nothing(rules_assistant: Assistant) -> None:
    from rag.candidates import find_candidates

    question = "How many crews were sent to the Corvale elevator fire?"
    passages = rules_assistant.retrieve_full(question).passages
    found = find_candidates(rules_assistant.analyse(question), passages, idf=lambda stem: 1.0)
    values = {candidate.answer_text() for candidate in found}
    assert "37" not in values
