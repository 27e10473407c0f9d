"""The mood of a question or a clause (rag.moods), on questions and sentences written for these tests."""

from __future__ import annotations

import pytest

from rag.query import analyse


@pytest.mark.parametrize(
    ("question", "so_far"),
    [
        ("How many workers has the Harwick plant hired?", True),
        ("How many workers has the Harwick plant hired so far?", True),
        # "has" of a clause on a noun says nothing of the time the question asks about
        ("How many jobs did the firm that has bought the Harwick mill cut?", False),
        ("How many people did the storm that has battered Harwick kill?", False),
    ],
)
def test_only_the_questions_own_verb_in_the_present_perfect_asks_what_is_done_so_far(question: str,
                                                                                     so_far: bool) -> None:  # fmt: skip
    assert analyse(question).so_far is so_far


@pytest.mark.parametrize(
    ("question", "predicate", "mood"),
    [
        ("How many drivers has Corvale Dairy hired so far?", "hire", "realised"),
        ("How many years in prison was Dale Orrin sentenced to?", "sentence", "realised"),
        ("How much is the Lanford bridge expected to cost?", "cost", "irrealis"),
        ("When will the Corvale pool reopen?", "reopen", "irrealis"),
        ("How many people would the Lanford plant employ?", "employ", "irrealis"),
        ("When was the Corvale curfew lifted?", "lift", "realised"),
        ("How long is the mayor's term?", None, None),
        ("Where was the cyclist hurt in the Lanford crash taken for treatment?", "take", "realised"),
        # what is supposed to or has to be done may not be done yet; what had to be done was
        ("When is the Corvale job center supposed to open?", "open", "irrealis"),
        ("When do Corvale landlords have to start registering?", "start", "irrealis"),
        ("How many Corvale residents had to be rescued by boat?", "rescue", "realised"),
        # "went to" a name is no "going to" do something
        ("How many people applied for the Lanford clerk's job that went to Ada Quist?", "apply", "realised"),
    ],
)
def test_the_question_verb_and_whether_it_asks_about_something_done(question: str, predicate: str | None,
                                                                    mood: str | None) -> None:  # fmt: skip
    analysis = analyse(question)
    assert (analysis.predicate, analysis.mood) == (predicate, mood)


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("How many pupils go to the Corvale school these days?", True),
        ("Who runs the Lanford diner now?", True),
        ("How many pupils go to the Corvale school?", False),
        ("How many pupils went to the Corvale school in 2012?", False),
        ("What did the Lanford mayor say today?", False),
    ],
)
def test_a_question_in_the_present_with_a_word_of_now_asks_how_things_stand(question: str, now: bool) -> None:
    assert analyse(question).now is now


@pytest.mark.parametrize(
    ("question", "mood"),
    [
        # "would" in what someone thought or said asks for what they said, either way it was said
        ("What did the Tressan insurers think the storm would cost them?", None),
        ("When did the Tressan mayor say the pool would reopen?", None),
        ("How much would the Tressan bridge cost?", "irrealis"),
        ("How much did the Tressan bridge cost?", "realised"),
    ],
)  # fmt: skip
def test_would_in_what_someone_said_in_the_past_asks_in_neither_mood(question: str, mood: str | None) -> None:
    assert analyse(question).mood == mood


@pytest.mark.parametrize(
    ("sentence", "verb", "mood"),
    [
        # a verb joined by "and" to one with "will" is as much a plan
        ("The county will repave Mill Road and replace the Orlow bridge next year.", "replace", "irrealis"),
        ("The county repaved Mill Road and replaced the Orlow bridge last year.", "replaced", "realised"),
        # one with an auxiliary of its own keeps it
        ("The county will repave Mill Road, and it has replaced the Orlow bridge.", "replaced", "realised"),
    ],
)
def test_a_verb_joined_to_another_shares_its_mood_unless_it_has_its_own(sentence: str, verb: str, mood: str) -> None:
    from index.nlp import sentence_parse
    from rag.moods import clause_mood

    token = next(t for t in sentence_parse(sentence) if t.text == verb)
    assert clause_mood(token) == mood


@pytest.mark.parametrize(("question", "ahead"), [
    ("When does the higher sales tax kick in?", True),
    ("when are applications due for the fall grants", True),
    ("When does the new chief take over?", True),
    ("When did the council approve the tax?", False),  # what was done
    ("When was the hearing scheduled?", False),
    ("When will the pool open?", False),  # set to be, which the question's mood already says
    ("How many officers does the department have?", False),  # no date asked
])
def test_a_date_question_in_the_plain_present_asks_when_something_is_set(question: str, ahead: bool) -> None:
    from rag.query import analyse

    assert analyse(question).ahead is ahead


@pytest.mark.parametrize(("question", "mood", "ahead", "predicate"), [
    # a participle before a noun describes it, and sets neither the question's verb nor its mood
    ("When is the job fair for laid-off Corby mill workers?", None, True, None),
    ("When does the revised Corby bus schedule take effect?", None, True, "take"),
    ("When was the job fair for laid-off Corby mill workers?", "realised", False, None),
    ("How many laid-off Corby mill workers found new jobs?", "realised", False, "find"),
])  # fmt: skip
def test_a_participle_before_a_noun_sets_no_mood_and_asks_of_no_act(
    question: str, mood: str | None, ahead: bool, predicate: str | None
) -> None:
    analysis = analyse(question)
    assert (analysis.mood, analysis.ahead, analysis.predicate) == (mood, ahead, predicate)
