"""Course manifests and the glossary."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .base import Id, Markdown, Model, Text
from .exam import FinalExam
from .limits import MAX_TEXT_CHARS


class SkillName(Model):
    """A skill's display name in each interface language; plain text names it in every language."""

    zh: Text | None = None
    en: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        # One model rather than a union with str: a mistake then gets one message, not one per branch.
        return {"zh": data, "en": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _some_name(self) -> SkillName:
        if self.zh is None and self.en is None:
            raise ValueError("give the skill a name: zh, en or both")
        return self

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """Editors accept the plain-text form too."""
        return {"anyOf": [{"type": "string", "minLength": 1, "maxLength": MAX_TEXT_CHARS}, handler(schema)]}


class Completion(Model):
    """When an LMS records the course as completed and passed (SCORM packages, docs/lms.md).

    Completed: every listed lesson opened and every counted quiz finished once. The course score is
    the mean of the counted quizzes' best scores; passed: that score reaches `pass_mark`.
    """

    lessons: Literal["all"] | list[Id] = Field(
        default="all", description="Lessons the learner must open: all, or a list of lesson ids ([] for none)."
    )
    quizzes: Literal["all"] | list[Id] = Field(
        default="all",
        description="Quizzes that must be finished and make the score: all of the course's, or a list of quiz "
        "ids (one id: a final quiz alone decides); [] for none, so that opening the lessons completes the course.",
    )
    pass_mark: int | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Course score (percent) needed to pass; default: the counted quizzes' own pass mark (their "
        "mean when they differ). The LMS's mastery score, when it sets one, wins.",
    )


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
    skills: dict[Id, SkillName] = Field(
        default_factory=dict,
        description="The skill tags the course's questions may use, each with its display name: text, "
        "or {zh: …, en: …} for both interface languages.",
    )
    final_exam: FinalExam | None = Field(
        default=None,
        description="A course-wide exam drawn per attempt from the course's quizzes by a blueprint; passing it "
        "unlocks a printable certificate page.",
    )
    glossary: bool = Field(default=True, description="Add the glossary page and tooltips.")
    check_objectives: bool = Field(
        default=True, description="Every objective must be assessed and every question assess an objective."
    )
    completion: Completion = Field(
        default_factory=Completion,
        description="When an LMS records the course as completed and passed (SCORM packages).",
    )


class Term(Model):
    term: Text
    definition: Text
    aliases: list[Text] = Field(default_factory=list, description="Other spellings that get the same tooltip.")
    lesson: Id | None = Field(default=None, description="The lesson that introduces it.")
    avoid: list[Text] = Field(
        default_factory=list,
        description="Variants the course does not use (e.g. 决定权 for 决策权); `check` warns where lesson or "
        "quiz text uses one.",
    )


class Glossary(Model):
    terms: list[Term] = Field(min_length=1)


def skill_name(course: Course, skill: str, language: str) -> str:
    """How `skill` is shown in `language`: its name in that language, else its other name, else its id."""
    name = course.skills.get(skill)
    if name is None:
        return skill
    return (name.zh if language == "zh" else name.en) or name.zh or name.en or skill
