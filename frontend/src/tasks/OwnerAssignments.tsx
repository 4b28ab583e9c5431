// The data owner of each attribute and LOB (or "unmapped"); for the data executive's ASSIGNMENT task, a choice of
// data owner for each unmapped pair (those of the pair's LOB first), sent as `{"assignments": [...]}` with APPROVE.
import { useState } from 'react';
import { DataOwnersQuery } from '../api/operations/tasks';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { assignmentPayload, pairKey, unmappedPairs, type DecisionPayload, type UnmappedPair } from './decisionPayload';
import { knownOwners, ownerChoices, type OwnerOption } from './ownerChoices';
import type { ReviewAssignment } from './reviewContent';

interface Props {
  assignments: readonly ReviewAssignment[];
  /** Test managers and admins may list every data owner; others choose among the report's known owners. */
  mayListOwners: boolean;
  /** Set when the viewer assigns owners: called with the payload on each change. */
  onAssign?: (payload: DecisionPayload | null) => void;
}

export function OwnerAssignments(props: Props) {
  return props.onAssign && props.mayListOwners ? <WithListedOwners {...props} /> : <OwnerTable {...props} listed={[]} />;
}

function WithListedOwners(props: Props) {
  const { data, error } = useQuery(DataOwnersQuery, {});
  return (
    <>
      <ErrorNotice error={error} title="Could not list the data owners" />
      <OwnerTable {...props} listed={data?.users.nodes ?? []} />
    </>
  );
}

type Listed = Parameters<typeof knownOwners>[0];

function OwnerTable({ assignments, onAssign, listed }: Props & { listed: Listed }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  if (assignments.length === 0) return <p className="muted">No attribute and LOB pairs yet.</p>;
  const pairs = unmappedPairs(assignments);
  const owners = knownOwners(listed, assignments);
  const pairByKey = new Map(pairs.map((p) => [p.key, p]));
  const choose = (key: string, ownerId: string) => {
    const next = { ...chosen, [key]: ownerId };
    setChosen(next);
    onAssign?.(assignmentPayload(pairs, next));
  };
  return (
    <div className="table-scroll">
      <table className="table table--compact" data-testid="review-owners">
        <caption className="review__caption">
          {assignments.length} attribute and LOB pairs, {pairs.length} unmapped
        </caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">LOB</th>
            <th scope="col">Data owner</th>
            <th scope="col">Method</th>
          </tr>
        </thead>
        <tbody>
          {assignments.map((a, i) => {
            const key = a.attribute && a.lob ? pairKey(a.attribute.id, a.lob.id) : null;
            const pair = key ? pairByKey.get(key) : undefined;
            return (
              <tr key={key ?? i}>
                <th scope="row">{a.attribute?.name ?? '—'}</th>
                <td>{a.lob ? <abbr title={a.lob.name}>{a.lob.code}</abbr> : '—'}</td>
                <td>
                  {a.dataOwner ? a.dataOwner.displayName : null}
                  {!a.dataOwner && !(pair && onAssign) ? <span className="muted">unmapped</span> : null}
                  {pair && onAssign ? (
                    <OwnerSelect pair={pair} owners={owners} value={chosen[pair.key] ?? ''} onChange={choose} />
                  ) : null}
                </td>
                <td>{a.method}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {onAssign && pairs.length > 0 && owners.length === 0 ? (
        <p className="muted small">No data owner is known for this report: approving leaves these pairs unmapped.</p>
      ) : null}
    </div>
  );
}

interface SelectProps {
  pair: UnmappedPair;
  owners: readonly OwnerOption[];
  value: string;
  onChange: (key: string, ownerId: string) => void;
}

function OwnerSelect({ pair, owners, value, onChange }: SelectProps) {
  const { ofLob, others } = ownerChoices(pair.lobId, owners);
  return (
    <select
      aria-label={`Data owner for ${pair.attributeName} (${pair.lobLabel})`}
      value={value}
      onChange={(e) => onChange(pair.key, e.target.value)}
    >
      <option value="">unmapped: choose a data owner</option>
      {ofLob.length > 0 ? (
        <optgroup label={`Data owners of ${pair.lobLabel}`}>
          {ofLob.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName} ({o.username})
            </option>
          ))}
        </optgroup>
      ) : null}
      {others.length > 0 ? (
        <optgroup label={ofLob.length > 0 ? 'Other data owners' : 'Data owners'}>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName} ({o.username})
            </option>
          ))}
        </optgroup>
      ) : null}
    </select>
  );
}
