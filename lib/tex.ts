/**
 * arXiv titles and abstracts are written in TeX, and listing pages show them as written: "12.5\%",
 * "4.6$\times$", "Bounds on $\sigma_8$". What PaperLens shows away from any TeX renderer (a result's value
 * in chips, popup and exports; its source sentence in the chip's tooltip and the popup's quote; titles in
 * the popup and library) is turned into the characters TeX would draw. Only what appears around numbers,
 * bounds and symbols is known; any other command loses its backslash, never its name. Titles and
 * abstracts keep their TeX in storage and exports (BibTeX reads it).
 */

/** What a command draws; the tokenizer (lib/extract/tokens.ts) reads some of them as these symbols too. */
export const TEX_SYMBOLS: Record<string, string> = {
  times: '×',
  sim: '~',
  textasciitilde: '~',
  approx: '≈',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  circ: '°',
  cdot: '·',
  infty: '∞',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  Theta: 'Θ',
  lambda: 'λ',
  mu: 'µ',
  pi: 'π',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  Omega: 'Ω',
};

/** Operators written before their argument: `\log{n}` → "log n". */
const OPERATORS = new Set(['log', 'ln', 'exp', 'poly', 'polylog', 'max', 'min', 'det', 'sin', 'cos']);

/** Commands that only style their argument: the argument is kept, bare. */
const STYLES = new Set(['tilde', 'widetilde', 'hat', 'widehat', 'bar', 'mathcal', 'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathbb', 'text', 'textrm', 'textbf', 'textit', 'textsc', 'textsf', 'texttt', 'emph', 'operatorname', 'bm', 'boldsymbol']);
/** Old-style font switches (`{\rm NL}`): nothing to show. */
const SWITCHES = new Set(['rm', 'it', 'bf', 'sf', 'tt', 'cal', 'em']);

/**
 * One pass per pattern, each linear: a command with an optional braced argument (no nested braces),
 * a one-character escape (`\%`, `\,`), or a TeX thousands separator `{,}`.
 */
const TEX = /\\([A-Za-z]+)(?:\s*\{([^{}]*)\})?|\\([^A-Za-z])|\{,\}/g;
/** Stands for an escaped `\$` until the `$` math shifts are removed (a private-use character). */
const LITERAL_DOLLAR = '\uE000';
/** `\frac{a}{b}` with plain arguments, read first: "a/b". */
const FRACTION = /\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;

function replaceCommand(_match: string, name: string | undefined, argument: string | undefined, escaped: string | undefined, at: number, whole: string): string {
  // `\%` and the like are the character (a dollar is held apart from the math shifts removed after);
  // `\ ` is a space; spacing such as `\,` in "10\,000" is nothing.
  if (escaped === '$') return LITERAL_DOLLAR;
  if (escaped !== undefined) return '%&#_ '.includes(escaped) ? escaped : '';
  if (name === undefined) return ','; // {,}
  const inner = argument === undefined ? '' : readableTex(argument);
  if (name === 'sqrt') return `√${grouped(inner)}`;
  if (STYLES.has(name)) return inner;
  if (SWITCHES.has(name)) return argument === undefined ? '' : inner;
  if (OPERATORS.has(name)) {
    // TeX sets an operator apart from what comes before it: "d\log r" reads "d log r".
    const spaced = at > 0 && /[\p{L}\d)}]/u.test(whole[at - 1]!) ? ` ${name}` : name;
    return argument === undefined ? spaced : `${spaced} ${inner}`;
  }
  const symbol = TEX_SYMBOLS[name] ?? name;
  return argument === undefined ? symbol : `${symbol}{${inner}}`;
}

/** A term as one unit: "T" and "2.5" as they are, "d T" in brackets. */
function grouped(term: string): string {
  return /^[\p{L}\p{N}.]*$/u.test(term) ? term : `(${term})`;
}

function fraction(_match: string, numerator: string, denominator: string): string {
  return `${grouped(readableTex(numerator))}/${grouped(readableTex(denominator))}`;
}

const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const SUBSCRIPTS: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎' };

/** `^{-2}`, `^2`, `_8`: a script made of characters Unicode has raised or lowered forms of, as those. */
const SCRIPT = /([\^_])(?:\{([^{}]*)\}|([^{}\s\\]))/g;

function script(match: string, mark: string, group: string | undefined, single: string | undefined): string {
  const forms = mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
  const chars = [...(group ?? single ?? '')];
  return chars.length && chars.every((c) => forms[c]) ? chars.map((c) => forms[c]).join('') : match;
}

/** `text` with its TeX made readable: "37$\%$" → "37%", "4.64 $\times$" → "4.64×", "\Omega(\log n)" → "Ω(log n)". */
export function readableTex(text: string): string {
  if (!text.includes('\\') && !text.includes('$') && !text.includes('{,}')) return text;
  return text
    .replace(FRACTION, fraction)
    .replace(TEX, replaceCommand)
    .replaceAll('$', '')
    .replaceAll(LITERAL_DOLLAR, '$')
    .replace(/\^\{°\}|\^°/g, '°')
    .replace(SCRIPT, script)
    .replace(/ +(?=[×%°])/g, '');
}
