"""Headless Chromium with a trap: every dialog a page opens, every CSP violation it reports, every
console error and every host it requests are recorded (injected before any of the page's own code)."""

from __future__ import annotations

import json
import os
import time
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from test_browser import CHROMIUM_FLAGS

TRAP = """
window.__gk = {dialogs: [], violations: []};
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__gk.dialogs.push(name + "(" + args.join(",") + ")"); };
}
document.addEventListener("securitypolicyviolation", (e) => {
  window.__gk.violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
}, true);
"""


def trap_browser(profile_dir, network: bool = True) -> webdriver.Chrome:
    """A trapped Chromium; ``network`` records every request (Chromium's performance log), which costs time."""
    options = Options()
    options.binary_location = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", **({"performance": "ALL"} if network else {})})
    driver = webdriver.Chrome(service=Service(os.environ.get("GONGKAI_CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
    driver.gk_network = network
    return driver


def visit(driver, url: str, settle: float = 0.05) -> None:
    """Open ``url`` (WebDriver returns once it has loaded) and let its late events (image errors, focus) run."""
    driver.get(url)
    time.sleep(settle)


def caught(driver) -> dict[str, list[str]]:
    """What the trap saw on the current page: dialogs, CSP violations, console errors (script errors,
    refusals) and foreign requests (to any host other than the page's own)."""
    found = driver.execute_script("return window.__gk || {dialogs: ['trap missing'], violations: []}")
    # a missing file is not this trap's business (the theme looks for sitemap.xml beside feed links)
    errors = [e["message"] for e in driver.get_log("browser")
              if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]
    own = urlsplit(driver.current_url).netloc
    foreign = []
    for entry in driver.get_log("performance") if driver.gk_network else ():
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "ws", "wss", "ftp") and parts.netloc != own:
                foreign.append(url)
    return {"dialogs": found["dialogs"], "violations": found["violations"], "errors": errors, "foreign": foreign}
