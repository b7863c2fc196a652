import type { Paper } from '../model';
import { toRisRecords } from './citation';
import { toCsl } from './csl';

/**
 * RIS, with citation-js mapping CSL to RIS tags. The lines are written here: citation-js wraps
 * values every 70 characters, and a wrapped line can begin with text that reads as a tag
 * ("ER  - "), which would let a hostile title end a record and forge the next. Here each value is one
 * line, with line breaks and control characters folded to spaces.
 */

 
const LINE_BREAKS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

function oneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ').trim();
}

export function risRecords(papers: readonly Paper[], keys: readonly string[]): string {
  const records = toRisRecords(papers.map((paper, i) => toCsl(paper, keys[i]!)));
  return records
    .map((record, i) => {
      const lines = [`TY  - ${oneLine(String(record.TY ?? 'GEN'))}`];
      for (const [tag, value] of Object.entries({ ...record, ID: keys[i]! })) {
        if (tag === 'TY' || !/^[A-Z][A-Z0-9]$/.test(tag)) continue;
        for (const one of [value].flat()) if (oneLine(one)) lines.push(`${tag}  - ${oneLine(one)}`);
      }
      lines.push('ER  - ');
      return `${lines.join('\r\n')}\r\n`;
    })
    .join('\r\n');
}
