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
from plug_eval.reports import build_report
from synthetic_runs import write_grid, write_run

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "test-artifacts"
PAYLOADS = ('<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 2">',
            '</pre><svg onload="window.__pwned = 3"></svg>', '"><b id="injected" onmouseover="window.__pwned=4">x</b>')


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
    root = tmp_path_factory.mktemp("browser")
    dirs = write_grid(root / "runs", ["direct-7b", "llama-2-chat", "plug-7b"], ["en", "zh", "ko"], n_items=24,
                      n_resamples=500)
    evil = root / "runs" / "evil"
    write_run(evil, system_a="payload-bot", lang="en", n_items=4, n_resamples=100,
              answers=[(p, p, p) for p in PAYLOADS])
    stored = [json.loads(line) for line in (evil / "judgments.jsonl").read_text("utf-8").splitlines()]
    key = next(r["key"] for r in stored if r["id"] == "0000" and r["order"] == "AB")  # a record needs its key
    with (evil / "judgments.jsonl").open("a", encoding="utf-8") as fh:  # a judge reply carrying a payload
        fh.write(json.dumps({"key": key, "id": "0000", "order": "AB", "verdict": "A", "slot_verdict": "first",
                             "error": None, "raw": PAYLOADS[2] + " [[A]]", "reason": PAYLOADS[1]}) + "\n")
    out = root / "site" / "report.html"
    build_report(dirs + [evil], out, inline_limit=10**9)
    return out, dirs + [evil]


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file://") else None)
    page.goto(path.as_uri())
    return page, problems


def test_leaderboard_numbers_and_bars_equal_summary_json(browser, report):
    out, dirs = report
    page, problems = _open(browser, out)
    summaries = {}
    for d in dirs:
        s = json.loads((d / "summary.json").read_text("utf-8"))
        summaries[f"{s['system_a']}-vs-{s['system_b']}-{s['lang']}"] = s
    rows = page.locator("table.lang-table tr[data-comparison]")
    assert rows.count() == len(dirs)
    for k in range(rows.count()):
        row = rows.nth(k)
        s = summaries[row.get_attribute("data-comparison")]
        bar = row.locator("svg.cibar")
        assert float(bar.get_attribute("data-win-rate")) == s["win_rate"]
        assert float(bar.get_attribute("data-ci-low")) == s["ci_low"]
        assert row.locator("b.wr").text_content() == f"{s['win_rate']:.1f}"
        assert row.locator(".n-scored").text_content() == str(s["n_scored"])
        assert bar.locator("rect.bar").count() == 1 and bar.locator("g.whisker line").count() == 3
    board = page.locator("table.board tbody tr")
    assert board.count() == 4 and page.locator("svg.forest g.bt-row").count() == 5
    assert "plug-7b" in board.nth(0).inner_text()  # the strongest synthetic system ranks first
    page.locator("details.lang summary").nth(1).click()  # open the zh section: its bars become visible
    assert page.locator("table.lang-table[data-lang=zh] svg.cibar").first.is_visible()
    assert problems == [] and len(summaries) == len(dirs)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = out.parent / "report.png"
    page.set_viewport_size({"width": 1300, "height": 1500})
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(shot))
    shutil.copy(shot, ARTIFACTS / "report.png")
    print(f"\nscreenshot: {ARTIFACTS / 'report.png'}")
    page.close()


def test_filters_show_only_matching_answers(browser, report):
    out, dirs = report
    page, problems = _open(browser, out)
    items = page.locator("#answers article.item")
    total = items.count()
    assert total == 3 * 3 * 24 + 4
    page.select_option("#answers select[data-filter=outcome]", "win")
    visible = page.locator("#answers article.item:visible")
    wins = sum(json.loads((d / "summary.json").read_text())["win"] for d in dirs)
    assert visible.count() == wins > 0
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.outcome)")) == {"win"}
    page.select_option("#answers select[data-filter=lang]", "zh")
    page.select_option("#answers select[data-filter=category]", "koala")
    shown = page.locator("#answers article.item:visible")
    assert shown.count() > 0
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.lang + '/' + e.dataset.category)")) == {"zh/koala"}
    assert page.locator("[data-count]").inner_text() == f"{shown.count()} of {total} shown"
    page.select_option("#answers select[data-filter=outcome]", "")
    page.select_option("#answers select[data-filter=lang]", "")
    page.select_option("#answers select[data-filter=category]", "")
    assert page.locator("#answers article.item:visible").count() == total
    assert problems == []
    page.close()


def test_payloads_stay_inert_text_and_the_csp_blocks_external_loads(browser, report):
    out, _ = report
    page, problems = _open(browser, out)
    page.select_option("#answers select[data-filter=comparison]", "payload-bot-vs-baseline-en")
    for summary in page.locator("article.item:visible summary").all():
        summary.click()
    page.locator("article.item:visible .body").first.hover()
    for d in page.locator("article.item:visible details details").all():
        d.evaluate("el => el.open = true")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#injected").count() == 0 and page.locator("article img, article svg").count() == 0
    texts = page.locator("article.item:visible pre").all_inner_texts()
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


def test_linked_answer_pages_open_offline(browser, tmp_path):
    dirs = write_grid(tmp_path / "runs", ["a", "b"], ["en", "ko"], n_items=12, n_resamples=100)
    out = tmp_path / "site" / "report.html"
    build_report(dirs, out, inline_limit=0)
    page, problems = _open(browser, out)
    page.click("#answers a[href$='b-vs-baseline-ko.html']")
    page.wait_for_load_state()
    assert page.url.endswith("report_files/b-vs-baseline-ko.html")
    assert page.locator("article.item").count() == 12
    page.locator("article.item summary").first.click()
    assert page.locator("article.item .answer-text").first.is_visible()
    assert "다음은" in page.locator("article.item .answer-text").first.inner_text()
    page.select_option("select[data-filter=outcome]", "loss")
    assert set(page.locator("article.item:visible").evaluate_all("els => els.map(e => e.dataset.outcome)")) <= {"loss"}
    page.click("text=back to the leaderboard")
    assert page.url.endswith("/site/report.html")
    assert problems == []
    page.close()
