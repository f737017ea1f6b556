"""The editors' commands, run by the Makefile (README, "Day-to-day editing"):

    python -m provence.commands check                       # the content checks of the build, alone (pre-commit)
    python -m provence.commands translations                # which translations are up to date, stale, missing
    python -m provence.commands translated FILE [--machine-assisted yes|no]
    python -m provence.commands reviewed FILE               # a person checked FILE against the French text
    python -m provence.commands new place=<slug>            # the French file of a new item
    python -m provence.commands serve [--lang en]           # the preview, rebuilt on every save

Run as ``python hooks/provence/commands.py ...`` from the project's folder.
Messages are the build's own: the same functions produce them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

if __name__ == "__main__":
    # Run as a file: import `provence` from hooks/, after the standard library
    # (hooks/collections.py would shadow the standard `collections` module).
    sys.path.remove(str(Path(__file__).resolve().parent))
    sys.path.append(str(Path(__file__).resolve().parents[1]))

from mkdocs.utils.yaml import yaml_load

from provence import languages as langs
from provence import translations, yamlfile
from provence.catalog import COLLECTIONS, DATA_LISTS, collection_files, load_catalog
from provence.errors import Problem, format_problems
from provence.models import SLUG
from provence.scaffold import collection_named, write_new_item


def site_languages(project: Path) -> list[str]:
    """The codes of the languages mkdocs.yml builds (its one declaration), the default one first."""
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    built = [entry for entry in i18n["languages"] if entry.get("build", True)]
    return [entry["locale"] for entry in sorted(built, key=lambda entry: not entry.get("default", False))]


# --- check: the content checks of the build, without building


def content_problems(project: Path) -> list[tuple[str, list[Problem]]]:
    """The problems the build would stop on, by the build's groups, in the build's order."""
    docs, codes = project / "docs", site_languages(project)
    pages = sorted(docs.rglob("*.md"))
    groups = [("front matter", [problem for path in pages if (problem := yamlfile.front_matter_problem(
        path.read_text(encoding="utf-8-sig"), _label(docs, path)))])]
    src_uris = [path.relative_to(docs).as_posix() for path in sorted(docs.rglob("*")) if path.is_file()]
    groups.append(("the docs folder", [
        Problem(f"docs/{src_uri}", "file name", f"language '{code}' is not configured (the site builds: {', '.join(codes)}). "
                "Rename the file with one of those suffixes, or declare the language in mkdocs.yml under plugins > i18n > languages.")
        for src_uri, code in langs.unknown_language_files(src_uris, codes)]))
    _, problems = load_catalog(docs, project / "data", codes)
    groups.append(("the content files", problems))
    for path in pages:
        meta, _, found = translations.split(path.read_text(encoding="utf-8-sig"), _label(docs, path))
        groups.append((_label(docs, path), translations.parse_translation(meta, _label(docs, path))[1] if not found else []))
    return [(what, found) for what, found in groups if found]


def check(project: Path) -> int:
    """Print the build's messages for every content problem; 1 when there is one."""
    groups = content_problems(project)
    for what, problems in groups:
        print(format_problems(problems, what), file=sys.stderr)
    return 1 if groups else 0


# --- translations


def report(project: Path) -> int:
    """Print the table of each language's translations and the stale files."""
    rows, stale, problems = translations.survey(project / "docs", site_languages(project))
    print("\n".join(translations.report_lines(rows, stale)))
    if problems:
        print(format_problems(problems, "the translations"), file=sys.stderr)
    return 1 if problems else 0


def mark(project: Path, files: list[str], *, reviewed: bool, machine_assisted: bool | None = None,
         today: datetime.date | None = None) -> int:
    """Record that each translation follows the current French text (and, if ``reviewed``, that a person checked it)."""
    docs, default = project / "docs", site_languages(project)[0]
    for name in files:
        path = (project / name).resolve()
        src_uri = path.relative_to(docs.resolve()).as_posix()
        code = langs.language_suffix(src_uri)
        if code in (None, default) or not path.is_file():
            print(f"{name}: not a translation file; expected docs/<folder>/<slug>.<language>.md next to its French file", file=sys.stderr)
            return 1
        version = translations.french_version(docs, src_uri)
        if version is None:
            print(f"{name}: its French file docs/{translations.french_src_uri(src_uri, default)} is missing or unreadable", file=sys.stderr)
            return 1
        text = path.read_text(encoding="utf-8")
        updated = translations.record(text, f"docs/{src_uri}", version, machine_assisted=machine_assisted,
                                      reviewed_on=(today or datetime.date.today()) if reviewed else None)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
        print(f"docs/{src_uri}: {'reviewed, ' if reviewed else ''}follows the French text of version {version}")
    return 0


def unrecorded_translations(project: Path) -> list[str]:
    """The translation files that do not say which French text they were made from."""
    docs, codes = project / "docs", site_languages(project)
    found = []
    for path in sorted(docs.rglob("*.md")):
        code = langs.language_suffix(path.name)
        if code in codes[1:]:
            meta, _, _ = translations.split(path.read_text(encoding="utf-8-sig"), _label(docs, path))
            translation, _ = translations.parse_translation(meta, _label(docs, path))
            if translation is None or translation.source is None:
                found.append(path.relative_to(project).as_posix())
    return found


# --- new


def new(project: Path, assignments: list[str]) -> int:
    """Write the French file of each new item asked for (``place=<slug>``)."""
    if not assignments:
        kinds = ", ".join(f"{kind.removesuffix('s') if kind != 'news' else kind}=<slug>" for kind in COLLECTIONS)
        print(f"say what to create: make new place=<slug> (or {kinds})", file=sys.stderr)
        return 1
    choices = existing_ids(project)
    for assignment in assignments:
        name, _, slug = assignment.partition("=")
        kind = collection_named(name)
        if kind is None or not SLUG.match(slug):
            print(f"{assignment}: expected <kind>=<slug> with a kind among {', '.join(COLLECTIONS)} and a slug of "
                  "lowercase letters, digits and hyphens (e.g. place=vieux-port)", file=sys.stderr)
            return 1
        try:
            path = write_new_item(project / "docs", kind, slug, choices)
        except FileExistsError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"{path.relative_to(project).as_posix()}: written; replace each À REMPLIR, then `make serve` to preview it")
    return 0


def existing_ids(project: Path) -> dict[str, list[str]]:
    """Collection or data file -> the ids that exist now (for the comments of a new file)."""
    default = site_languages(project)[0]
    ids = {kind: sorted(collection_files(project / "docs", kind, default)) for kind in COLLECTIONS}
    for name in DATA_LISTS:
        raw, _ = yamlfile.read(project / "data" / f"{name}.yml", f"data/{name}.yml")
        ids[name] = [str(entry["id"]) for entry in raw or [] if isinstance(entry, dict) and "id" in entry]
    return ids


# --- serve


def serve(project: Path, lang: str | None, address: str) -> int:
    """`mkdocs serve`, restarted when a hook's code changes.

    MkDocs rebuilds on a change to docs/ and the folders under ``watch:`` in
    mkdocs.yml (data/, overrides/, templates/, server/), but it keeps hook
    modules loaded: a change to hooks/ needs a new process to take effect.
    ``lang``: preview only French and that language (PREVIEW_LANGUAGE).
    """
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    environment = {**os.environ, "PREVIEW_LANGUAGE": lang or ""}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address, "-f", str(project / "mkdocs.yml")]
    changed = threading.Event()

    class HookChanged(FileSystemEventHandler):
        def on_any_event(self, event):
            if str(event.src_path).endswith(".py") and event.event_type in ("modified", "created", "deleted", "moved"):
                changed.set()

    observer = Observer()
    observer.schedule(HookChanged(), str(project / "hooks"), recursive=True)
    observer.start()
    # Stopped by a signal (a terminal closed, a test ending): the preview stops too, not left behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = None
    try:
        while True:
            server = subprocess.Popen(command, cwd=project, env=environment)
            while server.poll() is None and not changed.wait(0.2):
                pass
            if not changed.is_set():
                return server.returncode
            changed.clear()
            print("hooks/ changed: restarting the preview", file=sys.stderr)
            _stop(server)
    except KeyboardInterrupt:
        return 0
    finally:
        if server is not None and server.poll() is None:
            _stop(server)
        observer.stop()
        observer.join()


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _label(docs: Path, path: Path) -> str:
    return "docs/" + path.relative_to(docs).as_posix()


def main(argv: list[str] | None = None) -> int:
    """The command line of the Makefile's editor targets."""
    parser = argparse.ArgumentParser(prog="provence.commands", description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the project's folder (default: the current one)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="the build's content checks, alone")
    commands.add_parser("translations", help="the state of every translation")
    translated = commands.add_parser("translated", help="FILES follow the current French text")
    translated.add_argument("files", nargs="*")
    translated.add_argument("--machine-assisted", choices=("yes", "no"))
    translated.add_argument("--unrecorded", action="store_true", help="every translation that records no source yet")
    reviewed = commands.add_parser("reviewed", help="a person checked FILES against the current French text")
    reviewed.add_argument("files", nargs="+")
    created = commands.add_parser("new", help="the French file of a new item: place=<slug> ...")
    created.add_argument("assignments", nargs="*")
    served = commands.add_parser("serve", help="the preview, rebuilt on every save")
    served.add_argument("--lang", help="preview only French and this language (en, es ...)")
    served.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "check":
        return check(project)
    if args.command == "translations":
        return report(project)
    if args.command == "translated":
        files = args.files + (unrecorded_translations(project) if args.unrecorded else [])
        machine = None if args.machine_assisted is None else args.machine_assisted == "yes"
        return mark(project, files, reviewed=False, machine_assisted=machine)
    if args.command == "reviewed":
        return mark(project, args.files, reviewed=True)
    if args.command == "serve":
        return serve(project, args.lang, args.dev_addr)
    return new(project, [item for item in args.assignments if "=" in item])


if __name__ == "__main__":
    sys.exit(main())
