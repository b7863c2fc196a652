// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extraOrigins } from '../../../lib/background/extraSites';
import { createHandlers, handleMessage } from '../../../lib/background/handlers';
import { exportPapers } from '../../../lib/export';
import type { ExportFile } from '../../../lib/export/formats';
import { openPaperDb, type PaperDb } from '../../../lib/store/db';
import { listPapers, recordSightings, updatePaper } from '../../../lib/store/papers';
import { getSettings } from '../../../lib/store/settings';
import { EVERY_SITE, Options, originPattern, type OptionsApi, type PermissionsApi } from '../../../lib/ui/Options';
import { entry } from '../store/data';

afterEach(cleanup);

/** The options page wired to the real handlers over a fresh fake IndexedDB, as the background would serve it. */
async function setup(granted: string[] = [], stored?: Record<string, unknown>) {
  globalThis.indexedDB = new IDBFactory();
  const dbPromise = openPaperDb();
  if (stored) await (await dbPromise).put('settings', stored, 'settings');
  const handlers = createHandlers(() => dbPromise);
  const send = <K extends Parameters<typeof handleMessage>[1]>(type: K, data: unknown) => handleMessage(handlers, type, data);
  const downloads: ExportFile[] = [];
  const api: OptionsApi = {
    getSettings: () => send('getSettings', {}),
    setSettings: (patch) => send('setSettings', { patch }),
    listSaved: () => send('listPapers', { view: 'saved' }),
    exportPapers: (format, papers, onProgress) => exportPapers(papers, format, { onProgress }),
    exportBackup: () => send('exportBackup', {}),
    importBackup: (text) => send('importBackup', { text }),
    clearData: () => send('clearData', { confirm: 'delete everything' }),
    download: (file) => downloads.push(file),
    syncNow: vi.fn(async () => send('syncNow', {})),
  };
  const origins = new Set(granted);
  const permissions = {
    request: vi.fn(async ({ origins: asked }: { origins: string[] }) => {
      asked.forEach((o) => origins.add(o));
      return true;
    }),
    remove: vi.fn(async ({ origins: gone }: { origins: string[] }) => {
      gone.forEach((o) => origins.delete(o));
      return true;
    }),
    getAll: vi.fn(async () => ({ origins: [...origins] })),
  } satisfies PermissionsApi;
  render(<Options api={api} permissions={permissions} syncStatus={<span>Synced just now</span>} />);
  return { db: dbPromise, downloads, permissions, api };
}

async function savedLibrary(db: PaperDb) {
  await recordSightings(db, [entry('arxiv:2609.00001', { title: 'Scaling Laws for Reward Models' }), entry('arxiv:2609.00002', { title: '<img src=x onerror=alert(1)>' })], { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new' }, 1000, { save: true });
  await updatePaper(db, 'arxiv:2609.00001', { note: 'keep this', userTags: ['rl'] });
}

describe('options page', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('saves site, tag, topic and sync choices as they are made', async () => {
    const { db } = await setup();
    const scholar = await screen.findByRole('checkbox', { name: /Google Scholar/ });
    expect(scholar).toHaveProperty('checked', true);
    fireEvent.change(scholar, { target: { checked: false } });
    await waitFor(async () => expect((await getSettings(await db)).sitesOff).toEqual(['scholar']));

    fireEvent.change(screen.getByLabelText(/Apply my own tags automatically/), { target: { value: '0.9' } });
    await waitFor(async () => expect((await getSettings(await db)).personalTagThreshold).toBe(0.9));
    expect(screen.getByText(/at least 90% sure/)).toBeTruthy();

    fireEvent.change(screen.getByRole('radio', { name: /Research topics only/ }), { target: { checked: true } });
    await waitFor(async () => expect((await getSettings(await db)).topicSet).toBe('topics'));

    const sync = screen.getByRole('checkbox', { name: /Sync saved papers/ });
    fireEvent.change(sync, { target: { checked: false } });
    await waitFor(async () => expect((await getSettings(await db)).syncEnabled).toBe(false));
    expect(screen.getByText('Synced just now')).toBeTruthy();
  });

  it('asks the browser before reading another site, and forgets one the user revoked', async () => {
    const { db, permissions } = await setup();
    fireEvent.input(await screen.findByLabelText('Site'), { target: { value: 'https://journals.example.org/toc/current' } });
    fireEvent.click(screen.getByRole('button', { name: 'Allow this site' }));
    await waitFor(() => expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://journals.example.org/*'] }));
    await waitFor(async () => expect((await getSettings(await db)).extraOrigins).toEqual(['https://journals.example.org/*']));

    permissions.request.mockResolvedValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Allow every site' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Permission was not granted, so nothing changed.');
    expect((await getSettings(await db)).extraOrigins).toEqual(['https://journals.example.org/*']);

    fireEvent.click(screen.getByRole('button', { name: 'Allow every site' }));
    await waitFor(async () => expect((await getSettings(await db)).extraOrigins).toContain(EVERY_SITE));
    fireEvent.click(screen.getByRole('button', { name: 'Stop reading https://journals.example.org/*' }));
    await waitFor(async () => expect((await getSettings(await db)).extraOrigins).toEqual([EVERY_SITE]));
    expect(permissions.remove).toHaveBeenCalledWith({ origins: ['https://journals.example.org/*'] });

  });

  it('forgets a site the user revoked in the browser itself', async () => {
    const { db } = await setup(['https://kept.example.org/*'], { extraOrigins: ['https://gone.example.org/*', 'https://kept.example.org/*'] });
    await waitFor(async () => expect((await getSettings(await db)).extraOrigins).toEqual(['https://kept.example.org/*']));
    expect(screen.queryByText('https://gone.example.org')).toBeNull();
  });

  it('exports saved papers as BibTeX and as a backup that imports back with nothing lost', async () => {
    const { db, downloads } = await setup();
    await savedLibrary(await db);
    fireEvent.change(await screen.findByLabelText('Export saved papers as'), { target: { value: 'bibtex' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(downloads.length, document.querySelector('.options-error')?.textContent ?? '').toBe(1));
    expect(downloads[0]!.filename).toMatch(/^paperlens-\d{4}-\d{2}-\d{2}\.bib$/);
    expect(downloads[0]!.text.match(/^@misc\{/gm)).toHaveLength(2);
    expect(await screen.findByText(/Exported 2 papers/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Export saved papers as'), { target: { value: 'backup' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const backup = downloads[1]!;
    expect(backup.mime).toBe('application/json');

    // Clear, then import the backup: everything comes back.
    fireEvent.click(screen.getByRole('button', { name: 'Delete all papers…' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.input(screen.getByLabelText('Type "delete" to confirm'), { target: { value: 'delete' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    expect(await screen.findByText(/Deleted 2 papers/)).toBeTruthy();
    expect(await listPapers(await db, 'saved')).toEqual([]);

    const input = screen.getByLabelText('Import a backup');
    fireEvent.change(input, { target: { files: [new File([backup.text], 'paperlens-backup.json', { type: 'application/json' })] } });
    expect(await screen.findByText(/Imported paperlens-backup\.json: 2 new papers/)).toBeTruthy();
    const back = await listPapers(await db, 'saved');
    expect(back.map((p) => p.id).sort()).toEqual(['arxiv:2609.00001', 'arxiv:2609.00002']);
    expect(back.find((p) => p.id === 'arxiv:2609.00001')).toMatchObject({ note: 'keep this', userTags: ['rl'] });
  });

  it('refuses a bad file with a message that says what is wrong, changing nothing', async () => {
    const { db } = await setup();
    await savedLibrary(await db);
    const input = await screen.findByLabelText('Import a backup');
    fireEvent.change(input, { target: { files: [new File(['@misc{x, title={y}}'], 'refs.bib')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('This file is not a PaperLens backup: it is not JSON.');
    const damaged = JSON.stringify({ format: 'paperlens-backup', version: 1, papers: [{ id: 'arxiv:1', title: 'Broken' }] });
    fireEvent.change(input, { target: { files: [new File([damaged], 'backup.json')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This backup is damaged and was not imported: paper 1 \("Broken"\), field /));
    expect(await (await db).count('papers')).toBe(2);
  });
});

describe('extraOrigins', () => {
  it('keeps the grants beyond the listed sites, for the run-time content script', () => {
    expect(extraOrigins(['*://arxiv.org/*', 'https://journals.example.org/*', EVERY_SITE])).toEqual(['https://journals.example.org/*', EVERY_SITE]);
  });
});

describe('originPattern', () => {
  it('turns what a person types into one origin to ask for', () => {
    expect(originPattern('example.org')).toBe('https://example.org/*');
    expect(originPattern('http://example.org:8080/a/b?c')).toBe('http://example.org:8080/*');
    expect(originPattern('javascript:alert(1)')).toBeNull();
    expect(originPattern('file:///etc/passwd')).toBeNull();
    expect(originPattern('localhost')).toBeNull();
    expect(originPattern('  ')).toBeNull();
  });

  it('syncs at once on "Sync now", and not while sync is off', async () => {
    const { api } = await setup();
    const button = await screen.findByRole('button', { name: 'Sync now' });
    fireEvent.click(button);
    await waitFor(() => expect(api.syncNow).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('checkbox', { name: /sync saved papers/i }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true));
  });
});
