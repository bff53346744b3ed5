"""``rules``: an offline, deterministic judge for smoke runs and the demo.  NOT a quality judge.

It prefers the answer with the larger share of prose in the requested language (see
:func:`plug_eval.langid.fidelity`) when the shares differ by more than ``MARGIN``, and calls
everything else a tie.  It never reads the content for quality, so its win rates say only which
system answers in the right language more often; every summary and report labels it so.
"""

from __future__ import annotations

from plug_eval.llm.base import Backend, Reply, Request

MARGIN = 0.2


class RulesBackend(Backend):
    name = "rules"
    local = True

    async def complete(self, request: Request) -> Reply:
        from plug_eval.langid import fidelity

        if request.lang is None or len(request.answers) != 2:
            return Reply("Offline language rule (not a quality judge): no requested language known. [[C]]")
        first, second = (fidelity(a, request.lang) for a in request.answers)
        verdict = "A" if first - second > MARGIN else "B" if second - first > MARGIN else "C"
        text = (f"Offline language rule (not a quality judge): share of {request.lang} prose in the first "
                f"answer {first:.2f}, in the second {second:.2f}.\n[[{verdict}]]")
        return Reply(text, input_tokens=0, output_tokens=0, finish_reason="stop")
