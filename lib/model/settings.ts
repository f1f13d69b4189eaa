import { z } from 'zod';

/** Highlight the first mention of each entity (less noise) or every mention. */
export const highlightModes = ['first', 'every'] as const;
export type HighlightMode = (typeof highlightModes)[number];

/** What the reader tells us about a highlight: it is someone else here ("Not this"), or stop marking this entity ("Don't highlight this"). */
export const feedbackVerdicts = ['not-this', 'dont-highlight'] as const;
export type FeedbackVerdict = (typeof feedbackVerdicts)[number];

/** Reader settings, stored by the background and sent to every context that needs them. */
export const settingsSchema = z
  .object({
    highlightMode: z.enum(highlightModes).default('first'),
    /** Hosts where the reader paused annotation (`www.` stripped). */
    pausedSites: z.array(z.string()).default([]),
    /** Hosts the reader opted into beyond the default news sites. */
    extraSites: z.array(z.string()).default([]),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Pages we can annotate and import: the web, not our own or the browser's pages. */
export function isWebPageUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url);
}

/** `www.naharnet.com` and `naharnet.com` are one site for pausing and feedback. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
