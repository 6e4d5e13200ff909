"""A thin MkDocs adapter over the pure core in ``generator.pipeline``.

Everything course-specific happens in the core; this module only moves its output into MkDocs:
content is loaded and rendered in ``on_config``, pages and assets are added in ``on_files``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from ..errors import ContentErrors
from ..pipeline import BuildInputs, render_course
from ..render.site import ASSET_DIR, RUNTIME_FILES, SiteOutput
from .config import CoursewareConfig


class CoursewarePlugin(BasePlugin[CoursewareConfig]):
    """Adds the course's lesson, quiz, glossary and progress pages to an MkDocs build."""

    output: SiteOutput | None = None
    #: Set by `build_site`: content errors propagate as ContentErrors for the caller to report, instead of
    #: being logged by MkDocs as a build error (what `mkdocs build` and `mkdocs serve` need).
    raise_content_errors: bool = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not self.config.enabled:
            return config
        base = Path(config.config_file_path or ".").resolve().parent
        root = (base / self.config.root).resolve()
        inputs = BuildInputs(
            root=root,
            course=self.config.course,
            language=config.theme.get("language") or "en",
            markdown_extensions=list(config.markdown_extensions),
            markdown_configs=dict(config.mdx_configs),
            templates_dir=(base / self.config.templates_dir) if self.config.templates_dir else None,
            use_directory_urls=config.use_directory_urls,
        )
        try:
            self.output = render_course(inputs)
        except ContentErrors as exc:
            # Content errors stop the build before MkDocs touches site_dir.
            if self.raise_content_errors:
                raise
            raise PluginError(exc.report()) from None
        if not config.nav:
            config.nav = self.output.nav
        if self.config.site_name_from_course:
            config.site_name = self.output.title
        # Rebuild when authors edit content while `mkdocs serve` runs.
        for folder in inputs.watched():
            if folder.exists() and str(folder) not in config.watch:
                config.watch.append(str(folder))
        for name in RUNTIME_FILES:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"{ASSET_DIR}/{name}" not in [str(x) for x in target]:
                target.append(f"{ASSET_DIR}/{name}")
        return config

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
