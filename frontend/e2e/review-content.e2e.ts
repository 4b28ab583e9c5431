// Browser test: on a MANUAL run's planning task, the report owner opens "What you are deciding", reads the attributes
// to approve as the API lists them, and sends the list back without one of them (`{"exclude": [name]}`).
import { describe, expect, it } from 'vitest';
import { execute } from '../src/api/graphqlClient';
import { TaskReviewContentQuery } from '../src/api/operations/tasks';
import { cancelWorkflow, createCycle, findTask, startWorkflow, tokenFor, waitForOpenTask } from './support/api';
import { signIn, useBrowser } from './support/browser';
import { BASE_URL } from './support/env';

describe('what a task decides', () => {
  const session = useBrowser();

  it("shows the planning task's attributes once opened", async () => {
    const { page } = session;
    const cycle = await createCycle(`e2e review content ${Date.now()}`, 1);
    const executionId = await startWorkflow(cycle.token, cycle.id, 'MANUAL');
    session.afterwards(() => cancelWorkflow(cycle.token, executionId));
    const task = await waitForOpenTask('report-owner', cycle.id);
    expect(task.phase).toBe('PLANNING');

    const token = await tokenFor('report-owner');
    const { tasks } = await execute(TaskReviewContentQuery, { cycleId: cycle.id }, { endpoint: `${BASE_URL}/graphql`, token });
    const names = tasks.nodes.find((t) => t.id === task.id)?.cycleReport?.attributes.map((a) => a.name) ?? [];
    expect(names.length).toBeGreaterThan(0);

    await signIn(page, 'report-owner');
    await page.goto('/inbox');
    const card = page.getByTestId(`task-${task.id}`);
    await card.waitFor();
    // Read only when opened.
    expect(await card.getByTestId('review-content').count()).toBe(0);
    await card.getByText('What you are deciding').click();
    const table = card.getByTestId('review-attributes');
    await table.waitFor();
    const first = names[0] ?? '';
    await table.getByRole('rowheader', { name: first }).first().waitFor();
    expect(await table.innerText()).toContain(`${names.length} attribute`);

    // Excluding an attribute goes with sending the list back, not with approving.
    const excludable = tasks.nodes
      .find((t) => t.id === task.id)
      ?.cycleReport?.attributes.find((a) => !a.isPrimaryKey);
    if (!excludable) throw new Error('every attribute is a primary key: nothing to exclude');
    await table.getByRole('checkbox', { name: `Exclude ${excludable.name}` }).check();
    await card.getByTestId('decision-payload').getByText(excludable.name).waitFor();
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.getByText('choose Reject or Request changes').waitFor();

    // Sent back with the exclusion, the next round's list no longer has it.
    await card.getByRole('radio', { name: 'Request changes' }).check();
    await card.getByLabel('Comment').fill('Not this one');
    await card.getByRole('button', { name: 'Request changes' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await findTask('report-owner', task.id))?.decision).toBe('REQUEST_CHANGES');
    const next = await waitForOpenTask('report-owner', cycle.id);
    expect(next.round).toBe(2);
    const again = await execute(TaskReviewContentQuery, { cycleId: cycle.id }, { endpoint: `${BASE_URL}/graphql`, token });
    const nextNames = again.tasks.nodes.find((t) => t.id === next.id)?.cycleReport?.attributes.map((a) => a.name) ?? [];
    expect(nextNames).not.toContain(excludable.name);
    expect(nextNames.length).toBe(names.length - 1);
  });
});
