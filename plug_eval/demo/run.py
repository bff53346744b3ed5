"""``plug-eval demo``: the whole PLUG experiment in one command.

    plug-eval demo --out demo            # tiny model, shipped data, offline judge: a few minutes on a CPU
    plug-eval demo --out demo --quick    # the same pipeline in about a minute (what the tests run)
    plug-eval demo --out real --base-model Qwen/Qwen2.5-0.5B-Instruct --data-dir hub \\
        --judge openai:gpt-4o-mini       # for real: LoRA on a real model, the full benchmark, an LLM judge

Stages: base model -> PLUG and direct training sets (``plug-train build-data``) -> train both
(``plug-train train``) -> generate (``plug-eval run``: pivot tasks for PLUG, direct tasks for the
baseline) -> judge PLUG against the baseline per language (``plug-judge compare``) -> report
(``plug-judge report``).  Each stage records what it ran, read and wrote in ``OUT/manifest.json``
and is skipped when that is unchanged, so a finished demo re-runs in seconds doing nothing.
Training, generation and judging are subprocesses; nothing here imports ``plug_train``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plug_eval.demo import report as demo_report
from plug_eval.demo.jobs import (
    Job,
    JobFailed,
    count_lines,
    generation_progress,
    judging_progress,
    python_module,
    run_jobs,
    training_progress,
)
from plug_eval.demo.manifest import Manifest, fingerprint, stage_key
from plug_eval.demo.plan import Plan, resolve
from plug_eval.errors import PlugEvalError, fail
from plug_eval.files import read_jsonl, replace_path

SYSTEMS = ("plug", "direct")
EXAMPLES = __doc__.split("\n\n")[1]


# --- command line ---------------------------------------------------------------------------------
def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser("demo", help="the whole PLUG experiment in one command (offline by default)",
                              description="The whole PLUG experiment in one command: build or take a base "
                              "model, train PLUG and direct systems, generate, judge, report.",
                              epilog="examples:\n" + EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default="plug-demo", metavar="DIR", help="output folder (default: plug-demo)")
    p.add_argument("--quick", action="store_true", help="the cut-down profile the tests use (no checks)")
    p.add_argument("--force", action="store_true", help="redo every stage even when its outputs are current")
    p.add_argument("--seed", type=int, default=0, metavar="N",
                   help="seeds the tiny model's initialisation, build-data's shuffle, training and the judge's "
                   "order (default 0)")
    d = p.add_argument_group("model and data")
    d.add_argument("--base-model", metavar="MODEL", help="HF id or folder to fine-tune with LoRA (default: "
                   "a tiny model built offline)")
    d.add_argument("--parallel", metavar="FILE", help="parallel rows {id, instruction_en, response_en, "
                   "instruction_zh, ...} (default: the shipped sample)")
    d.add_argument("--data-dir", default="sample", metavar="DIR",
                   help="X-AlpacaEval: a folder, 'sample' (default, shipped) or 'hub' (the pinned dataset)")
    d.add_argument("--langs", default="zh,ko,it,es", help="target languages (default zh,ko,it,es)")
    t = p.add_argument_group("training and generation (override the profile)")
    t.add_argument("--epochs", type=int, metavar="N",
                   help="passes over the training data, both systems (default: PLUG 8, direct 14; real 3)")
    t.add_argument("--max-steps", type=int, metavar="N", help="optimizer steps instead of epochs (quick: 30)")
    t.add_argument("--lr", type=float, help="peak learning rate (default 3e-3; real 2e-4)")
    t.add_argument("--batch-size", type=int, metavar="N", help="rows per micro-batch (default 8; real 4)")
    t.add_argument("--limit", type=int, metavar="N", help="instructions per language")
    t.add_argument("--max-gen-toks", type=int, metavar="N", help="new tokens per answer")
    t.add_argument("--jobs", type=int, metavar="N", help="trainings/generations side by side")
    j = p.add_argument_group("judging")
    j.add_argument("--judge", default="rules", metavar="SPEC",
                   help="rules (offline, default), a preset or BACKEND:MODEL (see `plug-judge judges`)")
    j.add_argument("--base-url", metavar="URL", help="OpenAI/Anthropic-compatible server for the judge")
    j.add_argument("--check", action=argparse.BooleanOptionalAction, default=None,
                   help="fail when PLUG pivot_ok < 0.9 or direct lang_fidelity < 0.8, on the mean or (direct) "
                   "any language (default: on, off with --quick)")
    return p


def main(args: argparse.Namespace) -> int:
    try:
        plan = resolve(args)
        return Demo(plan).run()
    except JobFailed as err:
        if err.usage:
            print(err, file=sys.stderr)
            return 2
        print(f"plug-eval demo: FAILED: {err}", file=sys.stderr)
        return 1
    except PlugEvalError as err:
        fail("plug-eval demo", err)


# --- the run --------------------------------------------------------------------------------------
class Demo:
    def __init__(self, plan: Plan) -> None:
        self.plan, self.out = plan, plan.out
        self.work: Counter[str] = Counter()
        self.manifest = Manifest(plan.out / "manifest.json")
        self.base = ""

    def run(self) -> int:
        t0 = time.perf_counter()
        self.out.mkdir(parents=True, exist_ok=True)
        self.manifest = Manifest.load(self.out)
        self.manifest.info = self._info()
        say(f"plug-eval demo: profile {self.plan.profile.name}, seed {self.plan.seed}, output in {self.out}")
        steps: list[tuple[str, Callable[[], None]]] = [
            ("base model", self.base_model), ("training data", self.training_data), ("train", self.train),
            ("generate", self.generate), ("judge", self.judge), ("report", self.report)]
        for n, (title, stage) in enumerate(steps, 1):
            say(f"[{n}/{len(steps)}] {title}")
            stage()
        self.manifest.save()
        return demo_report.finish(self, time.perf_counter() - t0)

    def _info(self) -> dict[str, Any]:
        from plug_eval import __version__

        p = self.plan
        return {"plug_eval_version": __version__, "profile": p.profile.name, "parallel": str(p.parallel),
                "data_dir": p.data_dir, "langs": list(p.langs), "seed": p.seed, "judge": p.judge,
                "base_url": p.base_url, "base_model": p.base_model}

    # --- stage bookkeeping ---------------------------------------------------------------------------
    def pending(self, name: str, inputs: dict[str, str], params: dict[str, Any]) -> str | None:
        """The stage's key if it must run; None (and a note) if its recorded outputs are current."""
        key = stage_key(name, inputs, params)
        if not self.plan.force and self.manifest.is_done(name, key):
            rec = self.manifest.stages[name]
            say(f"  {name}: up to date (done in {rec['seconds']:.0f} s earlier), skipped")
            return None
        return key

    def done(self, name: str, key: str, job: Job | None, inputs: dict[str, str], params: dict[str, Any],
             outputs: list[Path], seconds: float, work: dict[str, int]) -> None:
        self.work.update(work)
        self.manifest.record(name, key, command=job.argv if job else None, inputs=inputs, params=params,
                             outputs=outputs, seconds=seconds, work=work)
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in work.items())
        say(f"  {name}: done in {seconds:.1f} s" + (f" ({counts})" if counts else ""))

    def log(self, name: str) -> Path:
        return self.out / "logs" / f"{name}.log"

    # --- 1. base model -------------------------------------------------------------------------------
    def base_model(self) -> None:
        p = self.plan
        if p.base_model:
            self.base = p.base_model
            say(f"  using {p.base_model} (LoRA fine-tuning)")
            return
        final = self.out / "base"
        inputs = {"parallel": fingerprint(p.parallel)}
        params = {"tiny": p.profile.tiny, "chat_template": "plug", "seed": p.seed}
        self.base = str(final)
        key = self.pending("base", inputs, params)
        if key is None:
            return
        t0 = time.perf_counter()
        tmp = fresh(self.out / "base.tmp")
        from transformers.utils import logging as hf_logging

        from plug_eval.tiny import build_tiny_model

        hf_logging.disable_progress_bar()  # the model is a few MB: no "Writing model shards" bar
        shape: dict[str, int] = p.profile.tiny or {}
        build_tiny_model(tmp, chat_template="plug", seed=p.seed, max_positions=1024, texts=parallel_texts(p.parallel),
                         **shape)
        replace_path(tmp, final)
        self.done("base", key, None, inputs, params, [final], time.perf_counter() - t0, {})

    # --- 2. training data ----------------------------------------------------------------------------
    def training_data(self) -> None:
        p = self.plan
        inputs = {"parallel": fingerprint(p.parallel)}
        target = p.profile.targets(p.langs)
        params: dict[str, Any] = {"target": target, "mode": "both", "seed": p.seed}
        key = self.pending("data", inputs, params)
        if key is None:
            return
        tmp = fresh(self.out / "data.tmp")
        job = Job("build-data", python_module("plug_train", "build-data", "--parallel", str(p.parallel),
                                              "--target", target, "--mode", "both", "--seed", str(p.seed),
                                              "--out", str(tmp)), self.log("data"))
        run_jobs([job], 1)
        final = replace_path(tmp, self.out / "data")
        outputs = [final / "plug.jsonl", final / "direct.jsonl"]
        self.done("data", key, job, inputs, params, outputs, job.seconds, {"rows": sum(map(count_lines, outputs))})

    # --- 3. train ------------------------------------------------------------------------------------
    def train(self) -> None:
        jobs, todo = [], {}
        for system in SYSTEMS:
            inputs = {"base": fingerprint(self.base), "data": fingerprint(self.out / "data" / f"{system}.jsonl")}
            params = {**self.plan.profile.train_flags(system), "seed": self.plan.seed}
            key = self.pending(f"train-{system}", inputs, params)
            if key is None:
                continue
            tmp = fresh(self.out / "models" / f"{system}.tmp")
            argv = python_module("plug_train", "train", "--model", self.base, "--data",
                                 str(self.out / "data" / f"{system}.jsonl"), "--output", str(tmp),
                                 "--no-progress", *flags(params))
            log = self.log(f"train-{system}")
            jobs.append(Job(f"train-{system}", argv, log, training_progress(log, tmp / "metrics.jsonl")))
            todo[jobs[-1].name] = (key, inputs, params, tmp)
        run_jobs(self._share_cpu(jobs), self.plan.profile.jobs)
        for job in jobs:
            key, inputs, params, tmp = todo[job.name]
            final = replace_path(tmp, self.out / "models" / job.name.split("-", 1)[1])
            self.done(job.name, key, job, inputs, params, [final], job.seconds,
                      {"training_steps": count_lines(final / "metrics.jsonl")})

    def _share_cpu(self, jobs: list[Job]) -> list[Job]:
        """One CPU thread per job when jobs run side by side (on 2 cores, two tiny trainings with
        one thread each finish sooner than one after the other with two)."""
        if min(len(jobs), self.plan.profile.jobs) > 1:
            for job in jobs:
                job.env.update({"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
        return jobs

    # --- 4. generate ---------------------------------------------------------------------------------
    def generate(self) -> None:
        jobs, todo = [], {}
        for system in SYSTEMS:
            model = self.out / "models" / system
            inputs = {"model": fingerprint(model), "data": self._data_fingerprint()}
            if self.plan.lora:
                inputs["base"] = fingerprint(self.base)
            params = {"tasks": tasks_for(system, self.plan.langs), "limit": self.plan.profile.limit,
                      "max_gen_toks": self.plan.profile.max_gen_toks, "batch_size": self.plan.profile.batch_size}
            key = self.pending(f"generate-{system}", inputs, params)
            if key is None:
                continue
            tmp = fresh(self.out / "generations" / f"{system}.tmp")
            log = self.log(f"generate-{system}")
            jobs.append(Job(f"generate-{system}", self._lm_eval_argv(model, params, tmp), log,
                            generation_progress(log)))
            todo[jobs[-1].name] = (key, inputs, params, tmp)
        run_jobs(self._share_cpu(jobs), self.plan.profile.jobs)
        for job in jobs:
            key, inputs, params, tmp = todo[job.name]
            final = replace_path(tmp, self.out / "generations" / job.name.split("-", 1)[1])
            files = sorted(final.rglob("*.json*"))
            self.done(job.name, key, job, inputs, params, files, job.seconds,
                      {"generations": sum(generations_in(f) for f in files if f.name.startswith("samples_"))})

    def _lm_eval_argv(self, model: Path, params: dict[str, Any], out: Path) -> list[str]:
        model_args = f"pretrained={self.base},peft={model}" if self.plan.lora else f"pretrained={model}"
        argv = python_module("plug_eval.cli", "run", "--model", "hf", "--model_args", model_args,
                             "--tasks", params["tasks"], "--apply_chat_template", "--log_samples",
                             "--output_path", str(out), "--gen_kwargs", f"max_gen_toks={params['max_gen_toks']}",
                             "--batch_size", params["batch_size"])
        if params["limit"]:
            argv += ["--limit", str(params["limit"])]
        if self.plan.data_dir != "hub":
            argv += ["--metadata", json.dumps({"xalpacaeval_data_dir": self.plan.data_dir})]
        return argv

    def _data_fingerprint(self) -> str:
        if self.plan.data_dir == "sample":
            from plug_eval.tasks.xalpacaeval.data import sample_dir

            return fingerprint(sample_dir())
        return fingerprint(self.plan.data_dir) if self.plan.data_dir != "hub" else "hub"

    # --- 5. judge ------------------------------------------------------------------------------------
    def judge(self) -> None:
        jobs, todo = [], {}
        for lang in self.plan.langs:
            a, b = samples_file(self.out, "plug", lang), samples_file(self.out, "direct", lang)
            run_dir = self.judge_dir(lang)
            name = f"judge-{self.plan.judge_slug}-{lang}"
            inputs = {"plug": fingerprint(a), "direct": fingerprint(b)}
            params = {"judge": self.plan.judge, "base_url": self.plan.base_url, "lang": lang, "seed": self.plan.seed}
            key = self.pending(name, inputs, params)
            if key is None:
                continue
            old = self.manifest.stages.get(name)
            if old and old.get("key") != key:  # other answers: a stale run directory is no store to resume
                shutil.rmtree(run_dir, ignore_errors=True)
            argv = python_module("plug_eval.judges", "compare", str(a), str(b), "--judge", self.plan.judge,
                                 "--lang", lang, "--out", str(run_dir), "--name-a", "plug", "--name-b", "direct",
                                 "--filter", "plug_extract",  # pivot samples also log paper_extract
                                 # the demo judges what its models said: its floors check pivot_ok apart
                                 "--allow-empty",
                                 "--seed", str(self.plan.seed), "--quiet", *(["--base-url", self.plan.base_url]
                                                             if self.plan.base_url else []))
            before = count_lines(run_dir / "judgments.jsonl")
            jobs.append(Job(name, argv, self.log(name), judging_progress(run_dir / "judgments.jsonl",
                                                                         2 * count_lines(b))))
            todo[name] = (key, inputs, params, run_dir, before)
        run_jobs(jobs, self.plan.profile.jobs)
        for job in jobs:
            key, inputs, params, run_dir, before = todo[job.name]
            outputs = [run_dir / f for f in ("items.jsonl", "judgments.jsonl", "summary.json")]
            calls = count_lines(run_dir / "judgments.jsonl") - before
            self.done(job.name, key, job, inputs, params, outputs, job.seconds, {"judge_calls": calls})

    def judge_dir(self, lang: str) -> Path:
        return self.out / "judgments" / self.plan.judge_slug / lang

    # --- 6. report -----------------------------------------------------------------------------------
    def report(self) -> None:
        dirs = [self.judge_dir(lang) for lang in self.plan.langs]
        name = f"report-{self.plan.judge_slug}"
        inputs = {f"{d.name}/{f}": fingerprint(d / f) for d in dirs for f in ("items.jsonl", "summary.json")}
        title = f"PLUG vs direct fine-tuning ({self.plan.profile.name} demo, judge: {self.plan.judge})"
        params = {"title": title}
        key = self.pending(name, inputs, params)
        if key is None:
            return
        html = self.report_path()
        tmp = fresh(html.parent.with_name(html.parent.name + ".tmp"))
        job = Job(name, python_module("plug_eval.judges", "report", *map(str, dirs), "-o", str(tmp / html.name),
                                      "--title", title), self.log(name))
        run_jobs([job], 1)
        final = replace_path(tmp, html.parent)
        self.done(name, key, job, inputs, params, sorted(f for f in final.rglob("*") if f.is_file()), job.seconds, {})

    def report_path(self) -> Path:
        return self.out / "reports" / self.plan.judge_slug / "report.html"


# --- helpers ------------------------------------------------------------------------------------------
def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def flags(params: dict[str, Any]) -> list[str]:
    argv: list[str] = []
    for name, value in params.items():
        if value is True:
            argv.append(f"--{name}")
        elif value is not False and value is not None:  # not `in (False, None)`: 0 == False
            argv += [f"--{name}", str(value)]
    return argv


def tasks_for(system: str, langs: tuple[str, ...]) -> str:
    prefix = "xalpacaeval_pivot_" if system == "plug" else "xalpacaeval_"
    return ",".join(prefix + lang for lang in langs)


def generations_in(samples: Path) -> int:
    """Answers in an lm-eval samples file: one line per document and filter (pivot tasks log two)."""
    rows = read_jsonl(samples)
    return sum(1 for r in rows if r.get("filter") == rows[0].get("filter")) if rows else 0


def samples_file(out: Path, system: str, lang: str) -> Path:
    task = tasks_for(system, (lang,))
    found = sorted((out / "generations" / system).rglob(f"samples_{task}_*.jsonl"))
    if not found:
        raise PlugEvalError(f"no samples for {task}; rerun with --force", out / "generations" / system)
    return found[-1]


def parallel_texts(path: Path) -> list[str]:
    """Every instruction and response of the parallel file (the tiny tokenizer learns from them)."""
    texts = []
    for row in read_jsonl(path):
        texts += [str(v) for k, v in row.items() if k.startswith(("instruction_", "response_"))]
    return texts


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
