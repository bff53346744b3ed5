"""What every plug-eval lm-eval task shares: :class:`PlugTask`, one per benchmark subclasses it.

Each benchmark folder's ``task.py`` (loaded by lm-eval by path, from the YAMLs'
``class: !function task.<Class>``) defines a subclass naming its data :class:`~.source.Source`;
one with scores of its own (X-SVAMP) overrides :meth:`PlugTask.score`.  What the class adds to lm-eval's
ConfigurableTask:

* data from the benchmark's Source (validated, with provenance in every doc);
* the system prompt reaches the model exactly: as the system message with a chat template,
  and separated from the instruction by a blank line without one (lm-eval would glue them);
  a chat template that rejects the system role gets the prompt folded into the user turn;
* the system prompt reaches every lm-eval backend as a system message (HF and vLLM templates
  render a string; the chat-completions backends pass a JSON string or a message list);
* a generation budget that fits the model, per request (:mod:`.budget`);
* provenance: the lm-eval backend and the chat template's hash in every logged sample;
* pivot tasks: the final answer is extracted by :func:`plug_eval.pivot.split_response`, and
  the extraction status feeds ``pivot_ok`` (a warning when it is under 0.5).

Mistakes a user can fix (few-shot on a zero-shot benchmark, unusable data) raise
:class:`TaskError`, a :class:`~plug_eval.errors.PlugEvalError` and so an ordinary ``Exception``
that callers of lm-eval's Python API can catch.  ``plug-eval run`` prints it as one line and
exits with status 2; so does plain ``lm_eval`` (:func:`one_line_in_lm_eval_cli`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn

from lm_eval.api.task import ConfigurableTask

from plug_eval import chat_template as checkpoint_template
from plug_eval import langid, languages, pivot
from plug_eval.chat import fold_system, join_system
from plug_eval.errors import PlugEvalError
from plug_eval.tasks import budget
from plug_eval.tasks.source import Source

log = logging.getLogger("plug_eval.tasks")
LOW_PIVOT_OK = 0.5
LONG_GENERATION = 1024  #: a budget above this many new tokens is said once, with how to make a quick check


def _log_like_lm_eval() -> None:
    """Print through lm-eval's own handler and level, as its task messages do (it does not
    propagate to the root logger, so our INFO lines would otherwise be lost)."""
    parent = logging.getLogger("lm_eval")
    if parent.handlers and not log.handlers:
        for handler in parent.handlers:
            log.addHandler(handler)
        log.setLevel(parent.getEffectiveLevel())


class TaskError(PlugEvalError):
    """A user's mistake found by one of our tasks inside lm-eval; its message is one line,
    ``<task>: <problem>`` (the problem names the file or flag)."""

    def __init__(self, task: str, err: PlugEvalError) -> None:
        self.task = task
        super().__init__(f"{task}: {err.one_line()}")


def fail_task(task: str, err: PlugEvalError) -> NoReturn:
    """Raise ``err`` as the :class:`TaskError` of ``task``."""
    one_line_in_lm_eval_cli()
    raise TaskError(task, err) from err


def _lm_eval_cli() -> bool:
    """Whether this process is lm-eval's command line (``lm_eval``, ``lm-eval``, ``python -m lm_eval``)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name in ("lm_eval", "lm_eval.__main__"):
        return True
    return bool(sys.argv) and Path(sys.argv[0]).name in ("lm_eval", "lm-eval")


def one_line_in_lm_eval_cli() -> None:
    """In lm-eval's command line, print an uncaught PlugEvalError as one line and exit 2.

    lm-eval's command line has no handler of its own, so the error would end the process with
    a traceback.  Python's hook for uncaught exceptions (``sys.excepthook``) prints it instead,
    ``lm_eval: error: <task>: <problem>``; other exceptions keep their traceback.  Nothing
    else changes: in any other process (``plug-eval run``, a caller of the Python API) the
    hook is not installed and the error is theirs to catch.
    """
    global _previous_hook
    if sys.excepthook is _print_one_line or not _lm_eval_cli():
        return
    _previous_hook = sys.excepthook
    sys.excepthook = _print_one_line


_previous_hook: Any = None


def _print_one_line(kind: type[BaseException], value: BaseException, tb: Any) -> None:
    if not isinstance(value, PlugEvalError):
        (_previous_hook or sys.__excepthook__)(kind, value, tb)
        return
    print(f"lm_eval: error: {value.one_line()}", file=sys.stderr)
    raise SystemExit(value.exit_code)  # Python exits with it, after its usual clean-up


class PlugTask(ConfigurableTask):
    """One language of a benchmark, answered directly or through a pivot language.

    A subclass sets SOURCE, PROCESS_RESULTS (the dotted name the results JSON shows as the
    task's process_results) and ZERO_SHOT (why few-shot makes no sense), and may override
    :meth:`score`.
    """

    SOURCE: Source
    PROCESS_RESULTS: str
    ZERO_SHOT = "the paper evaluates it zero-shot"

    def __init__(self, config: dict | None = None, **kwargs: Any) -> None:
        config = dict(config or {})
        opts = dict(config.get("dataset_kwargs") or {})
        self.lang: str = str(opts.get("lang") or config.get("dataset_name") or "")
        self.variant: str = opts.get("variant", "direct")
        known_language(str(config.get("task") or self.lang), self.lang, opts.get("language"))
        # Any value here stops lm-eval from looking our metric names up in its registry (and
        # then on the network); the scoring itself is the process_results method below.
        config["process_results"] = self.PROCESS_RESULTS
        config["dataset_kwargs"] = None
        config.pop("class", None)  # lm-eval hands us our own class key back
        self._splits: dict[str, pivot.Split] = {}
        self._folded_warned = False
        self._low_pivot_warned = False
        self._budget: budget.Budget | None = None
        self._no_stop: dict[str, None] = {}
        self._provenance: dict[str, str] = {}
        _log_like_lm_eval()
        super().__init__(config=config, **kwargs)

    # --- data -----------------------------------------------------------------------------
    @property
    def pivot_lang(self) -> str | None:
        if self.variant != "pivot":
            return None
        key = f"{self.SOURCE.benchmark}_pivot"
        code = str((self.config.metadata or {}).get(key) or languages.DEFAULT_PIVOT)
        languages.get(code)  # unknown codes fail here, with the known ones listed
        return code

    def system_prompt(self) -> str:
        if self.pivot_lang and self.pivot_lang != self.lang:
            return languages.pivot_system_prompt(self.lang, self.pivot_lang)
        return languages.direct_system_prompt(self.lang)

    def download(self, dataset_kwargs: dict | None = None, **kwargs: Any) -> None:
        import datasets

        try:
            loaded = self.SOURCE.load(self.lang, self.config.metadata)
        except PlugEvalError as err:
            fail_task(self.config.task, err)
        if self.pivot_lang == self.lang:
            log.warning("%s: pivot language equals the target (%s); answering directly",
                        self.config.task, self.lang)
        system = self.system_prompt()
        docs = [dict(row, lang=self.lang, pivot=self.pivot_lang or "", variant=self.variant,
                     system=system, data_source=loaded.source,
                     data_sha256=loaded.sha256.get(loaded.file, ""))
                for row in loaded.rows]
        self.dataset = datasets.DatasetDict({"test": datasets.Dataset.from_list(docs)})
        meta = self.config.metadata if isinstance(self.config.metadata, dict) else {}
        meta.update(data_source=loaded.source, data_files_sha256=loaded.sha256,
                    pivot=self.pivot_lang, lang=self.lang, variant=self.variant)
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
            return join_system(system, instruction)
        rendered = chat_template([{"role": "system", "content": system},
                                  {"role": "user", "content": instruction}])
        if carries_system(rendered, system):
            return rendered
        # The template refused the system role and lm-eval dropped it silently.
        if not self._folded_warned:
            log.warning("%s: the chat template rejects the system role; the system prompt is "
                        "folded into the user turn", self.config.task)
            self._folded_warned = True
        return chat_template(fold_system([{"role": "system", "content": system},
                                          {"role": "user", "content": instruction}]))

    # --- requests: zero-shot check, generation budget, provenance ---------------------------
    def build_all_requests(self, *args: Any, **kwargs: Any) -> None:
        shots = self.config.num_fewshot or 0
        if shots > 0:
            fail_task(self.config.task, PlugEvalError(
                f"--num_fewshot {shots}: {self.SOURCE.title} is zero-shot ({self.ZERO_SHOT}); "
                "drop --num_fewshot"))
        chat_template = kwargs.get("chat_template")
        lm = budget.find_lm(chat_template)
        no_template = checkpoint_template.missing(lm) if kwargs.get("apply_chat_template") else None
        if no_template:  # transformers would raise in the middle of rendering the first prompt
            fail_task(self.config.task, PlugEvalError(no_template))
        self._budget = budget.Budget.for_model(
            lm, self.config.generation_kwargs or {}, self.config.metadata)
        self._no_stop = no_stop_strings(lm)
        self._provenance = provenance(lm, applied=bool(kwargs.get("apply_chat_template")))
        super().build_all_requests(*args, **kwargs)
        summary = self._budget.summary()
        log.info("%s: %s", self.config.task, self._budget.describe())
        if self._budget.given and max(self._budget.given) > LONG_GENERATION and not self._budget.user:
            log.warning("%s: each request may generate up to %d new tokens (the paper's %d-token rule), which takes "
                        "long on a CPU or an untrained model; for a quick check: --gen_kwargs max_gen_toks=64",
                        self.config.task, max(self._budget.given), budget.PAPER_TOTAL_TOKENS)
        meta = self.config.metadata if isinstance(self.config.metadata, dict) else {}
        meta.update(generation_budget=summary, **self._provenance)
        self.config.metadata = meta

    def construct_requests(self, doc: dict, ctx: Any, **kwargs: Any) -> Any:
        requests = super().construct_requests(doc=doc, ctx=ctx, **kwargs)
        if self._budget is not None:
            for inst in requests if isinstance(requests, list) else [requests]:
                context, gen = inst.arguments
                gen = {**gen, "max_gen_toks": self._budget.for_prompt(context)}
                if not gen.get("until"):  # no stop string: an API request carries none either
                    gen.update(self._no_stop)
                inst.arguments = (context, gen)
        return requests

    # --- answers and metrics --------------------------------------------------------------
    def apply_filters(self) -> Any:
        out = super().apply_filters()
        if self.pivot_lang:
            for inst in self._instances:
                raw = inst.resps[0] if inst.resps else ""
                self._splits[str(inst.doc["id"])] = self.split(raw)
        return out

    def split(self, raw: str) -> pivot.Split:
        return pivot.split_response(raw, self.lang, self.pivot_lang or self.lang)

    def process_results(self, doc: dict, results: list) -> dict[str, float]:
        answer = (results[0] if results else "") or ""
        if not isinstance(answer, str):
            answer = str(answer)
        answer = answer.strip()
        doc.update(self._provenance)  # lm-eval logs this very dict as the sample's doc
        out = {}
        if self.pivot_lang:
            split = self._splits.get(str(doc["id"]))
            out["pivot_ok"] = 1.0 if split is not None and split.ok else 0.0
        out.update(self.score(doc, answer))
        return out

    def score(self, doc: dict, answer: str) -> dict[str, float]:
        """Per-sample metrics of one (extracted) answer, besides ``pivot_ok``.

        These are the cheap ones of an open-ended answer, which a judge scores later; a
        benchmark with scores of its own overrides this.  ``doc`` is the dict lm-eval logs:
        what an override adds to it appears in the samples.
        """
        return {"lang_fidelity": langid.fidelity(answer, self.lang),
                "answer_units": float(languages.answer_units(answer))}

    def aggregation(self) -> dict:
        agg = dict(super().aggregation())
        if self.pivot_lang and "pivot_ok" in agg:
            agg["pivot_ok"] = self._pivot_ok_mean
        return agg

    def _pivot_ok_mean(self, values: list[float]) -> float:
        mean = sum(values) / len(values) if values else 0.0
        if values and mean < LOW_PIVOT_OK and not self._low_pivot_warned:  # once, not per filter
            self._low_pivot_warned = True
            log.warning("%s: pivot_ok %.2f: most answers lack the %s and %s headers; a model not "
                        "trained the PLUG way answers without them (its extracted answer is empty "
                        "and scores nothing): evaluate it on %s_%s instead",
                        self.config.task, mean, languages.get(self.pivot_lang or languages.DEFAULT_PIVOT).header,
                        languages.get(self.lang).header, self.SOURCE.benchmark, self.lang)
        return mean


def known_language(task: str, code: str, fields: dict | None) -> None:
    """The task's language is in the table (a task written by ``plug-eval tasks add-language``
    carries its language's fields and adds them), and py3langid knows it; else a TaskError."""
    try:
        if fields:
            languages.register(languages.from_mapping(fields, f"task {task}"))
        languages.get(code)
        langid.check([code])
    except ValueError as err:
        fail_task(task, PlugEvalError(str(err)))
    except PlugEvalError as err:
        fail_task(task, err)


def carries_system(rendered: Any, system: str) -> bool:
    """Whether a chat-templated prompt still holds ``system`` as a system message.

    HF and vLLM backends render a string.  lm-eval's chat-completions backends return a JSON
    string wrapped in a tuple (``JsonChatStr``) or, with a remote tokenizer, the message list
    itself; in both the message must be there with the system role.
    """
    messages = None
    if isinstance(rendered, str):
        return system.strip() in rendered
    if isinstance(rendered, tuple) and hasattr(rendered, "prompt"):  # JsonChatStr
        try:
            messages = json.loads(rendered.prompt)
        except (TypeError, ValueError):
            return system.strip() in str(rendered.prompt)
    elif isinstance(rendered, list):
        messages = rendered
    if not isinstance(messages, list):
        return system.strip() in str(rendered)
    return any(isinstance(m, dict) and m.get("role") == "system"
               and system.strip() in str(m.get("content", "")) for m in messages)


def no_stop_strings(lm: Any) -> dict[str, None]:
    """The generation argument that makes an lm-eval API backend send no stop sequence.

    Our tasks stop at EOS only (``until: []``).  HF and vLLM then stop at the tokenizer's EOS,
    which lm-eval adds: nothing to do.  lm-eval 0.4's API backends put a stop list in every
    request, empty or not, and ``"stop": []`` is refused by some servers (transformers serve:
    HTTP 400); their generation arguments are copied into the request after it, so ``None``
    here replaces it with JSON null, the OpenAI API's value for "no stop sequence".  Anthropic's
    field is ``stop_sequences``.
    """
    if lm is None or not budget.is_api(lm):
        return {}
    names = {cls.__name__ for cls in type(lm).__mro__}
    return {"stop_sequences": None} if "AnthropicChat" in names else {"stop": None}


def provenance(lm: Any, applied: bool) -> dict[str, str]:
    """Which lm-eval backend answered, and through which chat template (hashed)."""
    backend = type(getattr(lm, "lm", lm)).__name__ if lm is not None else "unknown"
    if not applied:
        template = "none"
    else:
        text = ""
        try:
            text = lm.chat_template(True) or "" if lm is not None else ""
        except Exception:  # a backend without a readable template
            text = ""
        template = (hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text
                    else "server-side")  # chat-completions APIs: the server applies its own
    return {"lm_backend": backend, "chat_template_sha256": template}


def extract_answers_paper(resps: list[list[str]], docs: list[dict]) -> list[list[str]]:
    """lm-eval filter ``paper_extract``: the paper's literal rule (:func:`plug_eval.pivot.paper_extract`)."""
    return [[pivot.paper_extract(r, doc["lang"]) for r in doc_resps]
            for doc, doc_resps in zip(docs, resps, strict=True)]


def extract_answers(resps: list[list[str]], docs: list[dict]) -> list[list[str]]:
    """lm-eval filter: keep only the target-language answer of each PLUG response."""
    out = []
    for doc, doc_resps in zip(docs, resps, strict=True):
        target, via = doc["lang"], doc.get("pivot") or doc["lang"]
        out.append([pivot.split_response(r, target, via).answer for r in doc_resps])
    return out
