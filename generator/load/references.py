"""Images and links between pages in author Markdown, checked where they are written.

Authors show a picture from the images folder (`lessons/images/`) as `![what it shows](images/NAME)`
or `<img src="images/NAME" alt="what it shows">`, and link pages as `[text](lesson:L3)`,
`[text](quiz:L3-quiz)` or `[text](glossary:TERM)`; the build resolves them (see render/links.py).
Each text that may hold one is rendered here once with the site's Markdown, and every `<img>` and
`<a>` of the result is checked, so a missing image or an unknown target is an error at the
field's file and line rather than a broken picture or a 404 on the site.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import markdown
from pydantic import BaseModel

from ..errors import ContentError
from ..model import Course
from ..model.project import Project
from .scheme_checks import located_error
from .yamlsource import Loc

#: Where pictures live, as authors write it in Markdown (relative to the images folder's parent).
IMAGE_PREFIX = "images/"
#: Pictures a browser shows in <img>. No SVG: served from the course's origin and opened on its
#: own, an SVG document runs its scripts.
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
#: Link targets resolved at build: lesson:ID, quiz:ID, glossary:TERM (a fragment may follow an id).
LINK_KINDS = ("lesson", "quiz", "glossary")
_LINK = re.compile(r"^(lesson|quiz|glossary):(.*)$", re.DOTALL)
#: Texts that may hold an image or a page link (the others are not parsed again). A Markdown link or
#: picture needs `](` (inline), `][` (reference) or a definition line `[x]: …` (also for `[x]` alone;
#: an abbreviation's `*[x]: …` is not one).
_CANDIDATE = re.compile(
    r"\]\(|\]\[|^ {0,3}\[[^\]\n]*\]:|<img|images/|(?:lesson|quiz|glossary):|\.md\b", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Reference:
    """One image or link written in a text: `owner` is the where-key of the lesson, quiz, scheme or course."""

    owner: str
    loc: Loc
    tag: str  # "img" or "a"
    target: str
    alt: str | None = None


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            self.found.append(("img", values.get("src") or "", values.get("alt")))
        elif tag == "a" and values.get("href"):
            self.found.append(("a", values["href"] or "", None))


#: Fields shown as plain text (titles, labels, names) or used as data (answers, ids): never Markdown, so
#: `<img>` or `[x](lesson:L1)` written there is text, not a picture or a link.
PLAIN_FIELDS = frozenset(
    {
        "id",
        "title",
        "caption",
        "steps",
        "label",
        "term",
        "definition",
        "aliases",
        "avoid",
        "accept",
        "synonyms",
        "regex",
        "quote",
        "unit",
        "formula",
        "name",
    }
)


def _strings(value: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every Markdown text inside `value`, with its path."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in PLAIN_FIELDS:
                yield from _strings(getattr(value, name), (*loc, name))
    elif isinstance(value, (list, tuple)):
        for n, item in enumerate(value):
            yield from _strings(item, (*loc, n))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))


def references(project: Project) -> list[Reference]:
    """Every image and link in the pool's texts, in file order (found on the first call for a loaded pool)."""
    if project.references is None:
        project.references = _find_references(project)
    return project.references


def _find_references(project: Project) -> list[Reference]:
    md = markdown.Markdown(extensions=["attr_list", "tables", "admonition", "footnotes", "def_list"])
    owners: list[tuple[str, BaseModel]] = [
        *project.lessons.items(),
        *project.quizzes.items(),
        *project.schemes.items(),
        *((f"course:{c.id}", c) for c in project.courses.values()),
    ]
    found = []
    for owner, model in owners:
        for loc, text in _strings(model, ()):
            if not _CANDIDATE.search(text):
                continue
            md.reset()
            collector = _Collector()
            collector.feed(md.convert(text))
            found += [Reference(owner, loc, tag, target, alt) for tag, target, alt in collector.found]
    return found


def check_references(project: Project, refs: list[Reference], images: Path) -> list[ContentError]:
    """Images exist in the images folder and say what they show; link targets exist in the pool."""
    errors = []
    for ref in refs:
        message = _image_problem(ref, images) if ref.tag == "img" else _link_problem(project, ref.target)
        if message:
            errors.append(located_error(project, ref.owner, ref.loc, message))
    return errors


def check_course_links(
    project: Project, course: Course, refs: list[Reference], drafts: bool = True
) -> list[ContentError]:
    """Links in the course's own texts point at pages the course has (without `drafts`: pages a build has)."""
    from ..model.assemble import course_lessons, course_quizzes

    lessons = {lesson.id for lesson in course_lessons(project, course, drafts)}
    quizzes = {quiz.id for quiz in course_quizzes(project, course, drafts)}
    owners = lessons | quizzes | {f"course:{course.id}"}
    errors = []
    for ref in refs:
        match = _LINK.match(ref.target)
        if ref.owner not in owners or ref.tag != "a" or not match:
            continue
        kind, ident = match.group(1), unquote(match.group(2)).split("#", 1)[0]
        # Targets unknown to the whole pool are reported once, by check_references.
        missing = (
            (kind == "lesson" and ident in project.lessons and ident not in lessons)
            or (kind == "quiz" and ident in project.quizzes and ident not in quizzes)
            or (kind == "glossary" and not course.glossary)
        )
        if missing:
            what = "the glossary page" if kind == "glossary" else f"{kind} {ident!r}"
            errors.append(
                located_error(
                    project, ref.owner, ref.loc, f"links to {what}, which course {course.id!r} does not include"
                )
            )
    return errors


def _image_problem(ref: Reference, images: Path) -> str | None:
    src = ref.target.strip()
    hint = f"put the picture in {images.name}/ and write ![what it shows](images/NAME)"
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^/", src):
        return f"image {src[:80]!r} is not a local file: course pages load nothing from elsewhere; {hint}"
    name = posixpath.normpath(unquote(src))
    if not src.startswith(IMAGE_PREFIX) or name.startswith("..") or not name.startswith(IMAGE_PREFIX):
        return f"image {src[:80]!r} is not in the images folder; {hint}"
    if not name.lower().endswith(IMAGE_TYPES):
        return f"image {src!r}: expected a picture file ({', '.join(IMAGE_TYPES)})"
    file = images / name[len(IMAGE_PREFIX) :]
    if not file.is_file():
        return f"image {src!r} not found: there is no file {images.name}/{name[len(IMAGE_PREFIX) :]}"
    if images.resolve() not in file.resolve().parents:
        return f"image {src!r} is a symbolic link out of the images folder; copy the picture into it instead"
    if not (ref.alt or "").strip():
        return (
            f"image {src!r} has no text alternative: say what it shows, as ![what it shows]({src}) "
            'or alt="…" (read aloud by screen readers, shown when the picture does not load)'
        )
    return None


def _link_problem(project: Project, href: str) -> str | None:
    match = _LINK.match(href)
    if match is None:
        if re.search(r"\.md(#|$)", href) and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href):
            return f"link {href!r}: link pages as lesson:ID, quiz:ID or glossary:TERM (resolved at build)"
        return None
    kind, ident = match.group(1), unquote(match.group(2)).split("#", 1)[0]
    if kind == "glossary":
        known = sorted({name for t in project.terms for name in (t.term, *t.aliases)})
    else:
        known = sorted(project.lessons if kind == "lesson" else project.quizzes)
    if ident in known:
        return None
    close = difflib.get_close_matches(ident, known, n=1, cutoff=0.5)  # ids are short: M2 is close to M1
    hint = f" (did you mean {kind}:{close[0]}?)" if close else ""
    what = "glossary term" if kind == "glossary" else kind
    return f"link {href!r}: unknown {what} {ident!r}{hint}"
