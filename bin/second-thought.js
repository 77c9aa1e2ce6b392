#!/usr/bin/env node
// The second-thought command line: runs the built CLI from lib/ (npm run build).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../lib/cli/main.js', import.meta.url);
let cli;
try {
  cli = await import(main.href);
} catch (err) {
  if (!existsSync(fileURLToPath(main))) {
    process.stderr.write(`second-thought: the command line is not built (${fileURLToPath(main)} missing): run 'npm run build'\n`);
  } else {
    process.stderr.write(`second-thought: cannot load the command line: ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
  }
  process.exit(2);
}
process.on('uncaughtException', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`second-thought: internal error: ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
  process.exit(2);
});
process.exitCode = await cli.run(process.argv.slice(2));
