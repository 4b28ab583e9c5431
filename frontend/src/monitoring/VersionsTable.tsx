// The workflow versions this build knows: features, how many runs use each, and where they may migrate.
import type { VersionInfo } from './types';

export function VersionsTable({ versions }: { versions: readonly VersionInfo[] }) {
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Workflow versions</h2>
      {/* A version is stored on every execution, cycle runs and report runs alike, so these counts hold both. */}
      <p className="muted small">Executions and Running count cycle runs and report runs together.</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Executions</th>
            <th scope="col">Running</th>
            <th scope="col">May migrate to</th>
            <th scope="col">Features</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">
                {v.version}
                {v.current ? <span className="muted small"> (current)</span> : null}
              </th>
              <td>{v.executionCount}</td>
              <td>{v.runningCount}</td>
              <td>{v.canMigrateTo.join(', ') || '—'}</td>
              <td className="small">{v.features.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
