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

from plug_eval.languages import _UNIT

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

    An answer with no prose scores 1.0 when it holds code (nothing was said in a wrong
    language) and 0.0 otherwise: empty answers and runs of punctuation or broken bytes, which
    untrained models produce, must not count as faithful.
    """
    shares = language_shares(text)
    if shares:
        return shares.get(want, 0.0)
    has_code = bool(_FENCE.search(text or "") or _INLINE.search(text or ""))
    return 1.0 if has_code else 0.0
