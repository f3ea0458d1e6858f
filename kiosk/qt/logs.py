"""The kiosk's log: stderr at once, rotating files in the platform's log folder from the
first frame on (with every record from before it), and Qt's own messages in the same log.

The files wait for the first frame because `logging.handlers` brings socket, pickle and queue
with it (9 ms of start-up); a kiosk that dies before its first frame still wrote to stderr,
which the service manager keeps.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType

from ..core import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


RECORD = 8_000  # characters of a record at most: a traceback fits, a pasted picture does not


class Cut(logging.Formatter):
    """The kiosk's format, each record cut to RECORD characters: one record must not push
    the log files' history (5 of 1 MB) out at once."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if len(text) <= RECORD:
            return text
        return f"{text[:RECORD]}… [cut: {len(text):,} characters]"


class EarlyRecords(logging.Handler):
    """Keeps the records made before the log files are open."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < 10_000:
            self.records.append(record)


_early = EarlyRecords()


def setup() -> None:
    stderr = logging.StreamHandler()
    stderr.setFormatter(Cut(FORMAT))
    logging.basicConfig(level=logging.INFO, handlers=[stderr, _early])


def to_files() -> None:
    """Rotating files (5 of 1 MB) in the platform's log folder, from the records so far on."""
    import logging.handlers

    root = logging.getLogger()
    root.removeHandler(_early)
    try:
        handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:  # a read-only or full disk must not stop the kiosk
        logging.getLogger("kiosk").warning("cannot write log files: %s", exc)
        return
    handler.setFormatter(Cut(FORMAT))
    for record in _early.records:
        handler.handle(record)
    _early.records.clear()
    root.addHandler(handler)
    logging.getLogger("kiosk").info("logging to %s", paths.log_dir() / "kiosk.log")


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(QT_LEVELS.get(kind, logging.WARNING), message)
