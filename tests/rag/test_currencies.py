"""rag.currencies on text written for these tests."""

from __future__ import annotations

import pytest

from rag.currencies import written_sum


def _sum(text: str, value: str, label: str = "CARDINAL") -> str | None:
    """The sum `written_sum` finds around `value` (tagged `label`) in the one-sentence `text`."""
    s = text.index(value)
    found = written_sum(text, s, s + len(value), label, 0, len(text))
    return text[found[0] : found[1]] if found else None


@pytest.mark.parametrize(("text", "value", "label", "expected"), [
    ("Reeve Dorna Falk said the ferry pier cost 4.7 million crowns.", "4.7 million", "CARDINAL", "4.7 million crowns"),
    ("The Brisk Hollow clinic was fined 60,000 pesos.", "60,000", "CARDINAL", "60,000 pesos"),
    ("Quorlan paid 900,000 shekels for the orchard.", "900,000", "CARDINAL", "900,000 shekels"),
    ("The Osterby hall cost 12 million Norwegian kroner.", "12 million", "CARDINAL", "12 million Norwegian kroner"),
    ("Marra Vale spent 250,000 pounds on the roof.", "250,000 pounds", "QUANTITY", "250,000 pounds"),
    ("The Pellick tram cost € 8 million.", "8 million", "CARDINAL", "€ 8 million"),
])  # fmt: skip
def test_a_sum_in_a_currencys_name_or_after_a_sign(text: str, value: str, label: str, expected: str) -> None:
    assert _sum(text, value, label) == expected


@pytest.mark.parametrize(("text", "value", "label"), [
    ("The Marra Vale pantry shipped 300 pounds of rice.", "300 pounds", "QUANTITY"),
    ("The calf at Drummel farm weighed 250 pounds.", "250 pounds", "QUANTITY"),
    ("A Dorley bridge that cost $4 million carries 90 pounds.", "90 pounds", "QUANTITY"),
    ("Reeve Dorna Falk said 4,700 people crossed the pier.", "4,700", "CARDINAL"),
    ("The Osterby hall has 12 rooms.", "12", "CARDINAL"),
])  # fmt: skip
def test_no_sum_a_weight_in_pounds_or_a_count(text: str, value: str, label: str) -> None:
    """"pounds of rice", a sentence that weighs, pounds in an article counting in dollars: weights, not sums."""
    assert _sum(text, value, label) is None
