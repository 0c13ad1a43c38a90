"""The public composition: who is current, parity, ages, colleges, communes, bodies; figures counted by hand."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from conseil.core.graph.composition import build_composition, notice, public_register
from conseil.core.reading.membres import population_shares
from conseil.core.reading.membres import Options, read_membres

import pytest

TODAY = date(2026, 11, 23)

# Nine lines: six current members (4 men, 2 women), one who left, one not yet in, one leaving today.
LISTE = """\
nom,sexe,tranche_age,college,commune,instances,fonction,debut,fin,publication_nom
Anne Martin,F,30-44,Associations,Lanceval,bureau,presidente,2024-01-15,,oui
Paul Roche,M,75+,Associations,Lanceval,bureau;groupe,vice-president,2024-01-15,,non
Marc Petit,M,15-29,Citoyens,Brignac,groupe,membre,2024-01-15,,non
Luc Blanc,M,15-29,Citoyens,,groupe,membre,2024-01-15,,oui
Jean Noir,M,45-59,,Brignac,,membre,2024-01-15,,non
Léa Dumas,F,60-74,Citoyens,Lanceval,groupe,membre,2025-06-01,2026-12-31,non
Rose Ancienne,F,45-59,Associations,Lanceval,bureau,presidente,2020-01-15,2024-01-15,oui
Noé Futur,M,30-44,Citoyens,Lanceval,groupe,membre,2026-12-01,,non
Ida Sortante,F,30-44,Citoyens,Lanceval,groupe,membre,2024-01-15,2026-11-23,non
"""
INSTANCES = {"bureau": SimpleNamespace(nom="Bureau", url="instances/bureau/"),
             "groupe": SimpleNamespace(nom="Groupe mobilités", url="instances/groupe/")}
POPULATION = {"15-29": 20.0, "30-44": 25.0, "45-59": 25.0, "60-74": 20.0, "75+": 10.0}


def membres():
    lecture = read_membres(LISTE.encode(), "membres.csv", Options())
    assert lecture.diagnostics == []
    return lecture.membres


def composition(on: date = TODAY):
    return build_composition(membres(), on, instances=INSTANCES, colleges=("Associations", "Citoyens"),
                             communes=("Lanceval", "Brignac", "Montclar"), population_tranches_age=POPULATION,
                             renouvellement=date(2027, 1, 15))


def test_current_members_exclude_those_who_left_or_are_not_yet_in():
    c = composition()
    assert c.membres == 6  # Anne, Paul, Marc, Luc, Jean, Léa (Ida left on the day, Noé comes in December)
    assert [m.nom for m in c.nommes] == ["Luc Blanc", "Anne Martin"]  # by last name
    assert c.non_nommes == 4


def test_parity_gap_and_its_words():
    p = composition().parite
    assert (p.femmes, p.hommes, p.ecart, p.respectee) == (2, 4, 2, False)
    assert p.phrase() == "2 hommes de plus que de femmes"


def test_parity_respected_at_a_gap_of_one():
    p = composition(date(2026, 11, 22)).parite  # Ida still a member: 3 women, 4 men
    assert (p.femmes, p.hommes, p.ecart, p.respectee) == (3, 4, 1, True)
    assert p.phrase() == "1 homme de plus que de femmes"


def test_age_classes_beside_the_census():
    rows = {t.value: (t.count, round(t.share, 4), t.population, t.ecart_points) for t in composition().tranches_age}
    assert rows == {
        "15-29": (2, 0.3333, 0.2, 13.3),
        "30-44": (1, 0.1667, 0.25, -8.3),
        "45-59": (1, 0.1667, 0.25, -8.3),
        "60-74": (1, 0.1667, 0.2, -3.3),
        "75+": (1, 0.1667, 0.1, 6.7),
    }


def test_colleges_in_the_configured_order_then_the_unknown():
    assert [(c.label, c.count) for c in composition().colleges] == \
        [("Associations", 2), ("Citoyens", 3), ("Non renseigné", 1)]


def test_communes_represented_most_first():
    c = composition()
    assert [(x.label, x.count) for x in c.communes] == [("Lanceval", 3), ("Brignac", 2), ("Non renseigné", 1)]
    assert c.communes_configurees == 3


def test_bodies_by_function_name_only_consenting_members():
    c = composition()
    bureau, groupe, _ = c.instances
    assert (bureau.nom, bureau.total, groupe.nom, groupe.total) == ("Bureau", 2, "Groupe mobilités", 4)
    assert [(g.libelle, [n.nom for n in g.nommes], g.non_nommes) for g in bureau.fonctions] == \
        [("Présidence", ["Anne Martin"], 0), ("Vice-présidence", [], 1)]
    assert [(g.libelle, [n.nom for n in g.nommes], g.non_nommes) for g in groupe.fonctions] == \
        [("Vice-présidence", [], 1), ("Membres", ["Luc Blanc"], 2)]


def test_members_of_no_body_are_grouped_last():
    outside = composition().instances[-1]
    assert (outside.id, outside.instance, outside.total) == ("sans-instance", None, 1)  # Jean Noir


def test_the_public_register_has_no_unconsented_name():
    register = public_register(membres())
    assert sorted(m.nom for m in register.membres if m.nom) == ["Anne Martin", "Luc Blanc", "Rose Ancienne"]
    text = repr(register) + repr(register.au(TODAY)) + repr(register.au(date(2021, 1, 1)))
    for nom in ("Paul Roche", "Marc Petit", "Jean Noir", "Léa Dumas", "Noé Futur", "Ida Sortante"):
        assert nom not in text


def test_the_register_gives_the_composition_of_any_day():
    register = public_register(membres(), instances=INSTANCES)
    assert register.au(TODAY).membres == 6
    assert register.au(date(2021, 6, 1)).membres == 1  # Rose alone
    assert [m.nom for m in register.au(date(2021, 6, 1)).nommes] == ["Rose Ancienne"]


def test_notice_reports_the_gap_without_blocking():
    lines = notice(composition())
    assert lines[0] == "composition au 2026-11-23 : 6 membres, 2 femmes et 4 hommes (2 hommes de plus que de femmes)"
    assert "écart de 2, la loi demande au plus 1" in lines[1]
    assert lines[2] == ("  classes d'âge : 15-29 : 33 % (population 20 %), 30-44 : 17 % (population 25 %), "
                        "45-59 : 17 % (population 25 %), 60-74 : 17 % (population 20 %), "
                        "75+ : 17 % (population 10 %)")


def test_population_shares_are_checked():
    assert population_shares(POPULATION)[0] == ("15-29", 20.0)
    with pytest.raises(ValueError, match="« 15-25 » n'est pas une classe d'âge"):
        population_shares({**POPULATION, "15-25": 1})
    with pytest.raises(ValueError, match="il manque 75\\+"):
        population_shares({k: v for k, v in POPULATION.items() if k != "75+"})
    with pytest.raises(ValueError, match="les parts font 110 %"):
        population_shares({**POPULATION, "75+": 20})
