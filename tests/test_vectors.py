"""The shared vectors (tests/vectors/*.json) against the Python side of the contract.

tests/js/vectors.test.mjs holds the browser runtime to the same files, so Python and JavaScript agree
on every normalisation of the Basic Multilingual Plane and on every graded answer listed.
Set UPDATE_VECTORS=1 to rewrite the generated part (normalise.json's `tables` and `bmp`) after an
intended change of the rule, then review the diff.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from helpers import ROOT
from pydantic import TypeAdapter

from generator.model import grading
from generator.model.answerkey import AnswerKey

VECTORS = ROOT / "tests" / "vectors"
KEY: TypeAdapter[Any] = TypeAdapter(AnswerKey)


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


def bmp_sweep() -> dict[str, list[str]]:
    """For every BMP code point but the surrogates, where normalise() differs from doing nothing."""
    out = {}
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        got = [grading.normalise(c), grading.normalise(f"a{c}b"), grading.normalise(f"a{c}")]
        if got != [c, f"a{c}b", f"a{c}"]:
            out[f"{code:04x}"] = got
    return out


def tables() -> dict[str, str]:
    return {"space": grading.SPACE, "cased": grading.CASED, "trailing": grading.TRAILING}


def test_normalise_vectors_generated_part_is_current() -> None:
    data = _load("normalise.json")
    if os.environ.get("UPDATE_VECTORS"):
        data |= {"tables": tables(), "bmp": bmp_sweep()}
        (VECTORS / "normalise.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert data["tables"] == tables()
    sweep = bmp_sweep()
    wrong = {k: (v, data["bmp"].get(k)) for k, v in sweep.items() if data["bmp"].get(k) != v}
    assert not wrong and set(data["bmp"]) == set(sweep), list(wrong.items())[:10]
    # The sweep is not vacuous: it holds white space, folding, case and trailing punctuation.
    assert data["bmp"]["feff"] == ["", "ab", "a"] and data["bmp"]["0085"] == ["", "ab", "a"]
    assert data["bmp"]["ff21"] == ["a", "aab", "aa"] and data["bmp"]["3002"] == ["", "a。b", "a"]


@pytest.mark.parametrize(("text", "expected"), _load("normalise.json")["cases"])
def test_normalise_cases(text: str, expected: str) -> None:
    assert grading.normalise(text) == expected


GRADE = _load("grade.json")["cases"]


@pytest.mark.parametrize("case", GRADE, ids=[c["name"] for c in GRADE])
def test_grade_vectors(case: dict[str, Any]) -> None:
    key = KEY.validate_python(case["key"])  # every vector's key is a valid answer key of the contract
    result = grading.grade(key, case["answer"])
    assert (result.score, result.correct, result.max) == (case["score"], case["correct"], key.points)


def test_grade_vectors_cover_every_type() -> None:
    from generator.model import QUESTION_TYPES

    assert {c["key"]["type"] for c in GRADE} == set(QUESTION_TYPES)
