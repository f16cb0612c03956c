"""Reading a Markdown file with YAML front matter, keeping line numbers.

:func:`read_source` never raises on bad input: it returns a
:class:`SourceDocument` (possibly partial) and reports what is wrong to a
:class:`~gongkai.problems.Problems` collector, with the file and line.
Unlike python-frontmatter it refuses front matter that is not a mapping, and
unlike MkDocs it never swallows a YAML error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problems
from .text import Text

_LoaderBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_LoaderBase):  # type: ignore[misc, valid-type]
    """Safe YAML that keeps timestamps as text, so dates are checked by us with clear messages."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_FULLWIDTH_IN_KEY = re.compile(r"^(?P<key>[^\s:：#\-][^:：]*?)(?P<bad>：|\u3000)")


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


def decode(data: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 text of ``data`` (a byte-order mark is accepted and dropped), or None with a problem."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_legacy_encoding(data)
        msg = Text(
            f"文件不是 UTF-8 编码（第 {exc.start} 字节无法解码）" + (f"，看起来是 {guess} 编码。" if guess else "。"),
            f"the file is not UTF-8 (byte {exc.start} cannot be decoded)"
            + (f"; it looks like {guess}." if guess else "."),
        )
        hint = Text(
            f"在编辑器中“另存为”并选择 UTF-8 编码，或运行：iconv -f GB18030 -t UTF-8 {path} -o {path}",
            f"Save it as UTF-8 in your editor (Save As, encoding UTF-8), or run: iconv -f GB18030 -t UTF-8 {path} -o {path}",
        )
        problems.add(path, line, "encoding", msg, hint)
        return None


def _guess_legacy_encoding(data: bytes) -> str | None:
    for name in ("gb18030", "big5"):
        try:
            data.decode(name)
            return "GB18030/GBK" if name == "gb18030" else "Big5"
        except UnicodeDecodeError:
            continue
    return None


def read_source(root: Path, path: Path, problems: Problems) -> SourceDocument:
    """Read ``path`` (inside ``root``) and split it; every problem goes to ``problems``."""
    rel = path.relative_to(root).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, 0, "encoding", Text(f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}"))
        return SourceDocument(rel, {}, "", 1, "", False)
    text = decode(data, rel, problems)
    if text is None:
        return SourceDocument(rel, {}, "", 1, "", False)
    return parse_text(rel, text, problems)


def parse_text(rel: str, text: str, problems: Problems) -> SourceDocument:
    """Split decoded ``text`` into front matter and body and parse the front matter."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        problems.add(rel, 1, "no-front-matter", Text("文件没有以 --- 开头的文件头。",
                                                     "the file does not start with a front matter block (---)."))
        return SourceDocument(rel, {}, text, 1, text, False)
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        problems.add(rel, 1, "unclosed-front-matter", Text("文件头以 --- 开始，但没有以 --- 结束的一行。",
                                                           "the front matter opened with --- on line 1 is never closed."))
        return SourceDocument(rel, {}, "", len(lines), text, False)
    header = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1:])
    meta = parse_front_matter(rel, header, 2, problems)
    return SourceDocument(rel, meta if meta is not None else {}, body, end + 2, text, meta is not None)


def parse_front_matter(rel: str, header: str, first_line: int, problems: Problems) -> dict[str, Value] | None:
    """Parse the YAML between the fences; None when it is not a readable mapping."""
    if _report_fullwidth_keys(rel, header, first_line, problems):
        return None
    try:
        loader = _Loader(header)
        try:
            node = loader.get_single_node()
            if node is None:
                return {}
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        column = (mark.column + 1) if mark else 1
        what = exc.problem or exc.context or "syntax error"
        problems.add(rel, line, "yaml-syntax", Text(f"YAML 语法错误：{what}", f"YAML syntax error: {what}"),
                     column=column)
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML error we know is marked
        problems.add(rel, first_line, "yaml-syntax", Text(f"YAML 语法错误：{exc}", f"YAML syntax error: {exc}"))
        return None
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        problems.add(rel, first_line, "not-a-mapping",
                     Text(f"文件头应为“字段: 值”的映射，实际是 {_yaml_kind(data)}。",
                          f"the front matter must be a mapping of keys to values, got {_yaml_kind(data, 'en')}."))
        return None
    return _values_with_lines(rel, node, data, first_line, problems)


def _values_with_lines(rel: str, node: yaml.MappingNode, data: dict, first_line: int,
                       problems: Problems) -> dict[str, Value]:
    meta: dict[str, Value] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
        line = first_line + key_node.start_mark.line
        if key in meta:
            problems.add(rel, line, "duplicate-key",
                         Text(f"字段 “{key}” 重复出现（第一次在第 {meta[key].line} 行）。",
                              f"key '{key}' appears again (first on line {meta[key].line})."), key=key)
            continue
        value = data.get(key, data.get(_scalar_key(key)))
        meta[key] = Value(value, line, value_node.start_mark.column + 1, value_node)
    return meta


def _scalar_key(key: str) -> object:
    try:
        return yaml.load(key, Loader=_Loader)
    except yaml.YAMLError:
        return key


def _report_fullwidth_keys(rel: str, header: str, first_line: int, problems: Problems) -> bool:
    found = False
    for offset, raw in enumerate(header.split("\n")):
        if raw.startswith((" ", "\t", "-", "#")):
            continue
        match = _FULLWIDTH_IN_KEY.match(raw)
        if match and ":" not in match.group("key"):
            bad = match.group("bad")
            name = "全角冒号“：”" if bad == "：" else "全角空格"
            name_en = "a full-width colon '：'" if bad == "：" else "a full-width space (U+3000)"
            problems.add(rel, first_line + offset, "fullwidth-key",
                         Text(f"字段 “{match.group('key').strip()}” 后面用了{name}。",
                              f"key '{match.group('key').strip()}' is followed by {name_en}."),
                         column=match.start("bad") + 1, key=match.group("key").strip())
            found = True
    return found


def _yaml_kind(data: object, lang: str = "zh") -> str:
    names = {list: ("列表", "a list"), str: ("一段文字", "a string"), type(None): ("空", "nothing"),
             int: ("数字", "a number"), float: ("数字", "a number"), bool: ("布尔值", "a boolean")}
    zh, en = names.get(type(data), ("其他类型", type(data).__name__))
    return zh if lang == "zh" else en


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_characters(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, U+XXXX)`` of each control character; XML 1.0 forbids most (tab and newline are fine)."""
    found = []
    for match in _XML_ILLEGAL.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append((line, column, f"U+{ord(match.group()):04X}"))
    return found
