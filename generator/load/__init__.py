"""Stage one: read every content file with positions, validate it, check across files."""

from .loader import Layout, load_project

__all__ = ["Layout", "load_project"]
