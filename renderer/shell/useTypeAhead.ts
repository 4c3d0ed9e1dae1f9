import { useEffect, useRef } from 'react';

/**
 * While the search opens, focus reaches its field only after the dialog's opening animation;
 * keys typed in that moment would land on the page behind (or nowhere). This catches them at
 * the window and hands them to the search instead: letters join the query, Backspace removes
 * one, Enter is passed on so it can open what is found.
 */
export function useTypeAhead(options: {
  /** Read at each key, not at render: the first letters can arrive before the next render. */
  isOpen: () => boolean;
  fieldId: string;
  append: (text: string) => void;
  removeLast: () => void;
  enter: () => void;
}): void {
  const latest = useRef(options);
  latest.current = options;
  const { fieldId } = options;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!latest.current.isOpen()) return;
      const field = document.getElementById(fieldId);
      if (field && document.activeElement === field) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const handlers = latest.current;
      if (event.key.length === 1) handlers.append(event.key);
      else if (event.key === 'Backspace') handlers.removeLast();
      else if (event.key === 'Enter') handlers.enter();
      else return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [fieldId]);
}
