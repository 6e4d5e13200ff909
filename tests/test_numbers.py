"""Numbers in worked exercises and numeric questions: out-of-range values stop `check`, never `build`."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from helpers import LOADER, copy_mini, errors_of, replace_in

from generator.model.formulas import FORMULAS, CalculationError, compute, solve
from generator.pipeline import BuildInputs, render_course

GIVENS = "givens: {lost: 100, total: 500}"


@pytest.mark.parametrize(
    ("givens", "message"),
    [
        (
            "{lost: 1.0e+308, total: 1.0e-10}",
            "quizzes/M1-exercises.yml:24:20: questions[2].givens.lost (question 3): exercise m-x3 (churn_rate): lost = 1e+308 is beyond "
            "±1e+12; check the givens",
        ),
        (
            "{lost: 100, total: 5.0e-324}",
            "quizzes/M1-exercises.yml:24:32: questions[2].givens.total (question 3): exercise m-x3 (churn_rate): step 2 (= {lost} ÷ "
            "{total} × 100%): divides by total = 4.94066e-324, which is 0 to two decimals; check the givens",
        ),
        (
            "{lost: 100, total: 1.0e-10}",
            "quizzes/M1-exercises.yml:24:32: questions[2].givens.total (question 3): exercise m-x3 (churn_rate): step 2 (= {lost} ÷ "
            "{total} × 100%): divides by total = 1e-10, which is 0 to two decimals; check the givens",
        ),
        (
            "{lost: 100, total: 0}",
            "quizzes/M1-exercises.yml:24:32: questions[2].givens.total (question 3): exercise m-x3 (churn_rate): step 2 (= {lost} ÷ "
            "{total} × 100%): divides by total = 0, which is 0 to two decimals; check the givens",
        ),
        (
            "{lost: 1.0e+11, total: 0.5}",
            "quizzes/M1-exercises.yml:24:13: questions[2].givens (question 3): exercise m-x3 (churn_rate): step 2 (= {lost} ÷ {total} × "
            "100%): lost ÷ total × 100 = 2e+13 is beyond ±1e+12; check the givens",
        ),
        (
            "{lost: .inf, total: 5}",
            "quizzes/M1-exercises.yml:24:20: questions[2].givens.lost (question 3): Input should be a finite number; found a number inf",
        ),
    ],
)
def test_givens_out_of_range_stop_check_at_the_given(tmp_path: Path, givens: str, message: str) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", GIVENS, f"givens: {givens}")
    assert errors_of(root) == [message]


def test_numeric_answers_and_tolerances_out_of_range(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-quiz.yml", "answer: 8,", "answer: 1.0e+300, tolerance: 2.0e+12,")
    assert errors_of(root) == [
        "quizzes/M1-quiz.yml:33:59: questions[4].answer (question 5): answer 1e+300 is beyond ±1e+12",
        "quizzes/M1-quiz.yml:33:80: questions[4].tolerance (question 5): tolerance 2e+12 is beyond ±1e+12",
    ]


def test_calc_tolerance_out_of_range(tmp_path: Path) -> None:
    root = copy_mini(tmp_path, LOADER)
    replace_in(root / "quizzes/M1-exercises.yml", GIVENS, GIVENS + "\n    tolerance: 1.0e+300")
    assert errors_of(root) == [
        "quizzes/M1-exercises.yml:25:16: questions[2].tolerance (question 3): tolerance 1e+300 is beyond 1e+12"
    ]


def test_numbers_at_the_edge_of_the_range_build(tmp_path: Path) -> None:
    """1e12 and 0.005 are allowed: the answer key stays valid JSON and the steps stay readable."""
    root = copy_mini(tmp_path)
    replace_in(root / "quizzes/M1-exercises.yml", GIVENS, "givens: {lost: 1.0e+9, total: 1000}")
    replace_in(root / "quizzes/M1-extra.yml", "answer: 365", "answer: 1.0e+12")
    output = render_course(BuildInputs(root=root))
    page = next(p for p in output.pages if p.path == "quizzes/M1-exercises.md")
    assert "= 1000000000 ÷ 1000 × 100%" in page.markdown
    assert '"answer":100000000.0' in page.markdown


def test_formulas_compute_what_they_did_before() -> None:
    """Spelled out as operations, each formula gives bit for bit the old lambda's result."""
    old = {
        "churn_rate": lambda g: g["lost"] / g["total"] * 100,
        "lifecycle": lambda g: 100 / g["churn"],
        "replacement": lambda g: g["total"] * g["churn"] / 100,
    }
    for name, formula in FORMULAS.items():
        for a in (1.0, 3.0, 7.5, 123.456, 1e6):
            for b in (0.3, 7.0, 33.3, 500.0):
                givens = dict(zip(formula.inputs, (a, b), strict=False))  # one-input formulas take a only
                assert compute(formula, givens) == old[name](givens)
    assert solve("lifecycle", {"churn": 20}, "zh")[0] == 5


def test_compute_never_returns_a_number_json_cannot_carry() -> None:
    for lost in (1e12, -1e12, 5e-324, 1e-300):
        for total in (1e12, 0.005, -0.005, 1e-300, 5e-324, 0.0):
            try:
                result = compute(FORMULAS["churn_rate"], {"lost": lost, "total": total})
            except CalculationError:
                continue
            assert math.isfinite(result) and abs(result) <= 1e12
