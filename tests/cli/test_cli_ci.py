"""The check runs before every build in CI, and other sites can reuse it as a pre-commit hook."""

from __future__ import annotations

import re
import shlex

import yaml

from tests.cli.clitools import BROKEN, run_conseil
from tests.conftest import REPO


def test_github_workflow_checks_before_building():
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    check = next(i for i, c in enumerate(commands) if "conseil check --format github" in c)
    build = next(i for i, c in enumerate(commands) if "mkdocs build" in c)
    assert check < build


def test_gitlab_publishes_a_code_quality_report_before_building():
    pipeline = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = next(j for j in pipeline.values() if isinstance(j, dict) and "conseil check --format gitlab"
               in " ".join(j.get("script", [])))
    assert job["stage"] == ".pre"  # before every other stage, the build included
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"  # the report is kept when the check fails
    assert "--output gl-code-quality-report.json" in " ".join(job["script"])


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "conseil-check")
    assert hook["language"] == "python"
    assert hook["entry"] == "conseil check"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("content/contributions/2025-03-27-avis-plan-de-mobilite.md")
    assert not files.search("docs/readme.md") and not files.search("content/logo.png")


def test_pre_commit_runs_the_entry_with_the_staged_files():
    """As pre-commit does it: the entry, then the changed file names that match `files`."""
    hook = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    staged = ["content/index.md", "content/elus/claire-morel.md", "content/reponses/2026-05-04-reponse-velo.md"]
    args = shlex.split(hook["entry"])[1:] + [f for f in staged if re.search(hook["files"], f)]
    result = run_conseil(*args, cwd=BROKEN)
    assert result.returncode == 1
    assert "content/reponses/2026-05-04-reponse-velo.md:6:11" in result.stdout
    assert "avis-velo" not in result.stdout  # files not staged are not reported
    clean = run_conseil(*shlex.split(hook["entry"])[1:], "content/elus/claire-morel.md", cwd=BROKEN)
    assert clean.returncode == 0
