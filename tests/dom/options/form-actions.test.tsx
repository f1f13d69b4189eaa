// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormActions } from '@/entrypoints/options/form-actions';

/** The options forms' submit + Cancel row (entrypoints/options/form-actions.tsx). */

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** The row inside a form, as the options page uses it; `submits` counts submissions. */
function mount(busy: boolean, onCancel: () => void, submits: () => void): HTMLFormElement {
  const form = document.createElement('form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submits();
  });
  document.body.append(form);
  root = createRoot(form);
  act(() => root?.render(<FormActions submitLabel="Add entity" busy={busy} onCancel={onCancel} />));
  return form;
}

describe('FormActions', () => {
  it('submits the form with its label first in the tab order, and cancels without submitting', () => {
    const onCancel = vi.fn();
    const submits = vi.fn();
    const form = mount(false, onCancel, submits);
    const [submit, cancel] = [...form.querySelectorAll('button')];
    expect([submit?.textContent, submit?.type, cancel?.textContent, cancel?.type]).toEqual([
      'Add entity',
      'submit',
      'Cancel',
      'button',
    ]);
    act(() => cancel?.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(submits).not.toHaveBeenCalled();
    act(() => submit?.click());
    expect(submits).toHaveBeenCalledTimes(1);
  });

  it('disables only the submit button while saving, so Cancel still works', () => {
    const onCancel = vi.fn();
    const form = mount(true, onCancel, vi.fn());
    const [submit, cancel] = [...form.querySelectorAll('button')];
    expect(submit?.disabled).toBe(true);
    expect(cancel?.disabled).toBe(false);
    act(() => cancel?.click());
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
