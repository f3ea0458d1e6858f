"""The baseline: a bare PySide6 program that opens one window with one label and paints it.

`python bench/bare.py` quits once painted (for start-up time) and prints its resident memory.
"""

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


class QuitWhenPainted(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False

    def painted(self) -> None:
        # As the kiosk does with --quit-when-shown: when the first frame was done.
        print(f"painted_at {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        print(f"rss_kib {rss_kib()}", flush=True)
        QApplication.exit(0)




def main() -> int:
    app = QApplication(sys.argv)
    label = QLabel("Hello")
    label.resize(1920, 1080)
    label.show()
    quitter = QuitWhenPainted()
    app.installEventFilter(quitter)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
