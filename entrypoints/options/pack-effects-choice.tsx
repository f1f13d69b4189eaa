import { useState } from 'react';
import { PACK_EFFECT_KINDS, type PackEffect, type PackEffectKind } from '@/lib/import/pack-effects';

/** Items listed per kind before "and N more" (the kind's own checkbox still covers them all). */
const ITEMS_SHOWN = 50;

/**
 * A corpus pack's effects in the preview (issue #14): grouped by kind, each
 * with a checkbox. Risky kinds (overrides, mutes, paused sites, settings)
 * start unticked; nothing happens that the reader did not see and tick.
 */
export function PackEffectsChoice({
  effects,
  chosen,
  onChange,
  unicodeNote,
}: {
  effects: readonly PackEffect[];
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  unicodeNote?: string;
}) {
  if (effects.length === 0 && !unicodeNote) return null;
  const kinds = [...new Set(effects.map((effect) => effect.kind))];
  const set = (ids: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  return (
    <section className="opt-pack-effects" aria-label="What this corpus pack changes">
      <p className="opt-pack-effects-lead">
        Besides its articles, this pack changes the following. Only what is ticked is imported.
      </p>
      {unicodeNote && <p className="opt-note">Cleaned: {unicodeNote}.</p>}
      {kinds.map((kind) => (
        <EffectGroup
          key={kind}
          kind={kind}
          effects={effects.filter((effect) => effect.kind === kind)}
          chosen={chosen}
          set={set}
        />
      ))}
    </section>
  );
}

function EffectGroup({
  kind,
  effects,
  chosen,
  set,
}: {
  kind: PackEffectKind;
  effects: readonly PackEffect[];
  chosen: ReadonlySet<string>;
  set: (ids: readonly string[], on: boolean) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const ids = effects.map((effect) => effect.id);
  const ticked = ids.filter((id) => chosen.has(id)).length;
  const shown = showAll ? effects : effects.slice(0, ITEMS_SHOWN);
  return (
    <fieldset className={`opt-effect-group opt-effect-${kind}`}>
      <legend>
        <label>
          <input
            type="checkbox"
            checked={ticked === ids.length}
            ref={(box) => {
              if (box) box.indeterminate = ticked > 0 && ticked < ids.length;
            }}
            onChange={(event) => set(ids, event.currentTarget.checked)}
          />{' '}
          {PACK_EFFECT_KINDS[kind].title} ({ticked.toLocaleString('en')} of {ids.length.toLocaleString('en')})
        </label>
      </legend>
      <ul className="opt-effect-list">
        {shown.map((effect) => (
          <li key={effect.id} className="opt-effect-item">
            <label>
              <input
                type="checkbox"
                checked={chosen.has(effect.id)}
                onChange={(event) => set([effect.id], event.currentTarget.checked)}
              />{' '}
              <span dir="auto">{effect.label}</span>
            </label>
            {effect.changes.length > 0 && (
              <ul className="opt-effect-changes">
                {effect.changes.map((change) => (
                  <li key={change} dir="auto">
                    {change}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {effects.length > shown.length && (
        <button type="button" className="opt-button opt-link-button" onClick={() => setShowAll(true)}>
          Show all {effects.length.toLocaleString('en')}
        </button>
      )}
    </fieldset>
  );
}
