"""Places and programme of the generated city: boroughs, streets, venues, activity kinds.

The six boroughs are Québec City's; postal codes use each borough's real forward
sortation areas (G1x/G2x/G3x). Venue names are plausible, not an official list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from console.domain.calendar_words import FRENCH_DAYS, FRENCH_MONTHS


@dataclass(frozen=True)
class BoroughInfo:
    code: str
    name: str
    weight: int  # population share, in thousands
    fsas: tuple[str, ...]
    streets: tuple[str, ...]
    venues: dict[str, tuple[str, ...]]  # venue kind -> names


# fmt: off
BOROUGHS: Final[tuple[BoroughInfo, ...]] = (
    BoroughInfo(
        "CL", "La Cité-Limoilou", 113, ("G1R", "G1K", "G1S", "G1L", "G1J"),
        ("rue Saint-Jean", "avenue Cartier", "rue Saint-Joseph Est", "3e Avenue", "1re Avenue",
         "boulevard René-Lévesque Est", "rue de la Couronne", "avenue des Érables",
         "rue Saint-Vallier Ouest", "8e Rue", "chemin de la Canardière", "rue Bourlamaque"),
        {"pool": ("Piscine du Centre Lucien-Borne", "Piscine de Limoilou"),
         "gym": ("Gymnase de l'école Saint-Jean-Baptiste", "Centre Durocher"),
         "arena": ("Aréna de Limoilou", "Patinoire de la place D'Youville"),
         "centre": ("Centre Lucien-Borne", "Centre communautaire Saint-Roch",
                    "Centre Mgr-Marcoux"),
         "library": ("Bibliothèque Gabrielle-Roy", "Bibliothèque Saint-Charles"),
         "park": ("Parc Cartier-Brébeuf", "Parc des Braves")},
    ),
    BoroughInfo(
        "RI", "Les Rivières", 76, ("G1M", "G1N", "G1P", "G2K"),
        ("boulevard Pierre-Bertrand", "rue Soumande", "avenue Chauveau", "rue Michelet",
         "boulevard Masson", "rue des Saules", "avenue Plante", "rue de la Pointe-aux-Lièvres"),
        {"pool": ("Piscine de Vanier", "Piscine Les Saules"),
         "gym": ("Gymnase de l'école des Pionniers", "Centre sportif de Duberger"),
         "arena": ("Aréna de Neufchâtel", "Aréna Duberger"),
         "centre": ("Centre communautaire de Duberger", "Centre communautaire Les Saules",
                    "Centre Édouard-Lavergne"),
         "library": ("Bibliothèque de Neufchâtel", "Bibliothèque Les Saules"),
         "park": ("Parc de la Rivière-Saint-Charles", "Parc Chauveau")},
    ),
    BoroughInfo(
        "SF", "Sainte-Foy–Sillery–Cap-Rouge", 108, ("G1T", "G1V", "G1W", "G1X", "G1Y"),
        ("chemin Sainte-Foy", "boulevard Laurier", "avenue Maguire", "route de l'Église",
         "boulevard Hochelaga", "rue de Rochebelle", "chemin Saint-Louis", "rue Provancher",
         "avenue Myrand", "rue Louis-Francoeur"),
        {"pool": ("Piscine du Centre sportif de Sainte-Foy", "Piscine de Sillery"),
         "gym": ("Centre sportif de Sainte-Foy", "Gymnase de l'école de Rochebelle"),
         "arena": ("Aréna de Sainte-Foy", "Aréna de Cap-Rouge"),
         "centre": ("Centre communautaire de Cap-Rouge", "Maison des jeunes de Sillery",
                    "Centre communautaire Noël-Brulart"),
         "library": ("Bibliothèque Monique-Corriveau", "Bibliothèque de Cap-Rouge"),
         "park": ("Parc de la Plage-Jacques-Cartier", "Parc du Bois-de-Coulonge")},
    ),
    BoroughInfo(
        "CH", "Charlesbourg", 83, ("G1G", "G1H", "G2L", "G2N"),
        ("boulevard Henri-Bourassa", "1re Avenue", "boulevard Louis-XIV",
         "rue du Trait-Carré Est", "avenue du Bourg-Royal", "rue de la Faune", "41e Rue Est",
         "boulevard Jean-Talon Est"),
        {"pool": ("Piscine de Charlesbourg", "Piscine du Trait-Carré"),
         "gym": ("Arpidrome de Charlesbourg", "Gymnase de l'école Guillaume-Mathieu"),
         "arena": ("Aréna de Charlesbourg", "Aréna Bardy"),
         "centre": ("Centre communautaire du Trait-Carré", "Centre Saint-Pierre-aux-Liens"),
         "library": ("Bibliothèque de Charlesbourg", "Bibliothèque du Bourg-Royal"),
         "park": ("Parc de la Montagne-des-Roches", "Parc Henri-Casault")},
    ),
    BoroughInfo(
        "BE", "Beauport", 80, ("G1B", "G1C", "G1E"),
        ("avenue Royale", "boulevard Sainte-Anne", "boulevard Raymond", "rue Seigneuriale",
         "avenue Clemenceau", "boulevard des Chutes", "rue du Carrefour", "avenue Saint-David"),
        {"pool": ("Piscine de Beauport", "Piscine Sainte-Thérèse"),
         "gym": ("Centre de loisirs Monseigneur-De Laval",
                 "Gymnase de l'école Samuel-De Champlain"),
         "arena": ("Aréna Marcel-Bédard", "Aréna de Giffard"),
         "centre": ("Centre communautaire de Giffard", "Centre de loisirs Ulric-Turcotte"),
         "library": ("Bibliothèque Étienne-Parent", "Bibliothèque de Giffard"),
         "park": ("Parc de la Chute-Montmorency", "Parc de la Rivière-Beauport")},
    ),
    BoroughInfo(
        "HSC", "La Haute-Saint-Charles", 90, ("G2A", "G2B", "G2C", "G3G", "G3J", "G3K"),
        ("boulevard Valcartier", "boulevard Bastien", "rue Racine", "boulevard Pie-XI",
         "avenue Lapierre", "rue Jacques-Bédard", "rue Saint-Célestin", "rue de l'Aubier"),
        {"pool": ("Piscine de Loretteville", "Piscine de Val-Bélair"),
         "gym": ("Centre sportif de Val-Bélair", "Gymnase de l'école de la Chaumière"),
         "arena": ("Aréna de Val-Bélair", "Aréna de Lac-Saint-Charles"),
         "centre": ("Centre communautaire de Lac-Saint-Charles",
                    "Centre communautaire de Val-Bélair", "Centre Les Loisirs de Loretteville"),
         "library": ("Bibliothèque Chrystine-Brouillet", "Bibliothèque de Lac-Saint-Charles"),
         "park": ("Parc de la Base-de-plein-air-de-Val-Bélair", "Parc des Sentiers-du-Moulin")},
    ),
)

# Reserved names (RFC 2606 ".example"): generated addresses can never reach a real mailbox.
EMAIL_DOMAINS: Final[tuple[tuple[str, int], ...]] = (
    ("videotron.example", 30), ("gmail.example", 28), ("hotmail.example", 14),
    ("outlook.example", 10), ("yahoo.example", 6), ("globetrotter.example", 4),
    ("bell.example", 4), ("icloud.example", 3), ("ulaval.example", 1),
)

AREA_CODES: Final[tuple[tuple[str, int], ...]] = (("418", 80), ("581", 17), ("367", 3))
# fmt: on


@dataclass(frozen=True)
class Template:
    """One kind of activity; the generator makes many groups of each."""

    title: str
    venue: str  # a key of BoroughInfo.venues
    age_min: int | None
    age_max: int | None
    capacity: tuple[int, int]
    price: tuple[int, int]  # dollars
    minutes: int
    seasons: str  # letters of the seasons it runs in: H(iver) P(rintemps) E(té) A(utomne)
    weight: int
    levels: tuple[str, ...] = ()
    childcare: bool = False
    camp: str = ""  # "pve" (weekly summer day camp) or "relache" (spring break week)


ALL = "HPEA"
_JUNIOR = tuple(f"Junior {n}" for n in range(1, 11))

# fmt: off
TEMPLATES: Final[tuple[Template, ...]] = (
    # Courses: small groups.
    Template("Natation – Parent-bébé", "pool", 0, 2, (10, 16), (55, 75), 30, ALL, 3),
    Template("Natation – Préscolaire", "pool", 3, 5, (10, 18), (60, 80), 30, ALL, 3,
             ("Loutre de mer", "Salamandre", "Poisson-lune", "Crocodile", "Baleine")),
    Template("Natation", "pool", 6, 12, (12, 24), (65, 90), 45, ALL, 6, _JUNIOR),
    Template("Natation – Adolescents", "pool", 13, 17, (12, 24), (65, 90), 45, ALL, 2),
    Template("Natation – Adultes", "pool", 18, None, (12, 24), (70, 95), 45, ALL, 2),
    Template("Aquaforme", "pool", 50, None, (25, 45), (70, 95), 45, ALL, 3),
    Template("Karaté", "gym", 6, 14, (15, 30), (90, 140), 60, ALL, 2,
             ("ceinture blanche", "ceinture jaune", "ceinture orange")),
    Template("Soccer intérieur", "gym", 6, 12, (20, 40), (75, 110), 60, "HA", 2,
             ("U8", "U10", "U12")),
    Template("Basketball", "gym", 12, 17, (15, 30), (80, 120), 75, ALL, 1),
    Template("Badminton récréatif", "gym", 16, None, (16, 32), (60, 90), 90, ALL, 2),
    Template("Volleyball récréatif", "gym", 18, None, (18, 36), (60, 90), 90, "HPA", 1),
    Template("Yoga", "centre", 16, None, (15, 30), (95, 140), 60, ALL, 3,
             ("débutant", "intermédiaire", "vinyasa")),
    Template("Yoga doux 50 ans et plus", "centre", 50, None, (15, 30), (85, 120), 60, ALL, 2),
    Template("Zumba", "gym", 16, None, (20, 40), (70, 100), 60, ALL, 2),
    Template("Pilates", "centre", 16, None, (15, 25), (95, 140), 60, ALL, 2),
    Template("Tai-chi", "centre", 40, None, (12, 25), (80, 110), 60, ALL, 1),
    Template("Mise en forme 50 ans et plus", "gym", 50, None, (20, 40), (60, 85), 60, ALL, 2),
    Template("Cardio-poussette", "park", 18, None, (12, 20), (70, 95), 60, "PEA", 1),
    Template("Ballet classique", "centre", 5, 10, (12, 20), (95, 130), 60, ALL, 2),
    Template("Danse hip-hop", "centre", 8, 14, (15, 25), (90, 120), 60, ALL, 2),
    Template("Danse en ligne", "centre", 50, None, (20, 40), (55, 80), 90, ALL, 1),
    Template("Peinture à l'huile", "centre", 16, None, (10, 16), (120, 180), 150, ALL, 1),
    Template("Poterie et céramique", "centre", 16, None, (8, 14), (140, 210), 150, ALL, 1),
    Template("Guitare – débutant", "centre", 12, None, (8, 14), (110, 160), 60, ALL, 1),
    Template("Échecs", "library", 7, 14, (12, 20), (60, 80), 60, ALL, 1),
    Template("Anglais – conversation", "library", 16, None, (12, 20), (90, 130), 90, ALL, 1),
    Template("Espagnol – débutant", "library", 16, None, (12, 20), (90, 130), 90, ALL, 1),
    Template("Cuisine santé", "centre", 16, None, (10, 16), (120, 170), 120, ALL, 1),
    Template("Photographie numérique", "centre", 16, None, (10, 18), (110, 150), 120, ALL, 1),
    Template("Théâtre jeunesse", "centre", 9, 15, (12, 20), (95, 130), 90, ALL, 1),
    Template("Escalade – initiation", "gym", 8, 14, (10, 16), (110, 150), 75, ALL, 1),
    Template("Ski de fond – initiation", "park", 6, None, (15, 30), (70, 100), 90, "H", 2),
    Template("Raquette en forêt", "park", 16, None, (15, 30), (50, 75), 120, "H", 1),
    Template("Patinage – initiation", "arena", 4, 8, (15, 30), (70, 95), 45, "HA", 2),
    Template("Tennis", "park", 8, None, (8, 16), (80, 120), 60, "PE", 2),
    Template("Vélo de montagne", "park", 10, 16, (10, 16), (110, 150), 120, "E", 1),
    Template("Pickleball", "gym", 18, None, (16, 32), (55, 80), 90, ALL, 2),
    Template("Club de course", "park", 16, None, (25, 50), (60, 90), 60, "PEA", 1),
    # Childcare (Relevé 24, F13): the responsible of the Dossier must pay.
    Template("Atelier préscolaire – Éveil musical", "centre", 3, 5, (10, 16), (60, 90), 90,
             ALL, 2, childcare=True),
    Template("Atelier préscolaire – Petits artistes", "centre", 3, 5, (10, 16), (60, 90), 90,
             ALL, 2, childcare=True),
    Template("Atelier préscolaire – Jeux moteurs", "gym", 3, 5, (10, 16), (60, 90), 90,
             ALL, 2, childcare=True),
    Template("Programme Vacances-Été (PVE)", "centre", 5, 12, (100, 260), (95, 145), 0, "E",
             36, childcare=True, camp="pve"),
    Template("Semaine de relâche – camp de jour", "centre", 5, 12, (80, 220), (120, 175), 0,
             "H", 14, childcare=True, camp="relache"),
    # Leagues and seasonal passes: large groups.
    Template("Ligue de soccer récréative", "park", 6, 17, (140, 320), (95, 160), 90, "PE", 6,
             ("U8", "U10", "U12", "U14", "U16")),
    Template("Hockey mineur", "arena", 6, 17, (120, 260), (180, 320), 60, "HA", 5,
             ("M7", "M9", "M11", "M13", "M15")),
    Template("Bain libre – carte saisonnière", "pool", None, None, (300, 700), (40, 70), 0,
             ALL, 6),
    Template("Patinage libre – carte saisonnière", "arena", None, None, (300, 700), (30, 55),
             0, "HA", 5),
    Template("Salle d'entraînement – abonnement saisonnier", "gym", 16, None, (300, 650),
             (90, 140), 0, ALL, 6),
    Template("Ligue de volleyball adulte", "gym", 18, None, (100, 220), (110, 160), 120,
             "HA", 2),
)
# fmt: on

SEASON_NAMES: Final = {"H": "Hiver", "P": "Printemps", "E": "Été", "A": "Automne"}
# (month, day) of the first and last day of each season.
SEASON_DATES: Final = {
    "H": ((1, 10), (3, 21)),
    "P": ((4, 4), (6, 13)),
    "E": ((6, 22), (8, 21)),
    "A": ((9, 12), (12, 5)),
}
# The city writes its schedules in French, weekdays capitalised at the start ("Mardi
# 18 h 30 – 19 h 30"); the names come from the domain's one table.
WEEKDAYS: Final = tuple(day.capitalize() for day in FRENCH_DAYS)
MONTHS: Final = FRENCH_MONTHS
