"""The build's notion of "today", in the office's time zone.

Embargoes (a 发布日期 in the future) depend on the date of the build. Setting
``SOURCE_DATE_EPOCH`` (the reproducible-builds convention, seconds since 1970)
fixes that date, so a rebuild of old sources gives the same site.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """Today's date in Asia/Shanghai, or the date of ``SOURCE_DATE_EPOCH`` when set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), TIMEZONE).date()
    return datetime.now(TIMEZONE).date()


def start_of_day(day: date) -> datetime:
    """Midnight at the start of ``day`` in Asia/Shanghai (an aware datetime)."""
    return datetime.combine(day, time(0, 0), TIMEZONE)
