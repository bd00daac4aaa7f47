"""The debriefs' stylesheet: inline in every file (no network), readable on screen and on A4 or
Letter paper, one team per page."""

CSS = """
:root { color-scheme: light; }
body { font: 10.5pt/1.35 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111;
  margin: 0; background: #eee; }
.team { background: #fff; max-width: 190mm; margin: 8mm auto; padding: 10mm 12mm;
  box-shadow: 0 1px 4px #999; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #999; }
h3 { font-size: 10.5pt; margin: 2.5mm 0 1mm; }
.meta { margin: 0 0 2mm; color: #333; }
.meta span + span::before { content: " · "; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f1f1f1; }
td.num { text-align: right; white-space: nowrap; }
ul { margin: 0; padding-left: 5mm; }
.rule { color: #444; font-size: 9pt; }
.code { font-weight: bold; }
.heat td { text-align: center; font-size: 9pt; }
.heat td.self { outline: 2px solid #555; outline-offset: -3px; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm; margin-top: 1.5mm; font-size: 8.5pt; }
.legend span { border: 1px solid #bbb; padding: 0.3mm 1.5mm; }
table.history { width: auto; min-width: 50%; }
table.history td.num { min-width: 28mm; }
td.low { font-weight: bold; }
td.repeated { font-weight: bold; background: #f6c9c9; }
.none { color: #777; }
.note { color: #444; font-size: 8.5pt; margin-top: 4mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 12mm; }
@media print {
  body { background: #fff; font-size: 9.5pt; }
  .team { box-shadow: none; margin: 0; padding: 0; max-width: none;
    break-after: page; page-break-after: always; }
  .team:last-child { break-after: auto; page-break-after: auto; }
  table, li, h3 { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""
