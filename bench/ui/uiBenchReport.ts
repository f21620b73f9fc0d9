/** The Markdown table `npm run bench:ui` prints (and BENCHMARKS.md quotes). */
import type { UiBenchRow } from './uiBenchKit';

const ms = (value: number): string => `${value.toFixed(0)} ms`;

/** A row's marks as text, e.g. "activate 812, tree.rebuilt 1,020". */
function marksText(marks: Record<string, number> | undefined): string {
  if (!marks || Object.keys(marks).length === 0) return '';
  return Object.entries(marks)
    .map(([name, value]) => `${name} ${value.toFixed(0)}`)
    .join(', ');
}

/** One line per figure: item, secrets, median, floor, overhead over the floor, target, marks. */
export function uiReportTable(rows: readonly UiBenchRow[]): string {
  const lines = [
    '| Item | Secrets | Median | Floor | Over floor | Target | | Marks (ms from the action) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? 'met' : '**missed**';
    lines.push(
      `| ${row.item} | ${row.secrets.toLocaleString('en')} | ${ms(row.ms)} | ${row.floorName} ${ms(row.floorMs)} | ${ms(row.ms - row.floorMs)} | ${row.target ?? ''} | ${verdict} | ${marksText(row.marks)} |`,
    );
  }
  return lines.join('\n');
}
