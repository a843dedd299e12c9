/** The built site works from a static host under a sub-path, not only at the root. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { expect, press, test, waitForScreen } from './fixtures.ts';

const PREFIX = '/games/red-lines/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wav': 'audio/wav',
};
let server: Server;
let origin = '';

test.beforeAll(async () => {
  // A plain static host: files from dist/ under the prefix, 404 for anything else.
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const file = path.startsWith(PREFIX) ? normalize(join('dist', path.slice(PREFIX.length) || 'index.html')) : '';
    if (!file.startsWith('dist') || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the built site runs under a sub-path', async ({ page, consoleErrors }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${origin}${PREFIX}`);
  await expect(page.locator('#ui')).toHaveAttribute('data-ready', 'menu', { timeout: 20_000 });
  await press(page, 'p');
  await waitForScreen(page, 'picker');
  await press(page, '1');
  await waitForScreen(page, 'setup');
  await page.getByRole('button', { name: 'Begin' }).click();
  await waitForScreen(page, 'briefing');
  // The map data and the sounds (loaded after the first gesture) come from under the prefix too.
  await page.waitForTimeout(1500);
  expect(failed).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
