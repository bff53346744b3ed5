"""Make installed lm-eval task packages visible to ``lm_eval`` with no extra step.

lm-eval 0.4.13 finds tasks outside its own folder only through ``--include_path``.  Upstream
proposes (PR #4015) that it read the ``lm_eval.tasks`` entry-point group itself; until a release
does, the plug-eval wheel ships a one-line ``.pth`` file that imports this module at interpreter
start-up and calls :func:`install`.

What :func:`install` does at start-up is deliberately tiny (it must cost well under a
millisecond): it puts a finder on ``sys.meta_path`` that stays inert until something imports
``lm_eval.tasks``.  Only then, after lm-eval's module has run, does it wrap
``TaskManager.__init__`` so that the folders named by installed ``lm_eval.tasks`` entry points are
added to the include path, after lm-eval's own tasks and before the user's ``--include_path``
(so a user's task of the same name still wins, the precedence PR #4015 proposes).  A folder is
skipped when its tasks are already visible: lm-eval reads the entry points natively (detected by
feature, not version), the user included it, or ``plug-eval tasks link`` placed it.

This module imports only the standard library; it never imports lm-eval, torch or plug_eval at
start-up.  ``PLUG_EVAL_LM_EVAL_HOOK=0`` switches it off.  ``pip uninstall plug-eval`` removes it
with the ``.pth`` file.
"""

import os
import sys

ENV = "PLUG_EVAL_LM_EVAL_HOOK"
GROUP = "lm_eval.tasks"
LINK_MARKER = ".plug-eval-link"  # written by `plug-eval tasks link` into the folder it makes
_TARGET = "lm_eval.tasks"
_PATCHED = "_plug_eval_entry_points"  # attribute set on the wrapped __init__


def disabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() in ("0", "false", "no", "off")


def install() -> None:
    """Start-up entry (from the ``.pth`` line): arm the lazy hook unless switched off."""
    if disabled():
        return
    module = sys.modules.get(_TARGET)
    if module is not None:  # lm-eval already imported (unusual at start-up): patch now
        patch(module)
        return
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


class _Finder:
    """A meta-path finder that answers only for ``lm_eval.tasks`` and only to watch it load."""

    def find_spec(self, name, path=None, target=None):  # noqa: ANN001 - importlib protocol
        if name != _TARGET:
            return None
        import importlib.util

        sys.meta_path[:] = [f for f in sys.meta_path if f is not self]  # one shot
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _PatchingLoader(spec.loader)
        return spec


class _PatchingLoader:
    """Runs lm-eval's own loader, then patches the freshly executed module."""

    def __init__(self, loader) -> None:  # noqa: ANN001
        self._loader = loader

    def create_module(self, spec):  # noqa: ANN001
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:  # noqa: ANN001
        self._loader.exec_module(module)
        try:
            patch(module)
        except Exception as err:  # never break lm-eval because of us
            print(f"plug-eval: warning: task hook not applied ({err}); "
                  f"use --include_path or set {ENV}=0", file=sys.stderr)

    def __getattr__(self, name: str):
        return getattr(self._loader, name)


# --- run when lm_eval.tasks is imported --------------------------------------------------------
def native_support(tasks_module) -> bool:  # noqa: ANN001
    """Whether this lm-eval reads the ``lm_eval.tasks`` entry-point group itself.

    Detected by feature: some module of its ``lm_eval.tasks`` package both calls
    ``entry_points`` and names the group.  A version check would be wrong for forks and for the
    release that adds it.
    """
    from pathlib import Path

    folder = Path(tasks_module.__file__).parent
    quoted = (f'"{GROUP}"', f"'{GROUP}'")
    for source in folder.glob("*.py"):
        try:
            text = source.read_text(encoding="utf-8")
        except OSError:
            continue
        if "entry_points" in text and any(q in text for q in quoted):
            return True
    return False


def patch(tasks_module) -> bool:  # noqa: ANN001
    """Wrap ``TaskManager.__init__`` (once).  Returns whether the wrapper is in place."""
    manager = getattr(tasks_module, "TaskManager", None)
    if manager is None:
        return False
    init = manager.__init__
    if getattr(init, _PATCHED, False):
        return True
    if native_support(tasks_module):
        return False
    from functools import wraps
    from pathlib import Path

    lm_eval_tasks = Path(tasks_module.__file__).parent

    import inspect

    signature = inspect.signature(init)

    @wraps(init)
    def __init__(self, *args, **kwargs):  # noqa: ANN001, N807
        bound = signature.bind(self, *args, **kwargs)
        if bound.arguments.get("include_defaults", True):
            bound.arguments["include_path"] = with_entry_points(
                bound.arguments.get("include_path"), lm_eval_tasks)
        init(*bound.args, **bound.kwargs)

    setattr(__init__, _PATCHED, True)
    manager.__init__ = __init__
    return True


def with_entry_points(include_path, lm_eval_tasks):  # noqa: ANN001
    """The include path with the entry-point task folders first, minus those already visible."""
    from pathlib import Path

    user = [] if include_path is None else (
        list(include_path) if isinstance(include_path, (list, tuple)) else [include_path])
    extra = [str(p) for p in entry_point_folders()
             if not _visible(p, [Path(u) for u in user], lm_eval_tasks)]
    if not extra:
        return include_path
    return extra + [str(u) for u in user]


def entry_point_folders() -> list:
    """Task folders of installed ``lm_eval.tasks`` entry points.

    An entry point names a package (``plug_eval.tasks``); the folders returned are the
    package's sub-folders that hold task files (one per benchmark), or the package folder itself
    when YAML files lie directly in it.  lm-eval scans each recursively.
    """
    import importlib.util
    from importlib.metadata import entry_points
    from pathlib import Path

    folders: list[Path] = []
    for ep in entry_points(group=GROUP):
        try:
            spec = importlib.util.find_spec(ep.value.split(":", 1)[0])
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        roots = list(spec.submodule_search_locations or [])
        if not roots and spec.origin:
            roots = [str(Path(spec.origin).parent)]
        for root in map(Path, roots):
            folders += benchmark_folders(root)
    unique: list[Path] = []
    for f in folders:
        if f.resolve() not in [u.resolve() for u in unique]:
            unique.append(f)
    return unique


def benchmark_folders(root):  # noqa: ANN001
    """The folders under a task package that hold task files, or the package folder itself."""
    from pathlib import Path

    root = Path(root)
    if any(root.glob("*.yaml")):
        return [root]
    return sorted(d for d in root.iterdir()
                  if d.is_dir() and d.name != "__pycache__" and any(d.rglob("*.yaml")))


def _visible(folder, user_paths, lm_eval_tasks) -> bool:  # noqa: ANN001
    """Whether lm-eval will index ``folder``'s tasks without us."""
    real = folder.resolve()
    for p in [lm_eval_tasks, *user_paths]:
        try:
            q = p.resolve()
        except OSError:
            continue
        if real == q or q in real.parents or real in q.parents:
            return True
    return _linked(real, lm_eval_tasks)


def _linked(real, lm_eval_tasks) -> bool:  # noqa: ANN001
    """A folder of links that `plug-eval tasks link` placed inside lm-eval's tasks."""
    for marker in lm_eval_tasks.glob(f"*/{LINK_MARKER}"):
        for link in marker.parent.iterdir():
            if link.is_symlink() and link.suffix == ".yaml":
                try:
                    if real in link.resolve().parents:
                        return True
                except OSError:
                    continue
    return False
