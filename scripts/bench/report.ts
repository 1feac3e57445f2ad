/**
 * What every benchmark section returns, and how a run is reported: a table on stdout and the whole run as
 * JSON in bench/results/<timestamp>.json (gitignored).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

export interface BenchSection {
  name: string;
  /** The headline numbers, printed. */
  rows: BenchRow[];
  /** Everything measured, for the JSON file. */
  details: unknown;
  /** Set when the section threw: the run goes on with the others and exits non-zero at the end. */
  error?: string;
}

export interface BenchRun {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  /** Load averages when each section started and ended: other processes share these cores. */
  load: Record<string, { before: number[]; after: number[] }>;
  sections: BenchSection[];
}

export function machine(): BenchRun['machine'] {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function formatValue({ value, unit }: BenchRow): string {
  // Counts stay counts ("12 calls", not "12.00").
  const digits = Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

export function formatTable(sections: readonly BenchSection[]): string {
  const lines = sections.flatMap((s) => [
    ...s.rows.map((row) => [s.name, row.metric, formatValue(row), row.note ?? '']),
    ...(s.error ? [[s.name, 'FAILED', '', s.error]] : []),
  ]);
  const header = ['section', 'metric', 'value', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

const RESULTS_DIR = fileURLToPath(new URL('../../bench/results/', import.meta.url));

/** Writes the run as JSON and returns the file's path. */
export async function saveRun(run: BenchRun): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${run.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
