// One AbortSignal per attempt: aborted when the caller's signal aborts or when the request
// deadline passes, whichever comes first, and remembering which of the two it was. This is
// AbortSignal.any([call.signal, timeout(remaining)]) with the reason kept and the listener
// and timer released as soon as the attempt ends (no timers left behind per attempt).

export type AbortCause = "caller" | "deadline";

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Why the signal aborted, or null while it has not. */
  readonly abortedBy: AbortCause | null;
  /** Removes the listener and the timer; call when the attempt is over. */
  dispose(): void;
}

/** setTimeout fires at once for delays above 2^31-1 ms; never arm it further out than this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function attemptSignal(callSignal: AbortSignal, deadline: number, now: () => number): AttemptSignal {
  const controller = new AbortController();
  let abortedBy: AbortCause | null = null;
  const abort = (cause: AbortCause): void => {
    if (abortedBy !== null) return;
    abortedBy = cause;
    // A reason without any request detail: undici rethrows it as the error of request/body.
    controller.abort(new DOMException(cause === "caller" ? "call aborted" : "deadline passed", "AbortError"));
  };
  const onCallerAbort = (): void => abort("caller");

  let timer: NodeJS.Timeout | undefined;
  if (callSignal.aborted) onCallerAbort();
  else {
    callSignal.addEventListener("abort", onCallerAbort, { once: true });
    const remaining = deadline - now();
    if (remaining <= 0) abort("deadline");
    else if (Number.isFinite(remaining) && remaining <= MAX_TIMER_MS) timer = setTimeout(() => abort("deadline"), remaining);
  }

  return {
    signal: controller.signal,
    get abortedBy() {
      return abortedBy;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callSignal.removeEventListener("abort", onCallerAbort);
    },
  };
}
