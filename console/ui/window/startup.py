"""Language and look, installed on the application before the first window.

French is the source language of every string; English comes from the compiled
``translations/console_en.qm`` shipped in the package.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from console.ui.kit.resources import TRANSLATIONS, style_sheet

LOCALES = {
    "fr": QLocale(QLocale.Language.French, QLocale.Country.Canada),
    "en": QLocale(QLocale.Language.English, QLocale.Country.Canada),
}


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Set the locale and install the translators; returns them (keep them alive)."""
    locale = LOCALES.get(language, LOCALES["fr"])
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", qt_translations):
        app.installTranslator(qt)
        installed.append(qt)
    if language == "en":
        ours = QTranslator(app)
        if ours.load(str(TRANSLATIONS / "console_en.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def install_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet())
