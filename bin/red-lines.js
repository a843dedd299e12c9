#!/usr/bin/env node
// The red-lines command. The engine is TypeScript run as it is (tsx), so the command always
// matches the source: no build step to forget.
import { register } from 'tsx/esm/api';

// A reader that stops early (`red-lines … | head`) closes the pipe: that ends the output, quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
