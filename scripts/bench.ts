import path from 'node:path';
import { runParts } from './lib/report';

// `npm run bench` runs every part in scripts/bench/; `npm run bench -- detection` runs one.
await runParts(path.join(import.meta.dirname, 'bench'), 'bench-results.json', process.argv.slice(2));
