import { describe, expect, it } from 'vitest';
import { loadClassifiers, topicTags } from '../../../lib/classify';
import { singular, TOPICS_FORMAT, TopicMatcher, topicWords } from '../../../lib/classify/topics';

const matcher = new TopicMatcher({
  format: TOPICS_FORMAT,
  topics: [
    { id: 'rl', label: 'Reinforcement learning', group: 'Computer Science', phrases: ['reinforcement learning', 'deep reinforcement learning', 'policy gradient'] },
    { id: 'battery', label: 'Quantum batteries', group: 'Physics and Astronomy', phrases: ['quantum battery', 'ergotropy'] },
  ],
});

describe('topic matching', () => {
  it('fires with the phrases as evidence, and counts a nested phrase once', () => {
    const [match] = matcher.match('Deep reinforcement learning for control', 'We train a policy gradient agent.');
    expect(match!.topic.id).toBe('rl');
    expect(match!.evidence).toEqual(expect.arrayContaining(['deep reinforcement learning', 'policy gradient']));
    expect(match!.evidence).not.toContain('reinforcement learning');
  });

  it('matches plural and hyphenated spellings', () => {
    expect(singular('batteries')).toBe('battery');
    expect(singular('models')).toBe('model');
    expect(singular('analysis')).toBe('analysis');
    expect(singular('dynamics')).toBe('dynamics');
    expect(topicWords('Quantum-batteries!', 100)).toEqual(['quantum', 'battery']);
    expect(matcher.match('Charging quantum batteries faster', '').map((m) => m.topic.id)).toEqual(['battery']);
  });

  it('needs a single-word phrase twice (or in the title) to fire', () => {
    expect(matcher.match('A study', 'The ergotropy is computed.')).toEqual([]);
    expect(matcher.match('A study', 'The ergotropy is computed. The ergotropy grows.')).toHaveLength(1);
    expect(matcher.match('Ergotropy bounds', '')).toHaveLength(1);
  });

  it('takes linear time on adversarial text (phrase prefixes repeated without end)', () => {
    const time = (n: number) => {
      const text = 'deep reinforcement '.repeat(n) + 'quantum quantum '.repeat(n);
      const started = performance.now();
      matcher.match(text, text);
      return performance.now() - started;
    };
    time(200);
    const small = time(300);
    const large = time(1200);
    // The input is capped, and matching is linear below the cap: 4× the text is far from 16× the time.
    expect(large).toBeLessThan(Math.max(50, small * 10));
    expect(time(1_000_000)).toBeLessThan(500);
  });
});

describe('shipped topic list', () => {
  it('holds a display set of a few hundred topics, each with phrases and a group', () => {
    const { topics } = loadClassifiers();
    expect(topics.file.topics.length).toBeGreaterThanOrEqual(200);
    expect(topics.file.topics.length).toBeLessThanOrEqual(600);
    for (const topic of topics.file.topics) {
      expect(topic.phrases.length).toBeGreaterThan(0);
      expect(topic.group).toBeTruthy();
    }
    expect(new Set(topics.file.topics.map((t) => t.id)).size).toBe(topics.file.topics.length);
  });

  it('tags a clear abstract with topics and evidence (written for this test)', () => {
    const tags = topicTags({
      title: 'Reward modelling for reinforcement learning from human feedback in large language models',
      abstract:
        'Reinforcement learning from human feedback (RLHF) aligns large language models with human preferences through a learned reward model. We study reward model overoptimisation and propose an ensemble of reward models that reduces it.',
    });
    const labels = tags.map((t) => t.label);
    expect(labels).toContain('Reward modelling / RLHF');
    expect(labels).toContain('Large language models');
    for (const tag of tags) {
      expect(tag).toMatchObject({ kind: 'topic', source: 'model' });
      expect(tag.id.startsWith('topic:')).toBe(true);
      expect(tag.evidence!.length).toBeGreaterThan(0);
    }
  });

  it('finds survival analysis and quantum batteries', () => {
    const survival = topicTags({ title: 'Deep survival analysis with censored data', abstract: 'We fit a Cox proportional hazards model to time-to-event outcomes.' });
    expect(survival.map((t) => t.label)).toContain('Survival analysis');
    const battery = topicTags({ title: 'Fast charging of quantum batteries', abstract: 'We bound the ergotropy extracted from a many-body quantum battery.' });
    expect(battery.map((t) => t.label)).toContain('Quantum batteries');
  });
});
