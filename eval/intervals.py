"""How sure a figure over a few hundred questions is, and whether a change between two runs is more than chance.

Pure functions over per-question outcomes (scipy does the statistics):

- `proportion_interval`: a rate's 95% Wilson score interval ("99 of 152 unanswerable questions answered");
- `mean_interval`: a mean's 95% bootstrap interval (fact recall, a mean of per-question shares);
- `paired_change`: two runs over the same questions, question by question: the mean change with its 95%
  bootstrap interval, how many questions got better and how many worse, and the exact sign test's p-value
  (two-sided) over those that changed. Pairing is what makes a change of a few questions readable: the
  questions both runs get right or both get wrong add nothing to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

CONFIDENCE = 0.95
# Bootstrap resamples: the interval's ends move by about 0.002 between seeds at this count over 400 questions.
RESAMPLES = 4000
# Fixed, so the same runs always print the same interval.
SEED = 20261204


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.low:.3f} to {self.high:.3f}"

    def signed(self) -> str:
        return f"{self.low:+.3f} to {self.high:+.3f}"


@dataclass(frozen=True)
class PairedChange:
    """One metric of two runs over the same questions (higher values better unless `higher_is_better` is False)."""

    questions: int
    before: float
    after: float
    interval: Interval  # of the mean change, after minus before
    better: int
    worse: int
    p_value: float  # exact two-sided sign test over the `better + worse` questions that changed
    higher_is_better: bool = True

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def beyond_chance(self) -> bool:
        """Whether the change's interval leaves out zero."""
        return self.interval.low > 0 or self.interval.high < 0


def proportion_interval(count: int, total: int) -> Interval | None:
    """The Wilson score interval of `count / total` (None over no questions)."""
    if total <= 0:
        return None
    from scipy.stats import binomtest

    ci = binomtest(count, total).proportion_ci(confidence_level=CONFIDENCE, method="wilson")
    return Interval(float(ci.low), float(ci.high))


def mean_interval(values: Sequence[float]) -> Interval | None:
    """The percentile bootstrap interval of the mean of `values` (None for no values)."""
    if not values:
        return None
    return _bootstrap_mean(values)


def paired_change(before: Sequence[float], after: Sequence[float], higher_is_better: bool = True) -> PairedChange:
    """Question i's value before and after, for every question of both runs."""
    if len(before) != len(after):
        raise ValueError(f"paired values differ in length: {len(before)} before, {len(after)} after")
    if not before:
        raise ValueError("no questions to compare")
    from scipy.stats import binomtest

    differences = [b - a for a, b in zip(before, after)]
    gains = sum(d > 0 for d in differences)
    losses = sum(d < 0 for d in differences)
    better, worse = (gains, losses) if higher_is_better else (losses, gains)
    p_value = float(binomtest(better, better + worse).pvalue) if better + worse else 1.0
    return PairedChange(len(before), _mean(before), _mean(after), _bootstrap_mean(differences), better, worse,
                        p_value, higher_is_better)  # fmt: skip


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _bootstrap_mean(values: Sequence[float]) -> Interval:
    import numpy as np

    data = np.asarray(values, dtype=float)
    if np.all(data == data[0]):
        return Interval(float(data[0]), float(data[0]))  # every resample has this mean
    from scipy.stats import bootstrap

    result = bootstrap((data,), np.mean, confidence_level=CONFIDENCE, n_resamples=RESAMPLES, method="percentile",
                       rng=np.random.default_rng(SEED))  # fmt: skip
    return Interval(float(result.confidence_interval.low), float(result.confidence_interval.high))
