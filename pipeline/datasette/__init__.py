"""Datasette configuration for ``chitieu serve``: metadata, templates and the chitieu plugin."""
