"""A problem found in a content file, with the place it was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
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
