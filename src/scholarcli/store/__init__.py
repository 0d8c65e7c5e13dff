"""The record store: where a library is, and reading and writing its files (records and library.toml).

It knows files, not indexes: the index (scholarcli.index) reads records through it, and the
library layer (scholarcli.library) decides what to write.
"""
