"""The scrutiny prioritisation tool: score, band and the flag on 'yes' without evidence."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from workprogramme import prioritisation
from workprogramme.prioritisation import CRITERIA

NAMES = [c.name for c in CRITERIA]


def answers(*yes):
    return {name: name in yes for name in NAMES}


@given(st.lists(st.booleans(), min_size=6, max_size=6))
def test_score_is_the_number_of_yeses_and_the_band_follows_the_tools_table(values):
    score = prioritisation.score(dict(zip(NAMES, values, strict=True)))
    assert score == sum(values)
    expected = {0: "", 1: "Low", 2: "Low", 3: "Medium", 4: "Medium", 5: "High", 6: "High"}
    assert prioritisation.band(score) == expected[score]


def test_an_unscored_topic_has_no_score_and_no_band():
    assert prioritisation.score({}) is None
    assert prioritisation.band(None) == ""


def test_a_score_without_all_six_answers_is_refused_naming_the_missing_ones():
    partial = {"public_interest": True, "ability": True, "performance": False}
    with pytest.raises(ValidationError) as refused:
        prioritisation.score(partial)
    assert "Extent, Replication, Executive Decision are not answered" in refused.value.messages[0]


def test_a_yes_without_evidence_is_allowed_but_flagged():
    given_answers = answers("public_interest", "ability")
    evidence = {"public_interest": "Raised at three ward meetings", "ability": "  "}
    assert prioritisation.score(given_answers) == 2
    assert prioritisation.unevidenced(given_answers, evidence) == ["Ability"]


def test_band_ranges_filter_as_the_table_prints_them():
    assert prioritisation.band_range("High") == (5, 6)
    assert prioritisation.band_range("Low") == (1, 2)
