"""The dashboard's two charts (QtCharts): calls per reason per day, stacked, and the fill
rate of the activities with the longest waitlists."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from console.domain.views.dashboard import ActivityFill, DashboardFigures
from console.ui.kit.formatting import call_reason_name

translate = QCoreApplication.translate

# Distinct, print-safe colours; a reason keeps its colour whatever the filter.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#ad494a",
    "#637939",
    "#843c39",
    "#5254a3",
)
FULL = QColor("#b3261e")
ROOM_LEFT = QColor("#2f6db5")


def reason_colour(reason: str) -> QColor:
    if reason[:1].upper() == "F" and reason[1:].isdigit():
        return QColor(PALETTE[(int(reason[1:]) - 1) % len(PALETTE)])
    return QColor("#4d4d4d")


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    return chart


def _clear(chart: QChart) -> None:
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)


class CallsChart(QChartView):
    """One stacked bar per day, one colour per call reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_chart(translate("dashboard", "Appels par motif et par jour")), parent)
        self.setObjectName("callsChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(translate("dashboard", "Appels par motif et par jour"))
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.series: QStackedBarSeries | None = None

    def show_figures(self, figures: DashboardFigures) -> None:
        chart = self.chart()
        _clear(chart)
        series = QStackedBarSeries()
        series.setBarWidth(0.7)
        for reason in figures.reasons:
            bar = QBarSet(call_reason_name(reason))
            bar.setColor(reason_colour(reason))
            bar.setBorderColor(reason_colour(reason))
            bar.append([float(figures.calls_on(day, reason)) for day in figures.days])
            series.append(bar)
        chart.addSeries(series)
        days = QBarCategoryAxis()
        days.append([day.strftime("%m-%d") for day in figures.days])
        # Upright labels stop fitting past ten days or so; turned ones always fit.
        days.setLabelsAngle(-90 if len(figures.days) > 10 else 0)
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(days)
        most = max(
            (sum(figures.calls_on(d, r) for r in figures.reasons) for d in figures.days), default=0
        )
        counts = QValueAxis()
        counts.setRange(0, max(most, 4))
        counts.setLabelFormat("%d")
        counts.setTickCount(5)
        counts.applyNiceNumbers()
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.legend().setVisible(bool(figures.reasons))
        self.series = series


TITLE_CHARS = 24


def fill_label(activity: ActivityFill) -> str:
    """The activity and its waitlist; a long title is shortened so the count always shows."""
    title = activity.title
    if len(title) > TITLE_CHARS:
        title = title[: TITLE_CHARS - 1].rstrip() + "…"
    return translate("dashboard", "{title} · {waiting} en attente").format(
        title=title, waiting=activity.waitlist
    )


class FillChart(QChartView):
    """Fill rate (confirmed / capacity) of the activities with the longest waitlists."""

    def __init__(self, parent: QWidget | None = None) -> None:
        title = translate(
            "dashboard", "Taux de remplissage et listes d'attente (en rouge : complet)"
        )
        super().__init__(_chart(title), parent)
        self.setObjectName("fillChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(title)
        self.chart().legend().setVisible(False)
        self.series: QHorizontalBarSeries | None = None

    def show_figures(self, figures: DashboardFigures) -> None:
        chart = self.chart()
        _clear(chart)
        # Longest waitlist at the top: a horizontal axis lists its categories bottom-up.
        activities = list(reversed(figures.activities))
        series = QHorizontalBarSeries()
        series.setBarWidth(0.75)
        bar = QBarSet(translate("dashboard", "Taux de remplissage"))
        bar.append([round(100 * a.fill_rate, 1) for a in activities])
        bar.setColor(ROOM_LEFT)
        bar.setBorderColor(ROOM_LEFT)
        bar.setLabelColor(QColor("#ffffff"))
        # Full activities stand out in red (QBarSet's "selected" colour marks them).
        bar.setSelectedColor(FULL)
        bar.selectBars([i for i, a in enumerate(activities) if a.fill_rate >= 1])
        series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([fill_label(a) for a in activities])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        rate = QValueAxis()
        top = max((100 * a.fill_rate for a in activities), default=100.0)
        rate.setRange(0, max(100.0, top))
        rate.setLabelFormat("%d %%")
        rate.setTickCount(6)
        chart.addAxis(rate, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(rate)
        self.series = series
