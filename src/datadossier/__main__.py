from datadossier.cli import run

run()
