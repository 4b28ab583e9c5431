// Browser test: an admin creates a cycle in the form, naming the test manager who owns it, with one report.
import { describe, expect, it } from 'vitest';
import { newPage, signIn, useBrowser } from './support/browser';

describe('creating a cycle', () => {
  const session = useBrowser();

  it('lets an admin create a cycle for a named test manager', async () => {
    const page = await newPage(session.browser);
    const name = `e2e admin cycle ${Date.now()}`;
    await signIn(page, 'admin');
    await page.goto('/cycles');
    await page.getByText('New test cycle').click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('First day').fill('2027-01-04');
    await page.getByLabel('Last day').fill('2027-03-31');
    const picker = page.getByLabel('Test manager');
    await picker.locator('option', { hasText: '(test-manager)' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: 'Tom Manager (test-manager)' });
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Create cycle' }).click();

    await page.waitForURL(/\/cycles\/\d+$/);
    await page.getByText('Test manager: Tom Manager').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(name);
    await page.context().close();
  });
});
