"""Material's navigation (sidebar and tabs), rendered once per build for all the pages it does not list.

Material renders its navigation for every page: a third of its template time, for a record page as much
as for the page of a whole section. A record is out of the navigation: nothing in it is active on the
record's page, and what Material writes there depends only on the links, relative to the page. So the
partial is rendered by Material's own template once for each set of relative links in the build, and its
HTML is written again for every other page that has the same links: the same bytes, without the work.

A page the navigation lists (an item is active), a page-less template (404) or a site whose `overrides/`
holds its own partial (it comes first in the theme, ours is never reached) is rendered as before; so is
every page of a site that overrides one of the pieces these partials include (an item, the logo): such a
piece may show something of the page.
"""

from __future__ import annotations

import os
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup
from mkdocs.utils import normalize_url

# What Material's navigation and tabs partials include: a site that overrides one of these gets no reuse.
INCLUDED = ("partials/nav-item.html", "partials/tabs-item.html", "partials/logo.html", "partials/source.html")
THEME = "_theme"  # prefix under which the theme's own partials stay reachable past ours


class NavigationPartials:
    """One build's rendered navigation partials, by the page's relative links."""

    def __init__(self) -> None:
        self.rendered: dict[tuple, str] = {}
        self.reusable = True
        self._targets: tuple[str, ...] | None = None

    def install(self, env: Environment, theme_dirs: list[str], ours: str) -> None:
        """Make the theme's own partials reachable as `_theme/…` (the dirs after ours) and give our partials
        the function that renders them."""
        position = theme_dirs.index(ours) if ours in theme_dirs else len(theme_dirs)
        after = theme_dirs[position + 1:]
        self.reusable = not any(os.path.exists(os.path.join(directory, name))
                                for directory in theme_dirs[:position] for name in INCLUDED)
        env.loader = ChoiceLoader([env.loader, PrefixLoader({THEME: FileSystemLoader(after)})])
        env.globals["conseil_navigation"] = self.render

    @pass_context
    def render(self, context: Any, name: str) -> Markup:
        """The theme's partial `name` as `{% include %}` would write it on this page."""
        key = self._key(context)
        html = self.rendered.get((name, key)) if key is not None else None
        if html is None:
            template = context.environment.get_template(f"{THEME}/{name}")
            html = "".join(template.root_render_func(template.new_context(context.get_all(), shared=True)))
            if key is not None:
                self.rendered[(name, key)] = html
        return Markup(html)

    def _key(self, context: Any) -> tuple | None:
        """What the partial depends on for a page out of the navigation: every link it may write, relative to
        the page; None when the page is in the navigation (or there is no page)."""
        page, nav = context.get("page"), context.get("nav")
        if (not self.reusable or page is None or nav is None or getattr(page, "url", None) is None
                or any(item.active for item in nav.items)):
            return None
        return (context.get("base_url"), *(normalize_url(target, page=page) for target in self._link_targets(nav, context)))

    def _link_targets(self, nav: Any, context: Any) -> tuple[str, ...]:
        """Every address the partials link to, found once: one build, one navigation."""
        if self._targets is None:
            config = context.get("config") or {}
            extra, theme = config.get("extra") or {}, config.get("theme") or {}
            targets = [item.url for item in _items(nav.items) if getattr(item, "url", None) is not None]
            if getattr(nav, "homepage", None) is not None:
                targets.append(nav.homepage.url)
            targets += [str(value) for value in (extra.get("homepage"), theme.get("logo")) if value]
            self._targets = tuple(targets)
        return self._targets


def _items(items: list[Any]):
    for item in items:
        yield item
        yield from _items(getattr(item, "children", None) or [])
