/**
 * Dimming or hiding the entries that do not match the page bar's filter. Styles are set inline on the
 * entry's own elements (nothing is added to the page's stylesheets, so nothing can leak) and the
 * previous inline values are put back when the filter is cleared or the extension goes away.
 */

export type FilterMode = 'dim' | 'hide';

/** The elements one entry occupies: on arXiv the dd holds the paper and the dt before it its id and links. */
export function entryParts(element: Element): Element[] {
  const previous = element.previousElementSibling;
  if (element.tagName === 'DD' && previous?.tagName === 'DT') return [previous, element];
  return [element];
}

const PROPERTY: Record<FilterMode, { name: string; value: string }> = {
  dim: { name: 'opacity', value: '0.35' },
  hide: { name: 'display', value: 'none' },
};

interface Saved {
  name: string;
  value: string;
  priority: string;
}

export class EntryFilterStyles {
  private readonly saved = new Map<HTMLElement, Saved>();

  /** Applies `mode` (or nothing, for null) to the parts of one entry. */
  set(parts: Element[], mode: FilterMode | null): void {
    for (const part of parts) {
      if (!isStyled(part)) continue;
      this.restore(part);
      if (!mode) continue;
      const { name, value } = PROPERTY[mode];
      this.saved.set(part, { name, value: part.style.getPropertyValue(name), priority: part.style.getPropertyPriority(name) });
      part.style.setProperty(name, value, 'important');
    }
  }

  /** Puts back every inline style this filter changed. */
  clear(): void {
    for (const part of [...this.saved.keys()]) this.restore(part);
  }

  private restore(part: HTMLElement): void {
    const previous = this.saved.get(part);
    if (!previous) return;
    this.saved.delete(part);
    if (previous.value) part.style.setProperty(previous.name, previous.value, previous.priority);
    else part.style.removeProperty(previous.name);
  }
}

function isStyled(element: Element): element is HTMLElement {
  return 'style' in element;
}
