"""`make pdf`: the bundled course's workbook and answer key, read back with poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import ROOT, copy_mini, replace_in

from generator.load import load_project
from generator.pdf.build import build_pdfs
from generator.pdf.chromium import PdfError
from generator.render.answers import answer_views
from generator.render.context import RenderContext, RenderSettings
from generator.render.edition import edition_strings
from generator.render.quizview import question_views

pytestmark = pytest.mark.browser  # Chromium prints the books


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: `make test` installs poppler-utils"
    return path


def _run(*args: str) -> str:
    return subprocess.run([_tool(args[0]), *args[1:]], capture_output=True, text=True, check=True, timeout=300).stdout


def _flat(text: str) -> str:
    """Text without whitespace and bullets: pdftotext breaks lines wherever the page did."""
    return re.sub(r"[\s•]+", "", text)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    paths = build_pdfs(ROOT / "mkdocs.yml", out_dir=out)
    assert [p.name for p in paths] == ["khkf-workbook.pdf", "khkf-answer-key.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["khkf-answer-key.pdf", "khkf-workbook.pdf"]  # no leftovers
    return {"workbook": paths[0], "answer-key": paths[1]}


def _pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.MULTILINE).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["workbook", "answer-key"])
def test_the_cjk_font_is_embedded_and_nothing_is_drawn_as_type3(books: dict[str, Path], kind: str) -> None:
    fonts = _run("pdffonts", str(books[kind])).splitlines()[2:]
    cjk = [line for line in fonts if "WenQuanYi" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk), fonts  # the "emb" column
    assert all("CID TrueType" in line for line in cjk)
    assert [line for line in fonts if "Type 3" in line] == []


@pytest.mark.parametrize("kind", ["workbook", "answer-key"])
def test_contents_page_numbers_point_at_their_chapters(books: dict[str, Path], kind: str) -> None:
    pdf = books[kind]
    pages = _pages(pdf)
    assert pages > 60
    entry = re.compile(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", re.MULTILINE)
    first = entry.search(_run("pdftotext", "-layout", "-f", "2", "-l", "2", str(pdf), "-"))
    assert first is not None, "page 2 holds the contents"
    # The contents run from page 2 to the page before the first chapter.
    contents = _run("pdftotext", "-layout", "-f", "2", "-l", str(int(first.group(2)) - 1), str(pdf), "-")
    entries = [(m.group(1).strip(), int(m.group(2))) for m in entry.finditer(contents)]
    lessons = [title for title, _ in entries if title.startswith("第 ")]
    assert len(lessons) == 8 and len(entries) >= 8 + 15
    numbers = [n for _, n in entries]
    assert numbers == sorted(numbers) and numbers[-1] <= pages
    for title, number in entries:
        page = _flat(_run("pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"))
        assert _flat(re.sub(r"^第 \d+ 课 ", "", title)) in page, (title, number)
    assert "1" not in _run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-").split()  # no number on the cover
    footer = _run("pdftotext", "-f", "5", "-l", "5", str(pdf), "-").split()
    assert "5" in footer


def test_answer_key_has_each_quizs_sampled_answer_and_the_workbook_has_none(books: dict[str, Path]) -> None:
    project = load_project(ROOT)
    ctx = RenderContext.create(project, project.courses["khkf"], RenderSettings(edition="instructor"))
    key_text = _flat(_run("pdftotext", str(books["answer-key"]), "-"))
    workbook = _flat(_run("pdftotext", str(books["workbook"]), "-"))
    assert len(ctx.quizzes) == len(project.courses["khkf"].quizzes) > 15
    for quiz in ctx.quizzes:
        skills = ctx.skill_names([s for q in quiz.questions for s in q.skills])
        views, keys = question_views(quiz, ctx.quiz_md, project.schemes, ctx.text, "zh", skills)
        key = {q: k.model_dump(mode="json", by_alias=True) for q, k in keys.items()}
        answers = answer_views(views, key, ctx.text, edition_strings("zh"))
        # A sampled question: the last choice question, else the last question.
        view = next((v for v in reversed(views) if v.type in ("single", "multiple")), views[-1])
        answer = answers[view.id]
        line = _flat(f"答案：{answer.short}")
        assert line in key_text, (quiz.id, view.id, line)
        for option in answer.options:  # the correct option's text, under its letter
            assert _flat(option.label + ctx.quiz_md.plain(option.html)) in key_text, (quiz.id, view.id)
        assert line not in workbook, (quiz.id, view.id)
    lines = [line.strip() for line in _run("pdftotext", str(books["workbook"]), "-").splitlines()]
    assert "解析" not in lines  # no closed explanation prints its heading under a worksheet question
    for word in ("答案与解析", "答案速查表", "讲师备注", "观察员核对表", "讲师版"):
        assert word not in workbook and word in key_text, word
    for play in ("预约电话", "初次拜访", "抓住购买信号促成交易"):
        assert play in key_text


@pytest.mark.parametrize("kind", ["workbook", "answer-key"])
def test_rendered_pages_are_not_blank(books: dict[str, Path], kind: str, tmp_path: Path) -> None:
    pdf = books[kind]
    last = _pages(pdf)
    for number in (1, 2, 3, last // 2, last):
        stem = tmp_path / f"{kind}-{number}"
        _run("pdftoppm", "-gray", "-r", "20", "-f", str(number), "-l", str(number), "-singlefile", str(pdf), str(stem))
        data = stem.with_suffix(".pgm").read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        assert header is not None
        pixels = data[header.end() :]
        width, height = int(header.group(1)), int(header.group(2))
        assert len(pixels) == width * height and width < height  # portrait A4
        ink = sum(1 for p in pixels if p < 160) / len(pixels)
        assert 0.002 < ink < 0.5, (kind, number, ink)


def test_printing_never_fetches_from_another_origin(tmp_path: Path) -> None:
    """A template override pointing at another server fails the print instead of reaching out.

    (Author Markdown cannot: the sanitiser drops images. Templates are the author's own HTML.)
    """
    root = copy_mini(tmp_path)
    replace_in(root / "mkdocs.yml", "  - courseware\n", "  - courseware:\n      templates_dir: overrides\n")
    case = (ROOT / "generator/templates/blocks/case.html.j2").read_text(encoding="utf-8")
    (root / "overrides/blocks").mkdir(parents=True)
    (root / "overrides/blocks/case.html.j2").write_text(
        '<img src="https://example.com/leak.png" alt="">\n' + case, encoding="utf-8"
    )
    with pytest.raises(PdfError, match=r"https://example\.com/leak\.png"):
        build_pdfs(root / "mkdocs.yml", out_dir=tmp_path / "dist")
    assert not (tmp_path / "dist").exists() or list((tmp_path / "dist").iterdir()) == []
