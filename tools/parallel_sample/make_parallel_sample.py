"""Write ``parallel_sample.jsonl``: the small parallel instruction set the demo trains on.

    python tools/parallel_sample/make_parallel_sample.py            # (re)write the file
    python tools/parallel_sample/make_parallel_sample.py --check    # exit 1 if the file is stale

Each row is ``{id, kind, instruction_en, response_en, instruction_zh, response_zh, ...ko, it,
es}``, written for this project in our own words.  Rows come from templates (``sample_facts``:
short factual questions with slots; ``sample_texts``, ``sample_tasks``, ``sample_howto``:
hand-written answers per entity) so that
a tiny model sees many instruction shapes and learns the response *format* and the *language*
to answer in, not a handful of memorised strings.  None of the instructions is taken from the
X-AlpacaEval sample the demo evaluates on (a test checks that too).

Korean particles that depend on the preceding syllable (은/는, 이/가, 을/를, 과/와, 으로/로)
are chosen by :func:`josa`, written as a format spec: ``{city:은}``.  ``{x!c}`` capitalises the
first letter (English and Romance sentences that open with a slot).
"""

from __future__ import annotations

import argparse
import json
import string
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent  # tools/parallel_sample: the generators (build time only)
OUT = HERE.parents[1] / "plug_eval" / "data" / "parallel_sample.jsonl"  # shipped as package data
LANGS = ("en", "zh", "ko", "it", "es")

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


# --- templates -----------------------------------------------------------------------------
def L(en: str, zh: str, ko: str, it: str, es: str) -> tuple[str, ...]:
    """One string per language, in the order of ``LANGS``."""
    return (en, zh, ko, it, es)


def same(text: str) -> tuple[str, ...]:
    """The same string in every language: a phrasing that is one slot, e.g. ``same("{r}")``."""
    return (text,) * len(LANGS)


ANSWER = same("{r}")  #: the response is the entity's own ``r``


def collector() -> tuple[list[dict[str, Any]], Any]:
    """A generator module's ``TEMPLATES`` list and its ``template(id, phrasings, response, entities)``."""
    templates: list[dict[str, Any]] = []

    def template(id: str, instr: list[tuple[str, ...]], resp: tuple[str, ...], entities: list[dict]) -> None:
        templates.append({"id": id, "instr": instr, "resp": resp, "entities": entities})

    return templates, template


def render(template: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of one template: every entity, the instruction phrasings taking turns."""
    rows = []
    for n, entity in enumerate(template["entities"]):
        instr = template["instr"][n % len(template["instr"])]
        resp = entity.get("_resp", template.get("resp"))
        row: dict[str, Any] = {"id": f"{template['id']}-{n + 1:02d}", "kind": template["id"]}
        for i, lang in enumerate(LANGS):
            slots = {k: (v if isinstance(v, str) else v[i]) for k, v in entity.items() if k != "_resp"}
            row[f"instruction_{lang}"] = FMT.format(instr[i], **slots)
            row[f"response_{lang}"] = FMT.format(resp[i], **slots)
        rows.append(row)
    return rows


def all_rows() -> list[dict[str, Any]]:
    sys.path.insert(0, str(HERE))
    try:
        import sample_facts
        import sample_howto
        import sample_more_a
        import sample_more_b
        import sample_tasks
        import sample_texts
    finally:
        sys.path.remove(str(HERE))
    modules = (sample_facts, sample_texts, sample_tasks, sample_howto, sample_more_a, sample_more_b)
    rows = [r for m in modules for t in m.TEMPLATES for r in render(t)]
    check(rows)
    return rows


# --- checks --------------------------------------------------------------------------------
def _script_ok(lang: str, text: str) -> bool:
    han = sum("\u4e00" <= c <= "\u9fff" for c in text)
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in text)
    if lang == "zh":
        return han > 0 and hangul == 0
    if lang == "ko":
        return hangul > 0 and han == 0
    return han == 0 and hangul == 0


def check(rows: list[dict[str, Any]]) -> None:
    """Every field filled, in the right script, with no slot left unformatted; ids unique."""
    seen = set()
    for row in rows:
        if row["id"] in seen:
            raise ValueError(f"duplicate id {row['id']}")
        seen.add(row["id"])
        for lang in LANGS:
            for key in (f"instruction_{lang}", f"response_{lang}"):
                text = row[key]
                if not text.strip() or "{" in text.replace("{}", "") and "def " not in text:
                    raise ValueError(f"{row['id']} {key}: empty or unformatted: {text!r}")
                if not _script_ok(lang, text):
                    raise ValueError(f"{row['id']} {key}: wrong script: {text!r}")


def dumps(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="only compare with the file on disk")
    p.add_argument("--out", default=str(OUT))
    args = p.parse_args(argv)
    text = dumps(all_rows())
    out = Path(args.out)
    if args.check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'up to date' if same else 'STALE: rerun without --check'}")
        return 0 if same else 1
    tmp = out.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({text.count(chr(10))} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
