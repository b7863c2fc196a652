import * as v from 'valibot';
import { SITE_IDS, type SiteId } from '../model';
import { writeTransaction, type PaperDb } from './db';

const SETTINGS_KEY = 'settings';

/** Which automatic tags the popup and the page chips show. */
export const TOPIC_SETS = ['both', 'topics', 'categories'] as const;
export type TopicSet = (typeof TOPIC_SETS)[number];

export interface Settings {
  /** Sites switched off by the user; a site missing here is on. */
  sitesOff: SiteId[];
  /** Host permissions the user granted for detection beyond the listed sites (one origin such as `https://example.org/` + `*`, or every site). */
  extraOrigins: string[];
  /** Personal tags whose model score reaches this are applied without asking; below, they are suggested. */
  personalTagThreshold: number;
  topicSet: TopicSet;
  syncEnabled: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  sitesOff: [],
  extraOrigins: [],
  personalTagThreshold: 0.8,
  topicSet: 'both',
  syncEnabled: true,
};

export const THRESHOLD_RANGE = { min: 0.5, max: 0.99 } as const;

// Every site (`*://*` + `/*`), or one origin's match pattern such as `https://example.org` + `/*`.
const ORIGIN_PATTERN = /^(?:\*|https?):\/\/(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?\/\*$/;

export const SettingsPatchSchema = v.partial(
  v.object({
    sitesOff: v.pipe(v.array(v.picklist(SITE_IDS)), v.maxLength(SITE_IDS.length)),
    extraOrigins: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300), v.regex(ORIGIN_PATTERN))), v.maxLength(200)),
    personalTagThreshold: v.pipe(v.number(), v.minValue(THRESHOLD_RANGE.min), v.maxValue(THRESHOLD_RANGE.max)),
    topicSet: v.picklist(TOPIC_SETS),
    syncEnabled: v.boolean(),
  }),
);

/** Stored settings, each field falling back to its default when missing or invalid (older or damaged data). */
const fields = SettingsPatchSchema.entries;
const StoredSettingsSchema = v.object({
  sitesOff: v.fallback(v.unwrap(fields.sitesOff), DEFAULT_SETTINGS.sitesOff),
  extraOrigins: v.fallback(v.unwrap(fields.extraOrigins), DEFAULT_SETTINGS.extraOrigins),
  personalTagThreshold: v.fallback(v.unwrap(fields.personalTagThreshold), DEFAULT_SETTINGS.personalTagThreshold),
  topicSet: v.fallback(v.unwrap(fields.topicSet), DEFAULT_SETTINGS.topicSet),
  syncEnabled: v.fallback(v.unwrap(fields.syncEnabled), DEFAULT_SETTINGS.syncEnabled),
});

export function parseSettings(raw: unknown): Settings {
  const result = v.safeParse(StoredSettingsSchema, raw ?? {});
  return result.success ? result.output : { ...DEFAULT_SETTINGS };
}

export async function getSettings(db: PaperDb): Promise<Settings> {
  return parseSettings(await db.get('settings', SETTINGS_KEY));
}

/** Applies a validated patch in one transaction, so two quick toggles never undo each other. */
export async function setSettings(db: PaperDb, patch: Partial<Settings>): Promise<Settings> {
  return writeTransaction(db, ['settings'], async (tx) => {
    const store = tx.objectStore('settings');
    const next = { ...parseSettings(await store.get(SETTINGS_KEY)), ...patch };
    next.sitesOff = [...new Set(next.sitesOff)];
    next.extraOrigins = [...new Set(next.extraOrigins)];
    await store.put(next, SETTINGS_KEY);
    return next;
  });
}

export function isSiteOn(settings: Settings, site: SiteId): boolean {
  return !settings.sitesOff.includes(site);
}
