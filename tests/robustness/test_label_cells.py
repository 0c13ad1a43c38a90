"""Each data cell of our tables carries its column's name, for the stacked layout of phones."""

from __future__ import annotations

from conseil.plugin.tables import label_cells

TABLE = ('<div class="cdd-table" role="region" aria-labelledby="t" tabindex="0">\n<table class="cdd-donnees">'
         '<caption id="t">Légende</caption><thead><tr><th scope="col">Recommandation</th>'
         '<th scope="col">Position <small>"&amp;"</small></th><th scope="col">Réponse</th></tr></thead><tbody>'
         '<tr id="r1"><th scope="row">r1 texte &lt;td&gt;</th><td>Retenue</td><td class="x">Oui</td></tr>'
         '<tr><th scope="row">r2</th><td>Non</td><td>—</td></tr></tbody></table></div>')


def test_each_data_cell_gets_its_column_name_escaped():
    html = label_cells(TABLE)
    assert html.count('<td data-colonne="Position &#34;&amp;&#34;">') == 2
    assert '<td data-colonne="Réponse" class="x">Oui</td>' in html
    assert html.count("data-colonne") == 4  # row headers need no label
    assert '<th scope="row">r1 texte &lt;td&gt;</th>' in html


def test_other_tables_and_pages_are_left_alone():
    markdown_table = "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    assert label_cells(markdown_table) == markdown_table
    assert label_cells(TABLE + markdown_table).endswith(markdown_table)
