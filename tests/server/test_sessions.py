"""Who may ask the server anything: only a live session of an active staff member.

Every route of the OpenAPI document but sign-in and ``/health`` answers 401 without a
session, whatever the body; so does a forged token, the token's stored hash (all a reader
of the database gets), a signed-out session, an idle or outlived one, and the session of a
staff member disabled since. Each refusal is shown next to the same request answered
while the session was good, so a route that answered 401 to everyone would fail.
"""

from __future__ import annotations

import secrets

import httpx
import pytest

from console.domain.api import operations
from console.domain.errors import Forbidden, Unauthenticated
from console.domain.vocabulary import Role
from console.services import staff_auth
from tests.server.conftest import PASSWORD, Site, bearer, open_session

UNAUTHENTICATED_ROUTES = {("/health", "get"), ("/api/v1/session", "post")}


def refusal(answer: httpx.Response) -> tuple[int, str, str]:
    body = answer.json()
    return answer.status_code, body["error"], body["code"]


def ask_now(http: httpx.Client, token: str) -> httpx.Response:
    return http.post("/api/v1/now", json={}, headers=bearer(token))


def test_without_a_session_every_route_of_the_openapi_document_answers_401(
    site: Site, http: httpx.Client
) -> None:
    document = http.get("/openapi.json")
    assert document.status_code == 200
    asked = 0
    for path, methods in document.json()["paths"].items():
        for method in methods:
            if (path, method) in UNAUTHENTICATED_ROUTES:
                continue
            # A body that decodes to nothing: the session is checked before the body.
            for headers in (
                {},
                {"Authorization": "Basic YWdlbnQ6cGFzc2U="},
                {"Authorization": "Bearer"},
            ):
                answer = http.request(method, path, content=b'{"x": [', headers=headers)
                assert refusal(answer) == (401, "Unauthenticated", "session_missing"), (
                    method,
                    path,
                    headers,
                )
            asked += 1
    # Every use case and sign-out: a document that lost its routes proves nothing.
    assert asked == len(operations()) + 1


def test_a_wrong_password_opens_no_session(site: Site, http: httpx.Client) -> None:
    agent = site.staff(Role.AGENT)
    wrong = http.post("/api/v1/session", json={"username": agent.username, "password": "x" * 16})
    assert refusal(wrong) == (401, "Unauthenticated", "sign_in_refused")
    assert "token" not in wrong.json()
    unknown = http.post("/api/v1/session", json={"username": "personne", "password": PASSWORD})
    assert refusal(unknown) == (401, "Unauthenticated", "sign_in_refused")
    assert site.sql("SELECT count(*) FROM staff_session")[0][0] == 0


def test_a_forged_token_or_the_stored_hash_of_a_real_one_is_refused(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    assert ask_now(http, token).status_code == 200
    (stored,) = site.sql("SELECT token_hash FROM staff_session")[0]
    assert stored == staff_auth.token_digest(token) and stored != token

    for forged in (
        secrets.token_urlsafe(32),
        stored,  # what anyone who can read the database holds
        token[:-1],
        token + "A",
        token * 10,  # longer than any token
    ):
        answer = ask_now(http, forged)
        assert refusal(answer) == (401, "Unauthenticated", "session_invalid"), forged
    assert ask_now(http, token).status_code == 200


def test_a_signed_out_session_is_refused_at_once(site: Site, http: httpx.Client) -> None:
    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    token = api._token  # the only thing the desktop holds
    assert ask_now(http, token).status_code == 200
    api.sign_out()
    assert refusal(ask_now(http, token)) == (401, "Unauthenticated", "session_invalid")
    ((reason,),) = site.sql("SELECT end_reason FROM staff_session")
    assert reason == "signed_out"


def test_an_idle_session_is_refused_and_ended(site: Site, http: httpx.Client) -> None:
    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    assert api.now() is not None
    # Two hours without a request (the idle timeout is 30 minutes), moved in the row.
    site.sql("UPDATE staff_session SET last_seen_at = now() - interval '2 hours'")
    with pytest.raises(Unauthenticated) as expired:
        api.ping()
    assert expired.value.code == "session_expired"
    assert refusal(ask_now(http, api._token)) == (401, "Unauthenticated", "session_invalid")
    ((reason,),) = site.sql("SELECT end_reason FROM staff_session WHERE ended_at IS NOT NULL")
    assert reason == "idle"


def test_a_session_past_its_lifetime_is_refused_however_active(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    token = open_session(http, agent.username)
    assert ask_now(http, token).status_code == 200
    site.sql(
        "UPDATE staff_session SET created_at = now() - interval '13 hours',"
        " expires_at = now() - interval '1 hour', last_seen_at = now()"
    )
    assert refusal(ask_now(http, token)) == (401, "Unauthenticated", "session_expired")
    ((reason,),) = site.sql("SELECT end_reason FROM staff_session")
    assert reason == "expired"


def test_a_disabled_staff_members_live_session_is_refused_at_the_next_request(
    site: Site, http: httpx.Client
) -> None:
    agent = site.staff(Role.AGENT)
    api = site.remote(agent)
    other = site.remote(Role.AGENT)
    api.ping()

    assert staff_auth.disable_staff(site.ctx, agent.username) == 1
    with pytest.raises(Unauthenticated) as refused:
        api.ping()
    assert refused.value.code == "session_invalid"
    assert refusal(ask_now(http, api._token)) == (401, "Unauthenticated", "session_invalid")
    again = http.post("/api/v1/session", json={"username": agent.username, "password": PASSWORD})
    assert refusal(again) == (401, "Unauthenticated", "sign_in_refused")
    other.ping()  # only that staff member's sessions ended

    # Made inactive in the staff table by another program (sessions left open): the
    # session still ends with the staff member.
    site.sql("UPDATE staff SET active = false WHERE id = :id", id=other.actor.staff_id)
    with pytest.raises(Unauthenticated) as refused:
        other.ping()
    assert refused.value.code == "session_invalid"


def test_a_role_taken_away_takes_effect_at_the_next_request(site: Site) -> None:
    supervisor = site.staff(Role.SUPERVISOR)
    api = site.remote(supervisor)
    assert api.audit_actions()
    site.sql("UPDATE staff SET role = 'agent' WHERE id = :id", id=supervisor.actor.staff_id)
    with pytest.raises(Forbidden) as refused:
        api.audit_actions()
    assert refused.value.params["role"] == "agent"
