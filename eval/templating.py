"""The Jinja2 environment of eval/templates/: report.html and the comparison page are rendered from there.

Autoescaping is on for every template: answers quote articles, and articles
(and dataset entries) may hold markup, which must show as text. Python code
hands the templates plain data and never builds markup itself
(tests/eval/test_html_templates.py checks both).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, /, **context: Any) -> str:
    return environment().get_template(template).render(**context)
