"""Follow-ups resolved by reference (rag.chat): pronouns, "that", "there", "the call" and "next" stand for what the
earlier turns named; a question that names its own subject is left alone."""

from __future__ import annotations

import pytest

from rag.assistant import Assistant
from rag.chat import Conversation, looks_like_follow_up, resolve_follow_up
from rag.models import Answer
from rag.query import analyse


def chat(*turns: tuple[str, str]) -> Conversation:
    conversation = Conversation()
    for question, answer in turns:
        conversation.add(Answer(question=question, answer=answer))
    return conversation


def test_references_are_found_by_the_parse() -> None:
    assert looks_like_follow_up("What did she say about the levy?")
    assert looks_like_follow_up("And when was that?")
    assert looks_like_follow_up("What happened there?")
    assert not looks_like_follow_up("Which county agent counted the hail damage?")
    assert not looks_like_follow_up("Did the council say that the levy failed?")


def test_she_is_the_person_the_previous_answer_named() -> None:
    conversation = chat(("Who counted the damaged farm buildings?", "Marisol Ybarra [1]."))
    assert resolve_follow_up("What is her job?", conversation) == "What is Marisol Ybarra's job?"


def test_that_is_the_event_of_the_previous_question() -> None:
    conversation = chat(("What did Sheriff Pruett say about the curfew?", "Pruett said the curfew would end. [1]"))
    rewritten = resolve_follow_up("And when was that?", conversation)
    assert rewritten is not None and rewritten.startswith("And when was that (") and "Pruett" in rewritten


def test_it_is_the_thing_asked_about_with_its_number_and_never_a_date() -> None:
    conversation = chat(("How is Route 9 changing in March 2025?", "Route 9 will no longer run down Elm Street. [1]"))
    assert resolve_follow_up("Where will Orlow riders catch it instead?", conversation) == (
        "Where will Orlow riders catch it (Route 9) instead?"
    )


def test_it_is_the_thing_the_name_owns_not_the_words_that_asked_or_the_things_counted() -> None:
    conversation = chat(("How many beds does Oxley General Hospital's new maternity wing have?", "24 [1]."))
    assert resolve_follow_up("How did the hospital pay for it?", conversation) == (
        "How did the hospital pay for it (Oxley General Hospital, new maternity wing)?"
    )
    # an earlier rewrite's brackets are no part of the thing either
    rewritten = chat(("How many beds does its (Oxley General Hospital) new maternity wing have?", "24 [1]."))
    assert resolve_follow_up("How did the hospital pay for it?", rewritten) == (
        "How did the hospital pay for it (Oxley General Hospital, new maternity wing)?"
    )


def test_there_is_where_the_question_put_it_whatever_the_model_took_the_name_for() -> None:
    closing = chat(("Which company is closing its foundry in Oxley?", "Tarn Castings will close its foundry on Mill Road."))
    assert resolve_follow_up("How many jobs will be lost there?", closing) == "How many jobs will be lost in Oxley?"
    plant = chat(("What happened in March at the Oxley plant?", "It closed. [1]"))
    assert resolve_follow_up("How many people worked there?", plant) == "How many people worked at the Oxley plant?"


def test_there_after_which_park_is_the_park_the_answer_named_said_at_the_end() -> None:
    """A name often ends with its kind ("Brennick Park"); the place goes to the end of the question, where the
    parser reads "cost" as the verb it is (in the middle it took "Park cost" for a noun)."""
    parks = chat(("Which park reopened in Oxley in June?", "Brennick Park [1]. Brennick Park reopened on June 2. [1]"))
    assert resolve_follow_up("What did the work there cost?", parks) == "What did the work cost in Brennick Park?"
    assert analyse("What did the work cost in Brennick Park?").answer_type == "money"


def test_it_after_which_company_is_the_company_the_answer_named() -> None:
    closing = chat(("Which company is closing its foundry in Oxley?", "Tarn Castings will close its foundry on Mill Road."))
    assert resolve_follow_up("What did it say about the workers?", closing) == (
        "What did Tarn Castings say about the workers?"
    )


def test_a_pronoun_the_asked_for_subject_says_of_itself_is_left_alone() -> None:
    closing = chat(("Which company is closing its foundry in Oxley?", "Tarn Castings will close its foundry on Mill Road."))
    assert resolve_follow_up("Which employer said it would hold a hiring event for those workers?", closing) is None
    assert resolve_follow_up("Who said she would run again?", closing) is None
    # the asked-for phrase is the object here, and "they" are the people asked about before
    talks = chat(("What did Mayor Kell and Judge Ortiz discuss?", "Tariffs. [1]"))
    assert resolve_follow_up("Which big oil buyers does the article say they would hit?", talks) == (
        "Which big oil buyers does the article say Kell and Ortiz would hit?"
    )

    # "who" asks for a person, and "it" is never one: it is what the previous turn was about
    bridge = chat(("What happened to the Ravelin footbridge in Quenby?", "It was closed after a crack was found. [1]"))
    rewritten = resolve_follow_up("Who said it was unsafe?", bridge)
    assert rewritten is not None and rewritten.startswith("Who said it (") and "Ravelin" in rewritten
    assert resolve_follow_up("Whose firm said it would bid?", bridge) is None  # asks for a firm, which "it" is


def test_there_is_said_at_the_end_of_its_own_clause_never_past_punctuation_or_another_clause() -> None:
    """The place goes to the end of the clause that holds "there", not of the question: "... and why in Quenby?"
    would say it of the second clause, and a "there" before a comma would leave the comma behind."""
    flooded = chat(("How many homes flooded in Quenby?", "About 40 [1]."))
    assert resolve_follow_up("Who went there, and why?", flooded) == "Who went in Quenby, and why?"
    assert resolve_follow_up("Who was mayor there when the river rose?", flooded) == (
        "Who was mayor in Quenby when the river rose?"
    )
    assert resolve_follow_up("How long did the cleanup there take, and who paid?", flooded) == (
        "How long did the cleanup take in Quenby, and who paid?"
    )
    assert resolve_follow_up("There, what happened?", flooded) == "In Quenby, what happened?"
    two = resolve_follow_up("What is the rent there? Who pays it?", flooded)
    assert two is not None and two.startswith("What is the rent in Quenby? Who pays it")
    # where the question put it is the phrase that holds the name, not one the name's phrase hangs on
    speech = chat(("What did Ada Fenn say in her speech at Corran Town Hall?", "She backed the levy. [1]"))
    assert resolve_follow_up("Who else spoke there?", speech) == "Who else spoke at Corran Town Hall?"
    meeting = chat(("What did the council decide at its meeting in Corran on Monday?", "To raise fees. [1]"))
    assert resolve_follow_up("Who spoke there?", meeting) == "Who spoke in Corran?"


def test_it_after_which_company_is_the_name_the_answer_gives_for_the_thing_asked() -> None:
    """The company the answer tells of, not the outlet that tells it, the title before a person, nor the half of
    a name before its possessive."""
    question = "Which company is closing its depot in Corran?"

    def it_after(answer: str) -> str | None:
        return resolve_follow_up("When will it close?", chat((question, answer)))

    assert "Wexby" not in (it_after("According to the Wexby Courier, Harbeck Freight will close the depot. [1]") or "")
    assert it_after("St Aldric's Logistics will shut the depot by June. [1]") == (
        "When will St Aldric's Logistics close?"
    )
    hospital = chat(
        ("Which hospital in Tollbridge is closing a ward?", "St Aldric's Hospital will close it in May. [1]")
    )
    assert resolve_follow_up("How many beds are there?", hospital) == "How many beds are in St Aldric's Hospital?"
    councillor = chat(("Which councillor voted against the Corran budget?", "Councillor Wim Osei [1]."))
    assert "Councillor passed" not in (resolve_follow_up("When was it passed?", councillor) or "")


def test_a_question_opening_with_and_goes_on_with_the_previous_one_unless_it_names_its_own() -> None:
    conversation = chat(("How is Route 9 changing in March 2025?", "Route 9 will no longer run down Elm Street. [1]"))
    assert resolve_follow_up("And what does a ride cost?", conversation) == (
        "And what does a ride cost (Route 9, March 2025)?"
    )
    assert looks_like_follow_up("And what does a ride cost?")
    assert resolve_follow_up("And what did Mayor Kell say?", conversation) is None
    assert resolve_follow_up("What does a ride cost?", conversation) is None
    # a year or a number is no name of its own: the question still goes on with the one before
    spent = chat(("How much did Orlow County spend on its new jail?", "$4 million [1]."))
    rewritten = resolve_follow_up("And in 2022?", spent)
    assert rewritten is not None and rewritten.startswith("And in 2022 (") and "Orlow County" in rewritten
    assert resolve_follow_up("And?", spent) is None


@pytest.mark.parametrize(
    ("follow_up", "rewritten"),
    [
        ("And the May meeting?", "How long did the May meeting of the Varrow council last?"),
        ("What about the budget meeting?", "How long did the budget meeting of the Varrow council last?"),
        ("And in May?", "How long did the May meeting of the Varrow council last?"),
        ("And the meeting in March?", "How long did the March meeting of the Varrow council last?"),
        ("And the Orlow council?", "How long did the June 10 meeting of the Orlow council last?"),
    ],
)
def test_a_fragment_naming_its_own_event_or_date_asks_the_question_again_in_its_place(follow_up: str,
                                                                                     rewritten: str) -> None:
    """"And the May meeting?" asks the previous question of another meeting: its own replaces the earlier one
    (never both, which would search for the earlier one)."""
    conversation = chat(("How long did the June 10 meeting of the Varrow council last?", "About three hours [1]."))
    assert resolve_follow_up(follow_up, conversation) == rewritten


def test_a_date_of_its_own_takes_the_place_of_the_earlier_date_with_its_preposition() -> None:
    spent = chat(("How much did Orlow County spend on its new jail last year?", "$4 million [1]."))
    assert resolve_follow_up("And in 2022?", spent) == "How much did Orlow County spend on its new jail in 2022?"
    assert resolve_follow_up("And the old jail?", spent) == "How much did Orlow County spend on the old jail last year?"
    approved = chat(("What did the Varrow council approve on June 2?", "A levy [1]."))
    assert resolve_follow_up("And on July 7?", approved) == "What did the Varrow council approve on July 7?"
    assert resolve_follow_up("And in August?", approved) == "What did the Varrow council approve in August?"


def test_a_definite_noun_qualified_in_words_of_its_own_names_its_own() -> None:
    """"the May meeting" after "the June 10 meeting" is another meeting; "the meeting" is the same one."""
    conversation = chat(("How long did the June 10 meeting of the Varrow council last?", "About three hours [1]."))
    assert resolve_follow_up("How long did the May meeting last?", conversation) is None
    assert resolve_follow_up("Who chaired the budget meeting?", conversation) is None
    assert resolve_follow_up("How long did the meeting last?", conversation) == "How long did the June 10 meeting last?"
    assert resolve_follow_up("And the meeting?", conversation) == "And the June 10 meeting?"


def test_a_definite_noun_becomes_the_previous_turns_fuller_phrase() -> None:
    conversation = chat(("What did the council decide at the June 10 meeting?", "It passed the budget. [1]"))
    assert resolve_follow_up("How long did the meeting last?", conversation) == "How long did the June 10 meeting last?"


def test_there_is_the_last_place_and_they_are_the_people_asked_about() -> None:
    conversation = chat(("Where did the tornado touch down?", "Alder Springs [1]."))
    assert resolve_follow_up("Who declared an emergency there?", conversation) == (
        "Who declared an emergency in Alder Springs?"
    )
    pair = chat(("What did Ada Whitlow and Gerald Pino say about the budget?", "They opposed it. [1]"))
    assert resolve_follow_up("Why did they vote no?", pair) == "Why did Ada Whitlow and Gerald Pino vote no?"


def test_a_definite_noun_takes_the_qualified_phrase_of_an_older_question() -> None:
    conversation = chat(
        ("Who voted against putting Lanford County's library levy on the ballot?", "Ada Whitlow [1]."),
        ("Why did she vote no?", "She said the levy was too large. [1]"),
    )
    assert resolve_follow_up("How did the levy do at the polls?", conversation) == (
        "How did Lanford County's library levy do at the polls?"
    )


def test_there_is_the_place_asked_about_unless_the_question_asked_where() -> None:
    conversation = chat(
        ("What did the sheriff declare after the flood in Pike County?", "An emergency, with help from Maple County. [1]")
    )
    assert resolve_follow_up("How many homes flooded there?", conversation) == "How many homes flooded in Pike County?"


def test_a_title_alone_is_nobody() -> None:
    conversation = chat(("Where is Whitlow a senior fellow?", "Speaking after Mr Whitlow spoke, the analyst wrote. [1]"))
    rewritten = resolve_follow_up("What device did she say Whitlow introduced?", conversation)
    assert rewritten is None or "Mr say" not in rewritten


def test_the_answer_to_where_is_no_person() -> None:
    conversation = chat(("Where is Whitlow a senior fellow?", "Corvale Policy Institute [1]."))
    rewritten = resolve_follow_up("What did she say about the levy?", conversation)
    assert rewritten is None or "Corvale" not in rewritten


def test_a_question_naming_its_own_subject_is_left_alone() -> None:
    conversation = chat(("What did Sheriff Pruett say about the curfew?", "Pruett said the curfew would end. [1]"))
    assert resolve_follow_up("Who is Marisol Ybarra?", conversation) is None
    assert resolve_follow_up("How many farm buildings lost roofs in Pell County?", conversation) is None
    assert resolve_follow_up("What did he say?", Conversation()) is None


def test_history_is_bounded_in_tokens() -> None:
    conversation = Conversation(max_tokens=200)
    for i in range(20):
        conversation.add(Answer(question=f"Question number {i} about the call?", answer="word " * 40))
    assert len(conversation.turns) < 20
    assert conversation.turns[-1].question == "Question number 19 about the call?"


def test_peskov_then_when_was_that(assistant: Assistant) -> None:
    conversation = assistant.new_conversation()
    first = assistant.ask("What did Peskov say on state television?", conversation=conversation)
    assert first.rewritten_query is None and not first.abstained
    follow = assistant.ask("And when was that?", conversation=conversation)
    assert follow.rewritten_query and "Peskov" in follow.rewritten_query
    assert follow.answer.startswith("July 20 [1]")


def test_who_is_ushakov_after_a_peskov_question_is_about_ushakov(assistant: Assistant) -> None:
    conversation = assistant.new_conversation()
    assistant.ask("What did Peskov say on state television?", conversation=conversation)
    answer = assistant.ask("Who is Ushakov?", conversation=conversation)
    assert answer.rewritten_query is None
    assert "(context:" not in (answer.rewritten_query or "")
    assert not answer.abstained and all("Ushakov" in c.quote for c in answer.citations[:1])
    assert answer.answer.startswith("Kremlin aide Yur")  # who he is, not what he said


def test_a_follow_up_in_a_chat_on_other_text(rules_assistant: Assistant) -> None:
    conversation = rules_assistant.new_conversation()
    first = rules_assistant.ask("Who declared a state of emergency after the Alder Springs tornado?",
                                conversation=conversation)  # fmt: skip
    assert first.answer.startswith("Dana Pruett")
    follow = rules_assistant.ask("Was anyone seriously hurt, according to him?", conversation=conversation)
    assert follow.rewritten_query and "Dana Pruett" in follow.rewritten_query
    assert any("seriously hurt" in c.quote for c in follow.citations)
