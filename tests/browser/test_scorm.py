"""SCORM packages in a real LMS runtime: npm scorm-again hosts the unpacked package in a frame, as an LMS does.

A learner opens lessons, answers the final quiz wrongly then rightly, reloads a page, visits others and
leaves; the LMS must have seen one Initialize, one Terminate, no error, the status, score, interactions
and resume data the course reports; a second session fed the first one's data shows the answers again.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from helpers import MINI, ROOT, build_package, with_completion

pytestmark = pytest.mark.browser

HARNESS = Path(__file__).with_name("scorm_harness.html")
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm-again.js"
STANDARD = {"scorm12": "1.2", "scorm2004": "2004"}
#: What the LMS holds at the end, per standard: element -> value, in scorm-again's CMI object.
STATUS = {"scorm12": ("core", "lesson_status"), "scorm2004": ("completion_status",)}


class Lms:
    """The harness page of one browser context: scorm-again, and the package's launch page in its frame."""

    def __init__(self, browser: Any, origin: str, fmt: str, root: Path) -> None:
        self.context = browser.new_context(locale="zh-CN")
        self.context.set_default_timeout(10_000)
        self.origin, self.fmt, self.root, self.requests, self.errors = origin, fmt, root, [], []
        self.context.on("request", lambda r: self.requests.append(r.url))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(f"{origin}/harness.html")

    def start(self, cmi: Any = None) -> Any:
        """Initialise the LMS side (with an earlier session's data) and open the launch page; the course frame.

        As an LMS does, the harness sets the mastery score from the package's manifest.
        """
        manifest = (self.root / "pkg" / "imsmanifest.xml").read_text(encoding="utf-8")
        mark = re.search(r"<(?:adlcp:masteryscore|imsss:minNormalizedMeasure)>([^<]+)<", manifest)
        mastery: dict[str, Any] = {}
        if mark and self.fmt == "scorm12":
            mastery = {"student_data": {"mastery_score": mark[1]}}
        elif mark:
            mastery = {"scaled_passing_score": mark[1]}
        data = {**(cmi or {}).get("cmi", {}), **mastery}
        # A new session after one that suspended: the LMS says so in cmi.entry.
        if cmi and self.fmt == "scorm12":
            data["core"] = {**data["core"], "entry": "resume", "exit": "", "session_time": "0000:00:00"}
        elif cmi:
            data |= {"entry": "resume", "exit": "", "session_time": ""}
        self.page.evaluate("([s, cmi]) => start(s, cmi)", [STANDARD[self.fmt], data])
        return self.course()

    def course(self, path: str = "") -> Any:
        """The frame showing the course (the launch page's own frame), once `path` is loaded there."""
        frame = None
        for _ in range(100):
            frame = next(
                (f for f in self.page.frames if f.parent_frame and f.parent_frame.url.endswith("/launch.html")), None
            )
            if frame is not None and frame.url.endswith(path or ".html"):
                break
            self.page.wait_for_timeout(100)
        assert frame is not None and frame.url.endswith(path or ".html"), (
            [f.url for f in self.page.frames],
            self.errors,
        )
        # Idle network: Material's search worker has loaded its scripts (leaving a page while it does fails them).
        frame.wait_for_load_state("networkidle")
        return frame

    def open(self, path: str) -> Any:
        """The learner follows a link to `path` (relative to the package) inside the course's frame."""
        frame = self.course()
        frame.goto(f"{self.origin}/pkg/{path}")
        return self.course(path)

    def leave(self) -> None:
        self.page.evaluate("leave()")
        self.page.wait_for_function("calls.some(([name]) => name == 'LMSFinish' || name == 'Terminate')")

    def count(self, call: str, element: str = "") -> int:
        """How many calls of this name (either standard's) were made, on an element ending with `element`."""
        return sum(1 for c in self.calls() if c[0].endswith(call) and (not element or str(c[1][0]).endswith(element)))

    def calls(self) -> list[list[Any]]:
        return list(self.page.evaluate("calls"))

    def cmi(self) -> Any:
        return self.page.evaluate("lms.renderCMIToJSONObject()")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def lms_for(
    browser: Any, serve_folder: Callable[..., AbstractContextManager[str]], tmp_path: Path
) -> Iterator[Callable[[Path], Callable[[], Lms]]]:
    """Unpack a package under a web root with the harness; a factory of fresh LMS sessions on it."""
    made: list[Lms] = []
    servers: list[AbstractContextManager[str]] = []

    def unpack(package: Path) -> Callable[[], Lms]:
        root = tmp_path / f"www-{len(servers)}"
        with zipfile.ZipFile(package) as zf:
            zf.extractall(root / "pkg")
        shutil.copy(HARNESS, root / "harness.html")
        shutil.copy(SCORM_AGAIN, root / "scorm-again.js")
        server = serve_folder(root)
        servers.append(server)
        origin = server.__enter__()
        fmt = "scorm12" if package.name.endswith("-scorm12.zip") else "scorm2004"

        def session() -> Lms:
            made.append(Lms(browser, origin, fmt, root))
            return made[-1]

        return session

    yield unpack
    problems = []
    for lms in made:
        foreign = [u for u in lms.requests if not u.startswith(lms.origin + "/") and not u.startswith("about:")]
        if foreign:
            problems.append(f"requests left the LMS's origin: {foreign}")
        if lms.errors:
            problems.append(f"script errors: {lms.errors}")
        lms.close()
    for server in servers:
        server.__exit__(None, None, None)
    if problems:
        pytest.fail("; ".join(problems))


def one_session_each(calls: list[list[Any]]) -> None:
    """Exactly one Initialize and one Terminate, and no call that left an error code."""
    names = [c[0] for c in calls]
    assert names.count("LMSInitialize") + names.count("Initialize") == 1, names
    assert names.count("LMSFinish") + names.count("Terminate") == 1, names
    assert names[0] in ("LMSInitialize", "Initialize") and names[-1] in ("LMSFinish", "Terminate"), names
    assert [c for c in calls if c[3] != "0"] == []


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_a_learner_passes_resumes_and_the_lms_sees_it_all(
    fmt: str, mini_packages: dict[str, Path], lms_for: Any
) -> None:
    session = lms_for(mini_packages[fmt])
    lms = session()
    course = lms.start()
    assert course.url.endswith("/pkg/index.html")
    lms.open("lessons/M1.html")
    quiz = lms.open("quizzes/M1-extra.html")
    quiz.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    quiz.wait_for_timeout(2500)  # what opening the page changed is committed
    commits = lms.count("Commit")
    quiz.check("#m-p1 input[value='2']")  # Z: wrong
    quiz.click("#m-p1 [data-cw-action=check]")
    quiz.fill("#m-p2 [data-cw-blank='0']", "money")
    quiz.click("#m-p2 [data-cw-action=check]")
    quiz.fill("#m-p3 [data-cw-number]", "365")
    quiz.click("#m-p3 [data-cw-action=check]")
    quiz.wait_for_timeout(2500)
    assert lms.count("Commit") == commits + 1, "three answers, one commit: commits are spaced out"
    assert lms.count("SetValue", ".result") == 3
    # A full reload: the answers come back from the working copy, the LMS session goes on.
    quiz.evaluate("location.reload()")
    quiz = lms.course("quizzes/M1-extra.html")
    quiz.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    assert quiz.input_value("#m-p2 [data-cw-blank='0']") == "money"
    quiz.click("[data-cw-action=retry-wrong]")
    quiz.check("#m-p1 input[value='0']")
    quiz.check("#m-p1 input[value='1']")
    quiz.click("#m-p1 [data-cw-action=check]")
    lms.open("progress.html")
    lms.leave()

    calls = lms.calls()
    one_session_each(calls)
    cmi = lms.cmi()["cmi"]
    interactions = [c for c in calls if c[0].endswith("SetValue") and c[1][0].endswith(".result")]
    assert [c[1][1] for c in interactions] == (
        ["wrong", "correct", "correct", "correct"]
        if fmt == "scorm12"
        else ["incorrect", "correct", "correct", "correct"]
    )
    if fmt == "scorm12":
        core = cmi["core"]
        assert (core["lesson_status"], core["score"]["raw"], core["lesson_location"]) == (
            "passed",
            "100",
            "progress.html",
        )
        assert core["exit"] == "suspend"
        assert len(cmi["suspend_data"]) <= 4096
    else:
        assert (cmi["completion_status"], cmi["success_status"], cmi["score"]["scaled"]) == ("completed", "passed", "1")
        assert cmi["location"] == "progress.html" and cmi["exit"] == "suspend"
        assert cmi["progress_measure"] == "1"
    assert lms.page.evaluate("lms.cmi.interactions.childArray.length") == 4
    set_values = {c[1][0]: c[1][1] for c in calls if c[0].endswith("SetValue")}
    assert set_values["cmi.interactions.0.id"] == "M1-extra.m-p1"
    pattern = "a,b" if fmt == "scorm12" else "a[,]b"
    assert set_values["cmi.interactions.0.correct_responses.0.pattern"] == pattern
    assert set_values[f"cmi.interactions.0.{'student_response' if fmt == 'scorm12' else 'learner_response'}"] == "c"
    # The working copy in this browser went with the session.
    assert lms.page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':quiz:'))") == []

    # Another computer: a fresh browser, the LMS's data from the first session.
    again = session()
    course = again.start(lms.cmi())
    assert course.url.endswith("/pkg/progress.html"), "the learner is back where they left"
    quiz = again.open("quizzes/M1-extra.html")
    quiz.wait_for_selector("[data-cw-quiz][data-cw-mounted]", state="attached")
    assert quiz.input_value("#m-p2 [data-cw-blank='0']") == "money"
    assert quiz.is_checked("#m-p1 input[value='0']") and quiz.is_checked("#m-p1 input[value='1']")
    assert "100" in quiz.inner_text("[data-cw-result]")
    again.leave()
    one_session_each(again.calls())


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_a_course_without_quizzes_completes_on_lesson_visits(fmt: str, tmp_path: Path, lms_for: Any) -> None:
    project = tmp_path / "mini"
    shutil.copytree(MINI, project)
    manifest = project / "course.yml"
    text = manifest.read_text(encoding="utf-8")
    # No quizzes, and so no final exam either: the course is its lessons.
    manifest.write_text(text.split("final_exam:", 1)[0] + "quizzes: []\n", encoding="utf-8")
    with_completion(project, "{lessons: all}")
    lms = lms_for(build_package(project, fmt, tmp_path / "dist"))()
    lms.start()
    lms.open("lessons/M1.html")
    lms.open("index.html")
    lms.leave()
    one_session_each(lms.calls())
    cmi = lms.cmi()["cmi"]
    if fmt == "scorm12":
        assert cmi["core"]["lesson_status"] == "completed" and cmi["core"]["score"]["raw"] == ""
    else:
        assert (cmi["completion_status"], cmi["success_status"]) == ("completed", "unknown")


def test_search_works_inside_the_package(mini_packages: dict[str, Path], lms_for: Any) -> None:
    """Material's search runs from the package's own files (a worker and the index), inside the LMS's frames."""
    lms = lms_for(mini_packages["scorm12"])()
    course = lms.start()
    box = course.locator("input.md-search__input")
    box.click()
    results = course.locator(".md-search-result__item")
    # The index loads in a worker: a query typed before it is ready is answered only on the next edit.
    for _ in range(20):
        box.press_sequentially("MAN", delay=20)
        try:
            results.first.wait_for(state="attached", timeout=1000)
            break
        except Exception:  # Playwright's TimeoutError: type the query again
            box.fill("")
    hrefs = course.eval_on_selector_all(".md-search-result__item a", "links => links.map((a) => a.href)")
    assert any("/pkg/lessons/M1.html" in h for h in hrefs), hrefs
    lms.leave()
    one_session_each(lms.calls())


def test_outside_an_lms_the_course_runs_and_says_where_answers_stay(
    mini_packages: dict[str, Path], lms_for: Any
) -> None:
    lms = lms_for(mini_packages["scorm2004"])()
    lms.page.goto(f"{lms.origin}/pkg/launch.html")
    course = lms.page.frame_locator("[data-cw-frame]")
    course.locator("h1").wait_for()
    assert lms.page.is_visible("[data-cw-lms-missing]")
    assert "浏览器" in lms.page.inner_text("[data-cw-lms-missing]")
    assert lms.page.title() == "迷你课程"
