"""The pure core: a course in, Markdown pages, assets and a navigation out.

Nothing here knows about MkDocs; the plugin in ``generator.mkdocs_plugin`` only hands these
pages to MkDocs, and another engine could write them to disk instead.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..assemble import course_lessons, course_quizzes
from ..i18n import strings
from ..model import BLANK, Course, Lesson, Quiz, Scheme
from ..project import Project
from ..schema import schemas
from .diagram import diagram_view
from .env import make_env
from .markdown import DEFAULT_CONFIGS, DEFAULT_EXTENSIONS, MarkdownRenderer
from .quizview import STORAGE_VERSION, question_views, storage_key

#: Where the runtime's static files are served from, relative to the site root.
ASSET_DIR = "assets/courseware"
RUNTIME_FILES = ("quiz.js", "quiz.css")
#: Most bytes the runtime files may weigh together after `gzip -9` (tests/test_runtime_budget.py
#: and the bench check it): every quiz page loads them, so they must stay small.
RUNTIME_GZIP_BUDGET = 8 * 1024


@dataclass(frozen=True)
class RenderSettings:
    """How to render: the site's language, Markdown pipeline and template overrides."""

    language: str = "zh"
    markdown_extensions: list[Any] = field(default_factory=lambda: list(DEFAULT_EXTENSIONS))
    markdown_configs: dict[str, dict[str, Any]] = field(default_factory=lambda: dict(DEFAULT_CONFIGS))
    templates_dir: Path | None = None
    use_directory_urls: bool = True


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    title: str
    markdown: str


@dataclass
class SiteOutput:
    """What a build produces besides hand-written pages."""

    title: str
    pages: list[GeneratedPage]
    assets: dict[str, bytes]
    nav: list[Any]


def page_url(path: str, use_directory_urls: bool) -> str:
    """The URL of a Markdown page, relative to the site root ('lessons/L3.md' -> 'lessons/L3/')."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/" if use_directory_urls else stem + ".html"


def relative_url(target: str, source: str, use_directory_urls: bool) -> str:
    """A link from page `source` to page `target` (both Markdown paths)."""
    to, start = page_url(target, use_directory_urls), page_url(source, use_directory_urls)
    base_dir = start if start == "" or start.endswith("/") else posixpath.dirname(start)
    rel = posixpath.relpath(to or ".", base_dir or ".")
    return rel + "/" if (to == "" or to.endswith("/")) and not rel.endswith("/") else rel


def lesson_path(lesson: Lesson) -> str:
    return f"lessons/{lesson.id}.md"


def quiz_path(quiz: Quiz) -> str:
    return f"quizzes/{quiz.id}.md"


def generate(project: Project, course: Course, settings: RenderSettings) -> SiteOutput:
    """Render `course` from `project` into pages, assets and navigation."""
    text = strings(settings.language)
    env = make_env(settings.templates_dir)
    glossary = {name: t.definition for t in project.terms for name in (t.term, *t.aliases)} if course.glossary else {}
    lesson_md = MarkdownRenderer(settings.markdown_extensions, settings.markdown_configs, glossary)
    quiz_md = MarkdownRenderer(settings.markdown_extensions, settings.markdown_configs)
    lessons = course_lessons(project, course)
    quizzes = course_quizzes(project, course)
    urls = settings.use_directory_urls

    def link(target: str, source: str) -> str:
        return relative_url(target, source, urls)

    pages: list[GeneratedPage] = []
    context = {"t": text, "course": course, "language": settings.language}

    # Lessons: sections, blocks, objectives and key points; practice links to the lesson's quizzes.
    for number_, lesson in enumerate(lessons, 1):
        path = lesson_path(lesson)
        practice = [{"title": q.title, "href": link(quiz_path(q), path), "count": len(q.questions)}
                    for q in quizzes if q.lesson == lesson.id]
        sections = [
            {
                "id": s.id or f"s{n}",
                "title": s.title,
                "body": lesson_md.block(s.body),
                "blocks": [_block_view(b, lesson_md) | {"uid": f"{lesson.id}-{n}-{m}"} for m, b in enumerate(s.blocks)],
            }
            for n, s in enumerate(lesson.sections, 1)
        ]
        md = env.get_template("lesson.md.j2").render(
            context, lesson=lesson, number=number_, sections=sections, practice=practice,
            summary=lesson_md.block(lesson.summary), key_points=[lesson_md.inline(k) for k in lesson.key_points],
            objectives=[lesson_md.inline(o.text) for o in lesson.objectives],
        )
        pages.append(GeneratedPage(path, lesson.title, md))

    # Quizzes: server-rendered questions plus the key the runtime grades with.
    for quiz in quizzes:
        path = quiz_path(quiz)
        views, key = question_views(quiz, quiz_md, project.schemes, text, settings.language)
        lesson = project.lessons[quiz.lesson]
        md = env.get_template("quiz.md.j2").render(
            context, quiz=quiz, questions=views, intro=quiz_md.block(quiz.intro),
            lesson_href=link(lesson_path(lesson), path), lesson=lesson,
            config={"id": quiz.id, "key": storage_key(quiz.id), "version": STORAGE_VERSION, "mode": quiz.mode,
                    "pass": quiz.pass_mark, "scoring": quiz.scoring, "draw": quiz.draw,
                    "shuffleQuestions": quiz.shuffle_questions, "shuffleOptions": quiz.shuffle_options,
                    "questions": key},
        )
        pages.append(GeneratedPage(path, quiz.title, md))

    # Drills: fresh scenarios composed in the browser from a rule-based scheme's cue bank.
    drills = _drill_schemes(project, quizzes)
    for scheme_id in drills:
        scheme = project.schemes[scheme_id]
        pages.append(GeneratedPage(drill_path(scheme_id), f"{text['drill']}：{scheme.title}",
                                   env.get_template("drill.md.j2").render(context, drill=drill_data(scheme, quiz_md))))

    # Glossary: every term once, with the lesson that introduces it.
    if course.glossary and project.terms:
        terms = sorted(project.terms, key=lambda t: t.term)
        rows = [{"term": t.term, "definition": t.definition, "aliases": t.aliases,
                 "lesson": project.lessons[t.lesson] if t.lesson in course.lessons else None,
                 "href": link(lesson_path(project.lessons[t.lesson]), "glossary.md")
                 if t.lesson in course.lessons else None} for t in terms]
        pages.append(GeneratedPage("glossary.md", text["glossary"],
                                   env.get_template("glossary.md.j2").render(context, terms=rows)))

    # Progress: the course's structure for the runtime, which fills in the trainee's results.
    outline = {
        "version": STORAGE_VERSION,
        "lessons": [
            {"id": lesson.id, "title": lesson.title, "href": link(lesson_path(lesson), "progress.md"),
             "quizzes": [
                 {"id": q.id, "title": q.title, "key": storage_key(q.id), "pass": q.pass_mark,
                  "href": link(quiz_path(q), "progress.md"),
                  "questions": [{"id": x.id, "text": _summary(x, quiz_md), "skills": x.skills,
                                 "points": x.points} for x in q.questions]}
                 for q in quizzes if q.lesson == lesson.id]}
            for lesson in lessons
        ],
    }
    pages.append(GeneratedPage("progress.md", text["progress_title"],
                               env.get_template("progress.md.j2").render(context, outline=outline)))

    # Home: the course intro and the learning path.
    path_rows = [{"number": n, "lesson": lesson, "href": link(lesson_path(lesson), "index.md"),
                  "quizzes": [{"title": q.title, "href": link(quiz_path(q), "index.md")}
                              for q in quizzes if q.lesson == lesson.id]}
                 for n, lesson in enumerate(lessons, 1)]
    home = env.get_template("home.md.j2").render(
        context, intro=lesson_md.block(course.intro), rows=path_rows,
        total=sum(lesson.minutes for lesson in lessons), progress_href=link("progress.md", "index.md"),
        glossary_href=link("glossary.md", "index.md") if course.glossary and project.terms else None,
    )
    pages.insert(0, GeneratedPage("index.md", course.title, home))

    # Assets: the runtime and the JSON Schemas for editors.
    assets = {f"{ASSET_DIR}/{name}": resources.files("generator").joinpath("assets", name).read_bytes()
              for name in RUNTIME_FILES}
    assets |= {f"schema/{name}": data for name, data in schemas().items()}

    nav = _nav(course, lessons, quizzes, text, has_glossary=course.glossary and bool(project.terms),
               drills={lesson: [(f"{text['drill']}：{project.schemes[s].title}", drill_path(s))
                                for s, at in drills.items() if at == lesson] for lesson in set(drills.values())})
    return SiteOutput(title=chrome_title(course.title), pages=pages, assets=assets, nav=nav)


def _summary(question: Any, md: MarkdownRenderer) -> str:
    """A short plain-text line naming a question on the progress page."""
    text = question.prompt or getattr(question, "scenario", "") or question.id
    return md.plain(text.replace(BLANK, "____"))[:80]


def chrome_title(title: str) -> str:
    """An author title made safe for the theme's navigation, header and browser tab.

    Material prints navigation titles unescaped, and the page <title> through `striptags`,
    which undoes HTML escaping; so '<' and '>' become their full-width forms (no tag can
    survive either path) and the rest is HTML-escaped.
    """
    return html.escape(title.replace("<", "\uff1c").replace(">", "\uff1e"))


def drill_path(scheme_id: str) -> str:
    return f"drills/{scheme_id}.md"


def _drill_schemes(project: Project, quizzes: list[Quiz]) -> dict[str, str]:
    """Rule-based schemes with a cue bank that the course's exercises use -> the lesson to list them under."""
    found: dict[str, str] = {}
    for quiz in quizzes:
        for q in quiz.questions:
            scheme = project.schemes.get(getattr(q, "scheme", ""))
            if scheme is not None and scheme.kind == "rules" and scheme.drill and scheme.id not in found:
                found[scheme.id] = quiz.lesson
    return found


def drill_data(scheme: Scheme, md: MarkdownRenderer) -> dict[str, Any]:
    """What the browser needs to compose, grade and explain drill scenarios."""
    return {
        "scheme": scheme.id,
        "title": scheme.title,
        "attributes": [
            {"id": a.id, "label": a.label, "question": a.question,
             "values": [{"id": v.id, "label": v.label, "cues": scheme.drill.get(a.id, {}).get(v.id, [])}
                        for v in a.values]}
            for a in scheme.attributes
        ],
        "classes": [{"id": c.id, "label": c.label, "action": md.inline(c.action)} for c in scheme.classes],
        "rules": [{"when": r.when, "then": r.then} for r in scheme.rules],
    }


def _nav(course: Course, lessons: list[Lesson], quizzes: list[Quiz], text: dict[str, str],
         has_glossary: bool, drills: dict[str, list[tuple[str, str]]]) -> list[Any]:
    e = chrome_title
    nav: list[Any] = [{e(text["home"]): "index.md"}]
    for n, lesson in enumerate(lessons, 1):
        children: list[Any] = [{e(lesson.title): lesson_path(lesson)}]
        children += [{e(q.title): quiz_path(q)} for q in quizzes if q.lesson == lesson.id]
        children += [{e(title): path} for title, path in drills.get(lesson.id, [])]
        nav.append({f"{n}. {e(lesson.title)}": children})
    if has_glossary:
        nav.append({text["glossary"]: "glossary.md"})
    nav.append({text["progress_title"]: "progress.md"})
    return nav


def _block_view(block: Any, md: MarkdownRenderer) -> dict[str, Any]:
    if block.type == "table":
        return {"type": "table", "caption": block.caption, "columns": [md.inline(c) for c in block.columns],
                "rows": [[md.inline(cell) if cell else "" for cell in row] for row in block.rows]}
    if block.type == "case":
        return {"type": "case", "title": block.title, "story": md.block(block.story),
                "takeaway": md.block(block.takeaway)}
    if block.type == "note":
        return {"type": "note", "style": block.style, "title": block.title, "body": md.block(block.body)}
    return {"type": "diagram", "caption": block.caption} | diagram_view(block.kind, block.steps)
