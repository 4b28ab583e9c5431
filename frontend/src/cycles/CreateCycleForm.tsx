// Form for a test manager or an admin to create a cycle and add reports to it (createCycle, then addReportsToCycle);
// an admin names the test manager who will own it.
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { AddReportsToCycleMutation, CreateCycleMutation, ReportsQuery, TestManagersQuery } from '../api/operations/cycles';
import { useMutation } from '../api/useMutation';
import { useQuery } from '../api/useQuery';
import { ErrorNotice } from '../components/ErrorNotice';

export function CreateCycleForm({ onCreated, namesManager }: { onCreated: () => void; namesManager: boolean }) {
  const navigate = useNavigate();
  const reports = useQuery(ReportsQuery, {});
  const [create, creating] = useMutation(CreateCycleMutation);
  const [addReports, adding] = useMutation(AddReportsToCycleMutation);
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [testManagerId, setTestManagerId] = useState('');

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const manager = namesManager ? { testManagerId } : {};
    const created = await create({ input: { name: name.trim(), startDate, endDate, ...manager } });
    if (!created) return;
    const id = created.createCycle.id;
    if (chosen.length > 0 && !(await addReports({ cycleId: id, reportIds: chosen }))) return;
    onCreated();
    void navigate(`/cycles/${id}`);
  };

  return (
    <details className="card panel">
      <summary>New test cycle</summary>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <label>
          Name
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          First day
          <input type="date" required value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        </label>
        <label>
          Last day
          <input type="date" required min={startDate} value={endDate} onChange={(e) => setEndDate(e.target.value)} />
        </label>
        {namesManager ? <ManagerPicker value={testManagerId} onChange={setTestManagerId} /> : null}
        <fieldset>
          <legend>Reports</legend>
          <ErrorNotice error={reports.error} title="Could not load the reports" />
          {reports.data?.reports.nodes.map((r) => (
            <label key={r.id} className="check">
              <input type="checkbox" checked={chosen.includes(r.id)} onChange={() => toggle(r.id)} />
              {r.reportNumber} — {r.name}
            </label>
          ))}
        </fieldset>
        <ErrorNotice error={creating.error ?? adding.error} title="Could not create the cycle" />
        <div>
          <button type="submit" className="button button--primary" disabled={creating.running || adding.running}>
            Create cycle
          </button>
        </div>
      </form>
    </details>
  );
}

/** The test manager who will own the cycle: an admin creates cycles on someone's behalf. */
function ManagerPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const managers = useQuery(TestManagersQuery, {});
  return (
    <label>
      Test manager
      <select required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {managers.data?.users.nodes.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName} ({m.username})
          </option>
        ))}
      </select>
      <ErrorNotice error={managers.error} title="Could not load the test managers" />
    </label>
  );
}
