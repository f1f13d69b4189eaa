/**
 * The row that ends the options page's entity forms: the submit button,
 * then Cancel. It was written out three times (a new entity, accepting a
 * proposed entity, merging one as an alias; issue #10), and copies drift:
 * one forgetting `disabled` while saving lets a double press write twice.
 * Submit comes first in the tab order, as the form's main action.
 */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  /** While the form is being saved: the submit button is disabled so one press writes once. */
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="opt-actions opt-span-2">
      <button type="submit" className="opt-button opt-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="opt-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
