/**
 * Every request goes through one wrapper (conventions.md §5): it honours cancellation,
 * logs a named error with its stack, and answers with a neutral result instead of failing
 * the request, so one bad article never breaks the editor.
 */
export interface CancellationLike {
  isCancellationRequested: boolean;
}

export type Logger = (message: string) => void;

export async function runSafe<T>(
  log: Logger,
  name: string,
  neutral: T,
  token: CancellationLike | undefined,
  work: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return neutral;
  try {
    const result = await work();
    return token?.isCancellationRequested ? neutral : result;
  } catch (e) {
    const err = e as Error;
    log(`Error in ${name}: ${err?.stack ?? String(e)}`);
    return neutral;
  }
}
