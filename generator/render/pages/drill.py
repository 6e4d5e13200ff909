"""Drill pages: fresh scenarios in the browser, composed from a rule-based scheme's cue bank or drawn from
a judgment scheme's scenarios."""

from __future__ import annotations

from typing import Any

from ...model import Scheme
from ..context import GeneratedPage, RenderContext
from ..markdown import MarkdownRenderer
from ..scheme import scheme_about
from ..urls import drill_path


def drill_schemes(ctx: RenderContext) -> dict[str, str]:
    """Schemes with a drill bank that the course's exercises use -> the lesson to list them under."""
    found: dict[str, str] = {}
    for quiz in ctx.quizzes:
        for q in quiz.questions:
            scheme = ctx.project.schemes.get(getattr(q, "scheme", ""))
            if scheme is not None and has_drill(scheme) and scheme.id not in found:
                found[scheme.id] = quiz.lesson
    return found


def has_drill(scheme: Scheme) -> bool:
    """Whether a scheme has the bank its kind's drill draws from (cues per attribute, or scenarios per class)."""
    return bool(scheme.drill if scheme.kind == "rules" else scheme.drill_scenarios)


def drill_title(ctx: RenderContext, scheme: Scheme) -> str:
    """The drill page's title, as the navigation shows it."""
    return f"{ctx.text['drill']}：{scheme.title}"


def build_drill_page(ctx: RenderContext, scheme: Scheme) -> GeneratedPage:
    """The drill page of one scheme."""
    path = ctx.at(drill_path(scheme.id))
    data = drill_data(scheme, ctx.quiz_md)
    actions = [{"id": c["id"], "html": c["action"]} for c in data["classes"] if c["action"]]
    return GeneratedPage(
        path,
        drill_title(ctx, scheme),
        ctx.render(
            "drill.md.j2",
            drill=data,
            actions=actions,
            about=scheme_about(scheme, ctx.quiz_md),
            runtime=ctx.widget_files(path, "drill"),
        ),
        widget=True,
    )


def drill_data(scheme: Scheme, md: MarkdownRenderer) -> dict[str, Any]:
    """What the browser needs to compose, grade and explain drill scenarios (JSON for the runtime)."""
    return {
        "scheme": scheme.id,
        "title": scheme.title,
        "attributes": [
            {
                "id": a.id,
                "label": a.label,
                "question": a.question,
                "values": [
                    {"id": v.id, "label": v.label, "cues": scheme.drill.get(a.id, {}).get(v.id, [])} for v in a.values
                ],
            }
            for a in scheme.attributes
        ],
        "classes": [
            {"id": c.id, "label": c.label, "action": md.inline(c.action), "description": md.plain(c.description)}
            for c in scheme.classes
        ],
        "rules": [{"when": r.when, "then": r.then} for r in scheme.rules],
        # Judgment schemes: whole scenarios per class, as plain text (the runtime sets textContent).
        "scenarios": {c: [md.plain(text) for text in texts] for c, texts in scheme.drill_scenarios.items()},
    }
