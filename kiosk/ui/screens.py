"""Builds the kiosk's screens for one content, look and language, each given what it shows:
the home screen, a page, the network, and a detail with its place on the map."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScroller, QWidget

from ..core.content.model import Content, Location
from ..core.session import Route
from ..qt.half_built import built
from ..qt.idle import IdleWatcher
from .home import HomeScreen
from .theme import Look

if TYPE_CHECKING:  # the other screens are imported when first needed, after the first frame
    from .detail import DetailView
    from .map_view import MapView


class Screens:
    def __init__(self, content: Content, look: Look, language: str,
                 navigate: Callable[[Route], None], replace: Callable[[Route], None],
                 builder: QWidget):
        """`navigate`: a tap that opens a route; `replace`: a detail's sibling, opened in its
        place; `builder`: the window that shows what is built."""
        self.content, self.look, self.language = content, look, language
        self._navigate, self._replace = navigate, replace
        self._builder = builder

    def page(self, name: str) -> QWidget:
        """The page called `name` ("home", "network" or a page of the content); it raises if
        it cannot be built."""
        content, look, language = self.content, self.look, self.language
        screen: QWidget
        if name == "home":
            screen = HomeScreen(content, look, language)
            screen.page_requested.connect(lambda page: self._navigate(Route(page)))
        elif name == "network":
            from .network import NetworkScreen

            assert content.network is not None
            screen = NetworkScreen(content.network, content.labels, look, language,
                                   content.here)
            screen.detail_requested.connect(lambda key: self._navigate(Route("network", key)))
        else:
            from .section import SectionScreen

            screen = SectionScreen(content.pages[name], content.labels, look, language)
            screen.detail_requested.connect(
                lambda key, name=name: self._navigate(Route(name, key)))
        return screen

    def detail(self, route: Route) -> DetailView | None:
        """The detail `route` shows, or None if there is none or it cannot be built (logged)."""
        content, language = self.content, self.language
        siblings = content.siblings(route.page, route.detail)
        detail = next((d for d in siblings if d.id == route.detail), None)
        if detail is None:
            return None
        eyebrow = next((t.title.get(language) for t in content.tiles if t.page == route.page),
                       "")
        from .detail import DetailView

        def make() -> DetailView:
            return DetailView(detail, content.labels, self.look, language, eyebrow, siblings,
                              self._place_on_map(route), self._where(route), self._near(route))

        view = built(make, f"the detail '{route.name}'", self._builder)
        if view is not None:
            view.detail_requested.connect(lambda key: self._replace(Route(route.page, key)))
        return view

    def _location(self, route: Route) -> Location | None:
        """The network's location that `route` shows, if it shows one."""
        network = self.content.network
        if route.page != "network" or network is None:
            return None
        return next((loc for loc in network.locations if loc.id == route.detail), None)

    def _where(self, route: Route) -> str:
        """A location's distance and direction from the headquarters, in words."""
        place = self._location(route)
        if place is None or self.content.network is None:
            return ""
        from .detail import from_headquarters, from_here

        locations = self.content.network.locations
        headquarters = next((loc for loc in locations if loc.headquarters), None)
        here = next((loc for loc in locations if loc.id == self.content.here), None)
        lines = [from_here(place, here, self.language) if here else "",
                 from_headquarters(place, headquarters, self.language) if headquarters else ""]
        return "\n".join(line for line in lines if line)

    def _near(self, route: Route) -> list[tuple[str, str]]:
        """A location's nearest neighbours in the network, in words, to open from its page."""
        place = self._location(route)
        if place is None or self.content.network is None:
            return []
        from .detail import nearby

        return nearby(place, self.content.network.locations, self.language)

    def _place_on_map(self, route: Route) -> MapView | None:
        """A location's detail shows where it is: the network map with it marked."""
        network = self.content.network
        if self._location(route) is None or network is None:
            return None
        from .map_view import MapView

        look = self.look
        view = MapView(network.locations, look, self.language, network.map_image,
                       focus=route.detail)  # round the place, its neighbours named
        view.here = (self.content.here, self.content.labels.you_are_here.get(self.language))
        view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a picture here
        view.setAccessibleName(network.title.get(self.language))
        view.setFixedSize(look.px(960 if look.portrait else 840),
                          look.px(720 if look.portrait else 740))
        view.select(route.detail)
        return view

    def calm(self) -> QWidget:
        """Shown when not even the home screen can be built."""
        from .problems_view import CalmScreen

        return CalmScreen(self.look, labels=self.content.labels)


def watch_scrolling(screen: QWidget, idle: IdleWatcher) -> None:
    """A kinetic scroll still moving is a visitor still there."""
    for body in screen.findChildren(QWidget, "scrollBody"):
        area = body.parentWidget()  # the scroll area's viewport
        if area is not None:
            QScroller.scroller(area).stateChanged.connect(idle.poke)
