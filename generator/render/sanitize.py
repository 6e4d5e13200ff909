"""The HTML authors may produce through Markdown, and nothing more.

Author text and the generator's own marks (fill-in boxes, cue highlights) go through the
sanitiser together, once, after Markdown has built the element tree: nothing edits HTML after it
has been cleaned. The generator's marks carry attributes and classes an author may not write
(``data-cw-*``, ``aria-label``, ``cw-*`` classes); they pass only when their value starts with
the build's secret `Seal`, which the filter then removes. Author text cannot know the seal, so
an author can never produce a mark, and a mark can never be produced inside an attribute.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

import nh3

from .links import PAGE_LINK_SCHEMES, Links, is_page_link

#: Tags produced by the Markdown pipeline (tables, admonitions, tabs, details, abbreviations).
TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
#: Attributes only the generator's own marks may carry (each value must start with the seal).
SEALED_ATTRIBUTES = {"data-cw-blank", "data-cw-cue", "aria-label", "autocomplete", "spellcheck"}

#: `title` is allowed on <abbr> only: the theme's tooltips are off (see README, "Tooltips"), so a
#: title is shown by the browser as plain text; on any other element it would only be a place for
#: text to hide in. pymdownx.tabbed renders tabs as radio inputs with labels; nothing here can run
#: script.
ATTRIBUTES = {
    "*": {"class", "id"},
    "a": {"href"},
    "abbr": {"title", "tabindex"},
    "img": {"src", "alt"},
    "input": {"type", "name", "checked", *SEALED_ATTRIBUTES},
    "span": {*SEALED_ATTRIBUTES},
    "label": {"for"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "details": {"open"},
    "ol": {"start"},
}

#: Ids the theme owns: Material reads its configuration from #__config (search worker and index
#: URLs among them) and toggles #__drawer, #__search, #__toc; an author element with such an id
#: would come first in the page and take their place. pymdownx.tabbed's own ids stay allowed.
_THEME_ID = re.compile(r"__(?!tabbed_\d+_\d+$)")
#: Classes that give an element behaviour: Material's (`md-ellipsis` gets a title from its text,
#: `md-tooltip` …) and the runtime's. Buttons are a documented Material feature authors may use.
_BEHAVIOUR_CLASS = re.compile(r"(md|cw)-")
_AUTHOR_MD_CLASSES = {"md-button", "md-button--primary"}


@dataclass(frozen=True)
class Seal:
    """A secret prefix that marks attribute values written by the generator, not by an author."""

    value: str = field(default_factory=lambda: f"cwseal{secrets.token_hex(8)}:")

    def __call__(self, value: str) -> str:
        """`value`, sealed: it passes the sanitiser (with the seal removed)."""
        return self.value + value


def sanitize(html: str, seal: Seal | None = None, links: Links | None = None) -> str:
    """Remove every tag, attribute and URL scheme outside the allow-list.

    Ids are kept so tabs and footnotes work, except the theme's own (`__config`, …); links may
    only be http(s), mailto, relative, or to another page of the course (lesson:, quiz:, glossary:),
    which `links` resolves. Pictures keep their source only when it is a file of the images folder,
    also resolved by `links` (without it, no picture has a source). Values sealed with `seal` are
    kept, unsealed.
    """
    prefix = seal.value if seal else None

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return links.src(value) if links else None
        if attribute == "href" and is_page_link(value):
            return links.href(value) if links else None
        if attribute == "id":
            return None if _THEME_ID.match(value) else value
        if attribute == "class":
            return _classes(value, prefix)
        if attribute == "tabindex":
            return value if value == "0" else None
        if attribute in SEALED_ATTRIBUTES:
            return value[len(prefix) :] if prefix and value.startswith(prefix) else None
        return value

    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto", *PAGE_LINK_SCHEMES},
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=attribute_filter,
    )


def _classes(value: str, seal: str | None) -> str | None:
    kept = []
    for name in value.split():
        if seal and name.startswith(seal):
            kept.append(name[len(seal) :])
        elif not _BEHAVIOUR_CLASS.match(name) or name in _AUTHOR_MD_CLASSES:
            kept.append(name)
    return " ".join(kept) or None
