"""Writing a file so that a crash or a power cut at any moment leaves either the old file or
the new one, never half of it: written beside it under another name, flushed, renamed over it.
No Qt here."""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(path: Path, data: bytes, private: bool = False) -> None:
    """Put `data` in `path` atomically; `private`: readable by its owner only. Raises OSError."""
    temporary = path.with_name(path.name + ".new")
    with open(temporary, "wb") as stream:
        if private:
            os.chmod(temporary, 0o600)
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, path)
