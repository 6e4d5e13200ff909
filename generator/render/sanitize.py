"""The HTML authors may produce through Markdown, and nothing more."""

from __future__ import annotations

import re

import nh3

#: Tags produced by the Markdown pipeline (tables, admonitions, tabs, details, abbr tooltips).
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "s",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
}
#: pymdownx.tabbed renders tabs as radio inputs with labels; nothing here can run script.
ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "abbr": {"title"},
    "input": {"type", "name", "checked"},
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


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    return None if attribute == "id" and _THEME_ID.match(value) else value


def sanitize(html: str) -> str:
    """Remove every tag, attribute and URL scheme outside the allow-list.

    Ids are kept so tabs and footnotes work, except the theme's own (`__config`, …); links may
    only be http(s), mailto or relative.
    """
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_attribute_filter,
    )
