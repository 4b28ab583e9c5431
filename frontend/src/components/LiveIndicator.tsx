// The state of a live subscription: live, connecting, reconnecting (resuming), or failed with its codes.
import type { ApiErrorDetail } from '../api/errors';
import type { LiveStatus } from '../api/resumableSubscription';

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Live updates stopped',
  stopped: 'Offline',
};

export function LiveIndicator({ status, errors }: { status: LiveStatus; errors?: ApiErrorDetail[] | undefined }) {
  const detail = errors?.map((e) => `${e.code}: ${e.message}`).join('; ');
  return (
    <span className={`live live--${status}`} role="status" aria-live="polite" data-live={status} title={detail}>
      <span className="live__dot" aria-hidden="true" />
      {LABELS[status]}
      {status === 'failed' && detail ? <span className="live__detail"> ({detail})</span> : null}
    </span>
  );
}
