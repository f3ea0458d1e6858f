import atexit
import os
import shutil
import tempfile

from kiosk.qt.offscreen import offscreen  # no Qt in it

# The kiosk's settings, usage figures and logs go to a folder of the test run, never home.
_FOLDERS = tempfile.mkdtemp(prefix="kiosk-tests-")
atexit.register(shutil.rmtree, _FOLDERS, ignore_errors=True)
# Headless, before anything imports Qt, on a screen as large as the largest window the tests
# make (3840x2160): Qt's own offscreen screen is 800x800 (kiosk/qt/offscreen.py).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen(3840, 2160, _FOLDERS)
os.environ.setdefault("QT_API", "pyside6")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = os.path.join(_FOLDERS, _variable.lower())


import pytest  # noqa: E402

from kiosk.core.content import load  # noqa: E402

from .samples import BUNDLED  # noqa: E402


@pytest.fixture(autouse=True)
def quick_pin_hashes(request, monkeypatch):
    """New PINs hashed with 1,000 PBKDF2 rounds, not 600,000 (0.2 to 0.5 s a hash here): a
    check reads the count back from the settings file, so it runs the same code. A test marked
    real_pin_rounds gets the kiosk's own count."""
    if request.node.get_closest_marker("real_pin_rounds") is None:
        monkeypatch.setattr("kiosk.core.pin.ITERATIONS", 1_000)


@pytest.fixture
def content_file(tmp_path):
    """A copy of the park's content file, to save changes into."""
    import shutil

    path = tmp_path / "content.yaml"
    shutil.copy(BUNDLED, path)
    return path


@pytest.fixture
def content():
    loaded = load(BUNDLED)
    assert loaded.content is not None, [str(p) for p in loaded.problems]
    return loaded.content


# -- Qt: imported by the tests that ask for these, never by the core's --------------------------
@pytest.fixture(scope="session")
def qapp():
    """The application as the kiosk makes it (pytest-qt's own is a bare QApplication)."""
    from kiosk.ui.application import make_application

    app, _family = make_application(["kiosk-tests"])
    yield app


@pytest.fixture(scope="session")
def family(qapp) -> str:
    from kiosk.ui.application import make_application

    return make_application()[1]


@pytest.fixture
def make_window(qtbot, family, content):
    """A shown kiosk window. Motion is off unless asked for: most tests look at the screens,
    not at a cross-fade caught half way (tests/ui/test_motion.py tests the motion). The
    screens are built as they are opened, not ahead once the first frame is shown, unless a
    test asks (`build_ahead_ms`): the kiosk's drawing of each, off screen (50 ms at
    3840x2160), would only cost the time of tests that do not look at it."""
    from kiosk.qt.idle import IdleWatcher
    from kiosk.ui.theme import COUNT_UP_MS
    from kiosk.ui.window import TRANSITION_MS, KioskWindow

    from .helpers import settle

    watchers = []

    def make(given=None, size=(1920, 1080), idle_ms=60_000, allow_close=True,
             motion=False, build_ahead_ms=None, transition_ms=TRANSITION_MS,
             count_up_ms=COUNT_UP_MS) -> KioskWindow:
        given = given or content
        given = given.with_settings(reduced_motion=not motion)
        idle = IdleWatcher(idle_ms)
        window = KioskWindow(given, family, idle, allow_close=allow_close, size=size,
                             build_ahead_ms=build_ahead_ms, transition_ms=transition_ms,
                             count_up_ms=count_up_ms)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        idle.start(window)
        watchers.append((idle, window))
        settle()
        return window

    yield make
    for idle, window in watchers:
        idle.stop(window)


@pytest.fixture(scope="session")
def speech_server(tmp_path_factory):
    """A real speech-dispatcher with eSpeak NG for the session (tests/speech_server.py)."""
    from .speech_server import SpeechServer

    server = SpeechServer(tmp_path_factory.mktemp("speech"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def voice(qapp, speech_server):
    """The kiosk's voice on that server, open (it lists eSpeak NG's voices: about 2 s)."""
    from kiosk.qt.voice import Voice

    opened = Voice()
    opened.open()
    assert opened.engine is not None, "the speech engine did not open"
    yield opened
    opened.close()
