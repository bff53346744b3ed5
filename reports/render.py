"""Render the report: one self-contained HTML page, answer browsers, summary.csv and summary.md.

Why this shape: a report gets mailed around and opened from disk, so it carries its own CSS and
SVG and loads nothing (the Content-Security-Policy forbids it, with hashes for our one style
and one script).  Every answer, instruction and judge reply is untrusted: jinja2 autoescaping
is on and only our own static files are marked safe, in Python, never with ``|safe``.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import html
import io
import os
import platform
from collections.abc import Sequence
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from plug_eval import __version__, files, stats
from plug_eval.errors import PlugEvalError
from plug_eval.judges.runs import TRUTHFUL, Run, load_run
from plug_eval.languages import LANGUAGES
from plug_eval.reports.benchmarks import side_by_side, truthful_csv, truthful_rows, truthful_runs
from plug_eval.reports.browser import cards
from plug_eval.reports.model import Cell, build_model

#: Answers (instruction + both answers + judge replies) above this many bytes in total go to
#: ``report_files/<comparison>.html`` instead of ``report.html``, keeping the page small.
INLINE_LIMIT = 300_000
FILES_SUFFIX = "_files"


def build_report(
    run_dirs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    title: str = "plug-eval leaderboard",
    inline_limit: int | None = None,
    seed: int = 0,
    results: Sequence[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Write the report and its exports; returns the paths written."""
    if not run_dirs:
        raise PlugEvalError("give at least one run directory")
    out = Path(output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise PlugEvalError("the report name must end in .html", out)
    loaded = [load_run(d) for d in run_dirs]
    model = build_model([r for r in loaded if r.kind != TRUTHFUL], seed=seed)
    truthful = [r for r in loaded if r.kind == TRUTHFUL]
    model["truthful"] = truthful_rows(truthful)
    model["truthful_runs"] = truthful_runs(truthful)
    model["benchmarks"] = side_by_side(model["cells"], model["truthful"], results)
    limit = INLINE_LIMIT if inline_limit is None else inline_limit
    entries = [browser_entry(c) for c in model["cells"]]
    inline = sum(e["bytes"] for e in entries) <= limit
    env, assets = _environment(), _assets()
    files_dir = out.stem + FILES_SUFFIX
    common = {**assets, "version": __version__, "outcomes": stats.OUTCOMES[:6], "report_name": out.name}
    pages: dict[Path, str] = {}
    if not inline:
        page = env.get_template("browser_page.html.j2")
        for e in entries:
            pages[out.parent / files_dir / f"{e['key']}.html"] = page.render(e=e, **common)
    html = env.get_template("report.html.j2").render(
        m=model, title=title, entries=entries, browsers_inline=inline, inline_limit=limit, files_dir=files_dir,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), env=_versions(),
        lang_names={k: f"{v.name} ({v.native})" if v.native != v.name else v.name for k, v in LANGUAGES.items()},
        **common)
    # everything is rendered before anything is written: a failure leaves no half report
    out.parent.mkdir(parents=True, exist_ok=True)
    if pages:
        (out.parent / files_dir).mkdir(exist_ok=True)
    written = [_write(out, html)]
    written += [_write(path, text) for path, text in pages.items()]
    written.append(_write(out.parent / "summary.csv", summary_csv(model)))
    written.append(_write(out.parent / "summary.md", summary_markdown(model, title)))
    if model["truthful"]:
        written.append(_write(out.parent / "truthful.csv", truthful_csv(model["truthful"])))
    return written


# --------------------------------------------------------------------------- jinja


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("plug_eval.reports", "templates"),
        autoescape=True,  # every template renders untrusted text
        undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False,
    )
    env.filters.update(pct=fmt_pct, pval=fmt_p, money=fmt_money, points=fmt_points)
    return env


def _assets() -> dict[str, Any]:
    """Our CSS and JS, inlined, and a CSP that allows exactly them and nothing external."""
    static = package_files("plug_eval.reports") / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _versions() -> str:
    import numpy
    import scipy

    return (f"Python {platform.python_version()}, numpy {numpy.__version__}, scipy {scipy.__version__}, "
            f"jinja2 {jinja2.__version__}")


def fmt_pct(x: Any) -> str:
    return "–" if x is None else f"{float(x):.1f}"


def fmt_p(p: Any) -> str:
    if p is None:
        return "–"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def fmt_money(x: Any) -> str:
    return "–" if x is None else f"${float(x):.2f}"


def _write(path: Path, text: str) -> Path:
    return files.write_atomic(path, text)


# --------------------------------------------------------------------------- answer browser


def browser_entry(cell: Cell) -> dict[str, Any]:
    """One comparison's items for the browser, with both orders' judgments."""
    run = cell.run
    assert run is not None
    items: list[dict[str, Any]] = []
    size = 0
    for item, outcome in zip(run.items, run.outcomes(), strict=True):
        if not isinstance(outcome, str):  # a soft score: show the side it leans to
            outcome = "unscored" if outcome is None or outcome != outcome else (
                "win" if outcome > 0.5 else "loss" if outcome < 0.5 else "tie")
        orders = run.judgments.get(str(item["id"]), {})
        judgments = [_judgment(orders[o]) for o in ("AB", "BA") if o in orders]
        sides = {s: _side(item, s) for s in ("a", "b")}
        instruction = str(item.get("instruction") or "")
        items.append({"id": str(item["id"]), "category": item.get("category") or "", "outcome": outcome,
                      "instruction": instruction, **sides, "judgments": judgments})
        size += len(instruction) + sum(len(v["answer"]) + len(v["pivot_draft"] or "") for v in sides.values())
        size += sum(len(j["raw"] or "") for j in judgments)
    entry = {"key": cell.key, "system": cell.system, "baseline": cell.baseline, "lang": cell.lang,
             "judge": cell.judge, "records": items, "bytes": size,
             "categories": sorted({i["category"] for i in items if i["category"]})}
    entry["cards"] = cards(entry)
    return entry


def _side(item: dict[str, Any], side: str) -> dict[str, Any]:
    return {"answer": item.get(f"answer_{side}") or "", "status": item.get(f"status_{side}"),
            "pivot_draft": item.get(f"pivot_draft_{side}"), "fidelity": item.get(f"lang_fidelity_{side}")}


def _judgment(rec: dict[str, Any]) -> dict[str, Any]:
    return {"order": rec.get("order"), "verdict": rec.get("verdict"), "raw": rec.get("raw"),
            "reason": rec.get("reason"), "error": rec.get("error"), "preference": rec.get("preference")}


# --------------------------------------------------------------------------- exports

PAPER_FIELDS = ("win_pct", "tie_pct", "loss_pct", "unscored_pct", "delta", "delta_ci_low", "delta_ci_high")
CSV_FIELDS = ("lang", "system_a", "system_b", "judge", "n_items", "n_scored", "unscored", "errors", *stats.OUTCOMES[:5],
              "win_rate", "ci_low", "ci_high", "p_value", "p_holm", "significant", "lc_win_rate",
              "first_slot_win_rate", "flip_rate", "cost_usd", "run_dir", "pending", "status", "flags",
              *(f"paper_{k}" for k in PAPER_FIELDS))


def _csv_row(c: Cell) -> dict[str, Any]:
    pb = c.s.get("position_bias") or {}
    row = {k: c.s.get(k) for k in CSV_FIELDS}
    row.update(lang=c.lang, system_a=c.system, system_b=c.baseline, judge=c.judge, p_holm=c.p_holm,
               significant={"up": "above", "down": "below"}.get(c.mark, ""),
               first_slot_win_rate=pb.get("first_slot_win_rate"), flip_rate=pb.get("flip_rate"),
               run_dir=str(c.run.path) if c.run else "", pending=c.s.get("pending") or 0, status=c.status,
               flags=c.flags)
    row.update({f"paper_{k}": (c.s.get("paper") or {}).get(k) for k in PAPER_FIELDS})
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def fmt_points(value: Any) -> str:
    """A signed difference in points (the paper's delta), "–" when unknown."""
    return "–" if value is None else f"{value:+.1f}"


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading ``'``
    (OWASP's CSV-injection rule).  Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def summary_csv(model: dict[str, Any]) -> str:
    """One row per comparison, then one 'overall' row per system that spans several languages."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    rows = [_csv_row(c) for c in model["cells"]] + [_csv_row(r["overall"]) for r in model["rows"]
                                                     if r["overall"].run is None]
    for row in rows:
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
    return buf.getvalue()


def md_text(text: Any) -> str:
    """Untrusted text in a Markdown table cell: HTML escaped (Markdown renders raw HTML), pipes and
    line breaks neutralised."""
    out = html.escape(str(text), quote=False)
    return out.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def summary_markdown(model: dict[str, Any], title: str) -> str:
    """A leaderboard table for papers and READMEs: win rate [95% CI] per language and overall."""
    langs = model["langs"]
    head = ["#", "System", "Overall", *langs, "LC"]
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in model["rows"]:
        cells = [_md_cell(r["overall"])]
        cells += [_md_cell(r["by_lang"][lang]) if lang in r["by_lang"] else "–" for lang in langs]
        name = md_text(r["system"])
        lc = fmt_pct(r["overall"].s.get("lc_win_rate"))
        lines.append(f"| {r['rank']} | {name} | " + " | ".join(cells) + f" | {lc} |")
    judges, bases = md_text(", ".join(model["judges"])), md_text(", ".join(model["baselines"]))
    lines += ["", f"Win rate (%) against {bases}, judged by {judges}; 95% bootstrap CI over items; "
              "▲/▼ significant after Holm correction (sign test, α = 0.05). LC: plug-eval's length-controlled "
              "win rate (not AlpacaEval's).", ""]
    return "\n".join(lines)


def _md_cell(c: Cell) -> str:
    s = c.s
    if s.get("win_rate") is None:
        return "–"
    mark = {"up": " ▲", "down": " ▼"}.get(c.mark, "")
    return f"{s['win_rate']:.1f} [{fmt_pct(s.get('ci_low'))}, {fmt_pct(s.get('ci_high'))}]{mark}"


__all__ = ["INLINE_LIMIT", "build_report", "load_run", "summary_csv", "summary_markdown", "Run"]
