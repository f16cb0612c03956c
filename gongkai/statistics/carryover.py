"""Where Table 三's 二、上年结转 comes from, across the statistics files.

Carried over (二) of a year counts the requests received before it and still open on
1 January. They are normally read from the earlier years' files. When the previous
year has no statistics file, its requests are unknown, so the year's own file must
list them under ``carried_over`` (``carried_over: []`` when there were none):
without it the figure would be an invented 0, and the build stops instead.

``carried_over`` is allowed only when the previous year has no file (otherwise that
file is the source), and lists only requests received after the last earlier year
that has a file (those are recorded there). Records read from ``carried_over`` count
from their file's year on and never as new (一) of any year.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problems
from ..text import Text
from .records import Request

@dataclass(frozen=True)
class YearFile:
    """What the cross-file rules need to know about one ``<YYYY>.yml``."""

    year: int
    path: str
    parsed: bool
    """Whether its top-level keys could be read (a YAML syntax error is reported on its own)."""
    carried_over_line: int | None
    """The line of its ``carried_over`` key; None without one."""


def check_carried_over(files: dict[int, YearFile], requests: list[Request], problems: Problems) -> None:
    """Report every year whose carried-over figure cannot be known, and every misplaced ``carried_over``."""
    for year, file in sorted(files.items()):
        if file.parsed:
            _check_declared(file, files.get(year - 1), problems)
    for request in requests:
        if request.carried_into is not None and request.carried_into - 1 not in files:
            _check_source(request, files, problems)


def _check_declared(file: YearFile, previous: YearFile | None, problems: Problems) -> None:
    year = file.year
    missing = f"{file.path.rsplit('/', 1)[0]}/{year - 1}.yml"
    if previous is None and file.carried_over_line is None:
        problems.add(file.path, 1, "stats-carried-over",
                     Text(f"上年结转无法计算：没有 {year - 1} 年的统计文件（{missing}），"
                          f"{year}.yml 也没有 carried_over，表三“二、上年结转”不能记为 0。",
                          f"carried over (Table 3, row II) cannot be counted: there is no statistics file for "
                          f"{year - 1} ({missing}) and {year}.yml has no carried_over, so "
                          "row II would be an invented 0."),
                     Text(f"二选一：建立 {missing}；或在 {year}.yml 中加 carried_over:，"
                          f"列出 {year} 年 1 月 1 日仍未答复的申请（字段与 requests 相同；没有的写 carried_over: []）。",
                          f"Either create {missing}, or add carried_over: to {year}.yml "
                          f"listing the requests still unanswered on 1 January {year} (same keys as requests; "
                          "write carried_over: [] if there were none)."),
                     key="carried_over")
    elif previous is not None and file.carried_over_line is not None:
        problems.add(file.path, file.carried_over_line, "stats-carried-over",
                     Text(f"{file.path} 有 carried_over，但 {year - 1} 年已有统计文件 {previous.path}："
                          "上年结转从该文件计算。",
                          f"{file.path} has carried_over, but {year - 1} has a statistics file, {previous.path}: "
                          "carried-over requests are counted from that file."),
                     Text("删除 carried_over；其中的申请写在收到当年的文件的 requests 中，以后的答复写在同一条记录上。",
                          "Remove carried_over; write its requests under requests in the file of the year each "
                          "was received, and later answers on the same record."),
                     key="carried_over")


def _check_source(request: Request, files: dict[int, YearFile], problems: Problems) -> None:
    """A ``carried_over`` record received in or before a year that has a file belongs in that file."""
    earlier = [y for y in files if y < request.carried_into]  # type: ignore[operator]
    if not earlier or request.received.year > max(earlier):
        return
    target = files[min(y for y in files if y >= request.received.year)]
    where = "requests" if target.year == request.received.year else "carried_over"
    problems.add(request.place.path, request.place.line, "stats-wrong-year",
                 Text(f"这条申请收到于 {request.received}，应写在 {target.path} 的 {where} 中，"
                      f"而不是 {request.carried_into}.yml 的 carried_over 中：{target.year} 年已有统计文件。",
                      f"this request was received on {request.received}; it belongs under {where} in "
                      f"{target.path}, not under carried_over in {request.carried_into}.yml: {target.year} has "
                      "a statistics file."),
                 Text(f"把这条记录移到 {target.path} 的 {where} 中（已在那里的，从这里删除）。",
                      f"Move this record under {where} in {target.path} (or delete it here if it is already there)."),
                 key="received")
