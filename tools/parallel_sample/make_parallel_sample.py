"""Write ``parallel_sample.jsonl``: the small parallel instruction set the demo trains on.

    python tools/parallel_sample/make_parallel_sample.py            # (re)write the file
    python tools/parallel_sample/make_parallel_sample.py --check    # exit 1 if the file is stale
    python tools/parallel_sample/make_parallel_sample.py --data DIR --out FILE   # another copy of the data

The rows are data, in ``data/`` (written for this project in our own words): ``sample.yaml``
names the languages, the seed and the files; each file is a list of *kinds*.  A kind has
instruction phrasings (``instruction``, taking turns row by row) and a response phrasing
(``response``, or named ``responses`` that each row picks with ``use``): one string per language,
with ``{slot}`` fields.  Its ``rows`` give the slot values, one block per language (a slot outside
the blocks is the same in every language), or ``generate`` names a rule below that draws them.  A
kind without phrasings takes each row's own ``instruction`` and ``response``.  Each output row is
``{id, kind, instruction_<lang>, response_<lang>, ...}`` in the order of ``languages``.  Adding a
language is adding its code to ``languages`` (it must be in ``plug_eval/languages.py``, which
gives its script) and its block to every phrasing and row; nothing here changes.  None of the
instructions is taken from the X-AlpacaEval sample the demo evaluates on (a test checks that too).

Korean particles that depend on the preceding syllable (은/는, 이/가, 을/를, 과/와, 으로/로)
are chosen by :func:`josa`, written as a format spec: ``{city:은}``.  ``{x!c}`` capitalises the
first letter (English and Romance sentences that open with a slot); ``{items[0]}`` is the first
entry of a list slot.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from plug_eval import files, languages
from plug_eval.errors import PlugEvalError, fail

HERE = Path(__file__).resolve().parent  # tools/parallel_sample: the generator (build time only)
DATA = HERE / "data"  # the rows
OUT = HERE.parents[1] / "plug_eval" / "data" / "parallel_sample.jsonl"  # shipped as package data
INDEX = "sample.yaml"
KIND_KEYS = {"kind", "instruction", "response", "responses", "rows", "generate"}
Slots = dict[str, Any]

# --- Korean particles ------------------------------------------------------------------------
# (form after a final consonant, form after a vowel); 으로/로 also takes 로 after ㄹ.
_PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"),
          "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"),
          "으로": ("으로", "로"), "로": ("으로", "로"), "이며": ("이며", "며"), "며": ("이며", "며")}
# Final consonant (jongseong index) of each digit read in Sino-Korean: 일 이 삼 사 오 육 칠 팔 구.
_DIGIT_FINAL = {"1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_RIEUL = 8


def _final_consonant(word: str) -> int:
    """Jongseong index of the last syllable of ``word`` as read aloud (0 = none)."""
    word = word.rstrip("'\"”’) ")
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last.isdigit():
        if last == "0":  # 십, 백, 천, 만: all end in a consonant, none in ㄹ
            return 1
        return _DIGIT_FINAL[last]
    raise ValueError(f"cannot choose a Korean particle after {word!r}")


def josa(word: str, particle: str) -> str:
    """``word`` followed by the form of ``particle`` that fits its last sound."""
    after_consonant, after_vowel = _PAIRS[particle]
    final = _final_consonant(word)
    if particle in ("으로", "로"):
        return word + (after_vowel if final in (0, _RIEUL) else after_consonant)
    return word + (after_consonant if final else after_vowel)


class _Formatter(string.Formatter):
    def format_field(self, value: Any, spec: str) -> str:
        if spec in _PAIRS:
            return josa(str(value), spec)
        return super().format_field(value, spec)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "c":
            text = str(value)
            return text[:1].upper() + text[1:]
        return super().convert_field(value, conversion)


FMT = _Formatter()


# --- rules that draw rows (``generate: {rule: NAME, ...}``) -----------------------------------
def _pairs(rng: random.Random, count: int, low: int, high: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    while len(pairs) < count:
        pair = (rng.randint(low, high), rng.randint(low, high))
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def _sums(rng: random.Random, count: int, low: int, high: int) -> list[Slots]:
    """``count`` distinct pairs ``a``, ``b`` drawn from [low, high], and ``s = a + b``."""
    return [{"a": str(a), "b": str(b), "s": str(a + b)} for a, b in _pairs(rng, count, low, high)]


def _products(rng: random.Random, count: int, low: int, high: int) -> list[Slots]:
    """Like ``sums``, with ``p = a * b``."""
    return [{"a": str(a), "b": str(b), "p": str(a * b)} for a, b in _pairs(rng, count, low, high)]


def _scaled(rng: random.Random, numbers: list[int], factor: int, slot: str) -> list[Slots]:
    """Each of ``numbers`` as ``n``, and ``n * factor`` in ``slot`` (hours to minutes...)."""
    return [{"n": str(n), slot: str(factor * n)} for n in numbers]


def _parity(rng: random.Random, numbers: list[int]) -> list[Slots]:
    """Each of ``numbers`` as ``n``, answered with the kind's ``even`` or ``odd`` response."""
    return [{"n": str(n), "use": "odd" if n % 2 else "even"} for n in numbers]


def _sorted_lists(rng: random.Random, count: int) -> list[Slots]:
    """``count`` lists of 4 to 6 distinct numbers below 100 and the same sorted, joined with ", "
    (``xs``, ``ys``) and with the Chinese list comma "、" (``xz``, ``yz``)."""
    out = []
    for _ in range(count):
        xs = rng.sample(range(1, 100), rng.randint(4, 6))
        out.append({"xs": ", ".join(map(str, xs)), "xz": "、".join(map(str, xs)),
                    "ys": ", ".join(map(str, sorted(xs))), "yz": "、".join(map(str, sorted(xs)))})
    return out


RULES: dict[str, Callable[..., list[Slots]]] = {
    "sums": _sums, "products": _products, "scaled": _scaled, "parity": _parity, "sorted_lists": _sorted_lists}


# --- reading the data ------------------------------------------------------------------------
def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise PlugEvalError(f"cannot read: {err.strerror or err}", path) from None
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise PlugEvalError(f"not valid YAML: {where}{getattr(err, 'problem', None) or err}", path) from None


def load_index(data: Path) -> tuple[list[str], int, list[Path]]:
    """``sample.yaml``: the languages (in output order), the seed of the drawn rows, the files."""
    path = data / INDEX
    index = _read_yaml(path)
    if not isinstance(index, dict) or not {"languages", "seed", "files"} <= index.keys():
        raise PlugEvalError("needs languages, seed and files", path)
    langs, seed, names = index["languages"], index["seed"], index["files"]
    if not isinstance(langs, list) or not all(isinstance(c, str) for c in langs) or len(set(langs)) != len(langs) \
            or not langs:
        raise PlugEvalError("languages: must be a list of distinct language codes", path)
    for code in langs:
        try:
            languages.get(code)
        except ValueError as err:
            raise PlugEvalError(f"languages: {err}", path) from None
    if not isinstance(seed, int) or not isinstance(names, list) or not names:
        raise PlugEvalError("seed must be a number and files a list of file names", path)
    return langs, seed, [data / str(name) for name in names]


def load_kinds(path: Path) -> list[dict[str, Any]]:
    kinds = _read_yaml(path)
    if not isinstance(kinds, list):
        raise PlugEvalError("must be a list of kinds", path)
    for n, kind in enumerate(kinds, 1):
        if not isinstance(kind, dict) or not isinstance(kind.get("kind"), str):
            raise PlugEvalError(f"entry {n}: needs a kind name", path)
        unknown = sorted(set(kind) - KIND_KEYS)
        if unknown or ("rows" in kind) == ("generate" in kind) or {"response", "responses"} <= kind.keys():
            raise PlugEvalError(f"kind {kind['kind']!r}: fields are {', '.join(sorted(KIND_KEYS))}, with rows or "
                                f"generate (not both) and response or responses (not both); got {sorted(kind)}",
                                path)
    return kinds


# --- rendering -------------------------------------------------------------------------------
def _phrasing(value: Any, langs: list[str], where: str) -> dict[str, str]:
    """One string per language; a language the sample has but the phrasing lacks is an error."""
    if not isinstance(value, dict):
        raise ValueError(f"{where}: must give one string per language")
    missing = [lang for lang in langs if not isinstance(value.get(lang), str)]
    if missing:
        raise ValueError(f"{where}: no {', '.join(missing)} text")
    return {lang: value[lang] for lang in langs}


def _row_slots(row: Any, langs: list[str], drawn: bool, where: str) -> tuple[str | None, dict[str, Slots]]:
    """(the response it picks, its slots in each language): its language blocks over its shared slots."""
    if not isinstance(row, dict):
        raise ValueError(f"{where}: must be a mapping of language blocks")
    strays = sorted(key for key, value in row.items() if isinstance(value, dict) and key not in langs)
    if strays:
        raise ValueError(f"{where}: block {strays[0]!r} is not one of the sample's languages ({', '.join(langs)})")
    blocks = {lang: row.get(lang, {}) for lang in langs}
    missing = [lang for lang in langs if not isinstance(row.get(lang), dict) and not drawn]
    if missing:
        raise ValueError(f"{where}: no {', '.join(missing)} block")
    shared = {key: value for key, value in row.items() if key not in blocks and key != "use"}
    return row.get("use"), {lang: {**shared, **blocks[lang]} for lang in langs}


def _responses(kind: dict[str, Any], langs: list[str], where: str) -> dict[str | None, dict[str, str]]:
    if "responses" in kind:
        named = kind["responses"]
        if not isinstance(named, dict) or not named:
            raise ValueError(f"{where} responses: must name one or more phrasings")
        return {name: _phrasing(p, langs, f"{where} responses {name!r}") for name, p in named.items()}
    return {None: _phrasing(kind.get("response", dict.fromkeys(langs, "{response}")), langs, f"{where} response")}


def _drawn(kind: dict[str, Any], rng: random.Random, where: str) -> list[Slots]:
    spec = dict(kind["generate"]) if isinstance(kind["generate"], dict) else {}
    rule = RULES.get(str(spec.pop("rule", "")))
    if rule is None:
        raise ValueError(f"{where} generate: needs a rule, one of {', '.join(RULES)}")
    try:
        return rule(rng, **spec)
    except TypeError as err:
        raise ValueError(f"{where} generate: {err}") from None


def render(kind: dict[str, Any], langs: list[str], rng: random.Random) -> list[dict[str, Any]]:
    """Rows of one kind: every row of it, the instruction phrasings taking turns."""
    name = kind["kind"]
    phrasings = kind.get("instruction", [dict.fromkeys(langs, "{instruction}")])
    if not isinstance(phrasings, list) or not phrasings:
        raise ValueError(f"kind {name!r} instruction: must be a list of phrasings")
    instr = [_phrasing(p, langs, f"kind {name!r} instruction {n}") for n, p in enumerate(phrasings, 1)]
    responses = _responses(kind, langs, f"kind {name!r}")
    drawn = "generate" in kind
    rows = _drawn(kind, rng, f"kind {name!r}") if drawn else kind["rows"]
    if not isinstance(rows, list) or not rows:
        raise ValueError(f"kind {name!r} rows: must be a list of rows")
    out = []
    for n, row in enumerate(rows):
        where = f"kind {name!r} row {n + 1}"
        use, slots = _row_slots(row, langs, drawn, where)
        if use not in responses:
            known = ", ".join(map(str, responses)) if None not in responses else "the kind has one response"
            raise ValueError(f"{where}: use {use!r} names none of its kind's responses ({known})")
        rec: dict[str, Any] = {"id": f"{name}-{n + 1:02d}", "kind": name}
        for lang in langs:
            for field, text in (("instruction", instr[n % len(instr)][lang]), ("response", responses[use][lang])):
                try:
                    rec[f"{field}_{lang}"] = FMT.format(text, **slots[lang])
                except (KeyError, IndexError, ValueError, AttributeError) as err:
                    raise ValueError(f"{where} {lang}: cannot fill {text!r}: {type(err).__name__} {err}") from None
        out.append(rec)
    return out


def build(data: Path = DATA) -> list[dict[str, Any]]:
    """The sample's rows, checked."""
    langs, seed, paths = load_index(data)
    rng = random.Random(seed)  # one stream for every drawn kind, in file order
    rows = []
    for path in paths:
        for kind in load_kinds(path):
            try:
                rows += render(kind, langs, rng)
            except ValueError as err:
                raise PlugEvalError(str(err), path) from None
    check(rows, langs, data)
    return rows


# --- checks --------------------------------------------------------------------------------
#: Letters of the scripts a row must not mix up (ISO 15924, as in the language table).
_LETTERS = {"Hans": ("\u4e00", "\u9fff"), "Kore": ("\uac00", "\ud7a3")}


def _script_ok(script: str, text: str) -> bool:
    """Some letters of its own script (where listed above), none of the others listed."""
    counts = {name: sum(low <= c <= high for c in text) for name, (low, high) in _LETTERS.items()}
    own = counts.pop(script, None)
    return own != 0 and not any(counts.values())


def check(rows: list[dict[str, Any]], langs: list[str], data: Path = DATA) -> None:
    """Every field filled, in its language's script, with no slot left unformatted; ids unique."""
    seen = set()
    scripts = {lang: languages.get(lang).script for lang in langs}
    for row in rows:
        if row["id"] in seen:
            raise PlugEvalError(f"duplicate id {row['id']}", data)
        seen.add(row["id"])
        for lang in langs:
            for key in (f"instruction_{lang}", f"response_{lang}"):
                text = row[key]
                if not text.strip() or "{" in text.replace("{}", "") and "def " not in text:
                    raise PlugEvalError(f"{row['id']} {key}: empty or unformatted: {text!r}", data)
                if not _script_ok(scripts[lang], text):
                    raise PlugEvalError(f"{row['id']} {key}: not in script {scripts[lang]}: {text!r}", data)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="only compare with the file on disk")
    p.add_argument("--data", default=str(DATA), help="the folder with sample.yaml and the rows")
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)
    try:
        rows = build(Path(args.data))
    except PlugEvalError as err:
        fail("make_parallel_sample", err)
    text = files.dump_jsonl(rows)
    out = Path(args.out)
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'up to date' if same else 'STALE: rerun without --check'}")
        return 0 if same else 1
    files.write_atomic(out, text)
    print(f"wrote {out} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
