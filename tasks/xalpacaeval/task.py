"""The X-AlpacaEval lm-eval task (the YAMLs' ``class: !function task.XAlpacaEvalTask``).

lm-eval loads this file by path, so it imports plug-eval absolutely.  Everything, scores
included, is :class:`plug_eval.tasks.base.PlugTask`: the answers are judged later, pairwise
(``plug-judge compare``), so the per-sample metrics here are the cheap ones.
"""

from __future__ import annotations

from plug_eval.tasks.base import PlugTask, carries_system, extract_answers, extract_answers_paper, provenance
from plug_eval.tasks.xalpacaeval import data

__all__ = ["XAlpacaEvalTask", "carries_system", "extract_answers", "extract_answers_paper", "provenance"]


class XAlpacaEvalTask(PlugTask):
    """One language of X-AlpacaEval, answered directly or through a pivot language."""

    SOURCE = data.SOURCE
    PROCESS_RESULTS = "plug_eval.tasks.xalpacaeval.task.XAlpacaEvalTask.process_results"
    ZERO_SHOT = "the instructions have no reference answers to show"
