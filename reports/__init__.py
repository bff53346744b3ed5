"""HTML leaderboard, CSV and Markdown exports built from plug-eval run directories."""

from .render import build_report
from .rundir import Run, load_run, summarize_dirs

__all__ = ["Run", "build_report", "load_run", "summarize_dirs"]
