"""A speech-dispatcher of the tests' own, speaking with eSpeak NG, its sound written to a file
by ALSA's file plugin (a test machine has no sound card): what the kiosk said can be measured.
Debian's speech-dispatcher, speech-dispatcher-espeak-ng and espeak-ng (.ci/run installs them).
"""

from __future__ import annotations

import array
import math
import os
import shutil
import subprocess
from pathlib import Path

from .outside import wait_for

RATE = 22050  # eSpeak NG's samples a second, 16-bit mono


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed: .ci/run installs Debian's speech-dispatcher and espeak-ng"
    return found


class SpeechServer:
    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "speechd.sock"
        self.sound = folder / "sound.raw"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        config = self.folder / "config"
        shutil.copytree("/etc/speech-dispatcher", config)
        with open(config / "speechd.conf", "a", encoding="utf-8") as conf:
            conf.write('\nAudioOutputMethod "alsa"\nAudioALSADevice "tofile"\n'
                       'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\n'
                       "DefaultModule espeak-ng\n")
        home = self.folder / "home"
        home.mkdir()
        (home / ".asoundrc").write_text(
            f'pcm.tofile {{ type file; slave.pcm "null"; file "{self.sound}"; format "raw" }}\n',
            encoding="utf-8")
        self.process = subprocess.Popen(
            [tool("speech-dispatcher"), "--run-single", "--timeout", "0", "--config-dir",
             str(config), "--socket-path", str(self.socket), "--communication-method",
             "unix_socket", "--log-level", "1"],
            env=dict(os.environ, HOME=str(home)), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        wait_for(self.socket.exists, timeout=30)
        os.environ["SPEECHD_ADDRESS"] = f"unix_socket:{self.socket}"

    def stop(self) -> None:
        os.environ.pop("SPEECHD_ADDRESS", None)
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def written(self) -> int:
        """Bytes of sound written so far."""
        return self.sound.stat().st_size if self.sound.exists() else 0

    def since(self, start: int) -> tuple[float, float]:
        """The sound written after byte `start`: its length in seconds and its loudness (the
        root mean square of its samples, of 32,767)."""
        data = self.sound.read_bytes()[start:]
        samples = array.array("h", data[: len(data) // 2 * 2])
        if not samples:
            return 0.0, 0.0
        return len(samples) / RATE, math.sqrt(sum(s * s for s in samples) / len(samples))
