"""Reading a Markdown file with YAML front matter, keeping line numbers.

:func:`read_source` never raises on bad input: it returns a
:class:`SourceDocument` (possibly partial) and reports what is wrong to a
:class:`~gongkai.problems.Problems` collector, with the file and line.
Unlike python-frontmatter it refuses front matter that is not a mapping, and
unlike MkDocs it never swallows a YAML error.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems
from .schema import FIELDS, FIELDS_BY_KEY
from .text import Text

_LoaderBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_LoaderBase):  # type: ignore[misc, valid-type]
    """Safe YAML that keeps timestamps as text, so dates are checked by us with clear messages.

    Its resolver answers "text" at once for a plain scalar whose first character starts none of
    YAML's implicit types (most Chinese values): the same answer as PyYAML's, found faster.
    """

    def resolve(self, kind, value, implicit):  # type: ignore[no-untyped-def]
        if kind is yaml.ScalarNode and implicit[0] and value and value[0] not in _IMPLICIT_FIRST:
            return "tag:yaml.org,2002:str"
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node, current_index):  # type: ignore[no-untyped-def]
        pass  # no path resolvers are registered

    def ascend_resolver(self):  # type: ignore[no-untyped-def]
        pass


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
#: First characters for which PyYAML's resolver may find a type other than text.
_IMPLICIT_FIRST = frozenset(k for k in _Loader.yaml_implicit_resolvers if k)
assert None not in _Loader.yaml_implicit_resolvers and not _Loader.yaml_path_resolvers

_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_FULLWIDTH_IN_KEY = re.compile(r"^(?P<key>(?:[^\s:：#\-][^:：]*?)?)(?P<bad>：|\u3000)")
_FULLWIDTH_CHARS = re.compile("[：\u3000]")
_FULLWIDTH_AFTER_COLON = re.compile(r"^(?P<key>[^\s:：#\-][^:：\s]*):(?P<bad>\u3000)")


@dataclass(frozen=True)
class Value:
    """A front-matter value with where it was written."""

    value: object
    """The parsed value (str, int, bool, list, dict, None...)."""
    line: int
    """1-based line of the key in the file."""
    column: int
    """1-based column of the value."""
    node: yaml.Node | None = field(default=None, compare=False, repr=False)
    """The YAML node, for finding lines inside lists and mappings."""
    first_line: int = field(default=1, compare=False, repr=False)
    """The file line where the YAML text starts (node marks count from there)."""

    def line_of(self, node: yaml.Node) -> int:
        """The 1-based file line of ``node``, a node inside this value."""
        return self.first_line + node.start_mark.line


@dataclass(frozen=True)
class SourceDocument:
    """One source file split into front matter and body."""

    path: str
    """Repository-relative path with ``/`` separators."""
    meta: dict[str, Value]
    """Front-matter keys in file order (empty when it could not be read)."""
    body: str
    """The Markdown after the front matter."""
    body_line: int
    """1-based line where the body starts."""
    text: str
    """The whole decoded file (without a byte-order mark)."""
    ok: bool
    """False when the file could not be decoded or its front matter parsed."""
    sha256: str = ""
    """SHA-256 of the file's bytes as read (empty when the file could not be read)."""


def decode(data: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text of ``data`` (a byte-order mark is accepted and dropped), or None with a problem."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", "replace")) + 1
        guess = _guess_legacy_encoding(data)
        msg = Text(
            f"文件不是 UTF-8 编码（第 {line} 行第 {column} 列无法按 UTF-8 读取）"
            + (f"，看起来是 {guess} 编码（常见于 Windows 编辑器）。" if guess else "。"),
            f"the file is not UTF-8 (line {line}, column {column} cannot be read as UTF-8)"
            + (f"; it looks like {guess} (common with Windows editors)." if guess else "."),
        )
        hint = Text(
            f"用记事本打开，选“另存为”，编码选 UTF-8 后保存；或在 Git Bash、Linux、macOS 中运行："
            f"iconv -f GB18030 -t UTF-8 {path} -o {path}",
            f"Open it in Notepad, choose Save As with encoding UTF-8; or in Git Bash, Linux or macOS run: "
            f"iconv -f GB18030 -t UTF-8 {path} -o {path}",
        )
        problems.add(path, line, "encoding", msg, hint, column=column)
        return None


def _guess_legacy_encoding(data: bytes) -> str | None:
    for name in ("gb18030", "big5"):
        try:
            data.decode(name)
            return "GB18030/GBK" if name == "gb18030" else "Big5"
        except UnicodeDecodeError:
            continue
    return None


def read_source(root: Path, path: Path | str, problems: Problems, rel: str | None = None) -> SourceDocument:
    """Read ``path`` (inside ``root``) once and split it; every problem goes to ``problems``."""
    rel = rel if rel is not None else Path(path).relative_to(root).as_posix()
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        problems.add(rel, 0, "encoding", Text(f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"))
        return SourceDocument(rel, {}, "", 1, "", False)
    digest = hashlib.sha256(data).hexdigest()
    text = decode(data, rel, problems)
    if text is None:
        return SourceDocument(rel, {}, "", 1, "", False, digest)
    return parse_text(rel, text, problems, digest)


#: A line that was probably meant as a fence: full-width or typographic dashes, or indented.
_NEAR_FENCE = re.compile(r"^[ \t\u3000]*(?:[-－—–─ー][ \t\u3000]*){3,}$")
#: Most control characters reported in one file; the rest are counted in the last message.
_MAX_CONTROL_REPORTS = 10


def parse_text(rel: str, text: str, problems: Problems, sha256: str = "") -> SourceDocument:
    """Split decoded ``text`` into front matter and body and parse the front matter."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_controls = _report_control_characters(rel, text, problems)
    lines = text.split("\n")
    if not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        _report_no_front_matter(rel, lines, problems)
        return SourceDocument(rel, {}, text, 1, text, False, sha256)
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        near = next((i for i in range(1, len(lines)) if _NEAR_FENCE.match(lines[i])), None)
        if near is not None:
            _report_near_fence(rel, near, lines[near], "unclosed-front-matter", problems,
                               Text("文件头没有结束：", "the front matter is not closed: "))
        else:
            problems.add(rel, 1, "unclosed-front-matter", Text("文件头以 --- 开始，但没有以 --- 结束的一行。",
                                                               "the front matter opened with --- on line 1 is never closed."))
        return SourceDocument(rel, {}, "", len(lines), text, False, sha256)
    header = "\n".join(lines[1:end])
    if has_controls:
        header = _XML_ILLEGAL.sub(" ", header)  # reported above; let the keys still be checked
    body = "\n".join(lines[end + 1:])
    meta = parse_front_matter(rel, header, 2, problems)
    if meta and ("#" in header or "，" in header):
        _report_silent_slips(rel, header, meta, problems)
    return SourceDocument(rel, meta if meta is not None else {}, body, end + 2, text, meta is not None, sha256)


def _report_near_fence(rel: str, index: int, line: str, code: str, problems: Problems,
                       lead: Text = Text("", "")) -> None:
    """Line ``index`` looks like a fence typed with another character (———, －－－, a leading space)."""
    problems.add(rel, index + 1, code,
                 Text(f"{lead.zh}第 {index + 1} 行 “{line.strip()}” 应为三个半角减号 ---。",
                      f"{lead.en}line {index + 1} '{line.strip()}' must be three ASCII hyphens --- alone."),
                 Text("把这一行改为 ---（切换到英文输入法，行首不留空格）。",
                      "Change the line to --- (switch the input method to English; no spaces before it)."))


def _report_no_front_matter(rel: str, lines: list[str], problems: Problems) -> None:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and first > 0 and _FENCE.match(lines[first].strip()):
        problems.add(rel, 1, "no-front-matter",
                     Text(f"文件头的 --- 必须在第 1 行，现在在第 {first + 1} 行。",
                          f"the front matter's --- must be on line 1; it is on line {first + 1}."),
                     Text("删除 --- 之前的空行。", "Delete the empty lines before ---."))
    elif first is not None and _NEAR_FENCE.match(lines[first]):
        _report_near_fence(rel, first, lines[first], "no-front-matter", problems)
    elif first is None:
        problems.add(rel, 1, "no-front-matter", Text("文件是空的：没有文件头，也没有正文。",
                                                     "the file is empty: it has no front matter and no body."),
                     Text("运行 gongkai new 生成新条目，或把编辑指南中的模板粘贴进来再填写。",
                          "Run gongkai new to create an item, or paste the template from the editors' guide and fill it in."))
    else:
        problems.add(rel, 1, "no-front-matter", Text("文件没有以 --- 开头的文件头。",
                                                     "the file does not start with a front matter block (---)."))


def _report_control_characters(rel: str, text: str, problems: Problems) -> bool:
    """Report XML-illegal characters (they break feeds) with their line and column; True if any."""
    found = control_characters(text)
    for n, (line, column, code) in enumerate(found[:_MAX_CONTROL_REPORTS]):
        more = len(found) - _MAX_CONTROL_REPORTS
        last = n == _MAX_CONTROL_REPORTS - 1 and more > 0
        problems.add(rel, line, "control-character",
                     Text(f"第 {line} 行第 {column} 列有不可见的控制字符 {code}" + (f"（另有 {more} 处）。" if last else "。"),
                          f"invisible control character {code} at line {line}, column {column}"
                          + (f" ({more} more in this file)." if last else ".")),
                     column=column)
    return bool(found)


def parse_front_matter(rel: str, header: str, first_line: int, problems: Problems) -> dict[str, Value] | None:
    """Parse the YAML between the fences; None when it is not a readable mapping."""
    loader = _Loader(header)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            if not _report_slips(rel, header, first_line, problems):
                _report_yaml_error(rel, first_line, exc, problems)
            return None
        except yaml.YAMLError as exc:  # a ReaderError: a character YAML refuses
            offset, column = position(header, getattr(exc, "position", 0))
            line = first_line + offset - 1
            problems.add(rel, line, "control-character",
                         Text(f"第 {line} 行第 {column} 列有 YAML 不允许的字符。",
                              f"a character YAML does not allow at line {line}, column {column}."),
                         column=column)
            return None
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            if not _report_slips(rel, header, first_line, problems):
                data = _construct(loader, node)
                problems.add(rel, first_line + node.start_mark.line, "not-a-mapping",
                             Text(f"文件头应为“字段: 值”的映射，实际是 {_yaml_kind(data)}。",
                                  f"the front matter must be a mapping of keys to values, "
                                  f"got {_yaml_kind(data, 'en')}."))
            return None
        return _values_with_lines(rel, loader, node, first_line, problems)
    finally:
        loader.dispose()


def _report_slips(rel: str, header: str, first_line: int, problems: Problems) -> bool:
    """After YAML failed: report the usual input-method slips, which explain the failure better."""
    fullwidth = _report_fullwidth_keys(rel, header, first_line, problems)
    tabs = _report_tabs(rel, header, first_line, problems)
    return _report_missing_space(rel, header, first_line, problems) or fullwidth or tabs


def _report_tabs(rel: str, header: str, first_line: int, problems: Problems) -> bool:
    """After YAML failed: lines indented with a Tab (YAML indents with spaces only)."""
    found = False
    for offset, raw in enumerate(header.split("\n")):
        if "\t" in raw[:len(raw) - len(raw.lstrip())]:
            line, text = first_line + offset, raw.strip()
            top = text.split(":", 1)[0] in FIELDS_BY_KEY  # a key: no indentation at all
            problems.add(rel, line, "yaml-syntax",
                         Text(f"第 {line} 行以 Tab 键开头：文件头的缩进只能用空格。",
                              f"line {line} starts with a Tab: the front matter is indented with spaces only."),
                         Text(f"删除行首的 Tab，字段名顶格写：“{text}”。", f"Delete the Tab: keys start the line: '{text}'.")
                         if top else Text(f"把行首的 Tab 换成两个空格：“  {text}”。",
                                          f"Replace the Tab at the start of the line with two spaces: '  {text}'."))
            found = True
    return found


#: Kinds of values written in words, where a `#` or a `，` is likely part of the text.
_WORDY = {"text", "text-list", "attachments"}


def _report_silent_slips(rel: str, header: str, meta: dict[str, Value], problems: Problems) -> None:
    """Values YAML read without complaint but not as the editor meant: cut by a `#`, or a list
    whose entries were separated with a full-width comma. Warnings: the value is still valid."""
    lines = header.split("\n")
    for key, value in meta.items():
        field = FIELDS_BY_KEY.get(key)
        if value.node is None or field is None or field.kind.value not in _WORDY:
            continue
        for node in _scalars(value.node):
            rest = lines[node.end_mark.line][node.end_mark.column:] if not node.style else ""  # plain only
            if re.match(r"\s+#", rest):
                _report_comment(rel, key, node, rest.strip(), value, problems)
        if isinstance(value.node, yaml.SequenceNode) and value.node.flow_style:
            for node in value.node.value:
                if isinstance(node, yaml.ScalarNode) and "，" in node.value:
                    _report_fullwidth_comma(rel, key, node, value, problems)


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


def _report_comment(rel: str, key: str, node: yaml.ScalarNode, comment: str, value: Value, problems: Problems) -> None:
    whole = f"{node.value} {comment}".replace('"', '\\"')
    problems.add(rel, value.line_of(node), "yaml-comment",
                 Text(f"“{key}” 的值在 # 处被截断：YAML 把 “{comment}” 当作注释，值只剩 “{node.value}”。",
                      f"the value of '{key}' is cut at the #: YAML reads '{comment}' as a comment, "
                      f"leaving '{node.value}'."),
                 Text(f"如果 # 是值的一部分，给整个值加引号：\"{whole}\"；注释请单独写一行。",
                      f'If the # belongs to the value, put the whole value in quotes: "{whole}"; '
                      "write comments on a line of their own."),
                 key=key, column=node.start_mark.column + 1, severity="warning")


def _report_fullwidth_comma(rel: str, key: str, node: yaml.ScalarNode, value: Value, problems: Problems) -> None:
    entries = ", ".join(part.strip() for part in node.value.split("，") if part.strip())
    problems.add(rel, value.line_of(node), "fullwidth-comma",
                 Text(f"“{key}” 列表中的 “{node.value}” 成了一项：全角逗号“，”不分隔列表项。",
                      f"'{key}': '{node.value}' became a single entry: the full-width comma '，' does not "
                      "separate list entries."),
                 Text(f"改用半角逗号加空格（切换到英文输入法）：{key}: [{entries}]",
                      f"Use an ASCII comma and a space (switch the input method to English): {key}: [{entries}]"),
                 key=key, column=node.start_mark.column + 1, severity="warning")


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return loader.construct_object(node, deep=True)
    except Exception:  # noqa: BLE001 - any value YAML cannot build is reported by the caller
        return None


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


def _report_yaml_error(rel: str, first_line: int, exc: yaml.MarkedYAMLError, problems: Problems) -> None:
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


def _values_with_lines(rel: str, loader: yaml.SafeLoader, node: yaml.MappingNode, first_line: int,
                       problems: Problems) -> dict[str, Value] | None:
    try:
        loader.flatten_mapping(node)  # resolves `<<` merge keys
    except yaml.MarkedYAMLError as exc:
        _report_yaml_error(rel, first_line, exc, problems)
        return None
    meta: dict[str, Value] = {}
    ok = True
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode):
            problems.add(rel, line, "yaml-syntax", Text("字段名必须是一个词，不能是列表或映射。",
                                                        "a key must be a word, not a list or a mapping."),
                         column=key_node.start_mark.column + 1)
            ok = False
            continue
        key = key_node.value
        bad = _FULLWIDTH_CHARS.search(key)
        if bad:
            key = _report_fullwidth_key(rel, key, line, key_node.start_mark.column + bad.start() + 1, problems)
        if key in meta:
            problems.add(rel, line, "duplicate-key",
                         Text(f"字段 “{key}” 重复出现（第一次在第 {meta[key].line} 行）。",
                              f"key '{key}' appears again (first on line {meta[key].line})."), key=key)
            continue
        try:
            value = _fast_value(value_node)
            if value is _SLOW:
                value = loader.construct_object(value_node, deep=True)
        except Exception as exc:  # noqa: BLE001 - e.g. `!!int x`: report, never raise
            value_line = first_line + value_node.start_mark.line
            what = getattr(exc, "problem", None) or str(exc)
            problems.add(rel, value_line, "yaml-syntax",
                         Text(f"字段 “{key}” 的值无法读取：{what}", f"the value of '{key}' cannot be read: {what}"),
                         Text("删除以 ! 开头的标签，或给值加引号。", "Remove the tag starting with !, or quote the value."),
                         key=key, column=value_node.start_mark.column + 1)
            ok = False
            continue
        meta[key] = Value(value, line, value_node.start_mark.column + 1, value_node, first_line)
        if not isinstance(value_node, yaml.ScalarNode):
            _report_nested_duplicates(rel, key, value_node, first_line, problems)
    return meta if ok else None


def _report_nested_duplicates(rel: str, path: str, node: yaml.Node, first_line: int, problems: Problems) -> None:
    """A key repeated inside a mapping below the top level: YAML would silently keep the last one."""
    if isinstance(node, yaml.SequenceNode):
        for n, child in enumerate(node.value):
            _report_nested_duplicates(rel, f"{path}[{n}]", child, first_line, problems)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            name = getattr(key_node, "value", None)
            line = first_line + key_node.start_mark.line
            if isinstance(name, str) and name in seen and key_node.tag != "tag:yaml.org,2002:merge":
                problems.add(rel, line, "duplicate-key",
                             Text(f"“{path}” 中的字段 “{name}” 重复出现（第一次在第 {seen[name]} 行）。",
                                  f"key '{name}' appears twice in '{path}' (first on line {seen[name]})."),
                             key=f"{path}.{name}", column=key_node.start_mark.column + 1)
            elif isinstance(name, str):
                seen[name] = line
            _report_nested_duplicates(rel, f"{path}.{name}", value_node, first_line, problems)


_STR_TAG = "tag:yaml.org,2002:str"
_SLOW = object()


def _fast_value(node: yaml.Node) -> object:
    """The value of a plain text or a list of texts, without PyYAML's constructor (the common case);
    ``_SLOW`` for anything else."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR_TAG else _SLOW
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq" and all(
            isinstance(child, yaml.ScalarNode) and child.tag == _STR_TAG for child in node.value):
        return [child.value for child in node.value]
    return _SLOW


def _report_fullwidth_keys(rel: str, header: str, first_line: int, problems: Problems) -> bool:
    """Lines whose key is followed by a full-width colon or space (``标题：``, ``title:　x``)."""
    found = False
    for offset, raw in enumerate(header.split("\n")):
        if raw.startswith((" ", "\t", "-", "#")):
            continue
        match = _FULLWIDTH_IN_KEY.match(raw) or _FULLWIDTH_AFTER_COLON.match(raw)
        if match and ":" not in match.group("key"):
            _report_fullwidth_key(rel, match.group("key") + match.group("bad"), first_line + offset,
                                  match.start("bad") + 1, problems)
            found = True
    return found


def _report_fullwidth_key(rel: str, raw_key: str, line: int, column: int, problems: Problems) -> str:
    """Report a key written with full-width characters; returns the key without them."""
    key = _FULLWIDTH_CHARS.sub("", raw_key).strip()
    bad = _FULLWIDTH_CHARS.search(raw_key).group()  # type: ignore[union-attr]
    name = "全角冒号“：”" if bad == "：" else "全角空格"
    name_en = "a full-width colon '：'" if bad == "：" else "a full-width space (U+3000)"
    english = next((f.key for f in FIELDS if key == f.label.zh), key)
    also = Text(f"字段名须用英文：{key} 应写作 {english}。", f" Keys are English: write {english}, not {key}.") \
        if english != key else Text("", "")
    problems.add(rel, line, "fullwidth-key",
                 Text(f"字段 “{key}” 旁边用了{name}。", f"key '{key}' is written with {name_en}."),
                 Text(f"改为半角冒号加空格：“{english}: …”（切换到英文输入法）。{also.zh}",
                      f"Write an ASCII colon and a space: '{english}: …' (switch the input method to English).{also.en}"),
                 column=column, key=key or None)
    return key


def _yaml_kind(data: object, lang: str = "zh") -> str:
    names = {list: ("列表", "a list"), str: ("一段文字", "a string"), type(None): ("空", "nothing"),
             int: ("数字", "a number"), float: ("数字", "a number"), bool: ("布尔值", "a boolean")}
    zh, en = names.get(type(data), ("其他类型", type(data).__name__))
    return zh if lang == "zh" else en


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_characters(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, "U+hhhh")`` of each control character; XML 1.0 forbids most (tab and newline are fine)."""
    found = []
    for match in _XML_ILLEGAL.finditer(text):
        line, column = position(text, match.start())
        found.append((line, column, f"U+{ord(match.group()):04X}"))
    return found


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
