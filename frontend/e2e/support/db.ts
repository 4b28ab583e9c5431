// SQL on the server's database (E2E_DATABASE_URL, through psql) for the one setup the API cannot make: an LOB whose data
// owners have all left, so that phase 4 leaves its attribute/LOB pairs unmapped and the data executive is asked to assign them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DATABASE_URL } from './env';

const run = promisify(execFile);

/** The rows `statement` returns, each as its columns' text. */
async function rows(statement: string): Promise<string[][]> {
  try {
    const { stdout } = await run('psql', [DATABASE_URL, '-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', statement]);
    return stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t'));
  } catch (error) {
    throw new Error(`psql on E2E_DATABASE_URL (${DATABASE_URL}) failed: set it to the database of the server under test`, {
      cause: error,
    });
  }
}

function id(value: string): string {
  if (!/^\d+$/.test(value)) throw new Error(`not a numeric id: ${value}`);
  return value;
}

export interface DataOwner {
  id: string;
  username: string;
  displayName: string;
}

/**
 * Deactivates every active data owner of the LOB that owns the report (which always has source records); returns the LOB
 * and those data owners, and `restore`, which makes them active again (call it in any case: it is idempotent).
 */
export async function deactivateDataOwnersOfReportLob(
  reportId: string,
): Promise<{ lobId: string; owners: DataOwner[]; restore: () => Promise<void> }> {
  const [lob] = await rows(`SELECT lob_id FROM report WHERE id = ${id(reportId)}`);
  const lobId = lob?.[0];
  if (!lobId) throw new Error(`no report ${reportId} in ${DATABASE_URL}`);
  const owners = (
    await rows(
      `UPDATE app_user SET active = false WHERE role = 'DATA_OWNER' AND active AND lob_id = ${id(lobId)}
       RETURNING id, username, display_name`,
    )
  ).map(([userId = '', username = '', displayName = '']) => ({ id: userId, username, displayName }));
  const ids = owners.map((o) => id(o.id));
  const restore = async () => {
    if (ids.length > 0) await rows(`UPDATE app_user SET active = true WHERE id IN (${ids.join(', ')})`);
  };
  return { lobId, owners, restore };
}
