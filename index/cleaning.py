"""Line-level removal of site boilerplate from news article text.

Input is the loader's text (newlines already normalised to ``\\n``). The text is
split into lines; each non-blank line is either kept verbatim (only leading and
trailing whitespace stripped) or dropped whole by a named rule. Kept lines are
joined with a single ``\\n``, so blank lines collapse and every paragraph is one
line. ``CleanedText.segments`` maps each kept line back to the raw text, and all
offsets elsewhere in the system (chunks, citations) refer to ``CleanedText.text``.

Policy decisions (applied the same way to every article):

* Headline: when the page text starts with the headline, it stays as the first
  line, verbatim, including a " – Publisher" suffix if the page title carried
  one (lines are never edited). Nothing tries to detect headlines; they survive
  because no rule targets them.
* Pure header lines are dropped: publisher and section labels (``header_label``,
  ``section_label``), date/time stamps (``timestamp``) and bylines (``byline``).
  A header label is a line of at most three words without sentence punctuation
  before the first kept line of four or more words, so a headline of three
  words or fewer would be taken for a label.
* Reporting metadata is dropped: contributor and agency credit lines
  ("... contributed to this report.", "With Bloomberg, Reuters") and photo
  captions with a credit. They say who reported, not what happened.
* Markdown furniture is dropped like its HTML counterpart: image lines
  (``![alt](src)``), lines of nothing but links, "Related:" / "Read more:" labels
  with the list of links or headlines under them, and an emphasised credit line
  under the headline (``**Jane Doe | Harbor Gazette**``). Lines are read with
  their emphasis, quote and list marks set aside; headings (``#``) are not.
* Fallback: if the rules would drop every line of a non-blank text, all lines are
  kept and nothing is reported as removed, so cleaning never empties an article.

Rules come in two kinds, applied in the order of ``RULES``:

* ``LineRule``: a predicate on one stripped line. The first line rule that
  matches names the removal.
* ``ContextRule``: looks at all lines and the verdicts so far (e.g. "the line
  after SEE ALSO:", "a run of teaser lines ending in '...'"). Context rules run
  after all line rules, in order, and only claim lines that are still kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from index.dates import MONTH_PATTERN, WEEKDAY_PATTERN
from index.header_lines import is_navigation_bar, is_prose, is_role, name_like, read_header_line, unmark

__all__ = [
    "CleanedText",
    "ContextRule",
    "LineRule",
    "RULES",
    "RemovedLine",
    "clean_article",
    "has_sentence",
]


@dataclass(frozen=True)
class RemovedLine:
    line_no: int  # 0-based line number in the raw text
    text: str
    rule: str  # name of the rule that removed it


@dataclass(frozen=True)
class CleanedText:
    text: str  # cleaned text; all offsets in the system refer to this
    removed: tuple[RemovedLine, ...]
    segments: tuple[tuple[int, int, int], ...]  # (clean_start, raw_start, length) per kept line

    def to_raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to the matching offset in the raw text.

        Offsets inside a kept line map one to one. The offset of a joining
        ``\\n`` (equivalently, the end of a line) maps to the end of that line in
        the raw text, so ``(start, end)`` spans map to raw spans that cover the
        same characters.
        """
        if not 0 <= clean_offset <= len(self.text):
            raise ValueError(f"offset {clean_offset} is outside the cleaned text (0..{len(self.text)})")
        if not self.segments:
            return 0
        starts = [seg[0] for seg in self.segments]
        idx = max(bisect_right(starts, clean_offset) - 1, 0)
        clean_start, raw_start, length = self.segments[idx]
        return raw_start + min(clean_offset - clean_start, length)


@dataclass(frozen=True)
class LineRule:
    name: str
    description: str
    matches: Callable[[str], bool]


@dataclass(frozen=True)
class ContextRule:
    name: str
    description: str
    # (stripped lines, verdicts so far: None = kept, "" = blank, else rule name) -> indices to drop
    select: Callable[[Sequence[str], Sequence[str | None]], Iterable[int]]


Rule = LineRule | ContextRule


# --- helpers -----------------------------------------------------------------

_I = re.IGNORECASE


class _Pattern:
    """A regex compiled on first use, so that importing the module does no work."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled


def _any(*patterns: str, flags: int = _I) -> Callable[[str], bool]:
    lazy = [_Pattern(p, flags) for p in patterns]
    return lambda line: any(p.rx.search(line) for p in lazy)


def _words(line: str) -> list[str]:
    return line.split()


_QUOTED = _Pattern(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")


def _outside_quotes(line: str) -> str:
    # Unclosed quotes run to the end of the line: continuation paragraphs of a
    # long quotation open with “ and never close.
    return _QUOTED.rx.sub(" ", line)


_SENTENCE_END = _Pattern(r"[.!?…:;,]['’\"”)\]]*$|[\"”’]$")

_MD_MARKS = _Pattern(r"^(?:>\s*)*(?:(?:[-+]|\*(?=\s)|\d{1,3}[.)])\s+)?[*_]*\s*|\s*[*_]+$")


def _md_plain(line: str) -> str:
    """The line without Markdown quote, list-item and emphasis marks around it ("> **Read more:**" -> "Read more:").

    A heading ("# ...") keeps its mark: a headline is never taken for a label.
    """
    return _MD_MARKS.rx.sub("", line).strip()


def _on_plain(predicate: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda line: predicate(_md_plain(line))


_MD_LINK = r"\[[^\]]+\]\([^()\s]+(?:\s+\"[^\"]*\")?\)"
_MD_IMAGE = r"\[?!\[[^\]]*\]\([^()\s]+(?:\s+\"[^\"]*\")?\)(?:\]\([^()\s]+\))?"
_IMAGE_LINE = _Pattern(rf"^(?:(?:{_MD_IMAGE}|<img\b[^>]*>)\s*)+$", _I)
_LINK_ONLY = _Pattern(rf"^(?:{_MD_LINK}[\s|·•,;/–—-]*)+$")


def _image_line(line: str) -> bool:
    return bool(_IMAGE_LINE.rx.match(_md_plain(line)))


def _link_only(line: str) -> bool:
    return not line.startswith("#") and bool(_LINK_ONLY.rx.match(_md_plain(line)))


def _headline_like(line: str) -> bool:
    """Short line that does not end like a sentence (teaser and headline shape)."""
    n = len(_words(line))
    return 2 <= n <= 20 and not line.rstrip().endswith((".", ",", ";", ":", "”", '"'))


def _ends_with_ellipsis(line: str) -> bool:
    return line.endswith(("...", "…"))


def _next_nonblank(verdicts: Sequence[str | None], start: int, step: int) -> int | None:
    i = start + step
    while 0 <= i < len(verdicts):
        if verdicts[i] != "":
            return i
        i += step
    return None


# --- line predicates that need more than one regex ------------------------------

_FIRST_PERSON_PLURAL = _Pattern(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # case-sensitive: "US" is a country
_SELF_REFERENCE = _Pattern(
    r"\b(?:we|our)\b(?:\s+[\w’'-]+){0,3}?\s+"
    r"(?:journalism|journalists|reporters|reporting|newsroom|documentar(?:y|ies)|coverage|readers|subscribers)\b",
    _I,
)
_VALUE_JOURNALISM = _Pattern(
    r"\b(?:independent|quality|traditional|fact-based|award-winning|trusted|impartial|fearless)\s+"
    r"(?:journalism|news|reporting)\b|\bpaywalls?\b",
    _I,
)


def _publisher_appeal(line: str) -> bool:
    # The outlet talking about itself: first person plural outside quotations
    # together with talk of its own journalism. Quoted speech ("We are ...") is
    # ignored so that politicians' statements are never mistaken for appeals.
    text = _outside_quotes(line)
    if not _FIRST_PERSON_PLURAL.rx.search(text):
        return False
    return bool(_SELF_REFERENCE.rx.search(text) or _VALUE_JOURNALISM.rx.search(text))


_MONTHS = MONTH_PATTERN
_WEEKDAYS = WEEKDAY_PATTERN
_DATE_PREFIX = _Pattern(
    r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|modified)(?:\s+(?:on|at))?\s*:?\s*", _I
)
_DATE_TOKEN = _Pattern(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|\b(?:{_MONTHS}|{_WEEKDAYS})\b\.?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|\b\d{1,4}(?:st|nd|rd|th)?\b"
    r"|\b(?:a\.m\.|p\.m\.|am|pm)"
    r"|\b(?-i:GMT|UTC|[A-Z]{1,4}T)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\b"  # zone names are upper case
    r"|\b(?:at|on)\b"
    r"|[\s,./|()–—-]+",
    _I,
)
_HAS_DATE = _Pattern(rf"\b(?:{_MONTHS})\b|\b\d{{4}}\b|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{1,2}}:\d{{2}}\b", _I)


_RELATIVE_TIME = _Pattern(
    r"^(?:(?:last\s+)?updated|published|posted)\s*:?\s*\d+\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?)\s+ago$",
    _I,
)


def _timestamp(line: str) -> bool:
    if _RELATIVE_TIME.rx.match(line):
        return True
    body = _DATE_PREFIX.rx.sub("", line)
    return bool(body) and bool(_HAS_DATE.rx.search(body)) and not _DATE_TOKEN.rx.sub("", body).strip()


_SECTION_LABEL = _Pattern(r"^[A-Z][A-Z&'’.-]*(?:\s+[A-Z&'’.-]+){0,2}$")


def _section_label(line: str) -> bool:
    return bool(_SECTION_LABEL.rx.match(line)) and any(c.isalpha() for c in line)


# --- context rules -------------------------------------------------------------

_RELATED_LABEL_ONLY = _Pattern(
    r"^(?:(?:see\s+also|read\s+more|read\s+also|also\s+read|related(?:\s+(?:stories|articles|coverage|content))?|"
    r"recommended(?:\s+reading)?|more\s+on\s+this(?:\s+story)?|further\s+reading)\s*:?|"
    r"more\s+from\s+[^:.!?]{1,40}:)$",
    _I,
)


def _see_also_teaser(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # Under a lone label: its first item (blank lines may come between), then the
    # list it starts: the lines right below, while they are headlines, and lines
    # of links (a link may stand after a blank line).
    for i, line in enumerate(lines):
        if not (verdicts[i] and _RELATED_LABEL_ONLY.rx.match(_md_plain(line))):
            continue
        j = i
        while (k := _next_nonblank(verdicts, j, 1)) is not None:
            first, adjacent = j == i, k == j + 1
            if verdicts[k] is not None:  # an item another rule removed ("Photos: ...") stays in the list
                if not (first or adjacent):
                    break
            elif first and len(_words(lines[k])) <= 40:
                yield k
            elif _link_only(lines[k]) or (adjacent and _headline_like(lines[k]) and not is_prose(lines[k])):
                yield k
            else:
                break
            j = k


def _teaser_list(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # Runs of two or more truncated lines ("...") are lists of other stories; a
    # single trailing-off line can be a real quotation, so it is left alone.
    run: list[int] = []
    for i, line in enumerate(lines):
        if verdicts[i] == "" or (verdicts[i] and not _ends_with_ellipsis(line)):
            continue  # blank and already-removed lines neither extend nor break a run
        if _ends_with_ellipsis(line):
            run.append(i)
            continue
        if len(run) >= 2:
            yield from run
        run = []
    if len(run) >= 2:
        yield from run


_NAV_RULE = "nav_label"


def _nav_teaser(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # Headlines of other stories sit right next to "Previous article" /
    # "You may also like"; walk outwards while lines look like headlines.
    claimed: set[int] = set()
    for i in range(len(lines)):
        if verdicts[i] != _NAV_RULE:
            continue
        for step in (-1, 1):
            j = _next_nonblank(verdicts, i, step)
            while j is not None:
                if verdicts[j] == _NAV_RULE or j in claimed:
                    pass
                elif verdicts[j] is None and _headline_like(lines[j]):
                    claimed.add(j)
                else:
                    break
                j = _next_nonblank(verdicts, j, step)
    return claimed


def _header_zone(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    """Kept lines above the first paragraph of prose (removed lines do not end the header)."""
    for i, line in enumerate(lines):
        if verdicts[i] is not None:
            continue
        if is_prose(line):
            return
        yield i


def _header_label(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # Above the story, lines of at most three words without sentence
    # punctuation are publisher names, section names, kickers, bare author
    # names and contact addresses, before and after the headline (four words
    # or more, so it stays, as does a dek). A pipe or slash is not a word:
    # "NewsChannel 8 | WTVL" is a three-word label.
    for i in _header_zone(lines, verdicts):
        n_words = sum(1 for w in _words(lines[i]) if any(c.isalnum() for c in w))
        if n_words <= 3 and not _SENTENCE_END.rx.search(lines[i]):
            yield i


def _header_navigation(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    for i in _header_zone(lines, verdicts):
        if is_navigation_bar(lines[i]):
            yield i


def _byline_role(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # "By Jane Doe" and, on the next line, "Staff Writer" / "Courier staff".
    for i in range(len(lines)):
        if verdicts[i] == "byline":
            j = _next_nonblank(verdicts, i, 1)
            if j is not None and verdicts[j] is None and is_role(unmark(lines[j])):
                yield j


_EMPHASISED = _Pattern(r"^(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1$")
_CREDIT_SEPARATOR = _Pattern(r"\s+[|·•–—/]\s+|\s*[|·•]\s*")


def _emphasised_credit(lines: Sequence[str], verdicts: Sequence[str | None]) -> Iterable[int]:
    # "**Jane Doe | Harbor Gazette**": a byline without "By", set off by its emphasis.
    for i in _header_zone(lines, verdicts):
        found = _EMPHASISED.rx.match(lines[i])
        if not found:
            continue
        parts = [p.strip() for p in _CREDIT_SEPARATOR.rx.split(found.group(2)) if p.strip()]
        if (
            len(parts) >= 2
            and len(parts[0].split()) >= 2
            and name_like(parts[0], max_words=4)
            and all(name_like(p) or is_role(p) for p in parts[1:])
        ):
            yield i


def _header_kind(line: str) -> str | None:
    found = read_header_line(line)
    return found.kind if found else None


# --- the rule set ----------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    LineRule(
        "timestamp",
        "A line that is only a date and/or time, optionally prefixed by Published/Updated "
        "(e.g. '03 Jul 2025, 23:38 GMT+10').",
        _timestamp,
    ),
    LineRule(
        "widget_token",
        "A lone share counter, icon letter or widget word ('0', 'X', 'source', 'share').",
        _any(r"^(?:\d{1,6}|[^\W\d_]|source|share|shares|tweet|email|print|menu|close|search|comments?|advertisement)$"),
    ),
    LineRule(
        "section_label",
        "A short all-capitals label of at most three words (section or publisher: 'WORLD', 'RFE').",
        _section_label,
    ),
    LineRule(
        "byline",
        "A byline: 'By Jane Doe and John Roe', with any roles, publisher, date and reading time "
        "('By Jane Doe, AP, July 3, 2025', 'By Jane Doe | Harbor Gazette', '**By Jane Doe, Staff Writer**').",
        lambda line: _header_kind(line) == "byline",
    ),
    LineRule(
        "dateline",
        "A publisher's name and a date set off by a pipe, slash, bullet or dash ('Millbrook Ledger / April 9, "
        "2025'), or a labelled date with a reading time ('Published April 9, 2025 · 3 min read').",
        lambda line: _header_kind(line) == "dateline",
    ),
    LineRule(
        "separator",
        "A line without letters or digits ('—-', '* * *').",
        lambda line: not any(c.isalnum() for c in line),
    ),
    LineRule(
        "markdown_image",
        "A line that is only a Markdown image ('![A crew at the site](/img/site.jpg)'), linked or not, "
        "or an <img> tag.",
        _image_line,
    ),
    LineRule(
        "link_only",
        "A line of nothing but Markdown links ('- [Other story](https://...)'): links to other pages.",
        _link_only,
    ),
    LineRule(
        "related_link",
        "A 'SEE ALSO:' / 'READ MORE:' / 'Related:' / 'More Information' / 'More from ...:' label, alone or "
        "followed by a link (Markdown marks aside: '**Related:** [Other story](...)').",
        _on_plain(
            _any(
                r"^(?:see\s+also|read\s+more|read\s+also|also\s+read|related(?:\s+(?:stories|articles|coverage|content))?|"
                r"recommended(?:\s+reading)?|more\s+on\s+this(?:\s+story)?|further\s+reading|watch|listen)\s*(?::|$)",
                r"^more\s+information(?:\s*:|\s*$|(?=[A-Z]))",
                r"^more\s+from\s+[^:.!?]{1,40}:$",
            )
        ),
    ),
    LineRule(
        "nav_label",
        "Footer navigation labels: 'Previous article', 'Next article', 'You may also like', 'Most read'.",
        _any(
            r"^(?:previous|next|prev)\s+(?:article|post|story)$",
            r"^you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)$",
            r"^(?:more|top|popular|trending|latest)\s+(?:articles|stories|news|posts|videos)$",
            r"^(?:read|up|watch)\s+next$",
            r"^most\s+(?:read|popular|viewed|shared)$",
            r"^related\s+(?:posts|news)$",
        ),
    ),
    LineRule(
        "newsletter_signup",
        "Newsletter and e-mail sign-up prompts in any wording ('Sign up for our ... newsletter', "
        "'... through our daily email', '... to your inbox').",
        _any(
            r"\b(?:sign(?:[\s-]?up)?|subscribe|register)\b.{0,80}\bnewsletters?\b",
            r"\b(?:sign[\s-]?up|subscribe)\b.{0,60}\bour\b.{0,40}\be-?mails?\b",
            r"\b(?:our|free)\s+(?:[\w’'-]+\s+){0,6}?newsletters?\b",
            r"\bour\s+(?:(?:daily|weekly|free|morning|evening)\s+)?e-?mail\b",
            r"\b(?:straight|direct(?:ly)?|delivered)\s+(?:to|into)\s+your\s+inbox\b",
        ),
    ),
    LineRule(
        "site_promo",
        "The site advertising its own services ('Publish news of your business ... by submitting a "
        "news release', 'Advertise with us', sponsored content).",
        _any(
            r"\bsubmit(?:ting)?\s+(?:a|your)\s+(?:news|press)\s+release\b",
            r"\badvertise\s+with\s+us\b",
            r"^sponsored(?:\s+(?:content|post|by\b.*))?$",
        ),
    ),
    LineRule(
        "login_or_paywall",
        "Login and paywall notices ('Please refresh the page ... to be automatically logged in', "
        "'Subscribe to continue reading', 'Already a subscriber?').",
        _any(
            r"\bto\s+be\s+(?:automatically\s+)?logged\s+in\b",
            r"\brefresh\s+(?:the|your)\s+(?:page|browser)\b",
            r"\b(?:log|sign)\s+in\s+to\s+(?:continue|read|keep\s+reading|comment|access)\b",
            r"\balready\s+(?:a\s+subscriber|have\s+an\s+account)\b",
            r"\b(?:subscribe|subscription)\s+to\s+(?:continue|keep)\s+reading\b",
            r"\bcreate\s+a\s+free\s+account\b",
            r"\byou\s+have\s+reached\s+(?:your|the)\s+(?:free\s+)?(?:article\s+)?limit\b",
            r"\bfree\s+articles?\s+(?:left|remaining)\b",
        ),
    ),
    LineRule(
        "cookie_or_notification_notice",
        "Cookie consent and browser notification notices.",
        _any(
            r"\b(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b",
            r"\bcookies?\b.{0,80}\b(?:consent|accept|policy|settings|preferences|partners)\b",
            r"\baccept\s+(?:all\s+)?cookies\b",
            r"\bnotifications?\s+can\s+be\s+(?:managed|changed|turned\s+off)\b",
            r"\bbrowser\s+(?:preferences|settings)\b",
            r"\b(?:enable|allow|turn\s+on)\s+(?:push\s+|browser\s+)?notifications\b",
        ),
    ),
    LineRule(
        "site_error",
        "Widget failure messages ('We’re sorry, this feature is currently unavailable...').",
        _any(
            r"\bthis\s+(?:feature|video|content|page|service|widget)\s+is\s+(?:currently\s+|temporarily\s+)?(?:unavailable|not\s+available)\b",
            r"^we(?:’|')?re\s+sorry\b",
            r"^(?:sorry,\s+)?something\s+went\s+wrong\b",
        ),
    ),
    LineRule(
        "save_prompt",
        "Bookmark / reading-list prompts ('Add articles to your saved list and come back to them any time.').",
        _any(
            r"\badd\s+(?:articles|stories|this\s+(?:article|story))\s+to\s+your\s+(?:saved|reading)\s+list\b",
            r"\bsaved\s+list\b.{0,60}\bcome\s+back\b",
            r"\bsave\s+(?:this\s+)?(?:article|story|articles|stories)\s+for\s+later\b",
        ),
    ),
    LineRule(
        "donation_appeal",
        "Requests for money or support ('Your donation allows us...', 'please consider supporting...', "
        "'If you found this article interesting...').",
        _any(
            r"\byour\s+(?:donation|contribution|support|subscription)s?\s+(?:allows|helps|enables|makes|keeps|means|funds)\b",
            r"\bconsider\s+(?:supporting|donating|subscribing|making\s+a\s+(?:donation|contribution))\b",
            r"\b(?:donate|contribute)\s+(?:now|today)\b",
            r"\bsupport\s+(?:our|independent|quality)\s+journalism\b",
            r"\bif\s+you\s+(?:found|enjoyed|liked|valued?|appreciated?)\s+this\s+(?:article|story|journalism|reporting)\b",
        ),
    ),
    LineRule(
        "subscription_offer",
        "Subscription sales ('limited-time introductory offer — just $1 per week', 'Start your free trial').",
        _any(
            r"\b(?:introductory|limited[\s-]time|special|exclusive|subscriber)\s+offer\b",
            r"\bjust\s+[$£€]\d+(?:\.\d{2})?\s*(?:per|a|/)\s*(?:week|month|year)\b",
            r"\bsubscribe\s+(?:now|today)\b",
            r"^\W*subscribe\b.{0,60}[$£€]\d",  # "Subscribe to the Record: $32 a year."
            # "Mail subscriptions: $42 a year in Quarrendon County." (a paper's own rates, in its footer)
            r"\b(?:mail|print|home[\s-]delivery|digital|online|e-?edition)\s+subscriptions?\W{0,3}[$£€]\d",
            r"\bstart\s+your\s+(?:free\s+)?trial\b",
        ),
    ),
    LineRule(
        "publisher_appeal",
        "The outlet talking about its own journalism in the first person plural, outside quotations "
        "('Our journalists have been threatened...', '...we choose not to lock Americans out of our reporting').",
        _publisher_appeal,
    ),
    LineRule(
        "comment_prompt",
        "Comment-section prompts ('Leave a Reply', 'Join thought-provoking conversations...').",
        _any(
            r"^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|show\s+comments|"
            r"view\s+comments|\d+\s+comments?)$",
            r"\bjoin\s+(?:the|our|thought-provoking)\s+(?:conversations?|discussions?|debate)\b",
            r"\bfollow\s+other\s+.{0,40}\breaders\b",
        ),
    ),
    LineRule(
        "social_share",
        "Share widgets ('Spread the love', 'Share this article', 'Follow us on ...').",
        _any(
            r"^spread\s+the\s+love$",
            r"^share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+(?:on|via)\s+\w+)?\s*:?$",
            r"^(?:click\s+to\s+)?share\s+on\b",
            r"^follow\s+us\b",
            r"^(?:pin\s+it|copy\s+link|email\s+this|print\s+this(?:\s+article)?)$",
        ),
    ),
    LineRule(
        "advertisement",
        "Ads, pop-ups and sponsor banners ('This will close in 50 seconds', "
        "'Signup On ... & get free $5 Instantly', 'Story continues below advertisement').",
        _any(
            r"\b(?:this|the)\s+(?:ad\s+|window\s+|popup\s+|pop-up\s+)?will\s+close\s+in\s+\d+\s+seconds?\b",
            r"\bget\s+(?:a\s+)?free\s+[$£€]\d+",
            r"^(?:skip|close)\s+ad$",
            r"^story\s+continues\s+(?:below|after)",
        ),
    ),
    LineRule(
        "copyright",
        "Copyright footers ('Copyright © 2025', 'All rights reserved').",
        _any(r"^(?:copyright\b|©|\(c\)\s*\d{4})", r"\ball\s+rights\s+reserved\b"),
    ),
    LineRule(
        "photo_caption",
        "Photo captions that carry a credit ('....Credit: AP', 'FILE - ... (AP Photo, Files)').",
        _any(
            r"(?:^|(?<=[\s.!?)]))(?:photo\s+)?credits?:\s*[^.!?]{1,60}$",
            r"(?:^|(?<=[\s.!?)]))(?:photograph|photo|picture|image)s?:\s*[A-Z][^.!?]{0,59}$",
            r"\([^()]*\b(?:photos?|images?|pictures?|pool|file)\b[^()]*\)\s*$",
            r"^FILE\s*[-–—]\s",
            r"\b(?:getty\s+images|shutterstock|via\s+reuters)\s*$",
        ),
    ),
    LineRule(
        "contributor_credit",
        "Reporting credits: '... contributed to this report.', '<Agency> writers ... contributed.', "
        "'With Bloomberg, Reuters', 'Reporting by ...; Editing by ...'.",
        _any(
            r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b",
            r"^(?:[A-Z][\w.'’-]*\s+){0,4}(?:writers?|reporters?|correspondents?|staff\s+writers?)\b.{0,200}"
            r"\bcontributed(?:\s+reporting)?\.?$",
            r"^(?:additional\s+)?reporting\s+by\b",
            r"(?:^|;\s*)(?:editing|writing)\s+by\s+[A-Z]",
        ),
    ),
    LineRule(
        "agency_credit",
        "A bare agency list after the story ('With Bloomberg, Reuters', 'With AP').",
        _any(r"^[Ww]ith\s+[A-Z][\w.&-]*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.&-]*)*\.?$", flags=0),
    ),
    ContextRule(
        "see_also_teaser",
        "The headline line right after a lone 'SEE ALSO:' / 'READ MORE:' / 'Related:' label, and the list it "
        "starts: headline lines right below it, and lines of links.",
        _see_also_teaser,
    ),
    ContextRule(
        "teaser_list",
        "A run of two or more lines ending in '...' or '…' (truncated teasers of other stories).",
        _teaser_list,
    ),
    ContextRule(
        "nav_teaser",
        "Headline-like lines (no sentence punctuation at the end) next to a footer navigation label.",
        _nav_teaser,
    ),
    ContextRule(
        "byline_role",
        "A newsroom role on the line after a byline ('Staff Writer', 'Courier staff').",
        _byline_role,
    ),
    ContextRule(
        "credit_line",
        "Above the first paragraph of prose: an emphasised byline without 'By' ('**Jane Doe | Harbor Gazette**').",
        _emphasised_credit,
    ),
    ContextRule(
        "header_navigation",
        "Above the first paragraph of prose: menus and breadcrumbs ('Home | News | Sports', "
        "'Subscribe | Log in | e-Edition', 'News › Local Government').",
        _header_navigation,
    ),
    ContextRule(
        "header_label",
        "Above the first paragraph of prose: lines of at most three words without sentence punctuation "
        "(publisher names, section names, kickers, bare author names, e-mail addresses).",
        _header_label,
    ),
)


# --- cleaning ------------------------------------------------------------------------


def clean_article(raw: str) -> CleanedText:
    """Drop boilerplate lines from ``raw`` (``\\n`` newlines) and map the rest back."""
    raw_lines = raw.split("\n")
    starts: list[int] = []
    pos = 0
    for line in raw_lines:
        starts.append(pos)
        pos += len(line) + 1

    lines = [line.strip() for line in raw_lines]
    verdicts: list[str | None] = ["" if not line else None for line in lines]

    line_rules = [r for r in RULES if isinstance(r, LineRule)]
    context_rules = [r for r in RULES if isinstance(r, ContextRule)]
    for i, line in enumerate(lines):
        if verdicts[i] is None:
            for rule in line_rules:
                if rule.matches(line):
                    verdicts[i] = rule.name
                    break
    for ctx in context_rules:
        for i in sorted(set(ctx.select(lines, verdicts))):
            if verdicts[i] is None:
                verdicts[i] = ctx.name

    if any(lines) and None not in verdicts:
        verdicts = ["" if not line else None for line in lines]

    removed: list[RemovedLine] = []
    segments: list[tuple[int, int, int]] = []
    parts: list[str] = []
    clean_pos = 0
    for i, (raw_line, line, verdict) in enumerate(zip(raw_lines, lines, verdicts)):
        if verdict == "":
            continue
        if verdict is not None:
            removed.append(RemovedLine(i, line, verdict))
            continue
        if parts:
            clean_pos += 1  # the joining "\n"
        raw_start = starts[i] + len(raw_line) - len(raw_line.lstrip())
        segments.append((clean_pos, raw_start, len(line)))
        parts.append(line)
        clean_pos += len(line)

    return CleanedText(text="\n".join(parts), removed=tuple(removed), segments=tuple(segments))


# A sentence: words, then a full stop, question or exclamation mark (closing quotes allowed) before a space or
# the end; or a full-width one, which scripts written without spaces (Chinese, Japanese) end sentences with.
_SENTENCE_CLOSE = _Pattern(r"[.!?…]+['’\"”»)\]]*(?=\s|$)|[。！？]")
SENTENCE_WORDS = 3  # "Fire closes bridge." is a sentence; "Home.", "Contact us." are links
SPACELESS_SENTENCE_LETTERS = 6
PROSE_LINE_WORDS = 12  # a line this long is prose even when extraction lost its full stop


def has_sentence(text: str) -> bool:
    """Whether `text` holds a sentence of prose on a line no line rule calls boilerplate. What a web page's
    extraction gives when the page has no article holds none: "Home", "News | Sport | Contact", a headline
    alone, a copyright footer or a paywall notice (which the cleaner's fallback keeps when they are all there is)."""
    line_rules = [rule for rule in RULES if isinstance(rule, LineRule)]
    return any(
        _holds_sentence(line) and not any(rule.matches(line) for rule in line_rules)
        for line in (raw.strip() for raw in text.split("\n"))
        if line
    )


def _holds_sentence(line: str) -> bool:
    if _word_count(line) >= PROSE_LINE_WORDS:
        return True
    start = 0
    for close in _SENTENCE_CLOSE.rx.finditer(line):
        sentence, start = line[start : close.start()], close.end()
        if _word_count(sentence) >= SENTENCE_WORDS:
            return True
        if close.group() in "。！？" and sum(c.isalpha() for c in sentence) >= SPACELESS_SENTENCE_LETTERS:
            return True
    return False


def _word_count(text: str) -> int:
    return sum(any(c.isalpha() for c in word) for word in text.split())  # "©", "2024" and "|" are no words
