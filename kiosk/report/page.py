"""The report's page: one self-contained HTML file (charts inline as SVG, pictures as data:
addresses; no script, style sheet, font or picture fetched from anywhere), in the content's
colours and the chosen language."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from ..core.content.model import Theme
from ..core.words import words


def minutes(seconds: float) -> str:
    whole, rest = divmod(round(seconds), 60)
    return f"{whole} min {rest:02d} s"


def share(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f} %"


def figure(title: str, value: str, note: str) -> str:
    return (f'<div class="figure"><div class="label">{html.escape(title)}</div>'
            f'<div class="value">{html.escape(value)}</div>'
            f'<div class="note">{html.escape(note)}</div></div>')


def section(title: str, body: str, note: str = "") -> str:
    extra = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"<section><h2>{html.escape(title)}</h2>{extra}{body}</section>"


def page(found: dict[str, Any], charts: dict[str, str], heat: list[tuple[str, str, int]],
         kiosks: list[dict[str, Any]], theme: Theme, language: str, organisation: str) -> str:
    w = language
    period = found["period"]
    before = found["previous"]
    top = [
        figure(words("report.sessions", w), f"{found['sessions']:,}",
               words("report.before", w, value=f"{before['sessions']:,}")),
        figure(words("report.median", w), minutes(found["median_seconds"]),
               words("report.spread", w, low=minutes(found["quartile_seconds"][0]),
                     high=minutes(found["quartile_seconds"][1]))),
        figure(words("report.bounce", w), share(found["bounce_share"]),
               words("report.before", w, value=share(before["bounce_share"]))),
        figure(words("report.attract", w), share(found["attract"]["conversion"]),
               words("report.attract_of", w, woken=found["attract"]["woken"],
                     shown=found["attract"]["shown"])),
    ]
    parts = [f'<div class="figures">{"".join(top)}</div>']
    if not found["sessions"]:
        parts.append(f"<p>{html.escape(words('report.none', w))}</p>")
    titles = {"per_day": "report.per_day", "week": "report.week",
              "most_viewed": "report.most_viewed", "longest": "report.longest",
              "places": "report.places", "languages": "report.languages", "qr": "report.qr"}
    for key, chart in charts.items():
        parts.append(section(words(titles[key], w), f'<div class="chart">{chart}</div>'))
    for name, picture, taps in heat:
        parts.append(section(words("report.heat", w, screen=name),
                             f'<img src="{picture}" alt="{html.escape(name)}">',
                             words("report.heat_note", w, taps=f"{taps:,}")))
    if kiosks:
        rows = "".join(
            f"<tr><td>{html.escape(k['kiosk'])}</td><td>{k['sessions']:,}</td>"
            f"<td>{minutes(k['median_seconds'])}</td><td>{share(k['bounce_share'])}</td></tr>"
            for k in kiosks)
        head = "".join(f"<th>{html.escape(words(key, w))}</th>" for key in (
            "report.kiosk", "report.sessions", "report.median", "report.bounce"))
        parts.append(section(words("report.kiosks", w),
                             f"<table><tr>{head}</tr>{rows}</table>"))
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    title = f"{organisation} · {words('report.title', w)}"
    dates = words("report.period", w, first=period["first"] or "–", last=period["last"] or "–")
    t = theme
    return f"""<!doctype html>
<html lang="{'zh-CN' if w == 'zh' else 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>
body {{ margin: 0; background: {t.background}; color: {t.text};
       font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                    "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }}
header {{ background: {t.accent}; color: {t.accent_text}; padding: 24px 40px; }}
header h1 {{ margin: 0 0 6px; font-size: 30px; }}
main {{ max-width: 1100px; margin: 0 auto; padding: 24px 40px 48px; }}
.figures {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
            gap: 16px; }}
.figure, section {{ background: {t.surface}; border-radius: 14px; padding: 18px 22px; }}
section {{ margin-top: 20px; }}
.label {{ color: {t.muted_text}; font-size: 14px; }}
.value {{ font-size: 36px; font-weight: 700; color: {t.accent}; margin: 4px 0; }}
.note {{ color: {t.muted_text}; font-size: 13px; }}
h2 {{ font-size: 20px; margin: 0 0 10px; }}
.chart svg, img {{ max-width: 100%; height: auto; display: block; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 6px 10px; border-bottom: 1px solid {t.background}; }}
footer {{ color: {t.muted_text}; font-size: 12px; text-align: center; padding: 20px; }}
</style>
</head>
<body>
<header><h1>{html.escape(title)}</h1><div>{html.escape(dates)}</div></header>
<main>
{"".join(parts)}
</main>
<footer>{html.escape(words("report.made", w, when=when))}</footer>
</body>
</html>
"""
