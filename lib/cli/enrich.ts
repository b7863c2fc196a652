import { readFile } from 'node:fs/promises';
import { detectPage, entryData } from '../detect';
import { canonicalId, normaliseArxivId, type EntryData } from '../model';
import { enrichEntry, paperJson } from '../pipeline';
import { parseHtml } from './html';

export const USAGE = `usage:
  npm run -s enrich -- page.html --url https://arxiv.org/list/cs.LG/new
  npm run -s enrich -- --jsonl papers.jsonl      (each line {"id", "title", "abstract"})`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** A failure the user can act on: printed as one line, never as a stack trace. */
class UsageError extends Error {}

interface Args {
  page?: string;
  url?: string;
  jsonl?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url' || arg === '--jsonl') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      args[arg === '--url' ? 'url' : 'jsonl'] = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (args.page) throw new UsageError(`only one page at a time (got ${args.page} and ${arg})`);
    else args.page = arg;
  }
  if (!args.page === !args.jsonl) throw new UsageError('give either a page file or --jsonl FILE');
  if (args.page && !args.url) throw new UsageError('a page needs the URL it was saved from: --url https://…');
  return args;
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? String(e)}`);
  }
}

async function enrichPage(path: string, url: string, io: Io): Promise<void> {
  try {
    new URL(url);
  } catch {
    throw new UsageError(`not a URL: ${url}`);
  }
  const doc = parseHtml(await readInput(path), url);
  const detection = detectPage(doc, url);
  if (!detection.site) throw new UsageError(`no supported site matches ${url}`);
  if (!detection.entries.length) throw new UsageError(`no papers found in ${path} for ${url}`);
  const papers = detection.entries.map((entry) => paperJson(enrichEntry(entryData(entry))));
  io.out(JSON.stringify({ url, site: detection.site, papers }));
}

/** A JSONL line {id, title, abstract} as the entry a page would have given. */
function jsonlEntry(line: string, lineNo: number): EntryData {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new UsageError(`line ${lineNo}: not valid JSON`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new UsageError(`line ${lineNo}: expected an object`);
  const { id, title, abstract } = record as Record<string, unknown>;
  if (typeof title !== 'string' || !title.trim()) throw new UsageError(`line ${lineNo}: "title" must be a non-empty string`);
  if (abstract !== undefined && typeof abstract !== 'string') throw new UsageError(`line ${lineNo}: "abstract" must be a string`);
  if (id !== undefined && typeof id !== 'string') throw new UsageError(`line ${lineNo}: "id" must be a string`);
  const arxiv = id ? normaliseArxivId(id.replace(/^arxiv:/i, '')) : null;
  const canonical = arxiv ? canonicalId.arxiv(arxiv) : id || canonicalId.title(title);
  const text = (abstract ?? '').trim();
  return {
    id: canonical,
    aliases: [],
    title: title.trim(),
    authors: [],
    abstract: text,
    abstractKind: text ? 'full' : 'none',
    url: arxiv ? `https://arxiv.org/abs/${arxiv}` : '',
    subjects: [],
    site: 'generic',
  };
}

async function enrichJsonl(path: string, io: Io): Promise<void> {
  const lines = (await readInput(path)).split('\n');
  // Validate every line before printing anything, so bad input never yields half an output.
  const entries = lines.flatMap((line, i) => (line.trim() ? [jsonlEntry(line, i + 1)] : []));
  for (const entry of entries) io.out(JSON.stringify(paperJson(enrichEntry(entry))));
}

/** Runs the `enrich` command; returns the exit code. */
export async function runEnrich(argv: string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.jsonl) await enrichJsonl(args.jsonl, io);
    else await enrichPage(args.page!, args.url!, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`enrich: ${e.message}`);
      if (/give either|needs|unknown option/.test(e.message)) io.err(USAGE);
      return 2;
    }
    io.err(`enrich: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
