"""The benchmark harness keeps working: a tiny council is generated, valid, built both ways, measured.

Timings are reported by `make bench`, never asserted here: only that every measure and ratio is there, that the
printed table agrees with the JSON, and where a full run is kept.
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
from harness import DEFAULT_SIZES, RECORD, is_full_run  # noqa: E402

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
    output, record = tmp_path / "latest.json", tmp_path / "resultats" / "latest.json"
    result = subprocess.run([sys.executable, str(BENCHMARKS / "harness.py"), "--sizes", "40,80", "--repeat", "1", "--serve-edits", "2",
                             "--work", str(tmp_path / "work"), "--output", str(output), "--record", str(record)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    report = json.loads(output.read_text())
    assert record.read_text() == output.read_text()  # the copy kept under version control

    assert report["sizes"] == [40, 80] and report["reference_size"] == 40
    assert {"nproc", "cpu", "memory_mb", "mkdocs", "mkdocs_material"} <= set(report["machine"])
    for run in report["runs"]:
        assert run["validation"]["errors"] == 0
        for build in ("plugin_build", "plain_build", "no_index_build"):
            assert {"seconds", "cpu_seconds", "peak_rss_mb"} <= set(run[build])
            assert run[build]["peak_rss_mb"] > 0
        assert run["plugin_vs_plain"] > 0 and run["plugin_vs_plain_cpu"] > 0
    assert [serve["n"] for serve in report["serve"]] == [40, 80]  # the reference size and the largest
    for serve in report["serve"]:
        assert len(serve["rebuilds_s"]) == 2 and serve["rebuild_vs_full_build"] > 0
    names = [target["name"] for target in report["targets"]]
    assert len(names) == 7 and all(isinstance(target["ok"], bool) for target in report["targets"])
    assert "index de recherche" in names[0] and "sans index" in names[1]
    assert "build(80) / build(40)" in names[2]
    assert "N = 40" in names[5] and "N = 80" in names[6] and "aperçu" in names[5]

    # The printed table says what the JSON says: one row per size, one per target with its verdict.
    lines = result.stdout.splitlines()
    for run in report["runs"]:
        row = next(line for line in lines if line.startswith(f"| {run['n']} | "))
        assert f"{run['plugin_build']['cpu_seconds']:.1f} s" in row and f"{run['plugin_vs_plain_cpu']:.2f}" in row
    for target in report["targets"]:
        verdict = "✓" if target["value"] <= target["limit"] else "✗"
        assert target["ok"] == (verdict == "✓")
        assert f"| {target['name']} | {target['value']:g} | ≤ {target['limit']:g} | {verdict} |" in lines, target
    assert f"et dans {record}" in result.stdout


def test_only_a_full_run_replaces_the_figures_kept_under_version_control():
    assert is_full_run(list(DEFAULT_SIZES), serve=True, repeat=5)
    assert not is_full_run([40], serve=True, repeat=5)
    assert not is_full_run(list(DEFAULT_SIZES), serve=False, repeat=5)
    assert not is_full_run(list(DEFAULT_SIZES), serve=True, repeat=1)
    assert RECORD.relative_to(REPO).as_posix() == "benchmarks/resultats/latest.json"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(RECORD)], cwd=REPO)
    assert ignored.returncode == 1, "benchmarks/resultats/ ne doit pas être ignoré par git"
