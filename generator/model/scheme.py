"""Classification schemes: attributes, classes, (for rule-based schemes) a rule table, and drill banks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Markdown, Model, Text


class Value(Model):
    id: Id
    label: Text


class Attribute(Model):
    id: Id
    label: Text
    question: Text | None = Field(default=None, description="What the trainee asks of the scenario.")
    values: list[Value] = Field(min_length=2)


class SchemeClass(Model):
    id: Id
    label: Text
    description: Markdown | None = None
    action: Markdown | None = Field(default=None, description="The recommended action for this class.")


class Rule(Model):
    when: dict[Id, Id] = Field(description="attribute id -> value id; every attribute must be named.")
    then: Id = Field(description="The class these values lead to.")


class Scheme(Model):
    """A way of classifying a scenario."""

    id: Id
    title: Text
    kind: Literal["rules", "judgment"]
    description: Markdown | None = None
    reasoning: Markdown | None = Field(default=None, description="How open combinations were decided.")
    attributes: list[Attribute] = Field(default_factory=list)
    classes: list[SchemeClass] = Field(min_length=2)
    rules: list[Rule] = Field(default_factory=list)
    drill: dict[Id, dict[Id, list[Text]]] = Field(
        default_factory=dict, description="Cue bank: attribute -> value -> sentences, for composed drills."
    )
    # A judgment scheme has no attributes to compose a scenario from, so its drill draws whole
    # scenarios per class; a field of its own keeps each bank's shape plain in the schema.
    drill_scenarios: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="Judgment schemes: class -> short scenarios (1-2 sentences each) for the drill page.",
    )

    def derive(self, settings: dict[str, str]) -> str | None:
        """The class the rule table gives for attribute values (None if no rule matches)."""
        return next((rule.then for rule in self.rules if rule.when == settings), None)
