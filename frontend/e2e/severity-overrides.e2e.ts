// Browser test: on a MANUAL run's observation approval, the report owner executive gives one observation another severity
// under "What you are deciding" (`{"severityOverrides": [{observationId, severity, reason}]}`) and approves; the API then
// shows that observation with the new severity, every observation of the report approved, and the others' severity unchanged.
import { describe, expect, it, vi } from 'vitest';
import { SEVERITIES } from '../src/tasks/reviewContent';
import { advanceUntil, cancelWorkflow, createCycle, cycleOutputs, setSampleSize, startWorkflow } from './support/api';
import { approveTask, openInboxTask, useBrowser } from './support/browser';

describe('severity overrides', () => {
  const session = useBrowser();

  it("applies the executive's change of an observation's severity once the observations are approved", async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e severity override ${Date.now()}`, 1);
    await setSampleSize(cycle.id, 2);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    // Up to the observation approval; the data owners' evidence fails, so testing raises observations.
    const task = await advanceUntil(cycle.id, 'OBSERVATION_MANAGEMENT', 'APPROVAL');

    const before = (await cycleOutputs(cycle.id)).observations;
    const observation = before[0];
    if (!observation) throw new Error('testing raised no observation');
    expect(before.every((o) => o.status === 'OPEN')).toBe(true);
    const severity = SEVERITIES.find((s) => s !== observation.severity) ?? 'LOW';
    const reason = 'e2e: isolated, fixed at source';

    const card = await openInboxTask(page, 'report-owner-executive', task.id);
    await card.getByText('What you are deciding').click();
    const table = card.getByTestId('review-observations');
    await table.waitFor();
    await table.getByLabel(`Severity of ${observation.title}`, { exact: true }).selectOption(severity);
    await table.getByLabel(`Reason to change the severity of ${observation.title}`, { exact: true }).fill(reason);
    await card.getByTestId('decision-payload').getByText('Changes the severity of 1 observation').waitFor();
    await approveTask(page, card, 'severity-override');

    // Closing the task applies the approval (an activity of the run, so shortly after the decision).
    await vi.waitFor(
      async () => {
        const after = (await cycleOutputs(cycle.id)).observations;
        expect(after.find((o) => o.id === observation.id)).toMatchObject({ severity, status: 'APPROVED' });
        expect(after.filter((o) => o.id !== observation.id).map((o) => [o.id, o.severity, o.status])).toEqual(
          before.filter((o) => o.id !== observation.id).map((o) => [o.id, o.severity, 'APPROVED']),
        );
      },
      { timeout: 15_000, interval: 300 },
    );
  });
});
