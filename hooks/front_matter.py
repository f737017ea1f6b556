"""Front matter that MkDocs would silently ignore stops the build instead.

MkDocs treats a page whose YAML front matter does not parse (an unquoted
``title: Fos : le port``, a leftover merge marker) as plain Markdown without
metadata: the title, the template and every field are dropped without a word.
"""

from __future__ import annotations

from pathlib import Path

from provence.context import is_first_pass
from provence.errors import raise_problems
from provence.pipeline import step
from provence.yamlfile import front_matter_problem

# --- Hooks


@step
def on_files(files, config):
    """Check the front matter of every Markdown page of the docs folder.

    Every language's file list holds the same docs files: they are checked in
    the default language's pass, once per build.
    """
    if not is_first_pass(config):
        return files
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path and file.abs_src_path.startswith(str(config.docs_dir)):
            text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            if problem := front_matter_problem(text, f"docs/{file.src_uri}"):
                problems.append(problem)
    raise_problems(problems, "front matter")
    return files
