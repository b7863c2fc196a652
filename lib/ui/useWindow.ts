import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** Used until the container can be measured (and in test DOMs, which do no layout). */
const FALLBACK_VIEWPORT = 600;

/**
 * Windowing for long lists: only the rows in view (plus a few) are rendered, between two spacers that
 * keep the scroll height right, so 10,000 papers cost what 20 do. Rows have a fixed height, except at
 * most one expanded row whose height is measured.
 */
export function useWindow(count: number, rowHeight: number, expandedIndex = -1) {
  const containerRef = useRef<HTMLElement | null>(null);
  const expandedRef = useRef<HTMLElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [expandedHeight, setExpandedHeight] = useState(rowHeight);
  // The first frame holds only the rows in view, so it is ready sooner; the rows around them follow
  // once it is painted (effects run after paint).
  const [painted, setPainted] = useState(false);
  useEffect(() => setPainted(true), []);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (container && container.clientHeight > 0 && container.clientHeight !== viewport) setViewport(container.clientHeight);
    const expanded = expandedRef.current;
    const measured = expanded && expanded.offsetHeight > 0 ? expanded.offsetHeight : rowHeight;
    if (expandedIndex >= 0 && measured !== expandedHeight) setExpandedHeight(measured);
  });

  const extra = expandedIndex >= 0 ? expandedHeight - rowHeight : 0;
  const offsetOf = useCallback(
    (i: number) => i * rowHeight + (expandedIndex >= 0 && i > expandedIndex ? extra : 0),
    [rowHeight, expandedIndex, extra],
  );
  const indexAt = (y: number) => {
    if (expandedIndex < 0 || y < expandedIndex * rowHeight) return Math.floor(y / rowHeight);
    if (y < expandedIndex * rowHeight + expandedHeight) return expandedIndex;
    return Math.floor((y - extra) / rowHeight);
  };

  const overscan = painted ? OVERSCAN : 0;
  const first = Math.max(0, indexAt(scrollTop) - overscan);
  const last = Math.min(count, indexAt(scrollTop + viewport) + 1 + overscan);
  const total = count * rowHeight + extra;

  const onScroll = useCallback((event: Event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop), []);

  /** Scrolls the least needed to show row `i` whole. */
  const scrollToIndex = useCallback(
    (i: number, height = rowHeight) => {
      const container = containerRef.current;
      if (!container || i < 0) return;
      const top = offsetOf(i);
      const view = container.clientHeight || viewport;
      let target = container.scrollTop;
      if (top < target) target = top;
      else if (top + height > target + view) target = top + height - view;
      if (target !== container.scrollTop) {
        container.scrollTop = target;
        setScrollTop(target);
      }
    },
    [offsetOf, rowHeight, viewport],
  );

  return {
    containerRef,
    expandedRef,
    first,
    last,
    padTop: offsetOf(first),
    padBottom: Math.max(0, total - offsetOf(last)),
    onScroll,
    scrollToIndex,
    resetScroll: () => {
      if (containerRef.current) containerRef.current.scrollTop = 0;
      setScrollTop(0);
    },
  };
}
