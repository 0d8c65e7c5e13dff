"""The export formats: one module each, named after its format, declaring its ``FORMAT``
(formats/export_types.py: Format). formats/__init__.py finds them here; adding a format is adding
a module (CONTRIBUTING.md, "Adding a format")."""
