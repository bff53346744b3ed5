"""``plug-judge compare`` with a real local judge: `transformers serve` over a tiny model (issue 27).

The server (started here on 127.0.0.1, :mod:`servers`) answers one request at a time, as a local
server on one GPU does, and its model is scripted to give one known verdict.  With the defaults
(``--concurrency 8``, the 120 s timeout, 6 retries) the old engine sent its eight calls at once,
the last ones timed out while they waited in the server's queue and their retries queued behind
requests nobody waited for.  Now the window of calls in flight adapts to the server: the run
ends with every judgment stored, one request per call, none abandoned.
"""

import time

import pytest
from conftest_judge import pair_files, read_jsonl, run_cli, summary
from servers import require_serving, scripted_model, transformers_serve

VERDICT = "The first answer is more helpful.\n[[A]]"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_serving()
    # a judge prompt holds the instruction and both answers: room for it (the tasks' model needs 1024)
    model = scripted_model(tmp_path_factory.mktemp("judge") / "model", VERDICT, max_positions=8192)
    with transformers_serve(model) as server:
        yield server


@pytest.mark.slow
def test_compare_with_a_served_local_judge_finishes_with_one_request_per_call(served, tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)  # a local server needs none
    a, b = pair_files(tmp_path, n=4)
    run = tmp_path / "run"
    started = time.monotonic()
    code, out, err = run_cli("compare", str(a), str(b), "--judge", f"openai:{served.model}", "--base-url",
                             served.base_url, "--out", str(run), "--lang", "zh", "--quiet", "-J", "max_tokens=32")
    seconds = time.monotonic() - started
    assert code == 0, err + served.log()[-3000:]
    records = read_jsonl(run / "judgments.jsonl")
    assert len(records) == 8 and all(r["error"] is None and r["slot_verdict"] == "first" for r in records)
    s = summary(run)
    # "[[A]]" in both orders is a pure position preference: a tie by the PLUG rule, every item scored
    assert s["n_scored"] == 4 and s["tie"] == 4 and s["errors"] == 0
    bodies = served.request_bodies()
    assert len(bodies) == 8, f"{len(bodies)} requests for 8 calls in {seconds:.1f} s"  # no retry, none abandoned
    assert all(body["model"] == served.model for body in bodies)
    assert " 500 " not in served.log() and "Traceback" not in served.log()
