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


def qti_id(ident: str) -> str:
    """A question id as a QTI identifier (an XML name: it may not start with a digit)."""
    return ident if ident[:1].isalpha() else f"q-{ident}"


def qti12_manifest(ident: str, assessments: list[str]) -> bytes:
    """imsmanifest.xml of a Canvas QTI 1.2 package: each assessment with its Canvas settings file."""
    root = ET.Element(
        "manifest", identifier=f"{ident}-manifest", xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    )
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "IMS Content")
    sub(metadata, "schemaversion", "1.1.3")
    sub(root, "organizations")
    resources = sub(root, "resources")
    for name in assessments:
        resource = sub(resources, "resource", identifier=name, type="imsqti_xmlv1p2")
        sub(resource, "file", href=f"{name}/{name}.xml")
        sub(resource, "dependency", identifierref=f"{name}-meta")
        meta = sub(
            resources,
            "resource",
            identifier=f"{name}-meta",
            href=f"{name}/assessment_meta.xml",
            type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        )
        sub(meta, "file", href=f"{name}/assessment_meta.xml")
    return xml_bytes(root)


def qti21_manifest(bank_id: str, items: dict[str, tuple[bytes, list[str]]]) -> bytes:
    """imsmanifest.xml of a QTI 2.1 package: the test, its items, and each item's skills as LOM keywords."""
    root = ET.Element(
        "manifest", {"xmlns": "http://www.imsglobal.org/xsd/imscp_v1p1", "identifier": qti_id(f"{bank_id}-manifest")}
    )
    metadata = sub(root, "metadata")
    sub(metadata, "schema", "QTIv2.1 Package")
    sub(metadata, "schemaversion", "1.0.0")
    sub(root, "organizations")
    resources = sub(root, "resources")
    test = sub(
        resources, "resource", identifier=qti_id(f"{bank_id}-test"), type="imsqti_test_xmlv2p1", href=f"{bank_id}.xml"
    )
    sub(test, "file", href=f"{bank_id}.xml")
    for ident in items:
        sub(test, "dependency", identifierref=qti_id(ident))
    for ident, (_, skills) in items.items():
        resource = sub(
            resources, "resource", identifier=qti_id(ident), type="imsqti_item_xmlv2p1", href=f"items/{ident}.xml"
        )
        lom = sub(sub(resource, "metadata"), "lom", xmlns="http://ltsc.ieee.org/xsd/LOM")
        general = sub(lom, "general")
        identifier = sub(general, "identifier")
        sub(identifier, "catalog", "courseware")
        sub(identifier, "entry", ident)
        for skill in skills:  # the skill tags, as keywords
            sub(sub(general, "keyword"), "string", skill)
        sub(resource, "file", href=f"items/{ident}.xml")
    return xml_bytes(root)
