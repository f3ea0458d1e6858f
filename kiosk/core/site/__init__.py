"""A kiosk's own file, `site.yaml`, beside the content file that the whole network shares: the
kiosk's name, where it stands, what differs in its lobby, and its metrics. No Qt here."""

from .applied import SITE_FILE, apply, site_path, with_site
from .model import Metrics, Site, SiteLoaded

__all__ = ["SITE_FILE", "Metrics", "Site", "SiteLoaded", "apply", "site_path", "with_site"]
