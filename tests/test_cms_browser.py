"""The editing page /admin/ of the built site in headless Chromium, offline, against decap-server.

decap-server (pinned in package-lock.json) runs on 127.0.0.1 in ``fs`` mode (writes the files, as under
``make edit``) and in ``git`` mode (the editorial workflow with local cms/… branches, as the GitHub
backend does with pull requests), each on a throw-away git repository holding the real seed item.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, make_repo, write_item
from test_browser import CHROMIUM_FLAGS

DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
CONFIGURED = "127.0.0.1:8081"  # where admin/config.yml and the page's CSP expect decap-server
SCREENSHOTS = REPO / ".cache" / "cms-screenshots"
TITLE = "厦门市外办测试通知"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def make_git_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, seed=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Test Editor")
    git(root, "config", "user.email", "editor@example.gov.cn")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "seed")
    return root


@contextlib.contextmanager
def decap_server(repo: Path, mode: str):
    port = free_port()
    env = dict(os.environ, PORT=str(port), BIND_HOST="127.0.0.1", MODE=mode, GIT_REPO_DIRECTORY=str(repo),
               LOG_LEVEL="warn")
    process = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                request = urllib.request.Request(url, data=b'{"action":"info"}',
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=1) as response:
                    assert json.load(response)["type"] == f"local_{mode}"
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def site_server(site_dir: Path, backend_port: int):
    """The built site; the editing page's config and CSP name this test's decap-server port."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = self.path.split("?")[0]
            if path in ("/admin/config.yml", "/admin/", "/admin/index.html"):
                file = site_dir / "admin" / ("config.yml" if path.endswith(".yml") else "index.html")
                data = file.read_text(encoding="utf-8").replace(CONFIGURED, f"127.0.0.1:{backend_port}").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/yaml" if path.endswith(".yml") else "text/html")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                return
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/admin/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    options = Options()
    options.binary_location = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    options.add_argument("--lang=zh-CN")
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-cms')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("GONGKAI_CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    driver.unhandled = []
    yield driver
    driver.quit()


def today() -> str:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


class Editor:
    """An editor at the editing page, through the form only."""

    def __init__(self, driver, base: str, repo: Path, backend: int):
        self.d, self.base, self.repo, self.backend = driver, base, repo, backend
        self.wait = WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))

    def clickable(self, text: str, css: str = "button, [role=button], [role=menuitem], a"):
        def find(d):
            return next((e for e in d.find_elements(By.CSS_SELECTOR, css)
                         if e.is_displayed() and e.text.strip() == text), None)
        return self.wait.until(find)

    def open(self, fragment: str = "") -> None:
        self.d.get(self.base + fragment)
        listed = "公开信息（中文原文）"
        self.wait.until(lambda d: listed in d.find_element(By.TAG_NAME, "body").text or self.status("登录"))
        if self.status("登录"):
            self.clickable("登录").click()
        self.wait.until(lambda d: listed in d.find_element(By.TAG_NAME, "body").text)

    def go(self, fragment: str) -> None:
        self.d.execute_script("location.hash = arguments[0]", fragment)

    def field(self, label: str):
        def find(d):
            for element in d.find_elements(By.TAG_NAME, "label"):
                if element.is_displayed() and element.text.strip().split(" (")[0] == label:
                    return d.find_element(By.ID, element.get_attribute("for"))
            return None
        return self.wait.until(find)

    def ime(self, element, composing: str, text: str) -> None:
        """Type ``text`` as a Chinese input method does: a composition of ``composing``, then the commit."""
        element.click()
        for end in range(1, len(composing) + 1):
            self.d.execute_cdp_cmd("Input.imeSetComposition",
                                   {"text": composing[:end], "selectionStart": end, "selectionEnd": end})
        self.d.execute_cdp_cmd("Input.insertText", {"text": text})

    def choose(self, label: str, option: str) -> None:
        element = self.field(label)
        element.send_keys(option)
        self.wait.until(lambda d: any(option in o.text for o in d.find_elements(By.CSS_SELECTOR, "[id*=option]")))
        element.send_keys(Keys.ENTER)

    def body(self):
        return self.field("正文") if "/translations/" not in self.d.current_url else self.field("正文（英文）")

    def fill_new_item(self, title: str = TITLE) -> None:
        self.go("/collections/originals/new")
        self.wait.until(lambda d: "含未保存的修改" not in d.find_element(By.TAG_NAME, "body").text
                        and self.field("标题").get_attribute("value") == "")
        title_input = self.field("标题")
        self.ime(title_input, "xiamenshi", title)
        self.wait.until(lambda d: title_input.get_attribute("value") == title)
        self.choose("主题分类", "通知公告")
        self.choose("体裁分类", "通知")
        self.ime(self.body(), "zhengwen", "正文第一段。")
        self.wait.until(lambda d: self.body().get_attribute("value") == "正文第一段。")

    def publish_now(self) -> None:
        self.clickable("发布").click()
        self.clickable("立即发布", "[role=menuitem]").click()

        def published(d):
            with contextlib.suppress(Exception):  # the editorial workflow asks to confirm
                d.switch_to.alert.accept()
            return self.status("已发布")
        self.wait.until(published)

    def save(self) -> None:
        self.clickable("保存").click()
        self.wait.until(lambda d: self.status("修改已保存") and self.status("状态: 草稿"))

    def status(self, text: str) -> bool:
        return any(e.is_displayed() and e.text.strip() == text for e in self.d.find_elements(
            By.XPATH, f"//*[normalize-space()='{text}' and not(*[normalize-space()='{text}'])]"))

    def screenshot(self, name: str, width: int = 1280) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.d.set_window_size(width, 900)
        time.sleep(0.3)
        path = SCREENSHOTS / name
        self.d.save_screenshot(str(path))
        self.d.set_window_size(1280, 900)
        return path


def expected_item(number: str, title: str = TITLE) -> str:
    day = today()
    return (f"---\nindex_no: XMFAO/{day[:4]}-{number}\ntitle: {title}\npublisher: xmfao\ndate_written: {day}\n"
            f"date_published: {day}\ncategory: notices\ngenre: notice\ndisclosure: proactive\nvalidity: in-force\n"
            "---\n\n正文第一段。\n")


def check(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongkai.cli", "check"], cwd=repo, capture_output=True, text=True,
                          timeout=60)


def requested_hosts(driver) -> set[str]:
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith("chrome://"):  # the browser's own new-tab page, before the test opens ours
                continue
            hosts.add(url.split("/")[2] if url.startswith(("http:", "https:")) else url.split(":")[0])
    return hosts


def console_problems(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and ("Content Security Policy" in e["message"] or "Uncaught" in e["message"])]


# -- fs mode: what `make edit` runs ------------------------------------------------------------------

@pytest.fixture(scope="module")
def fs_editor(chromium, real_site, tmp_path_factory):
    repo = make_git_repo(tmp_path_factory.mktemp("cms-fs"))
    with decap_server(repo, "fs") as port, site_server(real_site, port) as base:
        editor = Editor(chromium, base, repo, port)
        editor.open()
        yield editor


def test_the_editing_page_lists_the_originals_and_requests_nothing_from_other_hosts(fs_editor):
    entry = "XMFAO/2022-00001　厦门市人民政府外事办公室关于2021年法治政府建设工作情况的报告"
    # the collection's label shows before its entries have loaded ("正在加载内容..."): wait for the entry
    fs_editor.wait.until(lambda d: entry in d.find_element(By.TAG_NAME, "body").text)
    assert fs_editor.d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    fs_editor.go("/collections/translations")
    fs_editor.wait.until(lambda d: "Report of the Foreign Affairs Office" in d.find_element(By.TAG_NAME, "body").text)
    fs_editor.go("/collections/originals")
    fs_editor.wait.until(lambda d: "XMFAO/2022-00001" in d.find_element(By.TAG_NAME, "body").text)
    hosts = requested_hosts(fs_editor.d)
    assert hosts <= {fs_editor.base.split("/")[2], f"127.0.0.1:{fs_editor.backend}", "data", "blob"}, hosts
    assert console_problems(fs_editor.d) == []


def test_a_new_item_gets_the_next_number_todays_dates_and_exact_front_matter(fs_editor):
    fs_editor.fill_new_item()
    fs_editor.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", fs_editor.field("体裁分类"))
    fs_editor.screenshot("form-1280.png")
    fs_editor.screenshot("form-390.png", 390)
    fs_editor.publish_now()
    year = today()[:4]
    path = fs_editor.repo / "disclosures" / year / "00001.md"
    fs_editor.wait.until(lambda d: path.exists())
    assert path.read_text(encoding="utf-8") == expected_item("00001")
    result = check(fs_editor.repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert console_problems(fs_editor.d) == []


def test_two_new_items_in_a_row_get_consecutive_numbers(fs_editor):
    fs_editor.fill_new_item("第二条测试通知")
    fs_editor.publish_now()
    year = today()[:4]
    second = fs_editor.repo / "disclosures" / year / "00002.md"
    fs_editor.wait.until(lambda d: second.exists())
    assert second.read_text(encoding="utf-8") == expected_item("00002", "第二条测试通知")
    assert sorted(p.name for p in second.parent.iterdir()) == ["00001.md", "00002.md"]
    fs_editor.go("/collections/originals")
    fs_editor.wait.until(lambda d: f"XMFAO/{year}-00002" in d.find_element(By.TAG_NAME, "body").text)
    fs_editor.screenshot("list-1280.png")
    fs_editor.screenshot("list-390.png", 390)


def test_editing_a_keyword_changes_only_that_line(fs_editor):
    fs_editor.go("/collections/originals/entries/2022/00001")
    keyword = fs_editor.wait.until(lambda d: next(
        (e for e in d.find_elements(By.CSS_SELECTOR, "input") if e.get_attribute("value") == "放管服"), None))
    keyword.click()
    keyword.send_keys(Keys.END)
    fs_editor.d.execute_cdp_cmd("Input.insertText", {"text": "改革"})
    fs_editor.wait.until(lambda d: keyword.get_attribute("value") == "放管服改革")
    fs_editor.publish_now()
    seed = "disclosures/2022/00001.md"
    fs_editor.wait.until(lambda d: "放管服改革" in (fs_editor.repo / seed).read_text(encoding="utf-8"))
    diff = git(fs_editor.repo, "diff", "--unified=0", "--", seed)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == ["-  - 放管服", "+  - 放管服改革"]
    assert git(fs_editor.repo, "status", "--short", "--", "disclosures/2022") == f" M {seed}\n"


def test_adding_an_english_translation_writes_it_beside_its_original(fs_editor):
    write_item(fs_editor.repo, "XMFAO/2024-00001", title="待翻译的通知", body="中文正文。\n")
    fs_editor.open()  # decap-server reads the folder anew
    fs_editor.go("/collections/translations/new")
    original = fs_editor.field("中文原文")
    original.send_keys("待翻译")
    fs_editor.wait.until(lambda d: any("XMFAO/2024-00001" in o.text
                                       for o in d.find_elements(By.CSS_SELECTOR, "[id*=option]")))
    original.send_keys(Keys.ENTER)
    fs_editor.field("标题").send_keys("Notice to be translated")
    fs_editor.body().send_keys("English body.")
    fs_editor.publish_now()
    path = fs_editor.repo / "disclosures" / "2024" / "00001.en.md"
    fs_editor.wait.until(lambda d: path.exists())
    assert path.read_text(encoding="utf-8") == (
        "---\nindex_no: XMFAO/2024-00001\ntitle: Notice to be translated\n---\n\nEnglish body.\n")
    result = check(fs_editor.repo)
    assert result.returncode == 0, result.stdout + result.stderr


# -- git mode: the editorial workflow, as with GitHub pull requests -----------------------------------

@pytest.fixture(scope="module")
def git_editor(chromium, real_site, tmp_path_factory):
    repo = make_git_repo(tmp_path_factory.mktemp("cms-git"))
    with decap_server(repo, "git") as port, site_server(real_site, port) as base:
        editor = Editor(chromium, base, repo, port)
        editor.open()
        yield editor


def test_saving_makes_a_cms_branch_and_numbers_count_unpublished_drafts(git_editor):
    year = today()[:4]
    git_editor.fill_new_item()
    git_editor.save()
    git_editor.fill_new_item("第二条测试通知")
    git_editor.save()
    branches = git(git_editor.repo, "branch", "--format=%(refname:short)").split()
    assert branches == [f"cms/originals/{year}/00001", f"cms/originals/{year}/00002", "main"]
    assert not (git_editor.repo / "disclosures" / year).exists()  # main is untouched until publication
    assert git(git_editor.repo, "show", f"cms/originals/{year}/00002:disclosures/{year}/00002.md") == expected_item(
        "00002", "第二条测试通知")


def test_publishing_merges_the_branch_into_main(git_editor):
    year = today()[:4]
    git_editor.go(f"/collections/originals/entries/{year}/00001")
    git_editor.clickable("状态: 草稿").click()
    git_editor.clickable("就绪", "[role=menuitem]").click()
    git_editor.wait.until(lambda d: git(git_editor.repo, "config", f"branch.cms/originals/{year}/00001.description")
                          .strip() == "decap-cms/pending_publish")
    git_editor.publish_now()
    git_editor.wait.until(lambda d: f"cms/originals/{year}/00001" not in git(git_editor.repo, "branch"))
    assert git(git_editor.repo, "branch", "--show-current").strip() == "main"
    assert git(git_editor.repo, "show", f"main:disclosures/{year}/00001.md") == expected_item("00001")
    assert git(git_editor.repo, "branch", "--format=%(refname:short)").split() == [
        f"cms/originals/{year}/00002", "main"]
    assert check(git_editor.repo).returncode == 0


# -- make edit ----------------------------------------------------------------------------------------

def listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]) if len(address) == 8
                          else address)
    return found


def test_make_edit_serves_the_editing_page_with_decap_server_on_127_0_0_1_only(chromium, tmp_path: Path):
    root = make_git_repo(tmp_path)
    for name in ("admin", "scripts"):
        shutil.copytree(REPO / name, root / name)
    for name in (".venv", "node_modules"):
        (root / name).symlink_to(REPO / name)
    assert not listening_addresses(8081), "port 8081 (decap-server under make edit) is already in use"
    port = free_port()
    process = subprocess.Popen(["scripts/edit.sh"], cwd=root, env=dict(os.environ, DEV_ADDR=f"127.0.0.1:{port}"),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/admin/"
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "config.yml", timeout=1) as response:
                    served = response.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert served == (REPO / "admin" / "config.yml").read_text(encoding="utf-8")
        assert listening_addresses(8081) == {"127.0.0.1"}
        editor = Editor(chromium, base, root, 8081)
        editor.open()
        editor.wait.until(lambda d: "XMFAO/2022-00001" in d.find_element(By.TAG_NAME, "body").text)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=20)[0]
    assert "编辑页面 / editing page: http://127.0.0.1:8000/admin/" in output
    assert not listening_addresses(8081)
