// The frame of every signed-in page: navigation, the notifications bell, who is signed in (name and role), and sign-out.
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession, useAuth } from '../auth/AuthContext';
import { ROLE_LABELS, canMonitor } from '../auth/roles';
import { NotificationBell } from '../notifications/NotificationBell';

export function AppLayout() {
  const { user } = useSession();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const signOut = () => {
    logout();
    void navigate('/login');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="app-header__brand">Synapse DT</span>
        <nav aria-label="Main">
          <ul className="app-nav">
            <li>
              <NavLink to="/cycles">Test cycles</NavLink>
            </li>
            <li>
              <NavLink to="/inbox">Inbox</NavLink>
            </li>
            {canMonitor(user.role) ? (
              <li>
                <NavLink to="/workflow-monitoring">Monitoring</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="app-header__user">
          <NotificationBell />
          <span data-testid="current-user">
            <span className="app-header__name">{user.displayName}</span>{' '}
            <span className="app-header__role" data-testid="current-role">
              {ROLE_LABELS[user.role]}
            </span>
          </span>
          <button type="button" className="button button--quiet" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
