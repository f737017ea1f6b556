"""What the collection hooks share during one build: the catalog read and
checked once, in the default language's pass, and reused by the six other
language builds; the Jinja environment that renders the collections' markup."""

from __future__ import annotations

catalog = None
build_date = None
env = None
# The collections as the language being built shows them (hooks/collections.py).
views: dict = {}
