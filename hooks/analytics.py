"""Audience measurement: off unless ``extra.analytics`` is set, and then only
Matomo on the site's own origin (a path such as ``/matomo/``), so that turning
it on sends no reader's visit to another organisation and stays within the
CNIL consent exemption (see overrides/partials/integrations/analytics/matomo.html)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, PositiveInt, field_validator

from provence.errors import Problem, raise_problems
from provence.models import validate

SOURCE = "mkdocs.yml"

# --- Hooks


def on_config(config):
    """Refuse any measurement that is not first-party Matomo."""
    settings = config.extra.get("analytics")
    if settings is None:
        return config
    raise_problems(analytics_problems(settings), SOURCE)
    return config


# --- Helper functions


class Matomo(BaseModel):
    """``extra.analytics`` for self-hosted Matomo."""

    model_config = ConfigDict(extra="forbid")

    provider: Literal["matomo"]
    url: str
    site_id: PositiveInt

    @field_validator("url")
    @classmethod
    def _first_party(cls, url: str) -> str:
        if not url.startswith("/") or url.startswith("//") or not url.endswith("/"):
            raise ValueError(f"{url!r} is not a path of this site; expected a path ending with '/', such as /matomo/ (no other origin)")
        return url


def analytics_problems(settings) -> list[Problem]:
    """What is wrong with ``extra.analytics``, in words an editor can act on."""
    _, problems = validate(Matomo, settings, SOURCE, prefix=("extra", "analytics"))
    return problems
