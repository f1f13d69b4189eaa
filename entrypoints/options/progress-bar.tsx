/** A labelled progress bar with counts and, while work can stop, a Cancel button. */
export function ProgressBar({
  label,
  done,
  total,
  detail,
  onCancel,
  cancelling,
}: {
  label: string;
  done: number;
  total: number;
  detail?: string;
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  return (
    <div className="opt-progress" role="status" aria-live="polite">
      <div className="opt-progress-head">
        <span className="opt-progress-label">{label}</span>
        <span className="opt-progress-count">
          {done.toLocaleString('en')} of {total.toLocaleString('en')}
        </span>
      </div>
      <progress value={done} max={Math.max(total, 1)} aria-label={label} />
      <div className="opt-progress-foot">
        <span className="opt-muted">{detail}</span>
        {onCancel && (
          <button type="button" className="opt-button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Stopping after this file…' : 'Cancel'}
          </button>
        )}
      </div>
    </div>
  );
}
