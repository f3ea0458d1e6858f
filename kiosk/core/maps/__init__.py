"""The network map as plain arithmetic (no Qt): where markers, labels and insets go (layout.py,
with rects.py, markers.py, labels.py, insets.py and columns.py), and which part of the country
a map shows, at what zoom (view.py)."""
