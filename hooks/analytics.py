"""Audience measurement: off unless ``extra.analytics`` is set, and then only
Matomo on the site's own origin (a path such as ``/matomo/``), so that turning
it on sends no reader's visit to another organisation and stays within the
CNIL consent exemption (see overrides/partials/integrations/analytics/matomo.html)."""

from __future__ import annotations

from provence.context import is_first_pass
from provence.errors import Problem, raise_problems
from provence.models import Matomo, validate
from provence.pipeline import step

SOURCE = "mkdocs.yml"

# --- Hooks


@step
def on_config(config):
    """Refuse any measurement that is not first-party Matomo (first pass only)."""
    settings = config.extra.get("analytics")
    if settings is None or not is_first_pass(config):
        return config
    raise_problems(analytics_problems(settings), SOURCE)
    return config


# --- Helper functions


def analytics_problems(settings) -> list[Problem]:
    """What is wrong with ``extra.analytics``, in words an editor can act on."""
    _, problems = validate(Matomo, settings, SOURCE, prefix=("extra", "analytics"))
    return problems
