"""Follow-up questions without an LLM: rewritten by carrying the previous turn's subjects."""

from __future__ import annotations

from rag.assistant import Assistant
from rag.chat import Conversation, carry_subjects, looks_like_follow_up, speakers
from rag.models import Answer


def test_follow_up_detection() -> None:
    assert looks_like_follow_up("What did he say about the weapons?")
    assert looks_like_follow_up("And the sanctions?")
    assert not looks_like_follow_up("Which Kremlin aide briefed reporters on the Trump Putin call?")


def test_follow_up_carries_the_previous_subjects(assistant: Assistant) -> None:
    conversation = assistant.new_conversation()
    first = assistant.ask("Who is the Kremlin spokesman Dmitry Peskov?", conversation=conversation)
    assert first.rewritten_query is None
    follow = assistant.ask("What did he say on state television?", conversation=conversation)
    assert follow.rewritten_query is not None and "peskov" in follow.rewritten_query.lower()
    assert not follow.abstained
    assert any("Peskov" in c.quote or "state television" in c.quote for c in follow.citations)


def test_weapons_follow_up(assistant: Assistant) -> None:
    conversation = assistant.new_conversation()
    assistant.ask("What did Ushakov say about the Trump Putin call?", conversation=conversation)
    follow = assistant.ask("What did he say about the weapons?", conversation=conversation)
    assert follow.rewritten_query and "ushakov" in follow.rewritten_query.lower()
    assert "weapons" in follow.answer.lower() or "shipments" in follow.answer.lower()


def test_history_is_bounded_in_tokens() -> None:
    conversation = Conversation(max_tokens=200)
    for i in range(20):
        conversation.add(Answer(question=f"Question number {i} about the call?", answer="word " * 40))
    assert len(conversation.turns) < 20
    assert conversation.turns[-1].question == "Question number 19 about the call?"


def test_standalone_question_is_not_rewritten() -> None:
    conversation = Conversation()
    conversation.add(Answer(question="Who is Peskov?", answer="Peskov is the Kremlin spokesman."))
    assert carry_subjects("Which EU sanctions package was adopted against Russian oil in May?", conversation) is None


def test_speakers_are_found_at_the_start_of_a_sentence() -> None:
    assert speakers("Frederiksen said the US should help. “It is about Europe,” she said.") == ["frederiksen"]
    assert speakers("The Kremlin said nothing, and Peskov's deputy told reporters little.") == ["kremlin"]


def test_follow_up_about_a_speaker_named_only_at_a_sentence_start(assistant: Assistant) -> None:
    conversation = assistant.new_conversation()
    assistant.ask("Who said the war has never been about Ukraine but about Europe?", conversation=conversation)
    follow = assistant.ask("What country is she the prime minister of?", conversation=conversation)
    assert follow.rewritten_query and "frederiksen" in follow.rewritten_query.lower()
    assert "Danish Prime Minister" in follow.answer or "Denmark" in follow.answer
