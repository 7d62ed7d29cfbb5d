import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { siteMatches } from './lib/sites/hosts';

/**
 * Zod's JSON Schema conversion (~19 KB minified, a sixth of a content script's budget) is bundled because
 * every classic schema carries a method for it, though nothing here converts schemas. This swaps its two
 * modules for stubs: each export is a function that hands back a throwing one (Zod calls
 * some of them while it builds schemas, so they cannot throw themselves; a direct conversion call gets a
 * function back, and using it throws). Export names are read from the real files, so a Zod upgrade
 * that renames them still builds; bench/guard-size.bench.mjs shows if the saving goes away.
 */
function withoutZodJsonSchema(): Plugin {
  const zodCore = path.dirname(createRequire(import.meta.url).resolve('zod/v4/core'));
  const stubbed = ['to-json-schema.js', 'json-schema-processors.js'];
  const prefix = '\0og-zod-stub:';
  return {
    name: 'og-without-zod-json-schema',
    enforce: 'pre',
    resolveId(source, importer) {
      const file = path.basename(source);
      if (!importer || !stubbed.includes(file) || !importer.includes(`${path.sep}zod${path.sep}`)) return null;
      return prefix + path.join(zodCore, file);
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const real = readFileSync(id.slice(prefix.length), 'utf8');
      const names = new Set<string>();
      for (const m of real.matchAll(/^export (?:function|const|let|class) ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
      for (const m of real.matchAll(/^export \{([^}]*)\}/gm)) for (const part of m[1]!.split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!);
      const stub = 'function unsupported() { throw new Error("Zod JSON Schema conversion is not bundled in Outreach Guard"); }';
      return `${stub}\n${[...names].filter(Boolean).map((n) => `export const ${n} = () => unsupported;`).join('\n')}`;
    },
  };
}

// One source builds Chrome/Edge MV3 and Firefox. Permissions are kept minimal: the CouchDB server's
// origin is requested at runtime (optional host permission) when a rep joins a team.
export default defineConfig({
  // Parallel builds (e2e, benchmarks) may each use their own folder.
  outDir: process.env.OG_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [withoutZodJsonSchema(), preact()],
    build: { target: 'es2022', ...(process.env.OG_SOURCEMAP ? { sourcemap: true } : {}) },
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
    // The guard's own frame (hold dialog, badge, Save to my list), framed into the guarded sites only. A
    // dynamic URL changes every session, so a page cannot probe a fixed address to find the extension.
    web_accessible_resources: [
      browser === 'firefox'
        ? { resources: ['guard-frame.html'], matches: [...siteMatches.linkedin, ...siteMatches.gmail, ...siteMatches.outlook] }
        : { resources: ['guard-frame.html'], matches: [...siteMatches.linkedin, ...siteMatches.gmail, ...siteMatches.outlook], use_dynamic_url: true },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: 'outreach-guard@outreach-guard.org', strict_min_version: '115.0' } },
        }
      : {}),
  }),
});
