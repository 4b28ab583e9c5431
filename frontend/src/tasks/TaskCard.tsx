// One human task in the inbox: what is asked, its SLA, what it decides, and the actions the user's role allows.
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/AuthContext';
import { canAssignDataOwners, canManageCycles, ROLE_LABELS } from '../auth/roles';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, humanize } from '../format/format';
import { useNow } from '../hooks/useNow';
import { isOverdue } from '../monitoring/metrics';
import { PHASE_LABELS, phaseNumber } from '../workflow/phases';
import { DecisionForm } from './DecisionForm';
import { payloadKindFor, type DecisionPayload } from './decisionPayload';
import { EvidenceTable } from './EvidenceTable';
import { ReviewContent } from './ReviewContent';
import { reviewViewFor } from './reviewContent';
import { canDecideTask, canSubmitEvidence } from './taskPermissions';
import type { InboxTask } from './types';

export function TaskCard({ task, onChanged }: { task: InboxTask; onChanged: () => void }) {
  const { user } = useSession();
  const now = useNow(false);
  const viewer = { id: user.id, role: user.role };
  const overdue = task.status === 'OPEN' && isOverdue(task, now);
  const titleId = `task-${task.id}-title`;
  const decides = canDecideTask(viewer, task);
  const view = task.status === 'OPEN' ? reviewViewFor(task.phase) : null;
  // What the review's controls add to the decision (exclusions, overrides, owner assignments, severities).
  const [payload, setPayload] = useState<DecisionPayload | null>(null);
  return (
    <li className="card task" aria-labelledby={titleId} data-testid={`task-${task.id}`} data-task-status={task.status}>
      <header className="task__head">
        <h2 id={titleId} className="task__title">
          {task.title}
        </h2>
        <StatusBadge status={task.status} />
        {overdue ? <StatusBadge status="overdue" label="Overdue" /> : null}
      </header>
      <dl className="task__facts">
        <div>
          <dt>Cycle</dt>
          <dd>{task.cycle ? <Link to={`/cycles/${task.cycle.id}`}>{task.cycle.name}</Link> : '—'}</dd>
        </div>
        <div>
          <dt>Report</dt>
          <dd>{task.report?.reportNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>Phase</dt>
          <dd>
            {phaseNumber(task.phase)}. {PHASE_LABELS[task.phase]}
          </dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>
            {humanize(task.kind)}
            {task.round > 1 ? ` (round ${task.round})` : ''}
          </dd>
        </div>
        <div>
          <dt>For</dt>
          <dd>{task.assignee?.displayName ?? `any ${ROLE_LABELS[task.assigneeRole].toLowerCase()}`}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{formatDateTime(task.dueAt)}</dd>
        </div>
        {task.request ? (
          <div>
            <dt>Request</dt>
            <dd data-testid="request-status">
              <StatusBadge status={task.request.status} /> due {formatDateTime(task.request.dueAt)}
            </dd>
          </div>
        ) : null}
      </dl>
      {task.status !== 'OPEN' && task.decision ? (
        <p className="task__decision">
          <StatusBadge status={task.decision} /> by{' '}
          {task.decidedAutomatically ? 'the workflow (AUTO mode)' : (task.decidedBy?.displayName ?? 'someone')} on{' '}
          {formatDateTime(task.decidedAt)}
          {task.comment ? <q className="task__comment">{task.comment}</q> : null}
        </p>
      ) : null}
      {task.kind === 'EVIDENCE' && task.testCases.length > 0 ? (
        <EvidenceTable testCases={task.testCases} editable={canSubmitEvidence(viewer, task)} />
      ) : null}
      {view && task.cycle ? (
        <ReviewContent
          taskId={task.id}
          cycleId={task.cycle.id}
          view={view}
          payloadKind={decides ? payloadKindFor(task, user.role) : null}
          mayListOwners={canManageCycles(user.role) || canAssignDataOwners(user.role)}
          onPayload={setPayload}
        />
      ) : null}
      {decides ? <DecisionForm task={task} payload={payload} onDecided={onChanged} /> : null}
    </li>
  );
}
