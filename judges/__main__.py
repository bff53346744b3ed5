"""``python -m plug_eval.judges``: the ``plug-judge`` command line."""

import sys

from plug_eval.judges.cli import main

sys.exit(main())
