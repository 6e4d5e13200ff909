"""Rendering: content models in, Markdown pages, HTML fragments and assets out."""
