"""The X-AlpacaEval lm-eval task class (referenced from the YAMLs as ``task.XAlpacaEvalTask``).

lm-eval loads this file by path, so it imports plug-eval absolutely.  What the class adds to
lm-eval's ConfigurableTask:

* data from :mod:`plug_eval.tasks.xalpacaeval.data` (validated, with provenance in every doc);
* the system prompt reaches the model exactly: as the system message with a chat template,
  and separated from the instruction by a blank line without one (lm-eval would glue them);
  a chat template that rejects the system role gets the prompt folded into the user turn;
* pivot tasks: the final answer is extracted by :func:`plug_eval.pivot.split_response`, and
  the extraction status feeds ``pivot_ok``.
"""

from __future__ import annotations

import logging
from typing import Any

from lm_eval.api.task import ConfigurableTask

from plug_eval import languages, langid, pivot
from plug_eval.tasks.xalpacaeval import data

log = logging.getLogger("plug_eval.tasks")
PIVOT_KEY = "xalpacaeval_pivot"


def _no_op_results(doc: dict, results: list) -> dict:  # placeholder, see __init__
    return {}


class XAlpacaEvalTask(ConfigurableTask):
    """One language of X-AlpacaEval, answered directly or through a pivot language."""

    def __init__(self, config: dict | None = None, **kwargs: Any) -> None:
        config = dict(config or {})
        opts = dict(config.get("dataset_kwargs") or {})
        self.lang: str = opts.get("lang") or config.get("dataset_name")
        self.variant: str = opts.get("variant", "direct")
        # A callable here stops lm-eval from looking our metric names up in its registry
        # (and then on the network); the real work is in process_results below.
        config["process_results"] = _no_op_results
        config["dataset_kwargs"] = None
        config.pop("class", None)  # lm-eval hands us our own class key back
        self._splits: dict[str, pivot.Split] = {}
        self._folded_warned = False
        super().__init__(config=config, **kwargs)

    # --- data -----------------------------------------------------------------------------
    @property
    def pivot(self) -> str | None:
        if self.variant != "pivot":
            return None
        code = str((self.config.metadata or {}).get(PIVOT_KEY) or languages.DEFAULT_PIVOT)
        languages.get(code)  # unknown codes fail here, with the known ones listed
        return code

    def system_prompt(self) -> str:
        if self.pivot and self.pivot != self.lang:
            return languages.pivot_system_prompt(self.lang, self.pivot)
        return languages.direct_system_prompt(self.lang)

    def download(self, dataset_kwargs: dict | None = None, **kwargs: Any) -> None:
        import datasets

        loaded = data.load(self.lang, self.config.metadata)
        if self.pivot == self.lang:
            log.warning("%s: pivot language equals the target (%s); answering directly",
                        self.config.task, self.lang)
        system = self.system_prompt()
        docs = [dict(row, lang=self.lang, pivot=self.pivot or "", variant=self.variant,
                     system=system, data_source=loaded.source,
                     data_sha256=loaded.sha256.get(_name(loaded, self.lang), ""))
                for row in loaded.rows]
        self.dataset = datasets.DatasetDict({"test": datasets.Dataset.from_list(docs)})
        meta = self.config.metadata if isinstance(self.config.metadata, dict) else {}
        meta.update(data_source=loaded.source, data_files_sha256=loaded.sha256,
                    pivot=self.pivot, lang=self.lang, variant=self.variant)
        self.config.metadata = meta

    # --- prompt ---------------------------------------------------------------------------
    def fewshot_context(self, doc: dict, num_fewshot: int, system_instruction: str | None = None,
                        apply_chat_template: bool = False, fewshot_as_multiturn: bool = False,
                        chat_template: Any = None, gen_prefix: str | None = None) -> str:
        system = doc["system"]
        if system_instruction:  # a user's --system_instruction goes first, ours stays intact
            system = f"{system_instruction.strip()}\n\n{system}"
        instruction = doc["instruction"]
        if not (apply_chat_template and chat_template):
            return f"{system}\n\n{instruction}"
        rendered = chat_template([{"role": "system", "content": system},
                                  {"role": "user", "content": instruction}])
        if system.strip() in rendered:
            return rendered
        # The template refused the system role and lm-eval dropped it silently.
        if not self._folded_warned:
            log.warning("%s: the chat template rejects the system role; the system prompt is "
                        "folded into the user turn", self.config.task)
            self._folded_warned = True
        return chat_template([{"role": "user", "content": f"{system}\n\n{instruction}"}])

    # --- answers and metrics --------------------------------------------------------------
    def apply_filters(self) -> Any:
        out = super().apply_filters()
        if self.pivot:
            for inst in self._instances:
                raw = inst.resps[0] if inst.resps else ""
                self._splits[str(inst.doc["id"])] = self.split(raw)
        return out

    def split(self, raw: str) -> pivot.Split:
        return pivot.split_response(raw, self.lang, self.pivot or self.lang)

    def process_results(self, doc: dict, results: list) -> dict[str, float]:
        answer = (results[0] if results else "") or ""
        if not isinstance(answer, str):
            answer = str(answer)
        answer = answer.strip()
        out = {"lang_fidelity": langid.fidelity(answer, self.lang),
               "answer_units": float(languages.answer_units(answer))}
        if self.pivot:
            split = self._splits.get(str(doc["id"]))
            out["pivot_ok"] = 1.0 if split is not None and split.ok else 0.0
        return out


def _name(loaded: data.Loaded, lang: str) -> str:
    stem = languages.LANGUAGES[lang].data_file.rsplit(".", 1)[0]
    return next((n for n in loaded.sha256 if n.rsplit(".", 1)[0] == stem), "")


def extract_answers(resps: list[list[str]], docs: list[dict]) -> list[list[str]]:
    """lm-eval filter: keep only the target-language answer of each PLUG response."""
    out = []
    for doc, doc_resps in zip(docs, resps):
        target, via = doc["lang"], doc.get("pivot") or doc["lang"]
        out.append([pivot.split_response(r, target, via).answer for r in doc_resps])
    return out
