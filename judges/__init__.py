"""The judging wing of plug-eval: ``plug-judge`` and everything it alone needs.

Installed as ``plug_eval.judges``.  Its rooms, bottom to top:

* :mod:`.prompts` -- presets (YAML), templates (jinja2), prompt rendering, verdict parsing;
* :mod:`.inputs` -- answer files in (lm-eval samples, PLUG lists, AlpacaEval outputs), paired items out;
* :mod:`.runs` -- a judging run directory as stored: which records count and what they mean;
  :mod:`.summaries` -- every ``summary.json``, from the files alone;
* :mod:`.jobs` -- the jobs over the one call layer (:mod:`plug_eval.llm`): pairwise and grading,
  X-TruthfulQA, and the AlpacaEval import;
* :mod:`.rules` -- the offline language rule (a backend, NOT a quality judge);
* :mod:`.cli` -- the ``plug-judge`` command line.

Backends are the call layer's (:mod:`plug_eval.llm`); the judging wing adds ``rules`` to its
registry the way a third-party package would.
"""

from __future__ import annotations

from plug_eval.llm.registry import register

register("rules", "plug_eval.judges.rules:RulesBackend")
