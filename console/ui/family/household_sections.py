"""The tables of the family file: members, carts, registrations, waitlist, payments,
messages and call notes — what each column shows and which colour says what."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from console.domain.views.households import (
    CallNoteView,
    CartView,
    MemberView,
    MessageView,
    PaymentView,
    RegistrationView,
    WaitlistView,
)
from console.domain.vocabulary import CartState, OutboxState, PaymentStatus, WaitlistState
from console.ui.kit.call_wording import actions_text
from console.ui.kit.formatting import (
    call_reason_name,
    card_text,
    cart_state_name,
    format_date,
    format_datetime,
    format_deadline,
    format_minutes_left,
    format_money,
    format_schedule,
    item_state_name,
    message_kind_name,
    message_state_name,
    payment_status_name,
    registration_state_name,
    relationship_name,
    waitlist_state_name,
)
from console.ui.kit.refusal_messages import refusal_text
from console.ui.kit.resources import icon
from console.ui.kit.table_model import AMBER, GREEN, GREY, RED, Column

translate = QCoreApplication.translate


# The members' column that gives way when the table is narrow: the relationship, whose
# words are the longest (« Père ou mère du responsable de dossier »); the others, and
# first the name, keep their contents' width.
MEMBER_ELASTIC_COLUMN = 1


def member_columns() -> list[Column[MemberView]]:
    def grey_if_removed(m: MemberView) -> QColor | None:
        return GREY if m.removed else None

    def name(m: MemberView) -> str:
        return m.name + (translate("household", " (retiré)") if m.removed else "")

    return [
        Column(
            translate("household", "Nom"),
            name,
            foreground=grey_if_removed,
            bold=lambda m: m.relationship == "responsible" and not m.removed,
            tooltip=name,
        ),
        Column(  # MEMBER_ELASTIC_COLUMN: whole in its tooltip when it is cut
            translate("household", "Lien de parenté"),
            lambda m: relationship_name(m.relationship),
            foreground=grey_if_removed,
            tooltip=lambda m: relationship_name(m.relationship),
        ),
        Column(
            translate("household", "Âge"),
            lambda m: str(m.age),
            foreground=grey_if_removed,
            tooltip=lambda m: translate("household", "Date de naissance : {date}").format(
                date=format_date(m.birth_date)
            ),
            align_right=True,
        ),
        Column(
            translate("household", "Téléphone"),
            lambda m: m.phone or "—",
            foreground=grey_if_removed,
        ),
        Column(
            translate("household", "Personne qui paie"),
            lambda m: translate("household", "Peut payer") if m.may_pay else "",
            icon=lambda m: icon("check") if m.may_pay else None,
            foreground=lambda m: GREY if m.removed else GREEN,
            tooltip=lambda m: translate(
                "household", "Peut être choisie pour payer sur le site (F12)"
            )
            if m.may_pay
            else None,
        ),
        Column(
            translate("household", "NAS"),
            lambda m: m.sin_masked or "—",
            foreground=grey_if_removed,
            tooltip=lambda m: translate(
                "household", "Seuls les trois derniers chiffres sont affichés."
            )
            if m.has_sin
            else None,
        ),
    ]


def registration_columns() -> list[Column[RegistrationView]]:
    return [
        Column(translate("household", "Membre"), lambda r: r.member_name),
        Column(
            translate("household", "Activité"),
            lambda r: f"{r.activity_code} — {r.activity_title}",
            tooltip=lambda r: r.activity_title,
        ),
        Column(translate("household", "Session"), lambda r: r.season),
        Column(translate("household", "Horaire"), lambda r: format_schedule(r.schedule)),
        Column(
            translate("household", "État"),
            lambda r: registration_state_name(r.state),
            foreground=lambda r: GREEN if r.state == "confirmed" else GREY,
        ),
        Column(
            translate("household", "Panier"), lambda r: str(r.cart_number or "—"), align_right=True
        ),
        Column(
            translate("household", "Date d'inscription"), lambda r: format_datetime(r.created_at)
        ),
    ]


def waitlist_columns() -> list[Column[WaitlistView]]:
    def offer(w: WaitlistView) -> str:
        if w.state == WaitlistState.OFFERED and w.offer_expires_at is not None:
            return format_deadline(w.offer_expires_at, datetime.now(UTC))
        return "—"

    open_states = (WaitlistState.WAITING, WaitlistState.OFFERED)
    return [
        Column(translate("household", "Membre"), lambda w: w.member_name),
        Column(
            translate("household", "Activité"),
            lambda w: f"{w.activity_code} — {w.activity_title}",
        ),
        Column(
            translate("household", "Rang"),
            lambda w: str(w.position) if w.state in open_states else "—",
            align_right=True,
        ),
        Column(
            translate("household", "État"),
            lambda w: waitlist_state_name(w.state),
            foreground=lambda w: AMBER
            if w.state == WaitlistState.OFFERED
            else (None if w.state == WaitlistState.WAITING else GREY),
        ),
        Column(translate("household", "Offre"), offer),
        Column(translate("household", "Depuis le"), lambda w: format_datetime(w.created_at)),
    ]


def payment_columns() -> list[Column[PaymentView]]:
    def colour(p: PaymentView) -> QColor | None:
        colours: dict[str, QColor] = {PaymentStatus.APPROVED: GREEN, PaymentStatus.REFUSED: RED}
        return colours.get(p.status, AMBER)

    return [
        Column(
            translate("household", "Transaction"),
            lambda p: str(p.transaction_number),
            align_right=True,
        ),
        Column(translate("household", "Panier"), lambda p: str(p.cart_number), align_right=True),
        Column(translate("household", "Personne qui paie"), lambda p: p.payer_name),
        Column(
            translate("household", "Montant"),
            lambda p: format_money(p.amount_cents),
            align_right=True,
        ),
        Column(translate("household", "Carte"), lambda p: card_text(p.card_brand, p.card_last4)),
        Column(
            translate("household", "Statut"),
            lambda p: payment_status_name(p.status),
            foreground=colour,
            tooltip=lambda p: refusal_text(p.refusal_reason) or p.authorization_code,
        ),
        Column(translate("household", "Date"), lambda p: format_datetime(p.created_at)),
    ]


def message_columns() -> list[Column[MessageView]]:
    def colour(m: MessageView) -> QColor | None:
        colours: dict[str, QColor] = {OutboxState.SENT: GREEN, OutboxState.FAILED: RED}
        return colours.get(m.state, AMBER)

    return [
        Column(translate("household", "Créé le"), lambda m: format_datetime(m.created_at)),
        Column(translate("household", "Type"), lambda m: message_kind_name(m.kind)),
        Column(translate("household", "Objet"), lambda m: m.subject, tooltip=lambda m: m.subject),
        Column(translate("household", "Destinataire"), lambda m: m.to_address),
        Column(
            translate("household", "État"),
            lambda m: message_state_name(m.state),
            foreground=colour,
            tooltip=lambda m: m.last_error,
        ),
        Column(
            translate("household", "Envoyé le"),
            lambda m: format_datetime(m.sent_at),
        ),
        Column(translate("household", "Essais"), lambda m: str(m.attempts), align_right=True),
    ]


def note_columns() -> list[Column[CallNoteView]]:
    return [
        Column(translate("household", "Date"), lambda n: format_datetime(n.started_at)),
        Column(translate("household", "Membre du personnel"), lambda n: n.staff_name),
        Column(translate("household", "Motif"), lambda n: call_reason_name(n.reason)),
        Column(
            translate("household", "Actions"),
            lambda n: actions_text(n.actions),
            tooltip=lambda n: actions_text(n.actions),
        ),
        Column(translate("household", "Note"), lambda n: n.note, tooltip=lambda n: n.note),
    ]


class CartsTree(QTreeWidget):
    """Carts with their items; a live hold shows its deadline and the minutes left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cartsTree")
        self.setAccessibleName(translate("household", "Paniers"))
        self.setColumnCount(5)
        self.setHeaderLabels(
            [
                translate("household", "Panier / activité"),
                translate("household", "État"),
                translate("household", "Échéance"),
                translate("household", "Membre"),
                translate("household", "Montant"),
            ]
        )
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(False)
        # The state, the deadline and the amount as wide as they read; the member too, up
        # to a limit; the activity takes what is left. Whatever is cut is whole in its
        # tooltip (every cell has one).
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 4):
            self.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(3, MEMBER_COLUMN_MAX)
        self._carts: tuple[CartView, ...] = ()

    def set_carts(self, carts: tuple[CartView, ...], now: datetime) -> None:
        self._carts = carts
        self.refresh(now)

    def refresh(self, now: datetime) -> None:
        """Redraw with the minutes left at ``now`` (called every half minute)."""
        items = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        expanded = {
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in items
            if item is not None and item.isExpanded()
        }
        self.clear()
        for cart in self._carts:
            item = QTreeWidgetItem(
                [
                    translate("household", "Panier {number}").format(number=cart.number),
                    cart_state_name(cart.state),
                    deadline_text(cart, now),
                    activities_text(len(cart.kept_items)),
                    format_money(sum(i.price_cents for i in cart.kept_items)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, cart.cart_id)
            font = QFont()
            font.setBold(True)
            item.setFont(0, font)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            colour = cart_colour(cart)
            if colour is not None:
                for column in (1, 2):
                    item.setForeground(column, QBrush(colour))
            if cart.state == CartState.CHECKOUT:
                item.setIcon(1, icon("lock"))
            elif cart.live:
                item.setIcon(1, icon("clock"))
            for line in cart.items:
                child = QTreeWidgetItem(
                    [
                        f"{line.activity_code} — {line.activity_title}",
                        item_state_name(line.state),
                        "",
                        line.member_name,
                        format_money(line.price_cents),
                    ]
                )
                child.setTextAlignment(
                    4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                if line.state == "released":
                    for column in range(5):
                        child.setForeground(column, QBrush(GREY))
                item.addChild(child)
            self.addTopLevelItem(item)
            if cart.live or cart.cart_id in expanded:
                item.setExpanded(True)
        for item in self._every_item():
            for column in range(self.columnCount()):
                if item.text(column):
                    item.setToolTip(column, item.text(column))
        self._fit_member_column()

    def _every_item(self) -> list[QTreeWidgetItem]:
        """Each cart's row, then its lines."""
        found: list[QTreeWidgetItem] = []
        for row in range(self.topLevelItemCount()):
            top = self.topLevelItem(row)
            if top is None:
                continue
            found.append(top)
            found.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return found

    def _fit_member_column(self) -> None:
        """The member column as wide as its longest name, up to :data:`MEMBER_COLUMN_MAX`."""
        metrics = self.fontMetrics()
        header = self.headerItem()
        label = header.text(3) if header is not None else ""
        widest = self.header().fontMetrics().horizontalAdvance(label) + 24
        for item in self._every_item():
            widest = max(widest, metrics.horizontalAdvance(item.text(3)) + 16)
        self.setColumnWidth(3, min(widest, MEMBER_COLUMN_MAX))


MEMBER_COLUMN_MAX = 190  # px: a long name is cut there, whole in its tooltip


def activities_text(count: int) -> str:
    """What a cart still holds, as the agent says it: « 2 activités », « aucune activité »."""
    if count == 0:
        return translate("household", "aucune activité")
    if count == 1:
        return translate("household", "1 activité")
    return translate("household", "{count} activités").format(count=count)


def cart_colour(cart: CartView) -> QColor | None:
    if cart.state == CartState.PAID:
        return GREEN
    if cart.live:
        return AMBER
    if cart.state in (CartState.LAPSED, CartState.CANCELLED):
        return GREY
    return None


def deadline_text(cart: CartView, now: datetime) -> str:
    """``9 h 12 — encore 12 min`` for a running hold or checkout lock, else a dash."""
    if cart.state == CartState.CHECKOUT and cart.checkout_locked_until is not None:
        deadline = cart.checkout_locked_until
    elif cart.state == CartState.OPEN:
        deadline = cart.hold_expires_at
    else:
        return "—"
    text = translate("household", "{until} — {left}").format(
        until=format_deadline(deadline, now), left=format_minutes_left(deadline, now)
    )
    if cart.state == CartState.OPEN and cart.extension_used:
        text += translate("household", " · prolongé")
    return text
