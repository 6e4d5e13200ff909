"""The JavaScript and CSS a quiz page loads stay within the runtime's gzip budget."""

from __future__ import annotations

from pathlib import Path

from bench.parts.size import gzip9, runtime_assets
from generator.pipeline import BuildInputs, render_course
from generator.render.site import RUNTIME_FILES, RUNTIME_GZIP_BUDGET

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_quiz_page_runtime_is_within_the_gzip_budget() -> None:
    output = render_course(BuildInputs(root=MINI))
    assert any(p.path.startswith("quizzes/") and "data-cw-quiz" in p.markdown for p in output.pages)
    shipped = runtime_assets(output)
    # Every runtime file is shipped; any JS or CSS added beside them counts against the budget too.
    assert set(RUNTIME_FILES) <= set(shipped)
    sizes = {name: gzip9(data) for name, data in shipped.items()}
    assert sum(sizes.values()) <= RUNTIME_GZIP_BUDGET, f"gzip -9 sizes {sizes} exceed {RUNTIME_GZIP_BUDGET} B"

