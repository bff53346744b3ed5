"""The import layers, read from the source with ``ast`` (nothing is imported).

    leaf -> core -> llm (the one call layer) -> tasks -> judging (prompts, inputs)
         -> runs (run directories, summaries) -> jobs (pairwise, truthful, import, translate)
         -> reports -> demo -> CLIs

A module may import its own layer or a lower one, never a higher one; ``plug_train``'s library
modules import only leaf and core (its CLI is a CLI); nothing in ``plug_eval`` imports
``plug_train``; the call layer names no job, not even in a string.  Imports inside functions
count like any other; ``if TYPE_CHECKING:`` imports count for the direction but not for cycles
(they never run).  ``plug_eval`` modules import ``plug_eval.*`` absolutely.  One function
writes files atomically, one decodes JSON lines and one computes summaries.

What breaks these rules today in files this suite's owners do not edit is listed in
KNOWN_VIOLATIONS, each with why; the test fails when an entry stops being true, so the list only
shrinks.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: source folder -> installed package (setup.cfg's package_dir)
SOURCES = {"plug_eval": "plug_eval", "judges": "plug_eval.judges", "reports": "plug_eval.reports",
           "tasks": "plug_eval.tasks", "plug_train": "plug_train"}

LAYERS: list[tuple[str, list[str]]] = [
    ("leaf", ["plug_eval", "plug_eval.chat", "plug_eval.errors", "plug_eval.files", "plug_eval.languages",
              "plug_eval.pivot", "plug_eval.tasks_path", "plug_eval.tasknames"]),
    ("core", ["plug_eval.stats", "plug_eval.ranking", "plug_eval.langid", "plug_eval.parallel", "plug_eval.tiny",
              "plug_eval.chat_template"]),
    ("llm", ["plug_eval.llm", "plug_eval.llm.*"]),
    ("tasks", ["plug_eval.tasks", "plug_eval.tasks.*"]),
    ("judging", ["plug_eval.judges", "plug_eval.judges.prompts", "plug_eval.judges.prompts.*",
                 "plug_eval.judges.inputs", "plug_eval.judges.rules"]),
    ("runs", ["plug_eval.judges.runs", "plug_eval.judges.summaries", "plug_eval.judges.papertable"]),
    ("jobs", ["plug_eval.judges.jobs", "plug_eval.judges.jobs.*", "plug_eval.translate"]),
    ("reports", ["plug_eval.reports", "plug_eval.reports.alpacaeval_lc", "plug_eval.reports.benchmarks",
                 "plug_eval.reports.browser", "plug_eval.reports.exports", "plug_eval.reports.languages",
                 "plug_eval.reports.loading", "plug_eval.reports.model", "plug_eval.reports.render",
                 "plug_eval.reports.versus"]),
    ("demo", ["plug_eval.demo", "plug_eval.demo.*"]),
    ("cli", ["plug_eval.cli", "plug_eval.judges.cli", "plug_eval.judges.__main__", "plug_eval.reports.cli",
             "plug_eval.judges.reproduce",
             "plug_eval.__main__", "plug_train.cli", "plug_train.__main__"]),
]
TRAIN_ALLOWED = {"leaf", "core"}

#: The one function that may rename a temporary file over a target (and its twin for a folder),
#: the one that decodes JSON lines, and the one that turns a run's outcomes into summary statistics.
OWNERS = {
    "atomic-write": {"plug_eval.files.write_atomic", "plug_eval.files.replace_path"},
    "jsonl-reader": {"plug_eval.files._decode_lines"},
    "summary-builder": {"plug_eval.judges.summaries.build_summaries"},
}

KNOWN_VIOLATIONS: set[tuple[str, ...]] = set()


@dataclass
class Module:
    name: str
    path: Path
    is_package: bool
    imports: list[tuple[str, bool]] = field(default_factory=list)  #: (module, only under TYPE_CHECKING)
    relative: bool = False
    tree: ast.Module | None = None


def _module_name(path: Path) -> tuple[str, bool] | None:
    rel = path.relative_to(ROOT)
    if rel.parts[0] not in SOURCES:
        return None
    parts = [SOURCES[rel.parts[0]], *rel.parts[1:-1]]
    if rel.stem != "__init__":
        parts.append(rel.stem)
    return ".".join(parts), rel.stem == "__init__"


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                ids.update(id(n) for n in ast.walk(child))
    return ids


def load_modules() -> dict[str, Module]:
    modules: dict[str, Module] = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            named = _module_name(path)
            if named is None or "__pycache__" in path.parts:
                continue
            name, is_package = named
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            modules[name] = Module(name, path, is_package, tree=tree)
    for mod in modules.values():
        _collect_imports(mod, modules)
    return modules


def _resolve(name: str, modules: dict[str, Module]) -> str | None:
    """The module of ours that importing ``name`` runs (its longest known prefix)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def _collect_imports(mod: Module, modules: dict[str, Module]) -> None:
    assert mod.tree is not None
    typing_only = _type_checking_nodes(mod.tree)
    package = mod.name if mod.is_package else mod.name.rpartition(".")[0]
    build_time = mod.name.startswith("plug_eval.data.")
    for node in ast.walk(mod.tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
            if build_time:  # sys.path imports of siblings
                targets = [f"plug_eval.data.{t}" if f"plug_eval.data.{t}" in modules else t for t in targets]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                mod.relative = True
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
                if build_time and f"plug_eval.data.{module}" in modules:
                    module = f"plug_eval.data.{module}"
            # "from pkg import sub" imports the submodule when there is one
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)):
            targets = [node.args[0].value]
        for target in targets:
            resolved = _resolve(target, modules)
            if resolved is not None and resolved != mod.name:
                mod.imports.append((resolved, id(node) in typing_only))


def layer_of(name: str) -> str:
    if name.startswith("plug_eval.data."):
        return "build-time"
    for layer, patterns in LAYERS:
        if any(fnmatchcase(name, p) for p in patterns):
            return layer
    if name.startswith("plug_train"):
        return "train"
    raise AssertionError(f"{name}: no layer; add it to LAYERS in tests/test_layers.py")


def _rank(layer: str) -> int:
    return [name for name, _ in LAYERS].index(layer)


def _direction_violations(modules: dict[str, Module]) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for mod in modules.values():
        src = layer_of(mod.name)
        if src == "build-time":
            found.add(("build-time", mod.name))
            continue
        for target, _ in mod.imports:
            dst = layer_of(target)
            if dst == "build-time":
                bad = True
            elif src == "train":
                bad = dst not in TRAIN_ALLOWED | {"train"}
            elif dst == "train":
                bad = not mod.name.startswith("plug_train")  # plug_eval never imports plug_train
            else:
                bad = _rank(dst) > _rank(src)
            if bad:
                found.add(("upward", mod.name, target))
    return found


def _cycles(modules: dict[str, Module]) -> set[tuple[str, ...]]:
    """Strongly connected components of more than one module (Tarjan), runtime imports only."""
    graph = {m.name: sorted({t for t, typing_only in m.imports if not typing_only}) for m in modules.values()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[tuple[str, ...]] = set()

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(("cycle", *sorted(component)))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def _functions(mod: Module) -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    out = []
    assert mod.tree is not None

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((f"{prefix}.{child.name}", child))
                walk(child, f"{prefix}.{child.name}")
            elif isinstance(child, ast.ClassDef):
                walk(child, f"{prefix}.{child.name}")
            else:
                walk(child, prefix)

    walk(mod.tree, mod.name)
    return out


def _own_nodes(fn: ast.AST) -> list[ast.AST]:
    """The nodes of a function, not of the functions defined inside it."""
    out: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(fn))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out


def _is_rename(node: ast.AST) -> bool:
    """``os.replace``/``os.rename`` or ``Path.replace/rename(target)`` (one argument, unlike str.replace)."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return False
    if node.func.attr not in ("replace", "rename"):
        return False
    on_os = isinstance(node.func.value, ast.Name) and node.func.value.id == "os"
    return on_os or (len(node.args) == 1 and not node.keywords)


def _is_json_loads(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "loads"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "json")


def _decodes_lines(fn: ast.AST) -> bool:
    """``json.loads`` inside a loop or comprehension of this function: a JSON-lines decoder."""
    for node in _own_nodes(fn):
        if isinstance(node, (ast.For, ast.While, ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp)):
            if any(_is_json_loads(n) for n in ast.walk(node)):
                return True
    return False


def _builds_summaries(fn: ast.AST) -> bool:
    for node in _own_nodes(fn):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("comparison_stats", "many_comparison_stats")):
            return True
    return False


def _owner_violations(modules: dict[str, Module]) -> tuple[set[tuple[str, ...]], dict[str, set[str]]]:
    seen: dict[str, set[str]] = {kind: set() for kind in OWNERS}
    for mod in modules.values():
        if mod.name == "plug_eval.stats":
            continue  # comparison_stats is defined there on top of many_comparison_stats
        for qualname, fn in _functions(mod):
            if any(_is_rename(n) for n in _own_nodes(fn)):
                seen["atomic-write"].add(qualname)
            if _decodes_lines(fn):
                seen["jsonl-reader"].add(qualname)
            if _builds_summaries(fn):
                seen["summary-builder"].add(qualname)
    found = {(kind, name) for kind, names in seen.items() for name in names - OWNERS[kind]}
    return found, seen


def all_violations() -> set[tuple[str, ...]]:
    modules = load_modules()
    found = _direction_violations(modules) | _cycles(modules)
    found |= {("relative", m.name) for m in modules.values()
              if m.relative and m.name.startswith("plug_eval") and layer_of(m.name) != "build-time"}
    found |= _owner_violations(modules)[0]
    return found


def test_every_module_has_a_layer():
    for name in load_modules():
        layer_of(name)


def test_imports_point_down_without_cycles_and_the_known_list_is_exact():
    found = all_violations()
    new = sorted(found - KNOWN_VIOLATIONS)
    fixed = sorted(KNOWN_VIOLATIONS - found)
    assert not new, f"new layer violations: {new}"
    assert not fixed, f"no longer violated, remove from KNOWN_VIOLATIONS: {fixed}"


JOB_PACKAGES = ("plug_eval.judges", "plug_eval.translate", "plug_eval.tasks", "plug_eval.reports", "plug_eval.demo",
                "plug_train")


def test_the_call_layer_knows_no_job():
    """``plug_eval.llm`` imports no job, and names none in a string (a registry entry, a lazy import):
    a job joins it from above, as the judging wing adds its ``rules`` backend."""
    modules = load_modules()
    layer = {name: m for name, m in modules.items() if name == "plug_eval.llm" or name.startswith("plug_eval.llm.")}
    assert len(layer) >= 10, sorted(layer)
    for name, mod in layer.items():
        assert mod.tree is not None
        imported = [t for t, _ in mod.imports if t.startswith(JOB_PACKAGES)]
        named = [n.value for n in ast.walk(mod.tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and any(n.value.startswith(p + ".") or n.value.startswith(p + ":") for p in JOB_PACKAGES)]
        assert not imported and not named, f"{name} knows a job: {imported or named}"


def test_one_atomic_writer_one_jsonl_decoder_one_summary_builder():
    _, seen = _owner_violations(load_modules())
    for kind, owners in OWNERS.items():
        assert owners <= seen[kind], f"{kind}: {owners} no longer found; the detector or the owner changed"
        assert len(owners) == (2 if kind == "atomic-write" else 1)  # a file's swap and a folder's


def test_the_checker_sees_lazy_upward_and_circular_imports(tmp_path, monkeypatch):
    """The rules catch what they claim to: a lazy upward import, a cycle, a relative import."""
    fake = {"plug_eval": tmp_path / "plug_eval"}
    (tmp_path / "plug_eval").mkdir()
    (tmp_path / "plug_eval" / "__init__.py").write_text("")
    (tmp_path / "plug_eval" / "stats.py").write_text("def f():\n    from plug_eval import cli\n")
    (tmp_path / "plug_eval" / "langid.py").write_text("from . import ranking\n")
    (tmp_path / "plug_eval" / "ranking.py").write_text("import plug_eval.langid\n")
    (tmp_path / "plug_eval" / "cli.py").write_text("import os\n")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    monkeypatch.setitem(globals(), "SOURCES", {k: SOURCES[k] for k in fake})
    modules = load_modules()
    assert ("upward", "plug_eval.stats", "plug_eval.cli") in _direction_violations(modules)
    assert _cycles(modules) == {("cycle", "plug_eval.langid", "plug_eval.ranking")}
    assert modules["plug_eval.langid"].relative and not modules["plug_eval.ranking"].relative


def _readme_layers() -> dict[str, set[str]]:
    """The README's layer table, as {layer: module names} (a bare name is under ``plug_eval.``)."""
    rows: dict[str, set[str]] = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) != 3 or cells[0] == "layer":
            continue
        names = re.findall(r"`([a-z_.]+)`", cells[1])
        if names:
            rows[cells[0]] = {n if n.startswith("plug_") else "plug_eval." + n for n in names}
    return rows


def test_the_readme_layer_table_matches_the_layers_the_test_holds():
    code = {("CLIs" if k == "cli" else k): {p for p in pats if "*" not in p and not p.endswith("__main__")}
            for k, pats in LAYERS}
    readme = {k: v for k, v in _readme_layers().items() if k in code}  # the folder table has other rows
    assert readme == code
