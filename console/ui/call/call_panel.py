"""The call panel beside the family file: the running call's timer, its reason, the FAQ
answer to read (the knowledge panel), the Access Act notice when relevant, the note and
"Terminer l'appel". It only shows and collects; :mod:`console.ui.window.call_flow` runs the call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.ui.call import knowledge


class CallPanel(QWidget):
    """``reason_changed(str|None)`` when the agent picks a reason, ``note_edited`` when
    they type, ``end_requested`` and ``new_requested`` for the buttons."""

    reason_changed = Signal(object)
    note_edited = Signal()
    end_requested = Signal()
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callPanel")
        self._language = "fr"
        self._notice_forced = False

        self.state_label = QLabel()
        self.state_label.setObjectName("callState")
        self.state_label.setWordWrap(True)
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("callTimer")
        self.timer_label.setAccessibleName(self.tr("Durée de l'appel"))
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.timer_label)
        # Which family file the note goes to: the household's name and number, and a
        # warning when the file on screen is another one.
        self.file_label = QLabel()
        self.file_label.setObjectName("callFile")
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName(self.tr("Dossier de la note d'appel"))
        self.file_label.hide()

        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("callReason")
        self.reason_combo.setAccessibleName(self.tr("Motif de l'appel"))
        self.reason_combo.addItem(self.tr("— Choisir le motif —"), None)
        for reason in knowledge.reasons():
            self.reason_combo.addItem(knowledge.title(reason), reason)
        self.reason_combo.setMaxVisibleItems(16)
        self.reason_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.reason_combo.setMinimumContentsLength(18)
        self.reason_combo.currentIndexChanged.connect(self._reason_picked)
        reason_label = QLabel(self.tr("&Motif :"))
        reason_label.setBuddy(self.reason_combo)
        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_combo, 1)

        self.french_button = QPushButton("FR")
        self.english_button = QPushButton("EN")
        self._language_group = QButtonGroup(self)
        for button, code, name in (
            (self.french_button, "fr", self.tr("Lire en français")),
            (self.english_button, "en", self.tr("Lire en anglais")),
        ):
            button.setCheckable(True)
            button.setObjectName("scriptLanguage")
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, c=code: self.set_language(c))
            self._language_group.addButton(button)
        self.french_button.setChecked(True)
        self.script_title = QLabel()
        self.script_title.setObjectName("scriptTitle")
        self.script_title.setWordWrap(True)
        script_row = QHBoxLayout()
        script_row.addWidget(self.script_title, 1)
        script_row.addWidget(self.french_button)
        script_row.addWidget(self.english_button)

        self.script = QTextBrowser()
        self.script.setObjectName("knowledgeText")
        self.script.setAccessibleName(self.tr("Réponse à lire à la personne qui appelle"))
        self.script.setOpenLinks(False)
        self.hint_label = QLabel()
        self.hint_label.setObjectName("knowledgeHint")
        self.hint_label.setWordWrap(True)

        self.notice = QFrame()
        self.notice.setObjectName("accessNotice")
        notice_layout = QVBoxLayout(self.notice)
        notice_layout.setContentsMargins(8, 6, 8, 6)
        notice_layout.setSpacing(2)
        self.notice_title = QLabel()
        self.notice_title.setObjectName("accessNoticeTitle")
        self.notice_title.setWordWrap(True)
        self.notice_text = QLabel()
        self.notice_text.setObjectName("accessNoticeText")
        self.notice_text.setWordWrap(True)
        self.notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        notice_layout.addWidget(self.notice_title)
        # The notice scrolls within its share of the panel: the FAQ answer above keeps
        # room for a good part of what the agent reads aloud.
        self.notice_scroll = QScrollArea()
        self.notice_scroll.setObjectName("accessNoticeScroll")
        self.notice_scroll.setWidgetResizable(True)
        self.notice_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.notice_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notice_scroll.setWidget(self.notice_text)
        self.notice_scroll.viewport().setAutoFillBackground(False)
        self.notice_text.setAutoFillBackground(False)
        notice_layout.addWidget(self.notice_scroll, 1)
        self.notice.hide()

        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("callNote")
        self.note_edit.setAccessibleName(self.tr("Note d'appel"))
        self.note_edit.setPlaceholderText(
            self.tr("Ce que la personne demande, ce qui a été fait, ce qui reste à faire…")
        )
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(110)
        self.note_edit.textChanged.connect(self.note_edited)
        note_label = QLabel(self.tr("No&te :"))
        note_label.setBuddy(self.note_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("callError")
        self.error_label.setProperty("state", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.new_button = QPushButton(self.tr("Nouvel appel"))
        self.new_button.setObjectName("newCallButton")
        self.new_button.clicked.connect(self.new_requested)
        self.end_button = QPushButton(self.tr("Terminer l'appel"))
        self.end_button.setObjectName("endCallButton")
        self.end_button.clicked.connect(self.end_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addLayout(reason_row)
        layout.addLayout(script_row)
        self.script.setMinimumHeight(8 * self.script.fontMetrics().lineSpacing() + 12)
        layout.addWidget(self.script, 3)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.notice, 2)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._show_knowledge()

    # --- what the flow sets -----------------------------------------------------------

    @property
    def reason(self) -> str | None:
        data = self.reason_combo.currentData()
        return str(data) if data is not None else None

    def set_reason(self, reason: str | None) -> None:
        index = self.reason_combo.findData(reason) if reason is not None else 0
        self.reason_combo.setCurrentIndex(max(index, 0))

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        self._language = language if language in knowledge.LANGUAGES else "fr"
        button = self.english_button if self._language == "en" else self.french_button
        button.setChecked(True)
        self._show_knowledge()

    def toggle_language(self) -> None:
        self.set_language("fr" if self._language == "en" else "en")

    def show_access_notice(self) -> None:
        """Show the notice whatever the reason (before changing the family file)."""
        self._notice_forced = True
        self._show_knowledge()

    def set_state(self, text: str, *, active: bool) -> None:
        self.state_label.setText(text)
        self.state_label.setProperty("active", "true" if active else "false")
        self.end_button.setEnabled(active)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)

    def set_file(self, name: str | None, number: int | None, *, elsewhere: bool = False) -> None:
        """The household the note will be filed to (``number`` None: not yet known);
        ``elsewhere`` when the file on screen is another household's."""
        if number is None:
            text = self.tr(
                "Note sans dossier : ouvrez le dossier de la personne qui appelle pour l'y classer."
            )
        elif name:
            text = self.tr("Note classée au dossier {number} · {name}").format(
                number=number, name=name
            )
        else:
            text = self.tr("Note classée au dossier {number}").format(number=number)
        if number is not None and elsewhere:
            text += " " + self.tr("(pas le dossier affiché)")
        self.file_label.setText(text)
        self.file_label.setProperty("elsewhere", "true" if elsewhere else "false")
        self.file_label.style().unpolish(self.file_label)
        self.file_label.style().polish(self.file_label)
        self.file_label.show()

    def clear_file(self) -> None:
        self.file_label.clear()
        self.file_label.hide()

    def set_elapsed(self, text: str) -> None:
        self.timer_label.setText(text)

    def set_saving(self, saving: bool) -> None:
        self.end_button.setEnabled(not saving)
        self.end_button.setText(
            self.tr("Enregistrement…") if saving else self.tr("Terminer l'appel")
        )

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def clear(self) -> None:
        """Ready for the next call: no reason, no note, no notice."""
        self.reason_combo.blockSignals(True)
        self.reason_combo.setCurrentIndex(0)
        self.reason_combo.blockSignals(False)
        self.note_edit.blockSignals(True)
        self.note_edit.clear()
        self.note_edit.blockSignals(False)
        self._notice_forced = False
        self.show_error("")
        self._show_knowledge()

    # --- showing ----------------------------------------------------------------------

    def _reason_picked(self, _index: int) -> None:
        self._show_knowledge()
        self.reason_changed.emit(self.reason)

    def _show_knowledge(self) -> None:
        reason = self.reason
        if reason is None:
            self.script_title.setText(self.tr("Réponse à lire"))
            self.script.setPlainText(
                self.tr(
                    "Choisissez le motif de l'appel : la réponse de la foire aux questions à "
                    "lire à la personne qui appelle s'affiche ici."
                )
            )
            self.hint_label.hide()
        else:
            self.script_title.setText(knowledge.script_title(reason, self._language))
            self.script.setPlainText(knowledge.script(reason, self._language))
            self.hint_label.setText(
                self.tr("Dans la console : {hint}").format(hint=knowledge.hint(reason))
            )
            self.hint_label.show()
        notice = self._notice_forced or (
            reason is not None and knowledge.needs_access_notice(reason)
        )
        if notice:
            self.notice_title.setText(
                self.tr("Avis à lire avant de recueillir des renseignements (Loi sur l'accès)")
            )
            self.notice_text.setText(knowledge.access_notice(self._language))
        self.notice.setVisible(notice)
