"""The extractive answerer's assembly of an answer (rag.extractive), on text written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from rag.candidate import Candidate
    from rag.models import Answer, Passage
    from rag.query import QuestionAnalysis
    from rag.word_likeness import WordLikeness


def test_the_sentence_after_the_best_one_may_open_the_next_paragraph_but_not_the_next_section() -> None:
    """News paragraphs are often one sentence long: "... an engineer has said." / "Ines Kovalenko, the county's
    bridge engineer, ..." names who. A blank line ends a section, and what follows it is another matter."""
    from index.nlp import entities_by_line
    from rag.candidate import Candidate, sentence_spans
    from rag.extractive import _continues, _next_sentence
    from rag.models import Passage
    from rag.query import analyse

    text = (
        "The Tallow Creek bridge will be rebuilt by 2027, an engineer has said.\n"
        "Speaking at a public meeting, Ines Kovalenko, the county's bridge engineer, said the old deck had rusted.\n"
        "\n"
        "In other business, the Tallow County board bought a fire truck from Keswick Motors."
    )
    passage = Passage(passage_id="p", article_id="a", title="Bridge", source="Tallow Star", text=text, start=0,
                      end=len(text), entities=entities_by_line([text])[0])  # fmt: skip
    first, second, third = (Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage))
    candidates = [first, second, third]
    assert _next_sentence(first, candidates, next_paragraph=True) is second
    assert _next_sentence(first, candidates) is None
    assert _next_sentence(second, candidates, next_paragraph=True) is None
    assert _continues(second, analyse("Which engineer said the Tallow Creek bridge will be rebuilt by 2027?"))


def _passage(passage_id: str, source: str, text: str) -> "Passage":
    from index.nlp import entities_by_line
    from rag.models import Passage

    return Passage(passage_id=passage_id, article_id=passage_id, title="Fire on Quay Lane", source=source, text=text,
                   start=0, end=len(text), entities=entities_by_line([text])[0])  # fmt: skip


def _valued(text: str, value: str, label: str, features: dict[str, float] | None = None) -> "Candidate":
    """A candidate for the one-sentence article `text` (no entities of the model's), valued at `value`."""
    from rag.candidate import Candidate
    from rag.models import Passage

    passage = Passage(passage_id=text, article_id=text, title="t", source="s", text=text, start=0, end=len(text),
                      entities=[])  # fmt: skip
    at = text.index(value)
    return Candidate(0, passage, 0, len(text), dict(features or {}), [(at, at + len(value), label)])


def _answer_text(question: "QuestionAnalysis", passages: list["Passage"], likeness: "WordLikeness") -> str:
    """The extractive answer's text from `passages` alone, every stem weighted alike."""
    from rag.extractive import extractive_answer

    return extractive_answer(question, passages, idf=lambda stem: 1.0, word_likeness=likeness).answer


def test_two_outlets_counting_the_same_thing_differ_and_a_count_of_something_else_does_not(encoder: object) -> None:
    """"three firefighters were hurt" against "Two firefighters were injured": the same count with a verb like
    the question's, so the answer says the sources differ, each figure with what it counts; "Two engines
    responded" counts something else."""
    from rag.extractive import extractive_answer
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    hurt = _passage("a", "Mornby Courier", "A man died and three firefighters were hurt in a house fire on Quay Lane "
                    "in Mornby early Sunday.")  # fmt: skip
    injured = _passage("b", "Radio Mornby", "Two firefighters were injured in the Mornby house fire on Quay Lane, "
                       "one of them with burns to his hand.")  # fmt: skip
    engines = _passage("c", "Mornby Weekly", "Two engines from Mornby responded to the Quay Lane fire early Sunday.")
    question = analyse("How many firefighters were hurt in the Quay Lane fire in Mornby?")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]

    both = extractive_answer(question, [hurt, injured], idf=lambda stem: 1.0, word_likeness=likeness)
    assert both.answer.startswith("Sources differ: three firefighters according to Mornby Courier")
    assert "Two firefighters according to Radio Mornby" in both.answer
    alone = extractive_answer(question, [hurt, engines], idf=lambda stem: 1.0, word_likeness=likeness)
    assert alone.answer.startswith("Three firefighters [1].")


def _embedded(passage: "Passage", encoder: object) -> "Passage":
    """`passage` with its sentences' vectors, as the index keeps them, so candidates get their similarity."""
    from index.vector_codec import pack
    from rag.candidate import sentence_spans

    spans = sentence_spans(passage)
    vectors = encoder.embed_array([passage.text[s:e] for s, e in spans])  # type: ignore[attr-defined]
    return passage.model_copy(update={"sentence_spans": spans, "sentence_vectors": pack(vectors)})


def _answer_with_similarity(question: str, passages: list["Passage"], encoder: object) -> str:
    """The extractive answer's text from `passages` alone, every stem weighted alike, with the sentences' similarity
    to the question and word likeness from the real encoder (as the assistant answers)."""
    from rag.extractive import extractive_answer
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    return extractive_answer(
        analyse(question), [_embedded(p, encoder) for p in passages], idf=lambda stem: 1.0,
        word_likeness=EncoderWordLikeness(encoder),  # type: ignore[arg-type]
        query_vector=encoder.embed_query(question),  # type: ignore[attr-defined]
    ).answer  # fmt: skip


def test_a_share_of_the_cost_is_no_rival_of_the_cost_and_a_second_outlets_cost_is(encoder: object) -> None:
    """"The state paid $1.5 million of the cost" gives a share of what "cost $2.1 million" gives whole: no
    disagreement. Another outlet's "cost $1.9 million" is one; and when the question asks for the share, two
    outlets' shares differ."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    whole = _passage("a", "Orlby Ledger", "Repairs to the Fenn Street bridge in Orlby cost $2.1 million and were "
                     "finished on Tuesday, the city engineer said.")  # fmt: skip
    share = _passage("b", "Radio Orlby", "The state paid $1.5 million of the cost of the Fenn Street bridge repairs "
                     "in Orlby, and the city paid the rest.")  # fmt: skip
    other = _passage("c", "Orlby Post", "The repairs to the Fenn Street bridge in Orlby cost $1.9 million, city "
                     "records show.")  # fmt: skip
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]
    question = analyse("How much did the Fenn Street bridge repairs in Orlby cost?")

    alone = _answer_text(question, [whole, share], likeness)
    assert alone.startswith("$2.1 million [1].") and "Sources differ" not in alone
    both = _answer_text(question, [whole, other], likeness)
    assert both.startswith("Sources differ: $2.1 million according to Orlby Ledger")
    other_share = _passage("d", "Orlby Post", "The state paid $1.2 million of the cost of the Fenn Street bridge "
                           "repairs in Orlby, records show.")  # fmt: skip
    asked = analyse("How much of the cost of the Fenn Street bridge repairs in Orlby did the state pay?")
    shares = _answer_text(asked, [share, other_share], likeness)
    assert shares.startswith("Sources differ: $1.5 million according to Radio Orlby")  # the share is what is asked


def test_what_a_mill_has_is_no_rival_of_what_it_did_but_of_what_it_employs(encoder: object) -> None:
    """"The mill, which has 300 workers, announced layoffs" says how many work there: no rival of "will lay off 42
    workers". For "How many workers does it employ?" it is the figure asked, and another outlet's "employs 310"
    differs from it."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    layoffs = _passage("a", "Selby Ledger", "The Quarrow paper mill in Selby will lay off 42 workers next month, the "
                       "company said Monday.")  # fmt: skip
    has = _passage("b", "Radio Selby", "The Quarrow paper mill in Selby, which has 300 workers, announced layoffs "
                   "on Monday.")  # fmt: skip
    laid_off = _passage("c", "Selby Post", "The Quarrow paper mill in Selby will lay off 45 workers, the union said.")
    employs = _passage("d", "Selby Weekly", "The Quarrow paper mill in Selby employs 310 workers.")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]
    question = analyse("How many workers will the Quarrow paper mill in Selby lay off?")

    alone = _answer_text(question, [layoffs, has], likeness)
    assert alone.startswith("42 workers [1].") and "Sources differ" not in alone
    both = _answer_text(question, [layoffs, laid_off], likeness)
    assert both.startswith("Sources differ: 42 workers according to Selby Ledger")
    staff = analyse("How many workers does the Quarrow paper mill in Selby employ?")
    answer = _answer_text(staff, [employs, has], likeness)
    assert answer.startswith("Sources differ") and "300 workers" in answer and "310 workers" in answer


def test_a_figure_for_another_day_is_no_rival(encoder: object) -> None:
    """"6,400 still without power by Thursday" and another outlet's "18,500 at the peak on Wednesday" count
    different things: the question asks about Thursday, and only one sentence names it."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    thursday = _passage("a", "Brenmoor Herald", "By Thursday morning, about 6,400 Brenmoor County customers were "
                        "still without power after the ice storm.")  # fmt: skip
    wednesday = _passage("b", "Radio Brenmoor", "At the peak of the ice storm on Wednesday, about 18,500 Brenmoor "
                         "County customers were without power.")  # fmt: skip
    same_day = _passage("c", "Brenmoor Post", "About 7,100 Brenmoor County customers were still without power on "
                        "Thursday morning after the ice storm.")  # fmt: skip
    question = analyse("How many Brenmoor County customers were still without power on Thursday morning?")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]

    answer = _answer_text(question, [thursday, wednesday], likeness)
    assert answer.startswith("About 6,400 Brenmoor County customers [1].")
    answer = _answer_text(question, [thursday, same_day], likeness)
    assert answer.startswith("Sources differ")


def test_a_count_spelled_out_by_one_outlet_and_in_digits_by_another_is_the_same_figure(encoder: object) -> None:
    """"Three firefighters were hurt" and "3 firefighters were injured" give one figure, not two that differ."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    words = _passage("a", "Quenby Herald", "Three firefighters were hurt when a barn burned on Ashcombe Road in "
                     "Quenby on Tuesday night.")  # fmt: skip
    digits = _passage("b", "Radio Quenby", "3 firefighters were injured in the Ashcombe Road barn fire in Quenby.")
    spelled = _passage("c", "Quenby Post", "Twenty-five people were evacuated from the Ashcombe Road farm in Quenby.")
    counted = _passage("d", "Quenby Weekly", "Police evacuated 25 people from the Ashcombe Road farm in Quenby.")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]

    hurt = analyse("How many firefighters were hurt in the Ashcombe Road barn fire?")
    answer = _answer_text(hurt, [words, digits], likeness)
    assert not answer.startswith("Sources differ") and answer.lower().startswith(("3 firefighters", "three firefighters"))
    evacuated = analyse("How many people were evacuated from the Ashcombe Road farm?")
    answer = _answer_text(evacuated, [spelled, counted], likeness)
    assert not answer.startswith("Sources differ")


def test_one_length_of_time_in_other_units_is_the_same_figure(encoder: object) -> None:
    """"three years" and "36 months" are one length: no "Sources differ"; "2 years" is another."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    years = _passage("a", "Helmsby Star", "The Helmsby bridge repairs will take three years, the county said.")
    months = _passage("b", "Helmsby FM", "Repairs to the Helmsby bridge will take 36 months.")
    two = _passage("c", "Helmsby Post", "Repairs to the Helmsby bridge will take 2 years.")
    question = analyse("How long will the Helmsby bridge repairs take?")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]

    same = _answer_text(question, [years, months], likeness)
    assert not same.startswith("Sources differ")
    other = _answer_text(question, [years, two], likeness)
    assert other.startswith("Sources differ")


def test_a_which_question_looks_into_the_next_paragraph_only_when_its_sentence_names_no_one_new() -> None:
    from index.nlp import entities_by_line
    from rag.candidate import Candidate, sentence_spans
    from rag.models import Passage
    from rag.new_names import names_someone_new

    text = (
        "The Tallow Creek bridge in Ohio will be rebuilt by 2027, an engineer has said.\n"
        "County engineer Ines Kovalenko said the old deck had rusted through."
    )
    passage = Passage(passage_id="p", article_id="a", title="Bridge", source="Tallow Star", text=text, start=0,
                      end=len(text), entities=entities_by_line([text])[0])  # fmt: skip
    first, second = (Candidate(0, passage, s, e, {}) for s, e in sentence_spans(passage))
    question = "Which engineer said the Tallow Creek bridge will be rebuilt?"
    assert not names_someone_new(first, question)  # a place ("Ohio") sets the scene; it names no one
    assert names_someone_new(second, question)
    assert not names_someone_new(second, "What did Kovalenko say about the Tallow Creek bridge?")


@pytest.mark.parametrize(("question", "text", "answer"), [
    ("Where will the craft fair take place?",
     "The Quenlow craft fair will take place at Dorrit Park on Sunday. Its proceeds will go to the Quenlow Food Bank.",
     "Dorrit Park"),
    ("Where was the worker transferred from?",
     "The injured worker was transferred from Quenlow Memorial Hospital to Varne Medical Center on Monday.",
     "Quenlow Memorial Hospital"),
    ("Where did the van go off the road?",
     "The van went off Sedge Road in Quenlow and into a field. Its driver was going to a job at Varne Mills.",
     "Sedge Road"),
    ("Where did the climbers go missing?",
     "Two climbers went missing on Mount Hollin on Friday while walking to the Quenlow Lookout.", "Mount Hollin"),
])  # fmt: skip
def test_a_question_of_going_that_asks_no_destination_keeps_its_best_place(
    question: str, text: str, answer: str
) -> None:
    """"Where will the fair take place?", "... transferred from?", "... go off the road?", "... go missing?": a verb
    of going that asks where something happened or started, so a place someone goes "to" does not come first."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Quenlow Ledger", text)
    assert _answer_text(analyse(question), [passage], SAME_WORD_ONLY).startswith(answer)


def test_a_number_joined_to_a_count_of_something_else_counts_that_too() -> None:
    """"employs about 45 people all year and about 210 in summer": the 210 are people too, no count of rooms."""
    from rag.candidate import Candidate
    from rag.counted_nouns import counts_a_noun_of_its_own
    from rag.models import Passage

    text = "The Quenlow lodge employs about 45 people all year and about 210 in summer."
    passage = Passage(passage_id="a", article_id="a", title="Quenlow lodge", source="s", text=text, start=0,
                      end=len(text), entities=[])  # fmt: skip
    value = text.index("210")
    assert counts_a_noun_of_its_own(Candidate(0, passage, 0, len(text), {}, [(value, value + 3, "CARDINAL")]))
    # not a count elsewhere in the sentence: "90" counts what the lodge employs, which it does not say
    other = "The Quenlow lodge, which has 12 rooms, employs 45 all year and 90 in summer."
    passage = Passage(passage_id="b", article_id="b", title="Quenlow lodge", source="s", text=other, start=0,
                      end=len(other), entities=[])  # fmt: skip
    value = other.index("90 in")
    assert not counts_a_noun_of_its_own(Candidate(0, passage, 0, len(other), {}, [(value, value + 2, "CARDINAL")]))


# A vote's report written for these tests: the vote, who voted no, one no voter's account, what supporters said.
_FIRE_ENGINE_VOTE = (
    "Brackley council buys a fire engine\n"
    "BRACKLEY - The Brackley Town Council voted 5-2 on Monday to buy a new fire engine for $780,000.\n"
    "Council members Ada Kell and Ned Roe voted no.\n"
    "Roe said he voted against the fire engine because the town should have repaired its old engine first.\n"
    "Fire Chief Sam Ortiz said the Brackley fire engine would arrive in March, and Mayor Lila Stroud said the "
    "council had waited long enough to buy it."
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Why did Ned Roe vote against the Brackley fire engine?", "repaired its old engine"),
        ("Why did Ada Kell vote against the Brackley fire engine?", None),
        ("Why did Ada Kell oppose buying the Brackley fire engine?", None),
        ("Why was Ned Roe against the Brackley fire engine?", "repaired its old engine"),
        ("What was Ned Roe's problem with the Brackley fire engine?", "repaired its old engine"),
        ("What objection did Ned Roe raise to the Brackley fire engine?", "repaired its old engine"),
        ("What was Ada Kell's problem with the Brackley fire engine?", None),
    ],
)
def test_a_voters_reason_is_her_own_account_or_none(question: str, expected: str | None) -> None:
    """"Why did Roe vote no?" is answered by the sentence of his no vote and his account after it; "Why did Kell
    vote no?" is refused: the report says how she voted, and only Roe's reason (the refusal model alone refused
    Roe's and answered Kell's with the lead, the vote and Roe's account)."""
    from rag.models import CANNOT_ANSWER
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    answer = _answer_text(analyse(question), [_passage("a", "Brackley Beacon", _FIRE_ENGINE_VOTE)], SAME_WORD_ONLY)
    if expected is None:
        assert answer == CANNOT_ANSWER
    else:
        assert answer.startswith("Council members Ada Kell and Ned Roe voted no.") and expected in answer


def test_a_voters_account_past_sentences_that_do_not_name_her_is_found() -> None:
    """"Why did Ned Roe vote against it?" keeps only the sentences near Roe's name; his account two long sentences
    after his vote is still found past the one left out between, so the answer is not refused."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    text = (
        "Brackley council buys a fire engine\n"
        "BRACKLEY - The Brackley Town Council voted 5-2 on Monday to buy a new fire engine for $780,000.\n"
        "Council members Ada Kell and Ned Roe voted no.\n"
        "Mayor Lila Stroud said the engine would arrive in March, and the old one would be sold at auction in the "
        "spring to a neighbouring town that has been looking for a second engine for several years, ever since its "
        "own engine was lost in the warehouse fire on Quay Lane that also destroyed the salt shed and two plows.\n"
        "Fire Chief Sam Ortiz said the department had waited eleven years for a new engine and the crews were "
        "relieved.\n"
        "Roe said the town should have repaired its old engine first."
    )
    answer = _answer_text(analyse("Why did Ned Roe vote against the fire engine?"),
                          [_passage("a", "Brackley Beacon", text)], SAME_WORD_ONLY)  # fmt: skip
    assert answer.startswith("Council members Ada Kell and Ned Roe voted no.") and "repaired its old engine" in answer


@pytest.mark.parametrize(
    "question", ["Why did the Brackley council vote against the fire engine?", "Why did residents oppose the engine?"]
)
def test_a_bodys_vote_or_residents_opposition_is_not_refused_for_want_of_a_voters_account(question: str) -> None:
    """A body's vote and residents' opposition are no voter's vote: the answerer answers as the refusal model says
    (here, always), with no voter's account to look for (the article gives the reason in its own words)."""
    from rag.extractive import extractive_answer
    from rag.models import CANNOT_ANSWER
    from rag.query import analyse

    text = (
        "Brackley council rejects a fire engine\n"
        "BRACKLEY - The Brackley Town Council voted against buying a new fire engine on Monday, and residents "
        "opposed it too, because the town could not afford it.\n"
        "The engine would have cost $780,000, and the town's reserve holds $400,000."
    )
    answer = extractive_answer(analyse(question), [_passage("a", "Brackley Beacon", text)], idf=lambda stem: 1.0,
                               threshold=0.0).answer  # fmt: skip
    assert answer != CANNOT_ANSWER


def test_the_lone_holdouts_reason_is_the_account_after_the_vote() -> None:
    """"Why did the lone holdout vote no?" (no one named): the sentence of the no vote and the one after it that
    gives the voter's account, not the vote's lead."""
    from rag.extractive import extractive_answer
    from rag.query import analyse

    text = (
        "Marle schools close Fenwick Elementary\n"
        "MARLE - The Marle school board voted 6-1 on Tuesday to close Fenwick Elementary in June.\n"
        "Superintendent Rosa Bell said the building needs $3 million in repairs.\n"
        "Board member Tobias Quill cast the only vote against the closing.\n"
        "He said the district had not asked parents what they wanted."
    )
    # (answered whatever the refusal model says: with no voter named, it decides, and every stem weighs alike here)
    answer = extractive_answer(analyse("Why did the lone holdout on the Marle board vote against closing Fenwick?"),
                               [_passage("a", "Marle Ledger", text)], idf=lambda stem: 1.0, threshold=0.0).answer
    assert answer.startswith("Board member Tobias Quill cast the only vote against the closing.")
    assert "not asked parents" in answer and "voted 6-1" not in answer


@pytest.mark.parametrize(
    "question",
    [
        "Who voted against the Brackley fire engine?",
        "Which council members opposed buying the fire engine in Brackley?",
        "Did anyone on the Brackley council vote against the fire engine?",
    ],
)
def test_who_voted_no_is_answered_by_the_sentence_that_names_them(question: str) -> None:
    """The sentence of the best article that names who voted on the side asked answers "Who ...?", "Which ...?" and
    "Did anyone ...?", ahead of the vote's lead and of what supporters said (the refusal model alone refused the
    first and the last)."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    answer = _answer_text(analyse(question), [_passage("a", "Brackley Beacon", _FIRE_ENGINE_VOTE)], SAME_WORD_ONLY)
    assert "Kell" in answer and "Roe" in answer


def test_a_month_abbreviated_by_one_outlet_is_the_same_day(encoder: object) -> None:
    """"on Jan. 5" and "on January 5" name one day: the rival figure is another outlet's count of it."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    full = _passage("a", "Brenmoor Herald", "About 6,400 Brenmoor County customers were without power on "
                    "January 5 after the ice storm.")  # fmt: skip
    short = _passage("b", "Radio Brenmoor", "About 7,100 Brenmoor County customers were without power on Jan. 5 "
                     "after the ice storm.")  # fmt: skip
    question = analyse("How many Brenmoor County customers were without power on January 5?")
    likeness = EncoderWordLikeness(encoder)  # type: ignore[arg-type]
    answer = _answer_text(question, [full, short], likeness)
    assert answer.startswith("Sources differ")


def test_a_yes_no_question_is_answered_from_a_sentence_that_tells_whether_or_refused() -> None:
    """"Did Ketterby get the flood grant?": a sentence on the plan to apply for it says neither yes nor no, so it
    is no answer, however many of the question's words it shares; one that tells of the grant as received is."""
    from rag.extractive import decide, extractive_answer
    from rag.models import CANNOT_ANSWER
    from rag.query import analyse

    plan = _passage("a", "Ketterby Ledger", "Ketterby will apply for the state flood grant and would get the state "
                    "flood grant only if the levee fails its inspection.")  # fmt: skip
    done = _passage("b", "Radio Ketterby", "In March Ketterby got a $2 million state flood grant for the levee.")
    question = analyse("Did Ketterby get the state flood grant?")

    candidates, _ = decide(question, [plan, done], idf=lambda stem: 1.0)
    assert [c.passage.passage_id for c in candidates] == ["b"]
    refused = extractive_answer(question, [plan], idf=lambda stem: 1.0)
    assert refused.abstained and refused.answer == CANNOT_ANSWER


def test_each_part_of_a_compound_question_answers_with_something_the_parts_before_did_not_give() -> None:
    """"What happened to the bakery, and what will the new owners do?": the sentence the first part shows is not
    shown again for the second; "How many were laid off, and how many will be hired?" is not answered 42 twice."""
    from rag.extractive import extractive_answer
    from rag.query import analyse

    closing = _passage("a", "Orrwick Courier", "The Brisket Lane bakery in Orrwick closed in May after 61 years, and "
                       "a family from Denholt bought it. The bakery laid off 42 workers when it closed.")  # fmt: skip
    plans = _passage("b", "Radio Orrwick", "The new owners of the Orrwick bakery plan to reopen it in October and "
                     "hire 30 workers.")  # fmt: skip
    bought = _passage("c", "Orrwick Courier", "A company formed by Orrwick bakers has bought the former Brisket Lane "
                      "bakery, which has been closed since May, and plans to reopen it next spring with about 20 "
                      "workers. The company paid $310,000 for the building, county records show.")  # fmt: skip
    # every part answered (threshold 0): the one sentence that tells most of both is shown once
    story = extractive_answer(analyse("What happened to the Brisket Lane bakery in Orrwick, and what's next for it?"),
                              [bought, closing], idf=lambda stem: 1.0, threshold=0.0)  # fmt: skip
    shown = [sentence.text for sentence in story.sentences]
    assert len(shown) == 2 and len(set(shown)) == 2
    assert story.answer.count("has bought the former Brisket Lane bakery") == 1

    jobs = extractive_answer(analyse("How many workers did the Orrwick bakery lay off, and how many will its new owners "
                                     "hire?"), [closing, plans], idf=lambda stem: 1.0)  # fmt: skip
    assert jobs.answer.startswith("42 workers [1].")
    assert "30 workers [2]." in jobs.answer
    assert "Sources differ" not in jobs.answer  # hiring 30 is no other outlet's count of the 42 laid off


def test_names_answer_what_a_question_asks_for_not_who_it_is_about() -> None:
    """"Which Orrwick council members opposed the fee?" is answered by their names; "What did the Orrwick council
    members say about the fee?" by what they said, and "What will the new owners do?" by what they will do."""
    from rag.extractive import extractive_answer
    from rag.query import analyse

    said = _passage("a", "Orrwick Courier", "Council members Ada Kettering and Gerald Tallis said the new parking fee "
                    "would drive shoppers away from downtown Orrwick.")  # fmt: skip
    owners = _passage("b", "Radio Orrwick", "The new owners, Denholt Baking Co., said they would reopen the Orrwick "
                      "bakery in October.")  # fmt: skip
    which = extractive_answer(analyse("Which Orrwick council members opposed the parking fee?"), [said],
                              idf=lambda stem: 1.0, threshold=0.0)  # fmt: skip
    assert which.answer.startswith("Ada Kettering and Gerald Tallis [1].")
    what = extractive_answer(analyse("What did the Orrwick council members say about the parking fee?"), [said],
                             idf=lambda stem: 1.0, threshold=0.0)  # fmt: skip
    assert what.answer.startswith("Council members Ada Kettering and Gerald Tallis said the new parking fee")
    plans = extractive_answer(analyse("What will the new owners do with the Orrwick bakery?"), [owners],
                              idf=lambda stem: 1.0, threshold=0.0)  # fmt: skip
    assert plans.answer.startswith("The new owners, Denholt Baking Co., said they would reopen")


@pytest.mark.parametrize(
    ("question", "texts", "expected"),
    [
        # the same count, told of two months, answers each month's part
        ("How many workers did the Orlow sawmill lay off in March, and how many did it lay off in June?",
         ["The Orlow sawmill laid off 40 workers in March.", "It laid off another 40 workers in June, and 12 more "
          "in August."], ["40 workers [1].", "40 workers [2]."]),
        # the same digits of another unit
        ("How many workers did the Orlow sawmill lay off, and how many days did the strike last?",
         ["The Orlow sawmill laid off 42 workers in May.", "The strike at the Orlow sawmill lasted 42 days."],
         ["42 workers [1].", "42 days [2]."]),
        # a name or a year one part holds may answer the other
        ("Who won the 2022 mayoral race in Orlow, and when did the Elm Street pool open?",
         ["Ada Kettering won the 2022 mayoral race in Orlow.", "The Elm Street pool in Orlow opened in 2022, and a "
          "splash pad was added in 2024."], ["Ada Kettering [1].", "2022 [2]."]),
    ],
)  # fmt: skip
def test_a_part_of_a_compound_question_may_take_a_value_another_part_holds_or_gave_elsewhere(
    question: str, texts: list[str], expected: list[str]
) -> None:
    """A part is not answered by the very mention an earlier part's answer was; the same value told elsewhere, or
    a name the other part asks about, may answer it."""
    from rag.extractive import extractive_answer
    from rag.query import analyse

    passages = [_passage(f"p{i}", f"Orlow Outlet {i}", text) for i, text in enumerate(texts)]
    answer = extractive_answer(analyse(question), passages, idf=lambda stem: 1.0, threshold=0.0)
    positions = [answer.answer.find(part) for part in expected]
    assert all(position >= 0 for position in positions), answer.answer
    assert positions == sorted(positions)


def test_an_outlets_figure_in_a_sentence_that_says_it_is_a_rival_still(encoder: object) -> None:
    """"It will cost $14 million" names no library, but it is the second outlet's figure for the one asked about."""
    from rag.extractive import extractive_answer
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    first = _passage("a", "Orlow Courier", "The new Orlow library will cost $12 million, the city said.")
    second = _passage("b", "Radio Orlow", "The city approved plans for a new Orlow library on Elm Street. It will cost "
                      "$14 million.")  # fmt: skip
    answer = extractive_answer(analyse("How much will the new Orlow library cost?"), [first, second],
                               idf=lambda stem: 1.0, word_likeness=EncoderWordLikeness(encoder))  # type: ignore[arg-type]  # fmt: skip
    assert answer.answer.startswith("Sources differ:") and "$14 million" in answer.answer


def test_a_sum_one_outlet_writes_another_way_is_no_disagreement(encoder: object) -> None:
    """"$12.00 for a bicycle" is the same sum as the other outlet's "$12": that outlet gives both figures, so it
    tells of two things and does not disagree."""
    from rag.extractive import extractive_answer
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    both = _passage("a", "Tarnby Courier", "The one-way ferry fare in Tarnby is $11.50 for adults and $12.00 for a "
                    "bicycle.")  # fmt: skip
    one = _passage("b", "Radio Tarnby", "The one-way ferry fare in Tarnby is now $12.")
    answer = extractive_answer(analyse("How much is the one-way ferry fare in Tarnby?"), [both, one],
                               idf=lambda stem: 1.0, word_likeness=EncoderWordLikeness(encoder))  # type: ignore[arg-type]  # fmt: skip
    assert not answer.answer.startswith("Sources differ")


def test_outlets_whose_publisher_is_not_known_are_named_by_their_articles_title(encoder: object) -> None:
    """Two articles of unknown publishers are two outlets, and an answer names each by its title, never as
    "Unknown publisher"."""
    from index.metadata import UNKNOWN_PUBLISHER
    from rag.extractive import extractive_answer
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    first = _passage("a", UNKNOWN_PUBLISHER, "The new Orlow library will cost $12 million, the city said.")
    first.title = "Orlow library plans approved"
    second = _passage("b", UNKNOWN_PUBLISHER, "The new Orlow library will cost $14 million, the architect said.")
    second.title = "Architect unveils Orlow library"
    answer = extractive_answer(analyse("How much will the new Orlow library cost?"), [first, second],
                               idf=lambda stem: 1.0, word_likeness=EncoderWordLikeness(encoder))  # type: ignore[arg-type]  # fmt: skip
    assert answer.answer.startswith("Sources differ:")
    assert "according to “Orlow library plans approved”" in answer.answer and UNKNOWN_PUBLISHER not in answer.answer


def test_sentences_joined_into_one_citation_each_lose_their_dateline() -> None:
    """An article's summary line and its lead, next to each other in one passage, are quoted together; the lead's
    dateline ("MARLOW FERRY - ") is dropped from the answer text as it is when the lead stands alone."""
    from rag.candidate import Candidate, sentence_spans
    from rag.extractive import _sentence_answer
    from rag.answer_model import load_answer_model
    from rag.query import analyse

    text = (
        "Islanders must use the mail boat until April, when crossings resume.\n"
        "MARLOW FERRY - The Gorran Isle ferry will stop for the winter while its slip is rebuilt, the port said.\n"
    )
    passage = _passage("m", "Marlow Ledger", text)
    first, second = (Candidate(0, passage, s, e, {}, score=0.0) for s, e in sentence_spans(passage))
    cited = _sentence_answer(analyse("What will happen to the Gorran Isle ferry?"), [second, first], 3,
                             load_answer_model())  # fmt: skip
    assert len(cited) == 1 and len(cited[0].quotes) == 1
    assert cited[0].text == ("Islanders must use the mail boat until April, when crossings resume. The Gorran Isle ferry "
                             "will stop for the winter while its slip is rebuilt, the port said.")  # fmt: skip
    assert "MARLOW FERRY -" in cited[0].quotes[0].text  # the citation quotes the article as written


def test_a_name_given_for_which_kind_is_asked_opens_the_answer_with_a_capital() -> None:
    """"Security at which airport ...?": the sentence's "the Quenby-Marsh Airport" names the kind asked for, and as
    the reply's first words it is written "The Quenby-Marsh Airport"."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Dellor Post", "Prosecutors said the man photographed the fences and gates at the "
                       "Quenby-Marsh Airport in western Dellor. He was arrested in May.")  # fmt: skip
    answer = _answer_text(analyse("Security at which airport was he photographing?"), [passage], SAME_WORD_ONLY)
    assert answer.startswith("The Quenby-Marsh Airport [1].")


def test_who_voted_on_a_side_no_sentence_names_is_refused_not_answered_by_the_tally() -> None:
    """"Which council members voted for the fire engine?": the report names the two who voted no and gives the
    tally (5-2), not the five who voted yes, so the answer is a refusal, not the vote's lead; "Who voted against
    it?" is still answered."""
    from rag.models import CANNOT_ANSWER
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passages = [_passage("a", "Brackley Beacon", _FIRE_ENGINE_VOTE)]
    assert _answer_text(analyse("Which Brackley council members voted for the fire engine?"), passages,
                        SAME_WORD_ONLY) == CANNOT_ANSWER  # fmt: skip
    assert "Kell" in _answer_text(analyse("Who voted against the Brackley fire engine?"), passages, SAME_WORD_ONLY)


def test_how_long_a_thing_is_may_be_answered_by_its_length_but_not_by_another_things_length_or_width(
    encoder: object,
) -> None:
    """"How long is the detour?" is answered by "a detour of 14 miles"; "300 feet of the road" washed out is
    another thing's length, and "a 90-foot-wide berm" a width. A doing still lasts a time only."""
    detour = _passage("a", "Ketchley Star", "A rockslide carried away about 300 feet of Brannock Pass Road on "
                      "Friday. Until it reopens, drivers must go around by Sallow Lane and Mere Road, a detour of "
                      "14 miles, the county engineer said.")  # fmt: skip
    answer = _answer_with_similarity("How long is the detour around the Brannock Pass slide?", [detour], encoder)
    assert answer.startswith("14 miles [1].")

    wall = _passage("b", "Varrow Tide", "Crews will build a 90-foot-wide berm of packed sand behind the Varrow "
                    "seawall this winter. The county board voted 5-0 to rebuild 0.8 miles of the seawall between "
                    "Pier Road and the marina.")  # fmt: skip
    answer = _answer_with_similarity("How long a stretch of the Varrow seawall is getting rebuilt?", [wall], encoder)
    assert answer.startswith("0.8 miles [1].")

    shut = _passage("c", "Ketchley Star", "Brannock Pass Road was shut for 11 days after about 300 feet of it washed "
                    "out, the county engineer said.")  # fmt: skip
    answer = _answer_with_similarity("How long was Brannock Pass Road shut after the slide?", [shut], encoder)
    assert answer.startswith("11 days [1].")


@pytest.mark.parametrize(("question", "text", "expected"), [
    # where a thing stands, or how high: no length of it
    ("How long is the Ostler Road fence?", "The Ostler Road fence stands 8 feet and cost $40,000.", None),
    ("How long is the Pell Creek bridge?", "The Pell Creek bridge rises 30 feet above the water.", None),
    ("How long is the Dunmere parade route?", "The Dunmere parade route starts 1 mile from the fairgrounds.", None),
    # a thing that lasts: its time, though its length is beside it
    ("How long is the Brask ferry crossing?", "The 40-mile Brask ferry crossing takes about three hours.",
     "About three hours [1]."),
    ("How long is the Lusk bridge out of service?", "The 900-foot Lusk bridge will be out of service for six weeks "
     "as crews replace its deck.", "Six weeks [1]."),
    # its length by the verb that spans it, and a time taken to build it is another doing's
    ("How long is the Corran Street tunnel?", "The Corran Street tunnel runs 1.2 miles under the harbor.",
     "1.2 miles [1]."),
    ("How long will the Pardee runway be?", "The Pardee runway of 7,200 feet will take two years to build.",
     "7,200 feet [1]."),
    # a length said in a relative clause, or by the second of two verbs; a depth said by a preposition
    ("How long is the Harbor Street boardwalk?", "Crews finished the Harbor Street boardwalk, which is 600 feet "
     "long, on Friday.", "600 feet [1]."),
    ("How long is the Harbor Street boardwalk?", "The Harbor Street boardwalk rises 8 feet above the dunes and is "
     "1,100 feet long.", "1,100 feet [1]."),
    ("How long is the Marl Street tunnel?", "The Marl Street tunnel runs 80 feet beneath the square.", None),
])  # fmt: skip
def test_a_length_answers_how_long_a_thing_is_only_when_the_parse_makes_it_the_things_length(
    question: str, text: str, expected: str | None, encoder: object
) -> None:
    answer = _answer_with_similarity(question, [_passage("a", "Pell Star", text)], encoder)
    assert answer.startswith(expected or "The articles don't say"), answer


@pytest.mark.parametrize(("question", "text", "expected"), [
    # "children" is the plural of the question's "child": "Three children" counts them, not "22 other students"
    ("How many children were hurt in the Pell Creek bus crash?", "A school bus slid off Route 4 near Pell Creek on "
     "Monday morning. Three children were hurt, none badly, and 22 other students walked away, the sheriff said.",
     "Three [1]."),
    # a count in words opening a sentence, which the model leaves untagged
    ("How many cats were seized in Pellow?", "Sixty cats were seized from a home in Pellow on Tuesday.", "Sixty"),
    # a place's population counts who live there, not the officers a city hired
    ("How many police officers has Harlow hired since it raised pay?", "Harlow, the seat of Brenn County, has about "
     "24,000 residents. The city raised officers' pay last spring.", "The articles don't say"),
    # a thing may be older than a person can be
    ("How old is the Stonebridge mill?", "The Stonebridge mill, now 180 years old, will become a museum. Owner Hal "
     "Brooks donated the building.", "180 years old [1]."),
    # a sum is no height
    ("How tall is the Norbury statue?", "The bronze statue of founder Eli Norbury cost $85,000 and will be unveiled "
     "in May.", "The articles don't say"),
    # what an institution has is no place's population: "has 31 residents" answers how many it has
    ("How many residents does the Linden Hearth nursing home have?", "The 40-bed Linden Hearth nursing home in Pell "
     "has 33 residents and 57 employees, its administrator said.", "33 residents [1]."),
    # a number of the sentence that counts the noun asked comes before one that counts another
    ("How many doctors work at the Pellworth Clinic?", "The Pellworth Clinic, with six exam rooms and four doctors, "
     "saw 8,900 patients last year, its director said.", "Four doctors [1]."),
    # and one that hangs on the question's verb before one on another verb
    ("How many dogs did the Norbury County Animal Shelter place in homes last year?", "The Norbury County Animal "
     "Shelter took in 1,520 dogs last year and placed 1,330 in homes.", "1,330 [1]."),
    ("How many stores will Pell Creek Hardware open next year?", "Pell Creek Hardware, founded in 1958, runs five "
     "stores and will open three more next year, its owner said.", "Three [1]."),
    # and for a place
    ("Where will Norbury's new water tower be built?", "Norbury's aging water tower on Main Street will be replaced "
     "within three years, the utility board said Monday. The new tower will be built on Quarry Hill, at a cost of "
     "$3 million.", "Quarry Hill [1]."),
    # a figure given for the time the question names before one given for another, unless on another verb
    ("How many books did the Norbury library lend last year?", "The Norbury library lent 12,400 books in 2022 and "
     "13,100 last year, its director said.", "13,100 [1]."),
    # of any sentence, when the best figure is given for another time
    ("What was the Norbury jobless rate in August?", "The Norbury jobless rate fell from 6.2 percent in February to "
     "5.4 percent in May. By August, it had dropped to 4.9 percent.", "4.9 percent [1]."),
    # a figure given for another time than asked answers nothing; a rate "a year" is no time
    ("What was the Norbury jobless rate in June?", "The Norbury jobless rate was 6.4 percent in March and 5.1 percent "
     "in October, state figures show.", "The articles don't say"),
    ("What is the starting pay for a Norbury officer now?", "The Norbury council raised starting pay for officers "
     "from $58,000 to $61,500 a year, the chief said.", "$61,500 [1]."),
    # the day something was said is not when it happened; "had no power" asks no population
    ("How many people were arrested at the Norbury protest on Saturday?", "Norbury police said Sunday that 45 "
     "people were arrested at the protest.", "45 people [1]."),
    ("How many Norbury residents had no power on Tuesday?", "About 3,100 Norbury homes lost power on Tuesday. "
     "Norbury has about 24,000 residents.", "About 3,100"),
    # so by how much a change went, and what a new wing adds, before the level it reached
    ("How much will the average Norbury household's water bill rise?", "The change will add about $3.90 a month to "
     "the bill of an average Norbury household, bringing it to $48.10, utility director Ada Renn said.", "About $3.90"),
    ("How many beds will the new wing at Norbury Memorial add?", "Once the new wing opens in 2026, Norbury Memorial "
     "will have 164 beds in all, up from 136 now, its chief executive said.", "The articles don't say"),
    # what was hired before the total it brought the force to; a year is no count ("the 2021 record of ...")
    ("How many new firefighters did the Norbury Fire Department hire this year?", "The Norbury Fire Department hired "
     "six new firefighters this year, bringing its roster to 52, Chief Ada Renn told the council Tuesday.", "Six"),
    ("How many visitors did Norbury Park draw in 2021?", "Norbury Park drew 310,000 visitors last year, short of "
     "the 2021 record of 356,000.", "356,000 [1]."),
    # "2,100 last year" counts families, not years
    ("How many families did the Norbury pantry serve last year?", "The Norbury pantry served 1,800 families in 2023 "
     "and 2,100 last year, its director said.", "2,100 [1]."),
    ("How many beds does Pell Memorial's burn unit have now?", "Pell Memorial Hospital will add 12 beds to its burn "
     "unit, which now has 20.", "20 [1]."),
    ("How many cats did the Norbury shelter adopt out in June?", "The Norbury shelter took in 64 cats in June and "
     "adopted out 41, its director said.", "41 [1]."),
    # so for a sum and for a person
    ("How much did the Norbury Township Board spend on snow removal?", "The Norbury Township Board set aside $60,000 "
     "for snow removal this winter but spent $91,200 after three big storms.", "$91,200 [1]."),
    ("Who did the Pell Creek Village Board appoint as treasurer?", "The Pell Creek Village Board accepted the "
     "resignation of treasurer Hilda Marsh on Monday. Trustees appointed Alma Reyes, a bookkeeper, as treasurer and "
     "thanked Marsh for 15 years of work.", "Alma Reyes [1]."),
])  # fmt: skip
def test_a_value_answers_only_the_kind_of_figure_asked(
    question: str, text: str, expected: str, encoder: object
) -> None:
    answer = _answer_with_similarity(question, [_passage("a", "Pell Star", text)], encoder)
    assert answer.startswith(expected), answer


def test_a_value_a_rule_put_behind_the_best_of_its_sentence_is_no_rival_of_it() -> None:
    """The margin the refusal model sees is to the next other value, but not to one of the best's own sentence that
    a rule put behind it ("served 1,800 families in 2023 and 2,100 last year" for last year); a value of another
    sentence ranked higher still is."""
    from rag.candidate import Candidate
    from rag.extractive import MAX_MARGIN, refusal_features
    from rag.query import analyse

    text = "The Norbury pantry served 1,800 families in 2023 and 2,100 last year. It hopes to serve 2,500 next year."
    passage = _passage("a", "Pell Star", text)
    first_end = text.index(" It hopes")

    def value(figure: str, score: float) -> Candidate:
        at = text.index(figure)
        start, end = (0, first_end) if at < first_end else (first_end + 1, len(text))
        return Candidate(0, passage, start, end, {}, [(at, at + len(figure), "CARDINAL")], score=score)

    question = analyse("How many families did the Norbury pantry serve last year?")
    chosen, sibling, elsewhere = value("2,100", 2.0), value("1,800", 5.0), value("2,500", 4.0)
    assert refusal_features([chosen, sibling], question)["margin"] == MAX_MARGIN
    assert refusal_features([chosen, sibling, elsewhere], question)["margin"] == -2.0


def test_a_place_answer_gives_the_number_of_its_address() -> None:
    """"Where will the clinic open?": "220 Main St.", not "Main St.", which the model tags without its number."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Quenlow Ledger", "Orrin Health will open an urgent care clinic next month in the former "
                                              "Tarn pharmacy building at 220 Main St. in Quenlow.")  # fmt: skip
    answer = _answer_text(analyse("Where will Orrin Health's clinic in Quenlow be?"), [passage], SAME_WORD_ONLY)
    assert answer.startswith("220 Main St. [1]")


@pytest.mark.parametrize(("question", "text", "answer"), [
    ("Who pulled the boy out of the Tarn River?", "Ada Quist, 40, was walking home from a shift at Orlow General "
     "Hospital when she saw the boy fall into the Tarn River and went in after him.", "Ada Quist"),
    # a building that does what is asked is still its answer
    ("Who will run the new Tarn clinic?", "Orlow General Hospital will run the new Tarn clinic when it opens in May, "
     "officials said.", "Orlow General Hospital"),
])  # fmt: skip
def test_a_building_where_someone_is_does_not_answer_who(question: str, text: str, answer: str) -> None:
    """"a shift at Orlow General Hospital" tells where she works, not who pulled the boy out."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Quenlow Ledger", text)
    assert _answer_text(analyse(question), [passage], SAME_WORD_ONLY).startswith(answer)


def test_a_person_of_another_kind_of_the_role_asked_does_not_answer() -> None:
    """"the name of the sedan driver": not "The van's driver, Dale Orrin"; the sedan's driver when a sentence names
    her."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    van = _passage("a", "Quenlow Ledger", "A van and a sedan collided on Route 9 near Quenlow on Friday. The van's "
                                          "driver, Dale Orrin, 52, of Quenlow, had minor injuries.")  # fmt: skip
    both = _passage("b", "Quenlow Ledger", van.text + " The sedan's driver, Ada Renn, 34, of Tarnby, was flown to "
                                                     "Orlow General Hospital.")  # fmt: skip
    question = analyse("What is the name of the sedan driver in the Route 9 crash near Quenlow?")
    assert not _answer_text(question, [van], SAME_WORD_ONLY).startswith("Dale Orrin")
    assert _answer_text(question, [both], SAME_WORD_ONLY).startswith("Ada Renn")


def test_a_weekday_answer_comes_with_its_date() -> None:
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Quenlow Ledger", "An Orlow man was arrested Thursday, Feb. 6, on charges that he set fire "
                                              "to a neighbor's garage on Jan. 28, police said.")  # fmt: skip
    answer = _answer_text(analyse("When was the Orlow man arrested?"), [passage], SAME_WORD_ONLY)
    assert answer.startswith("Thursday, Feb. 6 [1]")


def test_a_rate_given_as_a_sum_per_sum_answers_what_rate() -> None:
    """"What is the new tax rate?": "$18.42 per $1,000 of assessed value", which the model tags as a sum ("18.42")."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Quenlow Ledger", "QUENLOW - The Quenlow Select Board set the new property tax rate "
                                              "Monday at $18.42 per $1,000 of assessed value, up from $17.95 last "
                                              "year, Finance Director Ada Renn said.")  # fmt: skip
    answer = _answer_text(analyse("What is Quenlow's new property tax rate?"), [passage], SAME_WORD_ONLY)
    assert answer.startswith("$18.42 per $1,000 [1]")


def test_a_weekday_keeps_no_lowercase_word_for_a_month() -> None:
    """"Friday, may 3 members said": "may" is no month."""
    from rag.whole_values import date_with_its_day

    text = "The Orlow board met Friday, may 3 members said, and voted on the budget."
    at = text.index("Friday")
    candidate = _valued(text, "Friday", "DATE")
    assert candidate.answer == (at, at + 6, "DATE")
    assert date_with_its_day(candidate) == "Friday"


def test_a_value_a_rule_dropped_still_narrows_the_margin_of_the_next() -> None:
    """A rule that drops "25 lifeguards" for "How many swimmers?" leaves the next value no surer than before: its
    margin is counted against the value dropped, as it is against one a rule only put behind it."""
    from rag.extractive import put_aside, refusal_features
    from rag.query import analyse

    dropped = _valued("The Quell pool hired 25 lifeguards.", "25", "CARDINAL")
    best = _valued("About 300 swimmers came on Saturday.", "About 300", "CARDINAL")
    other = _valued("The pool has 6 lanes.", "6", "CARDINAL")
    dropped.score, best.score, other.score = 3.0, 1.0, 0.5
    ranked, kept = [dropped, best, other], [best, other]
    assert put_aside(ranked, kept) == [dropped]
    assert put_aside(ranked, ranked) == []
    question = analyse("How many swimmers came to the Quell pool?")
    assert refusal_features(kept, question)["margin"] == 0.5
    assert refusal_features(kept, question, dropped=put_aside(ranked, kept))["margin"] == -2.0


@pytest.mark.parametrize(
    ("question", "text", "opener"),
    [
        ("Did the Mornby council approve the pool levy?", "The Mornby council approved the pool levy 5-2 on Monday.",
         "Yes [1]."),
        ("Did the Mornby council approve the pool levy?", "The Mornby council rejected the pool levy 5-2 on Monday.",
         "No [1]."),
        ("Was anyone hurt in the Mornby mill fire?", "No one was hurt in the Mornby mill fire, the chief said.",
         "No [1]."),
        # another's deed ("voters" asked, "council" told), a plan, or a question of which: no yes or no
        ("Did Mornby voters approve the pool levy?", "The Mornby council approved the pool levy 5-2 on Monday.", None),
        ("Did the Mornby council approve the pool levy?", "The Mornby council will vote on the pool levy Monday.",
         None),
        ("Was the Mornby mill fire started by lightning or by arson?", "The Mornby mill fire was started by arson.",
         None),
        # asked of what is or will be, told as it is or is set to be
        ("Will the Mornby museum stay open while the roof gets fixed?",
         "The Mornby museum will stay open on weekends during the roof work.", "Yes [1]."),
        ("Is the Mornby clinic keeping its Saturday hours?",
         "The Mornby clinic will not keep its Saturday hours after May, its director said.", "No [1]."),
        ("Will the Mornby museum stay open while the roof gets fixed?",
         "The Mornby museum could stay open on weekends, its director said.", None),  # what may be
        ("Is Ada Renn asking the Mornby board for a recount?",
         "Asked whether she would seek a recount from the Mornby board, Ada Renn said she would not.", None),
        # the opposite state is a no; another thing kept, or another state, neither
        ("Will the Mornby museum stay open while the roof gets fixed?",
         "The Mornby museum will stay closed during the roof work.", "No [1]."),
        ("Is the Mornby clinic keeping its Saturday hours?",
         "The Mornby clinic will close on Saturdays but will keep its prenatal care program.", None),
        ("Will the Mornby museum stay open while the roof gets fixed?",
         "The Mornby museum will stay in business during the roof work.", None),
    ],
)  # fmt: skip
def test_a_yes_or_no_question_is_answered_yes_or_no_when_the_sentence_tells_its_case(
    question: str, text: str, opener: str | None, encoder: object
) -> None:
    """"Did the council approve the levy?" is answered "Yes [1]." then the sentence, when the sentence tells the
    question's own deed of the same ones as done; "No [1]." when it tells it as not done or the other outcome."""
    from rag.models import CANNOT_ANSWER

    answer = _answer_with_similarity(question, [_passage("m", "Mornby Courier", text)], encoder)
    if opener is None:
        assert not answer.startswith(("Yes", "No"))
    else:
        assert answer != CANNOT_ANSWER and answer.startswith(opener)


def test_the_one_hired_to_do_the_act_asked_about_is_who_does_it(encoder: object) -> None:
    """"Who is repairing the Tansy Road bridge?": the lead's board approved the contract, and the next sentence's
    "hire Brackwell Paving to repair the bridge" makes the firm the one that repairs (the object of "hire" does
    the infinitive's act); asked whom the board hired, the firm is answered as the one hired."""
    article = _passage("a", "Orlby Ledger", (
        "ORLBY - Tansy Road, closed since its bridge cracked during the March ice storm, should reopen by June 1 "
        "under a contract approved Monday by the Orlby Town Board.\n\nThe board voted 4-1 to hire Brackwell Paving "
        "of Dunmere to repair the bridge for $286,000. The company was one of three bidders."))  # fmt: skip
    assert _answer_with_similarity("who's repairing the Tansy Road bridge?", [article], encoder).startswith(
        "Brackwell Paving")
    assert _answer_with_similarity("Whom did the Orlby board hire to repair the Tansy Road bridge?", [article],
                                   encoder).startswith("Brackwell Paving")  # fmt: skip


def test_a_name_of_the_thing_a_who_question_asks_about_is_no_answer(encoder: object) -> None:
    """"Who was behind the campaign against the Tarnby middle school bond?": "a bond to build a new Quell Middle
    School" names the school the bond is for, not anyone behind a campaign; the group's leader answers. A school
    that does something ("Quell Middle School will pay ...") is still a who answer."""
    article = _passage("a", "Tarnby Ledger", (
        "TARNBY - The $38 million bond to build a new Quell Middle School failed Tuesday, 2,210 votes to 2,046. The "
        "main organized opposition came from Tarnby Taxpayers United, a group led by retired banker Ione Pratt, "
        "68."))  # fmt: skip
    answer = _answer_with_similarity("Who was behind the campaign against the Tarnby middle school bond?", [article],
                                    encoder)
    assert "Quell Middle School [1]" not in answer and "Ione Pratt" in answer
    from rag.answer_entities import _does_something, _the_thing_asked_about

    paying = "Quell Middle School will pay $210,000 of the cost of its new roof, and the county will pay the rest."
    assert _the_thing_asked_about("Quell Middle School", "Who is paying for the middle school roof?")
    assert _does_something(paying, 0, 19, 0, len(paying), acts=True)
    needing = "Quell Middle School needs $2 million in repairs."
    assert not _does_something(needing, 0, 19, 0, len(needing), acts=True)


def test_the_firm_given_another_job_is_not_answered_in_words_of_its_own(encoder: object) -> None:
    """"Who got the plumbing contract for the Orlby library?": the roofing contract's firm is no answer, though the
    one given a job is answered when it shares few words with the question."""
    article = _passage("a", "Orlby Ledger", (
        "ORLBY - The Orlby Town Board on Monday approved the last contracts for the library's renovation. The "
        "roofing contract went to Tallis Roofing Co., the lowest of three bidders."))  # fmt: skip
    assert "Tallis" not in _answer_with_similarity("Who got the plumbing contract for the Orlby library?",
                                                      [article], encoder)
    assert _answer_with_similarity("Who got the roofing contract for the Orlby library?", [article],
                                   encoder).startswith("Tallis Roofing")


def test_a_number_that_names_one_of_a_kind_counts_nothing() -> None:
    """"Routes 3 and 11", "Precinct 7": the number names a route or a precinct, so it answers no "how many"
    question; a count in the same story still does."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Pellwyn Courier", "Pellwyn Transit moved Routes 3 and 11 to the Garber Street station's "
                       "bus loop on Monday to meet the trains.")  # fmt: skip
    answer = _answer_text(analyse("How many trains stop at the Garber Street station on Sundays?"), [passage],
                          SAME_WORD_ONLY)  # fmt: skip
    assert not answer[:1].isdigit()  # not "3 and 11 [1]"
    counted = _passage("b", "Pellwyn Courier", "Pellwyn Transit moved Routes 3 and 11 to the Garber Street station "
                       "on Monday. The agency now runs 24 buses on nine routes.")  # fmt: skip
    answer = _answer_text(analyse("How many buses does Pellwyn Transit run?"), [counted], SAME_WORD_ONLY)
    assert answer.startswith("24 [1]")


def test_a_sum_given_per_one_thing_is_no_cost_unless_the_question_asks_the_price_of_one() -> None:
    """"$2.85 for every ton of trash" is the price of each ton: it answers what the town pays for each ton, or what
    the host fee is, not what the expansion will cost."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Coldwell Ledger", "Under the new deal, Varney will pay Coldwell County a host fee of "
                       "$2.85 for every ton of trash it buries at the Ashmore landfill, up from $2.10.")  # fmt: skip
    cost = _answer_text(analyse("How much will it cost Varney to build the Ashmore landfill expansion?"), [passage],
                        SAME_WORD_ONLY)  # fmt: skip
    assert not cost.startswith("$")  # neither the rate nor the one it rose from ("up from $2.10")
    ranged = _passage("d", "Coldwell Ledger", "Varney will raise the host fee it pays Coldwell County from $1.85 to "
                      "$2.40 per ton of waste.")  # fmt: skip
    bought = _answer_text(analyse("How much did Varney pay Coldwell County for the Ashmore landfill in 2005?"),
                          [ranged], SAME_WORD_ONLY)  # fmt: skip
    assert not bought.startswith("$")
    for question in ("How much will Varney pay Coldwell County for each ton it buries at Ashmore?",
                     "What is Varney's new host fee at the Ashmore landfill?"):  # fmt: skip
        assert _answer_text(analyse(question), [passage], SAME_WORD_ONLY).startswith("$2.85"), question
    grant = _passage("b", "Coldwell Ledger", "The Coldwell County flood fund will give $4,000 per household to "
                     "families whose homes flooded in May.")  # fmt: skip
    got = _answer_text(analyse("How much can a household get from the Coldwell County flood fund?"), [grant],
                       SAME_WORD_ONLY)  # fmt: skip
    assert got.startswith("$4,000")
    wage = _passage("c", "Coldwell Ledger", "Ames said Dorsey earns a wage of $26 an hour at the Varney plant.")
    assert _answer_text(analyse("What wage does Dorsey earn?"), [wage], SAME_WORD_ONLY).startswith("$26")


def test_a_name_told_in_full_and_in_short_is_no_rival_of_itself() -> None:
    """"Halvern" and "Halvern Property Group" are one answer: the margin the refusal model sees is to the next
    other name."""
    from rag.candidate import Candidate
    from rag.extractive import refusal_features
    from rag.query import analyse

    text = ("Marcus Dell, a Halvern vice president, said building starts in spring. Halvern Property Group won "
            "approval last year. Soren Vale Development proposed a tower nearby.")  # fmt: skip
    passage = _passage("a", "Pell Star", text)

    def named(name: str, score: float, nth: int = 0) -> Candidate:
        at = text.index(name) if not nth else text.index(name, text.index(name) + 1)
        return Candidate(0, passage, 0, len(text), {}, [(at, at + len(name), "ORG")], score=score)

    question = analyse("Which company is redeveloping the Brackett Commons mall?")
    short, full, other = named("Halvern", 2.0), named("Halvern Property Group", 1.9), named("Soren Vale", 1.0)
    assert round(refusal_features([short, full, other], question)["margin"], 6) == 1.0
    assert round(refusal_features([full, other], question)["margin"], 6) == 0.9
    # two names that share only the question's own name are two answers
    asked = analyse("Which company is redeveloping the Halvern Commons mall?")
    assert round(refusal_features([short, full, other], asked)["margin"], 6) == 0.1
    # a place and a longer name that holds it are two
    places = "Brennock County voters rejected the levy. The Brennock County Library will cut its hours."

    def place(name: str, score: float, label: str) -> Candidate:
        at = places.index(name)
        return Candidate(0, _passage("b", "Pell Star", places), 0, len(places), {}, [(at, at + len(name), label)],
                         score=score)  # fmt: skip

    library, county = place("Brennock County Library", 1.5, "GPE"), place("Brennock County", 1.3, "GPE")
    assert round(refusal_features([library, county], analyse("Where is the Pell group based?"))["margin"], 6) == 0.2


def test_a_word_that_only_describes_what_a_sum_is_asked_for_need_not_be_in_its_sentence() -> None:
    """"the final price tag on the wing": "final" describes the price; "The wing cost $4.2 million" gives it. A
    sentence that names nothing the sum is asked for still does not."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Orlow Ledger", "The Pell Wing at the Orlow museum opened Saturday. The wing cost $4.2 "
                       "million, well above the first estimate.")  # fmt: skip
    answer = _answer_text(analyse("What was the final price tag on the Pell Wing?"), [passage], SAME_WORD_ONLY)
    assert answer.startswith("$4.2 million [1]")
    other = _passage("b", "Orlow Ledger", "The Pell Wing at the Orlow museum opened Saturday. Parking in the new "
                     "garage costs $2 a day.")  # fmt: skip
    assert not _answer_text(analyse("What was the final price tag on the Pell Wing?"), [other],
                            SAME_WORD_ONLY).startswith("$")  # fmt: skip


def test_a_number_before_two_nouns_joined_by_and_counts_the_one_asked_about(encoder: object) -> None:
    """"19 arts and civic organizations": the parser hangs the number on "arts"; it counts organizations."""
    from rag.query import analyse
    from rag.word_likeness import EncoderWordLikeness

    passage = _passage("a", "Pell Star", "The Pell Arts Council awarded $210,000 to 19 arts and civic organizations "
                       "in its fall grant round.")  # fmt: skip
    answer = _answer_text(analyse("How many organizations got money in the Pell Arts Council's fall round?"),
                          [passage], EncoderWordLikeness(encoder))  # type: ignore[arg-type]  # fmt: skip
    assert answer.startswith("19 [1]")


def test_what_street_asks_for_a_place() -> None:
    """"What street is the Orlow Lyric on?" asks the street's name, as "Where is ...?" would; "What site ...?" is
    answered by the sentence that names it (the model seldom tags a site as a place)."""
    from rag.query import analyse
    from rag.word_likeness import SAME_WORD_ONLY

    passage = _passage("a", "Orlow Star", "The Orlow council voted to restore the Lyric Theater on Kessel Street, "
                       "the 1931 movie house.")  # fmt: skip
    assert _answer_text(analyse("What street is Orlow's Lyric Theater on?"), [passage],
                        SAME_WORD_ONLY).startswith("Kessel Street [1]")  # fmt: skip
    town = _passage("b", "Orlow Star", "The Pell Arena in Tarnwood seats 4,000 and opened in 1998. Pike, a junior, "
                    "scored 14 points there.")  # fmt: skip
    assert not _answer_text(analyse("What street is the Pell Arena on?"), [town], SAME_WORD_ONLY).startswith(
        ("Tarnwood", "Pike"))  # a town is no street, nor a player named Pike
    assert analyse("What site did the Orlow board pick for the new school?").answer_type == "description"
    assert analyse("What streets will be repaved?").answer_type == "list"  # several: a list


def test_a_way_asked_by_its_preposition_is_no_destination(encoder: object) -> None:
    """"Along what road would the panels have gone?" asks the road they would stand along, not where anyone goes:
    "will appeal to the Quarrow County Circuit Court" is no answer."""
    passage = _passage("a", "Quarrow Star", "The board voted 4-1 against the Halvard solar farm, which would have "
                       "covered 540 acres on four farms along County Road 12. Halvard said it will appeal to the "
                       "Quarrow County Circuit Court.")  # fmt: skip
    answer = _answer_with_similarity("Along what road would the Halvard solar panels have gone?", [passage], encoder)
    assert answer.startswith("County Road 12 [1]")


@pytest.mark.parametrize(("question", "text", "expected"), [
    # what a lawsuit asks is told as damages a complaint seeks
    ("How much money is Tarnby Homes asking for in its lawsuit against Orlow?",
     "Tarnby Homes sued Orlow on Friday. The complaint asks a judge to overturn the denial and seeks $3.5 million in "
     "damages.", "$3.5 million [1]"),
    # the sum of a contract is what is paid for what its sentence names
    ("How much is Orlow paying Northgate for the revaluation?",
     "The Orlow revaluation was performed by Northgate Valuation Co. under a $386,000 contract approved last year.",
     "$386,000 [1]"),
])  # fmt: skip
def test_a_sum_told_in_other_words_than_the_questions_answers_it(question: str, text: str, expected: str,
                                                                 encoder: object) -> None:  # fmt: skip
    passage = _passage("a", "Orlow Star", text)
    assert _answer_with_similarity(question, [passage], encoder).startswith(expected)


def test_a_contracts_sum_is_the_price_of_what_its_clause_buys(encoder: object) -> None:
    """"voted to buy a ladder truck, awarding a $1.2 million contract": the truck's price, not what fixing the
    station so the truck fits will cost."""
    passage = _passage("a", "Orlow Star", "The Orlow Town Council voted 6-1 on Monday to buy the town's first ladder "
                       "truck, awarding a $1.2 million contract to Pell Fire Equipment.")  # fmt: skip
    assert _answer_with_similarity("What's the price tag on Orlow's new ladder truck?", [passage],
                                   encoder).startswith("$1.2 million [1]")  # fmt: skip
    assert not _answer_with_similarity("How much will it cost to fix up the Orlow fire station so the ladder truck "
                                       "fits?", [passage], encoder).startswith("$1.2 million")  # fmt: skip


def test_who_got_the_contract_is_refused_when_no_sentence_gives_anyone_one(encoder: object) -> None:
    """"Who got the contract for the renovation?": the trustees who voted no got nothing, and no sentence gives the
    work to anyone; "The vote gives the work to Tarnby Civil Constructors" does."""
    from rag.models import CANNOT_ANSWER

    voted = _passage("a", "Hollis Star", "The Hollis County Memorial board approved a $12 million renovation of the "
                     "emergency room on Tuesday. The vote was 5-2, with trustees Ron Haskett and Lydia Ferro voting "
                     "no. Construction begins in April.")  # fmt: skip
    assert _answer_with_similarity("Who got the contract for the Hollis County Memorial emergency room renovation?",
                                   [voted], encoder).startswith(CANNOT_ANSWER)  # fmt: skip
    given = _passage("b", "Orlow Star", "The Orlow council voted 4-1 on Monday to widen Pell Pike. The vote gives the "
                     "work to Tarnby Civil Constructors of Gorse, the lowest of four bidders.")  # fmt: skip
    assert _answer_with_similarity("Which firm won the contract to widen Pell Pike?", [given],
                                   encoder).startswith("Tarnby Civil Constructors [1]")  # fmt: skip


# Written for these tests: a quotation told over two sentences, then another over two more.
_FENN = (
    "The Varrow council met on Tuesday to vote on the new bridge.\n"
    "“We have waited long enough for a new bridge. It will open next spring,” Mayor Odile Fenn told the Varrow "
    "Courier. “The main thing is to keep the ferry running. Nobody will be stranded.”\n"
    "The bridge will cost $12 million, the council said."
)


def test_a_sentence_inside_a_quotation_is_widened_to_the_whole_quotation_never_into_the_next() -> None:
    """"It will open next spring,” Fenn told ... “The main thing ..." opens as many quotation marks as it closes,
    yet starts inside one quotation and ends inside another: the answer widens it to the sentence that opens its
    quotation, and the one ending inside the next quotation to the sentence that closes it."""
    from rag.candidate import sentence_spans
    from rag.extractive import _balanced_span

    passage = _passage("v", "Varrow Courier", _FENN)
    spans = sentence_spans(passage)
    texts = [_FENN[s:e] for s, e in spans]
    opening = next(i for i, t in enumerate(texts) if t.startswith("“We have"))
    assert texts[opening + 1].startswith("It will open")  # the split this test is about
    widened = _balanced_span(passage, *spans[opening + 1])
    assert widened == (spans[opening][0], spans[opening + 1][1])
    assert _balanced_span(passage, *spans[opening + 2]) == (spans[opening + 2][0], spans[opening + 3][1])


def test_an_answer_carries_no_half_quotation() -> None:
    from rag.answer_text import balanced_quotes
    from rag.candidate import Candidate, sentence_spans
    from rag.extractive import _cited_in_order

    passage = _passage("v", "Varrow Courier", _FENN)
    spans = sentence_spans(passage)
    lead, waited, spring, main, stranded, cost = (Candidate(0, passage, s, e, {}) for s, e in spans)
    for chosen in ([spring, lead], [spring, main], [stranded, cost], [lead, spring, main, stranded]):
        cited = _cited_in_order(chosen, chosen[0])
        assert cited and all(balanced_quotes(c.text) for c in cited)
        assert all(balanced_quotes(piece) for c in cited for piece in c.pieces)
        assert all(balanced_quotes(q.text) for c in cited for q in c.quotes)
    (only,) = _cited_in_order([spring], spring)
    assert only.text.startswith("“We have waited") and only.text.endswith("Varrow Courier.")


@pytest.mark.parametrize("question", ["?", "🙂🙂🙂", "奥洛镇的新桥什么时候开通？"])
def test_a_question_with_no_english_word_is_refused_with_a_notice_saying_so(question: str) -> None:
    """Whatever a question with nothing to look for matched would be chance: it is refused, and the notice asks for
    a question in English words."""
    from rag.messages import NO_WORDS_TO_LOOK_FOR
    from rag.models import CANNOT_ANSWER
    from rag.query import analyse

    passage = _passage("v", "Varrow Courier", _FENN)
    answer = extractive_answer_of(analyse(question), [passage])
    assert answer.abstained and answer.answer == CANNOT_ANSWER and answer.notice == NO_WORDS_TO_LOOK_FOR
    assert not answer.citations


def extractive_answer_of(question: "QuestionAnalysis", passages: list["Passage"]) -> "Answer":
    from rag.extractive import extractive_answer

    return extractive_answer(question, passages, idf=lambda stem: 1.0)
