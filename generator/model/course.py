"""Course manifests and the glossary."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Markdown, Model, Text


class Course(Model):
    """Which lessons and quizzes make a course, in what order."""

    id: Id
    title: Text
    language: Literal["zh", "en"] | None = Field(
        default=None, description="Language of the interface; default: the site's theme.language."
    )
    intro: Markdown | None = Field(default=None, description="Shown on the course home page.")
    lessons: list[Id] = Field(min_length=1, description="Lesson ids, in teaching order.")
    quizzes: list[Id] | None = Field(
        default=None, description="Quiz ids to include; default: every quiz of the listed lessons."
    )
    glossary: bool = Field(default=True, description="Add the glossary page and tooltips.")
    check_objectives: bool = Field(
        default=True, description="Every objective must be assessed and every question assess an objective."
    )


class Term(Model):
    term: Text
    definition: Text
    aliases: list[Text] = Field(default_factory=list, description="Other spellings that get the same tooltip.")
    lesson: Id | None = Field(default=None, description="The lesson that introduces it.")


class Glossary(Model):
    terms: list[Term] = Field(min_length=1)
