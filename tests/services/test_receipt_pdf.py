"""The receipt PDF, read back with pypdf: every field, both languages, both outcomes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from console.domain.vocabulary import CardBrand, Language, PaymentStatus
from console.services.receipt_pdf import ReceiptData, ReceiptLine, render_receipt_pdf
from console.services.receipt_words import (
    FRENCH,
    card_label,
    format_datetime,
    format_money,
    schedule_words,
    season_words,
)

APPROVED_FR = "Paiement effectué avec succès – Confirmation de paiement"


def _data(**changes: object) -> ReceiptData:
    data = ReceiptData(
        receipt_number=20_000_042,
        cart_number=5_000_017,
        owner_number=100_023,
        transaction_number=300_000_099,
        payer_name="Hélène Bérubé",
        lines=(
            ReceiptLine(
                "Zoé Bérubé", "Natation junior", "NAT-J3", "Hiver 2026 · Samedi 9 h", 8_500
            ),
            ReceiptLine(
                "Noé Bérubé", "Semaine de relâche", "REL-26", "Hiver 2026 · 2 au 6 mars", 12_000
            ),
        ),
        total_cents=20_500,
        status=PaymentStatus.APPROVED,
        card_brand=CardBrand.MASTERCARD,
        card_last4="4444",
        authorization_code="AUTH77",
        issued_at=datetime(2026, 3, 2, 14, 5, tzinfo=UTC),
        language=Language.FR,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _text(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    raw = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))


def test_pdf_is_a_real_pdf_with_metadata() -> None:
    pdf = render_receipt_pdf(_data())
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    assert reader.metadata is not None
    assert reader.metadata.title == "Reçu d’inscription 20000042"
    assert "Ville de Québec" in (reader.metadata.author or "")


def test_french_receipt_shows_every_field() -> None:
    text = _text(render_receipt_pdf(_data()))
    for expected in (
        "Ville de Québec — Mes loisirs en ligne",
        "Reçu d’inscription",
        "Numéro de reçu 20000042",
        "Numéro de panier 5000017",
        "Numéro du propriétaire du panier 100023",
        "Numéro de transaction 300000099",
        "Personne qui paie Hélène Bérubé",
        "Zoé Bérubé Natation junior NAT-J3 Hiver 2026 · Samedi 9 h 85,00 $",
        "Noé Bérubé Semaine de relâche REL-26 Hiver 2026 · 2 au 6 mars 120,00 $",
        "Total 205,00 $",
        APPROVED_FR,
        "Carte de crédit Mastercard •••• 4444",
        "Code d’autorisation AUTH77",
        "2 mars 2026, 9 h 05",
        "Accepté",
        "Ce document constitue la preuve de votre inscription.",
        "418 641-6018",
    ):
        assert expected in text, expected


def test_english_receipt_translates_labels_and_keeps_the_sites_words() -> None:
    text = _text(render_receipt_pdf(_data(language=Language.EN)))
    for expected in (
        "Registration receipt",
        "Receipt number 20000042",
        "Cart number 5000017",
        "Cart owner number 100023",
        "Payer Hélène Bérubé",
        "$85.00",
        "$120.00",
        "Total $205.00",
        "Payment completed successfully – Payment confirmation",
        APPROVED_FR,
        "Authorization code AUTH77",
        "March 2, 2026, 9:05 a.m.",
    ):
        assert expected in text, expected
    assert "Numéro de panier" not in text


def test_refused_receipt_says_paiement_refuse_and_not_registered() -> None:
    data = _data(
        status=PaymentStatus.REFUSED,
        authorization_code=None,
        refusal_reason="Fonds insuffisants",
        card_brand=CardBrand.VISA,
        card_last4="0002",
    )
    text = _text(render_receipt_pdf(data))
    assert "Paiement refusé" in text
    assert APPROVED_FR not in text
    assert "Aucune inscription n’a été faite" in text
    assert "Motif du refus : Fonds insuffisants" in text
    assert "VISA •••• 0002" in text
    assert "Code d’autorisation —" in text
    assert "ne constitue pas une preuve d’inscription" in text


def test_reprint_is_marked_with_its_date() -> None:
    reprinted = datetime(2026, 3, 9, 15, 0, tzinfo=UTC)  # after the switch to EDT
    text = _text(render_receipt_pdf(_data(reprinted_at=reprinted)))
    assert "Réimpression du 9 mars 2026, 11 h 00" in text


def test_many_lines_flow_onto_more_pages_with_the_header_repeated() -> None:
    lines = tuple(
        ReceiptLine(f"Enfant {i}", f"Activité {i}", f"ACT-{i}", "Été 2026", 1_000)
        for i in range(60)
    )
    pdf = render_receipt_pdf(_data(lines=lines, total_cents=60_000))
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) >= 2
    second = reader.pages[1].extract_text()
    assert "Ville de Québec — Mes loisirs en ligne" in second
    assert "Membre" in second  # table header repeats
    assert "Total 600,00 $" in _text(pdf)


def test_text_in_other_scripts_and_markup_characters_are_printed_as_is() -> None:
    text = _text(render_receipt_pdf(_data(payer_name="Anaïs <O'Neil> & Ł")))
    assert "Anaïs <O'Neil> & Ł" in text


@pytest.mark.parametrize(
    ("cents", "language", "expected"),
    [
        (12_500, Language.FR, "125,00\u00a0$"),
        (12_500, Language.EN, "$125.00"),
        (125_000, Language.FR, "1\u00a0250,00\u00a0$"),
        (125_000, Language.EN, "$1,250.00"),
        (5, Language.FR, "0,05\u00a0$"),
    ],
)
def test_money_format_follows_the_language(cents: int, language: Language, expected: str) -> None:
    assert format_money(cents, language) == expected


def test_dates_are_in_quebec_local_time() -> None:
    summer = datetime(2026, 7, 1, 16, 30, tzinfo=UTC)  # EDT, UTC-4
    assert format_datetime(summer, Language.FR) == "1er juillet 2026, 12 h 30"
    assert format_datetime(summer, Language.EN) == "July 1, 2026, 12:30 p.m."


def test_card_label_shows_only_brand_and_last_four() -> None:
    assert card_label(CardBrand.VISA, "4242") == "VISA •••• 4242"
    assert card_label(None, None) == "••••"


def test_an_english_receipt_line_reads_its_schedule_in_english() -> None:
    text = _text(
        render_receipt_pdf(
            _data(
                language=Language.EN,
                lines=(
                    ReceiptLine(
                        "Zoé Bérubé",
                        "Natation junior",
                        "NAT-J3",
                        " · ".join(
                            (
                                season_words("Hiver 2026", Language.EN),
                                schedule_words("Mardi 18 h 30 – 19 h 30", Language.EN),
                            )
                        ),
                        8_500,
                    ),
                ),
            )
        )
    )
    assert "Winter 2026 · Tuesday 6:30 p.m. – 7:30 p.m." in text
    assert "Mardi" not in text


def test_schedule_words_keep_french_as_the_city_wrote_it() -> None:
    assert schedule_words("Mardi 18 h 30 – 19 h 30", Language.FR) == "Mardi 18 h 30 – 19 h 30"
    assert season_words("Hiver 2026", Language.FR) == "Hiver 2026"
    assert schedule_words("Du lundi au vendredi, 9 h – 16 h", Language.EN) == (
        "Monday to Friday, 9\u00a0a.m. – 4\u00a0p.m."
    )


def test_the_french_receipt_and_emails_fit_every_gender() -> None:
    from dataclasses import astuple

    from console.services.email_templates import _FR
    from tests.ui.test_epicene_wording import gendered_words

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, tuple):
            return [s for v in value for s in strings(v)]
        return []

    texts = strings(astuple(FRENCH)) + strings(_FR)
    assert len(texts) > 20
    assert {t: gendered_words(t) for t in texts if gendered_words(t)} == {}
