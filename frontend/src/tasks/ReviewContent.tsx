// "What you are deciding" on an open task card: its report's phase output (attributes, scoping, samples, data
// owners or observations), read in one query only once opened; on a task that takes a payload, the controls that build it for the decision form.
import { useState } from 'react';
import { TaskReviewContentQuery } from '../api/operations/tasks';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { AttributesTable } from './AttributesTable';
import type { DecisionPayload, PayloadKind } from './decisionPayload';
import { OwnerAssignments } from './OwnerAssignments';
import { ObservationsTable } from './ObservationsTable';
import { contentOfTask, observationsOfTask, type ReviewContent as Content, type ReviewObservation, type ReviewView } from './reviewContent';
import { SamplesTable } from './SamplesTable';
import { ScopingTable } from './ScopingTable';

interface Props {
  taskId: string;
  cycleId: string;
  view: ReviewView;
  /** The payload the viewer builds here (they decide the task and it takes one), else null. */
  payloadKind: PayloadKind | null;
  /** Whether the viewer may list every data owner (test managers and admins). */
  mayListOwners: boolean;
  onPayload: (payload: DecisionPayload | null) => void;
}

export function ReviewContent(props: Props) {
  // An assignment cannot be made without its pairs: open (and read) at once.
  const startOpen = props.payloadKind === 'assignments';
  const [open, setOpen] = useState(startOpen);
  const [seen, setSeen] = useState(startOpen);
  return (
    <details
      className="review"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        setOpen(now);
        if (now) setSeen(true);
      }}
    >
      <summary>What you are deciding</summary>
      {seen ? <ReviewBody {...props} /> : null}
    </details>
  );
}

function ReviewBody({ taskId, cycleId, view, payloadKind, mayListOwners, onPayload }: Props) {
  const withObservations = view === 'observations';
  const { data, error, loading } = useQuery(TaskReviewContentQuery, { cycleId, withObservations });
  const content = data ? contentOfTask(data.tasks.nodes, taskId) : undefined;
  const observations = data && withObservations ? observationsOfTask(data.tasks.nodes, taskId) : undefined;
  return (
    <div className="review__body" data-testid="review-content">
      <ErrorNotice error={error} title="Could not load what this task decides" />
      {loading && !data ? <Loading what="Loading what you are deciding" /> : null}
      {data && content === undefined ? <p className="muted">This task is no longer open.</p> : null}
      {content === null ? <p className="muted">This task is not about one report.</p> : null}
      {content ? (
        <ViewOf
          content={content}
          observations={observations ?? []}
          view={view}
          payloadKind={payloadKind}
          mayListOwners={mayListOwners}
          onPayload={onPayload}
        />
      ) : null}
    </div>
  );
}

function ViewOf({
  content,
  observations,
  view,
  payloadKind,
  mayListOwners,
  onPayload,
}: Pick<Props, 'view' | 'payloadKind' | 'mayListOwners' | 'onPayload'> & {
  content: Content;
  /** The report's observations (read for the observations view only). */
  observations: readonly ReviewObservation[];
}) {
  switch (view) {
    case 'attributes':
      return <AttributesTable attributes={content.attributes} onExclude={payloadKind === 'exclude' ? onPayload : undefined} />;
    case 'scoping':
      return <ScopingTable attributes={content.attributes} onOverride={payloadKind === 'overrides' ? onPayload : undefined} />;
    case 'samples':
      return <SamplesTable samples={content.samples} />;
    case 'owners':
      return (
        <OwnerAssignments
          assignments={content.ownerAssignments}
          mayListOwners={mayListOwners}
          onAssign={payloadKind === 'assignments' ? onPayload : undefined}
        />
      );
    case 'observations':
      return (
        <ObservationsTable
          observations={observations}
          onOverride={payloadKind === 'severityOverrides' ? onPayload : undefined}
        />
      );
  }
}
