"""The X-TruthfulQA lm-eval task (the YAMLs' ``class: !function task.XTruthfulQATask``).

lm-eval only generates here: truthfulness and informativeness need a judge that reads the
reference answers, so the per-sample metrics are :class:`~plug_eval.tasks.base.PlugTask`'s cheap
ones.  Each logged sample holds what that judge needs: the question
(``doc.instruction``), ``doc.correct_answers``, ``doc.incorrect_answers``, ``doc.lang`` and the
answer to judge in ``filtered_resps`` (on pivot tasks the target-language block PLUG's
extraction keeps), read like X-AlpacaEval's answers by :mod:`plug_eval.judges.inputs`.
"""

from __future__ import annotations

from plug_eval.tasks.base import PlugTask, extract_answers, extract_answers_paper
from plug_eval.tasks.xtruthfulqa import data

__all__ = ["XTruthfulQATask", "extract_answers", "extract_answers_paper"]


class XTruthfulQATask(PlugTask):
    """One language of X-TruthfulQA, answered directly or through a pivot language."""

    SOURCE = data.SOURCE
    PROCESS_RESULTS = "plug_eval.tasks.xtruthfulqa.task.XTruthfulQATask.process_results"
    ZERO_SHOT = "the paper asks each question without examples"
