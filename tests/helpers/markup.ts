/**
 * Plain text of a markup fragment, read with regexes only: how tests on real pages derive the expected
 * value of a field from the raw HTML, independently of the DOM parser and the adapter.
 */
export function markupText(fragment: string): string {
  return fragment
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d{1,7});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
