"""A touchscreen visitor kiosk driven by one content file."""

__version__ = "0.1.0"
