// Runs once before the browser tests: fails fast, with the fix, when chromium or the served UI is missing.
import { existsSync } from 'node:fs';
import { BASE_URL, CHROMIUM_PATH } from './env';

export default async function checkPrerequisites(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  let page: string;
  try {
    const response = await fetch(`${BASE_URL}/cycles`);
    page = response.ok ? await response.text() : `HTTP ${response.status}`;
  } catch (error) {
    throw new Error(`nothing answers at ${BASE_URL}: start it with ../start_all_services.sh`, { cause: error });
  }
  if (!page.includes('id="root"')) {
    throw new Error(
      `${BASE_URL} does not serve the UI (${page.slice(0, 60)}): run \`npm run build\`, then restart the server ` +
        '(../start_all_services.sh), which serves frontend/dist only if it existed when it started',
    );
  }
}
