import { useEffect, useRef } from 'preact/hooks';

/** Whether a key press belongs to a field the user is typing in. */
export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

/**
 * Page-wide shortcuts, heard on the document so they work before anything has focus; keys typed
 * into a field are left alone. The latest `handler` is always the one called.
 */
export function useGlobalKeys(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (!isTextField(event.target)) latest.current(event);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
