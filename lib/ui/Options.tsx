import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ImportReport } from '../export/backup';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFile, type ExportFormat } from '../export/formats';
import type { Paper, SiteId } from '../model';
import { THRESHOLD_RANGE, TOPIC_SETS, type Settings, type TopicSet } from '../store/settings';

/** What the options page asks of the extension; the entrypoint passes one backed by messaging (optionsApi.ts), tests their own. */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Saved papers, for exports made here with a progress bar. */
  listSaved(): Promise<Paper[]>;
  exportPapers(format: ExportFormat, papers: readonly Paper[], onProgress: (done: number, total: number) => void): Promise<ExportFile>;
  exportBackup(): Promise<ExportFile>;
  importBackup(text: string): Promise<ImportReport>;
  clearData(): Promise<{ papers: number }>;
  download(file: ExportFile): void;
  /** Flushes sync at once rather than at the next debounced flush. */
  syncNow?(): Promise<unknown>;
}

/** The part of `browser.permissions` the page uses. */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
  getAll(): Promise<{ origins?: string[] }>;
}

export const SITE_LABELS: Record<Exclude<SiteId, 'generic'>, string> = {
  arxiv: 'arXiv',
  huggingface: 'Hugging Face Papers',
  openreview: 'OpenReview',
  acl: 'ACL Anthology',
  scholar: 'Google Scholar',
  semanticscholar: 'Semantic Scholar',
  pubmed: 'PubMed',
  biorxiv: 'bioRxiv and medRxiv',
  pmlr: 'PMLR (ICML, AISTATS, CoRL…)',
  neurips: 'NeurIPS proceedings',
  cvf: 'CVF Open Access (CVPR, ICCV…)',
  dblp: 'dblp',
};

const TOPIC_SET_LABELS: Record<TopicSet, string> = {
  both: 'Research topics and subject categories',
  topics: 'Research topics only',
  categories: 'Subject categories only (cs.LG, stat.ML…)',
};

export const EVERY_SITE = '*://*/*';

/** `example.org`, `https://example.org/path` → `https://example.org/*`; not a web origin → null. */
export function originPattern(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!/^[a-z0-9.-]+$/.test(url.hostname) || !url.hostname.includes('.')) return null;
    return `${url.protocol}//${url.host}/*`;
  } catch {
    return null;
  }
}

interface SectionProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
}

function Sites({ settings, update }: SectionProps) {
  const toggle = (site: SiteId, on: boolean) =>
    update({ sitesOff: on ? settings.sitesOff.filter((s) => s !== site) : [...settings.sitesOff, site] });
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p>PaperLens reads listing pages on these sites. Turn off any you don't want it on.</p>
      <ul class="options-list">
        {Object.entries(SITE_LABELS).map(([site, label]) => (
          <li key={site}>
            <label>
              <input type="checkbox" checked={!settings.sitesOff.includes(site as SiteId)} onChange={(e) => toggle(site as SiteId, e.currentTarget.checked)} /> {label}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OtherSites({ settings, update, permissions }: SectionProps & { permissions: PermissionsApi }) {
  const [origin, setOrigin] = useState('');
  const [message, setMessage] = useState('');
  // Only origins the browser still grants count: the user may have revoked one in the browser's own settings.
  useEffect(() => {
    void permissions.getAll().then(({ origins = [] }) => {
      const granted = settings.extraOrigins.filter((o) => origins.includes(o));
      if (granted.length !== settings.extraOrigins.length) update({ extraOrigins: granted });
    });
  }, [permissions]);

  const allow = async (pattern: string) => {
    setMessage('');
    // The request must come straight from the click: browsers only show the prompt on a user gesture.
    const granted = await permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) {
      setMessage('Permission was not granted, so nothing changed.');
      return;
    }
    update({ extraOrigins: [...settings.extraOrigins, pattern] });
    setOrigin('');
  };
  const revoke = async (pattern: string) => {
    await permissions.remove({ origins: [pattern] }).catch(() => false);
    update({ extraOrigins: settings.extraOrigins.filter((o) => o !== pattern) });
  };
  const pattern = originPattern(origin);
  return (
    <section aria-labelledby="other-heading">
      <h2 id="other-heading">Other sites</h2>
      <p>PaperLens can also find papers on other sites, from the citation data pages carry. Your browser asks you to allow each one.</p>
      <form
        class="options-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (pattern) void allow(pattern);
          else setMessage('Enter a web address such as example.org.');
        }}
      >
        <label for="origin-input">Site</label>
        <input id="origin-input" type="text" inputMode="url" placeholder="journals.example.org" value={origin} onInput={(e) => setOrigin(e.currentTarget.value)} />
        <button type="submit">Allow this site</button>
        {!settings.extraOrigins.includes(EVERY_SITE) && (
          <button type="button" onClick={() => void allow(EVERY_SITE)}>
            Allow every site
          </button>
        )}
      </form>
      {message && (
        <p class="options-note" role="alert">
          {message}
        </p>
      )}
      {settings.extraOrigins.length > 0 && (
        <ul class="options-list">
          {settings.extraOrigins.map((o) => (
            <li key={o}>
              {o === EVERY_SITE ? 'Every site' : o.replace(/\/\*$/, '')}{' '}
              <button type="button" onClick={() => void revoke(o)} aria-label={`Stop reading ${o === EVERY_SITE ? 'every site' : o}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Tagging({ settings, update }: SectionProps) {
  const percent = Math.round(settings.personalTagThreshold * 100);
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      <label for="threshold">Apply my own tags automatically when PaperLens is at least {percent}% sure</label>
      <div class="options-row">
        <input
          id="threshold"
          type="range"
          min={THRESHOLD_RANGE.min}
          max={THRESHOLD_RANGE.max}
          step={0.01}
          value={settings.personalTagThreshold}
          aria-valuetext={`${percent}%`}
          onChange={(e) => update({ personalTagThreshold: Number(e.currentTarget.value) })}
        />
        <output for="threshold">{percent}%</output>
      </div>
      <p class="options-note">Below that, your tags are only suggested. Higher means fewer, surer tags.</p>
      <fieldset>
        <legend>Automatic tags to show</legend>
        {TOPIC_SETS.map((set) => (
          <label key={set} class="options-choice">
            <input type="radio" name="topic-set" value={set} checked={settings.topicSet === set} onChange={() => update({ topicSet: set })} /> {TOPIC_SET_LABELS[set]}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function Data({ api }: { api: OptionsApi }) {
  const [format, setFormat] = useState<ExportFormat | 'backup'>('backup');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmText, setConfirmText] = useState('');

  const run = async (work: () => Promise<string>, busy: string) => {
    setStatus({ text: busy });
    try {
      setStatus({ text: await work() });
    } catch (error) {
      setStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setProgress(null);
    }
  };
  const doExport = () =>
    run(async () => {
      const file =
        format === 'backup' ? await api.exportBackup() : await api.exportPapers(format, await api.listSaved(), (done, total) => setProgress({ done, total }));
      api.download(file);
      return `Exported ${file.count} paper${file.count === 1 ? '' : 's'} to ${file.filename}.`;
    }, 'Exporting…');
  const doImport = (file: File) =>
    run(async () => {
      const report = await api.importBackup(await file.text());
      return `Imported ${file.name}: ${report.added} new paper${report.added === 1 ? '' : 's'}, ${report.merged} merged with ones you had, ${report.unchanged} already here; ${report.tags} new tag${report.tags === 1 ? '' : 's'}. Your settings here were kept.`;
    }, `Importing ${file.name}…`);
  const doClear = () =>
    run(async () => {
      const { papers } = await api.clearData();
      setConfirming(false);
      setConfirmText('');
      return `Deleted ${papers} paper${papers === 1 ? '' : 's'}, your tags and learned tag models. Settings were kept.`;
    }, 'Deleting…');

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <div class="options-row">
        <label for="export-format">Export saved papers as</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat | 'backup')}>
          <option value="backup">{FORMAT_INFO.backup.label}: everything, to import later</option>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_INFO[f].label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void doExport()} disabled={progress !== null}>
          Export
        </button>
      </div>
      {progress && (
        <progress max={progress.total} value={progress.done} aria-label="Export progress">
          {progress.done} of {progress.total}
        </progress>
      )}
      <div class="options-row">
        <label for="import-file">Import a backup</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void doImport(file);
          }}
        />
      </div>
      <p class="options-note">Importing merges: papers you already have are combined with the backup's, and nothing is lost or doubled.</p>
      {!confirming ? (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete all papers…
        </button>
      ) : (
        <form
          class="options-confirm"
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmText.trim().toLowerCase() === 'delete') void doClear();
          }}
        >
          <p>
            This deletes every saved and seen paper, your tags, notes and learned tag models from this device. Export a backup first if you may want them back.
            Your other devices keep theirs: with sync on, the papers saved there come back here; turn sync off first to keep this device empty.
          </p>
          <label for="confirm-input">Type "delete" to confirm</label>
          <input id="confirm-input" type="text" value={confirmText} onInput={(e) => setConfirmText(e.currentTarget.value)} autoComplete="off" />
          <button type="submit" class="danger" disabled={confirmText.trim().toLowerCase() !== 'delete'}>
            Delete everything
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      )}
      {status && (
        <p class={status.error ? 'options-error' : 'options-note'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}

function Sync({ settings, update, syncStatus, syncNow }: SectionProps & { syncStatus?: ComponentChildren; syncNow?: () => Promise<unknown> }) {
  const [syncing, setSyncing] = useState(false);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <label>
        <input type="checkbox" checked={settings.syncEnabled} onChange={(e) => update({ syncEnabled: e.currentTarget.checked })} /> Sync saved papers, tags and notes
        through your browser's sync
      </label>
      {syncNow && (
        <button
          type="button"
          disabled={!settings.syncEnabled || syncing}
          onClick={() => {
            setSyncing(true);
            void syncNow().finally(() => setSyncing(false));
          }}
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      )}
      <p class="options-note" aria-live="polite">
        {syncStatus}
      </p>
    </section>
  );
}

export interface OptionsProps {
  api: OptionsApi;
  permissions: PermissionsApi;
  /** The sync status line (lib/ui/SyncStatusLine.tsx), filled by the sync service. */
  syncStatus?: ComponentChildren;
}

/** The options page: sites, other sites, tags, data and sync. Every change is saved at once. */
export function Options({ api, permissions, syncStatus }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api.getSettings().then(setSettings, (e: unknown) => setError(`Settings could not be read: ${String(e)}`));
  }, [api]);
  const update = (patch: Partial<Settings>) => {
    setSettings((current) => current && { ...current, ...patch });
    api.setSettings(patch).then(setSettings, (e: unknown) => setError(`That change was not saved: ${String(e)}`));
  };
  return (
    <main class="options">
      <h1>PaperLens options</h1>
      {error && (
        <p class="options-error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <>
          <Sites settings={settings} update={update} />
          <OtherSites settings={settings} update={update} permissions={permissions} />
          <Tagging settings={settings} update={update} />
          <Sync settings={settings} update={update} syncStatus={syncStatus} syncNow={api.syncNow} />
        </>
      )}
      <Data api={api} />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>Everything runs on this device. Nothing is sent anywhere except through your browser's own sync, when it is on.</p>
      </section>
    </main>
  );
}
