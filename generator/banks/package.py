"""Bytes of XML files and zip packages, written the same way every time (reproducible exports)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

#: Zip entries carry this date, so the same content makes the same bytes.
_EPOCH = (2000, 1, 1, 0, 0, 0)


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element with optional text and attributes."""
    child = ET.SubElement(parent, tag, attrs)
    if text is not None:
        child.text = text
    return child


def xml_bytes(root: ET.Element) -> bytes:
    """`root` as an indented UTF-8 XML document with its declaration."""
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def zip_files(files: dict[str, bytes]) -> bytes:
    """A deflated zip of `files` (path -> bytes), entries in the given order with a fixed date."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
