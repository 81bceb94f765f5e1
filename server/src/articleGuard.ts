/**
 * Which open documents the server declines to analyse, and saying so once (issue 9):
 * - a binary file (NUL bytes near the start) is skipped with one log line;
 * - an article larger than MAX_ARTICLE_BYTES is skipped with one log line and one warning
 *   to the user — analysing 50 MB would take minutes and gigabytes, and the editor would
 *   run out of memory instead of showing anything.
 * The same limits apply to files read from disk (fsCorpus.decodeArticle), so the index,
 * the command line and the editor agree. Declined documents get no features at all.
 */
import { MAX_ARTICLE_BYTES } from './fsCorpus';
import type { Logger } from './runner';

/** Why a text is not analysed, or undefined when it is fine. */
export function declineReason(text: string): string | undefined {
  // UTF-8 takes at least one byte per UTF-16 unit: the length alone rules most texts in or out.
  if (text.length > MAX_ARTICLE_BYTES || (text.length > MAX_ARTICLE_BYTES / 3 && Buffer.byteLength(text, 'utf8') > MAX_ARTICLE_BYTES)) {
    return `too large (${Buffer.byteLength(text, 'utf8')} bytes; limit ${MAX_ARTICLE_BYTES}); not analysed`;
  }
  const probe = Math.min(text.length, 8192);
  for (let i = 0; i < probe; i++) if (text.charCodeAt(i) === 0) return 'binary file (contains NUL bytes); not analysed';
  return undefined;
}

export class ArticleGuard {
  /** Last verdict per document: the version it was made for and the reason (undefined: accepted). */
  private readonly verdicts = new Map<string, { version: number; reason: string | undefined }>();
  /** Documents already reported, with the reason reported (one log line per document and reason). */
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly log: Logger,
    private readonly warn: (message: string) => void,
  ) {}

  /** True when this version of the document is not to be analysed (reported once). */
  declined(uri: string, version: number, text: string): boolean {
    const hit = this.verdicts.get(uri);
    if (hit && hit.version === version) return hit.reason !== undefined;
    const reason = declineReason(text);
    this.verdicts.set(uri, { version, reason });
    if (reason && this.reported.get(uri) !== reason) {
      this.reported.set(uri, reason);
      this.log(`skipped ${uri}: ${reason}`);
      if (reason.startsWith('too large')) this.warn(`VN Corpus: ${decodeURIComponent(uri.split('/').pop() ?? uri)} is ${reason}. Split the article or open a smaller file.`);
    }
    if (!reason) this.reported.delete(uri);
    return reason !== undefined;
  }

  forget(uri: string): void {
    this.verdicts.delete(uri);
    this.reported.delete(uri);
  }
}
