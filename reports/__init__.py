"""HTML leaderboard, CSV and Markdown exports built from plug-eval run directories.

The report only reads run directories (:mod:`plug_eval.judges.runs` owns them).  Names are
imported on first use, so ``import plug_eval.reports`` does not pay for jinja2.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Run", "build_report", "load_run"]


def __getattr__(name: str) -> Any:
    if name == "build_report":
        from plug_eval.reports.render import build_report

        return build_report
    if name in ("Run", "load_run"):
        from plug_eval.judges import runs

        return getattr(runs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
