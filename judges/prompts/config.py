"""Presets and judge specs: which backend, model, decoding arguments, template and parser.

A preset is a YAML file (``judges/prompts/presets/<name>.yaml``, or any path) naming those five
things; comparing two judges means diffing two YAML files, and the prompt wording never touches
Python.  ``--judge`` accepts a preset name, a preset file, ``BACKEND:MODEL`` (the default preset
of the mode with that backend) or a bare backend that needs no model (``rules``).
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from plug_eval import languages
from plug_eval.errors import PlugEvalError
from plug_eval.judges.prompts import paper
from plug_eval.judges.prompts.render import compile_template
from plug_eval.judges.prompts.verdicts import PARSERS
from plug_eval.llm import registry

MODES = ("pairwise", "grade", "truthful")
DEFAULT_PRESET = {"pairwise": "pairwise", "grade": "single", "truthful": "truthful"}
#: -J keys that configure the judge (beyond the backend's own, :data:`plug_eval.llm.registry.OPTION_KEYS`).
JUDGE_OPTION_KEYS = frozenset({"model", "max_answer_units"})
_PRESET_KEYS = {"description", "mode", "backend", "model", "base_url", "template", "parser", "decoding",
                "max_answer_units", "options",
                "judge_prompts", "orders"}  # the name of the pair prompt the user's FastChat file must give; orders


@dataclass(frozen=True)
class JudgeConfig:
    """A fully resolved judge: everything that determines what is asked and how it is read."""

    spec: str
    preset: str
    mode: str
    backend: str
    model: str
    base_url: str | None
    template_name: str
    template_text: str
    parser: str
    decoding: dict[str, Any]
    max_answer_units: int
    options: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    orders: int | None = None  #: the judging orders the preset requires (None: any)
    #: the packaged template's name (``pairwise``) when a language's own may stand in for it
    #: (no --template, and the preset names a packaged one); None otherwise
    packaged: str | None = None

    @property
    def template_sha256(self) -> str:
        return sha256(self.template_text)

    def template_for(self, lang: str | None) -> tuple[str, str]:
        """(template text, its sha256) for answers in ``lang``: the language file's own judge
        template in place of the packaged one when it has one, else this config's."""
        info = languages.LANGUAGES.get(lang or "")
        own = info.judge_templates.get(self.packaged) if info and self.packaged else None
        if not own or info is None:
            return self.template_text, self.template_sha256
        try:
            compile_template(own)
        except PlugEvalError as err:
            raise PlugEvalError(f"judge_templates: {self.packaged}: {err.problem}", info.source) from None
        return own, sha256(own)

    def language_templates(self, langs: Any) -> dict[str, str]:
        """Languages of ``langs`` judged with their own template -> its sha256 (for a run's identity)."""
        return {lang: sha for lang in sorted(set(langs))
                if (sha := self.template_for(lang)[1]) != self.template_sha256}

    @property
    def not_a_quality_judge(self) -> bool:
        return self.backend == "rules"

    def label(self) -> str:
        """How the judge is named in summaries and reports."""
        text = f"{self.backend}:{self.model}" if self.backend != "rules" else "rules"
        return text + (" (offline language rule, NOT a quality judge)" if self.not_a_quality_judge else "")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _packaged() -> Any:
    return files("plug_eval.judges.prompts")


def preset_names() -> list[str]:
    return sorted(p.name[:-5] for p in (_packaged() / "presets").iterdir() if p.name.endswith(".yaml"))


def _read_yaml(text: str, where: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise PlugEvalError(f"not valid YAML: {str(err).splitlines()[0]}", where) from None
    if not isinstance(data, dict):
        raise PlugEvalError("a preset must be a YAML mapping", where)
    unknown = set(data) - _PRESET_KEYS
    if unknown:
        raise PlugEvalError(f"unknown preset key(s) {', '.join(sorted(unknown))}; known: "
                            f"{', '.join(sorted(_PRESET_KEYS))}", where)
    return data


def load_preset(name_or_path: str) -> tuple[dict[str, Any], str, Path | None]:
    """(preset data, its name, the folder a relative template is read from; None = packaged)."""
    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise PlugEvalError(f"cannot read preset: {err.__class__.__name__}: {err}", path) from None
        return _read_yaml(text, str(path)), path.stem, path.parent
    res = _packaged() / "presets" / f"{name_or_path}.yaml"
    if not res.is_file():
        raise PlugEvalError(f"unknown preset {name_or_path!r}; known: {', '.join(preset_names())}")
    return _read_yaml(res.read_text(encoding="utf-8"), f"preset {name_or_path}"), name_or_path, None


def read_template(name: str, folder: Path | None) -> tuple[str, str]:
    """(template name, text): a path, a file next to a user preset, or a packaged template."""
    candidates = [Path(name)] + ([folder / name] if folder else [])
    for cand in candidates:
        if cand.is_file():
            try:
                return str(cand), cand.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise PlugEvalError(f"cannot read template: {err}", cand) from None
    res = _packaged() / "templates" / name
    if res.is_file():
        return name, res.read_text(encoding="utf-8")
    raise PlugEvalError("template file not found", name)


def packaged_name(template_name: str, text: str) -> str | None:
    """``pairwise`` for the packaged ``pairwise.j2`` (for which a language file may give its own
    template), else None."""
    stem = Path(template_name).name.removesuffix(".j2")
    if stem not in languages.JUDGE_TEMPLATES:
        return None
    packaged = _packaged() / "templates" / f"{stem}.j2"
    return stem if packaged.is_file() and packaged.read_text(encoding="utf-8") == text else None


def _split_spec(spec: str, mode: str, preset: str | None = None) -> tuple[str, str | None, str | None]:
    """(preset name or path, backend, model) from a ``--judge`` string (and ``--preset``)."""
    if spec.endswith((".yaml", ".yml")) or spec in preset_names():
        if preset:
            raise PlugEvalError(f"--judge {spec} is a preset; --preset {preset} names another: give one")
        return spec, None, None
    backend, sep, model = spec.partition(":")
    if backend in registry.names():
        if not sep and backend != "rules":
            raise PlugEvalError(f"--judge {spec}: name a model, e.g. --judge {backend}:MODEL")
        preset = preset or ("rules" if backend == "rules" and mode == "pairwise" else DEFAULT_PRESET[mode])
        return preset, backend, model or None
    known = list(dict.fromkeys(preset_names() + registry.names()))  # `rules` is both: name it once
    close = difflib.get_close_matches(backend, known, n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise PlugEvalError(f"--judge {spec}: not a preset or backend.{hint} Presets: {', '.join(preset_names())}; "
                        f"backends: {', '.join(registry.names())} (as BACKEND:MODEL)")


def _prompt(mode: str, template: str | None, data: dict[str, Any], folder: Path | None, preset: str,
            prompts_file: str | None, prompt_name: str | None) -> tuple[str, str]:
    """(template name, text): ``--template``, a pair prompt of ``--judge-prompts``, or the preset's."""
    wanted = data.get("judge_prompts")
    if not (prompts_file or prompt_name or wanted):
        return read_template(template or str(data.get("template", "pairwise.j2")), folder)
    if mode != "pairwise" or template:
        raise PlugEvalError("--judge-prompts gives a pair prompt: only for compare, and not with --template")
    if not prompts_file:
        raise PlugEvalError(f"preset {preset} reads prompt {wanted} of your copy of a FastChat judge prompt file "
                            "(the PLUG repository's judge_prompts_focus_language.jsonl): pass --judge-prompts FILE"
                            if wanted else "--judge-prompt NAME needs --judge-prompts FILE")
    return paper.pair_template(prompts_file, prompt_name or str(wanted or paper.DEFAULT_PAIR_PROMPT))


def resolve(spec: str, mode: str = "pairwise", *, base_url: str | None = None, template: str | None = None,
            overrides: dict[str, Any] | None = None, preset: str | None = None, verdict_rule: str | None = None,
            judge_prompts: str | None = None, judge_prompt: str | None = None) -> JudgeConfig:
    """Resolve ``--judge SPEC`` (+ ``--base-url``, ``--template``, ``-J`` overrides, and the
    reproduction flags: ``--preset``, ``--verdict-rule``, ``--judge-prompts``/``--judge-prompt``)."""
    name, backend, model = _split_spec(spec, mode, preset)
    data, preset, folder = load_preset(name)
    if data.get("mode", "pairwise") != mode:
        raise PlugEvalError(f"--judge {spec}: preset {preset!r} is for {data.get('mode')}, not {mode}")
    decoding_over, options = registry.split_options(dict(overrides or {}), JUDGE_OPTION_KEYS)
    backend = backend or data.get("backend")
    model = options.pop("model", None) or model or data.get("model") or ("rules" if backend == "rules" else None)
    if not backend or not model:
        raise PlugEvalError(f"--judge {spec}: preset {preset!r} names no backend/model; use --judge BACKEND:MODEL")
    cls = registry.get(backend)  # unknown backend -> did-you-mean now, before anything runs
    preset_decoding = {k: v for k, v in (data.get("decoding") or {}).items()
                       if k not in cls.unsupported_preset_args}
    parser = str(data.get("parser", "pairwise" if mode == "pairwise" else "rating"))
    if verdict_rule and mode != "pairwise":
        raise PlugEvalError(f"--verdict-rule {verdict_rule}: a rule for pairwise verdicts, not for {mode}")
    parser = paper.PARSER_OF_RULE[verdict_rule] if verdict_rule else parser
    if parser not in PARSERS:
        raise PlugEvalError(f"unknown parser {parser!r}; known: {', '.join(PARSERS)}", f"preset {preset}")
    orders = data.get("orders")
    if orders not in (None, 1, 2):
        raise PlugEvalError(f"orders must be 1 or 2, not {orders!r}", f"preset {preset}")
    template_name, text = _prompt(mode, template, data, folder, preset, judge_prompts, judge_prompt)
    return JudgeConfig(
        spec=spec, preset=preset, mode=mode, backend=backend, model=str(model),
        base_url=base_url or data.get("base_url"), template_name=template_name, template_text=text,
        parser=parser, decoding={**preset_decoding, **decoding_over},
        max_answer_units=int(options.pop("max_answer_units", data.get("max_answer_units", 3000))),
        options={**(data.get("options") or {}), **options}, description=str(data.get("description", "")),
        orders=orders,
        packaged=packaged_name(template_name, text) if template is None else None,
    )
