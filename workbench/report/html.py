"""The comparison report as one self-contained HTML page, laid out as text.

Everything the page needs is inside it: the style sheet, and every picture
as a base64 ``data:`` PNG, so it opens offline, survives e-mail and prints.
It lays out what it is given: the comparison table the views show
(:mod:`widgets.content.comparison`), pictures already rendered, the
assumptions, the version. All text is escaped.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from widgets.content.colors import series_hex
from widgets.content.comparison import BETTER, WORSE, ComparisonTable
from widgets.content.texts import translate


@dataclass(frozen=True)
class DesignPart:
    """One design's section: what it is, and its picture."""

    label: str
    name: str
    description: str
    source: str
    hardware: str
    picture_png: bytes


@dataclass(frozen=True)
class Assumption:
    """One setting across the designs (``values`` in column order) and its source."""

    group: str
    label: str
    unit: str
    values: tuple[str, ...]
    source: str = ""

    @property
    def differs(self) -> bool:
        return len(set(self.values)) > 1


@dataclass(frozen=True)
class Picture:
    """A picture with a caption: a bar chart or an analysis panel."""

    title: str
    png: bytes
    caption: str = ""


@dataclass(frozen=True)
class Report:
    title: str
    generated: str
    version: str
    files: tuple[str, ...]
    table: ComparisonTable
    pictures: tuple[Picture, ...]
    designs: tuple[DesignPart, ...]
    assumptions: tuple[Assumption, ...]
    language: str = "en"


def report_html(report: Report) -> str:
    """The page."""
    columns = report.table.columns
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{report.language.replace("_", "-")}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title>",
        f"<style>{STYLE}{_swatch_rules(len(columns))}</style></head><body><main>",
        f"<header><h1>{escape(report.title)}</h1>",
        '<p class="meta">' + escape(translate(
            "Report", "Generated {when} by Cluster Workbench {version} from {files}.").format(
            when=report.generated, version=report.version, files=", ".join(report.files)))
        + "</p></header>",
        f'<p class="verdict">{"<br>".join(escape(s) for s in report.table.verdict)}</p>',
        _heading(translate("Report", "Headline figures")),
        _table(report.table),
        f'<p class="caption">{escape(report.table.caption)}</p>',
        _notes(report.table.notes), "</section>",
        *(_picture(p) for p in report.pictures),
        _heading(translate("Report", "The designs")),
        *(_design(i, d) for i, d in enumerate(report.designs)),
        "</section>",
        _assumptions(report.assumptions, columns),
        "<footer><p>" + escape(translate(
            "Report", "Every figure comes from the Cluster Workbench engine; how each is "
            "computed, and the sources of its defaults, are in docs/engine.md of the same "
            "version ({version}). A dash or n/a means the engine could not estimate the "
            "figure for that design; the reason is in the table's tooltip.").format(
            version=report.version)) + "</p></footer>",
        "</main></body></html>",
    ]
    return "\n".join(parts) + "\n"


def _heading(text: str) -> str:
    """A section's start and its heading."""
    return f"<section><h2>{escape(text)}</h2>"


def _png(data: bytes, alt: str) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{encoded}">'


def _swatch_rules(count: int) -> str:
    return "".join(f".s{i}{{background:{series_hex(i)}}}" for i in range(count))


def _swatch(index: int) -> str:
    return f'<span class="swatch s{index}"></span>'


def _table(table: ComparisonTable) -> str:
    head = "".join(f'<th class="{"active" if i == table.active else ""}">{_swatch(i)}'
                   f"{escape(name)}</th>" for i, name in enumerate(table.columns))
    rows = []
    for row in table.rows:
        label = f"<b>{escape(row.label)}</b>" if row.figure else escape(row.label)
        hint = f'<span class="hint">{escape(row.hint)}</span>' if row.hint else ""
        if row.unclear:
            hint += f'<span class="unclear">{escape(row.unclear)}</span>'
        cells = []
        for cell in row.cells:
            classes = " ".join(c for c in ("best" if cell.best else "",
                                           {BETTER: "up", WORSE: "down"}.get(cell.tone, ""))
                               if c)
            mark = "★ " if cell.best else ""
            change = f'<span class="change">{escape(cell.change)}</span>' if cell.change \
                else ""
            title = f' title="{escape(cell.tooltip)}"' if cell.tooltip else ""
            more = f'<span class="detail">{escape(cell.detail)}</span>' if cell.detail else ""
            cells.append(f'<td class="{classes}"{title}>{mark}{escape(cell.text)}{change}'
                         f"{more}</td>")
        rows.append(f'<tr><th scope="row">{label}{hint}</th>{"".join(cells)}</tr>')
    return (f'<table class="compare"><thead><tr><th></th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _notes(notes: Sequence[str]) -> str:
    """How far to trust the figures: each band's label and reason, coverage, assumption."""
    if not notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in notes)
    title = escape(translate("Report", "How far to trust these figures"))
    return f'<h3>{title}</h3><ul class="notes">{items}</ul>'


def _picture(picture: Picture) -> str:
    caption = f"<figcaption>{escape(picture.caption)}</figcaption>" if picture.caption else ""
    return (f"<section><h2>{escape(picture.title)}</h2><figure>"
            f"{_png(picture.png, picture.title)}{caption}</figure></section>")


def _design(index: int, design: DesignPart) -> str:
    source = ('<p class="source">' + escape(translate("Report", "Source: {source}").format(
        source=design.source)) + "</p>") if design.source else ""
    return (f'<article class="design"><h3>{_swatch(index)}{escape(design.label)}</h3>'
            f'<p class="meta">{escape(design.name)}: {escape(design.hardware)}</p>'
            f"<p>{escape(design.description)}</p>{source}"
            f"<figure>{_png(design.picture_png, design.label)}</figure></article>")


def _assumptions(rows: Sequence[Assumption], columns: Sequence[str]) -> str:
    head = "".join(f"<th>{_swatch(i)}{escape(c)}</th>" for i, c in enumerate(columns))
    ordered = [r for r in rows if r.differs] + [r for r in rows if not r.differs]
    body = []
    for r in ordered:
        unit = f' <span class="hint">{escape(r.unit)}</span>' if r.unit else ""
        values = "".join(f"<td>{escape(v)}</td>" for v in r.values)
        body.append(f'<tr class="{"differs" if r.differs else ""}"><td>{escape(r.group)}</td>'
                    f"<th scope=\"row\">{escape(r.label)}{unit}</th>{values}"
                    f'<td class="source">{escape(r.source)}</td></tr>')
    differing = sum(r.differs for r in rows)
    intro = translate("Report", "Every workload, cost and reliability setting of each design, "
                      "with its source. The {n} that differ between the designs come first, "
                      "highlighted; “auto” means the engine chooses (parallelism is searched, "
                      "prices come from the catalog).").format(n=differing)
    section, setting, source = (escape(translate("Report", "Section")),
                                escape(translate("Report", "Setting")),
                                escape(translate("Report", "Source")))
    return (_heading(translate("Report", "Assumptions")) + f"<p>{escape(intro)}</p>"
            f'<table class="assumptions"><thead><tr><th>{section}</th><th>{setting}</th>'
            f"{head}<th>{source}</th></tr></thead><tbody>{''.join(body)}</tbody></table>"
            "</section>")


STYLE = """
:root{color-scheme:light;--ink:#1f2933;--muted:#616e7c;--line:#d9dee3;--tint:#f4f6f8;
--best:rgba(22,163,74,.15);--up:#15803d;--down:#b91c1c}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;
border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:17px;margin:24px 0 4px}
.meta,.caption,.hint,.source,footer{color:var(--muted)}.meta{margin:0 0 8px}
.verdict{font-size:18px;font-weight:600;background:var(--tint);border-left:4px solid #4e79a7;
padding:10px 14px;margin:20px 0}
table{border-collapse:collapse;width:100%}th,td{padding:6px 10px;border-bottom:1px solid
var(--line);vertical-align:top}thead th{text-align:center;background:var(--tint)}
.compare td{text-align:center;white-space:nowrap}.compare tbody th{text-align:left;
font-weight:normal}.compare th.active{text-decoration:underline}
.hint{display:block;font-size:12px;font-weight:normal}
.change{display:block;font-size:12px;color:var(--muted)}.up .change{color:var(--up)}
.down .change{color:var(--down)}td.best{background:var(--best);font-weight:700}
.detail{display:block;font-size:11px;font-weight:normal;color:var(--muted)}
.unclear{display:block;font-size:12px;color:#b45309}
.notes{font-size:12px;color:var(--muted)}
.swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:6px;
vertical-align:baseline}
figure{margin:8px 0}figure img{max-width:100%;border:1px solid var(--line);border-radius:4px}
figcaption{color:var(--muted);font-size:13px}
.assumptions{font-size:13px}.assumptions td,.assumptions th{text-align:left}
.assumptions tr.differs{background:#fff7e0}.assumptions td.source{max-width:380px}
footer{margin-top:40px;font-size:13px;border-top:1px solid var(--line);padding-top:10px}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}
article.design,figure{break-inside:avoid}}
"""
