"""The page a live preview shows while the content has errors: every error, file:line:col first."""

from __future__ import annotations

from ...errors import ContentErrors
from ..context import GeneratedPage, SiteOutput
from ..env import make_env
from ..i18n import strings
from ..urls import HOME


def error_site(errors: ContentErrors, paths: list[str], language: str) -> SiteOutput:
    """The same error page at the home page and at every page the preview showed before.

    Whatever page the author has open is replaced by the list of errors, and the preview's
    reload brings the page back as soon as the files are fixed.
    """
    text = strings(language)
    markdown = make_env().get_template("errors.md.j2").render(t=text, errors=errors.errors)
    pages = [GeneratedPage(path, text["errors_title"], markdown) for path in dict.fromkeys([HOME, *paths])]
    return SiteOutput(title=text["errors_title"], pages=pages, assets={}, nav=[{text["errors_title"]: HOME}])
