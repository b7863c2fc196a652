import { useEffect, useState } from 'preact/hooks';
import type { Paper } from '../model';
import { PaperRow } from './PaperRow';

export type PopupView = 'saved' | 'seen';

export interface PopupProps {
  loadPapers(view: PopupView): Promise<Paper[]>;
  setSaved(id: string, saved: boolean): Promise<Paper | null>;
}

const EMPTY_TEXT: Record<PopupView, string> = {
  saved: 'No saved papers yet. Open an arXiv listing (for example arxiv.org/list/cs.LG/new) and press Save next to a paper.',
  seen: 'Papers you see on supported listing pages appear here, even when you do not save them.',
};

/** The toolbar popup: saved papers, and papers seen lately while browsing. */
export function Popup({ loadPapers, setSaved }: PopupProps) {
  const [view, setView] = useState<PopupView>('saved');
  const [papers, setPapers] = useState<Paper[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    setPapers(null);
    loadPapers(view).then(
      (list) => current && setPapers(list),
      (e: unknown) => current && setError(String(e)),
    );
    return () => {
      current = false;
    };
  }, [view, loadPapers]);

  const toggleSaved = async (paper: Paper) => {
    const updated = await setSaved(paper.id, !paper.saved);
    if (updated) setPapers((list) => list && list.map((p) => (p.id === updated.id ? updated : p)));
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>PaperLens</h1>
        <nav role="tablist" aria-label="Lists">
          {(['saved', 'seen'] as const).map((tab) => (
            <button key={tab} role="tab" aria-selected={view === tab} class="tab" onClick={() => setView(tab)}>
              {tab === 'saved' ? 'Saved' : 'Seen lately'}
            </button>
          ))}
        </nav>
      </header>
      {error && <p role="alert" class="error">{error}</p>}
      {papers && papers.length === 0 && <p class="empty">{EMPTY_TEXT[view]}</p>}
      {papers && papers.length > 0 && (
        <ul class="paper-list" aria-label={view === 'saved' ? 'Saved papers' : 'Papers seen lately'}>
          {papers.map((paper) => (
            <PaperRow key={paper.id} paper={paper} onToggleSaved={() => toggleSaved(paper)} />
          ))}
        </ul>
      )}
    </main>
  );
}
