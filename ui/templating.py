"""The Jinja2 environment of ui/templates/: every piece of HTML the UI shows is rendered from there.

Autoescaping is on for every template whatever its name, so any text put in
with `{{ ... }}` (an article, a title, a question, an answer) is escaped
without anyone having to remember to: gr.HTML renders its value with
innerHTML and does not sanitise. Python code hands templates plain data and
never builds markup itself (tests/ui/test_templates.py checks both).
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
        undefined=jinja2.StrictUndefined,  # a misspelt variable fails loudly instead of rendering ""
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, /, **context: Any) -> str:
    """The template rendered with `context`, as a plain string for gr.HTML."""
    return environment().get_template(template).render(**context)


def macro(template: str, name: str) -> Any:
    """A macro of a template, callable from Python (its output is escaped like the template's)."""
    return getattr(environment().get_template(template).module, name)
