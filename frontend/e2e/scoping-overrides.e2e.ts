// Browser test: on a MANUAL run's scoping review, the tester turns one attribute's scope around under "What you are deciding"
// (`{"overrides": [{attribute, inScope, reason}]}`) and approves; the API then shows that attribute's scoping overridden,
// with the reason, and the other attributes' scope unchanged.
import { describe, expect, it, vi } from 'vitest';
import { advanceUntil, assignTester, cancelWorkflow, createCycle, cycleOutputs, findTask, startWorkflow } from './support/api';
import { approveTask, openInboxTask, useBrowser } from './support/browser';

describe('scoping overrides', () => {
  const session = useBrowser();

  it("applies the tester's override of an attribute's scope once the review is approved", async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e scoping override ${Date.now()}`, 1);
    await assignTester(cycle.id, cycle.reportIds[0]!, 'tester');
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await advanceUntil(cycle.id, 'SCOPING', 'REVIEW');
    expect(task.assignee?.username).toBe('tester');

    // The attribute to turn around, as scoping left it.
    const [before] = (await cycleOutputs(cycle.id)).cycleReports;
    const attribute = before?.attributes.find((a) => a.scoping && !a.isPrimaryKey);
    if (!attribute?.scoping) throw new Error('no scored attribute to override');
    const turnedTo = !attribute.scoping.inScope;
    expect(attribute.scoping.overrideReason).toBeNull();
    const reason = `e2e: ${turnedTo ? 'tested after all' : 'covered by the GL tie-out'}`;

    const card = await openInboxTask(page, 'tester', task.id);
    await card.getByText('What you are deciding').click();
    const table = card.getByTestId('review-scoping');
    await table.waitFor();
    const action = turnedTo ? 'Put in scope' : 'Leave out';
    await table.getByRole('checkbox', { name: `${action} ${attribute.name}`, exact: true }).check();
    // Every override needs its reason before the decision goes.
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByText('Every scoping override needs a reason.').waitFor();
    await table.getByLabel(`Reason to override ${attribute.name}`).fill(reason);
    await card.getByTestId('decision-payload').getByText('Overrides the scope of 1 attribute').waitFor();
    await approveTask(page, card, 'scoping-override');
    expect((await findTask('tester', task.id))?.decision).toBe('APPROVE');

    // Closing the task applies the override (an activity of the run, so shortly after the decision).
    await vi.waitFor(
      async () => {
        const [after] = (await cycleOutputs(cycle.id)).cycleReports;
        const overridden = after?.attributes.find((a) => a.id === attribute.id);
        expect(overridden?.scoping).toEqual({ inScope: turnedTo, overrideReason: reason });
        const others = (report: typeof after) =>
          report?.attributes.filter((a) => a.id !== attribute.id).map((a) => [a.id, a.scoping?.inScope]);
        expect(others(after)).toEqual(others(before));
      },
      { timeout: 15_000, interval: 300 },
    );
  });
});
