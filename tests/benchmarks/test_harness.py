"""The benchmark harness keeps working: a tiny council is generated, valid, built both ways, measured.

Timings are reported by `make bench`, never asserted here: only that every measure and ratio is there.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conseil.core import Settings, files_in, load

REPO = Path(__file__).resolve().parents[2]
BENCHMARKS = REPO / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from generate import generate, sizes  # noqa: E402

pytestmark = pytest.mark.slow


def test_the_mix_follows_a_real_council():
    counts = sizes(10_000)
    assert counts["elus"] == 40 and counts["themes"] == 30
    assert counts["contributions"] == 4 * counts["assemblees"]
    assert 0.55 <= counts["reponses"] / counts["contributions"] <= 0.65
    assert sum(counts.values()) == 10_000


def test_a_generated_council_is_valid_and_deterministic(tmp_path):
    first = generate(300, 11, tmp_path / "a")
    second = generate(300, 11, tmp_path / "b")
    assert first == second and first["total"] == 300
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.md"))
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in files_a)

    content = tmp_path / "a" / "content"
    corpus = load(files_in(content, relative_to=tmp_path / "a"),
                  Settings(build_date=date(2026, 11, 23), content_dir=content))
    assert corpus.diagnostics == []
    records = {kind: len(by_id) for kind, by_id in corpus.index.records.items()}
    assert sum(records.values()) == 300
    published = corpus.graph
    assert len(published.contributions) < records["contributions"]  # a few drafts or embargoed
    answered = [c for c in published.contributions if c.statut == "repondue"]
    assert 0.4 <= len(answered) / len(published.contributions) <= 0.75
    assert any(r.suites for r in published.reponses) and any(r.engagements for r in published.reponses)
    bodies = [(content / "contributions" / f"{c.id}.md").read_text() for c in published.contributions]
    assert all(300 <= len(b.split("\n---\n", 1)[1].split()) for b in bodies)
    assert all("## " in b and "](" in b and "|---|" in b for b in bodies)


def test_the_harness_reports_every_measure_and_ratio(tmp_path):
    output = tmp_path / "latest.json"
    result = subprocess.run([sys.executable, str(BENCHMARKS / "harness.py"), "--sizes", "40,80", "--repeat", "1",
                             "--work", str(tmp_path / "work"), "--output", str(output)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(output.read_text())

    assert report["sizes"] == [40, 80] and report["reference_size"] == 40
    assert {"nproc", "cpu", "memory_mb", "mkdocs", "mkdocs_material"} <= set(report["machine"])
    for run in report["runs"]:
        assert run["validation"]["errors"] == 0
        for build in ("plugin_build", "plain_build"):
            assert {"seconds", "cpu_seconds", "peak_rss_mb"} <= set(run[build])
            assert run[build]["peak_rss_mb"] > 0
        assert run["plugin_vs_plain"] > 0 and run["plugin_vs_plain_cpu"] > 0
    assert report["serve"]["n"] == 40 and len(report["serve"]["rebuilds_s"]) == 2
    names = [target["name"] for target in report["targets"]]
    assert len(names) == 4 and all(isinstance(target["ok"], bool) for target in report["targets"])
    assert "build(80) / build(40)" in names[1]

    assert "| N |" in result.stdout and "objectif" in result.stdout
    assert ("✓" in result.stdout) or ("✗" in result.stdout)
