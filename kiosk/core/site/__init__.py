"""A kiosk's own file, `site.yaml`, beside the content file that the whole network shares: the
kiosk's name, where it stands, what differs in its lobby, and its metrics. No Qt here."""

from .model import Metrics, Site, SiteLoaded
from .read import SITE_FILE, apply, load_site, site_path, with_site

__all__ = ["SITE_FILE", "Metrics", "Site", "SiteLoaded", "apply", "load_site", "site_path",
           "with_site"]
