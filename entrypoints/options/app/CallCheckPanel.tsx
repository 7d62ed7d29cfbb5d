import { useState } from 'preact/hooks';
import { CallCheck, type CallCheckInput, type CallCheckResult, type CallOutcome } from '@/components/popup/CallCheck';
import { Notice } from '@/components/ui/basics';
import { ask, errorText } from './api';
import { logCallOutcome, searchContactOptions } from './calls';

/** The call check wired to the background: `call/check`, contact search, `call/log-outcome`. */
export function CallCheckPanel() {
  const [result, setResult] = useState<CallCheckResult | null>(null);
  const [input, setInput] = useState<CallCheckInput | null>(null);
  const [logged, setLogged] = useState<CallOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <CallCheck
        result={result}
        busy={busy}
        outcomeLogged={logged}
        onSearchContacts={(q) => searchContactOptions(q, 8)}
        onInputChanged={() => {
          setResult(null);
          setLogged(null);
          setError(undefined);
        }}
        onCheck={(i) =>
          void run(async () => {
            setLogged(null);
            // A failed re-check must not leave the previous verdict and its outcome buttons: "objected" would
            // then be logged against the number of the call before (a wrong person on the do-not-contact list).
            setResult(null);
            setInput(i);
            setResult(await ask({ type: 'call/check', ...i }));
          })
        }
        onLogOutcome={(outcome, note) =>
          void run(async () => {
            if (!input) return;
            await logCallOutcome({ phone: result?.phoneE164 ?? input.phone, contactId: result?.contactId ?? input.contactId, outcome, note });
            setLogged(outcome);
          })
        }
      />
    </>
  );
}
