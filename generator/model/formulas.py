"""Named formulas for worked numeric exercises: the answer is computed, never typed by an author."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Formula:
    """A formula with its inputs, unit and the steps shown in the worked solution."""

    name: str
    label: dict[str, str]
    inputs: tuple[str, ...]
    unit: dict[str, str]
    compute: Callable[[dict[str, float]], float]
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
            compute=lambda g: g["lost"] / g["total"] * 100,
            steps={
                "zh": ("客户流失率 = 流失的客户数 ÷ 客户总数 × 100%", "= {lost} ÷ {total} × 100%", "= {result}%"),
                "en": ("churn rate = customers lost ÷ total customers × 100%", "= {lost} ÷ {total} × 100%",
                       "= {result}%"),
            },
        ),
        Formula(
            name="lifecycle",
            label={"zh": "群体客户生命周期", "en": "group customer lifecycle"},
            inputs=("churn",),
            unit={"zh": "年", "en": "years"},
            compute=lambda g: 100 / g["churn"],
            steps={
                "zh": ("群体客户生命周期 = 1 ÷ 客户流失率", "= 1 ÷ {churn}%", "= {result} 年"),
                "en": ("group customer lifecycle = 1 ÷ churn rate", "= 1 ÷ {churn}%", "= {result} years"),
            },
        ),
        Formula(
            name="replacement",
            label={"zh": "每年需补充的新客户", "en": "new customers needed per year"},
            inputs=("total", "churn"),
            unit={"zh": "名", "en": "customers"},
            compute=lambda g: g["total"] * g["churn"] / 100,
            steps={
                "zh": ("每年需补充的新客户 = 客户总数 × 客户流失率", "= {total} × {churn}%", "= {result} 名"),
                "en": ("new customers needed = total customers × churn rate", "= {total} × {churn}%",
                       "= {result} customers"),
            },
        ),
    )
}


def number(value: float) -> str:
    """A number as a trainee would write it: no trailing zeros, at most two decimals."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def solve(name: str, givens: dict[str, float], language: str) -> tuple[float, list[str]]:
    """The answer and the worked steps of a formula applied to the given numbers."""
    formula = FORMULAS[name]
    result = formula.compute(givens)
    values = {k: number(v) for k, v in givens.items()} | {"result": number(result)}
    steps = [s.format(**values) for s in formula.steps.get(language, formula.steps["en"])]
    return result, steps
