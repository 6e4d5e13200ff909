"""The page a live preview shows while the content has errors: every error, file:line:col first."""

from __future__ import annotations

from ...errors import ContentErrors
from ..context import GeneratedPage, SiteOutput
from ..env import make_env
from ..urls import HOME

#: The preview's own words (kept out of the strings every quiz page embeds).
STRINGS = {
    "zh": {
        "errors_title": "课程内容有错误",
        "errors_intro": "共 {n} 处错误，改好文件并保存后，本页会自动刷新：",
        "errors_reload": "预览会在文件改好后重新生成；错误也打印在运行预览的终端里。",
    },
    "en": {
        "errors_title": "The course content has errors",
        "errors_intro": "{n} error(s); fix the files and save, and this page reloads:",
        "errors_reload": "The preview is rebuilt once the files are fixed; the errors are also printed in the "
        "terminal running it.",
    },
}


def error_site(errors: ContentErrors, paths: list[str], language: str) -> SiteOutput:
    """The same error page at the home page and at every page the preview showed before.

    Whatever page the author has open is replaced by the list of errors, and the preview's
    reload brings the page back as soon as the files are fixed.
    """
    text = STRINGS.get(language, STRINGS["en"])
    markdown = make_env().get_template("errors.md.j2").render(t=text, errors=errors.errors)
    pages = [GeneratedPage(path, text["errors_title"], markdown) for path in dict.fromkeys([HOME, *paths])]
    return SiteOutput(title=text["errors_title"], pages=pages, assets={}, nav=[{text["errors_title"]: HOME}])
