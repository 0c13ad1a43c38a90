"""The `conseil` command: tools for the people who write the records. Each command calls the core."""

from __future__ import annotations

import click

from .. import __version__
from .francais import install as install_french

install_french()  # before the decorators below, which translate their help texts


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conseil")
def main() -> None:
    """Outils du site d'un conseil de développement : vérifier, créer et décrire les fiches."""


def run() -> None:
    """Console-script entry point: usage errors exit with 2, problems found with 1."""
    main(prog_name="conseil")


# Commands, one module each, registered on the group above.
from .check import check  # noqa: E402
from .init import init  # noqa: E402
from .new import new  # noqa: E402
from .rapport import rapport_pdf  # noqa: E402
from .schema import schema  # noqa: E402
from .stats import stats  # noqa: E402

for command in (init, check, new, schema, stats, rapport_pdf):
    main.add_command(command)
