"""Checks that a package builds no HTML in Python and renders every template with autoescaping.

Shared by tests/ui/test_templates.py and tests/eval/test_html_templates.py.
"""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import jinja2

# Element names of HTML (WHATWG), so "<data_dir>" or "<timestamp>" in a help text is not taken for markup.
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
    colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2
    h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta
    meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s samp script search
    section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th
    thead time title tr track u ul var video wbr svg math""".split()
)
# Character references: text escaped by hand.
_REFERENCE = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HTML_ELEMENTS:
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_ELEMENTS:
            self.found.append(f"</{tag}>")


def markup_in(text: str) -> list[str]:
    """The HTML tags and character references in `text`."""
    parser = _Elements()
    # "<!" other than a comment or doctype is no markup ("(?<![\\w.])" in a regex) and trips HTMLParser.
    parser.feed(re.sub(r"<!(?!--|doctype)", " ", text, flags=re.IGNORECASE))
    parser.close()
    return parser.found + _REFERENCE.findall(text)


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (documentation, never output)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def string_markup(package: Path) -> Iterator[str]:
    """`file:line: what` for every string literal (f-string parts included) of the package's modules that holds
    HTML markup, and every use of a hand escaper or of Markup (which would bypass autoescaping)."""
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                for found in markup_in(node.value):
                    yield f"{path.name}:{node.lineno}: {found} in a string"
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names]
                module = node.module if isinstance(node, ast.ImportFrom) else None
                if module in ("html", "markupsafe") or "html" in names and module is None or "Markup" in names:
                    yield f"{path.name}:{node.lineno}: imports {module or ', '.join(names)}"
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if node.attr == "Markup" or node.attr == "escape" and node.value.id in ("html", "markupsafe", "jinja2"):
                    yield f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}"


def unescaped_templates(environment: jinja2.Environment, folder: Path) -> Iterator[str]:
    """Every template in `folder` that the environment would render without autoescaping, or that turns it off."""
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    loaded = set(environment.list_templates())
    for name in sorted(on_disk ^ loaded):
        yield f"{name}: not both on disk in {folder} and loaded by the environment"
    for name in sorted(loaded):
        autoescape = environment.autoescape
        on = autoescape(name) if callable(autoescape) else autoescape
        if on is not True:
            yield f"{name}: rendered without autoescape"
        source = (folder / name).read_text(encoding="utf-8")
        if re.search(r"\|\s*safe\b|autoescape\s+false|Markup", source):
            yield f"{name}: turns escaping off"
        # The compiled template must pass every {{ ... }} through escape(), as Jinja2 does with autoescape on.
        code = environment.compile(source, name, raw=True)
        if "{{" in source and "escape(" not in code:
            yield f"{name}: its output is not escaped"
