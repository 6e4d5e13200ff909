"""The plugin's options, declared once with types, defaults and help."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class CoursewareConfig(base.Config):
    """Options of the `courseware` plugin in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the generator off to build only the hand-written pages."""

    root = c.Type(str, default=".")
    """Project root holding lessons/, quizzes/, glossary/ and course manifests (relative to mkdocs.yml)."""

    course = c.Type(str, default="course.yml")
    """The course manifest to build, relative to `root`."""

    site_name_from_course = c.Type(bool, default=True)
    """Name the site after the course's title, so each course built from the pool carries its own name."""

    templates_dir = c.Optional(c.Type(str))
    """Folder of template overrides (relative to mkdocs.yml); a file there replaces the packaged one."""

    edition = c.Choice(("trainee", "instructor"), default="trainee")
    """`instructor` adds every answer, a one-table answer key per quiz and the facilitator notes (`make instructor`)."""
