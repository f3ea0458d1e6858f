"""Take-away links tagged for the park's web analytics (site.yaml's link_tags) still decode: the
kiosk's QR code of each, drawn at the smallest size it draws one (120 px), read back by a real
decoder (zbarimg, Debian's zbar-tools)."""

import shutil
import subprocess

import pytest

from kiosk.core.content import load
from kiosk.core.content.qr_sizes import QR_READABLE_BYTES, QR_SMALLEST_PX
from kiosk.core.site import with_site
from kiosk.core.site.applied import links
from kiosk.ui.qr import QrCode

from ..samples import BUNDLED


def decoded(qtbot, url: str, tmp_path) -> str:
    assert shutil.which("zbarimg"), "zbarimg is needed: .ci/run installs zbar-tools"
    code = QrCode(url, QR_SMALLEST_PX)
    qtbot.addWidget(code)
    picture = tmp_path / "code.png"
    code.grab().toImage().scaled(QR_SMALLEST_PX * 3, QR_SMALLEST_PX * 3).save(str(picture))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                             str(picture)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.rstrip("\n")


@pytest.mark.parametrize("tags", ["utm_source={name}&utm_medium=kiosk",
                                  "utm_source={name}&utm_medium=kiosk&utm_campaign=lobby-2027"])
def test_each_tagged_link_decodes_to_itself(qtbot, qapp, tmp_path, tags):
    site = tmp_path / "site.yaml"
    site.write_text(f'name: shenzhen-lobby\nlink_tags: "{tags}"\n', encoding="utf-8")
    content = with_site(load(BUNDLED), site).content
    urls = {link.url for link in links(content)}
    assert urls == {f"http://www.spmember.com/?{tags.replace('{name}', 'shenzhen-lobby')}"}
    for url in urls:
        assert len(url.encode()) <= QR_READABLE_BYTES
        assert decoded(qtbot, url, tmp_path) == url


def test_a_query_and_a_fragment_survive_the_tags(qtbot, qapp, tmp_path):
    from kiosk.core.site.applied import tag

    url = tag("https://example.org/visit?lang=zh#hours", "utm_source={name}", "a")
    assert url == "https://example.org/visit?lang=zh&utm_source=a#hours"
    assert decoded(qtbot, url, tmp_path) == url
