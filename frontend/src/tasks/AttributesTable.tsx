// Planning's attributes (name, type, flags, description); for the planning approver, ticks to exclude some when
// sending the list back (`{"exclude": [name]}`; a primary key is always tested and cannot be excluded).
import { useState } from 'react';
import { excludePayload, type DecisionPayload } from './decisionPayload';
import type { ReviewAttribute } from './reviewContent';

interface Props {
  attributes: readonly ReviewAttribute[];
  /** Set when the viewer may exclude attributes: called with the payload on each change. */
  onExclude?: (payload: DecisionPayload | null) => void;
}

export function AttributesTable({ attributes, onExclude }: Props) {
  const [excluded, setExcluded] = useState<string[]>([]);
  if (attributes.length === 0) return <p className="muted">No attributes yet.</p>;
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...excluded, name] : excluded.filter((n) => n !== name);
    setExcluded(next);
    onExclude?.(excludePayload(next));
  };
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="review-attributes">
        <caption className="review__caption">
          {attributes.length} attribute{attributes.length === 1 ? '' : 's'} to test
          {onExclude ? <span className="muted small"> · tick those to drop when you send the list back</span> : null}
        </caption>
        <thead>
          <tr>
            {onExclude ? <th scope="col">Exclude</th> : null}
            <th scope="col">Attribute</th>
            <th scope="col">Type</th>
            <th scope="col">Flags</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {attributes.map((a) => (
            <tr key={a.id}>
              {onExclude ? (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Exclude ${a.name}`}
                    checked={excluded.includes(a.name)}
                    disabled={a.isPrimaryKey}
                    title={a.isPrimaryKey ? 'A primary key is always tested' : undefined}
                    onChange={(e) => toggle(a.name, e.target.checked)}
                  />
                </td>
              ) : null}
              <th scope="row">
                {a.name}
                {a.lineItem ? <div className="muted small">{a.lineItem}</div> : null}
              </th>
              <td>{a.dataType}</td>
              <td>
                <AttributeFlags attribute={a} />
              </td>
              <td>{a.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AttributeFlags({ attribute }: { attribute: ReviewAttribute }) {
  const flags = [
    attribute.isCde ? 'CDE' : null,
    attribute.hasHistoricalIssue ? 'Historical issue' : null,
    attribute.isPrimaryKey ? 'Key' : null,
  ].filter((f) => f !== null);
  if (flags.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="flags" aria-label="Flags">
      {flags.map((f) => (
        <li key={f} className="flag">
          {f}
        </li>
      ))}
    </ul>
  );
}
