"""Which articles a request's filters select, and what to say when they select none.

Publisher names in a request are matched against the stored publishers
(`rag.publishers.match_publishers`: "AP" is Associated Press, "the gazette"
Harbor Gazette). When the filters select no article at all, answering "the
articles don't say" would be wrong: nothing was looked at. The answer then
says which filter matched nothing and what there is instead, e.g.

    No article matches publisher 'Reuters' between 2025-07-01 and 2025-07-31; the publishers are
    Associated Press, RFE/RL and The Independent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Collection, Mapping, Protocol, Sequence

from rag.publishers import match_publishers
from rag.requests import RequestOptions
from rag.retrieval import RetrievalFilters

NO_MATCH_NOTICE = "The filters match no article, so nothing was searched; widen or clear them to get an answer."
"""The `notice` of an answer whose filters selected no article (its `answer` says which and what exists)."""
MAX_LISTED_PUBLISHERS = 12


class FacetIndex(Protocol):
    """What the scope needs of the keyword index (index.keyword_index.KeywordIndex)."""

    def count_matching(
        self, *, publishers: Sequence[str] = (), date_from: int | None = None, date_to: int | None = None
    ) -> int: ...

    def date_spans(self) -> dict[str, tuple[int | None, int | None]]: ...


@dataclass(frozen=True)
class Scope:
    filters: RetrievalFilters
    empty: str | None = None
    """The answer when the filters select no article (None: they select some)."""
    notice: str | None = None
    """Said when some publisher names matched nothing but others did."""


def resolve_scope(options: RequestOptions, publishers: Collection[str], index: FacetIndex) -> Scope:
    """The retrieval filters `options` mean in an index holding `publishers`."""
    if not options.has_filters():
        return Scope(RetrievalFilters())
    resolved: list[str] = []
    unknown: list[str] = []
    for name in options.publishers:
        found = sorted(match_publishers(name, publishers))
        if not found:
            unknown.append(name)
        resolved.extend(p for p in found if p not in resolved)
    filters = options.filters(tuple(resolved))
    if options.publishers and not resolved:
        return Scope(filters, empty=f"No article matches {_publisher_part(unknown)}{_date_part(options)}; "
                     f"{_known(publishers)}.")
    date_from, date_to = filters.ordinals()
    if index.count_matching(publishers=resolved, date_from=date_from, date_to=date_to) == 0:
        subject = _publisher_part(resolved) if resolved else ""
        spans = index.date_spans()
        return Scope(filters, empty=f"No article {'matches ' + subject if subject else 'is dated'}{_date_part(options)}; "
                     f"{_dated(resolved, spans)}.")
    notice = None
    if unknown:
        notice = (
            f"No article matches {_publisher_part(unknown)} ({_known(publishers)}), "
            f"so only {_listed(resolved)} {'was' if len(resolved) == 1 else 'were'} searched."
        )
    return Scope(filters, notice=notice)


def _publisher_part(names: Sequence[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return f"publisher {quoted[0]}"
    return f"publishers {', '.join(quoted[:-1])} or {quoted[-1]}"


def _date_part(options: RequestOptions) -> str:
    if options.since and options.until:
        if options.since == options.until:
            return f" on {options.since.isoformat()}"
        return f" between {options.since.isoformat()} and {options.until.isoformat()}"
    if options.since:
        return f" on or after {options.since.isoformat()}"
    if options.until:
        return f" on or before {options.until.isoformat()}"
    return ""


def _listed(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) > MAX_LISTED_PUBLISHERS:
        shown = names[:MAX_LISTED_PUBLISHERS]
        return f"{', '.join(shown)} and {len(names) - len(shown)} more"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _known(publishers: Collection[str]) -> str:
    if not publishers:
        return "no article is indexed yet"
    ordered = sorted(publishers, key=str.casefold)
    return f"the only publisher is {ordered[0]}" if len(ordered) == 1 else f"the publishers are {_listed(ordered)}"


def _dated(resolved: Sequence[str], spans: Mapping[str, tuple[int | None, int | None]]) -> str:
    """When the articles (of the resolved publishers, else all) were published."""
    chosen = [spans[p] for p in resolved if p in spans] if resolved else list(spans.values())
    firsts = [first for first, _ in chosen if first is not None]
    lasts = [last for _, last in chosen if last is not None]
    whose = (
        "the articles" if not resolved else f"{resolved[0]}'s articles" if len(resolved) == 1 else "their articles"
    )
    if not firsts:
        return f"{whose} have no date"
    first, last = date.fromordinal(min(firsts)).isoformat(), date.fromordinal(max(lasts)).isoformat()
    return f"{whose} are dated {first}" if first == last else f"{whose} are dated {first} to {last}"
