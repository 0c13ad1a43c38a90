"""The package as a council gets it: the wheel made from this checkout, installed in a fresh virtual environment
with the pinned requirements `conseil init` writes, run with a PATH that holds neither node nor npm."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conseil.cli.init import requirements

from tests.conftest import REPO, build_env


@dataclass
class Installed:
    """A fresh environment where only the wheel is installed: its commands, and what running them took."""

    bin: Path
    wheel: Path
    env: dict[str, str]
    timings: dict[str, float] = field(default_factory=dict)

    def run(self, step: str, *args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
        """Run one of the environment's commands (`conseil`, `mkdocs`, `python`), timed under `step`."""
        started = time.perf_counter()
        result = subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=cwd, env=self.env, capture_output=True,
                                text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        self.timings[step] = round(time.perf_counter() - started, 2)
        assert result.returncode == 0, f"{step} :\n{result.stdout}\n{result.stderr}"
        return result


def path_without_node(venv_bin: Path) -> str:
    """The environment's commands, then every folder of PATH that holds neither `node` nor `npm`."""
    kept = [str(venv_bin)]
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if folder and not any(Path(folder, name).exists() for name in ("node", "npm", "npx")):
            kept.append(folder)
    return os.pathsep.join(kept)


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if not (REPO / "node_modules" / "decap-cms" / "package.json").is_file():
        pytest.fail("node_modules/ est absent : lancez « make install-cms » (le paquet copie Decap CMS depuis npm)")
    root = tmp_path_factory.mktemp("paquet")
    timings = {}
    started = time.perf_counter()
    made = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--quiet",
                           "--disable-pip-version-check", "-w", str(root / "roues")],
                          capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stdout + made.stderr
    timings["paquet"] = round(time.perf_counter() - started, 2)
    [wheel] = (root / "roues").glob("conseil-*.whl")

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(root / "venv")], check=True, timeout=300)
    pins = root / "requirements.txt"
    pins.write_text(requirements(), encoding="utf-8")  # what `conseil init` will write: the same pins
    venv_bin = root / "venv" / "bin"
    pip = subprocess.run([str(venv_bin / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                          "--find-links", str(wheel.parent), "-r", str(pins)],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    timings["installation"] = round(time.perf_counter() - started, 2)

    env = {key: value for key, value in build_env().items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = path_without_node(venv_bin)
    assert shutil.which("node", path=env["PATH"]) is None and shutil.which("npm", path=env["PATH"]) is None
    return Installed(venv_bin, wheel, env, timings)
