"""The content model shared by the site, the CLI and every export."""

from .course import Course, Glossary, Term
from .lesson import Block, Case, Diagram, Lesson, Note, Objective, Section, Table
from .question import (
    BLANK,
    QUESTION_TYPES,
    Blank,
    Calculation,
    Categorise,
    Classify,
    Cue,
    FillIn,
    Matching,
    MultipleResponse,
    Numeric,
    Option,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from .quiz import Quiz
from .scheme import Attribute, Rule, Scheme, SchemeClass, Value

__all__ = [
    "BLANK", "QUESTION_TYPES", "Attribute", "Blank", "Block", "Calculation", "Case", "Categorise", "Classify",
    "Course", "Cue", "Diagram", "FillIn", "Glossary", "Lesson", "Matching", "MultipleResponse", "Note",
    "Numeric", "Objective", "Option", "Ordering", "Question", "Quiz", "Rule", "Scheme", "SchemeClass",
    "Section", "SingleChoice", "Table", "Term", "TrueFalse", "Value",
]
