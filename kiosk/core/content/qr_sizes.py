"""How large a link's QR code is: the bytes each version holds, and the smallest code drawn."""

from __future__ import annotations

# A link is shown as a QR code (error correction M): the bytes each version holds, 1 to 40
# (ISO/IEC 18004, byte mode; tests/core hold them to segno's codes). The largest holds 2,331.
QR_CAPACITY = (14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504,
               560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538,
               1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331)
QR_BYTES = QR_CAPACITY[-1]
# The smallest QR code the kiosk draws: 120 px a side (link_card's compact code on the home
# screen at 1280x720, the smallest display it is made for; tests/ui hold the two together).
# Phones read modules of 2 px there; a code of more modules is a warning.
QR_SMALLEST_PX = 120
QR_MODULE_PX = 2
QR_QUIET = 4  # modules of margin on each side
QR_READABLE_BYTES = max(held for version, held in enumerate(QR_CAPACITY, 1)
                        if (17 + 4 * version + 2 * QR_QUIET) * QR_MODULE_PX <= QR_SMALLEST_PX)


def qr_modules(size: int) -> int:
    """Modules a side of the QR code of a link of `size` bytes (0 if none holds it)."""
    version = next((v for v, held in enumerate(QR_CAPACITY, 1) if size <= held), 0)
    return 17 + 4 * version if version else 0
