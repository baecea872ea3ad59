"""The receipt as an official PDF (F9, F14): pure rendering from frozen data to bytes.

Nothing here reads the database: ``receipts.py`` gathers a :class:`ReceiptData` and this
module lays it out with reportlab's platypus, in the household's language. The fonts ship
with the package (DejaVu Sans) so accents, "•" and "–" render on any machine.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from io import BytesIO
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from console.domain.views.receipt_pdf import ReceiptData as ReceiptData
from console.domain.views.receipt_pdf import ReceiptLine as ReceiptLine
from console.domain.vocabulary import Language, PaymentStatus
from console.services.receipt_words import (
    CITY_HEADER,
    STATUS_WORDS,
    SUPPORT_PHONE,
    Labels,
    card_label,
    format_datetime,
    format_money,
    labels_for,
    refusal_words,
)

FONT: Final = "ReceiptSans"
FONT_BOLD: Final = "ReceiptSans-Bold"
CITY_BLUE: Final = colors.HexColor("#0B3A68")
RULE_GREY: Final = colors.HexColor("#B8C2CC")
ZEBRA: Final = colors.HexColor("#F1F4F7")
APPROVED_GREEN: Final = colors.HexColor("#1E6B34")
REFUSED_RED: Final = colors.HexColor("#A4161A")
PENDING_AMBER: Final = colors.HexColor("#8A5A00")


@cache
def _register_fonts() -> None:
    fonts = resources.files("console.resources.fonts")
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(fonts / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "normal": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor="#444444"),
        "label": ParagraphStyle(
            "label", parent=base, fontSize=7.5, leading=9.5, textColor="#5A6673"
        ),
        "value": ParagraphStyle("value", parent=base, fontName=FONT_BOLD, fontSize=10.5),
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=17, leading=21, textColor=CITY_BLUE
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontName=FONT_BOLD, fontSize=8.5, textColor=colors.white
        ),
        "head_right": ParagraphStyle(
            "head_right",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=8.5,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cell_right": ParagraphStyle(
            "cell_right", parent=base, fontSize=9, leading=11.5, alignment=TA_RIGHT
        ),
        "total": ParagraphStyle(
            "total", parent=base, fontName=FONT_BOLD, fontSize=10.5, alignment=TA_RIGHT
        ),
        "section": ParagraphStyle(
            "section",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=10.5,
            textColor=CITY_BLUE,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
        ),
        "status": ParagraphStyle(
            "status", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=14, alignment=TA_LEFT
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _keep_times(text: str) -> str:
    """ "9 h 30" never breaks across lines (Québec typography)."""
    return re.sub(r"(\d) h( \d\d)?\b", lambda m: m.group(0).replace(" ", "\u00a0"), text)


class _ReceiptRenderer:
    """Lays out one receipt: page furniture on the canvas, content as a platypus story."""

    page_size = LETTER
    margin_x = 18 * mm
    band_height = 24 * mm

    def __init__(self, data: ReceiptData) -> None:
        self.data = data
        self.words: Labels = labels_for(data.language)
        self.styles = _styles()

    # -- page furniture -------------------------------------------------------------

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(CITY_BLUE)
        canvas.rect(0, height - self.band_height, width, self.band_height, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(FONT_BOLD, 15)
        canvas.drawString(self.margin_x, height - 11 * mm, CITY_HEADER)
        canvas.setFont(FONT, 8.5)
        canvas.drawString(self.margin_x, height - 17 * mm, self.words.program)
        canvas.drawRightString(width - self.margin_x, height - 11 * mm, self.words.support)
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawRightString(width - self.margin_x, height - 17 * mm, SUPPORT_PHONE)
        # Thin accent line under the band, as on the city's letterhead.
        canvas.setFillColor(colors.HexColor("#4F8FCC"))
        canvas.rect(0, height - self.band_height - 1.2 * mm, width, 1.2 * mm, stroke=0, fill=1)

        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(self.margin_x, 18 * mm, width - self.margin_x, 18 * mm)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setFont(FONT, 7.5)
        canvas.drawString(self.margin_x, 13.5 * mm, self.words.footer_proof[self.data.status])
        canvas.drawString(self.margin_x, 10 * mm, self.words.footer_reprint)
        canvas.drawRightString(
            width - self.margin_x, 10 * mm, self.words.page.format(page=doc.page)
        )
        canvas.restoreState()

    # -- content --------------------------------------------------------------------

    def _title_block(self) -> list[Any]:
        s = self.styles
        data = self.data
        right = [Paragraph(self.words.receipt_number, s["label"])]
        right.append(Paragraph(f"{data.receipt_number}", ParagraphStyle("n", parent=s["title"])))
        left: list[Any] = [Paragraph(self.words.title, s["title"])]
        if data.reprinted_at is not None:
            left.append(
                Paragraph(
                    self.words.reprint.format(
                        date=format_datetime(data.reprinted_at, data.language)
                    ),
                    s["small"],
                )
            )
        table = Table([[left, right]], colWidths=[None, 48 * mm])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [table, Spacer(1, 4 * mm)]

    def _status_block(self) -> list[Any]:
        s = self.styles
        data = self.data
        colour = {
            PaymentStatus.APPROVED: APPROVED_GREEN,
            PaymentStatus.REFUSED: REFUSED_RED,
            PaymentStatus.PENDING: PENDING_AMBER,
        }[data.status]
        style = ParagraphStyle("status_c", parent=s["status"], textColor=colour)
        rows: list[list[Any]] = []
        if data.language is Language.FR:
            rows.append([Paragraph(STATUS_WORDS[data.status], style)])
        else:
            rows.append([Paragraph(self.words.status[data.status], style)])
            # The FAQ tells families to look for the site's French words (F9).
            rows.append([Paragraph(STATUS_WORDS[data.status], s["small"])])
        rows.append([Paragraph(self.words.status_meaning[data.status], s["normal"])])
        if data.status is PaymentStatus.REFUSED and data.refusal_reason:
            colon = " :" if data.language is Language.FR else ":"
            why = refusal_words(data.refusal_reason, data.language)
            rows.append([Paragraph(f"{self.words.refusal_reason}{colon} {_esc(why)}", s["small"])])
        table = Table(rows, colWidths=["100%"])
        table.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, colour),
                    ("LINEBEFORE", (0, 0), (0, -1), 5, colour),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("TOPPADDING", (0, 0), (-1, 0), 2.5 * mm),
                    ("BOTTOMPADDING", (0, -1), (-1, -1), 2.5 * mm),
                ]
            )
        )
        return [table, Spacer(1, 5 * mm)]

    def _facts_block(self) -> list[Any]:
        s = self.styles
        data = self.data
        w = self.words

        def cell(label: str, value: str) -> list[Any]:
            return [Paragraph(label, s["label"]), Paragraph(_esc(value), s["value"])]

        grid = [
            [
                cell(w.payer, data.payer_name),
                cell(w.cart_number, str(data.cart_number)),
                cell(w.owner_number, str(data.owner_number)),
            ],
            [
                cell(w.date, format_datetime(data.issued_at, data.language)),
                cell(w.transaction_number, str(data.transaction_number)),
                cell(w.total, format_money(data.total_cents, data.language)),
            ],
        ]
        table = Table(grid, colWidths=["40%", "30%", "30%"])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE_GREY),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ]
            )
        )
        return [table]

    def _lines_block(self) -> list[Any]:
        s = self.styles
        data = self.data
        w = self.words
        rows: list[list[Any]] = [
            [
                Paragraph(w.member, s["head"]),
                Paragraph(w.activity, s["head"]),
                Paragraph(w.session, s["head"]),
                Paragraph(w.amount, s["head_right"]),
            ]
        ]
        for line in data.lines:
            rows.append(
                [
                    Paragraph(_esc(line.member_name), s["cell"]),
                    [
                        Paragraph(_esc(line.activity_title), s["cell"]),
                        Paragraph(_esc(line.activity_code), s["small"]),
                    ],
                    Paragraph(_keep_times(_esc(line.session)), s["cell"]),
                    Paragraph(format_money(line.amount_cents, data.language), s["cell_right"]),
                ]
            )
        rows.append(
            [
                "",
                "",
                Paragraph(w.total, s["total"]),
                Paragraph(format_money(data.total_cents, data.language), s["total"]),
            ]
        )
        last = len(rows) - 1
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), CITY_BLUE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 1), (-1, last - 1), 0.4, RULE_GREY),
            ("LINEABOVE", (2, last), (-1, last), 1.2, CITY_BLUE),
            ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, last, 2)]
        table = Table(rows, colWidths=["23%", "33%", "30%", "14%"], repeatRows=1)
        table.setStyle(TableStyle(style))
        return [Paragraph(w.lines_title, s["section"]), table]

    def _payment_block(self) -> list[Any]:
        s = self.styles
        data = self.data
        w = self.words
        rows = [
            (w.card, card_label(data.card_brand, data.card_last4)),
            (w.authorization, data.authorization_code or "—"),
            (w.amount_paid, format_money(data.total_cents, data.language)),
            (w.status_label, w.status_short[data.status]),
        ]
        table = Table(
            [[Paragraph(k, s["label"]), Paragraph(_esc(v), s["normal"])] for k, v in rows],
            colWidths=[55 * mm, None],
        )
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.8 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.8 * mm),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return [KeepTogether([Paragraph(w.payment_title, s["section"]), table])]

    def story(self) -> list[Any]:
        return [
            *self._title_block(),
            *self._status_block(),
            *self._facts_block(),
            *self._lines_block(),
            *self._payment_block(),
        ]

    def render(self) -> bytes:
        buffer = BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=self.margin_x,
            rightMargin=self.margin_x,
            topMargin=self.band_height + 9 * mm,
            bottomMargin=24 * mm,
            title=f"{self.words.title} {self.data.receipt_number}",
            author=CITY_HEADER,
            subject=f"{self.words.cart_number} {self.data.cart_number}",
            creator=CITY_HEADER,
            lang="fr-CA" if self.data.language is Language.FR else "en-CA",
        )
        frame = Frame(
            doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
        )
        doc.addPageTemplates([PageTemplate(id="receipt", frames=[frame], onPage=self._on_page)])
        doc.build(self.story())
        return buffer.getvalue()


def render_receipt_pdf(data: ReceiptData) -> bytes:
    """The receipt as PDF bytes, in ``data.language``."""
    _register_fonts()
    return _ReceiptRenderer(data).render()
