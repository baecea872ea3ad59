"""Ten scripted households (numbers 100001–100010) that show the FAQ cases on any scale.

They come first, with fixed names and emails, so a demo, a screenshot or a test can
find them whatever the seed:

===========  =============================  ================================================
number       email                          what it shows
===========  =============================  ================================================
100001       helene.cote@videotron.example  F6: Zoé lands on the waitlist of a group the
                                            site shows "not full" — its last places are held
                                            in the carts of 100003 and 100004; paid history
                                            with receipts (F14); childcare paid by her (F13)
100002       jerome.levesque@gmail.example  F7: Maëlle is registered and also held in the
                                            open cart; Thomas is registered and waitlisted
100003       noemie.belanger@outlook.example F11: cart locked at checkout, payment pending
100004       marc-andre.theriault@…         F8/F9/F10: open cart, extension used, payment
                                            refused ("Carte expirée"); a lapsed cart
100005       sophie.oneil@videotron.example F1: account locked after failed logins
100006       kevin.nguyen@hotmail.example   F2: unconfirmed; confirmation email failed
100007       amira.alhaddad@gmail.example   F13: childcare in the cart, no SIN on file
100008       isabelle.tremblay-ndiaye@…     F4/F12: a member removed by the clerk; the
                                            grandmother (parent of the responsible) paid
100009       luc.saint-pierre@bell.example  waitlist offer open for Rosalie (48 h)
100010       grace.wong@outlook.example     lapsed cart; cancelled cart after "Fonds
                                            insuffisants"; English; F12: Eric, an adult,
                                            recorded as "Enfant" (not in the payer list)
===========  =============================  ================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from console.db.seed.carts import CANCELLED, CHECKOUT, LAPSED, OPEN, Story
from console.db.seed.families import HouseholdSpec, MemberSpec
from console.db.seed.people import People
from console.db.seed.planner import F6, FULL, NORMAL, OFFER, Forced
from console.db.seed.programme import CURRENT, NEXT, PAST, ActivityInfo, SeasonInfo
from console.domain.vocabulary import Relationship as R

CL, RI, SF, CH, BE, HSC = range(6)


def _m(first: str, last: str, age: int, rel: R, *, phone: bool = False, sin: bool = False,
       removed: float | None = None) -> MemberSpec:  # fmt: skip
    return MemberSpec(first, last, age, rel, phone, sin, removed)


HOUSEHOLDS: tuple[HouseholdSpec, ...] = (
    HouseholdSpec(CL, (
        _m("Hélène", "Côté", 41, R.RESPONSIBLE, phone=True, sin=True),
        _m("François", "Gagnon", 43, R.SPOUSE_AND_PARENT, phone=True),
        _m("Zoé", "Gagnon-Côté", 8, R.CHILD),
        _m("Émile", "Gagnon-Côté", 4, R.CHILD),
    ), "helene.cote@videotron.example", age_days=2100, scripted=True),
    HouseholdSpec(RI, (
        _m("Jérôme", "Lévesque", 38, R.RESPONSIBLE, phone=True, sin=True),
        _m("Marie-Pier", "Gélinas", 36, R.SPOUSE_AND_PARENT, phone=True),
        _m("Maëlle", "Lévesque", 9, R.CHILD),
        _m("Thomas", "Lévesque", 11, R.CHILD),
    ), "jerome.levesque@gmail.example", age_days=1500, scripted=True),
    HouseholdSpec(SF, (
        _m("Noémie", "Bélanger", 35, R.RESPONSIBLE, phone=True, sin=True),
        _m("Jean-François", "Roy", 37, R.SPOUSE_AND_PARENT, phone=True),
        _m("Léa", "Bélanger-Roy", 9, R.CHILD),
        _m("Samuel", "Bélanger-Roy", 6, R.CHILD),
    ), "noemie.belanger@outlook.example", age_days=900, scripted=True),
    HouseholdSpec(CH, (
        _m("Marc-André", "Thériault", 44, R.RESPONSIBLE, phone=True, sin=True),
        _m("Félix", "Thériault", 8, R.CHILD),
    ), "marc-andre.theriault@videotron.example", age_days=700, scripted=True),
    HouseholdSpec(BE, (
        _m("Sophie", "O'Neil", 52, R.RESPONSIBLE, phone=True, sin=True),
        _m("Patrick", "Murphy", 54, R.SPOUSE, phone=True),
    ), "sophie.oneil@videotron.example", account="locked", failed_logins=6, age_days=3000,
        scripted=True),
    HouseholdSpec(SF, (
        _m("Kevin", "Nguyen", 33, R.RESPONSIBLE, phone=True, sin=True),
        _m("Linh", "Tran", 31, R.SPOUSE_AND_PARENT, phone=True),
        _m("Bao", "Nguyen", 2, R.CHILD),
    ), "kevin.nguyen@hotmail.example", "en", account="unconfirmed", age_days=40 / 1440,
        scripted=True),
    HouseholdSpec(HSC, (
        _m("Amira", "Al-Haddad", 39, R.RESPONSIBLE, phone=True),
        _m("Karim", "Benali", 41, R.SPOUSE_AND_PARENT, phone=True),
        _m("Yasmine", "Benali", 7, R.CHILD),
        _m("Adam", "Benali", 4, R.CHILD),
    ), "amira.alhaddad@gmail.example", age_days=400, scripted=True),
    HouseholdSpec(CL, (
        _m("Isabelle", "Tremblay-Ndiaye", 45, R.RESPONSIBLE, phone=True, sin=True),
        _m("Moussa", "Ndiaye", 47, R.SPOUSE_AND_PARENT, phone=True),
        _m("Gisèle", "Tremblay", 72, R.PARENT_OF_RESPONSIBLE, phone=True),
        _m("Awa", "Ndiaye", 12, R.CHILD),
        _m("Ibrahima", "Ndiaye", 15, R.CHILD, phone=True, removed=20),
    ), "isabelle.tremblay-ndiaye@videotron.example", age_days=2500, scripted=True),
    HouseholdSpec(BE, (
        _m("Luc", "Saint-Pierre", 47, R.RESPONSIBLE, phone=True, sin=True),
        _m("Rosalie", "Saint-Pierre", 10, R.CHILD),
    ), "luc.saint-pierre@bell.example", age_days=1200, scripted=True),
    HouseholdSpec(RI, (
        _m("Grace", "Wong", 36, R.RESPONSIBLE, phone=True, sin=True),
        _m("Eric", "Wong", 38, R.CHILD, phone=True),  # F12: an adult recorded as a child
        _m("Mei", "Wong", 6, R.CHILD),
    ), "grace.wong@outlook.example", "en", failed_logins=2, age_days=800, scripted=True),
)  # fmt: skip

STORIES: dict[int, Story] = {
    2: Story(active_state=OPEN, minutes_left=12),
    3: Story(active_state=CHECKOUT, minutes_left=14),
    4: Story(
        active_state=OPEN,
        minutes_left=7,
        extended=True,
        active_refusal="Carte expirée",
        released_states=(LAPSED,),
    ),
    7: Story(active_state=OPEN, minutes_left=17),
    8: Story(payer_relationship=R.PARENT_OF_RESPONSIBLE.value),
    10: Story(released_states=(LAPSED, CANCELLED), released_refusal="Fonds insuffisants"),
}
# household -> last SMTP error of its confirmation email (F2)
MAIL_FAILURES = {6: "421 4.4.2 hotmail.example: connection timed out"}
RESETS = {5}  # the locked account asked for a reset before calling (F1)
# (household, FAQ question, note, days ago)
NOTES: tuple[tuple[int, str, str, float], ...] = (
    (1, "F14", "Reçu du panier de la session passée renvoyé par courriel.", 12),
    (8, "F4", "Retrait d'Ibrahima demandé; transféré au bureau d'arrondissement.", 21),
    (10, "F9", "Paiement refusé (fonds insuffisants) : non inscrite; rappellera.", 2),
)


@dataclass
class Scenarios:
    forced: dict[int, Forced] = field(default_factory=dict)
    stories: dict[int, Story] = field(default_factory=dict)


class _Finder:
    def __init__(self, activities: Sequence[ActivityInfo], seasons: Sequence[SeasonInfo]) -> None:
        self.activities = activities
        self.seasons = seasons
        self.exclusive: set[int] = set()

    def find(self, phases: tuple[str, ...], ages: tuple[int, ...], *, childcare: bool = False,
             exclusive: bool = False, min_capacity: int = 4) -> int:  # fmt: skip
        """The first activity of those phases that admits every age."""
        for relax in (False, True):
            for act in self.activities:
                phase = self.seasons[act.season].phase
                if (
                    act.id not in self.exclusive
                    and (relax or phase in phases)
                    and act.childcare == childcare
                    and act.capacity >= min_capacity
                    and all(act.admits(a) for a in ages)
                ):
                    if exclusive:
                        self.exclusive.add(act.id)
                    return act.id
        raise LookupError(f"no activity for ages {ages} (childcare={childcare})")


def apply(
    people: People, activities: Sequence[ActivityInfo], seasons: Sequence[SeasonInfo]
) -> Scenarios:
    """Place the scripted households' members on activities chosen from the programme."""
    # Every scripted household has a story, so chance adds nothing to their carts.
    out = Scenarios(stories={n: STORIES.get(n, Story()) for n in range(1, len(HOUSEHOLDS) + 1)})
    f = _Finder(activities, seasons)

    def member(household: int, index: int) -> int:
        return people.hh_members[household - 1][index]

    def forced(activity: int, profile: str | None = None) -> Forced:
        entry = out.forced.setdefault(activity, Forced())
        if profile is not None:
            entry.profile = profile
        return entry

    live = (CURRENT, NEXT)
    zoe, emile = member(1, 2), member(1, 3)
    lea, samuel, felix = member(3, 2), member(3, 3), member(4, 1)
    # F6: the last places of Zoé's group are held in the carts of 100003 and 100004.
    f6 = forced(f.find(live, (8, 9), exclusive=True, min_capacity=6), F6)
    f6.holds += [lea, felix]
    f6.waiting_last.append(zoe)
    forced(f.find((PAST,), (8,))).confirmed.append(zoe)
    forced(f.find((PAST,), (4,), childcare=True)).confirmed.append(emile)
    forced(f.find((PAST,), (41,))).confirmed.append(member(1, 0))
    # F7: registered and still held in the open cart; registered and still waitlisted.
    maelle, thomas = member(2, 2), member(2, 3)
    f7 = forced(f.find((CURRENT,), (9,), exclusive=True), NORMAL)
    f7.confirmed.append(maelle)
    f7.holds.append(maelle)
    full = forced(f.find(live, (11,), exclusive=True), FULL)
    full.confirmed.append(thomas)
    full.waiting_last.append(thomas)
    forced(f.find((NEXT,), (38,))).holds.append(member(2, 0))
    # F11: checkout lock on two children's places (one of them Zoé's missing place).
    forced(f.find(live, (6,))).holds.append(samuel)
    # F8/F9/F10: an earlier cart lapsed; today's cart is extended and its payment refused.
    forced(f.find(live, (8,))).released.append(felix)
    forced(f.find((PAST,), (44,))).confirmed.append(member(4, 0))
    # F1: the locked account has a history.
    forced(f.find((PAST,), (52,))).confirmed.append(member(5, 0))
    forced(f.find((PAST,), (54,))).confirmed.append(member(5, 1))
    # F13: childcare in the cart of a household with no SIN on file.
    forced(f.find(live, (7,), childcare=True)).holds.append(member(7, 2))
    forced(f.find(live, (4,), childcare=True)).holds.append(member(7, 3))
    # F12: the grandmother paid (payer "Père ou mère du responsable de dossier").
    forced(f.find((PAST,), (12,))).confirmed.append(member(8, 3))
    forced(f.find((PAST,), (72,))).confirmed.append(member(8, 2))
    # An open waitlist offer, held 48 hours.
    forced(f.find(live, (10,), exclusive=True), OFFER).offered.append(member(9, 1))
    # Places released from a lapsed and a cancelled cart; a paid history.
    forced(f.find(live, (36,))).released.append(member(10, 0))
    forced(f.find(live, (6,))).released.append(member(10, 2))
    forced(f.find((PAST,), (6,))).confirmed.append(member(10, 2))
    return out
