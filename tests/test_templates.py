"""Template source rules that Django does not enforce."""

import re
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_no_template_comment_runs_over_a_line():
    # Django's {# #} comment ends at the line's end: one spread over two lines is printed on
    # the page, as a developer's note was over every report form (finding 1 of issue 9).
    printed = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\{#(?!.*#\})", line)
    ]

    assert not printed, f"{{# #}} comments that run over a line: {printed}"
