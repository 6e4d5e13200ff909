"""Pictures from lessons/images/ and links between pages (lesson:, quiz:, glossary:) in author Markdown."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from helpers import SiteFactory, copy_mini, errors_of, replace_in

from generator.export import export_course
from generator.pipeline import BuildInputs

#: The smallest valid PNG (1x1, transparent).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
BODY = "**M** 是购买力，**A** 是决策权，**N** 是需求。MAN 法则帮助你筛选潜在客户。"
WITH_REFS = (
    "![MAN 法则示意图](images/man.png) 做完请去[小测](quiz:M1-quiz)，"
    "或查[决策权](glossary:决策权)；再读[本课第一节](lesson:M1#s1)。\n\n"
    '      <img src="images/sub/flow.png" alt="判断流程">'
)


def add_refs(root: Path) -> None:
    (root / "lessons/images/sub").mkdir(parents=True)
    (root / "lessons/images/man.png").write_bytes(PNG)
    (root / "lessons/images/sub/flow.png").write_bytes(PNG)
    replace_in(root / "lessons/M1.yml", BODY, WITH_REFS)
    replace_in(root / "course.yml", "intro: 一门只用于测试的小课程。", "intro: 从[第一课](lesson:M1)开始。")


def targets(html: str, attribute: str) -> list[str]:
    """The values of `attribute` inside the page's article (the theme's own links left aside)."""
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(rf'{attribute}="([^"]+)"', article)


def resolve(site: Path, page: Path, url: str) -> Path:
    """The file a relative URL on `page` (a built .html file) points at."""
    path = url.split("#", 1)[0]
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), path)))
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("directory_urls", [True, False])
def test_pictures_and_page_links_resolve_in_the_built_site(make_project: SiteFactory, directory_urls: bool) -> None:
    project = make_project(mkdocs={"use_directory_urls": directory_urls})
    add_refs(project.root)
    site = project.build()
    lesson = site / ("lessons/M1/index.html" if directory_urls else "lessons/M1.html")
    html = lesson.read_text(encoding="utf-8")
    sources = targets(html, "src")
    assert len([s for s in sources if "images/" in s]) == 2, sources
    for src in sources:
        if "images/" in src:
            assert resolve(site, lesson, src).read_bytes() == PNG, src
    assert 'alt="MAN 法则示意图"' in html and 'alt="判断流程"' in html
    hrefs = targets(html, "href")
    assert not [h for h in hrefs if re.match(r"(lesson|quiz|glossary):", h)], hrefs
    quiz = next(h for h in hrefs if "M1-quiz" in h)
    assert resolve(site, lesson, quiz).name in ("index.html", "M1-quiz.html")
    assert resolve(site, lesson, quiz).is_file()
    glossary = next(h for h in hrefs if "glossary" in h)
    anchor = glossary.split("#", 1)[1]
    glossary_page = resolve(site, lesson, glossary).read_text(encoding="utf-8")
    assert re.search(rf'<dt id="{anchor}">决策权', glossary_page), glossary
    self_link = next(h for h in hrefs if h.endswith("#s1") and h != "#s1")  # not the heading permalink
    assert resolve(site, lesson, self_link) == lesson
    # The home page's intro links the lesson from the site root.
    home = (site / "index.html").read_text(encoding="utf-8")
    link = next(h for h in targets(home, "href") if "M1" in h and "quiz" not in h)
    assert resolve(site, site / "index.html", link) == lesson


def test_the_export_carries_the_pictures(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    add_refs(root)
    out = tmp_path / "export"
    export_course(BuildInputs(root=root), out)
    assert (out / "images/man.png").read_bytes() == PNG
    assert (out / "images/sub/flow.png").read_bytes() == PNG
    page = (out / "lessons/M1.md").read_text(encoding="utf-8")
    assert 'src="../../images/man.png"' in page and 'href="../../quizzes/M1-quiz/"' in page


def test_only_pictures_the_pages_show_are_copied(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    add_refs(root)
    (root / "lessons/images/unused.png").write_bytes(PNG)
    out = tmp_path / "export"
    export_course(BuildInputs(root=root), out)
    assert not (out / "images/unused.png").exists()


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("![图](images/missing.png)", "image 'images/missing.png' not found: there is no file images/missing.png"),
        (
            "![](images/man.png)",
            "image 'images/man.png' has no text alternative: say what it shows, as ![what it shows](images/man.png) "
            'or alt="…" (read aloud by screen readers, shown when the picture does not load)',
        ),
        (
            '<img src="images/man.png">',
            "image 'images/man.png' has no text alternative: say what it shows, as ![what it shows](images/man.png) "
            'or alt="…" (read aloud by screen readers, shown when the picture does not load)',
        ),
        (
            "![图](https://example.com/x.png)",
            "image 'https://example.com/x.png' is not a local file: course pages load nothing from elsewhere; "
            "put the picture in images/ and write ![what it shows](images/NAME)",
        ),
        (
            '<img src="data:image/png;base64,AAAA" alt="图">',
            "image 'data:image/png;base64,AAAA' is not a local file: course pages load nothing from elsewhere; "
            "put the picture in images/ and write ![what it shows](images/NAME)",
        ),
        (
            "![图](images/../M1.yml)",
            "image 'images/../M1.yml' is not in the images folder; "
            "put the picture in images/ and write ![what it shows](images/NAME)",
        ),
        (
            "![图](images/man.svg)",
            "image 'images/man.svg': expected a picture file (.png, .jpg, .jpeg, .gif, .webp, .avif)",
        ),
        ("[下一课](lesson:M2)", "link 'lesson:M2': unknown lesson 'M2' (did you mean lesson:M1?)"),
        ("[小测](quiz:M1-quizz)", "link 'quiz:M1-quizz': unknown quiz 'M1-quizz' (did you mean quiz:M1-quiz?)"),
        (
            "[术语](glossary:决定权)",
            "link 'glossary:决定权': unknown glossary term '决定权' (did you mean glossary:决策权?)",
        ),
        (
            "[下一课](../M2/index.md)",
            "link '../M2/index.md': link pages as lesson:ID, quiz:ID or glossary:TERM (resolved at build)",
        ),
    ],
)
def test_a_bad_picture_or_link_is_an_error_at_its_field(tmp_path: Path, written: str, message: str) -> None:
    root = copy_mini(tmp_path)
    (root / "lessons/images").mkdir()
    (root / "lessons/images/man.png").write_bytes(PNG)
    replace_in(root / "lessons/M1.yml", BODY, written)
    assert errors_of(root) == [f"lessons/M1.yml:14:11: sections[0].body: {message}"]


def test_a_link_to_a_page_the_course_does_not_have_is_an_error(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "course.yml", "lessons: [M1]", "lessons: [M1]\nglossary: false")
    replace_in(root / "lessons/M1.yml", BODY, "见[术语](glossary:决策权)")
    assert errors_of(root) == [
        "lessons/M1.yml:14:11: sections[0].body: links to the glossary page, which course 'mini' does not include"
    ]


def test_a_link_to_a_draft_reads_as_text_in_a_build(tmp_path: Path) -> None:
    from test_scope import M2, M2_QUIZ

    from generator.pipeline import render_course

    root = copy_mini(tmp_path)
    (root / "lessons/M2.yml").write_text(M2 + "draft: true\n", encoding="utf-8")
    (root / "quizzes/M2-quiz.yml").write_text(M2_QUIZ, encoding="utf-8")
    replace_in(root / "course.yml", "lessons: [M1]", "lessons: [M1, M2]")
    replace_in(root / "lessons/M1.yml", BODY, "接着读[第二课](lesson:M2)。")
    output = render_course(BuildInputs(root=root))
    page = next(p.markdown for p in output.pages if p.path == "lessons/M1.md")
    assert '<a rel="noopener noreferrer">第二课</a>' in page
    assert "lessons/M1.yml:14:11: sections[0].body: links to lesson 'M2', a draft left out of this build: " in [
        str(w).split("the link")[0] for w in output.warnings
    ]
    preview = render_course(BuildInputs(root=root, drafts=True))
    page = next(p.markdown for p in preview.pages if p.path == "lessons/M1.md")
    assert '<a href="../M2/" rel="noopener noreferrer">第二课</a>' in page


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="images/a.png" alt="a">', '<img src="../../images/a.png" alt="a">'),
        ('<img src="images/a.png" alt="a" onerror="alert(1)">', '<img src="../../images/a.png" alt="a">'),
        ('<img src="https://example.com/a.png" alt="a">', '<img alt="a">'),
        ('<img src="//example.com/images/a.png" alt="a">', '<img alt="a">'),
        ('<img src="data:image/png;base64,AAAA" alt="a">', '<img alt="a">'),
        ('<img src="images/../../secret.png" alt="a">', '<img alt="a">'),
        ('<img src="images/a.svg" alt="a">', '<img alt="a">'),
        ('<a href="lesson:M9">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ],
)
def test_the_sanitiser_lets_through_local_pictures_only(html: str, expected: str) -> None:
    from generator.render.links import Links
    from generator.render.sanitize import sanitize

    links = Links(pages={"lesson:M1": "lessons/M1.md"}, terms={}, page="lessons/M1.md")
    assert sanitize(html, links=links) == expected
    assert "src=" not in sanitize(html)  # without a resolver, no picture keeps a source


@pytest.mark.parametrize(
    "payload",
    [
        '<img src=x onerror="window.__xss=1" alt="XSSMARK">',
        "![XSSMARK](javascript:window.__xss=1)",
        '![XSSMARK](x" onerror="window.__xss=1)',
        "<img src=https://evil.example/pixel.png>",
        '<p>文字 <img src=x alt="b"></p>',
    ],
)
def test_hostile_pictures_are_refused_when_loaded(tmp_path: Path, payload: str) -> None:
    """The browser test's corpus uses a local picture; these forms never reach a page at all."""
    root = copy_mini(tmp_path)
    replace_in(root / "lessons/M1.yml", BODY, payload)  # the body is a block scalar: written as is
    found = errors_of(root)
    assert len(found) == 1 and found[0].startswith("lessons/M1.yml:14:11: sections[0].body: image "), found


def test_a_title_is_plain_text_and_not_checked_for_pictures(tmp_path: Path) -> None:
    root = copy_mini(tmp_path)
    replace_in(root / "lessons/M1.yml", "title: 三个字母", "title: 用 <img src=x> 写的标题")
    from generator.load import load_project

    assert load_project(root).lessons["M1"].sections[0].title == "用 <img src=x> 写的标题"
