/**
 * Text → hashed word uni- and bigram features, shared by the category model, the personal-tag model,
 * the training script and the eval, so that all of them see a paper the same way.
 *
 * Why hashed n-grams: no vocabulary has to ship (only the hashes of the n-grams that carry weight), a
 * paper costs one pass over its words, and the same features serve a model trained offline and one
 * learned online in the browser.
 *
 * Page text is hostile: input is capped and scanned once, character by character (linear).
 */

/** Characters read from a title and from an abstract: enough for any real one, bounded for hostile pages. */
export const TEXT_CAPS = { title: 600, abstract: 6000 } as const;

/** Title words count this many times: a title names the subject more directly than the abstract does. */
const TITLE_WEIGHT = 2;

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
const LETTER_CLASS = 1;
const NUMBER_CLASS = 2;
const classCache = new Map<number, number>();

/** Letter, number or neither, for one code point (ASCII without a regex; the rest through \p{L} / \p{N}, cached). */
function charClass(code: number): number {
  if (code < 128) return code >= 97 && code <= 122 ? LETTER_CLASS : code >= 48 && code <= 57 ? NUMBER_CLASS : 0;
  let known = classCache.get(code);
  if (known === undefined) {
    const ch = String.fromCodePoint(code);
    known = LETTER.test(ch) ? LETTER_CLASS : NUMBER.test(ch) ? NUMBER_CLASS : 0;
    if (classCache.size < 10_000) classCache.set(code, known);
  }
  return known;
}

/**
 * The words of a text, lower-cased: a letter followed by letters and digits, or a run of digits
 * (the same as /\p{L}[\p{L}\p{N}]*|\p{N}+/gu). A hand-written scan because this runs on every paper
 * and a regex match object per word costs more than the rest of the classification. With `hashes`,
 * also pushes each word's hashString, computed during the scan rather than by a second pass.
 */
export function words(text: string, cap: number, hashes?: number[]): string[] {
  const lower = text.slice(0, cap).toLowerCase();
  const out: string[] = [];
  const length = lower.length;
  let i = 0;
  while (i < length) {
    let code = lower.charCodeAt(i);
    // A surrogate pair is one code point; everything else is one code unit.
    if (code >= 0xd800 && code <= 0xdbff) code = lower.codePointAt(i)!;
    const kind = charClass(code);
    if (!kind) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // FNV-1a over the word's code units as they are read (hashString of the word).
    let h = Math.imul(FNV_OFFSET ^ lower.charCodeAt(i), FNV_PRIME);
    if (code > 0xffff) h = Math.imul(h ^ lower.charCodeAt(i + 1), FNV_PRIME);
    i += code > 0xffff ? 2 : 1;
    while (i < length) {
      const unit = lower.charCodeAt(i);
      let next = unit;
      if (unit >= 0xd800 && unit <= 0xdbff) next = lower.codePointAt(i)!;
      const nextKind = charClass(next);
      if (nextKind !== NUMBER_CLASS && !(kind === LETTER_CLASS && nextKind === LETTER_CLASS)) break;
      h = Math.imul(h ^ unit, FNV_PRIME);
      if (next > 0xffff) h = Math.imul(h ^ lower.charCodeAt(i + 1), FNV_PRIME);
      i += next > 0xffff ? 2 : 1;
    }
    out.push(lower.slice(start, i));
    hashes?.push(h | 0);
  }
  return out;
}

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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units: fast, stable across runtimes, good enough spread for n-gram keys. */
export function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h | 0;
}

/** Stopwords by hash, for the hot path: a hash hit is confirmed on the string, so no word is dropped by a collision. */
const STOPWORD_HASHES = new Set([...STOPWORDS].map(hashString));

/** contentWords' test for one word, given its hash. */
function isContentWord(word: string, hash: number): boolean {
  return word.length >= 2 && word.length <= 40 && !(STOPWORD_HASHES.has(hash) && STOPWORDS.has(word));
}

/** Combines two word hashes into a bigram hash that cannot equal either unigram by construction of the mix. */
export function bigramHash(first: number, second: number): number {
  let h = Math.imul(first ^ 0x27d4eb2f, 0x85ebca6b) ^ second;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h | 0;
}

/** The raw lower-cased words of a paper, computed once and shared by the category and topic models. */
export interface PaperWords {
  title: string[];
  abstract: string[];
  /** hashString of each word, when computed with them (paperWords does): saves wordsVector a pass. */
  titleHashes?: number[];
  abstractHashes?: number[];
}

export function paperWords(title: string, abstract: string): PaperWords {
  const titleHashes: number[] = [];
  const abstractHashes: number[] = [];
  return {
    title: words(title, TEXT_CAPS.title, titleHashes),
    abstract: words(abstract, TEXT_CAPS.abstract, abstractHashes),
    titleHashes,
    abstractHashes,
  };
}

/** Content words: stopwords, one-letter and over-long words dropped. */
export function contentWords(raw: string[]): string[] {
  return raw.filter((word) => word.length >= 2 && word.length <= 40 && !STOPWORDS.has(word));
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

/** Calls `add` for every unigram and adjacent bigram of the words, with its hash. */
function forEachNgram(words: string[], add: (key: number, index: number, bigram: boolean) => void): void {
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const uni = hashString(words[i]!);
    add(uni, i, false);
    if (i > 0) add(bigramHash(previous, uni), i, true);
    previous = uni;
  }
}

function addWords(words: string[], weight: number, into: FeatureCounts): void {
  const { counts, terms } = into;
  forEachNgram(words, (key, i, bigram) => {
    counts.set(key, (counts.get(key) ?? 0) + weight);
    if (terms && !terms.has(key)) terms.set(key, bigram ? `${words[i - 1]} ${words[i]}` : words[i]!);
  });
}

/**
 * A reusable open-addressing counter for the hot path (every paper the worker tags): the same counts
 * as a Map, without its per-entry allocation. Sized for the text caps (≤ ~7,000 distinct n-grams).
 */
class NgramCounter {
  private static readonly BITS = 14;
  private readonly keys = new Int32Array(1 << NgramCounter.BITS);
  private readonly counts = new Float64Array(1 << NgramCounter.BITS);
  private readonly occupied = new Uint8Array(1 << NgramCounter.BITS);
  private readonly used = new Int32Array(1 << NgramCounter.BITS);
  private size = 0;

  add(key: number, weight: number): void {
    const mask = (1 << NgramCounter.BITS) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - NgramCounter.BITS);
    while (this.occupied[slot] && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (!this.occupied[slot]) {
      if (this.size >= this.used.length >>> 1) return; // never reached within the caps; bounded regardless
      this.occupied[slot] = 1;
      this.keys[slot] = key;
      this.counts[slot] = 0;
      this.used[this.size++] = slot;
    }
    this.counts[slot]! += weight;
  }

  /** The counts as a vector (same transform as vectorise), then empties the counter. */
  drain(): SparseVector {
    const keys = new Int32Array(this.size);
    const values = new Float32Array(this.size);
    let norm = 0;
    for (let i = 0; i < this.size; i++) {
      const slot = this.used[i]!;
      const count = this.counts[slot]!;
      const value = count < LOG_TABLE.length && count === (count | 0) ? LOG_TABLE[count]! : 1 + Math.log(count);
      keys[i] = this.keys[slot]!;
      values[i] = value;
      norm += value * value;
      this.occupied[slot] = 0;
    }
    this.size = 0;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < values.length; j++) values[j]! *= scale;
    return { keys, values };
  }
}

const counter = new NgramCounter();

/** 1 + ln k for the small whole counts nearly every n-gram has (the same numbers Math.log gives). */
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, k) => 1 + Math.log(k));

/** Adds the unigrams and adjacent bigrams of the content words, given all words and their hashes: forEachNgram over contentWords, without the arrays. */
function countHashed(raw: string[], hashes: number[], weight: number): void {
  let previous = 0;
  let first = true;
  for (let i = 0; i < raw.length; i++) {
    const uni = hashes[i]!;
    if (!isContentWord(raw[i]!, uni)) continue;
    counter.add(uni, weight);
    if (!first) counter.add(bigramHash(previous, uni), weight);
    previous = uni;
    first = false;
  }
}

/** Title and abstract n-gram counts (title words weighted up). */
export function countWordFeatures(paper: PaperWords, withTerms = false): FeatureCounts {
  const into: FeatureCounts = { counts: new Map(), terms: withTerms ? new Map() : undefined };
  addWords(contentWords(paper.title), TITLE_WEIGHT, into);
  addWords(contentWords(paper.abstract), 1, into);
  return into;
}

export function countFeatures(title: string, abstract: string, withTerms = false): FeatureCounts {
  return countWordFeatures(paperWords(title, abstract), withTerms);
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

/** The feature vector of a paper's words: what featureVector gives, by the allocation-free counter. */
export function wordsVector(paper: PaperWords): SparseVector {
  const { titleHashes, abstractHashes } = paper;
  if (titleHashes?.length === paper.title.length && abstractHashes?.length === paper.abstract.length) {
    countHashed(paper.title, titleHashes, TITLE_WEIGHT);
    countHashed(paper.abstract, abstractHashes, 1);
  } else {
    forEachNgram(contentWords(paper.title), (key) => counter.add(key, TITLE_WEIGHT));
    forEachNgram(contentWords(paper.abstract), (key) => counter.add(key, 1));
  }
  return counter.drain();
}
