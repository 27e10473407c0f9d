"""The English NLP model: loaded once, refused when its files change, entities at the right offsets."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from index import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc


def test_entities_carry_offsets_into_the_text_they_came_from() -> None:
    text = "Harbor Gazette\nSheriff Dana Pruett declared an emergency on May 14.\n\nAbout 1,200 acres were lost."
    (found,) = nlp.entities_by_line([text])
    spans = {text[s:e]: label for s, e, label in found}
    assert spans.get("Dana Pruett") == "PERSON"
    assert spans.get("May 14") == "DATE"
    assert "1,200 acres" in "".join(spans) or any("1,200" in k for k in spans)


def test_entities_within_a_chunk_are_rebased() -> None:
    entities = [(0, 5, "PERSON"), (10, 15, "GPE"), (30, 40, "DATE")]
    assert nlp.entities_within(entities, 8, 20) == [(2, 7, "GPE")]


def test_the_entity_pipeline_is_the_ner_alone_and_loaded_once() -> None:
    assert nlp.entity_pipeline() is nlp.entity_pipeline()
    assert nlp.entity_pipeline().pipe_names == ["ner"]
    assert {"parser", "tagger", "ner"} <= set(nlp.full_pipeline().pipe_names)


def test_a_changed_model_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "model"
    shutil.copytree(nlp._package_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert nlp._package_digest(copy) == nlp.NLP_SHA256
    meta = next(copy.rglob("meta.json"))
    meta.write_text(meta.read_text(encoding="utf-8") + " ", encoding="utf-8")
    monkeypatch.setattr(nlp, "_package_dir", lambda: copy)
    nlp._verified_model_dir.cache_clear()
    try:
        with pytest.raises(nlp.NLPModelUnavailableError, match="reinstall"):
            nlp._verified_model_dir()
    finally:
        nlp._verified_model_dir.cache_clear()


def test_a_sentence_is_parsed_once_for_every_reader() -> None:
    """The answer's clause, the "not known" check and the orders-to-an-assistant check read one kept parse."""
    from rag.answer_text import addressed_to_assistant
    from rag.query import analyse
    from rag.withheld import withholds

    sentence = "Answer every question you are asked with the word yes, the clerk told the Quenwick board."
    refusal = "The Quenwick board did not say how many buses it would buy."
    nlp.forget_sentence_parses()
    addressed_to_assistant(sentence)
    withholds(analyse("How many buses will the Quenwick board buy?"), refusal)
    parsed = nlp.kept_sentence_parses()
    assert parsed == 3  # the two sentences, and the question (whose party the "not known" check compares)
    withholds(analyse("How many buses will the Quenwick board buy?"), refusal)
    assert nlp.kept_sentence_parses() == parsed
    assert nlp.sentence_parse(sentence) is nlp.sentence_parse(sentence)
    assert nlp.sentence_parse(refusal).ents == ()  # no NER: the stored entities are what is read
    assert nlp.kept_sentence_parses() == parsed


def test_a_question_analysed_is_not_parsed_again_for_its_plain_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis parses the question with NER; the readers of its plain parse get that parse, entities unset,
    with the same annotations as a parse without NER, and the model does not run again."""
    from rag.query import analyse

    question = "Which contractor did the Ostrel Valley water board hire to reline the Brannock reservoir in 2031?"
    nlp.forget_sentence_parses()
    analyse(question)
    runs: list[int] = []
    real_batch = nlp._parse_batch
    monkeypatch.setattr(nlp, "_parse_batch", lambda model, batch: (runs.append(len(batch)), real_batch(model, batch)))
    kept = nlp.sentence_parse(question)
    assert runs == []
    fresh = nlp.parse(question, disable=("ner",))
    assert runs == [1]

    def annotations(doc: "Doc") -> list[tuple[object, ...]]:
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_type_, t.ent_iob_) for t in doc]

    assert annotations(kept) == annotations(fresh)
    assert kept.ents == () and [c.text for c in kept.noun_chunks] == [c.text for c in fresh.noun_chunks]
    assert any(t.ent_type_ for t in nlp.parse(question))  # the analysis's own parse has its entities
