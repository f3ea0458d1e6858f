"""How the kiosk process ends: what the service manager (and cli.main) reads from its exit."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    CONTENT_INVALID = 1
    USAGE = 2
    NO_DISPLAY = 3
    STAFF_EXIT = 10  # staff chose "exit to desktop": the service does not restart it
    RESTART = 11  # staff chose "restart": main() starts the kiosk again
