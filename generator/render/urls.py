"""Where each generated page lives and how pages link to each other."""

from __future__ import annotations

import html
import posixpath

from ..model import Lesson, Quiz


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
    """The Markdown path of a lesson page."""
    return f"lessons/{lesson.id}.md"


def quiz_path(quiz: Quiz) -> str:
    """The Markdown path of a quiz page."""
    return f"quizzes/{quiz.id}.md"


def drill_path(scheme_id: str) -> str:
    """The Markdown path of a scheme's drill page."""
    return f"drills/{scheme_id}.md"


HOME, GLOSSARY, PROGRESS = "index.md", "glossary.md", "progress.md"
#: The final exam and its certificate (only when the course has a final exam).
EXAM, CERTIFICATE = "exam.md", "certificate.md"


def chrome_title(title: str) -> str:
    """An author title made safe for the theme's navigation, header and browser tab.

    Material prints navigation titles unescaped, and the page <title> through `striptags`,
    which undoes HTML escaping; so '<' and '>' become their full-width forms (no tag can
    survive either path) and the rest is HTML-escaped.
    """
    return html.escape(title.replace("<", "\uff1c").replace(">", "\uff1e"))
