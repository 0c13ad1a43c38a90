"""The incremental preview shows exactly what a fresh preview of the same sources shows, after any edits.

A long-lived `serve` session (tests/site/preview_worker.py) rebuilds after each edit of a small synthetic
council; a brand-new session builds the same sources; both sites must be byte-identical (the search index
compared as parsed JSON). Hypothesis chooses the edits: titles, bodies, new, deleted and renamed records,
errors brought in then mended, the configuration.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from conseil.core.model import schema
from tests.cli.clitools import run_conseil
from tests.conftest import ENGINE, REPO, build_env

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402

pytestmark = pytest.mark.slow
RECORD_TYPES = ("assemblees", "contributions", "reponses", "elus", "themes", "organes", "dossiers", "concertations",
                "bilans", "outils")


class PreviewSession:
    """The worker process: a `serve` session kept across builds, and fresh sessions for the references."""

    def __init__(self, project: Path, errors: Path) -> None:
        self.errors = errors.open("w")
        # As a module: run as a script, its folder's html.py would hide the standard library's.
        self.process = subprocess.Popen([sys.executable, "-m", "tests.site.preview_worker", ENGINE, str(project)],
                                        cwd=project, env=build_env(PYTHONPATH=str(REPO)), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self.errors, text=True, bufsize=1)

    def build(self, kind: str, site: Path) -> dict:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(f"{kind} {site}\n")
        answer = json.loads(self.process.stdout.readline())
        assert answer["ok"], answer["error"]
        return answer

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        self.errors.close()


def differences(served: Path, clean: Path) -> list[str]:
    """The files that differ between two sites; the search index is compared as data."""
    def listing(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    names = listing(served)
    different = sorted(names ^ listing(clean))
    for name in sorted(names & listing(clean)):
        a, b = (served / name).read_bytes(), (clean / name).read_bytes()
        if name.endswith("search_index.json"):
            a, b = json.loads(a), json.loads(b)
        if a != b:
            different.append(name)
    return different


@pytest.fixture(scope="module")
def council(tmp_path_factory: pytest.TempPathFactory) -> Path:
    original = tmp_path_factory.mktemp("council-original")
    generate(30, 5, original)
    add_version_2_records(original)
    add_version_3_records(original)
    checked = run_conseil("check", cwd=original)
    assert checked.returncode == 0, checked.stdout
    return original


def add_version_2_records(project: Path) -> None:
    """What the generator does not write: an organe, a dossier followed in two stages from an archive opinion
    known by its month, an organe's *prise d'acte*, an élu's intervention, and the follow-up window."""
    content = project / "content"
    elu = sorted(p.stem for p in (content / "elus").glob("*.md") if p.name != "index.md")[0]
    records = {
        "organes/conseil-metropolitain": "nom: Conseil de la Métropole\ntype: conseil\n",
        "dossiers/plui": "titre: PLUi de la Métropole\ntype: plui\netapes:\n  - date: 2024-06\n    libelle: Arrêt du projet\n",
        "contributions/2019-03-avis-archive-plui": (
            'titre: Avis d\'archive sur le PLUi\ndate: "2019-03"\nnature: avis\norigine: inconnue\n'
            "destinataires: [conseil-metropolitain]\ndossiers: [plui]\netape: preliminaire\n"),
        "contributions/2025-02-10-avis-definitif-plui": (
            "titre: Avis définitif sur le PLUi\ndate: 2025-02-10\nnature: avis\norigine: saisine\n"
            f"destinataires: [conseil-metropolitain, {elu}]\ndossiers: [plui]\netape: definitif\n"
            "suite_de: 2019-03-avis-archive-plui\n"),
        "reponses/2025-04-01-prise-d-acte-plui": (
            "titre: Prise d'acte de l'avis sur le PLUi\ndate: 2025-04-01\ncontributions: [2025-02-10-avis-definitif-plui]\n"
            "organe: conseil-metropolitain\nforme: prise-d-acte\nvote: unanimite\nposition: information\n"),
        "reponses/2025-04-02-intervention-plui": (
            "titre: Intervention sur le PLUi\ndate: 2025-04-02\ncontributions: [2025-02-10-avis-definitif-plui]\n"
            f"elu: {elu}\nforme: orale\nportee: intervention\n"),
    }
    for name, header in records.items():
        (content / f"{name}.md").write_text(f"---\n{header}---\n\nTexte.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text("".join(line + ("      suivi_depuis: 2020-01-01\n" if line.startswith("      delai_reponse_jours:")
                                      else "") for line in config.read_text().splitlines(keepends=True)))


def add_version_3_records(project: Path) -> None:
    """A concertation on the dossier, carried by the organe, with a method of the toolbox, its bilan, and the
    council's definitive opinion contributing to it: the pages a concertation touches."""
    content = project / "content"
    for folder in ("concertations", "bilans", "outils"):
        (content / folder).mkdir(exist_ok=True)
    records = {
        "outils/atelier": "nom: Atelier cartographique\ntype: atelier\n",
        "concertations/2024-09-02-concertation-plui": (
            "titre: Concertation sur le PLUi\nmaitre_ouvrage: conseil-metropolitain\ncadre: code-urbanisme\n"
            "debut: 2024-09-02\nfin: 2024-12-20\ndossiers: [plui]\ndispositifs:\n  - id: atelier-1\n    type: atelier\n"
            "    date: 2024-10-08\n    participants: environ 40\n    outil: atelier\n"),
        "bilans/2025-03-20-bilan-plui": (
            "titre: Bilan de la concertation sur le PLUi\nconcertation: 2024-09-02-concertation-plui\ntype: bilan\n"
            "date: 2025-03-20\nsuites:\n  - sujet: Protéger les haies\n    position: non-retenue\n"),
    }
    for name, header in records.items():
        (content / f"{name}.md").write_text(f"---\n{header}---\n\nTexte.\n", encoding="utf-8")
    opinion = content / "contributions" / "2025-02-10-avis-definitif-plui.md"
    opinion.write_text(opinion.read_text().replace("dossiers: [plui]\n", "dossiers: [plui]\n"
                                                   "concertations: [2024-09-02-concertation-plui]\n"))


@pytest.fixture(scope="module")
def session(council: Path, tmp_path_factory: pytest.TempPathFactory):
    project = tmp_path_factory.mktemp("council")
    shutil.copytree(council, project, dirs_exist_ok=True)
    running = PreviewSession(project, project.parent / "worker-errors.log")
    yield project, running
    running.close()


def _restore(original: Path, project: Path) -> None:
    shutil.rmtree(project / "content")
    shutil.copytree(original / "content", project / "content")
    shutil.copy2(original / "mkdocs.yml", project / "mkdocs.yml")


def test_editing_one_title_renders_only_what_shows_it(council: Path, session) -> None:
    """After a record's title changes, most record pages are reused: the preview is incremental."""
    project, running = session
    _restore(council, project)
    sites = Path(tempfile.mkdtemp())
    running.build("preview", sites / "a")
    record = sorted((project / "content" / "contributions").glob("*.md"))[0]
    record.write_text(record.read_text().replace('titre: "', 'titre: "Titre revu — ', 1))
    notes = running.build("preview", sites / "b")["notes"]
    running.build("reference", sites / "c")
    assert differences(sites / "b", sites / "c") == []
    assert "Titre revu" in (sites / "b" / "contributions" / record.stem / "index.html").read_text()
    assert "PLUi de la Métropole" in (sites / "b" / "dossiers" / "plui" / "index.html").read_text()  # version 2 too
    reused = [line for line in notes if "aperçu incrémental" in line]
    assert reused and "1 fiche(s) modifiée(s)" in reused[0], notes
    pages = len(list((project / "content").glob("*/*.md")))
    assert int(re.search(r"(\d+) page\(s\) reprise", reused[0]).group(1)) >= pages // 2, reused
    shutil.rmtree(sites)


def test_a_first_record_that_brings_its_part_into_the_navigation_shows_on_every_page(council: Path, session) -> None:
    """Instances are in the navigation only once there is one: the first, added while serving, changes every page."""
    project, running = session
    _restore(council, project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - Thèmes: themes/index.md\n",
                                                 "  - Thèmes: themes/index.md\n  - Instances: instances/index.md\n"))
    sites = Path(tempfile.mkdtemp())
    running.build("preview", sites / "a")
    assert 'href="../instances/"' not in (sites / "a" / "suivi" / "index.html").read_text()
    (project / "content" / "instances" / "bureau.md").write_text("---\nnom: Bureau\n---\n\nLe bureau.\n")
    running.build("preview", sites / "b")
    running.build("reference", sites / "c")
    assert differences(sites / "b", sites / "c") == []
    assert 'href="../instances/"' in (sites / "b" / "suivi" / "index.html").read_text()

def test_editing_a_concertation_updates_every_page_it_shows_on(council: Path, session) -> None:
    """A concertation's new title reaches its bilan, its organe, its dossier, its method and the opinion that
    contributes to it, exactly as a fresh preview shows them."""
    project, running = session
    _restore(council, project)
    sites = Path(tempfile.mkdtemp())
    running.build("preview", sites / "a")
    record = project / "content" / "concertations" / "2024-09-02-concertation-plui.md"
    record.write_text(record.read_text().replace("titre: Concertation sur le PLUi", "titre: Concertation revue")
                      .replace("participants: environ 40", "participants: environ 45"))
    running.build("preview", sites / "b")
    running.build("reference", sites / "c")
    assert differences(sites / "b", sites / "c") == []
    for page in ("concertations/2024-09-02-concertation-plui", "bilans/2025-03-20-bilan-plui", "organes/conseil-metropolitain",
                 "dossiers/plui", "outils/atelier", "contributions/2025-02-10-avis-definitif-plui", "concertations"):
        assert "Concertation revue" in (sites / "b" / page / "index.html").read_text(), page
        assert "Concertation revue" not in (sites / "a" / page / "index.html").read_text(), page
    assert "environ 45" in (sites / "b" / "outils" / "atelier" / "index.html").read_text()
    # A count alone, read through the dispositif by the method's page
    record.write_text(record.read_text().replace("participants: environ 45", "participants: 52"))
    running.build("preview", sites / "d")
    running.build("reference", sites / "e")
    assert differences(sites / "d", sites / "e") == []
    assert "52" in (sites / "d" / "outils" / "atelier" / "index.html").read_text()
    shutil.rmtree(sites)


def _title_key(path: Path) -> str:
    return schema.RECORD_TYPES[path.parent.name].title_field.key


class EditSequences(RuleBasedStateMachine):
    """Random edits of the council; after each, the served site is the site a fresh preview builds."""

    original: Path
    project: Path
    running: PreviewSession

    def __init__(self) -> None:
        super().__init__()
        self.sites = Path(tempfile.mkdtemp())
        self.count = 0

    @initialize()
    def start_from_the_original(self) -> None:
        _restore(self.original, self.project)

    def records(self) -> list[Path]:
        return sorted(p for t in RECORD_TYPES for p in (self.project / "content" / t).glob("*.md")
                      if p.name != "index.md")

    def pick(self, data: st.DataObject) -> Path:
        return data.draw(st.sampled_from(self.records()))

    @rule(data=st.data(), title=st.text(alphabet="abcdé ÀZ:'&<", min_size=1, max_size=12))
    def retitle(self, data: st.DataObject, title: str) -> None:
        path = self.pick(data)
        key = _title_key(path)
        lines = path.read_text().splitlines(keepends=True)
        lines = [f"{key}: {json.dumps(title.strip() or 'x', ensure_ascii=False)}\n" if line.startswith(f"{key}:")
                 else line for line in lines]
        path.write_text("".join(lines))

    @rule(data=st.data())
    def edit_body(self, data: st.DataObject) -> None:
        path = self.pick(data)
        path.write_text(path.read_text() + "\n## Ajout\n\nUn paragraphe ajouté, avec [un lien](../index.md).\n")

    @rule(data=st.data())
    def add_record(self, data: st.DataObject) -> None:
        path = self.pick(data)
        self.count += 1
        copy = path.with_name(f"{path.stem}-copie-{self.count}.md")
        key = _title_key(path)
        copy.write_text(path.read_text().replace(f"{key}: ", f"{key}: Copie {self.count} ", 1))

    @rule(data=st.data())
    def answer_a_contribution(self, data: st.DataObject) -> None:
        """A new answer changes what its contribution shows (status, answers) without touching its file."""
        contributions = [p for p in (self.project / "content" / "contributions").glob("*.md") if p.name != "index.md"]
        if not contributions:
            return
        contribution = data.draw(st.sampled_from(sorted(contributions)))
        line = next((line for line in contribution.read_text().splitlines() if line.startswith("destinataires:")), "")
        elus = [name.strip(' "') for name in line.partition("[")[2].rstrip("]").split(",") if name.strip()]
        self.count += 1
        (self.project / "content" / "reponses" / f"2026-11-20-nouvelle-{self.count}.md").write_text(
            f'---\ntitre: "Nouvelle réponse {self.count}"\ndate: 2026-11-20\ncontributions: [{contribution.stem}]\n'
            f'elu: "{elus[0] if elus else "inconnu"}"\nposition: "information"\n---\n\nRéponse.\n')

    @rule(data=st.data())
    def delete_record(self, data: st.DataObject) -> None:
        self.pick(data).unlink()

    @rule(data=st.data())
    def rename_record(self, data: st.DataObject) -> None:
        path = self.pick(data)
        self.count += 1
        path.rename(path.with_name(f"{path.stem}-renomme-{self.count}.md"))

    @rule(data=st.data(), fault=st.sampled_from(["clef_inconnue: 1\n", "date: 2025-13-45\n", "themes: [inconnu]\n"]))
    def break_record(self, data: st.DataObject, fault: str) -> None:
        path = self.pick(data)
        text = path.read_text()
        path.write_text(text.replace("---\n", "---\n" + fault, 1))

    @rule(data=st.data())
    def mend_record(self, data: st.DataObject) -> None:
        """Put a record back as it was (an error fixed, an edit undone); a deleted one comes back."""
        originals = sorted((self.original / "content").glob("*/*.md"))
        source = data.draw(st.sampled_from(originals))
        target = self.project / source.relative_to(self.original)
        shutil.copy2(source, target)

    @rule()
    def edit_a_page_that_is_no_record(self) -> None:
        path = self.project / "content" / "a-propos.md"
        path.write_text(path.read_text() + "\nUne phrase de plus.\n")

    @rule(delay=st.sampled_from([30, 60, 90]), name=st.sampled_from(["Conseil A", "Conseil B"]))
    def edit_configuration(self, delay: int, name: str) -> None:
        path = self.project / "mkdocs.yml"
        text = path.read_text()
        text = "\n".join(f"      delai_reponse_jours: {delay}" if line.startswith("      delai_reponse_jours:")
                         else f"      nom: {name}" if line.startswith("      nom:") else line
                         for line in text.splitlines()) + "\n"
        path.write_text(text)

    @invariant()
    def preview_is_a_fresh_build(self) -> None:
        served, clean = self.sites / "served", self.sites / "clean"
        self.running.build("preview", served)
        self.running.build("reference", clean)
        assert differences(served, clean) == []

    def teardown(self) -> None:
        shutil.rmtree(self.sites, ignore_errors=True)


def test_any_edit_sequence_previews_like_a_fresh_build(council: Path, session) -> None:
    project, running = session
    EditSequences.original, EditSequences.project, EditSequences.running = council, project, running
    run = EditSequences.TestCase
    run.settings = settings(max_examples=6, stateful_step_count=5, deadline=None, derandomize=True,
                            suppress_health_check=list(HealthCheck))
    run().runTest()
