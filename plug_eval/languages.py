"""The one table of languages that tasks, trainer, judges and reports read: one YAML file a language.

The built-in languages are the files in ``plug_eval/data/languages`` (``_order.yaml`` gives their
order).  A user adds or overrides languages with a folder of such files, named by the
environment variable ``PLUG_EVAL_LANGUAGES`` (or ``--languages DIR`` where a command takes it,
which sets the variable for the command and what it starts).  The fields are in
``docs/languages.md``: ``code``, ``name`` and ``header`` are required, the others have defaults.
The files are read on first use, not on ``import plug_eval``, and read again when the variable
changes.  A file that cannot be used is a :class:`~plug_eval.errors.PlugEvalError` naming the
file and the field.

The system prompts and response headers are an interface: models trained the PLUG way expect
these strings byte for byte, so change them only with a task version bump.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from plug_eval.errors import PlugEvalError

ENV = "PLUG_EVAL_LANGUAGES"
BUILTIN_DIR = Path(__file__).resolve().parent / "data" / "languages"
ORDER_FILE = "_order.yaml"
DEFAULT_PIVOT = "en"

DIRECT_SYSTEM = "Please respond to the following user message in {target}."
PIVOT_SYSTEM = (
    "Please interpret the instruction in {pivot}, and then respond both in {pivot} and in {target}."
)

#: Scripts whose text :func:`answer_units` counts one unit per character.
CHARACTER_SCRIPTS = ("Hans", "Hant", "Hani", "Jpan", "Hira", "Kana", "Kore", "Hang")
NUMBER_READERS = ("positional", "counted", "words")
JUDGE_TEMPLATES = ("pairwise", "single", "truthful", "informative")


@dataclass(frozen=True, eq=False)
class Language:
    code: str  #: ISO 639 code, also the suffix of task names (``xalpacaeval_zh``)
    name: str  #: English name, used inside the system prompts
    native: str  #: the language's own name for itself
    script: str  #: ISO 15924 script of the answers
    header: str  #: the line that opens this language's block in a PLUG response
    data_file: str  #: file name in the X-AlpacaEval dataset (and the other benchmarks')
    langid: str = ""  #: py3langid's code for it (default: ``code``)
    langid_also: tuple[str, ...] = ()  #: py3langid codes counted as this language too
    units: str = "words"  #: ``words`` or ``characters``: how answer_units measures its text
    labels: tuple[str, str] = ("Instruction", "Response")  #: translation part labels
    expansion: float = 1.3  #: translation output tokens per English token (dry-run estimate)
    units_per_word: float = 1.0  #: length units a translation has per English word
    decimal_mark: str = "."  #: X-SVAMP: "." or ","
    multipliers: Mapping[str, float] = field(default_factory=dict)  #: after digits: 3万
    not_multipliers: tuple[str, ...] = ()  #: words that open with a multiplier (만큼)
    number_words: Mapping[str, Any] = field(default_factory=dict)  #: X-SVAMP's word reader
    injection: tuple[str, ...] = ()  #: regexes of text aimed at the judge
    judge_templates: Mapping[str, str] = field(default_factory=dict)  #: jinja2, by default name
    smoke_words: tuple[str, ...] = ()  #: everyday words for offline synthetic data
    word_separator: str = " "
    full_stop: str = "."
    source: str = ""  #: the file it was read from

    @property
    def builtin(self) -> bool:
        return Path(self.source).parent == BUILTIN_DIR

    def task_fields(self) -> dict[str, Any]:
        """What an lm-eval task of this language depends on (its prompts, data and scoring)."""
        keep = ("code", "name", "native", "script", "header", "data_file", "langid", "langid_also", "units",
                "decimal_mark", "multipliers", "not_multipliers", "number_words")
        return {k: _plain(getattr(self, k)) for k in keep}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


# --- reading a file -----------------------------------------------------------------------------
_REQUIRED = ("code", "name", "header")
_TEXT = ("native", "script", "data_file", "langid", "units", "decimal_mark", "word_separator", "full_stop")
_NUMBERS = ("expansion", "units_per_word")
_LISTS = ("langid_also", "not_multipliers", "injection", "smoke_words")
KEYS = frozenset(f.name for f in fields(Language)) - {"source"}
_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _load_yaml(path: Path) -> Any:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise PlugEvalError(f"cannot read the language file: {err}", path) from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise PlugEvalError(f"not valid YAML{where}: {getattr(err, 'problem', None) or err}", path) from None


def read_file(path: str | os.PathLike[str]) -> Language:
    """One language file, checked; a problem is one line naming the file and the field."""
    path = Path(path)
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise PlugEvalError("a language file is a YAML mapping of fields (code, name, header, ...)", path)
    return from_mapping(data, path)


def from_mapping(data: Mapping[str, Any], where: str | os.PathLike[str]) -> Language:
    """A :class:`Language` from a file's fields (or a task's copy of them), checked."""
    bad = sorted(str(k) for k in data if k not in KEYS)
    if bad:
        raise PlugEvalError(f"{bad[0]}: not a field of a language file (see docs/languages.md)", where)
    for key in (*_REQUIRED, *_TEXT):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise PlugEvalError(f"{key}: must be text, not {data[key]!r} (quote it)", where)
    for key in _REQUIRED:
        if not _text(data.get(key)):
            raise PlugEvalError(f"{key}: missing (a language needs code, name and header)", where)
    code = data["code"].strip()
    if not _CODE.fullmatch(code):
        raise PlugEvalError(f"code: {code!r} is not a language code (ISO 639, e.g. de or pt-BR)", where)
    header = data["header"].strip()
    if not header.endswith((":", "：")):
        raise PlugEvalError(f"header: {header!r} must end with a colon (: or ：), as PLUG's headers do: the "
                            "answer is found after it", where)
    values = {k: v for k, v in data.items() if v is not None}  # an empty field takes its default
    values.update(code=code, name=data["name"].strip(), header=header)
    values.setdefault("native", values["name"])
    values.setdefault("script", "Latn")
    values.setdefault("data_file", values["name"].lower() + ".json")
    values.setdefault("langid", code)
    values.setdefault("units", "characters" if values["script"] in CHARACTER_SCRIPTS else "words")
    values.setdefault("units_per_word", 1.5 if values["units"] == "characters" else 1.0)
    _check_values(values, where)
    return Language(**{k: _frozen(v) for k, v in values.items()}, source=str(where))


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _check_values(v: dict[str, Any], where: str | os.PathLike[str]) -> None:
    def bad(key: str, why: str) -> PlugEvalError:
        return PlugEvalError(f"{key}: {why}", where)

    if v["units"] not in ("words", "characters"):
        raise bad("units", f"{v['units']!r}: words or characters")
    if v["units"] == "characters" and v["script"] not in CHARACTER_SCRIPTS:
        raise bad("units", f"plug-eval counts characters only in Han, kana and Hangul text, not in "
                           f"script {v['script']}; use words")
    if v.get("decimal_mark", ".") not in (".", ","):
        raise bad("decimal_mark", f"{v['decimal_mark']!r}: \".\" or \",\"")
    for key in _NUMBERS:
        if key in v and (isinstance(v[key], bool) or not isinstance(v[key], (int, float)) or v[key] <= 0):
            raise bad(key, f"{v[key]!r}: a positive number")
    for key in _LISTS:
        if key in v and not (isinstance(v[key], list) and all(_text(x) for x in v[key])):
            raise bad(key, "a list of texts")
    labels = v.get("labels")
    if labels is not None and not (isinstance(labels, list) and len(labels) == 2 and all(map(_text, labels))):
        raise bad("labels", "two texts: the instruction's label and the response's")
    for n, pattern in enumerate(v.get("injection", ()), 1):
        try:
            re.compile(pattern)
        except re.error as err:
            raise bad("injection", f"pattern {n} is not a regular expression ({err})") from None
    _check_mapping(v, "multipliers", lambda x: _number(x), "each a text and its value (万: 10000)", bad)
    _check_mapping(v, "judge_templates", _text, f"templates named {', '.join(JUDGE_TEMPLATES)}", bad,
                   keys=JUDGE_TEMPLATES)
    if v.get("number_words"):
        _check_number_words(v["number_words"], bad)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_mapping(v: dict[str, Any], key: str, ok: Any, what: str, bad: Any,
                   keys: tuple[str, ...] | None = None) -> None:
    value = v.get(key)
    if value is None:
        return
    if not isinstance(value, dict) or not all(_text(k) and ok(x) for k, x in value.items()) \
            or (keys and not set(value) <= set(keys)):
        raise bad(key, what)


_READER_FIELDS = {
    "positional": {"digits": "map", "units": "map", "big": "map", "decimal_digits": "text", "minus": "text",
                   "point": "text", "counters": "list"},
    "counted": {"tens": "map", "ones": "map", "counters": "list", "letters": "text"},
    "words": {"values": "map"},
}


def _check_number_words(words: Any, bad: Any) -> None:
    key = "number_words"
    if not isinstance(words, dict) or words.get("reader") not in NUMBER_READERS:
        raise bad(key, f"a mapping with a reader: {', '.join(NUMBER_READERS)}")
    spec = _READER_FIELDS[words["reader"]]
    what = {"text": "a text", "list": "a list of texts",
            "map": "a mapping of words to numbers (quote yes, no, on, off and null: YAML reads them as other values)"}
    for name, value in words.items():
        kind = spec.get(name)
        if name == "reader":
            continue
        if kind is None:
            raise bad(key, f"{name}: not a field of the {words['reader']} reader (fields: {', '.join(spec)})")
        ok = (kind == "text" and _text(value)
              or kind == "list" and isinstance(value, list) and all(map(_text, value))
              or kind == "map" and isinstance(value, dict) and bool(value)
              and all(_text(k) and _number(x) for k, x in value.items()))
        if not ok:
            raise bad(key, f"{name}: {what[kind]}")
    missing = [n for n, kind in spec.items() if kind == "map" and n not in words]
    if missing:
        raise bad(key, f"the {words['reader']} reader needs {', '.join(missing)}")


# --- the table ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Table:
    by_code: dict[str, Language]
    builtin: tuple[str, ...]


_tables: dict[str, _Table] = {}
_registered: dict[str, Language] = {}  #: added at run time (a task's own copy of its language)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("_"))


def _builtin() -> tuple[dict[str, Language], tuple[str, ...]]:
    order = _load_yaml(BUILTIN_DIR / ORDER_FILE)
    found = {lang.code: lang for lang in map(read_file, _folder_files(BUILTIN_DIR))}
    if not isinstance(order, list) or sorted(order) != sorted(found):
        raise PlugEvalError("must list every built-in language file's code once", BUILTIN_DIR / ORDER_FILE)
    return {code: found[code] for code in order}, tuple(order)


def _user(folder: str) -> dict[str, Language]:
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise PlugEvalError(f"{ENV} (or --languages) names no folder of language files", path)
    out: dict[str, Language] = {}
    for file in _folder_files(path):
        lang = read_file(file)
        if lang.code in out:
            raise PlugEvalError(f"code: {lang.code!r} is also the code of {Path(out[lang.code].source).name}",
                                file)
        out[lang.code] = lang
    return out


def _table() -> _Table:
    folder = os.environ.get(ENV, "").strip()
    table = _tables.get(folder)
    if table is None:
        by_code, builtin = _builtin()
        by_code.update(_user(folder) if folder else {})
        table = _tables[folder] = _Table(by_code, builtin)
    return table


class _Languages(Mapping[str, Language]):
    """Every known language by code, in the table's order: the built-in ones, then the user's."""

    def _all(self) -> dict[str, Language]:
        table = _table().by_code
        return {**table, **{c: lang for c, lang in _registered.items() if c not in table}}

    def __getitem__(self, code: str) -> Language:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"LANGUAGES({', '.join(self)})"


LANGUAGES: Mapping[str, Language] = _Languages()


def builtin() -> tuple[str, ...]:
    """The codes of the languages plug-eval ships (its tasks are generated for these)."""
    return _table().builtin


def targets() -> tuple[str, ...]:
    """The built-in languages X-AlpacaEval was translated into (English is the source)."""
    return tuple(c for c in builtin() if c != DEFAULT_PIVOT)


def __getattr__(name: str) -> Any:
    if name == "TARGETS":  # computed on first use: importing this module reads no file
        return targets()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def unknown(code: str) -> str:
    """What to say about a code no language file has."""
    return (f"unknown language code {code!r}; known: {', '.join(LANGUAGES)} (add a language with a file "
            f"in the folder {ENV} or --languages names: docs/languages.md)")


def get(code: str) -> Language:
    """Look a language up by code, with a clear error for codes we do not know."""
    try:
        return LANGUAGES[code]
    except KeyError:
        raise ValueError(unknown(code)) from None


def register(lang: Language) -> Language:
    """Make ``lang`` known in this process unless the table has its code; returns the one in use.

    A task generated for a language (``plug-eval tasks add-language``) carries that language's
    fields, so plain ``lm_eval`` runs it with no language folder; a table that has the code with
    other task fields is an error, since the task would not be what it was generated as.
    """
    have = LANGUAGES.get(lang.code)
    if have is None:
        _registered[lang.code] = lang
        return lang
    if have.task_fields() != lang.task_fields():
        diff = sorted(k for k, v in lang.task_fields().items() if have.task_fields()[k] != v)
        raise PlugEvalError(f"{', '.join(diff)}: the task's language {lang.code!r} differs from the one in "
                            f"{have.source}; write the tasks again (plug-eval tasks add-language)", lang.source)
    return have


class FolderFlag(argparse.Action):
    """``--languages DIR``: the folder of the user's language files, for this command and what it
    starts (it sets :data:`ENV`); the files are read and checked when first needed."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        os.environ[ENV] = str(values)
        setattr(namespace, self.dest, values)


def add_flag(parser: Any) -> None:
    """Add ``--languages DIR`` to a parser or argument group."""
    parser.add_argument("--languages", metavar="DIR", action=FolderFlag,
                        help=f"a folder of language files adding or overriding languages (or set {ENV})")


def direct_system_prompt(target: str) -> str:
    return DIRECT_SYSTEM.format(target=get(target).name)


def pivot_system_prompt(target: str, pivot: str = DEFAULT_PIVOT) -> str:
    return PIVOT_SYSTEM.format(pivot=get(pivot).name, target=get(target).name)


# One unit per CJK ideograph, kana or Hangul syllable; one per run of letters elsewhere.
# Digits and punctuation do not count. This is the length used by metrics and by the
# length-controlled statistics, so Chinese and Korean are not measured in "words".
_UNIT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]"
    r"|[^\W\d_\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+"
)


def answer_units(text: str) -> int:
    """Script-aware length: CJK/Hangul characters plus words of other scripts."""
    return len(_UNIT.findall(text or ""))
