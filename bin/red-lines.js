#!/usr/bin/env node
// The red-lines command. The engine is TypeScript run as it is (tsx), so the command always
// matches the source: no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
