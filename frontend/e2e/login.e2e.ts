// Browser test: signing in shows the user's name and role, survives a reload, and signing out ends the session.
import { describe, expect, it } from 'vitest';
import { signIn, useBrowser } from './support/browser';

describe('login', () => {
  const session = useBrowser();

  it('refuses a wrong password and shows the error code', async () => {
    const { page } = session;
    await page.goto('/login');
    await page.getByLabel('Username').fill('tester');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('UNAUTHENTICATED');
  });

  it('signs in, shows name and role, keeps the session over a reload, and signs out', async () => {
    const { page } = session;
    await signIn(page, 'test-manager');
    expect(await page.getByTestId('current-user').innerText()).toContain('Tom Manager');
    expect(await page.getByTestId('current-role').innerText()).toBe('Test manager');
    await page.getByRole('heading', { name: 'Test cycles' }).waitFor();

    await page.reload();
    await page.getByTestId('current-user').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto('/cycles');
    await page.waitForURL('**/login');
  });
});
