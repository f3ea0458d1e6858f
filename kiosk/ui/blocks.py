"""The blocks a page or a detail shows below its title, each built in steps as the screen is
(kiosk/ui/slices.py): a group of terms as chips or steps, headed paragraphs."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QBoxLayout, QWidget

from ..core.content.model import TermGroup, Text, TextBlock
from .slices import Step, weight
from .theme import Look
from .widgets import FlowLayout, column, label


def chips(look: Look, terms: tuple[Text, ...], language: str, flow: bool) -> QWidget:
    widget = QWidget()
    layout = FlowLayout(look.px(14))
    for index, term in enumerate(terms):
        chip = label(term.get(language), "step" if flow else "chip", wrap=False)
        layout.addWidget(chip)
        if flow and index < len(terms) - 1:
            layout.addWidget(label("→", "arrow", wrap=False))
    widget.setLayout(layout)
    return widget


def group_block(look: Look, group: TermGroup, language: str) -> QWidget:
    widget = QWidget()
    layout = column(label(group.title.get(language), "h3"), spacing=look.px(16))
    if group.lead:
        layout.addWidget(label(group.lead.get(language), "muted"))
    layout.addWidget(chips(look, group.terms, language, group.flow))
    widget.setLayout(layout)
    return widget


def group_step(look: Look, group: TermGroup, language: str,
               place: Callable[[QWidget], object]) -> Step:
    """A group of terms, built in one step and given to `place`."""
    return (weight(group.title.get(language), group.lead.get(language),
                   *(term.get(language) for term in group.terms)),
            lambda: place(group_block(look, group, language)))


def text_steps(look: Look, block: TextBlock, language: str,
               place: Callable[[QWidget], object]) -> list[Step]:
    """A headed block of paragraphs, built in steps: the block with its title, given to
    `place`, then a paragraph a step."""
    widget = QWidget()
    layout = column(spacing=look.px(18))
    widget.setLayout(layout)

    def start() -> None:
        layout.addWidget(label(block.title.get(language), "h2"))
        place(widget)

    return [(weight(block.title.get(language)), start),
            *((weight(p.get(language)), partial(_paragraph, layout, p.get(language)))
              for p in block.paragraphs)]


def _paragraph(layout: QBoxLayout, text: str) -> None:
    layout.addWidget(label(text, "body"))
