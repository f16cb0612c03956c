"""A catalogue indexed in partitions of years, each its own Pagefind bundle, merged by the search page:
the plan, the search page's markup, and a built site searched in Chromium in both languages."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import build, make_repo, pagefind_files, write_item
from gongkai import search, search_index
from gongkai.generated import FragmentContext
from page_trap import caught, trap_browser, visit
from test_browser import FINISHED, browser, results, server, search as search_in  # noqa: F401 - the fixtures

# -- the plan ------------------------------------------------------------------------


def test_whole_years_are_packed_newest_first_up_to_the_partition_size():
    slugs = [f"2019/{n:05d}" for n in (2, 1)] + ["2020/00001"] + [f"2021/{n:05d}" for n in (1, 2, 3)]
    assert search_index.partitions(slugs, size=3) == (
        ("2021/00001", "2021/00002", "2021/00003"), ("2020/00001", "2019/00001", "2019/00002"))
    assert search_index.partitions(slugs, size=100) == (
        ("2021/00001", "2021/00002", "2021/00003", "2020/00001", "2019/00001", "2019/00002"),)


def test_a_year_larger_than_a_partition_is_split_by_index_number():
    slugs = [f"2022/{n:05d}" for n in range(1, 6)] + ["2023/00001"]
    assert search_index.partitions(slugs, size=2) == (
        ("2023/00001",), ("2022/00001", "2022/00002"), ("2022/00003", "2022/00004"), ("2022/00005",))


def test_items_go_by_the_year_they_were_published_in():
    """An item numbered in 2023 and published in 2024 is searched with 2024, as the year filter shows it."""
    slugs = ["2023/00001", "2023/00002", "2024/00001"]
    assert search_index.partitions(slugs, size=2, years={"2023/00002": "2024"}) == (
        ("2023/00002", "2024/00001"), ("2023/00001",))


def test_no_items_is_one_partition_for_the_other_pages():
    assert search_index.partitions([], size=10) == ((),)


def test_each_run_globs_whole_years_as_folders_and_split_years_item_by_item(tmp_path):
    for name in ("disclosures", "guide", "statistics", "en", "pagefind"):
        (tmp_path / name).mkdir()
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    parts = (("2021/00001", "2021/00002"), ("2021/00003", "2022/00001"))
    first, second = search_index._whole_years(parts)
    assert search_index.language_globs(tmp_path, "zh", parts[0], primary=True, whole_years=first) == [
        "{disclosures/2021/00001/**/*.html,disclosures/2021/00002/**/*.html,"
        "{guide/**/*.html,index.html,statistics/**/*.html}}"]
    assert search_index.language_globs(tmp_path, "en", parts[1], primary=False, whole_years=second) == [
        "{en/disclosures/2022/**/*.html,en/disclosures/2021/00003/**/*.html}"]


def _catalogue(*published: tuple[str, str]) -> SimpleNamespace:
    """A stand-in catalogue of items ``(slug, year of 发布日期)``."""
    return SimpleNamespace(published=[SimpleNamespace(slug=slug, date_published=date(int(year), 3, 1))
                                      for slug, year in published])


def _recorded_runs(monkeypatch, megabytes: dict, own: int) -> tuple[list, threading.Event]:
    """Pagefind runs replaced by ones that wait for ``go`` and record which runs went on together."""
    going: list[str] = []
    together: list[tuple[str, ...]] = []
    lock, go = threading.Lock(), threading.Event()

    def run(site_dir, glob, bundle):
        name = ("en " if glob.startswith("{en/") else "zh ") + bundle
        with lock:
            going.append(name)
            together.append(tuple(sorted(going)))
        go.wait(5)
        threading.Event().wait(0.1)
        with lock:
            going.remove(name)
        (site_dir / bundle).mkdir(parents=True, exist_ok=True)
        return {"version": "1", "languages": {name[:2]: {"page_count": 1}}}

    monkeypatch.setattr(search_index, "_run_pagefind", run)
    monkeypatch.setattr(search_index, "run_megabytes", lambda catalogue, parts: megabytes)
    monkeypatch.setattr(search_index, "own_megabytes", lambda release=False: own)
    return together, go


def test_runs_go_one_at_a_time_until_the_pages_are_written_then_two_within_the_memory_left(monkeypatch, tmp_path):
    megabytes = {(0, "zh"): 700, (1, "zh"): 100, (2, "zh"): 600, (0, "en"): 700, (1, "en"): 100, (2, "en"): 600}
    together, go = _recorded_runs(monkeypatch, megabytes, own=600)  # 1536 - 96 - 600 = 840 MB for the runs
    indexer = search_index.Indexer(tmp_path, (("2025/00001",), ("2024/00001",), ("2023/00001",)), catalogue=object())
    indexer.index("zh")
    indexer.index("en")
    go.set()
    threading.Event().wait(0.25)
    assert together[:2] == [("zh pagefind/",), ("zh pagefind/parts/1/",)]  # one at a time while the build goes on
    summary = indexer.finish()
    assert summary.pages == {"en": 3, "zh": 3} and summary.bundles == 3
    assert len(together) == 6
    pairs = [names for names in together if len(names) == 2]
    assert pairs  # a second run went beside the first once the build waited
    part_of = {search_index.bundle_path(part): part for part in range(3)}
    for names in pairs:
        runs = [(part_of[name.split(" ")[1]], name[:2]) for name in names]
        assert runs[0][0] != runs[1][0]  # never both languages of one partition together
        assert sum(megabytes[run] for run in runs) <= 840


def test_no_second_run_goes_where_the_memory_left_is_too_small(monkeypatch, tmp_path):
    together, go = _recorded_runs(monkeypatch, {(0, "zh"): 700, (1, "zh"): 100, (0, "en"): 700, (1, "en"): 100},
                                  own=1300)
    indexer = search_index.Indexer(tmp_path, (("2025/00001",), ("2024/00001",)), catalogue=object())
    indexer.index("zh")
    indexer.index("en")
    go.set()
    indexer.finish()
    assert len(together) == 4 and all(len(names) == 1 for names in together)


def test_a_failed_run_stops_the_others_and_is_raised(monkeypatch, tmp_path):
    ran = []

    def run(site_dir, glob, bundle):
        ran.append(bundle)
        if bundle == search_index.bundle_path(1):
            raise search_index.BuildStepError(search_index.Text("失败", "failed"))
        return {"version": "1", "languages": {"zh": {"page_count": 1}}}

    monkeypatch.setattr(search_index, "_run_pagefind", run)
    indexer = search_index.Indexer(tmp_path, (("2025/00001",), ("2024/00001",), ("2023/00001",)))
    indexer.index("zh")
    with pytest.raises(search_index.BuildStepError, match="failed"):
        indexer.finish()
    assert ran == [search_index.bundle_path(0), search_index.bundle_path(1)]


def test_the_first_search_covers_the_newest_years_and_the_rest_waits(monkeypatch):
    monkeypatch.setenv(search_index.PARTITION_VARIABLE, "2")
    catalogue = _catalogue(("2021/00001", "2021"), ("2022/00001", "2022"), ("2023/00001", "2023"),
                           ("2024/00001", "2024"), ("2025/00001", "2025"))
    assert search.search_plan(catalogue) == search.SearchPlan(
        first=(0,), later=(1, 2), first_years=("2025", "2024"), later_years=("2023", "2022", "2021"))


def test_a_newest_year_larger_than_a_partition_is_searched_whole_at_first(monkeypatch):
    monkeypatch.setenv(search_index.PARTITION_VARIABLE, "2")
    catalogue = _catalogue(*[(f"2025/{n:05d}", "2025") for n in range(1, 4)], ("2024/00001", "2024"),
                           ("2023/00001", "2023"))
    assert search.search_plan(catalogue) == search.SearchPlan(
        first=(0, 1), later=(2,), first_years=("2025", "2024"), later_years=("2023",))


def test_the_search_page_merges_the_older_bundles_when_asked(monkeypatch):
    catalogue = _catalogue(("2022/00001", "2022"), ("2023/00001", "2023"), ("2024/00001", "2024"))
    monkeypatch.setenv(search_index.PARTITION_VARIABLE, "1")
    zh = search.search_fragment(FragmentContext(catalogue, None, "zh", "search/"))
    en = search.search_fragment(FragmentContext(catalogue, None, "en", "en/search/"))
    assert ('data-gk-bundle="../pagefind/" data-gk-root="../" data-gk-years="2024" '
            'data-gk-later="../pagefind/parts/1/ ../pagefind/parts/2/" data-gk-later-years="2023 2022">') in zh
    assert 'data-gk-later="../../pagefind/parts/1/ ../../pagefind/parts/2/"' in en
    assert ('<p data-gk-years-state="first" hidden>已显示 2024 年的结果。 <button type="button" '
            'data-gk-all-years>同时搜索 2022—2023 年的信息</button></p>') in zh
    assert '<p data-gk-years-state="all" tabindex="-1" hidden>已显示全部年份（2022—2024 年）的结果。</p>' in zh
    assert ('<p data-gk-years-state="first" hidden>Showing results from 2024. <button type="button" '
            'data-gk-all-years>Also search 2022–2023</button></p>') in en
    assert "Showing results from all years (2022–2024)." in en


def test_a_catalogue_in_one_bundle_has_no_notice(monkeypatch):
    catalogue = _catalogue(("2022/00001", "2022"), ("2023/00001", "2023"))
    html = search.search_fragment(FragmentContext(catalogue, None, "zh", "search/"))
    assert 'data-gk-bundle="../pagefind/" data-gk-root="../">' in html
    assert "gk-search-years" not in html and "data-gk-later" not in html


# -- a built site ------------------------------------------------------------------------

#: One item a year, each in its own partition: a word they all share and a word of their own, in both languages.
ITEMS = {
    "XMFAO/2022-00001": ("2022", "pangolinone", "Notice on pangolinone matters"),
    "XMFAO/2023-00001": ("2023", "pangolintwo", None),  # untranslated: only the Chinese index has its body
    "XMFAO/2024-00001": ("2024", "pangolinthree", "Notice on pangolinthree matters"),
}


@pytest.fixture(scope="module")
def partitioned(tmp_path_factory):
    """The site built with one item per partition, served under a sub-path (as on GitHub Pages)."""
    tmp = tmp_path_factory.mktemp("partitions")
    root = make_repo(tmp)
    for index_no, (year, word, english) in ITEMS.items():
        translation = (f"---\ntitle: {english}\nsummary: Summary {word}.\n---\n\nShared walrusword, {word}.\n"
                       if english else None)
        write_item(root, index_no, title=f"关于{word}的通知", summary=f"概述 {word}",
                   date_written=f"{year}-03-01", date_published=f"{year}-03-05",
                   body=f"共同词 穿山甲保护，本条 {word}。\n", translation=translation)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(search_index.PARTITION_VARIABLE, "1")
        result = build(root, tmp / "www" / "gongkai")
    assert result.returncode == 0, result.stdout + result.stderr
    with _serving(tmp / "www") as url:
        yield tmp / "www" / "gongkai", url + "gongkai/", result.stderr


@contextlib.contextmanager
def _serving(folder: Path):
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,),
                                     {"log_message": lambda *args: None}), directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def test_each_partition_is_a_bundle_with_both_languages_and_no_copy_of_the_search_code(partitioned):
    site, _, log = partitioned
    bundles = [site / "pagefind", site / "pagefind/parts/1", site / "pagefind/parts/2"]
    assert not (site / "pagefind/parts/3").exists()
    for bundle in bundles:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert sorted(entry["languages"]) == ["en", "zh"], bundle
    for bundle in bundles[1:]:
        assert not list(bundle.glob("*.js")) and not list(bundle.glob("wasm.*")), bundle
    assert (site / "pagefind/pagefind-component-ui.js").is_file()
    assert "in 3 bundles" in log and "of it after the pages were written" in log


def test_the_primary_bundle_holds_the_newest_year_and_the_pages_that_are_not_items(partitioned):
    site, _, _ = partitioned
    urls: dict[str, set[str]] = {}
    for path, data in pagefind_files(site).items():
        if "/fragment/zh_" in path:
            bundle = path.split("/fragment/")[0]
            urls.setdefault(bundle, set()).add(json.loads(data.removeprefix(b"pagefind_dcd"))["url"])
    items = {bundle: sorted(u for u in found if "/disclosures/" in u) for bundle, found in urls.items()}
    assert items == {"pagefind": ["/disclosures/2024/00001/"], "pagefind/parts/1": ["/disclosures/2023/00001/"],
                     "pagefind/parts/2": ["/disclosures/2022/00001/"]}
    assert any("/guide/" in u for u in urls["pagefind"]) and not any("/guide/" in u for u in urls["pagefind/parts/1"])


#: (page, query, the first search's items, every year's items, the notice before and after, in the page's language)
CASES = {
    "zh": ("search/", "穿山甲", ["2024/00001"], ["2022/00001", "2023/00001", "2024/00001"],
           "已显示 2024 年的结果。 同时搜索 2022—2023 年的信息", "已显示全部年份（2022—2024 年）的结果。"),
    "en": ("en/search/", "walrusword", ["2024/00001"], ["2022/00001", "2024/00001"],
           "Showing results from 2024. Also search 2022–2023", "Showing results from all years (2022–2024)."),
}
SHOTS = Path("/tmp/gk-search-years")
YEAR_FILTER = "return window.PagefindComponents.getInstanceManager().getInstance('default').availableFilters.year"


def _results(browser, base: str, page: str | None = None, query: str | None = None) -> tuple[str, list[str]]:
    """:func:`test_browser.results`, after opening ``page`` with ``?q=query`` if given, with the result list
    scrolled into view: a result loads when it is on screen, and on a phone the first may be just below."""
    if page:
        browser.get(f"{base}{page}?q={quote(query)}")
    WebDriverWait(browser, 30).until(lambda d: FINISHED.search(d.find_element(By.CSS_SELECTOR, "pagefind-summary").text))
    browser.execute_script("document.querySelector('pagefind-results').scrollIntoView({block: 'center'})")
    return results(browser, base)


def _summary(lang: str, count: int, query: str) -> str:
    return f"找到 {count} 个 {query} 的相关结果" if lang == "zh" else f"{count} result{'s' if count > 1 else ''} for {query}"


def _notice(browser) -> str:
    shown = [p for p in browser.find_elements(By.CSS_SELECTOR, ".gk-search-years [data-gk-years-state]")
             if p.is_displayed()]
    return " ".join(p.text for p in shown)


def _dark(browser) -> None:
    """The dark scheme, chosen with Material's palette toggle in the header."""
    browser.find_element(By.CSS_SELECTOR, "label[for='__palette_1']").click()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.body.dataset.mdColorScheme") == "slate")


def _contrast(browser, element) -> float:
    """The WCAG contrast of ``element``'s text against the page's background."""
    colours = browser.execute_script(
        "const c = (e, p) => getComputedStyle(e)[p].match(/[\\d.]+/g).slice(0, 3).map(Number);"
        "return [c(arguments[0], 'color'), c(document.body, 'backgroundColor')];", element)

    def luminance(rgb):
        lin = [(v / 255 / 12.92) if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((luminance(c) for c in colours), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_first_search_shows_the_newest_years_and_the_button_adds_the_others(partitioned, browser, lang, width,
                                                                                dark):
    _, base, _ = partitioned
    page, query, first, every, before, after = CASES[lang]
    prefix = "en/" if lang == "en" else ""
    browser.set_window_size(width, 900)
    browser.get(base)
    browser.execute_script("localStorage.clear()")  # no palette chosen yet: the light one
    try:
        summary, links = _results(browser, base, page, query)
        if dark:
            _dark(browser)
        assert (summary, sorted(links)) == (_summary(lang, len(first), query), [f"{prefix}disclosures/{s}/" for s in first])
        WebDriverWait(browser, 10).until(lambda d: _notice(d) == before)
        assert browser.execute_script(YEAR_FILTER) == {"2024": 1}
        button = browser.find_element(By.CSS_SELECTOR, "[data-gk-all-years]")
        assert _contrast(browser, button) >= 4.5 and _contrast(browser, button.find_element(By.XPATH, "..")) >= 4.5
        SHOTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(SHOTS / f"{lang}-{width}-{'dark' if dark else 'light'}-first.png"))
        # By keyboard: from the search field, Tab until the button has focus, then Enter.
        browser.execute_script("arguments[0].focus()", browser.find_element(By.CSS_SELECTOR, "pagefind-input input"))
        for _ in range(20):
            if browser.switch_to.active_element == button:
                break
            browser.switch_to.active_element.send_keys(Keys.TAB)
        assert browser.switch_to.active_element == button
        button.send_keys(Keys.ENTER)
        WebDriverWait(browser, 30).until(lambda d: _notice(d) == after)
        summary, links = _results(browser, base)
        assert (summary, sorted(links)) == (_summary(lang, len(every), query), [f"{prefix}disclosures/{s}/" for s in every])
        assert browser.switch_to.active_element.get_attribute("data-gk-years-state") == "all"  # focus not lost
        assert parse_qs(urlsplit(browser.current_url).query) == {"q": [query], "years": ["all"]}
        # the year filter now lists every year (2023 has no English text to match, hence 0 in English)
        assert browser.execute_script(YEAR_FILTER) == {y: int(f"{y}/00001" in every) for y in ("2022", "2023", "2024")}
        browser.save_screenshot(str(SHOTS / f"{lang}-{width}-{'dark' if dark else 'light'}-all.png"))
    finally:
        browser.execute_script("localStorage.clear()")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_address_asking_for_every_year_searches_them_at_once(partitioned, browser, lang):
    _, base, _ = partitioned
    page, query, _, every, _, after = CASES[lang]
    browser.get(f"{base}{page}?q={quote(query)}&years=all")
    summary, links = _results(browser, base)
    assert sorted(links) == [("en/" if lang == "en" else "") + f"disclosures/{s}/" for s in every], summary
    WebDriverWait(browser, 10).until(lambda d: _notice(d) == after)
    # typing another query keeps every year, and the address says so
    field = browser.find_element(By.CSS_SELECTOR, "pagefind-input input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("pangolinone")
    WebDriverWait(browser, 10).until(lambda d: "q=pangolinone" in d.current_url)
    assert _results(browser, base)[1] == [("en/" if lang == "en" else "") + "disclosures/2022/00001/"]
    assert "years=all" in browser.current_url


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_notice_wraps_at_twice_the_text_size_on_a_phone(partitioned, browser, lang):
    _, base, _ = partitioned
    browser.set_window_size(390, 900)
    browser.get(f"{base}{CASES[lang][0]}?q={quote(CASES[lang][1])}")
    WebDriverWait(browser, 30).until(lambda d: _notice(d) == CASES[lang][4])
    browser.execute_script("document.documentElement.style.fontSize = '250%'")  # Material's 125 %, doubled
    button = browser.find_element(By.CSS_SELECTOR, "[data-gk-all-years]")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    box = browser.execute_script(
        "const n = document.querySelector('.gk-search-years'), b = arguments[0].getBoundingClientRect();"
        "return [n.scrollWidth <= n.clientWidth, b.left >= n.getBoundingClientRect().left,"
        " b.right <= n.getBoundingClientRect().right, b.right <= document.documentElement.clientWidth]", button)
    SHOTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(SHOTS / f"{lang}-390-text200.png"))
    browser.execute_script("document.documentElement.style.fontSize = ''")
    assert box == [True, True, True, True]


@pytest.mark.parametrize("page, query", [("search/", "领事保护"), ("en/search/", "consular protection")])
def test_a_site_in_one_bundle_shows_no_notice(server, browser, page, query):
    summary, links = search_in(browser, server, page, query)
    assert links, summary
    assert not browser.find_elements(By.CSS_SELECTOR, ".gk-search-years")
    assert "years=" not in browser.current_url


def test_a_rebuild_with_fewer_partitions_leaves_no_stale_bundle(partitioned, tmp_path):
    site, _, _ = partitioned
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    search_index.build_index(copy)
    assert not (copy / "pagefind/parts").exists()


def test_searching_every_year_runs_under_the_policy(partitioned, tmp_path):
    """The button's merge (Pagefind's mergeIndex, in its worker) asks nothing the page's policy refuses,
    and nothing from another host."""
    _, base, _ = partitioned
    trap = trap_browser(tmp_path / "profile")
    try:
        visit(trap, f"{base}search/?q={quote('穿山甲')}")
        WebDriverWait(trap, 30).until(lambda d: _notice(d) == CASES["zh"][4])
        trap.find_element(By.CSS_SELECTOR, "[data-gk-all-years]").click()
        WebDriverWait(trap, 30).until(lambda d: _notice(d) == CASES["zh"][5])
        assert len(_results(trap, base)[1]) == 3
        assert caught(trap) == {"dialogs": [], "violations": [], "errors": [], "foreign": []}
    finally:
        trap.quit()
