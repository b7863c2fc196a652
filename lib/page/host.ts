/**
 * The in-page UI lives in shadow roots on hosts PaperLens creates, so the page's CSS never reaches it and
 * its CSS never reaches the page. One constructed stylesheet is shared by every root: 2,000 rows cost
 * one style parse, not 2,000.
 */

/** Tag names of the hosts; lib/detect/watch.ts ignores mutations that only add or remove these. */
export const CHIPS_TAG = 'paperlens-chips';
export const BAR_TAG = 'paperlens-bar';

export type Scheme = 'light' | 'dark';

export interface StyleSource {
  /** Adds the styles to a fresh shadow root. */
  adopt(root: ShadowRoot): void;
}

/** A stylesheet shared by all roots, or a `<style>` per root where constructed sheets are unavailable. */
export function styleSource(doc: Document, css: string): StyleSource {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (View && 'adoptedStyleSheets' in doc) {
      const sheet = new View.CSSStyleSheet();
      sheet.replaceSync(css);
      return { adopt: (root) => void (root.adoptedStyleSheets = [sheet]) };
    }
  } catch {
    // Some content-script worlds (Firefox Xrays) refuse constructed sheets: fall back to a <style>.
  }
  return {
    adopt(root) {
      const style = doc.createElement('style');
      style.textContent = css;
      root.append(style);
    },
  };
}

/** Where a row goes for an entry: inside it when the page's markup allows (dd, li, div), else right after it. */
export function placeHost(entryElement: Element, host: Element): void {
  const tag = entryElement.tagName;
  if (tag === 'TR') (entryElement.lastElementChild ?? entryElement).append(host);
  else if (/^(DD|DT|LI|DIV|ARTICLE|SECTION|TD|MAIN|ASIDE|BLOCKQUOTE|FIGURE|FORM)$/.test(tag)) entryElement.append(host);
  else entryElement.after(host);
}

export interface Host {
  host: HTMLElement;
  /** Where Preact renders, inside the shadow root (beside a fallback <style>, never replacing it). */
  mount: HTMLElement;
}

export function createHost(doc: Document, tag: string, styles: StyleSource, scheme: Scheme): Host {
  const host = doc.createElement(tag);
  host.setAttribute('data-scheme', scheme);
  const root = host.attachShadow({ mode: 'open' });
  styles.adopt(root);
  const mount = doc.createElement('div');
  root.append(mount);
  return { host, mount };
}

/** The page's own light or dark look, read from its computed background (then its color-scheme). */
export function pageScheme(doc: Document): Scheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const luminance = relativeLuminance(view.getComputedStyle(element).backgroundColor);
    if (luminance !== null) return luminance < 0.4 ? 'dark' : 'light';
  }
  const colorScheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  const prefersDark = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return /dark/.test(colorScheme) && (prefersDark || !/light/.test(colorScheme)) ? 'dark' : 'light';
}

/** Relative luminance (0..1) of an opaque `rgb()`/`rgba()` colour; null when transparent or unreadable. */
export function relativeLuminance(color: string): number | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return null;
  const channel = (v: string) => {
    const c = Math.min(255, parseFloat(v)) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}
