import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// One source builds Chrome/Edge MV3 and Firefox. Permissions are kept minimal: the CouchDB server's
// origin is requested at runtime (optional host permission) when a rep joins a team.
export default defineConfig({
  // Parallel builds (e2e, benchmarks) may each use their own folder.
  outDir: process.env.OG_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // The team's CouchDB server: asked for at runtime, for that one origin (permissions.request).
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*', 'http://*/*'] }
      : { optional_host_permissions: ['https://*/*', 'http://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'outreach-guard@outreach-guard.org', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
