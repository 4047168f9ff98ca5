import type { ComponentChildren, CSSProperties, HTMLAttributes } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A windowed list: only the rows in view (plus a few either side) are in the DOM, so 10,000 rows
 * cost what 20 do. Rows have one fixed height, except at most one expanded row (the one being
 * edited): with that, a row's offset is arithmetic, no measuring, and ~80 lines replace a
 * dependency (@tanstack/virtual-core measures variable rows, which this list does not need).
 */
export interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  expanded?: { index: number; height: number };
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
  overscan?: number;
  /**
   * Lists up to this long are rendered whole: every row stays in the DOM (findable with the
   * browser's find-in-page, and by tests) until windowing pays for itself.
   */
  renderWholeUpTo?: number;
  /** Scrolled into view whenever it changes. */
  scrollToIndex?: number;
  /** Height used until the viewport can be measured (and where layout is not computed). */
  fallbackHeight?: number;
  renderRow(item: T, index: number, style: CSSProperties): ComponentChildren;
  /** The list element's own attributes (role, label, key handler). */
  listProps?: HTMLAttributes<HTMLUListElement>;
  viewportClass?: string;
}

export function VirtualList<T>({
  items,
  rowHeight,
  expanded,
  overscan = 6,
  renderWholeUpTo = 200,
  scrollToIndex,
  fallbackHeight = 400,
  renderRow,
  listProps,
  viewportClass,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);

  const extra = expanded && expanded.index < items.length ? expanded.height - rowHeight : 0;
  const offsetOf = (index: number) =>
    index * rowHeight + (expanded && extra && index > expanded.index ? extra : 0);
  const heightOf = (index: number) => (expanded && index === expanded.index ? expanded.height : rowHeight);
  const indexAt = (offset: number) => {
    if (expanded && extra && offset > offsetOf(expanded.index) + expanded.height) {
      return Math.floor((offset - extra) / rowHeight);
    }
    return Math.min(Math.floor(offset / rowHeight), expanded && extra ? expanded.index : Infinity);
  };

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || fallbackHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  useEffect(() => {
    const element = viewport.current;
    if (!element || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = offsetOf(scrollToIndex);
    const bottom = top + heightOf(scrollToIndex);
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight)
      element.scrollTop = bottom - element.clientHeight;
    setScrollTop(element.scrollTop);
  }, [scrollToIndex, rowHeight, expanded?.index, expanded?.height]);

  // A filter that shortens the list below the scroll position brings the viewport back.
  useEffect(() => {
    const element = viewport.current;
    if (element && element.scrollTop > offsetOf(items.length)) {
      element.scrollTop = 0;
      setScrollTop(0);
    }
  }, [items.length]);

  const whole = items.length <= renderWholeUpTo;
  const first = whole ? 0 : Math.max(0, indexAt(scrollTop) - overscan);
  const last = whole ? items.length : Math.min(items.length, indexAt(scrollTop + height) + 1 + overscan);
  const rows: ComponentChildren[] = [];
  for (let index = first; index < last; index++) {
    rows.push(
      renderRow(items[index] as T, index, {
        position: 'absolute',
        top: `${offsetOf(index)}px`,
        left: 0,
        right: 0,
        height: `${heightOf(index)}px`,
      }),
    );
  }

  return (
    <div
      ref={viewport}
      class={viewportClass}
      style={{ overflowY: 'auto', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        {...listProps}
        style={{ position: 'relative', height: `${offsetOf(items.length)}px`, margin: 0, padding: 0 }}
      >
        {rows}
      </ul>
    </div>
  );
}
