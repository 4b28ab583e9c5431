// A status as a coloured badge that also spells the status out (colour is never the only cue).
import { humanize } from '../format/format';

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`badge badge--${status.toLowerCase()}`} data-status={status}>
      {label ?? humanize(status)}
    </span>
  );
}
