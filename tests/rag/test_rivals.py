"""Whether two outlets disagree on a figure (rag.rivals), on text written for these tests: a passage per outlet,
answered as the assistant answers (the real encoder's sentence similarity and word likeness)."""

from __future__ import annotations

import pytest

from tests.rag.test_extractive import _answer_with_similarity, _passage


def test_an_outlet_that_gives_both_figures_does_not_disagree_with_one_that_gives_one() -> None:
    from rag.candidate import Candidate
    from rag.rivals import _also_states
    from rag.models import Passage

    def candidate(source: str, text: str, value: str) -> Candidate:
        passage = Passage(passage_id=source, article_id=source, title="Quenlow pool", source=source, text=text,
                          start=0, end=len(text), entities=[])  # fmt: skip
        return Candidate(0, passage, 0, len(text), {}, [(text.index(value), text.index(value) + len(value), "MONEY")])

    both = candidate("a", "Repairs were estimated at $1.4 million, and a new pool at about $3.1 million.", "$3.1 million")
    one = candidate("b", "The board would not spend $1.4 million to repair the Quenlow pool.", "$1.4 million")
    other = candidate("c", "The board put repairs at $2.2 million.", "$2.2 million")
    assert _also_states(both, one)  # outlet a gives $1.4 million too: two things, not a disagreement
    assert not _also_states(one, both)
    assert not _also_states(both, other) and not _also_states(other, both)  # a real disagreement stays one


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("The one-way fare rose to $12 in May.", True),
        ("The one-way fare goes from $9 to $11.50. Children under 12 ride free.", False),  # an age, not the sum
        ("The fare, set in 2012, is $11.50.", False),
        ("About 12.5 percent of riders pay $11.50.", False),
        # the same sum written another way
        ("A bicycle costs $12.00.", True),
        ("A bicycle costs 12 dollars.", True),
    ],
)
def test_an_outlet_states_a_figure_only_as_the_same_whole_sum(text: str, states: bool) -> None:
    """A passage that also gives the other outlet's figure does not disagree with it: but "$12" is not given by
    "under 12", "2012" or "12.5 percent"."""
    from rag.candidate import Candidate
    from rag.rivals import _also_states

    other_text = "The one-way ferry fare is now $12."
    other = Candidate(0, _passage("b", "Radio Tarnby", other_text), 0, len(other_text), {},
                      [(other_text.index("$12"), other_text.index("$12") + 3, "MONEY")])  # fmt: skip
    candidate = Candidate(0, _passage("a", "Tarnby Courier", text), 0, len(text), {})
    assert _also_states(candidate, other) is states


# Two outlets' passages (outlet, text) each, a question, and how the answer starts.
_RIVALS = [
    # the same thing counted in other words, spelled out, in thousands, or not beside its noun: a disagreement
    ("How long does the Selby bus ride to Tarn take?",
     ("Selby Drover", "Parents said the bus ride from Selby to Tarn would take some children 38 minutes each way."),
     ("Tarn Cairn", "Buses on the Selby route add about 25 minutes to the morning run to Tarn, the superintendent "
      "said."), "Sources differ: 38 minutes according to Selby Drover [1]; about 25 minutes"),
    ("How many people did the Stannard Foods warehouse in Orley hire?",
     ("Stannard Post", "The Stannard Foods warehouse in Orley hired 230 people this year, the company said."),
     ("Orley Radio", "The Stannard Foods warehouse in Orley has taken on 200 workers since January, a manager said."),
     "Sources differ: 230 people according to Stannard Post [1]; 200 according to"),
    ("How many dogs were rescued from the Ambrey kennel?",
     ("Ambrey Echo", "Animal control officers rescued 47 dogs from a kennel outside Ambrey on Wednesday."),
     ("Shire Pet News", "Forty dogs were rescued from the Ambrey kennel, the humane society said."),
     "Sources differ: 47 dogs according to Ambrey Echo [1]; Forty dogs"),
    ("How many people died in the Harlow Creek flood?",
     ("Harlow Post", "One person died in the Harlow Creek flood, the sheriff said Tuesday."),
     ("Riverland News", "Two people died in the Harlow Creek flood after the dam gave way, the sheriff's office said "
      "late Tuesday."), "Sources differ:"),
    ("How much did the Elmsworth school district spend on new buses?",
     ("Elm Ledger", "The Elmsworth school district spent $1.1 million on new buses this year."),
     ("Elm Voice", "The Elmsworth school district spent $960,000 on eight new buses, the superintendent said."),
     "Sources differ: $1.1 million according to Elm Ledger [1]; $960,000"),
    ("How many students are enrolled at Bramwell High?",
     ("Bram Post", "Bramwell High has 1,240 students enrolled this fall."),
     ("Bram Radio", "Enrollment at Bramwell High reached 1,180 students this fall, up from last year."),
     "Sources differ:"),  # compared with last year, but this fall's
    ("How tall is the new Carrow water tower?",
     ("Carrow Times", "The new Carrow water tower is 165 feet tall and holds 500,000 gallons."),
     ("Plains Journal", "Carrow unveiled its new water tower on Friday; the blue tank stands 150 feet tall above the "
      "fairgrounds."), "Sources differ: 165 feet according to Carrow Times [1]; 150 feet"),
    # a figure of something else in the same unit: no disagreement
    ("How many people will the new Pell Creek warehouse employ?",
     ("Pell Packet", "The Pell Creek warehouse would employ about 150 people at first, the company said."),
     ("Valley Wire", "The Pell Creek warehouse is the second big project in the county this year, after a battery "
      "plant that will employ 1,100 people."), "About 150 people [1]."),  # seven times as many
    ("How many people does Kestrel Foods employ in Orlow?",
     ("Orlow Courier", "Kestrel Foods employs 300 people in Orlow."),
     ("Orlow Radio", "Kestrel Foods plans to hire 150 more workers in Orlow next year."), "300 people [1]."),
    ("How many dogs were rescued from the Elmcrest kennel?",
     ("Elm Echo", "Animal control officers rescued 40 dogs from a kennel in Elmcrest on Monday."),
     ("Elm Radio", "The shelter said 25 of the Elmcrest dogs have already been adopted."), "40 dogs [1]."),
    ("How many people were displaced by the Wrenfield fire?",
     ("Wren Courier", "The fire displaced 80 people in Wrenfield."),
     ("Wren Radio", "The fire was the worst in decades in Wrenfield, a town of 300 people."), "80 people [1]."),
    ("How many people attended the Fenwick harvest festival this year?",
     ("Fen Courier", "About 12,000 people attended the Fenwick harvest festival this year."),
     ("Fen Radio", "Last year's Fenwick harvest festival drew 9,000 people."), "About 12,000 people [1]."),
    ("How many dogs were adopted at the Pinecrest shelter event?",
     ("Pine Press", "Forty dogs found new homes at the Pinecrest shelter's adoption event on Saturday."),
     ("Pet Network", "The Pinecrest shelter also adopted out 25 cats at the same event."), "Forty dogs [1]."),
    ("How much did Ridgeway spend on snow removal last winter?",
     ("Ridge Courier", "Ridgeway spent $640,000 on snow removal last winter, the public works director said."),
     ("Ridge Radio", "This winter, Ridgeway has budgeted $700,000 for snow removal."), "$640,000 [1]."),  # a season
    ("How many housing units will the Canal Street project include?",
     ("Dresden Post", "The Canal Street project in Dresden will include 220 housing units."),
     ("Dresden Radio", "Of the Canal Street units, 60 will be set aside as affordable housing."), "220 housing units"),
    ("How many acres did the Dry Creek fire burn?",
     ("Creek Ledger", "The Dry Creek fire burned 1,400 acres before crews contained it."),
     ("Creek Radio", "A separate blaze near Hatton, 30 miles north of Dry Creek, burned 900 acres."),
     "1,400 acres [1]."),
    ("How many homes are within a mile of the Fell quarry?",
     ("Fell Gazette", "About 40 homes along Kell Beck are within a mile of the Fell quarry."),
     ("Fell Radio", "The Fell quarry employs about 70 people."), "About 40 homes [1]."),
    # two people's ages are no disagreement; one person's are
    ("How old is the guy Tarnby hired to run its library?",
     ("Tarn Post", "Tarnby's library board voted 4-3 on Wednesday to hire Osric Vell, a bookshop owner, as the "
      "library's director. Vell, 58, spent 19 years running the Quire bookshop in Tarnby."),
     ("Tarn Radio", "Ines Marlow, 54, who has been on the Tarnby library's waiting list for a job for 11 years, said "
      "patrons were relieved."), "58 [1]."),
    ("How old is Osric Vell?",
     ("Tarn Post", "Tarnby hired Osric Vell to run its library. Vell, 58, spent 19 years at a bookshop."),
     ("Tarn Radio", "Osric Vell, 56, starts at the library Monday."), "Sources differ:"),
    # another month's figure; but not a weekday, which outlets tie to different moments of one event
    ("What is Ardley County's jobless rate?",
     ("Ardley Gazette", "Ardley County's jobless rate fell to 5.4 percent in May."),
     ("Ardley Radio", "By August, Ardley County's jobless rate had dropped to 4.9 percent."), "5.4 percent [1]."),
    ("How long did the Tamsey power outage last?",
     ("Tamsey Times", "The power outage in Tamsey lasted 16 hours before crews restored service Monday."),
     ("Tamsey News", "Residents of Tamsey were without power for 12 hours after a substation failed Sunday night."),
     "Sources differ: 16 hours according to Tamsey Times [1]; 12 hours"),
]  # fmt: skip


@pytest.mark.parametrize(("question", "first", "second", "expected"), _RIVALS)
def test_two_outlets_disagree_only_on_a_figure_of_the_same_thing(
    question: str, first: tuple[str, str], second: tuple[str, str], expected: str, encoder: object
) -> None:
    """Outlets that disagree give close figures of one thing, in words of their own; a figure several times the
    other, more of the thing or a part of it, another year's, a population, or another kind of thing is no
    disagreement."""
    passages = [_passage("a", *first), _passage("b", *second)]
    answer = _answer_with_similarity(question, passages, encoder)
    assert answer.startswith(expected), answer
    if not expected.startswith("Sources differ"):
        assert "Sources differ" not in answer
