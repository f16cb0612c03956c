"""Bar charts as inline SVG, drawn at build time: no JavaScript, nothing fetched.

Each chart is an ``<svg role="img">`` labelled by its ``<title>`` and described by
a ``<desc>`` that states every value, so a screen reader gets the whole chart as
text; pages also give the same numbers in a table. Colours come from the theme
through CSS classes (``gk-bar``), with plain fallbacks in attributes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..html import esc
from ..scroll import SCROLL_CLASS

FONT = 13
"""Label font size in SVG user units, which are CSS pixels: charts are never drawn smaller."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _text_width(text: str) -> float:
    """A close enough width of ``text`` at :data:`FONT` (CJK glyphs are square)."""
    return sum(FONT if ord(c) >= 0x2E80 else FONT * 0.6 for c in text)


def _nice_max(value: int) -> int:
    """A round upper bound for the axis: 1, 2, 5, 10, 20, 50…"""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor:
                return step * factor
        step *= 10


def _open(chart_id: str, width: float, height: float, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gk-chart-svg" role="img" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-size="{FONT}" fill="currentColor">',
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(desc)}</desc>',
    ]


def _figure(svg: list[str], title: str, caption: str) -> str:
    """The chart drawn at its own size (labels at :data:`FONT` px, never scaled down to fit a phone) in a
    labelled scroll region, as wide tables are: a chart wider than the screen scrolls, the page does not."""
    # No blank line inside: Markdown keeps the whole block as raw HTML. Search skips charts: their
    # figures are repeated in a table beside them.
    return "\n".join(['<figure class="gk-chart" data-pagefind-ignore>',
                      f'<div class="{SCROLL_CLASS}" role="region" tabindex="0" aria-label="{esc(title)}">']
                     + svg + ["</svg>", "</div>", f"<figcaption>{esc(caption)}</figcaption>", "</figure>"])


def column_chart(chart_id: str, title: str, desc: str, bars: list[Bar], caption: str | None = None) -> str:
    """Vertical bars (months, years): labels below, values above each bar."""
    slot = max(40.0, max((_text_width(b.label) for b in bars), default=0) + 10)
    left, right, top, bottom = 36, 8, 22, 30
    plot_h = 160
    width = left + right + slot * len(bars)
    height = top + plot_h + bottom
    top_value = _nice_max(max((b.value for b in bars), default=0))
    svg = _open(chart_id, width, height, title, desc)
    for fraction in (0, 0.5, 1) if top_value > 1 else (0, 1):  # counts: whole-number ticks only
        y = top + plot_h * (1 - fraction)
        label = f"{top_value * fraction:g}"
        svg.append(f'<line class="gk-grid" x1="{left}" y1="{y:.1f}" x2="{width - right:.0f}" y2="{y:.1f}" '
                   f'stroke="#9e9e9e" stroke-opacity="0.4" stroke-width="1"/>')
        svg.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(label)}</text>')
    bar_w = min(slot * 0.6, 36)
    for index, bar in enumerate(bars):
        cx = left + slot * index + slot / 2
        h = plot_h * bar.value / top_value
        y = top + plot_h - h
        svg.append(f'<rect class="gk-bar" x="{cx - bar_w / 2:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                   'fill="#e53935"/>')
        svg.append(f'<text class="gk-value" x="{cx:.1f}" y="{y - 5:.1f}" text-anchor="middle">{bar.value}</text>')
        svg.append(f'<text x="{cx:.1f}" y="{top + plot_h + 18:.1f}" text-anchor="middle">{esc(bar.label)}</text>')
    return _figure(svg, title, caption or title)


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar], caption: str | None = None) -> str:
    """Horizontal bars (categories): label on the left, value after the bar."""
    label_w = max((_text_width(b.label) for b in bars), default=0) + 12
    row, top, plot_w = 26, 8, 320
    width = label_w + plot_w + 48
    height = top * 2 + row * max(len(bars), 1)
    top_value = _nice_max(max((b.value for b in bars), default=0))
    svg = _open(chart_id, width, height, title, desc)
    for index, bar in enumerate(bars):
        y = top + row * index
        w = plot_w * bar.value / top_value
        svg.append(f'<text x="{label_w - 8:.1f}" y="{y + 17}" text-anchor="end">{esc(bar.label)}</text>')
        svg.append(f'<rect class="gk-bar" x="{label_w:.1f}" y="{y + 4}" width="{w:.1f}" height="{row - 8}" '
                   'fill="#e53935"/>')
        svg.append(f'<text class="gk-value" x="{label_w + w + 6:.1f}" y="{y + 17}">{bar.value}</text>')
    return _figure(svg, title, caption or title)
