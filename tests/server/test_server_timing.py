"""The ``Server-Timing`` header: where a use case's time went on the server (``app``, and
of it ``db``, inside SQL), on the answers to a signed-in session only, and nothing else
in it: no statement, no description, and never on a sign-in (its duration could tell a
username that exists from one that does not), an answer to no session, or ``/health``."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx

from console.client.remote import server_timing
from console.domain.vocabulary import Role
from tests.helpers.builders import make_activity, verify_call
from tests.server.conftest import PASSWORD, Site, bearer, open_session

# Two metrics (three when rows were locked), each a name and a duration in milliseconds.
HEADER = re.compile(r"db;dur=(\d+\.\d\d), app;dur=(\d+\.\d\d)(, lock;dur=\d+\.\d\d)?")


def _figures(answer: httpx.Response) -> tuple[float, float]:
    found = HEADER.fullmatch(answer.headers.get("server-timing", ""))
    assert found is not None, answer.headers.get("server-timing")
    return float(found[1]), float(found[2])


def test_a_signed_in_use_case_says_its_server_and_database_time(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    answer = http.post("/api/v1/ping", json={}, headers=bearer(token))
    assert answer.status_code == 200
    db_ms, app_ms = _figures(answer)
    assert 0 < db_ms <= app_ms  # the session's statement and SELECT 1, within the request
    # A refusal to a signed-in member says it too (the same two numbers, no more).
    missing = http.post(
        "/api/v1/household_view", json={"household_id": 999_999_999}, headers=bearer(token)
    )
    assert missing.status_code == 404
    db_ms, app_ms = _figures(missing)
    assert db_ms <= app_ms


def test_the_desktop_client_reads_it(site: Site) -> None:
    api = site.remote(Role.AGENT)
    api.ping()
    assert set(api.server_timing) == {"db", "app"}
    assert 0 < api.server_timing["db"] <= api.server_timing["app"]
    assert server_timing('db;dur=1.5, app;desc="x";dur=2, junk, w;dur=x') == {
        "db": 1.5,
        "app": 2.0,
    }


def test_no_timing_on_sign_in_on_no_session_or_on_health(site: Site, http: httpx.Client) -> None:
    agent = site.staff(Role.AGENT)
    answers = {
        "sign-in": http.post(
            "/api/v1/session", json={"username": agent.username, "password": PASSWORD}
        ),
        "wrong password": http.post(
            "/api/v1/session", json={"username": agent.username, "password": "x" * 14}
        ),
        "unknown username": http.post(
            "/api/v1/session", json={"username": "personne", "password": "x" * 14}
        ),
        "forged token": http.post("/api/v1/ping", json={}, headers=bearer("x" * 43)),
        "no token": http.post("/api/v1/ping", json={}),
        "health": http.get("/health"),
    }
    assert [answer.status_code for answer in answers.values()] == [200, 401, 401, 401, 401, 200]
    sent = {name: a.headers.get("server-timing") for name, a in answers.items()}
    assert sent == dict.fromkeys(answers)


def test_a_place_taken_says_how_long_it_held_the_activitys_lock(site: Site) -> None:
    built = site.household()
    with site.ctx.db.write() as session:
        activity = make_activity(
            session, season_ends_on=datetime.now(UTC).date() + timedelta(days=120)
        )
    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    verify_call(site.ctx, agent.actor, built)
    api.ping()
    assert "lock" not in api.server_timing  # no row locked
    assert built.child_id is not None
    assert api.add_to_cart(built.household_id, built.child_id, activity.activity_id, None).held
    assert 0 < api.server_timing["lock"] < api.server_timing["app"]
