"""A small but complete content set for fixture sites: every collection (news
posts included), every data file, translations and index pages, written to
the content contract (data/README.md)."""

from __future__ import annotations

import textwrap
from pathlib import Path

LANGUAGES = ("fr", "en", "es", "it", "de", "ar", "zh")
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n'
HOME = "---\ntitle: Accueil\n---\n\n# Accueil\n"


def labels(**texts) -> str:
    """A YAML flow mapping of one text per language (French repeated where not given)."""
    return "{" + ", ".join(f"{code}: \"{texts.get(code, texts['fr'])}\"" for code in LANGUAGES) + "}"


def page(front_matter: str, body: str = "") -> str:
    """A Markdown file with its front matter."""
    return f"---\n{textwrap.dedent(front_matter).strip()}\n---\n\n{body}\n"


ROOT = Path(__file__).resolve().parents[1]

DATA = {
    # The site's own bounds and ordinal patterns: checks and formatting depend on them.
    "data/territory.yml": (ROOT / "data" / "territory.yml").read_text("utf-8"),
    "data/ordinals.yml": (ROOT / "data" / "ordinals.yml").read_text("utf-8"),
    "data/amounts.yml": (ROOT / "data" / "amounts.yml").read_text("utf-8"),
    "data/communes.yml": (
        f"- id: Marseille\n  name: {labels(fr='Marseille', es='Marsella', it='Marsiglia', ar='مرسيليا', zh='马赛')}\n"
        f"- id: Cassis\n  name: {labels(fr='Cassis')}\n"
        f"- id: Aix-en-Provence\n  name: {labels(fr='Aix-en-Provence', ar='إكس أون بروفانس', zh='艾克斯普罗旺斯')}\n"
    ),
    "data/themes.yml": f"- id: mer\n  label: {labels(fr='Mer', en='Sea')}\n- id: patrimoine\n  label: {labels(fr='Patrimoine', en='Heritage')}\n"
    f"- id: nature\n  label: {labels(fr='Nature', en='Nature')}\n",
    "data/tiers.yml": (
        f"- id: fondateurs\n  order: 1\n  label: {labels(fr='Financeurs fondateurs', en='Founding funders')}\n"
        f"  description: {labels(fr='Ceux qui ont créé l’agence.', en='Those who created the agency.')}\n"
        f"- id: strategiques\n  order: 2\n  label: {labels(fr='Partenaires stratégiques', en='Strategic partners')}\n"
    ),
    "data/sources.yml": (
        "- id: launch-article\n  title: {fr: Article de lancement, en: Launch article}\n  publisher: One Provence\n"
        "  url: https://example.org/lancement\n  date: 2023-10-17\n"
        "- id: annual-report\n  title: Rapport annuel\n  publisher: null\n  url: null\n"
    ),
    "data/figures.yml": (
        f"- id: airport-passengers-2023\n  value: 10000000\n  unit: count\n  label: {labels(fr='passagers à l’aéroport', en='airport passengers')}\n"
        "  source: launch-article\n  date: 2023-10-17\n"
        f"- id: university-rank\n  value: 1\n  unit: rank\n  label: {labels(fr='{value} université francophone', en='the {value} French-speaking university')}\n"
        "  source: annual-report\n  date: 2023-06-01\n"
        f"- id: budget-total\n  value: 1500000\n  unit: euros\n  approximate: true\n  label: {labels(fr='budget annuel', en='annual budget')}\n"
        "  source: launch-article\n  date: 2023-10-17\n"
    ),
    "data/budget.yml": (
        "source: launch-article\ntotal: budget-total\n"
        f"funders:\n  - id: metropole\n    partner: metropole-amp\n    amount: 1000000\n    label: {labels(fr='Métropole', en='Metropolis')}\n"
        f"  - id: entreprises\n    amount: 500000\n    label: {labels(fr='Entreprises', en='Companies')}\n"
    ),
}

SECTORS = {
    "docs/filieres/sante.fr.md": page("""
        title: Santé
        summary: La filière santé.
        figures: [university-rank]
        """, "Texte santé. [[figure:airport-passengers-2023]]"),
    "docs/filieres/sante.en.md": page("""
        title: Health
        summary: The health sector.
        """, "Health text."),
    "docs/filieres/tourisme.fr.md": page("""
        title: Tourisme
        summary: La filière tourisme.
        """),
}

PLACES = {
    "docs/lieux/vieux-port.fr.md": page("""
        title: Le Vieux-Port
        summary: Le cœur de Marseille.
        commune: Marseille
        coordinates: {lat: 43.2951, lon: 5.3740}
        route: 1
        themes: [mer, patrimoine]
        sectors: [tourisme]
        image: {src: ../assets/illustrations/vieux-port.svg, alt: Le port et ses bateaux}
        access: Métro ligne 1.
        accessibility: Quais accessibles.
        website: https://www.marseille.fr/
        """, "Le Vieux-Port."),
    "docs/lieux/vieux-port.en.md": page("""
        title: The Old Port
        summary: The heart of Marseille.
        image: {alt: The harbour and its boats}
        access: Metro line 1.
        """, "The Old Port."),
    "docs/lieux/calanques.fr.md": page("""
        title: Les Calanques
        summary: Un parc national.
        commune: Cassis
        coordinates: {lat: 43.21, lon: 5.45}
        route: 3
        themes: [mer]
        sectors: [tourisme, sante]
        image: {src: ../assets/illustrations/calanques.svg, alt: Une calanque}
        """),
    "docs/lieux/sainte-victoire.fr.md": page("""
        title: La Sainte-Victoire
        summary: La montagne de Cézanne.
        commune: Aix-en-Provence
        coordinates: {lat: 43.53, lon: 5.58}
        route: 2
        image: {src: ../assets/illustrations/calanques.svg, alt: La montagne}
        """),
    "docs/assets/illustrations/vieux-port.svg": SVG,
    "docs/assets/illustrations/calanques.svg": SVG,
}

PARTNER_FILES = {
    "docs/partenaires/metropole-amp.fr.md": page("""
        title: Métropole Aix-Marseille-Provence
        summary: La collectivité qui finance l'agence.
        tier: fondateurs
        sectors: [sante, tourisme]
        website: https://www.ampmetropole.fr/
        member_since: 2023
        logo: {src: ../assets/logos/metropole-amp.svg, alt: Logo de la Métropole}
        """),
    "docs/partenaires/metropole-amp.en.md": page("""
        title: Aix-Marseille-Provence Metropolis
        summary: The local authority that funds the agency.
        logo: {alt: Metropolis logo}
        """),
    "docs/assets/logos/metropole-amp.svg": SVG,
}

NEW_PARTNER = {
    "docs/partenaires/cma-cgm.fr.md": page("""
        title: Armateur Exemple
        summary: Un armateur mondial.
        tier: strategiques
        sectors: [sante]
        website: https://example.com/
        logo: {src: ../assets/logos/armateur.svg, alt: Logo de l'armateur}
        """),
    "docs/assets/logos/armateur.svg": SVG,
}

NETWORK = {
    "docs/reseau/marie-curie.fr.md": page("""
        title: Marie Exemple
        kind: person
        role: Chercheuse
        sector: sante
        statement: La santé avance ici.
        link: https://example.org/marie
        """),
}

EVENTS = {
    "docs/agenda/voile-2024.fr.md": page("""
        title: Épreuves de voile
        summary: Les JO à Marseille.
        start: 2023-07-28
        end: 2023-08-08
        place: vieux-port
        link: https://example.org/jo
        """),
    "docs/agenda/salon-2030.fr.md": page("""
        title: Salon de l'avenir
        start: 2030-05-01
        end: 2030-05-03
        """),
}

NEWS = {
    # Newest first: sante-2024, lancement and fete-du-port (same day: by file name), port-2023.
    "docs/actualites/lancement.fr.md": page("""
        title: Lancement de l'agence
        summary: L'agence est lancée.
        date: 2023-10-17
        image: {src: ../assets/illustrations/vieux-port.svg, alt: Le port en fête}
        sectors: [tourisme]
        places: [vieux-port]
        """, "# Lancement de l'agence\n\nLe lancement. [[figure:budget-total]]"),
    "docs/actualites/lancement.en.md": page("""
        title: Launch of the agency
        summary: The agency is launched.
        image: {alt: The harbour celebrating}
        """, "# Launch of the agency\n\nThe launch."),
    "docs/actualites/fete-du-port.fr.md": page("""
        title: Fête du port
        summary: Le port en fête.
        date: 2023-10-17
        image: {src: ../assets/illustrations/vieux-port.svg, alt: Des bateaux pavoisés}
        places: [vieux-port, calanques]
        """, "La fête."),
    "docs/actualites/sante-2024.fr.md": page("""
        title: Une année pour la santé
        summary: La filière santé en 2024.
        date: 2024-03-10
        image: {src: ../assets/illustrations/calanques.svg, alt: Une calanque au soleil}
        sectors: [sante]
        """, "La santé."),
    "docs/actualites/sante-2024.en.md": page("""
        title: A year for health
        summary: The health sector in 2024.
        image: {alt: A calanque in the sun}
        """, "Health."),
    "docs/actualites/port-2023.fr.md": page("""
        title: Le port au printemps
        summary: Le port en juin.
        date: 2023-06-01
        image: {src: ../assets/illustrations/vieux-port.svg, alt: Le port au printemps}
        sectors: [tourisme]
        """, "Le port."),
}

INDEXES = {
    "docs/index.fr.md": HOME,
    "docs/lieux/index.fr.md": page("title: Les lieux totem\nlisting: places", "# Les lieux totem"),
    "docs/lieux/index.en.md": page("title: Totem places\nlisting: places", "# Totem places"),
    "docs/filieres/index.fr.md": page("title: Les filières\nlisting: sectors", "# Les filières\n\n[[figures:airport-passengers-2023,budget-total]]"),
    "docs/partenaires/index.fr.md": page("title: Les partenaires\nlisting: partners", "# Les partenaires\n\n[[budget]]"),
    "docs/reseau/index.fr.md": page("title: Le réseau\nlisting: changemakers", "# Le réseau"),
    "docs/agenda/index.fr.md": page("title: L'agenda\nlisting: events", "# L'agenda"),
    # A translated index page without `listing:` shows its French version's listing.
    "docs/agenda/index.en.md": page("title: Agenda", "# Agenda"),
    "docs/actualites/index.fr.md": page("title: Actualités\nlisting: news", "# Actualités"),
    "docs/actualites/index.en.md": page("title: News", "# News"),
}


def site_files(**extra: str) -> dict[str, str]:
    """The whole content set, with extra or replaced files."""
    return {**DATA, **SECTORS, **PLACES, **PARTNER_FILES, **NETWORK, **EVENTS, **NEWS, **INDEXES, **extra}


def news_archive(count: int) -> dict[str, str]:
    """``count`` more French posts, one a day from 1 January 2022 (all older than those of NEWS)."""
    return {
        f"docs/actualites/archive-{number:02d}.fr.md": page(f"""
            title: Archive {number:02d}
            summary: Nouvelle numéro {number}.
            date: 2022-01-{number:02d}
            image: {{src: ../assets/illustrations/calanques.svg, alt: Archive {number}}}
            """)
        for number in range(1, count + 1)
    }
