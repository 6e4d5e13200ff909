"""Drill pages: fresh scenarios composed in the browser from a rule-based scheme's cue bank."""

from __future__ import annotations

from typing import Any

from ...model import Scheme
from ..context import GeneratedPage, RenderContext
from ..markdown import MarkdownRenderer
from ..scheme import scheme_about
from ..urls import drill_path


def drill_schemes(ctx: RenderContext) -> dict[str, str]:
    """Rule-based schemes with a cue bank that the course's exercises use -> the lesson to list them under."""
    found: dict[str, str] = {}
    for quiz in ctx.quizzes:
        for q in quiz.questions:
            scheme = ctx.project.schemes.get(getattr(q, "scheme", ""))
            if scheme is not None and scheme.kind == "rules" and scheme.drill and scheme.id not in found:
                found[scheme.id] = quiz.lesson
    return found


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
        "classes": [{"id": c.id, "label": c.label, "action": md.inline(c.action)} for c in scheme.classes],
        "rules": [{"when": r.when, "then": r.then} for r in scheme.rules],
    }
