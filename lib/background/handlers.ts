import type { MessageData, PaperStatus, ProtocolMap } from '../messaging';
import { validate } from './schemas';
import type { Paper } from '../model';
import { enrichEntry } from '../pipeline';
import type { PaperDb } from '../store/db';
import { listPapers, recordSightings, setSaved } from '../store/papers';

/**
 * The background worker's message handlers: pure async functions of (validated data, database),
 * tested directly. entrypoints/background.ts only wires them to messaging.
 */
export function createHandlers(getDb: () => Promise<PaperDb>) {
  return {
    async pageEntries(data: MessageData<'pageEntries'>): Promise<{ papers: PaperStatus[] }> {
      const enriched = data.entries.map(enrichEntry);
      const stored = await recordSightings(await getDb(), enriched, { site: data.site, url: data.url });
      return { papers: stored.map((paper, i) => statusOf(paper, enriched[i]!.id)) };
    },
    async listPapers(data: MessageData<'listPapers'>): Promise<Paper[]> {
      return listPapers(await getDb(), data.view);
    },
    async setSaved(data: MessageData<'setSaved'>): Promise<Paper | null> {
      return (await setSaved(await getDb(), data.id, data.saved)) ?? null;
    },
  } satisfies { [K in keyof ProtocolMap]: (data: MessageData<K>) => Promise<ReturnType<ProtocolMap[K]>> };
}

export type Handlers = ReturnType<typeof createHandlers>;

/** The id the page knows the paper by, with what the store knows of it. */
function statusOf(paper: Paper, pageId: string): PaperStatus {
  return { id: pageId, tags: paper.tags, results: paper.results, saved: paper.saved };
}

/** Validates then handles: the single entry point for messages arriving at the background. */
export async function handleMessage<K extends keyof ProtocolMap>(handlers: Handlers, type: K, data: unknown) {
  const handler = handlers[type] as (d: MessageData<K>) => Promise<ReturnType<ProtocolMap[K]>>;
  return handler(validate(type, data));
}
