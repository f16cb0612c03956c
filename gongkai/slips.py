"""Editor slips: the usual typing and input-method mistakes in front matter, found and explained.

A Chinese input method types a full-width colon or space where YAML needs ``: ``; a Tab indents a
line; a ``#`` starts a comment in the middle of a title; ``———`` stands where ``---`` belongs. YAML
either fails with a message no editor understands or reads something else than was meant. The
reader (:mod:`gongkai.source`) calls these functions at the point it meets such a slip; the
checkers tell it, with :class:`KeyHints`, what the keys of the file being read are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import yaml

from .problems import Problems
from .text import Text


@dataclass(frozen=True)
class KeyHints:
    """What a kind of file's keys are, for better explanations (the checkers' schemas give them)."""

    keys: frozenset[str] = frozenset()
    """The top-level keys (written with no indentation)."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """Chinese label → key, for a key written in Chinese (``标题：``)."""
    wordy: frozenset[str] = frozenset()
    """Keys whose values are words, where a ``#`` or a ``，`` is likely part of the text."""


NO_HINTS = KeyHints()


_FULLWIDTH_IN_KEY = re.compile(r"^(?P<key>(?:[^\s:：#\-][^:：]*?)?)(?P<bad>：|\u3000)")


FULLWIDTH_CHARS = re.compile("[：\u3000]")


_FULLWIDTH_AFTER_COLON = re.compile(r"^(?P<key>[^\s:：#\-][^:：\s]*):(?P<bad>\u3000)")


#: A line that was probably meant as a fence: full-width or typographic dashes, or indented.
NEAR_FENCE = re.compile(r"^[ \t\u3000]*(?:[-－—–─ー][ \t\u3000]*){3,}$")


def near_fence(rel: str, index: int, line: str, code: str, problems: Problems,
                       lead: Text = Text("", "")) -> None:
    """Line ``index`` looks like a fence typed with another character (———, －－－, a leading space)."""
    problems.add(rel, index + 1, code,
                 Text(f"{lead.zh}第 {index + 1} 行 “{line.strip()}” 应为三个半角减号 ---。",
                      f"{lead.en}line {index + 1} '{line.strip()}' must be three ASCII hyphens --- alone."),
                 Text("把这一行改为 ---（切换到英文输入法，行首不留空格）。",
                      "Change the line to --- (switch the input method to English; no spaces before it)."))


def explain_yaml_failure(rel: str, header: str, first_line: int, problems: Problems,
                         hints: KeyHints) -> bool:
    """After YAML failed: report the usual input-method slips, which explain the failure better."""
    fullwidth = _report_fullwidth_keys(rel, header, first_line, problems, hints)
    tabs = _report_tabs(rel, header, first_line, problems, hints)
    return _report_missing_space(rel, header, first_line, problems) or fullwidth or tabs


def _report_tabs(rel: str, header: str, first_line: int, problems: Problems, hints: KeyHints) -> bool:
    """After YAML failed: lines indented with a Tab (YAML indents with spaces only)."""
    found = False
    for offset, raw in enumerate(header.split("\n")):
        if "\t" in raw[:len(raw) - len(raw.lstrip())]:
            line, text = first_line + offset, raw.strip()
            top = text.split(":", 1)[0] in hints.keys  # a key: no indentation at all
            problems.add(rel, line, "yaml-syntax",
                         Text(f"第 {line} 行以 Tab 键开头：文件头的缩进只能用空格。",
                              f"line {line} starts with a Tab: the front matter is indented with spaces only."),
                         Text(f"删除行首的 Tab，字段名顶格写：“{text}”。", f"Delete the Tab: keys start the line: '{text}'.")
                         if top else Text(f"把行首的 Tab 换成两个空格：“  {text}”。",
                                          f"Replace the Tab at the start of the line with two spaces: '  {text}'."))
            found = True
    return found


def silent_slips(rel: str, header: str, meta: Mapping[str, Any], problems: Problems, hints: KeyHints) -> None:
    """Values YAML read without complaint but not as the editor meant: cut by a `#`, or a list
    whose entries were separated with a full-width comma. Warnings: the value is still valid."""
    lines = header.split("\n") if "#" in header else None  # no '#', no comment (the rest of a line)
    for key, value in meta.items():
        if value.node is None or key not in hints.wordy:
            continue
        for node in _scalars(value.node) if lines is not None else ():
            rest = lines[node.end_mark.line][node.end_mark.column:] if not node.style else ""  # plain only
            if _COMMENT_AFTER.match(rest):
                _report_comment(rel, key, node, rest.strip(), value, problems)
        if isinstance(value.node, yaml.SequenceNode) and value.node.flow_style:
            for node in value.node.value:
                if isinstance(node, yaml.ScalarNode) and "，" in node.value:
                    _report_fullwidth_comma(rel, key, node, value, problems)


_COMMENT_AFTER = re.compile(r"\s+#")


def _scalars(node: yaml.Node):
    """Every scalar node in ``node`` (itself, list entries, mapping values)."""
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _scalars(child)
    elif isinstance(node, yaml.MappingNode):
        for _, child in node.value:
            yield from _scalars(child)


def _report_comment(rel: str, key: str, node: yaml.ScalarNode, comment: str, value: Any, problems: Problems) -> None:
    whole = f"{node.value} {comment}".replace('"', '\\"')
    problems.add(rel, value.line_of(node), "yaml-comment",
                 Text(f"“{key}” 的值在 # 处被截断：YAML 把 “{comment}” 当作注释，值只剩 “{node.value}”。",
                      f"the value of '{key}' is cut at the #: YAML reads '{comment}' as a comment, "
                      f"leaving '{node.value}'."),
                 Text(f"如果 # 是值的一部分，给整个值加引号：\"{whole}\"；注释请单独写一行。",
                      f'If the # belongs to the value, put the whole value in quotes: "{whole}"; '
                      "write comments on a line of their own."),
                 key=key, column=node.start_mark.column + 1, severity="warning")


def _report_fullwidth_comma(rel: str, key: str, node: yaml.ScalarNode, value: Any, problems: Problems) -> None:
    entries = ", ".join(part.strip() for part in node.value.split("，") if part.strip())
    problems.add(rel, value.line_of(node), "fullwidth-comma",
                 Text(f"“{key}” 列表中的 “{node.value}” 成了一项：全角逗号“，”不分隔列表项。",
                      f"'{key}': '{node.value}' became a single entry: the full-width comma '，' does not "
                      "separate list entries."),
                 Text(f"改用半角逗号加空格（切换到英文输入法）：{key}: [{entries}]",
                      f"Use an ASCII comma and a space (switch the input method to English): {key}: [{entries}]"),
                 key=key, column=node.start_mark.column + 1, severity="warning")


#: PyYAML's usual complaints, explained for editors (matched on the start of the problem text).
_YAML_EXPLAINED: tuple[tuple[str, str, str], ...] = (
    ("found unexpected end of stream", "引号没有配对：这里开始的引号到文件头结束都没有闭合。",
     "a quote opened here is never closed before the end of the front matter."),
    ("found unknown escape character", "双引号中的反斜杠 \\ 后跟了不认识的字符：把 \\ 写成 \\\\，或改用单引号。",
     "a backslash inside double quotes starts an unknown escape: write \\\\ or use single quotes."),
    ("did not find expected ',' or ']'", "方括号 [ ] 列表没有闭合，或列表项之间缺少逗号。",
     "a [ ] list is not closed, or a comma is missing between its entries."),
    ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或其中缺少逗号。",
     "a { } mapping is not closed, or a comma is missing in it."),
    ("found a tab character", "缩进用了 Tab 键：请改用空格。", "a tab is used for indentation: use spaces."),
    ("found character '\\t' that cannot start", "缩进用了 Tab 键：请改用空格。",
     "a tab is used for indentation: use spaces."),
    ("found character that cannot start any token", "值以 YAML 的保留字符（@、` 、%、Tab 等）开头：请给整个值加引号。",
     "the value starts with a character YAML reserves (@, `, %, a tab…): put the value in quotes."),
    ("mapping values are not allowed", "这一行多了一个冒号，或缩进不对：含冒号的值请加引号，字段名顶格写。",
     "an extra colon, or wrong indentation: quote values that contain a colon; keys start at the line's beginning."),
    ("could not find expected ':'", "这一行缺少“字段: 值”中的冒号，或上一行的值没有写完。",
     "this line has no `key: value` colon, or the line before it is unfinished."),
    ("did not find expected key", "这一行的格式不对：值写了一半又加了内容，或缩进不一致；含引号的值整体加引号。",
     "this line is not a `key: value`: text after a quoted value, or inconsistent indentation."),
    ("did not find expected '-' indicator", "列表项要以“- ”开头，并与上一项对齐。",
     "list entries start with '- ' and line up with the entry above."),
    ("found undefined alias", "值以 * 开头会被当作引用：请给整个值加引号。",
     "a value starting with * is read as an alias: put the value in quotes."),
    ("found duplicate anchor", "值以 & 开头会被当作锚点：请给整个值加引号。",
     "a value starting with & is read as an anchor: put the value in quotes."),
    ("could not determine a constructor", "不能使用以 ! 开头的 YAML 标签：请删除它或给值加引号。",
     "YAML tags starting with ! are not allowed: remove the tag or quote the value."),
    ("found unhashable key", "字段名必须是一个词，不能是列表或映射。", "a key must be a word, not a list or mapping."),
)


def yaml_error(rel: str, first_line: int, exc: yaml.MarkedYAMLError, problems: Problems) -> None:
    problem = exc.problem or exc.context or "syntax error"
    mark = exc.problem_mark or exc.context_mark
    if problem.startswith("found unexpected end of stream") and exc.context_mark is not None:
        mark = exc.context_mark  # point at the quote that was opened, not at the end of the file
    line = first_line + (mark.line if mark else 0)
    column = (mark.column + 1) if mark else 1
    zh, en = next(((z, e) for start, z, e in _YAML_EXPLAINED if problem.startswith(start)),
                  (f"请检查这一行的写法。（{problem}）", f"check how this line is written. ({problem})"))
    problems.add(rel, line, "yaml-syntax", Text(f"第 {line} 行 YAML 格式错误：{zh}", f"YAML error on line {line}: {en}"),
                 column=column)


#: ``title:测试``: a key, an ASCII colon and no space, which YAML reads as one word.
_MISSING_SPACE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?=[^\s/:])")


def _report_missing_space(rel: str, header: str, first_line: int, problems: Problems) -> bool:
    """After YAML failed: report ``key:value`` lines (no space after the colon), the usual cause."""
    found = False
    for offset, raw in enumerate(header.split("\n")):
        match = _MISSING_SPACE.match(raw)
        if match:
            key = match.group("key")
            problems.add(rel, first_line + offset, "yaml-syntax",
                         Text(f"字段 “{key}” 的冒号后面缺少空格。", f"key '{key}': the colon must be followed by a space."),
                         Text(f"改为 “{key}: …”（冒号后加一个空格）。", f"Write '{key}: …' (a space after the colon)."),
                         key=key, column=match.end() + 1)
            found = True
    return found


def _report_fullwidth_keys(rel: str, header: str, first_line: int, problems: Problems,
                           hints: KeyHints) -> bool:
    """Lines whose key is followed by a full-width colon or space (``标题：``, ``title:　x``)."""
    found = False
    for offset, raw in enumerate(header.split("\n")):
        if raw.startswith((" ", "\t", "-", "#")):
            continue
        match = _FULLWIDTH_IN_KEY.match(raw) or _FULLWIDTH_AFTER_COLON.match(raw)
        if match and ":" not in match.group("key"):
            fullwidth_key(rel, match.group("key") + match.group("bad"), first_line + offset,
                                  match.start("bad") + 1, problems, hints)
            found = True
    return found


def fullwidth_key(rel: str, raw_key: str, line: int, column: int, problems: Problems,
                  hints: KeyHints) -> str:
    """Report a key written with full-width characters; returns the key without them."""
    key = FULLWIDTH_CHARS.sub("", raw_key).strip()
    bad = FULLWIDTH_CHARS.search(raw_key).group()  # type: ignore[union-attr]
    name = "全角冒号“：”" if bad == "：" else "全角空格"
    name_en = "a full-width colon '：'" if bad == "：" else "a full-width space (U+3000)"
    english = hints.labels.get(key, key)
    also = Text(f"字段名须用英文：{key} 应写作 {english}。", f" Keys are English: write {english}, not {key}.") \
        if english != key else Text("", "")
    problems.add(rel, line, "fullwidth-key",
                 Text(f"字段 “{key}” 旁边用了{name}。", f"key '{key}' is written with {name_en}."),
                 Text(f"改为半角冒号加空格：“{english}: …”（切换到英文输入法）。{also.zh}",
                      f"Write an ASCII colon and a space: '{english}: …' (switch the input method to English).{also.en}"),
                 column=column, key=key or None)
    return key
