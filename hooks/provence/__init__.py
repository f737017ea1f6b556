"""Pure helpers shared by the One Provence MkDocs hooks.

The files in ``hooks/`` are thin MkDocs event functions; the logic they
dispatch to lives here so that it can be unit-tested without a build.
"""
