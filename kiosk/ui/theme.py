"""The look of the kiosk: sizes, fonts, colours and the one style sheet. Nothing else styles.

Sizes are designed at 1920x1080 and scale with the shorter side of the window, so that a tap
target of 88 px at 1080 lines grows on a 4K display and shrinks on a tablet.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont, QFontDatabase

from ..core import paths
from ..core.content.contrast import luminance
from ..core.content.model import Theme

DESIGN_SHORT_SIDE = 1080
LARGER_TEXT = 1.25  # the visitor's "larger text" switch
TAP = 88  # the smallest tap target at the design size, in px
FALLBACK_FAMILY = "Sans Serif"

# Font sizes in px at the design size, by role.
COUNT_UP_MS = 900
TYPE = {
    "display": 92,
    "h1": 64,
    "h2": 42,
    "h3": 34,
    "figure": 80,
    "lead": 34,
    "body": 28,
    "small": 24,
    "button": 30,
}


def load_fonts() -> str:
    """Register the bundled fonts (after QApplication exists); return their family."""
    families: list[str] = []
    for path in paths.fonts():
        font_id = QFontDatabase.addApplicationFont(str(path))
        families += QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else FALLBACK_FAMILY


class Look(NamedTuple):  # a named tuple, not a dataclass: see kiosk/core/content/model.py
    theme: Theme
    width: int = 1920
    height: int = 1080
    family: str = FALLBACK_FAMILY
    text_scale: float = 1.0
    motion: bool = True
    count_up_ms: int = COUNT_UP_MS  # figures counting up as their screen opens, with motion

    @property
    def scale(self) -> float:
        return max(0.5, min(self.width, self.height) / DESIGN_SHORT_SIDE)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    def px(self, size: float) -> int:
        return max(1, round(size * self.scale))

    def font_px(self, role: str) -> int:
        return self.px(TYPE[role] * self.text_scale)

    @property
    def tap(self) -> int:
        return self.px(TAP)

    @property
    def margin(self) -> int:
        return self.px(64 if not self.portrait else 48)

    @property
    def gap(self) -> int:
        return self.px(28)

    def font(self, role: str, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPixelSize(self.font_px(role))
        font.setBold(bold)
        return font

    def color(self, name: str, alpha: int = 255) -> QColor:
        color = QColor(getattr(self.theme, name))
        color.setAlpha(alpha)
        return color

    def scrim(self, alpha: int) -> QColor:
        """The veil an overlay lays over the screen: the darker of the text and background
        colours, so that a dark theme is dimmed too, not washed pale with its light text."""
        name = min(("text", "background"), key=lambda n: luminance(getattr(self.theme, n)))
        return self.color(name, alpha)

    def tint(self, name: str, amount: float) -> str:
        """`name`'s colour mixed with the background: amount 0 is background, 1 is the colour."""
        a, b = QColor(getattr(self.theme, name)), QColor(self.theme.background)
        ours, theirs = a.getRgbF(), b.getRgbF()
        mixed = QColor.fromRgbF(*(theirs[i] * (1 - amount) + ours[i] * amount  # type: ignore[index]
                                  for i in range(3)))
        return mixed.name()

    def style_sheet(self) -> str:
        t, px, f = self.theme, self.px, self.font_px
        radius = px(22)
        return f"""
        QWidget {{ font-family: "{self.family}"; color: {t.text}; }}
        #kiosk, #screen, QScrollArea, #scrollBody {{ background: {t.background}; border: none; }}
        QLabel {{ background: transparent; font-size: {f("body")}px; }}
        QLabel[role="display"] {{ font-size: {f("display")}px; font-weight: 700; }}
        QLabel[role="h1"] {{ font-size: {f("h1")}px; font-weight: 700; }}
        QLabel[role="h2"] {{ font-size: {f("h2")}px; font-weight: 700; }}
        QLabel[role="h3"] {{ font-size: {f("h3")}px; font-weight: 700; }}
        QLabel[role="lead"] {{ font-size: {f("lead")}px; color: {t.muted_text}; }}
        QLabel[role="motto"] {{ font-size: {f("h2")}px; color: {t.accent}; }}
        QLabel[role="body"] {{ font-size: {f("body")}px; }}
        QLabel[role="large"] {{ font-size: {f("lead")}px; }}
        QLabel[role="chipButton"] {{ font-size: {f("button")}px; font-weight: 700;
                                     color: {t.accent}; }}
        QLabel[role="muted"] {{ font-size: {f("body")}px; color: {t.muted_text}; }}
        QLabel[role="small"] {{ font-size: {f("small")}px; color: {t.muted_text}; }}
        QLabel[role="eyebrow"] {{ font-size: {f("small")}px; font-weight: 700;
                                  color: {t.accent}; letter-spacing: 1px; }}
        QLabel[role="figure"] {{ font-size: {f("figure")}px; font-weight: 700;
                                 color: {t.accent}; }}
        QLabel[role="unit"] {{ font-size: {f("h3")}px; font-weight: 700; color: {t.accent}; }}
        QLabel[role="chip"] {{ font-size: {f("body")}px; background: {self.tint("accent", 0.1)};
                               border-radius: {px(30)}px; padding: {px(12)}px {px(28)}px; }}
        QLabel[role="step"] {{ font-size: {f("h3")}px; font-weight: 700; color: {t.accent_text};
                               background: {t.accent}; border-radius: {px(16)}px;
                               padding: {px(16)}px {px(28)}px; }}
        QLabel[role="arrow"] {{ font-size: {f("h2")}px; color: {t.accent}; }}
        QLabel[role="problem"] {{ font-size: {f("small")}px; font-family: monospace; }}
        #card, #figureCard, #linkCard {{ background: {t.surface}; border-radius: {radius}px; }}
        QPushButton {{ font-size: {f("button")}px; min-height: {self.tap}px;
                       min-width: {self.tap}px; border: none; outline: none; }}
        QPushButton#tile {{ background: {t.accent}; color: {t.accent_text};
                            border-radius: {radius}px; text-align: left; }}
        QPushButton#tile:pressed {{ background: {self.tint("accent", 0.75)}; }}
        QPushButton#tile QLabel {{ color: {t.accent_text}; }}
        QPushButton#item {{ background: {t.surface}; border-radius: {radius}px;
                            border: {px(3)}px solid {self.tint("accent", 0.18)}; }}
        QPushButton#item:pressed {{ background: {self.tint("accent", 0.16)}; }}
        QPushButton#sibling {{ background: {t.surface}; border-radius: {px(16)}px;
                  border: {px(3)}px solid {self.tint("accent", 0.18)}; }}
        QPushButton#sibling:pressed {{ background: {self.tint("accent", 0.16)}; }}
        QPushButton#nav, QPushButton#lang {{ background: {t.surface}; color: {t.text};
                  border-radius: {self.tap // 2}px; padding: 0 {px(36)}px;
                  border: {px(3)}px solid {self.tint("accent", 0.3)}; font-weight: 700; }}
        QPushButton#nav[iconOnly="true"], QPushButton#lang[iconOnly="true"] {{
                  padding: 0; }}
        QPushButton#lang:checked {{ background: {t.accent}; color: {t.accent_text}; }}
        QPushButton#nav:pressed, QPushButton#lang:pressed {{
                  background: {self.tint("accent", 0.2)}; }}
        QPushButton#listItem {{ background: {t.surface}; color: {t.text}; text-align: left;
                  border-radius: {px(16)}px; padding: 0 {px(24)}px; font-size: {f("body")}px; }}
        QPushButton#listItem:pressed, QPushButton#listItem:checked {{
                  background: {t.accent}; color: {t.accent_text}; }}
        #navBar {{ background: {t.surface};
                   border-top: {px(2)}px solid {self.tint("accent", 0.2)}; }}
        #overlay QLabel {{ color: {t.text}; }}
        #closed QLabel {{ color: #8E899B; }}
        #closed QLabel[role="h1"] {{ color: #D3CEDD; }}
        #staff QLabel {{ color: {t.text}; }}
        QLabel[role="pinDots"] {{ font-size: {f("h1")}px; letter-spacing: {px(12)}px; }}
        QPushButton#pinKey {{ background: {t.surface}; color: {t.text}; font-weight: 700;
                  border-radius: {px(16)}px; font-size: {f("h2")}px;
                  border: {px(3)}px solid {self.tint("accent", 0.3)};
                  min-width: {px(150)}px; min-height: {px(110)}px; }}
        QPushButton#pinKey:pressed {{ background: {self.tint("accent", 0.2)}; }}
        QPushButton#pinKey:disabled {{ color: {self.tint("text", 0.3)}; }}
        #attract QLabel {{ color: {t.accent_text}; }}
        QLabel[role="attractFigure"] {{ font-size: {f("figure") * 2}px; font-weight: 700; }}
        QLabel[role="attractUnit"] {{ font-size: {f("h1")}px; font-weight: 700; }}
        QLabel[role="attractText"] {{ font-size: {f("h1")}px; font-weight: 700; }}
        QLabel[role="attractCall"] {{ font-size: {f("h2")}px; font-weight: 600; }}
        QLabel[role="attractBrand"] {{ font-size: {f("h3")}px; font-weight: 600;
                                       letter-spacing: 1px; }}
        #attractCallFrame {{ border: {px(3)}px solid {t.accent_text};
                             border-radius: {px(44)}px; }}
        #overlayCard {{ background: {t.surface}; border-radius: {radius}px; }}
        QPushButton#moreTime {{ background: {t.accent}; color: {t.accent_text};
                  border-radius: {px(60)}px; padding: 0 {px(64)}px; font-size: {f("h2")}px;
                  font-weight: 700; min-height: {px(120)}px; min-width: {px(420)}px; }}
        QPushButton#moreTime:pressed {{ background: {self.tint("accent", 0.75)}; }}
        QScrollBar:vertical {{ width: {px(10)}px; background: transparent; margin: 0; }}
        QScrollBar::handle:vertical {{ background: {self.tint("accent", 0.35)};
                                       border-radius: {px(5)}px; min-height: {px(60)}px; }}
        QScrollBar::add-line, QScrollBar::sub-line, QScrollBar::add-page,
        QScrollBar::sub-page {{ height: 0; background: none; }}
        """


# The preview's own chrome (kiosk/ui/preview_window.py) is the desktop's; only its panels over
# the screen are styled. Problems: dark red for a save that is not shown, dark amber for
# warnings, white text on both (over 7:1).
PREVIEW_SHEET = """
#problems { border: none; border-radius: 8px; }
#problems[kind="errors"] { background: #7F1D1D; }
#problems[kind="warnings"] { background: #713F12; }
#problems QLabel { color: #FFFFFF; background: transparent; font-size: 15px;
                  font-weight: 700; }
#problems QScrollArea, #problemLines { background: transparent; border: none; }
#problems QLabel#problem { font-family: monospace; font-size: 14px; font-weight: 400; }
#problems QLabel#problem:hover { background: rgba(255, 255, 255, 40); }
#problems QPushButton { font-size: 14px; padding: 4px 12px; }
#unseen { background: palette(window); border: 1px solid palette(mid); border-radius: 8px; }
QLabel#heading { font-weight: 700; margin-top: 10px; }
"""
