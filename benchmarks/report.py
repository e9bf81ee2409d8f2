"""Tables of benchmark measurements, as aligned plain text or markdown."""

from __future__ import annotations

from collections.abc import Sequence

from benchmarks.measure import Measurement

Row = Sequence[str]


def render(headers: Row, rows: Sequence[Row], *, markdown: bool) -> str:
    """A table as markdown or as aligned plain text.

    >>> print(render(["tool", "F1"], [["none", "0.652"]], markdown=True))
    | tool | F1 |
    | --- | ---: |
    | none | 0.652 |
    >>> print(render(["tool", "F1"], [["none", "0.652"]], markdown=False))
    tool     F1
    none  0.652
    """
    if markdown:
        align = ["---"] + ["---:"] * (len(headers) - 1)
        lines = [headers, align, *rows]
        return "\n".join("| " + " | ".join(line) + " |" for line in lines)
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [headers, *rows]
    )


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def set_table(results: Sequence[Measurement], *, markdown: bool) -> str:
    """One set's scores, speed and memory, a row per tool."""
    headers = ["tool", "P", "R", "F1", "BoW F1", "pages/s", "MB/s", "peak MiB", "+MiB", "errors"]
    rows = [
        [
            m.tool,
            _num(m.precision),
            _num(m.recall),
            _num(m.f1),
            _num(m.bow),
            _num(m.pages_per_second, 1),
            _num(m.megabytes_per_second, 2),
            _num(m.peak_rss_mib, 0),
            _num(m.extra_mib, 0),
            str(m.errors),
        ]
        for m in results
    ]
    return render(headers, rows, markdown=markdown)


def f1_table(results: Sequence[Measurement], *, markdown: bool) -> str:
    """F1 of every tool (rows) on every set (columns)."""
    sets = list(dict.fromkeys(m.set for m in results))
    tools = list(dict.fromkeys(m.tool for m in results))
    f1 = {(m.tool, m.set): m.f1 for m in results}
    rows = [[tool, *(_num(f1.get((tool, name))) for name in sets)] for tool in tools]
    return render(["tool", *sets], rows, markdown=markdown)


def type_table(results: Sequence[Measurement], *, markdown: bool) -> str:
    """One set's shingle F1 per page type (rows, ``all`` first) for every tool (columns), each
    with the share of ``with`` snippets found and of ``without`` snippets found.

    >>> row = {"pages": 2, "f1": 0.5, "with_rate": 0.75, "without_rate": 0.1}
    >>> m = Measurement("t", "s", 2, 0, 1, 1, 1, 1, 1.0, 1.0, by_type={"all": row, "forum": row})
    >>> print(type_table([m], markdown=True))
    | page type | pages | t F1 (with / without) |
    | --- | ---: | ---: |
    | all | 2 | 0.500 (75% / 10%) |
    | forum | 2 | 0.500 (75% / 10%) |
    """
    typed = [m for m in results if m.by_type]
    if not typed:
        return ""
    kinds = list(dict.fromkeys(kind for m in typed for kind in m.by_type))
    rows = []
    for kind in kinds:
        pages = next(m.by_type[kind]["pages"] for m in typed if kind in m.by_type)
        rows.append([kind, f"{pages:,.0f}", *(_type_cell(m.by_type.get(kind)) for m in typed)])
    headers = ["page type", "pages", *(f"{m.tool} F1 (with / without)" for m in typed)]
    return render(headers, rows, markdown=markdown)


def _type_cell(row: dict[str, float | None] | None) -> str:
    if row is None:
        return "–"
    rates = [_percent(row.get("with_rate")), _percent(row.get("without_rate"))]
    return f"{_num(row.get('f1'))} ({rates[0]} / {rates[1]})"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def speed_table(results: Sequence[Measurement], *, markdown: bool) -> str:
    """Throughput of every tool over all sets together (total pages / total seconds)."""
    totals = _totals(results)
    rows = [
        [
            tool,
            str(int(p)),
            _num(mb, 1),
            _num(s, 1),
            _num(p / s if s else 0.0, 1),
            _num(mb / s if s else 0.0, 2),
        ]
        for tool, (p, mb, s) in totals.items()
    ]
    return render(
        ["tool", "pages", "input MB", "seconds", "pages/s", "MB/s"], rows, markdown=markdown
    )


def _totals(results: Sequence[Measurement]) -> dict[str, tuple[float, float, float]]:
    totals: dict[str, tuple[float, float, float]] = {}
    for m in results:
        p, mb, s = totals.get(m.tool, (0.0, 0.0, 0.0))
        totals[m.tool] = (p + m.pages, mb + m.megabytes, s + m.seconds)
    return totals


def speed_ratios(results: Sequence[Measurement], tool: str, peers: Sequence[str]) -> list[str]:
    """Sentences giving ``tool``'s pages/s and MB/s as multiples of each peer's."""
    totals = _totals(results)
    if tool not in totals:
        return []
    p, mb, s = totals[tool]
    lines = []
    for peer in peers:
        if peer in totals and s and totals[peer][2]:
            pp, pmb, ps = totals[peer]
            lines.append(
                f"{tool} vs {peer}: {(p / s) / (pp / ps):.2f}x the pages/s, "
                f"{(mb / s) / (pmb / ps):.2f}x the MB/s"
            )
    return lines
