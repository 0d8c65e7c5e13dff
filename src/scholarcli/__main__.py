"""Allow ``python -m scholarcli``."""

from scholarcli.cli import main

main()
