/**
 * How long `red-lines scenario check` takes on a YAML file of each hostile shape, just under
 * 1 MiB (tests/fixtures/hostile-yaml.ts): the wall and processor time of the whole command, in
 * this process, and its first line. Run: npx tsx scripts/measure-yaml-shapes.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { YAML_SHAPES } from '../tests/fixtures/hostile-yaml.ts';

const dir = mkdtempSync(join(tmpdir(), 'red-lines-shapes-'));
try {
  for (const [shape, make] of Object.entries(YAML_SHAPES)) {
    const path = join(dir, 'shape.yaml');
    const text = make();
    writeFileSync(path, text);
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const cpu = process.cpuUsage();
    const start = performance.now();
    const code = await main(['scenario', 'check', path], io);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const first = (lines[0] ?? '').replace(path, 'FILE').slice(0, 110);
    console.log(
      `${shape.padEnd(38)} ${(Buffer.byteLength(text) / 1024).toFixed(0).padStart(5)} KiB  exit ${code}  ${(wall / 1000).toFixed(2)} s wall  ${((used.user + used.system) / 1e6).toFixed(2)} s cpu  ${lines.length} lines  ${first}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
