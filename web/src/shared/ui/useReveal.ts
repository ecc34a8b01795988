import { useEffect, useRef } from 'react';

/**
 * After an action, shows its result where the user is: when `trigger` changes
 * to a truthy value (a new answer, a saved record), the element behind the
 * returned ref is scrolled into view and focused, so a screen reader reads it
 * and the officer does not have to look for it below the fold. `focus: false`
 * only scrolls (a desk that types the next NIK keeps its cursor).
 */
export function useReveal<T extends HTMLElement = HTMLDivElement>(trigger: unknown, opts: { focus?: boolean } = {}) {
  const focus = opts.focus ?? true;
  const ref = useRef<T | null>(null);
  useEffect(() => {
    if (!trigger) return;
    const id = window.requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
      if (!focus) return;
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(id);
  }, [trigger, focus]);
  return ref;
}
