"""Build hook: everything is declared in setup.cfg except the start-up file below.

The wheel carries ``plug_eval_lm_eval.pth`` at the top of site-packages.  Its one line imports the
stdlib-only module ``plug_eval_hook``, which makes the packaged lm-eval tasks visible to plain
``lm_eval`` (see that module).  setup.cfg cannot place a file outside a package, hence this.
"""

import os

from setuptools import setup
from setuptools.command.build_py import build_py

PTH_NAME = "plug_eval_lm_eval.pth"
PTH_LINE = "import plug_eval_hook; plug_eval_hook.install()\n"


class BuildPyWithStartupFile(build_py):
    def run(self) -> None:
        super().run()
        target = os.path.join(self.build_lib, PTH_NAME)
        with open(target, "w", encoding="utf-8") as f:
            f.write(PTH_LINE)

    def get_outputs(self, include_bytecode: bool = True) -> list:
        return [*super().get_outputs(include_bytecode), os.path.join(self.build_lib, PTH_NAME)]


if __name__ == "__main__":  # setuptools runs this file as __main__; the bench imports the names
    setup(cmdclass={"build_py": BuildPyWithStartupFile})
