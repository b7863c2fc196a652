/**
 * Research topics, finer than arXiv categories ("Diffusion models", "Survival analysis"), found by
 * matching the phrases of a derived term list (assets/classify/topics.json, built by `npm run train`,
 * see assets/classify/README.md) against the title and abstract.
 *
 * Matching walks a word trie from every word of the text, never deeper than the longest phrase, so a
 * paper costs time linear in its length whatever the text holds. Every tag carries its evidence: the
 * phrases that fired.
 */
import type { Tag } from '../model';
import { paperWords, TEXT_CAPS, words, type PaperWords } from './features';

export const TOPICS_FORMAT = 'paperlens-topics/1';

export interface TopicEntry {
  /** Stable slug; the tag id is `topic:<slug>`. */
  id: string;
  label: string;
  /** Display group (a field such as "Computer Science" or "Physics"), for a person to scan by. */
  group: string;
  /** Phrases in matching form (see topicWords); a single word must fire twice or be in the title. */
  phrases: string[];
}

export interface TopicsFile {
  format: string;
  topics: TopicEntry[];
}

export interface TopicMatch {
  topic: TopicEntry;
  score: number;
  evidence: string[];
}


/** Plural → singular for English nouns, so "batteries" meets "battery" and "models" meets "model". */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is') || word.endsWith('ics') || word.endsWith('ous')) return word;
  return word.slice(0, -1);
}

/** Words of a text as topic phrases are matched: lower-cased, singular, hyphens and punctuation as breaks. */
export function topicWords(text: string, cap: number): string[] {
  return matchingForm(words(text, cap));
}

function matchingForm(raw: string[]): string[] {
  const out: string[] = [];
  for (const word of raw) if (word.length <= 40) out.push(singular(word));
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Topics whose phrase ends here, with the phrase. */
  ends: { topic: number; phrase: string }[];
}

const newNode = (): TrieNode => ({ next: new Map(), ends: [] });

/** Evidence needed for a tag: a title mention counts double, a second distinct phrase adds one. */
const TITLE_MENTION = 2;
const MIN_STRENGTH_SINGLE_WORD = 2;
const MAX_TOPICS = 5;
const MAX_EVIDENCE = 5;

export class TopicMatcher {
  private readonly root = newNode();
  private readonly depth: number;

  constructor(readonly file: TopicsFile) {
    if (file.format !== TOPICS_FORMAT) throw new Error(`unknown topics format ${file.format}`);
    let depth = 1;
    file.topics.forEach((topic, index) => {
      for (const phrase of topic.phrases) {
        const words = phrase.split(' ');
        depth = Math.max(depth, words.length);
        let node = this.root;
        for (const word of words) {
          let child = node.next.get(word);
          if (!child) node.next.set(word, (child = newNode()));
          node = child;
        }
        node.ends.push({ topic: index, phrase });
      }
    });
    this.depth = depth;
  }

  /** Start and end word offsets of every phrase occurrence, per topic. */
  private occurrences(words: string[], found: Map<number, { start: number; end: number; phrase: string }[]>): void {
    for (let start = 0; start < words.length; start++) {
      let node: TrieNode | undefined = this.root;
      for (let end = start; end < words.length && end - start < this.depth; end++) {
        node = node.next.get(words[end]!);
        if (!node) break;
        for (const { topic, phrase } of node.ends) {
          const list = found.get(topic) ?? [];
          // A phrase inside a longer one of the same topic ("deep reinforcement learning") counts once.
          const last = list[list.length - 1];
          if (last && start <= last.end) {
            if (end > last.end) list[list.length - 1] = { start: last.start, end, phrase };
          } else list.push({ start, end, phrase });
          found.set(topic, list);
        }
      }
    }
  }

  /** Indices of the topics with at least one phrase anywhere in the text (no evidence threshold). */
  mentioned(title: string, abstract: string): number[] {
    const found = new Map<number, { start: number; end: number; phrase: string }[]>();
    this.occurrences(topicWords(title, TEXT_CAPS.title), found);
    this.occurrences(topicWords(abstract, TEXT_CAPS.abstract), found);
    return [...found.keys()];
  }

  match(title: string, abstract: string): TopicMatch[] {
    return this.matchWords(paperWords(title, abstract));
  }

  matchWords(paper: PaperWords): TopicMatch[] {
    const inTitle = new Map<number, { start: number; end: number; phrase: string }[]>();
    const inAbstract = new Map<number, { start: number; end: number; phrase: string }[]>();
    this.occurrences(matchingForm(paper.title), inTitle);
    this.occurrences(matchingForm(paper.abstract), inAbstract);
    const matches: TopicMatch[] = [];
    for (const index of new Set([...inTitle.keys(), ...inAbstract.keys()])) {
      const titleHits = inTitle.get(index) ?? [];
      const abstractHits = inAbstract.get(index) ?? [];
      const phrases = [...new Set([...titleHits, ...abstractHits].map((hit) => hit.phrase))];
      const strength = TITLE_MENTION * titleHits.length + abstractHits.length + (phrases.length - 1);
      const multiWord = phrases.some((phrase) => phrase.includes(' '));
      if (!multiWord && strength < MIN_STRENGTH_SINGLE_WORD) continue;
      matches.push({ topic: this.file.topics[index]!, score: 1 - 0.5 ** strength, evidence: phrases.slice(0, MAX_EVIDENCE) });
    }
    return matches.sort((a, b) => b.score - a.score || a.topic.label.localeCompare(b.topic.label)).slice(0, MAX_TOPICS);
  }

  tags(paper: PaperWords): Tag[] {
    return this.matchWords(paper).map(({ topic, score, evidence }) => ({
      id: `topic:${topic.id}`,
      label: topic.label,
      kind: 'topic',
      score: Math.round(score * 1000) / 1000,
      source: 'model',
      evidence,
    }));
  }
}
