"""The nightly job, as users copy it: the pre-commit hooks run through pre-commit itself (offline:
they install nothing), and the commands of docs/nightly-citations.yml against the local server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import write_library
from fetch import batch_answers
from fetch.server import Recorded
from scholarcli.store.citations_file import read_citations

PROJECT = Path(__file__).resolve().parents[2]
WORKFLOW = PROJECT / "docs" / "nightly-citations.yml"
GOOD = {
    "publications/lovelace2020notes": 'type = "article"\ntitle = "Notes"\nauthors = ["Ada Lovelace"]\n'
    'year = 2020\ndoi = "10.1000/notes"\n',
}
BIB_GOOD = "@article{a, title={Notes}, author={Ada Lovelace}, year=2020, journal={Journal}}\n"
BIB_BROKEN = "@article{a, title={Notes}, author={Ada Lovelace}, year=2020, journal={Journal}\n"  # no closing brace


def _environment(tmp_path: Path) -> dict[str, str]:
    """The tests' environment, with the installed scholar and pre-commit first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["GIT_CONFIG_GLOBAL"] = str(tmp_path / "gitconfig")
    (tmp_path / "gitconfig").write_text("[user]\n\tname = T\n\temail = t@example.org\n[init]\n\tdefaultBranch = main\n")
    return env


def _repository(tmp_path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    """A git repository that keeps a library (in publications/) and a site's .bib, committed."""
    repo = tmp_path / "repo"
    write_library(repo / "publications", GOOD, "schema = 1\n")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "library"]):
        subprocess.run(command, cwd=repo, env=env, check=True, capture_output=True)
    return repo


def _run_hooks(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """pre-commit, as a user's repository runs this project's hooks (at the project's HEAD)."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=True)
    config = {
        "repos": [
            {
                "repo": str(PROJECT),
                "rev": head.stdout.strip(),
                "hooks": [
                    {"id": "scholar-check", "args": ["-L", "publications", "check"]},
                    {"id": "scholar-check-bib", "files": "^site/papers\\.bib$"},
                ],
            }
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=300)


def test_the_hooks_pass_a_good_library_and_bib_and_fail_broken_ones(tmp_path: Path) -> None:
    env = _environment(tmp_path)
    repo = _repository(tmp_path, env, {"site/papers.bib": BIB_GOOD})
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"scholar-check", "scholar-check-bib"}
    run = _run_hooks(repo, env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [line.split(".")[0] for line in run.stdout.splitlines() if line.endswith("Passed")] == [
        "scholar check",
        "scholar check (",
    ]
    (repo / "publications" / "publications" / "lovelace2020notes.toml").write_text('type = "nonsense"\ntitle = "X"\n')
    (repo / "site" / "papers.bib").write_text(BIB_BROKEN, encoding="utf-8")
    broken = _run_hooks(repo, env)
    assert broken.returncode == 1
    assert "publications/lovelace2020notes.toml: type" in broken.stdout, broken.stdout
    assert "site/papers.bib" in broken.stdout and broken.stdout.count("Failed") == 2, broken.stdout


def _steps() -> dict[str, str]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    return {step["name"]: step["run"] for step in job["steps"] if "name" in step and "run" in step}


@pytest.mark.usefixtures("recorded")
def test_the_nightly_workflows_commands_refresh_the_counts_and_export_the_site(
    recorded: Recorded, tmp_path: Path
) -> None:
    batch_answers.serve(recorded, "openalex", {"10.1000/notes": batch_answers.work("10.1000/notes", 41)})
    env = _environment(tmp_path)
    env |= {"LIBRARY": "publications", "PERSON": "Ada Lovelace"}
    repo = tmp_path / "repo"
    write_library(repo / "publications", GOOD, 'schema = 1\n\n[[people]]\nname = "Ada Lovelace"\n')
    steps = _steps()
    for name in ("Check the library", "Refresh citation counts", "Re-export the site's files"):
        run = subprocess.run(
            ["bash", "-e", "-c", steps[name]], cwd=repo, env=env, capture_output=True, text=True, check=False
        )
        assert run.returncode == 0, (name, run.stderr)
    counts, problems = read_citations(repo / "publications")
    assert problems == [] and counts["lovelace2020notes"].cited == 41
    assert "{lovelace2020notes," in (repo / "site" / "papers.bib").read_text(encoding="utf-8")
    assert "41" in (repo / "site" / "publications.html").read_text(encoding="utf-8")
    assert len(recorded.requests) == 1  # one batch for the library
