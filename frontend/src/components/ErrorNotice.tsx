// Shows failed requests with each error's extensions.code, and a sign-in link when the token was refused.
import { Link } from 'react-router';
import type { ApiErrorDetail } from '../api/errors';
import { ApiError } from '../api/errors';

interface Props {
  error: ApiError | ApiErrorDetail[] | undefined | null;
  title?: string;
}

export function ErrorNotice({ error, title = 'Something went wrong' }: Props) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : error;
  if (details.length === 0) return null;
  const unauthenticated = details.some((d) => d.code === 'UNAUTHENTICATED');
  return (
    <div className="notice notice--error" role="alert">
      <strong>{title}</strong>
      <ul>
        {details.map((d, i) => (
          <li key={i}>
            <code className="error-code">{d.code}</code> {d.message}
            {d.path ? <span className="muted"> (at {d.path})</span> : null}
          </li>
        ))}
      </ul>
      {unauthenticated ? (
        <p>
          Your session is no longer valid. <Link to="/login">Sign in again</Link>.
        </p>
      ) : null}
    </div>
  );
}
