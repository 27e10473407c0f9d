"""report.html: one self-contained page (inline CSS, plots as base64 PNG, no script).

Every piece of text from the dataset, the corpus or an answer goes through
`html.escape` (via `_e`): answers quote articles, and articles may hold markup.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Sequence

from eval.plots import compare_png, latency_histogram_png, metrics_by_type_png
from eval.runner import RunResult
from eval.tables import default_metric_names, format_bound, format_value, metric_label, metric_rows

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1150px;color:#222;line-height:1.4}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
details.item{border:1px solid #ccc;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}
details.item>summary{cursor:pointer}.fail>summary .badge{background:#c0392b}.pass>summary .badge{background:#27ae60}
.badge{color:#fff;border-radius:4px;padding:0 .4rem;font-size:.8rem;margin-right:.3rem}
.ok{color:#27ae60}.bad{color:#c0392b;font-weight:600}blockquote{background:#f7f7f7;margin:.3rem 0;padding:.4rem .8rem;border-left:4px solid #999}
.muted{color:#777;font-size:.85rem}img{max-width:100%}.case{border-top:1px dashed #ccc;margin-top:.5rem;padding-top:.4rem}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int = 1) -> str:
    """A table whose cells are already-escaped HTML."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td class='num'>{c}</td>" if i >= numeric_from else f"<td>{c}</td>" for i, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _ok(flag: bool | None) -> str:
    if flag is None:
        return "<span class='muted'>not measured</span>"
    return "<span class='ok'>yes</span>" if flag else "<span class='bad'>no</span>"


def _page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>"
            f"<style>{_STYLE}</style></head><body>{body}</body></html>")


def _img(png_base64: str, alt: str) -> str:
    return f"<img alt='{_e(alt)}' src='data:image/png;base64,{png_base64}'>"


def _metrics_table(summary: dict[str, Any]) -> str:
    header, rows = metric_rows(summary, default_metric_names(summary))
    return _table([_e(h) for h in header], ([_e(c) for c in row] for row in rows))


def _case_html(case: dict[str, Any], k: int | None) -> str:
    parts = ["<div class='case'>"]
    turn = f" (turn {case['turn'] + 1})" if case.get("turn") is not None else ""
    parts.append(f"<p><b>Question{turn}:</b> {_e(case['question'])}</p>")
    if case.get("rewritten_query"):
        parts.append(f"<p class='muted'>Rewritten for retrieval: {_e(case['rewritten_query'])}</p>")
    if case.get("error"):
        parts.append(f"<p class='bad'>Error: {_e(case['error'])}</p>")
    else:
        refusal = " <span class='badge' style='background:#888'>refused</span>" if case.get("abstained") else ""
        parts.append(f"<p><b>Answer</b>{refusal} <span class='muted'>({_e(case.get('mode'))}, "
                     f"{case['latency_ms']:.0f} ms)</span></p><blockquote>{_e(case.get('answer'))}</blockquote>")
        if case.get("notice"):
            parts.append(f"<p class='muted'>Notice: {_e(case['notice'])}</p>")
    expected = "answerable" if case["answerable"] else "unanswerable: should refuse"
    parts.append(f"<p><b>Expected</b> ({_e(expected)}): {_e(case.get('reference') or '')}</p>")
    if case["facts"]:
        facts = [[_e(" / ".join(aliases)), _ok(found)] for aliases, found in zip(case["facts"], case["facts_found"])]
        parts.append(_table(["required fact (aliases)", "stated"], facts))
    if case.get("sentences"):
        rows = [[_e(s["text"]), _e(", ".join(f"[{n}]" for n in s["citations"]) or "none"), _e(s["support"])]
                for s in case["sentences"]]
        parts.append("<p><b>Answer sentences and support verdicts</b></p>" + _table(["sentence", "cites", "verdict"], rows, 9))
    if case.get("citations"):
        rows = [[_e(f"[{c['n']}]"), _e(f"{c['title']} ({c['source']}, {c['article_id']})"), _e(c["quote"]),
                 _e(c["support"]), _ok(c["holds_gold"])] for c in case["citations"]]
        parts.append("<p><b>Citations</b></p>" + _table(["n", "article", "quote", "support", "passage holds gold quote"], rows, 9))
    if case.get("evidence"):
        rows = [[_e(ev["source"]), _e(ev["quote"])] for ev in case["evidence"]]
        parts.append("<p><b>Gold evidence</b></p>" + _table(["source", "quote"], rows, 9))
    if case.get("retrieved"):
        rows = [[_e(p["rank"]), _e(p["article_id"]), _e(f"{p['start']}–{p['end']}"), _e(p["dense_rank"] or "–"),
                 _e(p["bm25_rank"] or "–"), _ok(p["holds_gold"]), _e(p["preview"]) + "…"] for p in case["retrieved"]]
        parts.append("<p><b>Retrieved passages</b></p>"
                     + _table(["rank", "article", "offsets", "dense", "BM25", "holds gold quote", "beginning"], rows, 9))
    metric_cells = [[_e(metric_label(name, k)),
                     _e(format_value(name, value))]
                    for name, value in case["metrics"].items() if value is not None]
    checks = [[_e(name), _ok(ok)] for name, ok in case["checks"].items()]
    parts.append("<p><b>Metrics and checks</b></p><div style='display:flex;gap:1rem'>"
                 + _table(["metric", "value"], metric_cells) + _table(["check", "passed"], checks, 9) + "</div>")
    if case["reasons"]:
        parts.append("<p class='bad'>Failed: " + _e("; ".join(case["reasons"])) + "</p>")
    parts.append("</div>")
    return "".join(parts)


def _item_html(item: dict[str, Any], k: int | None) -> str:
    state = "pass" if item["passed"] else "fail"
    first = item["cases"][0]["question"] if item["cases"] else ""
    why = f" — {_e('; '.join(item['reasons']))}" if item["reasons"] else ""
    cases = "".join(_case_html(case, k) for case in item["cases"])
    return (f"<details class='item {state}' id='item-{_e(item['id'])}'><summary><span class='badge'>{state.upper()}</span>"
            f"<b>{_e(item['id'])}</b> · {_e(item['type'])} · {_e(first)}<span class='muted'>{why}</span></summary>"
            f"{cases}</details>")


def run_html(run: RunResult, summary: dict[str, Any], data: dict[str, Any]) -> str:
    """The report of one run, built from its results.json data."""
    k = summary.get("k")
    overall = summary["overall"]
    latencies = [case.latency_ms for case in run.cases]
    items = sorted(data["items"], key=lambda i: (i["passed"], i["id"]))  # failing first
    failing = [i for i in items if not i["passed"]]
    config = ", ".join(f"{_e(key)}={_e(value)}" for key, value in run.config.items() if value is not None)
    body = [
        f"<h1>Sourced evaluation: {_e(run.config.get('name', 'run'))}</h1>",
        f"<p class='muted'>{_e(run.started)} · wall time {run.wall_seconds:.1f} s · {config}<br>"
        f"dataset {_e(data['dataset']['path'])} · {summary['counts']['items']} items, {summary['counts']['cases']} questions"
        f" · {summary['counts']['items_passed']} items pass every check</p>",
        # the plain-language summary (eval.summary.plain_summary) opens the report, before any table
        "<h2>In short</h2><p class='in-short'>" + " ".join(_e(s) for s in data.get("plain_summary", [])) + "</p>",
        "<p>Correctness is shown next to citation quality: copying a passage scores perfect citations "
        "and a poor answer.</p>",
        "<h2>Metrics</h2>", _metrics_table(summary),
    ]
    if data.get("targets"):
        rows = [[_e(metric_label(t["metric"], k)), _e(format_bound(t["target"])), _e(format_value(t["metric"], t["value"])),
                 _ok(t["met"])]
                for t in data["targets"]]
        body += ["<h2>Targets</h2>", _table(["metric", "target", "measured", "met"], rows)]
    if data.get("gate"):
        gate = data["gate"]
        verdict = "<span class='ok'>passed</span>" if gate["passed"] else "<span class='bad'>FAILED</span>"
        body += [f"<h2>Gate: {verdict}</h2>", "<ul>" + "".join(f"<li>{_e(f)}</li>" for f in gate["failures"]) + "</ul>"]
    if data.get("warnings"):
        body += ["<h2>Warnings</h2><ul>" + "".join(f"<li>{_e(w)}</li>" for w in data["warnings"]) + "</ul>"]
    body += [
        "<h2>Plots</h2>",
        _img(metrics_by_type_png(summary), "Metrics by question type"),
        _img(latency_histogram_png(latencies, overall.get("latency_p50_ms"), overall.get("latency_p95_ms")), "Latency histogram"),
        f"<h2>Items ({len(failing)} failing, shown first)</h2>",
        "<p>" + " ".join(f"<a href='#item-{_e(i['id'])}'>{_e(i['id'])}</a>" for i in failing) + "</p>",
        *(_item_html(item, k) for item in items),
        "<h2>Metric definitions</h2>",
        _table(["metric", "scope", "formula"],
               ([_e(d["label"]), _e(d["scope"]), _e(d["formula"])] for d in data["metric_definitions"]), 9),
    ]
    return _page(f"Sourced evaluation {run.started}", "".join(body))


def compare_html(table_header: Sequence[str], table_rows: Sequence[Sequence[str]], summaries: dict[str, dict[str, Any]],
                 configs: dict[str, dict[str, Any]], links: dict[str, str], started: str, wall_seconds: float) -> str:
    """The comparison page: one table, one plot, a link to each configuration's own report."""
    config_rows = [[f"<a href='{_e(links[name])}'>{_e(name)}</a>",
                    _e(", ".join(f"{k}={v}" for k, v in configs[name].items() if v is not None and k != "name"))]
                   for name in configs]
    body = [
        "<h1>Sourced evaluation: configurations compared</h1>",
        f"<p class='muted'>{_e(started)} · wall time {wall_seconds:.1f} s</p>",
        "<p>Correctness is shown next to citation quality: the baseline quotes the corpus verbatim, so its "
        "citations are perfect while its answers are not.</p>",
        _table([_e(h) for h in table_header], ([_e(c) for c in row] for row in table_rows)),
        _img(compare_png(summaries), "Configurations compared"),
        "<h2>Configurations</h2>", _table(["name", "settings"], config_rows, 9),
    ]
    return _page("Sourced evaluation: compare", "".join(body))
