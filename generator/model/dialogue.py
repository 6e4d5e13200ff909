"""Branching sales conversations: the `dialogue` question type.

The shape is checked here; the graph (every `next` exists, every node reachable, every path ends,
the best path's score equals `points`, …) is checked by generator/load/dialogue_checks.py, which
reports each problem at the field that causes it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import Id, Markdown, Model, Text
from .questionbase import QuestionBase

#: Choices per node: fewer is no decision, more is hard to read as a spoken reply.
MIN_CHOICES, MAX_CHOICES = 2, 4
#: Bounds that keep a conversation's page and its checks small.
MAX_NODES, MAX_ENDINGS, MAX_TURNS = 60, 20, 30
#: The speaker of a node that names none.
DEFAULT_SPEAKER = "customer"


class DialogueCue(Model):
    """Something in the speaker's line the trainee should notice (e.g. a buying signal)."""

    quote: Text = Field(description="Words copied from `says`; highlighted with the note after the trainee chooses.")
    note: Markdown = Field(description="Why the quote matters; shown with the feedback.")


class DialogueChoice(Model):
    """What the trainee may say at a node."""

    say: Text = Field(description="The trainee's reply, as shown on its button.")
    next: Id = Field(description="The node or ending this reply leads to.")
    points: float = Field(default=0, ge=-100, le=100, description="May be 0 or negative.")
    feedback: Markdown = Field(description="Why this reply works or fails, tied to the lesson's rule.")
    retry: bool = Field(
        default=False, description="An explicit way back to an earlier node: the only link that may close a loop."
    )
    skills: list[Id] = Field(default_factory=list, description="Skill tags this reply practises.")


class DialogueNode(Model):
    """One turn: a speaker's line and the trainee's possible replies."""

    id: Id
    speaker: Id = Field(default=DEFAULT_SPEAKER, description="A key of the dialogue's `speakers`.")
    says: Markdown = Field(description="The speaker's line.")
    cue: DialogueCue | None = None
    choices: list[DialogueChoice] = Field(
        description=f"{MIN_CHOICES} to {MAX_CHOICES} replies.",
        json_schema_extra={"minItems": MIN_CHOICES, "maxItems": MAX_CHOICES},
    )

    @field_validator("choices")
    @classmethod
    def _two_to_four(cls, choices: list[DialogueChoice]) -> list[DialogueChoice]:
        if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
            raise ValueError(f"a node offers {MIN_CHOICES} to {MAX_CHOICES} choices; found {len(choices)}")
        return choices


class DialogueEnding(Model):
    """Where a conversation stops."""

    id: Id
    outcome: Text = Field(description="Short label, e.g. 约到面谈 or 客户挂断.")
    success: bool = Field(default=False, description="Whether reaching this ending counts as success.")
    debrief: Markdown = Field(description="What happened and the lesson's rule behind it.")


class Dialogue(QuestionBase):
    """A branching conversation: the trainee picks a reply at each turn until an ending."""

    type: Literal["dialogue"]
    max_turns: int = Field(
        ge=1, le=MAX_TURNS, description="The longest path (retry links aside) has at most this many choices."
    )
    speakers: dict[Id, Text] = Field(
        min_length=1, description="Display names by speaker id; `customer` is the default speaker."
    )
    start: Id = Field(description="The id of the first node.")
    nodes: list[DialogueNode] = Field(min_length=1, max_length=MAX_NODES)
    endings: list[DialogueEnding] = Field(min_length=1, max_length=MAX_ENDINGS)

    def node(self, ident: str) -> DialogueNode | None:
        """The node with this id, if any."""
        return next((n for n in self.nodes if n.id == ident), None)

    def all_skills(self) -> list[str]:
        """The question's skills, then those of its choices, each once."""
        return list(dict.fromkeys([*self.skills, *(s for n in self.nodes for c in n.choices for s in c.skills)]))
