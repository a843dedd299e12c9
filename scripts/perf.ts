// npm run perf: how heavy and how fast the BUILT site is, measured in the system's headless
// Chromium against `vite preview` of dist/ (run `npm run build` first; `npm run perf` does).
//  - start-up JavaScript (gzip) and the time until the menu takes input, over 5 fresh loads;
//  - frame times on the negotiation table for 10 s while the risk gauge animates.
// Prints figures and compares them with the aims, but never fails on them: machines here are
// noisy (compare medians). Exits 1 only when the measurement itself broke.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunch } from './chromium.ts';
import { twelveRoundSession } from './long-session.ts';

const LOADS = 5;
const FRAME_WINDOW_MS = 10_000;
const VIEWPORT = { width: 1280, height: 720 };
const MENU_READY_MARK = 'red-lines:menu-ready';
/**
 * Pause between key presses, as a person would leave: the shortcuts listen on the document (Phaser's
 * keyboard plugin, which replays fast presses, is off), and each screen needs a moment to mount.
 */
const KEY_PAUSE_MS = 80;
/** Sizes in KB of 1000 bytes, as Vite's build report prints them, so the two can be compared. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;

// ---------------------------------------------------------------------------------------------
// Small statistics

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile: a value that was actually observed. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const spread = (values: number[], format: (value: number) => string) =>
  `median ${format(median(values))} (${format(Math.min(...values))} … ${format(Math.max(...values))})`;

// ---------------------------------------------------------------------------------------------
// The preview server: one child process, so one process id stops it

/** A port the OS says is free now (other engineers may be running previews or e2e tests on fixed ports). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

interface Preview {
  process: ChildProcess;
  /** The end of what the server printed, to explain a failure to start. */
  output: () => string;
}

function startPreview(port: number): Preview {
  // `node …/vite.js` rather than `npx vite` or a shell: the pid we hold is the server itself.
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let said = '';
  const keep = (chunk: Buffer) => (said = (said + chunk.toString()).slice(-2000));
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  return { process: server, output: () => said.trim() };
}

async function waitForServer({ process: server, output }: Preview, url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the preview server exited (code ${server.exitCode})${output() ? `: ${output()}` : ''}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Stops the server by its pid and waits for it to go (SIGKILL if it lingers). */
async function stopPreview({ process: server }: Preview): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Start-up: JavaScript fetched before the menu is ready, and when it is ready

interface StartUp {
  /** gzip size of each JS file that finished loading before the menu was ready, by file name. */
  files: Map<string, number>;
  menuReadyMs: number;
}

async function measureStartUp(browser: Browser, url: string): Promise<StartUp> {
  // A new context each time: its HTTP cache (and code cache) starts empty.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (!new URL(response.url()).pathname.endsWith('.js')) return;
      const body = response.body();
      // A body still loading when the context closes (the play chunk) rejects; only used ones matter.
      body.catch(() => undefined);
      bodies.set(response.url(), body);
    });
    await page.goto(url);
    await page.locator(`#ui[data-ready="menu"]`).waitFor({ state: 'attached', timeout: 30_000 });
    // Both figures come from the page's own clock (ms since navigation start), so "finished before
    // the menu was ready" compares like with like. The title screen starts fetching the play chunk
    // on idle right after the mark; Resource Timing's responseEnd keeps it out.
    const timing = await page.evaluate((mark) => {
      const ready = performance.getEntriesByName(mark)[0]?.startTime ?? null;
      const scripts = performance
        .getEntriesByType('resource')
        .map((entry) => entry as PerformanceResourceTiming)
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => ({ url: entry.name, end: entry.responseEnd }));
      return { ready, scripts };
    }, MENU_READY_MARK);
    if (timing.ready === null) throw new Error(`the menu was ready but the page set no '${MENU_READY_MARK}' mark`);
    const files = new Map<string, number>();
    for (const script of timing.scripts) {
      if (script.end > timing.ready) continue;
      const body = bodies.get(script.url);
      if (!body) throw new Error(`no response body seen for ${script.url}`);
      files.set(new URL(script.url).pathname.split('/').pop()!, gzipSync(await body, { level: 9 }).length);
    }
    if (files.size === 0) throw new Error('no JavaScript finished loading before the menu was ready');
    return { files, menuReadyMs: timing.ready };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Frame times on the negotiation table

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(KEY_PAUSE_MS);
  }
}

async function waitForScreen(page: Page, screen: string): Promise<void> {
  try {
    await page.locator(`#ui[data-screen="${screen}"]`).waitFor({ state: 'attached', timeout: 20_000 });
  } catch {
    const now = await page.locator('#ui').getAttribute('data-screen');
    throw new Error(`the game did not reach the '${screen}' screen (it shows '${now ?? 'nothing'}')`);
  }
}

interface Frames {
  durations: number[];
  renderer: string;
  gauge: string;
}

async function measureFrames(browser: Browser, url: string): Promise<Frames> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(process.env.PERF_QUERY ? `${url}?${process.env.PERF_QUERY}` : url);
    await page.locator(`#ui[data-ready="menu"]`).waitFor({ state: 'attached', timeout: 30_000 });
    // Menu → picker → the first scenario's setup; seed 3, Tab to Begin, Enter → briefing → table.
    await press(page, 'p');
    await waitForScreen(page, 'picker');
    await press(page, '1');
    await waitForScreen(page, 'setup');
    await page.locator('input[type=text]').click();
    await page.keyboard.type('3');
    await press(page, 'Tab', 'Enter');
    await waitForScreen(page, 'briefing');
    await press(page, 'Enter');
    await waitForScreen(page, 'table');
    // Open the risk breakdown (it leaves the gauge's animation running), then let the screen settle.
    await press(page, 'g');
    await page.waitForTimeout(1500);
    const hotspot = page.locator('.gauge-hotspot');
    if ((await hotspot.getAttribute('aria-expanded')) !== 'true') throw new Error("'g' did not open the risk breakdown on the table");
    // The needle trembles only above risk 40: say where it stands, so a run that missed it shows.
    const gauge = ((await hotspot.getAttribute('aria-label')) ?? '').replace(/^Risk of war /, 'risk ').replace(/\. Show why.*$/, '');

    // Timestamps of every animation frame for the window, collected inside the page so the
    // measurement does not wait on the browser↔Node round trip. (No functions assigned to names inside:
    // tsx wraps those in a `__name` helper that does not exist in the page.)
    const stamps = await page.evaluate(async (windowMs) => {
      const times: number[] = [];
      do times.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
      while (times[times.length - 1]! - times[0]! < windowMs);
      return times;
    }, FRAME_WINDOW_MS);
    const still = await page.locator('#ui').getAttribute('data-screen');
    if (still !== 'table') throw new Error(`the game left the table during the measurement (now '${still}')`);
    const type = await page.evaluate(
      () => (window as unknown as { redLines?: { game?: { renderer?: { type?: number } } } }).redLines?.game?.renderer?.type,
    );
    const renderer = type === 1 ? 'Canvas' : type === 2 ? 'WebGL' : `unknown renderer (${String(type)})`;
    return { durations: stamps.slice(1).map((time, i) => time - stamps[i]!), renderer, gauge };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The run

interface Seeks {
  /** Milliseconds from clicking Replay until the viewer shows the start, including replaying every event. */
  openMs: number;
  seeks: number[];
  states: number;
}

/**
 * Seeking in the replay viewer: a 12-round session imported into the saved games and opened in
 * the viewer, then the scrubber moved to 60 points across it. Each seek is timed inside the page,
 * from the scrubber's input event to the end of its (synchronous) redraw of the table.
 */
async function measureSeek(browser: Browser, url: string): Promise<Seeks> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(`#ui[data-ready="menu"]`).waitFor({ state: 'attached', timeout: 30_000 });
    await press(page, 'g');
    await waitForScreen(page, 'library');
    const session = twelveRoundSession();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'twelve-rounds.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) });
    // Imported games are named after their scenario and side; the fresh context's library holds only this one.
    const replay = page.getByRole('button', { name: /^Replay / });
    await replay.waitFor();
    const started = performance.now();
    await replay.click();
    await waitForScreen(page, 'replay');
    const openMs = performance.now() - started;
    const measured = await page.evaluate(() => {
      const scrubber = document.querySelector<HTMLInputElement>('.scrubber')!;
      const states = Number(scrubber.max) + 1;
      const seeks: number[] = [];
      for (let k = 0; k < 60; k++) {
        const target = (k * 37) % states;
        const start = performance.now();
        scrubber.value = String(target);
        scrubber.dispatchEvent(new Event('input'));
        seeks.push(performance.now() - start);
      }
      return { seeks, states };
    });
    return { openMs, ...measured };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/index.html is missing: build the site first (npm run build)');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = startPreview(port);
  // Ctrl-C must not leave the server running either; and should the process die some other way
  // (an error nothing caught), 'exit' still runs synchronously and can kill it.
  const interrupt = () => void stopPreview(server).finally(() => process.exit(130));
  const lastResort = () => void server.process.kill('SIGKILL');
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  process.once('exit', lastResort);
  let browser: Browser | null = null;
  try {
    await waitForServer(server, url);
    browser = await chromium.launch(chromiumLaunch);

    const loads: StartUp[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await measureStartUp(browser, url));
    const frames = await measureFrames(browser, url);
    const seeks = await measureSeek(browser, url);
    report(browser.version(), loads, frames, seeks);
  } finally {
    // A browser that crashed must not keep the server from being stopped.
    await browser?.close().catch(() => undefined);
    await stopPreview(server);
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    process.off('exit', lastResort);
  }
}

function report(version: string, loads: StartUp[], frames: Frames, seeks: Seeks): void {
  const totals = loads.map((load) => [...load.files.values()].reduce((sum, size) => sum + size, 0));
  // The same build gives the same bytes; list each file once, largest first. A file seen in only
  // some loads (a race with the menu-ready moment) is marked with how many.
  const sizes = new Map<string, { size: number; seen: number }>();
  for (const load of loads) {
    for (const [file, size] of load.files) sizes.set(file, { size, seen: (sizes.get(file)?.seen ?? 0) + 1 });
  }
  const listed = [...sizes.entries()]
    .sort((a, b) => b[1].size - a[1].size)
    .map(([file, { size, seen }]) => `${file} ${kb(size)}${seen < loads.length ? ` (in ${seen} of ${loads.length} loads)` : ''}`);
  const { durations } = frames;

  console.log(`Red Lines performance (built site, headless Chromium ${version}, ${VIEWPORT.width}×${VIEWPORT.height}, ${frames.renderer})`);
  console.log(`start-up JavaScript (gzip, before the menu is ready): ${spread(totals, kb)} over ${loads.length} loads`);
  console.log(`  ${listed.join(', ')}`);
  console.log(`  (only responses that finished before the menu-ready mark; the play chunk fetched on idle afterwards is left out)`);
  const ready = loads.map((load) => load.menuReadyMs);
  console.log(`menu ready after: ${spread(ready, ms)} over ${loads.length} loads`);
  console.log(
    `frame time on the table over ${FRAME_WINDOW_MS / 1000} s (gauge animating): median ${ms(median(durations))}, ` +
      `p95 ${ms(percentile(durations, 95))} (${durations.length} frames)`,
  );
  console.log(`  (gauge at ${frames.gauge || 'an unknown risk'}, risk breakdown open)`);
  console.log(
    `replay viewer, a 12-round session (${seeks.states} states): opened in ${ms(seeks.openMs)}; seeking to any point: ` +
      `median ${ms(median(seeks.seeks))}, p95 ${ms(percentile(seeks.seeks, 95))}, max ${ms(Math.max(...seeks.seeks))} (${seeks.seeks.length} seeks)`,
  );
  console.log('aims: start-up JS ≤ 400 KB gzip, menu ≤ 1.5 s, p95 frame ≤ 20 ms, seek < 50 ms');
}

/** The reason only, no stack trace: this is a report, not a test. */
function fail(error: unknown): void {
  console.error(`perf: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exitCode = 1;
}

// An error from a promise nobody awaits (Playwright's, say) would otherwise end the run with a
// stack trace and skip the cleanup in main(); exiting here runs the 'exit' last resort instead.
process.on('unhandledRejection', (error) => {
  fail(error);
  process.exit(1);
});
main().catch(fail);
