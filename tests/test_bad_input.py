"""Every bad input an editor can make gets its own clear error, with its code, file, line and column,
in `gongkai check` and in `mkdocs build`, and never a traceback.

Each case is a hand-written fixture under tests/fixtures/bad/<case>/, laid out as under disclosures/
(each case uses its own item numbers, so all cases can also be put in one repository).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, build, make_repo

from gongkai.codes import CODES
from gongkai.loader import load_catalogue

BAD = FIXTURES / "bad"
D = "disclosures/2024/"

#: case -> every problem expected, as (code, path, line, column); line 0 means "the whole file".
CASES: dict[str, list[tuple[str, str, int, int]]] = {
    "encoding-gb18030": [("encoding", D + "00101.md", 3, 8)],
    "bom": [],
    "crlf": [],
    "no-front-matter": [("no-front-matter", D + "00103.md", 1, 1)],
    "empty-file": [("no-front-matter", D + "00150.md", 1, 1)],
    "no-front-matter-fullwidth-dashes": [("no-front-matter", D + "00104.md", 1, 1)],
    "unclosed-front-matter": [("unclosed-front-matter", D + "00105.md", 1, 1)],
    "unclosed-front-matter-dashes": [("unclosed-front-matter", D + "00106.md", 11, 1)],
    "yaml-syntax": [("yaml-syntax", D + "00107.md", 3, 8)],
    "yaml-syntax-missing-space": [("yaml-syntax", D + "00108.md", 3, 7)],
    "yaml-syntax-tab": [("yaml-syntax", D + "00143.md", 12, 1), ("yaml-syntax", D + "00143.md", 13, 1)],
    # Warnings: YAML reads these without complaint, but not as the editor meant.
    "yaml-comment": [("yaml-comment", D + "00144.md", 3, 8)],
    "fullwidth-comma": [("fullwidth-comma", D + "00145.md", 11, 12)],
    "not-a-mapping": [("not-a-mapping", D + "00109.md", 2, 1)],
    "fullwidth-colon": [("fullwidth-key", D + "00110.md", 3, 6)],
    "fullwidth-space": [("fullwidth-key", D + "00111.md", 5, 13)],
    "duplicate-key": [("duplicate-key", D + "00112.md", 4, 1)],
    "unknown-key": [("unknown-key", D + "00113.md", 3, 1)],
    "missing-key": [("missing-key", D + "00114.md", 1, 1)],
    "wrong-type-list": [("wrong-type", D + "00115.md", 3, 8)],
    "wrong-type-number-for-date": [("wrong-type", D + "00116.md", 5, 15)],
    "empty-value": [("empty-value", D + "00117.md", 4, 12)],
    "bad-date-impossible": [("bad-date", D + "00118.md", 5, 15)],
    "bad-date-chinese": [("bad-date", D + "00119.md", 6, 17)],
    "date-order": [("date-order", D + "00120.md", 6, 17)],
    "bad-index-no": [("bad-index-no", D + "00121.md", 2, 11)],
    "index-no-mismatch": [("index-no-mismatch", D + "00122.md", 2, 11)],
    # 00124.md is a copy of 00123.md with its index number unchanged: one error, on the copy.
    "copied-index-no": [("index-no-mismatch", D + "00124.md", 2, 11)],
    # Neither file is at the place of the number both give: each names the other.
    "duplicate-index-no": [("duplicate-index-no", D + "00147.md", 2, 1), ("duplicate-index-no", D + "00148.md", 2, 1),
                           ("index-no-mismatch", D + "00147.md", 2, 11), ("index-no-mismatch", D + "00148.md", 2, 11)],
    "unknown-value": [("unknown-value", D + "00125.md", 7, 11)],
    "repeal-incomplete": [("repeal-incomplete", D + "00126.md", 10, 1)],
    # interprets and related name published items only: nothing of an unpublished one may leak.
    "link-missing": [("link-missing", D + "00154.md", 11, 1)],
    "link-not-public": [("link-not-public", D + "00156.md", 11, 1)],
    "translation-orphan": [("translation-orphan", D + "00127.en.md", 1, 1)],
    "translation-conflict": [("translation-conflict", D + "00128.en.md", 4, 17)],
    "attachment-missing": [("attachment", D + "00129.md", 12, 11)],
    "attachment-outside-folder": [("attachment", D + "00130.md", 14, 11)],
    "attachment-type": [("attachment", D + "00131.md", 11, 22)],
    "attachment-too-large": [("attachment", D + "00132.md", 13, 11)],
    "unsafe-html": [("unsafe-html", D + "00133.md", 14, 1), ("unsafe-html", D + "00133.md", 15, 1),
                    ("external-image", D + "00133.md", 16, 6), ("unsafe-html", D + "00133.md", 16, 41), ("unsafe-html", D + "00133.md", 17, 8),
                    ("unsafe-html", D + "00133.md", 18, 19)],
    # Addresses are judged as a browser reads them: entities decoded, line breaks dropped, any case.
    "unsafe-url": [("unsafe-html", D + "00141.md", 14, 10), ("unsafe-html", D + "00141.md", 15, 11),
                   ("unsafe-html", D + "00141.md", 16, 10), ("unsafe-html", D + "00141.md", 18, 7),
                   ("unsafe-html", D + "00141.md", 18, 29), ("unsafe-html", D + "00141.md", 19, 1),
                   ("unsafe-html", D + "00141.md", 19, 21), ("unsafe-html", D + "00141.md", 20, 7)],
    # Relative addresses may only name a declared attachment (links to it work; see test_site_build).
    "broken-link": [("broken-link", D + "00142.md", 17, 5), ("broken-link", D + "00142.md", 18, 13),
                    ("broken-link", D + "00142.md", 19, 11), ("broken-link", D + "00142.md", 22, 6),
                    ("broken-link", D + "00142.md", 23, 10)],
    "control-character": [("control-character", D + "00134.md", 13, 7)],
    # Comments are not published but stay readable in the repository: a warning at each one.
    "html-comment": [("html-comment", D + "00151.md", 13, 7), ("html-comment", D + "00151.md", 15, 1)],
    # Images must be attachments: a browser would call the other host for every reader.
    "external-image": [("external-image", D + "00152.md", 14, 7), ("external-image", D + "00152.md", 15, 6)],
    "empty-body": [("empty-body", D + "00135.md", 12, 1)],
    "personal-data": [("personal-data", D + "00136.md", 14, 12), ("personal-data", D + "00136.md", 14, 36),
                      ("personal-data", D + "00136.md", 15, 6)],
    "personal-data-allowed": [],
    "personal-data-fullwidth": [("personal-data", D + "00146.md", 14, 9), ("personal-data", D + "00146.md", 14, 28)],
    "placeholder": [("placeholder", D + "00138.md", 3, 8), ("placeholder", D + "00138.md", 13, 1)],
    "bad-path": [("bad-path", D + "report.md", 0, 1)],
    "misnamed-extension": [("bad-path", D + "00139.md.txt", 0, 1)],
}

#: Codes that only warn: the item is still valid and published.
WARNING_CODES = {"yaml-comment", "fullwidth-comma", "html-comment"}


def _errors(expected) -> list:
    return [e for e in expected if e[0] not in WARNING_CODES]


#: case -> texts the messages or hints (zh or en) must contain: what is wrong and how to fix it.
SAYS: dict[str, list[str]] = {
    "encoding-gb18030": ["GB18030", f"iconv -f GB18030 -t UTF-8 {D}00101.md -o {D}00101.md", "UTF-8"],
    "no-front-matter-fullwidth-dashes": ["－－－", "---"],
    "empty-file": ["the file is empty", "文件是空的", "gongkai new"],
    "unclosed-front-matter-dashes": ["———", "line 11"],
    "yaml-syntax": ["quote opened here is never closed"],
    "yaml-syntax-missing-space": ["colon must be followed by a space"],
    "yaml-syntax-tab": ["line 12 starts with a Tab", "第 12 行以 Tab 键开头", "two spaces: '  - 春节'",
                        "换成两个空格：“  - 春节”"],
    "yaml-comment": ["YAML reads '#2 号通知' as a comment, leaving '关于春节'", '"关于春节 #2 号通知"',
                     "YAML 把 “#2 号通知” 当作注释，值只剩 “关于春节”"],
    "fullwidth-comma": ["'春节，办公时间' became a single entry", "keywords: [春节, 办公时间]", "全角逗号“，”不分隔列表项"],
    "fullwidth-colon": ["：", "title: …"],
    "fullwidth-space": ["U+3000", "date_written: …"],
    "duplicate-key": ["first on line 3"],
    "unknown-key": ["titel", "Did you mean 'title'?"],
    "missing-key": ["category", "category: plans-and-reports"],
    "wrong-type-list": ["must be a text; got a list"],
    "wrong-type-number-for-date": ["a date (YYYY-MM-DD); got the number 2024"],
    "empty-value": ["doc_number", "delete the line"],
    "bad-date-impossible": ["2024-02-30 is not a real date", "February has no 30th"],
    "bad-date-chinese": ["2024年3月5日", "date_published: 2024-03-05"],
    "date-order": ["date_published 2024-02-01 is before date_written 2024-03-01"],
    "bad-index-no": ["XMFAO-2024-00121", "XMFAO/<year>-<5-digit number>"],
    "index-no-mismatch": ["XMFAO/2024-00222", f"{D}00222.md", "XMFAO/2024-00122"],
    "copied-index-no": [f"index number XMFAO/2024-00123 belongs to {D}00123.md, not to this file {D}00124.md",
                        f"是 {D}00123.md 的", "Change the index number to the one of this file's place: XMFAO/2024-00124",
                        "把索引号改为与文件位置一致的 XMFAO/2024-00124"],
    "duplicate-index-no": [f"already used by {D}00147.md", f"also used by {D}00148.md", f"expected {D}00149.md"],
    "unknown-value": ["通知公告", "Did you mean 'notices'?", "Allowed values: plans-and-reports (计划总结)"],
    "repeal-incomplete": ["repealed_on"],
    "link-missing": ["interprets names XMFAO/2024-00999, which is not an item in this repository"],
    "link-not-public": ["disclosed as 'on-request', never published", "会泄露未公开的信息"],
    "translation-orphan": [f"Add the Chinese original {D}00127.md"],
    "translation-conflict": ["2024-03-15", "2024-03-05"],
    "attachment-missing": ["00129-budget.pdf", "does not exist"],
    "attachment-outside-folder": ["../../catalogue.yml", "not in the item's folder"],
    "attachment-type": [".exe", "Allowed types: doc, docx"],
    "attachment-too-large": ["20971521 bytes", "20971520"],
    "unsafe-html": ["<script>", "<iframe>", "onerror=", "javascript:", "onclick="],
    "html-comment": ["注释不会发布", "anyone can read them in the public repository", "pull request's description"],
    "external-image": ["tracker.example.net", "attach", "every reader's browser would call that site"],
    "unsafe-url": ["'javascript:'", "'data:'", "'vbscript:'", "only http, https, mailto and tel",
                   "只允许 http、https、mailto 和 tel"],
    "broken-link": ["image address '00142-map.png' does not exist on the site", "'../2023/00001.md'",
                    "attachments (00142-schedule.pdf)", "full address starting with https://",
                    "Write the link inline: [text](00142-schedule.pdf)", "本条目的附件（00142-schedule.pdf）"],
    "control-character": ["U+000B", "line 13, column 7"],
    "empty-body": ["body is empty"],
    "personal-data": ["resident ID number: '350203199003071236'", "mobile phone number: '139 1234 5678'",
                      "bank card number: '6217001234567890122'", 'personal_data_allowed: ["139 1234 5678"]'],
    "placeholder": ["【待填写：标题 / Title】", "【待填写：正文 / body】"],
    "personal-data-fullwidth": ["mobile phone number: '１３９\u3000１２３４\u3000５６７８'",
                                "resident ID number: '３５０２０３１９９００３０７１２３６'",
                                "须经保密审查和本机关负责人审核同意", "confidentiality review approved by the office's head"],
    "bad-path": ["report.md", "disclosures/<year>/<5-digit number>.md"],
    "misnamed-extension": ["00139.md.txt", "File name extensions"],
}


def _install(case: str, content: Path) -> None:
    """Copy a case's fixture files into ``content`` (a disclosures/ folder)."""
    shutil.copytree(BAD / case, content, dirs_exist_ok=True)
    if case == "attachment-too-large":
        # One byte over catalogue.yml's limit (20 MiB); sparse, so it costs nothing on disk.
        with open(content / "2024" / "00132-scan.pdf", "wb") as file:
            file.truncate(20 * 1024 * 1024 + 1)


def _repo(tmp_path: Path, cases) -> Path:
    root = make_repo(tmp_path)
    for case in cases:
        _install(case, root / "disclosures")
    return root


def _found(problems) -> list[tuple[str, str, int, int]]:
    return sorted((p.code, p.path, p.line, p.column) for p in problems)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_gets_its_own_error(tmp_path: Path, case: str):
    root = _repo(tmp_path, [case])
    catalogue, problems = load_catalogue(root)
    assert _found(problems) == sorted(CASES[case]), problems.report()
    assert sorted(p.severity for p in problems) == sorted(
        "warning" if e[0] in WARNING_CODES else "error" for e in CASES[case])
    if _errors(CASES[case]):
        assert catalogue is None  # nothing is built from sources with errors
    else:
        assert catalogue is not None and len(catalogue.items) == 1
    said = "\n".join(f"{p.message.zh}\n{p.message.en}\n{p.hint.zh}\n{p.hint.en}" for p in problems)
    for text in SAYS.get(case, []):
        assert text in said, f"{case}: {text!r} not in\n{said}"
    for problem in problems:  # both languages, always
        assert problem.message.zh and problem.message.en and problem.hint.zh and problem.hint.en


def test_every_item_code_has_a_fixture():
    # Statistics files have their own codes (stats-*), covered in test_statistics_errors.py; annual reports'
    # (report-*) in test_annual_reports.py.
    tested = ({code for expected in CASES.values() for code, *_ in expected} | {"catalogue-config"}
              | {"unrecorded-change"})  # needs git history: tests/test_history.py
    assert tested == {code for code in CODES if not code.startswith(("stats-", "report-"))}


def test_an_id_number_hint_never_offers_a_line_to_paste(tmp_path: Path):
    root = _repo(tmp_path, ["personal-data", "personal-data-fullwidth"])
    _, problems = load_catalogue(root)
    hints = {p.message.en.split(":")[0]: p.hint for p in problems}
    assert set(hints) == {"this looks like a resident ID number", "this looks like a mobile phone number",
                          "this looks like a bank card number"}
    for hint in (hints["this looks like a resident ID number"].zh, hints["this looks like a resident ID number"].en):
        assert "personal_data_allowed: [" not in hint and "350203********1236" in hint
    assert 'personal_data_allowed: ["' in hints["this looks like a mobile phone number"].en


def test_accepted_inputs_load_as_written(tmp_path: Path):
    root = _repo(tmp_path, ["bom", "crlf", "personal-data-allowed"])
    catalogue, problems = load_catalogue(root)
    assert not problems, problems.report()
    titles = {i.number: i.title for i in catalogue.items}
    assert titles == {"00102": "带字节顺序标记的条目", "00140": "使用 Windows 换行符的条目",
                      "00137": "关于开通领事保护咨询热线的公告"}
    assert next(i for i in catalogue.items if i.number == "00140").body == "正文第一段。\n"


def test_broken_catalogue_yml_names_its_lines(tmp_path: Path):
    root = make_repo(tmp_path)
    shutil.copy(BAD / "catalogue-config" / "catalogue.yml", root / "disclosures" / "catalogue.yml")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    assert _found(problems) == [("catalogue-config", "disclosures/catalogue.yml", 21, 10),
                                ("catalogue-config", "disclosures/catalogue.yml", 28, 1)]
    report = problems.report()
    assert "'feeds.limit' must be a whole number; got 'fifty'." in report
    assert "“feeds.limit” 应为整数，实际是 “fifty”。" in report
    assert "'vocabularies.category.notices' needs both a non-empty zh and en text; got {zh: 通知公告}." in report


def test_catalogue_yml_keys_prefix_and_repeats_each_on_their_own_line(tmp_path: Path):
    root = make_repo(tmp_path)
    shutil.copy(BAD / "catalogue-config-keys" / "catalogue.yml", root / "disclosures" / "catalogue.yml")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    assert [(p.code, p.line, p.key) for p in problems] == [
        ("catalogue-config", 5, "office.name"),  # the entry's own line, not office:'s
        ("catalogue-config", 19, "index_prefix"),
        ("catalogue-config", 29, "vocabularies.category.Consular_Protection"),
        ("catalogue-config", 32, "vocabularies.category.all"),
        ("catalogue-config", 35, "vocabularies.category.领事服务"),
        ("duplicate-key", 38, "vocabularies.category.notices"),
    ]
    said = "\n".join(f"{p.message.zh}\n{p.message.en}\n{p.hint.zh}\n{p.hint.en}" for p in problems)
    for text in ("got {zh: 厦门市人民政府外事办公室}", "实际是 {zh: 厦门市人民政府外事办公室}",
                 "index_prefix must be ASCII letters, digits or hyphens; got '厦门外办'", "实际是 “厦门外办”",
                 "the key 'Consular_Protection' may only have lower-case ASCII letters", "键 “领事服务” 只能用小写英文字母",
                 "reserved key 'all' (feeds/all.* are the feeds of every item)",
                 "key 'notices' appears twice in 'vocabularies.category' (first on line 26)"):
        assert text in said, text


# -- everything at once: the command line and the MkDocs build ----------------------------------------

@pytest.fixture(scope="module")
def all_bad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One repository with every bad case in it."""
    return _repo(tmp_path_factory.mktemp("all-bad"), sorted(CASES))


def _gongkai(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gongkai.cli", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _locations() -> list[str]:
    return [f"{path}:{max(line, 1)}:{column}: {code}" for expected in CASES.values()
            for code, path, line, column in expected]


def test_check_reports_every_problem_and_exits_1(all_bad: Path):
    result = _gongkai("check", cwd=all_bad)
    assert result.returncode == 1
    for location in _locations():
        assert location in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    errors = sum(len(_errors(expected)) for expected in CASES.values())
    warnings = sum(len(expected) for expected in CASES.values()) - errors
    assert warnings == 4 and f"Found {errors} error(s) and {warnings} warning(s)." in result.stderr


def test_check_github_format_annotates_each_line(all_bad: Path):
    result = _gongkai("check", "--format", "github", cwd=all_bad)
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == sum(len(_errors(expected)) for expected in CASES.values())
    assert f"::warning file={D}00144.md,line=3,col=8,title=yaml-comment (title)::" in result.stdout
    assert f"::error file={D}00118.md,line=5,col=15,title=bad-date (date_written)::" in result.stdout
    assert "%0AHow to fix: Check the month and day" in result.stdout


def test_check_given_files_reports_only_them(all_bad: Path):
    result = _gongkai("check", f"{D}00103.md", f"{D}00118.md", cwd=all_bad)
    assert result.returncode == 1
    reported = sorted(line.split(": ")[0] for line in result.stderr.splitlines() if line.startswith(D))
    assert reported == [f"{D}00103.md:1:1", f"{D}00118.md:5:15"]
    clean = _gongkai("check", f"{D}00102.md", cwd=all_bad)  # the BOM file is fine
    assert clean.returncode == 0 and "All clear" in clean.stdout


def test_check_refuses_paths_it_cannot_check(all_bad: Path, tmp_path: Path):
    missing = _gongkai("check", f"{D}99999.md", cwd=all_bad)
    outside = _gongkai("check", str(tmp_path), cwd=all_bad)
    no_repo = _gongkai("check", cwd=tmp_path)
    not_an_item = _gongkai("check", "mkdocs.yml", cwd=all_bad)
    attachment = _gongkai("check", f"{D}00129.md", f"{D}00131-form.exe", cwd=all_bad)
    for result, says in ((missing, "does not exist"), (outside, "outside the repository"),
                         (no_repo, "no disclosures folder"), (not_an_item, "mkdocs.yml is not an item file"),
                         (not_an_item, "mkdocs.yml 不是条目文件"), (attachment, "00131-form.exe is not an item file")):
        assert result.returncode == 2 and says in result.stderr
        assert "Traceback" not in result.stderr and "All clear" not in result.stdout


def test_check_is_clean_on_good_sources(tmp_path: Path):
    result = _gongkai("check", cwd=make_repo(tmp_path, seed=True))
    assert result.returncode == 0
    assert "All clear: 1 item(s) checked, no problems." in result.stdout


def test_check_on_the_repository_itself_is_clean():
    result = _gongkai("check", cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_parallel_loading_gives_the_same_result(all_bad: Path):
    serial = load_catalogue(all_bad, workers=1, partial=True)
    parallel = load_catalogue(all_bad, workers=2, partial=True)
    assert [p for p in serial[1]] == [p for p in parallel[1]]
    assert serial[0].items == parallel[0].items


def test_mkdocs_build_fails_cleanly_and_writes_nothing(all_bad: Path, tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site that is online now", encoding="utf-8")
    result = build(all_bad, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "the content has errors, nothing was built" in output
    for location in _locations():
        assert location in output
    # The previous site is left exactly as it was: no half-built pages, nothing deleted.
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site that is online now"


def test_mkdocs_build_of_a_single_yaml_error_names_file_and_line(tmp_path: Path):
    root = _repo(tmp_path, ["yaml-syntax"])
    result = build(root)
    assert result.returncode != 0
    assert f"{D}00107.md:3:8: yaml-syntax" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (root / "site").exists()


# -- nothing crashes -------------------------------------------------------------------------------------

NASTY = {
    "empty file": b"",
    "only a fence": b"---\n",
    "empty front matter": b"---\n---\n\nbody\n",
    "byte-order mark only": b"\xef\xbb\xbf",
    "binary": bytes(range(256)) * 4,
    "nul in a key": b"---\nti\x00tle: x\n---\nbody\n",
    "yaml tag that fails": b"---\ntitle: !!int x\n---\nbody\n",
    "python tag": b"---\ntitle: !!python/object/apply:os.system [echo]\n---\nbody\n",
    "complex key": b"---\n? [a, b]\n: 1\n---\nbody\n",
    "undefined alias": b"---\ntitle: *x\n---\nbody\n",
    "merge key": b"---\nbase: &b {title: x}\n<<: *b\n---\nbody\n",
    "bad merge": b"---\n<<: 3\n---\nbody\n",
    "scalar front matter": "---\n只有一句话\n---\nbody\n".encode(),
    "number keys": b"---\n1: 2\nnull: 3\ntrue: 4\n---\nbody\n",
    "deep nesting": b"---\ntitle: " + b"[" * 500 + b"]" * 500 + b"\n---\nbody\n",
    "attachment name with nul": b"---\nattachments: [{file: \"a\\0.pdf\", title: x}]\n---\nbody\n",
    "attachment name too long": b"---\nattachments: [{file: " + b"a" * 5000 + b".pdf, title: x}]\n---\nbody\n",
    "attachments as mapping": b"---\nattachments: {file: a.pdf}\n---\nbody\n",
    "surrogate escape": b"---\ntitle: \"\\ud800\"\n---\nbody\n",
    "lone carriage returns": b"---\rtitle: x\r---\rbody\r",
    "windows-1252": "---\ntitle: caf\xe9\n---\nbody\n".encode("cp1252"),
}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nothing_crashes(tmp_path: Path, name: str):
    root = make_repo(tmp_path)
    path = root / "disclosures" / "2024" / "00001.md"
    path.parent.mkdir()
    path.write_bytes(NASTY[name])
    catalogue, problems = load_catalogue(root)  # must not raise
    assert catalogue is None and problems.errors
    assert all(p.path == "disclosures/2024/00001.md" and p.code in CODES for p in problems)
    problems.report()
    for problem in problems:
        problem.format_github()


def test_a_translation_shares_its_originals_allow_list(tmp_path: Path):
    root = _repo(tmp_path, ["personal-data-allowed"])
    translation = root / "disclosures/2024/00137.en.md"
    translation.write_text("---\ntitle: Consular protection hotline\n---\n\nDuty mobile: 13912345678.\n"
                           "Old number: 13812345678.\n", encoding="utf-8")
    catalogue, problems = load_catalogue(root)
    assert _found(problems) == [("personal-data", D + "00137.en.md", 6, 13)]


def test_placeholders_in_a_draft_warn_and_stay_unpublished(tmp_path: Path):
    from datetime import date

    from conftest import write_item

    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", title="【待填写：标题 / Title】", draft="true", body="【待填写：正文 / body】\n")
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert [(p.line, p.code, p.severity) for p in problems] == [
        (3, "placeholder", "warning"), (14, "placeholder", "warning")]
    assert catalogue is not None and catalogue.published == ()


def test_placeholders_without_draft_stop_everything(tmp_path: Path):
    from datetime import date

    from conftest import write_item

    root = make_repo(tmp_path)
    write_item(root, "XMFAO/2024-00001", body="【待填写：正文 / body】\n")
    catalogue, problems = load_catalogue(root, today=date(2024, 6, 1))
    assert catalogue is None
    assert [(p.line, p.code, p.severity) for p in problems] == [(13, "placeholder", "error")]


def test_catalogue_yml_keys_are_read_against_its_schema(tmp_path: Path):
    """catalogue.yml's fixed keys are declared (gongkai.config_schema) and read by the one field reader: a
    misspelt key anywhere is reported with the key meant, never silently ignored; a missing one with an example."""
    root = make_repo(tmp_path)
    path = root / "disclosures" / "catalogue.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nfeeds:\n", "\nfeed:\n", 1).replace("  short_name:\n", "  shortname:\n", 1)
    path.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    catalogue, problems = load_catalogue(root)
    assert catalogue is None
    found = [(p.code, p.line, p.key, p.message.zh, p.message.en, p.hint.en if p.hint else "") for p in problems]
    assert found == [
        ("catalogue-config", lines.index("office:") + 1, "office.short_name", "office缺少必填字段 “short_name”。",
         "office lacks the required key 'short_name'.", "Add a line, e.g. short_name: {zh: 市外办, en: Xiamen FAO}"),
        ("catalogue-config", lines.index("  shortname:") + 1, "office.shortname",
         "office中有未知字段 “shortname”。是否想写 “short_name”？",
         "office has an unknown key 'shortname'. Did you mean 'short_name'?", "Rename 'shortname' to 'short_name'."),
        ("catalogue-config", lines.index("feed:") + 1, "feed", "catalogue.yml中有未知字段 “feed”。是否想写 “feeds”？",
         "catalogue.yml has an unknown key 'feed'. Did you mean 'feeds'?", "Rename 'feed' to 'feeds'."),
    ]
