import { useCallback, useEffect, useState } from 'react';

/**
 * The height from an element's top to the bottom of the window (less a
 * margin), kept current on resize and when the content above it changes
 * height (the filter bar wraps or opens), so the table fills the page and
 * the page itself never scrolls.
 */
export function useRemainingHeight(margin: number, minimum: number) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(minimum);

  const measure = useCallback(() => {
    if (!element) return;
    const top = element.getBoundingClientRect().top + window.scrollY;
    setHeight(Math.max(minimum, window.innerHeight - top - margin));
  }, [element, margin, minimum]);

  useEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    const observer = new ResizeObserver(measure);
    if (element?.parentElement) observer.observe(element.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [element, measure]);

  return { ref: setElement, height };
}
