// The observations testing found on the task's report (phase 7): what failed, how often, its severity and status;
// for a report owner executive or an admin, a severity per observation with the reason the server requires
// (`{"severityOverrides": [...]}`), sent with the approval.
import { useState } from 'react';
import { StatusBadge } from '../components/StatusBadge';
import { humanize } from '../format/format';
import { severityPayload, type DecisionPayload, type SeverityChoice } from './decisionPayload';
import { isSeverity, SEVERITIES, severityCounts, type ReviewObservation } from './reviewContent';

interface Props {
  observations: readonly ReviewObservation[];
  /** Set when the viewer may override severities: called with the payload on each change. */
  onOverride?: (payload: DecisionPayload | null) => void;
}

export function ObservationsTable({ observations, onOverride }: Props) {
  const [chosen, setChosen] = useState<Record<string, SeverityChoice>>({});
  if (observations.length === 0) return <p className="muted">No observations on this report.</p>;
  const change = (id: string, next: SeverityChoice) => {
    const all = { ...chosen, [id]: next };
    setChosen(all);
    onOverride?.(severityPayload(observations, all));
  };
  const counts = severityCounts(observations)
    .map((c) => `${c.count} ${humanize(c.severity).toLowerCase()}`)
    .join(', ');
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="review-observations">
        <caption className="review__caption">
          {observations.length} observation{observations.length === 1 ? '' : 's'}: {counts}
        </caption>
        <thead>
          <tr>
            <th scope="col">Observation</th>
            <th scope="col">Attribute</th>
            <th scope="col">LOB</th>
            <th scope="col">Type</th>
            <th scope="col">Failed</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                {o.title}
                {o.description ? <div className="muted small">{o.description}</div> : null}
              </th>
              <td>{o.attributeName}</td>
              <td>{o.lobCode}</td>
              <td>{humanize(o.observationType)}</td>
              <td>
                {o.failureCount} of {o.testedCount}
              </td>
              <td>
                {onOverride ? (
                  <SeverityCell observation={o} value={chosen[o.id]} onChange={change} />
                ) : (
                  <StatusBadge status={o.severity} />
                )}
              </td>
              <td>
                <StatusBadge status={o.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellProps {
  observation: ReviewObservation;
  value: SeverityChoice | undefined;
  onChange: (id: string, next: SeverityChoice) => void;
}

function SeverityCell({ observation, value, onChange }: CellProps) {
  const severity = value?.severity ?? observation.severity;
  const changed = severity !== observation.severity;
  return (
    <div className="review__override">
      <select
        aria-label={`Severity of ${observation.title}`}
        value={severity}
        onChange={(e) => {
          if (isSeverity(e.target.value)) onChange(observation.id, { severity: e.target.value, reason: value?.reason ?? '' });
        }}
      >
        {isSeverity(observation.severity) ? null : <option value={observation.severity}>{observation.severity}</option>}
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {humanize(s)}
            {s === observation.severity ? ' (found)' : ''}
          </option>
        ))}
      </select>
      {changed && value ? (
        <input
          aria-label={`Reason to change the severity of ${observation.title}`}
          placeholder="reason (required)"
          required
          value={value.reason}
          onChange={(e) => onChange(observation.id, { ...value, reason: e.target.value })}
        />
      ) : null}
    </div>
  );
}
