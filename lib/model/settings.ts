import { z } from 'zod';

/** Reader settings, stored by the background and sent to every context that needs them. */
export const settingsSchema = z
  .object({
    /** Highlight the first mention of each entity (less noise) or every mention. */
    highlightMode: z.enum(['first', 'every']).default('first'),
    /** Hosts where the reader paused annotation (`www.` stripped). */
    pausedSites: z.array(z.string()).default([]),
    /** Hosts the reader opted into beyond the default news sites. */
    extraSites: z.array(z.string()).default([]),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** `www.naharnet.com` and `naharnet.com` are one site for pausing and feedback. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
