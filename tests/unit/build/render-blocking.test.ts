import { describe, expect, it } from 'vitest';
import { markModuleScriptsRenderBlocking } from '../../../scripts/build/render-blocking';

describe('render-blocking module scripts', () => {
  it('marks module scripts, and leaves other tags and already-marked scripts alone', () => {
    const html = [
      '<script type="module" crossorigin src="/chunks/popup-1.js"></script>',
      '<link rel="modulepreload" crossorigin href="/chunks/shared-2.js">',
      '<script type="module" blocking="render" src="/chunks/done.js"></script>',
      '<script src="/classic.js"></script>',
    ].join('\n');
    expect(markModuleScriptsRenderBlocking(html).split('\n')).toEqual([
      '<script type="module" blocking="render" crossorigin src="/chunks/popup-1.js"></script>',
      '<link rel="modulepreload" crossorigin href="/chunks/shared-2.js">',
      '<script type="module" blocking="render" src="/chunks/done.js"></script>',
      '<script src="/classic.js"></script>',
    ]);
  });
});
