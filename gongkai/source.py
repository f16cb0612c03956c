"""Reading a Markdown file with YAML front matter, keeping line numbers: the format, and nothing of any schema.

:func:`read_source` never raises on bad input: it returns a
:class:`SourceDocument` (possibly partial) and reports what is wrong to a
:class:`~gongkai.problems.Problems` collector, with the file and line.
Unlike python-frontmatter it refuses front matter that is not a mapping, and
unlike MkDocs it never swallows a YAML error.

Longer than 300 lines: a fast YAML path for the common values (plain texts and
lists of them; the usual front matter is read without libyaml by
:mod:`gongkai.plain_yaml`) and the structural problems (fences, control characters,
repeated keys at any depth); the editors' slips are :mod:`gongkai.slips`.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import plain_yaml, slips
from .problems import Problems
from .slips import NO_HINTS, KeyHints
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


def plain_tag(value: str) -> str:
    """The tag :class:`_Loader`'s resolver gives the plain scalar ``value`` (not empty)."""
    if value[0] not in _IMPLICIT_FIRST:
        return "tag:yaml.org,2002:str"
    for tag, regexp in _Loader.yaml_implicit_resolvers[value[0]]:
        if regexp.match(value):
            return tag
    return "tag:yaml.org,2002:str"


_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")
#: The first line after the first that is a fence (:data:`_FENCE`), with the line break before it.
_CLOSING_FENCE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


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
    try:  # "utf-8-sig" would do the same in Python: strip the mark, then decode the rest (offsets of errors too)
        return (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8")
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


def read_source(root: Path, path: Path | str, problems: Problems, rel: str | None = None,
                hints: KeyHints = NO_HINTS) -> SourceDocument:
    """Read ``path`` (inside ``root``) once and split it; every problem goes to ``problems``."""
    rel = rel if rel is not None else Path(path).relative_to(root).as_posix()
    return parse_bytes(rel, read_bytes(path), problems, hints)


def read_bytes(path: Path | str) -> bytes | OSError:
    """The bytes of the file at ``path``, or the error that kept them from being read (``os.read``:
    half the time of ``open``, which makes a buffered file object for one read)."""
    try:
        fd = os.open(path, _READ_FLAGS)
        try:
            chunks = [os.read(fd, _CHUNK)]
            while chunks[-1]:
                chunks.append(os.read(fd, _CHUNK))
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.filename is None:
            exc.filename = os.fspath(path)
        return exc
    return chunks[0] if len(chunks) == 2 else b"".join(chunks)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 16


def parse_bytes(rel: str, data: bytes | OSError, problems: Problems, hints: KeyHints = NO_HINTS) -> SourceDocument:
    """:func:`read_source` of bytes already read (:func:`read_bytes`)."""
    if isinstance(data, OSError):
        problems.add(rel, 0, "encoding", Text(f"无法读取文件：{data.strerror}", f"cannot read the file: {data.strerror}"))
        return SourceDocument(rel, {}, "", 1, "", False)
    digest = hashlib.sha256(data).hexdigest()
    text = decode(data, rel, problems)
    if text is None:
        return SourceDocument(rel, {}, "", 1, "", False, digest)
    return parse_text(rel, text, problems, digest, hints)


#: Most control characters reported in one file; the rest are counted in the last message.
_MAX_CONTROL_REPORTS = 10


def parse_text(rel: str, text: str, problems: Problems, sha256: str = "", hints: KeyHints = NO_HINTS) -> SourceDocument:
    """Split decoded ``text`` into front matter and body and parse the front matter."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_controls = _report_control_characters(rel, text, problems)
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if not _FENCE.match(first) or first.startswith("..."):
        _report_no_front_matter(rel, text.split("\n"), problems)
        return SourceDocument(rel, {}, text, 1, text, False, sha256)
    closing = _CLOSING_FENCE.search(text, first_end) if first_end >= 0 else None
    if closing is None:
        lines = text.split("\n")
        near = next((i for i in range(1, len(lines)) if slips.NEAR_FENCE.match(lines[i])), None)
        if near is not None:
            slips.near_fence(rel, near, lines[near], "unclosed-front-matter", problems,
                               Text("文件头没有结束：", "the front matter is not closed: "))
        else:
            problems.add(rel, 1, "unclosed-front-matter", Text("文件头以 --- 开始，但没有以 --- 结束的一行。",
                                                               "the front matter opened with --- on line 1 is never closed."))
        return SourceDocument(rel, {}, "", len(lines), text, False, sha256)
    header = text[first_end + 1:closing.start()]
    if has_controls:
        header = _XML_ILLEGAL.sub(" ", header)  # reported above; let the keys still be checked
    body = text[closing.end() + 1:]
    end = text.count("\n", 0, closing.start()) + 1  # the closing fence's line (0-based)
    meta = parse_front_matter(rel, header, 2, problems, hints)
    if meta and ("#" in header or "，" in header):
        slips.silent_slips(rel, header, meta, problems, hints)
    return SourceDocument(rel, meta if meta is not None else {}, body, end + 2, text, meta is not None, sha256)


def _report_no_front_matter(rel: str, lines: list[str], problems: Problems) -> None:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and first > 0 and _FENCE.match(lines[first].strip()):
        problems.add(rel, 1, "no-front-matter",
                     Text(f"文件头的 --- 必须在第 1 行，现在在第 {first + 1} 行。",
                          f"the front matter's --- must be on line 1; it is on line {first + 1}."),
                     Text("删除 --- 之前的空行。", "Delete the empty lines before ---."))
    elif first is not None and slips.NEAR_FENCE.match(lines[first]):
        slips.near_fence(rel, first, lines[first], "no-front-matter", problems)
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


def parse_front_matter(rel: str, header: str, first_line: int, problems: Problems,
                       hints: KeyHints = NO_HINTS) -> dict[str, Value] | None:
    """Parse the YAML between the fences; None when it is not a readable mapping."""
    plain = plain_yaml.entries(header, plain_tag)
    if plain is not None:  # the usual form, read as libyaml would: no loader needed
        return _plain_values(rel, plain, first_line, problems)
    loader = _Loader(header)
    try:
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            if not slips.explain_yaml_failure(rel, header, first_line, problems, hints):
                slips.yaml_error(rel, first_line, exc, problems)
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
            if not slips.explain_yaml_failure(rel, header, first_line, problems, hints):
                data = _construct(loader, node)
                problems.add(rel, first_line + node.start_mark.line, "not-a-mapping",
                             Text(f"文件头应为“字段: 值”的映射，实际是 {_yaml_kind(data)}。",
                                  f"the front matter must be a mapping of keys to values, "
                                  f"got {_yaml_kind(data, 'en')}."))
            return None
        return _values_with_lines(rel, loader, node, first_line, problems, hints)
    finally:
        loader.dispose()


def _construct(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return loader.construct_object(node, deep=True)
    except Exception:  # noqa: BLE001 - any value YAML cannot build is reported by the caller
        return None


def _plain_values(rel: str, plain: list[plain_yaml.Entry], first_line: int, problems: Problems) -> dict[str, Value]:
    """The values of :func:`plain_yaml.entries` (ASCII keys, texts and lists of texts: what
    :func:`_values_with_lines` would give, with no loader)."""
    meta: dict[str, Value] = {}
    for key, line, node, value in plain:
        line += first_line
        if key in meta:
            _report_duplicate_key(rel, key, line, meta, problems)
        else:
            meta[key] = Value(value, line, node.start_mark.column + 1, node, first_line)
    return meta


def _report_duplicate_key(rel: str, key: str, line: int, meta: dict[str, Value], problems: Problems) -> None:
    problems.add(rel, line, "duplicate-key",
                 Text(f"字段 “{key}” 重复出现（第一次在第 {meta[key].line} 行）。",
                      f"key '{key}' appears again (first on line {meta[key].line})."), key=key)


def _values_with_lines(rel: str, loader: yaml.SafeLoader, node: yaml.MappingNode, first_line: int,
                       problems: Problems, hints: KeyHints) -> dict[str, Value] | None:
    try:
        loader.flatten_mapping(node)  # resolves `<<` merge keys
    except yaml.MarkedYAMLError as exc:
        slips.yaml_error(rel, first_line, exc, problems)
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
        bad = None if key.isascii() else slips.FULLWIDTH_CHARS.search(key)  # both characters are wide
        if bad:
            key = slips.fullwidth_key(rel, key, line, key_node.start_mark.column + bad.start() + 1, problems, hints)
        if key in meta:
            _report_duplicate_key(rel, key, line, meta, problems)
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


#: The tags whose value is the scalar's text (timestamps are kept as text, see :class:`_Loader`).
_TEXT_TAGS = plain_yaml.TEXT_TAGS
_SLOW = object()


def _fast_value(node: yaml.Node) -> object:
    """The value of a plain text (or date) or a list of them, without PyYAML's constructor (the common case);
    ``_SLOW`` for anything else."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag in _TEXT_TAGS else _SLOW
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq" and all(
            isinstance(child, yaml.ScalarNode) and child.tag in _TEXT_TAGS for child in node.value):
        return [child.value for child in node.value]
    return _SLOW


def _yaml_kind(data: object, lang: str = "zh") -> str:
    names = {list: ("列表", "a list"), str: ("一段文字", "a string"), type(None): ("空", "nothing"),
             int: ("数字", "a number"), float: ("数字", "a number"), bool: ("布尔值", "a boolean")}
    zh, en = names.get(type(data), ("其他类型", type(data).__name__))
    return zh if lang == "zh" else en


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def control_characters(text: str) -> list[tuple[int, int, str]]:
    """``(line, column, "U+hhhh")`` of each control character; XML 1.0 forbids most (tab and newline are fine)."""
    found: list[tuple[int, int, str]] = []
    if text.replace("\n", " ").replace("\t", " ").replace("\r", " ").isprintable():
        return found  # every character the pattern names is unprintable (tests/test_check_shortcuts.py)
    for match in _XML_ILLEGAL.finditer(text):
        line, column = position(text, match.start())
        found.append((line, column, f"U+{ord(match.group()):04X}"))
    return found


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
