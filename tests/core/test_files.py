"""Atomic writes: the old file or the new one, a private file never readable by others, and
nothing left behind when the disk is full."""

import errno
import os
import stat

import pytest

from kiosk.core import files
from kiosk.core.files import replace_file


def test_a_write_replaces_the_file_and_flushes_the_folder(tmp_path, monkeypatch):
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    synced = []
    real_fsync = os.fsync

    def fsync(descriptor):
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    replace_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert synced == [False, True]  # the file's bytes, then the folder's rename
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_private_file_is_created_with_its_final_mode(tmp_path, monkeypatch):
    modes = []
    real_open = os.open

    def watching_open(path, flags, mode=0o777, **kwargs):
        descriptor = real_open(path, flags, mode, **kwargs)
        modes.append(stat.S_IMODE(os.fstat(descriptor).st_mode))
        return descriptor

    monkeypatch.setattr(os, "open", watching_open)
    monkeypatch.setattr(os, "chmod", lambda *a: pytest.fail("chmod after creation"))
    os.umask(old := os.umask(0))  # the widest umask: the mode alone must keep others out
    try:
        replace_file(tmp_path / "settings.json", b"{}", private=True)
    finally:
        os.umask(old)
    assert modes[0] == 0o600
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o600


def test_a_stale_wider_temporary_file_does_not_lend_its_mode(tmp_path):
    stale = tmp_path / "settings.json.new"
    stale.write_bytes(b"half")
    stale.chmod(0o644)
    replace_file(tmp_path / "settings.json", b"{}", private=True)
    assert stat.S_IMODE((tmp_path / "settings.json").stat().st_mode) == 0o600


@pytest.mark.parametrize("durable", [True, False])
def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, durable):
    target = tmp_path / "usage.json"
    target.write_bytes(b"old")

    class FullDisk:
        def __init__(self, descriptor, mode):
            os.close(descriptor)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "open", FullDisk, raising=False)
    with pytest.raises(OSError, match="No space left"):
        replace_file(target, b"new" * 1000, durable=durable)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["usage.json"]
