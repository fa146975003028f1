#!/usr/bin/env node
// The installed `psutil-extra` executable: runs main() and sets the exit status
// (process.exitCode, so piped output is flushed before Node exits).
import { main } from './main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
