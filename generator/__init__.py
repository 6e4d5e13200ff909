"""Courseware generator: YAML lessons, quizzes and worked exercises to a static MkDocs Material site."""

__version__ = "0.1.0"
