/**
 * The search filters (issue #4): entity, outlet, kind and date range. Native
 * form controls with visible labels, so they work with the keyboard and read
 * well to a screen reader without any ARIA of ours.
 */
import { useId } from 'react';
import { KIND_LABELS } from '@/components/entity-card';
import type { EntityKind } from '@/lib/model/knowledge-base';
import { activeFilterCount, type SearchFilters } from '@/lib/search/search-filters';

export interface FilterPanelProps {
  filters: SearchFilters;
  onChange(filters: SearchFilters): void;
  /** Entities to choose from (those some article mentions), by name. */
  entities: readonly { id: string; name: string; kind: EntityKind }[];
  /** Outlets of the corpus, "unknown" last. */
  outlets: readonly string[];
}

/** Drops a filter set to nothing, so `{ outlet: '' }` never narrows anything. */
function withFilter(filters: SearchFilters, key: keyof SearchFilters, value: string): SearchFilters {
  const next: SearchFilters = { ...filters };
  if (value) (next as Record<string, string>)[key] = value;
  else delete next[key];
  return next;
}

export function FilterPanel({ filters, onChange, entities, outlets }: FilterPanelProps) {
  const id = useId();
  const set = (key: keyof SearchFilters) => (value: string) => {
    let next = withFilter(filters, key, value);
    // An entity of another kind than the one chosen would silently find nothing: drop it.
    if (
      key === 'kind' &&
      value &&
      next.entityId &&
      entities.find((entity) => entity.id === next.entityId)?.kind !== value
    ) {
      next = withFilter(next, 'entityId', '');
    }
    onChange(next);
  };
  const shownEntities = filters.kind ? entities.filter((entity) => entity.kind === filters.kind) : entities;
  const count = activeFilterCount(filters);
  const datesReversed = Boolean(filters.from && filters.to && filters.from > filters.to);

  return (
    <fieldset className="nc-filters">
      <legend className="nc-visually-hidden">Filters</legend>
      <div className="nc-field">
        <label htmlFor={`${id}-entity`}>Entity</label>
        <select
          id={`${id}-entity`}
          value={filters.entityId ?? ''}
          onChange={(event) => set('entityId')(event.target.value)}
        >
          <option value="">Any entity</option>
          {shownEntities.map((entity) => (
            <option key={entity.id} value={entity.id}>
              {entity.name}
            </option>
          ))}
        </select>
      </div>
      <div className="nc-field">
        <label htmlFor={`${id}-outlet`}>Outlet</label>
        <select
          id={`${id}-outlet`}
          value={filters.outlet ?? ''}
          onChange={(event) => set('outlet')(event.target.value)}
        >
          <option value="">Any outlet</option>
          {outlets.map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet === 'unknown' ? 'Outlet unknown' : outlet}
            </option>
          ))}
        </select>
      </div>
      <div className="nc-field">
        <label htmlFor={`${id}-kind`}>Kind of entity</label>
        <select id={`${id}-kind`} value={filters.kind ?? ''} onChange={(event) => set('kind')(event.target.value)}>
          <option value="">Any kind</option>
          {(Object.keys(KIND_LABELS) as EntityKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="nc-field nc-field--dates">
        <legend className="nc-field-label">Published</legend>
        <div className="nc-dates">
          <input
            type="date"
            aria-label="Published from"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => set('from')(event.target.value)}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label="Published until"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => set('to')(event.target.value)}
          />
        </div>
        {datesReversed && (
          <p className="nc-field-error" role="alert">
            The start date is after the end date.
          </p>
        )}
      </fieldset>
      {count > 0 && (
        <button type="button" className="nc-link-button nc-clear-filters" onClick={() => onChange({})}>
          Clear {count === 1 ? 'the filter' : `all ${count} filters`}
        </button>
      )}
    </fieldset>
  );
}
