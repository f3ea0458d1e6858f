"""Start the kiosk: `python main.py --help` lists what it can do."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
