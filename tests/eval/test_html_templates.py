"""The evaluation report's HTML comes from eval/templates/, rendered with autoescaping; none is built in Python."""

from __future__ import annotations

from pathlib import Path

import eval as eval_package
from eval.templating import TEMPLATES_DIR, environment
from tests.support.markup import string_markup, unescaped_templates


def test_no_module_of_eval_builds_markup_in_python() -> None:
    assert list(string_markup(Path(eval_package.__file__).parent)) == []


def test_every_report_template_is_rendered_with_autoescape() -> None:
    assert sorted(environment().list_templates()) == sorted(p.name for p in TEMPLATES_DIR.glob("*.html"))
    assert list(unescaped_templates(environment(), TEMPLATES_DIR)) == []
