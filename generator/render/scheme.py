"""A classification scheme explained to trainees: its description, classes and reasoning."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Scheme
from .markdown import MarkdownRenderer


@dataclass(frozen=True)
class ClassAbout:
    label: str
    description: str


@dataclass(frozen=True)
class SchemeAbout:
    title: str
    description: str
    reasoning: str
    classes: list[ClassAbout]


def scheme_about(scheme: Scheme, md: MarkdownRenderer) -> SchemeAbout | None:
    """What the author wrote about a scheme, or None when there is nothing to show."""
    classes = [ClassAbout(c.label, md.block(c.description)) for c in scheme.classes if c.description]
    if not (scheme.description or scheme.reasoning or classes):
        return None
    return SchemeAbout(scheme.title, md.block(scheme.description), md.block(scheme.reasoning), classes)
