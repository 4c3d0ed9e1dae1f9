/** Shortcuts are Cmd on a Mac and Ctrl elsewhere; labels follow the keyboard in front of you. */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
