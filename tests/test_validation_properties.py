"""Any front matter, any data, any field value gets either a valid item or
messages that name the file and a field (or a line): never a traceback.

Property-based (Hypothesis): arbitrary YAML text and arbitrary values go
through the validation the build calls. Deterministic (derandomized) and
bounded, so that it runs in every `make test` in a few seconds.
"""

from __future__ import annotations

import datetime
import string

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collections_content import site_files
from conftest import ROOT, write_files
from provence import models, yamlfile
from provence.catalog import COLLECTIONS, collection_files, load_catalog, load_item
from provence.errors import Problem

LABEL = "docs/lieux/x.fr.md"
CODES = ["fr", "en", "es", "it", "de", "ar", "zh"]
TERRITORY = models.Territory.model_validate(yaml.safe_load((ROOT / "data" / "territory.yml").read_text("utf-8")))
FRONT_MATTER_MODELS = [model for _, model in COLLECTIONS.values()]
DATA_MODELS = [models.Figure, models.Source, models.Tier, models.Theme, models.Funder, models.Budget, models.Territory,
               models.Ordinals, models.Matomo, models.Redirect]

PROPERTY = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# YAML values an editor could write: scalars of every YAML type, lists and mappings of them.
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12), st.floats(allow_nan=True),
    st.text(max_size=30), st.dates(min_value=datetime.date(1, 1, 1)), st.sampled_from(["<b>x</b>", "a < b > c", "https://example.org/", "../a.svg"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(string.ascii_lowercase + "_.", min_size=1, max_size=12), inner, max_size=4),
), max_leaves=12)


def _field_values(model):
    """Mappings with some of the model's fields (and maybe unknown ones), each with any value."""
    names = list(model.model_fields) + [field.alias for field in model.model_fields.values() if field.alias]
    keys = st.one_of(st.sampled_from(names), st.text(string.ascii_lowercase, min_size=1, max_size=10))
    return st.dictionaries(keys, VALUES, max_size=len(names) + 2)


def _assert_located(problems: list[Problem], label: str, model=None) -> None:
    """Each problem names the file, and a field or a line (a check of the whole entry names its fields)."""
    assert problems
    for problem in problems:
        assert isinstance(problem, Problem) and problem.message, problem
        assert problem.file.startswith(label), problem
        located = bool(problem.field) or (model is not None and any(name in problem.message for name in model.model_fields))
        assert located, problem
        str(problem)


# --- YAML text


YAML_TEXT = st.one_of(
    st.text(max_size=200),
    # Text shaped like front matter: keys, colons, quotes, dashes, brackets, anchors, tags.
    st.lists(st.sampled_from(["title", "summary", ":", ": ", "'", '"', "-", " ", "\n", "  ", "[", "]", "{", "}", "&a", "*a",
                              "!!", "#", "2023-02-30", "2023-10-17", "<b>", "é", "\t", "|", ">", "?", ",", "%"]), max_size=40).map("".join),
)


@PROPERTY
@given(text=YAML_TEXT)
def test_any_front_matter_reads_or_names_the_file_and_the_line(text):
    data, problems = yamlfile.front_matter(f"---\n{text}\n---\n\n# Page\n", LABEL)
    if problems:
        assert data == {}
        _assert_located(problems, LABEL)
    else:
        assert isinstance(data, dict)
    problem = yamlfile.front_matter_problem(f"---\n{text}\n---\n", LABEL)
    assert problem is None or (problem.file == LABEL and problem.field)


@PROPERTY
@given(text=YAML_TEXT)
def test_any_data_file_text_reads_or_names_the_file(text):
    data, problems = yamlfile.parse(text, "data/figures.yml")
    if problems:
        assert data is None
        _assert_located(problems, "data/figures.yml")


# --- Field values


@PROPERTY
@given(data=st.data())
def test_any_field_values_give_an_item_or_located_messages(data):
    model = data.draw(st.sampled_from(FRONT_MATTER_MODELS + DATA_MODELS))
    raw = data.draw(_field_values(model))
    parsed, problems = models.validate(model, raw, LABEL, context={"territory": TERRITORY})
    if parsed is None:
        _assert_located(problems, LABEL, model)
    else:
        assert problems == [] and isinstance(parsed, model)


# --- Whole files, through the catalog


def _front_matter_file(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n\nTexte.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One folder for every example of a test (each example writes its files over the last one's)."""
    return tmp_path_factory.mktemp("properties")


@settings(PROPERTY, max_examples=60)
@given(data=st.data())
def test_any_collection_file_and_translation_give_an_item_or_located_messages(folder, data):
    kind = data.draw(st.sampled_from(list(COLLECTIONS)))
    model = COLLECTIONS[kind][1]
    french = data.draw(st.one_of(_field_values(model).map(_front_matter_file), YAML_TEXT.map(lambda text: f"---\n{text}\n---\n")))
    english = data.draw(st.one_of(_field_values(model).map(_front_matter_file), YAML_TEXT.map(lambda text: f"---\n{text}\n---\n")))
    docs, folder_name = folder / kind / "docs", COLLECTIONS[kind][0]
    write_files(docs.parent, {f"docs/{folder_name}/x.fr.md": french, f"docs/{folder_name}/x.en.md": english})
    item, problems = load_item(docs, kind, "x", collection_files(docs, kind, "fr")["x"], "fr", {"territory": TERRITORY})
    if item is None:
        _assert_located(problems, f"docs/{folder_name}/x.", model)
    else:
        assert item.slug == "x" and item.collection == kind
        for problem in problems:
            _assert_located([problem], f"docs/{folder_name}/x.", model)


@settings(PROPERTY, max_examples=25)
@given(data=st.data())
def test_any_edit_of_the_content_set_gives_a_catalog_or_located_messages(folder, data):
    """One file of the complete content set replaced by anything: the catalog is read, or every problem is located."""
    files = site_files()
    path = data.draw(st.sampled_from(sorted(name for name in files if name.endswith((".md", ".yml")))))
    files[path] = data.draw(st.one_of(YAML_TEXT, YAML_TEXT.map(lambda text: f"---\n{text}\n---\n")))
    project = folder / "content-set"
    write_files(project, files)
    _, problems = load_catalog(project / "docs", project / "data", CODES)
    for problem in problems:
        assert problem.file.startswith(("docs/", "data/")) and problem.message, problem
        # A problem of the whole file or entry ("expected a list of entries...") has no field: its label names the entry.
        whole = problem.message.startswith(("expected", "missing")) or " entry " in problem.file
        assert problem.field or whole, problem
        str(problem)


@pytest.mark.parametrize(("text", "message"), [
    ("date: 2023-02-30", "docs/lieux/x.fr.md: line 2, column 7: invalid YAML in the front matter: '2023-02-30' is not a date "
                         "(day is out of range for month); expected a date that exists, as YYYY-MM-DD"),
    ("title: Le port\x08", "docs/lieux/x.fr.md: line 2, column 15: invalid YAML in the front matter: the character '\\x08' (#x0008) "
                           "is not allowed; delete it (it may be invisible)"),
    ("title: &t {a: *t}", "docs/lieux/x.fr.md: title: invalid YAML in the front matter: an alias (*name) stands for a mapping or list "
                          "that contains it; write the values out"),
    ("title: " + "[" * 60 + "]" * 60, "docs/lieux/x.fr.md: title: invalid YAML in the front matter: nested more than 50 levels deep"),
])
def test_front_matter_that_would_have_been_a_traceback_is_a_message(text, message):
    """Found by the properties above: PyYAML raises ValueError for a date that does not exist, and
    a control character or a self-referring alias reached the checks unlocated or endlessly."""
    assert [str(problem) for problem in yamlfile.front_matter(f"---\n{text}\n---\n", LABEL)[1]] == [message]


def test_a_value_where_fields_were_expected_is_described_in_words():
    assert [str(problem) for problem in models.validate(models.Figure, 3, "data/figures.yml entry 1")[1]] == [
        "data/figures.yml entry 1: expected `id: …`, `value: …`, `unit: …`, `label: …`, `source: …`, `date: YYYY-MM-DD`, `approximate: true|false`, got 3"
    ]
