"""Helpers shared by the browser tests that differ per engine (imported, unlike conftest)."""

from __future__ import annotations

from typing import Any

#: A search result link in each engine's search UI (Zensical draws its results in a shadow root,
#: which Playwright's CSS selectors enter).
SEARCH_RESULT = {"mkdocs": ".md-search-result__item a, a.md-search-result__link", "zensical": "dialog ol li a"}
SEARCH_INPUT = {"mkdocs": "input.md-search__input", "zensical": "dialog input"}


def search(page: Any, engine: str, query: str) -> Any:
    """Open the theme's search with its keyboard shortcut, type `query`; the result links."""
    page.keyboard.press("/")
    page.wait_for_selector(SEARCH_INPUT[engine] + ":focus")
    page.keyboard.type(query)
    results = page.locator(SEARCH_RESULT[engine])
    # The index loads in a worker: a query typed before it is ready is answered only on the next edit.
    for _ in range(10):
        try:
            results.first.wait_for(state="attached", timeout=1000)
            return results
        except Exception:  # Playwright's TimeoutError: edit the query again
            page.keyboard.press("Backspace")
            page.keyboard.type(query[-1])
    results.first.wait_for(state="attached")
    return results
