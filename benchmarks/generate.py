"""A synthetic council of N records, deterministic from a seed, for the benchmarks.

The mix follows a real council over about ten years: 40 élus, 30 themes, one
assembly for four contributions, about 60 % of contributions answered, answers
with recommendation-by-recommendation follow-up and commitments, a few drafts
and embargoed records, bodies of 300 to 800 words using the Markdown features
the communications team uses (headings, lists, emphasis, links, a table).

    python benchmarks/generate.py 2000 --seed 7 --out benchmarks/work/n2000

writes `content/`, `mkdocs.yml` (with the `conseil` plugin) and `mkdocs-plain.yml`
(the baseline: the same files and navigation as plain Material pages, no plugin).
The home and section pages are ordinary files (a title and a paragraph), so both
builds have the same pages and the same navigation; with the plugin, the section
pages get its tables.
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from conseil.core.model import schema

REFERENCE_DATE = date(2026, 11, 23)  # the day the benchmarks build for, as in the tests
FIRST_DATE = REFERENCE_DATE - timedelta(days=3652)  # ten years of records
EMBARGO = date(2027, 3, 1)

# Everything the two configurations share: the demo's theme and Markdown settings.
COMMON_CONFIG = """\
site_name: Conseil de développement de Synthèse-sur-Arvel
site_description: Corpus synthétique pour mesurer la vitesse de construction du site.
site_url: https://conseil-developpement.example.org/
docs_dir: content
copyright: Conseil de développement de Synthèse-sur-Arvel — contenus sous Licence Ouverte 2.0

theme:
  name: material
  language: fr
  font: false
  palette:
    primary: indigo
    accent: indigo
  features:
    - navigation.tabs
    - navigation.top
    - search.highlight
    - toc.follow

markdown_extensions:
  - toc:
      permalink: true
      permalink_title: Lien vers cette section
  - tables
  - admonition
  - attr_list
  - def_list
  - footnotes

extra:
  generator: false
  conformite_rgaa: partiellement conforme

# Records stay out of the navigation, as in the demo site.
not_in_nav: |
  /assemblees/*.md
  /contributions/*.md
  /reponses/*.md
  /elus/*.md
  /themes/*.md
"""

# Both configurations share the navigation: section pages are ordinary files of content/, which
# the plugin fills with its tables and the baseline shows as they are.
NAV = """
nav:
  - Accueil: index.md
  - Assemblées: assemblees/index.md
  - Contributions: contributions/index.md
  - Réponses: reponses/index.md
  - Suivi des réponses: suivi/index.md
  - Élus: elus/index.md
  - Thèmes: themes/index.md
  - À propos: a-propos.md
"""

# The site as the demo builds it: the plugin's own search index (Pagefind), not Material's search plugin.
PLUGIN_CONFIG = COMMON_CONFIG + NAV + """
plugins:
  - conseil:
      nom: Conseil de développement de Synthèse-sur-Arvel
      delai_reponse_jours: 60
      date_reference: !ENV [CONSEIL_DATE_REFERENCE, null]
"""
# The same without the search index (`recherche: false`, what a preview may do).
NO_INDEX_CONFIG = PLUGIN_CONFIG + "      recherche: false\n"

# The baseline: the same files and navigation as plain Material pages; no `conseil` plugin.
PLAIN_CONFIG = COMMON_CONFIG + NAV + """
plugins:
  - search:
      lang: fr
"""

SECTION_PAGES = {
    "index.md": "Accueil",
    "assemblees/index.md": "Assemblées",
    "contributions/index.md": "Contributions",
    "reponses/index.md": "Réponses des élus",
    "suivi/index.md": "Suivi des réponses",
    "elus/index.md": "Élus",
    "themes/index.md": "Thèmes",
    "a-propos.md": "À propos",
}

PRENOMS = ["Claire", "Julien", "Nadia", "Bertrand", "Sophie", "Hélène", "Karim", "Élodie", "Mathieu", "Inès",
           "Louis", "Fatou", "Thomas", "Camille", "Yann", "Agnès", "Rachid", "Margaux", "Pierre", "Aïcha"]
NOMS = ["Morel", "Faure", "Benali", "Lacombe", "Guérin", "Vasseur", "Roussel", "Chevalier", "Lemoine", "Giraud",
        "Perrin", "Mercier", "Dupuis", "Fontaine", "Barbier", "Renaud", "Colin", "Arnaud", "Gaillard", "Brun"]
DELEGATIONS = ["aux mobilités", "à l'habitat et au logement", "à la transition écologique", "à l'eau",
               "au développement économique", "à l'agriculture et à l'alimentation", "à la jeunesse",
               "à la culture", "aux solidarités", "à l'urbanisme", "aux finances", "à la santé",
               "au tourisme", "aux sports", "à l'enseignement supérieur", "au numérique"]
THEMES = ["Mobilités", "Logement", "Climat et énergie", "Eau et biodiversité", "Alimentation", "Jeunesse",
          "Culture", "Économie et emploi", "Solidarités", "Santé", "Urbanisme", "Numérique", "Tourisme",
          "Sport", "Éducation", "Agriculture", "Déchets", "Air et bruit", "Commerce de proximité",
          "Vie associative", "Sécurité routière", "Patrimoine", "Forêts", "Risques naturels", "Vieillissement",
          "Handicap", "Égalité femmes-hommes", "Finances locales", "Coopérations territoriales", "Démocratie locale"]
SUJETS = ["le plan de mobilité", "la tarification solidaire", "les pistes cyclables", "le logement étudiant",
          "la rénovation énergétique", "les cantines scolaires", "la ressource en eau", "les zones d'activité",
          "l'éclairage public", "les tiers-lieux", "la desserte des bourgs", "le projet de territoire",
          "le plan climat", "les centres-bourgs", "la santé mentale des jeunes", "l'accueil des saisonniers",
          "les déchets verts", "la qualité de l'air", "les ponts de l'Arvel", "la forêt communale",
          "les marchés de producteurs", "la navette du soir", "les cours d'école", "les maisons de santé"]
COMMUNES = ["Synthèse-sur-Arvel", "Brignac-sur-Arvel", "Rochebrune-d'Arvel", "Montclar", "Les Granges",
            "Saint-Ours", "Val-Fleuri", "Croix-Blanche"]
LIEUX = ["Salle du conseil, hôtel de Métropole", "Maison des associations, 8 place du Marché",
         "Médiathèque Louise-Michel", "Salle polyvalente", "Tiers-lieu La Fabrique"]
SENTENCES = [
    "Le conseil de développement a réuni ses membres pour examiner la question avec les services de la Métropole.",
    "Les participants ont souligné l'importance d'une information claire et accessible à tous les habitants.",
    "Plusieurs communes rurales ont rappelé que les solutions pensées pour la ville-centre ne leur conviennent pas toujours.",
    "Le diagnostic partagé montre des écarts importants entre les quartiers et entre les communes.",
    "Les associations entendues ont insisté sur la nécessité d'un calendrier précis et d'un suivi public.",
    "La Métropole dispose déjà de plusieurs outils, mais leur coordination reste à construire.",
    "Le conseil recommande de mesurer chaque année les effets des décisions prises et d'en publier les résultats.",
    "Les jeunes rencontrés lors de l'atelier ont exprimé des attentes fortes en matière de transports du soir.",
    "Les coûts doivent être partagés de façon juste entre les habitants, les entreprises et la collectivité.",
    "Une expérimentation limitée dans le temps permettrait d'évaluer la mesure avant de la généraliser.",
    "Les élus ont été invités à présenter leurs arbitrages lors de la prochaine assemblée ouverte.",
    "Le budget annoncé ne couvre qu'une partie des besoins recensés par les services techniques.",
    "Des retours d'expérience d'autres territoires montrent que l'adhésion des habitants dépend de la concertation.",
    "Le conseil s'est appuyé sur les données publiées par l'observatoire territorial et par l'Insee.",
    "La question de l'accessibilité aux personnes handicapées doit être traitée dès la conception des projets.",
    "Les horaires des services publics restent mal adaptés aux personnes qui travaillent en horaires décalés.",
    "Le conseil salue les efforts engagés mais regrette l'absence d'objectifs chiffrés.",
    "Les acteurs économiques ont fait part de leurs inquiétudes sur les délais de mise en œuvre.",
    "Un comité de suivi associant le conseil de développement serait un gage de transparence.",
    "La sobriété foncière impose de reconsidérer l'usage des zones déjà artificialisées.",
]
# Words of one field each, spread as in real prose: a body speaks of one or two of these topics, so that a
# domain word (« logement ») is on about one page in eight, not on every page as the sentences above are.
TOPICS = {
    "logement": ["Le logement des jeunes actifs et des étudiants manque dans les bourgs.",
                 "Les loyers ont augmenté plus vite que les revenus des ménages modestes.",
                 "La rénovation des copropriétés fragiles demande un accompagnement durable."],
    "mobilite": ["Les pistes cyclables s'arrêtent aux limites des communes.",
                 "Le bus du soir ne dessert plus les hameaux après vingt heures.",
                 "Un parking relais sécurisé éviterait la voiture jusqu'au centre."],
    "eau": ["La ressource en eau baisse chaque été depuis cinq ans.",
            "Les nappes phréatiques alimentent l'irrigation et l'eau potable.",
            "Une tarification progressive protégerait les petits consommateurs."],
    "alimentation": ["Les cantines scolaires servent trop peu de produits locaux.",
                     "Les maraîchers cherchent des terres et des débouchés.",
                     "Un marché de producteurs par commune rapprocherait les fermes des habitants."],
    "climat": ["Les îlots de fraîcheur manquent dans les cours d'école.",
               "La canicule rend les crèches invivables en juillet.",
               "La végétalisation des places réduit la chaleur nocturne."],
    "culture": ["Le cinéma associatif vit grâce à ses bénévoles.",
                "Les tiers-lieux culturels accueillent concerts, ateliers et répétitions.",
                "La médiathèque ouvre désormais le dimanche matin."],
    "economie": ["Les commerces des centres-bourgs ferment faute de repreneurs.",
                 "Les zones d'activité restent inaccessibles sans voiture.",
                 "Les saisonniers agricoles peinent à se loger près des exploitations."],
    "solidarite": ["L'hébergement d'urgence est saturé dès les premiers froids.",
                   "Les maisons de santé manquent de médecins généralistes.",
                   "L'isolement des personnes âgées s'aggrave dans les hameaux."],
}

HEADINGS = ["Contexte", "Ce que nous avons entendu", "Constats", "Nos propositions", "Points de vigilance",
            "Calendrier", "Pour aller plus loin", "Méthode de travail", "Ce qui reste à faire"]


@dataclass
class Plan:
    """Every record to write, with the facts the others need to reference it."""

    elus: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    assemblees: list[tuple[date, str, bool]] = field(default_factory=list)  # (date, id, published)
    contributions: list[dict] = field(default_factory=list)


def sizes(n: int) -> dict[str, int]:
    """How many records of each type make a council of `n` records."""
    elus = min(40, max(3, n // 50))
    themes = min(30, max(3, n // 50))
    rest = n - elus - themes
    assemblees = max(1, round(rest / 7.4))  # 1 assembly, 4 contributions, ~2.4 answers
    contributions = 4 * assemblees
    reponses = max(0, rest - assemblees - contributions)
    return {"elus": elus, "themes": themes, "assemblees": assemblees, "contributions": contributions,
            "reponses": reponses}


def generate(n: int, seed: int, out: Path) -> dict[str, int]:
    """Write a council of `n` records under `out` (content/, mkdocs.yml, mkdocs-plain.yml); return the counts."""
    rng = random.Random(seed)
    counts = sizes(n)
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    for folder in schema.RECORD_TYPES:
        (content / folder).mkdir(parents=True)
    (out / "mkdocs.yml").write_text(PLUGIN_CONFIG, encoding="utf-8")
    (out / "mkdocs-plain.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (out / "mkdocs-sans-index.yml").write_text(NO_INDEX_CONFIG, encoding="utf-8")
    (content / "suivi").mkdir()
    for uri, title in SECTION_PAGES.items():
        (content / uri).write_text(f"---\ntitle: {title}\n---\n\n" + _paragraphs(rng, 1) + "\n", encoding="utf-8")

    plan = Plan()
    _write_themes(rng, content, counts["themes"], plan)
    _write_elus(rng, content, counts["elus"], plan)
    _write_assemblees(rng, content, counts["assemblees"], plan)
    _write_contributions(rng, content, counts["contributions"], plan)
    written = _write_reponses(rng, content, counts["reponses"], plan)
    counts["reponses"] = written
    counts["total"] = sum(v for k, v in counts.items() if k != "total")
    return counts


# -- records --------------------------------------------------------------------

def _write(content: Path, folder: str, record_id: str, header: dict, body: str) -> None:
    lines = ["---"]
    for key, value in header.items():
        lines.append(_yaml_entry(key, value))
    lines += ["---", "", body.strip(), ""]
    (content / folder / f"{record_id}.md").write_text("\n".join(lines), encoding="utf-8")


def _yaml_entry(key: str, value) -> str:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        items = []
        for item in value:
            first = True
            for sub_key, sub_value in item.items():
                items.append(f"  {'- ' if first else '  '}{sub_key}: {_scalar(sub_value)}")
                first = False
        return f"{key}:\n" + "\n".join(items)
    if isinstance(value, list):
        return f"{key}: [{', '.join(value)}]"
    return f"{key}: {_scalar(value)}"


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid quoted YAML scalar


def _write_themes(rng: random.Random, content: Path, count: int, plan: Plan) -> None:
    for number in range(count):
        titre = THEMES[number % len(THEMES)] + ("" if number < len(THEMES) else f" {number // len(THEMES) + 1}")
        theme_id = _slug(titre)
        plan.themes.append(theme_id)
        _write(content, "themes", theme_id, {"titre": titre, "description": rng.choice(SENTENCES)},
               _paragraphs(rng, 1))


def _write_elus(rng: random.Random, content: Path, count: int, plan: Plan) -> None:
    for number in range(count):
        nom = f"{PRENOMS[number % len(PRENOMS)]} {NOMS[(number * 7) % len(NOMS)]}"
        elu_id = _slug(nom) + (f"-{number}" if number >= len(PRENOMS) else "")
        plan.elus.append(elu_id)
        header = {"nom": nom, "fonction": f"Vice-président·e délégué·e {DELEGATIONS[number % len(DELEGATIONS)]}",
                  "mandat_debut": date(2020, 7, 15), "themes": rng.sample(plan.themes, min(2, len(plan.themes)))}
        _write(content, "elus", elu_id, header, _paragraphs(rng, 1))


def _write_assemblees(rng: random.Random, content: Path, count: int, plan: Plan) -> None:
    days = sorted(rng.randrange(0, 3652 + 90) for _ in range(count))  # a few are still to come
    for number, offset in enumerate(days):
        when = FIRST_DATE + timedelta(days=offset)
        kind = rng.choice(list(schema.ASSEMBLEE_TYPES))
        sujet = rng.choice(SUJETS)
        assemblee_id = f"{when.isoformat()}-{kind}-{number}"
        header = {"titre": f"{schema.ASSEMBLEE_TYPES[kind]} : {sujet}", "date": when, "type": kind,
                  "heure_debut": "18:00", "heure_fin": "20:30", "lieu": rng.choice(LIEUX),
                  "commune": rng.choice(COMMUNES), "themes": rng.sample(plan.themes, rng.randint(1, 3)),
                  "niveau": rng.choice(list(schema.NIVEAUX))}
        if when < REFERENCE_DATE:
            header["participants"] = rng.randint(8, 180)
        published = number % 100 != 42  # one draft in every 100
        if not published:
            header["brouillon"] = True
        if rng.random() < 0.3:
            header["documents"] = [{"titre": "Compte rendu", "fichier": f"https://www.example.org/cdd/{assemblee_id}.pdf"}]
        _write(content, "assemblees", assemblee_id, header, _body(rng, plan, when))
        plan.assemblees.append((when, assemblee_id, published))


def _write_contributions(rng: random.Random, content: Path, count: int, plan: Plan) -> None:
    natures = list(schema.NATURES)
    days = sorted(rng.randrange(0, 3652) for _ in range(count))
    held = [(d, i) for d, i, published in plan.assemblees if published]
    held_dates = [d for d, _ in held]
    for number, offset in enumerate(days):
        when = FIRST_DATE + timedelta(days=offset)
        nature = rng.choices(natures, weights=[40, 25, 15, 20][:len(natures)])[0]
        sujet = rng.choice(SUJETS)
        contribution_id = f"{when.isoformat()}-{nature}-{number}"
        header: dict = {"titre": f"{schema.NATURES[nature]} sur {sujet}", "date": when, "nature": nature,
                        "origine": rng.choice(list(schema.ORIGINES))}
        expects = rng.random() > 0.05
        destinataires = rng.sample(plan.elus, rng.choice([1, 1, 1, 2]))
        if expects:
            header["destinataires"] = destinataires
        else:
            header["reponse_attendue"] = False
        earlier = bisect.bisect_right(held_dates, when)
        if earlier and rng.random() < 0.7:
            header["assemblees"] = [held[rng.randrange(max(0, earlier - 3), earlier)][1]]
        header["themes"] = rng.sample(plan.themes, rng.randint(1, 3))
        header["resume"] = rng.choice(SENTENCES)
        if rng.random() < 0.2:
            header["echeance_reponse"] = when + timedelta(days=rng.choice([30, 45, 90]))
        recommandations = [f"r{i}" for i in range(1, rng.randint(2, 5) + 1)] if nature in ("avis", "contribution") else []
        if recommandations:
            header["recommandations"] = [{"id": r, "texte": rng.choice(SENTENCES)} for r in recommandations]
        published = number % 200 not in (17, 117)  # one draft and one embargoed in every 200
        if number % 200 == 17:
            header["brouillon"] = True
        elif number % 200 == 117:
            header["publication"] = EMBARGO
        _write(content, "contributions", contribution_id, header, _body(rng, plan, when, table=True))
        plan.contributions.append({"id": contribution_id, "date": when, "published": published, "expects": expects,
                                   "destinataires": destinataires, "recommandations": recommandations})


def _write_reponses(rng: random.Random, content: Path, count: int, plan: Plan) -> int:
    """About one answer per answered contribution; some cover two, some follow a first answer up."""
    answerable = [c for c in plan.contributions
                  if c["published"] and c["expects"] and c["date"] < REFERENCE_DATE - timedelta(days=130)]
    answered = sorted(rng.sample(answerable, min(len(answerable), round(count * 0.95))), key=lambda c: c["date"])
    groups: list[list[dict]] = []
    index = 0
    while index < len(answered):
        size = 2 if rng.random() < 0.08 and index + 1 < len(answered) else 1
        groups.append(answered[index:index + size])
        index += size
    while len(groups) < count and answered:  # follow-up answers to contributions already answered
        groups.append([rng.choice(answered)])
    for number, group in enumerate(groups[:count]):
        latest = max(c["date"] for c in group)
        when = latest + timedelta(days=rng.randint(10, 120))
        elu = group[0]["destinataires"][0]
        position = rng.choice(list(schema.POSITIONS))
        reponse_id = f"{when.isoformat()}-reponse-{number}"
        header: dict = {"titre": f"Réponse de l'élu ({len(group)} contribution{'s' if len(group) > 1 else ''})",
                        "date": when, "contributions": [c["id"] for c in group], "elu": elu, "position": position}
        suites, engagements = [], []
        for contribution in group:
            prefix = f"{contribution['id']}#" if len(group) > 1 else ""
            for recommandation in contribution["recommandations"]:
                if rng.random() < 0.8:
                    suites.append({"recommandation": prefix + recommandation,
                                   "position": rng.choice(list(schema.POSITIONS)),
                                   "commentaire": rng.choice(SENTENCES)})
            if contribution["recommandations"] and rng.random() < 0.5:
                engagements.append({"texte": rng.choice(SENTENCES), "echeance": when + timedelta(days=rng.randint(60, 900)),
                                    "etat": rng.choice(list(schema.ETATS)),
                                    "recommandation": prefix + rng.choice(contribution["recommandations"])})
        if suites:
            header["suites"] = suites
        if engagements:
            header["engagements"] = engagements
        _write(content, "reponses", reponse_id, header, _body(rng, plan, when, words=(300, 500)))
    return min(count, len(groups))


# -- bodies ---------------------------------------------------------------------

def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(rng.sample(SENTENCES, rng.randint(3, 6))) for _ in range(count))


def _body(rng: random.Random, plan: Plan, when: date, *, table: bool = False, words: tuple[int, int] = (300, 800)) -> str:
    """A body of 300 to 800 words: headings, paragraphs, lists, emphasis, links and sometimes a table."""
    target = rng.randint(*words)
    parts: list[str] = []
    total = 0
    headings = rng.sample(HEADINGS, len(HEADINGS))
    while total < target:
        heading = headings[len(parts) % len(headings)]
        paragraph = " ".join(rng.sample(SENTENCES, rng.randint(3, 6)))
        paragraph = paragraph.replace("conseil recommande", "conseil *recommande*", 1).replace(
            "transparence", "**transparence**", 1)
        block = [f"## {heading}", "", paragraph]
        shape = rng.random()
        if shape < 0.35:
            block += ["", *(f"- {s}" for s in rng.sample(SENTENCES, 3))]
        elif shape < 0.5:
            block += ["", *(f"{i}. {s}" for i, s in enumerate(rng.sample(SENTENCES, 3), 1))]
        parts.append("\n".join(block))
        total += len(" ".join(block).split())
    for topic in rng.sample(sorted(TOPICS), rng.choice([1, 1, 2])):
        parts.insert(1, " ".join(rng.sample(TOPICS[topic], 2)))
    parts.insert(1, _links(rng, plan, when))
    if table:
        parts.append(_table(rng))
    return "\n\n".join(parts)


def _links(rng: random.Random, plan: Plan, when: date) -> str:
    """A sentence with a link to the outside and one to a published theme or earlier contribution."""
    earlier = [c["id"] for c in plan.contributions[-20:] if c["published"] and c["date"] <= when]
    if earlier and rng.random() < 0.5:
        internal = f"[une contribution précédente](../contributions/{rng.choice(earlier)}.md)"
    else:
        internal = f"[le thème concerné](../themes/{rng.choice(plan.themes)}.md)"
    return (f"Voir aussi {internal} et [le dossier de la Métropole](https://www.example.org/dossiers/"
            f"{rng.randrange(1000, 9999)}), qui détaille les _chiffres_ disponibles.")


def _table(rng: random.Random) -> str:
    rows = ["| Commune | Habitants concernés | Part |", "|---|---:|---:|"]
    for commune in rng.sample(COMMUNES, 4):
        rows.append(f"| {commune} | {rng.randrange(200, 20000)} | {rng.randrange(1, 60)} % |")
    return "\n".join(rows)


def _slug(text: str) -> str:
    table = str.maketrans("àâäéèêëîïôöùûüçœÉÈÊÀÂÎÔÛÇ·'", "aaaeeeeiioouuucoeeeaaiouc--")
    slug = "".join(ch if ch.isalnum() else "-" for ch in text.lower().translate(table))
    return "-".join(part for part in slug.split("-") if part)


def main() -> None:
    parser = argparse.ArgumentParser(description="Écrit un conseil synthétique de N fiches.")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(json.dumps(generate(args.n, args.seed, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
