# PyInstaller runtime hook: the build leaves out OpenSSL (kiosk.spec: ssl, _ssl, _hashlib, 4.7
# MB), which nothing in the kiosk uses. The Prometheus client library imports `ssl` at its top
# for a TLS server the kiosk never starts (its metrics server is plain HTTP with basic auth:
# kiosk/core/metrics/server.py), so a module by that name stands in for it: any use of TLS
# fails loudly (AttributeError), and nothing else changes.
import sys
import types

try:
    import ssl  # noqa: F401
except ImportError:
    sys.modules["ssl"] = types.ModuleType("ssl", "No TLS in this build (see kiosk.spec).")
