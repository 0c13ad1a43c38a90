"""The preview's parse cache: a rebuild reuses the records of unchanged files, and loads exactly what a fresh load does."""

from __future__ import annotations

from conseil.core import Settings, SourceFile, load
from conseil.core.loader import ParseCache
from tests.core.helpers import CONTRIBUTION, ELU, REPONSE, THEME, TODAY, record_text

C1 = "contributions/2025-04-02-mobilites"


def _files(records: dict[str, str]) -> list[SourceFile]:
    return [SourceFile(f"{key}.md", f"content/{key}.md", (lambda text=record_text(header): text.encode()))
            for key, header in records.items()]


RECORDS = {"elus/claire-morel": ELU, "themes/mobilites": THEME, C1: CONTRIBUTION, "reponses/r": REPONSE}


def test_an_unchanged_file_gives_the_same_record_and_a_changed_one_is_parsed_again() -> None:
    cache, settings = ParseCache(), Settings(build_date=TODAY)
    first = load(_files(RECORDS), settings, cache=cache)
    edited = {**RECORDS, C1: CONTRIBUTION.replace("Mobilités du quotidien", "Mobilités du soir")}
    second = load(_files(edited), settings, cache=cache)
    contribution = C1.split("/")[1]
    assert second.index.records["elus"]["claire-morel"] is first.index.records["elus"]["claire-morel"]
    assert second.index.records["contributions"][contribution] is not first.index.records["contributions"][contribution]
    assert second.graph.by_key[C1].titre == "Mobilités du soir"
    fresh = load(_files(edited), settings)
    assert second.diagnostics == fresh.diagnostics
    assert [r.key for r in second.index.all()] == [r.key for r in fresh.index.all()]
    assert all(a == b for a, b in zip(second.index.all(), fresh.index.all()))


def test_a_broken_file_keeps_its_problems_and_a_deleted_one_is_forgotten() -> None:
    cache, settings = ParseCache(), Settings(build_date=TODAY)
    broken = {**RECORDS, C1: CONTRIBUTION.replace("nature: avis", "nature: [avis")}
    first = load(_files(broken), settings, cache=cache)
    again = load(_files(broken), settings, cache=cache)
    assert first.diagnostics and again.diagnostics == first.diagnostics == load(_files(broken), settings).diagnostics
    without = {key: header for key, header in RECORDS.items() if key != "reponses/r"}
    load(_files(without), settings, cache=cache)
    assert len(cache.entries) == len(without)
