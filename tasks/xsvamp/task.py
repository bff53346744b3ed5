"""The X-SVAMP lm-eval task (the YAMLs' ``class: !function task.XSvampTask``).

The answer (on pivot tasks, the target-language block PLUG's extraction keeps) is scored by its
final number, read by rule in the task's language (:mod:`.numbers`) and compared with the gold
number by ``math.isclose``, as the paper's script compares.  The paper's own regular expression
is scored beside it, and each logged sample's doc shows both numbers read.
"""

from __future__ import annotations

import math

from plug_eval import langid
from plug_eval.tasks.base import PlugTask, extract_answers, extract_answers_paper
from plug_eval.tasks.xsvamp import data, numbers

__all__ = ["XSvampTask", "extract_answers", "extract_answers_paper"]


class XSvampTask(PlugTask):
    """One language of X-SVAMP, answered directly or through a pivot language."""

    SOURCE = data.SOURCE
    PROCESS_RESULTS = "plug_eval.tasks.xsvamp.task.XSvampTask.process_results"
    ZERO_SHOT = "the paper prompts for a chain of thought without examples"

    def score(self, doc: dict, answer: str) -> dict[str, float]:
        gold = float(doc["answer"])
        ours = numbers.final_number(answer, self.lang)
        paper = numbers.paper_number(answer)
        doc.update(number=ours, number_paper_regex=paper)  # shown in the logged sample
        return {"accuracy": float(ours is not None and math.isclose(ours, gold)),
                "extract_failed": float(ours is None),
                "accuracy_paper_regex": float(paper is not None and math.isclose(paper, gold)),
                "extractors_disagree": float(not numbers.same(ours, paper)),
                "lang_fidelity": langid.fidelity(answer, self.lang)}
