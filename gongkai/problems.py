"""Problems found in the sources, reported all at once with file, line and a fix.

Every check in gongkai reports through :class:`Problems`; nothing raises on bad
input. A :class:`Problem` carries the place (path, line, column), a stable
``code`` documented in the editors' guide, what is wrong and how to fix it, in
Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .codes import CODES
from .text import Text


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one source file."""

    path: str
    """The file, relative to the repository root, with ``/`` separators."""
    line: int
    """1-based line of the problem; 0 when it concerns the whole file."""
    column: int
    """1-based column; 1 when the column is not known."""
    code: str
    """A stable identifier such as ``missing-key``, listed in the editors' guide."""
    message: Text
    """What is wrong, naming the key and the expected and received values."""
    hint: Text
    """How to fix it."""
    key: str | None = None
    """The front-matter key concerned, if any."""
    severity: str = "error"
    """``error`` stops the build; ``warning`` is only reported."""

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message.en)

    def location(self) -> str:
        """``path:line:column`` (line 1 when the problem concerns the whole file)."""
        return f"{self.path}:{max(self.line, 1)}:{max(self.column, 1)}"

    def format_text(self) -> str:
        """The human form: location, code, message in both languages, then the hint."""
        key = f" [{self.key}]" if self.key else ""
        return (
            f"{self.location()}: {self.code}{key} {self.message.zh}\n"
            f"    {self.message.en}\n"
            f"    修改方法: {self.hint.zh}\n"
            f"    How to fix: {self.hint.en}"
        )

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        title = _gh_escape_property(f"{self.code}" + (f" ({self.key})" if self.key else ""))
        body = _gh_escape_data(
            f"{self.message.zh}\n{self.message.en}\n修改方法: {self.hint.zh}\nHow to fix: {self.hint.en}"
        )
        level = "error" if self.severity == "error" else "warning"
        return (
            f"::{level} file={_gh_escape_property(self.path)},line={max(self.line, 1)},"
            f"col={max(self.column, 1)},title={title}::{body}"
        )


def _gh_escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(value: str) -> str:
    return _gh_escape_data(value).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """A collector of problems: checks add to it, callers read it once at the end."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        path: str,
        line: int,
        code: str,
        message: Text,
        hint: Text | None = None,
        *,
        key: str | None = None,
        column: int = 1,
        severity: str = "error",
    ) -> None:
        """Record one problem; ``hint`` defaults to the code's usual fix."""
        if hint is None:
            hint = CODES[code].fix
        elif code not in CODES:
            raise KeyError(code)
        self.items.append(Problem(path, line, column, code, message, hint, key, severity))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(self.items, key=lambda p: p.sort_key))

    def report(self) -> str:
        """Every problem in the human form, sorted by file and line, with a count."""
        lines = [p.format_text() for p in self]
        errors = len(self.errors)
        lines.append(
            f"发现 {errors} 个错误、{len(self) - errors} 个警告。"
            f" / Found {errors} error(s) and {len(self) - errors} warning(s)."
        )
        return "\n".join(lines)


def describe(value: object, lang: str = "zh") -> str:
    """How a received value is named in a message: ``数字 3`` / ``the number 3``, ``“abc”`` / ``'abc'``."""
    zh = lang == "zh"
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}" if zh else f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"数字 {value}" if zh else f"the number {value}"
    if isinstance(value, list):
        return "列表" if zh else "a list"
    if isinstance(value, dict):
        return "映射" if zh else "a mapping"
    if value is None:
        return "空值" if zh else "nothing"
    return f"“{value}”" if zh else f"'{value}'"


class SourceError(Exception):
    """Raised by entry points (CLI, hooks) when the sources have errors.

    Carries the :class:`Problems` so the caller can print all of them at once,
    without a traceback.
    """

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())


class BuildStepError(Exception):
    """Raised by a step that runs after the pages are written (the search index) when it cannot finish.

    Carries a bilingual :class:`~gongkai.text.Text` saying what went wrong and how to fix it.
    """

    def __init__(self, text: "Text"):
        self.text = text
        super().__init__(text.both("\n"))
