"""More hand-written open-ended rows for the parallel sample (set b): new instruction shapes and topics.

Same structure as sample_texts: each entity carries its own answer in five languages (en, zh, ko,
it, es).  None of the instructions or topics is taken from the X-AlpacaEval sample.
"""

from __future__ import annotations

from make_parallel_sample import L

TEMPLATES: list[dict] = []
ANSWER = L("{r}", "{r}", "{r}", "{r}", "{r}")


def template(id: str, instr: list[tuple[str, ...]], resp: tuple[str, ...], entities: list[dict]) -> None:
    TEMPLATES.append({"id": id, "instr": instr, "resp": resp, "entities": entities})
