// The page for an address the app does not know.
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/cycles">Go to the test cycles</Link>.
      </p>
    </section>
  );
}
