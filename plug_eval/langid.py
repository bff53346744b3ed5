"""Language fidelity: how much of an answer's prose is in the language asked for.

Recipe measured in ECOSYSTEM.md §1.4 (662/662 on a hand-written set): drop code (fenced and
inline), split into lines and sentences, identify each segment with py3langid, weight each
segment by its length in :func:`plug_eval.languages.answer_units`, fold Wu and Cantonese into
Chinese.  The model (4.5 MB) ships inside the py3langid wheel, so this works offline.

A language's py3langid code and the codes folded into it are fields of its language file
(``langid``, ``langid_also``); :func:`check` refuses a code py3langid does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from plug_eval import languages
from plug_eval.errors import PlugEvalError
from plug_eval.languages import _UNIT

_FENCE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)", re.S)
_INLINE = re.compile(r"`[^`\n]*`")
_SEGMENT = re.compile(r"\n+|(?<=[.!?。！？])\s+|(?<=[。！？])")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _fold() -> dict[str, str]:
    """py3langid code -> the code it counts as (a language's ``langid_also``)."""
    return {also: lang.langid for lang in languages.LANGUAGES.values() for also in lang.langid_also}


def _langid_code(code: str) -> str:
    """py3langid's code of one of our languages (an unknown code is taken as py3langid's)."""
    lang = languages.LANGUAGES.get(code)
    return lang.langid if lang else code


def check(codes: Iterable[str]) -> None:
    """Every language of ``codes`` names codes py3langid knows, or one line naming its file and field."""
    for code in codes:
        lang = languages.LANGUAGES.get(code)
        if lang is not None and not lang.builtin:
            check_language(lang)


def check_language(lang: languages.Language) -> None:
    """``lang``'s ``langid`` and ``langid_also`` are py3langid codes, or one line naming its file and field."""
    known = set(_identifier().nb_classes)
    for key, value in [("langid", lang.langid), *(("langid_also", c) for c in lang.langid_also)]:
        if value not in known:
            default = " (the field defaults to the code)" if key == "langid" and value == lang.code else ""
            raise PlugEvalError(f"{key}: py3langid has no language {value!r}{default}; set langid to one of "
                                f"its codes, e.g. {', '.join(sorted(known)[:8])}, ...", lang.source)


_checked: set[languages.Language] = set()


def strip_code(text: str) -> str:
    return _INLINE.sub(" ", _FENCE.sub(" ", text or ""))


def language_shares(text: str) -> dict[str, float]:
    """Share of the prose per py3langid code (folded); ``{}`` when there is no prose (empty, code only)."""
    counts: dict[str, int] = {}
    total = 0
    ident = None
    fold = _fold()
    for seg in _SEGMENT.split(strip_code(text)):
        units = len(_UNIT.findall(seg))
        if not units:
            continue
        ident = ident or _identifier()
        code = ident.classify(seg)[0]
        code = fold.get(code, code)
        counts[code] = counts.get(code, 0) + units
        total += units
    return {k: v / total for k, v in counts.items()} if total else {}


def fidelity(text: str, want: str) -> float:
    """Share of ``text``'s prose in language ``want``.

    An answer with no prose scores 1.0 when it holds code (nothing was said in a wrong
    language) and 0.0 otherwise: empty answers and runs of punctuation or broken bytes, which
    untrained models produce, must not count as faithful.
    """
    lang = languages.LANGUAGES.get(want)
    if lang is not None and lang not in _checked:
        check([want])
        _checked.add(lang)
    shares = language_shares(text)
    if shares:
        return shares.get(_langid_code(want), 0.0)
    has_code = bool(_FENCE.search(text or "") or _INLINE.search(text or ""))
    return 1.0 if has_code else 0.0
