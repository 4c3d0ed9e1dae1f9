/**
 * A row's detail as an admin reads it: once the Record column names the client, the same client's
 * id ("client=3f2a…") is left out of the detail rather than shown as a long code.
 */
export function readableDetail(detail: string, clientNamed: boolean): string {
  if (!clientNamed) return detail;
  return detail
    .replace(/(^|\s)client=[0-9a-zA-Z-]+(?=\s|$)/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
