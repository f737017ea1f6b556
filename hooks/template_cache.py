"""Templates compiled once, not once per language and per build.

MkDocs makes a new Jinja environment for each language pass, and Material's
search plugin several more, so Material's templates were compiled again and
again in each build (about a fifth of its time), and at each rebuild of
`make serve`. Every environment the theme makes shares the build's compiled
templates (in the build context), kept on disk for the next build
(provence/compiled.py). The collections' environment (hooks/collections.py)
gets the same, under its own options.
"""

from __future__ import annotations

from provence import compiled, upstream
from provence.context import context_of
from provence.pipeline import step

# --- Hooks


@step
def on_config(config):
    """Before any plugin makes an environment: each one the theme makes shares the build's compiled templates."""
    build = context_of(config)

    def share(env):
        env.bytecode_cache = compiled.bytecode_for(env, build.compiled_templates, build.project)

    upstream.prepare_theme_environments(config.theme, share)
    return config
