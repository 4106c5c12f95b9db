// The test application of workos-widgets-browser.test.ts: WorkOS's own <Pipes> / <PipesAdmin>
// (@workos-inc/widgets, bundled at test time with esbuild) pointed at OpenPipes. The page says which
// widget to render and where OpenPipes listens; the token comes from the app's backend (R33).
import '@radix-ui/themes/styles.css';
import '@workos-inc/widgets/styles.css';
import { Pipes, PipesAdmin, WorkOsWidgets } from '@workos-inc/widgets';
import { createRoot } from 'react-dom/client';

const config = JSON.parse(document.getElementById('app-config').textContent);

async function authToken() {
  const res = await fetch(`/token?widget=${config.widget}`, { method: 'POST' });
  if (!res.ok) throw new Error(`the app's backend could not mint a widget token: ${res.status}`);
  return (await res.json()).token;
}

createRoot(document.getElementById('root')).render(
  <WorkOsWidgets apiHostname={config.apiHostname} port={config.port} https={false}>
    {config.widget === 'pipes-admin' ? <PipesAdmin authToken={authToken} /> : <Pipes authToken={authToken} />}
  </WorkOsWidgets>,
);
