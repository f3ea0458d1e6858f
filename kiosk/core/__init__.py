"""The kiosk's core, with no Qt (import-linter holds it to that in `make test`): the content file
and its checks, the visitor's session, usage figures, opening hours, the staff PIN, the crash
loop, the machine's settings and commands, resource paths, safe file writes, geography and the
map (kiosk/core/maps/). Type-checked strictly (mypy) and tested without a display."""
