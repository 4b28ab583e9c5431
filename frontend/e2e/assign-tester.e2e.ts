// Browser test of assigning testers: a test manager picks the tester of a new cycle's report on the cycle page, and
// that tester then sees the cycle (testers see only the cycles they test).
import { describe, expect, it } from 'vitest';
import { createCycle } from './support/api';
import { newPage, screenshot, signIn, useBrowser } from './support/browser';

describe('assigning a tester', () => {
  const session = useBrowser();

  it('lets a test manager assign tester to a report, after which tester sees the cycle', async () => {
    const cycle = await createCycle(`e2e assign tester ${Date.now()}`, 1);
    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);

    const reports = page.getByTestId('cycle-reports');
    await reports.getByRole('heading', { name: 'Reports and testers' }).waitFor();
    const select = reports.getByRole('combobox', { name: /^Tester of / });
    await select.waitFor();
    expect(await select.count()).toBe(1);
    expect(await select.inputValue()).toBe('');
    // The testers load separately from the cycle.
    await select.locator('option', { hasText: 'Tess Tester (tester)' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'Tess Tester (tester)' });
    try {
      await reports.getByRole('status').getByText(/assigned to Tess Tester/).waitFor();
    } catch (error) {
      await screenshot(page, 'assign-tester');
      throw error;
    }

    // Kept: read again after a reload.
    await page.reload();
    await select.locator('option', { hasText: 'Tess Tester (tester)' }).waitFor({ state: 'attached' });
    expect(await select.locator('option:checked').innerText()).toBe('Tess Tester (tester)');

    // The tester now sees the cycle in their list, and on its page who tests it, without a select.
    const testerPage = await newPage(session.browser);
    await signIn(testerPage, 'tester');
    await testerPage.goto('/cycles');
    const link = testerPage.getByRole('link', { name: cycle.name });
    await link.waitFor();
    await link.click();
    await testerPage.getByRole('heading', { name: cycle.name }).waitFor();
    const seen = testerPage.getByTestId('cycle-reports');
    await seen.getByRole('row').filter({ hasText: 'Tess Tester' }).waitFor();
    expect(await seen.getByRole('combobox').count()).toBe(0);
    await testerPage.context().close();
  });
});
