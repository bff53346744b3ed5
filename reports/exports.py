"""``summary.csv`` and ``summary.md``: the report's numbers for spreadsheets, papers and READMEs.

Every CSV row and every Markdown table row names its judge and its baseline, and says when its
comparison is unfinished (stopped, pending items, or a summary older than its judgments).  Our
length-controlled figure and AlpacaEval's are separate columns with separate names.
"""

from __future__ import annotations

import csv
import html
import io
from typing import Any

from plug_eval import stats
from plug_eval.reports.model import Cell

PAPER_FIELDS = ("win_pct", "tie_pct", "loss_pct", "unscored_pct", "delta", "delta_ci_low", "delta_ci_high")
CSV_FIELDS = ("lang", "system_a", "system_b", "judge", "finished", "status", "n_items", "n_scored", "unscored",
              "pending", "errors", *stats.OUTCOMES[:5], "win_rate", "ci_low", "ci_high", "p_value", "p_holm",
              "significant", "equal_length_win_rate", "alpacaeval_lc_win_rate", "first_slot_win_rate", "flip_rate",
              "pivot_ok_a", "pivot_ok_b", "lang_fidelity_a", "lang_fidelity_b", "cost_usd", "run_dir", "flags",
              *(f"paper_{k}" for k in PAPER_FIELDS))
EQUAL_LENGTH_NOTE = ("Equal-length: plug-eval's own length-controlled win rate (the win rate a logistic fit on the "
                     "answers' length difference predicts at equal length); not AlpacaEval's LC.")
AE_LC_NOTE = "AlpacaEval LC: AlpacaEval 2's own length-controlled win rate, from its published GLM weights."
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def fmt_pct(x: Any) -> str:
    return "–" if x is None else f"{float(x):.1f}"


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run: one starting like a formula gets a leading ``'``
    (OWASP's CSV-injection rule).  Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _csv_row(c: Cell) -> dict[str, Any]:
    pb = c.s.get("position_bias") or {}
    row = {k: c.s.get(k) for k in CSV_FIELDS}
    row.update(lang=c.lang, system_a=c.system, system_b=c.baseline, judge=c.judge, finished=c.finished,
               status=c.status, p_holm=c.p_holm, significant={"up": "above", "down": "below"}.get(c.mark, ""),
               equal_length_win_rate=c.s.get("lc_win_rate"), alpacaeval_lc_win_rate=c.ae_lc,
               first_slot_win_rate=pb.get("first_slot_win_rate"), flip_rate=pb.get("flip_rate"),
               pivot_ok_a=c.extras.get("pivot_ok_a"), pivot_ok_b=c.extras.get("pivot_ok_b"),
               lang_fidelity_a=c.extras.get("fidelity_a"), lang_fidelity_b=c.extras.get("fidelity_b"),
               run_dir=str(c.path) if c.path else "", pending=c.s.get("pending") or 0, flags=c.flags)
    row.update({f"paper_{k}": (c.s.get("paper") or {}).get(k) for k in PAPER_FIELDS})
    return row


def summary_csv(model: dict[str, Any]) -> str:
    """One row per comparison, then one 'overall' row per board row that spans several languages."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    overall = [r["overall"] for r in model["rows"] if r["overall"].is_overall]
    for c in [*model["cells"], *overall]:
        writer.writerow({k: csv_safe(v) for k, v in _csv_row(c).items()})
    return buf.getvalue()


def md_text(text: Any) -> str:
    """Untrusted text in a Markdown table cell: HTML escaped (Markdown renders raw HTML), pipes and
    line breaks neutralised."""
    out = html.escape(str(text), quote=False)
    return out.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _md_cell(c: Cell) -> str:
    s = c.s
    if s.get("win_rate") is None:
        return "–"
    mark = {"up": " ▲", "down": " ▼"}.get(c.mark, "")
    return f"{s['win_rate']:.1f} [{fmt_pct(s.get('ci_low'))}, {fmt_pct(s.get('ci_high'))}]{mark}"


def _md_board(board: dict[str, Any], model: dict[str, Any]) -> list[str]:
    langs = board["langs"]
    lc_cols = [("Equal-length", "equal_length")] if model["has_equal_length"] else []
    lc_cols += [("AlpacaEval LC", "ae_lc")] if model["has_ae_lc"] else []
    head = ["#", "System", "Baseline", "Judge", "Overall", *langs, *(name for name, _ in lc_cols)]
    lines = [f"#### Judge {md_text(board['judge'])} · baseline {md_text(board['baseline'])}", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in board["rows"]:
        unfinished = [c for c in r["by_lang"].values() if c.status]
        name = md_text(r["system"]) + (" (unfinished)" if unfinished else "")
        cells = [_md_cell(r["overall"]), *(_md_cell(r["by_lang"][lang]) if lang in r["by_lang"] else "–"
                                           for lang in langs)]
        cells += [fmt_pct(getattr(r["overall"], attr)) for _, attr in lc_cols]
        lines.append(f"| {r['rank']} | {name} | {md_text(r['baseline'])} | {md_text(r['judge'])} | "
                     + " | ".join(cells) + " |")
    return lines + [""]


def summary_markdown(model: dict[str, Any], title: str) -> str:
    """A leaderboard table per (judge, baseline): win rate [95% CI] per language and overall."""
    lines = [f"### {md_text(title)}", ""]
    for board in model["boards"]:
        lines += _md_board(board, model)
    for c in model["incomplete"]:
        lines.append(f"- unfinished: {md_text(c.system)} vs {md_text(c.baseline)} · {c.lang} · judge "
                     f"{md_text(c.judge)}: {md_text(c.status)}")
    if model["incomplete"]:
        lines.append("")
    notes = ["Win rate (%) of each system against the baseline named on its row, judged by the judge named on "
             "its row; one table per judge and baseline, never mixed; 95% bootstrap CI over items; ▲/▼ significant "
             "after Holm correction (sign test, α = 0.05)."]
    notes += [EQUAL_LENGTH_NOTE] if model["has_equal_length"] else []
    notes += [AE_LC_NOTE] if model["has_ae_lc"] else []
    return "\n".join(lines + [" ".join(notes), ""])
