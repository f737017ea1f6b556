"""Which theme files are published: the templates that hooks render
(``overrides/hooks/``: sitemap, robots.txt, CDN rules...) are sources, not
site files, and are kept out of the built site."""

from __future__ import annotations

HOOK_TEMPLATES = "hooks/"

# --- Hooks


def on_files(files, config):
    """Drop hook templates from the files MkDocs copies into the site."""
    for file in [file for file in files if is_hook_template(file.src_uri, file.abs_src_path, config.docs_dir)]:
        files.remove(file)
    return files


# --- Helper functions


def is_hook_template(src_uri: str, abs_src_path: str | None, docs_dir: str) -> bool:
    """A theme file under overrides/hooks/ (never a file of the docs folder)."""
    from_docs = abs_src_path is not None and abs_src_path.startswith(str(docs_dir))
    return src_uri.startswith(HOOK_TEMPLATES) and not from_docs
