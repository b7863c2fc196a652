/**
 * arXiv abstracts are written in TeX, and listing pages show them as written: "12.5\%", "4.6$\times$",
 * "0.5$^{\circ}$". A result's value is shown on its own (chips, popup, exports), away from any TeX
 * renderer, so it is turned into the characters TeX would draw. Only what appears around numbers and
 * bounds is known; any other command loses its backslash, never its name.
 */

const SYMBOLS: Record<string, string> = {
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
const STYLES = new Set(['tilde', 'widetilde', 'mathcal', 'mathrm', 'mathbf', 'mathit', 'text', 'textrm', 'textbf', 'operatorname', 'bm', 'boldsymbol']);

/**
 * One pass per pattern, each linear: a command with an optional braced argument (no nested braces),
 * a one-character escape (`\%`, `\,`), or a TeX thousands separator `{,}`.
 */
const TEX = /\\([A-Za-z]+)(?:\s*\{([^{}]*)\})?|\\([^A-Za-z])|\{,\}/g;
/** `\frac{a}{b}` with plain arguments, read first: "a/b". */
const FRACTION = /\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g;

function replaceCommand(_match: string, name: string | undefined, argument: string | undefined, escaped: string | undefined, at: number, whole: string): string {
  if (escaped !== undefined) return escaped === '%' || escaped === '$' || escaped === '&' || escaped === '#' || escaped === '_' ? escaped : '';
  if (name === undefined) return ','; // {,}
  const inner = argument === undefined ? '' : readableTex(argument);
  if (name === 'sqrt') return `√${grouped(inner)}`;
  if (STYLES.has(name)) return inner;
  if (OPERATORS.has(name)) {
    // TeX sets an operator apart from what comes before it: "d\log r" reads "d log r".
    const spaced = at > 0 && /[\p{L}\d)}]/u.test(whole[at - 1]!) ? ` ${name}` : name;
    return argument === undefined ? spaced : `${spaced} ${inner}`;
  }
  const symbol = SYMBOLS[name] ?? name;
  return argument === undefined ? symbol : `${symbol}{${inner}}`;
}

/** A term as one unit: "T" and "2.5" as they are, "d T" in brackets. */
function grouped(term: string): string {
  return /^[\p{L}\d.]*$/u.test(term) ? term : `(${term})`;
}

function fraction(_match: string, numerator: string, denominator: string): string {
  return `${grouped(readableTex(numerator))}/${grouped(readableTex(denominator))}`;
}

/** `text` with its TeX made readable: "37$\%$" → "37%", "4.64 $\times$" → "4.64×", "\Omega(\log n)" → "Ω(log n)". */
export function readableTex(text: string): string {
  if (!text.includes('\\') && !text.includes('$') && !text.includes('{,}')) return text;
  return text
    .replace(FRACTION, fraction)
    .replace(TEX, replaceCommand)
    .replaceAll('$', '')
    .replace(/\^\{°\}|\^°/g, '°')
    .replace(/ +(?=[×%°])/g, '')
    .trim();
}
