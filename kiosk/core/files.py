"""Reading a file that staff name without hanging on it; writing a file so that a crash or a
power cut at any moment leaves either the old file or the new one, never half of it: written
beside it under another name, flushed, renamed over it, and the rename itself made durable by
flushing the folder. No Qt here."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnreadableError(Exception):
    """A file cannot be read; the message says why, for a person."""


def kind_of(mode: int) -> str:
    """What a path that is not a regular file is, from its `stat` mode, as a person says it."""
    return ("a folder" if stat.S_ISDIR(mode) else "a named pipe (FIFO)"
            if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device")


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """At most `limit` bytes of the file at `path`. Raises UnreadableError.

    Only a regular file is read: a named pipe would wait for a writer for ever, and a device
    such as /dev/zero never ends. It is opened without waiting (a pipe opens at once that way)
    and looked at through the open file, so that nothing can be swapped in between."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise UnreadableError(f"cannot read the file: {exc.strerror}") from None
    except ValueError:  # a NUL character in the path
        raise UnreadableError("cannot read the file: its name is not valid") from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableError(f"this is {kind_of(mode)}, not a file: the content file must "
                                  "be a plain text file")
        chunks, size = [], 0
        while size < limit:
            chunk = os.read(descriptor, min(1 << 20, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableError(f"cannot read the file: {exc.strerror}") from None
    finally:
        os.close(descriptor)


def replace_file(path: Path, data: bytes, private: bool = False, durable: bool = True) -> None:
    """Put `data` in `path` atomically; `private`: readable by its owner only. Raises OSError,
    and then leaves no temporary file behind (a full disk, a folder made read-only).

    A private file is created with its final mode: it is never readable by others, not even
    for the moment between its creation and a chmod.

    `durable=False` skips waiting for the disk (fsync, about 1 ms): a crash of the program
    still leaves the old file or the new one, but a power cut may lose the new one or leave
    it empty. Only for files whose readers take an empty file as no file."""
    temporary = path.with_name(path.name + ".new")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    try:
        # A temporary file left by an earlier crash may have a wider mode: start afresh.
        temporary.unlink(missing_ok=True)
        descriptor = os.open(temporary, flags, 0o600 if private else 0o666)
        with open(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    if durable:
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no such call and needs none."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the rename is done all the same
    finally:
        os.close(descriptor)
