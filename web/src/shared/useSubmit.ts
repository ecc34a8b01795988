import { useState, type FormEvent } from 'react';

/**
 * A form's submit handler: busy while `action` runs, the error it throws
 * kept for <ErrorAlert>, cleared on the next try. `action` is the one of the
 * latest render, so it sees the form's current values. `reset` forgets the
 * error, for a dialog that is closed and opened again.
 */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => setError(null);
  return { busy, error, submit, reset };
}
