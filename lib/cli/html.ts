import { parseHTML } from 'linkedom';

/**
 * Parses saved HTML into a Document in Node, as the content script would see it (scripts are not run,
 * nothing is fetched). Used by the `enrich` command, the eval and tests.
 *
 * linkedom rather than happy-dom: its selector engine does not recurse per nesting level, so a page
 * nested 10,000 deep is read instead of overflowing the stack, and it parses a listing about 4× faster.
 */
export function parseHtml(html: string, url: string): Document {
  const { document } = parseHTML(html);
  Object.defineProperty(document, 'URL', { value: url });
  return document as unknown as Document;
}
