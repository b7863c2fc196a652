import { createHash } from 'node:crypto';

/**
 * How expected field values of real pages are stored: we may not commit the pages' text, so
 * tests/fixtures/real-expected holds a short hash of each value instead (see the README there).
 */
export function normaliseField(value: string | readonly string[]): string {
  const text = typeof value === 'string' ? value : value.join('; ');
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** sha1 of the normalised value, first 12 hex digits; '' for an empty value. */
export function fieldHash(value: string | readonly string[]): string {
  const text = normaliseField(value);
  return text ? createHash('sha1').update(text).digest('hex').slice(0, 12) : '';
}

/** One real page's expected entries: ids plain, the other fields hashed. */
export interface RealExpected {
  file: string;
  url: string;
  site: string;
  entries: { id: string; title: string; authors: string; abstract: string }[];
}
