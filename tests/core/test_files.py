"""Reading a file staff name (whole up to a limit; what is not a file named, never waited on),
and atomic writes: the old file or the new one, a private file never readable by others, and
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


def test_a_file_is_read_whole_up_to_the_limit_in_chunks(tmp_path):
    from kiosk.core.files import read_regular_file

    path = tmp_path / "content.yaml"
    data = bytes(range(256)) * (10 * 4096 + 3)  # 10 MiB and a bit: several chunks
    path.write_bytes(data)
    assert read_regular_file(path, len(data) + 1) == data
    assert read_regular_file(path, len(data)) == data
    assert read_regular_file(path, len(data) - 1) == data[:-1]
    assert read_regular_file(str(path), 5) == data[:5]
    (tmp_path / "empty.yaml").write_bytes(b"")
    assert read_regular_file(tmp_path / "empty.yaml", 100) == b""


def test_what_is_not_a_file_is_named_as_a_person_says_it_and_never_waited_on(tmp_path):
    from kiosk.core.files import UnreadableError, kind_of, read_regular_file

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    said = {}
    for name, path in (("folder", tmp_path), ("pipe", pipe), ("device", "/dev/zero"),
                       ("missing", tmp_path / "missing.yaml"), ("nul", "content\0.yaml")):
        with pytest.raises(UnreadableError) as raised:
            read_regular_file(path, 100)
        said[name] = str(raised.value)
    rest = ", not a file: the content file must be a plain text file"
    assert said == {"folder": f"this is a folder{rest}",
                    "pipe": f"this is a named pipe (FIFO){rest}",
                    "device": f"this is a device{rest}",
                    "missing": "cannot read the file: No such file or directory",
                    "nul": "cannot read the file: its name is not valid"}
    assert kind_of(stat.S_IFSOCK | 0o600) == "a socket"
    assert kind_of(stat.S_IFBLK | 0o600) == "a device"


def test_a_file_that_is_not_private_is_readable_by_all_as_the_umask_allows(tmp_path):
    old = os.umask(0o022)
    try:
        replace_file(tmp_path / "starts.json", b"[]")
        os.umask(0o002)
        replace_file(tmp_path / "other.json", b"[]")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "starts.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "other.json").stat().st_mode) == 0o664
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json", "starts.json"]
