// Browser test of a cycle's workflow settings: a test manager changes the sample size and a phase's SLA (kept after a reload,
// the phase marked overridden), an invalid value is refused with the server's message, and a tester reads them only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assignTester, createCycle } from './support/api';
import { newPage, screenshot, signIn, useBrowser } from './support/browser';

/** Opens the "Workflow settings" section of the cycle page shown; returns it. */
async function openSettings(page: Page) {
  const section = page.getByTestId('workflow-settings');
  await section.getByText('Workflow settings', { exact: true }).click();
  await section.getByText('a run under way keeps the settings it started with').waitFor();
  return section;
}

describe('workflow settings of a cycle', () => {
  const session = useBrowser();

  it('are changed by a test manager, kept, checked by the server, and read only by a tester', async () => {
    const cycle = await createCycle(`e2e settings ${Date.now()}`, 1);
    // A tester sees only the cycles they test.
    await assignTester(cycle.id, cycle.reportIds[0]!, 'tester');

    const { page } = session;
    await signIn(page, 'test-manager');
    await page.goto(`/cycles/${cycle.id}`);
    let section = await openSettings(page);
    const sampleSize = section.getByLabel('Sample size (per report)');
    const scopingSla = section.getByLabel('SLA hours of Scoping');
    await sampleSize.waitFor();
    const scoping = section.locator('[data-setting-phase="SCOPING"]');
    expect(await scoping.locator('[data-overridden]').getAttribute('data-overridden')).toBe('false');

    await sampleSize.fill('7');
    await scopingSla.fill('36');
    await section.getByRole('button', { name: 'Save settings' }).click();
    try {
      await section.getByText("Saved: the cycle's next run starts with these settings.").waitFor();
    } catch (error) {
      await screenshot(page, 'settings-save');
      throw error;
    }

    await page.reload();
    section = await openSettings(page);
    await sampleSize.waitFor();
    expect(await sampleSize.inputValue()).toBe('7');
    expect(await scopingSla.inputValue()).toBe('36');
    expect(await scoping.getByText('Overridden').count()).toBe(1);
    expect(await section.locator('[data-setting-phase="PLANNING"] [data-overridden]').getAttribute('data-overridden')).toBe('false');

    // Out of range: the server refuses the whole change and says why.
    const planningRounds = section.getByLabel('Max review rounds of Planning');
    const rounds = await planningRounds.inputValue();
    await sampleSize.fill('0');
    await planningRounds.fill(String((Number(rounds) % 10) + 1));
    await section.getByRole('button', { name: 'Save settings' }).click();
    const alert = section.getByRole('alert');
    await alert.getByText('The settings were not saved').waitFor();
    expect(await alert.innerText()).toContain('BAD_USER_INPUT');
    expect(await alert.innerText()).toContain('sampleSize must be 1 to 500');

    await page.reload();
    await openSettings(page);
    await sampleSize.waitFor();
    expect(await sampleSize.inputValue()).toBe('7');
    expect(await planningRounds.inputValue()).toBe(rounds);

    // A tester of the cycle reads the settings, without a way to change them.
    const testerPage = await newPage(session.browser);
    await signIn(testerPage, 'tester');
    await testerPage.goto(`/cycles/${cycle.id}`);
    const seen = await openSettings(testerPage);
    await seen.getByTestId('settings-sample-size').getByText('7 per report').waitFor();
    expect(await seen.locator('[data-setting-phase="SCOPING"]').innerText()).toContain('36');
    expect(await seen.locator('[data-setting-phase="SCOPING"]').getByText('Overridden').count()).toBe(1);
    expect(await seen.locator('input, select, textarea').count()).toBe(0);
    expect(await seen.getByRole('button').count()).toBe(0);
    await testerPage.context().close();
  });
});
