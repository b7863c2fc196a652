import { SUPPORTED_HOST_PATTERNS } from '../detect/hosts';

/** The options page. */
export function Options() {
  const hosts = [...new Set(SUPPORTED_HOST_PATTERNS.map((pattern) => pattern.replace(/^\*:\/\/(\*\.)?/, '').replace(/\/\*$/, '')))];
  return (
    <main class="options">
      <h1>PaperLens options</h1>
      <section>
        <h2>Sites</h2>
        <p>PaperLens reads these sites, and no others unless you allow it:</p>
        <ul>
          {hosts.map((host) => (
            <li key={host}>{host}</li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Privacy</h2>
        <p>Everything runs on this device. Nothing is sent anywhere except through your browser's own sync.</p>
      </section>
    </main>
  );
}
