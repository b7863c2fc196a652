import path from 'node:path';
import { runParts } from './lib/report';

// `npm run eval` runs every part in scripts/eval/; `npm run eval -- detection` runs one.
await runParts(path.join(import.meta.dirname, 'eval'), 'eval-results.json', process.argv.slice(2));
