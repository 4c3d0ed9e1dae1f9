import type { Ink } from '../../../shared/consents/ink';
import { MarkPad } from './MarkPad';

/** The small pad beside a risk section where the client draws their initials once they have read it. */
export function InitialBox({ label, error, initial, onChange }: { label: string; error?: string | undefined; initial?: Ink | null | undefined; onChange: (mark: Ink | null) => void }) {
  return <MarkPad kind="initials" label={label} error={error} height={110} initial={initial} onChange={onChange} />;
}
