"""French articles come from the noun: gender and elision per record type and per nature."""

from __future__ import annotations

import pytest

from conseil.core.model import grammaire, schema
from conseil.core.model.grammaire import avec_article, elide, nom


@pytest.mark.parametrize("key, forme, expected", [
    ("avis", "du", "de l'avis"),
    ("alerte", "du", "de l'alerte"),
    ("question", "du", "de la question"),
    ("contribution", "du", "de la contribution"),
    ("theme", "du", "du thème"),
    ("elus", "du", "de l'élu"),
    ("avis", "au", "à l'avis"),
    ("question", "au", "à la question"),
    ("theme", "au", "au thème"),
    ("elu", "aux", "aux élus"),
    ("avis", "des", "des avis"),
    ("avis", "le", "l'avis"),
    ("contribution", "le", "la contribution"),
    ("theme", "le", "le thème"),
    ("assemblee", "de", "d'assemblée"),
    ("theme", "de", "de thème"),
    ("avis", "ce", "cet avis"),
    ("theme", "ce", "ce thème"),
    ("alerte", "ce", "cette alerte"),
    ("avis", "un", "un avis"),
    ("alerte", "aucun", "aucune alerte"),
    ("elus", "aucun", "aucun élu"),
])
def test_article_follows_gender_and_elision(key, forme, expected):
    assert avec_article(key, forme) == expected


def test_every_nature_of_the_model_has_a_noun():
    assert set(grammaire.NATURES) == set(schema.NATURES)
    for key, label in schema.NATURES.items():
        assert nom(key).singulier == label.lower()


def test_every_record_type_has_its_noun_with_the_model_gender():
    for record_type in schema.RECORD_TYPES.values():
        for key in (record_type.name, record_type.singular):
            assert nom(key).feminin is record_type.feminine
            assert nom(key).singulier == record_type.label


def test_declared_elisions_agree_with_the_spelling():
    for noun in grammaire.NATURES.values():
        assert noun.elision is elide(noun.singulier), noun


@pytest.mark.parametrize("word, elides", [
    ("avis", True), ("élu", True), ("habitat", True), ("hébergement", True), ("hiver", True),
    ("hausse", False), ("hausses", False), ("haute vallée", False), ("hors-série", False), ("halte", False), ("hameau", False),
    ("contribution", False), ("onze", False), ("yaourt", False), ("", False),
])
def test_elision_before_vowels_and_mute_h_only(word, elides):
    assert elide(word) is elides


def test_unknown_noun_or_form_is_an_error():
    with pytest.raises(KeyError):
        nom("pétition")
    with pytest.raises(ValueError):
        avec_article("avis", "dela")


def test_participles_agree_with_the_noun():
    assert nom("avis").accorde("remis") == "remis"
    assert nom("alerte").accorde("remis") == "remise"
