"""Servers the tests start on loopback (`mkdocs serve`, `properdocs serve`, decap-server): a free port,
a bounded wait for what they answer, and a stop that never leaves one running."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    """(status, text) of a GET; (0, "") while nothing answers yet."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, condition, timeout: float = 60.0) -> str:
    """Poll `url` (a bounded number of times) until its text satisfies `condition`."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        status, last = fetch(url)
        if status == 200 and condition(last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed what was expected; last page:\n{last[:2000]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def running(command: list[str], *, cwd: Path, env: Mapping[str, str] | None = None,
            log: Path | None = None) -> Iterator[subprocess.Popen]:
    """A server process for the duration of the block, its output in `log` (or dropped); stopped afterwards."""
    with (log.open("w", encoding="utf-8") if log else open(os.devnull, "w")) as out:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            stop(process)
