"""deploy/prometheus/ run for real: promtool checks the configuration and tests every alert, and
a real Prometheus server scrapes a running kiosk (offscreen) with the user name and password of
its site.yaml, and answers every query of the rules and of the Grafana dashboard."""

import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from kiosk.core.site.secret import new_password, password_hash

from .outside import wait_for

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "prometheus"


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed: .ci/run installs Debian's prometheus package"
    return found


def test_promtool_accepts_the_configuration_and_the_rules():
    result = subprocess.run([tool("promtool"), "check", "config", "prometheus.yml"], cwd=DEPLOY,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 8 rules found" in result.stdout


def test_promtool_tests_every_alert_before_and_after_it_fires():
    result = subprocess.run([tool("promtool"), "test", "rules", "kiosk-rules-test.yml"],
                            cwd=DEPLOY, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    rules = yaml.safe_load((DEPLOY / "kiosk-rules.yml").read_text(encoding="utf-8"))
    tests = (DEPLOY / "kiosk-rules-test.yml").read_text(encoding="utf-8")
    for rule in rules["groups"][0]["rules"]:
        assert f"alertname: {rule['alert']}" in tests, rule["alert"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def query(port: int, expr: str) -> dict:
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as error:  # a bad query: 400 with the error in JSON
        return json.loads(error.read())


@pytest.fixture
def kiosk(tmp_path):
    """A kiosk running offscreen, serving metrics on a free port with credentials."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    shutil.copy(ROOT / "content.yaml", folder / "content.yaml")
    password, port = new_password(), free_port()
    (folder / "site.yaml").write_text(
        f'name: test-lobby\nhere: shenzhen\nmetrics:\n  listen: "127.0.0.1:{port}"\n'
        f'  username: prometheus\n  password_hash: "{password_hash(password)}"\n',
        encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    with open(tmp_path / "kiosk.log", "wb") as log:
        process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--content",
                                    str(folder / "content.yaml"), "--windowed", "960x540"],
                                   env=env, stdout=log, stderr=log)
        yield port, password
        process.terminate()
        process.wait(timeout=30)


def test_a_real_prometheus_scrapes_a_running_kiosk(tmp_path, kiosk):
    kiosk_port, password = kiosk
    (tmp_path / "kiosk-password").write_text(password, encoding="utf-8")
    config = yaml.safe_load((DEPLOY / "prometheus.yml").read_text(encoding="utf-8"))
    config["global"] = {"scrape_interval": "1s", "evaluation_interval": "1s"}
    config["rule_files"] = [str(DEPLOY / "kiosk-rules.yml")]
    job = config["scrape_configs"][0]
    job["scrape_timeout"] = "1s"
    job["basic_auth"]["password_file"] = str(tmp_path / "kiosk-password")
    (tmp_path / "kiosks.yml").write_text(
        f'- targets: ["127.0.0.1:{kiosk_port}"]\n  labels: {{lobby: test-lobby}}\n',
        encoding="utf-8")
    job["file_sd_configs"] = [{"files": [str(tmp_path / "kiosks.yml")]}]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    port = free_port()
    log = open(tmp_path / "prometheus.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen([tool("prometheus"), f"--config.file={tmp_path / 'prometheus.yml'}",
                               f"--storage.tsdb.path={tmp_path / 'data'}",
                               f"--web.listen-address=127.0.0.1:{port}"],
                              stdout=log, stderr=log)
    try:
        found = wait_for(lambda: query(port, 'kiosk_info{job="kiosk"}')["data"]["result"])
        assert found[0]["metric"]["name"] == "test-lobby"
        assert found[0]["metric"]["lobby"] == "test-lobby"
        up = wait_for(lambda: query(port, 'up{job="kiosk"} == 1')["data"]["result"])
        assert up[0]["metric"]["instance"] == f"127.0.0.1:{kiosk_port}"
        version = query(port, "kiosk_content_info")["data"]["result"][0]["metric"]["version"]
        import hashlib
        assert version == hashlib.sha256((ROOT / "content.yaml").read_bytes()).hexdigest()[:12]
        assert query(port, "kiosk_back_soon")["data"]["result"][0]["value"][1] == "0"
        # every query the rules and the dashboard make is one Prometheus accepts
        rules = yaml.safe_load((DEPLOY / "kiosk-rules.yml").read_text(encoding="utf-8"))
        dashboard = json.loads((DEPLOY / "grafana-dashboard.json").read_text(encoding="utf-8"))
        exprs = [r["expr"] for r in rules["groups"][0]["rules"]] + [
            t["expr"] for p in dashboard["panels"] for t in p["targets"]]
        for expr in exprs:
            answer = query(port, expr)
            assert answer["status"] == "success", (expr, answer)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_the_dashboard_has_a_row_per_kiosk_and_the_fleets_figures():
    dashboard = json.loads((DEPLOY / "grafana-dashboard.json").read_text(encoding="utf-8"))
    titles = [p["title"] for p in dashboard["panels"]]
    for wanted in ("Each kiosk: answering (green) or not (red)",
                   "Visitor sessions per day, by kiosk",
                   "Content each kiosk shows (the file's SHA-256, first 12 digits)",
                   "Alerts firing"):
        assert wanted in titles
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    assert all(t["datasource"]["uid"] == "${DS_PROMETHEUS}" for p in dashboard["panels"]
               for t in p["targets"])
