"""The `conseil` command: tools for the people who write the records. Each command calls the core."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conseil")
def main() -> None:
    """Outils du site d'un conseil de développement : vérifier, créer et décrire les fiches."""


def run() -> None:
    """Console-script entry point: usage errors exit with 2, problems found with 1."""
    main(prog_name="conseil")


from .check import check  # noqa: E402  (commands register on the group defined above)

main.add_command(check)
from .new import new  # noqa: E402

main.add_command(new)
