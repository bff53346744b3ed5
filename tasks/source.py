"""Where a benchmark's data comes from, and checking it before a model sees it.

One loader for all three benchmarks; each benchmark's ``data.py`` describes itself with a
:class:`Source` (hub repository and revision, paper-layout file prefix, its own row fields).

Three places, in this order of precedence: the task metadata key ``<benchmark>_data_dir``, the
environment variable ``<BENCHMARK>_DATA_DIR``, else the Hugging Face dataset at a pinned
revision.  The word ``sample`` (in either place) selects the small sample shipped with
plug-eval, which is marked as such in every document so it is never mistaken for the benchmark.
A benchmark whose hub revision is not verified yet has no hub source: asking for it is an error
that names the variable to set.

A local folder holds one file per language, as a JSON list or JSON Lines, in either layout:
the dataset cards' ``english.json`` ... ``spanish.json`` (``.jsonl`` too), or the paper scripts'
``zh/svamp_zh.json`` (``<code>/<prefix>_<code>.json``) where the benchmark has a prefix.  Every
row of every language file present is checked, and the files must hold the same ids (they are
translations).  Offline with nothing given is an error, never a silent fallback.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from plug_eval.errors import DataError
from plug_eval.files import jsonl_rows, parse_json
from plug_eval.languages import LANGUAGES

SAMPLE = "sample"


class RowProblem(ValueError):
    """Raised by a benchmark's row check; the loader adds the file, row number and id."""


@dataclass(frozen=True)
class Loaded:
    """The rows of one language plus where they came from."""

    rows: list[dict]
    source: str  # "sample", "dir:/abs/path" or "hub:repo@revision"
    sha256: dict[str, str] = field(default_factory=dict)  # file (relative) -> digest, every file read
    file: str = ""  # the file of the language asked for, a key of sha256


@dataclass(frozen=True)
class Source:
    """One benchmark's data: where it lives and what a row must hold."""

    benchmark: str  #: task-name prefix, e.g. "xsvamp"
    title: str  #: e.g. "X-SVAMP"
    hub_repo: str
    hub_revision: str | None  #: None until a revision has been checked against our loader
    fields: Callable[[dict], dict]  #: a row's own fields, checked; raises RowProblem
    paper_prefix: str | None = None  #: "svamp" accepts zh/svamp_zh.json

    @property
    def meta_key(self) -> str:
        return f"{self.benchmark}_data_dir"

    @property
    def env_var(self) -> str:
        return f"{self.benchmark.upper()}_DATA_DIR"

    def how_to(self) -> str:
        stems = ", ".join(LANGUAGES[c].data_file for c in LANGUAGES)
        layouts = f"{stems}" + (f"; or {self._paper_name('zh', '.json')} and so on"
                                if self.paper_prefix else "")
        return (f"pass --metadata '{{\"{self.meta_key}\": \"DIR\"}}' or set {self.env_var}=DIR "
                f"(a folder with {layouts}), or use the word '{SAMPLE}' for the small sample "
                "shipped with plug-eval")

    def sample_dir(self) -> Path:
        # files("plug_eval.tasks"), not files("plug_eval") / "tasks": see PACKAGING.md, pitfall 3
        return Path(str(files("plug_eval.tasks") / self.benchmark / "sample"))

    def choose(self, metadata: dict | None) -> str:
        """The data location asked for: a folder path, 'sample', or '' for the hub."""
        given = (metadata or {}).get(self.meta_key) or os.environ.get(self.env_var) or ""
        return str(given).strip()

    def load(self, lang: str, metadata: dict | None = None) -> Loaded:
        """Rows for ``lang``, validated, with provenance."""
        where = self.choose(metadata)
        if where == SAMPLE:
            return _load_dir(self, self.sample_dir(), lang, label=SAMPLE)
        if where:
            path = Path(where).expanduser().resolve()
            if not path.is_dir():
                raise DataError(f"{self.title} data folder does not exist; {self.how_to()}", path)
            return _load_dir(self, path, lang, label=f"dir:{path}")
        revision = (metadata or {}).get(f"{self.benchmark}_revision") or self.hub_revision
        if not revision:
            raise DataError(f"{self.title} has no verified Hugging Face Hub revision yet; "
                            f"{self.how_to()}", f"hf://datasets/{self.hub_repo}")
        folder = _hub_snapshot(self, revision)
        return _load_dir(self, folder, lang, label=f"hub:{self.hub_repo}@{revision}")

    def _paper_name(self, lang: str, suffix: str) -> str:
        return f"{lang}/{self.paper_prefix}_{lang}{suffix}"

    def candidates(self, lang: str) -> list[str]:
        """Relative file names that may hold ``lang``, in order of preference."""
        stem = LANGUAGES[lang].data_file.rsplit(".", 1)[0]
        names = [f"{stem}.json", f"{stem}.jsonl"]
        if self.paper_prefix:
            names += [self._paper_name(lang, ".json"), self._paper_name(lang, ".jsonl")]
        return names


def source(benchmark: str) -> Source:
    """The Source of one of our benchmarks (its ``plug_eval.tasks.<benchmark>.data.SOURCE``)."""
    return importlib.import_module(f"plug_eval.tasks.{benchmark}.data").SOURCE


def _hub_snapshot(src: Source, revision: str) -> Path:
    """Download (or find in the local cache) the dataset files; one clear line if we can't."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(src.hub_repo, repo_type="dataset", revision=revision,
                                      allow_patterns=["*.json", "*.jsonl"]))
    except Exception as exc:  # offline, no cache, hub down, bad revision: all the same to a user
        raise DataError(f"cannot get {src.title} from the Hugging Face Hub "
                        f"({type(exc).__name__}); {src.how_to()}",
                        f"hf://datasets/{src.hub_repo}") from None


def _find_file(src: Source, root: Path, lang: str) -> str | None:
    return next((n for n in src.candidates(lang) if (root / n).is_file()), None)


def _load_dir(src: Source, root: Path, lang: str, label: str) -> Loaded:
    target = _find_file(src, root, lang)
    if target is None:
        names = " or ".join(n for n in src.candidates(lang) if n.endswith(".json"))
        raise DataError(f"no {names} (or .jsonl) for language '{lang}'; {src.how_to()}", root)
    present = {code: name for code in LANGUAGES if (name := _find_file(src, root, code))}
    tables = {code: _read_checked(src, str(root / name), (root / name).stat().st_mtime_ns)
              for code, name in present.items()}
    _check_aligned(tables, {c: root / n for c, n in present.items()}, lang)
    return Loaded([dict(r) for r in tables[lang][0]], label,
                  {present[c]: tables[c][1] for c in sorted(tables)}, target)


@lru_cache(maxsize=64)
def _read_checked(src: Source, path: str, _mtime: int) -> tuple[tuple[dict, ...], str]:
    """Parse and validate one file (cached per benchmark, path and modification time)."""
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 (byte {exc.start})", path) from None
    rows = _parse(text, path)
    if not isinstance(rows, list) or not rows:
        raise DataError("no rows", path)
    seen: set[str] = set()
    return tuple(_check_row(src, row, n, path, seen) for n, row in enumerate(rows, 1)), digest


def _parse(text: str, path: str) -> object:
    """A JSON list, or JSON Lines; a syntax error is one line located as ``path:line``."""
    if text.lstrip().startswith("["):
        return parse_json(text, path, DataError)
    return [value for _, value in jsonl_rows(text, path, DataError)]


def _check_row(src: Source, row: object, n: int, path: str, seen: set[str]) -> dict:
    """id and instruction for every benchmark, then the benchmark's own fields."""
    if not isinstance(row, dict):
        raise DataError(f"row {n}: expected an object with id and instruction", path)
    rid = row.get("id")
    if rid is None or str(rid).strip() == "":
        raise DataError(f"row {n}: missing id", path)
    rid = str(rid)
    if rid in seen:
        raise DataError(f"row {n}: duplicate id {rid!r}", path)
    seen.add(rid)
    instruction = row.get("instruction")
    if not isinstance(instruction, str) or not instruction.strip():
        raise DataError(f"row {n} (id {rid!r}): empty or missing instruction", path)
    try:
        own = src.fields(row)
    except RowProblem as problem:
        raise DataError(f"row {n} (id {rid!r}): {problem}", path) from None
    return {"id": rid, **own, "instruction": instruction}


def _check_aligned(tables: dict, paths: dict[str, Path], lang: str) -> None:
    """Every language file in the folder must hold the same ids (they are translations)."""
    want = [r["id"] for r in tables[lang][0]]
    for code, (rows, _) in tables.items():
        if code == lang:
            continue
        ids = {r["id"] for r in rows}
        missing = [i for i in want if i not in ids]
        extra = sorted(ids - set(want))
        if missing or extra:
            bad = (missing or extra)[:5]
            raise DataError(f"ids not aligned with {paths[lang].name}: "
                            f"{len(missing)} missing here, {len(extra)} extra (e.g. {bad})",
                            paths[code])
