/**
 * A hand-written tokenizer and sentence splitter for abstracts. Every step looks at each character a
 * bounded number of times, so hostile text (megabytes of digits, dots or brackets) costs linear time;
 * no regular expression runs over the whole text.
 */

import { TEX_SYMBOLS } from '../tex';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  /** The text as written (for `\times` and `\%`, the LaTeX source). */
  text: string;
  /** Lower-cased text; LaTeX symbols mapped to the character they draw (`\times` → `×`, `\%` → `%`). */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** For numbers: the value of the leading numeral ("2.5x" → 2.5, "1,024" → 1024). */
  value?: number;
  /** For numbers: what follows the numeral inside the token ("x", "B", "-fold", "k"). */
  suffix?: string;
  /** Whitespace (or nothing) separates this token from the previous one. */
  spaceBefore: boolean;
  /** Lexicon key (lower-case letters and digits), filled in by the lexicon on first use. */
  key?: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last, into the abstract's token array. */
  from: number;
  to: number;
}

/** A word longer than this is cut into pieces: no name or number is this long. */
const MAX_TOKEN = 80;

/** LaTeX commands read as the symbol they draw (TEX_SYMBOLS, lib/tex.ts); other commands are words. */
const SYMBOL_COMMANDS = new Set(['times', 'sim', 'approx', 'pm', 'leq', 'le', 'geq', 'ge']);
/** Commands that only style what follows: words with no text of their own. */
const STYLE_COMMANDS = new Set(['mathcal', 'tilde', 'widetilde']);

function commandSymbol(name: string): string | undefined {
  if (SYMBOL_COMMANDS.has(name)) return TEX_SYMBOLS[name];
  return STYLE_COMMANDS.has(name) ? '' : undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128) return false;
  return /\p{L}/u.test(String.fromCharCode(c));
}

function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

/** Characters that join two alphanumeric runs into one word: SWE-bench, pass@1, Qwen2.5, w/o, top_k. */
function isJoiner(c: number): boolean {
  return c === 45 /* - */ || c === 46 /* . */ || c === 64 /* @ */ || c === 95 /* _ */ || c === 47 /* / */ || c === 39 /* ' */ || c === 43; /* + */
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f;
}

/** Reads the numeral at the start of a word: "1,024.5x" → { value: 1024.5, suffix: "x" }. */
function splitNumeral(word: string): { value: number; suffix: string } {
  let i = 0;
  let digits = '';
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (isDigit(c)) digits += word[i];
    else if (c === 44 /* , */) {
      // thousands separator, already checked by the tokenizer
    } else if (c === 46 /* . */ && i + 1 < word.length && isDigit(word.charCodeAt(i + 1)) && !digits.includes('.')) digits += '.';
    else break;
    i++;
  }
  return { value: Number(digits), suffix: word.slice(i) };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaceBefore = true;
  const push = (start: number, end: number, kind: TokenKind, lower?: string) => {
    const raw = text.slice(start, end);
    // Every token gets the same fields in the same order, so the engine keeps one object shape.
    const numeral = kind === 'number' ? splitNumeral(raw) : undefined;
    tokens.push({ text: raw, lower: lower ?? (kind === 'punct' ? raw : raw.toLowerCase()), start, end, kind, value: numeral?.value, suffix: numeral?.suffix, spaceBefore, key: undefined });
    spaceBefore = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      spaceBefore = true;
      i++;
      continue;
    }
    if (isAlnum(c)) {
      const start = i;
      const numeric = isDigit(c);
      let plainNumber = numeric; // digits, separators and one decimal point so far
      i++;
      while (i < n && i - start < MAX_TOKEN) {
        const ch = text.charCodeAt(i);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (isAlnum(ch)) {
          if (plainNumber && !isDigit(ch)) plainNumber = false;
          i++;
        } else if (ch === 44 /* , */ && plainNumber && isDigit(next) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 4))) {
          i += 4; // 1,024
        } else if (isJoiner(ch) && isAlnum(next)) {
          // "10-20" is a range of two numbers, not one word.
          if (ch === 45 && plainNumber && isDigit(next)) break;
          if (ch !== 46 || !plainNumber || !isDigit(next)) plainNumber = false;
          i += 1;
        } else break;
      }
      push(start, i, numeric ? 'number' : 'word');
      continue;
    }
    if (c === 92 /* \ */ && i + 1 < n) {
      const start = i;
      if (text[i + 1] === '%') {
        i += 2;
        push(start, i, 'punct', '%');
        continue;
      }
      i++;
      while (i < n && i - start < 20 && isLetter(text.charCodeAt(i)) && text.charCodeAt(i) < 128) i++;
      const command = text.slice(start, i);
      if (command.length > 1) {
        const symbol = commandSymbol(command.slice(1));
        push(start, i, symbol ? 'punct' : 'word', symbol ?? command.toLowerCase());
        continue;
      }
    }
    // Anything else is one punctuation character (a surrogate pair stays together).
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    const symbol = text.slice(i, i + width);
    push(i, i + width, 'punct', symbol === '−' || symbol === '–' ? '-' : symbol === '∼' ? '~' : symbol);
    i += width;
  }
  return tokens;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'al', 'vs', 'fig', 'figs', 'eq', 'eqs', 'sec', 'sect', 'ref', 'refs', 'no', 'nos', 'vol', 'cf', 'approx',
  'resp', 'phys', 'rev', 'lett', 'proc', 'conf', 'dr', 'prof', 'st', 'inc', 'ltd', 'jr', 'mr', 'etc', 'viz', 'ca', 'u.s',
  'astrophys', 'j', 'nat', 'sci', 'chem', 'math', 'int', 'comput', 'stat', 'appl', 'esp', 'incl', 'p', 'pp',
]);

function startsSentence(token: Token | undefined): boolean {
  if (!token) return true;
  const c = token.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || isDigit(c) || token.text === '(' || token.text === '[' || token.text === '$' || (c > 127 && token.text[0] !== token.text[0]!.toLowerCase());
}

/**
 * A sentence longer than this many tokens is cut: real abstract sentences are far shorter, and the cut
 * bounds the per-sentence work (which compares values with mentions) on hostile text.
 */
export const MAX_SENTENCE_TOKENS = 150;

/** Splits tokens into sentences at . ! ? followed by a space and a capital, skipping abbreviations and initials. */
export function splitSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i - from >= MAX_SENTENCE_TOKENS) {
      sentences.push({ start: tokens[from]!.start, end: tokens[i - 1]!.end, from, to: i });
      from = i;
    }
    if (t.kind !== 'punct' || (t.text !== '.' && t.text !== '!' && t.text !== '?')) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (next && (!next.spaceBefore || !startsSentence(next))) continue;
    if (t.text === '.' && prev && prev.kind === 'word' && !t.spaceBefore) {
      if (ABBREVIATIONS.has(prev.lower) || (prev.text.length === 1 && prev.text >= 'A' && prev.text <= 'Z')) continue;
    }
    if (i + 1 > from) sentences.push({ start: tokens[from]!.start, end: t.end, from, to: i + 1 });
    from = i + 1;
  }
  if (from < tokens.length) sentences.push({ start: tokens[from]!.start, end: tokens[tokens.length - 1]!.end, from, to: tokens.length });
  return sentences;
}
