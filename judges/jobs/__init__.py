"""The judging jobs over the one call layer (:mod:`plug_eval.llm.jobs`): :mod:`.pairwise`
(``compare`` and ``grade``), :mod:`.truthful` (X-TruthfulQA), and :mod:`.alpacaeval_import`
(AlpacaEval's published judgments read into the same run-directory model, no call made)."""
