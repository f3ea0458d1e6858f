"""WCAG contrast between the theme's colours, for the pairs the kiosk draws text in."""

from __future__ import annotations

import colorsys

from .model import Theme

MINIMUM = 7.0  # WCAG 2.x level AAA for body text

# (text colour, background colour) as the screens use them.
PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("muted_text", "background"),
    ("muted_text", "surface"),
    ("accent", "background"),
    ("accent", "surface"),
    ("accent_text", "accent"),
)


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def weak_pairs(theme: Theme) -> list[tuple[str, str, float]]:
    """The pairs whose contrast is below the minimum, with their ratio."""
    found = []
    for fore, back in PAIRS:
        value = ratio(getattr(theme, fore), getattr(theme, back))
        if value < MINIMUM:
            found.append((fore, back, value))
    return found


def nearest_passing(theme: Theme, name: str) -> tuple[str, float] | None:
    """The shade of the colour `name` (its hue and saturation, another lightness) nearest to
    it that has the minimum contrast in every pair it is in, and how far its lightness moved
    (0 to 1); None if no lightness does."""
    partners = [getattr(theme, back if fore == name else fore)
                for fore, back in PAIRS if name in (fore, back)]
    red, green, blue = (int(getattr(theme, name)[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(1, 201):  # ever further from the colour's own lightness, both ways
        for tried in (lightness - step / 200, lightness + step / 200):
            if 0 <= tried <= 1:
                shade = "#" + "".join(f"{round(c * 255):02X}" for c in
                                      colorsys.hls_to_rgb(hue, tried, saturation))
                if all(ratio(shade, other) >= MINIMUM for other in partners):
                    return shade, step / 200
    return None


def way_out(theme: Theme, fore: str, back: str) -> tuple[str, str] | None:
    """For a pair short of the minimum: the one of its two colours that a smaller change of
    lightness makes pass with all the colours it meets, and its new shade."""
    found = [(near[1], name, near[0]) for name in (fore, back)
             if (near := nearest_passing(theme, name)) is not None]
    if not found:
        return None
    _moved, name, shade = min(found)
    return name, shade


def too_weak(theme: Theme, fore: str, back: str, value: float) -> tuple[str, str]:
    """For a pair short of the minimum: the colour to change (the one a way out changes, else
    the text's) and the warning, with the way out if there is one."""
    change = way_out(theme, fore, back)
    advice = f"; the nearest shade of '{change[0]}' that is: \"{change[1]}\"" if change else ""
    return (change[0] if change else fore,
            f"'{fore}' ({getattr(theme, fore)}) on '{back}' ({getattr(theme, back)}) has a "
            f"contrast of {value:.1f}:1; text needs at least {MINIMUM:g}:1 to be read "
            f"easily{advice}")


QR_LIGHT = "#FFFFFF"  # a QR code is always dark on light, with its quiet zone, whatever the theme


def qr_dark(theme: Theme) -> str:
    """The colour QR codes are drawn in, on white: the first of the theme's text, accent and
    background colours that has at least 7:1 against white, else black. Phones read a dark
    code on a light ground; a dark theme's light text would make a pale code none can read."""
    for name in ("text", "accent", "background"):
        colour: str = getattr(theme, name)
        if ratio(colour, QR_LIGHT) >= MINIMUM:
            return colour
    return "#000000"
