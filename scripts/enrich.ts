import { runEnrich } from '../lib/cli/enrich';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const lines: string[] = [];
const code = await runEnrich(process.argv.slice(2), {
  out: (line) => lines.push(line),
  err: (line) => process.stderr.write(`${line}\n`),
});
// One write at the end: large outputs piped to another tool arrive whole.
if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = code;
