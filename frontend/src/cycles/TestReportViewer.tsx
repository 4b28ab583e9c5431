// The rendered test reports of phase 8, each shown in a sandboxed frame (the HTML comes from the server).
import { StatusBadge } from '../components/StatusBadge';
import type { TestReportDoc } from './types';

export function TestReportViewer({ reports }: { reports: readonly TestReportDoc[] }) {
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="test-reports-title" className="card">
      <h2 id="test-reports-title">Test reports</h2>
      {reports.map((doc, index) => {
        const title = `${doc.report?.reportNumber ?? 'Report'} test report, version ${doc.version}`;
        return (
          <details key={doc.id} className="test-report" open={index === 0} data-testid="test-report">
            <summary>
              {title} <StatusBadge status={doc.status} />
            </summary>
            {/* An empty sandbox: no scripts, no same-origin access, no navigation. */}
            <iframe className="test-report__frame" title={title} sandbox="" srcDoc={doc.html} />
          </details>
        );
      })}
    </section>
  );
}
