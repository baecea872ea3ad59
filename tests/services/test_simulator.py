"""The public-site simulator plays by the same cart rules as the console."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from console.db.models import Cart, Registration
from console.services.gateway import PORT_NAME
from console.services.places import activity_places
from console.services.sandbox_gateway import SandboxGateway
from console.services.simulator import simulate, web_users
from console.services.sweep import sweep
from tests.helpers.place_data import make_activity, make_family


def test_web_users_take_places_wait_and_lapse_without_overbooking(ctx, clock):
    ctx.ports[PORT_NAME] = SandboxGateway()
    activities = [make_activity(ctx, capacity=2) for _ in range(3)]
    for _ in range(12):
        make_family(ctx, children=2)
    users = web_users(ctx, 12, seed=7)
    tally: Counter[str] = Counter()
    due = dict.fromkeys(range(len(users)), clock.now())
    for _ in range(200):  # play on the moved clock: deterministic, no sleeping
        ready = [i for i, at in due.items() if at <= clock.now()]
        for i in ready:
            delay = users[i].step(ctx, tally)
            if delay is None:
                del due[i]
            else:
                due[i] = clock.now() + delay
        if not due:
            break
        clock.advance(timedelta(minutes=1))
        sweep(ctx)
    assert tally["held"] > 0 and tally["search"] > 0
    assert tally["waitlisted"] > 0  # six places for many more wishes
    with ctx.db.read() as s:
        channels = set(s.scalars(select(Cart.channel)))
        per_activity = dict(
            s.execute(
                select(Registration.activity_id, func.count()).group_by(Registration.activity_id)
            ).all()
        )
    assert channels == {"web"}
    assert all(count <= 2 for count in per_activity.values())
    clock.advance(timedelta(hours=1))
    sweep(ctx)
    for activity in activities:
        places = activity_places(ctx, activity)
        assert places.count.confirmed + places.count.live_holds + places.count.open_offers <= 2


def test_simulate_runs_on_the_real_clock_for_a_while(ctx):
    ctx.ports[PORT_NAME] = SandboxGateway()
    make_activity(ctx, capacity=3)
    for _ in range(4):
        make_family(ctx, children=1)
    report = simulate(ctx, users=4, minutes=0.02, seed=1, workers=2, sweep_every=0.5)
    assert report.users == 4
    assert report.tally["search"] >= 1
    assert not [k for k in report.tally if k.startswith("error:")]
    assert report.lines()[0].startswith("4 web users")
