"""Language fidelity: how much of an answer's prose is in the language asked for.

Recipe measured in ECOSYSTEM.md §1.4 (662/662 on a hand-written set): drop code (fenced and
inline), split into lines and sentences, identify each segment with py3langid, weight each
segment by its length in :func:`plug_eval.languages.answer_units`, fold Wu and Cantonese into
Chinese.  The model (4.5 MB) ships inside the py3langid wheel, so this works offline.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .languages import _UNIT

_FOLD = {"wuu": "zh", "yue": "zh"}
_FENCE = re.compile(r"```.*?(?:```|\Z)|~~~.*?(?:~~~|\Z)", re.S)
_INLINE = re.compile(r"`[^`\n]*`")
_SEGMENT = re.compile(r"\n+|(?<=[.!?。！？])\s+|(?<=[。！？])")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def strip_code(text: str) -> str:
    return _INLINE.sub(" ", _FENCE.sub(" ", text or ""))


def language_shares(text: str) -> dict[str, float]:
    """Share of the prose per language code; ``{}`` when there is no prose (empty, code only)."""
    counts: dict[str, int] = {}
    total = 0
    ident = None
    for seg in _SEGMENT.split(strip_code(text)):
        units = len(_UNIT.findall(seg))
        if not units:
            continue
        ident = ident or _identifier()
        code = ident.classify(seg)[0]
        code = _FOLD.get(code, code)
        counts[code] = counts.get(code, 0) + units
        total += units
    return {k: v / total for k, v in counts.items()} if total else {}


def fidelity(text: str, want: str) -> float:
    """Share of ``text``'s prose in language ``want``.

    An empty answer scores 0.0 (nothing was said in the language asked for); an answer with
    no prose at all (only code) scores 1.0 (nothing was said in a wrong language).
    """
    if not (text or "").strip():
        return 0.0
    shares = language_shares(text)
    return shares.get(want, 0.0) if shares else 1.0
