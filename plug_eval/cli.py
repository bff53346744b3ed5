"""``plug-eval``: run lm-eval with our tasks visible, and manage the tasks.

    plug-eval run --model hf --model_args pretrained=DIR --tasks xalpacaeval_zh [lm-eval args]
    plug-eval tasks list | path | link | unlink
    plug-eval tasks add-language FILE --out DIR
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import plug_eval_hook
from plug_eval import chat_template, task_folders, tasknames
from plug_eval.errors import PlugEvalError, guarded
from plug_eval.languages import LANGUAGES

PROG = "plug-eval"
GROUPS = {**tasknames.GROUPS, **tasknames.TAGS}
TASKS = tasknames.TASKS


# --- run ----------------------------------------------------------------------------------
def dedupe_tasks(spec: str) -> tuple[str, list[str]]:
    """Drop tasks already covered by a group given in the same list (lm-eval would run them twice)."""
    names = [t.strip() for t in spec.split(",") if t.strip()]
    covered = {m for n in names for m in GROUPS.get(n, [])}
    kept: list[str] = []
    dropped: list[str] = []
    for n in names:
        (dropped if (n in covered and n not in GROUPS) or n in kept else kept).append(n)
    return ",".join(kept), dropped


def our_data(spec: str) -> list[tuple[str, str]]:
    """(benchmark, language) pairs our requested tasks will read (checked before a model loads)."""
    needs: list[tuple[str, str]] = []
    for n in spec.split(","):
        for t in tasknames.members(n.strip()):
            need = (TASKS[t].benchmark, TASKS[t].lang)
            if need not in needs:
                needs.append(need)
    return needs


def show_tasks_to_lm_eval() -> None:
    """Make our tasks visible to every TaskManager of this process, exactly once.

    The same code as the wheel's start-up hook (``plug_eval_hook``), applied here whether or
    not that hook is installed (an editable install has none) or switched off: it adds the task
    folders after lm-eval's own and before a user's ``--include_path``, and adds nothing when
    the tasks are already visible (lm-eval reads entry points itself, or they are linked).
    """
    import lm_eval.tasks

    plug_eval_hook.patch(lm_eval.tasks)


def _prepare(args: argparse.Namespace) -> None:
    """Our additions to an lm-eval run: task visibility, de-duplication, data check."""
    show_tasks_to_lm_eval()
    if args.tasks:
        spec = args.tasks if isinstance(args.tasks, str) else ",".join(args.tasks)
        args.tasks, dropped = dedupe_tasks(spec)
        if dropped:
            print(f"{PROG}: note: {', '.join(dropped)} already run as part of a group; not twice",
                  file=sys.stderr)
        meta = args.metadata if isinstance(args.metadata, dict) else json.loads(args.metadata or "{}")
        from plug_eval.tasks.source import source

        for benchmark, lang in our_data(args.tasks):
            source(benchmark).load(lang, meta)  # fails fast, before any model is loaded


API_EXTRA_HINT = ("lm-eval's API backends need its api extra: pip install 'lm-eval[api]' "
                  "(plug-eval installs it; a --no-deps install does not)")


def run(argv: list[str]) -> int:
    from lm_eval._cli import HarnessCLI
    from lm_eval.utils import setup_logging

    setup_logging()
    cli = HarnessCLI()
    saved, sys.argv = sys.argv, ["lm_eval", "run", *argv]
    try:
        args = cli.parse_args()
    finally:
        sys.argv = saved
    if getattr(args, "command", None) == "run":
        _prepare(args)
    try:
        cli.execute(args)
    except ModuleNotFoundError as err:
        if "lm_eval.models.api_models" in str(err) or err.name in ("tenacity", "aiohttp", "tiktoken"):
            raise PlugEvalError(f"{err.name or err}: {API_EXTRA_HINT}") from err
        raise
    return 0


# --- tasks --------------------------------------------------------------------------------
def lm_eval_tasks_folder() -> Path:
    import lm_eval.tasks

    return Path(lm_eval.tasks.__file__).parent


MARKER = plug_eval_hook.LINK_MARKER  # the hook skips a folder that holds it


def link_tasks() -> str:
    """Make literal ``lm_eval --tasks xalpacaeval_zh`` work, reversibly, for every benchmark.

    lm-eval 0.4 only scans its own ``tasks`` folder (and does not descend into a linked
    folder), so we add a real folder there per benchmark (``xalpacaeval``, ``xsvamp``, ...)
    holding a link to each of its task files.  A marker file tells ``unlink`` the folder is
    ours; re-running refreshes the links.  Nothing is changed unless every folder can be made.
    """
    sources = [Path(f) for f in task_folders()]
    dests = [lm_eval_tasks_folder() / f.name for f in sources]
    for dest in dests:
        if dest.exists() and not (dest / MARKER).exists():
            raise PlugEvalError("exists and was not made by plug-eval; remove it first", dest)
    for source, dest in zip(sources, dests, strict=True):
        dest.mkdir(exist_ok=True)
        for old in dest.iterdir():
            if old.is_symlink():
                old.unlink()
        for f in sorted(source.iterdir()):
            if f.is_file() and (f.suffix in (".yaml", ".py") or f.name.endswith("_yaml")):
                if f.name != "__init__.py":
                    (dest / f.name).symlink_to(f)
        (dest / MARKER).write_text(f"linked by plug-eval to {source}\n")
    return "\n".join(f"linked {d} -> {s}" for s, d in zip(sources, dests, strict=True)) + (
        "\n(undo: plug-eval tasks unlink)")


def unlink_tasks() -> str:
    done = []
    for name in tasknames.BENCHMARKS:
        dest = lm_eval_tasks_folder() / name
        if not (dest / MARKER).exists():
            continue
        for f in dest.iterdir():
            if f.is_symlink() or f.name == MARKER:
                f.unlink()
        shutil.rmtree(dest / "__pycache__", ignore_errors=True)
        dest.rmdir()
        done.append(f"removed {dest}")
    return "\n".join(done) or f"nothing to undo: no plug-eval link in {lm_eval_tasks_folder()}"


def list_tasks() -> str:
    rows = [f"{'name':<24} {'kind':<7} language"]
    for g, members in GROUPS.items():
        rows.append(f"{g:<24} {'group':<7} {len(members)} tasks")
    for t, (_, variant, lang) in TASKS.items():
        rows.append(f"{t:<24} {variant:<7} {lang} ({LANGUAGES[lang].name})")
    return "\n".join(rows)


def tasks_command(args: argparse.Namespace) -> int:
    from plug_eval.tasks import generate

    if args.action == "add-language" or args.file or args.out:
        print(generate.add_language_command(args.action, args.file, args.out))
        return 0
    action = {"list": list_tasks, "path": lambda: "\n".join(task_folders()), "link": link_tasks,
              "unlink": unlink_tasks}
    print(action[args.action]())
    return 0


# --- entry point --------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="X-AlpacaEval, X-SVAMP and X-TruthfulQA on "
                                "lm-evaluation-harness (direct and PLUG pivot tasks), and the PLUG demo.",
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=(
        "examples:\n"
        "  plug-eval run --model hf --model_args pretrained=DIR --tasks xalpacaeval_pivot \\\n"
        "      --apply_chat_template --log_samples --output_path out\n"
        "  XALPACAEVAL_DATA_DIR=sample plug-eval run --model hf --model_args pretrained=DIR \\\n"
        "      --tasks xalpacaeval_zh --limit 3\n"
        "  plug-eval run --model vllm --model_args pretrained=DIR --tasks xsvamp_pivot,xtruthfulqa_pivot \\\n"
        "      --apply_chat_template --log_samples --output_path out\n"
        "  plug-eval tasks list\n\n"
        "Plain `lm_eval --tasks ...` finds the same tasks once plug-eval is installed. Each benchmark reads\n"
        "<BENCHMARK>_DATA_DIR (e.g. XSVAMP_DATA_DIR) when set, else its pinned Hugging Face dataset."))
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    r = sub.add_parser("run", help="lm-eval's `run` with the X-AlpacaEval, X-SVAMP and X-TruthfulQA tasks included",
                       add_help=False)
    r.add_argument("lm_eval_args", nargs=argparse.REMAINDER)
    t = sub.add_parser("tasks", help="list the tasks, print their folders, link them into lm-eval, add a language")
    t.add_argument("action", choices=["list", "path", "link", "unlink", "add-language"])
    t.add_argument("file", nargs="?", metavar="FILE", help="add-language: a language file (docs/languages.md)")
    t.add_argument("--out", metavar="DIR", help="add-language: the folder to write its task YAMLs into")
    t.set_defaults(func=tasks_command)
    chat_template.add_subcommand(sub)  # issue 24
    demo = _demo_parser(sub)
    if demo is not None:
        demo.set_defaults(func=_run_demo)
    return p


def _demo_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser | None:
    try:
        from plug_eval.demo.run import add_parser
    except ImportError:
        return None
    return add_parser(sub)


def _run_demo(args: argparse.Namespace) -> int:
    from plug_eval.demo.run import main as demo_main

    return demo_main(args)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)

    def command() -> int:
        if argv[:1] == ["run"]:
            return run(argv[1:])
        args = build_parser().parse_args(argv)
        return int(args.func(args))

    return guarded(PROG, command)


if __name__ == "__main__":
    sys.exit(main())
