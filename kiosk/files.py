"""Writing a file so that a crash or a power cut at any moment leaves either the old file or
the new one, never half of it: written beside it under another name, flushed, renamed over it.
No Qt here."""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(path: Path, data: bytes, private: bool = False, durable: bool = True) -> None:
    """Put `data` in `path` atomically; `private`: readable by its owner only. Raises OSError.

    `durable=False` skips waiting for the disk (fsync, about 1 ms): a crash of the program
    still leaves the old file or the new one, but a power cut may lose the new one or leave
    it empty. Only for files whose readers take an empty file as no file."""
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "wb") as stream:
        if private:
            os.chmod(temporary, 0o600)
        stream.write(data)
        stream.flush()
        if durable:
            os.fsync(stream.fileno())
    os.replace(temporary, path)
