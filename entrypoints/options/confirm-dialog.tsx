import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal question before something that loses the reader's data (issue #14:
 * "Delete this entity" asked nothing, and a misclick was forever). A real
 * `<dialog>` opened with `showModal()`, not `window.confirm`: the browser
 * keeps focus inside it and makes the page behind inert, Escape cancels, and
 * its title and description are what a screen reader announces
 * (`aria-labelledby`, `aria-describedby`).
 *
 * The safe choice comes first and takes the focus, so Enter right after a
 * misclick cancels instead of confirming.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  details,
  confirmLabel,
  cancelLabel = 'Cancel',
  destructive = true,
  busy = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** What is lost, said plainly: the dialog's accessible description. */
  description: ReactNode;
  /** More, read after the description: lists of what goes and stays, choices. */
  details?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="opt-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      // Escape fires `cancel`; the dialog closes itself, and the parent's state follows.
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h3 id={titleId} dir="auto">
            {title}
          </h3>
          <div id={descriptionId} className="opt-dialog-description">
            {description}
          </div>
          {details}
          <div className="opt-actions opt-dialog-actions">
            <button ref={cancel} type="button" className="opt-button" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </button>
            <button
              type="button"
              className={`opt-button ${destructive ? 'opt-danger-solid' : 'opt-primary'}`}
              onClick={onConfirm}
              disabled={busy}
            >
              {confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
