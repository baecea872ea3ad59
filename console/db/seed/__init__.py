"""Deterministic demo and city-scale data for the shared registration database.

    summary = seed_database(db, cipher, scale="demo", seed=1, now=clock.now())

Scales: ``demo`` (60 households, first start of the embedded console), ``test`` (a few
hundred households, for the test suite) and ``city`` (Québec City: 150 000 households,
over a million registrations; PostgreSQL COPY). The ten scripted households described
in :mod:`console.db.seed.scenarios` show every FAQ case on every scale.
"""

from console.db.seed.runner import DatabaseNotEmpty, SeedCancelled, SeedSummary, seed_database
from console.db.seed.scales import SCALES
from console.db.seed.writer import OverCapacity

__all__ = [
    "SCALES",
    "DatabaseNotEmpty",
    "OverCapacity",
    "SeedCancelled",
    "SeedSummary",
    "seed_database",
]
