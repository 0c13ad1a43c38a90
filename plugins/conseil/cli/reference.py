"""The `conseil` command's reference, in French Markdown, generated from the click commands themselves.

The guide builds it at each build (guide/hooks.py): a new command or option is documented as soon as it exists.
"""

from __future__ import annotations

import html
import inspect

import click


def _text(text: str) -> str:
    """Help text as Markdown prose: `<type>` stays visible instead of becoming an HTML tag."""
    return html.escape(text, quote=False)


def _cell(text: str) -> str:
    """One Markdown table cell: no line break, no bare pipe."""
    return _text(" ".join(text.split())).replace("|", "\\|")


def _option_rows(command: click.Command, ctx: click.Context) -> list[str]:
    """One row per option; arguments are named in the usage line and explained by the command's help."""
    rows = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
        if record is not None:
            names, help_text = record
            rows.append(f"| `{names}` | {_cell(help_text)} |")  # tables ignore a pipe inside a code span
    return rows


def _command_section(group: click.Group, name: str, command: click.Command) -> list[str]:
    parent = click.Context(group, info_name="conseil")
    ctx = click.Context(command, info_name=name, parent=parent)
    usage = " ".join(command.collect_usage_pieces(ctx))
    help_text = inspect.cleandoc(command.help or "")
    out = [f"## `conseil {name}`", "", "```console", f"conseil {name} {usage}".rstrip(), "```", ""]
    out += [_text(help_text), ""] if help_text else []
    rows = _option_rows(command, ctx)
    if rows:
        out += ["| option | rôle |", "|---|---|", *rows, ""]
    return out


def commands_reference(group: click.Group) -> str:
    """The whole page: every command of `group`, its usage, its help and each of its parameters."""
    out = [
        "# La commande `conseil`",
        "",
        "<!-- Généré à chaque construction du guide à partir des commandes elles-mêmes "
        "(plugins/conseil/cli/) : ne pas recopier ailleurs. -->",
        "",
        "Chaque commande s'utilise depuis le dossier du site (celui de `mkdocs.yml`) ; `conseil --help` et "
        "`conseil COMMANDE --help` affichent la même aide dans le terminal. `conseil --version` donne la "
        "version installée.",
        "",
        "Codes de sortie : 0 sans problème, 1 si des problèmes sont trouvés (les avertissements aussi : ils "
        "font échouer `mkdocs build --strict`), 2 pour une erreur d'usage. Les couleurs ne s'affichent que "
        "dans un terminal, et jamais quand la variable `NO_COLOR` est définie.",
        "",
    ]
    with click.Context(group, info_name="conseil") as ctx:
        for name in group.list_commands(ctx):
            out += _command_section(group, name, group.get_command(ctx, name))
    return "\n".join(out).rstrip() + "\n"
