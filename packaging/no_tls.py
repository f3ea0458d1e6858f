# PyInstaller runtime hook: the build leaves out OpenSSL (kiosk.spec: ssl, _ssl, _hashlib, 4.7
# MB), which nothing in the kiosk uses. The Prometheus client library imports `ssl` at its top,
# and names a few of its classes and constants in signatures, for a TLS server the kiosk never
# starts (its metrics server is plain HTTP with basic auth: kiosk/core/metrics/server.py). So a
# module by that name stands in for it, with those names; using TLS fails loudly.
import sys
import types

try:
    import ssl  # noqa: F401
except ImportError:
    class _NoTLS:
        def __init__(self, *args, **kwargs):
            raise RuntimeError("this build of the kiosk has no TLS (see kiosk.spec)")

    stand_in = types.ModuleType("ssl", "No TLS in this build (see kiosk.spec).")
    stand_in.SSLContext = stand_in.TLSVersion = stand_in.Purpose = _NoTLS
    stand_in.PROTOCOL_TLS_SERVER, stand_in.PROTOCOL_TLS_CLIENT = 17, 16
    stand_in.CERT_NONE, stand_in.CERT_REQUIRED = 0, 2
    sys.modules["ssl"] = stand_in
