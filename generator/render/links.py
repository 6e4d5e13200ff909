"""Links between pages (`lesson:L3`, `quiz:L3-quiz`, `glossary:TERM`) and pictures (`images/NAME`), resolved
for the page being rendered.

The sanitiser asks this resolver for every `href` written with one of those schemes and every `src`
of an `<img>`: what it returns is the relative URL of the target on this site (as directory URLs or
`.html` files, like the theme's own links), and None drops the attribute. The load step has already
checked each reference against the pool and the course (load/references.py), so None here only
happens for a draft left out of a build, whose links then read as plain text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..model import Term
from .urls import GLOSSARY, page_url, relative_url

#: Where pictures are served from, relative to the site root (authors write `images/NAME`).
IMAGES_DIR = "images"
_PAGE_LINK = re.compile(r"^(lesson|quiz|glossary):(.*)$", re.DOTALL)
_IMAGE = re.compile(r"^images/[^?#]+\.(png|jpe?g|gif|webp|avif)$", re.IGNORECASE)
#: The URL schemes of page links, for the sanitiser's allow-list.
PAGE_LINK_SCHEMES = frozenset({"lesson", "quiz", "glossary"})


def is_page_link(value: str) -> bool:
    """Whether an href is a link to another page of the course, written as lesson:, quiz: or glossary:."""
    return _PAGE_LINK.match(value) is not None


@dataclass
class Links:
    """The pages and glossary anchors of one site, and the page being rendered."""

    #: "lesson:L1" / "quiz:L1-quiz" -> the Markdown path of that page, for the pages this site has.
    pages: dict[str, str]
    #: Glossary term or alias -> the anchor of its entry on the glossary page (empty: no glossary page).
    terms: dict[str, str]
    use_directory_urls: bool = True
    #: The Markdown path of the page being rendered (set by `RenderContext.at`).
    page: str = "index.md"
    #: Pictures used so far, as `images/NAME` paths: the build copies exactly these into the site.
    images: set[str] = field(default_factory=set)

    def base(self) -> str:
        """The folder of the current page's URL: texts with links render differently in each."""
        url = page_url(self.page, self.use_directory_urls)
        return url if url == "" or url.endswith("/") else posixpath.dirname(url)

    def href(self, value: str) -> str | None:
        """The URL of a lesson:, quiz: or glossary: link from the current page (None: no such page here)."""
        match = _PAGE_LINK.match(value)
        if match is None:
            return None
        kind, rest = match.group(1), unquote(match.group(2))
        ident, _, fragment = rest.partition("#")
        if kind == "glossary":
            anchor = self.terms.get(ident)
            return None if anchor is None else relative_url(GLOSSARY, self.page, self.use_directory_urls) + "#" + anchor
        target = self.pages.get(f"{kind}:{ident}")
        if target is None:
            return None
        url = relative_url(target, self.page, self.use_directory_urls)
        return f"{url}#{fragment}" if fragment else url

    def src(self, value: str) -> str | None:
        """The URL of a picture `images/NAME` from the current page (None for anything else)."""
        name = posixpath.normpath(unquote(value.strip()))
        if not _IMAGE.match(name) or name != unquote(value.strip()):
            return None
        self.images.add(name)
        return posixpath.relpath(name, self.base() or ".")


def glossary_order(terms: list[Term]) -> list[tuple[str, Term]]:
    """The glossary page's entries in order, each with its anchor (`glossary:TERM` links point at it)."""
    return [(f"term-{n}", term) for n, term in enumerate(sorted(terms, key=lambda t: t.term), 1)]


def glossary_anchors(terms: list[Term]) -> dict[str, str]:
    """Each term and alias -> the anchor of its entry on the glossary page."""
    return {name: anchor for anchor, term in glossary_order(terms) for name in (term.term, *term.aliases)}
