"""Counts shared by nodes and figures: a breakdown by value, and totals of counts known roughly.

Nodes need them (a concertation's suites by position, its participants) and `figures.py` builds on
the graph, so they live here, below both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..model.records import is_approximate_count


@dataclass(frozen=True)
class Count:
    """One row of a breakdown: a value, its label and how many."""

    value: str
    label: str
    count: int
    share: float  # of the breakdown's total, 0 to 1


def breakdown(values: Iterable[str], labels: dict[str, str], *, present_only: bool = False) -> list[Count]:
    """Counts in the order of `labels`, every value present even at zero (unless `present_only`)."""
    counter = Counter(values)
    total = sum(counter.values())
    return [Count(value, label, counter[value], counter[value] / total if total else 0.0)
            for value, label in labels.items() if counter[value] or not present_only]


@dataclass(frozen=True)
class Participation:
    """A total of attendance; `mention` says when some counts were written « environ N », « plus de N »…"""

    total: int
    mention: str | None = None  # « environ » (one count is rough), « au moins » (a count is a lower bound)
    approximatives: int = 0  # how many counts are not exact

    def __int__(self) -> int:
        return self.total


def total(counts: Iterable[int | None]) -> Participation:
    """The sum of counts (None: not known, left out), and how sure it is: « environ » wins over « au moins ».

    A total of one count says it as written (« plus de 250 », not « au moins 250 »): nothing was summed.
    """
    known = [c for c in counts if c is not None]
    qualifiers = [c.qualifier for c in known if is_approximate_count(c)]
    mention = "environ" if {"environ", "près de"} & set(qualifiers) else "au moins" if qualifiers else None
    if len(known) == 1 and qualifiers:
        mention = qualifiers[0]
    return Participation(sum(int(c) for c in known), mention, len(qualifiers))


def total_or_none(counts: Iterable[int | None]) -> Participation | None:
    """As `total`, or None when no count is known at all (« — » rather than « 0 »)."""
    known = [c for c in counts if c is not None]
    return total(known) if known else None
