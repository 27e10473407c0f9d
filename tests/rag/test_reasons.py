"""Whether a sentence gives the reason a "why" question asks for (rag.reasons), and the answers that follow from
it, on sentences and short articles written for these tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from rag.models import CANNOT_ANSWER
from rag.query import analyse
from rag.reasons import gives_a_reason
from rag.text import stems

if TYPE_CHECKING:
    from rag.candidate import Candidate
    from rag.models import Passage


@pytest.mark.parametrize(("question", "sentence"), [
    ("Why did the Tolk library cut its hours?", "The library cut its hours because the state grant ended."),
    # a cause after the event's verb, written as the question's verb or in other words of the same act
    ("Why was the Arden Street bridge closed?",
     "The Arden Street bridge was shut Monday after inspectors found deep cracks in a pier, the city engineer said."),
    ("What prompted the evacuation of homes near Pell Dam?",
     "About 90 homes were evacuated Tuesday night after engineers found water seeping through the dam."),
    # the event told in words the question does not use, and a cause after it
    ("How come the Osk Lake beach is closed?",
     "Swimming at Osk Lake was banned on Friday after water tests found high levels of bacteria."),
    # a purpose, a ground, a state that explains, "so" a purpose
    ("Why did Varn County close Mill Road?", "Varn County closed Mill Road to replace a collapsed culvert."),
    ("Why was the Dell Park care home penalized?",
     "The state fined the Dell Park care home for failing to report two falls."),
    ("Why is Hale Elementary being closed?",
     "KESTON - With enrollment down 40 percent, the school board voted 4-1 to close Hale Elementary."),
    ("Why did the Brisk schools close Monday?", "The Brisk schools were closed Monday so crews could fix a gas leak."),
    ("Why did the Orlow board reject the bid?", "The Orlow board rejected the bid, saying it was far too high."),
    # someone's account of something other than the event, said before or after it
    ("Why is Pell's Bakery closing?", "Owner Ida Pell said her new landlord tripled the rent."),
    ("Why is Pell's Bakery closing?", "Her new landlord tripled the rent, owner Ida Pell said."),
    ("What caused the stench in Dunmore?", "The stench was traced to a leaking tank of fish fertilizer."),
    # a ground or a clause the parser hangs on the verb's object or measure
    ("Why did the state fine the Orby care home?",
     "The state fined the Orby care home $48,500 for failing to report two falls."),
    ("Why was the Velt football game delayed Friday?",
     "The Velt football game was delayed 90 minutes when lightning was spotted nearby."),
    # what the event "follows" ("since June" is a time, no reason)
    ("Why did the Pell Diner close?", "The closure follows three failed health inspections since June."),
    # a word between the parts of a causal phrase
    ("What's behind the Velt tax increase?", "The increase is driven largely by a jump in insurance premiums."),
    ("Why was the Tarn fair canceled?", "The Tarn fair was canceled, due in part to a shortage of volunteers."),
    # a cause as the event's subject or agent; a clause opened by "as" or "when"; a ground "over" something
    ("Why was the Tarn duck race postponed?", "Steady rain postponed the Tarn duck race on Saturday."),
    ("Why was the Velt game postponed?", "The Velt game was postponed by lightning in the second quarter."),
    ("What caused the fire at the Osk Grange?", "An overloaded extension cord started the fire at the Osk Grange."),
    ("Why was the Arlo budget hearing postponed?",
     "Mayor Ida Renn postponed the Arlo budget hearing as a winter storm moved in."),
    ("Why did the Orby club scrub its launch?", "The Orby club scrubbed its launch when winds gusted to 30 mph."),
    ("How come Ed Vance quit as Pell's police chief?",
     "Pell Police Chief Ed Vance resigned Thursday over a dispute with the board about staffing."),
    ("What is behind the smell in Tesk?", "The smell in Tesk came from a broken sewer line, officials said."),
    # a cause after how long the event lasts; a purpose the parser hangs on what was left
    ("Why is the Tesk pool shutting down?",
     "The city will close the Tesk pool on June 2 for at least six weeks after divers found cracks in its floor."),
    ("Why did Orla Fenn quit as Velt's clerk?",
     "The board named Ada Quist clerk, a month after Orla Fenn stepped down from the job to care for her father."),
    ("Why did Ida Marr resign from the Orby board?",
     "Ida Marr resigned from the Orby board to run for mayor, the chair said."),
    # a purpose the parser hangs on a noun after the verb that it takes for a verb ("signing")
    ("Why is Orby Regional offering nurses signing bonuses?",
     "Orby Regional Hospital plans to hire 40 nurses, offering signing bonuses of $10,000 to fill positions now "
     "covered by traveling nurses."),
    # an infinitive after the verb's own object, which the parser hangs on the verb as its complement; a noun of
    # the event "meant to" do something
    ("Why did the Orby board agree to a bigger raise for teachers?",
     "The Orby board agreed to the larger first-year raise to stop the loss of teachers to Tarnby."),
    ("Why is Orby switching its school buses to electric?",
     "District officials said the switch is meant to cut fuel costs."),
    ("Why did Orby agree to the commuter rail accord?",
     "The accord is meant to give commuters a way into the city without a car."),
    ("Why did Tesk cut what it gives the library?",
     "The library director said the cut is needed to close a $40,000 gap in next year's budget."),
    ("Why does Orby say it needs a stormwater fee?",
     "The city engineer said the money is needed to replace aging culverts."),
    # a purpose hung by the parser on the doing a preposition of the event takes
    ("Why did Ada Renn switch from coaching soccer to track?",
     "Renn switched from coaching soccer to coaching track in 2022 to fill an opening."),
    ("Why did the Orby mill move from making paper to making boxes?",
     "The Orby mill moved from making paper to making boxes in 2019 to keep its 80 jobs."),
])  # fmt: skip
def test_a_sentence_that_gives_a_reason(question: str, sentence: str) -> None:
    assert gives_a_reason(sentence, analyse(question))


@pytest.mark.parametrize(("question", "sentence"), [
    # a news lead: the event and who reports it
    ("Why did Tarn Hollis resign?", "Tarn Hollis has resigned as Orby's soccer coach, athletic director Bo Fenn said."),
    ("Why did Ena Voss quit as Pell's finance director?",
     "Ena Voss, Pell's finance director since 2011, stepped down Friday, the city manager said."),
    ("What caused the truck crash on Vell Road?", "A truck struck a utility pole on Vell Road on Sunday, police said."),
    ("Why was the Orlin church fair canceled?",
     "Orlin Lutheran Church has canceled its fair, according to a notice on the church's website."),
    # "after", "since" of time; a body's vote that made it happen
    ("Why did Ada Quell resign?", "Ada Quell resigned Monday, less than two years after taking the job."),
    # what is needed, said against the act: no reason for it
    ("Why did Orby lay off six firefighters?",
     "The firefighters are needed to staff the east station, the union said."),
    ("Why did the Tesk board reject the plan?", "The plan is needed to meet a state deadline, the mayor said."),
    ("Why is the Marsh Diner closing?", "The Marsh Diner will close after 41 years on Pike Street."),
    ("Why did Ola Dunn resign?", "Ira Lent has run the district since Ola Dunn resigned in May."),
    ("Why did the Orby tannery close?", "The layoffs are the largest in Orby since the Orby tannery closed in 2015."),
    ("Why are Tesk bus fares rising?",
     "Tesk bus fares will rise July 1 after the board voted 4-1 to approve the increase."),
    # a place or a time in a "for"/"over" phrase
    ("Why is the Quarle pool closed?", "The Quarle pool is closed for the season."),
    ("What caused the fire at the Pell substation?", "A fire at the Pell substation sent smoke over Ardley on Friday."),
    ("Why did the Tarn bridge reopen?", "The Tarn bridge reopened Friday as planned, the county said."),
    # those who act are no cause of what they do
    ("Why was the Tarn duck race postponed?", "Organizers postponed the Tarn duck race on Saturday."),
    ("Why was the Velt budget approved?", "The Velt budget was approved by the town board on Monday."),
    # someone's account that tells the thing asked about again, with a measure or a time
    ("Why did Velt Water's chlorine costs jump 20%?",
     "Ada Quist said the utility's chlorine costs rose 20 percent in 2024."),
    ("Why are Orby's new snowplows running late?",
     "Quist said three snowplows ordered in May are now expected to arrive in March, two months late."),
    # the event told aside, in a clause hung on the sentence's own news, whose cause is another event's
    ("Why did Orla Penn retire?",
     "Penn, who retired in 2019, said in a deposition that Tamsin Roe was moved to nights because of staffing."),
    ("Why did the Brack mill close?",
     "The Brack mill, which closed in 2012, will be torn down because its roof has caved in, the mayor said."),
    # a time after how long something lasted is still a time; what is left with an infinitive that says no purpose
    ("Why did the Velt shelter close?", "The Velt shelter closed two weeks after the storm passed."),
    ("Why did Tam Orr resign?", "Tam Orr resigned from the board in March, the first member to leave this year."),
    # after how long: a day or a time to come is when it starts, not why; an infinitive that says what a race is
    ("Why will the Orby splash pad stay open?", "The Orby splash pad will stay open for two weeks after Labor Day."),
    ("Why will Ada Fenn stay on as clerk?", "Ada Fenn will stay on for six weeks after the board names her successor."),
    ("Why did Hal Brin withdraw?", "Deputy Clerk Hal Brin withdrew Friday from the race to succeed Ada Fenn."),
    # an infinitive after an object that does it: what was asked, not why
    ("Why did the Orby mayor ask the board?", "The Orby mayor asked the board to delay the vote."),
    ("Why did the Orby mayor call the board?", "The Orby mayor convinced the board to delay the vote."),
    # a plan of a thing that is no event ("meant to open"), not a purpose
    ("Why is the Orby pool still closed?", "The Orby pool was meant to open in June but is still closed."),
    # a period of time beginning or ending dates the event; an infinitive with a subject of its own tells who else
    ("Why will the Tessing fair run a week longer?",
     "The Tessing fair will run a week longer this year after the harvest season ends, its manager said."),
    ("Why will the Velt rink stay open?", "The Velt rink will stay open until March after the school term begins."),
    ("Why did Lena Vosk leave the guild's board?",
     "Potter Lena Vosk left the guild's board in June, the fourth member to leave this year."),
])  # fmt: skip
def test_a_sentence_that_tells_the_event_only_gives_no_reason(question: str, sentence: str) -> None:
    assert not gives_a_reason(sentence, analyse(question))


def _article(text: str, encoder: object) -> "Passage":
    """A one-passage article with its sentences' vectors, as the index keeps them."""
    from index.nlp import entities_by_line
    from index.vector_codec import pack
    from rag.candidate import sentence_spans
    from rag.models import Passage

    passage = Passage(passage_id=text[:20], article_id=text[:20], title="t", source="Orby Ledger", text=text, start=0,
                      end=len(text), entities=entities_by_line([text])[0])  # fmt: skip
    spans = sentence_spans(passage)
    vectors = encoder.embed_array([text[s:e] for s, e in spans])  # type: ignore[attr-defined]
    return passage.model_copy(update={"sentence_spans": spans, "sentence_vectors": pack(vectors)})


def _answer(question: str, passage: "Passage", encoder: object) -> str:
    """The extractive answer from `passage` alone, with similarity and word likeness from the real encoder."""
    from rag.extractive import extractive_answer
    from rag.word_likeness import EncoderWordLikeness

    return extractive_answer(
        analyse(question), [passage], idf=lambda stem: 1.0,
        word_likeness=EncoderWordLikeness(encoder),  # type: ignore[arg-type]
        query_vector=encoder.embed_query(question),  # type: ignore[attr-defined]
    ).answer  # fmt: skip


def _best(question: str, passage: "Passage", encoder: object) -> str:
    """The sentence the refusal model is given as the best answer from `passage` alone ("" when none is)."""
    from rag.extractive import decide
    from rag.word_likeness import EncoderWordLikeness

    candidates, _ = decide(
        analyse(question), [passage], idf=lambda stem: 1.0,
        word_likeness=EncoderWordLikeness(encoder),  # type: ignore[arg-type]
        query_vector=encoder.embed_query(question),  # type: ignore[attr-defined]
    )  # fmt: skip
    return candidates[0].text if candidates else ""


def test_a_why_question_on_an_event_the_article_gives_no_reason_for_is_refused(encoder: object) -> None:
    """The lead tells the resignation and who says so; the article goes on about her years and her successor."""
    article = _article(
        "ORBY - Orby Library Director Mara Tolland has resigned effective Friday, board President Ed Kiln said "
        "Tuesday. Tolland led the library through the 2019 flood, which damaged about 900 books. Assistant "
        "director Paul Renn will serve as acting director while the board looks for a replacement.", encoder
    )
    assert _answer("Why did Orby library director Mara Tolland resign?", article, encoder) == CANNOT_ANSWER


def test_a_reason_told_in_the_sentence_after_the_event_is_answered_with_both(encoder: object) -> None:
    """The lead tells the closing, the sentence after it the owner's account (naming no one, so no rule for a name
    told after the lead brings it): the answer quotes both."""
    article = _article(
        "ARLO - After 26 years on Brand Street, Tarrow Kitchenware will close at the end of March. Its owner said "
        "the building's new landlord more than doubled her rent when her lease came up. The shop sells pots, "
        "knives and about 300 kinds of tea.", encoder
    )
    answer = _answer("Why is Tarrow Kitchenware closing?", article, encoder)
    assert "doubled her rent" in answer and "will close at the end of March" in answer


def test_a_lower_ranked_sentence_of_the_article_that_tells_the_event_with_its_cause_answers(encoder: object) -> None:
    """The lead tells the closing and the sentence after it the owners' past; the one after that tells the closing
    again ("closed it", the act of "shut down") with its cause: it answers. A sentence with a cause of another
    event would not."""
    article = _article(
        "The Corley Street Grill served its last breakfast on Sunday. Ada and Ned Quist, both in their 60s, opened "
        "the grill on Route 4 in 1985. They said they closed it because they could not hire enough cooks and "
        "because food costs had risen sharply since 2021.", encoder
    )
    assert "could not hire enough cooks" in _best("Why did the Corley Street Grill shut down?", article, encoder)
    other = _article(
        "The Corley Street Grill served its last breakfast on Sunday. Ada and Ned Quist, both in their 60s, opened "
        "the grill on Route 4 in 1985. They said they moved to Orby because their daughter lives there.", encoder
    )
    assert _answer("Why did the Corley Street Grill shut down?", other, encoder) == CANNOT_ANSWER


def test_a_sentence_telling_the_event_with_its_cause_comes_before_a_purpose_of_something_else(encoder: object) -> None:
    """The best-matching sentence gives a purpose ("for fires in tall buildings") of another act, by no word of
    cause; a later one tells the need asked about "because ...": it answers. A best sentence with a word of cause
    keeps its place."""
    article = _article(
        "ORBY - The Orby council voted Monday to buy the town's first ladder truck for $1.2 million. Until now, Orby "
        "has relied on Tarrow's ladder truck for fires in tall buildings. Fire Chief Ada Quist said the town needs "
        "it because four apartment buildings of five stories have gone up downtown since 2020.", encoder
    )
    assert "four apartment buildings" in _best("Why does Orby need a ladder truck?", article, encoder)
    kept = _article(
        "ORBY - The Orby council voted Monday to buy the town's first ladder truck for $1.2 million. Until now, Orby "
        "has relied on Tarrow's ladder truck because Tarrow is two miles away. Fire Chief Ada Quist said the town "
        "needs it because four apartment buildings of five stories have gone up downtown since 2020.", encoder
    )
    assert "two miles away" in _best("Why did Orby need a ladder truck until now?", kept, encoder)


@pytest.mark.parametrize(("question", "sentence"), [
    # told aside, with its cause in its own clause
    ("Why did Orla Penn retire?", "Penn, who retired in 2019 because of a back injury, now coaches at Velt High."),
    ("Why did the Brack mill close?",
     "The county bought the Brack mill, which closed in 2012 after its biggest customer went bankrupt."),
    # an account that says the thing asked about cannot be, or names something new
    ("Why is Velt Hospital closing its maternity ward?", "Ada Quist said the hospital cannot staff the ward at night."),
    ("Why did Velt Water's chlorine costs jump 20%?",
     "Ada Quist said the utility's chlorine costs rose 20 percent after a supplier in Orby closed."),
])  # fmt: skip
def test_an_event_told_aside_with_its_cause_in_its_own_clause_gives_a_reason(question: str, sentence: str) -> None:
    assert gives_a_reason(sentence, analyse(question))


@pytest.mark.parametrize(("question", "text", "reason"), [
    # the failed test is told aside, in a clause about the truck that replaces the engine; the chief's quote after it
    # is about the town without the engine, not why it failed
    ("Why did Orby's Engine 4 fail its pump test?",
     "ORBY - The Orby council voted Monday to buy a new pumper for $640,000. The pumper will replace Engine 4, a 1999 "
     "truck that failed its annual pump test in March, Chief Ada Quist said. \"We have been covering the whole town "
     "with one engine for five months,\" Quist said.", None),
    # ... but a next sentence that names the truck may give the reason
    ("Why did Orby's Engine 4 fail its pump test?",
     "ORBY - The Orby council voted Monday to buy a new pumper for $640,000. The pumper will replace Engine 4, a 1999 "
     "truck that failed its annual pump test in March, Chief Ada Quist said. The truck's main pump had cracked, Quist "
     "said.", "main pump had cracked"),
    # an account after the event's sentence about another matter (naming nothing the question or that sentence
    # names, its subject no pronoun nor "the ...") is no reason
    ("Why was the footbridge work at Tarn Lake delayed this summer?",
     "ORBY - Work on Tarn Lake's new footbridge was delayed for several weeks this summer. The first Orby Corn Roast "
     "was held in 1991 and drew about 600 people, according to the Rotary Club. This year's roast will have a pie "
     "contest.", None),
    # one whose subject points back ("The drop follows ...") gives it
    ("Why is enrollment at Tarn Lake Elementary falling?",
     "ORBY - Enrollment at Tarn Lake Elementary fell to 141 this fall, district officials said. The drop follows the "
     "closing of the Orby box plant, Superintendent Ada Quist said. This year's roast will have a pie contest.",
     "box plant"),
])  # fmt: skip
def test_the_sentence_after_the_events_gives_a_reason_only_when_it_goes_on_about_it(
    question: str, text: str, reason: str | None, encoder: object
) -> None:
    answer = _answer(question, _article(text, encoder), encoder)
    assert answer == CANNOT_ANSWER if reason is None else reason in answer


def test_a_verb_of_adding_a_thing_is_no_account() -> None:
    """After the event's sentence, "adds $48 a year to every bill" adds money, not words; "He added that ..." is
    an account."""
    from rag.reasons import reason_in

    analysis = analyse("Why did Velt Water's chlorine costs jump 20%?")
    assert reason_in("The change adds $12 a year to every customer's bill.", analysis, following=True) is None
    assert reason_in("She added that the utility had no choice.", analysis, following=True) == "account"


@pytest.mark.parametrize(("following", "reason"), [
    # whom the news was passed on to, and how or when: no account of why
    ("Kell said Penn informed him of her decision in a meeting Thursday.", None),
    ("Kell said he told the dock crews on Monday morning.", None),
    ("Kell said he met with the harbor commission Tuesday afternoon.", None),
    ("Kell said the port would notify boat owners by mail in May.", None),
    # what was told, or something else said: an account
    ("Kell said Penn told him she had taken a job in Maine.", "account"),
    ("Kell said the port could no longer afford her salary.", "account"),
])  # fmt: skip
def test_telling_whom_the_news_was_passed_on_to_is_no_account(following: str, reason: str | None) -> None:
    from rag.reasons import reason_in, told_with_a_reason

    analysis = analyse("Why did harbor master Odile Penn resign?")
    assert reason_in(following, analysis, following=True) == reason
    lead = "Harbor master Odile Penn has resigned, Port Director Amos Kell said Friday."
    sentences = _named_sentences(f"{lead} {following}")
    assert bool(told_with_a_reason(sentences, analysis)) is (reason is not None)


def test_noting_a_fact_is_an_account_and_a_relative_pronoun_points_back_to_nothing() -> None:
    """"He noted a 30 percent rise in night calls" tells a fact someone gave (only "adds $12" adds no words); "who"
    in "Board member Ivo Lund, who cast the lone no vote, said ..." is no pronoun subject pointing back."""
    from rag.reasons import _linked, reason_in

    analysis = analyse("Why is the Velt clinic adding night hours?")
    assert reason_in("He noted a 30 percent rise in calls after 8 p.m.", analysis, following=True) == "account"
    following = "Board member Ivo Lund, who cast the lone no vote, said members cannot afford another increase."
    assert not _linked(following, set(stems("The Velt clinic will add night hours in May.")))


def test_someone_telling_what_had_happened_goes_on_about_the_event(encoder: object) -> None:
    """After the outage's sentence, "Lineman Abe Sorn said a squirrel had shorted a transformer" shares no word with
    it and names a new speaker, but tells what had happened before: the reason."""
    article = _article(
        "ORBY - About 2,100 Velt Electric customers in Orby lost power for three hours on Friday. Lineman Abe Sorn "
        "said a squirrel had shorted a transformer on Pike Road. Crews restored service by 4 p.m.", encoder
    )
    assert "squirrel" in _answer("Why did Velt Electric customers in Orby lose power on Friday?", article, encoder)
    from rag.reasons import _linked

    following = "Lineman Abe Sorn said a squirrel had shorted a transformer on Pike Road."
    told = set(stems("About 2,100 Velt Electric customers in Orby lost power for three hours on Friday."))
    assert _linked(following, told)


def test_a_sentence_further_down_whose_subject_points_back_to_the_event_gives_its_cause(encoder: object) -> None:
    """The lead tells the rate rise, the next sentence its size; "The increase is needed because ..." further down
    points back to it with a cause. "The council voted ..." names who acted and is no such sentence."""
    from rag.reasons import _tells_the_event_with_a_cause
    from tests.rag.test_extractive import _valued

    analysis = analyse("Why is Velt Water raising its rates?")
    pointing = _valued("Ada Quist said the increase is needed because the utility must replace 12 miles of old main.",
                       "Ada Quist", "PERSON")  # fmt: skip
    actor = _valued("The council voted 6-1 for the changes, which Ada Quist said are needed to close a budget gap.",
                    "Ada Quist", "PERSON")  # fmt: skip
    assert _tells_the_event_with_a_cause(pointing, analysis)
    assert not _tells_the_event_with_a_cause(actor, analysis)


@pytest.mark.parametrize(("question", "given"), [
    ("What's behind the Pellmoor College fee increase?", True),
    ("What's behind the Pellmoor College enrollment drop?", False),  # another noun's cause
])  # fmt: skip
def test_a_cause_asked_of_a_noun_is_given_by_a_sentence_whose_subject_points_back_to_it(
    question: str, given: bool
) -> None:
    """"What's behind the fee increase?" has no verb of its own: "the increase was driven by ..." tells its cause."""
    from rag.reasons import _tells_the_event_with_a_cause
    from tests.rag.test_extractive import _valued

    sentence = _valued("Pellmoor College raised its fee 4 percent. Dean Ada Quist said the increase was driven largely "
                       "by health insurance costs.", "Ada Quist", "PERSON")  # fmt: skip
    sentence.start = sentence.passage.text.index("Dean")
    assert _tells_the_event_with_a_cause(sentence, analyse(question)) is given
    # another increase of the article, named by nothing else of the question's
    other = _valued("Pellmoor College raised its fee 4 percent. Levy rates rose too, and the district said the "
                    "increase was driven largely by special-education costs.", "district", "ORG")  # fmt: skip
    other.start = other.passage.text.index("Levy")
    assert not _tells_the_event_with_a_cause(other, analyse("What's behind the Orlow lunch price increase?"))


def _sentences(text: str) -> tuple["Passage", list["Candidate"]]:
    """A one-passage article and a candidate for each of its sentences, in the article's order."""
    from rag.candidate import Candidate, sentence_spans
    from rag.models import Passage

    passage = Passage(passage_id="orby-1", article_id="orby-1", title="t", source="Orby Ledger", text=text, start=0,
                      end=len(text))  # fmt: skip
    return passage, [Candidate(0, passage, start, end, {}) for start, end in sentence_spans(passage)]


def test_the_best_sentence_telling_the_event_with_its_purpose_gives_what_is_asked() -> None:
    """"resigned in May to run ..." gives why she resigned by no word of cause: the refusal model is told the
    sentence gives what is asked, as it is for "because"."""
    from rag.reasons import told_with_a_reason

    _, candidates = _sentences("Nell Varga resigned in May to run the county's new election office. She had been "
                               "Orby's deputy clerk since 2016.")
    kept = told_with_a_reason(candidates, analyse("Why did Nell Varga resign?"))
    assert kept[0].text.startswith("Nell Varga resigned") and kept[0].features["gives_what_is_asked"] == 1.0


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # a consequence, a measure of time, a reopening after: no cause
        ("Why did Orby close the Dell Street fire station?",
         "Orby closed the Dell Street fire station Sunday, forcing its two engine crews to move to Route 9."),
        ("Why was the Orby parade postponed?", "The Orby parade was postponed by one week."),
        ("Why did the Orby diner close in April?", "The Orby diner closed in April, only to reopen two weeks later."),
    ],
)  # fmt: skip
def test_the_best_sentence_with_no_cause_of_the_event_is_not_said_to_give_what_is_asked(
    question: str, sentence: str
) -> None:
    from rag.reasons import told_with_a_reason

    _, candidates = _sentences(sentence + " It had been open since 1990.")
    kept = told_with_a_reason(candidates, analyse(question))
    assert not kept or kept[0].features.get("gives_what_is_asked") != 1.0


@pytest.mark.parametrize("told", ["said no one had told him", "said he didn't know"])
def test_a_sentence_that_says_why_is_not_told_gives_no_cause_further_down(told: str) -> None:
    """"no one had told him why the shop was closing" names the question; it is no cause of the closing."""
    from rag.reasons import told_with_a_reason

    _, sentences = _sentences(
        f"The Pell Road bakery in Orby closed Monday. It opened in 1971. A baker, Ned Quist, {told} why the bakery "
        "closed because the owner had left town."
    )
    assert told_with_a_reason(sentences, analyse("Why did the Pell Road bakery close?")) == []


@pytest.mark.parametrize(("place", "found"), [(4, True), (5, True), (6, False)])
def test_a_sentence_telling_the_event_with_its_cause_is_looked_for_among_the_best_six(place: int, found: bool) -> None:
    """The lead tells the closing and the sentence after it something else; the sentence that tells the closing
    with its cause is ranked fifth or sixth (a lead's article often holds four or five sentences of figures and
    history between): it answers; ranked seventh it is too far down to trust as of the same event."""
    from rag.reasons import told_with_a_reason

    _, sentences = _sentences(
        "The Pell Road pool in Orby will not open this summer. The pool opened in 1971. It has a 50-meter lane. "
        "About 400 families bought passes last year. Lifeguards earned $14 an hour. A diving board was added in "
        "1990. The town closed the pool because inspectors found cracks in its main drain."
    )
    lead, caused, others = sentences[0], sentences[-1], sentences[1:-1]
    ranked = [lead, *others[: place - 1], caused, *others[place - 1 :]]
    kept = told_with_a_reason(ranked, analyse("Why did Orby close the Pell Road pool?"))
    assert (bool(kept) and kept[0] is caused) is found


def test_a_sentence_further_down_telling_the_event_with_its_cause_comes_before_an_account_after_the_lead(
    encoder: object,
) -> None:
    """The lead tells the dismissal; the sentence after it someone's account of how it was told (which reads as a
    reason of the lead's own); a later one tells the move with its cause in so many words: it is given first."""
    article = _article(
        "The Orby school district has removed Tam Orr as its head soccer coach after nine seasons. Athletic "
        "Director Ada Quist told Orr of the decision in a meeting Tuesday morning. The district said the move "
        "was made because the team's roster had shrunk from 40 players to 19 this fall.", encoder
    )
    assert "roster had shrunk" in _best("Why did Orby get rid of its soccer coach?", article, encoder)


def _named_sentences(text: str) -> list["Candidate"]:
    """A candidate for each sentence of a one-passage article, with the entities the index stores for it."""
    from index.nlp import entities_by_line
    from rag.candidate import Candidate

    passage, candidates = _sentences(text)
    passage = passage.model_copy(update={"entities": entities_by_line([text])[0]})
    return [Candidate(0, passage, c.start, c.end, {}) for c in candidates]


@pytest.mark.parametrize(("question", "sentence", "another"), [
    # the act asked about, done by another of the same kind: a thing for a thing, a person for a person
    ("Why did the Dell Street skate park close?",
     "The Orby Municipal Pool will close for five months after inspectors found black mold.", True),
    ("Why did Marta Quill resign as Stroud fire chief?",
     "Deputy Chief Sol Reyes resigned in 2021 because the town would not fund a second ambulance.", True),
    # the one asked, by name, in short, by its initials or by a pronoun; a person acting for a body
    ("Why did the Dell Street skate park close?", "The town closed the Dell Street skate park after a ramp cracked.",
     False),
    ("Why did Marta Quill resign as Stroud fire chief?", "Quill resigned because she took a job in Velt.", False),
    ("Why did Marta Quill resign as Stroud fire chief?", "She resigned because she took a job in Velt.", False),
    ("Why did the FRTA raise its fares?", "The Ferrow Regional Transit Authority raised fares because diesel rose.",
     False),
    ("Why did Harlow Middle School cancel classes?", "Principal Ada Renn canceled classes because the boiler failed.",
     False),
    # the name asked elsewhere in the sentence, a common noun done to, the initials of the name asked; a name beside
    # a common noun is that name
    ("Why did the Dell Street skate park close?", "Ashby closed its skate park on Dell Street after a storm toppled "
     "two oaks.", False),
    ("Why was Harlan quarterback Milo Strand benched?", "Coach Dex Ruane benched the junior because he skipped two "
     "practices.", False),
    ("Why is the Ferrow Regional Transit Authority cutting Route 4?", "FRTA is cutting Route 4 because ridership "
     "fell.", False),
    ("Why did Nell Voss resign as Harlan treasurer?", "The town's assistant treasurer, Abe Crane, resigned last year "
     "because his wife took a job in Ohio.", True),
    ("Why did Pellbrook close Holloway Point Beach?", "Holloway Point Beach was closed as a precaution because the "
     "bloom was drifting west.", False),
    # a thing's noun named by another name is another thing, whatever the model tags the name; of a thing, a subject
    # with no name is only who acted on it
    ("Why was the Sorrel Road bridge closed?", "The Tamsin Lane bridge, two miles north, was closed for a week after "
     "a truck struck its railing.", True),
    ("Why was the Sorrel Road bridge closed?", "The county closed the Ossery Lane culvert for a month after a storm "
     "washed out its banks.", True),
    ("Why was the Sorrel Road bridge closed?", "The county will close the bridge because its deck is rotting.", False),
    ("Why did Marta Quill resign as Stroud fire chief?", "The town board accepted the Ossery Lane plan because it "
     "cost less.", False),
    # the question names who did it to a thing: another named doer did it to its own, whatever the thing; a body
    # that governs may act for the one asked, and one it owns is the one asked
    ("Why did Wexford Middle School call off its spring recital?", "Pennick Academy called off its spring recital "
     "because its choir director is on leave.", True),
    ("Why did the Dunmore Bus Co. raise its fares?", "Ashcombe Transit raised fares to $3 because fuel prices "
     "climbed.", True),
    ("Why did Tarrow Mills cut 40 jobs?", "Velder Foods cut 40 jobs at its plant because orders fell.", True),
    ("Why did Orrin High cancel its winter formal?", "The Kessel County School Board canceled the winter formal "
     "because the gym roof leaks.", False),
    ("Why did the Dunmore Bus Co. raise its fares?", "The bus company raised fares to $3 because fuel prices "
     "climbed.", False),
    ("Why did Tarrow Mills cut 40 jobs?", "Hollin Industries, which owns Tarrow Mills, cut 40 jobs because orders "
     "fell.", False),
    # a verb of saying tells who said it
    ("How come Velt didn't tell Orr Lane residents to boil water?",
     "No advisory was issued because pressure never fell, public works director Ada Renn told the council.", False),
])  # fmt: skip
def test_a_sentence_telling_the_act_of_another_by_name_is_of_another_subject(
    question: str, sentence: str, another: bool
) -> None:
    from rag.reasons import of_another_subject

    assert of_another_subject(_named_sentences(sentence)[0], analyse(question)) is another


def test_a_cause_of_another_ones_act_is_no_reason_for_the_one_asked() -> None:
    """The lead tells the resignation asked about and the sentence after it an account; a deputy's resignation
    "because ..." further down is another one's, and is not put first; nor is a best sentence that tells another's."""
    from rag.reasons import told_with_a_reason

    sentences = _named_sentences(
        "Fire Chief Marta Quill has resigned, Town Administrator Paul Eng said Thursday. Eng said Quill's letter "
        "thanked the crews for nine years. Deputy Chief Sol Reyes resigned in 2021 because the town would not fund "
        "a second ambulance."
    )
    kept = told_with_a_reason(sentences, analyse("Why did Marta Quill resign as Stroud fire chief?"))
    assert kept and kept[0] is sentences[0]
    pool = _named_sentences("The Orby Municipal Pool will close for five months after inspectors found black mold.")
    assert told_with_a_reason(pool, analyse("Why did the Dell Street skate park close?")) == []


@pytest.mark.parametrize("article", [
    "Ashcombe Transit raised fares to $3 in May because fuel prices climbed. Fuel is a third of its costs, director "
    "Lea Morn said.",
    "Ashcombe Transit raised fares to $3 in May. The reason was that fuel prices climbed for a third year, director "
    "Lea Morn said.",
])  # fmt: skip
def test_the_sentence_after_another_named_doers_act_gives_no_reason_for_the_one_asked(article: str) -> None:
    """The question names who raised the fares; the best sentence tells another firm's raise, and the sentence after
    it goes on about that raise: neither says why the one asked raised its fares."""
    from rag.reasons import told_with_a_reason

    assert told_with_a_reason(_named_sentences(article), analyse("Why did the Dunmore Bus Co. raise its fares?")) == []


@pytest.mark.parametrize(("after", "found"), [
    ("Its council voted in 2022 to keep its own dispatchers, citing the cost of the move.", True),
    ("Its council voted in 2022 to keep its own dispatchers.", False),  # no cause after it
])  # fmt: skip
def test_a_sentence_further_down_telling_the_event_has_its_cause_in_the_sentence_after_it(
    after: str, found: bool
) -> None:
    """The best sentence gives no reason; the fourth tells that Tessing declined to join, and the one after it
    (pointing back by "Its") why: the fourth is given first, as telling the event with its cause."""
    from rag.reasons import told_with_a_reason

    _, sentences = _sentences(
        "Tessing's dispatchers handled 31,000 calls last year. The county center opened in May. It has 40 "
        f"dispatchers. Tessing is the only town in the county that declined to join. {after}"
    )
    kept = told_with_a_reason(sentences, analyse("Why didn't Tessing join the county dispatch center?"))
    declined = sentences[3]
    assert (bool(kept) and kept[0] is declined and kept[0].features["gives_what_is_asked"] == 1.0) is found


def test_a_noun_of_the_event_meant_to_do_something_tells_the_event_with_its_purpose() -> None:
    """"the switch is meant to cut fuel costs", further down the lead's article, tells why Orby is switching."""
    from rag.reasons import _tells_the_event_with_a_cause

    _, sentences = _sentences("Orby will replace eight diesel buses with electric ones this winter. District "
                              "officials said the switch is meant to cut fuel costs.")  # fmt: skip
    analysis = analyse("Why is Orby switching its school buses to electric?")
    assert _tells_the_event_with_a_cause(sentences[1], analysis)


def test_a_pronoun_after_an_event_told_aside_points_back_only_to_the_sentences_subject() -> None:
    """"It" after "will replace Engine 2, a pumper that failed its pump test" is the new engine, not Engine 2: the
    sentence after gives no reason why Engine 2 failed. After "Orby is the only town that declined to join", "Its"
    is Orby."""
    from rag.reasons import _reason_in_the_next

    _, sentences = _sentences("The new engine will replace Engine 2, a pumper that failed its pump test in May. It "
                              "will not arrive until June because the maker has a backlog.")  # fmt: skip
    assert _reason_in_the_next(sentences[0], analyse("Why did Engine 2 fail its pump test?")) is None
    _, sentences = _sentences("Orby is the only town in the county that declined to join. Its council voted to keep "
                              "its own dispatchers because of the cost.")  # fmt: skip
    assert _reason_in_the_next(sentences[0], analyse("Why didn't Orby join the county dispatch center?")) is not None


def test_a_phrasal_verb_of_withdrawing_is_told_by_its_one_word() -> None:
    """"drop out" is "withdraw": "Orr said he withdrew because ..." tells the event asked with its cause."""
    from rag.reasons import told_with_a_reason

    _, sentences = _sentences(
        "Cal Orr dropped out of the Velt mayor's race on Monday, the town clerk said. Orr had collected 300 "
        "signatures. Orr said he withdrew because his doctor told him to rest."
    )
    kept = told_with_a_reason(sentences, analyse("Why did Cal Orr drop out of the Velt mayor's race?"))
    assert kept and kept[0] is sentences[-1]


@pytest.mark.parametrize(("question", "acts"), [
    ("Why did Cal Orr drop out of the Velt mayor's race?", {"withdraw"}),
    # "out" not on the verb, or the verb with an object of its own: no withdrawing
    ("Why did the price drop for out-of-town buyers in Velt?", {"drop"}),
    ("Why did the Tesk crew pull out the old water mains?", {"pull"}),
    # "Why does X say it needs ...?" asks why it is needed as well
    ("Why does Orby say it needs a stormwater fee?", {"say", "need"}),
])  # fmt: skip
def test_the_acts_a_why_question_asks_of(question: str, acts: set[str]) -> None:
    from rag.reasons import asked_acts

    assert asked_acts(analyse(question)) == acts


@pytest.mark.parametrize(("reason", "found"), [
    # a cause in so many words, of the one the question names
    ("Superintendent Ada Pryce said Delacorte stood out because she had led a school through a league change.", True),
    # naming no one the question names, saying why is not known, or telling another's act by name
    ("Superintendent Ada Pryce said the search took long because of the holidays.", False),
    ("Pryce said no one told her why Delacorte stood out.", False),
    ("Board member Ivo Marsh resigned because he opposed Delacorte.", False),
])  # fmt: skip
def test_a_cause_told_of_the_one_named_answers_when_nothing_tells_the_event_with_one(reason: str, found: bool) -> None:
    """The lead tells the hire and the next sentence something else; a sentence further down names Delacorte and
    gives a cause in so many words: it is put first for the refusal model to weigh (not marked as giving what is
    asked, since it tells the event by other words); with no name of the question, or no cause, nothing is."""
    from rag.reasons import told_with_a_reason

    _, sentences = _sentences(
        "The Penwither school board voted 7-0 on Thursday to hire Yusra Delacorte as athletic director. She starts "
        f"July 1. The job pays $96,500 a year. {reason}"
    )
    kept = told_with_a_reason(sentences, analyse("Why did Penwither's board go with Yusra Delacorte?"))
    assert (bool(kept) and kept[0] is sentences[-1] and kept[0].features.get("gives_what_is_asked") != 1.0) is found


def _two_articles(first: str, second: str) -> list["Candidate"]:
    """The sentences of two one-passage articles, the first article's first."""
    from rag.candidate import Candidate, sentence_spans
    from rag.models import Passage

    found = []
    for article_id, text in (("orby-1", first), ("orby-2", second)):
        passage = Passage(passage_id=article_id, article_id=article_id, title="t", source="Orby Ledger", text=text,
                          start=0, end=len(text))  # fmt: skip
        found += [Candidate(0, passage, start, end, {}) for start, end in sentence_spans(passage)]
    return found


@pytest.mark.parametrize(("told", "found"), [
    # another article tells the resignation with its cause and names the town asked about
    ("Ada Quist, Orby's harbormaster since 2009, resigned in May because the board cut her staff.", True),
    # one that does not name the town may tell another harbormaster's resignation
    ("Ada Quist, the harbormaster since 2009, resigned in May because the board cut her staff.", False),
    # nor one of another post of the town, or of another year
    ("Ivo Renn, Orby's fire chief, resigned in May because the board cut his staff.", False),
    ("Ivo Renn, Orby's harbormaster, resigned in 1998 because the board cut his staff.", False),
])  # fmt: skip
def test_another_articles_sentence_telling_the_event_with_its_cause_answers_when_it_names_the_one_asked(
    told: str, found: bool
) -> None:
    """The best sentence, of a later story on the successor, tells the resignation only; the story of the
    resignation itself gives its cause."""
    from rag.reasons import told_with_a_reason

    sentences = _two_articles(
        "Ned Roe has been acting harbormaster since Ada Quist resigned in May. The board named him on Tuesday.", told
    )
    kept = told_with_a_reason(sentences, analyse("Why did the Orby harbormaster quit?"))
    assert (bool(kept) and kept[0] is sentences[-1]) is found


def test_lay_off_means_cut_only_with_its_particle_right_after_it() -> None:
    from rag.reasons import asked_acts

    assert asked_acts(analyse("Why did the Orlow mill lay off 40 workers?")) == {"cut"}
    assert asked_acts(analyse("Why did the crew lay cable off the Orlow coast?")) == {"lay"}
