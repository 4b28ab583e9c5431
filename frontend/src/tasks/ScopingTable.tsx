// Scoping's decision on each attribute (recommendation, risk score, rationale, in scope); for the scoping reviewer,
// an override per attribute turning it around, with the reason the server requires (`{"overrides": [...]}`).
import { useState } from 'react';
import { overridesPayload, type DecisionPayload, type ScopeOverride } from './decisionPayload';
import { inScopeCount, type ReviewAttribute } from './reviewContent';

interface Props {
  attributes: readonly ReviewAttribute[];
  /** Set when the viewer may override the scope: called with the payload on each change. */
  onOverride?: (payload: DecisionPayload | null) => void;
}

export function ScopingTable({ attributes, onOverride }: Props) {
  const [overrides, setOverrides] = useState<Record<string, ScopeOverride>>({});
  if (attributes.length === 0) return <p className="muted">No attributes yet.</p>;
  const change = (name: string, next: ScopeOverride | null) => {
    const rest = Object.fromEntries(Object.entries(overrides).filter(([key]) => key !== name));
    const all = next ? { ...rest, [name]: next } : rest;
    setOverrides(all);
    onOverride?.(overridesPayload(Object.values(all)));
  };
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="review-scoping">
        <caption className="review__caption">
          {inScopeCount(attributes)} of {attributes.length} attributes in scope
        </caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Risk</th>
            <th scope="col">Rationale</th>
            <th scope="col">In scope</th>
            {onOverride ? <th scope="col">Override</th> : null}
          </tr>
        </thead>
        <tbody>
          {attributes.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td>{a.scoping?.recommendation ?? <span className="muted">not scoped</span>}</td>
              <td>{a.scoping ? a.scoping.riskScore : '—'}</td>
              <td>{a.scoping?.rationale ?? '—'}</td>
              <td>
                {a.scoping ? (a.scoping.inScope ? 'Yes' : 'No') : '—'}
                {a.scoping?.overrideReason ? <div className="muted small">Overridden: {a.scoping.overrideReason}</div> : null}
              </td>
              {onOverride ? (
                <td>{a.scoping ? <OverrideCell attribute={a} value={overrides[a.name]} onChange={change} /> : null}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface CellProps {
  attribute: ReviewAttribute;
  value: ScopeOverride | undefined;
  onChange: (name: string, next: ScopeOverride | null) => void;
}

function OverrideCell({ attribute, value, onChange }: CellProps) {
  const turnedTo = !(attribute.scoping?.inScope ?? false);
  const action = turnedTo ? 'Put in scope' : 'Leave out';
  return (
    <div className="review__override">
      <label className="check">
        <input
          type="checkbox"
          checked={value !== undefined}
          onChange={(e) =>
            onChange(attribute.name, e.target.checked ? { attribute: attribute.name, inScope: turnedTo, reason: '' } : null)
          }
        />
        {action}
        <span className="visually-hidden"> {attribute.name}</span>
      </label>
      {value ? (
        <input
          aria-label={`Reason to override ${attribute.name}`}
          placeholder="reason (required)"
          required
          value={value.reason}
          onChange={(e) => onChange(attribute.name, { ...value, reason: e.target.value })}
        />
      ) : null}
    </div>
  );
}
