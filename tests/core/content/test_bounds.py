"""Reading and checking the content file is bounded: what is not a plain file is refused at
once, a file far too large or with far too many values is refused early, and a file with
thousands of problems lists a bounded number of them and counts the rest."""

import os
import threading

import pytest
import yaml

from kiosk.core.content import keys as known
from kiosk.core.content import load, load_bytes
from kiosk.core.content.loader import MAX_BYTES, MAX_VALUES
from kiosk.core.content.reader import LISTED, MESSAGE

from ...samples import MINIMAL, ROOT, problems


def messages(path) -> list[str]:
    return [str(p) for p in load(path).problems]


def test_a_named_pipe_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "content.yaml"
    os.mkfifo(fifo)
    result = []
    reading = threading.Thread(target=lambda: result.append(messages(fifo)), daemon=True)
    reading.start()
    reading.join(timeout=10)
    assert result == [[f"{fifo}:1:1: this is a named pipe (FIFO), not a file: the content "
                       "file must be a plain text file"]]


def test_a_device_is_refused_without_reading_it():
    assert messages("/dev/zero") == [
        "/dev/zero:1:1: this is a device, not a file: the content file must be a plain text "
        "file"]


def test_a_folder_is_refused(tmp_path):
    assert messages(tmp_path) == [
        f"{tmp_path}:1:1: this is a folder, not a file: the content file must be a plain "
        "text file"]


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "content.yaml"
    path.write_bytes(MINIMAL.encode() + b"#" * MAX_BYTES)
    assert messages(path) == [f"{path}:1:1: the file is larger than 20 MB"]


def test_far_too_many_values_are_refused_where_the_limit_is_passed():
    text = MINIMAL + "  items: [" + "1, " * (MAX_VALUES + 10) + "1]\n"
    assert problems(text) == [
        "content.yaml:8:149915: the file holds more than 50,000 values (texts, lists and "
        "keys), far more than a kiosk shows: is a part of it pasted many times over?"]


def _events(text: str) -> int:
    return sum(isinstance(e, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent))
               for e in yaml.parse(text, Loader=yaml.CSafeLoader))


TOO_MANY = ("the file holds more than 50,000 values (texts, lists and keys), far more than a "
            "kiosk shows: is a part of it pasted many times over?")


@pytest.mark.parametrize("over", [0, 1])
def test_values_counted_after_composing_are_refused_past_the_limit_not_at_it(over):
    # `{k1, k2, ...}` brings two values (a key and its empty value) for each comma: few
    # enough indicators that the file is composed before its values are counted
    def text(keys: int, extra: int) -> str:
        return (MINIMAL + "  more: [" + ", ".join(["x"] * extra) + "]\n"
                + "  items: {" + ", ".join(f"k{i}" for i in range(keys)) + "}\n")
    base = _events(text(0, 0))
    keys, extra = divmod(MAX_VALUES + over - base, 2)
    sample = text(keys, extra)
    assert _events(sample) == MAX_VALUES + over
    found = problems(sample)
    if over:  # the value past the limit: the empty value of the last key, after it
        assert found == [f"content.yaml:9:{sample.splitlines()[8].index('}') + 1}: {TOO_MANY}"]
    else:
        assert not any(TOO_MANY in p for p in found)
        assert found == [
            "content.yaml:8:3: unknown key 'more'; allowed in 'mission': title, lead, pillars, "
            "figures, items, groups, sections, link",
            "content.yaml:9:10: 'items' must be a list (lines starting with '- '), not a set "
            "of keys"]


def test_aliases_count_once_for_each_time_they_are_used():
    start = MINIMAL + "  items: [&a {x: 1}"
    base = _events(start + "]\n")
    sample = start + ", *a" * (MAX_VALUES + 1 - base) + "]\n"
    assert _events(sample) == MAX_VALUES + 1
    found = problems(sample)
    assert len(found) == 1 and found[0].endswith(TOO_MANY)
    fewer = start + ", *a" * (MAX_VALUES - base) + "]\n"
    assert not any(TOO_MANY in p for p in problems(fewer))


def test_many_short_lines_below_the_limit_are_counted_not_refused():
    text = MINIMAL + "  pillars:\n" + "    - x\n" * 20_000
    loaded = load_bytes(text.encode(), "content.yaml", ROOT)
    assert len(loaded.problems) == LISTED + 1
    assert str(loaded.problems[-1]) == (
        "content.yaml:208:7: and 19,800 more problems after these 200 (fix these, then "
        "check again)")
    assert loaded.counts() == (20_000, 0)
    assert loaded.content is None


def test_warnings_past_the_listed_ones_are_a_warning_line():
    text = MINIMAL + "  pillars:\n" + "    - {title: only English}\n" * 300
    loaded = load_bytes(text.encode(), "content.yaml", ROOT)
    assert str(loaded.problems[-1]) == (
        "content.yaml:208:15: warning: and 100 more problems after these 200 (fix these, then "
        "check again)")
    assert loaded.counts() == (0, 300)
    assert loaded.content is not None


def test_errors_past_the_listed_warnings_still_refuse_the_file():
    text = MINIMAL + "  pillars:\n" + "    - {title: only English}\n" * 200 + \
        "    - {title: [a list]}\n"
    loaded = load_bytes(text.encode(), "content.yaml", ROOT)
    assert loaded.content is None
    assert str(loaded.problems[-1]).startswith("content.yaml:208:15: and 1 more problems")
    assert loaded.counts() == (1, 200)


@pytest.mark.parametrize("value", ["[1, 2]", "{a: 1}"])
def test_an_id_that_is_a_list_or_keys_is_a_located_problem(value):
    text = MINIMAL + f"  items:\n    - {{id: {value}, title: {{en: A, zh: A}}}}\n" \
                     f"    - {{id: {value}, title: {{en: B, zh: B}}}}\n"
    kind = "a list" if value.startswith("[") else "a set of keys"
    assert problems(text) == [f"content.yaml:9:12: 'id' must be a text, not {kind}",
                              f"content.yaml:10:12: 'id' must be a text, not {kind}"]


def test_a_location_id_that_is_a_list_is_a_located_problem():
    text = MINIMAL.replace("page: mission", "page: network").replace("mission:\n", "network:\n") \
        + "  locations:\n    - {id: [x], name: {en: X, zh: X}, lat: 39, lon: 116}\n"
    assert problems(text) == ["content.yaml:9:12: 'id' must be a text, not a list"]


IMAGE = MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: PATH}\n"


@pytest.mark.parametrize(("path", "shown"), [
    ("/etc/kiosk/lab.png", "/etc/kiosk/lab.png"),
    ("../secret/lab.png", "../secret/lab.png"),
    ("photos/../../lab.png", "photos/../../lab.png"),
    ("'C:\\\\Users\\\\lab.png'", "C:\\\\Users\\\\lab.png"),
    ("'..\\\\lab.png'", "..\\\\lab.png"),
])
def test_an_image_outside_the_content_folder_is_refused(path, shown):
    assert problems(IMAGE.replace("PATH", path)) == [
        f"content.yaml:9:45: 'image' must be a path inside the content file's folder, like "
        f"photos/lab.jpg, not \"{shown}\""]


def test_an_image_that_is_a_symbolic_link_loop_is_a_located_problem(tmp_path):
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop.png")
    assert problems(IMAGE.replace("PATH", "loop.png"), tmp_path) == [
        "content.yaml:9:45: the image loop.png is a link that leads back to itself (a "
        "symbolic link loop): replace it with the picture"]


def test_an_image_that_is_a_folder_is_refused(tmp_path):
    (tmp_path / "photos.png").mkdir()
    assert problems(IMAGE.replace("PATH", "photos.png"), tmp_path) == [
        "content.yaml:9:45: the image photos.png is not a file (it is a folder or a device)"]


def test_a_picture_linked_from_outside_the_content_folder_is_refused(tmp_path):
    outside = tmp_path / "elsewhere" / "secret.png"
    outside.parent.mkdir()
    outside.write_bytes(png_header(10, 10))
    folder = tmp_path / "content"
    (folder / "photos").mkdir(parents=True)
    (folder / "photos" / "x.png").symlink_to(outside)
    (folder / "photos" / "inside.png").write_bytes(png_header(10, 10))
    (folder / "photos" / "y.png").symlink_to(folder / "photos" / "inside.png")
    assert problems(IMAGE.replace("PATH", "photos/x.png"), folder) == [
        f"content.yaml:9:45: the image photos/x.png is a link to {outside.resolve()}, outside "
        "the content file's folder: put the picture itself in the folder"]
    assert problems(IMAGE.replace("PATH", "photos/y.png"), folder) == []  # a link inside


def png_header(width: int, height: int) -> bytes:
    """The start of a PNG file, as far as its size: all a picture's size is read from."""
    import struct
    import zlib

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header
            + struct.pack(">I", zlib.crc32(b"IHDR" + header)))


@pytest.mark.parametrize(("width", "height", "refused"), [
    (8192, 8192, False), (8193, 8192, True), (30000, 30000, True)])
def test_a_picture_with_more_pixels_than_the_kiosk_can_open_is_refused(tmp_path, width, height,
                                                                       refused):
    (tmp_path / "huge.png").write_bytes(png_header(width, height))
    assert problems(IMAGE.replace("PATH", "huge.png"), tmp_path) == ([
        f"content.yaml:9:45: the image huge.png is {width:,}x{height:,} pixels, more than the "
        "kiosk can open (67 million pixels): make it smaller; 3840 pixels across fills a 4K "
        "display"] if refused else [])


def test_a_link_longer_than_a_qr_code_holds_is_refused():
    url = "https://example.com/" + "a" * 5000
    assert problems(MINIMAL + f"  link: {{url: {url}}}\n") == [
        "content.yaml:8:15: 'url' is 5,020 bytes long: a QR code holds at most 2,331; use a "
        "shorter link"]


def test_the_longest_link_accepted_fits_in_a_qr_code():
    import segno

    url = "https://example.com/" + "a" * (2331 - 20)
    assert problems(MINIMAL + f"  link: {{url: {url}}}\n") == [
        "content.yaml:8:15: warning: 'url' is 2,331 bytes long: its QR code is 177 modules a "
        "side, drawn 120 pixels wide on a 1280x720 display, too fine for some phones to read; "
        "a link of at most 152 bytes is read at any size"]
    segno.make_qr(url, error="m")  # raises if it did not fit
    with pytest.raises(segno.DataOverflowError):
        segno.make_qr(url + "a", error="m", boost_error=False)


def test_the_qr_capacities_are_segnos():
    import segno

    from kiosk.core.content.qr_sizes import QR_CAPACITY, qr_modules

    for version, held in enumerate(QR_CAPACITY, 1):
        url = "a" * held  # lower-case letters: bytes, as in a link
        code = segno.make_qr(url, error="m", boost_error=False)
        assert (code.version, len(code.matrix)) == (version, qr_modules(held)), version
        if version < 40:
            assert segno.make_qr(url + "a", error="m", boost_error=False).version == version + 1
    assert qr_modules(QR_CAPACITY[-1] + 1) == 0


@pytest.mark.parametrize(("size", "warned"), [(152, False), (153, True)])
def test_a_link_whose_qr_code_is_too_fine_at_the_smallest_size_is_a_warning(size, warned):
    url = "https://example.com/" + "a" * (size - 20)
    found = problems(MINIMAL + f"  link: {{url: {url}}}\n")
    assert found == ([
        "content.yaml:8:15: warning: 'url' is 153 bytes long: its QR code is 53 modules a "
        "side, drawn 120 pixels wide on a 1280x720 display, too fine for some phones to read; "
        "a link of at most 152 bytes is read at any size"] if warned else [])


SETTING_NUMBERS = [key for key in known.SETTINGS.keys if key.form.kind is known.Kind.NUMBER]


def written(value: float) -> str:
    return f"{value:.10g}"  # 86400.01, not 86400


def where(text: str, found: str) -> str:
    """The line and column of `found`'s value in `text`, as a message names them."""
    at = text.index(found) + len(found)
    line = text.count("\n", 0, at) + 1
    return f"{line}:{at - text.rfind(chr(10), 0, at)}"


@pytest.mark.parametrize("key", SETTING_NUMBERS, ids=[key.name for key in SETTING_NUMBERS])
def test_every_numbers_limits_are_taken_and_a_step_past_each_is_refused(key):
    """Both ends of each setting's range are accepted (`idle_timeout: 5` is a valid setting),
    and a hundredth past either is refused with the range in the message."""
    low, high, unit = key.form.low, key.form.high, key.form.unit
    for value in (low, high):
        found = problems(MINIMAL + f"settings:\n  {key.name}: {written(value)}\n")
        assert [p for p in found if "warning" not in p] == [], value
    for value in (low - 0.01, high + 0.01):
        text = MINIMAL + f"settings:\n  {key.name}: {written(value)}\n"
        assert problems(text) == [
            f"content.yaml:{where(text, key.name + ': ')}: '{key.name}' must be between "
            f"{low:g} and {high:g} {unit}, not {written(value)}"], value


@pytest.mark.parametrize(("name", "low", "high"), [("lat", -90, 90), ("lon", -180, 180),
                                                   ("label_priority", -100, 100)])
def test_a_locations_numbers_are_taken_at_their_limits_and_refused_past_them(name, low, high):
    place = {"lat": 39.9, "lon": 116.3, "label_priority": 0}
    for value, refused in ((low, False), (high, False), (low - 0.01, True), (high + 0.01, True)):
        given = place | {name: written(value)}
        text = MINIMAL.replace("{page: mission,", "{page: network,") + (
            "network:\n  title: N\n  locations:\n    - {id: a, name: A, "
            + ", ".join(f"{k}: {v}" for k, v in given.items()) + "}\n")
        found = [p for p in problems(text) if "must be between" in p]
        assert found == ([f"content.yaml:{where(text, f' {name}: ')}: '{name}' must be between "
                          f"{low:g} and {high:g}, not {written(value)}"]
                         if refused else []), (value, problems(text))


PASTED = "data:image/png;base64," + "iVBORw0KGgo" * 1_000_000  # a picture pasted as a link


@pytest.mark.parametrize(("text", "expected"), [
    (MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: \"" + PASTED + "\"}\n",
     "content.yaml:9:45: 'image' must be an image file (.png, .jpg, .jpeg, .svg, .webp, .bmp), "
     "not \"data:image/png;base64,iVBORw0KGgoiVBORw0KGgoiVBORw0KGgoiVBOR… [11,000,022 "
     "characters]\""),
    (MINIMAL.replace("mission:", "mission:\n  " + "x" * 1000 + ": 1"),
     "content.yaml:7:3: unknown key 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… "
     "[1,000 characters]'; allowed in 'mission': title, lead, pillars, figures, items, "
     "groups, sections, link"),
    (MINIMAL + "theme:\n  accent: |\n    #12345\n    67\n",  # a value over two lines
     "content.yaml:9:11: 'accent' must be a colour written like \"#660874\", not \"#12345… "
     "[9 characters]\""),
])
def test_a_refused_value_is_quoted_in_at_most_a_line(text, expected):
    assert problems(text) == [expected]


def test_no_message_is_longer_than_a_few_lines_whatever_it_quotes():
    # the advice for a comma in a text quotes the whole text, to be copied
    found = problems(MINIMAL + "  lead: {en: " + "a" * 4_000 + ", vision, zh: 引言}\n")
    assert len(found) == 1 and found[0].startswith(
        "content.yaml:8:4016: unknown key 'vision': a comma inside {...} starts a new key")
    assert len(found[0]) == len("content.yaml:8:4016: ") + MESSAGE and found[0].endswith("a…")


def test_the_first_errors_and_how_many_more_there_are_in_all():
    loaded = load_bytes((MINIMAL + "  pillars:\n" + "    - x\n" * 20_000).encode(),
                        "content.yaml", ROOT)
    first, more = loaded.first_errors(12)
    assert [p.line for p in first] == list(range(9, 21)) and more == 19_988
    first, more = loaded.first_errors(500)  # more than are listed: the listed ones
    assert len(first) == LISTED and more == 20_000 - LISTED
    assert "more problems" not in str(first[-1])
    one = load_bytes((MINIMAL + "  items:\n    - x\n").encode(), "content.yaml", ROOT)
    assert one.first_errors(12) == (one.errors, 0)
    assert one.first_errors(0) == ([], 1)
