"""Where the project's files are, and the smallest valid content file, for every test (no Qt)."""

from pathlib import Path

from kiosk.core.content import load_bytes

ROOT = Path(__file__).resolve().parent.parent  # the repository
BUNDLED = ROOT / "content.yaml"

# The smallest valid file; each bad case in the tests adds one mistake to it.
MINIMAL = """\
organisation:
  name: {en: Example Park, zh: 示例园区}
home:
  tiles:
    - {page: mission, title: {en: Mission, zh: 使命}}
mission:
  title: {en: Mission, zh: 使命}
"""


def problems(text: str | bytes, base: Path = ROOT) -> list[str]:
    """What `check` says of `text`, each problem as it prints it."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [str(p) for p in load_bytes(data, "content.yaml", base).problems]
