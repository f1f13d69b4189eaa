import { describe, expect, it } from 'vitest';
import { newsSiteMatchPatterns } from '@/lib/extension/news-sites';
import config from '../../../wxt.config';

type ManifestFactory = (env: { browser: string; manifestVersion: number; mode: string; command: string }) => {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
};

/**
 * The declared permissions, exactly (issue #14). Adding one must be a
 * decision: change this list, and say in the README which feature needs it.
 */
describe('the manifest’s permissions', () => {
  const manifest = config.manifest as unknown as ManifestFactory;

  it('asks Chrome for storage space, scripting, the active tab and the selection menu only: no tabs, no storage', () => {
    const chrome = manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    expect(chrome.permissions).toEqual(['unlimitedStorage', 'scripting', 'activeTab', 'contextMenus']);
    expect(chrome.host_permissions).toEqual(newsSiteMatchPatterns());
    expect(chrome.optional_host_permissions).toEqual(['*://*/*']);
    expect(chrome.optional_permissions).toBeUndefined();
  });

  it('asks Firefox for the same, with the optional hosts where MV2 takes them', () => {
    const firefox = manifest({ browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' });
    expect(firefox.permissions).toEqual(['unlimitedStorage', 'scripting', 'activeTab', 'contextMenus']);
    expect(firefox.optional_permissions).toEqual(['*://*/*']);
  });
});
