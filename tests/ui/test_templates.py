"""Every HTML the UI shows comes from ui/templates/, rendered with autoescaping; none is built in Python."""

from __future__ import annotations

from pathlib import Path

import jinja2

import ui
from tests.support.markup import markup_in, string_markup, unescaped_templates
from ui import render
from ui.templating import TEMPLATES_DIR, environment

SCRIPT = "<script>window.__xss=1</script>"


def test_no_module_of_ui_builds_markup_in_python() -> None:
    assert list(string_markup(Path(ui.__file__).parent)) == []


def test_every_template_is_rendered_with_autoescape() -> None:
    assert sorted(environment().list_templates()) == sorted(p.name for p in TEMPLATES_DIR.glob("*.html"))
    assert list(unescaped_templates(environment(), TEMPLATES_DIR)) == []


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        'import html\nfrom markupsafe import Markup\nX = f"<div class=\'a\'>{1}</div>"\nY = "&lt;"\nZ = "a < b"\n',
        encoding="utf-8",
    )
    found = list(string_markup(tmp_path))
    assert sorted(line.split(":")[1] for line in found) == ["1", "2", "3", "3", "4"]
    assert markup_in("see <data_dir>/feedback.jsonl and reports/eval-<timestamp>/") == []
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "a.html").write_text("<p>{{ x|safe }}</p>", encoding="utf-8")
    (templates / "b.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    lax = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=jinja2.select_autoescape(["htm"]))
    problems = list(unescaped_templates(lax, templates))
    assert problems == [
        "a.html: rendered without autoescape",
        "a.html: turns escaping off",
        "a.html: its output is not escaped",
        "b.html: rendered without autoescape",
        "b.html: its output is not escaped",
    ]


def test_header_examples_and_statuses_escape_their_text() -> None:
    for markup in (
        render.header_html(SCRIPT),
        render.examples_html([SCRIPT, 'a" onclick="x'], library_empty=False),
        render.statuses_html([SCRIPT], [SCRIPT]),
    ):
        assert "<script>" not in markup and 'a" onclick' not in markup and "&lt;script&gt;" in markup
