"""Qt adapters with no screens: the idle watcher, the content watcher, background jobs, opening
hours on a timer, stop signals, the kiosk lockdown, memory settings, logging of Qt's messages,
and fixes to the binding. They sit between the core (kiosk/core) and the screens (kiosk/ui)."""
