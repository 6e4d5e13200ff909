"""Named formulas for worked numeric exercises: the answer is computed, never typed by an author."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: Largest magnitude of a given, an answer or any intermediate result. Worked steps show numbers
#: in full (1e308 would be 309 digits) and the quiz page carries them as JSON, which has no
#: infinity; a course about customers and percentages needs far less.
MAX_NUMBER = 1e12
#: A divisor smaller than this shows as 0 with two decimals: the worked step would read "÷ 0".
NEAR_ZERO = 0.005

#: One operation of a calculation: an operator and an input name or a constant.
Operation = tuple[str, str | float]


@dataclass(frozen=True)
class Formula:
    """A formula with its inputs, unit and the steps shown in the worked solution."""

    name: str
    label: dict[str, str]
    inputs: tuple[str, ...]
    unit: dict[str, str]
    #: The computation, left to right: ("=", first operand), then ("×" or "÷", operand) pairs.
    #: Spelled out rather than a function, so each operation can be checked on its own.
    calculation: tuple[Operation, ...]
    #: Step templates per language; `{x}` is replaced by the given value of x, `{result}` by the answer.
    steps: dict[str, tuple[str, ...]]


FORMULAS: dict[str, Formula] = {
    f.name: f
    for f in (
        Formula(
            name="churn_rate",
            label={"zh": "客户流失率", "en": "churn rate"},
            inputs=("lost", "total"),
            unit={"zh": "%", "en": "%"},
            calculation=(("=", "lost"), ("÷", "total"), ("×", 100)),
            steps={
                "zh": ("客户流失率 = 流失的客户数 ÷ 客户总数 × 100%", "= {lost} ÷ {total} × 100%", "= {result}%"),
                "en": (
                    "churn rate = customers lost ÷ total customers × 100%",
                    "= {lost} ÷ {total} × 100%",
                    "= {result}%",
                ),
            },
        ),
        Formula(
            name="lifecycle",
            label={"zh": "客户群体生命周期", "en": "group customer lifecycle"},
            inputs=("churn",),
            unit={"zh": "年", "en": "years"},
            calculation=(("=", 100), ("÷", "churn")),
            steps={
                "zh": ("客户群体生命周期 = 1 ÷ 客户流失率", "= 1 ÷ {churn}%", "= {result} 年"),
                "en": ("group customer lifecycle = 1 ÷ churn rate", "= 1 ÷ {churn}%", "= {result} years"),
            },
        ),
        Formula(
            name="replacement",
            label={"zh": "每年需开发的新客户数", "en": "new customers needed per year"},
            inputs=("total", "churn"),
            unit={"zh": "名", "en": "customers"},
            calculation=(("=", "total"), ("×", "churn"), ("÷", 100)),
            steps={
                "zh": ("每年需开发的新客户数 = 客户总数 × 客户流失率", "= {total} × {churn}%", "= {result} 名"),
                "en": (
                    "new customers needed = total customers × churn rate",
                    "= {total} × {churn}%",
                    "= {result} customers",
                ),
            },
        ),
    )
}


def number(value: float) -> str:
    """A number as a trainee would write it: no trailing zeros, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class CalculationError(ValueError):
    """A calculation that leaves the range of numbers a page can show; `given` names the input at fault."""

    def __init__(self, message: str, given: str | None = None) -> None:
        super().__init__(message)
        self.given = given


def compute(formula: Formula, givens: dict[str, float]) -> float:
    """The formula's result for `givens`.

    Raises:
        CalculationError: a given or an intermediate result beyond ±MAX_NUMBER, or a division by a
            number that shows as 0; the message names the operation and the worked step it is in.
    """
    for name in formula.inputs:
        if not math.isfinite(givens[name]) or abs(givens[name]) > MAX_NUMBER:
            raise CalculationError(f"{name} = {givens[name]:g} is beyond ±{MAX_NUMBER:g}", name)
    step = _work_step(formula)
    value = 0.0
    shown = ""  # the calculation so far, in words: "lost ÷ total"
    for operator, operand in formula.calculation:
        number_ = givens[operand] if isinstance(operand, str) else float(operand)
        word = operand if isinstance(operand, str) else f"{operand:g}"
        if operator == "=":
            value, shown = number_, word
            continue
        if operator == "÷":
            if abs(number_) < NEAR_ZERO:
                raise CalculationError(
                    f"{step}divides by {word} = {number_:g}, which is 0 to two decimals",
                    operand if isinstance(operand, str) else None,
                )
            value /= number_
        else:
            value *= number_
        shown = f"{shown} {operator} {word}"
        if not math.isfinite(value):
            raise CalculationError(f"{step}{shown} is too large to compute")
        if abs(value) > MAX_NUMBER:
            raise CalculationError(f"{step}{shown} = {value:g} is beyond ±{MAX_NUMBER:g}")
    return value


def _work_step(formula: Formula) -> str:
    """'step 2 (= {lost} ÷ {total} × 100%): ', the worked step that puts the givens into the formula."""
    for n, step in enumerate(formula.steps["en"], 1):
        if any("{" + name + "}" in step for name in formula.inputs):
            return f"step {n} ({step}): "
    return ""


def solve(name: str, givens: dict[str, float], language: str) -> tuple[float, list[str]]:
    """The answer and the worked steps of a formula applied to the given numbers.

    Raises:
        CalculationError: see `compute`; the loader's checks report it first, with file and line.
    """
    formula = FORMULAS[name]
    result = compute(formula, givens)
    values = {k: number(v) for k, v in givens.items()} | {"result": number(result)}
    steps = [s.format(**values) for s in formula.steps.get(language, formula.steps["en"])]
    return result, steps
