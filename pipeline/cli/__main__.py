"""``python -m pipeline.cli``: the ``chitieu`` command without the installed script."""

from pipeline.cli import main

main(prog_name="chitieu")
