// The app's routes: sign-in, cycles, cycle detail, inbox, and /workflow-monitoring, behind the session guard.
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireAuth } from './components/RequireAuth';
import { WorkflowMonitoringDashboard } from './monitoring/WorkflowMonitoringDashboard';
import { CycleDetailPage } from './pages/CycleDetailPage';
import { CyclesPage } from './pages/CyclesPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { InboxPage } from './tasks/InboxPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/cycles" replace />} />
        <Route path="/cycles" element={<CyclesPage />} />
        <Route path="/cycles/:cycleId" element={<CycleDetailPage />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/workflow-monitoring" element={<WorkflowMonitoringDashboard />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
