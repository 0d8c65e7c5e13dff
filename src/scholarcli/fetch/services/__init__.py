"""One module per scholarly service, each declaring its ``SERVICE`` (fetch/service.py).

The registry (fetch/registry.py) imports every module here and nothing else: a new service is a
new module in this folder (see CONTRIBUTING.md, "Adding a service").
"""
