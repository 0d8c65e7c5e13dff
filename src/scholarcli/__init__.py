"""scholar: a command-line bibliography manager for publications and patents."""

__version__ = "0.1.0"
