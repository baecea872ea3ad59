"""A database error names its statement, never the values it was given (a family's name,
a call note): the server and the jobs log such errors."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.db.engine import Database

SECRET = "Gagnon-Lévesque secret note"


def test_an_error_message_carries_no_parameter_values(db: Database) -> None:
    with pytest.raises(DBAPIError) as failed, db.engine.connect() as connection:
        connection.execute(text("SELECT * FROM no_such_table WHERE name = :name"), {"name": SECRET})
    assert "no_such_table" in str(failed.value)
    assert SECRET not in str(failed.value)
