"""Name pools for generated people: mostly French-Québec, with families of other origins.

Weights follow the rough frequency of surnames in the Québec City region (Tremblay,
Gagnon, Roy and Côté first). First names depend on the generation of the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# fmt: off
# (surname, weight). Accents and compound names on purpose: the search must fold them.
QUEBEC_SURNAMES: Final[tuple[tuple[str, int], ...]] = (
    ("Tremblay", 40), ("Gagnon", 30), ("Roy", 26), ("Côté", 24), ("Bouchard", 22),
    ("Gauthier", 16), ("Morin", 16), ("Lavoie", 15), ("Fortin", 15), ("Gagné", 14),
    ("Ouellet", 13), ("Pelletier", 13), ("Bélanger", 13), ("Lévesque", 13), ("Bergeron", 12),
    ("Leblanc", 11), ("Paquette", 10), ("Girard", 10), ("Simard", 10), ("Boucher", 10),
    ("Caron", 9), ("Beaulieu", 9), ("Cloutier", 9), ("Dubé", 9), ("Poirier", 8),
    ("Fournier", 8), ("Lapointe", 8), ("Leclerc", 8), ("Lefebvre", 8), ("Poulin", 8),
    ("Thibault", 7), ("Saint-Pierre", 7), ("Nadeau", 7), ("Martin", 7), ("Landry", 7),
    ("Martel", 7), ("Bédard", 7), ("Grenier", 7), ("Lessard", 7), ("Bernier", 7),
    ("Richard", 6), ("Michaud", 6), ("Hébert", 6), ("Desjardins", 6), ("Couture", 6),
    ("Turcotte", 6), ("Lachance", 6), ("Parent", 6), ("Blais", 6), ("Gosselin", 6),
    ("Savard", 5), ("Proulx", 5), ("Beaudoin", 5), ("Demers", 5), ("Perreault", 5),
    ("Lemieux", 5), ("Cyr", 5), ("Perron", 5), ("Dufour", 5), ("Dion", 5),
    ("Mercier", 5), ("Bolduc", 5), ("Bérubé", 5), ("Boisvert", 5), ("Langlois", 5),
    ("Ménard", 4), ("Thériault", 4), ("Gélinas", 4), ("O'Neil", 3), ("Larouche", 4),
    ("Vachon", 4), ("Drolet", 4), ("Gingras", 4), ("Labrecque", 4), ("Asselin", 4),
    ("Giguère", 4), ("Jobin", 4), ("Turgeon", 4), ("Lemay", 4), ("Létourneau", 4),
    ("Hamel", 4), ("Déry", 3), ("Rhéaume", 3), ("Trudel", 3), ("Paradis", 3),
    ("Racine", 3), ("Bissonnette", 3), ("Brochu", 3), ("Villeneuve", 3), ("Guay", 3),
    ("Auclair", 3), ("Fréchette", 3), ("Vézina", 3), ("Marcoux", 3), ("Pépin", 3),
    ("Doyon", 3), ("Lépine", 2), ("Saint-Onge", 2), ("D'Amours", 2), ("Chassé", 2),
    ("Beaupré", 2), ("Lafrance", 2), ("Després", 2), ("Huot", 2), ("Jolicoeur", 2),
)

FEMALE_CHILD: Final = (
    "Zoé", "Léa", "Emma", "Florence", "Alice", "Olivia", "Charlotte", "Béatrice", "Rosalie",
    "Maëlle", "Noémie", "Juliette", "Éloïse", "Clara", "Mia", "Chloé", "Livia", "Jade",
    "Laurence", "Mégane", "Anaïs", "Élodie", "Romane", "Adèle", "Maïka", "Océane",
)
MALE_CHILD: Final = (
    "Émile", "William", "Liam", "Noah", "Thomas", "Jacob", "Félix", "Léo", "Nathan", "Samuel",
    "Édouard", "Raphaël", "Arnaud", "Jérémy", "Olivier", "Louis", "Mathis", "Éli", "Xavier",
    "Antoine", "Gabriel", "Loïc", "Zachary", "Hugo", "Charles", "Benjamin",
)
FEMALE_ADULT: Final = (
    "Hélène", "Isabelle", "Nathalie", "Julie", "Mélanie", "Geneviève", "Marie-Ève", "Annie",
    "Valérie", "Stéphanie", "Catherine", "Josée", "Sophie", "Caroline", "Karine", "Émilie",
    "Véronique", "Andrée-Anne", "Élise", "Chantal", "Marie-Pier", "Audrey", "Noémie",
    "Maude", "Kim", "Ariane", "Joanie", "Myriam",
)
MALE_ADULT: Final = (
    "François", "Jérôme", "Marc-André", "Pierre-Luc", "Jean-François", "Sébastien", "Mathieu",
    "Éric", "Patrick", "Martin", "Stéphane", "Frédéric", "Maxime", "Guillaume", "Alexandre",
    "Benoît", "Hugo", "Simon", "Dominique", "Luc", "René", "Jonathan", "Vincent", "Olivier",
    "Philippe", "Kevin",
)
FEMALE_SENIOR: Final = (
    "Gisèle", "Thérèse", "Pierrette", "Huguette", "Lise", "Monique", "Rita", "Jeannine",
    "Céline", "Francine", "Denise", "Colette", "Lucienne", "Ginette", "Micheline",
)
MALE_SENIOR: Final = (
    "Réjean", "Gaétan", "Normand", "Gilles", "Jacques", "Raymond", "Rénald", "Ghislain",
    "Marcel", "Fernand", "Roger", "Jean-Guy", "Lucien", "Clément", "André",
)


@dataclass(frozen=True)
class Origin:
    """Names of one family origin; ``english`` is the share of accounts in English."""

    surnames: tuple[str, ...]
    female: tuple[str, ...]
    male: tuple[str, ...]
    english: float


OTHER_ORIGINS: Final[tuple[tuple[Origin, int], ...]] = (
    (Origin(("Nguyen", "Tran", "Pham", "Lê", "Hoang"), ("Linh", "Mai", "Thảo", "Anh", "Vy"),
            ("Minh", "Duc", "Kevin", "Bao", "Long"), 0.4), 3),
    (Origin(("Wong", "Chen", "Li", "Zhang", "Liu"), ("Mei", "Xiaoling", "Grace", "Yan"),
            ("Wei", "Jun", "Eric", "Hao"), 0.5), 2),
    (Origin(("Al-Haddad", "Haddad", "Benali", "El Amrani", "Belkacem", "Saïdi"),
            ("Amira", "Yasmine", "Salma", "Nour", "Inès", "Rania"),
            ("Karim", "Omar", "Youssef", "Adam", "Rayan", "Mehdi"), 0.1), 4),
    (Origin(("Ndiaye", "Diallo", "Traoré", "Koné", "Mensah", "Mbaye"),
            ("Fatou", "Aïssatou", "Awa", "Mariam", "Khadija"),
            ("Moussa", "Mamadou", "Ibrahima", "Ousmane", "Cheikh"), 0.05), 3),
    (Origin(("Rodríguez", "García", "Gómez", "Silva", "Hernández", "Pérez"),
            ("Sofía", "Valentina", "Camila", "María José", "Daniela"),
            ("Diego", "Mateo", "Andrés", "Santiago", "José Luis"), 0.2), 2),
    (Origin(("Murphy", "Smith", "O'Brien", "MacDonald", "Campbell", "Wilson"),
            ("Emily", "Sarah", "Jennifer", "Megan", "Rachel"),
            ("Ryan", "Sean", "Michael", "Connor", "Matthew"), 0.8), 3),
)
# fmt: on
