#!/usr/bin/env node
// The installed `psutil-extra` executable: runs main() and sets the exit status
// (process.exitCode, so piped output is flushed before Node exits).
import { main } from './main.js';

// A reader that stops early (`| head`) closes the pipe: that is not an error.
// Any other failure to write leaves nowhere to report it but the exit status.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
