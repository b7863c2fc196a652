/**
 * Text → hashed word uni- and bigram features, shared by the category model, the personal-tag model,
 * the training script and the eval, so that all of them see a paper the same way.
 *
 * Why hashed n-grams: no vocabulary has to ship (only the hashes of the n-grams that carry weight), a
 * paper costs one pass over its words, and the same features serve a model trained offline and one
 * learned online in the browser.
 *
 * Page text is hostile: input is capped and the only regex is a single character class run (linear).
 */

/** Characters read from a title and from an abstract: enough for any real one, bounded for hostile pages. */
export const TEXT_CAPS = { title: 600, abstract: 6000 } as const;

/** Title words count this many times: a title names the subject more directly than the abstract does. */
const TITLE_WEIGHT = 2;

const WORD = /\p{L}[\p{L}\p{N}]*|\p{N}+/gu;

/**
 * Function words that carry no subject (plus the boilerplate verbs of abstracts). Written for this
 * project; short on purpose: the models learn what else is uninformative.
 */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how i if in
into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should
so some such than that the their theirs them then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours via thus however therefore within without upon among
may might must shall one two three paper work study propose proposed present presents show shows shown find found results
result new based using use used approach method methods well first also`.split(/\s+/),
);

/** FNV-1a over UTF-16 code units: fast, stable across runtimes, good enough spread for n-gram keys. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Combines two word hashes into a bigram hash that cannot equal either unigram by construction of the mix. */
export function bigramHash(first: number, second: number): number {
  let h = Math.imul(first ^ 0x27d4eb2f, 0x85ebca6b) ^ second;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h | 0;
}

/** Lower-cased content words of a text, stopwords and one-letter words dropped, numbers kept short. */
export function contentWords(text: string, cap: number): string[] {
  const words: string[] = [];
  for (const match of text.slice(0, cap).toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || word.length > 40 || STOPWORDS.has(word)) continue;
    words.push(word);
  }
  return words;
}

/** A sparse feature vector: n-gram hash → value, L2-normalised. */
export interface SparseVector {
  keys: Int32Array;
  values: Float32Array;
}

/** Counts of n-gram hashes, and optionally the n-gram text for each hash (for explanations). */
export interface FeatureCounts {
  counts: Map<number, number>;
  terms?: Map<number, string>;
}

function addWords(words: string[], weight: number, into: FeatureCounts): void {
  const { counts, terms } = into;
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const uni = hashString(word);
    counts.set(uni, (counts.get(uni) ?? 0) + weight);
    if (terms && !terms.has(uni)) terms.set(uni, word);
    if (i > 0) {
      const bi = bigramHash(previous, uni);
      counts.set(bi, (counts.get(bi) ?? 0) + weight);
      if (terms && !terms.has(bi)) terms.set(bi, `${words[i - 1]} ${word}`);
    }
    previous = uni;
  }
}

/** Title and abstract n-gram counts (title words weighted up). */
export function countFeatures(title: string, abstract: string, withTerms = false): FeatureCounts {
  const into: FeatureCounts = { counts: new Map(), terms: withTerms ? new Map() : undefined };
  addWords(contentWords(title, TEXT_CAPS.title), TITLE_WEIGHT, into);
  addWords(contentWords(abstract, TEXT_CAPS.abstract), 1, into);
  return into;
}

/** Sub-linear term frequency (1 + ln tf), then L2 normalisation, so long and short texts score alike. */
export function vectorise(counts: Map<number, number>): SparseVector {
  const keys = new Int32Array(counts.size);
  const values = new Float32Array(counts.size);
  let i = 0;
  let norm = 0;
  for (const [key, count] of counts) {
    const value = 1 + Math.log(count);
    keys[i] = key;
    values[i] = value;
    norm += value * value;
    i++;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < values.length; j++) values[j]! *= scale;
  return { keys, values };
}

export function featureVector(title: string, abstract: string): SparseVector {
  return vectorise(countFeatures(title, abstract).counts);
}
