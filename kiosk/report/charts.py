"""The report's charts, drawn by matplotlib as SVG (text kept as text, so the browser's fonts draw
Chinese; scalable, and no file beside the page), in the content's colours."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no window: files only
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402

from ..core.content.model import Theme  # noqa: E402
from ..core.words import words  # noqa: E402


def fonts() -> list[str]:
    """The kiosk's own fonts (Chinese included) for laying the charts' text out, then
    matplotlib's own; the browser draws the text with its fonts (svg.fonttype none)."""
    from matplotlib import font_manager

    from ..core import paths

    names = []
    for path in paths.fonts():
        font_manager.fontManager.addfont(str(path))
        names.append(font_manager.FontProperties(fname=str(path)).get_name())
    return [*dict.fromkeys(names), "DejaVu Sans"]


def style(theme: Theme) -> None:
    plt.rcParams.update({
        "svg.fonttype": "none", "font.family": fonts(), "font.size": 11,
        "axes.edgecolor": theme.muted_text, "axes.labelcolor": theme.text,
        "xtick.color": theme.muted_text, "ytick.color": theme.muted_text,
        "axes.spines.top": False, "axes.spines.right": False,
        "figure.facecolor": theme.surface, "axes.facecolor": theme.surface,
    })


_MADE = [0]


def svg(figure: Any) -> str:
    out = io.StringIO()
    _MADE[0] += 1  # ids of their own: several SVGs share the page
    with plt.rc_context({"svg.hashsalt": f"chart{_MADE[0]}"}):
        figure.savefig(out, format="svg", bbox_inches="tight")
    plt.close(figure)
    text = out.getvalue()
    return text[text.index("<svg"):]  # inline: no XML declaration or doctype


def per_day(counts: dict[str, int], theme: Theme) -> str:
    figure, axes = plt.subplots(figsize=(10, 3.2))
    days: Any = [date.fromisoformat(day) for day in counts]  # matplotlib takes dates
    axes.bar(days, list(counts.values()), color=theme.accent, width=0.8)
    axes.set_ylabel("")
    figure.autofmt_xdate()
    return svg(figure)


def week(grid: list[list[int]], theme: Theme, language: str) -> str:
    figure, axes = plt.subplots(figsize=(10, 3.2))
    colours = LinearSegmentedColormap.from_list("kiosk", [theme.surface, theme.accent])
    shown = axes.imshow(grid, aspect="auto", cmap=colours, interpolation="nearest")
    axes.set_yticks(range(7), words("report.days", language).split())
    axes.set_xticks(range(0, 24, 2), [f"{h:02d}" for h in range(0, 24, 2)])
    figure.colorbar(shown, ax=axes, fraction=0.03)
    return svg(figure)


def bars(pairs: list[tuple[str, float]], theme: Theme) -> str:
    """Horizontal bars, the largest on top: names and their values."""
    figure, axes = plt.subplots(figsize=(10, 0.45 * max(3, len(pairs)) + 0.6))
    names = [name for name, _ in pairs][::-1]
    values = [value for _, value in pairs][::-1]
    axes.barh(names, values, color=theme.accent)
    for y, value in enumerate(values):
        axes.text(value, y, f" {value:,.0f}", va="center", color=theme.text)
    axes.spines["bottom"].set_visible(False)
    axes.set_xticks([])
    return svg(figure)


def places(opened: list[tuple[str, int]], where: dict[str, tuple[float, float, str]],
           outline: tuple[tuple[tuple[float, float], ...], ...], theme: Theme) -> str:
    """The network's places on the map, each a circle as large as it was opened often."""
    figure, axes = plt.subplots(figsize=(8, 6.5))
    for ring in outline:
        xs, ys = zip(*ring, strict=True)
        axes.fill(xs, ys, color=theme.background, edgecolor=theme.muted_text, linewidth=0.5)
    most = max((n for _, n in opened), default=1)
    for key, count in opened:
        if key in where:
            lon, lat, name = where[key]
            axes.scatter([lon], [lat], s=80 + 1600 * count / most, color=theme.accent,
                         alpha=0.75, edgecolors=theme.surface)
            axes.annotate(f"{name} {count}", (lon, lat), xytext=(6, 6),
                          textcoords="offset points", color=theme.text, fontsize=10)
    axes.set_aspect("equal")
    axes.axis("off")
    return svg(figure)
