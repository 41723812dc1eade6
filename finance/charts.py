"""Charts drawn on the server as SVG with matplotlib, no JavaScript (DESIGN.md §4).

Each chart is served as a `data:` image (the pages' Content-Security-Policy allows those, and the
pack's PDF draws nothing else), with a text description for its `alt` and the table of its
figures beside it. Text stays text in the SVG (`svg.fonttype: none`) in the pages' Arial.
"""

import base64
import io
import threading
from dataclasses import dataclass
from decimal import Decimal

import matplotlib

matplotlib.use("svg")

from matplotlib import pyplot as plt  # noqa: E402  (after choosing the backend)

from finance.arithmetic import direction, pounds  # noqa: E402

# matplotlib's settings and pyplot's figures are global: one chart at a time per process, as
# the web server's threads may draw at once.
DRAWING = threading.Lock()

# GOV.UK Frontend's colours: red for an overspend, green for an underspend, the blue of links
# for trends, dark grey for text and axes.
RED = "#d4351c"
GREEN = "#00703c"
BLUE = "#1d70b8"
TEXT = "#0b0c0c"
GREY = "#505a5f"

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "scrutiny-finance",  # the same figures give the same bytes
    # Liberation Sans is Arial's metric twin, which the PDF's fonts provide too.
    "font.family": "sans-serif",
    "font.sans-serif": ["Liberation Sans", "Arial", "DejaVu Sans"],
    "font.size": 10,
    "text.color": TEXT,
    "axes.edgecolor": GREY,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True)
class Chart:
    """An SVG chart as a data: URI, and what it shows in words."""

    title: str
    description: str
    svg: str
    points: list[tuple[str, Decimal]]
    heading: str = "£m"

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def _svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return buffer.getvalue()


def variation_by_directorate(labelled: list[tuple[str, Decimal]], *, title: str) -> Chart:
    """Horizontal bars, one per directorate: overspends red to the right, underspends green."""
    names = [name for name, _ in labelled]
    values = [float(value) for _, value in labelled]  # drawing only: figures stay Decimal
    with DRAWING, plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7, 0.45 * len(labelled) + 1.2))
        positions = range(len(labelled))
        axes.barh(positions, values, color=[RED if v > 0 else GREEN for v in values], height=0.6)
        axes.set_yticks(list(positions), labels=names)
        axes.invert_yaxis()
        axes.axvline(0, color=GREY, linewidth=0.8)
        axes.set_xlabel("Forecast year-end variation, £m (overspend positive)")
        for position, (_, amount) in zip(positions, labelled, strict=True):
            value = float(amount)
            axes.annotate(
                pounds(amount),
                (value, position),
                xytext=(4 if value >= 0 else -4, 0),
                textcoords="offset points",
                ha="left" if value >= 0 else "right",
                va="center",
            )
        axes.margins(x=0.25)
        svg = _svg(figure)
    description = (
        f"Bar chart of the forecast year-end variation by directorate. {_in_words(labelled)}."
    )
    return Chart(title=title, description=description, svg=svg, points=labelled)


def trend(points: list[tuple[str, Decimal]], *, title: str) -> Chart:
    """The total forecast variation period by period through the year, as a line."""
    labels = [label for label, _ in points]
    values = [float(value) for _, value in points]
    with DRAWING, plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(7, 3.2))
        axes.plot(range(len(points)), values, color=BLUE, marker="o", linewidth=2)
        axes.axhline(0, color=GREY, linewidth=0.8)
        axes.set_xticks(range(len(points)), labels=labels)
        axes.set_ylabel("Total variation, £m")
        for position, (_, value) in enumerate(points):
            axes.annotate(
                pounds(value),
                (position, float(value)),
                xytext=(0, 8),
                textcoords="offset points",
                ha="center",
            )
        axes.margins(y=0.3)
        svg = _svg(figure)
    description = f"Line chart of the total forecast variation by period. {_in_words(points)}."
    return Chart(title=title, description=description, svg=svg, points=points)


def _in_words(points: list[tuple[str, Decimal]]) -> str:
    return "; ".join(
        f"{label}: {direction(value)}"
        + ("" if direction(value) == "on budget" else f" of {pounds(abs(value))}")
        for label, value in points
    )
