import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, REPO_ROOT } from './harness';

/**
 * What the built extension ships. The content script runs on every listing page the user opens,
 * so it must stay small: no schema library, no citation formatter (those belong to the background
 * and the extension pages). And nothing in the build may talk to the network.
 */
const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/papers.js');
const CONTENT_SCRIPT_BUDGET = 100 * 1024;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the built extension', () => {
  it('keeps the content script small and free of page-irrelevant libraries', () => {
    const code = readFileSync(CONTENT_SCRIPT, 'utf8');
    expect(code.length).toBeLessThan(CONTENT_SCRIPT_BUDGET);
    expect(code).not.toContain('ZodError');
    expect(code).not.toContain('citation-js');
  });

  it('ships only scripts Chrome accepts as UTF-8: no noncharacters, which minifiers may write out', () => {
    const scripts = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.js'),
    );
    expect(scripts.length).toBeGreaterThan(3);
    for (const name of scripts) {
      const code = readFileSync(join(EXTENSION_DIR, name), 'utf8');
      expect(code, name).not.toMatch(/[\ufdd0-\ufdef\ufffe\uffff]/u);
    }
  });

  it('asks for no more than it needs', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions).toEqual(['https://huggingface.co/*', 'https://arxiv.org/*']);
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'contextMenus',
      'storage',
      'unlimitedStorage',
    ]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  it('makes no network requests of its own', () => {
    // Our own code, every file of it: libraries are held to this by what we call (citation-js is
    // only ever given typed data, never a URL to load; a unit test makes fetch throw to prove it).
    const sources = ['lib', 'entrypoints', 'components'].flatMap((dir) => sourceFiles(join(REPO_ROOT, dir)));
    expect(sources.length).toBeGreaterThan(40);
    for (const path of sources) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(
        /\bfetch\(|XMLHttpRequest|sendBeacon|new WebSocket\(|new EventSource\(/,
      );
    }
  });
});
