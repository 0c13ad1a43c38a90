"""The documentation of the model comes from the model."""

from conseil.core.model import schema
from conseil.core.model.diagnostics import CODES
from conseil.core.editing.reference import content_model_reference
from tests.conftest import REPO


def test_committed_reference_is_up_to_date():
    committed = (REPO / "docs" / "modele-de-contenu.md").read_text(encoding="utf-8")
    assert committed == content_model_reference(), "régénérez : conseil schema"


def test_reference_names_every_key_and_code():
    text = content_model_reference()
    for record_type in schema.RECORD_TYPES.values():
        for field in record_type.fields:
            assert f"`{field.key}`" in text
    for code in CODES:
        assert f"`{code}`" in text
