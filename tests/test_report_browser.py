"""The report in a real browser: headless Debian Chromium driven by Playwright, no browser download.

Skips with a printed reason where Chromium or Playwright is missing; fails instead when CI is set.
The screenshot is kept under out/test-artifacts/ (ignored by git) and the pytest tmp dir.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from synthetic_runs import write_grid, write_run

from plug_eval.reports import build_report

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "test-artifacts"
PAYLOADS = ('<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">',
            '</pre><svg onload="window.__pwned = 3"></svg>', '"><b id="injected" onmouseover="window.__pwned=4">x</b>')
VIEWPORT = {"width": 1280, "height": 800}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI is set: the browser tests must run)")
    print(f"\nSKIP browser tests: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium fonts-wqy-microhei)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Three systems in three languages by one judge; plug-7b also by a second judge and against a
    second baseline; a payload run.  Inline answers."""
    root = tmp_path_factory.mktemp("browser")
    dirs = write_grid(root / "runs", ["direct-7b", "llama-2-chat", "plug-7b"], ["zh", "ko", "es"], n_items=24,
                      n_resamples=500)
    for lang in ("zh", "ko", "es"):
        write_run(root / "second" / lang, system_a="plug-7b", lang=lang, n_items=24, n_resamples=500, strength=1.2,
                  judge="second:judge")
        write_run(root / "gpt4" / lang, system_a="plug-7b", system_b="gpt-4", lang=lang, n_items=24, n_resamples=500)
        dirs += [root / "second" / lang, root / "gpt4" / lang]
    evil = root / "runs" / "evil"
    write_run(evil, system_a="payload-bot", system_b="evil-base", lang="en", n_items=4, n_resamples=100,
              judge="payload:judge",
              answers=[(p, p, p) for p in PAYLOADS])
    stored = [json.loads(line) for line in (evil / "judgments.jsonl").read_text("utf-8").splitlines()]
    key = next(r["key"] for r in stored if r["id"] == "0000" and r["order"] == "AB")  # a record needs its key
    with (evil / "judgments.jsonl").open("a", encoding="utf-8") as fh:  # a judge reply carrying a payload
        fh.write(json.dumps({"key": key, "id": "0000", "order": "AB", "verdict": "A", "slot_verdict": "first",
                             "error": None, "raw": PAYLOADS[2] + " [[A]]", "reason": PAYLOADS[1]}) + "\n")
    from plug_eval.judges.summaries import summarize_dirs
    summarize_dirs([evil])
    out = root / "site" / "report.html"
    build_report(dirs + [evil], out, inline_limit=10**9)
    return out, dirs + [evil]


def _open(browser, path: Path, viewport=VIEWPORT):
    page = browser.new_page(viewport=viewport)
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file://") else None)
    page.goto(path.as_uri())
    return page, problems


def _summaries(dirs):
    out = {}
    for d in dirs:
        s = json.loads((d / "summary.json").read_text("utf-8"))
        out[(s["system_a"], s["system_b"], s["judge"], s["lang"])] = s
    return out


def test_the_first_screen_shows_the_language_chart_and_columns_at_1280_px(browser, report):
    out, dirs = report
    page, problems = _open(browser, out)
    summaries = _summaries(dirs)
    chart = page.locator("svg.langchart").first
    board = chart.get_attribute("data-board")
    assert board == "synthetic-judge-vs-baseline"
    points = chart.locator("g.pt")
    assert points.count() == 3 * 4  # three systems in three languages and overall
    for k in range(points.count()):
        p = points.nth(k)
        lang = p.get_attribute("data-lang")
        if lang == "overall":
            continue
        s = summaries[(p.get_attribute("data-system"), "baseline", "synthetic:judge", lang)]
        assert float(p.get_attribute("data-win-rate")) == s["win_rate"]
        assert float(p.get_attribute("data-ci-low")) == s["ci_low"] and p.locator("line.ci").count() == 3
    table = page.locator(f"table.lang-cols[data-board={board}]")
    heads = table.locator("th")
    names = heads.all_inner_texts()
    for name in ("pivot_ok", "lang_fidelity", "EXTRACTION FAILURES", "1ST SLOT", "FLIPS"):
        assert name in names, names
    # inside the first screen: no horizontal scrolling and nothing below the fold
    assert page.evaluate("document.scrollingElement.scrollWidth") <= VIEWPORT["width"]
    for locator in (chart, heads.last, table.locator("tbody tr").first):
        box = locator.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"], box
        assert box["y"] + box["height"] <= VIEWPORT["height"], box
    row = table.locator("tr[data-lang=zh][data-system=plug-7b]")
    s = summaries[("plug-7b", "baseline", "synthetic:judge", "zh")]
    assert row.locator("b.wr").inner_text() == f"{s['win_rate']:.1f}"
    assert row.locator("td.first-slot").inner_text() == f"{s['position_bias']['first_slot_win_rate']:.1f}"
    items = [json.loads(x) for x in (out.parent.parent / "runs/plug-7b-zh/items.jsonl").read_text().splitlines()]
    ok = sum(i["status_a"] == "ok" for i in items)
    assert row.locator("td.pivot-ok").inner_text() == f"A {ok / len(items):.2f}"
    assert row.locator("td.failures").inner_text() == f"A {len(items) - ok}/{len(items)}"
    assert problems == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = out.parent / "report.png"
    page.screenshot(path=str(shot))
    shutil.copy(shot, ARTIFACTS / "report.png")
    print(f"\nscreenshot: {ARTIFACTS / 'report.png'}")
    page.close()


def test_judges_and_baselines_stay_apart_and_agreement_is_shown(browser, report):
    out, _ = report
    page, problems = _open(browser, out)
    boards = page.locator("table.board")
    assert boards.count() == 4
    named = {(boards.nth(k).get_attribute("data-judge"), boards.nth(k).get_attribute("data-baseline"))
             for k in range(4)}
    assert named == {("synthetic:judge", "baseline"), ("second:judge", "baseline"), ("synthetic:judge", "gpt-4"),
                     ("payload:judge", "evil-base")}
    for k in range(4):
        rows = boards.nth(k).locator("tbody tr")
        systems = rows.evaluate_all("rs => rs.map(r => r.dataset.system)")
        assert len(systems) == len(set(systems))
        assert all("vs " in t and "judge " in t for t in rows.locator("td.sys").all_inner_texts())
    for cells in page.locator("table.paired tbody tr").evaluate_all(
            "rs => rs.map(r => [...r.cells].slice(1, 4).map(c => c.innerText))"):
        assert cells[0] != cells[1]  # never a system against itself
    judges = page.locator("table.judges[data-baseline=baseline] tr[data-system=plug-7b]")
    assert judges.count() == 1 and judges.locator("td[data-judge]").count() == 2
    assert judges.locator(".agreement b.kappa").count() == 1
    assert problems == []
    page.close()


def test_the_answer_browser_filters_and_keeps_payloads_inert(browser, report):
    out, dirs = report
    page, problems = _open(browser, out)
    page.select_option("#answers select[data-filter=comparison]", "plug-7b-vs-baseline-zh")
    items = page.locator("#answers article.item")
    assert items.count() == 24
    page.select_option("#answers select[data-filter=outcome]", "win")
    wins = _summaries(dirs)[("plug-7b", "baseline", "synthetic:judge", "zh")]["win"]
    assert page.locator("#answers article.item:visible").count() == wins > 0
    assert page.locator("[data-count]").inner_text() == f"{wins} of 24 shown"
    page.select_option("#answers select[data-filter=outcome]", "")
    page.select_option("#answers select[data-filter=comparison]", "payload-bot-vs-evil-base-en")
    for summary in page.locator("article.item > details > summary").all():
        summary.click()
    page.locator("article.item .body").first.hover()
    for d in page.locator("article.item details details").all():
        d.evaluate("el => el.open = true")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#injected").count() == 0 and page.locator("article img, article svg").count() == 0
    texts = page.locator("article.item pre").all_inner_texts()
    for p in PAYLOADS:
        assert any(p in t for t in texts), p
    assert any(PAYLOADS[2] + " [[A]]" == t for t in page.locator("pre.raw").all_inner_texts())
    violation = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective));
        const img = document.createElement('img'); img.src = 'http://127.0.0.1:9/x.png'; document.body.append(img);
        setTimeout(() => resolve('no violation'), 2000);
    })""")
    assert violation.startswith("img-src")
    assert [p for p in problems if not p.startswith("request: http://127.0.0.1:9")] == []
    page.close()


def test_many_comparisons_load_on_demand_and_the_last_one_opens(browser, tmp_path):
    systems = [f"sys-{i:02d}" for i in range(12)]
    dirs = write_grid(tmp_path / "runs", systems, ["en", "zh", "ko", "it", "es"], n_items=10, n_resamples=100)
    out = tmp_path / "site" / "report.html"
    build_report(dirs, out, inline_limit=0)
    page, problems = _open(browser, out)
    assert page.evaluate("document.querySelectorAll('script[src]').length") == 0  # nothing loaded yet
    options = page.locator("#answers select[data-filter=comparison] option").evaluate_all("os => os.map(o => o.value)")
    assert options[-1] == "sys-11-vs-baseline-es" and len(options) == 61
    page.select_option("#answers select[data-filter=comparison]", options[-1])
    page.wait_for_selector("#answers article.item")
    assert page.locator("#answers article.item").count() == 10
    assert page.evaluate("[...document.querySelectorAll('script[src]')].map(s => s.src.split('/').pop()).sort()") == \
        sorted(f"{n}.js" for n in json.loads(page.locator("#plug-comparisons").inner_text())[-1]["needs"])
    page.locator("#answers article.item summary").first.click()
    shown = page.locator("#answers article.item .answer-text").first
    assert shown.is_visible() and "Aquí hay una respuesta clara" in shown.inner_text()
    first_item = json.loads((dirs[-1] / "items.jsonl").read_text("utf-8").splitlines()[0])
    assert page.locator("#answers article.item .instruction pre").first.inner_text() == first_item["instruction"]
    page.evaluate("location.hash = '#answers=sys-00-vs-baseline-en'")  # a table's "answers" link
    page.wait_for_selector("#answers article.item[data-comparison=sys-00-vs-baseline-en]")
    assert page.locator("#answers select[data-filter=comparison]").input_value() == "sys-00-vs-baseline-en"
    assert problems == []
    page.close()
