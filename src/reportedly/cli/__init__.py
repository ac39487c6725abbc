"""The ``reportedly`` command line: thin wrappers over the library.

Data goes to stdout; logs, progress and per-input errors to stderr.
"""

from __future__ import annotations

import logging

import click

from .._version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportedly")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; no progress bar.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn news pages into an attributed, queryable record.

    Example: reportedly analyze examples/charter97-xi-putin.txt
    """
    level = (
        logging.ERROR if quiet else [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    )
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("reportedly")
    root.handlers[:] = [handler]
    root.setLevel(level)
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet


def _register() -> None:
    from . import analyze, browse, evaluate, query

    for module in (analyze, browse, evaluate, query):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
