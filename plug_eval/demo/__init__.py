"""``plug-eval demo``: the whole PLUG recipe on a tiny model, on a laptop CPU.

- ``plan``: the profiles (quick, default) and their floors;
- ``run``: the command, its stages and the subprocesses it starts;
- ``jobs``: running and timing those subprocesses;
- ``manifest``: which stage outputs are still valid for the inputs;
- ``report``: the per-language table and the floor checks.

The tiny model itself is built by ``plug_eval.tiny`` (core layer: the trainer's smoke command uses it too).
"""
