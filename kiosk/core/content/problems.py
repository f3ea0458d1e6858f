"""A problem found in a content file, with the place it was found; and what loading a content
file gives: the content (None if it cannot be used) and all its problems."""

from typing import NamedTuple

from .model import Content


class Problem(NamedTuple):
    file: str
    line: int  # 1-based
    column: int  # 1-based
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{self.message}"


def errors(problems: tuple[Problem, ...] | list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


class Loaded(NamedTuple):
    content: Content | None
    problems: tuple[Problem, ...]
    unlisted: tuple[int, int] = (0, 0)  # errors, warnings past the listed ones (counted only)

    def counts(self) -> tuple[int, int]:
        """How many errors and warnings in all, listed or not (not the line that counts the
        unlisted ones)."""
        listed_errors = len(self.errors) - (1 if self.unlisted[0] else 0)
        listed_warnings = len(self.problems) - len(self.errors) - \
            (1 if self.unlisted[1] and not self.unlisted[0] else 0)
        return listed_errors + self.unlisted[0], listed_warnings + self.unlisted[1]

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    def first_errors(self, count: int) -> tuple[list[Problem], int]:
        """The first `count` errors, and how many more there are in all (listed or not)."""
        listed = self.errors[:len(self.errors) - (1 if self.unlisted[0] else 0)]
        return listed[:count], self.counts()[0] - min(count, len(listed))
