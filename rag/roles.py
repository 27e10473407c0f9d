"""Whether a sentence gives a name the role a question asks of ("Who is the prosecutor?", "What is the name of
the bakery?"): by a title, a word of naming, a clause or the passive; or a role, a post or a body of another kind
than the one asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Collection

from index.dates import MONTH_NAMES, WEEKDAY_NAMES
from index.nlp import sentence_parse
from rag.asked_roles import role_forms
from rag.candidate import Entity, sentence_with_the_one_before, text_stems
from rag.models import Passage
from rag.name_words import POSSESSIVE_END
from rag.query import QuestionAnalysis
from rag.text import all_stems, normalise, stems, words
from rag.value_clause import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words before a title that make someone other than its holder ("Former Mayor Tam Quist", "Deputy Mayor Lin Oake").
NOT_THE_HOLDER = frozenset({"former", "ex", "deputy", "vice", "assistant"})


def holds_the_role(analysis: QuestionAnalysis, passage: Passage, entity: Entity, sentence: tuple[int, int]) -> bool:
    """For "Who is the prosecutor?": whether the sentence calls the one at `entity` the prosecutor."""
    role_stems = set(stems(" ".join(role_forms(analysis.role or ""))))
    describing_stems = all_stems(" ".join(analysis.focus_verb_forms))
    return names_the_focus(passage.text, entity, role_stems, describing_stems, sentence,
                            naming_needs_the_focus=True) or _done_by_in_the_passive(
        analysis, passage.text, entity, sentence, describing_stems | role_stems
    ) or _given_the_role(
        passage.text, entity[:2], role_stems, sentence
    )


# Words that may stand before a title in it: "City Engineer", "County Fire Chief", "Acting Police Chief".
TITLE_QUALIFIERS = ("city", "county", "state", "town", "village", "district", "fire", "police", "deputy",
                     "assistant", "acting", "interim", "vice", "chief", "board", "school", "public", "health",
                     "finance", "budget", "works", "parks", "planning", "zoning", "transit", "utilities", "water",
                     "executive", "general")  # fmt: skip

# "Who replaced Greer Halloway as the girls' basketball coach?", "Who is filling in as athletic director?": who holds
# a post only a person holds (not "as engineer", "as assessor", "as treasurer" or "as coordinator", which a firm or a
# bank may be hired as); the post ends the phrase ("as the chief worry" names none).
_PERSONS_POSTS = (r"(?:director|superintendent|chief|chair(?:man|woman|person)?|president|mayor|sheriff|judge|"
                  r"prosecutor|spokes(?:person|man|woman)|alderman|council(?:man|woman|or|member)|principal|provost|"
                  r"dean|captain|lieutenant|sergeant|detective|coach|teacher|pastor|governor)")
WHO_HOLDS_A_PERSONS_POST = re.compile(
    rf"\W*who(?:['’]s)?\b[^?]*?\bas\s+(?:[\w'’.-]+\s+){{0,4}}?(?P<post>{_PERSONS_POSTS})"
    r"(?=\s*(?:$|[?.,;]|\s(?:of|for|at|in|on|with|after|before|to|when|since|until|while|this|next|last)\b))",
    re.IGNORECASE,
)
# Titles news puts before a name, of a post a person holds (those above, and posts a firm may also be hired for):
# each is another post than one asked for by another word.
_TITLES = (rf"(?:{_PERSONS_POSTS}|treasurer|clerk|secretary|attorney|administrator|manager|commissioner|trustee|"
           r"supervisor|comptroller|controller|auditor|assessor|engineer|planner|inspector|marshal|constable|warden|"
           r"registrar|CFO|CEO|COO)")
# A post's title right before a name: "former Superintendent Walter Dean", "Athletic Director Ben Sayre", "Treasurer
# Ida Holm".
_POST_BEFORE_NAME = re.compile(rf"\b(?P<post>{_TITLES})\s+$", re.IGNORECASE)
_POST_OPENING_NAME = re.compile(rf"(?P<post>{_TITLES})\s+(?-i:[A-Z])", re.IGNORECASE)


def titled_with_another_post(passage: Passage, start: int, end: int, s: int, post: str) -> bool:
    """Whether the name at passage.text[s:] stands right after the title of a post other than the one asked about
    ("former Superintendent Walter Dean left" for "as principal") in a sentence passage.text[start:end] that does not
    name the post asked about ("Assistant Principal Tam Orr has served as athletic director" holds it too); a name
    with no title may hold the post by other words ("Capt. Nia Ferrant took the reins")."""
    # (the model may take the title into the name: "Superintendent Walter Dean")
    title = _POST_BEFORE_NAME.search(passage.text, max(start, s - 40), s) or _POST_OPENING_NAME.match(passage.text, s)
    if title is None or title.group("post").casefold() in role_forms(post):
        return False
    told = sentence_with_the_one_before(passage, start, end)
    # (the sentence before names the post of another unless it names this one too: "... until the board hires a
    # permanent superintendent. Board President Ida Holm said ..." gives her no post of superintendent)
    name = _NAME_AT.search(passage.text, title.end("post") if title.start() >= s else s)
    surname = name.group().split()[-1] if name else ""
    if surname and surname not in told[: len(told) - (end - start)]:
        told = passage.text[start:end]
    return not any(re.search(rf"\b{re.escape(form)}\b", told, re.IGNORECASE) for form in role_forms(post))


def given_another_post(passage: Passage, start: int, end: int, e: int, post: str) -> bool:
    """Whether the sentence passage.text[start:end] gives the one named just before `e` another post than the one
    asked about by "as" ("Nell Ashgrove was sworn in as district attorney" for "Who was sworn in as probate judge?",
    "named Omar Sleet ... to take over as CFO" for a safety director), and does not name the post asked about at all
    ("was named interim principal after serving as assistant principal" may give it)."""
    given = _AS_A_POST.search(passage.text, e, end)
    if given is None or given.group("post").casefold() in role_forms(post):
        return False
    if _WHO_BEFORE.search(passage.text, e, given.start()):
        return False  # "named Ida Holm, who served as finance director, to run the town": the post she held before
    if post == "prosecutor" and _PROSECUTORS_TITLE.search(given.group()):
        return False  # "sworn in as district attorney": a prosecutor
    return not any(re.search(rf"\b{re.escape(form)}\b", passage.text[start:end], re.IGNORECASE)
                   for form in role_forms(post))  # fmt: skip


# A relative clause about the one named, whose "as" tells a post held before ("Ida Holm, who served as ..."; not
# "Omar Sleet, who has run its finances since 2020, to take over as CFO", whose clause has ended).
_WHO_BEFORE = re.compile(r"\bwho\b[^,]*$", re.IGNORECASE)
# A post given by "as": "sworn in as district attorney", "to take over as CFO".
_AS_A_POST = re.compile(rf"\bas\s+(?:[\w'’.-]+\s+){{0,3}}?(?P<post>{_TITLES})\b", re.IGNORECASE)


# A name in capitals: "Ida Holm", "Lou Amsel-Kerr".
_NAME_AT = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)*")


def titled_by_another(before: str, question: str, holders: bool = True, places: bool = True) -> bool:
    """Whether the words right before a title (`before` ends where it begins) make it another's: with `places`, a
    place the question does not name ("Cadlington Reach Fire Chief ..." for Ebbling Hollow's; a title in capitals,
    as news writes it after a place: not "Defense attorney", whose capital opens the sentence), and with `holders`
    "Former" or "Deputy"."""
    asked = {POSSESSIVE_END.sub("", w.casefold()) for w in words(question)}  # ("Orby's fire chief": Orby)
    for word in reversed(before.split()):  # back to the first word that is no name's
        bare = POSSESSIVE_END.sub("", word.casefold())  # ("Orby's Fire Chief")
        if bare in _NAMES_OF_TIME:
            return False  # "On Monday Fire Chief Ada Quist": a day, no place
        if bare in NOT_THE_HOLDER:
            if holders:
                return True
            continue
        if not re.fullmatch(r"[A-Z][\w'’-]*", word):
            return False  # ("said", "Monday,": the title's words begin after it)
        if places and bare not in TITLE_QUALIFIERS and bare not in asked:
            return True
    return False


# Capitalised words of time, which stand before a title without being a place's.
_NAMES_OF_TIME = frozenset(w.casefold() for w in (*WEEKDAY_NAMES, *MONTH_NAMES))


def of_another_place_by_title(analysis: QuestionAnalysis, text: str, entity: tuple[int, int],
                               sentence: tuple[int, int]) -> bool:  # fmt: skip
    """For "Who is the Ostleigh fire chief?": whether the name is titled with the role asked for a place the
    question does not name ("Harrowmere Fire Chief Sidonie Arkwright"). Only when the question names one."""
    if not analysis.constraints:
        return False
    forms = "|".join(map(re.escape, role_forms(analysis.role or "")))
    title = re.compile(rf"(?i:\b(?:{forms}))\s+$").search(text, sentence[0], entity[0]) if forms else None
    # (not "Assistant prosecutor": whose kind it is, `another_kind_of` reads)
    if title is not None and title.group()[:1].isupper() and titled_by_another(
        text[sentence[0] : title.start()], analysis.question, holders=False
    ):
        return True
    # "Ashgrove's principal, Malachy Dunstable, ...": the role of the place before it, named beside it
    owner = (re.compile(rf"\b((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)['’]s\s+(?:[a-z]+\s+)?(?i:{forms}),\s+$")
             if forms else None)  # fmt: skip
    owned = owner.search(text, sentence[0], entity[0]) if owner is not None else None
    asked = {POSSESSIVE_END.sub("", w.casefold()) for w in words(analysis.question)}
    # (of the place when any word of its name is the question's: "Tarnby Primary School's principal")
    if owned is not None and not any(w.casefold() in asked for w in owned.group(1).split()):
        return True
    return _of_another_place_told(analysis, text, entity, sentence, asked)


# A place after a name: "Deputy Chief Lorcan Vashti of Wendle Cross".
_OF_A_PLACE_AFTER = re.compile(r",?\s+of\s+((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)")
# A public body of a place: "the Gorsey Bridge Police Department", "the Orby Town Council".
_A_PLACES_BODY = re.compile(r"\b((?:[A-Z][\w'’-]*\s+)+)(?:Department|Council|Board|Commission|Office)\b")


def _of_another_place_told(analysis: QuestionAnalysis, text: str, entity: tuple[int, int],
                           sentence: tuple[int, int], asked: set[str]) -> bool:  # fmt: skip
    """For "Who's the deputy fire chief in Harrowmere?": whether the sentence, which names no place the question
    names, ties the name to another place: "Deputy Chief Lorcan Vashti of Wendle Cross", or "Deputy Chief Ottilie
    Garrow will lead the Gorsey Bridge Police Department" (a place's name before a public body's)."""
    places = {w.casefold() for c in analysis.constraints if c.kind == "name" for w in words(c.text)} - _GENERIC_NAME
    told = {POSSESSIVE_END.sub("", w.casefold()) for w in words(text[sentence[0] : sentence[1]])}
    if not places or places & told:
        return False
    after = _OF_A_PLACE_AFTER.match(text, entity[1], sentence[1])
    if after is not None and _another_places_words(after.group(1).split(), asked):
        return True
    return any(_another_places_words(body.group(1).split(), asked)
               for body in _A_PLACES_BODY.finditer(text, sentence[0], sentence[1]))  # fmt: skip


# Words of a name that say what kind of place or body it is, not which.
_GENERIC_NAME = frozenset({"the", "city", "town", "county", "village", "state", "district"})


def _another_places_words(name: list[str], asked: set[str]) -> bool:
    """Whether a name holds a word that names a place (no title's word, no word of time) and none the question
    asks of."""
    bare = [POSSESSIVE_END.sub("", w.casefold()) for w in name]
    own = [w for w in bare if w not in TITLE_QUALIFIERS and w not in _GENERIC_NAME and w not in _NAMES_OF_TIME]
    return bool(own) and not any(w in asked for w in own)


# How many words after a name and its comma may come before the noun it names ("Tessaly's, a new bakery").
NAMED_WINDOW = 4
# Words that give a thing its name just before the name: "a bakery called Tessaly's", "known as the Dock", "the
# driver's name, Jo Tallis"; and "identified ... as", which news writing puts the one named in: "police
# identified the driver killed in the crash as Jo Tallis".
_NAMING = re.compile(
    r"\b(?:called|named|renamed|dubbed|titled|name[,:]?|"
    r"(?:known|identified|organi[sz]ed|formed|incorporated|registered)\b[^.;:!?]{0,60}?"
    r"(?<!\bsuch )(?<!\bwell )(?<!\bjust )(?<!\btime )\bas)\s+$",  # not "such as", "as well as", "at the same time as"
    re.IGNORECASE,
)


# Words of giving or bearing a name, anywhere in a sentence: "will be called", "voted to name", "known as".
_A_NAMING_WORD = re.compile(
    r"\b(?:call(?:s|ed|ing)?|(?:re)?nam(?:e|es|ed|ing)|dub(?:s|bed|bing)?|christen(?:s|ed|ing)?|titled|known as|"
    r"go(?:es|ing)? by|went by)\b", re.IGNORECASE,
)
# Words before a name a thing had: "rename Elm Street Park", "the old Tallow Creek Bridge", "formerly the Mudcats".
_AN_OLD_NAME_BEFORE = re.compile(
    r"\b(?:renam(?:e|es|ed|ing)|old|former|formerly|previous|previously|once)\s+(?:the\s+)?$", re.IGNORECASE
)


def names_the_focus(
    text: str, entity: Entity, focus_stems: set[str], describing_stems: set[str], sentence: tuple[int, int],
    naming_needs_the_focus: bool = False, given_name: bool = False,
) -> bool:
    """For "What is the name of the bakery?": whether the name at `entity` is the bakery's, as the sentence says
    it: the name holds the noun asked about ("Orrel Street Bakery"), the noun comes right before it ("the new
    bakery, Tessaly's") or after it and a comma ("Tessaly's, a new bakery on Main Street"; not "Dana Lisle, the
    bakery's owner"), or a word of naming comes before it ("a bakery called Tessaly's"). For "the name of the
    bakery that will close", `describing_stems` ("close"): the name does it ("Tessaly's will close"). Another
    name in a sentence about the bakery ("The bakery closed Tuesday, Dana Lisle said") is someone else's.
    For "What name did they give the park?" (`given_name`), a name holding the noun counts only in a sentence of
    naming, and not as the old name ("voted to rename Elm Street Park as ...").
    For a role (`naming_needs_the_focus`), a word of naming gives it only with the role's noun beside it ("police
    identified the driver as Jo Tallis", not "neighbours organized as the Ferrow Group" for the architect).
    Without a noun asked about, every name is one. Only the name's `sentence` (its bounds in `text`) is read:
    "Harwick has a bakery. Jo Tallis opened it" does not give the bakery a name."""
    if not focus_stems:
        return True
    start, end = entity[0], entity[1]
    before = text[max(sentence[0], start - 80) : start]
    after = text[end : min(sentence[1], end + 80)]
    previous = _title_before(before, len(text[start:end].split()) == 1)
    following = after[1:].split()[:NAMED_WINDOW] if after.startswith(",") else []  # the words, not the comma
    holds = bool(focus_stems & text_stems(text[start:end]))
    if holds and given_name:
        # "What name did the council give the park?": a name holding the noun is given it only in a sentence of
        # naming, and not as the old one ("voted to rename Elm Street Park as ...", "The old Tallow Creek Bridge")
        holds = bool(_A_NAMING_WORD.search(text, sentence[0], sentence[1])) and not _AN_OLD_NAME_BEFORE.search(before)
    return bool(
        holds
        or describing_stems & all_stems(" ".join(after.split()[:NAMED_WINDOW]))  # "won" is a stopword to text_stems
        or any(focus_stems & text_stems(word) for word in previous)
        or any(focus_stems & text_stems(word) for word in following if not word.rstrip(",.;").endswith(("'s", "’s")))
        or _naming_words_before(before, focus_stems if naming_needs_the_focus else None, after)
    )


# "by" right before a name: the name does what the words before tell ("owned since 2021 by Vantage Ridge").
_DONE_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_FORMS_OF_BE = frozenset({"is", "was", "are", "were", "be", "been", "being"})


def _done_by_in_the_passive(analysis: QuestionAnalysis, text: str, entity: Entity, sentence: tuple[int, int],
                            describing_stems: set[str]) -> bool:  # fmt: skip
    """Whether the sentence tells, in the passive, that the name at `entity` does what the question asks of the
    thing it names: "The building at 87 Main Street is owned by" (the landlord of "the Copper Kettle building"),
    "Pruitt's Hardware was founded in 1961 by", "is run by"; not of another thing ("The property is run by" for
    "Who runs Tessaly Health?"), nor in a clause on another noun ("a weekday health clinic run by")."""
    before = text[max(sentence[0], entity[0] - 80) : entity[0]]
    if not _DONE_BY_BEFORE.search(before):
        return False
    last = before.split()[-NAMED_WINDOW - 1 :]
    verbs = [i for i, word in enumerate(last) if all_stems(word) & describing_stems]
    if not verbs or verbs[-1] == 0 or last[verbs[-1] - 1].casefold() not in _FORMS_OF_BE:
        return False
    asked = text_stems(analysis.question) - describing_stems - set(stems(" ".join(_FORMS_OF_BE)))
    subject = _A_SUBJECTS_HEAD.match(text, sentence[0], entity[0])
    if subject is not None and asked & text_stems(subject.group(1)):
        return True  # (the thing the subject is, not one it is at: "The laundry room at Larkspur Court is run by")
    # or a noun that points back to it: "The complex has been owned ... by" after "Residents of Birchwood Commons,
    # a 96-unit complex on Kettle Road, ..." (the question's name itself, not a word of it: "Fenwick Avenue" is no
    # "Fenwick Arms")
    pointing = _THE_NOUN_OPENING.match(text, sentence[0], entity[0])
    earlier = text[max(0, sentence[0] - _POINTED_BACK_REACH) : sentence[0]]
    names = [c for c in analysis.constraints if c.kind == "name"]
    return bool(pointing and re.search(rf"\b{pointing.group(1)}\b", earlier, re.IGNORECASE) and names
                and all(c.holds_in(normalise(earlier), set(words(earlier))) for c in names))  # fmt: skip


# A sentence opened by "the" or "this" and a common noun, which points back to what an earlier sentence names; how
# far back (in characters, about two sentences) it may point.
_THE_NOUN_OPENING = re.compile(r"\s*(?:The|This)\s+([a-z]{3,})\b")
# The last word of a passive clause's subject before a preposition or its verb: "The *building* at 87 Main Street is
# owned by", "Pruitt's *Hardware* was founded in 1961 by".
_A_SUBJECTS_HEAD = re.compile(r"\s*(?:(?:The|This|A|An)\s+)?(?:[\w'’.-]+\s+)*?([\w'’-]+)\s+"
                              r"(?:at|in|on|of|inside|behind|near|along|off|is|was|are|were|has|have|had|will|would)\b")
_POINTED_BACK_REACH = 400


# How many words before a word of naming may hold the noun it names ("the firm's lead architect, named as").
_NAMED_NOUN_WINDOW = 6


def _naming_words_before(before: str, focus_stems: set[str] | None, after: str) -> bool:
    """Whether `before` ends in words that give the name after it ("a bakery called"); with `focus_stems`,
    words that give it to the noun asked about, within the naming words or just before them: "police
    identified the driver as", not "neighbours organized as" for an architect; or right after the name (`after`,
    the sentence's words after it): "named Dana Lisle its new superintendent", "a firm called Orrel Design will
    serve as architect", not "a group called Save Hollin sued the architect"."""
    naming = _NAMING.search(before)
    if naming is None or focus_stems is None:
        return naming is not None
    words_before = before[: naming.start()].split()[-_NAMED_NOUN_WINDOW:]
    return bool(focus_stems & text_stems(" ".join([*words_before, naming.group(0)]))) or _role_right_after(
        after, focus_stems
    )


# Words between a name and the role given it right after: "named Dana Lisle as its new superintendent", "will
# serve as architect".
_BEFORE_A_ROLE = frozenset({"will", "would", "to", "serve", "act", "work", "be", "as", "its", "his", "her", "their",
                            "the", "a", "an", "new", "interim", "acting", "permanent", "first"})  # fmt: skip


def _role_right_after(after: str, focus_stems: set[str]) -> bool:
    """Whether the role's noun follows the name within a few words of the same phrase, only words of
    `_BEFORE_A_ROLE`, a possessive ("the city's") or one word right before the noun ("lead architect") between."""
    found = re.match(r"[^,;:()—–.!?]*", after)
    following = (found.group(0) if found else "").split()[:_NAMED_NOUN_WINDOW]
    for i, word in enumerate(following):
        if focus_stems & text_stems(word):
            return True
        if word.casefold() in _BEFORE_A_ROLE or word.endswith(("'s", "’s")):
            continue
        return i + 1 < len(following) and bool(focus_stems & text_stems(following[i + 1]))
    return False


# How many capitalised words before a name may be more of it, which the model left out ("owner Erling *Gunderholt*").
_UNTAGGED_NAME_WORDS = 2


def _title_before(before: str, surname_only: bool) -> list[str]:
    """The word right before a name; and when the model tagged a surname alone (`surname_only`) and the words
    before it are capitalised, within one phrase (the first name it left out, or a title written with a
    capital: "owner Erling", "Council President"), those and the word before them. Not across a comma or the
    like: in "the marina's owner, Mayor Tam Quist said" the owner is someone else."""
    preceding = before.split()
    taken = 1
    while (surname_only and taken <= _UNTAGGED_NAME_WORDS and taken < len(preceding)
           and preceding[-taken][:1].isupper() and not preceding[-taken - 1].endswith(_PAUSES)):  # fmt: skip
        taken += 1
    return preceding[-taken:]


# Punctuation that ends a phrase: the words before it do not describe the name after it.
_PAUSES = (",", ";", ":", ")", "—", "–")


# Words that say which of a role's kinds someone holds ("interim chief", "assistant coach"), the first three of one
# meaning; and words that stop the words before a role ("the", "as"). English words, not the words of a corpus.
_ROLE_KINDS = {"interim": "interim", "acting": "interim", "temporary": "interim", "permanent": "permanent",
               "former": "former", "deputy": "deputy", "assistant": "assistant", "associate": "associate",
               "vice": "vice", "head": "head", "senior": "senior", "junior": "junior"}  # fmt: skip
# (with the forms of "be" and the words of a question: "Who was chair of ...?" asks of no kind of chair)
_BEFORE_A_ROLE_STOP = frozenset({"the", "a", "an", "as", "its", "his", "her", "their", "our", "and", "of", "new",
                                 "be", "is", "was", "are", "were", "been", "being", "will", "who", "whom", "whose",
                                 "which", "what", "named", "became", "become", "becomes", "serve", "served", "serves",
                                 "elected", "appointed", "chosen", "picked", "hired", "now", "still", "currently"})
# How near a name a word of its role stands to be its role ("The bus driver, Nancy Colfax", "Nancy Colfax, the bus
# driver"), in characters.
_ROLE_REACH = 40


# The titles of a lawyer who prosecutes for the public (English titles): no party's lawyer.
_PROSECUTORS_TITLE = re.compile(
    r"(?<!school )\b(?:district|prosecuting|state's|u\.s\.)\s+attorney\b|\battorneys?\s+general\b|\bprosecutor\b",
    re.IGNORECASE,
)
# The words of a question that asks for a prosecutor, not a party's lawyer ("Who is the district attorney?").
_ASKS_A_PROSECUTOR = re.compile(r"\b(?:district|prosecut\w*|general|state's|u\.s\.)", re.IGNORECASE)


def asks_for_a_partys_lawyer(analysis: QuestionAnalysis) -> bool:
    """"Who is Ted Orrin's lawyer?", "Who is the attorney for the tenants?"; not "Who is the district attorney?"."""
    return analysis.role in ("lawyer", "attorney") and not _ASKS_A_PROSECUTOR.search(analysis.question)


# What stands between a name and a title given it in apposition: ", the county prosecutor", ", a prosecutor"; not
# ", who was a prosecutor for 20 years" (what someone was).
_AN_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|a|an|its|his|her|their)\s+)?(?:[a-z][\w.'-]*\s+)?", re.IGNORECASE)
_WAS_ONCE = frozenset({"who", "which", "was", "were", "once"})


def a_prosecutor(text: str, entity: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether the sentence gives the person at `entity` a prosecutor's title, right before the name ("Assistant
    District Attorney Simone Achterberg") or right after it ("Ada Renn, the county prosecutor"); not a former one,
    nor the title of someone else named beside ("Defense attorney Lena Ortiz and prosecutor Sam Bell")."""
    told = text[sentence[0] : sentence[1]]
    name_start, name_end = entity[0] - sentence[0], entity[1] - sentence[0]
    for title in _PROSECUTORS_TITLE.finditer(told):
        if "former" in told[max(0, title.start() - 12) : title.start()].casefold():
            continue
        before = 0 <= name_start - title.end() <= 1
        between = told[name_end : title.start()] if title.start() >= name_end else ""
        after = bool(_AN_APPOSITION.fullmatch(between)) and not _WAS_ONCE & set(words(between))
        if before or after:
            return True
    return False


def another_kind_of(role: str, question: str, text: str, entity: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """Whether the sentence calls the person at `entity` a role of another kind than the question asks for: "Deputy
    Chief Amy Carver will serve as interim chief" for "Who will be the permanent police chief?", "The SUV's driver,
    Randall Kuiper" for "the name of the sedan driver". The kind is what stands right before the role: a word of
    status (interim, acting, former, assistant ...) or a noun in lowercase or with "'s" ("bus", "SUV's"); names
    in capitals are no kind ("Harwood Middle School Principal Gordon Blake"). False when either says no kind."""
    forms = "|".join(map(re.escape, role_forms(role)))
    asked = {k for m in re.finditer(rf"\b(?:{forms})\b", question, re.IGNORECASE)
             for k in _kind_words(question[: m.start()], lowercase=True)}  # fmt: skip
    # (or after it: "chief of police" is of the kind "police")
    asked |= {m.group(1).casefold() for m in re.finditer(rf"\b(?:{forms})\s+of\s+(?:the\s+)?([a-z]+)\b", question,
                                                           re.IGNORECASE) if m.group(1).casefold() in _SERVICE_KINDS}
    if not asked:
        return False
    near = [m for m in re.finditer(rf"\b(?:{forms})\b", text[sentence[0] : sentence[1]], re.IGNORECASE)
            if abs(sentence[0] + m.start() - entity[0]) <= _ROLE_REACH
            or abs(sentence[0] + m.end() - entity[1]) <= _ROLE_REACH]  # fmt: skip
    kinds = [_kind_words(text[sentence[0] : sentence[0] + m.start()], asked=asked)
             | _compound_kind(text[sentence[0] : sentence[1]], m.start()) for m in near]  # fmt: skip
    ranks = asked & _RANKS_BELOW
    if ranks and kinds:
        # a post under the one named is another post: "Police Chief Ada Quist" is no deputy police chief, with or
        # without a kind of her own
        return all(not k & ranks for k in kinds)
    return bool(kinds) and all(k and not k & asked for k in kinds)


# Kinds of a post that name the one under it: a deputy chief is not the chief, nor the chief a deputy chief.
_RANKS_BELOW = frozenset({"deputy", "assistant", "associate", "vice"})


def _compound_kind(sentence: str, at: int) -> set[str]:
    """The lowercase nouns the role at sentence[at:] is a compound of: "library" of "library director Ada Voss"."""
    role = next((t for t in sentence_parse(sentence) if t.idx == at), None)
    if role is None:
        return set()
    # (with the lemma: "schools superintendent" is of the kind "school superintendent")
    return {form for c in role.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower()
            for form in (c.lower_, c.lemma_.casefold())}  # fmt: skip


# Nouns for a body that has a head ("Board President", "president of the teachers union"). English words.
_BODY_NOUNS = frozenset({"board", "council", "commission", "committee", "union", "association", "club", "society",
                         "league", "chamber", "district", "foundation", "party", "authority", "trust", "alliance",
                         "coalition", "cooperative", "co-op"})  # fmt: skip


def head_of_another_body(role: str, question: str, text: str, entity: tuple[int, int],
                          sentence: tuple[int, int]) -> bool:  # fmt: skip
    """Whether the person at `entity` heads another body than the one the question asks of: "Board President Gail
    Ferreira" for "Who is president of the Morrow Bend teachers union?". The question's body is the noun of its
    "<role> of the ..."; the sentence's, a body's noun in capitals right before the role beside the name."""
    forms = "|".join(map(re.escape, role_forms(role)))
    of = re.search(rf"\b(?:{forms})\s+of\s+(?:the\s+)?([^?,.]+)", question, re.IGNORECASE)
    asked = {w for w in words(of.group(1)) if w in _BODY_NOUNS} if of else set()
    if not asked:
        return False
    for m in re.finditer(rf"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+(?i:{forms})\b", text[sentence[0] : sentence[1]]):
        at = sentence[0] + m.end()
        if 0 <= entity[0] - at <= 2 and m.group(1).casefold() in _BODY_NOUNS:
            return m.group(1).casefold() not in asked
    return False


def _kind_words(before: str, lowercase: bool = False, asked: Collection[str] = ()) -> set[str]:
    """The kind of a role, from the (up to) two words before it: a word of status or a possessive ("interim", "SUV's");
    with `lowercase`, as a question says it, any lowercase word too ("permanent police" -> {"permanent", "police"}),
    and in a sentence a lowercase word the question `asked` ("police"). A sentence's other words before a role are
    seldom its kind ("longtime principal", "became director")."""
    found: set[str] = set()
    for word in reversed(before.split()[-2:]):
        bare = word.strip(",;:()\"“”").removesuffix("'s").removesuffix("’s")
        lower = bare.casefold()
        if not bare or lower in _BEFORE_A_ROLE_STOP or word.endswith((",", ";", ":")):
            break
        if lower in _ROLE_KINDS:
            found.add(_ROLE_KINDS[lower])
        elif (bare.islower() and (lowercase or lower in asked)) or word.endswith(("'s", "’s")):
            found.add(lower)
        elif bare.islower():
            continue
        elif lower in _SERVICE_KINDS and word == before.split()[-1]:
            found.add(lower)  # "Fire Chief Ada Quist" is of the kind "fire", as "fire chief" would be
        else:
            break  # a name in capitals: "Harwood Middle School Principal"
    return found


# The services whose word news writes in capitals right before a title ("Fire Chief", "Police Chief", "Health
# Director"): a kind of the role, not a name. English words.
_SERVICE_KINDS = frozenset({"fire", "police", "ems", "ambulance", "health", "library", "parks", "transit", "water",
                            "finance", "planning"})  # fmt: skip


def _given_the_role(text: str, entity: tuple[int, int], role_stems: set[str], sentence: tuple[int, int]) -> bool:
    """For "Who is the county engineer?": whether a clause of the `sentence` (its bounds in `text`) says the
    person at `entity` holds the role: "Dana Lisle is the new county engineer", "The county engineer is Dana
    Lisle", "was named county engineer", "hired Dana Lisle as its engineer", "Dana Lisle, who was named
    engineer, ..."; not "Dana Lisle met the engineer" or "Dana Lisle said the engineer was wrong"."""
    if not role_stems & text_stems(text[sentence[0] : sentence[1]]):
        return False  # no word of the role: nothing to parse
    doc = sentence_parse(text[sentence[0] : sentence[1]])
    span = doc.char_span(entity[0] - sentence[0], entity[1] - sentence[0], alignment_mode="expand")
    if span is None:
        return False
    person = span.root
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in range(span.start, span.end):
            continue
        if not role_stems & (all_stems(noun.text) | all_stems(noun.lemma_)):
            continue
        verb = _predicating_verb(noun)
        if verb is None:
            continue
        if person.head.i == verb.i and person.dep_ in _CLAUSE_ARGUMENTS:
            return True
        if verb.dep_ in ("relcl", "acl") and verb.head.i == person.i:
            return True  # "Dana Lisle, who was named engineer": the clause is on the name
    return False


# A clause's subject, object or (after "be") attribute: the one a predicate noun says something of.
_CLAUSE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def _predicating_verb(noun: "Token") -> "Token | None":
    """The verb through which `noun` is said of its clause's subject or object: "is the engineer", "was named
    engineer" (an attribute or a predicate complement), "The engineer is ..." (the subject of "be"), "hired
    her as engineer", "is in her third year as coach" (after "as"); None otherwise."""
    if noun.dep_ in ("attr", "oprd"):
        return noun.head
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = governing_verb(noun.head.head)
        return verb if verb.pos_ in ("VERB", "AUX") else None
    return None
