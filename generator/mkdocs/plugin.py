"""A thin MkDocs adapter over the pure core in ``generator.pipeline``.

Everything course-specific happens in the core; this module only moves its output into MkDocs:
content is loaded and rendered in ``on_config``, pages and assets are added in ``on_files``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..errors import ContentErrors, warning_report
from ..pipeline import BuildInputs, render_course
from ..render.pages.errors import error_site
from ..render.site import ASSET_DIR, INSTRUCTOR_CSS, PRINT_CSS, SITE_FILES, SiteOutput
from .config import CoursewareConfig

SITE_CSS = next(name for name in SITE_FILES if name.endswith(".css"))

#: Material features that turn text written by course authors into markup, and why each is refused.
#: With content.tooltips, Material renders the text of every `title` attribute (glossary definitions,
#: link titles, long navigation and table-of-contents entries it shortens with an ellipsis) as HTML in
#: its tooltips, so a title such as `<img src=x onerror=...>` would run as script in a reader's browser.
UNSAFE_THEME_FEATURES: dict[str, str] = {
    "content.tooltips": (
        "Material renders title attributes (glossary definitions, link titles, shortened navigation and "
        "table-of-contents entries) as HTML in its tooltips, so text written by course authors would run "
        "as script in readers' browsers"
    )
}


def refuse_unsafe_theme_features(features: list[str]) -> None:
    """Raise PluginError when `theme.features` of mkdocs.yml lists a feature in UNSAFE_THEME_FEATURES.

    Glossary terms keep their tooltips without it: browsers show `title` as plain text.
    """
    for name in features:
        if name in UNSAFE_THEME_FEATURES:
            raise PluginError(
                f"theme.features in mkdocs.yml lists {name}: {UNSAFE_THEME_FEATURES[name]}. "
                f"Remove {name} from theme.features in mkdocs.yml (browsers still show title attributes "
                "as plain-text tooltips)."
            )


#: Holds main.html, which links the print stylesheet for print media.
THEME_DIR = Path(__file__).resolve().parent / "theme"

#: `serve --course FILE`: the course to preview instead of the plugin's `course` option.
course_override: str | None = None


class CoursewarePlugin(BasePlugin[CoursewareConfig]):
    """Adds the course's lesson, quiz, glossary and progress pages to an MkDocs build."""

    output: SiteOutput | None = None
    serving = False
    #: Pages of the last good build: while serving, an error page stands in for each of them.
    shown: tuple[str, ...] = ()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    #: Set by `build_site`: content errors propagate as ContentErrors for the caller to report, instead of
    #: being logged by MkDocs as a build error (what `mkdocs build` and `mkdocs serve` need).
    raise_content_errors: bool = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Checked even with the generator turned off: the refusal is a property of the site, so a
        # config that would render author text as markup never builds.
        refuse_unsafe_theme_features(list(config.theme.get("features") or []))
        if not self.config.enabled:
            return config
        base = Path(config.config_file_path or ".").resolve().parent
        root = (base / self.config.root).resolve()
        inputs = BuildInputs(
            root=root,
            course=course_override or self.config.course,
            language=config.theme.get("language") or "en",
            markdown_extensions=list(config.markdown_extensions),
            markdown_configs=dict(config.mdx_configs),
            templates_dir=(base / self.config.templates_dir) if self.config.templates_dir else None,
            use_directory_urls=config.use_directory_urls,
            edition="instructor" if self.config.edition == "instructor" else "trainee",
            drafts=self.serving,  # the live preview shows drafts; builds leave them out
        )
        try:
            self.output = render_course(inputs)
            self.shown = tuple(page.path for page in self.output.pages)
            if self.output.warnings:  # not through logging either: strict mode would make them errors
                print(warning_report(self.output.warnings), file=sys.stderr, flush=True)
        except ContentErrors as exc:
            if self.serving:
                # While previewing, the browser shows every error and reloads once they are fixed; the
                # terminal gets them too (not through logging, which strict mode would turn into a halt).
                print(exc.report(), file=sys.stderr, flush=True)
                self.output = error_site(exc, list(self.shown), inputs.language)
            elif self.raise_content_errors:
                raise
            else:
                # Content errors stop the build before MkDocs touches site_dir.
                raise PluginError(exc.report()) from None
        if not config.nav:
            config.nav = self.output.nav
        if self.config.site_name_from_course:
            config.site_name = self.output.title
        # Rebuild when authors edit content while `mkdocs serve` runs.
        for folder in inputs.watched():
            if folder.exists() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        # Every page gets the small site files; pages with a widget link the widget runtime themselves.
        # The site stylesheet is written into <head> by our main.html (one render-blocking request
        # fewer on every page); with an author's own main.html it is linked instead.
        inline_css = self._link_print_css(config)
        for name in SITE_FILES:
            path = f"{ASSET_DIR}/{name}"
            if name.endswith(".css"):
                if not inline_css and path not in [str(x) for x in config.extra_css]:
                    config.extra_css.append(path)
            elif path not in [str(x) for x in config.extra_javascript]:
                script = ExtraScriptValue(path)
                script.defer = True  # nothing on the page waits for it
                config.extra_javascript.append(script)
        if INSTRUCTOR_CSS in self.output.assets and INSTRUCTOR_CSS not in [str(x) for x in config.extra_css]:
            config.extra_css.append(INSTRUCTOR_CSS)
        return config

    @staticmethod
    def _link_print_css(config: MkDocsConfig) -> bool:
        """Add our main.html after custom_dir: it links the print stylesheet with media="print" and
        writes the site stylesheet into <head>. Returns whether it is used.

        MkDocs' extra_css cannot carry a media attribute, so the theme's `extrahead` block does it.
        A project with its own main.html keeps it; the print stylesheet is then linked as extra_css
        (its rules sit inside @media print, so screens are unaffected either way).
        """
        ours = str(THEME_DIR)
        dirs = config.theme.dirs
        custom = config.theme.custom_dir
        if custom and (Path(custom) / "main.html").is_file():
            if PRINT_CSS not in [str(x) for x in config.extra_css]:
                config.extra_css.append(PRINT_CSS)
            return False
        if ours not in dirs:
            dirs.insert(1 if custom else 0, ours)
        return True

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.config.enabled and self.output is not None:
            css = self.output.assets.get(f"{ASSET_DIR}/{SITE_CSS}", b"").decode("utf-8")
            env.globals["courseware_site_css"] = Markup(css)  # our own built file, not author text
        return env

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled or self.output is None:
            return files
        # A hand-written page at the same URL (lessons/L1.md, lessons/L1/index.md or .html) would be
        # lost without a word; stop instead.
        by_url = {file.dest_uri: file for file in files}
        for page in self.output.pages:
            generated = File.generated(config, page.path, content=page.markdown)
            clash = files.get_file_from_path(page.path) or by_url.get(generated.dest_uri)
            if clash is not None:
                raise PluginError(
                    f"{config.docs_dir}/{clash.src_uri} is a hand-written page, but the course generates the page "
                    f"{generated.dest_uri} from {page.path}; rename or remove the hand-written one "
                    "(the generator never overwrites author files)"
                )
            files.append(generated)
        for path, data in self.output.assets.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=data))
        return files
