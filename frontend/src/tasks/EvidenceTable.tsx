// The test cases of an EVIDENCE task: reported value, the latest evidence, and (for its data owner) a form to submit more.
import { useState, type SubmitEvent } from 'react';
import { SubmitEvidenceMutation } from '../api/operations/tasks';
import { useMutation } from '../api/useMutation';
import { ErrorNotice } from '../components/ErrorNotice';
import type { InboxTestCase } from './types';

export function EvidenceTable({ testCases, editable }: { testCases: readonly InboxTestCase[]; editable: boolean }) {
  const answered = testCases.filter((c) => c.evidence != null).length;
  return (
    <details className="evidence" open={editable}>
      <summary>
        Test cases: {answered} of {testCases.length} answered
      </summary>
      <div className="table-scroll">
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">Sample</th>
              <th scope="col">Attribute</th>
              <th scope="col">Reported value</th>
              <th scope="col">Evidence</th>
              {editable ? <th scope="col">Submit evidence</th> : null}
            </tr>
          </thead>
          <tbody>
            {testCases.map((testCase) => (
              <EvidenceRow key={testCase.id} testCase={testCase} editable={editable} />
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function EvidenceRow({ testCase, editable }: { testCase: InboxTestCase; editable: boolean }) {
  const [saved, setSaved] = useState<Pick<InboxTestCase, 'evidence' | 'evidenceVersion' | 'documentRef'>>(testCase);
  const [value, setValue] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [submit, { running, error }] = useMutation(SubmitEvidenceMutation);
  const label = `${testCase.sampleKey} ${testCase.attributeName}`;

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    const ref = documentRef.trim();
    const result = await submit({ testCaseId: testCase.id, value: value.trim(), documentRef: ref || null });
    if (result) {
      setSaved(result.submitEvidence);
      setValue('');
    }
  };

  return (
    <tr>
      <td>{testCase.sampleKey}</td>
      <td>{testCase.attributeName}</td>
      <td>{testCase.reportedValue ?? '—'}</td>
      <td>
        {saved.evidence ?? <span className="muted">none yet</span>}
        {saved.evidenceVersion ? <span className="muted small"> v{saved.evidenceVersion}</span> : null}
        {saved.documentRef ? <div className="muted small">{saved.documentRef}</div> : null}
        {testCase.result ? <div className="small">Result: {testCase.result}</div> : null}
      </td>
      {editable ? (
        <td>
          <form className="evidence__form" onSubmit={(e) => void send(e)}>
            <input aria-label={`Evidence value for ${label}`} required value={value} onChange={(e) => setValue(e.target.value)} />
            <input
              aria-label={`Document reference for ${label}`}
              placeholder="document ref"
              value={documentRef}
              onChange={(e) => setDocumentRef(e.target.value)}
            />
            <button type="submit" className="button" disabled={running || value.trim() === ''}>
              Save
            </button>
            <ErrorNotice error={error} title="Not saved" />
          </form>
        </td>
      ) : null}
    </tr>
  );
}
