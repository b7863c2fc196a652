// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useWindow } from '../../../lib/ui/useWindow';

describe('useWindow', () => {
  it('renders only the rows in view in the first frame, and the rows around them once painted', () => {
    const windows: Array<[number, number]> = [];
    function List() {
      const win = useWindow(1000, 100);
      windows.push([win.first, win.last]);
      return null;
    }
    render(<List />);
    // Test DOMs do no layout, so the viewport is the 600 px fallback: rows 0-6 are in view.
    expect(windows[0]).toEqual([0, 7]);
    expect(windows.at(-1)).toEqual([0, 7 + 6]);
  });
});
