"""Render the report: one HTML page, its answer data, summary.csv and summary.md.

Why this shape: a report gets mailed around and opened from disk, so it carries its own CSS and
SVG and loads nothing from the network (the Content-Security-Policy forbids it: our one style
and one script by hash, and the answer data files from the report's own folder when the answers
are too large to inline).  Every answer, instruction and judge reply is untrusted: jinja2
autoescaping is on and only our own static files and the escaped JSON documents of
:mod:`plug_eval.reports.browser` are marked safe, in Python, never with ``|safe``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
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
from plug_eval.judges import papertable
from plug_eval.judges.runs import Run, load_run
from plug_eval.reports import alpacaeval_lc, languages
from plug_eval.reports.benchmarks import side_by_side, truthful_csv, truthful_rows, truthful_runs
from plug_eval.reports.browser import INLINE_LIMIT, BrowserData, encode
from plug_eval.reports.exports import AE_LC_NOTE, EQUAL_LENGTH_NOTE, csv_safe, summary_csv, summary_markdown
from plug_eval.reports.loading import load_comparisons
from plug_eval.reports.model import build_model


def build_report(
    run_dirs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    title: str = "plug-eval leaderboard",
    inline_limit: int | None = None,
    seed: int = 0,
    results: Sequence[str | os.PathLike[str]] = (),
    alpacaeval_weights: str | os.PathLike[str] | None = None,
    alpacaeval_difficulty: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the report and its exports; returns the paths written."""
    if not run_dirs:
        raise PlugEvalError("give at least one run directory")
    out = Path(output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise PlugEvalError("the report name must end in .html", out)
    ae_lc = alpacaeval_lc.load(alpacaeval_weights, alpacaeval_difficulty)
    browser = BrowserData(out, inline_limit)
    try:
        cells, truthful = load_comparisons(run_dirs, browser, ae_lc)
        model = build_model(cells, seed=seed)
        model["truthful"] = truthful_rows(truthful)
        model["truthful_runs"] = truthful_runs(truthful)
        model["benchmarks"] = side_by_side(model["cells"], model["truthful"], results)
        model["first_screen"] = languages.first_screen(model["boards"])
        model["paper_table"] = papertable.table([papertable.Comparison(c.s, c.outcomes, c.pending, str(c.path))
                                                 for c in model["cells"] if c.both_orders])
        page = _page(model, browser, title, out)
        csv_text, md_text = summary_csv(model), summary_markdown(model, title)
    except BaseException:
        browser.abort()
        raise
    # everything is computed before the page is replaced: a failure leaves the old report
    out.parent.mkdir(parents=True, exist_ok=True)
    written = browser.finish()
    written.insert(0, _write(out, page))
    written.append(_write(out.parent / "summary.csv", csv_text))
    written.append(_write(out.parent / "summary.md", md_text))
    if model["truthful"]:
        written.append(_write(out.parent / "truthful.csv", truthful_csv(model["truthful"])))
    return written


def _page(model: dict[str, Any], browser: BrowserData, title: str, out: Path) -> str:
    env, assets = _environment(), _assets(inline=browser.inline)
    return env.get_template("report.html.j2").render(
        m=model, title=title, browser=browser, comparisons=Markup(encode(browser.entries)),
        blobs=browser.inline_blobs(), files_dir="" if browser.inline else browser.files_dir,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), env=_versions(),
        lang_names=languages.lang_names(), equal_length_note=EQUAL_LENGTH_NOTE, ae_lc_note=AE_LC_NOTE,
        version=__version__, outcomes=stats.OUTCOMES[:6], report_name=out.name, **assets)


# --------------------------------------------------------------------------- jinja


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("plug_eval.reports", "templates"),
        autoescape=True,  # every template renders untrusted text
        undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False,
    )
    env.filters.update(pct=fmt_pct, pval=fmt_p, money=fmt_money, points=fmt_points, ratio=fmt_ratio)
    return env


def _assets(*, inline: bool) -> dict[str, Any]:
    """Our CSS and JS, inlined, and a CSP that allows exactly them, plus the answer data files
    from the report's own folder when they are not inline; nothing external."""
    static = package_files("plug_eval.reports") / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    scripts = f"'{_sha256(js)}'" + ("" if inline else " 'self'")
    csp = (f"default-src 'none'; style-src '{_sha256(css)}'; script-src {scripts}; img-src data:; "
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


def fmt_ratio(x: Any) -> str:
    """A 0-1 rate as lm-eval prints it (``pivot_ok``, ``lang_fidelity``)."""
    return "–" if x is None else f"{float(x):.2f}"


def fmt_p(p: Any) -> str:
    if p is None:
        return "–"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def fmt_money(x: Any) -> str:
    return "–" if x is None else f"${float(x):.2f}"


def fmt_points(value: Any) -> str:
    """A signed difference in points (the paper's delta), "–" when unknown."""
    return "–" if value is None else f"{value:+.1f}"


def _write(path: Path, text: str) -> Path:
    return files.write_atomic(path, text.encode("utf-8", "backslashreplace"))


__all__ = ["INLINE_LIMIT", "build_report", "csv_safe", "load_run", "summary_csv", "summary_markdown", "Run"]
