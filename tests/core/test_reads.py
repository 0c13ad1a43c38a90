"""What the incremental preview builds on: which records a piece of work reads, and when a node has changed."""

from __future__ import annotations

import pytest

from conseil.core.graph import reads
from tests.core.helpers import CONTRIBUTION, REPONSE, corpus

C1 = "contributions/2025-04-02-mobilites"
ELU = "elus/claire-morel"


@pytest.fixture
def tracking():
    reads.track(True)
    yield
    reads.end()
    reads.track(False)


def test_reads_are_not_logged_unless_tracking_is_on():
    graph = corpus({C1: CONTRIBUTION}).graph
    reads.begin()
    assert graph.by_key[C1].titre == "Mobilités du quotidien"
    assert reads.end() == set()


def test_a_field_read_through_a_node_logs_its_record(tracking):
    graph = corpus({C1: CONTRIBUTION, "reponses/r": REPONSE}).graph
    contribution = graph.by_key[C1]
    reads.begin()
    assert contribution.reponses[0].elu.nom == "Claire Morel"  # two links away: the records read are logged
    assert reads.end() == {ELU}
    reads.begin()
    assert contribution.delai_jours == 30  # a derived property reads the contribution and its answer
    assert reads.end() == {C1, "reponses/r"}


def test_reads_outside_a_log_are_not_kept(tracking):
    graph = corpus({C1: CONTRIBUTION}).graph
    assert graph.by_key[C1].titre
    reads.begin()
    assert reads.end() == set()


def test_a_new_answer_changes_the_fingerprint_of_what_it_answers_not_of_unrelated_records():
    before = reads.fingerprints(corpus({C1: CONTRIBUTION, "contributions/autre": CONTRIBUTION}).graph.by_key)
    after = reads.fingerprints(corpus({C1: CONTRIBUTION, "contributions/autre": CONTRIBUTION,
                                       "reponses/r": REPONSE}).graph.by_key)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    # The contribution (now answered), its élu (answers signed, figures) and the answer itself.
    assert changed == {C1, ELU, "reponses/r"}


def test_a_title_changes_only_its_own_fingerprint():
    before = reads.fingerprints(corpus({C1: CONTRIBUTION, "reponses/r": REPONSE}).graph.by_key)
    retitled = CONTRIBUTION.replace("Mobilités du quotidien", "Mobilités revues")
    after = reads.fingerprints(corpus({C1: retitled, "reponses/r": REPONSE}).graph.by_key)
    assert {key for key in before if before[key] != after[key]} == {C1}


def test_a_new_answer_changes_the_themes_that_list_answers_through_their_contributions():
    themed = CONTRIBUTION + "themes: [mobilites]\n"
    before = reads.fingerprints(corpus({C1: themed}).graph.by_key)
    after = reads.fingerprints(corpus({C1: themed, "reponses/r": REPONSE}).graph.by_key)
    assert before["themes/mobilites"] != after["themes/mobilites"]  # `theme.reponses`, computed from links
