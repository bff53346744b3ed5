"""The report's first screen: win rate by language as a chart, and the language columns beside it.

Per (judge, baseline) board: a grouped dot plot (one group per language, plus the overall when a
system spans several; a dot and its 95% interval per system) drawn as inline SVG from the
geometry computed here, and a compact table of what a multilingual run needs at a glance:
win rate, ``pivot_ok`` (PLUG extraction success), ``lang_fidelity``, extraction failures and
the judge's position bias.  Both show at most :data:`MAX_SYSTEMS` systems (the board's best);
every comparison is in the tables further down.
"""

from __future__ import annotations

import math
from typing import Any

from plug_eval.languages import LANGUAGES

MAX_SYSTEMS = 8
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 1100, 230, 46, 12, 12, 44


def lang_names() -> dict[str, str]:
    return {k: f"{v.name} ({v.native})" if v.native != v.name else v.name for k, v in LANGUAGES.items()}


def _range(values: list[float]) -> tuple[float, float]:
    """The y axis: every interval and 50 inside, in steps of 10 within 0-100."""
    lo = min([50.0, *values]) - 2
    hi = max([50.0, *values]) + 2
    return max(0.0, math.floor(lo / 10) * 10), min(100.0, math.ceil(hi / 10) * 10)


def _groups(board: dict[str, Any]) -> list[str]:
    spans = any(len(r["by_lang"]) > 1 for r in board["rows"])
    return list(board["langs"]) + (["overall"] if spans else [])


def _cell(row: dict[str, Any], group: str) -> Any:
    return row["overall"] if group == "overall" else row["by_lang"].get(group)


def chart(board: dict[str, Any]) -> dict[str, Any]:
    """The geometry of one board's chart (numbers only: the template escapes every name)."""
    rows = board["rows"][:MAX_SYSTEMS]
    groups = _groups(board)
    shown = [(g, si, r, c) for g in groups for si, r in enumerate(rows)
             if (c := _cell(r, g)) is not None and c.s.get("win_rate") is not None]
    bounds = [float(c.s[k]) for _, _, _, c in shown for k in ("ci_low", "ci_high", "win_rate")
              if c.s.get(k) is not None]
    lo, hi = _range(bounds)
    plot_h = HEIGHT - TOP - BOTTOM
    gw = (WIDTH - LEFT - RIGHT) / max(1, len(groups))
    step = min(24.0, 0.7 * gw / max(1, len(rows)))

    def y(v: float) -> float:
        return round(TOP + (hi - v) / (hi - lo) * plot_h, 2)

    points = []
    for g, si, r, c in shown:
        x = round(LEFT + gw * (groups.index(g) + 0.5) + (si - (len(rows) - 1) / 2) * step, 2)
        s = c.s
        points.append({"x": x, "y": y(s["win_rate"]), "color": si, "system": r["system"], "lang": g,
                       "win_rate": s["win_rate"], "ci_low": s.get("ci_low"), "ci_high": s.get("ci_high"),
                       "y_low": None if s.get("ci_low") is None else y(s["ci_low"]),
                       "y_high": None if s.get("ci_high") is None else y(s["ci_high"]),
                       "n": s.get("n_scored"), "label": len(rows) <= 3, "finished": c.finished})
    ticks = [(v, y(v)) for v in range(int(lo), int(hi) + 1, 10)]
    names = lang_names()
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT, "y50": y(50.0),
            "ticks": ticks, "bottom": HEIGHT - BOTTOM,
            "groups": [{"label": g, "name": names.get(g, "all languages" if g == "overall" else ""),
                        "x": round(LEFT + gw * (i + 0.5), 2), "x0": round(LEFT + gw * i, 2)}
                       for i, g in enumerate(groups)],
            "points": points, "legend": [(si, r["system"]) for si, r in enumerate(rows)],
            "hidden": len(board["rows"]) - len(rows)}


def table(board: dict[str, Any]) -> list[dict[str, Any]]:
    """The compact language table's rows: per language, the board's best systems."""
    out = []
    for lang in board["langs"]:
        rows = [(si, r["by_lang"][lang]) for si, r in enumerate(board["rows"][:MAX_SYSTEMS]) if lang in r["by_lang"]]
        for k, (si, c) in enumerate(rows):
            pb = c.s.get("position_bias") or {}
            out.append({"lang": lang, "span": 0 if k else len(rows), "color": si, "cell": c,
                        "first_slot": pb.get("first_slot_win_rate"), "flips": pb.get("flip_rate"),
                        "sides": _sides(c.extras)})
    return out


def _sides(extras: dict[str, Any]) -> dict[str, list[tuple[str, Any]]]:
    """Per column, the sides that carry it: [("A", value), ("B", value)]."""
    cols: dict[str, list[tuple[str, Any]]] = {"pivot_ok": [], "fidelity": [], "failures": []}
    for side in ("a", "b"):
        if extras.get(f"pivot_ok_{side}") is not None:
            cols["pivot_ok"].append((side.upper(), extras[f"pivot_ok_{side}"]))
            cols["failures"].append((side.upper(), f"{extras[f'failures_{side}']}/{extras[f'n_status_{side}']}"))
        if extras.get(f"fidelity_{side}") is not None:
            cols["fidelity"].append((side.upper(), extras[f"fidelity_{side}"]))
    return cols


def first_screen(boards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chart and table of every board, in the boards' order."""
    return [{"board": b, "chart": chart(b), "table": table(b)} for b in boards]
